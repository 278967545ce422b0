"""Days and numbers as users read them, from one place (Babel's CLDR data).

The CLI's plan table and the calendar page both call `format_day`, so a month
is abbreviated the same way everywhere ("Agu" for Agustus, not "Agt" here and
"Agu" there).

>>> from datetime import date, datetime
>>> format_day(date(2026, 8, 3), "id")
'Sen 3 Agu'
>>> format_day(date(2026, 8, 3), "en", weekday="long")
'Monday 3 Aug'
>>> format_number(1234.5, "id")
'1.234,5'
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from .i18n import N_, translator

__all__ = ["format_day", "format_day_month", "format_long_day", "format_when", "echo_when", "format_number", "month_abbr", "month_name", "weekday_abbr", "weekday_name"]

_PATTERNS = {"short": "EEE d MMM", "long": "EEEE d MMM", "none": "d MMM"}


@lru_cache(maxsize=8)
def _locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse("en" if lang == "en" else lang)


def format_day(day: date, lang: str, *, weekday: str = "short") -> str:
    """`day` as "Sen 3 Agu" (weekday "short"), "Senin 3 Agu" ("long") or "3 Agu" ("none")."""
    from babel.dates import format_date

    return format_date(day, _PATTERNS[weekday], locale=_locale(lang))


def format_day_month(day: date, lang: str) -> str:
    """`day` as written in running text: "3 Maret", "3 March".

    >>> format_day_month(date(2027, 3, 3), "id")
    '3 Maret'
    """
    from babel.dates import format_date

    return str(format_date(day, "d MMMM", locale=_locale(lang)))


def format_long_day(day: date, lang: str) -> str:
    """A day as the user reads it: `Selasa, 1 Des 2026` (id) or `Tuesday, 1 Dec 2026` (en).

    >>> format_long_day(date(2026, 12, 1), "id")
    'Selasa, 1 Des 2026'
    """
    from babel.dates import format_date

    return str(format_date(day, "EEEE, d MMM y", locale=_locale(lang)))


def format_when(at: datetime, lang: str, tz: str | None = None) -> str:
    """A moment as the user reads it, in `tz` (default: its own zone), with the zone named.

    The one formatter for dates and times echoed back to users, so a misreading shows.

    >>> from contentkit.dates import parse_at
    >>> format_when(parse_at("1/12/2026 19.30", "Asia/Jakarta"), "id", "Asia/Jakarta")
    'Selasa, 1 Des 2026 19.30 WIB'
    >>> format_when(parse_at("1/12/2026 19.30", "Asia/Jakarta"), "en", "Asia/Jakarta")
    'Tuesday, 1 Dec 2026 19:30 WIB'
    """
    import pendulum
    from babel.dates import format_datetime

    from .dates import zone_label

    local = pendulum.instance(at).in_timezone(tz) if tz else pendulum.instance(at)
    # Indonesian writes 19.30, English 19:30; the date part is the same shape in both.
    pattern = "EEEE, d MMM y HH.mm" if lang == "id" else "EEEE, d MMM y HH:mm"
    text = format_datetime(local, pattern, tzinfo=local.tzinfo, locale=_locale(lang))
    return f"{text} {zone_label(local, tz)}"


# The words before an echoed date; translated in the workspace language by `echo_when`.
_ECHO = {
    "scheduled": N_("scheduled {when}"),
    "published": N_("published {when}"),
    "starts": N_("starts {when}"),
    "until": N_("valid until {when}"),
}


def echo_when(kind: str, value: date, lang: str, tz: str | None = None) -> str:
    """The line a command prints after taking a date: `dijadwalkan Selasa, 1 Des 2026 19.30 WIB`.

    `kind` is one of scheduled, published, starts, until; a date without a time shows the day only.
    """
    shown = format_when(value, lang, tz) if isinstance(value, datetime) else format_long_day(value, lang)
    return translator(lang).gettext(_ECHO[kind]).format(when=shown)


def weekday_name(index: int, lang: str) -> str:
    """The full name of weekday `index` (0 is Monday): "Senin", "Monday"."""
    return str(_locale(lang).days["format"]["wide"][index])


def weekday_abbr(index: int, lang: str) -> str:
    """The short name of weekday `index` (0 is Monday): "Sen", "Mon"."""
    return str(_locale(lang).days["format"]["abbreviated"][index])


def month_name(month: int, lang: str) -> str:
    """The full name of `month` (1–12): "Agustus", "August"."""
    return str(_locale(lang).months["format"]["wide"][month])


def month_abbr(month: int, lang: str) -> str:
    """The short name of `month` (1–12): "Agu", "Aug"."""
    return str(_locale(lang).months["format"]["abbreviated"][month])


def format_number(value: float, lang: str, *, decimals: int = 3) -> str:
    """`value` with the language's separators, at most `decimals` decimals: 1.234,5 in Indonesian, 1,234.5 in English."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=_locale(lang)))
