"""Tracking posts from draft to published: list, add, edit, publish, skip.

Edits lock a post so the planner never redraws what a person wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
import builtins
from typing import TYPE_CHECKING, Any

import pendulum

from ..i18n import _
from ..dates import parse_at, parse_date
from ..errors import InputError
from ..records import Post
from ..store import Transaction
from ..vocab import check_channel, check_format, check_pillar, check_status
from .limits import check_post

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["PostBook", "PostFilter"]


@dataclass(frozen=True)
class PostFilter:
    """Which posts to list; dates are inclusive, in the workspace timezone."""

    start: date | None = None
    end: date | None = None
    status: str | None = None
    channel: str | None = None

    def matches(self, post: Post, tz: str) -> bool:
        if self.status and post.status != self.status:
            return False
        if self.channel and post.channel != self.channel:
            return False
        if self.start or self.end:
            day = pendulum.instance(post.at).in_timezone(tz).date()
            if self.start and day < self.start:
                return False
            if self.end and day > self.end:
                return False
        return True


def _opt_date(value: str | date | None, tz: str) -> date | None:
    return parse_date(value, tz=tz) if value is not None else None


class PostBook:
    """The calendar's posts in one workspace."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def _check_limits(self, post: Post) -> None:
        problems = check_post(post, self.ws.config.limits)
        if problems:
            raise InputError(problems[0].message)

    def filter(
        self,
        start: str | date | None = None,
        end: str | date | None = None,
        status: str | None = None,
        channel: str | None = None,
    ) -> PostFilter:
        """Check user-given filter values and build a PostFilter."""
        f = PostFilter(
            start=_opt_date(start, self.ws.tz),
            end=_opt_date(end, self.ws.tz),
            status=check_status(status) if status else None,
            channel=check_channel(channel) if channel else None,
        )
        if f.start and f.end and f.start > f.end:
            raise InputError(_("--from {start} is after --to {end}; swap them").format(start=f.start, end=f.end))
        return f

    def list(
        self,
        start: str | date | None = None,
        end: str | date | None = None,
        status: str | None = None,
        channel: str | None = None,
        *,
        snapshot: Transaction | None = None,
    ) -> builtins.list[Post]:
        """Posts matching the filters, in time order.

        >>> ws.posts(start="2026-12-07", end="2026-12-13", channel="instagram")  # doctest: +SKIP
        """
        f = self.filter(start, end, status, channel)
        tx = snapshot or self.ws.store.read()
        posts = [p for p in tx.all(Post) if f.matches(p, self.ws.tz)]
        posts.sort(key=lambda p: (p.at, p.id))
        return posts

    def get(self, post_id: str) -> Post:
        return self.ws.store.read().get(Post, post_id)

    def add(
        self,
        *,
        at: str | datetime,
        channel: str,
        format: str,
        pillar: str,
        title: str,
        caption: str = "",
        hashtags: builtins.list[str] | None = None,
        assets: builtins.list[str] | None = None,
        duration_s: float | None = None,
    ) -> Post:
        """Add a post outside the plan (it is locked: the planner leaves it alone)."""
        if not title.strip():
            raise InputError(_("the title is empty; give it with --title"))
        now = pendulum.now(self.ws.tz)
        post = Post(
            at=parse_at(at, self.ws.tz),
            channel=check_channel(channel),
            format=check_format(format),
            pillar=check_pillar(pillar),
            title=title.strip(),
            caption=caption,
            hashtags=[h.lstrip("#") for h in hashtags or [] if h.strip("# ")],
            assets=list(assets or []),
            duration_s=duration_s,
            source="manual",
            locked=True,
            created_at=now,
            updated_at=now,
        )
        self._check_limits(post)
        with self.ws.store.transaction() as tx:
            tx.save(post)
        return post

    def edit(self, post_id: str, **changes: Any) -> Post:
        """Change fields of a post; the post becomes `locked`. Unknown or None values are ignored."""
        with self.ws.store.transaction() as tx:
            post = tx.get(Post, post_id)
            if post.status == "published" and any(k in changes and changes[k] is not None for k in ("at", "channel")):
                raise InputError(_("post {id} is already published; its time and channel can no longer change").format(id=post.id))
            for key, value in changes.items():
                if value is None:
                    continue
                if key == "at":
                    value = parse_at(value, self.ws.tz)
                elif key == "channel":
                    value = check_channel(value)
                elif key == "format":
                    value = check_format(value)
                elif key == "pillar":
                    value = check_pillar(value)
                elif key == "status":
                    value = check_status(value, ("draft", "ready"))
                elif key == "hashtags":
                    value = [str(h).lstrip("#") for h in value if str(h).strip("# ")]
                elif key not in ("title", "caption", "duration_s", "assets"):
                    raise InputError(_("cannot edit {key!r} of a post").format(key=key))
                setattr(post, key, value)
            self._check_limits(post)
            post.locked = True
            post.updated_at = pendulum.now(self.ws.tz)
            tx.save(post)
        return post

    def publish(self, post_id: str, url: str, at: str | datetime | None = None) -> Post:
        """Mark a post published at `url`, at `at` (default: its planned time, or now if that is ahead)."""
        if not url.strip().lower().startswith(("http://", "https://")):
            raise InputError(_("{url!r} is not a link; give the published post's URL, starting with https://").format(url=url))
        with self.ws.store.transaction() as tx:
            post = tx.get(Post, post_id)
            if post.status == "skipped":
                raise InputError(_("post {id} was skipped ({skip_reason}); add a new post instead").format(id=post.id, skip_reason=post.skip_reason))
            post.status = "published"
            post.published_url = url.strip()
            # Without --at: the planned time, unless that is still ahead (then it went out early: now).
            now = pendulum.now(self.ws.tz)
            post.published_at = parse_at(at, self.ws.tz) if at else min(pendulum.instance(post.at), now)
            post.updated_at = pendulum.now(self.ws.tz)
            tx.save(post)
        return post

    def skip(self, post_id: str, reason: str) -> Post:
        """Mark a post skipped, with the reason (it stays on record)."""
        if not reason.strip():
            raise InputError(_('give a reason with --reason, e.g. --reason "stok habis"'))
        with self.ws.store.transaction() as tx:
            post = tx.get(Post, post_id)
            if post.status == "published":
                raise InputError(_("post {id} is already published; it cannot be skipped").format(id=post.id))
            post.status = "skipped"
            post.skip_reason = reason.strip()
            post.updated_at = pendulum.now(self.ws.tz)
            tx.save(post)
        return post

    def check(self) -> builtins.list[Any]:
        """Every post that breaks a platform limit, then every unpublished post that uses customer
        content the consent gate does not allow on its channel at its time (rule `consent`)."""
        from .limits import Violation, check_posts

        tx = self.ws.store.read()
        posts = [p for p in self.list(snapshot=tx) if p.status != "skipped"]
        found = check_posts(posts, self.ws.config.limits)
        blocked = self.ws.consent.gate(tx).blocked(posts)
        found.extend(Violation(p.id, p.channel, "consent", d.reason) for p, d in blocked)
        return found
