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
from .i18n import N_, _, ngettext
from .store import Store
from .store_file import StoreFile

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["Finding", "DoctorReport", "doctor", "PARTS"]

# The parts doctor looks at, as keys; shown translated.
PARTS = (N_("store"), N_("backup"), N_("config"), N_("media"), N_("temp files"), N_("limits"), N_("consent"))
# The store's tables as the counts name them.
_TABLE_WORDS = {"posts": N_("posts"), "ideas": N_("ideas"), "series": N_("series"), "ugc": N_("customer posts"),
                "consent": N_("consent events"), "reviews": N_("reviews"), "review_requests": N_("review requests"),
                "campaigns": N_("campaigns"), "lives": N_("live sessions"), "promos": N_("promos")}


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
        raise StoreError(_("--restore and --reset do opposite things; give one of them"))
    if restore or reset or clean:
        with store.locked():
            if restore:
                aside = store.file.restore()
                if aside:
                    report.repaired.append(_("put the backup back as {name}; the damaged file is kept as {aside}").format(
                        name=store.path.name, aside=aside.name))
                else:
                    report.repaired.append(_("put the backup back as {name}").format(name=store.path.name))
            if reset:
                moved = store.file.reset()
                if moved:
                    report.repaired.append(_("started an empty {name}; set aside: {moved}").format(
                        name=store.path.name, moved=", ".join(p.name for p in moved)))
                else:
                    report.repaired.append(_("started an empty {name}").format(name=store.path.name))
            if clean:
                removed = store.file.clean_orphans(started)
                report.repaired.append(ngettext("removed {n} temp file left by interrupted writes",
                                                "removed {n} temp files left by interrupted writes", len(removed)).format(n=len(removed)))
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
    what = ", ".join(f"{n} {_table_word(name)}" for name, n in sorted(counts.items())) or _("no records yet")
    report.findings.append(Finding("store", True, _("{path} loads: {what}").format(path=_rel(report.root, store.path), what=what)))
    return True


def _table_word(name: str) -> str:
    return _(_TABLE_WORDS[name]) if name in _TABLE_WORDS else name


def _check_backup(file: StoreFile, report: DoctorReport) -> None:
    name = _rel(report.root, file.backup)
    if not file.backup.exists():
        report.findings.append(Finding("backup", True, _("{name}: none yet (kept from the second save on)").format(name=name)))
        return
    try:
        file.parse(file.backup)
    except ContentkitError as exc:
        report.findings.append(Finding("backup", False, str(exc)))
        return
    saved = time.strftime("%Y-%m-%d %H:%M", time.localtime(file.backup.stat().st_mtime))
    report.findings.append(Finding("backup", True, _("{name} loads (the generation before the last save, from {saved})").format(
        name=name, saved=saved)))


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
        report.findings.append(Finding("config", True, _("{name} is valid").format(name=CONFIG_NAME)))
    return True


def _check_media(ws: Workspace, report: DoctorReport) -> None:
    media = ws.media_dir
    name = _rel(ws.root, media)
    if not media.exists():
        report.findings.append(Finding("media", False, _("media folder {name} is missing; create it with `mkdir {name}`").format(name=name)))
    elif not media.is_dir():
        report.findings.append(Finding("media", False, _("{name} is a file, not the media folder; move it away").format(name=name)))
    elif not os.access(media, os.W_OK | os.X_OK):
        report.findings.append(Finding("media", False, _("media folder {name} is not writable; check its permissions").format(name=name)))
    else:
        report.findings.append(Finding("media", True, _("media folder {name} is there and writable").format(name=name)))


def _check_temp_files(file: StoreFile, started: float, report: DoctorReport) -> None:
    orphans = file.orphans(started)
    if not orphans:
        report.findings.append(Finding("temp files", True, _("no temp files left by interrupted writes")))
        return
    size = sum(p.stat().st_size for p in orphans if p.exists())
    report.findings.append(Finding(
        "temp files", False,
        ngettext("{n} temp file left by interrupted writes ({size} MB) in {folder}; run `contentkit doctor --clean` to remove it",
                 "{n} temp files left by interrupted writes ({size} MB) in {folder}; run `contentkit doctor --clean` to remove them",
                 len(orphans)).format(n=len(orphans), size=f"{size / 1e6:.1f}", folder=_rel(report.root, file.path.parent)),
    ))


def _check_posts(ws: Workspace, report: DoctorReport) -> None:
    from .records import Post

    violations = ws.post_book.check()
    for v in violations:
        report.findings.append(Finding("limits", False, f"{v.post_id} ({v.channel}): {v.message}"))
    if not violations:
        report.findings.append(Finding("limits", True, _("every post is within its platform's limits")))
    tx = ws.store.read()
    blocked = ws.consent.gate(snapshot=tx).blocked(tx.all(Post))
    for post, decision in blocked:
        report.findings.append(Finding("consent", False, f"{post.id}: {decision.reason}"))
    if not blocked:
        report.findings.append(Finding("consent", True, _("every planned post with customer content has consent")))

