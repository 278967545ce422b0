"""`contentkit calendar` and `contentkit report`: see the plan as a page or a chart."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from contentkit.i18n import _, ngettext

from .common import echo_object, group_setting, json_result_option, say, workspace_option

if TYPE_CHECKING:
    from contentkit.workspace import Workspace


@click.command()
@click.option("--week", default=None, metavar="YYYY-Www", help="One ISO week, e.g. 2026-W49.")
@click.option("--month", default=None, is_flag=False, flag_value="this", metavar="[YYYY-MM]",
              help="One month, e.g. 2026-12 (alone: this month).")
@click.option("--from", "start", default=None, metavar="DATE", help="First day (YYYY-MM-DD), with --to.")
@click.option("--to", "end", default=None, metavar="DATE", help="Last day (YYYY-MM-DD, inclusive), with --from.")
@click.option("--no-thumbnails", is_flag=True, help="Leave images out (a smaller file).")
@click.option("--output", "-o", "output", required=True, metavar="FILE.html", help="Page to write (its folder must exist).")
@json_result_option
@workspace_option
def calendar(
    ws: Workspace, week: str | None, month: str | None, start: str | None, end: str | None,
    no_thumbnails: bool, output: str, as_json: bool,
) -> None:
    """Write the calendar as one HTML page (default: this week and next), in the workspace language.

    The page needs no internet: open it on a phone, or print it (A4 landscape,
    one week per page).

    \b
    Example:
        contentkit calendar --week 2026-W49 -o rencana.html
        contentkit calendar --month 2026-12 -o desember.html
    """
    from contentkit.views.calendar_page import write_calendar

    result = write_calendar(ws, output, week=week, month=month, start=start, end=end, thumbnails=not no_thumbnails)
    rng = result.range
    if as_json:
        echo_object({"path": str(result.path), "start": rng.start.isoformat(), "end": rng.end.isoformat(),
                     "posts": result.posts})
        return
    say(ngettext("Wrote {n} post ({start} – {end}) to {path}", "Wrote {n} posts ({start} – {end}) to {path}", result.posts)
        .format(n=result.posts, start=rng.start, end=rng.end, path=result.path))


@click.command()
@click.option("--weeks", default=4, show_default=True, type=int, help="How many past weeks, ending with this week (or --end's).")
@click.option("--ahead", default=None, type=int, metavar="N", help="Coming weeks to add, as planned (default: 2; 0 with --end).")
@click.option("--end", default=None, metavar="DATE", help="A day of the last week to include (default: today).")
@click.option("--output", "-o", "output", default=None, metavar="FILE", help="report.png (chart) or report.html (page).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@workspace_option
def report(ws: Workspace, weeks: int, ahead: int | None, end: str | None, output: str | None, as_json: bool) -> None:
    """Report the last 4 weeks and the 2 coming ones: planned vs published, pillar
    mix vs target, stages covered, channels, the UGC consent funnel and testimonials.

    \b
    Example:
        contentkit report -o laporan.png
        contentkit report --weeks 8 -o laporan.html
        contentkit report --json
    """
    from contentkit.views.report_files import summary_lines, write_report

    if output:
        result = write_report(ws, output, weeks=weeks, end=end, ahead=ahead)
        data = result.report
    else:
        data = ws.report(weeks=weeks, end=end, ahead=ahead)
    if as_json:
        click.echo(json.dumps(data.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in summary_lines(data):
            click.echo(line)
    if output and not group_setting("quiet"):
        click.echo(_("Wrote {path}").format(path=result.path), err=as_json)
