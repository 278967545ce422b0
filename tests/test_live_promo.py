"""Live shopping as a plan item and promos with their mechanics."""

from __future__ import annotations

import json
from datetime import date

import pendulum
import pytest
from click.testing import CliRunner

from contentkit.calendar.live import parse_ramadan_hours
from contentkit.cli.main import cli
from contentkit.errors import ConfigError
from contentkit.workspace import Workspace


def run(runner: CliRunner, *args: str, ok: bool = True):  # type: ignore[no-untyped-def]
    result = runner.invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def local(ws: Workspace, post) -> pendulum.DateTime:  # type: ignore[no-untyped-def]
    return pendulum.instance(post.at).in_timezone(ws.tz)


def test_live_in_tarawih_hours_or_on_idul_fitri_is_refused_with_one_line(fesyen: Workspace, runner: CliRunner) -> None:
    w = ["-w", str(fesyen.root)]
    late = run(runner, "live", "add", "--at", "2027-02-24 19.00", "--channel", "tiktok", "--product", "Pashmina", *w, ok=False)
    lines = late.output.strip().splitlines()
    assert late.exit_code == 1 and len(lines) == 1 and lines[0].startswith("Error: Wed 24 Feb 2027 is in Ramadan")
    assert "after tarawih 20:30–22:00" in lines[0] and "ngabuburit 16:00–17:45" in lines[0]
    # a 90-minute live from 17:00 runs into iftar too
    early = run(runner, "live", "add", "--at", "2027-02-24 17:00", "--channel", "tiktok", "--product", "Pashmina",
                "--duration", "90", *w, ok=False)
    assert "18:00–18:30" in early.output
    eid = run(runner, "live", "add", "--at", "2027-03-10 10:00", "--channel", "shopee", "--product", "Gamis", *w, ok=False)
    assert "Idul Fitri" in eid.output and "pick another day" in eid.output
    no_products = run(runner, "live", "add", "--at", "2027-02-24 20:30", "--channel", "tiktok", *w, ok=False)
    assert "--product" in no_products.output
    whatsapp = run(runner, "live", "add", "--at", "2027-02-24 20:30", "--channel", "whatsapp", "--product", "x", *w, ok=False)
    assert whatsapp.exit_code == 1 and "live" in whatsapp.output
    assert fesyen.lives.list() == []


def test_a_live_is_planned_with_teasers_the_day_before_and_two_hours_before(fesyen: Workspace, runner: CliRunner) -> None:
    w = ["-w", str(fesyen.root)]
    run(runner, "live", "add", "--at", "2027-02-24 20:30", "--channel", "tiktok", "--duration", "90", "--host", "Kak Rina",
        "--product", "Pashmina Silk", "--product", "Gamis Raya", "--voucher", "LIVEHEMAT potongan Rp15.000", *w)
    listed = json.loads(run(runner, "live", "list", "--json", *w).output)
    assert listed[0]["products"] == ["Pashmina Silk", "Gamis Raya"] and listed[0]["duration_min"] == 90
    fesyen.plan(week="2027-W08")
    posts = [p for p in fesyen.posts() if p.slot and "#live:L1" in p.slot]
    assert len(posts) == 5
    live = next(p for p in posts if p.format == "live")
    assert local(fesyen, live).format("YYYY-MM-DD HH:mm") == "2027-02-24 20:30" and live.channel == "tiktok"
    assert "Kak Rina" in live.title and "Pashmina Silk, Gamis Raya" in live.title
    assert "Voucher khusus live: LIVEHEMAT potongan Rp15.000" in live.caption and "90 menit" in live.caption
    teasers = sorted((local(fesyen, p).format("MM-DD HH:mm"), p.channel, p.format) for p in posts if p is not live)
    assert teasers == [
        ("02-23 20:30", "instagram", "story"), ("02-23 20:30", "whatsapp", "status"),
        ("02-24 18:30", "instagram", "story"), ("02-24 18:30", "whatsapp", "status"),
    ]
    # the booked live takes the place of the strategy's Wednesday TikTok live
    wednesday = [p for p in fesyen.posts() if p.channel == "tiktok" and p.format == "live"
                 and local(fesyen, p).date() == date(2027, 2, 24)]
    assert wednesday == [live]


