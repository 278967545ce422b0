"""Reposting customer content: which items may fill a slot, and the credited post they become.

The planner asks `repost_candidates` for every `social_proof` slot, so the
ledger and the items are indexed once per store snapshot; only the check
"already used by a post" reads the posts again, because the planner may add
posts to the same snapshot while it plans.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import pendulum

from ..dates import parse_at
from ..errors import ConsentError, InputError
from ..i18n import _
from ..records import Post, UGCItem
from ..store import Transaction
from ..vocab import check_channel, check_format
from .consent import ConsentGate, items_with_events, refusal

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["RepostDesk", "default_format", "refusal"]


def default_format(item: UGCItem, channel: str) -> str:
    """The natural format for reposting `item` on `channel`.

    >>> default_format(UGCItem("instagram", "u", "rina", media_type="sidecar"), "instagram")
    'carousel'
    """
    from ..channels import channel as registry_channel

    return registry_channel(channel).repost_format(item.media_type)


@dataclass
class _Index:
    """Items that may ever be used (had a grant, or the shop's own), and the gate over one snapshot."""

    items: list[UGCItem]
    gate: ConsentGate


class RepostDesk:
    """Candidates, credited posts and reposts for one workspace (reached through `ws.ugc`)."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._cache: weakref.WeakKeyDictionary[Transaction, _Index] = weakref.WeakKeyDictionary()

    def _index(self, tx: Transaction) -> _Index:
        cached = self._cache.get(tx)
        if cached is not None:
            return cached
        gate = self.ws.consent.gate(tx)
        usable = gate.ever_allowed()
        items = [UGCItem.from_dict(r) for r in tx.rows(UGCItem) if r["id"] in usable and not r.get("rejected")]
        index = _Index(items, gate)
        self._cache[tx] = index
        return index

    def candidates(
        self, channel: str, at: datetime, *, snapshot: Transaction | None = None, exclude: Collection[str] = (),
        fmt: str | None = None,
    ) -> list[UGCItem]:
        """Items with a grant in force at `at` covering `channel`, not rejected, not used by a
        non-skipped post (nor listed in `exclude`), oldest grant first; with `fmt`, the ones
        that repost in that format (a video for a reel slot) before the rest."""
        tx = snapshot if snapshot is not None else self.ws.store.read()
        index = self._index(tx)
        if not index.items:
            return []  # nothing was ever granted: no need to look at the posts
        when = parse_at(at, self.ws.tz)
        # Unsorted, straight off the table: this runs once per social-proof slot of a year's plan.
        used = {r["ugc_id"] for r in tx.data.get(Post.table, {}).values() if r.get("ugc_id") and r.get("status") != "skipped"}
        found: list[tuple[Any, str, UGCItem]] = []
        for item in index.items:
            if item.id in used or item.id in exclude:
                continue
            decision = index.gate.item(item, channel, when)
            if not decision:
                continue
            grant = decision.state.grant if decision.state is not None else None
            since = grant.at if grant is not None else (item.collected_at or item.taken_at or when)
            found.append((since, item.id, item))
        found.sort(key=lambda t: (fmt is not None and default_format(t[2], channel) != fmt, t[0], int(t[1][1:])))
        return [item for _, _, item in found]

    def build_post(self, item: UGCItem, at: datetime | str, channel: str, format: str | None = None) -> Post:
        """An unsaved `social_proof` post reposting `item`, its caption crediting the creator.

        It does not check consent: `repost` does, and the planner only places candidates.
        """
        from .messages import credit_caption, repost_title

        channel = check_channel(channel)
        fmt = check_format(format) if format else default_format(item, channel)
        lang = self.ws.language
        now = pendulum.now(self.ws.tz)
        variant = int(item.id[1:]) if item.id[1:].isdigit() else 0
        return Post(
            at=parse_at(at, self.ws.tz),
            channel=channel,
            format=fmt,
            pillar="social_proof",
            title=repost_title(item, lang),
            caption=credit_caption(item, self.ws.config, channel=channel, lang=lang, variant=variant),
            hashtags=list(self.ws.config.hashtags[:1]),
            assets=list(item.media_files),
            status="draft",
            ugc_id=item.id,
            source="repost",
            created_at=now,
            updated_at=now,
        )

    def repost(self, ugc_id: str, at: datetime | str, channel: str, format: str | None = None) -> Post:
        """Add a calendar post reposting the item, or ConsentError saying what is missing."""
        from ..calendar.limits import check_post

        channel = check_channel(channel)
        when = parse_at(at, self.ws.tz)
        if when < pendulum.now(self.ws.tz).subtract(minutes=1):
            raise InputError(_("--at {when} is in the past; give a future time").format(when=when.to_datetime_string()))
        with self.ws.store.transaction() as tx:
            item = tx.get(UGCItem, ugc_id)
            decision = self.ws.consent.gate(tx).item(item, channel, when)
            if not decision:
                raise ConsentError(decision.reason)
            post = self.build_post(item, when, channel, format)
            post.locked = True  # placed by hand: the planner leaves it alone
            problems = check_post(post, self.ws.config.limits)
            if problems:
                raise InputError(problems[0].message)
            tx.save(post)
        return post

    def worth_requesting(self, limit: int = 5, *, snapshot: Transaction | None = None) -> list[UGCItem]:
        """Collected items nobody has asked about yet, not rejected: mentions first, then the most recent."""
        tx = snapshot if snapshot is not None else self.ws.store.read()
        asked = items_with_events(tx)
        rows = [r for r in tx.rows(UGCItem) if r["id"] not in asked and not r.get("rejected") and not r.get("is_own")]
        rows.sort(key=lambda r: (bool(r.get("is_mention")), r.get("taken_at") and _stamp(r["taken_at"]) or 0.0), reverse=True)
        return [UGCItem.from_dict(r) for r in rows[: max(0, limit)]]


def _stamp(text: str) -> float:
    try:
        return datetime.fromisoformat(text).timestamp()
    except ValueError:
        return 0.0
