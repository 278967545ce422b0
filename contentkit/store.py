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
- stamps a schema version and refuses a file it cannot trust, naming the
  command that recovers (see `store_file` for the rules on disk).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from .i18n import N_, _

# Record nouns (records.py `noun`) as they appear in messages, listed so extraction finds them.
_NOUNS = (N_("record"), N_("post"), N_("idea"), N_("series"), N_("customer post"), N_("consent event"), N_("review"))
from .errors import NotFoundError, StoreError
from .records import Record
from .store_file import META as _META
from .store_file import SCHEMA_VERSION, StoreFile

__all__ = ["SCHEMA_VERSION", "Store", "Transaction", "Query"]

R = TypeVar("R", bound=Record)


class Transaction:
    """One locked read-modify-write of the store, written once when it ends.

    Use the record helpers (`get`, `all`, `save`, `save_many`, `delete`) or the
    TinyDB `table()` for queries. Saving gives new records their id.
    """

    def __init__(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data
        self.dirty = False
        # Each saved row's stored version before this transaction (None: new), so checks
        # run at commit see what changed (the consent gate looks only at changed posts).
        self.originals: dict[tuple[str, str], dict[str, Any] | None] = {}
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
                _("no {noun} with ID {record_id!r}; list them with `contentkit {value}`").format(noun=_(cls.noun), record_id=record_id, value=_list_hint(cls))
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
            rows = self._rows(r.table)
            self.originals.setdefault((r.table, key), rows.get(key))
            rows[key] = r.to_dict()
        if records:
            self.dirty = True
        return records

    def delete(self, cls: type[Record], record_id: str) -> None:
        key = _number(cls, record_id)
        rows = self.data.get(cls.table, {})
        if key is None or key not in rows:
            raise NotFoundError(
                _("no {noun} with ID {record_id!r}; list them with `contentkit {value}`").format(noun=_(cls.noun), record_id=record_id, value=_list_hint(cls))
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
        "review_requests": "review asks",
        "campaigns": "campaign list",
        "lives": "live list",
        "promos": "promo list",
    }.get(cls.table, "--help")


class Store:
    """The workspace database: one TinyDB JSON file, its lock and its backup.

    `must_exist` marks the store of an initialised workspace: a missing file is
    then a deleted store (refused), not a new empty one.

    >>> store = Store(tmp_path / "contentkit.db")            # doctest: +SKIP
    >>> with store.transaction() as tx:                      # doctest: +SKIP
    ...     tx.save(Idea("Behind the scenes", "storytelling", "reel"))
    """

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = 60.0, must_exist: bool = False) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self.file = StoreFile(self.path, must_exist=must_exist)
        # Run on every transaction before it is written; one that raises writes nothing.
        self.checks: list[Callable[[Transaction], None]] = []

    @property
    def backup_path(self) -> Path:
        return self.file.backup

    def create(self) -> None:
        """Write an empty store with its schema version (refused over an existing store or backup)."""
        with self.locked():
            if self.path.exists() or self.backup_path.exists():
                raise StoreError(_("{path} or its backup already exists; nothing was changed").format(path=self.path))
            tx = Transaction({})
            tx.meta()
            self.file.write(tx.data, None)

    def read(self) -> Transaction:
        """A snapshot for reading, without the lock (writes are atomic renames)."""
        return Transaction(self.file.load().data)

    @contextlib.contextmanager
    def locked(self) -> Iterator[float]:
        """Hold the store's lock; yields the time it was taken (files older than that are no live writer's)."""
        from filelock import FileLock, Timeout

        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.lock_path), timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout:
            raise StoreError(
                _("{path} is locked by another contentkit command; wait for it to finish and run again").format(path=self.path)
            ) from None
        try:
            yield time.time()
        finally:
            lock.release()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Lock, load, yield, and write once if anything changed; an exception writes nothing."""
        with self.locked() as since:
            loaded = self.file.load()
            tx = Transaction(loaded.data)
            yield tx
            if tx.dirty:
                for check in self.checks:
                    check(tx)
                tx.meta()["schema"] = SCHEMA_VERSION
                self.file.write(tx.data, loaded.signature)
                # Under the lock no other writer is mid-write: older temp files are a crash's leftovers.
                self.file.clean_orphans(since)
