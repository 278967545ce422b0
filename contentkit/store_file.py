"""The store's file on disk: reading it only when it is whole, writing it without burying a good copy.

Rules this module keeps, whatever the file holds:

- a file is trusted only after it parsed and passed `store_check.check_data`;
  empty, cut short, garbled, wrong-shaped or newer-versioned files are refused
  with one line naming the file, what is wrong and the command that recovers;
- only a file that loaded is ever rotated into `<file>.bak`: the write checks
  that the file on disk is still the one that was loaded;
- a missing file next to a `.bak` is a deleted store, never a new empty one;
- temp files a crashed writer left (`.<file>.*.tmp`) are removed by the next
  successful write, under the store's lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .bulk import collector_paused
from .errors import InputError, StoreError, os_reason
from .i18n import _
from .store_check import StoreProblem, check_data

__all__ = ["StoreFile", "Loaded", "SCHEMA_VERSION", "RESTORE_HINT", "RESET_HINT"]

SCHEMA_VERSION = 1
META = "_meta"
RESTORE_HINT = "contentkit doctor --restore"
RESET_HINT = "contentkit doctor --reset"

# (inode, size, mtime in ns): enough to tell "the file we loaded" from "a file put there since".
Signature = tuple[int, int, int] | None


@dataclass(frozen=True)
class Loaded:
    """A store file's checked content and the signature of the file it came from."""

    data: dict[str, dict[str, Any]]
    signature: Signature


class Damaged(StoreError):
    """The store file is there but cannot be trusted (empty, garbled, wrong shape)."""


class Missing(StoreError):
    """The store file of an initialised workspace is gone."""


def _signature(path: Path) -> Signature:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


