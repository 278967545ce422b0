"""The calendar page: one self-contained HTML file of a week, a month or a date range.

Weeks are drawn as rows of seven day columns (Monday first) in the workspace
timezone; a month is the weeks that touch it, with the days outside it dimmed.
Each post is a card coloured by pillar. The file has its CSS inline and loads
nothing: no scripts, no fonts, no images from anywhere (thumbnails are
embedded). Every text that came from a user goes through `html.escape`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum

from ..i18n import _
from ..formatting import format_day, month_abbr
from ..dates import parse_date, parse_month, parse_week, week_label
from ..atomic import write_atomic
from ..channels import display_name
from ..errors import InputError
from ..vocab import PILLAR_STAGES, PILLARS, STAGES
from .calendar_cards import Card, build_cards
from .page_style import labels, page_css

if TYPE_CHECKING:
    from ..records import Post
    from ..workspace import Workspace

__all__ = ["CalendarRange", "CalendarFile", "calendar_range", "calendar_html", "write_calendar", "MAX_DAYS"]

MAX_DAYS = 400  # a little over a year: more is no longer a page anyone reads


@dataclass(frozen=True)
class CalendarRange:
    """The days a page shows (`start`..`end`, inclusive) and how they were asked for."""

    start: date
    end: date
    kind: str  # week | month | range

    @property
    def mondays(self) -> list[date]:
        first = self.start - timedelta(days=self.start.weekday())
        return [first + timedelta(weeks=i) for i in range((self.end - first).days // 7 + 1)]


@dataclass(frozen=True)
class CalendarFile:
    """A written page: where, which days, how many posts."""

    path: Path
    range: CalendarRange
    posts: int


def calendar_range(
    ws: Workspace, *, week: str | None = None, month: str | None = None,
    start: str | date | None = None, end: str | date | None = None, today: date | None = None,
) -> CalendarRange:
    """The days to show: an ISO week, a month, or `start`..`end`; default this week and next.

    The default takes in next week because that is what `contentkit plan` has just planned.

    >>> calendar_range(ws, week="2026-W49")  # doctest: +SKIP
    CalendarRange(start=Date(2026, 11, 30), end=Date(2026, 12, 6), kind='week')
    """
    given = [name for name, v in (("--week", week), ("--month", month), ("--from/--to", start or end)) if v]
    if len(given) > 1:
        raise InputError(_("give only one of --week, --month or --from/--to (got {value})").format(value=' and '.join(given)))
    if week:
        monday = parse_week(week)
        return CalendarRange(monday, monday.add(days=6), "week")
    if month:
        first = parse_month(month, tz=ws.tz)
        return CalendarRange(first, first.end_of("month"), "month")
    if start or end:
        if not (start and end):
            raise InputError(_("give both --from and --to (YYYY-MM-DD), or use --week / --month"))
        a, b = parse_date(start, tz=ws.tz), parse_date(end, tz=ws.tz)
        if a > b:
            raise InputError(_("--from {a} is after --to {b}; swap them").format(a=a, b=b))
        if (b - a).days + 1 > MAX_DAYS:
            raise InputError(_("{value} days is too long for one page; show at most {MAX_DAYS} days").format(value=(b - a).days + 1, MAX_DAYS=MAX_DAYS))
        return CalendarRange(a, b, "range")
    day = parse_date(today) if today else pendulum.now(ws.tz).date()
    monday = day.start_of("week")
    return CalendarRange(monday, monday.add(days=13), "range")


def calendar_html(
    ws: Workspace, *, week: str | None = None, month: str | None = None,
    start: str | date | None = None, end: str | date | None = None,
    thumbnails: bool = True, today: date | None = None,
) -> str:
    """The calendar page for the chosen days, as one HTML string.

    >>> html = ws.calendar_html(week="2026-W49")  # doctest: +SKIP
    >>> html.startswith("<!DOCTYPE html>")         # doctest: +SKIP
    True
    """
    rng = calendar_range(ws, week=week, month=month, start=start, end=end, today=today)
    return _render(ws, rng, thumbnails=thumbnails, today=today)[0]


def write_calendar(
    ws: Workspace, output: str | Path, *, week: str | None = None, month: str | None = None,
    start: str | date | None = None, end: str | date | None = None, thumbnails: bool = True,
) -> CalendarFile:
    """Write the calendar page to `output` (its folder must exist)."""
    path = ws.check_output(output)
    if path.suffix.lower() not in (".html", ".htm"):
        raise InputError(_("{output} must end in .html, e.g. -o rencana.html").format(output=output))
    if not path.parent.resolve().is_dir():
        raise InputError(_("folder {parent} does not exist; create it first or choose another path").format(parent=path.parent))
    rng = calendar_range(ws, week=week, month=month, start=start, end=end)
    page, count = _render(ws, rng, thumbnails=thumbnails, today=None)
    write_atomic(path, page)
    return CalendarFile(path, rng, count)


# -- drawing ------------------------------------------------------------------

def _render(ws: Workspace, rng: CalendarRange, *, thumbnails: bool, today: date | None) -> tuple[str, int]:
    lang = ws.language
    words = labels(lang)
    words["lang"] = lang
    mondays = rng.mondays
    grid_end = mondays[-1] + timedelta(days=6)
    posts = ws.posts(start=mondays[0], end=grid_end)
    cards = build_cards(ws, [p for p in posts if _in(p, rng, ws.tz)], thumbnails=thumbnails)
    by_day: dict[date, list[Card]] = {}
    for card in cards:
        by_day.setdefault(card.local.date(), []).append(card)
    from ..calendar.events import events_between

    events: dict[date, list[Any]] = {}
    for ev in events_between(mondays[0], grid_end):
        events.setdefault(ev.day, []).append(ev)
    now_day = parse_date(today) if today else pendulum.now(ws.tz).date()
    # `today` (tests, scripts) stands for the start of that day; otherwise the present moment.
    now = pendulum.datetime(now_day.year, now_day.month, now_day.day, tz=ws.tz) if today else pendulum.now(ws.tz)
    for card in cards:
        card.mark_missed(now)

    out: list[str] = []
    w = out.append
    title = f"{words['calendar_title']} · {ws.config.brand}"
    w(f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
      f"<title>{escape(title)}</title>\n<style>\n{page_css(ws.config.brand_kit.primary)}</style>\n</head>\n<body>\n")
    w(f'<header class="page"><h1>{escape(title)}</h1>'
      f'<div class="meta">{escape(_span_text(rng, words))} · {escape(words["timezone"])}: {escape(ws.tz)} · '
      f'{len(cards)} {escape(words["posts"])}</div></header>\n')
    w(_legend(words))
    for monday in mondays:
        days = [monday + timedelta(days=i) for i in range(7)]
        week_cards = [c for d in days if rng.start <= d <= rng.end for c in by_day.get(d, [])]
        w(f'<section class="week" id="{week_label(monday)}">\n')
        w(f'<h2>{escape(words["week"])} {week_label(monday)[-2:].lstrip("0")} · '
          f'{escape(_span_text(CalendarRange(monday, days[-1], "week"), words))}</h2>\n')
        w(_tally(words, week_cards))
        w(_stages(words, week_cards, lang))
        w('<div class="days">\n')
        for i, day in enumerate(days):
            inside = rng.start <= day <= rng.end
            # A payday run (the 25th to the month's end) is named once per week row, on its
            # first day there, with its dates; the days after it carry only a colour strip.
            prev = day - timedelta(days=1)
            named_before = i > 0 and _is_payday(events.get(prev, [])) and (rng.start <= prev <= rng.end or not inside)
            w(_day(words, day, i, inside, day == now_day, events.get(day, []), by_day.get(day, []) if inside else [],
                   lang, payday_named=named_before))
        w("</div>\n</section>\n")
    w("</body>\n</html>\n")
    return "".join(out), len(cards)


def _in(post: Post, rng: CalendarRange, tz: str) -> bool:
    day = pendulum.instance(post.at).in_timezone(tz).date()
    return rng.start <= day <= rng.end


def _span_text(rng: CalendarRange, words: dict[str, Any]) -> str:
    months = words["months"]
    a, b = rng.start, rng.end
    if a.year == b.year and a.month == b.month:
        return f"{a.day}–{b.day} {months[a.month - 1]} {a.year}" if a != b else f"{a.day} {months[a.month - 1]} {a.year}"
    if a.year == b.year:
        return f"{a.day} {months[a.month - 1]} – {b.day} {months[b.month - 1]} {a.year}"
    return f"{a.day} {months[a.month - 1]} {a.year} – {b.day} {months[b.month - 1]} {b.year}"


def _legend(words: dict[str, Any]) -> str:
    names = words["pillar"]
    items = "".join(f'<span class="p-{p}"><span class="swatch"></span>{escape(names[p])}</span>' for p in PILLARS)
    return f'<nav class="legend" aria-label="{escape(words["pillars"])}"><strong>{escape(words["pillars"])}:</strong>{items}</nav>\n'


def _tally(words: dict[str, Any], cards: list[Card]) -> str:
    """What became of the week's posts, e.g. "11 posting: 8 terbit, 1 dilewati, 2 belum terbit"."""
    status = words["status"]
    counts = [(sum(c.post.status == s for c in cards), status[s], s) for s in ("published", "ready", "draft", "skipped")]
    counts.append((sum(c.missed for c in cards), words["missed"], "missed"))
    parts = [f'<span class="n-{key}">{n} {escape(name)}</span>' for n, name, key in counts if n]
    head = f"{len(cards)} {escape(words['posts'])}"
    return f'<p class="tally">{head}{": " + ", ".join(parts) if parts else ""}</p>\n'


