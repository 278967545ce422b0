"""Days and numbers as users read them, from one place (Babel's CLDR data).

The CLI's plan table and the calendar page both call `format_day`, so a month
is abbreviated the same way everywhere ("Agu" for Agustus, not "Agt" here and
"Agu" there).

>>> from datetime import date
>>> format_day(date(2026, 8, 3), "id")
'Sen 3 Agu'
>>> format_day(date(2026, 8, 3), "en", weekday="long")
'Monday 3 Aug'
>>> format_number(1234.5, "id")
'1.234,5'
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

__all__ = ["format_day", "format_number", "month_abbr"]

_PATTERNS = {"short": "EEE d MMM", "long": "EEEE d MMM", "none": "d MMM"}


@lru_cache(maxsize=8)
def _locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse("en" if lang == "en" else lang)


def format_day(day: date, lang: str, *, weekday: str = "short") -> str:
    """`day` as "Sen 3 Agu" (weekday "short"), "Senin 3 Agu" ("long") or "3 Agu" ("none")."""
    from babel.dates import format_date

    return format_date(day, _PATTERNS[weekday], locale=_locale(lang))


def month_abbr(month: int, lang: str) -> str:
    """The short name of `month` (1–12): "Agu", "Aug"."""
    return str(_locale(lang).months["format"]["abbreviated"][month])


def format_number(value: float, lang: str, *, decimals: int = 3) -> str:
    """`value` with the language's separators, at most `decimals` decimals: 1.234,5 in Indonesian, 1,234.5 in English."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=_locale(lang)))
