"""`contentkit doctor`: look a workspace over, and put a damaged store right.

`doctor()` checks, in order, the store, its backup, contentkit.toml, the media
folder, temp files left by interrupted writes, and the posts (platform limits,
and consent through the one gate). Each check gives one `Finding`. It works on
a workspace whose store or settings are broken, since that is when it is needed.

Repairs are explicit and never delete anything:

- `restore=True` sets a damaged store aside as `contentkit.db.damaged-<time>`
  and puts the backup back;
- `reset=True` sets a damaged store (and damaged backup) aside and starts an
  empty store, for a store deleted with no backup;
- `clean=True` removes temp files older than this run (no live writer's).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ContentkitError, StoreError
from .store import Store
from .store_file import StoreFile

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["Finding", "DoctorReport", "doctor"]


@dataclass(frozen=True)
class Finding:
    """One thing doctor looked at: which part, whether it is fine, and what it found."""

    part: str  # store | backup | config | media | temp files | limits | consent
    ok: bool
    message: str


@dataclass
class DoctorReport:
    """What doctor found, and what it repaired when asked to."""

    root: Path
    findings: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def problems(self) -> list[Finding]:
        return [f for f in self.findings if not f.ok]


def doctor(
    path: str | os.PathLike[str] | None = None, *, restore: bool = False, reset: bool = False, clean: bool = False
) -> DoctorReport:
    """Check the workspace at `path` (found as usual when None); repair first when asked.

    Repairs run before the checks, so the report shows the state they left.

    >>> report = doctor("toko")                     # doctest: +SKIP
    >>> [f.message for f in report.problems()]       # doctest: +SKIP
    ['data/contentkit.db is damaged (empty); ...']
    """
    from .workspace import DB_NAME, Workspace

    started = time.time()
    root = Workspace.find(path)
    report = DoctorReport(root)
    store = Store(root / DB_NAME, must_exist=True)
    if restore and reset:
        raise StoreError("--restore and --reset do opposite things; give one of them")
    if restore or reset or clean:
        with store.locked():
            if restore:
                aside = store.file.restore()
                kept = f"; the damaged file is kept as {aside.name}" if aside else ""
                report.repaired.append(f"put the backup back as {store.path.name}{kept}")
            if reset:
                moved = store.file.reset()
                kept = f"; set aside: {', '.join(p.name for p in moved)}" if moved else ""
                report.repaired.append(f"started an empty {store.path.name}{kept}")
            if clean:
                removed = store.file.clean_orphans(started)
                report.repaired.append(f"removed {len(removed)} temp file(s) left by interrupted writes")
    store_ok = _check_store(store, report)
    _check_backup(store.file, report)
    config_ok = _check_config(root, report)
    _check_temp_files(store.file, started, report)
    if config_ok:
        ws = Workspace.open(root)
        _check_media(ws, report)
        if store_ok:
            _check_posts(ws, report)
    return report


def _rel(root: Path, p: Path) -> str:
    try:
        return str(p.relative_to(root))
    except ValueError:
        return str(p)


def _check_store(store: Store, report: DoctorReport) -> bool:
    try:
        data = store.file.load().data
    except ContentkitError as exc:
        report.findings.append(Finding("store", False, str(exc)))
        return False
    counts = {name: len(rows) for name, rows in data.items() if not name.startswith("_") and rows}
    what = ", ".join(f"{n} {name}" for name, n in sorted(counts.items())) or "no records yet"
    report.findings.append(Finding("store", True, f"{_rel(report.root, store.path)} loads: {what}"))
    return True


def _check_backup(file: StoreFile, report: DoctorReport) -> None:
    name = _rel(report.root, file.backup)
    if not file.backup.exists():
        report.findings.append(Finding("backup", True, f"{name}: none yet (kept from the second save on)"))
        return
    try:
        file.parse(file.backup)
    except ContentkitError as exc:
        report.findings.append(Finding("backup", False, str(exc)))
        return
    saved = time.strftime("%Y-%m-%d %H:%M", time.localtime(file.backup.stat().st_mtime))
    report.findings.append(Finding("backup", True, f"{name} loads (the generation before the last save, from {saved})"))


def _check_config(root: Path, report: DoctorReport) -> bool:
    from .config import load_config
    from .workspace import CONFIG_NAME

    try:
        config = load_config(root / CONFIG_NAME)
    except ContentkitError as exc:
        report.findings.append(Finding("config", False, str(exc)))
        return False
    for warning in config.warnings:
        report.findings.append(Finding("config", False, warning))
    if not config.warnings:
        report.findings.append(Finding("config", True, f"{CONFIG_NAME} is valid"))
    return True


def _check_media(ws: Workspace, report: DoctorReport) -> None:
    media = ws.media_dir
    name = _rel(ws.root, media)
    if not media.exists():
        report.findings.append(Finding("media", False, f"media folder {name} is missing; create it with `mkdir {name}`"))
    elif not media.is_dir():
        report.findings.append(Finding("media", False, f"{name} is a file, not the media folder; move it away"))
    elif not os.access(media, os.W_OK | os.X_OK):
        report.findings.append(Finding("media", False, f"media folder {name} is not writable; check its permissions"))
    else:
        report.findings.append(Finding("media", True, f"media folder {name} is there and writable"))


def _check_temp_files(file: StoreFile, started: float, report: DoctorReport) -> None:
    orphans = file.orphans(started)
    if not orphans:
        report.findings.append(Finding("temp files", True, "no temp files left by interrupted writes"))
        return
    size = sum(p.stat().st_size for p in orphans if p.exists())
    report.findings.append(Finding(
        "temp files", False,
        f"{len(orphans)} temp file(s) left by interrupted writes ({size / 1e6:.1f} MB) in {_rel(report.root, file.path.parent)}; "
        "run `contentkit doctor --clean` to remove them",
    ))


def _check_posts(ws: Workspace, report: DoctorReport) -> None:
    from .records import Post

    violations = ws.post_book.check()
    for v in violations:
        report.findings.append(Finding("limits", False, f"{v.post_id} ({v.channel}): {v.message}"))
    if not violations:
        report.findings.append(Finding("limits", True, "every post is within its platform's limits"))
    tx = ws.store.read()
    blocked = ws.consent.gate(snapshot=tx).blocked(tx.all(Post))
    for post, decision in blocked:
        report.findings.append(Finding("consent", False, f"{post.id}: {decision.reason}"))
    if not blocked:
        report.findings.append(Finding("consent", True, "every planned post with customer content has consent"))

