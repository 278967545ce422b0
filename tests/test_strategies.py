"""The built-in strategies and the event prompt bank load, and their content is complete."""

from __future__ import annotations

import copy
import math
import re
import sys
from importlib import resources
from typing import Any

import pytest

from contentkit.vocab import SECTORS
from contentkit.calendar.strategy import Strategy, list_strategies, load_strategy, parse_strategy
from contentkit.errors import ConfigError
from contentkit.vocab import CHANNEL_FORMATS, CHANNELS, PILLARS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pyproject pulls in tomli on 3.10
    import tomli as tomllib

BUILTINS = ["fesyen", "kuliner", "rumah-tangga", "umum"]
# The pictograph, dingbat and symbol blocks plus the emoji variation selector count as emoji.
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _events() -> dict[str, Any]:
    with (resources.files("contentkit.templates") / "captions" / "events.toml").open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module", params=BUILTINS)
def strategy(request: pytest.FixtureRequest) -> Strategy:
    return load_strategy(request.param)


def test_list_strategies_gives_the_four_builtins() -> None:
    assert list_strategies() == BUILTINS


def test_builtin_loads_with_its_own_name(strategy: Strategy) -> None:
    assert strategy.name in BUILTINS
    assert strategy.source == f"built-in {strategy.name}"
    assert strategy.title["id"] and strategy.title["en"]


def test_mix_uses_all_eight_pillars(strategy: Strategy) -> None:
    assert set(strategy.mix) == set(PILLARS)
    assert sum(strategy.mix.values()) == pytest.approx(1.0)


def test_every_weighted_pillar_has_parallel_prompts(strategy: Strategy) -> None:
    for pillar in strategy.mix:
        ids, ens = strategy.prompt_bank(pillar, "id"), strategy.prompt_bank(pillar, "en")
        assert len(ids) >= 8, f"{strategy.name}.{pillar}: only {len(ids)} id prompts"
        assert len(ids) == len(ens), f"{strategy.name}.{pillar}: id and en differ in length"


def test_each_bank_lasts_the_reuse_window_without_repeats(strategy: Strategy) -> None:
    """The planner avoids a prompt used in the last PROMPT_REUSE_WEEKS weeks; the banks must cover that."""
    from contentkit.calendar.content import PROMPT_REUSE_WEEKS

    posts = len(strategy.slots) * PROMPT_REUSE_WEEKS
    for pillar, share in strategy.mix.items():
        # +1: the mix allocator may round a pillar up by one post.
        needed = math.ceil(share * posts) + 1
        have = len(strategy.prompt_bank(pillar, "id"))
        assert have >= needed, f"{strategy.name}.{pillar}: {have} prompts, {needed} needed for {PROMPT_REUSE_WEEKS} weeks"


def test_no_duplicate_prompt_within_a_pillar(strategy: Strategy) -> None:
    for pillar, bank in strategy.prompts.items():
        for lang, items in bank.items():
            lowered = [t.casefold() for t in items]
            dupes = {t for t in lowered if lowered.count(t) > 1}
            assert not dupes, f"{strategy.name}.{pillar}.{lang} repeats {dupes}"


def test_prompts_are_short_plain_and_brand_free(strategy: Strategy) -> None:
    for pillar, bank in strategy.prompts.items():
        for lang, items in bank.items():
            for text in items:
                where = f"{strategy.name}.{pillar}.{lang}: {text!r}"
                assert len(text) <= 90, where
                assert not _EMOJI.search(text), where
                # The planner adds the brand; a placeholder here would be left unfilled.
                assert "{" not in text and "}" not in text, where


def test_every_channel_and_format_gets_a_cta_that_fits_it(strategy: Strategy) -> None:
    from contentkit.calendar.captions import call_to_action
    from contentkit.calendar.limits import fits_channel

    for channel in CHANNELS:
        for fmt in CHANNEL_FORMATS[channel]:
            for lang in ("id", "en"):
                cta = call_to_action(strategy, channel, fmt, lang)
                assert cta.strip(), f"{strategy.name}: no CTA for {channel} {fmt} ({lang})"
                assert fits_channel(channel, fmt, cta), f"{strategy.name}: {channel} {fmt} {lang}: {cta!r}"


def test_a_story_status_and_broadcast_ask_for_a_reply_not_a_comment(strategy: Strategy) -> None:
    from contentkit.calendar.captions import call_to_action

    assert "Balas story ini" in call_to_action(strategy, "instagram", "story", "id")
    assert call_to_action(strategy, "whatsapp", "status", "id").startswith("Balas status ini")
    assert call_to_action(strategy, "whatsapp", "broadcast", "id").startswith("Balas pesan ini")
    assert "keranjang kuning" in call_to_action(strategy, "tiktok", "short_video", "id")


