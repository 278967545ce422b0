"""What the retail year adds to a planned week: campaign steps, live sessions, greetings, promos.

`Season` lives beside a `WeekPlanner` for one planning run; the planner calls
it through a few small hooks:

- `adjust_times`: the strategy's live slots keep clear of iftar and tarawih
  in Ramadan (moved to the strategy's Ramadan window) and of Idul Fitri (left
  empty), each with a line saying so;
- `week_items`: every campaign step on its day and time, every live session
  with its teasers, and the week's to-dos for the seller (register for a
  platform campaign two weeks ahead). Each has a stable slot key, so planning
  again adds nothing and `--replan` redraws only untouched drafts;
- `greeting`: the reviewed greeting of a public holiday (never of a cuti
  bersama day);
- `promo_post`: a promo slot carries the promo active that day, terms stated;
- `closed`/`closed_pick`: while the shop is closed for Lebaran a promo slot only
  announces the reopening deal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pendulum

from ..formatting import format_day, format_day_month
from ..i18n import _, get_language
from ..records import Campaign, Live, Post, Promo
from ..vocab import CHANNEL_FORMATS, WEEKDAYS
from .campaigns import CampaignSettings, Occurrence, anchor_days, campaign_settings, lebaran_days, occurrences
from .content import Pick
from .events import holiday_event, is_public_holiday
from .greetings import greeting_for
from .live import moved_slot_time
from .promos import active_promo, channel_name, promo_title, promotion_copy, terms_line
from .strategy import Slot

if TYPE_CHECKING:
    from .week import WeekPlanner

__all__ = ["Season", "is_greeting", "is_season_slot", "in_season"]

_FALLBACK_FORMATS = ("feed", "image", "short_video")


def is_season_slot(slot: str | None) -> bool:
    """A campaign step or live session: planned on top of the strategy's slots, outside its mix."""
    return slot is not None and ("#campaign:" in slot or "#live:" in slot)


def is_greeting(post: Post) -> bool:
    """A holiday greeting: no selling hashtags, and it does not count as a stage."""
    return bool(post.prompt_key and post.prompt_key.startswith("greeting"))


