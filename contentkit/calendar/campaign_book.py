"""The shop's campaigns: the built-in ones for its sector and the ones it adds.

`contentkit campaign add/list/show/remove` call one method each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum

from ..dates import parse_date
from ..errors import InputError, NotFoundError
from ..i18n import N_, _
from ..records import Campaign
from .campaigns import (
    CampaignTemplate,
    Occurrence,
    anchor_days,
    builtin_campaigns,
    campaign_key,
    campaign_settings,
    load_campaign,
    occurrences,
    parse_campaign,
)

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["CampaignBook", "CampaignInfo"]

_ANCHOR_WORDS = {
    "idul_fitri": N_("Idul Fitri (H = 1 Syawal)"),
    "imlek": "Imlek",
    "payday": N_("the 25th of every month"),
    "month_start": N_("the 1st of every month"),
    "twin_dates": N_("every twin date 1.1 … 11.11"),
    "cuti_bersama": N_("each cuti bersama outside Lebaran"),
}


@dataclass(frozen=True)
class CampaignInfo:
    """One line of `campaign list`."""

    name: str
    title: str
    source: str  # built-in | yours | off
    anchor: str
    next_date: date | None
    steps: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "source": self.source, "anchor": self.anchor,
                "next": self.next_date.isoformat() if self.next_date else None, "steps": self.steps}


class CampaignBook:
    """Built-in campaigns run every year for the workspace's sector; the user's run once on their date."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def add(self, name: str, *, on: str | date, template: str | None = None, file: str | None = None) -> Campaign:
        """Add a campaign on `on` from a built-in template (`kuliner-launch`) or a TOML file.

        >>> ws.campaigns.add("Launch Koleksi Raya", on="2027-02-20", template="fesyen-launch")   # doctest: +SKIP
        """
        if not name.strip():
            raise InputError(_('the campaign needs a name: contentkit campaign add "Launch Koleksi Raya" --on DATE --from TEMPLATE'))
        if bool(template) == bool(file):
            raise InputError(_("give either --from TEMPLATE (see `contentkit campaign list`) or --file FILE.toml"))
        tpl = load_campaign(template or str(file), base=Path.cwd())
        if tpl.anchor != "user" and template:
            raise InputError(_("{name} runs by itself every year on {anchor}; "
                               "add a dated one from a launch template, e.g. --from launch").format(
                name=tpl.name, anchor=_(_ANCHOR_WORDS[tpl.anchor]) if tpl.anchor in _ANCHOR_WORDS else tpl.anchor))
        day = parse_date(on)
        name = " ".join(name.split())
        campaign = Campaign(
            name=name, on=date(day.year, day.month, day.day), steps=[_step_dict(s) for s in tpl.steps],
            title={"id": name, "en": name}, template=tpl.name, created_at=pendulum.now(self.ws.tz),
        )
        with self.ws.store.transaction() as tx:
            if any(c.name.lower() == name.lower() for c in tx.all(Campaign)):
                raise InputError(_("a campaign named {name!r} already exists; choose another name or remove it first").format(name=name))
            tx.save(campaign)
        return campaign

    def templates(self) -> list[CampaignTemplate]:
        """The templates a user dates with `campaign add --from`."""
        return [t for t in builtin_campaigns().values() if t.anchor == "user"]

    def show(self, name: str, *, today: date | None = None) -> list[Occurrence]:
        """The steps of campaign `name` on their days: the next run of a built-in one, or the user's date."""
        day = today or pendulum.now(self.ws.tz).date()
        key, anchor = self._anchor(name, day)
        first, last = anchor - timedelta(days=130), anchor + timedelta(days=60)
        return [o for o in occurrences(self.ws, first, last) if o.campaign == key and o.anchor == anchor]

    def remove(self, name: str) -> Campaign:
        """Remove one of the shop's campaigns; posts already planned from it stay."""
        if name in builtin_campaigns():
            raise InputError(_('{name} is built in; leave it out with off = ["{name}"] under [campaigns] in contentkit.toml').format(name=name))
        with self.ws.store.transaction() as tx:
            found = [c for c in tx.all(Campaign) if c.name.lower() == name.strip().lower() or c.id == name.strip().upper()]
            if not found:
                raise NotFoundError(_("no campaign named {name!r}; see `contentkit campaign list`").format(name=name))
            tx.delete(Campaign, found[0].id)
        return found[0]

    def list(self, *, today: date | None = None) -> list[CampaignInfo]:
        """Built-in campaigns (with their next date) and the shop's own, in that order."""
        day = today or pendulum.now(self.ws.tz).date()
        settings = campaign_settings(self.ws)
        out = []
        for name, tpl in builtin_campaigns().items():
            if tpl.anchor == "user":
                continue
            steps = len(tpl.for_sector(settings.sector))
            out.append(CampaignInfo(name, tpl.title[self.ws.language], N_("off") if name in settings.off else N_("built-in"),
                                    _ANCHOR_WORDS.get(tpl.anchor, tpl.anchor), _next_anchor(tpl, day), steps))
        for c in self.ws.store.read().all(Campaign):
            out.append(CampaignInfo(c.name, c.name, N_("yours"), c.template or "file", c.on, len(c.steps)))
        return out

    def _anchor(self, name: str, day: date) -> tuple[str, date]:
        builtin = builtin_campaigns()
        if name in builtin and builtin[name].anchor != "user":
            tpl = builtin[name]
            anchor = _next_anchor(tpl, day)
            if anchor is None:
                raise NotFoundError(_("{name} has no date in the coming year").format(name=name))
            return name, anchor
        for c in self.ws.store.read().all(Campaign):
            if c.name.lower() == name.strip().lower():
                return campaign_key(c.name), c.on
        raise NotFoundError(_("no campaign named {name!r}; see `contentkit campaign list`").format(name=name))


def _next_anchor(tpl: CampaignTemplate, day: date) -> date | None:
    """The first anchor whose last step is today or later."""
    last = max(s.offset for s in tpl.steps)
    for year in (day.year, day.year + 1):
        for anchor in anchor_days(tpl.anchor, year):
            if anchor + timedelta(days=max(last, 0)) >= day:
                return anchor
    return None


def _step_dict(step: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {"offset": step.offset, "time": step.time, "channel": step.channel, "format": step.format,
                           "pillar": step.pillar, "stage": step.stage, "prompt": dict(step.prompt), "kind": step.kind}
    if step.sectors:
        raw["sectors"] = list(step.sectors)
    if step.base != "anchor":
        raw["from"] = step.base
    parse_campaign({"name": "check", "steps": [raw]})  # the stored copy must load again
    return raw
