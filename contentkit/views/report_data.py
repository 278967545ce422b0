"""The figures of recent weeks: did the plan happen, is it balanced, is consent flowing.

`build_report` reads the store once and returns a `Report` of plain numbers;
the PNG chart and the HTML report are drawn from that data, and scripts use
it directly (`ws.report().to_dict()`).

The window is `weeks` whole ISO weeks ending with the week of `end` (default:
the last 4 weeks up to this one, plus the `ahead` 2 coming weeks, as planned).
Every count is of things in the window, by local date:

- per week: posts planned (every post that week, skipped ones too), published,
  skipped, and the loyalty stages the week's non-skipped posts cover;
- pillar mix: non-skipped posts per pillar against the strategy's target share;
- channels: posts and published posts per channel;
- consent funnel (customer content, by item, each counted in every stage up
  to the one it reached, so collected >= asked >= granted >= reposted always):
  the items collected in the window, asked about, used in a post, or reposted
  in it; asked (a request, or an answer: a grant or decline recorded without a
  request was asked elsewhere); granted (the consent ledger's state when the
  report is made, or a grant that was since revoked or ran out); reposted (a
  published post in the window uses it); and the exits, from the ledger's
  state: `declined`, `revoked`, `expired` (unanswered past the expiry days, or
  a grant whose `until` passed);
- testimonials: reviews added, reviews with rendered images (and the image
  count), review posts planned and published.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pendulum

from ..i18n import _
from ..dates import parse_date, week_label
from ..errors import InputError
from ..records import Post, Review, UGCItem
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
    ahead: bool = False  # a coming week: what is planned, nothing published yet


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


AHEAD_WEEKS = 2


def build_report(
    ws: Workspace,
    *,
    weeks: int = 4,
    end: str | date | None = None,
    today: str | date | None = None,
    ahead: int | None = None,
) -> Report:
    """The figures of the `weeks` ISO weeks ending with the week of `end`, plus `ahead` coming weeks.

    Without `end`: the last `weeks` weeks up to this one and the 2 coming
    weeks (what is planned). With `end`: the weeks ending with the week of
    `end`, and no coming weeks unless `ahead` says so. `today` (default: the
    real date in the workspace timezone) is when the report is made: consent
    states are read as of then (or the window's end, if earlier).

    >>> r = ws.report(weeks=4)                  # doctest: +SKIP
    >>> r.weeks[-1].planned, r.consent.granted  # doctest: +SKIP
    (9, 2)
    """
    if not isinstance(weeks, int) or not 1 <= weeks <= MAX_REPORT_WEEKS:
        raise InputError(_("--weeks must be a whole number from 1 to {MAX_REPORT_WEEKS}, not {weeks!r}").format(MAX_REPORT_WEEKS=MAX_REPORT_WEEKS, weeks=weeks))
    ahead = (AHEAD_WEEKS if end is None else 0) if ahead is None else ahead
    if not isinstance(ahead, int) or not 0 <= ahead <= 8:
        raise InputError(_("--ahead must be a whole number from 0 to 8, not {ahead!r}").format(ahead=ahead))
    tz = ws.tz
    now_day = parse_date(today) if today is not None else pendulum.now(tz).date()
    last_day = parse_date(end, tz=tz) if end is not None else now_day
    last_monday = last_day - timedelta(days=last_day.weekday()) + timedelta(weeks=ahead)
    this_monday = now_day - timedelta(days=now_day.weekday())
    weeks += ahead
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
    mix, notes = _strategy_bits(ws)

    week_rows: list[WeekFigures] = []
    for i in range(weeks):
        monday = first + timedelta(weeks=i)
        rows = [r for r in posts if monday <= (local(r["at"]) or monday) <= monday + timedelta(days=6)]
        week_rows.append(WeekFigures(
            label=week_label(monday), start=monday, planned=len(rows),
            published=sum(r.get("status") == "published" for r in rows),
            skipped=sum(r.get("status") == "skipped" for r in rows),
            stages=_stages([r for r in rows if r.get("status") != "skipped"]),
            ahead=monday > this_monday,
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

    funnel = _funnel(ws, snap, posts, inside, min(last, now_day))
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
        stages=_stages(live),
        channels=channels, consent=funnel, testimonials=testimonials,
        generated_at=pendulum.now(tz), notes=notes + _empty_notes(ws.language, week_rows, funnel),
        review_requests=review_request_funnel(snap, inside),
    )


def _empty_notes(lang: str, weeks: list[WeekFigures], funnel: ConsentFunnel) -> list[str]:
    """Plain words for a period with nothing in it, instead of a page of zeros."""
    from .page_style import labels

    words = labels(lang)
    notes = []
    if not any(w.planned for w in weeks):
        notes.append(words["no_posts_period"])
    else:
        empty = [w.label for w in weeks if not w.planned]
        if empty:
            notes.append(words["no_posts_weeks"].format(weeks=", ".join(empty)))
    if not funnel.collected:
        notes.append(words["no_ugc_period"])
    return notes


def _strategy_bits(ws: Workspace) -> tuple[dict[str, float], list[str]]:
    try:
        strategy = ws.strategy
    except Exception as exc:  # the report still shows what happened; the note says why targets are missing
        return {}, [_("strategy not loaded, no pillar targets: {error}").format(error=exc)]
    return dict(strategy.mix), []


def _stages(rows: list[dict[str, Any]]) -> list[str]:
    """Stages the posts carry; target customers only when one is aimed at a persona."""
    covered = {PILLAR_STAGES[r["pillar"]] for r in rows if r["pillar"] in PILLAR_STAGES}
    if any(r.get("persona") for r in rows):
        covered.add("target_customers")
    return [s for s in STAGES if s in covered]


def _funnel(ws: Workspace, snap: Any, posts: list[dict[str, Any]], inside: Any, as_of: date) -> ConsentFunnel:
    """Each item of the window counted in every stage up to the one it reached (see the module docstring).

    States come from the consent ledger (`ws.consent.states`), as of `as_of`:
    nothing here decides consent.
    """
    real = pendulum.now(ws.tz)
    moment = real if as_of == real.date() else pendulum.datetime(as_of.year, as_of.month, as_of.day, 23, 59, 59, tz=ws.tz)
    items = snap.rows(UGCItem)
    states = ws.consent.states(snap, moment, item_rows=items)
    activity = ws.consent.activity(snap, inside)
    asked, was_granted, active = activity.asked, activity.ever_granted, activity.active
    used = {r["ugc_id"] for r in posts if r.get("ugc_id") and r.get("status") != "skipped"}
    reposted = {r["ugc_id"] for r in posts if r.get("ugc_id") and r.get("status") == "published"}
    cohort = {r["id"] for r in items if inside(r.get("collected_at") or r.get("taken_at"))} | active | used | reposted
    funnel = ConsentFunnel()
    for item_id in cohort:
        state = states.get(item_id)
        name = state.name if state is not None else "none"
        # Stage reached: a repost needed a grant; a grant (even one since revoked or run out) needed an ask.
        stage = 0
        if item_id in asked or name != "none":
            stage = 1
        if name in ("granted", "self_granted", "grant_expired") or (name == "revoked" and item_id in was_granted):
            stage = 2
        if item_id in reposted:
            stage = 3
        funnel.collected += 1
        funnel.requested += stage >= 1
        funnel.granted += stage >= 2
        funnel.reposted += stage >= 3
        funnel.declined += name == "declined"
        funnel.revoked += name == "revoked"
        funnel.expired += name in ("expired", "grant_expired")
    return funnel
