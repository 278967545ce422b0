"""Checking a loaded store before anything trusts it.

`check_data` walks every table of a freshly parsed store file and every row
through its record type (from `contentkit.records`): the right shape, every
required field there, every field of its declared type, every date parseable.
The rules come from the dataclasses themselves, so a field or record added
there is checked with no change here.

It works a column at a time with C-level loops (`map`, `set`), because it runs
on every open: a store of 120,000 records costs a fraction of its json.load.
Only when a column fails does a slow pass find the first bad row to name.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import types
import typing
from collections import deque
from collections.abc import Callable
from datetime import date, datetime
from itertools import chain, repeat
from typing import Any

from .records import Record

__all__ = ["StoreProblem", "check_data", "record_tables"]

META = "_meta"
_NONE = type(None)


class _Absent:
    """Stands for a field the row leaves out (it takes its default), unlike an explicit null."""


_ABSENT = _Absent()
_not_none = functools.partial(operator.is_not, None)


class StoreProblem(ValueError):
    """What is wrong with a store's content, as a phrase after the file's name: "is damaged (...)"."""


@dataclasses.dataclass(frozen=True)
class _Column:
    name: str
    types: frozenset[type]  # allowed JSON types of the value
    expected: str  # in messages: "text", "a whole number", ...
    required: bool
    items: frozenset[type] | None = None  # allowed types of list elements
    parse: Callable[[str], Any] | None = None  # a text that must parse (dates)


@dataclasses.dataclass
class _Table:
    cls: type[Record]
    columns: tuple[_Column, ...]
    required: frozenset[str]
    by_name: dict[str, _Column] = dataclasses.field(default_factory=dict)
    # list fields fetched together per allowed element type: (itemgetter, allowed types)
    lists: list[tuple[Callable[[dict[str, Any]], Any], frozenset[type]]] = dataclasses.field(default_factory=list)
    many: bool = False  # whether each itemgetter returns a tuple (more than one list field)
    parsed: tuple[_Column, ...] = ()
    known: dict[tuple[tuple[str, ...], tuple[type, ...]], bool] = dataclasses.field(default_factory=dict)


def _subclasses(cls: type[Record]) -> list[type[Record]]:
    out: list[type[Record]] = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_subclasses(sub))
    return out


def record_tables() -> dict[str, type[Record]]:
    """Table name -> record class, for every record type defined."""
    return {c.table: c for c in _subclasses(Record) if c.table}


# Dates outside these years are refused where they come in (contentkit.dates); one found in a
# store was put there by hand or by an older version, and would crash every view of it.
YEARS = (1970, 2100)
_FIRST, _LAST = f"{YEARS[0]:04d}", f"{YEARS[1]:04d}"


def _parse_date(text: str) -> date:
    return date.fromisoformat(text[:10])


_SIMPLE: dict[Any, tuple[frozenset[type], str]] = {
    str: (frozenset({str}), "text"),
    int: (frozenset({int}), "a whole number"),
    float: (frozenset({float, int}), "a number"),
    bool: (frozenset({bool}), "true or false"),
    dict: (frozenset({dict}), "a table of values"),
}


def _column(name: str, hint: Any, required: bool) -> _Column | None:
    """How field `name` of type `hint` must look in JSON; None when anything goes."""
    optional = False
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and _NONE in args:
        optional = True
        rest = [a for a in args if a is not _NONE]
        if len(rest) != 1:
            return None
        hint = rest[0]
    extra = frozenset({_NONE}) if optional else frozenset()
    origin = typing.get_origin(hint) or hint
    if hint in (datetime, date):
        parse = datetime.fromisoformat if hint is datetime else _parse_date
        what = "a date and time (ISO 8601)" if hint is datetime else "a date (YYYY-MM-DD)"
        what += f" from {YEARS[0]} to {YEARS[1]}"
        what += " or null" if optional else ""
        return _Column(name, frozenset({str}) | extra, what, required, parse=parse)
    if origin in (list, tuple):
        inner = typing.get_args(hint)
        simple = _SIMPLE.get(inner[0]) if len(inner) >= 1 else None
        items = simple[0] if simple else None
        what = f"a list of {simple[1]}" if simple else "a list"
        return _Column(name, frozenset({list}) | extra, what, required, items=items)
    if origin in _SIMPLE:
        allowed, what = _SIMPLE[origin]
        return _Column(name, allowed | extra, what + (" or null" if optional else ""), required)
    return None  # Any, or a type this checker does not know: accept what from_dict accepts


_SPECS: dict[type[Record], _Table] = {}


def _table(cls: type[Record]) -> _Table:
    spec = _SPECS.get(cls)
    if spec is None:
        spec = _SPECS[cls] = _build(cls)
    return spec


def _hints(cls: type[Record]) -> dict[str, Any]:
    """The fields' types; one that cannot be resolved (a TYPE_CHECKING-only name) is left unchecked."""
    try:
        return typing.get_type_hints(cls)
    except Exception:  # noqa: BLE001 - a record type must never make the store unopenable
        import sys

        namespace = vars(sys.modules[cls.__module__])
        hints: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            try:
                hints[f.name] = eval(f.type, namespace) if isinstance(f.type, str) else f.type  # noqa: S307
            except Exception:  # noqa: BLE001
                hints[f.name] = Any
        return hints


