"""The store: atomic writes, batching, locking across processes, corruption."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from contentkit.errors import NotFoundError, StoreError
from contentkit.records import Idea
from contentkit.store import SCHEMA_VERSION, Store
from contentkit.workspace import Workspace


def test_save_gives_ids_and_round_trips(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    with store.transaction() as tx:
        saved = tx.save_many([Idea("a", "storytelling", "reel"), Idea("b", "promo", "live")])
    assert [i.id for i in saved] == ["I1", "I2"]
    again = store.read().all(Idea)
    assert [(i.id, i.text) for i in again] == [("I1", "a"), ("I2", "b")]
    data = json.loads((tmp_path / "db.json").read_text())
    assert data["_meta"]["1"]["schema"] == SCHEMA_VERSION


def test_ids_are_never_reused_after_removal(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    with store.transaction() as tx:
        tx.save_many([Idea("a", "storytelling", "reel"), Idea("b", "promo", "live")])
    with store.transaction() as tx:
        tx.delete(Idea, "I2")
    with store.transaction() as tx:
        new = tx.save(Idea("c", "promo", "live"))
    assert new.id == "I3"


def test_one_file_write_per_transaction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "db.json")
    writes = []
    original = store.file.write
    monkeypatch.setattr(store.file, "write", lambda data, sig: (writes.append(1), original(data, sig)))
    with store.transaction() as tx:
        for n in range(50):
            tx.save(Idea(f"idea {n}", "storytelling", "reel"))
    assert len(writes) == 1
    assert len(store.read().all(Idea)) == 50


def test_an_exception_inside_a_transaction_writes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    with store.transaction() as tx:
        tx.save(Idea("kept", "storytelling", "reel"))
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            tx.save(Idea("lost", "storytelling", "reel"))
            raise RuntimeError("boom")
    assert [i.text for i in store.read().all(Idea)] == ["kept"]


def test_previous_generation_is_kept_as_backup(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    with store.transaction() as tx:
        tx.save(Idea("first", "storytelling", "reel"))
    with store.transaction() as tx:
        tx.save(Idea("second", "storytelling", "reel"))
    backup = json.loads((tmp_path / "db.json.bak").read_text())
    assert [r["text"] for r in backup["ideas"].values()] == ["first"]


def test_corrupt_file_names_file_and_backup_and_is_not_overwritten(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    with store.transaction() as tx:
        tx.save(Idea("first", "storytelling", "reel"))
    with store.transaction() as tx:
        tx.save(Idea("second", "storytelling", "reel"))
    (tmp_path / "db.json").write_text('{"ideas": {"1": {"text": "fir')
    with pytest.raises(StoreError) as err:
        with store.transaction() as tx:
            tx.save(Idea("third", "storytelling", "reel"))
    message = str(err.value)
    assert "db.json is damaged (cut short" in message and "db.json.bak" in message and "\n" not in message
    assert (tmp_path / "db.json").read_text() == '{"ideas": {"1": {"text": "fir'


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    (tmp_path / "db.json").write_text(json.dumps({"_meta": {"1": {"schema": SCHEMA_VERSION + 1}}}))
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path / "db.json").read()


def test_unknown_id_says_how_to_list(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.json")
    with pytest.raises(NotFoundError, match="idea list"):
        store.read().get(Idea, "I99")


def test_corrupt_store_through_the_cli(ws: Workspace, runner) -> None:  # type: ignore[no-untyped-def]
    from contentkit.cli.main import cli

    ws.store.path.write_text("not json at all")
    result = runner.invoke(cli, ["idea", "list", "-w", str(ws.root)])
    assert result.exit_code == 1
    assert "is damaged" in result.output and "Traceback" not in result.output
    assert ws.store.path.read_text() == "not json at all"


_ADDER = """
import sys
from click.testing import CliRunner
from contentkit.cli.main import cli
runner = CliRunner()
for n in range(int(sys.argv[2])):
    result = runner.invoke(cli, ["idea", "add", f"{sys.argv[3]} {n}", "--pillar", "storytelling",
                                 "--format", "reel", "-w", sys.argv[1]])
    assert result.exit_code == 0, result.output
"""


def test_two_processes_adding_at_once_lose_nothing(ws: Workspace) -> None:
    """Two processes each run `contentkit idea add` 200 times at once: all 400 ideas survive."""
    procs = [
        subprocess.Popen([sys.executable, "-c", _ADDER, str(ws.root), "200", tag])
        for tag in ("left", "right")
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0
    ideas = ws.ideas.list()
    assert len(ideas) == 400
    assert len({i.id for i in ideas}) == 400
    assert sum(i.text.startswith("left") for i in ideas) == 200
