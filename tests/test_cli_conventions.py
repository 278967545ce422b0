"""The conventions people expect from a command-line tool (gh, httpx, sqlite-utils are the models)."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

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
