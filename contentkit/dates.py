"""Parsing the dates, weeks and times users type, in the workspace timezone, and
showing them back.

Every command shares these so `--from`, `--week` and `--at` mean the same thing
everywhere, and a typo gets the same one-line answer. The reading itself (ISO,
day-first `1/12/2026`, `1 Des 2026 19.30 WITA`, `besok`, `senin depan`) is in
`date_text.py`; here a missing time, a DST gap or a year outside 1970–2100 is
refused, and `format_when` is the one way a date is echoed to the user.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pendulum

from .date_text import MONTHS, check_year, read_moment
from .errors import InputError
from .i18n import _
from .formatting import echo_when, format_long_day, format_when  # they live with the other formatters

__all__ = [
    "DEFAULT_TIMEZONE",
    "check_timezone",
    "parse_date",
    "parse_week",
    "parse_month",
    "parse_at",
    "now",
    "zone_label",
    "format_long_day",
    "format_when",
    "echo_when",
    "next_week_start",
    "week_label",
    "to_iso",
    "from_iso",
]

# Most shops contentkit serves run on WIB; every function taking a zone lets you say otherwise.
DEFAULT_TIMEZONE = "Asia/Jakarta"

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def check_timezone(name: str) -> str:
    """Return `name` if it is an IANA timezone, else raise InputError.

    >>> check_timezone("Asia/Jakarta")
    'Asia/Jakarta'
    """
    try:
        pendulum.timezone(name)
    except Exception:
        raise InputError(
            _("unknown timezone {name!r}: use an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura").format(name=name)
        ) from None
    return name


def _today(tz: str, now: datetime | None) -> date:
    moment = pendulum.instance(now).in_timezone(tz) if now is not None else pendulum.now(tz)
    return date(moment.year, moment.month, moment.day)


def _check_range(value: date, text: object) -> None:
    check_year(value.year, str(text))


def parse_date(text: str | date, *, tz: str = DEFAULT_TIMEZONE, now: datetime | None = None) -> pendulum.Date:
    """Parse a day as people write it: ISO, day-first, month names in id/en, or relative words.

    Relative words (`besok`, `lusa`, `senin depan`, `tomorrow`) count from today in `tz`
    (or from `now`). Numbers are read day-first; years outside 1970–2100 are refused.

    >>> parse_date("1/12/2026")
    Date(2026, 12, 1)
    >>> parse_date("1 Des 2026")
    Date(2026, 12, 1)
    """
    if isinstance(text, date):
        _check_range(text, text)
        return pendulum.Date(text.year, text.month, text.day)
    day = read_moment(text, _today(tz, now)).day
    return pendulum.Date(day.year, day.month, day.day)


def parse_week(text: str) -> pendulum.Date:
    """Parse an ISO week `YYYY-Www` and return its Monday.

    >>> parse_week("2026-W53")
    Date(2026, 12, 28)
    """
    m = _WEEK.match(text.strip())
    if not m:
        raise InputError(_("invalid week {text!r}: write it as YYYY-Www, for example 2026-W49").format(text=text))
    year, week = int(m.group(1)), int(m.group(2))
    check_year(year, text)
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise InputError(_("invalid week {text!r}: {year} has no ISO week {week}").format(text=text, year=year, week=week)) from None
    return pendulum.Date(monday.year, monday.month, monday.day)


def parse_month(text: str, *, tz: str = DEFAULT_TIMEZONE, now: datetime | None = None) -> pendulum.Date:
    """Parse `YYYY-MM` (or `12/2026`, `Des 2026`, `bulan ini`, `next month`) and return the first day of that month.

    >>> parse_month("03/2027"), parse_month("Maret 2027"), parse_month("2027-03")
    (Date(2027, 3, 1), Date(2027, 3, 1), Date(2027, 3, 1))
    """
    raw = " ".join(text.strip().lower().split())
    shift = {"this": 0, "ini": 0, "bulan ini": 0, "this month": 0, "bulan depan": 1, "next month": 1}.get(raw)
    if shift is not None:
        today = _today(tz, now)
        return pendulum.Date(today.year, today.month, 1).add(months=shift)
    m = _MONTH.match(raw)
    named = re.fullmatch(r"([a-z]+)\.?\s+(\d{4})", raw)
    slashed = re.fullmatch(r"(\d{1,2})[/.-](\d{4})", raw)  # 03/2027, as a month is written here
    if m and 1 <= int(m.group(2)) <= 12:
        year, month = int(m.group(1)), int(m.group(2))
    elif slashed and 1 <= int(slashed.group(1)) <= 12:
        year, month = int(slashed.group(2)), int(slashed.group(1))
    elif named and named.group(1) in MONTHS:
        year, month = int(named.group(2)), MONTHS[named.group(1)]
    else:
        raise InputError(_("invalid month {text!r}: write it as YYYY-MM or MM/YYYY, for example 2026-12 or 12/2026").format(text=text))
    check_year(year, text)
    return pendulum.Date(year, month, 1)


def parse_at(
    text: str | date, tz: str, *, now: datetime | None = None, need_time: bool = True
) -> pendulum.DateTime:
    """Parse a date and time as people write it; local to `tz` unless a zone or offset is given.

    Takes ISO 8601 (`2026-12-01T19:30+07:00`), day-first dates with a time
    (`1/12/2026 19.30`, `1 Des 2026 19:30 WITA`) and relative days (`besok 19.30`).
    A day without a time is refused unless `need_time` is False (then it means the
    start of that day); a wall time that does not exist (a DST gap) is refused.

    >>> parse_at("2026-12-09 19:00", "Asia/Jakarta").isoformat()
    '2026-12-09T19:00:00+07:00'
    >>> parse_at("1/12/2026 19.30 WITA", "Asia/Jakarta").isoformat()
    '2026-12-01T19:30:00+08:00'
    """
    if isinstance(text, datetime):
        _check_range(text, text.isoformat())
        if text.tzinfo is None:
            return _local(text.date(), (text.hour, text.minute, text.second), tz, text.isoformat())
        return pendulum.instance(text)
    if isinstance(text, date):
        if need_time:
            raise InputError(_("invalid time {text!r}: it has no time; add one, e.g. '{text} 19:30'").format(text=text.isoformat()))
        _check_range(text, text)
        return _local(text, (0, 0, 0), tz, text.isoformat())
    moment = read_moment(text, _today(tz, now))
    if moment.time is None:
        if need_time:
            raise InputError(
                _("invalid time {text!r}: it has no time; add one, e.g. '{text} 19.30' (a day alone is not midnight)").format(text=text.strip())
            )
        return _local(moment.day, (0, 0, 0), tz, text)
    if moment.zone is not None and moment.zone[0] in "+-":
        sign = 1 if moment.zone[0] == "+" else -1
        hours, minutes = int(moment.zone[1:3]), int(moment.zone[4:6])
        offset = pendulum.FixedTimezone(sign * (hours * 3600 + minutes * 60))
        d, (h, mi, s) = moment.day, moment.time
        return pendulum.datetime(d.year, d.month, d.day, h, mi, s, tz=offset)
    return _local(moment.day, moment.time, moment.zone or tz, text)


def _local(day: date, time: tuple[int, int, int], tz: str, text: str) -> pendulum.DateTime:
    """The wall time `day time` in `tz`; a time the clocks skip (DST) is refused, naming the gap."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(tz)
    wall = datetime(day.year, day.month, day.day, *time)
    first = wall.replace(tzinfo=zone)
    if first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != wall:
        before, after = first.utcoffset(), wall.replace(tzinfo=zone, fold=1).utcoffset()
        assert before is not None and after is not None
        start = _gap_start(wall, zone, before, after)
        raise InputError(
            _("invalid time {text!r}: it does not exist in {tz}: the clocks jump from {start} to {end} "
              "on {day} (daylight saving time); pick a time outside that gap").format(
                text=text, tz=tz, start=f"{start:%H:%M}", end=f"{start + (after - before):%H:%M}", day=day.isoformat())
        )
    return pendulum.instance(first).in_timezone(tz)


