"""Keeping the pillar mix on target, week after week.

Each pillar carries a deficit: its target share of the posts planned so far
minus the posts it got. A week's posts go, one at a time, to the pillar with
the largest remaining quota, so the cumulative count of every pillar stays
within one post of its target. Which slot gets which pillar is then a matter
of fit: promos on sale days, never on a public holiday, interaction in a live.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["allocate", "SlotChoice", "assign", "FORMAT_FIT"]

# How well a format carries a pillar (0 = fine, higher = better).
FORMAT_FIT: dict[str, dict[str, int]] = {
    "reel": {"storytelling": 2, "entertainment": 2, "education": 1, "social_proof": 1},
    "short_video": {"storytelling": 2, "entertainment": 2, "education": 1, "social_proof": 1},
    "carousel": {"education": 2, "social_proof": 1, "service": 1, "storytelling": 1},
    "image": {"social_proof": 1, "promo": 1, "retention": 1},
    "story": {"interaction": 2, "promo": 1, "social_proof": 1},
    "live": {"promo": 2, "interaction": 2},
    "status": {"retention": 2, "promo": 1, "social_proof": 1, "service": 1},
    "broadcast": {"retention": 2, "promo": 1, "service": 1},
    "feed": {"promo": 2, "social_proof": 1, "service": 1},
}


def allocate(
    mix: Mapping[str, float], history: Sequence[Mapping[str, float]], fixed: Mapping[str, int], total: int
) -> tuple[dict[str, int], dict[str, float]]:
    """Decide how many of a week's `total` posts each pillar gets.

    `history` holds each pillar's deficit at the end of the last few planned
    weeks (latest last; empty for a fresh start). `fixed` counts posts whose
    pillar is already decided (kept posts, series episodes).

    Each pillar gets its quota rounded down or up. Among those roundings the
    planner takes the one that keeps the windows ending this week (one to four
    weeks long) closest to target, provided that handing out the following
    weeks by largest deficit keeps every running deficit within one post; the
    plain largest-deficit rounding is the fallback. Returns the counts per mix
    pillar and the deficit to carry.

    >>> counts, carry = allocate({"a": 0.5, "b": 0.5}, [], {}, 3)
    >>> counts, carry
    ({'a': 2, 'b': 1}, {'a': -0.5, 'b': 0.5})
    """
    carry = history[-1] if history else {}
    quota = {p: carry.get(p, 0.0) + share * total for p, share in mix.items()}
    order = list(mix)
    target = total - sum(n for p, n in fixed.items() if p not in mix)
    greedy = _largest_deficit(order, quota, {p: int(fixed.get(p, 0)) for p in order}, target)
    candidates = [greedy]
    low = {p: max(math.floor(quota[p] + _EPS), int(fixed.get(p, 0))) for p in order}
    optional = [p for p in order if low[p] < quota[p] - _EPS]
    extra = target - sum(low.values())
    if 0 <= extra <= len(optional) and math.comb(len(optional), extra) <= _MAX_COMBOS:
        for combo in itertools.combinations(optional, extra):
            counts = dict(low)
            for p in combo:
                counts[p] += 1
            candidates.append(counts)
    # Best windows first; the look-ahead (the costly part) runs only until one is safe.
    candidates.sort(key=lambda c: _window_rank(c, quota, history))
    counts = next((c for c in candidates if _safe(c, quota, mix, total)), greedy)
    return counts, {p: round(quota[p] - counts[p], 9) for p in order}


_EPS = 1e-9
_MAX_COMBOS = 5000
_LOOKAHEAD_WEEKS = 6


def _largest_deficit(order: Sequence[str], quota: Mapping[str, float], counts: dict[str, int], target: int) -> dict[str, int]:
    counts = dict(counts)
    for _ in range(max(target - sum(counts.values()), 0)):
        best = max(order, key=lambda p: (quota[p] - counts[p], -order.index(p)))
        counts[best] += 1
    return counts


def _stays_within_one(deficit: Mapping[str, float], mix: Mapping[str, float], per_week: int) -> bool:
    """Whether largest-deficit weeks from here keep every running deficit under one post."""
    order = list(mix)
    d = dict(deficit)
    for _ in range(_LOOKAHEAD_WEEKS):
        quota = {p: d[p] + mix[p] * per_week for p in order}
        counts = _largest_deficit(order, quota, {p: 0 for p in order}, per_week)
        d = {p: quota[p] - counts[p] for p in order}
        if max(abs(v) for v in d.values()) >= 1 - _EPS:
            return False
    return True


def _safe(counts: Mapping[str, int], quota: Mapping[str, float], mix: Mapping[str, float], total: int) -> bool:
    deficit = {p: q - counts[p] for p, q in quota.items()}
    return max(abs(d) for d in deficit.values()) < 1 - _EPS and _stays_within_one(deficit, mix, total)


def _window_rank(
    counts: Mapping[str, int], quota: Mapping[str, float], history: Sequence[Mapping[str, float]]
) -> tuple[float, float, tuple[int, ...]]:
    """The worst deviation of the windows ending this week, then the spread, then pillar order."""
    deficit = {p: q - counts[p] for p, q in quota.items()}
    worst = 0.0
    spread = 0.0
    for p, d in deficit.items():
        m = abs(d)
        for past in history[-4:]:
            m = max(m, abs(past.get(p, 0.0) - d))
        worst = max(worst, m)
        spread += m * m
    return (round(worst, 9), round(spread, 9), tuple(-counts[p] for p in quota))


@dataclass(frozen=True)
class SlotChoice:
    """What the assigner knows of a free slot."""

    index: int
    format: str
    sale_day: bool
    public_holiday: bool
    idea_pillars: frozenset[str] = frozenset()  # pillars with a backlog idea for this format and channel


def _score(slot: SlotChoice, pillar: str) -> int:
    score = FORMAT_FIT.get(slot.format, {}).get(pillar, 0)
    if pillar in slot.idea_pillars:
        score += 3  # the user's own ideas beat the prompt bank
    if pillar == "promo":
        score += 6 if slot.sale_day else 0
        score -= 20 if slot.public_holiday else 0
    elif slot.sale_day:
        score -= 1  # leave sale days free for promos
    return score


# Most constrained pillars choose their slots first.
_PICK_ORDER = ("promo", "interaction", "social_proof", "retention", "service", "education", "entertainment", "storytelling")


def assign(slots: Sequence[SlotChoice], counts: Mapping[str, int]) -> dict[int, str]:
    """Give each free slot a pillar so that `counts` are met and fit is good.

    Greedy over all (slot, pillar) pairs, best fit first, so a pillar with a
    strong claim on a slot (a promo on a sale day, a backlog idea for a reel)
    gets it. Deterministic: ties go to the more constrained pillar, then the
    earlier slot.
    """
    left = {p: n for p, n in counts.items() if n > 0}
    free = list(slots)
    result: dict[int, str] = {}
    rank = {p: _PICK_ORDER.index(p) if p in _PICK_ORDER else len(_PICK_ORDER) for p in left}
    while free and left:
        slot, pillar = max(
            ((s, p) for s in free for p in left),
            key=lambda sp: (_score(sp[0], sp[1]), -rank[sp[1]], -sp[0].index),
        )
        result[slot.index] = pillar
        free.remove(slot)
        left[pillar] -= 1
        if not left[pillar]:
            del left[pillar]
    return result