def _stages(words: dict[str, Any], cards: list[Card], lang: str) -> str:
    from ..calendar.report_text import STAGE_NAMES

    live = [c.post for c in cards if c.post.status != "skipped"]
    covered = {PILLAR_STAGES[p.pillar] for p in live if p.pillar in PILLAR_STAGES}
    if any(p.persona for p in live):  # target customers: a post aimed at a persona, not personas existing
        covered.add("target_customers")
    names = STAGE_NAMES.get(lang, STAGE_NAMES["id"])
    items = "".join(
        f'<li class="stage {"on" if s in covered else "off"}">{"✓" if s in covered else "✗"} {escape(names[s])}</li>'
        for s in STAGES
    )
    return (f'<ul class="stages" aria-label="{escape(words["stages"])}">'
            f'<li><strong>{escape(words["stages_covered"])} {len(covered)}/6:</strong></li>{items}</ul>\n')


def _is_payday(events: list[Any]) -> bool:
    return any(ev.kind == "payday" for ev in events)


def _run_text(ev: Any, words: dict[str, Any]) -> str:
    """The dates of the run of days `ev` belongs to, e.g. "25–31 Des"."""
    from ..calendar.events import events_on

    def same(d: date) -> bool:
        return any(e.kind == ev.kind for e in events_on(d))

    first = last = ev.day
    while same(first - timedelta(days=1)):
        first -= timedelta(days=1)
    while same(last + timedelta(days=1)):
        last += timedelta(days=1)
    short = [month_abbr(m, words["lang"]) for m in range(1, 13)]
    if first.month == last.month:
        return f"{first.day}–{last.day} {short[last.month - 1]}"
    return f"{first.day} {short[first.month - 1]}–{last.day} {short[last.month - 1]}"


