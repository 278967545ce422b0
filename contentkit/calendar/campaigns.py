"""Campaigns: an anchor day plus steps at day offsets (H-60 … H+7), kept as data.

A campaign template is a TOML file (templates/campaigns/*.toml, or the user's
own) with an `anchor` and `[[steps]]`; each step is a post (channel, format,
pillar, stage, prompt in id and en) or a to-do for the seller. Built-in
templates with a computed anchor (Idul Fitri, Imlek, the 25th, the twin dates,
a fixed day such as 08-17) run every year for the workspace's sector; a
template without one (`kuliner-launch`) is added by the user with a date
(`contentkit campaign add "Launch Koleksi Raya" --on 2027-02-20 --from kuliner-launch`).

`occurrences(ws, start, end)` lists every step falling in a date range: the
planner puts each on its day, at its time; `CampaignBook` keeps the user's
campaigns.

>>> steps = occurrences(ws, date(2026, 12, 1), date(2026, 12, 31))   # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any


from ..config import read_toml
from ..formatting import format_day_month
from ..errors import ConfigError, InputError
from ..i18n import _
from ..vocab import PILLAR_STAGES, SECTORS, STAGES, check_channel, check_channel_format, check_format, check_pillar
from .events import events_between

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = [
    "Step", "CampaignTemplate", "Occurrence", "CampaignSettings",
    "parse_campaign", "builtin_campaigns", "load_campaign", "occurrences", "campaign_settings",
    "anchor_days", "lebaran_days", "campaign_key",
]

ANCHORS = ("idul_fitri", "imlek", "payday", "month_start", "twin_dates", "cuti_bersama", "user")
_FIXED = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_BASES = ("anchor", "courier_cutoff", "reopen")
_STEP_KEYS = {"offset", "time", "channel", "format", "pillar", "stage", "prompt", "sectors", "from", "kind"}
MARKETPLACES = ("shopee", "tokopedia", "tiktok")
_NAMES = {"shopee": "Shopee", "tokopedia": "Tokopedia", "tiktok": "TikTok Shop"}


@dataclass(frozen=True)
class Step:
    """One step: `offset` days from the anchor (or from the courier cut-off / reopening day)."""

    offset: int
    time: str
    channel: str  # a channel, or "marketplace": the shop's marketplace from contentkit.toml
    format: str
    pillar: str
    stage: str
    prompt: dict[str, str]
    sectors: tuple[str, ...] = ()
    base: str = "anchor"
    kind: str = "post"  # post | todo

    def label(self) -> str:
        """`H-3`, `H`, `H+1`, or `cut-off H-1` for a step counted from another day."""
        h = "H" if self.offset == 0 else f"H{self.offset:+d}"
        return h if self.base == "anchor" else f"{self.base.replace('_', '-')} {h}"


@dataclass(frozen=True)
class CampaignTemplate:
    name: str
    title: dict[str, str]
    anchor: str  # one of ANCHORS or a fixed MM-DD
    steps: tuple[Step, ...]
    source: str = ""

    def for_sector(self, sector: str) -> list[tuple[int, Step]]:
        """(index, step) of the steps for `sector`: a step without `sectors` is for every sector."""
        return [(i, s) for i, s in enumerate(self.steps) if not s.sectors or sector in s.sectors]


@dataclass(frozen=True)
class Occurrence:
    """A step on its day: where the planner puts a post (or a to-do)."""

    campaign: str
    title: dict[str, str]
    anchor: date
    index: int
    step: Step
    day: date
    fields: dict[str, str]
    channel: str  # the step's channel, "marketplace" resolved to the shop's

    @property
    def key(self) -> str:
        """Stable across runs: campaign, anchor and step, so planning again adds nothing."""
        return f"campaign:{self.campaign}:{self.anchor.isoformat()}:{self.index}"

    def text(self, lang: str) -> str:
        template = self.step.prompt.get(lang) or self.step.prompt["id"]
        for name, value in self.fields.items():
            template = template.replace("{" + name + "}", value)
        return template


@dataclass(frozen=True)
class CampaignSettings:
    """The [campaigns] section of contentkit.toml."""

    sector: str
    marketplace: str = "shopee"
    courier_cutoff: date | None = None
    reopen: date | None = None
    off: tuple[str, ...] = ()


def _fail(source: str, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{source}: {key}: {problem}")


def _bilingual(value: Any, source: str, key: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value[k].strip() for k in ("id", "en")):
        raise _fail(source, key, _('needs text in both languages: { id = "...", en = "..." }'))
    return {"id": value["id"].strip(), "en": value["en"].strip()}


def parse_campaign(raw: dict[str, Any], *, source: str = "campaign") -> CampaignTemplate:
    """Check a campaign template's data; every error names the key that is wrong."""
    known = {"name", "title", "anchor", "steps", "description"}
    for key in raw:
        if key not in known:
            raise _fail(source, key, _("unknown key; valid keys are {keys}").format(keys=", ".join(sorted(known))))
    anchor = str(raw.get("anchor", "user"))
    if anchor not in ANCHORS and not _FIXED.match(anchor):
        raise _fail(source, "anchor", _("{anchor!r} is not an anchor; use one of {anchors} or a day MM-DD").format(
            anchor=anchor, anchors=", ".join(ANCHORS)))
    steps_raw = raw.get("steps")
    if not isinstance(steps_raw, list) or not steps_raw:
        raise _fail(source, "steps", _("a campaign needs at least one [[steps]] entry"))
    steps = []
    for i, s in enumerate(steps_raw):
        where = f"steps[{i}]"
        if not isinstance(s, dict):
            raise _fail(source, where, _("must be a table with offset, channel, format, pillar and prompt"))
        for key in s:
            if key not in _STEP_KEYS:
                raise _fail(source, f"{where}.{key}", _("unknown key; a step has {keys}").format(keys=", ".join(sorted(_STEP_KEYS))))
        offset = s.get("offset")
        if not isinstance(offset, int) or isinstance(offset, bool) or not -120 <= offset <= 60:
            raise _fail(source, f"{where}.offset", _("must be a whole number of days from -120 to 60, e.g. -3 for H-3"))
        time = str(s.get("time", "19:00"))
        if not _TIME.match(time):
            raise _fail(source, f"{where}.time", _("{time!r} is not a time; write HH:MM, e.g. 00:00 or 19:30").format(time=time))
        try:
            fmt = check_format(str(s.get("format", "")))
            channel = str(s.get("channel", ""))
            if channel != "marketplace":
                channel = check_channel(channel)
                check_channel_format(channel, fmt)
            pillar = check_pillar(str(s.get("pillar", "")))
        except InputError as exc:
            raise _fail(source, where, str(exc)) from None
        stage = str(s.get("stage", PILLAR_STAGES.get(pillar, "creative_content")))
        if stage not in STAGES:
            raise _fail(source, f"{where}.stage", _("unknown stage {stage!r}; use one of {choices}").format(stage=stage, choices=", ".join(STAGES)))
        sectors = s.get("sectors", [])
        if not isinstance(sectors, list) or any(x not in SECTORS for x in sectors):
            raise _fail(source, f"{where}.sectors", _("must be a list of sectors: {choices}").format(choices=", ".join(SECTORS)))
        base = str(s.get("from", "anchor"))
        if base not in _BASES:
            raise _fail(source, f"{where}.from", _("use one of {choices}").format(choices=", ".join(_BASES)))
        kind = str(s.get("kind", "post"))
        if kind not in ("post", "todo"):
            raise _fail(source, f"{where}.kind", _("use post (a planned post) or todo (a reminder for the seller)"))
        steps.append(Step(offset, time, channel, fmt, pillar, stage, _bilingual(s.get("prompt"), source, f"{where}.prompt"),
                          tuple(sectors), base, kind))
    name = str(raw.get("name", "")).strip()
    if not name:
        raise _fail(source, "name", _('missing; give the campaign a name, e.g. name = "launch"'))
    title = _bilingual(raw.get("title", {"id": name, "en": name}), source, "title")
    return CampaignTemplate(name, title, anchor, tuple(steps), source)


