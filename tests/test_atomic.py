"""Atomic writes: no half-written file, normal permissions, nothing left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from contentkit.atomic import write_atomic


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_files_get_the_umask_default_not_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "plan.html", "<p>halo</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text("{}")
    path.chmod(0o600)
    write_atomic(path, "{\"a\": 1}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text() == '{"a": 1}'


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("lama")

    def boom() -> None:
        raise RuntimeError("crash before the rename")

    with pytest.raises(RuntimeError):
        write_atomic(path, "baru", before_replace=boom)
    assert path.read_text() == "lama"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]
