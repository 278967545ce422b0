"""Bulk files the schedulers accept: Buffer's bulk upload and Hootsuite's bulk composer.

Each tool's limits and rules are data (`BulkRules`): the header, the time
format, how many posts a file may hold, which channels and formats a file can
carry and which need an image. A longer export is split into numbered files
(`buffer-1.csv`, `buffer-2.csv`, ...); a post the tool cannot take through a
file (a video, a story, an Instagram post without an image link, a time in the
past for Hootsuite) is left out and listed by ID with the reason.

Schedulers read times as wall-clock times in the account's time zone, so every
time here is in the workspace timezone; keep the scheduler on the same zone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from ..dates import DEFAULT_TIMEZONE
from ..errors import InputError
from ..i18n import N_, _
from ..records import Post
from .export_files import check_target, http_urls, local_time, write_atomic
from .export_tables import csv_bytes
from .exporters import LeftOut
from .limits import post_text

if TYPE_CHECKING:
    from .exporters import ExportJob, ExportResult

__all__ = [
    "BulkRules", "BulkFiles", "BUFFER", "HOOTSUITE", "BULK_RULES", "BUFFER_HEADER", "HOOTSUITE_DATE_FORMAT",
    "HOOTSUITE_HINT", "bulk_files", "export_buffer", "export_hootsuite", "write_buffer", "write_hootsuite",
    "numbered_paths",
]

_MEDIA_EXT = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".mp4", ".mov", ".m4v", ".avi", ".webm")
_VIDEO_FORMATS = ("reel", "short_video", "live")


@dataclass(frozen=True)
class BulkRules:
    """What one scheduler's bulk file accepts."""

    tool: str
    header: tuple[str, ...] | None  # the first row, or None for a file without one
    time_format: str  # strftime, wall clock in the workspace timezone
    per_file: int  # posts a file may hold
    channels: tuple[str, ...]  # channels the file can post to
    formats: tuple[str, ...]  # post formats a row can carry (the rest need the tool's own composer)
    image_required: tuple[str, ...] = ()  # channels whose posts need an image
    image_column: bool = False  # the file carries an image URL
    link_column: bool = False  # the file carries a link (a page to share, never the image)
    minute_step: int = 1  # times must fall on this many minutes
    future_only: bool = False  # rows in the past are refused at upload
    per_file_free: int | None = None  # a smaller limit on the tool's free plan
    hint: str = ""  # the step to take in the tool after uploading

    def limit(self, plan: str = "paid") -> int:
        return self.per_file_free if plan == "free" and self.per_file_free else self.per_file


BUFFER_HEADER = ("Text", "Image URL", "Tags", "Posting Time")
# Buffer's bulk upload: a header row; text, one image URL, tags, posting time
# `YYYY-MM-DD HH:mm`; 100 posts a file (10 on the free plan); one channel a file;
# Instagram posts need an image; reels and stories cannot go through the file.
BUFFER = BulkRules(
    tool="Buffer", header=BUFFER_HEADER, time_format="%Y-%m-%d %H:%M", per_file=100, per_file_free=10,
    channels=("instagram", "facebook"), formats=("image", "carousel", "feed"), image_required=("instagram",),
    image_column=True,
)
# Hootsuite's bulk composer: no header row; column A the date and time, B the message,
# C an optional link (a page to share, not the image); 24-hour time whose minutes end in
# 0 or 5; only future times; 350 posts a file; UTF-8. The upload dialog asks which date
# order the file uses: we write day-first, as dates are written in Indonesia.
HOOTSUITE_DATE_FORMAT = "%d/%m/%Y %H:%M"
HOOTSUITE_HINT = N_('in Hootsuite\'s bulk composer choose the date format "dd/mm/yyyy hh:mm"')
HOOTSUITE = BulkRules(
    tool="Hootsuite", header=None, time_format=HOOTSUITE_DATE_FORMAT, per_file=350,
    channels=("facebook", "instagram"), formats=("image", "carousel", "feed"), image_required=("instagram",),
    link_column=True, minute_step=5, future_only=True, hint=HOOTSUITE_HINT,
)
BULK_RULES = {"buffer": BUFFER, "hootsuite": HOOTSUITE}


