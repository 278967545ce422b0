"""Dates as people write them: what each input becomes, or why it is refused.

"Now" is frozen at Wednesday 2 December 2026, 10.00 WIB, so relative words are checkable.
"""

from __future__ import annotations

from datetime import date, datetime

import pendulum
import pytest

from contentkit.dates import parse_at, parse_date, parse_month, parse_week
from contentkit.formatting import echo_when, format_long_day, format_when
from contentkit.errors import InputError

TZ = "Asia/Jakarta"
NOW = pendulum.datetime(2026, 12, 2, 10, 0, tz=TZ)  # a Wednesday

# input -> ISO datetime it becomes (in its zone), for options that need a time (`--at`)
AT_CASES = [
    ("1/12/2026 19.30", "2026-12-01T19:30:00+07:00"),
    ("1/12/2026 19:30", "2026-12-01T19:30:00+07:00"),
    ("01-12-2026 19.30", "2026-12-01T19:30:00+07:00"),
    ("01.12.2026 07.05", "2026-12-01T07:05:00+07:00"),
    ("1/12/26 19.30", "2026-12-01T19:30:00+07:00"),
    ("1 Des 2026 19.30", "2026-12-01T19:30:00+07:00"),
    ("1 Desember 2026 19:30", "2026-12-01T19:30:00+07:00"),
    ("1 des. 2026 pukul 19.30", "2026-12-01T19:30:00+07:00"),
    ("Selasa, 1 Des 2026 19.30", "2026-12-01T19:30:00+07:00"),
    ("1 Dec 2026 7:30", "2026-12-01T07:30:00+07:00"),
    ("December 1, 2026 19:30", "2026-12-01T19:30:00+07:00"),
    ("17 Agustus 2027 jam 08.00", "2027-08-17T08:00:00+07:00"),
    ("17 agt 2027 08.00", "2027-08-17T08:00:00+07:00"),
    ("1/12/2026 19.30 WIB", "2026-12-01T19:30:00+07:00"),
    ("1/12/2026 19.30 WITA", "2026-12-01T19:30:00+08:00"),
    ("1/12/2026 19.30 wit", "2026-12-01T19:30:00+09:00"),
    ("2026-12-01 19:30", "2026-12-01T19:30:00+07:00"),
    ("2026-12-01T19:30", "2026-12-01T19:30:00+07:00"),
    ("2026-12-01T19:30:15", "2026-12-01T19:30:15+07:00"),
    ("2026-12-01T19:30+08:00", "2026-12-01T19:30:00+08:00"),
    ("2026-12-01T12:30Z", "2026-12-01T12:30:00+00:00"),
    ("2026-12-01 19:30:00.250+0700", "2026-12-01T19:30:00+07:00"),
    ("besok 19.30", "2026-12-03T19:30:00+07:00"),
    ("Besok jam 9.00", "2026-12-03T09:00:00+07:00"),
    ("lusa 20.00", "2026-12-04T20:00:00+07:00"),
    ("hari ini 21.00", "2026-12-02T21:00:00+07:00"),
    ("tomorrow 19:30", "2026-12-03T19:30:00+07:00"),
    ("today at 18:00", "2026-12-02T18:00:00+07:00"),
    ("senin depan 19.30", "2026-12-07T19:30:00+07:00"),
    ("Kamis depan 19.30", "2026-12-10T19:30:00+07:00"),
    ("next monday 19:30", "2026-12-07T19:30:00+07:00"),
    ("next friday 08:00", "2026-12-11T08:00:00+07:00"),
    ("minggu depan 10.00", "2026-12-07T10:00:00+07:00"),
    ("hari minggu depan 10.00", "2026-12-13T10:00:00+07:00"),
    ("jumat 19.30", "2026-12-04T19:30:00+07:00"),
    ("jum'at ini 19.30", "2026-12-04T19:30:00+07:00"),
]

