"""Calendar events that matter to Indonesian online shops, day by day.

Four sources, each an `Event` on the days it covers:

- national public holidays, from the `holidays` package (country ID), named in
  Indonesian and English by the package's own translations;
- Lebaran: the two Idul Fitri public holidays;
- cuti bersama (joint leave): the days the package files under its
  `government` category. They are civil-service leave, not holidays: nobody is
  greeted on them (no "Selamat Cuti Bersama"), but couriers and shops slow
  down, so the calendar shows them;
- Ramadan, day by day (1 Ramadan to the eve of Idul Fitri);
- shopping-sale days: payday ("gajian", the 25th to the month's end), the
  double dates 1.1 … 11.11 and Harbolnas on 12.12.

The planner places promo posts on `is_sale_day` days, naming `sale_event`, and a
greeting instead of hard selling on `is_public_holiday` days; the HTML calendar
prints `events_on` in each day header.

Dates after the years the package has confirmed (Islamic, Chinese and Buddhist
holidays move every year) are the package's estimates: it names them with a
"(perkiraan)"/"(estimated)" suffix (`estimated_label`; Islamic ones only when
built with `islamic_show_estimated=True`). The suffix becomes `Event.estimated`
and `Event.shown()` says it the way the plan prints it ("perkiraan, menunggu
sidang isbat" for the Islamic dates the government fixes at its sidang isbat).

Everything for one year is computed once and cached, so a 52-week plan costs a
few dictionary lookups. `holidays` is imported inside the cached builder only,
keeping `contentkit --help` fast.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Iterable

from ..i18n import N_, _, translator
from ..errors import InputError
from ..vocab import check_choice

__all__ = [
    "Event",
    "KINDS",
    "events_on",
    "events_between",
    "is_sale_day",
    "is_public_holiday",
    "sale_event",
    "holiday_event",
]

KINDS = ("holiday", "lebaran", "harbolnas", "double_date", "payday", "ramadan", "cuti_bersama")
_LANGS = ("id", "en")
# The holidays package names its English locale en_US.
_PACKAGE_LANGS = {"id": "id", "en": "en_US"}
# Within a day: public holidays first (in the package's order), then sales, most
# important first, then the rest.
_ORDER = {"holiday": 0, "lebaran": 0, "harbolnas": 1, "double_date": 2, "payday": 3, "cuti_bersama": 4, "ramadan": 5}
_ESTIMATED = re.compile(r"\s*\((?:perkiraan|estimated)\)$")
# Islamic holidays wait on the sidang isbat; Imlek and Waisak estimates only on the package's tables.
_ISLAMIC = ("Idul Fitri", "Idul Adha", "Isra Mikraj", "Tahun Baru Islam", "Maulid")
_ESTIMATE_NOTE = (N_("estimated, awaiting the sidang isbat"), N_("estimated"))


def _both(message: str, **fields: object) -> dict[str, str]:
    """`message` (a catalog msgid) in every language, filled in: an event's name."""
    return {lang: translator(lang).gettext(message).format(**fields) for lang in _LANGS}
_PAYDAY_FROM = 25
_HARBOLNAS = (12, 12)


