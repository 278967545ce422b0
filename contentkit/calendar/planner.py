"""`contentkit plan`: turn the strategy's weekly slots into posts.

For each week: slot times in the workspace timezone (pendulum, DST-safe);
posts already there (published, locked, or any post when not replanning)
stay; series episodes take their slots first; the remaining slots get
pillars by the carried mix deficit (see `mix`); each is filled from the
backlog, customer content, reviews or the prompt bank, and gets a caption
inside the channel's limits. Same inputs, same plan; a second run adds nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pendulum

from ..i18n import _, ngettext
from ..date_text import FIRST_YEAR, LAST_YEAR
from ..dates import next_week_start, parse_date, parse_week, week_label
from ..errors import InputError
from ..records import Idea, Post
from ..store import Transaction
from ..vocab import PILLAR_STAGES, STAGES
from .content import ContentPicker
from .season import is_greeting, is_season_slot
from .week import WeekPlanner

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["plan", "PlanResult", "PlannedWeek", "MAX_WEEKS"]

MAX_WEEKS = 260


@dataclass
class PlannedWeek:
    """One planned week: its posts (kept and new), mix, events and warnings."""

    label: str
    start: date
    posts: list[Post]
    added: int
    replaced: int
    counts: dict[str, int]
    target: dict[str, float]
    stages: list[str]
    events: list[Any]
    warnings: list[str] = field(default_factory=list)
    todos: list[str] = field(default_factory=list)  # the seller's to-dos (register for a platform campaign)

    def to_dict(self) -> dict[str, Any]:
        return {
            "week": self.label,
            "start": self.start.isoformat(),
            "added": self.added,
            "replaced": self.replaced,
            "mix": self.counts,
            "target": {p: round(t, 2) for p, t in self.target.items()},
            "stages": self.stages,
            "events": [{"day": e.day.isoformat(), "kind": e.kind, "name": e.name, "estimated": e.estimated}
                       for e in self.events],
            "warnings": self.warnings,
            "todos": self.todos,
            "posts": [p.to_dict() for p in self.posts],
        }


@dataclass
class PlanResult:
    """What `plan` did: the weeks, what was added, and what needs the user's attention."""

    weeks: list[PlannedWeek]
    dry_run: bool
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what to do next: requests to send, reviews waiting
    mix_window: dict[str, tuple[int, float]] = field(default_factory=dict)  # pillar -> (posts, target) over the last 4 weeks
    outside_mix: list[Post] = field(default_factory=list)  # campaign, season and greeting posts in those weeks

    @property
    def added(self) -> int:
        return sum(w.added for w in self.weeks)

    @property
    def posts(self) -> list[Post]:
        return [p for w in self.weeks for p in w.posts]

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "added": self.added,
            "weeks": [w.to_dict() for w in self.weeks],
            "mix_last_4_weeks": {p: {"posts": n, "target": round(t, 2)} for p, (n, t) in self.mix_window.items()},
            "outside_mix": [p.id for p in self.outside_mix],
            "warnings": self.warnings,
            "notes": self.notes,
        }


def _first_monday(ws: Workspace, week: str | None, start: str | date | None, today: date | None) -> date:
    if week and start:
        raise InputError(_("give either --week or --start, not both"))
    if week:
        return parse_week(week)
    if start:
        return parse_date(start, tz=ws.tz).start_of("week")
    return next_week_start(ws.tz, today)


def _deficits_before(
    rows: list[dict[str, Any]], mix: dict[str, float], mondays: list[date], tz: str
) -> list[dict[str, float]]:
    """Each pillar's deficit over every planned post before each of `mondays` (clamped to ±1 post).

    One pass over the store's posts serves every cut-off.
    """
    cutoffs = [pendulum.datetime(m.year, m.month, m.day, tz=tz) for m in mondays]
    counts: list[Counter[str]] = [Counter() for _ in cutoffs]
    for row in rows:
        if not row.get("slot") or row.get("status") == "skipped" or is_season_slot(row["slot"]):
            continue
        at = datetime.fromisoformat(row["at"])
        for i, cutoff in enumerate(cutoffs):
            if at < cutoff:
                counts[i][row["pillar"]] += 1
    # A changed strategy must not leave a debt that skews months of plans.
    return [
        {p: max(-1.0, min(1.0, share * sum(c.values()) - c[p])) for p, share in mix.items()}
        for c in counts
    ]


