"""The conventions people expect from a command-line tool (gh, httpx, sqlite-utils are the models)."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.workspace import Workspace


def run(runner: CliRunner, *args: str, ok: bool = True, **kwargs):  # type: ignore[no-untyped-def]
    result = runner.invoke(cli, list(args), catch_exceptions=False, **kwargs)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def add_post(runner: CliRunner, ws: Workspace, *extra: str) -> str:
    return run(runner, *extra, "post", "add", "--at", "2026-12-09 19:00", "--channel", "instagram", "--format", "reel",
               "--pillar", "promo", "--title", "Promo 12.12", "-w", str(ws.root)).output


def test_workspace_before_the_command_works_like_after(runner: CliRunner, ws: Workspace, tmp_path: Path,
                                                       monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # no workspace above here: only -w can find it
    run(runner, "-w", str(ws.root), "plan", "--week", "2026-W50")
    before = len(ws.posts())
    assert before > 0
    assert "P1" in run(runner, "-w", str(ws.root), "post", "list").output
    assert "P1" in run(runner, "post", "list", "-w", str(ws.root)).output
    assert "P1" in run(runner, "--workspace", str(ws.root), "post", "show", "P1").output
    # The command's own -w wins over the group's.
    other = Workspace.init(tmp_path / "lain", brand="Toko Lain", sector="umum")
    assert "No posts match" in run(runner, "-w", str(ws.root), "post", "list", "-w", str(other.root)).output


def test_python_dash_m_contentkit_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "contentkit", "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and "contentkit, version" in result.stdout


def test_the_package_says_it_is_typed() -> None:
    assert (resources.files("contentkit") / "py.typed").is_file()


def test_quiet_silences_confirmations_but_not_results(runner: CliRunner, ws: Workspace) -> None:
    loud = add_post(runner, ws)
    assert "Added post P1" in loud and "dijadwalkan" in loud
    quiet = add_post(runner, ws, "-q")
    assert quiet == ""
    assert len(ws.posts()) == 2
    listed = run(runner, "--quiet", "post", "list", "-w", str(ws.root)).output
    assert "P1" in listed and "P2" in listed  # what was asked for still prints


def test_no_color_turns_colour_off(runner: CliRunner, ws: Workspace) -> None:
    add_post(runner, ws)
    coloured = run(runner, "post", "show", "P1", "-w", str(ws.root), color=True).output
    assert "\x1b[" in coloured  # a terminal gets colour ...
    plain = run(runner, "post", "show", "P1", "-w", str(ws.root), color=True, env={"NO_COLOR": "1"}).output
    assert "\x1b[" not in plain and "P1" in plain  # ... unless NO_COLOR says no
    piped = run(runner, "post", "show", "P1", "-w", str(ws.root)).output
    assert "\x1b[" not in piped  # and a pipe never does


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["init", "{tmp}/x", "--brand", "A", "--sector", "otomotif"], "unknown sector 'otomotif'"),
        (["init", "{tmp}/x", "--brand", "A", "--lang", "fr"], "unknown language 'fr'"),
        (["idea", "add", "x", "--pillar", "jualan", "--format", "reel", "-w", "{ws}"], "unknown pillar 'jualan'"),
        (["idea", "add", "x", "--pillar", "promo", "--format", "tiktok", "-w", "{ws}"], "unknown format 'tiktok'"),
        (["idea", "add", "x", "--pillar", "promo", "--format", "reel", "--channel", "friendster", "-w", "{ws}"],
         "unknown channel 'friendster'"),
        (["post", "list", "--status", "done", "-w", "{ws}"], "unknown status 'done'"),
        (["series", "add", "S", "--pillar", "promo", "--format", "reel", "--every", "tiap", "--episode", "a",
          "-w", "{ws}"], "unknown weekday 'tiap'"),
        (["export", "pdf", "-o", "{tmp}/x.pdf", "-w", "{ws}"], "use one of ics, buffer, hootsuite, csv, markdown"),
        (["export", "csv", "--channel", "myspace", "-o", "{tmp}/x.csv", "-w", "{ws}"], "unknown channel 'myspace'"),
        (["ugc", "list", "--state", "maybe", "-w", "{ws}"], "unknown state 'maybe'"),
        (["ugc", "request", "U1", "--via", "fax", "-w", "{ws}"], "unknown via 'fax'"),
    ],
)
def test_a_bad_fixed_choice_is_a_usage_error(runner: CliRunner, ws: Workspace, tmp_path: Path, args: list[str],
                                             words: str) -> None:
    before = ws.store.path.read_bytes()
    result = run(runner, *[a.replace("{ws}", str(ws.root)).replace("{tmp}", str(tmp_path)) for a in args], ok=False)
    assert result.exit_code == 2, result.output
    assert "Error: Invalid value" in result.output and words in result.output
    assert "Traceback" not in result.output and ws.store.path.read_bytes() == before


def test_channels_take_the_short_names_sellers_type(runner: CliRunner, ws: Workspace) -> None:
    for typed, channel, fmt in (("IG", "instagram", "image"), ("insta", "instagram", "reel"), ("WA", "whatsapp", "status"),
                                ("Tokped", "tokopedia", "feed"), ("tik-tok", "tiktok", "short_video"), ("fb", "facebook", "image")):
        run(runner, "idea", "add", f"Ide {typed}", "--pillar", "promo", "--format", fmt, "--channel", typed, "-w", str(ws.root))
        assert ws.ideas.list()[-1].channel == channel
    asked = run(runner, "review", "ask", "--name", "Rina", "--phone", "081234567890", "--product", "Gamis", "--channel", "tokped",
                "-w", str(ws.root))
    assert "Tokopedia" in asked.output and "Shopee" not in asked.output


@pytest.mark.parametrize("lang, line", [
    ("en", "Error: Missing option '--format'. Choose one of: reel, short_video, carousel, image, story, live, status, broadcast, feed."),
    ("id", "Kesalahan: Opsi belum diisi '--format'. Pilih salah satu: reel, short_video, carousel, image, story, live, status, "
           "broadcast, feed."),
])
def test_a_missing_fixed_choice_is_one_line_naming_the_choices(runner: CliRunner, ws: Workspace, lang: str, line: str) -> None:
    result = run(runner, "--lang", lang, "idea", "add", "x", "--pillar", "promo", "-w", str(ws.root), ok=False)
    assert result.exit_code == 2 and result.output.splitlines()[-1] == line, result.output


def test_fixed_choices_take_any_case_and_indonesian_names(runner: CliRunner, ws: Workspace) -> None:
    run(runner, "idea", "add", "Kuis", "--pillar", "INTERAKSI", "--format", "Reel", "--channel", "Instagram",
        "-w", str(ws.root))
    idea = ws.ideas.list()[0]
    assert (idea.pillar, idea.format, idea.channel) == ("interaction", "reel", "instagram")


def test_shell_completion_offers_the_choices(runner: CliRunner, ws: Workspace) -> None:
    from click.shell_completion import ShellComplete

    complete = ShellComplete(cli, {}, "contentkit", "_CONTENTKIT_COMPLETE")
    pillars = [c.value for c in complete.get_completions(["idea", "add", "x", "--pillar"], "s")]
    assert pillars == ["storytelling", "social_proof", "service"]
    kinds = [c.value for c in complete.get_completions(["export"], "")]
    assert kinds == ["ics", "buffer", "hootsuite", "csv", "markdown"]
    channels = [c.value for c in complete.get_completions(["post", "list", "--channel"], "t")]
    assert channels == ["tiktok", "tokopedia"]
    indonesian = [c.value for c in complete.get_completions(["idea", "add", "x", "--pillar"], "b")]
    assert indonesian == ["bukti-sosial"]
    days = [c.value for c in complete.get_completions(["series", "add", "S", "--every"], "k")]
    assert days == ["kamis"]


# -- outputs ---------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "marker"), [("ics", "BEGIN:VCALENDAR"), ("csv", "id,"), ("markdown", "# "),
                                              ("hootsuite", "2026"), ("buffer", "Posting Time")])
def test_dash_o_dash_writes_every_text_export_to_standard_output(runner: CliRunner, ws: Workspace, tmp_path: Path,
                                                                 monkeypatch, kind: str, marker: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    add_post(runner, ws)
    extra = ["--channel", "instagram"] if kind == "buffer" else []
    if kind == "hootsuite":  # a reel cannot go through a bulk file: a Facebook text post can
        run(runner, "post", "add", "--at", "2026-12-10 19:00", "--channel", "facebook", "--format", "feed",
            "--pillar", "promo", "--title", "Promo 12.12", "--caption", "Diskon 12.12 mulai jam 00.00!", "-w", str(ws.root))
        extra = ["--channel", "facebook"]
    result = runner.invoke(cli, ["export", kind, *extra, "-o", "-", "-w", str(ws.root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert marker in result.stdout and "Wrote" not in result.stdout
    assert not (tmp_path / "-").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["toko"]


def test_export_json_names_the_posts_it_wrote(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    import json

    add_post(runner, ws)
    out = run(runner, "export", "ics", "-o", str(tmp_path / "r.ics"), "--json", "-w", str(ws.root)).output
    data = json.loads(out)
    assert data["ids"] == ["P1"] and data["count"] == 1 and data["paths"][0].endswith("r.ics")


def test_calendar_month_alone_does_not_swallow_the_next_option(runner: CliRunner, ws: Workspace, tmp_path: Path,
                                                               monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    import pendulum

    monkeypatch.chdir(tmp_path)
    result = run(runner, "calendar", "--month", "-o", "bulan.html", "--json", "-w", str(ws.root))
    data = json.loads(result.output)
    today = pendulum.now(ws.tz).date()
    assert data["start"] == today.replace(day=1).isoformat() and data["path"] == "bulan.html"
    assert (tmp_path / "bulan.html").is_file()
    named = json.loads(run(runner, "calendar", "--month", "Des 2026", "-o", "des.html", "--json", "-w", str(ws.root)).output)
    assert (named["start"], named["end"]) == ("2026-12-01", "2026-12-31")


def test_strategy_show_name_shows_a_built_in_strategy_without_a_workspace(runner: CliRunner, tmp_path: Path,
                                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    out = run(runner, "strategy", "show", "kuliner").output
    assert "(built-in kuliner)" in out and "instagram" in out
    bad = run(runner, "strategy", "show", "otomotif", ok=False)
    assert bad.exit_code == 1 and "unknown strategy 'otomotif'" in bad.output


def test_testimonial_output_is_spelled_output_and_the_old_out_still_works(runner: CliRunner, tmp_path: Path) -> None:
    new = run(runner, "testimonial", "quick", "--text", "Enak banget kak 😍", "--name", "Rina", "--output",
              str(tmp_path / "a.jpg")).output
    old = run(runner, "testimonial", "quick", "--text", "Mantap", "--out", str(tmp_path / "b.jpg")).output
    assert (tmp_path / "a.jpg").is_file() and (tmp_path / "b.jpg").is_file() and "a.jpg" in new and "b.jpg" in old
    assert "--out " not in run(runner, "testimonial", "quick", "--help").output  # the old spelling is hidden
    missing = run(runner, "testimonial", "quick", "--text", "x", ok=False)
    assert missing.exit_code == 2 and "--output" in missing.output


def test_json_on_commands_that_make_things_prints_the_ids(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    import json

    csv = tmp_path / "ulasan.csv"
    csv.write_text("text;name;rating\n\"Enak bgt kak,\nbakal order lagi 🤤\";Rina;5\nMantul;Budi;4\n", encoding="utf-8")
    data = json.loads(run(runner, "review", "import", str(csv), "--json", "-w", str(ws.root)).output)
    assert data["added"] == 2 and data["ids"] == ["R1", "R2"] and data["bad_rows"] == []
    out = run(runner, "testimonial", "render", "R2", "--json", "-o", str(tmp_path), "-w", str(ws.root)).output
    rendered = json.loads(out)
    assert rendered["reviews"] == ["R2"] and rendered["rendered"] == 1 and rendered["images"][0].endswith(".jpg")


@pytest.mark.parametrize(("shell", "marker"), [("bash", "complete -o nosort -F"), ("zsh", "#compdef contentkit"),
                                               ("fish", "complete --no-files --command contentkit")])
def test_shell_completion_scripts_exist_and_the_readme_says_how(runner: CliRunner, shell: str, marker: str) -> None:
    result = runner.invoke(cli, [], prog_name="contentkit", env={"_CONTENTKIT_COMPLETE": f"{shell}_source"})
    assert result.exit_code == 0 and marker in result.output
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    assert f"_CONTENTKIT_COMPLETE={shell}_source contentkit" in readme


def test_ugc_grant_and_repost_json_name_what_they_touched(runner: CliRunner, ws: Workspace) -> None:
    import json

    w = ("-w", str(ws.root))
    run(runner, "ugc", "add", "https://www.tiktok.com/@rina/video/7412", "--user", "rina", "--caption", "Enak!", *w)
    granted = json.loads(run(runner, "ugc", "grant", "U1", "--evidence", "WA: boleh kak", "--scope", "instagram,tiktok",
                             "--json", *w).output)
    assert granted["ugc_id"] == "U1" and granted["event"]["kind"] == "granted" and granted["skipped"] == []
    posted = json.loads(run(runner, "ugc", "repost", "U1", "--at", "1/12/2030 19.30", "--channel", "tiktok", "--json",
                            *w).output)
    assert posted["id"] == "P1" and posted["ugc_id"] == "U1" and posted["at"].startswith("2030-12-01T19:30:00")


def test_ugc_import_json_is_one_object_with_the_ids(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    import json

    found = tmp_path / "temuan.csv"
    found.write_text("platform,url,username,caption,taken_at\n"
                     "tiktok,https://www.tiktok.com/@rina/video/7412,rina,\"Enak bgt kak 🤤\nbakal order lagi\",1/12/2026 19.30\n",
                     encoding="utf-8")
    data = json.loads(run(runner, "ugc", "import", str(found), "--json", "-w", str(ws.root)).output)
    assert data["added"] == 1 and data["ids"] == ["U1"] and data["skipped"] == []


def test_doctor_takes_the_workspace_before_the_command_too(runner: CliRunner, ws: Workspace, tmp_path: Path,
                                                           monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)  # no workspace above here: only -w can find it
    result = runner.invoke(cli, ["-w", str(ws.root), "doctor"])
    assert result.exit_code == 0, result.output
