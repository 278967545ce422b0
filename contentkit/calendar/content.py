"""Choosing what goes into a slot: series episodes, backlog ideas, prompts, events,
caption bodies and the persona a post speaks to.

`ContentPicker` is built once per planning run from the store's rows, so
filling 52 weeks costs index look-ups, not scans. Every text it hands out fits
the slot's channel (`fits_channel`: no other platform on a marketplace, no
"komentar" on a story) and a prompt tagged with a day or event ("fri",
"payday") only goes on that day.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..records import Idea, Series
from .limits import fits_channel
from .strategy import Strategy

__all__ = ["Pick", "ContentPicker", "PROMPT_REUSE_WEEKS", "tag_fits"]

PROMPT_REUSE_WEEKS = 8


@dataclass
class Pick:
    """What fills a slot: the title and where it came from."""

    title: str
    idea: Idea | None = None
    prompt_key: str | None = None
    event: str | None = None
    greeting: bool = False
    well_filled: bool = True  # False when every prompt was used recently
    # A campaign step or a live teaser says all it needs: no pillar body, which a burst of
    # run-up posts would repeat within days.
    own_copy: bool = False


class ContentPicker:
    """Backlog ideas by (pillar, format) and prompt use by pillar, for one planning run."""

    def __init__(
        self, strategy: Strategy, lang: str, ideas: Iterable[Idea], post_rows: Iterable[dict[str, Any]],
        *, sector: str = "umum",
    ) -> None:
        self.strategy = strategy
        self.lang = lang
        self.sector = sector
        self._persona_use: Counter[str] = Counter()
        self._ideas: dict[tuple[str, str], list[Idea]] = defaultdict(list)
        for idea in ideas:
            if not idea.used_by:
                self._ideas[(idea.pillar, idea.format)].append(idea)
        for bucket in self._ideas.values():
            bucket.sort(key=lambda i: (-i.priority, int(i.id[1:])))
        # prompt key -> the days it was used (a planning run may look back and forward)
        self._prompt_days: dict[str, list[date]] = defaultdict(list)
        for row in post_rows:
            if not row.get("at"):
                continue
            for key in (row.get("prompt_key"), row.get("body_key")):
                if key:
                    self._prompt_days[key].append(datetime.fromisoformat(row["at"]).date())
            if row.get("persona"):
                self._persona_use[row["persona"]] += 1

    # -- ideas --------------------------------------------------------------
    def take_idea(self, pillar: str, fmt: str, channel: str) -> Idea | None:
        """The best unused idea for this pillar and format whose channel hint and words fit."""
        bucket = self._ideas.get((pillar, fmt))
        if not bucket:
            return None
        for i, idea in enumerate(bucket):
            if idea.channel in (None, channel) and fits_channel(channel, fmt, idea.text):
                return bucket.pop(i)
        return None

    def unplaceable_ideas(self, slots: Iterable[tuple[str, str]]) -> list[Idea]:
        """Unused ideas no slot can take: their channel (in their format) or, without a channel, their format."""
        carried = set(slots)
        formats = {f for _, f in carried}
        return sorted(
            (i for bucket in self._ideas.values() for i in bucket
             if ((i.channel, i.format) not in carried if i.channel is not None else i.format not in formats)),
            key=lambda i: int(i.id[1:]) if i.id[1:].isdigit() else 0,
        )

    def idea_pillars(self, fmt: str, channel: str) -> frozenset[str]:
        """Pillars that have an unused idea for this format whose channel hint fits."""
        return frozenset(
            pillar for (pillar, f), bucket in self._ideas.items()
            if f == fmt and any(i.channel in (None, channel) and fits_channel(channel, fmt, i.text) for i in bucket)
        )

    def release_idea(self, idea: Idea) -> None:
        """Put an idea back (a redrawn draft gave it up)."""
        bucket = self._ideas[(idea.pillar, idea.format)]
        bucket.append(idea)
        bucket.sort(key=lambda i: (-i.priority, int(i.id[1:])))

    def forget_prompt_use(self, key: str, day: date) -> None:
        days = self._prompt_days.get(key)
        if days and day in days:
            days.remove(day)

    # -- prompts ------------------------------------------------------------
    def _recent(self, key: str, day: date) -> date | None:
        """The latest use of `key` within the reuse window around `day`, if any."""
        # Ordinals, not date subtraction: pendulum's Date.__sub__ builds an Interval, far slower.
        today, window = day.toordinal(), PROMPT_REUSE_WEEKS * 7
        close = [d for d in self._prompt_days.get(key, ()) if abs(today - d.toordinal()) < window]
        return max(close) if close else None

    def _least_recent(self, keys: list[str], day: date) -> tuple[str, bool]:
        fresh = [k for k in keys if self._recent(k, day) is None]
        if fresh:
            return fresh[0], True
        # Everything was used lately: the one used longest ago, flagged.
        return min(keys, key=lambda k: (self._recent(k, day) or date.min, keys.index(k))), False

    def take_prompt(
        self, pillar: str, day: date, *, offset: int = 0, channel: str | None = None, fmt: str | None = None
    ) -> Pick:
        """A prompt from the strategy's bank not used in the last 8 weeks (if any is left).

        With `channel` and `fmt`, only prompts whose words fit the slot and whose day or
        event tag (if any) matches `day` are considered.
        """
        bank = self.strategy.prompt_bank(pillar, self.lang)
        n = len(bank)
        # Rotating the start by week keeps different strategies' weeks from looking alike.
        start = (day.isocalendar()[1] + offset) % n if n else 0
        keys = [
            f"{pillar}:{k}" for k in ((start + i) % n for i in range(n))
            if tag_fits(self.strategy.prompt_tag(pillar, k), day)
            and (channel is None or fmt is None or fits_channel(channel, fmt, bank[k]))
        ]
        if not keys:
            return Pick(title=pillar.replace("_", " ").capitalize(), well_filled=False)
        key, fresh = self._least_recent(keys, day)
        self._prompt_days[key].append(day)
        return Pick(title=bank[int(key.split(":")[1])], prompt_key=key, well_filled=fresh)

    def take_body(self, pillar: str, day: date, channel: str, fmt: str, *, offset: int = 0) -> tuple[str, str] | None:
        """(body key, body) for a caption: the sector's body for `pillar` used longest ago that fits the slot."""
        from .captions import caption_bodies

        bank = caption_bodies(self.sector).get(self.lang, {}).get(pillar, [])
        n = len(bank)
        if not n:
            return None
        start = (day.isocalendar()[1] + offset) % n
        keys = [f"body.{pillar}:{k}" for k in ((start + i) % n for i in range(n)) if fits_channel(channel, fmt, bank[k])]
        if not keys:
            return None
        key, _ = self._least_recent(keys, day)
        self._prompt_days[key].append(day)
        return key, bank[int(key.split(":")[1])]

    def take_persona(self, channel: str, title: str = "") -> str | None:
        """The persona this post speaks to: among those reached on `channel`, one the title
        names ("Daftar harga grosir untuk reseller"), else the one spoken to least."""
        names = [p.label(self.lang) for p in self.strategy.audience if not p.channels or channel in p.channels]
        if not names:
            return None
        named = [n for n in names if _names_persona(title, n)]
        pool = named or names
        name = min(pool, key=lambda n: (self._persona_use[n], pool.index(n)))
        self._persona_use[name] += 1
        return name

    def forget_persona(self, name: str) -> None:
        if self._persona_use[name] > 0:
            self._persona_use[name] -= 1

    def take_event_prompt(self, section: str, sub: str | None, day: date, fields: dict[str, str]) -> Pick | None:
        """A prompt from templates/captions/events.toml (promo kinds, greeting, ramadan)."""
        from .captions import event_prompts

        node: Any = event_prompts().get(section, {})
        if sub:
            node = node.get(sub, {}) if isinstance(node, dict) else {}
        bank = node.get(self.lang) if isinstance(node, dict) else None
        if not bank:
            return None
        prefix = f"{section}.{sub}" if sub else section
        keys = [f"{prefix}:{i}" for i in range(len(bank))]
        key, _ = self._least_recent(keys, day)
        self._prompt_days[key].append(day)
        template = bank[int(key.split(":")[1])]
        title = template
        for name, value in fields.items():
            title = title.replace("{" + name + "}", value)
        return Pick(title=title, prompt_key=key, event=fields.get("event"))