# input -> the day it becomes, for date options (`--from`, `--start`, `--since`)
DAY_CASES = [
    ("1/12/2026", date(2026, 12, 1)),
    ("01-12-2026", date(2026, 12, 1)),
    ("9-12-2026", date(2026, 12, 9)),
    ("1 Des 2026", date(2026, 12, 1)),
    ("1 Desember 2026", date(2026, 12, 1)),
    ("2026-12-01", date(2026, 12, 1)),
    ("2026/12/01", date(2026, 12, 1)),
    ("29/02/2028", date(2028, 2, 29)),
    ("25 Des", date(2026, 12, 25)),  # no year: the next one from today
    ("1 Des", date(2027, 12, 1)),
    ("besok", date(2026, 12, 3)),
    ("lusa", date(2026, 12, 4)),
    ("hari ini", date(2026, 12, 2)),
    ("today", date(2026, 12, 2)),
    ("senin depan", date(2026, 12, 7)),
    ("next sunday", date(2026, 12, 13)),
    ("1/12/2026 19.30", date(2026, 12, 1)),  # a time on a date option is fine: the day counts
]

# input -> words the one-line refusal must contain
REFUSED = [
    ("12/31/2026", "day-first"),  # a US month-first date is never read month-first
    ("12-25-2026", "day-first"),
    ("31/02/2027", "2027-02 has 28 days"),
    ("29/02/2027", "2027-02 has 28 days"),
    ("31/04/2026", "2026-04 has 30 days"),
    ("2026-13-01", "no month 13"),
    ("1/12", "no year"),
    ("0001-01-01", "1970 to 2100"),
    ("9999-12-31", "1970 to 2100"),
    ("1/1/1969", "1970 to 2100"),
    ("Senin, 1 Des 2026", "is a Tuesday, not a Monday"),
    ("1 Dessember 2026", "invalid date"),
    ("kemarin lusa", "invalid date"),
    ("", "empty"),
]

REFUSED_AT = [
    ("1/12/2026", "no time"),  # a day alone is not midnight
    ("besok", "no time"),
    ("2026-12-01", "no time"),
    ("1/12/2026 24.00", "not a time of day"),
    ("1/12/2026 19.75", "not a time of day"),
    ("2026-12-01T19:30+25:00", "+25:00 is not a UTC offset"),
    ("1/12/2026 WIB", "no time"),
    ("12/31/2026 19.30", "day-first"),
]


@pytest.mark.parametrize(("text", "iso"), AT_CASES)
def test_date_and_time_inputs(text: str, iso: str) -> None:
    assert parse_at(text, TZ, now=NOW).isoformat() == iso


@pytest.mark.parametrize(("text", "day"), DAY_CASES)
def test_day_inputs(text: str, day: date) -> None:
    assert parse_date(text, tz=TZ, now=NOW) == day


@pytest.mark.parametrize(("text", "words"), REFUSED)
def test_refused_days(text: str, words: str) -> None:
    with pytest.raises(InputError, match="invalid date") as info:
        parse_date(text, tz=TZ, now=NOW)
    assert words in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(("text", "words"), REFUSED_AT)
def test_refused_times(text: str, words: str) -> None:
    with pytest.raises(InputError) as info:
        parse_at(text, TZ, now=NOW)
    assert words in str(info.value)


def test_the_table_has_forty_inputs_and_more() -> None:
    assert len(AT_CASES) + len(DAY_CASES) + len(REFUSED) + len(REFUSED_AT) >= 40


def test_relative_words_count_from_the_workspace_timezone() -> None:
    # 23.30 UTC on Tuesday is already Wednesday in Jakarta but still Tuesday in London.
    now = pendulum.datetime(2026, 12, 1, 23, 30, tz="UTC")
    assert parse_date("besok", tz="Asia/Jakarta", now=now) == date(2026, 12, 3)
    assert parse_date("besok", tz="Europe/London", now=now) == date(2026, 12, 2)


def test_a_day_alone_means_its_start_where_no_time_is_needed() -> None:
    assert parse_at("1/12/2026", TZ, need_time=False).isoformat() == "2026-12-01T00:00:00+07:00"
    assert parse_at("besok", TZ, now=NOW, need_time=False).isoformat() == "2026-12-03T00:00:00+07:00"


def test_a_time_in_a_dst_gap_is_refused_naming_the_gap() -> None:
    with pytest.raises(InputError) as info:
        parse_at("28/03/2027 02.30", "Europe/Amsterdam")
    assert "does not exist in Europe/Amsterdam" in str(info.value)
    assert "from 02:00 to 03:00" in str(info.value)
    # The autumn fold is a real time (the first one), and just outside the gap is fine.
    assert parse_at("2027-10-31 02:30", "Europe/Amsterdam").isoformat() == "2027-10-31T02:30:00+02:00"
    assert parse_at("2027-03-28 03:00", "Europe/Amsterdam").isoformat() == "2027-03-28T03:00:00+02:00"


