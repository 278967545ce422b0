"""Recording consent (requests, grants with their evidence, declines, revocations), and
`ws.consent`'s way to ask the gate about it.

Events are appended, never edited or deleted. Every new event re-checks, in the
same transaction, the calendar posts that use the item: the consent gate
(`consent.py`, the only place that decides) says which may no longer go out, and
those are skipped at once.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum

from ..dates import parse_at, parse_date
from ..errors import InputError
from ..i18n import N_, _
from ..records import ConsentEvent, Post, UGCItem
from ..store import Transaction
from ..vocab import CHANNELS, check_channel, check_channels, check_choice
from .consent import ConsentActivity, ConsentGate, ConsentState, Decision

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["ConsentLedger", "ConsentRequest", "GrantResult", "PublishedPosts"]

_EVIDENCE_FILES = (".png", ".jpg", ".jpeg", ".webp", ".heic", ".gif", ".pdf", ".txt", ".eml", ".mp4", ".mov")


def _channel_list(values: Iterable[str], option: str) -> list[str]:
    """The channels named in `values`; a list that names none is a mistake, never "every channel"."""
    channels = list(check_channels(values))
    if not channels:
        raise InputError(_("{option} names no channel; give one or more of {channels}, separated by commas").format(
            option=option, channels=", ".join(CHANNELS)))
    return channels


@dataclass(frozen=True)
class GrantResult:
    """A recorded grant and the scheduled posts it skipped because it no longer covers them."""

    event: ConsentEvent
    skipped: list[Post]

    @property
    def wider_scope(self) -> list[str]:
        """The grant's channels plus those of the skipped posts, in the usual order: what to
        record if the creator agreed to those too (a grant replaces the one before)."""
        wanted = {*self.event.scope, *(p.channel for p in self.skipped)}
        return [c for c in CHANNELS if c in wanted]


@dataclass(frozen=True)
class ConsentRequest:
    """A recorded request and the message to send."""

    event: ConsentEvent
    message: str


class PublishedPosts(list):  # type: ignore[type-arg]
    """Already-published posts that used an item (to take down), with `.skipped`: the posts just cancelled."""

    skipped: list[Post]

    def __init__(self, published: Iterable[Post] = (), skipped: Iterable[Post] = ()) -> None:
        super().__init__(published)
        self.skipped = list(skipped)


class ConsentLedger:
    """Every item's consent events, in one workspace: add them, and ask the gate about them.

    >>> ws.consent.grant("U3", evidence="DM 2026-12-01: boleh kak", scope=["instagram"])   # doctest: +SKIP
    >>> ws.consent.may_use("U3", "instagram", at)                                        # doctest: +SKIP
    Decision(allowed=True, ...)
    """

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- asking the gate (consent.py decides; these only pick the snapshot and the moment) --
    def gate(self, snapshot: Transaction | None = None, *, now: datetime | None = None) -> ConsentGate:
        """The consent gate over `snapshot` (default: the store as it is now)."""
        tx = snapshot or self.ws.store.read()
        return ConsentGate(tx, tz=self.ws.tz, expiry_days=self.ws.config.consent_expiry_days, now=now)

    def may_use(
        self, item: UGCItem | str, channel: str, at: datetime | str, *, snapshot: Transaction | None = None
    ) -> Decision:
        """May `item` be used on `channel` at `at`? One Decision, with the reason when not.

        >>> ws.consent.may_use("U3", "instagram", "2026-12-09 19:30")   # doctest: +SKIP
        Decision(allowed=True, ...)
        """
        return self.gate(snapshot).item(item, check_channel(channel), self._now(at))

    def _now(self, at: datetime | str | None = None) -> datetime:
        return parse_at(at, self.ws.tz) if at is not None else pendulum.now(self.ws.tz)

    def events(self, ugc_id: str, *, snapshot: Transaction | None = None) -> list[ConsentEvent]:
        """The item's whole ledger, oldest first (NotFoundError for an unknown item)."""
        tx = snapshot or self.ws.store.read()
        return self.gate(tx).history(tx.get(UGCItem, ugc_id).id)

    history = events

    def state(self, ugc_id: str, at: datetime | None = None, *, snapshot: Transaction | None = None) -> ConsentState:
        """The item's consent state at `at` (default: now)."""
        tx = snapshot or self.ws.store.read()
        return self.gate(tx).state(tx.get(UGCItem, ugc_id), self._now(at))

    def states(
        self, snapshot: Transaction | None = None, at: datetime | None = None, *, item_rows: Iterable[dict[str, Any]] | None = None
    ) -> dict[str, ConsentState]:
        """The state of every item that has events or is the shop's own; others are `none`.

        One pass over the ledger, on raw rows: used by listings over many items
        (pass `item_rows` when you already scanned the items).
        """
        tx = snapshot or self.ws.store.read()
        own = {r["id"] for r in (item_rows if item_rows is not None else tx.rows(UGCItem)) if r.get("is_own")}
        return self.gate(tx).states(self._now(at), own)

    def activity(self, snapshot: Transaction, inside: Callable[[str], bool]) -> ConsentActivity:
        """Which items were asked, answered or granted in a period: what the report's funnel counts."""
        return self.gate(snapshot).activity(inside)

    def current_grant(
        self, ugc_id: str, channel: str | None = None, at: datetime | None = None, *, snapshot: Transaction | None = None
    ) -> ConsentEvent | None:
        """The grant in force at `at` (default now), covering `channel` when given; None if there is none."""
        tx = snapshot or self.ws.store.read()
        return self.gate(tx).current_grant(tx.get(UGCItem, ugc_id), channel, self._now(at))

    def asked_channels(self, ugc_id: str, *, snapshot: Transaction | None = None) -> list[str]:
        """The channels the latest request asked for (what a grant without --scope covers),
        or the workspace's default request channels when nothing was asked."""
        return self.gate(snapshot).asked_channels(ugc_id) or self.default_channels()

    def default_channels(self) -> list[str]:
        """Where reposts go when a request names no channels: the channels with a handle set, else Instagram."""
        handles = self.ws.config.handles
        chosen = [c for c in ("instagram", "tiktok", "facebook", "whatsapp", "shopee", "tokopedia") if getattr(handles, c, "")]
        return chosen or ["instagram"]

    # -- recording ---------------------------------------------------------

    def _append(self, tx: Transaction, event: ConsentEvent, skip_reason: str) -> PublishedPosts:
        """Append `event` and skip every unpublished post of the item that the gate no longer allows."""
        tx.save(event)
        item = tx.get(UGCItem, event.ugc_id)
        gate = self.gate(tx)
        skipped: list[Post] = []
        published: list[Post] = []
        stamp = pendulum.now(self.ws.tz)
        for row in tx.rows(Post):
            if row.get("status") == "skipped" or not (row.get("ugc_id") or row.get("review_id")):
                continue
            post = Post.from_dict(row)
            if gate.source_of(post) != item.id:
                continue
            if post.status == "published":
                published.append(post)
            elif not gate.post(post):
                post.status, post.skip_reason, post.updated_at = "skipped", skip_reason, stamp
                skipped.append(post)
        tx.save_many(skipped)
        return PublishedPosts(sorted(published, key=lambda p: p.at), skipped)

    def request(
        self,
        ugc_id: str,
        *,
        via: str = "dm",
        lang: str | None = None,
        channels: Iterable[str] | None = None,
        at: datetime | str | None = None,
    ) -> ConsentRequest:
        """Record a `requested` event and return the ready-to-send message (in `lang`, default the workspace's)."""
        from .messages import VIAS, request_message

        via = check_choice("via", via, VIAS)
        scope = _channel_list(channels, "--channels") if channels is not None else self.default_channels()
        moment = self._now(at)
        with self.ws.store.transaction() as tx:
            item = tx.get(UGCItem, ugc_id)
            if item.rejected:
                raise InputError(_("{id} was rejected ({reason}); there is nothing to ask for").format(id=item.id, reason=item.rejected))
            message = request_message(item, self.ws.config, via=via, lang=lang or self.ws.language, channels=scope)
            event = ConsentEvent(ugc_id=item.id, kind="requested", at=moment, via=via, message=message, scope=scope)
            tx.save(event)
        return ConsentRequest(event, message)

    def grant(
        self,
        ugc_id: str,
        evidence: str,
        *,
        scope: Iterable[str] | None = None,
        until: str | date | None = None,
        via: str | None = None,
        at: datetime | str | None = None,
    ) -> ConsentEvent:
        """Record the creator's yes, with its evidence (text, or a file copied into the workspace).

        `scope` lists the channels it covers; without it, the grant covers what
        was asked: the channels of the latest request (or `default_channels`),
        never silently every channel. `until` (inclusive) may not be in the past. The grant replaces the one before:
        a narrower grant skips the scheduled posts it no longer covers (see
        `record_grant` for which).
        """
        return self.record_grant(ugc_id, evidence, scope=scope, until=until, via=via, at=at).event

    def record_grant(
        self,
        ugc_id: str,
        evidence: str,
        *,
        scope: Iterable[str] | None = None,
        until: str | date | None = None,
        via: str | None = None,
        at: datetime | str | None = None,
    ) -> GrantResult:
        """`grant`, also returning the scheduled posts the new grant no longer covers (now skipped)."""
        moment = self._now(at)
        until_day = parse_date(until) if until is not None and until != "" else None
        if until_day is not None and until_day < pendulum.instance(moment).in_timezone(self.ws.tz).date():
            raise InputError(_("--until {day} is in the past; give a future date, or leave it out for no end").format(day=until_day.isoformat()))
        channels = _channel_list(scope, "--scope") if scope is not None else None
        if via is not None:
            from .messages import VIAS

            via = check_choice("via", via, VIAS)
        with self.ws.store.transaction() as tx:
            item = tx.get(UGCItem, ugc_id)
            if channels is None:
                channels = self.asked_channels(item.id, snapshot=tx)
            proof = self._evidence(item.id, evidence, moment)
            event = ConsentEvent(ugc_id=item.id, kind="granted", at=moment, via=via, evidence=proof,
                                 scope=channels, until=until_day)
            effects = self._append(tx, event, N_("consent does not cover this post"))
        return GrantResult(event, effects.skipped)

    def _evidence(self, ugc_id: str, evidence: str, moment: datetime) -> str:
        text = (evidence or "").strip()
        if not text:
            raise InputError(_("give the evidence with --evidence: the creator's words, or a screenshot file"))
        path = Path(text).expanduser()
        one_token = len(text) < 1024 and not any(ch.isspace() for ch in text)
        if not (len(text) < 1024 and "\n" not in text and path.suffix != "" and path.is_file()):
            # A lone file name (a typo, a folder) would otherwise be kept as if it were the creator's words.
            if one_token and "://" not in text and path.suffix.lower() in _EVIDENCE_FILES:
                problem = _("is a folder, not a file") if path.is_dir() else _("no such file")
                raise InputError(_("--evidence {text}: {problem}; give the screenshot's path, or the creator's words in quotes").format(
                    text=text, problem=problem))
            return text
        from .safe_paths import ensure_inside, safe_component

        folder = self.ws.media_dir / "consent"
        folder.mkdir(parents=True, exist_ok=True)
        stem = safe_component(path.stem, fallback="evidence", max_len=40)
        ext = safe_component(path.suffix.lstrip("."), fallback="bin", max_len=8)
        target = ensure_inside(self.ws.media_dir, folder / f"{ugc_id}-{moment:%Y%m%d%H%M%S}-{stem}.{ext}")
        shutil.copyfile(path, target)
        return "file:" + target.relative_to(self.ws.root.resolve()).as_posix()

    def decline(self, ugc_id: str, *, reason: str | None = None, via: str | None = None,
                at: datetime | str | None = None) -> PublishedPosts:
        """Record a no. Any scheduled post using the item is skipped; published ones are returned."""
        moment = self._now(at)
        with self.ws.store.transaction() as tx:
            item = tx.get(UGCItem, ugc_id)
            event = ConsentEvent(ugc_id=item.id, kind="declined", at=moment, via=via, reason=(reason or "").strip() or None)
            return self._append(tx, event, N_("consent declined"))

    def revoke(self, ugc_id: str, reason: str, *, at: datetime | str | None = None) -> PublishedPosts:
        """Record a withdrawal: every unpublished post using the item becomes `skipped`
        ("consent revoked") in the same transaction; returns the published ones to take down.
        """
        if not (reason or "").strip():
            raise InputError(_('give a reason with --reason, e.g. --reason "minta dihapus lewat DM"'))
        moment = self._now(at)
        with self.ws.store.transaction() as tx:
            item = tx.get(UGCItem, ugc_id)
            event = ConsentEvent(ugc_id=item.id, kind="revoked", at=moment, reason=reason.strip())
            return self._append(tx, event, N_("consent revoked"))
