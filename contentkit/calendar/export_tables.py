"""The spreadsheet export: every field of every post as CSV (the schedulers' files are in export_bulk)."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..dates import DEFAULT_TIMEZONE
from ..records import Post
from .export_files import check_target, local_time, write_atomic
from .formula_guard import formula_safe

if TYPE_CHECKING:
    from .exporters import ExportJob, ExportResult

__all__ = ["csv_bytes", "export_csv", "write_csv"]


def csv_bytes(rows: Sequence[Sequence[str]], *, bom: bool = False) -> bytes:
    """Rows as CSV bytes: "\r\n" line ends (RFC 4180, Excel); newlines inside a caption stay quoted."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _cell(value: Any, tz: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return local_time(value, tz).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return " ".join(str(v) for v in value)
    return str(value)


def export_csv(posts: Sequence[Post], path: str | os.PathLike[str], *, tz: str = DEFAULT_TIMEZONE) -> Path:
    """Write every field of every post as a spreadsheet CSV and return its path.

    The header is the record's field names (`Post.to_dict` keys); times are ISO
    8601 in `tz`; lists are joined with spaces; UTF-8 with a byte-order mark
    so Excel shows Indonesian text (and emoji) correctly.

    >>> export_csv(ws.posts(), "posts.csv", tz=ws.tz)   # doctest: +SKIP
    PosixPath('posts.csv')
    """
    import dataclasses

    target = check_target(path)
    names = [f.name for f in dataclasses.fields(Post)]
    rows = [names]
    for post in posts:
        rows.append([formula_safe(_cell(getattr(post, name), tz)) for name in names])
    return write_atomic(target, csv_bytes(rows, bom=True))


def write_csv(job: ExportJob) -> ExportResult:
    """The `csv` exporter."""
    from .exporters import ExportResult

    path = export_csv(job.posts, job.target, tz=job.ws.tz)
    return ExportResult(path=path, kind="csv", count=len(job.posts))
