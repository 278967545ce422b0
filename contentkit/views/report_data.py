"""The figures of recent weeks: did the plan happen, is it balanced, is consent flowing.

`build_report` reads the store once and returns a `Report` of plain numbers;
the PNG chart and the HTML report are drawn from that data, and scripts use
it directly (`ws.report().to_dict()`).

The window is `weeks` whole ISO weeks ending with the week of `end` (default:
today in the workspace timezone). Every count is of things that happened in
the window, by local date:

- per week: posts planned (every post that week, skipped ones too), published,
  skipped, and the loyalty stages the week's non-skipped posts cover;
- pillar mix: non-skipped posts per pillar against the strategy's target share;
- channels: posts and published posts per channel;
- consent funnel (customer content, by item): collected, asked (`requested`, or
  answered: a grant or decline recorded without a request was asked elsewhere),
  `granted`, reposted (a published post using it); and the exits `declined`,
  `revoked` and `expired` (a request unanswered for the workspace's
  `consent_expiry_days` and still unanswered when the report is made, an
  `expired` event, or a grant whose `until` passed);
- testimonials: reviews added, reviews with rendered images (and the image
  count), review posts planned and published.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pendulum

from ..dates import parse_date, week_label
from ..errors import InputError
from ..records import ConsentEvent, Post, Review, UGCItem
from ..vocab import PILLAR_STAGES, STAGES
from .report_reviews import ReviewRequestFunnel, review_request_funnel

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = [
    "Report", "WeekFigures", "PillarFigures", "ChannelFigures", "ConsentFunnel", "TestimonialFigures",
    "build_report", "MAX_REPORT_WEEKS",
]

MAX_REPORT_WEEKS = 52


@dataclass
class WeekFigures:
    label: str  # 2026-W49
    start: date
    planned: int
    published: int
    skipped: int
    stages: list[str]


@dataclass
class PillarFigures:
    pillar: str
    posts: int
    share: float  # of the window's non-skipped posts
    target_share: float  # from the strategy's mix
    target_posts: float


@dataclass
class ChannelFigures:
    channel: str
    posts: int  # non-skipped
    published: int


@dataclass
class ConsentFunnel:
    collected: int = 0
    requested: int = 0
    granted: int = 0
    reposted: int = 0
    declined: int = 0
    revoked: int = 0
    expired: int = 0


@dataclass
class TestimonialFigures:
    reviews: int = 0  # reviews added in the window
    rendered: int = 0  # reviews with at least one rendered image (any time)
    images: int = 0  # rendered images in all
    planned: int = 0  # posts in the window that use a review
    published: int = 0  # of those, published


@dataclass
class Report:
    """Everything the report shows, as data. `to_dict()` gives JSON-ready values."""

    brand: str
    language: str
    timezone: str
    start: date
    end: date
    weeks: list[WeekFigures]
    pillars: list[PillarFigures]
    stages: list[str]  # covered over the whole window
    channels: list[ChannelFigures]
    consent: ConsentFunnel
    testimonials: TestimonialFigures
    generated_at: datetime | None = None
    notes: list[str] = field(default_factory=list)
    review_requests: ReviewRequestFunnel = field(default_factory=ReviewRequestFunnel)

    @property
    def planned(self) -> int:
        return sum(w.planned for w in self.weeks)

    @property
    def published(self) -> int:
        return sum(w.published for w in self.weeks)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["start"] = self.start.isoformat()
        data["end"] = self.end.isoformat()
        data["generated_at"] = self.generated_at.isoformat() if self.generated_at else None
        for week in data["weeks"]:
            week["start"] = week["start"].isoformat()
        data["planned"] = self.planned
        data["published"] = self.published
        return data


def build_report(
    ws: Workspace, *, weeks: int = 4, end: str | date | None = None, today: str | date | None = None
) -> Report:
    """The figures of the `weeks` ISO weeks ending with the week of `end` (default: this week).

    `today` (default: the real date in the workspace timezone) is when the
    report is made: unanswered requests only count as expired once their
    deadline is before it.

    >>> r = ws.report(weeks=4)                  # doctest: +SKIP
    >>> r.weeks[-1].planned, r.consent.granted  # doctest: +SKIP
    (9, 2)
    """
    if not isinstance(weeks, int) or not 1 <= weeks <= MAX_REPORT_WEEKS:
        raise InputError(f"--weeks must be a whole number from 1 to {MAX_REPORT_WEEKS}, not {weeks!r}")
    tz = ws.tz
    now_day = parse_date(today) if today is not None else pendulum.now(tz).date()
    last_day = parse_date(end) if end is not None else now_day
    last_monday = last_day - timedelta(days=last_day.weekday())
    first = last_monday - timedelta(weeks=weeks - 1)
    last = last_monday + timedelta(days=6)
    snap = ws.store.read()

    def local(value: Any) -> date | None:
        if not value:
            return None
        at = datetime.fromisoformat(value) if isinstance(value, str) else value
        if at.tzinfo is None:
            return at.date()
        return pendulum.instance(at).in_timezone(tz).date()

    def inside(value: Any) -> bool:
        day = local(value)
        return day is not None and first <= day <= last

    posts = [r for r in snap.rows(Post) if inside(r.get("at"))]
    has_audience, mix, notes = _strategy_bits(ws)

    week_rows: list[WeekFigures] = []
    for i in range(weeks):
        monday = first + timedelta(weeks=i)
        rows = [r for r in posts if monday <= (local(r["at"]) or monday) <= monday + timedelta(days=6)]
        week_rows.append(WeekFigures(
            label=week_label(monday), start=monday, planned=len(rows),
            published=sum(r.get("status") == "published" for r in rows),
            skipped=sum(r.get("status") == "skipped" for r in rows),
            stages=_stages({r["pillar"] for r in rows if r.get("status") != "skipped"}, has_audience),
        ))
    live = [r for r in posts if r.get("status") != "skipped"]
    counts = Counter(r["pillar"] for r in live)
    total = len(live)
    pillar_names = list(mix) + sorted(p for p in counts if p not in mix)
    pillars = [
        PillarFigures(p, counts.get(p, 0), round(counts.get(p, 0) / total, 4) if total else 0.0,
                      round(mix.get(p, 0.0), 4), round(mix.get(p, 0.0) * total, 2))
        for p in pillar_names
    ]
    channel_counts = Counter(r["channel"] for r in live)
    channel_pub = Counter(r["channel"] for r in live if r.get("status") == "published")
    channels = [ChannelFigures(c, n, channel_pub.get(c, 0)) for c, n in channel_counts.most_common()]

    funnel = _funnel(ws, snap, posts, inside, local, min(last, now_day))
    reviews = snap.rows(Review)
    review_posts = [r for r in live if r.get("review_id")]
    testimonials = TestimonialFigures(
        reviews=sum(inside(r.get("created_at")) or (not r.get("created_at") and inside(r.get("date"))) for r in reviews),
        rendered=sum(bool(r.get("rendered")) for r in reviews),
        images=sum(len(r.get("rendered") or []) for r in reviews),
        planned=len(review_posts),
        published=sum(r.get("status") == "published" for r in review_posts),
    )
    return Report(
        brand=ws.config.brand, language=ws.language, timezone=tz, start=first, end=last,
        weeks=week_rows, pillars=pillars,
        stages=_stages({r["pillar"] for r in live}, has_audience),
        channels=channels, consent=funnel, testimonials=testimonials,
        generated_at=pendulum.now(tz), notes=notes, review_requests=review_request_funnel(snap, inside),
    )


def _strategy_bits(ws: Workspace) -> tuple[bool, dict[str, float], list[str]]:
    try:
        strategy = ws.strategy
    except Exception as exc:  # the report still shows what happened; the note says why targets are missing
        return False, {}, [f"strategy not loaded, no pillar targets: {exc}"]
    return bool(strategy.audience), dict(strategy.mix), []


def _stages(pillars: set[str], has_audience: bool) -> list[str]:
    covered = {PILLAR_STAGES[p] for p in pillars if p in PILLAR_STAGES}
    if has_audience and pillars:
        covered.add("target_customers")
    return [s for s in STAGES if s in covered]


def _funnel(ws: Workspace, snap: Any, posts: list[dict[str, Any]], inside: Any, local: Any, as_of: date) -> ConsentFunnel:
    funnel = ConsentFunnel()
    funnel.collected = sum(inside(r.get("collected_at") or r.get("taken_at")) for r in snap.rows(UGCItem))
    by_item: dict[str, list[dict[str, Any]]] = {}
    for row in snap.rows(ConsentEvent):
        by_item.setdefault(row["ugc_id"], []).append(row)
    expiry = timedelta(days=int(ws.config.consent_expiry_days))
    for events in by_item.values():
        events.sort(key=lambda r: datetime.fromisoformat(r["at"]))
        kinds = {r["kind"] for r in events if inside(r["at"])}
        # An answer means it was asked, even when the asking happened outside contentkit,
        # so the funnel never narrows upwards (asked 1 → granted 2).
        funnel.requested += bool(kinds & {"requested", "granted", "declined"})
        funnel.granted += "granted" in kinds
        funnel.declined += "declined" in kinds
        funnel.revoked += "revoked" in kinds
        funnel.expired += _expired_in_window(events, inside, local, expiry, as_of)
    funnel.reposted = len({r["ugc_id"] for r in posts if r.get("ugc_id") and r.get("status") == "published"})
    return funnel


def _expired_in_window(events: list[dict[str, Any]], inside: Any, local: Any, expiry: timedelta, as_of: date) -> bool:
    """An `expired` event, a request left unanswered past the expiry days, or a grant's `until` passing, in the window."""
    for i, row in enumerate(events):
        if row["kind"] == "expired" and inside(row["at"]):
            return True
        if row["kind"] == "requested":
            asked = local(row["at"])
            deadline = asked + expiry
            # A late answer (before the report's day) still took the item out of "expired".
            answered = any(
                later["kind"] in ("granted", "declined", "revoked") and local(later["at"]) <= max(deadline, as_of)
                for later in events[i + 1:]
            )
            if not answered and deadline <= as_of and inside(deadline.isoformat()):
                return True
        if row["kind"] == "granted" and row.get("until"):
            until = date.fromisoformat(str(row["until"])[:10])
            revoked_before = any(
                later["kind"] == "revoked" and local(later["at"]) <= until for later in events[i + 1:]
            )
            if not revoked_before and inside(until.isoformat()) and until < as_of:
                return True
    return False
