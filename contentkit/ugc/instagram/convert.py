"""instaloader structures → contentkit records, from what the saved node holds.

A `Post` or `StoryItem` built from saved JSON goes to the network when a
property's key is missing from its node (`tagged_users`, `typename`, a
StoryItem's `owner_username`, ...). Conversion therefore reads the node itself
(`_asdict()`) and treats a missing field as missing.
"""

from __future__ import annotations

import json
import lzma
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ...i18n import _
from ...errors import InputError, os_reason
from ...records import UGCItem
from .session import loader_context_offline

__all__ = [
    "Comment",
    "read_saved",
    "parse_saved",
    "item_from_structure",
    "node_of",
    "comments_of",
    "iter_saved_items",
]


# What Instagram allows; anything else (`../x`, NUL, 300 characters) did not come from Instagram.
_IG_USERNAME = re.compile(r"[a-z0-9._]{1,30}")
_IG_SHORTCODE = re.compile(r"[A-Za-z0-9_-]{1,64}")


@dataclass(frozen=True)
class Comment:
    """A comment (or reply) on an Instagram post."""

    owner: str
    text: str
    at: datetime
    id: str


# -- saved files ------------------------------------------------------------

def read_saved(path: Path) -> dict[str, Any]:
    """The JSON of an instaloader metadata file (`.json` or `.json.xz`), or InputError naming the problem."""
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(_("{path}: cannot read it ({strerror}); check the path").format(path=path, strerror=os_reason(exc))) from None
    if name.endswith(".xz"):
        try:
            raw = lzma.decompress(raw)
        except lzma.LZMAError:
            raise InputError(_("{path}: not a valid .xz file (truncated or not compressed); export it again").format(path=path)) from None
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise InputError(_("{path}: not UTF-8 JSON; give instaloader's .json or .json.xz metadata file").format(path=path)) from None
    except json.JSONDecodeError as exc:
        raise InputError(_("{path}: not valid JSON ({value}, line {lineno}); the file may be truncated").format(path=path, value=exc.msg.removesuffix(' at'), lineno=exc.lineno)) from None
    if not isinstance(data, dict):
        raise InputError(_("{path}: not an instaloader metadata file (expected a JSON object)").format(path=path))
    return data


def parse_saved(context: Any, data: dict[str, Any], where: str, *, brand_handle: str = "") -> UGCItem:
    """A UGCItem from instaloader's JSON structure, read through its own `load_structure`.

    Never goes to the network: the Instaloader 3 form (`{"shortcode": ...}`
    only) would make `load_structure` fetch the post, so it is refused first.
    """
    from .library import InstaloaderException, load_structure

    meta = data.get("instaloader")
    if not (isinstance(meta, dict) and "node" in data and isinstance(data.get("node"), dict)):
        raise InputError(_("{where}: not an instaloader post or story (no 'node'/'instaloader' keys); save it with --metadata-json").format(where=where))
    node_type = meta.get("node_type")
    if node_type not in ("Post", "StoryItem"):
        raise InputError(_("{where}: a {value} structure, not a Post or StoryItem; import posts and stories only").format(where=where, value=node_type or 'unknown'))
    try:
        structure = load_structure(context, data)
    except (AssertionError, KeyError, TypeError, InstaloaderException):
        raise InputError(_("{where}: the {node_type} has no shortcode or id; export it again").format(where=where, node_type=node_type)) from None
    return item_from_structure(structure, where, brand_handle=brand_handle)


def iter_saved_items(paths: Iterable[Path], brand_handle: str = "") -> Iterator[tuple[Path, UGCItem | InputError]]:
    """Each saved file's item, or the InputError that explains why it cannot be read."""
    context = loader_context_offline()
    for path in paths:
        try:
            yield path, parse_saved(context, read_saved(path), str(path), brand_handle=brand_handle)
        except InputError as exc:
            yield path, exc


# -- structures -------------------------------------------------------------

def node_of(structure: Any) -> dict[str, Any]:
    """The raw node an instaloader structure was built from (reading it never fetches)."""
    node = structure._asdict()
    if not isinstance(node, dict):  # pragma: no cover - instaloader always gives a dict
        raise InputError(_("not an instaloader structure"))
    return node


