"""InstagramClient: the network side, one object per run (listings, comments, media).

Every call turns Instagram's refusals into one-line NetworkErrors (errors.py);
login is instaloader's own session file (session.py); walks resume
(iteration.py); posts become UGCItems from their nodes (convert.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...i18n import _
from ...records import UGCItem
from .convert import Comment, comments_of, item_from_structure
from .errors import instaloader_errors, network_error
from .iteration import CollectRun, walk_resumably
from .session import open_loader

if TYPE_CHECKING:
    from .library import Instaloader

__all__ = ["InstagramClient"]


class InstagramClient:
    """Instagram through instaloader: tagged and hashtag listings, comments, media.

    >>> client = InstagramClient.open(login="dapurbusari")   # doctest: +SKIP
    """

    def __init__(self, loader: Instaloader, login: str | None = None) -> None:
        self.loader = loader
        self.login = login

    @classmethod
    def open(cls, login: str | None = None, session_file: str | None = None) -> InstagramClient:
        """A client, logged in from instaloader's own session file when `login` is given.

        contentkit never asks for or stores a password: the session file is made
        by `instaloader -l USER` and read with `load_session_from_file`.
        """
        return cls(open_loader(login, session_file), login)

    @property
    def context(self) -> Any:
        return self.loader.context

    def tagged_posts(self, username: str) -> Iterator[Any]:
        """Posts where `username` is tagged (a resumable NodeIterator)."""
        from .library import Profile

        try:
            profile = Profile.from_username(self.context, username)
            return profile.get_tagged_posts()  # type: ignore[no-any-return]
        except instaloader_errors() as exc:
            raise network_error(exc, what=_("profile @{name}").format(name=username), login=self.login) from None

    def hashtag_posts(self, tag: str) -> Iterator[Any]:
        """Recent posts under `#tag` (a resumable NodeIterator)."""
        from .library import Hashtag

        try:
            return Hashtag.from_name(self.context, tag).get_posts_resumable()  # type: ignore[no-any-return]
        except instaloader_errors() as exc:
            raise network_error(exc, what=_("hashtag #{name}").format(name=tag), login=self.login) from None

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
        try:
            return walk_resumably(
                self.context, iterator, source=source, resume_dir=resume_dir, sink=sink, brand_handle=brand_handle,
                since=since, limit=limit, progress=progress,
            )
        except instaloader_errors() as exc:
            raise network_error(exc, what=_("profile @{name}").format(name=source[7:]) if source.startswith("tagged:")
                                else _("hashtag #{name}").format(name=source[8:]) if source.startswith("hashtag:") else source,
                                login=self.login) from None

    def comments(self, shortcode: str) -> list[Comment]:
        """Every comment and reply on the post `shortcode` (needs a logged-in session)."""
        from .library import Post

        try:
            return comments_of(Post.from_shortcode(self.context, shortcode))
        except instaloader_errors() as exc:
            raise network_error(exc, what=_("post {name}").format(name=shortcode), login=self.login, resumable=False) from None

    def fresh_media_urls(self, shortcode: str) -> list[str]:
        """Current media links of a post (stored links expire after some days)."""
        from .library import Post

        try:
            post = Post.from_shortcode(self.context, shortcode)
            item = item_from_structure(post, f"post {shortcode}", online=True)
        except instaloader_errors() as exc:
            raise network_error(exc, what=_("post {name}").format(name=shortcode), login=self.login, resumable=False) from None
        return item.media_urls

    def download(self, url: str, target: Path) -> None:
        """Save `url` to `target` (written to a temp name, then renamed); a failure leaves no partial file."""
        try:
            response = self.context.get_raw(url)
            self.context.write_raw(response, str(target))
        except instaloader_errors() as exc:
            raise network_error(exc, what="the media file", login=self.login, resumable=False) from None
        finally:
            Path(f"{target}.temp").unlink(missing_ok=True)  # instaloader's temp name, left when the stream breaks
