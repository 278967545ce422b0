"""The proof: a year planned from 2026-W50 for every sector keeps the retail year's rules."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pendulum
import pytest

from contentkit.calendar.campaigns import builtin_campaigns, occurrences
from contentkit.calendar.events import events_on, holiday_event, is_public_holiday
from contentkit.calendar.greetings import greeting_for
from contentkit.calendar.limits import check_post
from contentkit.calendar.planner import PlanResult
from contentkit.calendar.season import is_season_slot
from contentkit.vocab import SECTORS
from contentkit.workspace import Workspace

FIRST, LAST = date(2026, 12, 7), date(2027, 12, 5)  # 2026-W50 … 2027-W48: 52 weeks
SEASON_WORDS = {  # words that only one sector's seasonal posts may use
    "kuliner": ("takjil", "menu sahur", "hampers dan kue kering", "kue kering", "kue keranjang"),
    "fesyen": ("koleksi lebaran", "seragam keluarga", "gamis", "hijab", "mukena"),
    "rumah-tangga": ("taplak", "alat dapur", "bersih-bersih"),
}


@pytest.fixture(scope="module", params=SECTORS)
def year(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, PlanResult]:
    sector = request.param
    ws = Workspace.init(Path(tmp_path_factory.mktemp(sector)) / "toko", brand="Toko Maju", sector=sector)
    return ws, ws.plan(week="2026-W50", weeks=52, dry_run=True)


def local(ws: Workspace, post: Any) -> pendulum.DateTime:
    return pendulum.instance(post.at).in_timezone(ws.tz)


def is_ramadan(day: date) -> bool:
    return any(e.kind == "ramadan" for e in events_on(day))


def test_the_year_covers_52_weeks(year: tuple[Workspace, PlanResult]) -> None:
    ws, result = year
    assert len(result.weeks) == 52 and result.weeks[0].start == FIRST


def test_no_seasonal_post_from_another_sectors_season(year: tuple[Workspace, PlanResult]) -> None:
    ws, result = year
    sector = ws.config.sector
    templates = builtin_campaigns()
    foreign = [w for s, words in SEASON_WORDS.items() if s != sector for w in words]
    seasonal = 0
    for post in result.posts:
        key = post.prompt_key or ""
        if key.startswith("ramadan."):
            assert key.split(":")[0] == f"ramadan.{sector}", (key, post.title)
        elif key.startswith("campaign:"):
            name, index = key.split(":")[1], int(key.split(":")[2])
            step = templates[name].steps[index]
            assert not step.sectors or sector in step.sectors, (name, post.title)
        else:
            continue
        seasonal += 1
        text = post.title.lower()
        assert not any(word in text for word in foreign), (sector, post.title)
    assert seasonal > 40


def test_no_greeting_on_a_day_that_is_not_a_public_holiday(year: tuple[Workspace, PlanResult]) -> None:
    ws, result = year
    greeted = [p for p in result.posts if (p.prompt_key or "").startswith("greeting")]
    assert len(greeted) >= 14  # every national holiday of the year but the second day of Lebaran
    for post in greeted:
        holiday = holiday_event(local(ws, post).date())
        assert holiday is not None, post.title
        assert post.title == greeting_for(holiday, ws.language) and "Cuti Bersama" not in post.title


def test_no_live_in_ramadan_evenings_nor_on_idul_fitri(year: tuple[Workspace, PlanResult]) -> None:
    ws, result = year
    lives = [p for p in result.posts if p.format == "live"]
    in_ramadan = [p for p in lives if is_ramadan(local(ws, p).date())]
    assert in_ramadan  # every sector has a live slot, and it still runs in Ramadan
    for post in in_ramadan:
        start = local(ws, post)
        minutes = start.hour * 60 + start.minute
        assert not (18 * 60 - 60 < minutes < 20 * 60 + 30), (start, post.channel)
    for post in lives:
        assert not any(e.kind == "lebaran" for e in events_on(local(ws, post).date())), post


def test_every_twin_date_has_its_run_up(year: tuple[Workspace, PlanResult]) -> None:
    ws, result = year
    by_day: dict[date, list[Any]] = {}
    for post in result.posts:
        by_day.setdefault(local(ws, post).date(), []).append(post)
    todos = " ".join(t for week in result.weeks for t in week.todos)
    twins = [date(y, m, m) for y in (2026, 2027) for m in range(1, 13) if FIRST + timedelta(days=3) <= date(y, m, m) <= LAST]
    assert len(twins) == 12
    for day in twins:
        if is_public_holiday(day) or is_public_holiday(day - timedelta(days=1)):
            continue
        label = f"{day.month}.{day.month}" if day.month != 12 else "Harbolnas"
        teaser = [p for p in by_day.get(day - timedelta(days=3), []) if label in p.title and p.channel == "instagram"]
        reminder = [p for p in by_day.get(day - timedelta(days=1), []) if label in p.title and p.channel == "whatsapp"]
        start = [p for p in by_day.get(day, []) if p.channel == "shopee" and local(ws, p).format("HH:mm") == "00:00"]
        assert teaser and reminder and start, (day, [p.title for p in by_day.get(day, [])])
        if day - timedelta(days=14) >= FIRST:
            assert f"campaign {day.month}.{day.month} di Shopee" in todos or "Harbolnas 12.12 di Shopee" in todos, day


def test_every_campaign_step_lands_on_its_offset(year: tuple[Workspace, PlanResult]) -> None:
    ws, result = year
    placed = {p.slot.split("#", 1)[1]: p for p in result.posts if p.slot and "#campaign:" in p.slot}
    expected = [o for o in occurrences(ws, FIRST, LAST) if o.step.kind == "post"]
    skipped = 0
    for occ in expected:
        post = placed.pop(occ.key, None)
        if post is None:
            # a promo step on a public holiday or while the shop is closed for Lebaran is left out on purpose
            assert occ.step.pillar == "promo", occ
            skipped += 1
            continue
        at = local(ws, post)
        assert at.date() == occ.day == occ.anchor + timedelta(days=occ.step.offset) or occ.step.base != "anchor"
        assert at.date() == occ.day and at.format("HH:mm") == occ.step.time, (occ.key, at)
        assert (post.channel, post.pillar) == (occ.channel, occ.step.pillar)
    assert not placed, f"campaign posts without a step: {list(placed)[:3]}"
    assert skipped < len(expected) / 10


def test_seasonal_posts_stay_inside_their_window(year: tuple[Workspace, PlanResult]) -> None:
    ws, result = year
    eid = date(2027, 3, 10)
    for post in result.posts:
        key, day = post.prompt_key or "", local(ws, post).date()
        text = post.title.lower()
        if key.startswith(("campaign:", "ramadan.")):
            if "lebaran" in text and "setelah lebaran" not in text and "sisa lebaran" not in text \
                    and "tamu lebaran" not in text and "selama ramadan" not in text:
                assert day <= eid, (day, post.title)
            if "gajian" in text:
                assert day.day >= 25 or day.day == 1, (day, post.title)
        if key.startswith("ramadan."):
            assert is_ramadan(day), (day, post.title)


def test_every_post_of_the_year_is_within_its_channels_limits(year: tuple[Workspace, PlanResult]) -> None:
    ws, result = year
    for post in result.posts:
        assert check_post(post, ws.config.limits) == [], (post.channel, post.title)
    assert sum(1 for p in result.posts if is_season_slot(p.slot)) > 80


def test_strategy_prompts_naming_a_season_stay_inside_it(year: tuple[Workspace, PlanResult]) -> None:
    """'Promo gajian' only in payday, 'koleksi Lebaran' only before Lebaran, a 'Friday deal' on a Friday."""
    ws, result = year
    eid = date(2027, 3, 10)
    for post in result.posts:
        key = post.prompt_key or ""
        if ":" not in key or key.split(":")[0] not in ws.strategy.mix:
            continue  # not from the strategy's prompt bank
        day, text = local(ws, post).date(), post.title.lower()
        if "promo gajian" in text or "payday deal" in text:
            assert day.day >= 25 or day.day == 1, (day, post.title)
        if "lebaran" in text:
            assert eid - timedelta(days=60) <= day <= eid + timedelta(days=1), (day, post.title)
        if "promo jumat" in text or "friday deal" in text:
            assert day.weekday() == 4, (day, post.title)
        if "harbolnas" in text:
            assert date(2026, 11, 28) <= day <= date(2026, 12, 16), (day, post.title)
        if "tanggal kembar" in text:
            assert any(date(day.year, m, m) - timedelta(days=3) <= day <= date(day.year, m, m) for m in range(1, 13)), (day, post.title)
