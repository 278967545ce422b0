"""The CSV exports: Buffer and Hootsuite bulk uploads, and a full spreadsheet.

Schedulers read times as wall-clock times in the time zone set on the
account, so every time here is written in the workspace timezone; keep the
scheduler's account on the same zone.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..dates import DEFAULT_TIMEZONE
from ..errors import InputError
from ..records import Post
from .export_files import check_target, http_urls, local_time, write_atomic
from .formula_guard import formula_safe
from .limits import post_text

__all__ = [
    "BUFFER_HEADER",
    "HOOTSUITE_DATE_FORMAT",
    "TableExport",
    "export_buffer",
    "export_hootsuite",
    "export_csv",
    "buffer_rows",
    "hootsuite_rows",
]

BUFFER_HEADER = ("Text", "Image URL", "Tags", "Posting Time")
# Hootsuite's bulk composer (help.hootsuite.com, "Bulk schedule posts"): no header row;
# column A the date and time, column B the message, column C an optional URL; 24-hour
# time whose minutes end in 0 or 5; UTF-8. The upload dialog asks which date order the
# file uses (dd/mm/yyyy, mm/dd/yyyy, yyyy/mm/dd or yyyy/dd/mm): we write day-first, as
# dates are written in Indonesia, and tell the user to pick "dd/mm/yyyy hh:mm" there.
HOOTSUITE_DATE_FORMAT = "%d/%m/%Y %H:%M"
HOOTSUITE_HINT = 'in Hootsuite\'s bulk composer choose the date format "dd/mm/yyyy hh:mm"'


@dataclass
class TableExport:
    """Rows ready to write, and what the user should know about them."""

    rows: list[list[str]]
    warnings: list[str] = field(default_factory=list)


def _csv_bytes(rows: Sequence[Sequence[str]], *, bom: bool = False) -> bytes:
    buf = io.StringIO()
    # "\r\n" is what RFC 4180 and Excel expect; newlines inside a caption stay quoted in the cell.
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _one_channel(posts: Sequence[Post]) -> None:
    channels = sorted({p.channel for p in posts})
    if len(channels) > 1:
        raise InputError(
            f"a Buffer file holds one channel, but these posts are on {', '.join(channels)}; "
            "export each with --channel, e.g. --channel instagram"
        )


def buffer_rows(posts: Sequence[Post], *, tz: str = DEFAULT_TIMEZONE) -> TableExport:
    """Buffer's bulk-upload rows, header first (see `export_buffer`)."""
    _one_channel(posts)
    rows = [list(BUFFER_HEADER)]
    for post in posts:
        images = http_urls(post.assets)
        rows.append(
            [
                post_text(post.caption, post.hashtags),
                images[0] if images else "",
                post.pillar,
                local_time(post.at, tz).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    return TableExport(rows)


def export_buffer(posts: Sequence[Post], path: str | os.PathLike[str], *, tz: str = DEFAULT_TIMEZONE) -> Path:
    """Write Buffer's bulk-upload CSV and return its path.

    Header `Text,Image URL,Tags,Posting Time`; one row per post, no blank rows;
    the text as posted (caption then hashtags); the first http(s) asset as the
    image; the pillar as the tag; the time as `YYYY-MM-DD HH:mm` in `tz`.
    Buffer uploads go to one channel, so posts on several channels raise InputError.

    >>> export_buffer(ws.posts(channel="instagram"), "buffer.csv", tz=ws.tz)   # doctest: +SKIP
    PosixPath('buffer.csv')
    """
    target = check_target(path)
    return write_atomic(target, _csv_bytes(buffer_rows(posts, tz=tz).rows))


def hootsuite_rows(posts: Sequence[Post], *, tz: str = DEFAULT_TIMEZONE, now: datetime | None = None) -> TableExport:
    """Hootsuite's bulk-composer rows (no header) and the warnings they raise.

    A time whose minutes do not end in 0 or 5 moves up to the next 5-minute
    mark (Hootsuite refuses it otherwise); a time in the past is kept but
    reported, because Hootsuite refuses it at upload.
    """
    import pendulum

    current = pendulum.instance(now) if now is not None else pendulum.now(tz)
    out = TableExport(rows=[])
    for post in posts:
        when = local_time(post.at, tz)
        if when.minute % 5 or when.second or when.microsecond:
            base = when.replace(second=0, microsecond=0)
            moved = base.add(minutes=5 - base.minute % 5)
            out.warnings.append(
                f"{post.id}: {when.strftime('%Y-%m-%d %H:%M')} moved to {moved.strftime('%H:%M')} "
                "(Hootsuite needs minutes ending in 0 or 5)"
            )
            when = moved
        if when < current:
            out.warnings.append(
                f"{post.id}: {when.strftime('%Y-%m-%d %H:%M')} is in the past; Hootsuite will refuse this row, "
                "move the post with `contentkit post edit` or remove the row"
            )
        text = post_text(post.caption, post.hashtags)
        if not text.strip():
            out.warnings.append(f"{post.id}: no caption yet; Hootsuite refuses an empty message, write one with `contentkit post edit`")
        links = http_urls(post.assets)
        out.rows.append([when.strftime(HOOTSUITE_DATE_FORMAT), text, links[0] if links else ""])
    return out


def export_hootsuite(
    posts: Sequence[Post], path: str | os.PathLike[str], *, tz: str = DEFAULT_TIMEZONE, now: datetime | None = None
) -> Path:
    """Write Hootsuite's bulk-composer CSV and return its path.

    No header; per row the date and time (`dd/mm/yyyy HH:MM`, in `tz`, minutes
    rounded up to a multiple of 5), the text as posted, and the first http(s)
    asset as the optional URL; UTF-8. Use `hootsuite_rows` to see the warnings
    (moved times, times in the past) without writing.

    >>> export_hootsuite(ws.posts(channel="facebook"), "hootsuite.csv", tz=ws.tz)  # doctest: +SKIP
    PosixPath('hootsuite.csv')
    """
    target = check_target(path)
    return write_atomic(target, _csv_bytes(hootsuite_rows(posts, tz=tz, now=now).rows))


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
    return write_atomic(target, _csv_bytes(rows, bom=True))