def test_a_naive_datetime_from_a_script_is_checked_too() -> None:
    with pytest.raises(InputError, match="1970 to 2100"):
        parse_at(datetime(1, 1, 1, 12, 0), TZ)
    with pytest.raises(InputError, match="does not exist"):
        parse_at(datetime(2027, 3, 28, 2, 30), "Europe/Amsterdam")


@pytest.mark.parametrize(
    ("text", "words"),
    [("9999-W52", "1970 to 2100"), ("2026-W60", "no ISO week 60"), ("W52", "YYYY-Www")],
)
def test_weeks_out_of_range_are_one_line(text: str, words: str) -> None:
    with pytest.raises(InputError, match=words):
        parse_week(text)


def test_months_by_number_or_name() -> None:
    assert parse_month("2026-12") == date(2026, 12, 1)
    assert parse_month("Des 2026") == date(2026, 12, 1)
    assert parse_month("agustus 2027") == date(2027, 8, 1)
    assert parse_month("03/2027") == parse_month("3/2027") == parse_month("3.2027") == date(2027, 3, 1)  # month, then year
    with pytest.raises(InputError, match="1970 to 2100"):
        parse_month("9999-01")
    for bad in ("13/2027", "03/27", "2027/03/01"):
        with pytest.raises(InputError, match="YYYY-MM or MM/YYYY"):
            parse_month(bad)


def test_one_formatter_echoes_what_was_read() -> None:
    at = parse_at("1/12/2026 19.30", TZ)
    assert format_when(at, "id", TZ) == "Selasa, 1 Des 2026 19.30 WIB"
    assert format_when(at, "en", TZ) == "Tuesday, 1 Dec 2026 19:30 WIB"
    assert echo_when("scheduled", at, "id", TZ) == "dijadwalkan Selasa, 1 Des 2026 19.30 WIB"
    assert echo_when("scheduled", at, "en", TZ) == "scheduled Tuesday, 1 Dec 2026 19:30 WIB"
    assert format_when(parse_at("1/12/2026 19.30 WITA", TZ), "id", "Asia/Makassar").endswith("19.30 WITA")
    assert format_when(parse_at("1/12/2026 19.30 WIT", TZ), "id") .endswith("19.30 WIT")
    assert format_when(parse_at("2027-07-01 09:00", "Europe/Amsterdam"), "en", "Europe/Amsterdam").endswith("09:00 CEST")
    assert format_long_day(date(2026, 8, 17), "id") == "Senin, 17 Agu 2026"
    assert echo_when("starts", date(2026, 12, 7), "en") == "starts Monday, 7 Dec 2026"


# -- fuzz: any text gives a date or one InputError line, never another exception ----------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["1", "01", "12", "31", "29", "2", "2026", "1969", "2101", "9999", "0001", "/", "-", ".",
                           ":", " ", ",", "T", "Z", "+07:00", "+25:00", "-12:30", "19.30", "24.00", "WIB", "WITA",
                           "WIT", "Des", "desember", "agt", "mei", "senin", "kamis", "depan", "ini", "besok", "lusa",
                           "minggu", "hari", "next", "this", "jam", "pukul", "W52", "W99", "\x00", "\u00a0", "🤤"])
_TEXTS = st.one_of(st.text(max_size=40), st.lists(_PIECES, max_size=8).map("".join),
                   st.lists(_PIECES, max_size=8).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_any_text_is_a_date_or_one_clear_line(text: str) -> None:
    for parse in (lambda t: parse_date(t, tz=TZ, now=NOW), lambda t: parse_at(t, TZ, now=NOW),
                  lambda t: parse_at(t, "Europe/Amsterdam", now=NOW, need_time=False), parse_week, parse_month):
        try:
            value = parse(text)
        except InputError as exc:
            assert str(exc) and "\n" not in str(exc).strip("\n ").replace(repr(text), "")
        else:
            assert 1970 <= value.year <= 2100