def _owner(node: dict[str, Any]) -> tuple[str, str | None]:
    owner = node.get("owner")
    if not isinstance(owner, dict):
        owner = {}
    username = owner.get("username") or node.get("owner_username") or ""
    owner_id = owner.get("id") or owner.get("pk")
    return str(username).lower(), (str(owner_id) if owner_id is not None else None)


def _aware(stamp: Any, where: str) -> datetime:
    # instaloader's own date_utc is naive UTC; the node's timestamp gives an aware time directly.
    try:
        return datetime.fromtimestamp(float(stamp), tz=timezone.utc)
    except (TypeError, ValueError, OverflowError, OSError):
        raise InputError(_("{where}: the post's time {stamp!r} is not a timestamp; export it again").format(where=where, stamp=stamp)) from None


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
    from .library import StoryItem

    node = node_of(structure)
    brand = brand_handle.lstrip("@").lower()
    caption = structure.caption or ""
    hashtags = list(dict.fromkeys(structure.caption_hashtags))
    mentions = list(dict.fromkeys(structure.caption_mentions))
    owner, owner_id = _owner(node)
    if owner and not _IG_USERNAME.fullmatch(owner):
        raise InputError(_("{where}: {value!r} is not an Instagram username; this is not instaloader's metadata").format(where=where, value=owner[:40]))
    if isinstance(structure, StoryItem):
        return _story_item(node, where, owner, owner_id, caption, hashtags, mentions, brand)
    shortcode = node.get("shortcode") or node.get("code")
    if not shortcode:
        raise InputError(_("{where}: the post has no shortcode; export it again").format(where=where))
    if not _IG_SHORTCODE.fullmatch(str(shortcode)):
        raise InputError(_("{where}: {value!r} is not an Instagram shortcode; this is not instaloader's metadata").format(where=where, value=str(shortcode)[:40]))
    if not owner and online:
        owner = structure.owner_username
    if not owner:
        raise InputError(_("{where}: the post does not name its owner (owner.username); export it again").format(where=where))
    stamp = node.get("date", node.get("taken_at_timestamp"))
    if stamp is None:
        raise InputError(_("{where}: the post has no time (taken_at_timestamp); export it again").format(where=where))
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


def _story_item(node: dict[str, Any], where: str, owner: str, owner_id: str | None, caption: str,
                hashtags: list[str], mentions: list[str], brand: str) -> UGCItem:
    # A StoryItem's owner_username would fetch the owner's profile: only the node's owner counts.
    from .library import Post

    if "id" not in node:
        raise InputError(_("{where}: the story has no id; export it again").format(where=where))
    stamp = node.get("taken_at_timestamp")
    if stamp is None:
        raise InputError(_("{where}: the story has no time (taken_at_timestamp); export it again").format(where=where))
    if not owner:
        raise InputError(_("{where}: the story does not name its owner; save it with its owner profile").format(where=where))
    mentions = list(dict.fromkeys([*mentions, *_story_mentions(node)]))
    is_video = bool(node.get("is_video"))
    urls = []
    if is_video and node.get("video_resources"):
        urls.append(node["video_resources"][-1]["src"])
    if node.get("display_resources"):
        urls.append(node["display_resources"][-1]["src"])
    elif node.get("display_url"):
        urls.append(node["display_url"])
    shortcode = Post.mediaid_to_shortcode(int(node["id"]))
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


def _has_username(edge: Any) -> bool:
    try:
        return bool(edge["node"]["user"]["username"])
    except (KeyError, TypeError):
        return False


# -- comments -----------------------------------------------------------------

def comments_of(post: Any) -> list[Comment]:
    """Every comment and reply of an instaloader Post, flattened, oldest thread first."""
    out: list[Comment] = []
    for comment in post.get_comments():
        out.append(_comment(comment))
        for answer in comment.answers:
            out.append(_comment(answer))
    return out


def _comment(comment: Any) -> Comment:
    owner = comment.owner
    return Comment(
        owner=str(owner.username).lower(),
        text=str(comment.text or ""),
        at=comment.created_at_utc.replace(tzinfo=timezone.utc),
        id=str(comment.id),
    )
