"""Every `contentkit` command in README.md's console blocks runs, in order, and prints what the README shows.

Like sqlite-utils' documentation tests: the README cannot drift from the CLI. A block's `$ cd DIR`
moves into DIR; lines after a command are its output (`...` stands for lines left out), compared
line by line with the workspace folder shown as /home/sari.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentkit import i18n
from contentkit.cli.main import cli

README = Path(__file__).resolve().parent.parent / "README.md"


def console_blocks(text: str) -> list[list[str]]:
    return [block.splitlines() for block in re.findall(r"```console\n(.*?)```", text, re.S)]


def steps(block: list[str]) -> list[tuple[list[str], list[str]]]:
    """(argv, shown output lines) per command.

    A block without `$ ` prompts is a one-line install-and-run chain: its `... && .venv/bin/contentkit ...`
    parts are the commands, with no output shown.
    """
    out: list[tuple[list[str], list[str]]] = []
    if not any(line.startswith("$ ") for line in block):
        for line in block:
            for part in line.split("&&"):
                argv = shlex.split(part)
                if argv and argv[0].endswith("contentkit"):
                    out.append((["contentkit", *argv[1:]], []))
        return out
    lines = iter(block)
    for line in lines:
        if line.startswith("$ "):
            command = line[2:]
            while command.endswith("\\"):
                command = command[:-1] + " " + next(lines).strip()
            out.append((shlex.split(command, comments=True), []))
        elif out:
            out[-1][1].append(line)
    return out


def test_the_readme_has_english_and_indonesian_sessions() -> None:
    text = README.read_text("utf-8")
    assert "## Mulai cepat" in text
    commands = [argv for block in console_blocks(text) for argv, _ in steps(block) if argv[:1] == ["contentkit"]]
    assert len(commands) >= 15
    assert {"init", "plan", "idea", "series", "post", "export"} <= {argv[1] for argv in commands}


def test_every_readme_command_runs_and_prints_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.ENV_VAR)
    runner = CliRunner()
    for number, block in enumerate(console_blocks(README.read_text("utf-8"))):
        home = tmp_path / f"block{number}"
        home.mkdir()
        monkeypatch.chdir(home)
        for argv, shown in steps(block):
            if argv[:1] == ["cd"]:
                monkeypatch.chdir(argv[1])
                continue
            if argv[:1] != ["contentkit"]:
                continue
            result = runner.invoke(cli, argv[1:], prog_name="contentkit")
            assert result.exit_code == 0, (argv, result.output)
            actual = result.output.replace(str(home), "/home/sari").splitlines()
            for line in shown:
                if line.strip() == "...":
                    continue
                assert line in actual, f"README shows {line!r} after `{shlex.join(argv)}`; the CLI printed:\n{result.output}"
