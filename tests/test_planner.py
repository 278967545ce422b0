"""The weekly planner: slots to posts, mix, series, ideas, events, idempotence."""

from __future__ import annotations

from typing import Any

from collections import Counter
from datetime import date

import pendulum
import pytest

from contentkit.calendar.limits import check_post
from contentkit.errors import InputError
from contentkit.records import Post
from contentkit.calendar.season import is_season_slot
from contentkit.workspace import Workspace


def slot_posts(posts: list[Any]) -> list[Any]:
    """The posts of the strategy's weekly slots (campaign steps and lives come on top)."""
    return [p for p in posts if not is_season_slot(p.slot)]


def test_plan_fills_every_slot_of_the_week_in_the_workspace_timezone(ws: Workspace) -> None:
    result = ws.plan(week="2026-W50")
    week = result.weeks[0]
    assert week.label == "2026-W50"
    assert len(slot_posts(week.posts)) == len(ws.strategy.slots)
    for post in week.posts:
        local = pendulum.instance(post.at).in_timezone("Asia/Jakarta")
        assert local.isocalendar()[:2] == (2026, 50)
        assert post.at.utcoffset().total_seconds() == 7 * 3600
        assert post.status == "draft" and post.id.startswith("P")
        assert post.title and post.caption
    assert {(p.channel, p.format) for p in slot_posts(week.posts)} == {(s.channel, s.format) for s in ws.strategy.slots}