def _stages(pillars: set[str], aimed: bool) -> list[str]:
    """The loyalty stages the week's pillars carry; target customers only when a post is aimed at a persona."""
    covered = {PILLAR_STAGES[p] for p in pillars if p in PILLAR_STAGES}
    if aimed:
        covered.add("target_customers")
    return [s for s in STAGES if s in covered]


def plan(
    ws: Workspace,
    *,
    week: str | None = None,
    start: str | date | None = None,
    weeks: int = 1,
    replan: bool = False,
    dry_run: bool = False,
    today: date | None = None,
) -> PlanResult:
    """Plan `weeks` ISO weeks from `week` (`2026-W49`) or from the day `start`; default next week.

    With `start`, slots of that first week before the start day stay empty.

    >>> result = ws.plan(week="2026-W49", weeks=4)          # doctest: +SKIP
    >>> [w.label for w in result.weeks]                     # doctest: +SKIP
    ['2026-W49', '2026-W50', '2026-W51', '2026-W52']
    """
    if not 1 <= int(weeks) <= MAX_WEEKS:
        raise InputError(_("--weeks must be between 1 and {MAX_WEEKS}").format(MAX_WEEKS=MAX_WEEKS))
    monday = _first_monday(ws, week, start, today)
    last = monday + timedelta(weeks=int(weeks), days=-1)
    if monday.year < FIRST_YEAR or last.year > LAST_YEAR:
        # The weeks of 1970-W01 and 2100-W52 reach outside the years a date may have.
        raise InputError(_("the plan would run from {start} to {end}; contentkit takes dates from {first} to {last}; "
                           "plan weeks inside those years").format(start=monday.isoformat(), end=last.isoformat(),
                                                                   first=FIRST_YEAR, last=LAST_YEAR))
    first_day = parse_date(start, tz=ws.tz) if start else None
    strategy = ws.strategy
    if dry_run:
        return _run(ws, ws.store.read(), strategy, monday, int(weeks), replan, True, today, first_day)
    with ws.store.transaction() as tx:
        return _run(ws, tx, strategy, monday, int(weeks), replan, False, today, first_day)


def _run(
    ws: Workspace, tx: Transaction, strategy: Any, monday: date, weeks: int, replan: bool, dry_run: bool,
    today: date | None, first_day: date | None,
) -> PlanResult:
    rows = tx.rows(Post)
    ideas = tx.all(Idea)
    picker = ContentPicker(strategy, ws.language, ideas, rows, sector=ws.config.sector)
    # Deficits at the end of the four weeks before the first: windows reaching back stay on target.
    start = pendulum.Date(monday.year, monday.month, monday.day)
    history = _deficits_before(rows, strategy.mix, [start.subtract(weeks=k) for k in (3, 2, 1, 0)], ws.tz)
    week_planner = WeekPlanner(ws, tx, strategy, picker, rows, dry_run=dry_run)

    result = PlanResult(weeks=[], dry_run=dry_run)
    for k in range(weeks):
        wk_monday = pendulum.Date(monday.year, monday.month, monday.day).add(weeks=k)
        outcome = week_planner.plan_week(wk_monday, replan=replan, history=history,
                                         not_before=first_day if k == 0 else None)
        history = [*history[-3:], outcome.carry]
        pillars = {p.pillar for p in outcome.posts if not is_greeting(p)}  # a greeting is no stage
        in_mix = [p for p in outcome.posts if not is_season_slot(p.slot)]
        result.weeks.append(
            PlannedWeek(
                label=week_label(wk_monday),
                start=wk_monday,
                posts=outcome.posts,
                added=outcome.added,
                replaced=outcome.replaced,
                counts=dict(Counter(p.pillar for p in in_mix)),
                target={p: s * len(in_mix) for p, s in strategy.mix.items()},
                stages=_stages(pillars, any(p.persona for p in outcome.posts)),
                events=outcome.events,
                warnings=outcome.warnings,
                todos=outcome.todos,
            )
        )
    week_planner.save()
    result.warnings.extend(_consent_lost(ws, tx, dry_run))

    window = [p for w in result.weeks[-4:] for p in w.posts]
    in_mix = [p for p in window if not is_season_slot(p.slot)]
    counted = Counter(p.pillar for p in in_mix)
    result.mix_window = {p: (counted[p], s * len(in_mix)) for p, s in strategy.mix.items()}
    result.outside_mix = [p for p in window if is_season_slot(p.slot)]
    result.warnings.extend(_ideas_without_slot(picker, strategy))
    result.warnings.extend(_past_weeks(ws, result, today))
    result.warnings.extend(_unpublished_last_week(ws, tx, today))
    result.notes.extend(week_planner.closing_notes())
    return result


