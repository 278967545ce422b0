"""The review request funnel of the report: asked → reviewed → rendered → posted.

A cohort: the review requests made in the report's window, and how far each got —
answered by a review, that review drawn as a testimonial, and posted (a published
calendar post uses it). Counted per request, so the funnel never widens downwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..records import Post, Review, ReviewRequest

__all__ = ["ReviewRequestFunnel", "review_request_funnel"]


@dataclass
class ReviewRequestFunnel:
    asked: int = 0  # review requests made in the window
    reviewed: int = 0  # of those, answered by a review
    rendered: int = 0  # of those, the review has testimonial images
    posted: int = 0  # of those, a published post uses the review


def review_request_funnel(snap: Any, inside: Callable[[Any], bool]) -> ReviewRequestFunnel:
    """The funnel over the requests whose `at` is inside the window (`inside` decides, by local date)."""
    funnel = ReviewRequestFunnel()
    asked = [r for r in snap.rows(ReviewRequest) if inside(r.get("at"))]
    if not asked:
        return funnel
    reviews = {r["id"]: r for r in snap.rows(Review)}
    published = {p.get("review_id") for p in snap.rows(Post) if p.get("review_id") and p.get("status") == "published"}
    for request in asked:
        review = reviews.get(request.get("review_id") or "")
        funnel.asked += 1
        if review is None:
            continue
        funnel.reviewed += 1
        funnel.rendered += bool(review.get("rendered"))
        funnel.posted += bool(review.get("rendered")) and review["id"] in published
    return funnel
