"""The one module that talks to instaloader: sessions, collection, saved JSON, comments, media.

Nothing else in contentkit imports instaloader. Two rules from its source:

- A `Post` or `StoryItem` built from saved JSON goes to the network when a
  property's key is missing from its node (`tagged_users`, `typename`, a
  StoryItem's `owner_username`, ...). Offline conversion therefore reads the
  node itself and treats a missing field as missing.
- Its errors are `InstaloaderException` subclasses, except
  `AbortDownloadException`; both become one-line `NetworkError`s here.
"""

from __future__ import annotations

import json
import lzma
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, NetworkError
from ..records import UGCItem

if TYPE_CHECKING:
    import instaloader

__all__ = [
    "InstagramClient",
    "Comment",
    "CollectRun",
    "network_error",
    "read_saved",
    "parse_saved",
    "item_from_structure",
    "comments_of",
    "new_loader",
    "PINNED_SLACK",
]

# Profiles pin up to 3 posts, which break newest-first order at the top of a listing.
PINNED_SLACK = 3


@dataclass(frozen=True)
class Comment:
    """A comment (or reply) on an Instagram post."""

    owner: str
    text: str
    at: datetime
    id: str


@dataclass
class CollectRun:
    """What one collection pass did: the source, items found, and whether it resumed."""

    source: str
    resumed: bool = False
    seen: int = 0
    stopped_by: str | None = None  # "limit" | "since" | None (the listing ended)


def _loader_module() -> Any:
    import instaloader

    return instaloader


def new_loader(*, sleep: bool = True) -> instaloader.Instaloader:
    """An Instaloader that only fetches metadata, quietly, and fails fast on HTTP 429.

    Instaloader's own 429 handling sleeps for up to many minutes; here a rate
    limit ends the run (its place is saved) so the user can come back later.
    """
    il = _loader_module()

    class _FailFastOn429(il.RateController):  # type: ignore[misc, name-defined]
        def handle_429(self, query_type: str) -> None:
            raise il.TooManyRequestsException("429 Too Many Requests (rate limited)")

    return il.Instaloader(
        sleep=sleep,
        quiet=True,
        download_pictures=False,
        download_videos=False,
        download_video_thumbnails=False,
        save_metadata=False,
        compress_json=True,
        max_connection_attempts=2,
        request_timeout=60.0,
        rate_controller=_FailFastOn429,
        resume_prefix=None,
    )


# -- errors -----------------------------------------------------------------

