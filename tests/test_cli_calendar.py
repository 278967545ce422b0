"""The calendar commands as a user types them: init, idea, series, plan, post, check, strategy."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from contentkit.cli.main import COMMANDS, cli
from contentkit.workspace import Workspace


def run(runner: CliRunner, *args: str, ok: bool = True):  # type: ignore[no-untyped-def]
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def assert_one_line_error(result) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output


def test_version_and_help_for_every_command(runner: CliRunner) -> None:
    assert "contentkit, version" in run(runner, "--version").output
    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.help and "Example:" in command.help, name
        run(runner, name, "--help")
        if isinstance(command, click.Group):
            for sub in command.list_commands(click.Context(command)):
                help_text = command.get_command(click.Context(command), sub).help
                assert help_text and "Example:" in help_text, f"{name} {sub}"
                run(runner, name, sub, "--help")


def test_walkthrough_init_idea_series_plan_publish_export(runner: CliRunner, tmp_path: Path) -> None:
    ws_dir = tmp_path / "toko"
    run(runner, "init", str(ws_dir), "--brand", "Dapur Bu Sari", "--sector", "kuliner", "--instagram", "dapurbusari")
    assert "Dapur Bu Sari" in (ws_dir / "contentkit.toml").read_text()
    w = ["-w", str(ws_dir)]
    out = run(runner, "idea", "add", "Cerita resep rendang nenek", "--pillar", "storytelling", "--format", "reel", *w).output
    assert "I1" in out
    run(runner, "series", "add", "Dari Dapur ke Meja", "--pillar", "storytelling", "--format", "reel", "--episodes", "2",
        "--every", "wed", "--start", "2026-12-09", "--episode", "Belanja", "--episode", "Masak", *w)
    plan_out = run(runner, "plan", "--week", "2026-W50", *w).output
    # 11 weekly slots plus Harbolnas' run-up (teaser, reminder, 00:00 start, the days after)
    assert "Dari Dapur ke Meja (1/2)" in plan_out and "Added 16 posts." in plan_out
    assert "2026-W50" in plan_out and "(6/6)" in plan_out
    again = run(runner, "plan", "--week", "2026-W50", *w).output
    assert "Added 0 posts." in again
    posts = json.loads(run(runner, "post", "list", "--json", *w).output)
    assert len(posts) == 16 and all("id" in p for p in posts)
    first = posts[0]["id"]
    run(runner, "post", "publish", first, "--url", "https://www.instagram.com/p/XYZ/", *w)
    shown = run(runner, "post", "show", first, *w).output
    assert "status: terbit" in shown and "https://www.instagram.com/p/XYZ/" in shown
    run(runner, "export", "ics", "-o", str(tmp_path / "plan.ics"), *w)
    assert (tmp_path / "plan.ics").read_text().count("BEGIN:VEVENT") == 16


def test_workspace_is_found_from_env_and_by_walking_up(runner: CliRunner, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTENTKIT_WORKSPACE", str(ws.root))
    assert "backlog is empty" in run(runner, "idea", "list").output
    monkeypatch.delenv("CONTENTKIT_WORKSPACE")
    inner = ws.root / "media" / "deep"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    run(runner, "idea", "add", "Dari subfolder", "--pillar", "education", "--format", "carousel")
    assert [i.text for i in ws.ideas.list()] == ["Dari subfolder"]


def test_outside_any_workspace_says_how_to_create_one(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run(runner, "plan", ok=False)
    assert_one_line_error(result)
    assert "contentkit init" in result.output


def test_init_refuses_to_overwrite_without_force(runner: CliRunner, ws: Workspace) -> None:
    ws.ideas.add("tetap ada", pillar="promo", format="live")
    result = run(runner, "init", str(ws.root), "--brand", "Lain", ok=False)
    assert_one_line_error(result)
    assert "--force" in result.output
    run(runner, "init", str(ws.root), "--brand", "Lain", "--force")
    assert Workspace.open(ws.root).config.brand == "Lain"
    assert [i.text for i in Workspace.open(ws.root).ideas.list()] == ["tetap ada"]


@pytest.mark.parametrize(
    "args, needle",
    [
        (["init", "{tmp}/x", "--brand", "A", "--timezone", "Asia/Jakarte"], "unknown timezone"),
        (["idea", "remove", "I99", "-w", "{ws}"], "no idea with ID"),
        (["plan", "--week", "2026-W60", "-w", "{ws}"], "week"),
        (["plan", "--start", "12/31/2026", "-w", "{ws}"], "day-first"),
        (["plan", "--week", "2026-W50", "--start", "2026-12-09", "-w", "{ws}"], "either --week or --start"),
        (["post", "list", "--from", "31/02/2027", "-w", "{ws}"], "2027-02 has 28 days"),
        (["post", "add", "--at", "besok", "--channel", "instagram", "--format", "reel", "--pillar", "promo",
          "--title", "x", "-w", "{ws}"], "has no time"),
        (["post", "publish", "P1", "--url", "instagram", "-w", "{ws}"], "not a link"),
        (["post", "show", "P404", "-w", "{ws}"], "no post with ID"),
        (["series", "add", "S", "--pillar", "storytelling", "--format", "reel", "--episodes", "3", "--episode", "a",
          "-w", "{ws}"], "make them match"),
        (["export", "ics", "-o", "{tmp}/missing/plan.ics", "-w", "{ws}"], "does not exist"),
        (["strategy", "copy", "otomotif", "-w", "{ws}"], "unknown strategy"),
    ],
)
def test_bad_input_is_one_clear_line(runner: CliRunner, ws: Workspace, tmp_path: Path, args: list[str], needle: str) -> None:
    filled = [a.replace("{ws}", str(ws.root)).replace("{tmp}", str(tmp_path)) for a in args]
    before = ws.store.path.read_bytes()
    result = run(runner, *filled, ok=False)
    assert_one_line_error(result)
    assert needle in result.output
    assert ws.store.path.read_bytes() == before


def test_caption_over_the_limit_is_refused_and_nothing_written(runner: CliRunner, ws: Workspace) -> None:
    result = run(runner, "post", "add", "--at", "2026-12-09 19:00", "--channel", "shopee", "--format", "feed",
                 "--pillar", "promo", "--title", "x", "--caption", "kata " * 700, "-w", str(ws.root), ok=False)
    assert_one_line_error(result)
    assert "3000" in result.output.replace(",", "")
    assert ws.posts() == []


def test_edit_locks_and_check_lists_broken_posts(runner: CliRunner, ws: Workspace) -> None:
    ws.plan(week="2026-W50")
    post = next(p for p in ws.posts() if p.channel == "instagram")
    w = ["-w", str(ws.root)]
    run(runner, "post", "edit", post.id, "--title", "Judul baru", "--at", "2026-12-10 20:00", *w)
    edited = ws.post_book.get(post.id)
    assert edited.locked and edited.title == "Judul baru"
    assert edited.at.isoformat() == "2026-12-10T20:00:00+07:00"
    assert "Every post is within" in run(runner, "check", *w).output
    # a hand edit through the library that breaks a rule shows up in `check`
    with ws.store.transaction() as tx:
        p = tx.get(type(post), post.id)
        p.hashtags = ["a", "b", "c", "d", "e", "f", "g"]
        tx.save(p)
    result = run(runner, "check", *w, ok=False)
    assert result.exit_code == 1 and post.id in result.output and "max_hashtags" in result.output


def test_skip_and_plan_json(runner: CliRunner, ws: Workspace) -> None:
    w = ["-w", str(ws.root)]
    data = json.loads(run(runner, "plan", "--week", "2026-W50", "--dry-run", "--json", *w).output)
    slot_posts = [p for p in data["weeks"][0]["posts"] if "#campaign:" not in p["slot"]]
    assert data["dry_run"] is True and len(slot_posts) == len(ws.strategy.slots) < data["added"]
    assert ws.posts() == []
    ws.plan(week="2026-W50")
    pid = ws.posts()[0].id
    run(runner, "post", "skip", pid, "--reason", "stok habis", *w)
    assert ws.post_book.get(pid).status == "skipped"
    assert json.loads(run(runner, "post", "list", "--status", "skipped", "--json", *w).output)[0]["id"] == pid


def test_strategy_list_show_and_copy(runner: CliRunner, ws: Workspace) -> None:
    names = run(runner, "strategy", "list").output
    for name in ("kuliner", "fesyen", "rumah-tangga", "umum"):
        assert name in names
    listed = json.loads(run(runner, "strategy", "list", "--json").output)
    assert [s["id"] for s in listed] == ["fesyen", "kuliner", "rumah-tangga", "umum"]
    w = ["-w", str(ws.root)]
    assert "storytelling" in run(runner, "strategy", "show", *w).output
    run(runner, "strategy", "copy", "kuliner", *w)
    copy = ws.root / "strategy-kuliner.toml"
    assert copy.exists()
    copy.write_text(copy.read_text().replace('time = "19:00"', 'time = "25:00"', 1))
    result = run(runner, "plan", *w, ok=False)
    assert_one_line_error(result)
    assert "slots[" in result.output and ".time" in result.output
    copy.write_text("name = [broken")
    result = run(runner, "plan", *w, ok=False)
    assert_one_line_error(result)
    assert "line 1" in result.output


def test_unknown_config_key_is_named_in_a_warning(runner: CliRunner, ws: Workspace) -> None:
    cfg = ws.root / "contentkit.toml"
    cfg.write_text(cfg.read_text().replace("[handles]", "[handles]\nyoutube = \"x\""))
    result = run(runner, "idea", "list", "-w", str(ws.root))
    assert "warning:" in result.output and "[handles] 'youtube' is ignored" in result.output


def test_disk_errors_are_one_line(runner: CliRunner, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("contentkit.store_file.StoreFile.write", full)
    before = ws.store.path.read_bytes()
    result = run(runner, "idea", "add", "x", "--pillar", "promo", "--format", "live", "-w", str(ws.root), ok=False)
    assert_one_line_error(result)
    assert "the disk is full" in result.output  # the errno in words, in the CLI language
    assert ws.store.path.read_bytes() == before


def test_series_weekday_in_indonesian_or_english(runner: CliRunner, ws: Workspace) -> None:
    for day, expected in (("rabu", "wed"), ("Wednesday", "wed"), ("jumat", "fri")):
        run(runner, "series", "add", f"Seri {day}", "--pillar", "storytelling", "--format", "reel",
            "--episode", "a", "--every", day, "-w", str(ws.root))
    assert [s.every for s, _ in ws.series.list()] == ["wed", "wed", "fri"]
    result = run(runner, "series", "add", "X", "--pillar", "storytelling", "--format", "reel", "--episode", "a",
                 "--every", "funday", "-w", str(ws.root), ok=False)
    assert result.exit_code == 2 and "'funday'" in result.output  # a usage error, like every fixed choice


def test_a_closed_pipe_is_not_an_error_message(tmp_path: Path) -> None:
    import subprocess
    import sys

    ws = Workspace.init(tmp_path / "t", brand="Toko", sector="umum")
    ws.plan(week="2026-W50", weeks=120)  # more lines than a pipe buffers
    code = ("import sys; from contentkit.cli.main import cli; "
            "sys.argv=['contentkit','post','list','-w',sys.argv[1]]; cli()")
    proc = subprocess.Popen([sys.executable, "-c", code, str(ws.root)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    _, err = proc.communicate(timeout=60)
    assert b"Error" not in err and b"Traceback" not in err


def test_settings_saved_with_a_bom_still_load(ws: Workspace) -> None:
    cfg = ws.root / "contentkit.toml"
    cfg.write_bytes("\ufeff".encode() + cfg.read_bytes())
    assert Workspace.open(ws.root).config.brand == "Dapur Bu Sari"


@pytest.mark.parametrize("line, needle", [
    ('consent_expiry_days = "dua minggu"', "consent_expiry_days"),
    ('hashtags = "dapurbusari"', "hashtags"),
    ('timezone = "Mars/Olympus"', "timezone"),
])
def test_wrong_values_in_settings_are_named(runner: CliRunner, ws: Workspace, line: str, needle: str) -> None:
    cfg = ws.root / "contentkit.toml"
    key = line.split(" = ")[0]
    text = "\n".join(line if row.startswith(key + " = ") else row for row in cfg.read_text().splitlines())
    cfg.write_text(text)
    result = run(runner, "idea", "list", "-w", str(ws.root), ok=False)
    assert_one_line_error(result)
    assert needle in result.output


@pytest.mark.parametrize("args", [
    ["post", "add", "--at", "2026-12-09 19:00", "--channel", "whatsapp", "--format", "reel", "--pillar", "promo", "--title", "x"],
    ["idea", "add", "x", "--pillar", "promo", "--format", "broadcast", "--channel", "instagram"],
    ["series", "add", "x", "--pillar", "promo", "--format", "reel", "--channel", "shopee", "--episode", "a"],
])
def test_a_channel_that_cannot_carry_the_format_is_refused(runner: CliRunner, ws: Workspace, args: list[str]) -> None:
    result = run(runner, *args, "-w", str(ws.root), ok=False)
    assert_one_line_error(result)
    assert "has no" in result.output and "use one of" in result.output


def test_strategy_slot_with_an_impossible_format_names_the_slot(ws: Workspace) -> None:
    from contentkit.calendar.strategy import parse_strategy
    from contentkit.errors import ConfigError

    with pytest.raises(ConfigError, match=r"slots\[0\].*whatsapp has no reel"):
        parse_strategy({"slots": [{"day": "mon", "time": "10:00", "channel": "whatsapp", "format": "reel"}],
                        "mix": {"promo": 1}, "prompts": {"promo": {"id": ["a"], "en": ["a"]}}})


def test_every_listing_takes_json(runner: CliRunner) -> None:
    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        if isinstance(command, click.Group) and "list" in command.list_commands(click.Context(command)):
            assert "--json" in run(runner, name, "list", "--help").output, name