class Season:
    """The retail year's additions to one planning run."""

    def __init__(self, planner: WeekPlanner) -> None:
        self.planner = planner
        self.ws = planner.ws
        self.lang = planner.lang
        self.settings: CampaignSettings = campaign_settings(self.ws)
        self.campaigns = planner.tx.all(Campaign)
        self.lives = planner.tx.all(Live)
        self.promos = planner.tx.all(Promo)
        self.notes: list[str] = []  # for the week's warnings, taken by `take_notes`
        self._years: dict[int, dict[date, list[Occurrence]]] = {}

    # -- hooks ----------------------------------------------------------------
    def adjust_times(
        self, times: list[tuple[int, Slot, pendulum.DateTime]]
    ) -> tuple[list[tuple[int, Slot, pendulum.DateTime]], list[str]]:
        """Move Ramadan live slots out of 18:00–20:30; drop those on Idul Fitri."""
        hours = self.planner.strategy.ramadan
        booked = {(pendulum.instance(lv.at).in_timezone(self.ws.tz).date(), lv.channel): lv.id for lv in self.lives}
        out, notes = [], []
        for index, slot, at in times:
            if slot.format != "live":
                out.append((index, slot, at))
                continue
            if (at.date(), slot.channel) in booked:
                continue  # the day's booked session (`live add`) is this channel's live
            moved = moved_slot_time(at, hours)
            when = f"{format_day(at.date(), get_language())} {at.format('HH:mm')}"
            window = {"sahur": "sahur", "ngabuburit": "ngabuburit", "tarawih": _("after tarawih")}[hours.live]
            if moved is None:
                holiday = holiday_event(at.date())
                name = holiday.label(self.lang) if holiday else "Idul Fitri"
                notes.append(_("{when} {channel} live left empty: no live on {name}").format(when=when, channel=slot.channel, name=name))
                continue
            if self.closed(at.date()):
                notes.append(_("{when} {channel} live left empty: the shop is closed for Lebaran").format(when=when, channel=slot.channel))
                continue
            if moved != at:
                notes.append(_("{when} {channel} live moved to {time} ({window}): no live between 18:00 and 20:30 in Ramadan").format(
                    when=when, channel=slot.channel, time=moved.format("HH:mm"), window=window))
            out.append((index, slot, moved))
        out.sort(key=lambda t: (t[2], t[0]))
        return out, notes

    def seasonal_prompt(self, take: Callable[[int], Pick], day: date, tries: int = 16) -> Pick:
        """A prompt from `take(k)` that names no season outside its window on `day` (templates/seasons.toml).

        A prompt that does stays marked as used while the next is taken (so the picker
        moves on), then is given back; the first pick stays when nothing fits.
        """
        rejected: list[Pick] = []
        pick = take(0)
        for k in range(1, tries):
            if in_season(pick.title, day):
                break
            rejected.append(pick)
            pick = take(k)
        else:
            rejected.append(pick)
            pick = rejected[0]  # nothing fits: keep the first pick
        for other in rejected:
            if other is not pick and other.prompt_key:
                self.planner.picker.forget_prompt_use(other.prompt_key, day)
        return pick

    def take_notes(self) -> list[str]:
        """The notes gathered while filling the week (estimated holiday dates), once."""
        notes, self.notes = self.notes, []
        return notes

    def closed_pick(self, day: date) -> Pick | None:
        """While the shop is closed for Lebaran a promo slot announces the reopening deal, it sells nothing."""
        reopen = next((r for start, r in _closures(self.settings, day.year) if start <= day < r), None)
        if reopen is None:
            return None

        text = _fill(promotion_copy()["closed"], self.lang, {"reopen": format_day_month(reopen, self.lang)})
        return Pick(title=text, prompt_key="promo.closed")

    def closed(self, day: date) -> bool:
        """True from the eve of Idul Fitri until the shop reopens (no promos then)."""
        return any(start <= day < reopen for start, reopen in _closures(self.settings, day.year))

    def greeting(self, day: date) -> Pick | None:
        """The day's reviewed holiday greeting, or None (no public holiday, or none for it)."""
        holiday = holiday_event(day)
        if holiday is None:
            return None
        text = greeting_for(holiday, self.lang, self.ws.config.brand)
        if text is None:
            return None
        if holiday.estimated:
            self.notes.append(_("{day} greeting: {holiday}; check the date when it is announced and redraw with "
                                "`contentkit plan --replan`").format(day=format_day(day, get_language()), holiday=holiday.shown(self.lang)))
        return Pick(title=text, prompt_key=f"greeting:{holiday.name['id']}", event=holiday.label(self.lang), greeting=True)

    def promo_post(self, label: str, index: int, slot: Slot, at: pendulum.DateTime) -> Post | None:
        """A promo slot's post for the promo active that day on this channel, terms in the caption."""
        promo = active_promo(self.promos, at.date(), slot.channel)
        if promo is None:
            return None
        pick = Pick(title=promo_title(promo, self.lang), prompt_key=f"promo.{promo.id}")
        post = self.planner._make_post(label, index, slot, at, "promo", pick)
        self._add_line(post, terms_line(promo, self.lang))
        return post

    def week_items(
        self, label: str, monday: date, *, replan: bool, not_before: date | None
    ) -> tuple[list[Post], list[Post], list[str], int]:
        """(kept posts, new posts, to-dos, drafts redrawn) that campaigns and lives put in this week."""
        sunday = monday + timedelta(days=6)
        items: list[tuple[str, Any]] = []
        todos: list[str] = []
        for occ in self._occurrences(monday, sunday):
            if occ.step.kind == "todo":
                when = format_day(occ.day, self.lang)
                todos.append(f"{when}: {occ.text(self.lang)}")
                continue
            if occ.step.pillar == "promo" and (is_public_holiday(occ.day) or self.closed(occ.day)):
                continue  # no selling on a holiday or while the shop is closed
            items.append((occ.key, occ))
        tz = self.ws.tz
        for live in self.lives:
            start = pendulum.instance(live.at).in_timezone(tz)
            for key, at, channel, fmt, kind in _live_items(live, start):
                if monday <= at.date() <= sunday:
                    items.append((key, (live, at, channel, fmt, kind)))
        from .week import _redrawable as redrawable

        kept: list[Post] = []
        new: list[Post] = []
        replaced = 0
        for key, item in items:
            slot_key = f"{label}#{key}"
            rows = self.planner.by_slot.get(slot_key, [])
            keep = []
            for row in rows:
                if replan and redrawable(row):
                    self.planner._remove(row)
                    replaced += 1
                else:
                    keep.append(row)
            self.planner.by_slot[slot_key] = keep
            if keep:
                kept.extend(Post.from_dict(r) for r in keep if r.get("status") != "skipped")
                continue
            post = self._occurrence_post(label, item) if isinstance(item, Occurrence) else self._live_post(label, *item)
            if not_before is not None and pendulum.instance(post.at).date() < not_before:
                continue
            post.slot = slot_key
            new.append(post)
        return kept, new, todos, replaced

    def _occurrences(self, first: date, last: date) -> list[Occurrence]:
        """The steps from `first` to `last`, from a per-year table built once per run."""
        found: list[Occurrence] = []
        for year in range(first.year, last.year + 1):
            table = self._years.get(year)
            if table is None:
                table = self._years[year] = {}
                for occ in occurrences(self.ws, date(year, 1, 1), date(year, 12, 31), user=self.campaigns):
                    table.setdefault(occ.day, []).append(occ)
            day = max(first, date(year, 1, 1))
            while day <= min(last, date(year, 12, 31)):
                found.extend(table.get(day, ()))
                day += timedelta(days=1)
        return found

    # -- posts ----------------------------------------------------------------
    def _channel(self, channel: str, fmt: str) -> tuple[str, str]:
        if fmt not in CHANNEL_FORMATS.get(channel, (fmt,)):
            fmt = next(f for f in _FALLBACK_FORMATS if f in CHANNEL_FORMATS[channel])
        return channel, fmt

    def _at(self, day: date, hhmm: str) -> pendulum.DateTime:
        h, m = (int(x) for x in hhmm.split(":"))
        return pendulum.datetime(day.year, day.month, day.day, h, m, tz=self.ws.tz)

    def _occurrence_post(self, label: str, occ: Occurrence) -> Post:
        channel, fmt = self._channel(occ.channel, occ.step.format)
        at = self._at(occ.day, occ.step.time)
        slot = Slot(WEEKDAYS[occ.day.weekday()], occ.step.time, channel, fmt)
        pick = Pick(title=occ.text(self.lang), prompt_key=f"campaign:{occ.campaign}:{occ.index}",
                    event=occ.title.get(self.lang, occ.title["id"]), own_copy=True)
        post = self.planner._make_post(label, 0, slot, at, occ.step.pillar, pick)
        if occ.step.pillar == "promo":
            promo = active_promo(self.promos, occ.day, channel)
            if promo is not None:
                self._add_line(post, terms_line(promo, self.lang))
        return post

    def _live_post(self, label: str, live: Live, at: pendulum.DateTime, channel: str, fmt: str, kind: str) -> Post:
        copy = promotion_copy()["live"]
        start = pendulum.instance(live.at).in_timezone(self.ws.tz)
        host = live.host
        fields = {
            "host": host, "products": ", ".join(live.products), "voucher": live.voucher,
            "time": start.format("HH.mm" if self.lang == "id" else "HH:mm") + _zone(self.ws.tz),
            "channel": channel_name(live.channel), "minutes": str(live.duration_min),
            "with_host": _fill(copy["with_host"], self.lang, {"host": host}) if host else "",
        }
        if kind == "live":
            title = _fill(copy["post" if host else "post_no_host"], self.lang, fields)
        else:
            title = _fill(copy[kind], self.lang, fields)
        slot = Slot(WEEKDAYS[at.weekday()], at.format("HH:mm"), channel, fmt)
        pick = Pick(title=title, prompt_key=f"live:{live.id}:{kind}", event="Live shopping", own_copy=True)
        post = self.planner._make_post(label, 0, slot, at, "promo", pick)
        if kind == "live":
            self._add_line(post, _fill(copy["details" if live.voucher else "details_no_voucher"], self.lang, fields))
            post.duration_s = None
        return post

    def _add_line(self, post: Post, line: str) -> None:
        """Put `line` right under the caption's first paragraph (the title), then refit the channel's limits."""
        from .captions import fit_caption

        head, _, rest = post.caption.partition("\n\n")
        post.caption = "\n\n".join(part for part in (head, line, rest) if part)
        post.caption, post.hashtags = fit_caption(post.caption, post.hashtags, post.channel, self.planner.overrides)