def _gap_start(wall: datetime, zone: Any, before: timedelta, after: timedelta) -> datetime:
    """The local wall time at which the clocks jump forward, found by halving the possible span."""
    lo = wall.replace(tzinfo=timezone.utc) - after  # the transition lies between these two instants
    hi = wall.replace(tzinfo=timezone.utc) - before
    while hi - lo > timedelta(minutes=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(zone).utcoffset() == before:
            lo = mid
        else:
            hi = mid
    return (hi + before).replace(tzinfo=None, second=0, microsecond=0)


# Indonesia's three zones by the names shops use; other zones show their own abbreviation.
_ZONE_LABELS = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
_OFFSET_LABELS = {25200: "WIB", 28800: "WITA", 32400: "WIT"}


def zone_label(at: datetime, tz: str | None = None) -> str:
    """`WIB`, `WITA`, `WIT` for Indonesia's zones, else the zone's abbreviation or `UTC+01:00`."""
    if tz in _ZONE_LABELS:
        return _ZONE_LABELS[tz]
    offset = at.utcoffset()
    name = at.tzname() or ""
    if tz is None and offset is not None and int(offset.total_seconds()) in _OFFSET_LABELS:
        return _OFFSET_LABELS[int(offset.total_seconds())]
    if name.isalpha():
        return name
    seconds = int(offset.total_seconds()) if offset is not None else 0
    sign = "+" if seconds >= 0 else "-"
    return f"UTC{sign}{abs(seconds) // 3600:02d}:{abs(seconds) % 3600 // 60:02d}"


def now(tz: str) -> pendulum.DateTime:
    return pendulum.now(tz)


def next_week_start(tz: str, today: date | None = None) -> pendulum.Date:
    """The Monday of the ISO week after the current one, in `tz`."""
    day = parse_date(today) if today is not None else pendulum.now(tz).date()
    return day.start_of("week").add(weeks=1)


def week_label(day: date) -> str:
    """`2026-W49` for any day of that ISO week."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def to_iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def from_iso(value: str | None, tz: str | None = None) -> pendulum.DateTime | None:
    if not value:
        return None
    parsed = pendulum.parse(value)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed.in_timezone(tz) if tz else parsed
