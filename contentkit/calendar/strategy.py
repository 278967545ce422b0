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

from ..i18n import _
from ..config import read_toml
from ..errors import ConfigError, InputError
from ..vocab import CHANNELS, PILLARS, WEEKDAYS, check_channel, check_channel_format, check_choice, check_format, check_pillar
from .live import DEFAULT_RAMADAN_HOURS, RamadanHours, parse_ramadan_hours

__all__ = ["PROMPT_TAGS", "Slot", "Persona", "Strategy", "load_strategy", "list_strategies", "copy_strategy", "parse_strategy",
           "use_strategy_copy", "show_strategy"]

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
    short: dict[str, str] = field(default_factory=dict)  # "ibu rumah tangga": how a post names who it is for
    channels: tuple[str, ...] = ()  # where this persona is reached; empty = everywhere

    def label(self, lang: str) -> str:
        return (self.short or self.name).get(lang) or self.name["id"]


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
    cta: dict[str, dict[str, str]] = field(default_factory=dict)  # channel -> lang -> text (channel-wide)
    source: str = ""
    # pillar -> per prompt the day or event it names ("fri", "payday") or "" (any day)
    prompt_when: dict[str, list[str]] = field(default_factory=dict)
    cta_formats: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)  # (channel, format) -> lang -> text
    ramadan: RamadanHours = DEFAULT_RAMADAN_HOURS  # Ramadan windows; where a live slot moves

    def prompt_bank(self, pillar: str, lang: str) -> list[str]:
        return self.prompts.get(pillar, {}).get(lang, [])

    def call_to_action(self, channel: str, lang: str, fmt: str | None = None) -> str:
        """The strategy's own call to action for `channel` (and `fmt`), or "" when it has none.

        A channel-wide text fits the formats with comments; a story or a live takes the
        channel registry's unless the strategy names the format (`[cta.instagram] story = ...`).
        On a channel where people only reply (WhatsApp) the channel-wide text is used for all.
        """
        if fmt is not None:
            own = self.cta_formats.get((channel, fmt))
            if own:
                return own.get(lang, "")
            from ..channels import channel as registry_channel

            ch = registry_channel(channel)
            if not ch.open_cta(fmt) and any(ch.open_cta(f) for f in ch.formats):
                return ""
        return self.cta.get(channel, {}).get(lang, "")

    def prompt_tag(self, pillar: str, index: int) -> str:
        tags = self.prompt_when.get(pillar, [])
        return tags[index] if index < len(tags) else ""

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
            return parse_strategy(read_toml(Path(path)), source=_("built-in {name}").format(name=name_or_path))
    path = Path(name_or_path).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    if path.suffix == ".toml" or path.exists():
        return parse_strategy(read_toml(path), source=str(path))
    raise ConfigError(
        _("unknown strategy {name_or_path!r}: use one of {value}, or a path to a TOML file").format(name_or_path=name_or_path, value=', '.join(list_strategies()))
    )


def show_strategy(name: str | None, workspace: str | None = None) -> tuple[Strategy, str]:
    """The strategy to show and the language to show it in.

    With `name`, a built-in strategy (no workspace needed; its language when one is found,
    else Indonesian); without, the workspace's own.
    """
    from ..errors import WorkspaceError
    from ..workspace import Workspace

    if name is None:
        ws = Workspace.open(workspace)
        return ws.strategy, ws.language
    if name not in list_strategies():
        raise InputError(_("unknown strategy {name!r}: use one of {choices}").format(name=name, choices=", ".join(list_strategies())))
    try:
        lang = Workspace.open(workspace).language
    except WorkspaceError:
        lang = "id"
    return load_strategy(name), lang


def copy_strategy(name: str, dest: Path) -> Path:
    """Copy a built-in strategy to `dest` (a file or folder) so the user can edit it."""
    if name not in list_strategies():
        raise InputError(_("unknown strategy {name!r}: use one of {value}").format(name=name, value=', '.join(list_strategies())))
    target = dest / f"strategy-{name}.toml" if dest.is_dir() else dest
    if target.exists():
        raise InputError(_("{target} already exists; choose another name or remove it first").format(target=target))
    if not target.parent.is_dir():
        raise InputError(_("folder {parent} does not exist; create it first or choose another path").format(parent=target.parent))
    with resources.as_file(_builtin_dir() / f"{name}.toml") as src:
        shutil.copyfile(src, target)
    return target