@dataclass(frozen=True)
class Event:
    """One thing happening on one day.

    `kind` is one of "holiday", "lebaran", "harbolnas", "double_date", "payday",
    "ramadan", "cuti_bersama". `name` holds the label in Indonesian ("id") and
    English ("en"). `sale` marks a shopping-sale day (double dates, Harbolnas,
    payday); `public_holiday` a national public holiday (Lebaran included);
    `estimated` a date the `holidays` package only estimates.

    >>> Event(date(2026, 12, 25), "payday", {"id": "Gajian", "en": "Payday"}, True, False).label("en")
    'Payday'
    """

    day: date
    kind: str
    # Left out of the hash (a dict cannot be hashed) but still compared.
    name: dict[str, str] = field(hash=False)
    sale: bool
    public_holiday: bool
    estimated: bool = False

    def label(self, lang: str) -> str:
        """The event's name in `lang` ("id" or "en").

        >>> events_on(date(2026, 12, 25))[0].label("id")
        'Hari Raya Natal'
        """
        return self.name[check_choice("language", lang, _LANGS)]

    def shown(self, lang: str) -> str:
        """The label as the plan prints it: an estimated date says so.

        >>> events_on(date(2027, 3, 10))[0].shown("id")
        'Hari Raya Idul Fitri (perkiraan, menunggu sidang isbat)'
        """
        if not self.estimated:
            return self.label(lang)
        islamic, other = _ESTIMATE_NOTE
        note = islamic if any(word in self.name["id"] for word in _ISLAMIC) else other
        said = translator(check_choice("language", lang, _LANGS)).gettext(note)
        return f"{self.label(lang)} ({said})"


def events_on(day: date) -> list[Event]:
    """Every event on `day`: public holidays first, then sales, then the rest.

    >>> [e.kind for e in events_on(date(2026, 12, 25))]
    ['holiday', 'payday']
    """
    day = _as_date(day)
    return list(_year_table(day.year).get(day, ()))


def events_between(start: date, end: date) -> list[Event]:
    """Every event from `start` to `end` inclusive, by day, each day ordered as `events_on`.

    An empty list when `start` is after `end`.

    >>> [e.label("en") for e in events_between(date(2026, 12, 31), date(2027, 1, 1))]
    ['Payday', "New Year's Day", '1.1 sale']
    """
    start, end = _as_date(start), _as_date(end)
    found: list[Event] = []
    for year in range(start.year, end.year + 1):
        table = _year_table(year)
        # Walk only the days that have events, in order (the table is built in day order).
        lo = start if year == start.year else date(year, 1, 1)
        hi = end if year == end.year else date(year, 12, 31)
        for day, events in table.items():
            if lo <= day <= hi:
                found.extend(events)
    return found


def is_sale_day(day: date) -> bool:
    """True on payday (25th to month end), the double dates and Harbolnas.

    >>> is_sale_day(date(2026, 11, 11)), is_sale_day(date(2026, 11, 12))
    (True, False)
    """
    return sale_event(day) is not None


def is_public_holiday(day: date) -> bool:
    """True on a national public holiday, Lebaran (with its cuti bersama days) included.

    >>> is_public_holiday(date(2026, 8, 17)), is_public_holiday(date(2026, 8, 18))
    (True, False)
    """
    return holiday_event(day) is not None


def sale_event(day: date) -> Event | None:
    """The day's most important sale event (harbolnas > double_date > payday), or None.

    >>> sale_event(date(2026, 12, 12)).kind
    'harbolnas'
    """
    return next((e for e in events_on(day) if e.sale), None)


def holiday_event(day: date) -> Event | None:
    """The day's (first) public holiday, Lebaran included, or None.

    >>> holiday_event(date(2026, 12, 25)).name["en"]
    'Christmas Day'
    """
    return next((e for e in events_on(day) if e.public_holiday), None)


def _as_date(value: Any) -> date:
    # A datetime is a date too; keep only its calendar day so events compare equal.
    if isinstance(value, (date, datetime)):
        return date(value.year, value.month, value.day)
    raise InputError(_("expected a date, got {value!r}: pass a datetime.date such as date(2026, 12, 12)").format(value=value))


@lru_cache(maxsize=64)
def _year_table(year: int) -> dict[date, tuple[Event, ...]]:
    """Day → its events, ordered, for one Gregorian year, in day order."""
    by_day: dict[date, list[Event]] = {}
    for event in _iter_year_events(year):
        by_day.setdefault(event.day, []).append(event)
    # sorted() is stable: holidays keep the package's order among themselves.
    return {
        day: tuple(sorted(by_day[day], key=lambda e: _ORDER[e.kind]))
        for day in sorted(by_day)
    }


