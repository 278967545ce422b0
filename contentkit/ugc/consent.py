"""The consent gate: the only place that decides whether customer content may be used.

`ConsentGate` (reached as `ws.consent.gate()` or `ws.consent.may_use(...)`) answers
"may this customer's post, or a review made from it, be used on this channel at
this time, and if not, why". Every route that creates, moves, revives, renders or
exports customer content asks it, and the store runs `ConsentGate.check_changes`
before every write, so a route that forgets (a script included) is refused
anyway. No other module derives consent state from events; a test enforces it.
Recording events (request, grant, decline, revoke) is `consent_ledger.py`; the
words that explain a refusal are `consent_words.py`.

Nothing here edits or deletes an event. An item's state at a moment is a pure
function of its events up to that moment (`derive`), so the answer to "may we
repost this on TikTok next Friday?" can always be traced back to what the
creator said. Every new event re-checks the calendar posts that use the item,
in the same transaction: a post no longer covered is skipped at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import pendulum

from ..records import ConsentEvent, Post, Review, UGCItem
from ..store import Transaction
from ..vocab import CHANNELS
from .consent_words import refusal, scope_words

__all__ = [
    "STATES", "KINDS", "ConsentActivity", "ConsentState", "Decision", "ConsentGate",
    "derive", "covers", "event_from_row", "items_with_events", "refusal", "scope_words",
]

STATES = ("none", "requested", "granted", "declined", "revoked", "expired", "self_granted", "grant_expired")
KINDS = ("requested", "granted", "declined", "revoked")
_ALLOWING = ("granted", "self_granted")


@lru_cache(maxsize=8)
def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)


def _local_day(at: datetime, tz: str) -> date:
    # zoneinfo, not pendulum: this runs once per item in listings over 100,000 items.
    return at.astimezone(_zone(tz)).date()


def event_from_row(row: dict[str, Any]) -> ConsentEvent:
    """A ConsentEvent from its stored dict, with stdlib datetimes (fast; for bulk state)."""
    until = row.get("until")
    return ConsentEvent(
        ugc_id=row["ugc_id"],
        kind=row["kind"],
        at=datetime.fromisoformat(row["at"]),
        via=row.get("via"),
        message=row.get("message"),
        evidence=row.get("evidence"),
        scope=list(row.get("scope") or []),
        until=date.fromisoformat(until[:10]) if until else None,
        reason=row.get("reason"),
        id=row.get("id", ""),
    )


def items_with_events(tx: Transaction) -> set[str]:
    """IDs of the items that have any consent event: asked about, so their owner is fixed."""
    return {row["ugc_id"] for row in tx.rows(ConsentEvent)}


def covers(grant: ConsentEvent, channel: str, at: datetime, tz: str) -> bool:
    """Whether `grant` allows use on `channel` at `at` (an empty scope, only on grants recorded
    with no request before them, means every channel).

    `until` is inclusive: a grant until 2026-12-31 covers posts on that day, in the workspace timezone.
    """
    if grant.scope and channel not in grant.scope:
        return False
    return grant.until is None or _local_day(at, tz) <= grant.until


@dataclass(frozen=True)
class ConsentState:
    """An item's consent at one moment: its `name` and the grant it rests on, if any."""

    name: str
    grant: ConsentEvent | None = None
    last: ConsentEvent | None = None
    tz: str = "UTC"

    def allows(self, channel: str, at: datetime) -> bool:
        """May the item be used on `channel` at `at`?"""
        if self.name == "self_granted":
            return True
        if self.name != "granted" or self.grant is None:
            return False
        return covers(self.grant, channel, at, self.tz)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"state": self.name}
        if self.grant is not None:
            out["scope"] = list(self.grant.scope) or ["all"]
            out["until"] = self.grant.until.isoformat() if self.grant.until else None
        return out


def _order(event: ConsentEvent) -> tuple[datetime, int]:
    return event.at, int(event.id[1:] or 0) if event.id else 0


def derive(events: Iterable[ConsentEvent], *, at: datetime, tz: str, expiry_days: int, is_own: bool = False) -> ConsentState:
    """The state at `at` from `events` (any order): the rules in one place.

    - the latest grant not followed by a decline or revocation is in force
      until its `until` date (then `grant_expired`);
    - otherwise the latest event decides: requested (or `expired` after
      `expiry_days` without an answer), declined, revoked;
    - the shop's own content with no decisive event is `self_granted`.
    """
    grant: ConsentEvent | None = None
    last: ConsentEvent | None = None
    last_request: ConsentEvent | None = None
    for event in sorted(events, key=_order):
        if event.at > at:
            break
        last = event
        if event.kind == "granted":
            # A grant stored without a scope (before grants took the request's channels)
            # covers what was asked, never silently more.
            grant = replace(event, scope=list(last_request.scope)) if not event.scope and last_request and last_request.scope else event
        elif event.kind in ("declined", "revoked"):
            grant = None
        elif event.kind == "requested":
            last_request = event
    if grant is not None:
        if grant.until is None or _local_day(at, tz) <= grant.until:
            return ConsentState("granted", grant, last, tz)
        if last_request is not None and last_request.at > grant.at and at - last_request.at <= timedelta(days=expiry_days):
            return ConsentState("requested", grant, last, tz)
        return ConsentState("grant_expired", grant, last, tz)
    if last is None or (is_own and last.kind not in ("declined", "revoked")):
        return ConsentState("self_granted" if is_own else "none", None, last, tz)
    if last.kind == "requested":
        expired = at - last.at > timedelta(days=expiry_days)
        return ConsentState("expired" if expired else "requested", None, last, tz)
    return ConsentState(last.kind, None, last, tz)


