"""TinyDB access that keeps the user's data safe.

TinyDB's stock JSONStorage rewrites its file in place on every insert: a crash
mid-write breaks the file, two processes lose each other's records, and
one-by-one inserts are quadratic. Here every change happens inside
`Store.transaction()`, which

- holds a file lock across the whole read-modify-write (so two commands never
  lose each other's records),
- works on an in-memory copy and writes the file once, at the end,
- writes atomically (temp file, fsync, rename) and keeps the previous
  generation as `<file>.bak`,
- stamps a schema version and refuses a file it cannot read, naming the backup.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Table

from .atomic import write_atomic
from .errors import NotFoundError, StoreError
from .records import Record

__all__ = ["SCHEMA_VERSION", "Store", "Transaction", "Query"]

SCHEMA_VERSION = 1
_META = "_meta"
R = TypeVar("R", bound=Record)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that reads a JSON file and replaces it atomically on write."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {exc.strerror}; check the file's permissions") from None
        if not raw.strip():
            return None
        # Parsing builds one object per field; pausing the cyclic GC (which keeps
        # re-scanning the growing heap) halves the load of a large store.
        gc_was_on = gc.isenabled()
        gc.disable()
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            data = None
        finally:
            if gc_was_on:
                gc.enable()
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise StoreError(
                f"{self.path} is corrupt and was not changed; the previous generation is {self._backup()}: "
                f"copy it over {self.path.name} to restore, or move the broken file away to start empty"
            )
        return data

    def _backup(self) -> str:
        bak = self.path.with_name(self.path.name + ".bak")
        return str(bak) if bak.exists() else f"{bak} (none yet)"

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        keep = self._keep_previous_generation if self.path.exists() else None
        write_atomic(self.path, payload, before_replace=keep)

    def _keep_previous_generation(self) -> None:
        bak = self.path.with_name(self.path.name + ".bak")
        tmp_bak = self.path.with_name(self.path.name + ".bak.tmp")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_bak)
        try:
            # A hard link costs nothing: the rename below gives the live file a new inode,
            # so the old inode survives as the backup.
            os.link(self.path, tmp_bak)
        except OSError:
            import shutil

            shutil.copy2(self.path, tmp_bak)
        os.replace(tmp_bak, bak)


class Transaction:
    """One locked read-modify-write of the store, written once when it ends.

    Use the record helpers (`get`, `all`, `save`, `save_many`, `delete`) or the
    TinyDB `table()` for queries. Saving gives new records their id.
    """

    def __init__(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data
        self.dirty = False
        self._db = TinyDB(storage=MemoryStorage)
        self._db.storage.memory = data  # type: ignore[attr-defined]

    # -- raw access -------------------------------------------------------
    def table(self, name: str) -> Table:
        """A TinyDB table over this transaction's data, for `Query` searches."""
        tbl = self._db.table(name, cache_size=0)
        return tbl

    def _rows(self, name: str) -> dict[str, Any]:
        return self.data.setdefault(name, {})

    def meta(self) -> dict[str, Any]:
        rows = self._rows(_META)
        if "1" not in rows:
            rows["1"] = {"schema": SCHEMA_VERSION, "counters": {}}
        meta: dict[str, Any] = rows["1"]
        return meta

    def next_id(self, table: str, count: int = 1) -> int:
        """Reserve `count` ids in `table`; ids are never reused, even after removal."""
        counters = self.meta().setdefault("counters", {})
        rows = self.data.get(table, {})
        start = int(counters.get(table, 0)) + 1
        if rows:  # a store written by hand or an older version: never collide
            start = max(start, max(int(k) for k in rows) + 1)
        counters[table] = start + count - 1
        self.dirty = True
        return start

    # -- records ----------------------------------------------------------
    def get(self, cls: type[R], record_id: str) -> R:
        """The record with `record_id`, or NotFoundError saying how to list them."""
        key = _number(cls, record_id)
        row = self.data.get(cls.table, {}).get(key) if key else None
        if row is None:
            raise NotFoundError(
                f"no {cls.noun} with ID {record_id!r}; list them with `contentkit {_list_hint(cls)}`"
            )
        return cls.from_dict(row)

    def all(self, cls: type[R]) -> list[R]:
        """Every record of `cls`, in id order."""
        rows = self.data.get(cls.table, {})
        return [cls.from_dict(rows[k]) for k in sorted(rows, key=int)]

    def rows(self, cls: type[Record]) -> list[dict[str, Any]]:
        """Every stored dict of `cls` (no dataclass conversion: for fast scans)."""
        rows = self.data.get(cls.table, {})
        return [rows[k] for k in sorted(rows, key=int)]

    def save(self, record: R) -> R:
        self.save_many([record])
        return record

    def save_many(self, records: Iterable[R]) -> list[R]:
        """Insert new records (giving them ids) and replace existing ones, in one pass."""
        records = list(records)
        new = [r for r in records if not r.record_id]
        if new:
            by_table: dict[str, list[Record]] = {}
            for r in new:
                by_table.setdefault(r.table, []).append(r)
            for table, group in by_table.items():
                first = self.next_id(table, len(group))
                for offset, rec in enumerate(group):
                    rec.set_record_id(f"{rec.prefix}{first + offset}")
        for r in records:
            key = _number(type(r), r.record_id)
            assert key is not None
            self._rows(r.table)[key] = r.to_dict()
        if records:
            self.dirty = True
        return records

    def delete(self, cls: type[Record], record_id: str) -> None:
        key = _number(cls, record_id)
        rows = self.data.get(cls.table, {})
        if key is None or key not in rows:
            raise NotFoundError(
                f"no {cls.noun} with ID {record_id!r}; list them with `contentkit {_list_hint(cls)}`"
            )
        del rows[key]
        self.dirty = True

    def kv(self, key: str) -> Any:
        """A small named value kept in the store (planner state, resume points)."""
        return self.meta().get("kv", {}).get(key)

    def set_kv(self, key: str, value: Any) -> None:
        self.meta().setdefault("kv", {})[key] = value
        self.dirty = True


