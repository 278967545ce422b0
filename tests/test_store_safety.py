"""Nothing lost, ever: a damaged, missing or newer store is refused with one line,
the backup is never overwritten by a file that did not load, and `doctor` recovers."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.doctor import doctor
from contentkit.errors import StoreError
from contentkit.records import Idea, Post, Review, UGCItem
from contentkit.store import Store
from contentkit.store_check import record_tables
from contentkit.workspace import Workspace


def two_generations(ws: Workspace) -> bytes:
    """A store with a backup: generation 1 (in .bak) holds 'Resep rendang nenek', generation 2 adds more."""
    ws.ideas.add("Resep rendang nenek 🍛", pillar="storytelling", format="reel")
    ws.ideas.add("Kuis: sambal favorit kakak?", pillar="interaction", format="story")
    return ws.store.backup_path.read_bytes()


def cli_run(runner: CliRunner, ws: Workspace, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, [*args, "-w", str(ws.root)])


def one_error_line(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code != 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output
    return str(lines[0])


def _good(ws: Workspace) -> dict:  # type: ignore[type-arg]
    return json.loads(ws.store.path.read_text(encoding="utf-8"))


def _with(data: dict, table: str, row: object) -> bytes:  # type: ignore[type-arg]
    data = json.loads(json.dumps(data))
    data.setdefault(table, {})["1"] = row
    return json.dumps(data).encode()


# Every way a store file turns up broken, and the phrase its refusal must hold.
def corruptions(ws: Workspace) -> dict[str, tuple[bytes, str]]:
    good = _good(ws)
    raw = ws.store.path.read_bytes()
    idea = good["ideas"]["1"]
    cases = {
        "empty": (b"", "is damaged (empty)"),
        "whitespace": (b"  \n\t\n", "is damaged (only blank space)"),
        "zero bytes": (b"\0" * 4096, "only zero bytes"),
        "truncated": (raw[: len(raw) // 2], "cut short"),
        "garbage": (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not UTF-8"),
        "not json": (b"ideas: rendang", "not valid JSON at line 1"),
        "a list": (b"[]", "a list instead of a table of tables"),
        "table is a list": (json.dumps({**good, "ideas": ["x"]}).encode(), 'table "ideas" is a list'),
        "table as in the issue": (json.dumps({"ideas": {"1": {"text": "x"}}}).encode(), "the idea has no 'format', 'pillar'"),
        "priority not a number": (_with(good, "ideas", {**idea, "priority": "tinggi"}), '"priority" is \'tinggi\', expected a whole number'),
        "created_at not a date": (_with(good, "ideas", {**idea, "created_at": "kemarin"}), '"created_at" is \'kemarin\''),
        "id mismatch": (_with(good, "ideas", {**idea, "id": "I7"}), "its id is 'I7'"),
        "year 1": (_with(good, "ideas", {**idea, "created_at": "0001-01-01T00:00:00+07:00"}), "from 1970 to 2100"),
        "year 9999": (_with(good, "ideas", {**idea, "created_at": "9999-12-31T23:00:00+07:00"}), "from 1970 to 2100"),
        "counter not a number": (json.dumps({**good, "_meta": {"1": {"schema": 1, "counters": {"ideas": "dua"}}}}).encode(), "id counters"),
        "newer schema": (json.dumps({**good, "_meta": {"1": {"schema": 99, "counters": {}}}}).encode(), "upgrade contentkit"),
    }
    # Each record table: a row that is text, and a row whose first required field has the wrong type.
    for table, cls in record_tables().items():
        cases[f"{table}: row is text"] = (_with(good, table, "rusak"), f'table "{table}", row 1: text instead of')
        spec_row = {"id": f"{cls.prefix}1"}
        cases[f"{table}: wrong type"] = (_with(good, table, spec_row), f'table "{table}", row 1: the {cls.noun} has no')
    return cases


def test_every_corruption_is_refused_backup_kept_and_doctor_restores(runner: CliRunner, tmp_path: Path) -> None:
    sample = Workspace.init(tmp_path / "contoh", brand="Contoh")
    two_generations(sample)
    names = list(corruptions(sample))
    assert len(names) >= 20
    for n, name in enumerate(names):
        ws = Workspace.init(tmp_path / f"toko{n}", brand="Dapur Bu Sari", sector="kuliner")
        backup = two_generations(ws)
        content, phrase = corruptions(ws)[name]
        ws.store.path.write_bytes(content)
        listed = one_error_line(cli_run(runner, ws, "idea", "list"))
        assert phrase in listed, (name, listed)
        assert str(ws.store.path) in listed, name
        if name != "newer schema":
            assert "contentkit doctor --restore" in listed, (name, listed)
        one_error_line(cli_run(runner, ws, "idea", "add", "Promo gajian", "--pillar", "promo", "--format", "image"))
        assert ws.store.path.read_bytes() == content, name  # never rewritten
        assert ws.store.backup_path.read_bytes() == backup, name  # the last good generation, byte for byte
        checked = cli_run(runner, ws, "doctor")
        assert checked.exit_code == 1 and "PROBLEM  store" in checked.output, (name, checked.output)
        restored = cli_run(runner, ws, "doctor", "--restore")
        assert restored.exit_code == 0, (name, restored.output)
        assert "put the backup back" in restored.output
        assert [i.text for i in ws.ideas.list()] == ["Resep rendang nenek 🍛"], name
        aside = list(ws.store.path.parent.glob("contentkit.db.damaged-*"))
        assert len(aside) == 1 and aside[0].read_bytes() == content, name  # the damaged file is kept, not deleted


def test_a_deleted_store_with_a_backup_is_refused_never_restarted_empty(runner: CliRunner, ws: Workspace) -> None:
    backup = two_generations(ws)
    ws.store.path.unlink()
    line = one_error_line(cli_run(runner, ws, "idea", "list"))
    assert "is missing but its backup contentkit.db.bak is there" in line and "doctor --restore" in line
    one_error_line(cli_run(runner, ws, "idea", "add", "x", "--pillar", "promo", "--format", "image"))
    one_error_line(cli_run(runner, ws, "idea", "add", "y", "--pillar", "promo", "--format", "image"))
    assert ws.store.backup_path.read_bytes() == backup
    # init --force rewrites the settings but must not bury the backup under an empty store
    assert runner.invoke(cli, ["init", str(ws.root), "--brand", "Dapur Bu Sari", "--force"]).exit_code == 0
    assert not ws.store.path.exists() and ws.store.backup_path.read_bytes() == backup
    assert cli_run(runner, ws, "doctor", "--restore").exit_code == 0
    assert [i.text for i in ws.ideas.list()] == ["Resep rendang nenek 🍛"]


def test_a_deleted_store_without_backup_says_how_to_start_empty(runner: CliRunner, ws: Workspace) -> None:
    ws.ideas.add("Resep rendang nenek", pillar="storytelling", format="reel")
    ws.store.path.unlink()
    ws.store.backup_path.unlink()
    line = one_error_line(cli_run(runner, ws, "idea", "list"))
    assert "missing" in line and "contentkit doctor --reset" in line
    one_error_line(cli_run(runner, ws, "doctor", "--restore"))
    result = cli_run(runner, ws, "doctor", "--reset")
    assert result.exit_code == 0, result.output
    assert cli_run(runner, ws, "idea", "list").exit_code == 0


def test_reset_sets_damaged_files_aside_and_refuses_when_a_backup_loads(runner: CliRunner, ws: Workspace) -> None:
    two_generations(ws)
    ws.store.path.write_bytes(b"")
    line = one_error_line(cli_run(runner, ws, "doctor", "--reset"))
    assert "the backup" in line and "--restore" in line
    ws.store.backup_path.write_bytes(b"{broken")
    assert cli_run(runner, ws, "doctor", "--reset").exit_code == 0
    names = sorted(p.name.split("-")[0] for p in ws.store.path.parent.glob("contentkit.db.damaged*"))
    assert names == ["contentkit.db.damaged", "contentkit.db.damaged"]
    assert ws.ideas.list() == []


def test_restore_refuses_a_healthy_store(runner: CliRunner, ws: Workspace) -> None:
    two_generations(ws)
    line = one_error_line(cli_run(runner, ws, "doctor", "--restore"))
    assert "loads fine" in line
    assert len(ws.ideas.list()) == 2


def test_a_fresh_init_still_works_and_doctor_is_happy(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(cli, ["init", str(tmp_path / "baru"), "--brand", "Toko Baru"]).exit_code == 0
    result = runner.invoke(cli, ["doctor", "-w", str(tmp_path / "baru")])
    assert result.exit_code == 0, result.output
    assert "PROBLEM" not in result.output


def test_a_file_changed_while_a_command_ran_is_not_rotated_into_the_backup(ws: Workspace) -> None:
    backup = two_generations(ws)
    with pytest.raises(StoreError, match="changed by something else"):
        with ws.store.transaction() as tx:
            tx.save(Idea("Live jualan jam 8", "promo", "live"))
            ws.store.path.write_text("{}")  # a hand edit, a restore, a sync tool...
    assert ws.store.path.read_text() == "{}"
    assert ws.store.backup_path.read_bytes() == backup


def _orphan(folder: Path, name: str, age_s: float) -> Path:
    p = folder / name
    p.write_bytes(b'{"ideas": {"1": ')
    t = time.time() - age_s
    os.utime(p, (t, t))
    return p


def test_orphan_temp_files_are_cleaned_by_the_next_write_but_not_newer_ones(ws: Workspace) -> None:
    data = ws.store.path.parent
    old = _orphan(data, ".contentkit.db.k3j2l1.tmp", 600)
    old_bak = _orphan(data, "contentkit.db.bak.tmp", 600)
    newer = _orphan(data, ".contentkit.db.zz9.tmp", -600)  # a live writer's, as far as we can tell
    other = _orphan(data, ".collect-state.json.abc.tmp", 600)  # not the store's
    ws.ideas.add("Behind the scenes dapur", pillar="storytelling", format="reel")
    assert not old.exists() and not old_bak.exists()
    assert newer.exists() and other.exists()


def test_doctor_finds_and_cleans_orphans(runner: CliRunner, ws: Workspace) -> None:
    _orphan(ws.store.path.parent, ".contentkit.db.k3j2l1.tmp", 600)
    found = cli_run(runner, ws, "doctor")
    assert found.exit_code == 1 and "1 temp file left by interrupted writes" in found.output
    assert "doctor --clean" in found.output
    cleaned = cli_run(runner, ws, "doctor", "--clean")
    assert cleaned.exit_code == 0, cleaned.output
    assert "removed 1 temp file left" in cleaned.output
    assert not list(ws.store.path.parent.glob(".contentkit.db.*.tmp"))


def test_doctor_reports_config_media_limits_and_consent(runner: CliRunner, ws: Workspace) -> None:
    ws.media_dir.rmdir()
    cfg = ws.root / "contentkit.toml"
    cfg.write_text(cfg.read_text().replace("[handles]", "[handles]\nyoutube = \"dapurbusari\""))
    with ws.store.transaction() as tx:
        item = tx.save(UGCItem("instagram", "https://www.instagram.com/p/DRina01/", "rina.kitchen"))
        tx.save(Post(at=__import__("pendulum").datetime(2026, 12, 9, 19, 30, tz="Asia/Jakarta"), channel="instagram",
                     format="carousel", pillar="social_proof", title="Repost Rina", ugc_id=item.id,
                     hashtags=[f"tag{n}" for n in range(9)]))
        tx.originals.clear()  # a repost without a grant, as a hand-edited store holds it (every route refuses it)
    report = doctor(ws.root)
    problems = {f.part: f.message for f in report.problems()}
    assert set(problems) == {"config", "media", "limits", "consent"}, problems
    assert "youtube" in problems["config"] and "line" in problems["config"]
    assert "mkdir" in problems["media"]
    assert problems["consent"].startswith("P1: ")
    result = cli_run(runner, ws, "doctor")
    assert result.exit_code == 1 and "PROBLEM  consent" in result.output


def test_doctor_works_when_the_settings_are_broken(runner: CliRunner, ws: Workspace) -> None:
    cfg = ws.root / "contentkit.toml"
    cfg.write_text(cfg.read_text().replace("consent_expiry_days = 14", "consent_expiry_days = true"))
    result = cli_run(runner, ws, "doctor")
    assert result.exit_code == 1
    assert "PROBLEM  config" in result.output and "consent_expiry_days" in result.output
    assert "ok       store" in result.output


def test_a_store_of_every_record_type_passes_its_own_check(ws: Workspace) -> None:
    """What the library writes, the check accepts: reviews with dates, series, consent events."""
    from contentkit.demo import seed_demo

    seed_demo(ws)
    ws.reviews.add("Enak bgt kak, pedesnya pas 🔥\nPengiriman cepet", name="Rina", rating=5, date="2026-12-01")
    store = Store(ws.store.path)
    tx = store.read()
    assert tx.all(Review) and tx.all(Idea)


_CRASHER = """
import os, sys, tempfile
from contentkit import atomic, store_file
from contentkit.workspace import Workspace

