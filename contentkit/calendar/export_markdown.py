"""The printable plan: posts week by week as Markdown tables.

Headings name the ISO week and its dates in the workspace language
(`## 2026-W50 (7–13 Des 2026)`), so the page reads naturally when printed or
pasted into a chat with the team.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import pendulum

from ..dates import week_label
from ..dates import DEFAULT_TIMEZONE
from ..records import Post
from .export_files import check_target, local_time, write_atomic

__all__ = ["export_markdown", "week_heading", "render_markdown"]

_WORDS = {
    "id": {
        "title": "Rencana konten",
        "columns": ("Hari", "Jam", "Kanal", "Format", "Pilar", "Judul", "Status"),
        "empty": "_Belum ada posting._",
        "count": "{n} posting",
        "status": {"draft": "draf", "ready": "siap", "published": "terbit", "skipped": "dilewati"},
    },
    "en": {
        "title": "Content plan",
        "columns": ("Day", "Time", "Channel", "Format", "Pillar", "Title", "Status"),
        "empty": "_No posts yet._",
        "count": "{n} posts",
        "status": {},
    },
}


def _words(lang: str) -> Mapping[str, object]:
    return _WORDS.get(lang, _WORDS["en"])


def week_heading(monday: pendulum.Date, lang: str = "id") -> str:
    """The heading of the ISO week starting on `monday`, dates in `lang`.

    >>> week_heading(pendulum.Date(2026, 12, 7))
    '2026-W50 (7–13 Des 2026)'
    >>> week_heading(pendulum.Date(2026, 12, 28), "en")
    '2026-W53 (28 Dec 2026 – 3 Jan 2027)'
    """
    sunday = monday.add(days=6)
    if monday.year != sunday.year:
        span = f"{monday.format('D MMM YYYY', locale=lang)} – {sunday.format('D MMM YYYY', locale=lang)}"
    elif monday.month != sunday.month:
        span = f"{monday.format('D MMM', locale=lang)} – {sunday.format('D MMM YYYY', locale=lang)}"
    else:
        span = f"{monday.day}–{sunday.format('D MMM YYYY', locale=lang)}"
    return f"{week_label(monday)} ({span})"


def _cell(text: str) -> str:
    # A pipe or a line break would break the table row; HTML in a caption must show as text.
    return " ".join(html.escape(text, quote=False).replace("|", "\\|").split())


def render_markdown(posts: Sequence[Post], *, tz: str = DEFAULT_TIMEZONE, lang: str = "id", brand: str = "") -> str:
    """The week-by-week plan as Markdown text (what `export_markdown` writes)."""
    words = _words(lang)
    status_words: dict[str, str] = words["status"]  # type: ignore[assignment]
    title = f"{words['title']} {brand}".strip() if brand else str(words["title"])
    lines = [f"# {html.escape(title, quote=False)}", ""]
    if not posts:
        return "\n".join([*lines, str(words["empty"]), ""])
    weeks: dict[pendulum.Date, list[tuple[pendulum.DateTime, Post]]] = {}
    for post in sorted(posts, key=lambda p: (p.at, p.id)):
        when = local_time(post.at, tz)
        weeks.setdefault(when.date().start_of("week"), []).append((when, post))
    columns: tuple[str, ...] = words["columns"]  # type: ignore[assignment]
    for monday in sorted(weeks):
        entries = weeks[monday]
        lines.append(f"## {week_heading(monday, lang)}")
        lines.append("")
        lines.append(str(words["count"]).format(n=len(entries)))
        lines.append("")
        lines.append("| " + " | ".join(columns) + " |")
        lines.append("|" + "|".join("---" for _ in columns) + "|")
        for when, post in entries:
            cells = (
                when.format("ddd D MMM", locale=lang),
                when.format("HH:mm"),
                post.channel,
                post.format,
                post.pillar,
                post.title,
                status_words.get(post.status, post.status),
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