@lru_cache(maxsize=1)
def _windows() -> tuple[tuple[str, tuple[str, ...]], ...]:
    import tomllib
    from importlib import resources

    data = tomllib.loads((resources.files("contentkit.templates") / "seasons.toml").read_text("utf-8"))
    return tuple((w["when"], tuple(w["words"])) for w in data["window"])


def in_season(text: str, day: date) -> bool:
    """False when `text` names a season (gajian, Lebaran, sahur, Harbolnas …) that `day` is outside of;
    the windows are `content.tag_fits`'s, the words templates/seasons.toml's.

    >>> in_season("Promo gajian: beli 3 hijab", date(2027, 3, 14))
    False
    """
    from .content import tag_fits

    lowered = text.lower()
    return all(tag_fits(when, day) for when, words in _windows() if any(w in lowered for w in words))


def _zone(tz: str) -> str:
    """` WIB`, ` WITA`, ` WIT` for Indonesia's zones; nothing elsewhere."""
    names = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
    return f" {names[tz]}" if tz in names else ""


def _fill(entry: dict[str, str], lang: str, fields: dict[str, str]) -> str:
    text = entry.get(lang) or entry["id"]
    for key, value in fields.items():
        text = text.replace("{" + key + "}", value)
    return text


def _live_items(live: Live, start: pendulum.DateTime) -> list[tuple[str, pendulum.DateTime, str, str, str]]:
    """(key, time, channel, format, kind) of a live and its four teasers."""
    items = [(f"live:{live.id}", start, live.channel, "live", "live")]
    for kind, at in (("day_before", start.subtract(days=1)), ("two_hours", start.subtract(hours=2))):
        items.append((f"live:{live.id}:{kind}:instagram", at, "instagram", "story", kind))
        items.append((f"live:{live.id}:{kind}:whatsapp", at, "whatsapp", "status", kind))
    return items


@lru_cache(maxsize=32)
def _closures(settings: CampaignSettings, year: int) -> tuple[tuple[date, date], ...]:
    """(eve of Idul Fitri, reopening day) around each Idul Fitri near `year`."""
    out = []
    for y in (year - 1, year):
        for anchor in anchor_days("idul_fitri", y):
            _, reopen = lebaran_days(anchor, settings)
            out.append((anchor - timedelta(days=1), reopen))
    return tuple(out)

