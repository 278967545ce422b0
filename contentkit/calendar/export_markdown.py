"""The printable plan: posts week by week as Markdown tables.

Headings name the ISO week and its dates in the workspace language
(`## 2026-W50 (7–13 Des 2026)`), so the page reads naturally when printed or
pasted into a chat with the team.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from ..dates import week_label
from ..dates import DEFAULT_TIMEZONE
from ..formatting import format_day
from ..i18n import N_, translator
from ..records import Post
from .export_files import check_target, local_time, write_atomic

if TYPE_CHECKING:
    from .exporters import ExportJob, ExportResult

__all__ = ["export_markdown", "week_heading", "render_markdown", "write"]

# The document is in the workspace language whatever language the CLI speaks: words come from `translator(lang)`.
_COLUMNS = (N_("Day"), N_("Time"), N_("Channel"), N_("Format"), N_("Pillar"), N_("Title"), N_("Status"))
_STATUS = {"draft": N_("draft"), "ready": N_("ready"), "published": N_("published"), "skipped": N_("skipped")}


def week_heading(monday: pendulum.Date, lang: str = "id") -> str:
    """The heading of the ISO week starting on `monday`, dates in `lang`.

    >>> week_heading(pendulum.Date(2026, 12, 7))
    '2026-W50 (7–13 Des 2026)'
    >>> week_heading(pendulum.Date(2026, 12, 28), "en")
    '2026-W53 (28 Dec 2026 – 3 Jan 2027)'
    """
    sunday = monday.add(days=6)
    end = f"{format_day(sunday, lang, weekday='none')} {sunday.year}"
    if monday.year != sunday.year:
        span = f"{format_day(monday, lang, weekday='none')} {monday.year} – {end}"
    elif monday.month != sunday.month:
        span = f"{format_day(monday, lang, weekday='none')} – {end}"
    else:
        span = f"{monday.day}–{end}"
    return f"{week_label(monday)} ({span})"


def _cell(text: str) -> str:
    # A pipe or a line break would break the table row; HTML in a caption must show as text.
    return " ".join(html.escape(text, quote=False).replace("|", "\\|").split())


def render_markdown(posts: Sequence[Post], *, tz: str = DEFAULT_TIMEZONE, lang: str = "id", brand: str = "") -> str:
    """The week-by-week plan as Markdown text (what `export_markdown` writes)."""
    t = translator(lang)
    title = (t.gettext("Content plan") + " " + brand).strip()
    lines = [f"# {html.escape(title, quote=False)}", ""]
    if not posts:
        return "\n".join([*lines, t.gettext("_No posts yet._"), ""])
    weeks: dict[pendulum.Date, list[tuple[pendulum.DateTime, Post]]] = {}
    for post in sorted(posts, key=lambda p: (p.at, p.id)):
        when = local_time(post.at, tz)
        weeks.setdefault(when.date().start_of("week"), []).append((when, post))
    columns = [t.gettext(c) for c in _COLUMNS]
    for monday in sorted(weeks):
        entries = weeks[monday]
        lines.append(f"## {week_heading(monday, lang)}")
        lines.append("")
        lines.append(t.ngettext("{n} post", "{n} posts", len(entries)).format(n=len(entries)))
        lines.append("")
        lines.append("| " + " | ".join(columns) + " |")
        lines.append("|" + "|".join("---" for _ in columns) + "|")
        for when, post in entries:
            cells = (
                format_day(when.date(), lang),
                when.format("HH:mm"),
                post.channel,
                post.format,
                post.pillar,
                post.title,
                t.gettext(_STATUS[post.status]) if post.status in _STATUS else post.status,
            )
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def export_markdown(
    posts: Sequence[Post], path: str | os.PathLike[str], *, tz: str = DEFAULT_TIMEZONE, lang: str = "id", brand: str = ""
) -> Path:
    """Write a readable week-by-week plan as Markdown and return its path.

    One `## 2026-W50 (7–13 Des 2026)` section per ISO week (in `tz`), each
    with a table: day, time, channel, format, pillar, title, status; day and
    month names in `lang` (`id` or `en`).

    >>> export_markdown(ws.posts(), "rencana.md", tz=ws.tz, lang="id", brand="Dapur Bu Sari")  # doctest: +SKIP
    PosixPath('rencana.md')
    """
    target = check_target(path)
    return write_atomic(target, render_markdown(posts, tz=tz, lang=lang, brand=brand).encode("utf-8"))


def write(job: ExportJob) -> ExportResult:
    """The `markdown` exporter."""
    from .exporters import ExportResult

    ws = job.ws
    path = export_markdown(job.posts, job.target, tz=ws.tz, lang=ws.language, brand=ws.config.brand)
    return ExportResult(path=path, kind="markdown", count=len(job.posts))
