"""What the calendar export has handed out: each UID with its last SEQUENCE and content hash.

Kept in the store (one small named value), so the next export knows which
events calendar apps already hold: a changed event gets a higher SEQUENCE, and
one that no longer happens is sent once more as cancelled. Entries older than
a year are dropped; by then no export range reaches them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from ..records import Post
from ..store import Transaction

__all__ = ["ExportLedger", "LedgerEntry", "LEDGER_KEY"]

LEDGER_KEY = "ics_exported"
_KEEP = timedelta(days=400)
_CANCELLED = "cancelled"


@dataclass(frozen=True)
class LedgerEntry:
    """One exported event: its revision, the hash of what it showed, and enough to cancel it."""

    sequence: int
    digest: str
    at: str  # ISO start time, with offset
    channel: str
    summary: str

    def to_list(self) -> list[Any]:
        return [self.sequence, self.digest, self.at, self.channel, self.summary]

    @classmethod
    def from_list(cls, row: list[Any]) -> LedgerEntry:
        return cls(int(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]))

    @property
    def is_cancelled(self) -> bool:
        return self.digest == _CANCELLED


class ExportLedger:
    """The ledger inside one store transaction; `save` puts it back only if it changed."""

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx
        raw = tx.kv(LEDGER_KEY) or {}
        self.entries: dict[str, LedgerEntry] = {uid: LedgerEntry.from_list(row) for uid, row in raw.items()}
        self.changed = False

    def record(self, uid: str, digest: str, post: Post, summary: str, *, first: int = 0) -> LedgerEntry:
        """The entry for a live event: the same SEQUENCE if nothing changed, else one higher."""
        old = self.entries.get(uid)
        at = post.at.isoformat()
        if old is None:
            new = LedgerEntry(first, digest, at, post.channel, summary)
        elif old.digest == digest:
            if (old.at, old.channel, old.summary) == (at, post.channel, summary):
                return old
            new = replace(old, at=at, channel=post.channel, summary=summary)
        else:
            new = LedgerEntry(max(old.sequence + 1, first), digest, at, post.channel, summary)
        self.entries[uid] = new
        self.changed = True
        return new

    def cancel(self, uid: str) -> LedgerEntry:
        """The entry as a cancelled event: one SEQUENCE higher the first time, then unchanged."""
        old = self.entries[uid]
        if old.is_cancelled:
            return old
        new = replace(old, sequence=old.sequence + 1, digest=_CANCELLED)
        self.entries[uid] = new
        self.changed = True
        return new

    def entries_in(self, start: date | None, end: date | None, channel: str | None, *, tz: str) -> Iterator[tuple[str, LedgerEntry]]:
        """The entries whose event falls inside the range (dates inclusive, in `tz`) and channel."""
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(tz)
        for uid, entry in sorted(self.entries.items(), key=lambda kv: kv[1].at):
            if channel and entry.channel != channel:
                continue
            day = datetime.fromisoformat(entry.at).astimezone(zone).date()
            if (start and day < start) or (end and day > end):
                continue
            yield uid, entry

    def prune(self, now: datetime) -> None:
        """Forget events more than 400 days old: no export range reaches back that far."""
        old = [uid for uid, e in self.entries.items() if datetime.fromisoformat(e.at) < now - _KEEP]
        for uid in old:
            del self.entries[uid]
        self.changed = self.changed or bool(old)

    def save(self) -> None:
        if self.changed:
            self.tx.set_kv(LEDGER_KEY, {uid: e.to_list() for uid, e in self.entries.items()})
