"""Strategies: the weekly slots, pillar mix, personas, hashtags, prompts and calls to action.

Built-in strategies ship as TOML in `contentkit.templates/strategies`; a user
copies one into the workspace (`contentkit strategy copy`) and edits it.
Loading checks every key and names the one that is wrong.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..config import read_toml
from ..errors import ConfigError, InputError
from ..vocab import CHANNELS, PILLARS, WEEKDAYS, check_channel, check_channel_format, check_choice, check_format, check_pillar
from .live import DEFAULT_RAMADAN_HOURS, RamadanHours, parse_ramadan_hours

__all__ = ["Slot", "Persona", "Strategy", "load_strategy", "list_strategies", "copy_strategy", "parse_strategy", "use_strategy_copy"]

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_LANGS = ("id", "en")


@dataclass(frozen=True)
class Slot:
    """A weekly posting slot: weekday, local time, channel, format."""

    day: str
    time: str
    channel: str
    format: str

    @property
    def weekday(self) -> int:
        return WEEKDAYS.index(self.day)

    @property
    def hour_minute(self) -> tuple[int, int]:
        h, m = self.time.split(":")
        return int(h), int(m)


@dataclass(frozen=True)
class Persona:
    """Who the posts speak to (stage 1, target customers)."""

    name: dict[str, str]
    demography: dict[str, str]
    preferences: dict[str, str]
    habits: dict[str, str]


@dataclass
class Strategy:
    """A loaded, checked strategy."""

    name: str
    title: dict[str, str]
    slots: list[Slot]
    mix: dict[str, float]  # pillar -> share, summing to 1
    audience: list[Persona] = field(default_factory=list)
    hashtags: dict[str, list[str]] = field(default_factory=dict)
    prompts: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    cta: dict[str, dict[str, str]] = field(default_factory=dict)
    source: str = ""
    ramadan: RamadanHours = DEFAULT_RAMADAN_HOURS  # Ramadan windows; where a live slot moves

    def prompt_bank(self, pillar: str, lang: str) -> list[str]:
        return self.prompts.get(pillar, {}).get(lang, [])

    def call_to_action(self, channel: str, lang: str) -> str:
        return self.cta.get(channel, {}).get(lang, "")

    def slot_ids(self) -> list[str]:
        """A stable name per slot (`wed-19:30-instagram-reel`), in slot order.

        Posts remember their slot by this name, not by position, so adding or
        reordering slots in the strategy never shifts planned posts onto other
        slots (a repeated identical slot gets `~2`, `~3`).
        """
        seen: dict[str, int] = {}
        ids = []
        for slot in self.slots:
            base = f"{slot.day}-{slot.time}-{slot.channel}-{slot.format}"
            seen[base] = seen.get(base, 0) + 1
            ids.append(base if seen[base] == 1 else f"{base}~{seen[base]}")
        return ids


def _builtin_dir() -> Any:
    return resources.files("contentkit.templates") / "strategies"


def list_strategies() -> list[str]:
    """Names of the built-in strategies.

    >>> "kuliner" in list_strategies()
    True
    """
    return sorted(p.name[:-5] for p in _builtin_dir().iterdir() if p.name.endswith(".toml"))


def load_strategy(name_or_path: str, *, base: Path | None = None) -> Strategy:
    """Load a built-in strategy by name, or a TOML file (relative to `base`)."""
    if name_or_path in list_strategies():
        resource = _builtin_dir() / f"{name_or_path}.toml"
        with resources.as_file(resource) as path:
            return parse_strategy(read_toml(Path(path)), source=f"built-in {name_or_path}")
    path = Path(name_or_path).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    if path.suffix == ".toml" or path.exists():
        return parse_strategy(read_toml(path), source=str(path))
    raise ConfigError(
        f"unknown strategy {name_or_path!r}: use one of {', '.join(list_strategies())}, or a path to a TOML file"
    )


def copy_strategy(name: str, dest: Path) -> Path:
    """Copy a built-in strategy to `dest` (a file or folder) so the user can edit it."""
    if name not in list_strategies():
        raise InputError(f"unknown strategy {name!r}: use one of {', '.join(list_strategies())}")
    target = dest / f"strategy-{name}.toml" if dest.is_dir() else dest
    if target.exists():
        raise InputError(f"{target} already exists; choose another name or remove it first")
    if not target.parent.is_dir():
        raise InputError(f"folder {target.parent} does not exist; create it first or choose another path")
    with resources.as_file(_builtin_dir() / f"{name}.toml") as src:
        shutil.copyfile(src, target)
    return target


def _bilingual(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"id": value, "en": value}
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) for lang in _LANGS):
        raise ConfigError(f"{where} must have both id and en text, e.g. {{ id = \"...\", en = \"...\" }}")
    return {lang: value[lang] for lang in _LANGS}


def parse_strategy(raw: dict[str, Any], *, source: str = "strategy") -> Strategy:
    """Check a strategy's TOML data; every error names the key that is wrong."""

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{source}: {key}: {problem}")

    known = {"name", "title", "audience", "mix", "slots", "hashtags", "prompts", "cta", "description", "ramadan"}
    for key in raw:
        if key not in known:
            raise fail(key, f"unknown key; valid keys are {', '.join(sorted(known))}")

    slots_raw = raw.get("slots")
    if not isinstance(slots_raw, list) or not slots_raw:
        raise fail("slots", "a strategy needs at least one [[slots]] entry with day, time, channel and format")
    slots: list[Slot] = []
    for i, s in enumerate(slots_raw):
        where = f"slots[{i}]"
        if not isinstance(s, dict):
            raise fail(where, "must be a table with day, time, channel and format")
        for key in s:
            if key not in {"day", "time", "channel", "format"}:
                raise fail(f"{where}.{key}", "unknown key; a slot has day, time, channel and format")
        try:
            day = check_choice("day", str(s.get("day", "")), WEEKDAYS)
            channel = check_channel(str(s.get("channel", "")))
            fmt = check_format(str(s.get("format", "")))
            check_channel_format(channel, fmt)
        except InputError as exc:
            raise fail(where, str(exc)) from None
        time = str(s.get("time", ""))
        m = _TIME.match(time)
        if not m:
            raise fail(f"{where}.time", f"{time!r} is not a time; write HH:MM, e.g. 19:00")
        slots.append(Slot(day, f"{int(m.group(1)):02d}:{m.group(2)}", channel, fmt))

    mix_raw = raw.get("mix")
    if not isinstance(mix_raw, dict) or not mix_raw:
        raise fail("mix", "give each pillar a weight, e.g. storytelling = 3")
    mix: dict[str, float] = {}
    for pillar, weight in mix_raw.items():
        try:
            check_pillar(pillar)
        except InputError as exc:
            raise fail(f"mix.{pillar}", str(exc)) from None
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight < 0:
            raise fail(f"mix.{pillar}", "weight must be a number, 0 or more")
        if weight > 0:
            mix[pillar] = float(weight)
    total = sum(mix.values())
    if total <= 0:
        raise fail("mix", "at least one pillar needs a weight above 0")
    mix = {p: w / total for p, w in sorted(mix.items(), key=lambda kv: PILLARS.index(kv[0]))}

    prompts: dict[str, dict[str, list[str]]] = {}
    for pillar, langs in (raw.get("prompts") or {}).items():
        try:
            check_pillar(pillar)
        except InputError as exc:
            raise fail(f"prompts.{pillar}", str(exc)) from None
        if not isinstance(langs, dict):
            raise fail(f"prompts.{pillar}", "must have id = [...] and en = [...]")
        bank: dict[str, list[str]] = {}
        for lang in _LANGS:
            items = langs.get(lang)
            if not isinstance(items, list) or not items or not all(isinstance(t, str) and t.strip() for t in items):
                raise fail(f"prompts.{pillar}.{lang}", "must be a non-empty list of text")
            bank[lang] = [t.strip() for t in items]
        if len(bank["id"]) != len(bank["en"]):
            raise fail(f"prompts.{pillar}", "id and en need the same number of prompts, in the same order")
        prompts[pillar] = bank
    for pillar in mix:
        if pillar not in prompts:
            raise fail(f"prompts.{pillar}", "missing: every pillar in the mix needs prompts in id and en")

    hashtags: dict[str, list[str]] = {}
    for pillar, tags in (raw.get("hashtags") or {}).items():
        if pillar != "brand":
            try:
                check_pillar(pillar)
            except InputError as exc:
                raise fail(f"hashtags.{pillar}", str(exc)) from None
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise fail(f"hashtags.{pillar}", "must be a list of text")
        hashtags[pillar] = [t.strip().lstrip("#") for t in tags if t.strip()]

    cta: dict[str, dict[str, str]] = {}
    for channel, text in (raw.get("cta") or {}).items():
        if channel not in CHANNELS:
            raise fail(f"cta.{channel}", f"unknown channel; use one of {', '.join(CHANNELS)}")
        cta[channel] = _bilingual(text, f"{source}: cta.{channel}")

    audience: list[Persona] = []
    for i, p in enumerate(raw.get("audience") or []):
        where = f"{source}: audience[{i}]"
        if not isinstance(p, dict):
            raise fail(f"audience[{i}]", "must be a table with name, demography, preferences and habits")
        audience.append(
            Persona(
                name=_bilingual(p.get("name"), f"{where}.name"),
                demography=_bilingual(p.get("demography", ""), f"{where}.demography"),
                preferences=_bilingual(p.get("preferences", ""), f"{where}.preferences"),
                habits=_bilingual(p.get("habits", ""), f"{where}.habits"),
            )
        )

    title = _bilingual(raw.get("title", raw.get("name", "strategy")), f"{source}: title")
    return Strategy(
        name=str(raw.get("name", source)),
        title=title,
        slots=slots,
        mix=mix,
        audience=audience,
        hashtags=hashtags,
        prompts=prompts,
        cta=cta,
        source=source,
        ramadan=parse_ramadan_hours(raw.get("ramadan"), source),
    )


def use_strategy_copy(ws: Any, name: str, dest: Path | None = None) -> Path:
    """Copy built-in `name` into the workspace and point contentkit.toml at the copy."""
    from ..atomic import write_atomic
    from ..workspace import CONFIG_NAME

    target = copy_strategy(name, dest or ws.root)
    try:
        relative = str(target.resolve().relative_to(ws.root))
    except ValueError:
        relative = str(target.resolve())
    config_path = ws.root / CONFIG_NAME
    text = config_path.read_text(encoding="utf-8")
    line = f"strategy = {json.dumps(relative, ensure_ascii=False)}"
    new, n = re.subn(r"(?m)^strategy\s*=.*$", lambda _: line, text, count=1)
    if n == 0:
        new = re.sub(r"(?m)^\[brand\]\s*$", lambda _: "[brand]\n" + line, text, count=1)
    write_atomic(config_path, new)
    return target