@dataclass
class BulkFiles:
    """The rows of each file to write, the posts left out, and what the user should know."""

    files: list[list[list[str]]]
    kept: list[Post] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _is_media(url: str) -> bool:
    return url.lower().split("?")[0].endswith(_MEDIA_EXT)


def _refusal(rules: BulkRules, post: Post) -> str:
    """Why `rules` cannot take `post` through a file, or "" when it can."""
    if post.channel not in rules.channels:
        return _("{tool}'s file cannot post to {channel}").format(tool=rules.tool, channel=post.channel)
    if post.format not in rules.formats:
        if post.format in _VIDEO_FORMATS:
            what = _("a {format} is a video, which {tool}'s file cannot carry")
        elif post.format == "story":
            what = _("a story cannot go through {tool}'s file")
        else:
            what = _("{tool}'s file cannot carry a {format}")
        return _("{what}; post it by hand (`contentkit kit`) or in {tool}'s composer").format(
            what=what.format(format=post.format, tool=rules.tool), tool=rules.tool)
    if post.channel in rules.image_required and not [u for u in http_urls(post.assets) if _is_media(u)]:
        return _("{channel} needs an image and the post has no image link (https://...); "
                 "add one to its assets, or post it by hand with `contentkit kit`").format(channel=post.channel)
    if not post_text(post.caption, post.hashtags).strip() and not rules.image_column:
        return _("no caption yet; {tool} refuses an empty message, write one with `contentkit post edit {id}`").format(
            tool=rules.tool, id=post.id)
    return ""


def _when(rules: BulkRules, post: Post, tz: str, warnings: list[str]) -> pendulum.DateTime:
    when = local_time(post.at, tz)
    step = rules.minute_step
    if when.minute % step or when.second or when.microsecond:
        base = when.replace(second=0, microsecond=0)
        moved = base.add(minutes=step - base.minute % step) if base.minute % step else base.add(minutes=step)
        warnings.append(_("{id}: {when} moved to {moved} ({tool} needs minutes ending in 0 or 5)").format(
            id=post.id, when=when.strftime("%Y-%m-%d %H:%M"), moved=moved.strftime("%H:%M"), tool=rules.tool))
        when = moved
    return when


def _row(rules: BulkRules, post: Post, when: pendulum.DateTime) -> list[str]:
    text = post_text(post.caption, post.hashtags)
    urls = http_urls(post.assets)
    stamp = when.strftime(rules.time_format)
    if rules is BUFFER:
        images = [u for u in urls if _is_media(u)]  # a page link is no image: Buffer would fail to fetch it
        return [text, images[0] if images else "", post.pillar, stamp]
    links = [u for u in urls if not _is_media(u)]
    return [stamp, text, links[0] if links else ""]


def bulk_files(
    rules: BulkRules, posts: Sequence[Post], *, tz: str = DEFAULT_TIMEZONE, now: datetime | None = None, plan: str = "paid"
) -> BulkFiles:
    """The files `rules`' tool accepts for `posts`: rows split at its per-file limit, header on each."""
    channels = sorted({p.channel for p in posts})
    if len(channels) > 1:
        raise InputError(
            _("a {tool} file holds one channel, but these posts are on {channels}; "
              "export each with --channel, e.g. --channel instagram").format(tool=rules.tool, channels=", ".join(channels))
        )
    current = pendulum.instance(now) if now is not None else pendulum.now(tz)
    out = BulkFiles(files=[])
    rows: list[list[str]] = []
    for post in posts:
        reason = _refusal(rules, post)
        when = _when(rules, post, tz, out.warnings) if not reason else None
        if when is not None and rules.future_only and when <= current:
            reason = _("{when} is in the past and {tool} refuses it; move the post with `contentkit post edit {id} --at ...`").format(
                when=when.strftime("%Y-%m-%d %H:%M"), tool=rules.tool, id=post.id)
        if reason or when is None:
            out.left_out.append(LeftOut(post.id, reason))
            continue
        rows.append(_row(rules, post, when))
        out.kept.append(post)
        if rules is HOOTSUITE and post.channel in rules.image_required:
            image = next(u for u in http_urls(post.assets) if _is_media(u))
            out.warnings.append(_("{id}: the file carries no image; attach {image} to this row before scheduling").format(id=post.id, image=image))
    size = rules.limit(plan)
    header = [list(rules.header)] if rules.header else []
    chunks = [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]
    out.files = [header + chunk for chunk in chunks]
    return out