def test_strategy_live_slots_move_out_of_tarawih_hours_in_ramadan_and_skip_idul_fitri(fesyen: Workspace) -> None:
    result = fesyen.plan(week="2027-W08", weeks=3, dry_run=True)
    lives = [p for p in result.posts if p.format == "live"]
    assert lives
    for post in lives:
        at = local(fesyen, post)
        if at.date() < date(2027, 3, 10):  # Ramadan 1448 runs 8 February to 9 March 2027
            assert not (18 * 60 <= at.hour * 60 + at.minute < 20 * 60 + 30), at
        # no live on Idul Fitri, nor while the shop is closed for Lebaran (9 to 15 March)
        assert not date(2027, 3, 9) <= at.date() <= date(2027, 3, 15), at
    notes = " ".join(w for week in result.weeks for w in week.warnings)
    assert "tiktok live moved to 20:30 (after tarawih)" in notes
    assert "Wed 10 Mar 19:00 tiktok live left empty: no live on Hari Raya Idul Fitri" in notes
    # after Ramadan the slot is back at 19:00
    after = fesyen.plan(week="2027-W12", dry_run=True).posts
    assert any(p.format == "live" and local(fesyen, p).format("HH:mm") == "19:00" for p in after)


def test_ramadan_hours_come_from_the_strategy_and_are_checked() -> None:
    hours = parse_ramadan_hours({"sahur": "03:00-04:30", "ngabuburit": "15:30-17:30", "tarawih": "20:45-22:00", "live": "ngabuburit"})
    assert hours.window(hours.live)[0].strftime("%H:%M") == "15:30"
    with pytest.raises(ConfigError, match="HH:MM-HH:MM"):
        parse_ramadan_hours({"sahur": "jam 3"})
    with pytest.raises(ConfigError, match="18:00 and 20:30"):
        parse_ramadan_hours({"tarawih": "19:00-21:00"})


def test_promo_add_list_remove_and_terms(fesyen: Workspace, runner: CliRunner) -> None:
    w = ["-w", str(fesyen.root)]
    out = run(runner, "promo", "add", "voucher_toko", "--channel", "shopee", "--from", "2026-12-10", "--until", "2026-12-12",
              "--amount", "10000", "--min-spend", "100000", "--quota", "50", *w).output
    assert "Voucher toko Rp10.000, min. belanja Rp100.000, kuota 50, berlaku 10–12 Des di Shopee" in out
    out = run(runner, "promo", "add", "gratis-ongkir", "--channel", "tokopedia", "--from", "2026-11-28", "--until", "2026-12-02",
              "--amount", "Rp20.000", *w).output
    assert "Gratis ongkir Rp20.000, berlaku 28 Nov–2 Des di Tokopedia" in out
    rows = json.loads(run(runner, "promo", "list", "--json", *w).output)
    assert [r["kind"] for r in rows] == ["gratis_ongkir", "voucher_toko"]
    bad = run(runner, "promo", "add", "cashback", "--channel", "shopee", "--from", "2026-12-01", *w, ok=False)
    assert bad.exit_code == 2 and "unknown promo kind 'cashback'" in bad.output and "koin_cashback" in bad.output  # a usage error
    backwards = run(runner, "promo", "add", "flash_sale", "--channel", "shopee", "--from", "2026-12-05", "--until", "2026-12-01", *w, ok=False)
    assert "before it starts" in backwards.output
    no_amount = run(runner, "promo", "add", "voucher_toko", "--channel", "shopee", "--from", "2026-12-05", *w, ok=False)
    assert "--amount" in no_amount.output
    run(runner, "promo", "remove", "M1", *w)
    assert [r["kind"] for r in json.loads(run(runner, "promo", "list", "--json", *w).output)] == ["gratis_ongkir"]


def test_promo_slots_carry_the_active_promo_and_state_its_terms(fesyen: Workspace) -> None:
    fesyen.promos.add("voucher_toko", channel="shopee", start="2027-01-04", end="2027-01-31", amount="10000",
                      min_spend=100000, quota=50)
    fesyen.promos.add("gratis_ongkir", channel="tokopedia", start="2027-01-04", end="2027-01-31", amount="20000")
    posts = fesyen.plan(week="2027-W01", weeks=4, dry_run=True).posts
    with_terms = [p for p in posts if "berlaku 4–31 Jan" in p.caption]
    assert with_terms
    for post in with_terms:
        if post.channel == "shopee":
            assert "Tokopedia" not in post.caption
        if post.channel == "tokopedia":
            assert "Shopee" not in post.caption
    voucher = [p for p in with_terms if "Voucher toko Rp10.000, min. belanja Rp100.000, kuota 50" in p.caption]
    assert voucher and all(p.channel != "tokopedia" for p in voucher)
