"""The idea backlog and storytelling series the planner draws from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pendulum

from ..i18n import _
from ..dates import parse_date
from ..errors import InputError
from ..records import Idea, Post, Series
from ..vocab import check_channel, check_channel_format, check_format, check_pillar, check_weekday

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["IdeaBook", "SeriesBook", "NewIdea"]


@dataclass(frozen=True)
class NewIdea:
    """An idea to add; `add_many` takes a batch of these."""

    text: str
    pillar: str
    format: str
    channel: str | None = None
    priority: int = 0


class IdeaBook:
    """The backlog: ideas wait here until the planner places them."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def _make(self, item: NewIdea, now: pendulum.DateTime) -> Idea:
        if not item.text.strip():
            raise InputError(_("the idea text is empty; write what the post is about"))
        if item.channel:
            check_channel_format(check_channel(item.channel), check_format(item.format))
        return Idea(
            text=item.text.strip(),
            pillar=check_pillar(item.pillar),
            format=check_format(item.format),
            channel=check_channel(item.channel) if item.channel else None,
            priority=int(item.priority),
            created_at=now,
        )

    def add(self, text: str, *, pillar: str, format: str, channel: str | None = None, priority: int = 0) -> Idea:
        """Add one idea.

        >>> ws.ideas.add("Cerita resep nenek", pillar="storytelling", format="reel")  # doctest: +SKIP
        Idea(text='Cerita resep nenek', ..., id='I1', ...)
        """
        return self.add_many([NewIdea(text, pillar, format, channel, priority)])[0]

    def add_many(self, items: Iterable[NewIdea]) -> list[Idea]:
        """Add many ideas in one write; all are checked before any is saved."""
        now = pendulum.now(self.ws.tz)
        ideas = [self._make(item, now) for item in items]
        with self.ws.store.transaction() as tx:
            tx.save_many(ideas)
        return ideas

    def list(self, *, include_used: bool = False) -> list[Idea]:
        """Ideas in the backlog, highest priority first, then oldest first."""
        ideas = self.ws.store.read().all(Idea)
        if not include_used:
            ideas = [i for i in ideas if not i.used_by]
        return sorted(ideas, key=lambda i: (-i.priority, int(i.id[1:])))

    def remove(self, idea_id: str) -> Idea:
        """Remove an idea from the backlog; one already placed in a post stays on record."""
        with self.ws.store.transaction() as tx:
            idea = tx.get(Idea, idea_id)
            if idea.used_by:
                raise InputError(_("idea {id} is used by post {used_by}; skip that post instead").format(id=idea.id, used_by=idea.used_by))
            tx.delete(Idea, idea.id)
        return idea


class SeriesBook:
    """Storytelling series: one episode a week, never skipped or repeated."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def add(
        self,
        title: str,
        *,
        pillar: str,
        format: str,
        episodes: Sequence[str],
        channel: str | None = None,
        every: str | None = None,
        start: str | date | None = None,
    ) -> Series:
        """Add a series; episode k lands in the k-th week planned from `start`.

        >>> ws.series.add("Dari Dapur ke Meja", pillar="storytelling", format="reel",
        ...               episodes=["Belanja pasar", "Racik bumbu"], every="wed")  # doctest: +SKIP
        """
        if not title.strip():
            raise InputError(_("the series title is empty"))
        if channel:
            check_channel_format(check_channel(channel), check_format(format))
        episodes = [e.strip() for e in episodes if e.strip()]
        if not episodes:
            raise InputError(_('a series needs episodes: give --episode "..." once per episode, or --episodes-file FILE'))
        series = Series(
            title=title.strip(),
            pillar=check_pillar(pillar),
            format=check_format(format),
            episodes=episodes,
            channel=check_channel(channel) if channel else None,
            every=check_weekday(every) if every else None,
            start=parse_date(start, tz=self.ws.tz) if start else None,
            created_at=pendulum.now(self.ws.tz),
        )
        with self.ws.store.transaction() as tx:
            tx.save(series)
        return series

    def list(self) -> list[tuple[Series, int]]:
        """Every series with how many episodes are already placed on the calendar."""
        tx = self.ws.store.read()
        placed: dict[str, set[int]] = {}
        for row in tx.rows(Post):
            if row.get("series_id") and row.get("status") != "skipped":
                placed.setdefault(row["series_id"], set()).add(int(row["episode"]))
        return [(s, len(placed.get(s.id, ()))) for s in tx.all(Series)]

    def remove(self, series_id: str) -> Series:
        """Remove a series; its episodes already on the calendar stay."""
        with self.ws.store.transaction() as tx:
            series = tx.get(Series, series_id)
            tx.delete(Series, series.id)
        return series
