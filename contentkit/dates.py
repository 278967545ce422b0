"""Parsing the dates, weeks and times users type, in the workspace timezone.

Every command shares these so `--from`, `--week` and `--at` mean the same thing
everywhere, and a typo gets the same one-line answer.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pendulum

from .errors import InputError

__all__ = [
    "DEFAULT_TIMEZONE",
    "check_timezone",
    "parse_date",
    "parse_week",
    "parse_month",
    "parse_at",
    "now",
    "next_week_start",
    "week_label",
    "to_iso",
    "from_iso",
]

# Most shops contentkit serves run on WIB; every function taking a zone lets you say otherwise.
DEFAULT_TIMEZONE = "Asia/Jakarta"

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_AT = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$")


def check_timezone(name: str) -> str:
    """Return `name` if it is an IANA timezone, else raise InputError.

    >>> check_timezone("Asia/Jakarta")
    'Asia/Jakarta'
    """
    try:
        pendulum.timezone(name)
    except Exception:
        raise InputError(
            f"unknown timezone {name!r}: use an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura"
        ) from None
    return name


def parse_date(text: str | date) -> pendulum.Date:
    """Parse `YYYY-MM-DD` into a date.

    >>> parse_date("2026-12-09")
    Date(2026, 12, 9)
    """
    if isinstance(text, date) and not isinstance(text, datetime):
        return pendulum.Date(text.year, text.month, text.day)
    if isinstance(text, datetime):
        return pendulum.Date(text.year, text.month, text.day)
    try:
        parsed = pendulum.parse(text.strip(), exact=True, strict=True)
    except Exception:
        parsed = None
    if isinstance(parsed, pendulum.DateTime):
        return parsed.date()
    if not isinstance(parsed, date) or not re.match(r"^\d{4}-\d{2}-\d{2}$", text.strip()):
        raise InputError(f"invalid date {text!r}: write it as YYYY-MM-DD, for example 2026-12-09")
    return pendulum.Date(parsed.year, parsed.month, parsed.day)


def parse_week(text: str) -> pendulum.Date:
    """Parse an ISO week `YYYY-Www` and return its Monday.

    >>> parse_week("2026-W53")
    Date(2026, 12, 28)
    """
    m = _WEEK.match(text.strip())
    if not m:
        raise InputError(f"invalid week {text!r}: write it as YYYY-Www, for example 2026-W49")
    year, week = int(m.group(1)), int(m.group(2))
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise InputError(f"invalid week {text!r}: {year} has no ISO week {week}") from None
    return pendulum.Date(monday.year, monday.month, monday.day)


def parse_month(text: str) -> pendulum.Date:
    """Parse `YYYY-MM` and return the first day of that month."""
    m = _MONTH.match(text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise InputError(f"invalid month {text!r}: write it as YYYY-MM, for example 2026-12")
    return pendulum.Date(int(m.group(1)), int(m.group(2)), 1)


def parse_at(text: str | datetime, tz: str) -> pendulum.DateTime:
    """Parse `YYYY-MM-DD HH:MM` or ISO 8601; local to `tz` unless an offset is given.

    >>> parse_at("2026-12-09 19:00", "Asia/Jakarta").isoformat()
    '2026-12-09T19:00:00+07:00'
    """
    if isinstance(text, datetime):
        if text.tzinfo is None:
            return pendulum.instance(text, tz=tz).in_timezone(tz)
        return pendulum.instance(text)
    raw = text.strip()
    m = _AT.match(raw)
    try:
        if m:
            day = parse_date(m.group(1))
            hour, minute = int(m.group(2)), int(m.group(3))
            return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=tz)
        parsed = pendulum.parse(raw, tz=tz, strict=False)
    except InputError:
        raise
    except Exception:
        parsed = None
    if not isinstance(parsed, pendulum.DateTime):
        raise InputError(
            f"invalid time {text!r}: write it as 'YYYY-MM-DD HH:MM' (workspace time) or ISO 8601 with an offset"
        )
    return parsed


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