def _bilingual(value: Any, where: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"id": value, "en": value}
    if not isinstance(value, dict) or not all(isinstance(value.get(lang), str) for lang in _LANGS):
        raise ConfigError(_('{where} must have both id and en text, e.g. {{ id = "...", en = "..." }}').format(where=where))
    return {lang: value[lang] for lang in _LANGS}


def parse_strategy(raw: dict[str, Any], *, source: str = "strategy") -> Strategy:
    """Check a strategy's TOML data; every error names the key that is wrong."""

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{source}: {key}: {problem}")

    known = {"name", "title", "audience", "mix", "slots", "hashtags", "prompts", "cta", "description", "ramadan"}
    for key in raw:
        if key not in known:
            raise fail(key, _("unknown key; valid keys are {value}").format(value=', '.join(sorted(known))))

    slots_raw = raw.get("slots")
    if not isinstance(slots_raw, list) or not slots_raw:
        raise fail("slots", _("a strategy needs at least one [[slots]] entry with day, time, channel and format"))
    slots: list[Slot] = []
    for i, s in enumerate(slots_raw):
        where = f"slots[{i}]"
        if not isinstance(s, dict):
            raise fail(where, _("must be a table with day, time, channel and format"))
        for key in s:
            if key not in {"day", "time", "channel", "format"}:
                raise fail(f"{where}.{key}", _("unknown key; a slot has day, time, channel and format"))
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
            raise fail(f"{where}.time", _("{time!r} is not a time; write HH:MM, e.g. 19:00").format(time=time))
        slots.append(Slot(day, f"{int(m.group(1)):02d}:{m.group(2)}", channel, fmt))

    mix_raw = raw.get("mix")
    if not isinstance(mix_raw, dict) or not mix_raw:
        raise fail("mix", _("give each pillar a weight, e.g. storytelling = 3"))
    mix: dict[str, float] = {}
    for pillar, weight in mix_raw.items():
        try:
            check_pillar(pillar)
        except InputError as exc:
            raise fail(f"mix.{pillar}", str(exc)) from None
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight < 0:
            raise fail(f"mix.{pillar}", _("weight must be a number, 0 or more"))
        if weight > 0:
            mix[pillar] = float(weight)
    total = sum(mix.values())
    if total <= 0:
        raise fail("mix", _("at least one pillar needs a weight above 0"))
    mix = {p: w / total for p, w in sorted(mix.items(), key=lambda kv: PILLARS.index(kv[0]))}

    prompts, prompt_when = _parse_prompts(raw.get("prompts") or {}, fail)
    for pillar in mix:
        if pillar not in prompts:
            raise fail(f"prompts.{pillar}", _("missing: every pillar in the mix needs prompts in id and en"))

    hashtags: dict[str, list[str]] = {}
    for pillar, tags in (raw.get("hashtags") or {}).items():
        if pillar != "brand":
            try:
                check_pillar(pillar)
            except InputError as exc:
                raise fail(f"hashtags.{pillar}", str(exc)) from None
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise fail(f"hashtags.{pillar}", _("must be a list of text"))
        hashtags[pillar] = [t.strip().lstrip("#") for t in tags if t.strip()]

    cta, cta_formats = _parse_cta(raw.get("cta") or {}, source, fail)

    audience: list[Persona] = []
    for i, p in enumerate(raw.get("audience") or []):
        where = f"{source}: audience[{i}]"
        if not isinstance(p, dict):
            raise fail(f"audience[{i}]", _("must be a table with name, demography, preferences and habits"))
        audience.append(
            Persona(
                name=_bilingual(p.get("name"), f"{where}.name"),
                demography=_bilingual(p.get("demography", ""), f"{where}.demography"),
                preferences=_bilingual(p.get("preferences", ""), f"{where}.preferences"),
                habits=_bilingual(p.get("habits", ""), f"{where}.habits"),
                short=_bilingual(p.get("short", p.get("name")), f"{where}.short"),
                channels=_persona_channels(p.get("channels", []), f"audience[{i}].channels", fail),
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
        prompt_when=prompt_when,
        cta=cta,
        cta_formats=cta_formats,
        source=source,
        ramadan=parse_ramadan_hours(raw.get("ramadan"), source),
    )


# The days and events a prompt may name: a "Friday deal" only on Friday, "promo gajian" only at payday.
PROMPT_TAGS = (*WEEKDAYS, "weekend", "payday", "twin_date", "harbolnas", "ramadan", "lebaran", "syawal")


def _parse_prompts(
    raw: dict[str, Any], fail: Any
) -> tuple[dict[str, dict[str, list[str]]], dict[str, list[str]]]:
    """`[prompts.PILLAR] id = [...] en = [...]`; an item may be `{ text = "...", when = "fri" }`.

    The tag (`when`) may sit on either language's item; when both carry one they must agree.
    """
    prompts: dict[str, dict[str, list[str]]] = {}
    when: dict[str, list[str]] = {}
    for pillar, langs in raw.items():
        try:
            check_pillar(pillar)
        except InputError as exc:
            raise fail(f"prompts.{pillar}", str(exc)) from None
        if not isinstance(langs, dict):
            raise fail(f"prompts.{pillar}", _("must have id = [...] and en = [...]"))
        bank: dict[str, list[str]] = {}
        tags: dict[str, list[str]] = {}
        for lang in _LANGS:
            items = langs.get(lang)
            if not isinstance(items, list) or not items:
                raise fail(f"prompts.{pillar}.{lang}", _("must be a non-empty list of text"))
            texts, found = [], []
            for k, item in enumerate(items):
                tag = ""
                if isinstance(item, dict):
                    tag = str(item.get("when", "")).strip().lower()
                    item = item.get("text")
                if not isinstance(item, str) or not item.strip():
                    raise fail(f"prompts.{pillar}.{lang}[{k}]", _('must be text, or { text = "...", when = "fri" }'))
                if tag and tag not in PROMPT_TAGS:
                    raise fail(f"prompts.{pillar}.{lang}[{k}].when", _("unknown {tag!r}; use one of {choices}").format(
                        tag=tag, choices=", ".join(PROMPT_TAGS)))
                texts.append(item.strip())
                found.append(tag)
            bank[lang], tags[lang] = texts, found
        if len(bank["id"]) != len(bank["en"]):
            raise fail(f"prompts.{pillar}", _("id and en need the same number of prompts, in the same order"))
        merged = []
        for k, (a, b) in enumerate(zip(tags["id"], tags["en"])):
            if a and b and a != b:
                raise fail(f"prompts.{pillar}[{k}].when", _("id says {a!r} and en says {b!r}; give one").format(a=a, b=b))
            merged.append(a or b)
        prompts[pillar] = bank
        when[pillar] = merged
    return prompts, when


def _parse_cta(
    raw: dict[str, Any], source: str, fail: Any
) -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    """`[cta] instagram = { id, en }` (channel-wide) or `[cta.whatsapp] broadcast = { id, en }` (one format)."""
    cta: dict[str, dict[str, str]] = {}
    by_format: dict[tuple[str, str], dict[str, str]] = {}
    for channel, text in raw.items():
        if channel not in CHANNELS:
            raise fail(f"cta.{channel}", _("unknown channel; use one of {choices}").format(choices=", ".join(CHANNELS)))
        if isinstance(text, dict) and not set(text) <= set(_LANGS):
            for fmt, words in text.items():
                try:
                    check_channel_format(channel, check_format(fmt))
                except InputError as exc:
                    raise fail(f"cta.{channel}.{fmt}", str(exc)) from None
                by_format[(channel, fmt)] = _bilingual(words, f"{source}: cta.{channel}.{fmt}")
        else:
            cta[channel] = _bilingual(text, f"{source}: cta.{channel}")
    return cta, by_format


def _persona_channels(value: Any, where: str, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(where, _('must be a list of channels, e.g. ["instagram", "shopee"]'))
    try:
        return tuple(check_channel(v) for v in value)
    except InputError as exc:
        raise fail(where, str(exc)) from None


def use_strategy_copy(ws: Any, name: str, dest: Path | None = None) -> Path:
    """Copy built-in `name` into the workspace and point contentkit.toml at the copy."""
    from ..atomic import write_atomic
    from ..workspace import CONFIG_NAME

    target = copy_strategy(name, ws.check_output(dest) if dest else ws.root)
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
