"""Checking contentkit.toml key by key: each key's type and range, with the line it is on.

A wrong type or range is a ConfigError naming the file, the line, the key and what it
must be; an unknown key or section is a warning, so a typo never silently does nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .i18n import N_, _

__all__ = ["Checker", "Rule", "TEXT", "TEXT_LIST", "shown", "whole"]


# A key's rule: the TOML types it may have, how to say so, and an optional range/content check.
@dataclass(frozen=True)
class Rule:
    types: tuple[type, ...]
    expected: str  # a catalog message; `low` and `high` fill it in
    check: Callable[[Any], bool] | None = None  # a range or content check on a value of the right type
    low: int = 0
    high: int = 0


_WHOLE = {"": N_("a whole number from {low} to {high}"), "days": N_("a whole number of days from {low} to {high}"),
          "characters": N_("a whole number of characters from {low} to {high}")}


def whole(low: int, high: int, unit: str = "") -> Rule:
    return Rule((int,), _WHOLE[unit], lambda v: low <= v <= high, low, high)


TEXT = Rule((str,), N_("text in quotes"))
TEXT_LIST = Rule((list,), N_('a list of text, e.g. ["dapurbusari"]'), lambda v: all(isinstance(x, str) for x in v))

class Checker:
    """Checks a parsed contentkit.toml against a schema (section -> key -> rule; None takes any
    keys), naming the line of each problem: wrong types and ranges raise, unknown keys warn."""

    def __init__(self, path: Path, raw: dict[str, Any], schema: dict[str, dict[str, Rule] | None]) -> None:
        self.path = path
        self.raw = raw
        self.schema = schema
        try:
            self.lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError):
            self.lines = []
        self.warnings: list[str] = []

    def line_of(self, section: str, key: str | None) -> int | None:
        """The line where `key` is set in `[section]` (or the section's header); None if not found."""
        current = ""
        header = None
        for n, line in enumerate(self.lines, 1):
            text = line.strip()
            if text.startswith("["):
                current = text.strip("[] \t").split("]")[0].strip().strip('"')
                if (key is None and current == section) or current == f"{section}.{key}":
                    return n
                continue
            name = text.split("=", 1)[0].strip().strip('"').strip("'") if "=" in text else None
            if name is None:
                continue
            if current == section and name == (key or section):
                return n
            if current == "" and section and key is None and name == section and header is None:
                header = n
            if current == "" and "." in name and name.split(".")[0].strip() == section and name.split(".")[-1].strip() == key:
                return n
        return header

    def at(self, section: str, key: str | None) -> str:
        """`contentkit.toml, line 12`, or just the file when the line is not found."""
        n = self.line_of(section, key)
        return _("{path}, line {line}").format(path=self.path, line=n) if n else str(self.path)

    def where(self, section: str, key: str | None) -> str:
        name = f"[{section}] {key}" if section and key else (key or f"[{section}]")
        return f"{self.at(section, key)}: {name}"

    def fail(self, section: str, key: str | None, problem: str) -> ConfigError:
        return ConfigError(_("{where} {problem}; fix it and run again").format(where=self.where(section, key), problem=problem))

    def check(self) -> None:
        for name, value in self.raw.items():
            rules = self.schema.get(name, {})
            if name in self.schema and name != "":
                if not isinstance(value, dict):
                    raise self.fail("", name, _("must be a section [{name}], not {value}").format(name=name, value=shown(value)))
                if rules is not None:
                    self.check_section(name, value, rules)
            elif name in (self.schema[""] or {}):
                self.check_key("", name, value, (self.schema[""] or {})[name])
            else:
                is_section = isinstance(value, dict)
                where = self.at(name, None) if is_section else self.at("", name)
                sections = ", ".join(f"[{s}]" for s in self.schema if s)
                if is_section:
                    message = _("{where}: unknown section [{name}] is ignored; valid sections: {sections}")
                else:
                    message = _("{where}: unknown key {name!r} is ignored; valid sections: {sections}")
                self.warnings.append(message.format(where=where, name=name, sections=sections))

    def check_section(self, section: str, table: dict[str, Any], rules: dict[str, Rule]) -> None:
        for key, value in table.items():
            rule = rules.get(key)
            if rule is None:
                self.warnings.append(_("{where}: unknown key [{section}] {key!r} is ignored; valid keys: {keys}").format(
                    where=self.at(section, key), section=section, key=key, keys=", ".join(rules)))
                continue
            self.check_key(section, key, value, rule)

    def check_key(self, section: str, key: str, value: Any, rule: Rule) -> None:
        # TOML true/false are Python bools, which are also ints: never take one for a number.
        wrong = not isinstance(value, rule.types) or (isinstance(value, bool) and bool not in rule.types)
        if wrong or (rule.check is not None and not rule.check(value)):
            expected = _(rule.expected).format(low=rule.low, high=rule.high)
            raise self.fail(section, key, _("must be {expected}, not {value}").format(expected=expected, value=shown(value)))


def shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _("a section")
    text = json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, (str, list)) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"