def test_an_older_copy_with_one_whatsapp_cta_still_uses_it() -> None:
    from contentkit.calendar.captions import call_to_action

    raw = {
        "slots": [{"day": "fri", "time": "11:00", "channel": "whatsapp", "format": "broadcast"}],
        "mix": {"promo": 1},
        "prompts": {"promo": {"id": ["Promo"], "en": ["Deal"]}},
        "cta": {"whatsapp": {"id": "Balas chat ini untuk pesan", "en": "Reply to order"},
                "instagram": {"id": "Pesan via WhatsApp, link di bio", "en": "Order via WhatsApp"}},
    }
    strategy = parse_strategy(raw)
    assert call_to_action(strategy, "whatsapp", "broadcast", "id") == "Balas chat ini untuk pesan"
    assert call_to_action(strategy, "instagram", "reel", "id") == "Pesan via WhatsApp, link di bio"
    assert call_to_action(strategy, "instagram", "story", "id").startswith("Balas story ini")


def test_slots_are_a_realistic_week(strategy: Strategy) -> None:
    assert 7 <= len(strategy.slots) <= 12
    assert len({(s.day, s.time, s.channel) for s in strategy.slots}) == len(strategy.slots)
    for slot in strategy.slots:
        hour, _ = slot.hour_minute
        assert 6 <= hour <= 22, f"{strategy.name}: {slot} is at an hour nobody reads"
        if slot.channel == "whatsapp":
            assert slot.format in {"status", "broadcast"}, f"{strategy.name}: {slot}"
        if slot.channel in {"shopee", "tokopedia"}:
            assert slot.format in {"feed", "live"}, f"{strategy.name}: {slot}"


def test_fesyen_has_a_live_slot() -> None:
    assert any(s.format == "live" for s in load_strategy("fesyen").slots)


def test_at_least_two_complete_personas(strategy: Strategy) -> None:
    assert len(strategy.audience) >= 2
    for persona in strategy.audience:
        for part in (persona.name, persona.demography, persona.preferences, persona.habits):
            assert part["id"].strip() and part["en"].strip()


def test_hashtags_per_pillar_are_plain_lower_case(strategy: Strategy) -> None:
    for pillar in strategy.mix:
        tags = strategy.hashtags.get(pillar, [])
        assert len(tags) >= 4, f"{strategy.name}: hashtags.{pillar} has {len(tags)}"
        assert len(set(tags)) == len(tags), f"{strategy.name}: hashtags.{pillar} repeats a tag"
        for tag in tags:
            assert re.fullmatch(r"[a-z0-9]+", tag), f"{strategy.name}: hashtag {tag!r}"


def test_events_toml_has_every_section_with_parallel_prompts() -> None:
    events = _events()
    sections = {
        "promo.flash_sale": events["promo"]["flash_sale"],
        "promo.live_shopping": events["promo"]["live_shopping"],
        "promo.free_shipping": events["promo"]["free_shipping"],
        **{f"ramadan.{sector}": events["ramadan"][sector] for sector in SECTORS},
    }
    for name, bank in sections.items():
        assert len(bank["id"]) >= 4, name
        assert len(bank["id"]) == len(bank["en"]), name
        for lang in ("id", "en"):
            assert len(set(bank[lang])) == len(bank[lang]), f"{name}.{lang} repeats a prompt"
            for text in bank[lang]:
                assert set(_PLACEHOLDER.findall(text)) <= {"event", "brand"}, f"{name}: {text!r}"
                assert not _EMOJI.search(text), f"{name}: {text!r}"
    # Greetings: one line per holiday and language (tests/test_greetings.py reads them).
    assert all(set(entry) == {"id", "en"} for entry in events["greeting"].values())


def test_event_prompts_fill_in_with_format() -> None:
    text = _events()["promo"]["flash_sale"]["id"][0].format(event="12.12 Harbolnas", brand="Dapur Bu Sari")
    assert "12.12 Harbolnas" in text and "{" not in text


def _minimal() -> dict[str, Any]:
    return {
        "name": "mini",
        "mix": {"storytelling": 1},
        "slots": [{"day": "mon", "time": "19:00", "channel": "instagram", "format": "reel"}],
        "prompts": {"storytelling": {"id": ["Cerita dapur"], "en": ["Kitchen story"]}},
    }


def test_minimal_dict_parses() -> None:
    assert parse_strategy(_minimal()).mix == {"storytelling": 1.0}


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda raw: raw.update(colour="red"), "colour"),
        (lambda raw: raw["slots"][0].update(channel="myspace"), "slots[0]"),
        (lambda raw: raw["slots"][0].update(time="25:00"), "slots[0].time"),
        (lambda raw: raw["slots"][0].update(time="7pm"), "slots[0].time"),
        (lambda raw: raw["slots"][0].update(colour="red"), "slots[0].colour"),
        (lambda raw: raw["mix"].update(gossip=2), "mix.gossip"),
        (lambda raw: raw["prompts"]["storytelling"].update(en=["a", "b"]), "prompts.storytelling"),
        (lambda raw: raw.update(cta={"myspace": "Hi"}), "cta.myspace"),
    ],
)
def test_bad_strategy_raises_config_error_naming_the_key(change: Any, key: str) -> None:
    raw = copy.deepcopy(_minimal())
    change(raw)
    with pytest.raises(ConfigError) as info:
        parse_strategy(raw, source="test")
    assert f"test: {key}:" in str(info.value)