@dataclass(frozen=True)
class Decision:
    """The gate's answer: may this customer content be used here, now, and if not, why.

    `reason` is one line naming the item, the channel and what consent is missing.
    A Decision is truthy when use is allowed.
    """

    allowed: bool
    reason: str = ""
    ugc_id: str | None = None
    state: ConsentState | None = None

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = Decision(True)
# A post's fields that decide whether its customer content may be used.
_GATED_FIELDS = ("status", "channel", "at", "ugc_id", "review_id")


class ConsentGate:
    """The one answer to "may this customer content be used on this channel at this time".

    Built once per store snapshot (items, events and reviews indexed in one
    pass), so a listing or an export over thousands of posts asks it cheaply.
    Every route that creates, moves, revives, renders or exports customer
    content asks `item`, `review` or `post`; nothing else derives consent.

    >>> gate = ws.consent.gate()                                   # doctest: +SKIP
    >>> gate.item("U3", "tiktok", at)                              # doctest: +SKIP
    Decision(allowed=False, reason='the grant for U3 covers only instagram, not tiktok; ...')
    """

    def __init__(self, tx: Transaction, *, tz: str, expiry_days: int, now: datetime | None = None) -> None:
        self.tx = tx
        self.tz = tz
        self.expiry_days = expiry_days
        self.now = now if now is not None else pendulum.now(tz)
        self._indexed: dict[str, list[ConsentEvent]] | None = None  # on first use: most writes touch no customer content
        self._items: dict[str, UGCItem] = {}
        self._review_ugc: dict[str, str | None] | None = None

    @property
    def _events(self) -> dict[str, list[ConsentEvent]]:
        if self._indexed is None:
            self._indexed = {}
            for row in self.tx.rows(ConsentEvent):
                self._indexed.setdefault(row["ugc_id"], []).append(event_from_row(row))
        return self._indexed

    def events(self, ugc_id: str) -> list[ConsentEvent]:
        return self._events.get(ugc_id, [])

    def _item(self, item: UGCItem | str) -> UGCItem:
        if isinstance(item, UGCItem):
            return item
        found = self._items.get(item)
        if found is None:
            found = self._items[item] = self.tx.get(UGCItem, item)
        return found

    def state(self, item: UGCItem | str, at: datetime) -> ConsentState:
        """The item's consent state at `at`."""
        it = self._item(item)
        return derive(self.events(it.id), at=at, tz=self.tz, expiry_days=self.expiry_days, is_own=it.is_own)

    def item(self, item: UGCItem | str, channel: str, at: datetime) -> Decision:
        """May `item` (a UGCItem or its ID) be used on `channel` at `at`?"""
        it = self._item(item)
        state = self.state(it, at)
        if not it.rejected and state.allows(channel, at):
            return Decision(True, "", it.id, state)
        return Decision(False, refusal(it, state, channel, at, self.tz), it.id, state)

    def ever_allowed(self) -> set[str]:
        """IDs of items that have had a grant or are the shop's own: the only ones that can be
        used at any time, so a search for usable items need look at no others."""
        out = {uid for uid, evs in self._events.items() if any(e.kind == "granted" for e in evs)}
        out.update(r["id"] for r in self.tx.rows(UGCItem) if r.get("is_own"))
        return out

    def item_anywhere(self, item: UGCItem | str, at: datetime | None = None) -> Decision:
        """May `item` be used on at least one channel at `at` (default now)? For what is not yet
        tied to a channel: downloading its media, making or rendering a testimonial from it."""
        it = self._item(item)
        moment = at if at is not None else self.now
        state = self.state(it, moment)
        if not it.rejected and any(state.allows(c, moment) for c in CHANNELS):
            return Decision(True, "", it.id, state)
        return Decision(False, refusal(it, state, None, moment, self.tz), it.id, state)

    def review(self, review: Review, channel: str, at: datetime) -> Decision:
        """May `review` be shown on `channel` at `at`? A review made from customer content is
        gated like a repost of that content; a review the shop received directly is not."""
        if not review.ugc_id:
            return ALLOWED
        return self.item(review.ugc_id, channel, at)

    def _review_source(self, review_id: str) -> str | None:
        if self._review_ugc is None:
            self._review_ugc = {r["id"]: r.get("ugc_id") for r in self.tx.rows(Review)}
        return self._review_ugc.get(review_id)

    def history(self, ugc_id: str) -> list[ConsentEvent]:
        """The item's whole ledger, oldest first, as stored."""
        rows = [r for r in self.tx.rows(ConsentEvent) if r["ugc_id"] == ugc_id]
        return sorted((ConsentEvent.from_dict(r) for r in rows), key=_order)

    def states(self, at: datetime, own: set[str]) -> dict[str, ConsentState]:
        """The state at `at` of every item that has events or is the shop's own (`own`); others are `none`."""
        out = {uid: derive(evs, at=at, tz=self.tz, expiry_days=self.expiry_days, is_own=uid in own)
               for uid, evs in self._events.items()}
        for uid in own - out.keys():
            out[uid] = ConsentState("self_granted", tz=self.tz)
        return out

    def current_grant(self, item: UGCItem | str, channel: str | None, at: datetime) -> ConsentEvent | None:
        """The grant in force at `at`, covering `channel` when given; None if there is none."""
        state = self.state(item, at)
        if state.name != "granted" or state.grant is None:
            return None
        if channel is not None and not covers(state.grant, channel, at, self.tz):
            return None
        return state.grant

    def asked_channels(self, ugc_id: str) -> list[str]:
        """The channels the latest request asked for (what a grant without --scope covers); [] when none."""
        requests = [e for e in self.history(ugc_id) if e.kind == "requested" and e.scope]
        return list(requests[-1].scope) if requests else []

    def activity(self, inside: Callable[[str], bool]) -> ConsentActivity:
        """Which items were asked, answered or granted in a period (`inside(at)` says whether an
        event's ISO time falls in it): what the report's funnel counts."""
        out = ConsentActivity()
        for row in self.tx.rows(ConsentEvent):
            uid, kind = row["ugc_id"], row["kind"]
            if kind == "granted":
                out.ever_granted.add(uid)
            if not inside(row["at"]):
                continue
            out.active.add(uid)
            if kind in ("requested", "granted", "declined"):
                # An answer means it was asked, even when the asking happened outside contentkit.
                out.asked.add(uid)
        return out

    def check_changes(self, tx: Transaction) -> None:
        """Refuse (ConsentError) a transaction that creates, moves, re-channels or revives a post
        using customer content that may not go out. Run by the store before every write, so
        every route is covered, a script's included; posts whose time, channel, status and
        content links did not change are left to `contentkit check` and `plan`."""
        from ..errors import ConsentError

        for (table, key), before in tx.originals.items():
            if table != Post.table:
                continue
            row = tx.data.get(table, {}).get(key)
            if row is None or row.get("status") in ("skipped", "published"):
                continue
            if not (row.get("ugc_id") or row.get("review_id")):
                continue
            if before is not None and all(before.get(f) == row.get(f) for f in _GATED_FIELDS):
                continue
            post = Post.from_dict(row)
            decision = self.post(post)
            if not decision:
                raise ConsentError(f"post {post.id} ({post.channel}): {decision.reason}")

    def review_anywhere(self, review: Review, at: datetime | None = None) -> Decision:
        """`item_anywhere` for a review made from customer content; other reviews always may."""
        return self.item_anywhere(review.ugc_id, at) if review.ugc_id else ALLOWED

    def source_of(self, post: Post) -> str | None:
        """The customer post that `post` uses, directly or through a review made from it."""
        if post.ugc_id:
            return post.ugc_id
        if post.review_id:
            return self._review_source(post.review_id)
        return None

    def post(self, post: Post) -> Decision:
        """May `post` go out as planned? Posts that use no customer content always may.

        A published post is judged at the time it went out; any other at its time, or now
        when that has passed (a late post goes out now, so a revocation since then counts).
        """
        source = self.source_of(post)
        if not source:
            return ALLOWED
        if post.status == "published":
            moment = post.published_at or post.at
        else:
            moment = max(pendulum.instance(post.at), pendulum.instance(self.now))
        return self.item(source, post.channel, moment)

    def blocked(self, posts: Iterable[Post]) -> list[tuple[Post, Decision]]:
        """The posts among `posts` that are not skipped or published and may not go out, with why."""
        out = []
        for post in posts:
            if post.status in ("skipped", "published"):
                continue
            decision = self.post(post)
            if not decision:
                out.append((post, decision))
        return out


@dataclass
class ConsentActivity:
    """Items with consent events in a period: `active` (any event), `asked` (a request or an
    answer), and `ever_granted` (a grant at any time, even one since revoked or run out)."""

    active: set[str] = field(default_factory=set)
    asked: set[str] = field(default_factory=set)
    ever_granted: set[str] = field(default_factory=set)


def __getattr__(name: str) -> Any:
    # The writing side lives in consent_ledger.py; its names are still importable from here.
    if name in ("ConsentLedger", "GrantResult", "ConsentRequest", "PublishedPosts"):
        from . import consent_ledger

        return getattr(consent_ledger, name)
    raise AttributeError(name)