def _names_persona(title: str, persona: str) -> bool:
    """True when `title` names a word of the persona's label ("reseller", "mahasiswa", "kantor…")."""
    words = title.lower().split()
    stems = [w[:6] for w in persona.lower().split() if len(w) >= 5]
    return any(w.startswith(stem) for stem in stems for w in words)


def tag_fits(tag: str, day: date) -> bool:
    """True when a prompt tagged `tag` (or naming that season, see templates/seasons.toml) may go
    on `day` ("" fits every day). The one table of seasonal windows: the strategy's `when` tags
    and the season words both end here.

    >>> tag_fits("fri", date(2027, 3, 12)), tag_fits("payday", date(2027, 3, 14)), tag_fits("payday", date(2027, 4, 1))
    (True, False, True)
    """
    if not tag:
        return True
    from ..vocab import WEEKDAYS

    tag = {"friday": "fri"}.get(tag, tag)
    if tag in WEEKDAYS:
        return day.weekday() == WEEKDAYS.index(tag)
    if tag == "weekend":
        return day.weekday() >= 5
    if tag == "payday":  # gajian: the 25th to the month's end, and the 1st
        return day.day >= 25 or day.day == 1
    if tag == "twin_date":  # the three days running up to a double date, and the day itself
        return any(d.month == d.day for d in (day + timedelta(days=k) for k in range(4)))
    if tag == "harbolnas":  # from the run-up (registration, teasers) to the last day of the sale
        return date(day.year, 11, 28) <= day <= date(day.year, 12, 16)
    from .events import events_between, events_on

    if tag == "ramadan":
        return any(e.kind == "ramadan" for e in events_on(day))
    if tag == "lebaran":  # from pre-orders two months ahead to the second day of Idul Fitri
        return any(e.kind == "lebaran" for e in events_between(day - timedelta(days=1), day + timedelta(days=60)))
    if tag == "syawal":  # after Lebaran: Idul Fitri to four weeks on (customers' Lebaran photos)
        return any(e.kind == "lebaran" for e in events_between(day - timedelta(days=28), day))
    return False


def series_title(series: Series, episode: int) -> str:
    """`Title (k/n)`: the episode's post title."""
    return f"{series.title} ({episode}/{len(series.episodes)})"
