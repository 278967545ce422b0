"""Campaigns: templates as data, steps on their offsets, the user's own, the CLI."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner

from contentkit.calendar.campaigns import builtin_campaigns, occurrences, parse_campaign
from contentkit.calendar.season import is_season_slot
from contentkit.cli.main import cli
from contentkit.errors import ConfigError, InputError
from contentkit.vocab import SECTORS
from contentkit.workspace import Workspace


def run(runner: CliRunner, *args: str, ok: bool = True):  # type: ignore[no-untyped-def]
    result = runner.invoke(cli, list(args))
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_every_built_in_template_loads_and_each_yearly_one_has_steps_for_every_sector() -> None:
    templates = builtin_campaigns()
    assert {"ramadan-lebaran", "tanggal-kembar", "harbolnas", "gajian", "awal-bulan", "akhir-tahun", "imlek",
            "merdeka", "kuliner-launch", "launch"} <= set(templates)
    for tpl in templates.values():
        for sector in SECTORS:
            assert tpl.for_sector(sector), (tpl.name, sector)


def test_template_errors_name_the_key() -> None:
    step = {"offset": -3, "channel": "instagram", "format": "story", "pillar": "promo", "prompt": {"id": "a", "en": "b"}}
    with pytest.raises(ConfigError, match=r"steps\[0\]\.offset"):
        parse_campaign({"name": "x", "steps": [{**step, "offset": "H-3"}]})
    with pytest.raises(ConfigError, match="reel"):
        parse_campaign({"name": "x", "steps": [{**step, "channel": "whatsapp", "format": "reel"}]})
    with pytest.raises(ConfigError, match=r"steps\[0\]\.prompt"):
        parse_campaign({"name": "x", "steps": [{**step, "prompt": {"id": "cuma satu bahasa"}}]})
    with pytest.raises(ConfigError, match="anchor"):
        parse_campaign({"name": "x", "anchor": "lebaran", "steps": [step]})


def test_ramadan_steps_are_sector_specific(fesyen: Workspace, tmp_path: Path) -> None:
    kuliner = Workspace.init(tmp_path / "dapur", brand="Dapur Bu Sari", sector="kuliner")
    span = (date(2026, 12, 1), date(2027, 3, 31))
    fashion = " ".join(o.text("id") for o in occurrences(fesyen, *span) if o.campaign == "ramadan-lebaran")
    food = " ".join(o.text("id") for o in occurrences(kuliner, *span) if o.campaign == "ramadan-lebaran")
    assert "Pre-order koleksi Lebaran" in fashion and "sahur" not in fashion.lower().replace("teman sahur", "")
    assert "hampers" not in fashion and "Menu sahur" not in fashion and "takjil" not in fashion.lower()
    assert "PO hampers dan kue kering" in food and "koleksi Lebaran" not in food


def test_fashion_pre_order_opens_h_60_and_food_po_closes_h_10(fesyen: Workspace, tmp_path: Path) -> None:
    eid = date(2027, 3, 10)
    steps = {o.text("id"): o.day for o in occurrences(fesyen, date(2026, 12, 1), date(2027, 4, 30))}
    assert steps["Pre-order koleksi Lebaran 2027 dibuka hari ini, pelanggan setia pilih duluan"] == eid - timedelta(days=60)
    kuliner = Workspace.init(tmp_path / "dapur", brand="Dapur Bu Sari", sector="kuliner")
    food = {o.text("id"): o.day for o in occurrences(kuliner, date(2026, 12, 1), date(2027, 4, 30))}
    assert food["Hari terakhir PO hampers dan kue kering Lebaran, ditutup jam 21.00"] == eid - timedelta(days=10)
    thr = [d for t, d in food.items() if t.startswith("THR sudah cair")]
    assert thr == [eid - timedelta(days=14)]


def test_the_courier_cut_off_and_reopening_come_from_contentkit_toml(fesyen: Workspace) -> None:
    toml = fesyen.root / "contentkit.toml"
    text = toml.read_text().replace('# courier_cutoff = "2027-03-03"', 'courier_cutoff = "2027-03-01"')
    text = text.replace('# reopen = "2027-03-16"', 'reopen = "2027-03-17"')
    toml.write_text(text)
    ws = Workspace.open(fesyen.root)
    texts = {o.text("id"): o.day for o in occurrences(ws, date(2027, 2, 1), date(2027, 3, 31))}
    assert texts["Order terakhir dikirim 1 Maret: pesan sebelum itu supaya sampai sebelum Lebaran"] == date(2027, 2, 26)
    assert texts["Hari ini pengiriman terakhir sebelum Lebaran, checkout sebelum jam 14.00"] == date(2027, 3, 1)
    assert texts["Toko libur Lebaran, open order lagi mulai 17 Maret"] == date(2027, 3, 9)
    assert texts["Open order lagi mulai hari ini, pesanan diproses urut sesuai waktu masuk"] == date(2027, 3, 17)


def test_the_default_cut_off_is_h_7_and_the_shop_reopens_after_the_cuti_bersama(fesyen: Workspace) -> None:
    texts = {o.text("id"): o.day for o in occurrences(fesyen, date(2027, 2, 1), date(2027, 3, 31))}
    assert texts["Hari ini pengiriman terakhir sebelum Lebaran, checkout sebelum jam 14.00"] == date(2027, 3, 3)
    # Idul Fitri 10–11 March, cuti bersama 9, 12 and 15 March (a weekend between): open again on the 16th.
    assert texts["Toko libur Lebaran, open order lagi mulai 16 Maret"] == date(2027, 3, 9)


def test_a_bad_campaigns_setting_is_one_clear_error(fesyen: Workspace, runner: CliRunner) -> None:
    toml = fesyen.root / "contentkit.toml"
    toml.write_text(toml.read_text().replace('# courier_cutoff = "2027-03-03"', 'courier_cutoff = "3 Maret"'))
    result = run(runner, "plan", "--week", "2027-W09", "--dry-run", "-w", str(fesyen.root), ok=False)
    assert result.exit_code == 1 and result.output.startswith("Error: [campaigns] courier_cutoff")
    assert "Traceback" not in result.output


def test_a_campaign_can_be_turned_off(fesyen: Workspace) -> None:
    toml = fesyen.root / "contentkit.toml"
    toml.write_text(toml.read_text().replace("off = []", 'off = ["gajian", "tanggal-kembar"]'))
    ws = Workspace.open(fesyen.root)
    names = {o.campaign for o in occurrences(ws, date(2027, 1, 1), date(2027, 12, 31))}
    assert "gajian" not in names and "tanggal-kembar" not in names and "harbolnas" in names


def test_user_campaign_from_a_template_lands_every_step_on_its_offset(fesyen: Workspace, runner: CliRunner) -> None:
    w = ["-w", str(fesyen.root)]
    out = run(runner, "campaign", "add", "Koleksi Raya", "--on", "2027-02-20", "--from", "fesyen-launch", *w).output
    assert "Added campaign C1 'Koleksi Raya' on 2027-02-20 (7 steps)" in out
    template = builtin_campaigns()["fesyen-launch"]
    fesyen.plan(week="2027-W05", weeks=5)
    posts = [p for p in fesyen.posts() if p.slot and "#campaign:koleksi-raya:" in p.slot]
    assert len(posts) == len(template.steps)
    for post in posts:
        index = int(post.slot.rsplit(":", 1)[1])
        step = template.steps[index]
        local = pendulum.instance(post.at).in_timezone(fesyen.tz)
        assert local.date() == date(2027, 2, 20) + timedelta(days=step.offset)
        assert local.format("HH:mm") == step.time and post.pillar == step.pillar
        assert "Koleksi Raya" in post.title or step.offset == -14
    # planning again adds nothing
    assert fesyen.plan(week="2027-W05", weeks=5).added == 0


def test_user_campaign_from_a_file_and_show_list_remove(fesyen: Workspace, runner: CliRunner, tmp_path: Path) -> None:
    w = ["-w", str(fesyen.root)]
    mine = tmp_path / "ultah.toml"
    mine.write_text('''name = "ultah"
[[steps]]
offset = -2
time = "10.00"
channel = "instagram"
format = "story"
pillar = "interaction"
prompt = { id = "Dua hari lagi {name}!", en = "{name} in two days!" }
''', encoding="utf-8")
    bad = run(runner, "campaign", "add", "Ultah 3", "--on", "2027-04-12", "--file", str(mine), *w, ok=False)
    assert bad.exit_code == 1 and "steps[0].time" in bad.output and "HH:MM" in bad.output
    mine.write_text(mine.read_text().replace('"10.00"', '"10:00"'), encoding="utf-8")
    run(runner, "campaign", "add", "Ultah 3", "--on", "2027-04-12", "--file", str(mine), *w)
    shown = json.loads(run(runner, "campaign", "show", "Ultah 3", "--json", *w).output)
    assert shown == [{"step": "H-2", "day": "2027-04-10", "time": "10:00", "kind": "post", "channel": "instagram",
                      "format": "story", "pillar": "interaction", "stage": "personal_interaction",
                      "text": "Dua hari lagi Ultah 3!"}]
    listed = json.loads(run(runner, "campaign", "list", "--json", *w).output)
    assert {"name": "Ultah 3", "source": "yours"}.items() <= listed[-1].items()
    assert any(r["name"] == "ramadan-lebaran" and r["source"] == "built-in" for r in listed)
    dup = run(runner, "campaign", "add", "ultah 3", "--on", "2027-05-01", "--from", "launch", *w, ok=False)
    assert "already exists" in dup.output
    builtin = run(runner, "campaign", "remove", "gajian", *w, ok=False)
    assert 'off = ["gajian"]' in builtin.output
    run(runner, "campaign", "remove", "Ultah 3", *w)
    assert "Ultah 3" not in run(runner, "campaign", "list", *w).output
    yearly = run(runner, "campaign", "add", "Lebaranku", "--on", "2027-03-10", "--from", "ramadan-lebaran", *w, ok=False)
    assert "runs by itself every year" in yearly.output


def test_campaign_show_lists_a_built_in_campaigns_next_run(fesyen: Workspace) -> None:
    steps = fesyen.campaigns.show("harbolnas", today=date(2026, 11, 1))
    assert [o.step.label() for o in steps][:3] == ["H-14", "H-7", "H-3"]
    assert steps[0].step.kind == "todo" and steps[0].day == date(2026, 11, 28)
    assert {o.channel for o in steps if o.step.time == "00:00"} == {"shopee"}


def test_the_marketplace_comes_from_contentkit_toml(fesyen: Workspace) -> None:
    toml = fesyen.root / "contentkit.toml"
    toml.write_text(toml.read_text().replace('# marketplace = "shopee"', 'marketplace = "tokopedia"'))
    ws = Workspace.open(fesyen.root)
    start = [o for o in occurrences(ws, date(2027, 4, 1), date(2027, 4, 30)) if o.step.time == "00:00"]
    assert start and all(o.channel == "tokopedia" and "Tokopedia" not in o.text("id") for o in start)
    todo = [o for o in occurrences(ws, date(2027, 3, 1), date(2027, 4, 30)) if o.step.kind == "todo"]
    assert any("4.4 di Tokopedia Seller Centre" in o.text("id") for o in todo)


def test_to_dos_show_in_the_plan_output(fesyen: Workspace, runner: CliRunner) -> None:
    out = run(runner, "plan", "--week", "2026-W48", "--dry-run", "-w", str(fesyen.root)).output
    assert "To-do Sab 28 Nov: Daftarkan produk ke campaign Harbolnas 12.12 di Shopee Seller Centre" in out
    data = json.loads(run(runner, "plan", "--week", "2026-W48", "--dry-run", "--json", "-w", str(fesyen.root)).output)
    assert any("Harbolnas" in t for t in data["weeks"][0]["todos"])
    # a to-do is not a post
    assert not any("Daftarkan" in p["title"] for p in data["weeks"][0]["posts"])


def test_campaign_posts_stay_outside_the_slot_mix(fesyen: Workspace) -> None:
    week = fesyen.plan(week="2026-W50", dry_run=True).weeks[0]
    extra = [p for p in week.posts if is_season_slot(p.slot)]
    assert extra and sum(week.counts.values()) == len(week.posts) - len(extra) == len(fesyen.strategy.slots)
    with pytest.raises(InputError):
        fesyen.campaigns.add("x", on="2027-01-01")


def test_the_plan_names_the_campaign_posts_it_leaves_out_of_the_mix(fesyen: Workspace, runner: CliRunner) -> None:
    # "promo 1 / 1.0" in a Harbolnas week of six promos would read as a mistake without this line.
    out = run(runner, "--lang", "en", "plan", "--week", "2026-W50", "-w", str(fesyen.root)).output
    extra = [p for p in fesyen.posts() if is_season_slot(p.slot)]
    assert extra
    n = len(extra)
    assert f"+ {n} campaign and season posts on top of the mix ({', '.join(p.id for p in extra)})" in out
    data = json.loads(run(runner, "plan", "--week", "2026-W50", "--replan", "--json", "-w", str(fesyen.root)).output)
    assert len(data["outside_mix"]) == n


def test_a_cuti_bersama_day_gets_a_shipping_note_the_day_before_not_a_greeting(fesyen: Workspace) -> None:
    notes = {o.day: o.text("id") for o in occurrences(fesyen, date(2027, 1, 1), date(2027, 12, 31))
             if o.campaign == "cuti-bersama"}
    # Imlek's cuti bersama is Friday 5 February; Imlek itself is Saturday, so parcels go out on Monday.
    assert notes[date(2027, 2, 4)] == ("Info pengiriman: 5 Februari cuti bersama Tahun Baru Imlek, "
                                       "pesanan yang masuk dikirim mulai 8 Februari")
    assert notes[date(2027, 12, 23)].endswith("dikirim mulai 27 Desember")  # 26 Dec is a Sunday and Isra Mi'raj
    assert not any(d in (date(2027, 3, 8), date(2027, 3, 11), date(2027, 3, 14)) for d in notes)  # Lebaran's own