def _day(words: dict[str, Any], day: date, index: int, inside: bool, is_today: bool,
         events: list[Any], cards: list[Card], lang: str, *, payday_named: bool = False) -> str:
    cls = ("day" + ("" if inside else " out") + (" today" if is_today and inside else "")
           + (" payday" if _is_payday(events) else ""))
    head = f'<span class="date">{escape(format_day(day, lang, weekday="long"))}</span>'
    for ev in events:
        if ev.kind == "payday":
            if payday_named:
                continue
            head += f'<span class="event payday">{escape(ev.label(lang))} {escape(_run_text(ev, words))}</span>'
            continue
        head += f'<span class="event {escape(ev.kind)}">{escape(ev.shown(lang))}</span>'
    body = "".join(_card(words, c) for c in cards)
    if not body:
        body = f'<li class="empty">{escape(words["no_posts"]) if inside else ""}</li>'
    return (f'<div class="{cls}" data-day="{day.isoformat()}">'
            f'<div class="day-head">{head}</div><ul class="cards">{body}</ul></div>\n')


def _card(words: dict[str, Any], card: Card) -> str:
    p = card.post
    pillar = p.pillar if p.pillar in PILLARS else "other"
    status_word = words["status"].get(p.status, p.status)
    parts = [
        f'<li class="card p-{pillar}{" skipped" if p.status == "skipped" else ""}{" missed" if card.missed else ""}" '
        f'data-post="{escape(p.id)}" data-day="{card.local.date().isoformat()}">',
        f'<div class="top"><span class="time">{card.local.format("HH:mm")}</span>'
        f'<span class="channel">{escape(display_name(p.channel))}</span><span class="format">{escape(p.format)}</span>'
        f'<span class="status status-{escape(p.status)}">{escape(status_word)}</span>'
        + (f'<span class="status missed">{escape(words["missed"])}</span>' if card.missed else "") + "</div>",
        f'<div class="title">{escape(p.title)}</div>',
        f'<div class="pillar">{escape(words["pillar"].get(p.pillar, p.pillar))}</div>',
    ]
    if p.persona:
        parts.append(f'<div class="persona">{escape(words["for_persona"])}: {escape(p.persona)}</div>')
    for flag in card.flags:
        parts.append(f'<span class="flag" data-rule="{escape(flag.rule)}" title="{escape(words[flag.kind])}">'
                     f'⚠ {escape(flag.text)}</span>')
    if card.image is not None:
        parts.append(_image(words, card))
    if p.caption.strip():
        parts.append(f'<details><summary>{escape(words["caption"])}</summary><p>{escape(p.caption)}</p></details>')
    parts.append("</li>")
    return "".join(parts)


def _image(words: dict[str, Any], card: Card) -> str:
    img = card.image
    assert img is not None
    if img.data_uri:
        return f'<img class="thumb" src="{img.data_uri}" alt="{escape(img.name)}">'
    if img.link:
        return f'<a class="asset" href="{escape(img.link)}">{escape(words["image_link"])}: {escape(img.link)}</a>'
    return f'<span class="asset">{escape(words["image_missing"])}: {escape(img.name)}</span>'