def _build(cls: type[Record]) -> _Table:
    hints = _hints(cls)
    columns: list[_Column] = []
    required: set[str] = set()
    for f in dataclasses.fields(cls):
        needed = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if needed:
            required.add(f.name)
        col = _column(f.name, hints.get(f.name, Any), needed)
        if col is not None:
            columns.append(col)
    spec = _Table(cls, tuple(columns), frozenset(required), by_name={c.name: c for c in columns})
    spec.parsed = tuple(c for c in columns if c.parse is not None)
    groups: dict[frozenset[type], list[str]] = {}
    for c in columns:
        if c.items is not None:
            groups.setdefault(c.items, []).append(c.name)
    # itemgetter of 2+ names returns a tuple, of one name the value: keep it uniform per table.
    spec.many = all(len(names) > 1 for names in groups.values())
    pairs = [(names, items) for items, names in groups.items()] if spec.many else [
        ([name], items) for items, names in groups.items() for name in names
    ]
    spec.lists = [(operator.itemgetter(*names), items) for names, items in pairs]
    return spec


def check_data(data: Any) -> None:
    """Raise StoreProblem naming the first thing wrong in a parsed store, or return.

    >>> check_data({"ideas": {"1": {"text": 5, "pillar": "promo", "format": "reel", "id": "I1"}}})
    Traceback (most recent call last):
    ...
    contentkit.store_check.StoreProblem: is damaged (table "ideas", row 1: "text" is 5, expected text)
    """
    try:
        _check(data)
    except StoreProblem as exc:
        raise StoreProblem(f"is damaged ({exc})") from None


def _check(data: Any) -> None:
    if not isinstance(data, dict):
        raise StoreProblem(f"it holds {_kind(data)} instead of a table of tables")
    tables = record_tables()
    for name, rows in data.items():
        if not isinstance(rows, dict):
            raise StoreProblem(f'table "{name}" is {_kind(rows)} instead of a table of rows')
        if name == META:
            _check_meta(rows)
        elif name in tables:
            _check_rows(name, rows, _table(tables[name]))
        elif set(map(type, rows.values())) - {dict}:
            bad = next(k for k, v in rows.items() if not isinstance(v, dict))
            raise StoreProblem(f'table "{name}", row {bad}: {_kind(rows[bad])} instead of a record')


def _check_meta(rows: dict[str, Any]) -> None:
    meta = rows.get("1", {})
    if not isinstance(meta, dict):
        raise StoreProblem(f'the schema record ("_meta" row 1) is {_kind(meta)} instead of a table')
    if "schema" in meta and type(meta["schema"]) is not int:
        raise StoreProblem(f'the schema version is {meta["schema"]!r}, expected a whole number')
    counters = meta.get("counters", {})
    if not isinstance(counters, dict) or set(map(type, counters.values())) - {int}:
        raise StoreProblem(f"the id counters are {counters!r}, expected a table of whole numbers")
    if not isinstance(meta.get("kv", {}), dict):
        raise StoreProblem(f'the saved state ("kv") is {_kind(meta["kv"])}, expected a table')


