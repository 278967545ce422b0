"""What every export shares: checking the target path, writing it atomically,
and reading a post's time on the workspace's wall clock.

An export never leaves half a file behind: it writes a temporary file next to
the target and renames it over the target in one step.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pendulum

from ..i18n import _
from .. import atomic
from ..errors import InputError

__all__ = ["check_target", "write_atomic", "local_time", "http_urls"]


def check_target(path: str | os.PathLike[str]) -> Path:
    """The export path as a Path, or InputError when it cannot be written.

    Checked before anything is written, so a typo in the folder leaves no file.

    >>> check_target("/no/such/folder/plan.ics")
    Traceback (most recent call last):
    ...
    contentkit.errors.InputError: folder /no/such/folder does not exist; create it or choose another path
    """
    target = Path(path).expanduser()
    if str(path).strip() == "":
        raise InputError(_("the export path is empty; give a file name with -o, e.g. -o plan.ics"))
    folder = target.parent
    if not folder.is_dir():
        raise InputError(_("folder {folder} does not exist; create it or choose another path").format(folder=folder))
    if target.is_dir():
        raise InputError(_("{target} is a folder; give a file name inside it, e.g. {value}").format(target=target, value=target / 'plan'))
    return target


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` atomically, after checking its folder exists."""
    return atomic.write_atomic(check_target(path), data)


def local_time(at: datetime, tz: str) -> pendulum.DateTime:
    """`at` on the wall clock of `tz` (the workspace timezone).

    >>> local_time(pendulum.datetime(2026, 12, 9, 12, tz="UTC"), "Asia/Makassar").isoformat()
    '2026-12-09T20:00:00+08:00'
    """
    return pendulum.instance(at).in_timezone(tz)


def http_urls(assets: list[str]) -> list[str]:
    """The assets that are web links (schedulers fetch media by URL, not from disk)."""
    return [a.strip() for a in assets if a.strip().lower().startswith(("http://", "https://"))]
