"""Reading a date or time the way people write it, in Indonesian or English.

`read_moment` turns text into a `Moment` (a day, an optional wall time and an
optional zone) without deciding what a missing time means: `dates.py` does that
for each kind of option. Numbers are always read day-first (`1/12/2026` is
1 December), as Indonesians write them; a month-first reading never happens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .errors import InputError
from .i18n import N_, _, get_language
from .vocab import WEEKDAYS, check_weekday

__all__ = ["Moment", "read_moment", "MONTHS", "ZONE_NAMES", "FIRST_YEAR", "LAST_YEAR", "check_year"]

# Dates outside these years are refused at the door, so nothing stored can break a list or an export.
FIRST_YEAR, LAST_YEAR = 1970, 2100

# Month names and the abbreviations people use (Indonesian and English), to 1..12.
MONTHS: dict[str, int] = {}
for _n, _names in enumerate((
    "januari january jan",
    "februari pebruari february feb peb",
    "maret march mar",
    "april apr",
    "mei may",
    "juni june jun",
    "juli july jul",
    "agustus august agu agt ags aug",
    "september sep sept",
    "oktober october okt oct",
    "november nopember nov nop",
    "desember december des dec",
), start=1):
    for _name in _names.split():
        MONTHS[_name] = _n

# The Indonesian time zone abbreviations, as shops write them after a time.
ZONE_NAMES = {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura", "utc": "UTC", "gmt": "UTC",
              "z": "UTC"}

_DAY_EXAMPLE = N_("write it day-first, e.g. 1/12/2026, 1 Des 2026 or 2026-12-01")

_TIME = r"(?P<h>\d{1,2})[.:](?P<m>\d{2})(?:[.:](?P<s>\d{2})(?:\.\d+)?)?"
_ZONE = r"(?P<zone>wib|wita|wit|utc|gmt|z|[+-]\d{1,2}(?::?\d{2})?)"
_SPLIT = re.compile(
    rf"^(?P<date>.+?)(?:(?:[\s,]+|t)(?:(?:jam|pukul|pkl\.?|at|@)\s*)?{_TIME}(?:\s*{_ZONE})?)?$"
)
_ISO = re.compile(r"^(?P<y>\d{4})[-/](?P<mo>\d{1,2})[-/](?P<d>\d{1,2})$")
_DMY = re.compile(r"^(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4}|\d{2})$")
_NAMED = re.compile(r"^(?:(?P<wd>[a-z']+),?\s+)?(?P<d>\d{1,2})\s+(?P<mo>[a-z]+)\.?(?:\s+(?P<y>\d{4}))?$")
_NAMED_MDY = re.compile(r"^(?:(?P<wd>[a-z']+),?\s+)?(?P<mo>[a-z]+)\.?\s+(?P<d>\d{1,2}),?(?:\s+(?P<y>\d{4}))?$")


@dataclass(frozen=True)
class Moment:
    """What the text said: a day, and the wall time and zone when it gave them."""

    day: date
    time: tuple[int, int, int] | None = None
    zone: str | None = None  # an IANA name ("Asia/Makassar") or an offset ("+08:00")


def check_year(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError(_("invalid date {text!r}: out of range, contentkit takes dates from {first} to {last}").format(
            text=text, first=FIRST_YEAR, last=LAST_YEAR))


def _make_day(year: int, month: int, day: int, text: str, *, numeric_day_first: bool = False) -> date:
    check_year(year, text)
    if not 1 <= month <= 12:
        hint = ""
        if not numeric_day_first:
            pass
        elif 1 <= day <= 12:
            hint = _("; dates are read day-first (DD/MM/YYYY): did you mean {day}?").format(day=f"{month}/{day}/{year}")
        elif month > 12:
            hint = _("; dates are read day-first (DD/MM/YYYY), never month-first")
        raise InputError(_("invalid date {text!r}: there is no month {month}").format(text=text, month=month) + hint)
    try:
        return date(year, month, day)
    except ValueError:
        last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
        raise InputError(_("invalid date {text!r}: {month} has {last} days").format(text=text, month=f"{year}-{month:02d}", last=last)) from None


def _zone(raw: str | None, text: str) -> str | None:
    if raw is None:
        return None
    if raw in ZONE_NAMES:
        return ZONE_NAMES[raw]
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", raw)
    assert m is not None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes >= 60 or (hours == 14 and minutes):
        raise InputError(_("invalid time {text!r}: {raw} is not a UTC offset; offsets run from -12:00 to +14:00 (WIB is +07:00)").format(
            text=text, raw=raw))
    return f"{m.group(1)}{hours:02d}:{minutes:02d}"


def _weekday_of(word: str) -> int | None:
    try:
        return WEEKDAYS.index(check_weekday(word))
    except InputError:
        return None


def _relative(words: str, today: date) -> date | None:
    """`besok`, `lusa`, `senin depan`, `next monday`, `minggu depan` ... relative to `today`."""
    simple = {"hari ini": 0, "today": 0, "sekarang": 0, "now": 0, "besok": 1, "tomorrow": 1, "lusa": 2,
              "day after tomorrow": 2, "kemarin": -1, "yesterday": -1}
    if words in simple:
        return today + timedelta(days=simple[words])
    monday = today - timedelta(days=today.weekday())
    # "minggu" alone is the week; "hari minggu" or "ahad" is Sunday.
    if words in ("minggu depan", "next week"):
        return monday + timedelta(days=7)
    if words in ("minggu ini", "this week"):
        return monday
    m = re.fullmatch(r"(?:hari\s+)?([a-z']+)\s+(depan|ini)|(next|this)\s+([a-z']+)|(?:hari\s+)?([a-z']+)", words)
    if m is None:
        return None
    name = m.group(1) or m.group(4) or m.group(5)
    which = m.group(2) or m.group(3)
    index = _weekday_of(name)
    if index is None:
        return None
    if which in ("depan", "next"):  # the day in next week, as "Kamis depan" is said
        return monday + timedelta(days=7 + index)
    if which in ("ini", "this"):
        return monday + timedelta(days=index)
    ahead = (index - today.weekday()) % 7  # a bare day name: the coming one, today included
    return today + timedelta(days=ahead)


def _read_day(words: str, text: str, today: date) -> date:
    m = _ISO.match(words)
    if m:
        return _make_day(int(m["y"]), int(m["mo"]), int(m["d"]), text)
    m = _DMY.match(words)
    if m:
        year = int(m["y"]) + (2000 if len(m["y"]) == 2 else 0)
        return _make_day(year, int(m["mo"]), int(m["d"]), text, numeric_day_first=True)
    m = _NAMED.match(words) or _NAMED_MDY.match(words)
    if m and m["mo"] in MONTHS:
        month = MONTHS[m["mo"]]
        if m["y"]:
            day = _make_day(int(m["y"]), month, int(m["d"]), text)
        else:  # "1 Des": the next one from today
            day = _make_day(today.year, month, int(m["d"]), text)
            if day < today:
                day = _make_day(today.year + 1, month, int(m["d"]), text)
        if m["wd"]:
            index = _weekday_of(m["wd"])
            if index is None:
                raise InputError(_("invalid date {text!r}: {word!r} is not a day name; {example}").format(
                    text=text, word=m["wd"], example=_(_DAY_EXAMPLE)))
            if index != day.weekday():
                from .formatting import weekday_name

                lang = get_language()
                raise InputError(_("invalid date {text!r}: {day} is a {weekday}, not a {named}").format(
                    text=text, day=day.isoformat(), weekday=weekday_name(day.weekday(), lang), named=weekday_name(index, lang)))
        return day
    relative = _relative(words, today)
    if relative is not None:
        return relative
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}", words):
        raise InputError(_("invalid date {text!r}: it has no year; {example}").format(text=text, example=_(_DAY_EXAMPLE)))
    raise InputError(_("invalid date {text!r}: {example} (or besok, lusa, senin depan)").format(text=text, example=_(_DAY_EXAMPLE)))


def read_moment(text: str, today: date) -> Moment:
    """Read `text` into a Moment; relative words count from `today`.

    >>> read_moment("1/12/2026 19.30 WITA", date(2026, 11, 20))
    Moment(day=datetime.date(2026, 12, 1), time=(19, 30, 0), zone='Asia/Makassar')
    """
    words = " ".join(text.strip().lower().split())
    if not words:
        raise InputError(_("invalid date: it is empty; {example}").format(example=_(_DAY_EXAMPLE)))
    m = _SPLIT.match(words)
    if m is None:  # pragma: no cover - the pattern's date part takes anything
        raise InputError(_("{text!r} is not a date I can read: {example}").format(text=text, example=_(_DAY_EXAMPLE)))
    words = m["date"].strip(" ,")
    parts = words.split()
    if not parts:
        raise InputError(_("invalid date {text!r}: {example}").format(text=text, example=_(_DAY_EXAMPLE)))
    if len(parts) > 1 and parts[-1] in ZONE_NAMES:
        raise InputError(_("invalid time {text!r}: a time zone but no time; add the time, e.g. 19.30 WIB").format(text=text))
    day = _read_day(words, text, today)
    time = None
    if m["h"] is not None:
        hour, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
        if hour > 23 or minute > 59 or second > 59:
            raise InputError(_("invalid time {text!r}: {time} is not a time of day; write it as 19.30 or 19:30").format(
                text=text, time=f"{m['h']}.{m['m']}"))
        time = (hour, minute, second)
    return Moment(day, time, _zone(m["zone"], text))