def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def network_error(exc: BaseException, *, what: str = "Instagram", login: str | None = None) -> NetworkError:
    """Turn an instaloader or requests failure into one line saying what to do next.

    >>> network_error(TooManyRequestsException("429"))            # doctest: +SKIP
    NetworkError('Instagram is rate limiting this account; wait (an hour is safe) and run again: it will resume')
    """
    il = _loader_module()
    import requests

    chain = list(_chain(exc))
    text = " | ".join(str(e) for e in chain).lower()
    session_hint = (
        f"make a session once with `instaloader -l {login or 'YOUR_ACCOUNT'}` "
        f"and run again with --login {login or 'YOUR_ACCOUNT'}"
    )
    resume = "it will resume where it stopped"
    if any(isinstance(e, il.AbortDownloadException) for e in chain):
        if "redirected to login" in text or "logged out" in text:
            return NetworkError(f"Instagram logged this session out; {session_hint} (a fresh session), then {resume}")
        return NetworkError(
            "Instagram asked this account to confirm it is you (checkpoint/feedback required); "
            f"open the Instagram app, confirm, wait a few hours and run again: {resume}"
        )
    if any(isinstance(e, il.LoginRequiredException) for e in chain):
        return NetworkError(f"{what} needs a logged-in Instagram session; {session_hint}")
    if any(isinstance(e, il.ProfileNotExistsException) for e in chain):
        return NetworkError(f"{what} was not found on Instagram; check the name ([handles] instagram in contentkit.toml)")
    if any(isinstance(e, il.PrivateProfileNotFollowedException) for e in chain):
        return NetworkError(f"{what} is private; follow it from the --login account, or collect by hashtag")
    if (
        any(isinstance(e, il.TooManyRequestsException) for e in chain)
        or "429" in text
        or "please wait a few minutes" in text
        or ("401" in text and "unauthorized" in text)
    ):
        return NetworkError(f"Instagram is rate limiting this account; wait (an hour is safe) and run again: {resume}")
    if any(isinstance(e, il.QueryReturnedNotFoundException) for e in chain):
        return NetworkError(f"{what} was not found on Instagram (404); check the name or link")
    if any(isinstance(e, (requests.exceptions.ConnectionError, requests.exceptions.Timeout)) for e in chain) or any(
        marker in text for marker in ("max retries", "name resolution", "connection aborted", "timed out", "connection refused")
    ):
        return NetworkError(f"cannot reach Instagram; check the internet connection and run again: {resume}")
    if any(isinstance(e, il.LoginException) for e in chain):
        return NetworkError(f"Instagram refused the login; {session_hint}")
    if any(isinstance(e, il.QueryReturnedBadRequestException) for e in chain):
        return NetworkError(f"Instagram refused the request (400); wait a while and run again: {resume}")
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return NetworkError(f"Instagram refused: {first[:200]}; run again later: {resume}")


def _instaloader_errors() -> tuple[type[BaseException], ...]:
    il = _loader_module()
    import requests

    return (il.InstaloaderException, il.AbortDownloadException, requests.exceptions.RequestException)


# -- saved structures (offline) ---------------------------------------------

def read_saved(path: Path) -> dict[str, Any]:
    """The JSON of an instaloader metadata file (`.json` or `.json.xz`), or InputError naming the problem."""
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror}); check the path") from None
    if name.endswith(".xz"):
        try:
            raw = lzma.decompress(raw)
        except lzma.LZMAError:
            raise InputError(f"{path}: not a valid .xz file (truncated or not compressed); export it again") from None
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 JSON; give instaloader's .json or .json.xz metadata file") from None
    except ValueError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}); the file may be truncated") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: not an instaloader metadata file (expected a JSON object)")
    return data


def parse_saved(context: Any, data: dict[str, Any], where: str, *, brand_handle: str = "") -> UGCItem:
    """A UGCItem from instaloader's JSON structure, read through its own `load_structure`.

    Never goes to the network: the Instaloader 3 form (`{"shortcode": ...}`
    only) would make `load_structure` fetch the post, so it is refused first.
    """
    il = _loader_module()
    meta = data.get("instaloader")
    if not (isinstance(meta, dict) and "node" in data and isinstance(data.get("node"), dict)):
        raise InputError(f"{where}: not an instaloader post or story (no 'node'/'instaloader' keys); save it with --metadata-json")
    node_type = meta.get("node_type")
    if node_type not in ("Post", "StoryItem"):
        raise InputError(f"{where}: a {node_type or 'unknown'} structure, not a Post or StoryItem; import posts and stories only")
    try:
        structure = il.load_structure(context, data)
    except (AssertionError, KeyError, TypeError, il.InstaloaderException):
        raise InputError(f"{where}: the {node_type} has no shortcode or id; export it again") from None
    return item_from_structure(structure, where, brand_handle=brand_handle)


def _node_of(structure: Any) -> dict[str, Any]:
    node = structure._asdict()
    if not isinstance(node, dict):  # pragma: no cover - instaloader always gives a dict
        raise InputError("not an instaloader structure")
    return node


def _owner(node: dict[str, Any]) -> tuple[str, str | None]:
    owner = node.get("owner")
    if not isinstance(owner, dict):
        owner = {}
    username = owner.get("username") or node.get("owner_username") or ""
    owner_id = owner.get("id") or owner.get("pk")
    return str(username).lower(), (str(owner_id) if owner_id is not None else None)


