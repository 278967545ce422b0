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

from .i18n import N_, _
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
    expected: tuple[str, ...]  # catalog messages, outermost first: ("{what} or null", "text"); see _said
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
    str: (frozenset({str}), N_("text")),
    int: (frozenset({int}), N_("a whole number")),
    float: (frozenset({float, int}), N_("a number")),
    bool: (frozenset({bool}), N_("true or false")),
    dict: (frozenset({dict}), N_("a table of values")),
}
_OR_NULL = N_("{what} or null")


def _said(expected: tuple[str, ...]) -> str:
    """A column's expected shape in the current language (translated when a message needs it)."""
    text = _(expected[-1]).format(first=YEARS[0], last=YEARS[1])
    for outer in reversed(expected[:-1]):
        text = _(outer).format(what=text)
    return text


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
        what: tuple[str, ...] = (N_("a date and time (ISO 8601) from {first} to {last}") if hint is datetime
                                 else N_("a date (YYYY-MM-DD) from {first} to {last}"),)
        return _Column(name, frozenset({str}) | extra, (_OR_NULL, *what) if optional else what, required, parse=parse)
    if origin in (list, tuple):
        inner = typing.get_args(hint)
        simple = _SIMPLE.get(inner[0]) if len(inner) >= 1 else None
        items = simple[0] if simple else None
        listed = (N_("a list of {what}"), simple[1]) if simple else (N_("a list"),)
        return _Column(name, frozenset({list}) | extra, (_OR_NULL, *listed) if optional else listed, required, items=items)
    if origin in _SIMPLE:
        allowed, simple_what = _SIMPLE[origin]
        return _Column(name, allowed | extra, (_OR_NULL, simple_what) if optional else (simple_what,), required)
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
        raise StoreProblem(_("is damaged ({problem})").format(problem=exc)) from None


def _check(data: Any) -> None:
    if not isinstance(data, dict):
        raise StoreProblem(_("it holds {kind} instead of a table of tables").format(kind=_kind(data)))
    tables = record_tables()
    for name, rows in data.items():
        if not isinstance(rows, dict):
            raise StoreProblem(_('table "{name}" is {kind} instead of a table of rows').format(name=name, kind=_kind(rows)))
        if name == META:
            _check_meta(rows)
        elif name in tables:
            _check_rows(name, rows, _table(tables[name]))
        elif set(map(type, rows.values())) - {dict}:
            bad = next(k for k, v in rows.items() if not isinstance(v, dict))
            raise StoreProblem(_('table "{name}", row {row}: {kind} instead of a record').format(name=name, row=bad, kind=_kind(rows[bad])))


def _check_meta(rows: dict[str, Any]) -> None:
    meta = rows.get("1", {})
    if not isinstance(meta, dict):
        raise StoreProblem(_('the schema record ("_meta" row 1) is {kind} instead of a table').format(kind=_kind(meta)))
    if "schema" in meta and type(meta["schema"]) is not int:
        raise StoreProblem(_("the schema version is {value!r}, expected a whole number").format(value=meta["schema"]))
    counters = meta.get("counters", {})
    if not isinstance(counters, dict) or set(map(type, counters.values())) - {int}:
        raise StoreProblem(_("the id counters are {value!r}, expected a table of whole numbers").format(value=counters))
    if not isinstance(meta.get("kv", {}), dict):
        raise StoreProblem(_('the saved state ("kv") is {kind}, expected a table').format(kind=_kind(meta["kv"])))


def _check_rows(name: str, rows: dict[str, Any], spec: _Table) -> None:
    if not rows:
        return
    keys = list(rows)
    values = list(rows.values())
    if not all(map(str.isdigit, keys)):
        bad = next(k for k in keys if not k.isdigit())
        raise StoreProblem(_('table "{name}" has a row keyed {key!r}, expected a number').format(name=name, key=bad))
    if set(map(type, values)) != {dict}:
        bad = next(k for k, v in rows.items() if type(v) is not dict)
        raise StoreProblem(_('table "{name}", row {row}: {kind} instead of a {noun} record').format(
            name=name, row=bad, kind=_kind(rows[bad]), noun=_(spec.cls.noun)))
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
    where = _('table "{name}", row {row}').format(name=name, row=key)
    missing = sorted(spec.required - row.keys())
    if missing:
        raise StoreProblem(_("{where}: the {noun} has no {fields}").format(where=where, noun=_(spec.cls.noun), fields=", ".join(map(repr, missing))))
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
            raise StoreProblem(_('{where}: "{field}" is {value}, expected {expected}').format(
                where=where, field=col.name, value=shown, expected=_said(col.expected)))
    prefix = spec.cls.prefix
    if prefix and row.get("id") != prefix + key:
        raise StoreProblem(_('{where}: its id is {value!r}, expected "{id}"').format(where=where, value=row.get("id"), id=prefix + key))


def _kind(value: Any) -> str:
    kinds = {
        dict: N_("a table"), list: N_("a list"), str: N_("text"), int: N_("a number"), float: N_("a number"),
        bool: N_("true/false"), _NONE: "null",
    }
    kind = kinds.get(type(value))
    return _(kind) if kind else type(value).__name__
