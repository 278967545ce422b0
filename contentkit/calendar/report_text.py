"""Plain-text summaries of a plan, shared by the CLI and scripts."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pendulum

from ..formatting import format_day
from ..i18n import _, get_language, ngettext
from ..names import display_name, names_of
from ..vocab import STAGES

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .planner import PlannedWeek, PlanResult

__all__ = ["describe_week", "mix_lines", "STAGE_NAMES"]

# The stage names come from the one table of names (templates/views/labels.toml) that options also accept.
STAGE_NAMES = {lang: names_of("stage", lang) for lang in ("id", "en")}




def describe_week(ws: Workspace, week: PlannedWeek) -> tuple[str, list[tuple[Any, ...]], list[str]]:
    """A heading, table rows (id, day, time, channel, format, pillar, for, title) and event/stage lines.

    "for" is the persona the post speaks to ("-" for a greeting or a hand-added post).
    """
    from ..i18n import get_language

    lang = get_language()
    end = week.start + timedelta(days=6)
    header = f"{week.label}  ({week.start.isoformat()} – {end.isoformat()})"
    rows = []
    for p in week.posts:
        at = pendulum.instance(p.at).in_timezone(ws.tz)
        title = p.title + (f"  [{p.status}]" if p.status != "draft" else "")
        rows.append((p.id or _("(new)"), format_day(at.date(), lang), at.format("HH:mm"), p.channel, p.format,
                     display_name("pillar", p.pillar, lang), p.persona or "-", title))
    notes = []
    if week.events:
        notes.append(_("Events: {events}").format(events="; ".join(_event_labels(week.events, lang))))
    for todo in getattr(week, "todos", []):
        notes.append(_("To-do {todo}").format(todo=todo))
    names = STAGE_NAMES[lang]
    covered = [names[s] for s in week.stages]
    missing = [names[s] for s in STAGES if s not in week.stages]
    notes.append(
        _("Stages covered: {stages} ({n}/6)").format(stages=", ".join(covered) or "-", n=len(covered))
        + (_("; missing: {stages}").format(stages=", ".join(missing)) if missing else "")
    )
    return header, rows, notes


def mix_lines(ws: Workspace, result: PlanResult) -> list[str]:
    """The pillar mix of the last four planned weeks against the target."""
    if not result.mix_window:
        return []
    weeks = min(4, len(result.weeks))
    lines = [ngettext("Pillar mix ({n} week): posts / target", "Pillar mix ({n} weeks): posts / target", weeks).format(n=weeks)]
    for pillar, (n, target) in result.mix_window.items():
        mark = "" if abs(n - target) <= 1 else "  " + _("← off target")
        lines.append(f"  {display_name('pillar', pillar, get_language()):<14} {n:>3} / {target:5.1f}{mark}")
    if result.outside_mix:  # a Harbolnas week holds six promos; the mix above counts only the weekly slots
        ids = ", ".join(p.id for p in result.outside_mix if p.id)
        lines.append("  " + ngettext("+ {n} campaign or season post on top of the mix", "+ {n} campaign and season posts on top of the mix",
                                     len(result.outside_mix)).format(n=len(result.outside_mix)) + (f" ({ids})" if ids else ""))
    return lines


def _event_labels(events: list[Any], lang: str) -> list[str]:
    """One label per run of days: "25–27/12 Gajian", "Ramadan", "12/12 12.12 Harbolnas"."""
    runs: list[tuple[str, list[Any]]] = []
    for e in events:
        label = "Ramadan" if e.kind == "ramadan" else e.shown(lang)
        same = [r for r in runs if r[0] == label]
        if same and (e.day - same[-1][1][-1].day).days == 1:
            same[-1][1].append(e)
        elif not same or e.kind != "ramadan":
            runs.append((label, [e]))
    out = []
    for label, days in runs:
        first, last = days[0].day, days[-1].day
        if label == "Ramadan":
            out.append(label)
        elif first == last:
            out.append(f"{first:%d/%m} {label}")
        else:
            out.append(f"{first:%d}–{last:%d/%m} {label}")
    return out
