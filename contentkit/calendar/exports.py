"""Exports of the content calendar to the tools shops already use.

`export_posts` is the one call behind `contentkit export`: it checks the
kind, dates, channel and target path, lists the posts, and writes the file.
The writers themselves take a list of posts, for scripts that filter their own::

    ics        calendar apps (Google Calendar, Outlook, Apple): export_ics
    buffer     Buffer's bulk upload, one channel per file:     export_buffer
    hootsuite  Hootsuite's bulk composer:                      export_hootsuite
    csv        every field, for spreadsheets:                   export_csv
    markdown   a readable week-by-week plan:                    export_markdown

Skipped posts are never exported. Every writer checks the folder first and
writes atomically, so a mistake leaves no file and a crash no half file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..vocab import check_choice
from .export_files import check_target
from .export_ics import export_ics, uid_domain
from .export_markdown import export_markdown
from .export_tables import (
    HOOTSUITE_HINT,
    export_buffer,
    export_csv,
    export_hootsuite,
    hootsuite_rows,
)

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = [
    "EXPORT_KINDS",
    "ExportResult",
    "export_posts",
    "export_ics",
    "export_buffer",
    "export_hootsuite",
    "export_csv",
    "export_markdown",
]

EXPORT_KINDS = ("ics", "buffer", "hootsuite", "csv", "markdown")
# Schedulers would post these a second time: they are already live.
_SCHEDULERS = ("buffer", "hootsuite")


@dataclass
class ExportResult:
    """What an export wrote: the file, how many posts, and what to check."""

    path: Path
    kind: str
    count: int
    warnings: list[str] = field(default_factory=list)
    hint: str = ""  # a step the user must take in the other tool, e.g. Hootsuite's date format
    data: bytes | None = None  # the file's bytes when the path was "-" (standard output)
    ids: list[str] = field(default_factory=list)  # the posts written, in order

    def to_dict(self) -> dict[str, object]:
        return {"path": "-" if self.data is not None else str(self.path), "kind": self.kind, "count": self.count,
                "ids": self.ids, "warnings": self.warnings, "hint": self.hint}


def export_posts(
    ws: Workspace,
    kind: str,
    path: str | os.PathLike[str],
    *,
    start: str | date | None = None,
    end: str | date | None = None,
    channel: str | None = None,
    now: datetime | None = None,
) -> ExportResult:
    """Export the workspace's posts (dates inclusive, workspace timezone) as `kind` to `path`.

    Every input is checked before anything is written: an unknown kind or
    channel, a bad date, a missing folder, or `buffer` without a channel raise
    InputError and leave no file. Skipped posts are left out; for `buffer` and
    `hootsuite`, published posts are left out too (with a warning), since
    uploading them would post them again. `now` is for tests (Hootsuite's
    past-time check).

    >>> result = export_posts(ws, "ics", "plan.ics", start="2026-12-07", end="2026-12-13")  # doctest: +SKIP
    >>> result.count, result.warnings                                                    # doctest: +SKIP
    (9, [])
    """
    if str(path) == "-":
        # `-o -`: the exporters write files atomically, so write one in a private folder and hand back its bytes.
        import tempfile

        with tempfile.TemporaryDirectory(prefix="contentkit-") as folder:
            result = export_posts(ws, kind, Path(folder) / f"export.{kind}", start=start, end=end, channel=channel,
                                  now=now)
            result.data = result.path.read_bytes()
        result.path = Path("-")
        return result
    kind = check_choice("export kind", kind, EXPORT_KINDS)
    wanted = ws.post_book.filter(start, end, None, channel)
    if kind == "buffer" and wanted.channel is None:
        raise InputError("a Buffer file holds one channel; add --channel, e.g. --channel instagram")
    target = check_target(path)
    posts = [p for p in ws.posts(start=wanted.start, end=wanted.end, channel=wanted.channel) if p.status != "skipped"]
    warnings: list[str] = []
    if kind in _SCHEDULERS:
        live = [p.id for p in posts if p.status == "published"]
        if live:
            warnings.append(f"left out {len(live)} published post(s) ({', '.join(live)}): they are already live")
        posts = [p for p in posts if p.status != "published"]
    if not posts:
        warnings.append("no posts in this range; the file has no posts (see `contentkit post list`)")

    tz = ws.tz
    hint = ""
    if kind == "ics":
        export_ics(posts, target, tz=tz, calendar_name=ws.config.brand or "contentkit", domain=uid_domain(ws.config.brand))
    elif kind == "buffer":
        export_buffer(posts, target, tz=tz)
    elif kind == "hootsuite":
        warnings.extend(hootsuite_rows(posts, tz=tz, now=now).warnings)
        export_hootsuite(posts, target, tz=tz, now=now)
        hint = HOOTSUITE_HINT
    elif kind == "csv":
        export_csv(posts, target, tz=tz)
    else:
        export_markdown(posts, target, tz=tz, lang=ws.language, brand=ws.config.brand)
    return ExportResult(path=target, kind=kind, count=len(posts), warnings=warnings, hint=hint, ids=[p.id for p in posts])