root, step = sys.argv[1], sys.argv[2]
ws = Workspace.open(root)
store = str(ws.store.path)

def die(*args, **kwargs):
    os._exit(17)

real_replace = os.replace
def replace(src, dst, *args, **kwargs):
    if (step == "during backup rotation" and str(dst).endswith(".bak")) or (
        step == "after rotation, before rename" and str(dst) == store):
        die()
    return real_replace(src, dst, *args, **kwargs)

if step == "before temp":
    tempfile.mkstemp = die
elif step == "after temp write":
    os.fsync = die
elif step == "after fsync":
    os.link = die
elif step == "after rename":
    atomic._fsync_dir = die
elif step == "cleaning orphans":
    store_file.StoreFile.clean_orphans = die
os.replace = replace
ws.ideas.add("Ide baru yang mungkin hilang", pillar="promo", format="image")
os._exit(0)
"""

CRASH_STEPS = ["before temp", "after temp write", "after fsync", "during backup rotation",
               "after rotation, before rename", "after rename", "cleaning orphans"]


@pytest.mark.parametrize("step", CRASH_STEPS)
def test_a_writer_killed_at_any_step_loses_nothing_committed(ws: Workspace, step: str) -> None:
    import subprocess
    import sys

    two_generations(ws)
    committed = ["Resep rendang nenek 🍛", "Kuis: sambal favorit kakak?"]
    done = subprocess.run([sys.executable, "-c", _CRASHER, str(ws.root), step], capture_output=True, timeout=120)
    assert done.returncode == 17, done.stderr.decode()  # it really died at that step
    texts = [i.text for i in ws.ideas.list()]  # the store loads...
    assert texts[:2] == committed and len(texts) in (2, 3)
    Store(ws.store.backup_path).read()  # ...and so does the backup
    if step in ("after rename", "cleaning orphans"):
        assert len(texts) == 3  # renamed = committed
    if step in ("after temp write", "after fsync", "during backup rotation", "after rotation, before rename"):
        assert list(ws.store.path.parent.glob(".contentkit.db.*.tmp"))  # the crash left its temp file
    ws.ideas.add("Berikutnya", pillar="promo", format="image")  # the next write works and sweeps leftovers
    data = ws.store.path.parent
    assert not list(data.glob(".contentkit.db.*.tmp")) and not (data / "contentkit.db.bak.tmp").exists()
    assert [i.text for i in ws.ideas.list()][-1] == "Berikutnya"


@pytest.mark.parametrize("at", ["0001-01-01T00:00:00+07:00", "9999-12-31T23:00:00+07:00"])
def test_a_stored_post_outside_1970_2100_is_one_line_everywhere(runner: CliRunner, ws: Workspace, tmp_path: Path, at: str) -> None:
    data = _good(ws)
    data["posts"] = {"1": {"at": at, "channel": "instagram", "format": "image", "pillar": "promo", "title": "x", "id": "P1"}}
    ws.store.path.write_text(json.dumps(data), encoding="utf-8")
    for args in (["post", "list"], ["export", "ics", "-o", str(tmp_path / "x.ics")], ["calendar", "-o", str(tmp_path / "x.html")],
                 ["report"]):
        line = one_error_line(cli_run(runner, ws, *args))
        assert f"'{at}', expected a date and time (ISO 8601) from 1970 to 2100" in line, args