def _aware(stamp: Any, where: str) -> datetime:
    try:
        return datetime.fromtimestamp(float(stamp), tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        raise InputError(f"{where}: the post's time {stamp!r} is not a timestamp; export it again") from None


def _story_mentions(node: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for obj in node.get("tappable_objects") or []:
        if isinstance(obj, dict) and obj.get("__typename") in ("GraphMentionSticker", "GraphTappableMention"):
            if obj.get("username"):
                found.append(str(obj["username"]).lower())
    iphone = node.get("iphone_struct") or {}
    for mention in iphone.get("reel_mentions") or []:
        user = (mention or {}).get("user") or {}
        if user.get("username"):
            found.append(str(user["username"]).lower())
    return found


def item_from_structure(structure: Any, where: str = "post", *, brand_handle: str = "", online: bool = False) -> UGCItem:
    """Turn an instaloader Post or StoryItem into a UGCItem using only what its node holds.

    With `online=True` (during collection) a Post whose node lacks the owner's
    username may ask Instagram for it, as instaloader itself would.
    """
    il = _loader_module()
    node = _node_of(structure)
    brand = brand_handle.lstrip("@").lower()
    caption = structure.caption or ""
    hashtags = list(dict.fromkeys(structure.caption_hashtags))
    mentions = list(dict.fromkeys(structure.caption_mentions))
    owner, owner_id = _owner(node)
    if isinstance(structure, il.StoryItem):
        if "id" not in node:
            raise InputError(f"{where}: the story has no id; export it again")
        stamp = node.get("taken_at_timestamp")
        if stamp is None:
            raise InputError(f"{where}: the story has no time (taken_at_timestamp); export it again")
        if not owner:
            raise InputError(f"{where}: the story does not name its owner; save it with its owner profile")
        mentions = list(dict.fromkeys([*mentions, *_story_mentions(node)]))
        is_video = bool(node.get("is_video"))
        urls = []
        if is_video and node.get("video_resources"):
            urls.append(node["video_resources"][-1]["src"])
        if node.get("display_resources"):
            urls.append(node["display_resources"][-1]["src"])
        elif node.get("display_url"):
            urls.append(node["display_url"])
        shortcode = il.Post.mediaid_to_shortcode(int(node["id"]))
        return UGCItem(
            platform="instagram",
            url=f"https://www.instagram.com/stories/{owner}/{int(node['id'])}/",
            owner=owner,
            owner_id=owner_id,
            shortcode=shortcode,
            caption=caption,
            hashtags=hashtags,
            mentions=mentions,
            media_type="story_video" if is_video else "story_image",
            media_urls=urls,
            is_mention=bool(brand) and brand in mentions,
            taken_at=_aware(stamp, where),
            source="import",
        )
    shortcode = node.get("shortcode") or node.get("code")
    if not shortcode:
        raise InputError(f"{where}: the post has no shortcode; export it again")
    if not owner and online:
        owner = structure.owner_username
    if not owner:
        raise InputError(f"{where}: the post does not name its owner (owner.username); export it again")
    stamp = node.get("date", node.get("taken_at_timestamp"))
    if stamp is None:
        raise InputError(f"{where}: the post has no time (taken_at_timestamp); export it again")
    edges = ((node.get("edge_media_to_tagged_user") or {}).get("edges")) or []
    tagged = [str(e["node"]["user"]["username"]).lower() for e in edges if _has_username(e)]
    children = ((node.get("edge_sidecar_to_children") or {}).get("edges")) or []
    typename = node.get("__typename") or ("GraphSidecar" if children else "GraphVideo" if node.get("is_video") else "GraphImage")
    media_type = {"GraphSidecar": "sidecar", "GraphVideo": "video"}.get(typename, "image")
    urls: list[str] = []
    if children:
        for edge in children:
            child = edge.get("node") or {}
            url = child.get("video_url") if child.get("is_video") else None
            url = url or child.get("display_url")
            if url:
                urls.append(str(url))
    else:
        if node.get("is_video") and node.get("video_url"):
            urls.append(str(node["video_url"]))
        elif node.get("display_url") or node.get("display_src"):
            urls.append(str(node.get("display_url") or node.get("display_src")))
    return UGCItem(
        platform="instagram",
        url=f"https://www.instagram.com/p/{shortcode}/",
        owner=owner,
        owner_id=owner_id,
        shortcode=str(shortcode),
        caption=caption,
        hashtags=hashtags,
        mentions=mentions,
        tagged_users=tagged,
        media_type=media_type,
        media_urls=urls,
        is_mention=bool(brand) and (brand in mentions),
        taken_at=_aware(stamp, where),
        source="import",
    )


def _has_username(edge: Any) -> bool:
    try:
        return bool(edge["node"]["user"]["username"])
    except (KeyError, TypeError):
        return False


# -- the network side ---------------------------------------------------------

class InstagramClient:
    """Instagram through instaloader: tagged and hashtag listings, comments, media.

    >>> client = InstagramClient.open(login="dapurbusari")   # doctest: +SKIP
    """

    def __init__(self, loader: instaloader.Instaloader, login: str | None = None) -> None:
        self.loader = loader
        self.login = login

    @classmethod
    def open(cls, login: str | None = None, session_file: str | None = None) -> InstagramClient:
        """A client, logged in from instaloader's own session file when `login` is given.

        contentkit never asks for or stores a password: the session file is made
        by `instaloader -l USER` and read with `load_session_from_file`.
        """
        loader = new_loader()
        if login:
            user = login.lstrip("@")
            try:
                loader.load_session_from_file(user, session_file)
            except FileNotFoundError:
                raise InputError(
                    f"no instaloader session for {user!r}; make one with `instaloader -l {user}` "
                    "(it asks for the password itself), then run again"
                ) from None
            except Exception as exc:  # a corrupt pickle, a wrong file
                raise InputError(
                    f"the instaloader session for {user!r} cannot be read ({type(exc).__name__}); "
                    f"make it again with `instaloader -l {user}`"
                ) from None
        return cls(loader, login)

    @property
    def context(self) -> Any:
        return self.loader.context

    def tagged_posts(self, username: str) -> Iterator[Any]:
        """Posts where `username` is tagged (a resumable NodeIterator)."""
        il = _loader_module()
        try:
            profile = il.Profile.from_username(self.context, username)
            return profile.get_tagged_posts()  # type: ignore[no-any-return]
        except _instaloader_errors() as exc:
            raise network_error(exc, what=f"profile @{username}", login=self.login) from None

    def hashtag_posts(self, tag: str) -> Iterator[Any]:
        """Recent posts under `#tag` (a resumable NodeIterator)."""
        il = _loader_module()
        try:
            return il.Hashtag.from_name(self.context, tag).get_posts_resumable()  # type: ignore[no-any-return]
        except _instaloader_errors() as exc:
            raise network_error(exc, what=f"hashtag #{tag}", login=self.login) from None

    def collect(
        self,
        iterator: Iterator[Any],
        *,
        source: str,
        resume_dir: Path,
        sink: list[UGCItem],
        brand_handle: str = "",
        since: datetime | None = None,
        limit: int | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> CollectRun:
        """Walk `iterator`, appending each post as a UGCItem to `sink`, resumably.

        An interruption (Ctrl-C, a rate limit, a dropped connection) saves the
        iterator's place under `resume_dir` before the error leaves; the next
        call with an equal iterator resumes there. Items already in `sink` stay
        there, so the caller can keep them. Instagram errors become NetworkError.
        `since` skips older posts, tolerating pinned ones at the top; `limit`
        stops after that many posts.
        """
        il = _loader_module()
        from instaloader.nodeiterator import resumable_iteration

        run = CollectRun(source=source)
        kind = source.split(":", 1)[0]
        from .safe_paths import safe_component

        def resume_path(magic: str) -> str:
            return str(resume_dir / f"{kind}-{safe_component(source.split(':', 1)[-1])}-{safe_component(magic)}.json.xz")

        try:
            with resumable_iteration(
                context=self.context,
                iterator=iterator,
                load=il.load_structure_from_file,
                save=il.save_structure_to_file,
                format_path=resume_path,
                check_bbd=True,
            ) as (resumed, start_index):
                run.resumed = bool(resumed)
                for number, post in enumerate(iterator, start=start_index + 1):
                    item = item_from_structure(post, f"{source} post {number}", brand_handle=brand_handle, online=True)
                    if since is not None and item.taken_at is not None and item.taken_at < since:
                        if _maybe_pinned(post, number):
                            continue
                        run.stopped_by = "since"
                        break
                    item.source = kind
                    sink.append(item)
                    run.seen += 1
                    if progress is not None:
                        progress(run.seen)
                    if limit is not None and run.seen >= limit:
                        run.stopped_by = "limit"
                        break
        except _instaloader_errors() as exc:
            raise network_error(exc, what=source.replace("tagged:", "profile @").replace("hashtag:", "hashtag #"),
                                login=self.login) from None
        return run

    def comments(self, shortcode: str) -> list[Comment]:
        """Every comment and reply on the post `shortcode` (needs a logged-in session)."""
        il = _loader_module()
        try:
            return comments_of(il.Post.from_shortcode(self.context, shortcode))
        except _instaloader_errors() as exc:
            raise network_error(exc, what=f"post {shortcode}", login=self.login) from None

    def fresh_media_urls(self, shortcode: str) -> list[str]:
        """Current media links of a post (stored links expire after some days)."""
        il = _loader_module()
        try:
            post = il.Post.from_shortcode(self.context, shortcode)
            item = item_from_structure(post, f"post {shortcode}", online=True)
        except _instaloader_errors() as exc:
            raise network_error(exc, what=f"post {shortcode}", login=self.login) from None
        return item.media_urls

    def download(self, url: str, target: Path) -> None:
        """Save `url` to `target` (written to a temp name, then renamed)."""
        try:
            response = self.context.get_raw(url)
            self.context.write_raw(response, str(target))
        except _instaloader_errors() as exc:
            raise network_error(exc, what="the media file", login=self.login) from None


def comments_of(post: Any) -> list[Comment]:
    """Every comment and reply of an instaloader Post, flattened, oldest thread first."""
    out: list[Comment] = []
    for comment in post.get_comments():
        out.append(_comment(comment))
        for answer in comment.answers:
            out.append(_comment(answer))
    return out


def _maybe_pinned(post: Any, number: int) -> bool:
    node = _node_of(post)
    return bool(node.get("pinned_for_users")) or number <= PINNED_SLACK


def _comment(comment: Any) -> Comment:
    owner = comment.owner
    return Comment(
        owner=str(owner.username).lower(),
        text=str(comment.text or ""),
        at=comment.created_at_utc.replace(tzinfo=timezone.utc),
        id=str(comment.id),
    )


def loader_context_offline() -> Any:
    """An instaloader context for reading saved structures (making it sends no request)."""
    return new_loader(sleep=False).context


def iter_saved_items(paths: Iterable[Path], brand_handle: str = "") -> Iterator[tuple[Path, UGCItem | InputError]]:
    """Each saved file's item, or the InputError that explains why it cannot be read."""
    context = loader_context_offline()
    for path in paths:
        try:
            yield path, parse_saved(context, read_saved(path), str(path), brand_handle=brand_handle)
        except InputError as exc:
            yield path, exc