def _consent_lost(ws: Workspace, tx: Transaction, dry_run: bool) -> list[str]:
    """Posts that use customer content the consent gate no longer allows (a grant that expired or
    narrowed, a timezone change): skipped, never left ready, and named."""
    uses_customers = [
        Post.from_dict(r) for r in tx.rows(Post)
        if (r.get("ugc_id") or r.get("review_id")) and r.get("status") not in ("skipped", "published")
    ]
    blocked = ws.consent.gate(tx).blocked(uses_customers)
    if not blocked:
        return []
    if not dry_run:
        stamp = pendulum.now(ws.tz)
        for post, _d in blocked:
            post.status, post.skip_reason, post.updated_at = "skipped", "consent does not cover this post", stamp
        tx.save_many([post for post, _d in blocked])
    done = _("{id} would be skipped: {reason}") if dry_run else _("{id} skipped: {reason}")
    return [done.format(id=post.id, reason=decision.reason) for post, decision in blocked]


def _ideas_without_slot(picker: ContentPicker, strategy: Any) -> list[str]:
    """Ideas meant for a channel (and format) that no slot of the strategy carries: they would wait forever."""
    waiting = picker.unplaceable_ideas((slot.channel, slot.format) for slot in strategy.slots)
    out = []
    for idea in waiting:
        if idea.channel is None:
            what = f"a {idea.format}"
            where = f"the strategy has no {idea.format} slot"
        else:
            what = f"{idea.channel} {idea.format}"
            formats = sorted({s.format for s in strategy.slots if s.channel == idea.channel})
            where = (f"its {idea.channel} slots are {', '.join(formats)}" if formats
                     else f"the strategy has no {idea.channel} slot")
        out.append(
            f"idea {idea.id} ({what}) waits for a slot that never comes: {where}; add a {what} slot "
            f"to your strategy copy (`contentkit strategy copy`), or `contentkit idea remove {idea.id}` "
            "and add it again with another --channel/--format"
        )
    return out


def _past_weeks(ws: Workspace, result: PlanResult, today: date | None) -> list[str]:
    day = parse_date(today) if today else pendulum.now(ws.tz).date()
    past = [w.label for w in result.weeks if w.start + timedelta(days=6) < day and w.added]
    if not past:
        return []
    return [_("{weeks} already passed; its new posts are drafts dated before today "
              "(plan the coming week with `contentkit plan`)").format(weeks=", ".join(past))]


def _unpublished_last_week(ws: Workspace, tx: Transaction, today: date | None) -> list[str]:
    day = parse_date(today) if today else pendulum.now(ws.tz).date()
    last_monday = day.start_of("week").subtract(weeks=1)
    lo = pendulum.datetime(last_monday.year, last_monday.month, last_monday.day, tz=ws.tz)
    hi = lo.add(weeks=1)
    late = [
        row["id"]
        for row in tx.rows(Post)
        if row.get("status") in ("draft", "ready") and lo <= datetime.fromisoformat(row["at"]) < hi
    ]
    if not late:
        return []
    shown = ", ".join(late[:8]) + (" …" if len(late) > 8 else "")
    return [
        ngettext("{n} post from last week ({week}) never marked published: {ids}; "
                 "mark it with `contentkit post publish ID --url URL` or `contentkit post skip ID --reason TEXT`",
                 "{n} posts from last week ({week}) never marked published: {ids}; "
                 "mark each with `contentkit post publish ID --url URL` or `contentkit post skip ID --reason TEXT`",
                 len(late)).format(n=len(late), week=week_label(last_monday), ids=shown)
    ]
