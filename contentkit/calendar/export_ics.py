"""The calendar export: one iCalendar (.ics) event per post.

Calendar apps match events by UID, so each post keeps the same UID in every
export (`P12@dapurbusari.contentkit`): importing an updated file updates the
events instead of duplicating them. SEQUENCE, DTSTAMP and LAST-MODIFIED come
from the post's `updated_at`, so an edited post looks newer to the app.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ..i18n import _
from ..dates import DEFAULT_TIMEZONE
from ..errors import InputError
from ..records import Post
from .export_files import check_target, write_atomic
from .limits import post_text

__all__ = ["export_ics", "ics_uid", "uid_domain", "EVENT_MINUTES"]

EVENT_MINUTES = 30  # long enough to see in a day view, short enough not to block the day
_SEQUENCE_EPOCH = datetime(2025, 1, 1, tzinfo=timezone.utc)
_STATUS = {"draft": "TENTATIVE", "ready": "CONFIRMED", "published": "CONFIRMED", "skipped": "CANCELLED"}


def uid_domain(brand: str) -> str:
    """A stable, domain-like suffix for UIDs, made from the brand name.

    >>> uid_domain("Dapur Bu Sari")
    'dapurbusari.contentkit'
    """
    slug = re.sub(r"[^a-z0-9]+", "", brand.lower())
    return f"{slug or 'shop'}.contentkit"


def ics_uid(post: Post, domain: str) -> str:
    """The event UID of `post`: its store id at the workspace's domain.

    >>> ics_uid(Post(datetime(2026, 12, 9, tzinfo=timezone.utc), "instagram", "reel", "promo", "x", id="P12"),
    ...         "dapurbusari.contentkit")
    'P12@dapurbusari.contentkit'
    """
    if not post.id:
        # A UID must never change between exports; an unsaved post has nothing stable to use.
        raise InputError(_("only saved posts (with an id) can be exported to a calendar; save them in the workspace first"))
    return f"{post.id}@{domain}"


def _sequence(changed: datetime | None) -> int:
    # SEQUENCE must grow with each revision; minutes since 2025 grow with updated_at and
    # stay well inside iCalendar's 32-bit INTEGER for centuries.
    if changed is None:
        return 0
    return max(0, int((changed - _SEQUENCE_EPOCH).total_seconds() // 60))


def _utc(value: datetime) -> datetime:
    return datetime.fromtimestamp(value.timestamp(), tz=timezone.utc)


def _wall(value: datetime, zone: Any) -> datetime:
    # A plain datetime on a zoneinfo zone: icalendar reads the TZID from it.
    local = value.astimezone(zone)
    return datetime(local.year, local.month, local.day, local.hour, local.minute, local.second, fold=local.fold, tzinfo=zone)


def _event(post: Post, zone: Any, domain: str) -> Any:
    from icalendar import Event

    changed = post.updated_at or post.created_at
    stamp = _utc(changed) if changed is not None else _utc(post.at)
    summary = f"{post.channel} · {post.format} · {post.title}"
    text = post_text(post.caption, post.hashtags)
    details = f"{post.pillar} · {post.status} · {post.id}"
    description = f"{text}\n\n{details}" if text else details
    event = Event.new(
        uid=ics_uid(post, domain),
        summary=summary,
        description=description,
        start=_wall(post.at, zone),
        stamp=stamp,
        last_modified=stamp if changed is not None else None,
        sequence=_sequence(changed),
        categories=[post.pillar],
        status=_STATUS.get(post.status),  # type: ignore[arg-type]
        url=post.published_url or None,
    )
    event.duration = timedelta(minutes=EVENT_MINUTES)
    return event


def export_ics(
    posts: Sequence[Post],
    path: str | os.PathLike[str],
    *,
    tz: str = DEFAULT_TIMEZONE,
    calendar_name: str = "contentkit",
    domain: str = "contentkit.local",
) -> Path:
    """Write `posts` as an iCalendar file at `path` and return the path.

    One VEVENT per post, at its time in `tz` (with the VTIMEZONE it needs),
    lasting 30 minutes, summary "channel · format · title", the caption and
    hashtags as description, UID `<post id>@<domain>`. The file is written
    atomically; a missing folder raises InputError before anything is written.

    >>> export_ics(ws.posts(start="2026-12-07", end="2026-12-13"), "plan.ics",
    ...            tz=ws.tz, domain=uid_domain(ws.config.brand))     # doctest: +SKIP
    PosixPath('plan.ics')
    """
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Timezone

    target = check_target(path)
    zone = ZoneInfo(tz)
    cal = Calendar.new(
        name=calendar_name,
        prodid="-//contentkit//content calendar//EN",
        method="PUBLISH",
        uid=f"calendar@{domain}",
    )
    # Google Calendar reads the calendar's own zone from this widely used extension.
    cal.add("X-WR-TIMEZONE", tz)
    for post in posts:
        cal.add_component(_event(post, zone, domain))
    # Transitions only around the exported dates: a VTIMEZONE from 1970 to 2038 is mostly
    # noise. An empty export still names its zone, so a later import lands in the right one.
    years = [post.at.astimezone(zone).year for post in posts] or [datetime.now(zone).year]
    cal.subcomponents.insert(
        0, Timezone.from_tzid(tz, first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 2, 1, 1))
    )
    return write_atomic(target, cal.to_ical())
