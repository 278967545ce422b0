"""Plain-text summaries of a plan, shared by the CLI and scripts."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pendulum

from ..vocab import STAGES

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .planner import PlannedWeek, PlanResult

__all__ = ["describe_week", "mix_lines", "STAGE_NAMES"]

STAGE_NAMES = {
    "id": {
        "target_customers": "target pelanggan",
        "creative_content": "konten kreatif",
        "personal_interaction": "interaksi personal",
        "social_proof": "bukti sosial",
        "valuable_experience": "pengalaman berharga",
        "retention": "retensi",
    },
    "en": {
        "target_customers": "target customers",
        "creative_content": "creative content",
        "personal_interaction": "personal interaction",
        "social_proof": "social proof",
        "valuable_experience": "valuable experience",
        "retention": "retention",
    },
}


def describe_week(ws: Workspace, week: PlannedWeek) -> tuple[str, list[tuple[Any, ...]], list[str]]:
    """A heading, table rows (id, day, time, channel, format, pillar, title) and event/stage lines."""
    lang = ws.language
    end = week.start + timedelta(days=6)
    header = f"{week.label}  ({week.start.isoformat()} – {end.isoformat()})"
    rows = []
    for p in week.posts:
        at = pendulum.instance(p.at).in_timezone(ws.tz)
        title = p.title + (f"  [{p.status}]" if p.status != "draft" else "")
        rows.append((p.id or "(new)", at.format("ddd DD MMM", locale=lang), at.format("HH:mm"), p.channel, p.format, p.pillar, title))
    notes = []
    if week.events:
        notes.append(("Acara: " if lang == "id" else "Events: ") + "; ".join(_event_labels(week.events, lang)))
    for todo in getattr(week, "todos", []):
        notes.append(("To-do " if lang == "id" else "To-do ") + todo)
    names = STAGE_NAMES[lang]
    covered = [names[s] for s in week.stages]
    missing = [names[s] for s in STAGES if s not in week.stages]
    notes.append(
        ("Tahap tercakup: " if lang == "id" else "Stages covered: ")
        + (", ".join(covered) or "-")
        + (f" ({len(covered)}/6)")
        + ((("; belum: " if lang == "id" else "; missing: ") + ", ".join(missing)) if missing else "")
    )
    return header, rows, notes


def mix_lines(ws: Workspace, result: PlanResult) -> list[str]:
    """The pillar mix of the last four planned weeks against the target."""
    if not result.mix_window:
        return []
    weeks = min(4, len(result.weeks))
    lines = [("Campuran pilar" if ws.language == "id" else "Pillar mix") + f" ({weeks} week(s)): posts / target"]
    for pillar, (n, target) in result.mix_window.items():
        mark = "" if abs(n - target) <= 1 else "  ← off target"
        lines.append(f"  {pillar:<14} {n:>3} / {target:5.1f}{mark}")
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
