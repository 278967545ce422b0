"""Holiday greetings: one reviewed line per holiday and language, with its year numbers.

The lines live in templates/captions/events.toml under [greeting], keyed by the
`holidays` package's Indonesian holiday names, so "Wafat Yesus Kristus" is
greeted "Selamat memperingati Jumat Agung" and never "Selamat Wafat …". The
years in them are computed for the day: the Hijri year (from the package's own
1 Muharram dates, the calendar Indonesia follows), the Saka year of Nyepi, the
Imlek (Kongzili) year, the Buddhist Era year of Waisak and the Republic's age.

Only public holidays are greeted; cuti bersama days are leave, not holidays.

>>> from contentkit.calendar.events import events_on
>>> greeting_for(events_on(date(2027, 8, 17))[0], "id")
'Dirgahayu Republik Indonesia ke-82'
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .events import Event

__all__ = ["greeting_for", "year_fields", "greeting_names"]

# 1 Muharram 1 AH in the proleptic Gregorian calendar, and the mean Hijri year.
_HIJRI_EPOCH = date(622, 7, 19)
_HIJRI_YEAR_DAYS = 354.36707


def _table() -> dict[str, dict[str, str]]:
    from .captions import event_prompts

    table: dict[str, dict[str, str]] = event_prompts().get("greeting", {})
    return table


def greeting_names() -> list[str]:
    """The holiday names the greeting table knows (the package's Indonesian names)."""
    return list(_table())


def greeting_for(event: Event, lang: str, brand: str = "") -> str | None:
    """The reviewed greeting for a public holiday `event` in `lang`, or None.

    None for anything that is not a public holiday (cuti bersama, sales,
    Ramadan days) and for holidays the table greets on another day (the
    second day of Idul Fitri).

    >>> from contentkit.calendar.events import events_on
    >>> greeting_for(events_on(date(2027, 3, 10))[0], "id")
    'Selamat Hari Raya Idulfitri 1448 H, mohon maaf lahir dan batin'
    """
    if not event.public_holiday:
        return None
    entry = _table().get(event.name["id"])
    if not entry:
        return None
    text = entry.get(lang) or entry.get("id") or ""
    if not text:
        return None
    fields = {**year_fields(event.day), "brand": brand}
    for key, value in fields.items():
        text = text.replace("{" + key + "}", value)
    return text


def year_fields(day: date) -> dict[str, str]:
    """The calendar years a greeting on `day` may name.

    >>> year_fields(date(2027, 3, 8))["saka"], year_fields(date(2027, 2, 6))["kongzili"]
    ('1949', '2578')
    """
    ri = day.year - 1945
    return {
        "year": str(day.year),
        "hijri": str(hijri_year(day)),
        "saka": str(day.year - 78),  # Nyepi (March) opens Saka year Gregorian - 78
        "kongzili": str(day.year + 551),  # Imlek (Jan/Feb) opens Kongzili year Gregorian + 551
        "be": str(day.year + 544),  # Waisak (May/June) falls in Buddhist Era year Gregorian + 544
        "ri": str(ri),
        "ri_th": _ordinal(ri),
    }


def hijri_year(day: date) -> int:
    """The Hijri year `day` falls in, by the `holidays` package's 1 Muharram dates for Indonesia.

    >>> hijri_year(date(2026, 6, 15)), hijri_year(date(2026, 6, 16))
    (1447, 1448)
    """
    starts = [d for d in _new_years(day.year) if d <= day]
    start = max(starts) if starts else day - timedelta(days=355)
    # A 1 Muharram date sits within a day or two of the arithmetic new year: rounding is exact.
    return round((start - _HIJRI_EPOCH).days / _HIJRI_YEAR_DAYS) + 1


@lru_cache(maxsize=32)
def _new_years(year: int) -> tuple[date, ...]:
    from holidays.countries.indonesia import IndonesiaIslamicHolidays

    calendar: Any = IndonesiaIslamicHolidays()
    days = {d for y in (year - 1, year) for d, _ in calendar.hijri_new_year_dates(y)}
    return tuple(sorted(days))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


