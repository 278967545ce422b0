"""Keeping the pillar mix on target, week after week.

Each pillar carries a deficit: its target share of the posts planned so far
minus the posts it got. A week's posts go, one at a time, to the pillar with
the largest remaining quota, so the cumulative count of every pillar stays
within one post of its target. Which slot gets which pillar is then a matter
of fit: promos on sale days, never on a public holiday, interaction in a live.
"""

from __future__ import annotations

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
    mix: Mapping[str, float], carry: Mapping[str, float], fixed: Mapping[str, int], total: int
) -> tuple[dict[str, int], dict[str, float]]:
    """Decide how many of a week's `total` posts each pillar gets.

    `fixed` counts posts whose pillar is already decided (kept posts, series
    episodes); the rest go greedily to the largest remaining quota. Returns the
    week's counts per mix pillar and the deficit to carry into the next week.

    >>> counts, carry = allocate({"a": 0.5, "b": 0.5}, {}, {}, 3)
    >>> counts, carry
    ({'a': 2, 'b': 1}, {'a': -0.5, 'b': 0.5})
    """
    quota = {p: carry.get(p, 0.0) + share * total for p, share in mix.items()}
    counts = {p: int(fixed.get(p, 0)) for p in mix}
    free = total - sum(int(n) for n in fixed.values())
    order = list(mix)
    for _ in range(max(free, 0)):
        best = max(order, key=lambda p: (quota[p] - counts[p], -order.index(p)))
        counts[best] += 1
    new_carry = {p: round(quota[p] - counts[p], 9) for p in mix}
    return counts, new_carry


@dataclass(frozen=True)
class SlotChoice:
    """What the assigner knows of a free slot."""

    index: int
    format: str
    sale_day: bool
    public_holiday: bool


def _score(slot: SlotChoice, pillar: str) -> int:
    score = FORMAT_FIT.get(slot.format, {}).get(pillar, 0)
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

    Deterministic: ties go to the earlier slot.
    """
    tokens = [p for p in sorted(counts, key=lambda p: _PICK_ORDER.index(p) if p in _PICK_ORDER else 99) for _ in range(counts[p])]
    free = list(slots)
    result: dict[int, str] = {}
    for pillar in tokens:
        if not free:
            break
        best = max(free, key=lambda s: (_score(s, pillar), -s.index))
        result[best.index] = pillar
        free.remove(best)
    return result
