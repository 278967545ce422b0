"""Choosing what goes into a slot: series episodes, backlog ideas, prompts, events.

`ContentPicker` is built once per planning run from the store's rows, so
filling 52 weeks costs index look-ups, not scans.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..records import Idea, Series
from .strategy import Strategy

__all__ = ["Pick", "ContentPicker", "PROMPT_REUSE_WEEKS"]

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


class ContentPicker:
    """Backlog ideas by (pillar, format) and prompt use by pillar, for one planning run."""

    def __init__(self, strategy: Strategy, lang: str, ideas: Iterable[Idea], post_rows: Iterable[dict[str, Any]]) -> None:
        self.strategy = strategy
        self.lang = lang
        self._ideas: dict[tuple[str, str], list[Idea]] = defaultdict(list)
        for idea in ideas:
            if not idea.used_by:
                self._ideas[(idea.pillar, idea.format)].append(idea)
        for bucket in self._ideas.values():
            bucket.sort(key=lambda i: (-i.priority, int(i.id[1:])))
        # prompt key -> the days it was used (a planning run may look back and forward)
        self._prompt_days: dict[str, list[date]] = defaultdict(list)
        for row in post_rows:
            key = row.get("prompt_key")
            if key and row.get("at"):
                self._prompt_days[key].append(datetime.fromisoformat(row["at"]).date())

    # -- ideas --------------------------------------------------------------
    def take_idea(self, pillar: str, fmt: str, channel: str) -> Idea | None:
        """The best unused idea for this pillar and format whose channel hint fits."""
        bucket = self._ideas.get((pillar, fmt))
        if not bucket:
            return None
        for i, idea in enumerate(bucket):
            if idea.channel in (None, channel):
                return bucket.pop(i)
        return None

    def idea_pillars(self, fmt: str, channel: str) -> frozenset[str]:
        """Pillars that have an unused idea for this format whose channel hint fits."""
        return frozenset(
            pillar for (pillar, f), bucket in self._ideas.items()
            if f == fmt and any(i.channel in (None, channel) for i in bucket)
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
        window = timedelta(weeks=PROMPT_REUSE_WEEKS)
        close = [d for d in self._prompt_days.get(key, ()) if abs((day - d).days) < window.days]
        return max(close) if close else None

    def _least_recent(self, keys: list[str], day: date) -> tuple[str, bool]:
        fresh = [k for k in keys if self._recent(k, day) is None]
        if fresh:
            return fresh[0], True
        # Everything was used lately: the one used longest ago, flagged.
        return min(keys, key=lambda k: (self._recent(k, day) or date.min, keys.index(k))), False

    def take_prompt(self, pillar: str, day: date, *, offset: int = 0) -> Pick:
        """A prompt from the strategy's bank not used in the last 8 weeks (if any is left)."""
        bank = self.strategy.prompt_bank(pillar, self.lang)
        if not bank:
            return Pick(title=pillar.replace("_", " ").capitalize(), well_filled=False)
        n = len(bank)
        # Rotating the start by week keeps different strategies' weeks from looking alike.
        start = (day.isocalendar()[1] + offset) % n
        keys = [f"{pillar}:{(start + i) % n}" for i in range(n)]
        key, fresh = self._least_recent(keys, day)
        self._prompt_days[key].append(day)
        return Pick(title=bank[int(key.split(":")[1])], prompt_key=key, well_filled=fresh)

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


def series_title(series: Series, episode: int) -> str:
    """`Title (k/n)`: the episode's post title."""
    return f"{series.title} ({episode}/{len(series.episodes)})"
