"""Exports of the content calendar to the tools shops already use.

`export_posts` is the one call behind `contentkit export`: it checks the
kind, dates, channel and target path, lists the posts, asks the consent gate,
and hands them to the format's writer (see `exporters.EXPORTERS`, the one
table of formats). The writers themselves also take a plain list of posts, for
scripts that filter their own: `export_ics`, `export_buffer`,
`export_hootsuite`, `export_csv`, `export_markdown`.

Skipped posts are never exported, and neither is a post that uses customer
content without a current grant for its channel and time: it is left out and
named. Every writer checks the folder first and writes atomically, so a
mistake leaves no file and a crash no half file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pendulum

from ..i18n import _
from ..errors import InputError
from ..store import Transaction
from ..vocab import check_choice
from .export_bulk import export_buffer, export_hootsuite
from .export_files import check_target
from .export_ics import export_ics
from .formula_guard import is_formula
from .limits import post_text
from .export_markdown import export_markdown
from .export_tables import export_csv
from .exporters import EXPORT_KINDS, EXPORTERS, ExportJob, ExportOptions, ExportResult, LeftOut

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = [
    "EXPORT_KINDS",
    "EXPORTERS",
    "ExportResult",
    "LeftOut",
    "export_posts",
    "export_ics",
    "export_buffer",
    "export_hootsuite",
    "export_csv",
    "export_markdown",
]

PLANS = ("paid", "free")
FEED_WEEKS_BACK = 8  # a subscribed calendar keeps two months of history, then lets old events go


@contextlib.contextmanager
def _snapshot(ws: Workspace, write: bool) -> Iterator[Transaction]:
    if write:
        with ws.store.transaction() as tx:
            yield tx
    else:
        yield ws.store.read()


def export_posts(
    ws: Workspace,
    kind: str,
    path: str | os.PathLike[str],
    *,
    start: str | date | None = None,
    end: str | date | None = None,
    channel: str | None = None,
    plan: str = "paid",
    remind: str | None = None,
    feed: bool = False,
    now: datetime | None = None,
) -> ExportResult:
    """Export the workspace's posts (dates inclusive, workspace timezone) as `kind` to `path`.

    Every input is checked before anything is written: an unknown kind or
    channel, a bad date, a missing folder, or a scheduler without a channel
    raise InputError and leave no file. Skipped posts are left out; posts using
    customer content without a current grant are left out and listed in
    `result.left_out`; for the schedulers (buffer, hootsuite), published posts
    are left out too, since uploading them would post them again. `now` is for
    tests (the export time).

    >>> result = export_posts(ws, "ics", "plan.ics", start="2026-12-07", end="2026-12-13")  # doctest: +SKIP
    >>> result.count, result.left_out                                                     # doctest: +SKIP
    (9, [])
    """
    if str(path) == "-":
        # `-o -`: the exporters write files atomically, so write one in a private folder and hand back its bytes.
        import tempfile

        with tempfile.TemporaryDirectory(prefix="contentkit-") as folder:
            result = export_posts(ws, kind, Path(folder) / f"export.{kind}", start=start, end=end, channel=channel,
                                  plan=plan, remind=remind, feed=feed, now=now)
            if len(result.paths) > 1:
                raise InputError(_("this export takes {n} files; give a file name with -o instead of -").format(
                    n=len(result.paths)))
            result.data = result.path.read_bytes()
        result.path = Path("-")
        result.paths = [result.path]
        return result
    exporter = EXPORTERS[check_choice("export kind", kind, EXPORT_KINDS)]
    plan = check_choice("plan", plan, PLANS)
    if feed and exporter.name != "ics":
        raise InputError(_("--feed is for ics only: a subscribed calendar; leave it out for other kinds"))
    if remind is not None and exporter.name != "ics":
        raise InputError(_("--remind is for ics only: calendar reminders; leave it out for other kinds"))
    if plan != "paid" and exporter.name != "buffer":
        raise InputError(_("--plan is for buffer only: Buffer's free plan takes 10 posts a file"))
    moment = pendulum.instance(now) if now is not None else pendulum.now(ws.tz)
    if feed:
        if start is not None or end is not None:
            raise InputError(_("--feed always covers the last 8 weeks and everything planned; leave out --from/--to"))
        start = moment.in_timezone(ws.tz).date().subtract(weeks=FEED_WEEKS_BACK)
    wanted = ws.post_book.filter(start, end, None, channel)
    if exporter.needs_channel and wanted.channel is None:
        raise InputError(_("a {tool} file holds one channel; add --channel, e.g. --channel instagram").format(tool=exporter.name.title()))
    target = check_target(ws.check_output(path))
    options = ExportOptions(start=wanted.start, end=wanted.end, channel=wanted.channel, plan=plan,
                            remind=remind, feed=feed, now=moment)
    with _snapshot(ws, exporter.keeps_ledger) as tx:
        listed = ws.post_book.list(wanted.start, wanted.end, None, wanted.channel, snapshot=tx)
        posts = [p for p in listed if p.status != "skipped"]
        gate = ws.consent.gate(snapshot=tx)
        left_out: list[LeftOut] = []
        allowed = []
        for post in posts:
            decision = gate.post(post)
            if decision:
                allowed.append(post)
            else:
                left_out.append(LeftOut(post.id, decision.reason))
        warnings: list[str] = []
        if exporter.scheduler:
            live = [p.id for p in allowed if p.status == "published"]
            if live:
                warnings.append(_("left out {n_live} published post(s) ({value}): they are already live").format(n_live=len(live), value=", ".join(live)))
            allowed = [p for p in allowed if p.status != "published"]
            formulas = [p.id for p in allowed if is_formula(post_text(p.caption, p.hashtags))]
            if formulas:
                warnings.append(_(
                    "{ids} start with =, +, -, @ or a tab: {tool} posts the text as is, but a spreadsheet would run it "
                    "as a formula; do not open this file in a spreadsheet app, or change the first character"
                ).format(ids=", ".join(formulas), tool=exporter.name.title()))
        result = exporter.write(ExportJob(ws=ws, posts=allowed, target=target, options=options, tx=tx, now=moment))
    result.left_out[:0] = left_out
    gone = {entry.post_id for entry in result.left_out}
    result.ids = [p.id for p in allowed if p.id not in gone]
    result.warnings[:0] = warnings
    if result.count == 0 and not result.cancelled:
        if result.left_out:
            result.warnings.append(_("no post could go into the file: each one in range is left out, see below"))
        else:
            result.warnings.append(_("no posts in this range; the file has no posts (see `contentkit post list`)"))
    return result