def _check_rows(name: str, rows: dict[str, Any], spec: _Table) -> None:
    if not rows:
        return
    keys = list(rows)
    values = list(rows.values())
    if not all(map(str.isdigit, keys)):
        bad = next(k for k in keys if not k.isdigit())
        raise StoreProblem(f'table "{name}" has a row keyed {bad!r}, expected a number')
    if set(map(type, values)) != {dict}:
        bad = next(k for k, v in rows.items() if type(v) is not dict)
        raise StoreProblem(f'table "{name}", row {bad}: {_kind(rows[bad])} instead of a {spec.cls.noun} record')
    ids_match = all(map(operator.eq, map(dict.get, values, repeat("id")), map(spec.cls.prefix.__add__, keys)))
    if not ids_match or not _rows_pass(values, spec):
        for key, row in rows.items():
            _check_row(name, key, row, spec)


def _rows_pass(values: list[dict[str, Any]], spec: _Table) -> bool:
    """True when every row is right; C-level loops only, so a big store costs little.

    Rows written by one version share a few shapes (field names, value types):
    each distinct shape is judged once.
    """
    shapes = set(zip(map(tuple, map(dict.keys, values)), map(tuple, map(map, repeat(type), map(dict.values, values)))))
    if not all(_shape_ok(spec, fields, kinds) for fields, kinds in shapes):
        return False
    try:
        for getter, items in spec.lists:
            nested = map(getter, values)
            flat = chain.from_iterable(chain.from_iterable(nested)) if spec.many else chain.from_iterable(nested)
            if not set(map(type, flat)) <= items:
                return False
        for col in spec.parsed:
            assert col.parse is not None
            texts = typing.cast("list[str]", list(filter(_not_none, map(dict.get, values, repeat(col.name)))))
            deque(map(col.parse, texts), maxlen=0)  # parse each, keep none
            # ISO texts start with a 4-digit year, so the smallest and largest text hold the year range.
            if texts and (min(texts)[:4] < _FIRST or max(texts)[:4] > _LAST):
                return False
    except (KeyError, TypeError, ValueError):
        return False  # a row without a list field, or a date that does not parse: the slow pass says which
    return True


def _shape_ok(spec: _Table, fields: tuple[str, ...], kinds: tuple[type, ...]) -> bool:
    known = spec.known.get((fields, kinds))
    if known is None:
        by_name = spec.by_name
        known = spec.required <= set(fields) and all(
            f not in by_name or t in by_name[f].types for f, t in zip(fields, kinds)
        )
        spec.known[(fields, kinds)] = known
    return known


def _check_row(name: str, key: str, row: dict[str, Any], spec: _Table) -> None:
    """The slow pass: one row, field by field, raising on the first thing wrong."""
    where = f'table "{name}", row {key}'
    missing = sorted(spec.required - row.keys())
    if missing:
        raise StoreProblem(f'{where}: the {spec.cls.noun} has no {", ".join(map(repr, missing))}')
    for col in spec.columns:
        if col.name not in row:
            continue
        value = row[col.name]
        ok = type(value) in col.types
        if ok and col.items is not None and type(value) is list:
            ok = all(type(x) in col.items for x in value)
        if ok and col.parse is not None and type(value) is str:
            try:
                ok = YEARS[0] <= col.parse(value).year <= YEARS[1]
            except ValueError:
                ok = False
        if not ok:
            shown = repr(value)
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            raise StoreProblem(f'{where}: "{col.name}" is {shown}, expected {col.expected}')
    prefix = spec.cls.prefix
    if prefix and row.get("id") != prefix + key:
        raise StoreProblem(f'{where}: its id is {row.get("id")!r}, expected "{prefix}{key}"')


def _kind(value: Any) -> str:
    return {
        dict: "a table", list: "a list", str: "text", int: "a number", float: "a number",
        bool: "true/false", _NONE: "null",
    }.get(type(value), type(value).__name__)
