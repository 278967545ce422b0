"""The calendar export: one iCalendar (.ics) event per post, and calendars that stay true.

Calendar apps match events by UID, so each post keeps one UID for life,
`P12@<workspace id>.contentkit`: the workspace id is random and kept in
contentkit.toml, so renaming the shop changes no UID. DTSTAMP is the moment
of the export; SEQUENCE rises whenever an event's content changes.

`contentkit export ics` remembers what it exported (`export_ledger`): a post
that was exported once and is now skipped, redrawn by `plan --replan`,
cancelled by a consent revocation or deleted is written again as
`STATUS:CANCELLED` with a higher SEQUENCE, for as long as it falls inside the
export range, so calendar apps remove it instead of keeping a stale reminder.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import _
from ..dates import DEFAULT_TIMEZONE
from ..errors import InputError
from ..records import Post
from .export_files import check_target, write_atomic
from .export_ledger import ExportLedger, LedgerEntry
from .limits import post_text

if TYPE_CHECKING:
    from .exporters import ExportJob, ExportResult

__all__ = ["export_ics", "ics_uid", "uid_domain", "parse_remind", "EVENT_MINUTES", "FEED_REFRESH", "write"]

EVENT_MINUTES = 30  # long enough to see in a day view, short enough not to block the day
FEED_REFRESH = timedelta(hours=4)  # how often a subscribed calendar should fetch the feed again
_SEQUENCE_EPOCH = datetime(2025, 1, 1, tzinfo=timezone.utc)
_STATUS = {"draft": "TENTATIVE", "ready": "CONFIRMED", "published": "CONFIRMED", "skipped": "CANCELLED"}
_REMIND = re.compile(r"^\s*(\d+)\s*(m|min|menit|h|j|jam|d|hari)\s*$", re.IGNORECASE)
_UNIT = {"m": 1, "min": 1, "menit": 1, "h": 60, "j": 60, "jam": 60, "d": 1440, "hari": 1440}


def uid_domain(workspace_id: str) -> str:
    """The domain-like suffix of every UID in a workspace (`Workspace.workspace_id`, random and stored).

    >>> uid_domain("3f9a1c0b7e2d4a58")
    '3f9a1c0b7e2d4a58.contentkit'
    """
    slug = re.sub(r"[^a-z0-9]+", "", workspace_id.lower())
    return f"{slug or 'shop'}.contentkit"


def ics_uid(post: Post | str, domain: str) -> str:
    """The event UID of `post` (or a post id): its store id at the workspace's domain.

    >>> ics_uid("P12", "3f9a1c0b7e2d4a58.contentkit")
    'P12@3f9a1c0b7e2d4a58.contentkit'
    """
    post_id = post if isinstance(post, str) else post.id
    if not post_id:
        # A UID must never change between exports; an unsaved post has nothing stable to use.
        raise InputError(_("only saved posts (with an id) can be exported to a calendar; save them in the workspace first"))
    return f"{post_id}@{domain}"


def parse_remind(text: str | None) -> timedelta | None:
    """`--remind` as a duration: `30m`, `1h`, `2j` (jam), `1d`; None for no reminder.

    >>> parse_remind("30m"), parse_remind("1h")
    (datetime.timedelta(seconds=1800), datetime.timedelta(seconds=3600))
    """
    if text is None or not str(text).strip():
        return None
    match = _REMIND.match(str(text))
    if not match:
        raise InputError(_("--remind {text!r} is not a duration; write it like 30m, 1h or 1d").format(text=text))
    minutes = int(match.group(1)) * _UNIT[match.group(2).lower()]
    if not 0 < minutes <= 7 * 1440:
        raise InputError(_("--remind {text!r} must be between 1 minute and 7 days before the post").format(text=text))
    return timedelta(minutes=minutes)


def _minutes_since_epoch(changed: datetime | None) -> int:
    # Minutes since 2025 grow with every edit and stay well inside iCalendar's 32-bit INTEGER.
    if changed is None:
        return 0
    return max(0, int((changed - _SEQUENCE_EPOCH).total_seconds() // 60))


def _utc(value: datetime) -> datetime:
    return datetime.fromtimestamp(value.timestamp(), tz=timezone.utc)


def _wall(value: datetime, zone: Any) -> datetime:
    # A plain datetime on a zoneinfo zone: icalendar reads the TZID from it.
    local = value.astimezone(zone)
    return datetime(local.year, local.month, local.day, local.hour, local.minute, local.second, fold=local.fold, tzinfo=zone)


@dataclass(frozen=True)
class _Content:
    """What a calendar app shows of one post: a change here is a new revision (SEQUENCE + 1)."""

    summary: str
    description: str
    start: datetime
    status: str
    url: str | None
    categories: tuple[str, ...]
    alarm_minutes: int

    def digest(self) -> str:
        parts = (self.summary, self.description, self.start.isoformat(), self.status, self.url or "",
                 ",".join(self.categories), str(self.alarm_minutes), str(EVENT_MINUTES))
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _content(post: Post, remind: timedelta | None) -> _Content:
    text = post_text(post.caption, post.hashtags)
    details = f"{post.pillar} · {post.status} · {post.id}"
    return _Content(
        summary=f"{post.channel} · {post.format} · {post.title}",
        description=f"{text}\n\n{details}" if text else details,
        start=_utc(post.at),
        status=_STATUS.get(post.status, "TENTATIVE"),
        url=post.published_url or None,
        categories=(post.pillar,),
        alarm_minutes=int(remind.total_seconds() // 60) if remind else 0,
    )


def _event(post: Post, content: _Content, zone: Any, uid: str, stamp: datetime, sequence: int) -> Any:
    from icalendar import Alarm, Event

    changed = post.updated_at or post.created_at
    event = Event.new(
        uid=uid,
        summary=content.summary,
        description=content.description,
        start=_wall(post.at, zone),
        stamp=stamp,
        last_modified=_utc(changed) if changed is not None else None,
        sequence=sequence,
        categories=list(content.categories),
        status=content.status,  # type: ignore[arg-type]
        url=content.url,
    )
    event.duration = timedelta(minutes=EVENT_MINUTES)
    if content.alarm_minutes and content.status != "CANCELLED":
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -timedelta(minutes=content.alarm_minutes))
        alarm.add("description", content.summary)
        event.add_component(alarm)
    return event


def _cancelled_event(entry: LedgerEntry, uid: str, zone: Any, stamp: datetime) -> Any:
    from icalendar import Event

    start = datetime.fromisoformat(entry.at)
    event = Event.new(uid=uid, summary=entry.summary, start=_wall(start, zone), stamp=stamp,
                      sequence=entry.sequence, status="CANCELLED")  # type: ignore[arg-type]
    event.duration = timedelta(minutes=EVENT_MINUTES)
    return event


def _calendar(events: list[Any], *, tz: str, calendar_name: str, domain: str, years: list[int], feed: bool) -> bytes:
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Timezone

    cal = Calendar.new(
        name=calendar_name,
        prodid="-//contentkit//content calendar//EN",
        method="PUBLISH",
        uid=f"calendar@{domain}",
        refresh_interval=FEED_REFRESH if feed else None,
    )
    # Google Calendar reads the calendar's own zone from this widely used extension.
    cal.add("X-WR-TIMEZONE", tz)
    if feed:
        # The older spelling of REFRESH-INTERVAL, which Outlook reads.
        cal.add("X-PUBLISHED-TTL", FEED_REFRESH)
    for event in events:
        cal.add_component(event)
    # Transitions only around the exported dates: a VTIMEZONE from 1970 to 2038 is mostly
    # noise. An empty export still names its zone, so a later import lands in the right one.
    years = years or [datetime.now(ZoneInfo(tz)).year]
    cal.subcomponents.insert(
        0, Timezone.from_tzid(tz, first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 2, 1, 1))
    )
    data: bytes = cal.to_ical()
    return data


def export_ics(
    posts: Sequence[Post],
    path: str | os.PathLike[str],
    *,
    tz: str = DEFAULT_TIMEZONE,
    calendar_name: str = "contentkit",
    domain: str = "contentkit.local",
    remind: str | timedelta | None = None,
    now: datetime | None = None,
) -> Path:
    """Write `posts` as an iCalendar file at `path` and return the path (no ledger: for scripts).

    One VEVENT per post, at its time in `tz` (with the VTIMEZONE it needs),
    lasting 30 minutes, summary "channel · format · title", the caption and
    hashtags as description, UID `<post id>@<domain>`, DTSTAMP the export time,
    SEQUENCE growing with the post's last edit, and a reminder `remind` before
    (e.g. "30m"). Use `export_posts(ws, "ics", ...)` to also cancel posts that
    disappeared since the last export.

    >>> export_ics(ws.posts(start="2026-12-07", end="2026-12-13"), "plan.ics",
    ...            tz=ws.tz, domain=uid_domain(ws.workspace_id))     # doctest: +SKIP
    PosixPath('plan.ics')
    """
    from zoneinfo import ZoneInfo

    target = check_target(path)
    alarm = remind if isinstance(remind, timedelta) or remind is None else parse_remind(remind)
    zone = ZoneInfo(tz)
    stamp = _utc(now) if now is not None else datetime.now(timezone.utc).replace(microsecond=0)
    events = [
        _event(p, _content(p, alarm), zone, ics_uid(p, domain), stamp, _minutes_since_epoch(p.updated_at or p.created_at))
        for p in posts
    ]
    years = [p.at.astimezone(zone).year for p in posts]
    return write_atomic(target, _calendar(events, tz=tz, calendar_name=calendar_name, domain=domain, years=years, feed=False))


def write(job: ExportJob) -> ExportResult:
    """The `ics` exporter: live posts, plus a CANCELLED event for each post exported before
    that is now skipped, redrawn, blocked by consent or deleted (see the module docstring)."""
    from zoneinfo import ZoneInfo

    from .exporters import ExportResult

    ws, opts = job.ws, job.options
    alarm = parse_remind(opts.remind)
    zone = ZoneInfo(ws.tz)
    domain = uid_domain(ws.workspace_id)
    stamp = _utc(job.now).replace(microsecond=0)
    ledger = ExportLedger(job.tx)
    events: list[Any] = []
    live: set[str] = set()
    for post in job.posts:
        uid = ics_uid(post, domain)
        content = _content(post, alarm)
        entry = ledger.record(uid, content.digest(), post, content.summary,
                              first=_minutes_since_epoch(post.updated_at or post.created_at))
        events.append(_event(post, content, zone, uid, stamp, entry.sequence))
        live.add(uid)
    gate = ws.consent.gate(snapshot=job.tx)
    cancelled = 0
    for uid, entry in ledger.entries_in(opts.start, opts.end, opts.channel, tz=ws.tz):
        if uid in live or not uid.endswith("@" + domain) or _still_planned(job, uid.split("@")[0], gate):
            continue
        gone = ledger.cancel(uid)
        events.append(_cancelled_event(gone, uid, zone, stamp))
        cancelled += 1
    ledger.prune(job.now)
    ledger.save()
    years = [p.at.astimezone(zone).year for p in job.posts]
    calendar_name = ws.config.brand or "contentkit"
    write_atomic(job.target, _calendar(events, tz=ws.tz, calendar_name=calendar_name, domain=domain, years=years,
                                       feed=opts.feed))
    return ExportResult(path=job.target, kind="ics", count=len(job.posts), cancelled=cancelled)


def _still_planned(job: ExportJob, post_id: str, gate: Any) -> bool:
    """A post outside this export that still goes out (moved out of the range, say): not cancelled."""
    from ..errors import NotFoundError

    try:
        post = job.tx.get(Post, post_id)
    except NotFoundError:
        return False
    return post.status != "skipped" and bool(gate.post(post))
