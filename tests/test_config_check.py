"""contentkit.toml is checked key by key: a wrong type or range is one line with the
key, its line and what it must be; an unknown key is a warning; media stays inside."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.config import load_config
from contentkit.errors import ConfigError
from contentkit.workspace import Workspace


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# (what the issue tried, replacement of a line of the generated file, the phrase of the refusal)
WRONG = [
    ("expiry far too large", "consent_expiry_days = 1000000000000", "[brand] consent_expiry_days must be a whole number of days from 1 to 3650, not 1000000000000"),
    ("expiry true", "consent_expiry_days = true", "[brand] consent_expiry_days must be a whole number of days from 1 to 3650, not true"),
    ("expiry text", 'consent_expiry_days = "14"', 'consent_expiry_days must be a whole number of days from 1 to 3650, not "14"'),
    ("hashtags five", 'instagram_max_hashtags = "five"', '[limits] instagram_max_hashtags must be a whole number from 0 to 30, not "five"'),
    ("hashtags -1", "instagram_max_hashtags = -1", "[limits] instagram_max_hashtags must be a whole number from 0 to 30, not -1"),
    ("hashtags float", "instagram_max_hashtags = 5.5", "instagram_max_hashtags must be a whole number"),
    ("handle list", "instagram = [1, 2]", "[handles] instagram must be text in quotes, not [1, 2]"),
    ("brand hashtags numbers", "hashtags = [1, 2]", '[brand] hashtags must be a list of text, e.g. ["dapurbusari"], not [1, 2]'),
    ("brand name number", "name = 5", "[brand] name must be text in quotes, not 5"),
    ("logo table", "logo = { path = 'x' }", "[brand_kit] logo must be text in quotes, not a section"),
    ("timezone unknown", 'timezone = "Asia/Jkt"', "[brand] timezone is wrong"),
    ("sector unknown", 'sector = "otomotif"', "[brand] sector is wrong"),
    ("media outside", 'folder = "../luar"', '[media] folder must be a folder inside the workspace, e.g. "media", not "../luar"'),
    ("media absolute", 'folder = "/etc"', "[media] folder must be a folder inside the workspace"),
    ("media is data", 'folder = "data"', "[media] folder must not be the data folder"),
]


@pytest.mark.parametrize("case", WRONG, ids=[c[0] for c in WRONG])
def test_a_wrong_value_is_one_line_with_key_line_and_type(runner: CliRunner, ws: Workspace, case: tuple[str, str, str]) -> None:
    _, new_line, phrase = case
    cfg = ws.root / "contentkit.toml"
    key = new_line.split("=")[0].strip()
    text = cfg.read_text(encoding="utf-8")
    text = re.sub(rf"(?m)^{re.escape(key)} = .*$", lambda _: new_line, text, count=1)
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    message = str(err.value)
    assert phrase in message, message
    assert f"contentkit.toml, line {line_of(text, new_line)}: " in message
    result = runner.invoke(cli, ["idea", "list", "-w", str(ws.root)])
    assert result.exit_code == 1
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and phrase in lines[0], result.output


@pytest.mark.parametrize("top", ['brand = "x"', 'media = "x"', "handles = [1, 2]"])
def test_a_section_given_as_a_value_is_named(ws: Workspace, top: str) -> None:
    cfg = ws.root / "contentkit.toml"
    name = top.split()[0]
    text = re.sub(rf"(?ms)^\[{name}\]\n.*?(?=^\[|\Z)", "", cfg.read_text(encoding="utf-8"))
    cfg.write_text(top + "\n" + text, encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"line 1: {name} must be a section \[{name}\]"):
        load_config(cfg)


def test_unknown_keys_and_sections_are_warnings_naming_them(runner: CliRunner, ws: Workspace) -> None:
    cfg = ws.root / "contentkit.toml"
    text = cfg.read_text(encoding="utf-8").replace("[brand]\n", "[brand]\ntimezon = \"Asia/Makassar\"\n")
    cfg.write_text(text + "\n[instagram]\nlogin = \"x\"\n", encoding="utf-8")
    config = load_config(cfg)
    assert len(config.warnings) == 2
    assert f"line {line_of(text, 'timezon =')}: unknown key [brand] 'timezon' is ignored" in config.warnings[0]
    assert "unknown section [instagram]" in config.warnings[1]
    result = runner.invoke(cli, ["idea", "list", "-w", str(ws.root)])
    assert result.exit_code == 0 and "warning:" in result.output and "'timezon'" in result.output


def test_keys_other_parts_use_are_known(ws: Workspace) -> None:
    cfg = ws.root / "contentkit.toml"
    text = cfg.read_text(encoding="utf-8").replace("[campaigns]\n", '[campaigns]\ncourier_cutoff = "2027-03-03"\nreopen = "2027-03-16"\n')
    cfg.write_text('workspace_id = "b7c1d2"\n' + text.replace('workspace_id = "', '# workspace_id = "'), encoding="utf-8")
    config = load_config(cfg)
    assert config.warnings == []
    assert config.workspace_id == "b7c1d2" and config.campaigns["courier_cutoff"] == "2027-03-03"


def test_a_freshly_written_config_is_clean(ws: Workspace) -> None:
    assert load_config(ws.root / "contentkit.toml").warnings == []
