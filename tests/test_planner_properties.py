"""Hypothesis properties of the planner: any strategy, any week, any timezone."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentkit.calendar.limits import check_post
from contentkit.calendar.mix import allocate
from contentkit.calendar.strategy import load_strategy, parse_strategy
from contentkit.vocab import CHANNEL_FORMATS, CHANNELS, PILLARS, WEEKDAYS
from contentkit.calendar.season import is_season_slot
from contentkit.formatting import format_day
from contentkit.i18n import get_language
from contentkit.workspace import Workspace

ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/Berlin", "America/New_York",
         "Australia/Sydney", "Pacific/Chatham", "America/Sao_Paulo", "UTC", "Asia/Kolkata"]
BANK = load_strategy("umum").prompts

channel_format = st.sampled_from([(c, f) for c in CHANNELS for f in CHANNEL_FORMATS[c]])
slot = st.builds(
    lambda day, time, cf: {"day": day, "time": time, "channel": cf[0], "format": cf[1]},
    st.sampled_from(WEEKDAYS),
    st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
    channel_format,
)
mixes = st.dictionaries(st.sampled_from(PILLARS), st.integers(1, 10), min_size=1)
weeks = st.builds(lambda y, w: f"{y}-W{w:02d}", st.integers(2024, 2032), st.integers(1, 52)) | st.sampled_from(
    ["2026-W53", "2032-W53", "2027-W12", "2026-W44"]
)


def _strategy(slots: list[dict[str, str]], mix: dict[str, int]):  # type: ignore[no-untyped-def]
    return parse_strategy(
        {"name": "generated", "slots": slots, "mix": mix, "prompts": {p: BANK[p] for p in mix},
         "hashtags": {p: ["satu", "dua", "tiga", "empat", "lima", "enam"] for p in mix}},
        source="generated",
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slots=st.lists(slot, min_size=1, max_size=9), mix=mixes, week=weeks, tz=st.sampled_from(ZONES),
       lang=st.sampled_from(["id", "en"]))
def test_any_strategy_week_and_timezone_gives_a_sound_plan(slots, mix, week, tz, lang) -> None:  # type: ignore[no-untyped-def]
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.init(Path(tmp) / "ws", brand="Toko Contoh", sector="umum", timezone=tz, language=lang)
        ws.__dict__["strategy"] = _strategy(slots, mix)
        result = ws.plan(week=week, weeks=4)
        everything = ws.posts()
        assert len(everything) == result.added
        assert len({p.slot for p in everything}) == len(everything)
        # within every platform limit, campaign steps included
        for p in everything:
            assert check_post(p, ws.config.limits) == [], p
        posts = [p for p in everything if not is_season_slot(p.slot)]  # the strategy's own slots
        # every slot of every week became exactly one post, none twice; only a live slot on Idul Fitri
        # or while the shop is closed for Lebaran stays empty, and the week says so
        empty = sum(1 for w in result.weeks for line in w.warnings if "live left empty" in line)
        assert len(posts) == 4 * len(slots) - empty
        assert len({p.slot for p in posts}) == len(posts)
        assert len({p.id for p in posts}) == len(posts)
        # each post lies in its own ISO week, in the workspace's zone, at the slot's wall-clock time
        first = pendulum.parse(result.weeks[0].start.isoformat()).date()
        for p in posts:
            local = pendulum.instance(p.at).in_timezone(tz)
            label, slot_id = p.slot.split("#", 1)
            s = dict(zip(ws.strategy.slot_ids(), ws.strategy.slots))[slot_id]
            assert f"{local.isocalendar()[0]}-W{local.isocalendar()[1]:02d}" == label
            assert local.isoweekday() == WEEKDAYS.index(s.day) + 1
            h, m = s.hour_minute
            shift = (local.hour * 60 + local.minute) - (h * 60 + m)
            day = format_day(local.date(), get_language())  # notes name days as the CLI's language does
            moved = f"{day} {s.hour_minute[0]:02d}:{s.hour_minute[1]:02d} {s.channel} live moved to"
            if s.format == "live" and any(line.startswith(moved) for w in result.weeks for line in w.warnings):
                # a Ramadan live between 18:00 and 20:30 moves to the strategy's Ramadan window, and says so
                assert local.format("HH:mm") == ws.strategy.ramadan.window(ws.strategy.ramadan.live)[0].strftime("%H:%M")
                continue
            assert shift == 0 or 0 < shift <= 60  # only a DST gap moves a slot, forward
            assert local.date() >= first
        # the four weeks' mix: every pillar within one post of its target share
        total = len(posts)
        counts = Counter(p.pillar for p in posts)
        for pillar, share in ws.strategy.mix.items():
            assert abs(counts[pillar] - share * total) < 1 + 1e-9
        # idempotent
        assert ws.plan(week=week, weeks=4).added == 0


@settings(max_examples=200, deadline=None)
@given(mix=mixes, per_week=st.integers(1, 14), n_weeks=st.integers(4, 30))
def test_running_deficit_stays_within_one_post_for_any_mix(mix, per_week, n_weeks) -> None:  # type: ignore[no-untyped-def]
    total = sum(mix.values())
    shares = {p: w / total for p, w in mix.items()}
    history: list[dict[str, float]] = []
    planned: Counter[str] = Counter()
    for k in range(1, n_weeks + 1):
        counts, carry = allocate(shares, history, {}, per_week)
        assert sum(counts.values()) == per_week and min(counts.values()) >= 0
        history = [*history[-3:], carry]
        planned.update(counts)
        for p, share in shares.items():
            assert abs(planned[p] - share * per_week * k) < 1 + 1e-9


def test_built_in_strategies_keep_every_four_week_window_on_target() -> None:
    """Over a year of weekly plans, any four consecutive weeks are within one post per pillar."""
    from contentkit.calendar.strategy import list_strategies

    for name in list_strategies():
        strategy = load_strategy(name)
        n = len(strategy.slots)
        history: list[dict[str, float]] = []
        weekly = []
        for _ in range(52):
            counts, carry = allocate(strategy.mix, history, {}, n)
            history = [*history[-3:], carry]
            weekly.append(counts)
        for start in range(52 - 3):
            for pillar, share in strategy.mix.items():
                got = sum(w[pillar] for w in weekly[start:start + 4])
                assert abs(got - share * 4 * n) <= 1 + 1e-9, (name, start, pillar)


def test_dst_gap_slot_becomes_a_real_instant(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "b", brand="Toko", sector="umum", timezone="Europe/Berlin")
    ws.__dict__["strategy"] = _strategy([{"day": "sun", "time": "02:30", "channel": "instagram", "format": "reel"}],
                                        {"storytelling": 1})
    post = [p for p in ws.plan(week="2027-W12").posts if not is_season_slot(p.slot)][0]  # 28 March 2027: 02:00 jumps to 03:00
    local = pendulum.instance(post.at).in_timezone("Europe/Berlin")
    assert local.date() == date(2027, 3, 28) and local.format("HH:mm") == "03:30"