def _builtin_dir() -> Any:
    return resources.files("contentkit.templates") / "campaigns"


@lru_cache(maxsize=1)
def builtin_campaigns() -> dict[str, CampaignTemplate]:
    """Every built-in template by name: the yearly ones and the ones a user dates (`kuliner-launch`)."""
    import tomllib

    found = {}
    for entry in sorted(_builtin_dir().iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            tpl = parse_campaign(tomllib.loads(entry.read_text("utf-8")), source=f"built-in {entry.name}")
            found[tpl.name] = tpl
    return found


def load_campaign(name_or_path: str, *, base: Path | None = None) -> CampaignTemplate:
    """A built-in template by name, or a TOML file (relative to `base`)."""
    builtin = builtin_campaigns()
    if name_or_path in builtin:
        return builtin[name_or_path]
    path = Path(name_or_path).expanduser()
    if base is not None and not path.is_absolute():
        path = base / path
    if path.suffix == ".toml" or path.exists():
        return parse_campaign(read_toml(path), source=str(path))
    dated = sorted(n for n, t in builtin.items() if t.anchor == "user")
    raise InputError(_("unknown campaign template {name!r}: use one of {choices}, or --file FILE.toml").format(
        name=name_or_path, choices=", ".join(dated)))


def campaign_settings(ws: Workspace) -> CampaignSettings:
    """The workspace's [campaigns] settings, checked."""
    raw: dict[str, Any] = dict(getattr(ws.config, "campaigns", {}) or {})
    known = {"marketplace", "courier_cutoff", "reopen", "off"}
    for key in raw:
        if key not in known:
            raise ConfigError(_("unknown key [campaigns] {key!r} in contentkit.toml: valid keys are {keys}").format(
                key=key, keys=", ".join(sorted(known))))

    def day(key: str) -> date | None:
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(_('[campaigns] {key} in contentkit.toml must be a date, e.g. {key} = "2027-03-03"').format(key=key)) from None

    marketplace = str(raw.get("marketplace") or _strategy_marketplace(ws))
    if marketplace not in MARKETPLACES:
        raise ConfigError(_("[campaigns] marketplace in contentkit.toml must be one of {choices}").format(choices=", ".join(MARKETPLACES)))
    off = raw.get("off", [])
    if not isinstance(off, list) or not all(isinstance(x, str) for x in off):
        raise ConfigError(_('[campaigns] off in contentkit.toml must be a list of campaign names, e.g. off = ["gajian"]'))
    return CampaignSettings(ws.config.sector, marketplace, day("courier_cutoff"), day("reopen"), tuple(off))


def _strategy_marketplace(ws: Workspace) -> str:
    channels = [s.channel for s in ws.strategy.slots]
    return next((c for c in ("shopee", "tokopedia") if c in channels), "shopee")


@lru_cache(maxsize=256)
def anchor_days(anchor: str, year: int) -> tuple[date, ...]:
    if anchor in ("idul_fitri", "imlek"):
        name = "Hari Raya Idul Fitri" if anchor == "idul_fitri" else "Tahun Baru Imlek"
        days = events_between(date(year, 1, 1), date(year, 12, 31))
        return tuple(e.day for e in days if e.public_holiday and e.name["id"] == name)
    if anchor == "payday":
        return tuple(date(year, m, 25) for m in range(1, 13))
    if anchor == "month_start":
        return tuple(date(year, m, 1) for m in range(1, 13))
    if anchor == "twin_dates":
        return tuple(date(year, m, m) for m in range(1, 12))  # 12.12 is Harbolnas, its own campaign
    if anchor == "cuti_bersama":
        # The first day of each run of cuti bersama; Lebaran's are the Ramadan–Lebaran campaign's.
        leave = sorted(e.day for e in events_between(date(year, 1, 1), date(year, 12, 31))
                       if e.kind == "cuti_bersama" and "Idul Fitri" not in e.name["id"])
        return tuple(d for i, d in enumerate(leave) if i == 0 or (d - leave[i - 1]).days > 1)
    m = _FIXED.match(anchor)
    if m:
        return (date(year, int(m.group(1)), int(m.group(2))),)
    return ()


def lebaran_days(anchor: date, settings: CampaignSettings) -> tuple[date, date]:
    """(courier cut-off, reopening day) around the Idul Fitri `anchor`.

    Defaults: the cut-off is H-7 (couriers stop taking parcels for delivery
    before Lebaran about a week ahead); the shop reopens the day after the
    last Lebaran holiday or cuti bersama day.
    """
    cutoff = settings.courier_cutoff
    if cutoff is None or not timedelta(days=1) <= anchor - cutoff <= timedelta(days=60):
        cutoff = anchor - timedelta(days=7)
    reopen = settings.reopen
    if reopen is None or not timedelta(days=1) <= reopen - anchor <= timedelta(days=30):
        closed = [e.day for e in events_between(anchor, anchor + timedelta(days=10))
                  if e.kind in ("lebaran", "cuti_bersama")]
        last = anchor
        for d in sorted(closed):
            if (d - last).days <= 3:  # a weekend between two days off keeps the shop closed
                last = d
        reopen = last + timedelta(days=1)
    return cutoff, reopen


def _fields(tpl: CampaignTemplate, anchor: date, lang: str, settings: CampaignSettings, brand: str,
            cutoff: date | None, reopen: date | None) -> dict[str, str]:
    fields = {
        "brand": brand,
        "date": format_day_month(anchor, lang),
        "twin": f"{anchor.month}.{anchor.month}",
        "year": str(anchor.year),
        "next_year": str(anchor.year + 1),
        "marketplace": _NAMES[settings.marketplace],
        "name": tpl.title.get(lang, tpl.title["id"]),
    }
    if cutoff is not None and reopen is not None:
        fields["cutoff"] = format_day_month(cutoff, lang)
        fields["reopen"] = format_day_month(reopen, lang)
    if tpl.anchor == "cuti_bersama":
        leave = next((e for e in events_between(anchor, anchor) if e.kind == "cuti_bersama"), None)
        if leave is not None:
            prefix = "Cuti Bersama " if lang == "id" else ""
            fields["holiday"] = leave.label(lang).removeprefix(prefix)
        fields["next_day"] = format_day_month(next_working_day(anchor), lang)
    return fields


def next_working_day(day: date) -> date:
    """The first day after `day` that is no weekend, public holiday or cuti bersama."""
    nxt = day + timedelta(days=1)
    while nxt.weekday() >= 5 or any(e.public_holiday or e.kind == "cuti_bersama" for e in events_between(nxt, nxt)):
        nxt += timedelta(days=1)
    return nxt


def occurrences(ws: Workspace, start: date, end: date, *, user: list[Any] | None = None) -> list[Occurrence]:
    """Every campaign step from `start` to `end` (inclusive), built-in and the user's, by day.

    `user` holds the stored `Campaign` records (read from the store when None).
    """
    from ..records import Campaign

    settings = campaign_settings(ws)
    lang = ws.language
    plans: list[tuple[str, CampaignTemplate, list[date]]] = []
    for name, tpl in builtin_campaigns().items():
        if tpl.anchor == "user" or name in settings.off:
            continue
        anchors = [a for y in range(start.year - 1, end.year + 2) for a in anchor_days(tpl.anchor, y)]
        plans.append((name, tpl, anchors))
    campaigns = user if user is not None else ws.store.read().all(Campaign)
    for c in campaigns:
        tpl = parse_campaign({"name": c.name, "title": c.title or {"id": c.name, "en": c.name}, "anchor": "user",
                              "steps": c.steps}, source=f"campaign {c.name}")
        plans.append((campaign_key(c.name), tpl, [c.on]))
    found: list[Occurrence] = []
    for key, tpl, anchors in plans:
        sector_steps = tpl.for_sector(settings.sector)
        for anchor in anchors:
            cutoff, reopen = lebaran_days(anchor, settings) if tpl.anchor == "idul_fitri" else (None, None)
            fields: dict[str, str] | None = None
            for index, step in sector_steps:
                base = {"anchor": anchor, "courier_cutoff": cutoff, "reopen": reopen}[step.base] or anchor
                day = base + timedelta(days=step.offset)
                if start <= day <= end:
                    fields = fields or _fields(tpl, anchor, lang, settings, ws.config.brand, cutoff, reopen)
                    channel = settings.marketplace if step.channel == "marketplace" else step.channel
                    found.append(Occurrence(key, tpl.title, anchor, index, step, day, fields, channel))
    found.sort(key=lambda o: (o.day, o.step.time, o.key))
    return found


def campaign_key(name: str) -> str:
    """A user campaign's key in slot names: `Launch Koleksi Raya` → `launch-koleksi-raya`."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "campaign"