def _iter_year_events(year: int) -> Iterable[Event]:
    for day, id_name, en_name, kind, estimated in _public_holidays(year):
        yield Event(day, kind, {"id": id_name, "en": en_name}, False, kind != "cuti_bersama", estimated)
    for day, number in _ramadan_days(year):
        yield Event(day, "ramadan", _both(N_("Ramadan day {n}"), n=number), False, False)
    for month in range(1, 13):
        if (month, month) == _HARBOLNAS:
            name = _both(N_("12.12 Harbolnas (National Online Shopping Day)"))
            yield Event(date(year, month, month), "harbolnas", name, True, False)
        else:
            name = _both(N_("{day} sale"), day=f"{month}.{month}")
            yield Event(date(year, month, month), "double_date", name, True, False)
        for dom in range(_PAYDAY_FROM, monthrange(year, month)[1] + 1):
            yield Event(date(year, month, dom), "payday", _both(N_("Payday")), True, False)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> tuple[tuple[date, str, str, str, bool], ...]:
    """(day, Indonesian name, English name, kind, estimated) for the year's holidays.

    Builds the `holidays` objects once per year: public holidays in both
    languages ("holiday" or "lebaran"), plus the cuti bersama days from the
    `government` category when the installed package has it.
    """
    import holidays  # heavy: only when a calendar is actually asked for

    categories = ["public"]
    if "government" in getattr(getattr(holidays, "ID"), "supported_categories", ()):
        categories.append("government")
    rows: list[tuple[date, str, str, str, bool]] = []
    for category in categories:
        # Always pass language=: without it the package follows the process locale.
        named = {
            lang: holidays.country_holidays(
                "ID", years=year, categories=category, language=package_lang, islamic_show_estimated=True
            )
            for lang, package_lang in _PACKAGE_LANGS.items()
        }
        for day in sorted(named["id"]):
            id_names, en_names = named["id"].get_list(day), named["en"].get_list(day)
            for id_name, en_name in zip(id_names, en_names):
                # The Indonesian names are the package's own source strings, so stable to match on.
                if category == "government":
                    kind = "cuti_bersama"
                else:
                    kind = "lebaran" if "Idul Fitri" in id_name else "holiday"
                estimated = bool(_ESTIMATED.search(id_name))
                rows.append((day, _ESTIMATED.sub("", id_name), _ESTIMATED.sub("", en_name), kind, estimated))
    return tuple(rows)


def _ramadan_days(year: int) -> list[tuple[date, int]]:
    """(day, day number of Ramadan) for the Ramadan days falling in `year`.

    Ramadan runs from 1 Ramadan to the eve of Idul Fitri (1 Syawal). The end is
    the package's Indonesian Idul Fitri date (government-confirmed years
    included). The start is the package's 1 Ramadan (its MABIMS calendar,
    which Indonesia's Ministry of Religious Affairs follows) when that gives a
    29- or 30-day month; otherwise, or with a package too old to know 1
    Ramadan, we take the 30 days before Idul Fitri.
    """
    from holidays.countries.indonesia import IndonesiaIslamicHolidays

    calendar = IndonesiaIslamicHolidays()
    starts_of = getattr(calendar, "ramadan_beginning_dates", None)
    starts: set[date] = set()
    eids: set[date] = set()
    # A Ramadan in late December ends with an Idul Fitri in the next January.
    for y in (year, year + 1):
        eids.update(d for d, _ in calendar.eid_al_fitr_dates(y))
        if starts_of is not None:
            starts.update(d for d, _ in starts_of(y))
    days: list[tuple[date, int]] = []
    for eid in sorted(eids):
        first = next(
            (eid - timedelta(days=n) for n in (30, 29) if eid - timedelta(days=n) in starts),
            eid - timedelta(days=30),
        )
        day, number = first, 1
        while day < eid:
            if day.year == year:
                days.append((day, number))
            day += timedelta(days=1)
            number += 1
    return days
