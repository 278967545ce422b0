"""Calendar events: public holidays, Lebaran, Ramadan, payday, double dates, Harbolnas."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta

import pytest

from contentkit.calendar.events import (
    Event,
    events_between,
    events_on,
    holiday_event,
    is_public_holiday,
    is_sale_day,
    sale_event,
)
from contentkit.errors import InputError


def kinds(day: date) -> list[str]:
    return [e.kind for e in events_on(day)]


def test_christmas_is_a_public_holiday_named_in_both_languages() -> None:
    event = holiday_event(date(2026, 12, 25))
    assert event is not None
    assert event.kind == "holiday" and event.public_holiday and not event.sale
    assert event.label("id") == "Hari Raya Natal"
    assert event.label("en") == "Christmas Day"
    assert is_public_holiday(date(2026, 12, 25))


def test_christmas_is_also_payday_and_the_holiday_comes_first() -> None:
    assert kinds(date(2026, 12, 25)) == ["holiday", "payday"]
    sale = sale_event(date(2026, 12, 25))
    assert sale is not None and sale.kind == "payday" and sale.name == {"id": "Gajian", "en": "Payday"}


def test_harbolnas_on_12_12_is_a_sale_day_not_a_plain_double_date() -> None:
    assert is_sale_day(date(2026, 12, 12))
    event = sale_event(date(2026, 12, 12))
    assert event is not None and event.kind == "harbolnas" and event.sale
    assert "Harbolnas" in event.label("id") and "National Online Shopping Day" in event.label("en")
    assert "double_date" not in kinds(date(2026, 12, 12))
    assert not is_public_holiday(date(2026, 12, 12))


def test_11_11_is_a_double_date_sale() -> None:
    event = sale_event(date(2026, 11, 11))
    assert event is not None and event.kind == "double_date"
    assert event.name == {"id": "Promo 11.11", "en": "11.11 sale"}
    assert not is_sale_day(date(2026, 11, 12))


def test_every_month_has_exactly_one_double_date_or_harbolnas() -> None:
    year = events_between(date(2026, 1, 1), date(2026, 12, 31))
    doubles = [e.day for e in year if e.kind in ("double_date", "harbolnas")]
    assert doubles == [date(2026, m, m) for m in range(1, 13)]


def test_payday_runs_from_the_25th_to_the_end_of_the_month() -> None:
    assert "payday" in kinds(date(2026, 2, 28))
    assert "payday" in kinds(date(2026, 2, 25))
    assert "payday" not in kinds(date(2026, 2, 24))
    assert not is_sale_day(date(2026, 2, 24))
    assert "payday" in kinds(date(2028, 2, 29))  # leap day
    paydays = [e.day for e in events_between(date(2026, 1, 1), date(2026, 12, 31)) if e.kind == "payday"]
    # 2026 months have 31, 28, 31, 30, ... days: 7, 4, 7, 6, 7, 6, 7, 7, 6, 7, 6, 7 paydays.
    assert len(paydays) == 77
    assert date(2026, 3, 31) in paydays and date(2026, 4, 30) in paydays and date(2026, 5, 1) not in paydays


def test_idul_fitri_2026_is_lebaran_and_a_public_holiday() -> None:
    # 2026-03-21 is the package's (government-confirmed) Idul Fitri 1447 H.
    lebaran = holiday_event(date(2026, 3, 21))
    assert lebaran is not None and lebaran.kind == "lebaran" and lebaran.public_holiday
    assert "Idul Fitri" in lebaran.label("id") and "Eid al-Fitr" in lebaran.label("en")
    # The second day counts as Lebaran too; the cuti bersama around it is leave, not a holiday.
    assert "lebaran" in kinds(date(2026, 3, 22))
    assert kinds(date(2026, 3, 24)) == ["cuti_bersama"]
    assert not is_public_holiday(date(2026, 3, 24))


def test_estimated_dates_say_so_and_confirmed_ones_do_not() -> None:
    # holidays 0.109 confirms Idul Fitri 2026 (21 March) but only estimates 2027 (10 March).
    eid_2027 = holiday_event(date(2027, 3, 10))
    assert eid_2027 is not None and eid_2027.estimated
    assert eid_2027.label("id") == "Hari Raya Idul Fitri"
    assert eid_2027.shown("id") == "Hari Raya Idul Fitri (perkiraan, menunggu sidang isbat)"
    assert eid_2027.shown("en").endswith("(estimated, awaiting the sidang isbat)")
    eid_2026 = holiday_event(date(2026, 3, 21))
    assert eid_2026 is not None and not eid_2026.estimated and eid_2026.shown("id") == "Hari Raya Idul Fitri"
    # Imlek 2028 is estimated too, but no sidang isbat decides it.
    imlek = holiday_event(date(2028, 1, 26))
    assert imlek is not None and imlek.shown("id") == "Tahun Baru Imlek (perkiraan)"


def test_other_cuti_bersama_days_are_not_public_holidays() -> None:
    # 2026-12-24 is the package's Christmas cuti bersama (government category only).
    assert not is_public_holiday(date(2026, 12, 24))


def test_the_eve_of_idul_fitri_is_the_last_day_of_ramadan() -> None:
    ramadan = [e for e in events_on(date(2026, 3, 20)) if e.kind == "ramadan"]
    assert len(ramadan) == 1
    number = int(ramadan[0].label("en").rsplit(" ", 1)[1])
    assert number in (29, 30)
    assert ramadan[0].label("id") == f"Ramadan hari ke-{number}"
    first = date(2026, 3, 20) - timedelta(days=number - 1)
    assert [e.label("en") for e in events_on(first) if e.kind == "ramadan"] == ["Ramadan day 1"]
    assert not [e for e in events_on(first - timedelta(days=1)) if e.kind == "ramadan"]
    assert not [e for e in events_on(date(2026, 3, 21)) if e.kind == "ramadan"]


@pytest.mark.parametrize("year", [2026, 2027, 2030, 2033])
def test_ramadan_is_29_or_30_days_ending_on_the_eve_of_the_packages_idul_fitri(year: int) -> None:
    import holidays

    eid = min(d for d, name in holidays.ID(years=year, language="en_US").items() if name.startswith("Eid al-Fitr"))
    # Count backwards across the year boundary too (Ramadan 2032 starts in December).
    days = events_between(eid - timedelta(days=40), eid - timedelta(days=1))
    numbers = [int(e.label("en").rsplit(" ", 1)[1]) for e in days if e.kind == "ramadan"]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) in (29, 30)


def test_a_week_across_new_year_has_new_years_day_and_the_1_1_sale() -> None:
    week = events_between(date(2026, 12, 28), date(2027, 1, 3))
    jan1 = [e for e in week if e.day == date(2027, 1, 1)]
    assert [e.kind for e in jan1] == ["holiday", "double_date"]
    assert jan1[0].label("en") == "New Year's Day" and jan1[0].label("id") == "Tahun Baru Masehi"
    assert jan1[1].name == {"id": "Promo 1.1", "en": "1.1 sale"}
    assert {e.day for e in week if e.kind == "payday"} == {date(2026, 12, d) for d in (28, 29, 30, 31)}


def test_events_between_is_ordered_and_matches_events_on_day_by_day() -> None:
    start, end = date(2026, 3, 1), date(2026, 4, 30)
    expected: list[Event] = []
    day = start
    while day <= end:
        expected.extend(events_on(day))
        day += timedelta(days=1)
    assert events_between(start, end) == expected
    days = [e.day for e in expected]
    assert days == sorted(days)


def test_each_day_lists_public_holidays_then_sales_then_the_rest() -> None:
    for event_day in {e.day for e in events_between(date(2026, 1, 1), date(2027, 12, 31))}:
        ranks = [0 if e.public_holiday else 1 if e.sale else 2 for e in events_on(event_day)]
        assert ranks == sorted(ranks), event_day


def test_start_after_end_gives_nothing() -> None:
    assert events_between(date(2026, 12, 31), date(2026, 12, 1)) == []


def test_same_call_gives_equal_lists_and_callers_cannot_corrupt_the_cache() -> None:
    first = events_between(date(2026, 1, 1), date(2027, 12, 31))
    first.clear()
    assert events_between(date(2026, 1, 1), date(2027, 12, 31)) == events_between(date(2026, 1, 1), date(2027, 12, 31))
    assert len(events_between(date(2026, 1, 1), date(2027, 12, 31))) > 200


def test_a_datetime_counts_as_its_day() -> None:
    assert events_on(datetime(2026, 12, 12, 19, 30)) == events_on(date(2026, 12, 12))


def test_wrong_inputs_get_one_line_errors() -> None:
    with pytest.raises(InputError):
        events_on("2026-12-12")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        events_on(date(2026, 12, 25))[0].label("fr")


def test_events_are_hashable_and_immutable() -> None:
    event = events_on(date(2026, 12, 12))[0]
    assert event in set(events_on(date(2026, 12, 12)))
    with pytest.raises(AttributeError):
        event.kind = "payday"  # type: ignore[misc]


def test_importing_the_module_does_not_import_holidays() -> None:
    code = "import sys, contentkit.calendar.events; print('holidays' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
