"""Words as an Indonesian shop owner types them: pillar, status, format and day names in either
language, and every date echoed back in full so a misreading shows."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.names import display_name, names_of
from contentkit.vocab import FORMATS, PILLARS, POST_STATUSES, STAGES, check_choice, check_pillar
from contentkit.workspace import Workspace


def run(runner: CliRunner, *args: str, ok: bool = True):  # type: ignore[no-untyped-def]
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def en_ws(tmp_path: Path) -> Workspace:
    return Workspace.init(tmp_path / "shop", brand="Dapur Bu Sari", sector="kuliner", timezone="Asia/Jakarta",
                          language="en")


@pytest.mark.parametrize(
    ("kind", "typed", "key"),
    [
        ("pillar", "cerita", "storytelling"),
        ("pillar", "bukti-sosial", "social_proof"),
        ("pillar", "Bukti Sosial", "social_proof"),
        ("pillar", "social proof", "social_proof"),
        ("pillar", "edukasi", "education"),
        ("pillar", "layanan", "service"),
        ("status", "terbit", "published"),
        ("status", "draf", "draft"),
        ("status", "Dilewati", "skipped"),
        ("format", "video pendek", "short_video"),
        ("format", "gambar", "image"),
        ("stage", "konten kreatif", "creative_content"),
        ("day", "kamis", "thu"),
        ("state", "diizinkan", "granted"),
        ("state", "dicabut", "revoked"),
    ],
)
def test_names_in_either_language_become_the_stored_key(kind: str, typed: str, key: str) -> None:
    from contentkit.ugc.consent import STATES

    choices = {"pillar": PILLARS, "status": POST_STATUSES, "format": FORMATS, "stage": STAGES, "state": STATES,
               "day": ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}[kind]
    assert check_choice(kind, typed, choices) == key


def test_every_key_has_a_name_in_both_languages_and_each_name_reads_back() -> None:
    for kind, keys in (("pillar", PILLARS), ("status", POST_STATUSES), ("format", FORMATS), ("stage", tuple(STAGES))):
        for lang in ("id", "en"):
            assert set(names_of(kind, lang)) == set(keys), (kind, lang)
            for key in keys:
                assert check_choice(kind, display_name(kind, key, lang), keys) == key


def test_an_unknown_name_is_still_refused() -> None:
    with pytest.raises(Exception, match="unknown pillar 'jualan'"):
        check_pillar("jualan")


def test_cli_takes_indonesian_pillar_and_status(runner: CliRunner, ws: Workspace) -> None:
    w = ("-w", str(ws.root))
    run(runner, "idea", "add", "Cerita resep nenek", "--pillar", "cerita", "--format", "reel", *w)
    run(runner, "idea", "add", "Testimoni Bu Rina", "--pillar", "bukti-sosial", "--format", "gambar", *w)
    assert [(i.pillar, i.format) for i in ws.ideas.list()] == [("storytelling", "reel"), ("social_proof", "image")]
    run(runner, "post", "add", "--at", "1/12/2026 19.30", "--channel", "instagram", "--format", "reel",
        "--pillar", "cerita", "--title", "Dari dapur", *w)
    post = ws.posts()[0]
    assert post.pillar == "storytelling"
    ws.post_book.publish(post.id, "https://www.instagram.com/reel/ABC/")
    listed = run(runner, "post", "list", "--status", "terbit", *w).output
    assert post.id in listed
    assert "No posts match" in run(runner, "post", "list", "--status", "draf", *w).output


@pytest.mark.parametrize("every", ["thursday", "kamis", "Kamis", "thu"])
def test_series_every_places_each_episode_on_that_day(runner: CliRunner, ws: Workspace, every: str) -> None:
    w = ("-w", str(ws.root))
    run(runner, "series", "add", "Dari Dapur ke Meja", "--pillar", "cerita", "--format", "reel", "--every", every,
        "--start", "7/12/2026", "--episode", "Belanja", "--episode", "Racik", "--episode", "Masak", *w)
    run(runner, "plan", "--week", "2026-W50", "--weeks", "3", *w)
    episodes = sorted((p for p in ws.posts() if p.series_id), key=lambda p: p.at)
    assert [p.episode for p in episodes] == [1, 2, 3]
    assert [pendulum.instance(p.at).in_timezone(ws.tz).date().isoformat() for p in episodes] == [
        "2026-12-10", "2026-12-17", "2026-12-24"]  # three Thursdays
    assert all(p.format == "reel" for p in episodes)


def test_series_every_refuses_anything_but_a_day(runner: CliRunner, ws: Workspace) -> None:
    result = run(runner, "series", "add", "S", "--pillar", "cerita", "--format", "reel", "--every", "tiap hari",
                 "--episode", "a", "-w", str(ws.root), ok=False)
    assert result.exit_code != 0 and "unknown weekday" in result.output


# -- dates echoed back ----------------------------------------------------------


def test_post_add_echoes_the_day_first_date_in_indonesian(runner: CliRunner, ws: Workspace) -> None:
    out = run(runner, "post", "add", "--at", "1/12/2026 19.30", "--channel", "instagram", "--format", "reel",
              "--pillar", "promo", "--title", "Promo", "-w", str(ws.root)).output
    assert "dijadwalkan Selasa, 1 Des 2026 19.30 WIB" in out
    assert ws.posts()[0].at.isoformat() == "2026-12-01T19:30:00+07:00"


def test_post_edit_moves_to_1_december_not_12_january(runner: CliRunner, en_ws: Workspace) -> None:
    w = ("-w", str(en_ws.root))
    run(runner, "post", "add", "--at", "2026-12-09 19:00", "--channel", "instagram", "--format", "reel",
        "--pillar", "promo", "--title", "Promo", *w)
    refused = run(runner, "post", "edit", "P1", "--at", "1/12/2026", *w, ok=False)
    assert refused.exit_code != 0 and "no time" in refused.output
    out = run(runner, "post", "edit", "P1", "--at", "1/12/2026 19.30 WITA", *w).output
    assert "scheduled Tuesday, 1 Dec 2026 18:30 WIB" in out  # 19.30 WITA is 18.30 in the shop's WIB
    out = run(runner, "post", "publish", "P1", "--url", "https://www.instagram.com/reel/X/", "--at", "1/12/2026 19:45",
              *w).output
    assert "published Tuesday, 1 Dec 2026 19:45 WIB" in out


def test_relative_words_count_from_today_in_the_workspace(runner: CliRunner, ws: Workspace,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    frozen = pendulum.datetime(2026, 12, 2, 10, 0, tz="Asia/Jakarta")  # a Wednesday
    monkeypatch.setattr(pendulum, "now", lambda tz=None: frozen.in_timezone(tz) if tz else frozen)
    out = run(runner, "post", "add", "--at", "senin depan 19.30", "--channel", "instagram", "--format", "reel",
              "--pillar", "promo", "--title", "Promo", "-w", str(ws.root)).output
    assert "dijadwalkan Senin, 7 Des 2026 19.30 WIB" in out


def test_series_start_is_echoed(runner: CliRunner, en_ws: Workspace) -> None:
    out = run(runner, "series", "add", "S", "--pillar", "storytelling", "--format", "reel", "--start", "9-12-2026",
              "--episode", "a", "-w", str(en_ws.root)).output
    assert "starts Wednesday, 9 Dec 2026" in out


def test_a_us_date_and_a_far_week_are_one_line(runner: CliRunner, ws: Workspace) -> None:
    for args in (["post", "list", "--from", "12/31/2026"], ["plan", "--week", "9999-W52"],
                 ["post", "add", "--at", "2026-12-01T19:30+25:00", "--channel", "instagram", "--format", "reel",
                  "--pillar", "promo", "--title", "x"]):
        result = run(runner, *args, "-w", str(ws.root), ok=False)
        lines = result.output.strip().splitlines()
        assert result.exit_code == 1 and len(lines) == 1 and lines[0].startswith("Error: "), result.output


def test_plan_table_names_pillars_in_the_workspace_language(runner: CliRunner, ws: Workspace, en_ws: Workspace,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONTENTKIT_LANG", raising=False)  # each workspace's own language
    id_out = run(runner, "plan", "--week", "2026-W50", "--dry-run", "-w", str(ws.root)).output
    en_out = run(runner, "plan", "--week", "2026-W50", "--dry-run", "-w", str(en_ws.root)).output
    assert "cerita" in id_out and "storytelling" not in id_out
    assert "storytelling" in en_out and "cerita" not in en_out


def test_repost_and_grant_echo_their_dates(runner: CliRunner, tmp_path: Path) -> None:
    from contentkit.config import Handles

    ws = Workspace.init(tmp_path / "dapur", brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="dapurbusari"))
    w = ("-w", str(ws.root))
    run(runner, "ugc", "add", "https://www.instagram.com/p/DShop0001/", "--user", "dapurbusari", "--own", *w)
    out = run(runner, "ugc", "repost", "U1", "--at", "1 Desember 2027 19.30", "--channel", "instagram", *w).output
    assert "dijadwalkan Rabu, 1 Des 2027 19.30 WIB" in out
    run(runner, "ugc", "add", "https://www.tiktok.com/@rina/video/7412", "--user", "rina", "--caption", "Enak!", *w)
    out = run(runner, "ugc", "grant", "U2", "--evidence", "WA: boleh kak", "--until", "30/06/2027", *w).output
    assert "berlaku sampai Rabu, 30 Jun 2027" in out


def test_a_time_the_clocks_skip_is_one_line_naming_the_gap(runner: CliRunner, tmp_path: Path) -> None:
    shop = Workspace.init(tmp_path / "winkel", brand="Toko Belanda", sector="umum", timezone="Europe/Amsterdam",
                          language="en")
    result = run(runner, "post", "add", "--at", "28/03/2027 02.30", "--channel", "instagram", "--format", "reel",
                 "--pillar", "promo", "--title", "x", "-w", str(shop.root), ok=False)
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1 and len(lines) == 1, result.output
    assert "does not exist in Europe/Amsterdam" in lines[0] and "from 02:00 to 03:00" in lines[0]
    assert shop.posts() == []


def test_importers_read_dates_day_first_too(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    reviews = tmp_path / "ulasan.csv"
    reviews.write_text(
        "text;name;rating;date\n"
        "\"Rendangnya empuk bgt 😍\npasti order lagi\";Rina;5;1/12/2026\n"
        "Mantul kak;Budi;4;2026-12-01 10:22:33\n"
        "Pengiriman cepat 👍;Sari;5;1 Des 2026\n",
        encoding="utf-8-sig",
    )
    run(runner, "review", "import", str(reviews), "-w", str(ws.root))
    assert {r.date.isoformat() for r in ws.reviews.list() if r.date} == {"2026-12-01"}
    posts = tmp_path / "temuan.csv"
    posts.write_text(
        "platform,url,username,caption,taken_at\n"
        "tiktok,https://www.tiktok.com/@rina/video/1,rina,Enak!,1/12/2026 19.30\n"
        "tiktok,https://www.tiktok.com/@budi/video/2,budi,Mantap,1 Des 2026\n",
        encoding="utf-8",
    )
    run(runner, "ugc", "import", str(posts), "-w", str(ws.root))
    taken = sorted(r["taken_at"] for r in ws.ugc.list_rows())
    assert taken == ["2026-12-01T00:00:00+07:00", "2026-12-01T19:30:00+07:00"]


def test_series_day_is_never_before_a_mid_week_plan_start(ws: Workspace) -> None:
    ws.series.add("Seri", pillar="cerita", format="reel", episodes=["a", "b"], every="senin", start="2026-12-07")
    ws.plan(start="kamis, 10 des 2026", weeks=2)  # Monday 7 December is before the start: next Monday instead
    placed = [(p.episode, pendulum.instance(p.at).in_timezone(ws.tz).date().isoformat()) for p in ws.posts() if p.series_id]
    assert placed == [(1, "2026-12-14")]


@pytest.mark.parametrize("at", ["0001-01-01 10:00", "9999-12-31 10:00", "31/12/9999 23.59", "1/1/1969 08.00"])
def test_a_post_dated_outside_1970_to_2100_is_refused_at_the_door(runner: CliRunner, ws: Workspace, at: str) -> None:
    result = run(runner, "post", "add", "--at", at, "--channel", "instagram", "--format", "reel", "--pillar", "promo",
                 "--title", "x", "-w", str(ws.root), ok=False)
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "1970 to 2100" in result.output
    assert ws.posts() == []


@pytest.mark.parametrize("args", [["--start", "31/12/2100"], ["--week", "2100-W52", "--weeks", "4"], ["--start", "1/1/1970"]])
def test_a_plan_reaching_outside_1970_to_2100_is_refused(runner: CliRunner, ws: Workspace, args: list[str]) -> None:
    result = run(runner, "plan", *args, "-w", str(ws.root), ok=False)
    assert result.exit_code == 1 and result.output.count("\n") == 1 and "1970 to 2100" in result.output
    assert ws.posts() == []


def test_post_list_names_pillar_and_status_in_the_workspace_language(runner: CliRunner, ws: Workspace,
                                                                      en_ws: Workspace) -> None:
    for shop in (ws, en_ws):
        run(runner, "post", "add", "--at", "1/12/2026 19.30", "--channel", "instagram", "--format", "reel",
            "--pillar", "bukti-sosial", "--title", "Testimoni", "-w", str(shop.root))
    assert "bukti sosial  draf*" in run(runner, "post", "list", "-w", str(ws.root)).output
    assert "social proof  draft*" in run(runner, "post", "list", "-w", str(en_ws.root)).output