def numbered_paths(target: Path, count: int) -> list[Path]:
    """`target` itself for one file; `name-1.csv`, `name-2.csv`, ... for more.

    >>> [p.name for p in numbered_paths(Path("buffer.csv"), 3)]
    ['buffer-1.csv', 'buffer-2.csv', 'buffer-3.csv']
    """
    if count <= 1:
        return [target]
    return [target.with_name(f"{target.stem}-{i}{target.suffix}") for i in range(1, count + 1)]


def _write(files: BulkFiles, target: Path) -> list[Path]:
    paths = numbered_paths(target, len(files.files))
    return [write_atomic(path, csv_bytes(rows)) for path, rows in zip(paths, files.files)]


def export_buffer(
    posts: Sequence[Post], path: str | os.PathLike[str], *, tz: str = DEFAULT_TIMEZONE, plan: str = "paid"
) -> list[Path]:
    """Write Buffer's bulk-upload CSV file(s) and return their paths (split at 100 posts, 10 on `plan="free"`).

    Header `Text,Image URL,Tags,Posting Time`; one row per post; the text as
    posted (caption then hashtags); the first http(s) image as the image; the
    pillar as the tag; the time as `YYYY-MM-DD HH:mm` in `tz`. Posts Buffer's
    file cannot take are left out (see `bulk_files` for which and why); posts
    on several channels raise InputError.

    >>> export_buffer(ws.posts(channel="instagram"), "buffer.csv", tz=ws.tz)   # doctest: +SKIP
    [PosixPath('buffer.csv')]
    """
    target = check_target(path)
    return _write(bulk_files(BUFFER, posts, tz=tz, plan=plan), target)


def export_hootsuite(
    posts: Sequence[Post], path: str | os.PathLike[str], *, tz: str = DEFAULT_TIMEZONE, now: datetime | None = None
) -> list[Path]:
    """Write Hootsuite's bulk-composer CSV file(s) and return their paths (split at 350 posts).

    No header; per row the date and time (`dd/mm/yyyy HH:MM`, in `tz`, minutes
    rounded up to a multiple of 5), the text as posted, and a link to share
    (never the image); UTF-8. Past times, videos and stories are left out.

    >>> export_hootsuite(ws.posts(channel="facebook"), "hootsuite.csv", tz=ws.tz)  # doctest: +SKIP
    [PosixPath('hootsuite.csv')]
    """
    target = check_target(path)
    return _write(bulk_files(HOOTSUITE, posts, tz=tz, now=now), target)


def _write_job(rules: BulkRules, job: ExportJob) -> ExportResult:
    from .exporters import ExportResult

    channel = job.options.channel
    if channel and channel not in rules.channels:
        raise InputError(_("{tool}'s bulk file cannot post to {channel}; it takes {channels} "
                           "(post {channel} by hand with `contentkit kit`)").format(
            tool=rules.tool, channel=channel, channels=", ".join(rules.channels)))
    files = bulk_files(rules, job.posts, tz=job.ws.tz, now=job.now, plan=job.options.plan)
    for path in numbered_paths(job.target, len(files.files)):
        job.ws.check_output(path)  # the numbered names too: none may land on the workspace's own files
    paths = _write(files, job.target)
    if len(paths) > 1:
        files.warnings.append(_("{tool} takes {limit} posts a file: wrote {n} files, upload them one by one").format(
            tool=rules.tool, limit=rules.limit(job.options.plan), n=len(paths)))
    return ExportResult(path=paths[0], kind=rules.tool.lower(), count=len(files.kept), warnings=files.warnings,
                        hint=_(rules.hint) if rules.hint else "", paths=paths, left_out=files.left_out)


def write_buffer(job: ExportJob) -> ExportResult:
    """The `buffer` exporter."""
    return _write_job(BUFFER, job)


def write_hootsuite(job: ExportJob) -> ExportResult:
    """The `hootsuite` exporter."""
    return _write_job(HOOTSUITE, job)