def _number(cls: type[Record], record_id: str) -> str | None:
    text = str(record_id).strip()
    if text[:1].upper() == cls.prefix:
        text = text[1:]
    return text if text.isdigit() else None


def _list_hint(cls: type[Record]) -> str:
    return {
        "posts": "post list",
        "ideas": "idea list",
        "series": "series list",
        "ugc": "ugc list",
        "reviews": "review list",
        "consent": "ugc history ID",
        "campaigns": "campaign list",
        "lives": "live list",
        "promos": "promo list",
    }.get(cls.table, "--help")


class Store:
    """The workspace database: one TinyDB JSON file, its lock and its backup.

    >>> store = Store(tmp_path / "contentkit.db")            # doctest: +SKIP
    >>> with store.transaction() as tx:                      # doctest: +SKIP
    ...     tx.save(Idea("Behind the scenes", "storytelling", "reel"))
    """

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = 60.0) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self._storage = AtomicJSONStorage(self.path)

    def create(self) -> None:
        """Write an empty store with its schema version."""
        with self.transaction() as tx:
            tx.meta()
            tx.dirty = True

    def _load(self) -> dict[str, dict[str, Any]]:
        data = self._storage.read() or {}
        meta = data.get(_META, {}).get("1", {})
        version = meta.get("schema", SCHEMA_VERSION) if isinstance(meta, dict) else None
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version!r}, newer than this contentkit understands "
                f"({SCHEMA_VERSION}); upgrade contentkit with `pip install -U contentkit`"
            )
        return data

    def read(self) -> Transaction:
        """A snapshot for reading, without the lock (writes are atomic renames)."""
        return Transaction(self._load())

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Lock, load, yield, and write once if anything changed; an exception writes nothing."""
        from filelock import FileLock, Timeout

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.lock_path), timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout:
            raise StoreError(
                f"{self.path} is locked by another contentkit command; wait for it to finish and run again"
            ) from None
        try:
            tx = Transaction(self._load())
            yield tx
            if tx.dirty:
                tx.meta()["schema"] = SCHEMA_VERSION
                self._storage.write(tx.data)
        finally:
            lock.release()
