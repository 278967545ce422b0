"""The channel registry and the one rule checker every route uses (`contentkit check`, the planner)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pytest
from click.testing import CliRunner

from contentkit import channels as registry
from contentkit.calendar.captions import pick_hashtags, write_caption
from contentkit.calendar.limits import LIMITS, check_post, limits_for, text_problems
from contentkit.cli.main import cli
from contentkit.errors import ConfigError, InputError
from contentkit.graphics.reviews import CHANNEL_SIZES
from contentkit.graphics.templates import SIZES
from contentkit.records import Post, UGCItem
from contentkit.ugc.importer import platform_of
from contentkit.ugc.messages import channel_names
from contentkit.ugc.reposts import default_format
from contentkit.vocab import CHANNEL_FORMATS, CHANNELS, FORMATS
from contentkit.workspace import Workspace

AT = datetime(2026, 12, 9, 12, 0, tzinfo=timezone.utc)
MEDIA = ("image", "video", "sidecar", "story_image", "story_video")


@pytest.mark.parametrize("cid", CHANNELS)
def test_every_channel_has_a_complete_entry(cid: str) -> None:
    ch = registry.channel(cid)
    assert ch.formats and set(ch.formats) <= set(FORMATS)
    assert CHANNEL_FORMATS[cid] == ch.formats  # vocab re-exports the registry
    assert LIMITS[cid] is ch.limits and limits_for(cid) == ch.limits
    for lang in ("id", "en"):
        assert ch.name(lang).strip()
        for fmt in ch.formats:
            cta = ch.cta(fmt, lang)
            assert cta.strip(), f"{cid} {fmt} {lang}"
            assert not text_problems(cid, fmt, cta, whole=False), f"{cid} {fmt} {lang}: {cta!r}"
    for media in MEDIA:
        assert ch.repost_format(media) in ch.formats
        assert default_format(UGCItem("instagram", "u", "rina", media_type=media), cid) == ch.repost_format(media)
    assert ch.testimonial_size in SIZES and CHANNEL_SIZES[cid] == ch.testimonial_size
    assert ch.hosts and all(platform_of(f"https://{host}/x") == cid for host in ch.hosts)
    assert ch.aliases and ch.aliases[0] == cid.lower()
    for fmt in ch.opt_out_formats:
        assert "STOP" in ch.opt_out(fmt, "id") and "STOP" in ch.opt_out(fmt, "en")


def test_a_channel_missing_from_the_words_file_fails_instead_of_falling_back(monkeypatch: pytest.MonkeyPatch) -> None:
    words = dict(registry.channel_words())
    del words["tokopedia"]
    monkeypatch.setattr(registry, "channel_words", lambda: words)
    registry._registry.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"no \[tokopedia\] entry"):
            registry.channel("shopee")
    finally:
        monkeypatch.undo()
        registry._registry.cache_clear()


def test_a_format_without_a_call_to_action_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    words: dict[str, Any] = {k: dict(v) for k, v in registry.channel_words().items()}
    words["instagram"]["cta"] = {k: v for k, v in words["instagram"]["cta"].items() if k != "story"}
    monkeypatch.setattr(registry, "channel_words", lambda: words)
    registry._registry.cache_clear()
    try:
        with pytest.raises(ConfigError, match="instagram.cta.story"):
            registry.channel("instagram")
    finally:
        monkeypatch.undo()
        registry._registry.cache_clear()


def test_unknown_channel_is_an_input_error_not_a_default() -> None:
    with pytest.raises(InputError, match="unknown channel 'lazada'"):
        registry.channel("lazada")
    with pytest.raises(InputError):
        limits_for("lazada")


def test_display_names_come_from_the_registry() -> None:
    assert registry.display_name("tiktok") == "TikTok" and registry.display_name("whatsapp", "en") == "WhatsApp"
    assert channel_names(["instagram", "whatsapp"], "id") == "Instagram dan WhatsApp"


@pytest.mark.parametrize(
    ("channel", "fmt", "text", "rules"),
    [
        ("shopee", "feed", "Voucher toko di Tokopedia untuk pembelian pertama\n\nCheckout di Shopee", ["other_platform"]),
        ("shopee", "live", "TikTok live: putar hadiah untuk setiap checkout", ["other_platform"]),
        ("shopee", "feed", "Follow IG kami ya kak, link di bio", ["other_platform", "outside_links"]),
        ("shopee", "feed", "Cek koleksi lengkap di https://tokokita.id/katalog", ["outside_links"]),
        ("shopee", "feed", "Klaim voucher di https://shopee.co.id/tokokita", []),
        ("tokopedia", "feed", "Promo juga di Shopee dan Lazada!", ["other_platform"]),
        ("tokopedia", "feed", "Beli sekarang di Tokopedia, langsung dari toko kami", []),
        ("instagram", "story", "Pilih mana? Jawab di komentar ya", ["no_comments"]),
        ("instagram", "reel", "Pilih mana? Jawab di komentar ya", []),
        ("whatsapp", "status", "Tag temanmu di kolom komentar!", ["no_comments"]),
        ("whatsapp", "broadcast", "Promo gajian minggu ini, Kak.\n\nBalas pesan ini untuk order.", ["opt_out"]),
        ("instagram", "reel", "Order via WhatsApp atau Shopee, link di bio", []),
    ],
)
def test_channel_rules_on_caption_words(channel: str, fmt: str, text: str, rules: list[str]) -> None:
    assert [rule for rule, _ in text_problems(channel, fmt, text)] == rules


def test_hashtags_count_as_words_on_a_marketplace() -> None:
    post = Post(AT, "tokopedia", "feed", "promo", "x", caption="Diskon akhir tahun", hashtags=["shopee", "diskon"])
    assert [v.rule for v in check_post(post)] == ["other_platform"]


def test_broadcast_caption_ends_with_the_opt_out_line_and_whatsapp_gets_no_hashtags() -> None:
    text = write_caption(title="Voucher pelanggan setia", pillar="retention", channel="whatsapp", lang="id",
                         brand="Toko Kita", cta="Balas pesan ini untuk order", body="Khusus buat Kakak 🙏", fmt="broadcast")
    assert text.splitlines()[-1] == "Balas STOP kalau tidak mau menerima pesan lagi."
    assert not text_problems("whatsapp", "broadcast", text)
    status = write_caption(title="Voucher", pillar="retention", channel="whatsapp", lang="id", brand="Toko Kita",
                           cta="Balas status ini", body="Khusus buat Kakak", fmt="status")
    assert "STOP" not in status
    assert pick_hashtags("whatsapp", ["promo"], ["tokokita"]) == []


def test_a_long_broadcast_is_cut_before_its_opt_out_line() -> None:
    from contentkit.calendar.captions import fit_caption

    line = registry.channel("whatsapp").opt_out("broadcast", "id")
    long = "Cerita panjang soal pesanan minggu ini. " * 40 + "\n\n" + line
    text, _ = fit_caption(long, [], "whatsapp", keep=line)
    assert len(text) <= 700 and text.endswith("…\n\n" + line)
    assert not text_problems("whatsapp", "broadcast", text)


def test_limits_overrides_work_for_any_channel() -> None:
    assert limits_for("instagram", {"instagram_max_hashtags": 3}).max_hashtags == 3
    assert limits_for("tokopedia", {"tokopedia_caption_max": 2000}).caption_max == 2000
    assert limits_for("tokopedia").caption_max is None


def test_check_reports_a_stored_post_that_names_another_platform(runner: CliRunner, ws: Workspace) -> None:
    ws.plan(week="2026-W50")
    w = ["-w", str(ws.root)]
    assert runner.invoke(cli, ["check", *w]).exit_code == 0
    shopee = next(p for p in ws.posts() if p.channel == "shopee")
    story = next(p for p in ws.posts() if p.format == "story")
    with ws.store.transaction() as tx:  # hand edits to the store, past `post edit`'s own check
        p = tx.get(Post, shopee.id)
        p.caption = "Voucher toko di Tokopedia untuk pembelian pertama\n\nCheckout di Shopee sekarang"
        tx.save(p)
        s = tx.get(Post, story.id)
        s.caption = "Pilih mana? Jawab di komentar ya!"
        tx.save(s)
    result = runner.invoke(cli, ["check", *w])
    assert result.exit_code == 1, result.output
    assert shopee.id in result.output and "other_platform" in result.output
    assert story.id in result.output and "no_comments" in result.output


def test_post_edit_refuses_a_caption_that_breaks_the_channel_rules(runner: CliRunner, ws: Workspace) -> None:
    ws.plan(week="2026-W50")
    shopee = next(p for p in ws.posts() if p.channel == "shopee")
    result = runner.invoke(cli, ["post", "edit", shopee.id, "--caption", "Cek juga toko Tokopedia kami", "-w", str(ws.root)])
    assert result.exit_code != 0
    assert result.output.startswith("Error: shopee posts must not name another platform (Tokopedia)")
    assert "Traceback" not in result.output


def test_a_mistyped_limit_in_contentkit_toml_is_named(runner: CliRunner, ws: Workspace) -> None:
    config = ws.root / "contentkit.toml"
    config.write_text(config.read_text("utf-8").replace("instagram_max_hashtags = 5", "instagram_max_hastags = 5"), "utf-8")
    result = runner.invoke(cli, ["check", "-w", str(ws.root)])
    assert "Traceback" not in result.output
    assert "unknown key [limits] 'instagram_max_hastags' is ignored" in result.output
    config.write_text(config.read_text("utf-8").replace("instagram_max_hastags = 5", "tiktok_max_hashtags = 4"), "utf-8")
    assert runner.invoke(cli, ["check", "-w", str(ws.root)]).exit_code == 0
    assert limits_for("tiktok", Workspace.open(ws.root).config.limits).max_hashtags == 4