class StoreFile:
    """One store file, its backup and its temp files."""

    def __init__(self, path: str | os.PathLike[str], *, must_exist: bool = False) -> None:
        self.path = Path(path)
        self.backup = self.path.with_name(self.path.name + ".bak")
        self.must_exist = must_exist

    # -- reading -----------------------------------------------------------
    def load(self, *, fresh_ok: bool = False) -> Loaded:
        """The checked content, `{}` for a store not made yet, or a one-line StoreError."""
        sig = _signature(self.path)
        if sig is None:
            if self.backup.exists():
                raise Missing(
                    _("{path} is missing but its backup {backup} is there; run `{hint}` to put the backup back").format(
                        path=self.path, backup=self.backup.name, hint=RESTORE_HINT)
                )
            if self.must_exist and not fresh_ok:
                raise Missing(
                    _("{path} is missing (deleted?) and there is no backup; if you meant to start over, "
                      "run `{hint}` to start an empty store").format(path=self.path, hint=RESET_HINT)
                )
            return Loaded({}, None)
        data = self.parse(self.path)
        return Loaded(data, sig)

    def parse(self, path: Path) -> dict[str, dict[str, Any]]:
        """Read and check `path` (the store or its backup); Damaged says what is wrong."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise StoreError(_("cannot read {path}: {error}; check the file's permissions").format(path=path, error=os_reason(exc))) from None
        problem = None
        data: Any = None
        # Parsing and checking build and drop millions of objects; pausing the cyclic GC
        # (which would keep re-scanning the growing heap) halves the open of a large store.
        try:
            with collector_paused():
                data = _parse(_text(raw))
                del raw
                check_data(data)
        except StoreProblem as exc:
            problem = str(exc)
        if problem is not None:
            raise Damaged(_("{path} {problem}; it was not changed: {what_to_do}").format(
                path=path, problem=problem, what_to_do=self._recovery(path)))
        version = data.get(META, {}).get("1", {}).get("schema", SCHEMA_VERSION)
        if version > SCHEMA_VERSION:  # check_data made sure it is a whole number
            raise StoreError(
                _("{path} has schema version {version}, newer than this contentkit understands "
                  "({known}); upgrade contentkit with `pip install -U contentkit`").format(
                    path=path, version=version, known=SCHEMA_VERSION)
            )
        result: dict[str, dict[str, Any]] = data
        return result

    def _recovery(self, broken: Path) -> str:
        if broken == self.backup:
            return _("fix it by hand, or run `{hint}` to set it aside and start an empty store").format(hint=RESET_HINT)
        if not self.backup.exists():
            return _("there is no backup: fix it by hand, or run `{hint}` to set it aside and start an empty store").format(hint=RESET_HINT)
        try:
            self.parse(self.backup)
        except StoreError:
            return _("its backup {backup} is damaged too: fix one by hand, "
                     "or run `{hint}` to set both aside and start an empty store").format(backup=self.backup.name, hint=RESET_HINT)
        saved = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.backup.stat().st_mtime))
        return _("run `{hint}` to put back the backup ({backup}, from {saved})").format(
            hint=RESTORE_HINT, backup=self.backup.name, saved=saved)

    # -- writing -----------------------------------------------------------
    def write(self, data: dict[str, dict[str, Any]], loaded_from: Signature) -> None:
        """Replace the file with `data`, keeping the loaded generation as `.bak`.

        `loaded_from` is the signature the caller loaded; if the file changed
        since (a hand edit, a restore), nothing is written or rotated.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except UnicodeEncodeError:
            # Text decoded with surrogateescape (bytes that were not UTF-8) cannot be stored.
            raise InputError(_("some text holds bytes that are not UTF-8 (a broken character); retype it; nothing was saved")) from None

        def keep_loaded_generation() -> None:
            if _signature(self.path) != loaded_from:
                raise StoreError(
                    _("{path} was changed by something else while this command ran; "
                      "nothing was written: run the command again").format(path=self.path)
                )
            if loaded_from is not None:
                self._rotate()

        write_atomic(self.path, payload, before_replace=keep_loaded_generation)

    def _rotate(self) -> None:
        tmp_bak = self.path.with_name(self.path.name + ".bak.tmp")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_bak)
        try:
            # A hard link costs nothing: the rename that follows gives the live file a new
            # inode, so the old inode survives as the backup.
            os.link(self.path, tmp_bak)
        except OSError:
            import shutil

            shutil.copy2(self.path, tmp_bak)
        os.replace(tmp_bak, self.backup)

    # -- temp files left by crashes ------------------------------------------
    def orphans(self, older_than: float | None = None) -> list[Path]:
        """Temp files a crashed write of this store left behind (mtime before `older_than`)."""
        folder = self.path.parent
        if not folder.is_dir():
            return []
        found = [*folder.glob(f".{self.path.name}.*.tmp"), self.path.with_name(self.path.name + ".bak.tmp")]
        out = []
        for p in found:
            try:
                mtime = p.stat().st_mtime
            except FileNotFoundError:
                continue
            if older_than is None or mtime < older_than:
                out.append(p)
        return sorted(out)

    def clean_orphans(self, older_than: float) -> list[Path]:
        """Remove `orphans(older_than)`; the caller holds the store's lock, so no live writer owns them."""
        removed = []
        for p in self.orphans(older_than):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
                removed.append(p)
        return removed

    # -- recovery ----------------------------------------------------------
    def aside_name(self, what: str) -> Path:
        """A free name to set a file aside: `contentkit.db.damaged-20261201-193000`."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        candidate = self.path.with_name(f"{self.path.name}.{what}-{stamp}")
        n = 1
        while candidate.exists():
            n += 1
            candidate = self.path.with_name(f"{self.path.name}.{what}-{stamp}-{n}")
        return candidate

    def restore(self) -> Path | None:
        """Put the backup back; a damaged store is first set aside (its new name is returned).

        The caller holds the store's lock.
        """
        if not self.backup.exists():
            raise StoreError(_("{backup} does not exist, so there is nothing to restore; run `{hint}` to start empty").format(
                backup=self.backup, hint=RESET_HINT))
        try:
            self.load()
        except StoreError:  # damaged, missing, unreadable, or written by a newer contentkit
            pass
        else:
            raise StoreError(
                _("{path} loads fine, so there is nothing to restore (the backup is one write older); "
                  "nothing was changed").format(path=self.path)
            )
        self.parse(self.backup)  # a damaged backup says so, and nothing moves
        aside = None
        if self.path.exists():
            aside = self.aside_name("damaged")
            os.replace(self.path, aside)
        write_atomic(self.path, self.backup.read_bytes())
        return aside

    def reset(self) -> list[Path]:
        """Start an empty store, setting aside (never deleting) a damaged store and backup.

        Refused while the store or its backup still loads. The caller holds the lock.
        """
        try:
            self.load()
        except StoreError:
            pass
        else:
            if self.path.exists():
                raise StoreError(_("{path} loads fine; --reset is only for a damaged or deleted store; nothing was changed").format(path=self.path))
        if self.backup.exists():
            try:
                self.parse(self.backup)
            except StoreError:
                pass
            else:
                raise StoreError(_("the backup {backup} loads fine: run `{hint}` instead; nothing was changed").format(
                    backup=self.backup, hint=RESTORE_HINT))
        moved = []
        for src, what in ((self.path, "damaged"), (self.backup, "damaged-backup")):
            if src.exists():
                dest = self.aside_name(what)
                os.replace(src, dest)
                moved.append(dest)
        empty = {META: {"1": {"schema": SCHEMA_VERSION, "counters": {}}}}
        write_atomic(self.path, json.dumps(empty).encode("utf-8"))
        return moved


def _text(raw: bytes) -> str:
    """`raw` as text, or StoreProblem when it cannot be a store at all."""
    if not raw.strip():
        raise StoreProblem(_("is damaged (empty)") if not raw else _("is damaged (only blank space)"))
    if not raw.strip(b"\0"):
        raise StoreProblem(_("is damaged (only zero bytes: cut off by a crash or a full disk)"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise StoreProblem(_("is damaged (not UTF-8 text: garbled, or not a contentkit store)")) from None


def _parse(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Unterminated string") or exc.pos >= len(text.rstrip()) - 1:
            raise StoreProblem(_("is damaged (cut short: it ends in the middle of a record)")) from None
        raise StoreProblem(_("is damaged (not valid JSON at line {line}, column {column}: {error})").format(
            line=exc.lineno, column=exc.colno, error=exc.msg)) from None