def test_second_run_adds_nothing_and_is_deterministic(ws: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = ws.plan(week="2026-W50", weeks=2)
    again = ws.plan(week="2026-W50", weeks=2)
    assert len(slot_posts(first.posts)) == 2 * len(ws.strategy.slots) < first.added
    assert again.added == 0
    assert len(ws.posts()) == first.added
    other = Workspace.init(tmp_path / "twin", brand="Dapur Bu Sari", sector="kuliner")
    twin = other.plan(week="2026-W50", weeks=2)
    assert [(p.at, p.channel, p.pillar, p.title, p.caption) for p in first.posts] == [
        (p.at, p.channel, p.pillar, p.title, p.caption) for p in twin.posts
    ]


def test_dry_run_saves_nothing(ws: Workspace) -> None:
    result = ws.plan(week="2026-W50", dry_run=True)
    assert len(slot_posts(result.posts)) == len(ws.strategy.slots)
    assert ws.posts() == []


def test_published_and_edited_posts_survive_replan(ws: Workspace) -> None:
    ws.plan(week="2026-W50")
    posts = ws.posts()
    published = ws.post_book.publish(posts[0].id, "https://www.instagram.com/p/ABC/")
    edited = ws.post_book.edit(posts[1].id, title="Judul saya sendiri")
    result = ws.plan(week="2026-W50", replan=True)
    assert result.weeks[0].replaced == len(posts) - 2
    after = {p.id: p for p in ws.posts()}
    assert after[published.id].status == "published"
    assert after[edited.id].title == "Judul saya sendiri" and after[edited.id].locked
    assert len(after) == len(posts)


def test_replan_releases_ideas_it_redraws(ws: Workspace) -> None:
    idea = ws.ideas.add("Ide khusus minggu ini", pillar="storytelling", format="reel", priority=9)
    ws.plan(week="2026-W50", weeks=3)
    used = [p for p in ws.posts() if p.idea_id == idea.id]
    assert len(used) == 1
    ws.plan(week="2026-W50", weeks=3, replan=True)
    assert len([p for p in ws.posts() if p.idea_id == idea.id]) == 1
    assert ws.ideas.list(include_used=True)[0].used_by is not None


def test_ideas_are_placed_by_priority_then_age_and_only_once(ws: Workspace) -> None:
    fmt = "reel"
    low = ws.ideas.add("Ide lama prioritas rendah", pillar="storytelling", format=fmt, priority=0)
    high = ws.ideas.add("Ide baru prioritas tinggi", pillar="storytelling", format=fmt, priority=5)
    ws.plan(week="2026-W50", weeks=6)
    placed = sorted((p for p in ws.posts() if p.idea_id), key=lambda p: p.at)
    assert [p.idea_id for p in placed][:2] == [high.id, low.id]
    assert Counter(p.idea_id for p in placed)[high.id] == 1
    assert ws.ideas.list() == []


def test_series_episode_k_lands_in_week_k_never_skipped_or_repeated(ws: Workspace) -> None:
    series = ws.series.add(
        "Dari Dapur ke Meja", pillar="storytelling", format="reel",
        episodes=["Belanja", "Racik bumbu", "Masak", "Kemas", "Antar"], every="wed", start="2026-12-09",
    )
    ws.plan(week="2026-W50", weeks=7)
    episodes = sorted((p for p in ws.posts() if p.series_id == series.id), key=lambda p: p.at)
    assert [p.episode for p in episodes] == [1, 2, 3, 4, 5]
    assert [p.title for p in episodes] == [f"Dari Dapur ke Meja ({k}/5)" for k in range(1, 6)]
    weeks = [pendulum.instance(p.at).isocalendar()[1] for p in episodes]
    assert weeks == [50, 51, 52, 53, 1]
    assert all(pendulum.instance(p.at).in_timezone(ws.tz).isoweekday() == 3 for p in episodes if p.format == "reel")
    assert all(p.format == "reel" for p in episodes)


def test_series_does_not_start_before_its_start_week(ws: Workspace) -> None:
    series = ws.series.add("Seri", pillar="storytelling", format="reel", episodes=["a", "b"], start="2027-01-04")
    ws.plan(week="2026-W50", weeks=3)
    assert not [p for p in ws.posts() if p.series_id == series.id]


def test_promo_lands_on_harbolnas_naming_the_event(ws: Workspace) -> None:
    ws.plan(week="2026-W50")  # 7–13 Dec 2026: 12.12 is Saturday
    promos = [p for p in ws.posts() if p.pillar == "promo"]
    assert promos, "the kuliner strategy has a promo share"
    days = {pendulum.instance(p.at).in_timezone(ws.tz).date() for p in promos if p.event}
    assert date(2026, 12, 12) in days or any(d.day >= 25 for d in days)
    assert any("12.12" in p.title for p in promos if p.event)


def test_public_holiday_gets_a_greeting_not_a_promo(ws: Workspace) -> None:
    ws.plan(week="2026-W52")  # Christmas, Friday 25 Dec 2026
    christmas = [p for p in ws.posts() if pendulum.instance(p.at).in_timezone(ws.tz).date() == date(2026, 12, 25)]
    if not christmas:
        pytest.skip("the kuliner strategy has no Friday slot")
    assert any(p.prompt_key and p.prompt_key.startswith("greeting") for p in christmas)
    assert all(p.pillar != "promo" for p in christmas)
    assert any("Natal" in p.title for p in christmas)


def test_prompts_are_not_repeated_within_eight_weeks(ws: Workspace) -> None:
    ws.plan(week="2026-W50", weeks=8)
    by_key: dict[str, list[date]] = {}
    for p in ws.posts():
        if p.prompt_key and ":" in p.prompt_key and not p.prompt_key.startswith(("greeting", "promo.", "ramadan", "campaign:", "live:")):
            by_key.setdefault(p.prompt_key, []).append(pendulum.instance(p.at).date())
    for key, days in by_key.items():
        days.sort()
        gaps = [(b - a).days for a, b in zip(days, days[1:])]
        assert all(g >= 56 for g in gaps), (key, days)


def test_mix_over_four_weeks_is_within_one_post_of_target(ws: Workspace) -> None:
    result = ws.plan(week="2026-W50", weeks=4)
    total = len(slot_posts(result.posts))
    counts = Counter(p.pillar for p in slot_posts(result.posts))
    for pillar, share in ws.strategy.mix.items():
        assert abs(counts[pillar] - share * total) < 1 + 1e-9, (pillar, counts[pillar], share * total)


def test_every_planned_post_is_within_platform_limits(ws: Workspace) -> None:
    ws.config.hashtags = ["dapurbusari", "kulinerrumahan", "masakanrumah", "pesanantar", "jajanan", "lauk"]
    result = ws.plan(week="2026-W50", weeks=4)
    for post in result.posts:
        assert check_post(post, ws.config.limits) == []


def test_week_53_and_year_crossing(ws: Workspace) -> None:
    result = ws.plan(week="2026-W53")
    days = sorted(pendulum.instance(p.at).in_timezone(ws.tz).date() for p in result.posts)
    assert days[0] >= date(2026, 12, 28) and days[-1] <= date(2027, 1, 3)


def test_dst_timezone_keeps_wall_clock_times(tmp_path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.init(tmp_path / "berlin", brand="Toko", sector="umum", timezone="Europe/Berlin")
    before = ws.plan(week="2027-W12").posts  # DST starts Sunday 28 March 2027
    after = ws.plan(week="2027-W13").posts
    for p in slot_posts(before + after):
        local = pendulum.instance(p.at).in_timezone("Europe/Berlin")
        slot = dict(zip(ws.strategy.slot_ids(), ws.strategy.slots))[p.slot.split("#", 1)[1]]
        assert local.format("HH:mm") == slot.time
    winter = [p for p in before if pendulum.instance(p.at).in_timezone("Europe/Berlin").day < 28]
    summer = [p for p in before if p not in winter]
    assert winter and {p.at.utcoffset().total_seconds() for p in winter} == {3600}
    assert {p.at.utcoffset().total_seconds() for p in summer} <= {7200}
    assert {p.at.utcoffset().total_seconds() for p in after} == {7200}


def test_last_weeks_unpublished_posts_are_warned(ws: Workspace) -> None:
    ws.plan(week="2026-W48")
    result = ws.plan(week="2026-W50", today=date(2026, 12, 2))
    assert any("never marked published" in w and "2026-W48" in w for w in result.warnings)


@pytest.mark.parametrize("bad", ["2026-W54", "2026W", "minggu depan"])
def test_bad_week_is_one_clear_error(ws: Workspace, bad: str) -> None:
    with pytest.raises(InputError, match="week"):
        ws.plan(week=bad)


def test_weeks_out_of_range(ws: Workspace) -> None:
    with pytest.raises(InputError, match="--weeks"):
        ws.plan(weeks=0)


def test_manual_post_outside_slots_is_left_alone(ws: Workspace) -> None:
    manual = ws.post_book.add(at="2026-12-09 10:00", channel="shopee", format="live", pillar="promo", title="Live")
    ws.plan(week="2026-W50", replan=True)
    assert ws.post_book.get(manual.id).title == "Live"
    assert sum(1 for p in ws.posts() if p.source == "manual") == 1
    assert isinstance(ws.posts()[0], Post)


def test_start_date_leaves_earlier_slots_of_that_week_empty(ws: Workspace) -> None:
    result = ws.plan(start="2026-12-09", weeks=2)
    days = [pendulum.instance(p.at).in_timezone(ws.tz).date() for p in result.posts]
    assert min(days) >= date(2026, 12, 9)
    assert result.weeks[0].label == "2026-W50" and result.weeks[1].label == "2026-W51"
    assert len(slot_posts(result.weeks[1].posts)) == len(ws.strategy.slots)


def test_planning_a_past_week_warns(ws: Workspace) -> None:
    result = ws.plan(week="2026-W40", today=date(2026, 11, 29))
    assert any("2026-W40 already passed" in w for w in result.warnings)
    assert not any("already passed" in w for w in ws.plan(week="2026-W50", today=date(2026, 11, 29)).warnings)


def test_a_ramadan_week_gets_one_ramadan_post(ws: Workspace) -> None:
    result = ws.plan(week="2027-W07", weeks=2)  # Ramadan 1448 H begins in February 2027
    for week in result.weeks:
        ramadan = [p for p in week.posts if p.prompt_key and p.prompt_key.startswith("ramadan")]
        assert len(ramadan) == 1 and ramadan[0].pillar in ("storytelling", "entertainment", "education")
    assert not [p for p in ws.plan(week="2026-W50").posts if (p.prompt_key or "").startswith("ramadan")]


def test_publishing_ahead_of_the_plan_records_now(ws: Workspace) -> None:
    future = ws.post_book.add(at="2030-01-07 19:00", channel="instagram", format="reel", pillar="promo", title="x")
    published = ws.post_book.publish(future.id, "https://www.instagram.com/p/EARLY/")
    assert published.published_at is not None
    assert pendulum.instance(published.published_at) <= pendulum.now().add(minutes=1)
    past = ws.post_book.add(at="2020-01-06 19:00", channel="instagram", format="reel", pillar="promo", title="y")
    assert ws.post_book.publish(past.id, "https://www.instagram.com/p/LATE/").published_at == past.at


def test_adding_a_slot_to_the_strategy_keeps_planned_posts_on_their_slots(ws: Workspace) -> None:
    from contentkit.calendar.strategy import Slot

    ws.plan(week="2026-W50")
    before = {(p.at, p.channel) for p in ws.posts()}
    strategy = ws.strategy
    strategy.slots.insert(0, Slot("mon", "07:00", "whatsapp", "status"))  # a new first slot
    result = ws.plan(week="2026-W50")
    assert result.added == 1
    after = [(p.at, p.channel) for p in ws.posts()]
    assert len(after) == len(set(after)) == len(before) + 1
    added = set(after) - before
    assert [pendulum.instance(at).in_timezone(ws.tz).format("ddd HH:mm") for at, _ in added] == ["Mon 07:00"]
