"""The table of export formats: one entry per format, read by everything.

`contentkit export`'s choices and `--help`, the README's list and
`export_posts` are all built from `EXPORTERS`. Adding a format is one module
with a `write(job) -> ExportResult` function and one `Exporter` entry here;
the writer is imported only when its format is used, so `--help` stays fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from contentkit.i18n import N_

if TYPE_CHECKING:
    from ..records import Post
    from ..store import Transaction
    from ..workspace import Workspace

__all__ = ["Exporter", "ExportJob", "ExportOptions", "ExportResult", "LeftOut", "EXPORTERS", "EXPORT_KINDS", "exporter_help"]


@dataclass(frozen=True)
class LeftOut:
    """A post an export did not write, and why (one line the user can act on)."""

    post_id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.post_id}: {self.reason}"


@dataclass(frozen=True)
class ExportOptions:
    """What the user asked for besides the format and the path."""

    start: date | None = None
    end: date | None = None
    channel: str | None = None
    plan: str = "paid"  # Buffer: "free" allows 10 posts a file
    remind: str | None = None  # ics: a VALARM this long before each post, e.g. "30m"
    feed: bool = False  # ics: the rolling file meant to be published and subscribed to
    now: datetime | None = None  # tests: the moment of the export


@dataclass
class ExportJob:
    """Everything a writer needs: the posts to write (already in range, not skipped, and allowed
    by the consent gate), the target, the options, and the store snapshot they came from."""

    ws: Workspace
    posts: list[Post]
    target: Path
    options: ExportOptions
    tx: Transaction
    now: datetime


@dataclass
class ExportResult:
    """What an export wrote: the file(s), how many posts, what was left out and what to check."""

    path: Path
    kind: str
    count: int
    warnings: list[str] = field(default_factory=list)
    hint: str = ""  # a step the user must take in the other tool, e.g. Hootsuite's date format
    paths: list[Path] = field(default_factory=list)  # every file written (bulk exports split long lists)
    left_out: list[LeftOut] = field(default_factory=list)
    cancelled: int = 0  # ics: events sent as STATUS:CANCELLED
    data: bytes | None = None  # the file's bytes when the path was "-" (standard output)
    ids: list[str] = field(default_factory=list)  # the posts written, in order

    def __post_init__(self) -> None:
        if not self.paths:
            self.paths = [self.path]

    def to_dict(self) -> dict[str, object]:
        return {
            "paths": ["-"] if self.data is not None else [str(p) for p in self.paths], "kind": self.kind,
            "count": self.count, "ids": self.ids, "cancelled": self.cancelled, "warnings": self.warnings,
            "left_out": [{"id": e.post_id, "reason": e.reason} for e in self.left_out], "hint": self.hint,
        }


@dataclass(frozen=True)
class Exporter:
    """One export format: its name, a line for `--help` and the README, and its writer."""

    name: str
    summary: str
    writer: str  # "module:function" inside contentkit.calendar
    needs_channel: bool = False  # one channel per file (schedulers)
    scheduler: bool = False  # an upload schedules posts: published ones would go out twice
    keeps_ledger: bool = False  # remembers what it exported (ics: to cancel what disappears)
    options: tuple[str, ...] = ()  # the ExportOptions fields beyond dates and channel that it reads

    def write(self, job: ExportJob) -> ExportResult:
        module, attr = self.writer.split(":")
        function: Callable[[ExportJob], ExportResult] = getattr(importlib.import_module(f"contentkit.calendar.{module}"), attr)
        return function(job)


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("ics", N_("calendar apps (Apple, Outlook, Google); --feed for a subscribed calendar"),
                 "export_ics:write", keeps_ledger=True, options=("remind", "feed")),
        Exporter("buffer", N_("Buffer's bulk upload CSV, one channel a file (100 posts, 10 with --plan free)"),
                 "export_bulk:write_buffer", needs_channel=True, scheduler=True, options=("plan",)),
        Exporter("hootsuite", N_("Hootsuite's bulk composer CSV, one channel a file (350 posts)"),
                 "export_bulk:write_hootsuite", needs_channel=True, scheduler=True),
        Exporter("csv", N_("every field of every post, for spreadsheets"), "export_tables:write_csv"),
        Exporter("markdown", N_("a readable week-by-week plan to print or share"), "export_markdown:write"),
    )
}
EXPORT_KINDS = tuple(EXPORTERS)


def exporter_help() -> str:
    """The formats as lines `name  summary`, for `--help` and the README."""
    width = max(len(name) for name in EXPORTERS)
    return "\n".join(f"{e.name.ljust(width)}  {e.summary}" for e in EXPORTERS.values())
