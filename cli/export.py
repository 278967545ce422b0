"""`contentkit export`: write the calendar for calendar apps, schedulers and spreadsheets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .common import CHANNEL, EXPORT_KIND, echo_object, json_result_option, say, warn, workspace_option

if TYPE_CHECKING:
    from contentkit.workspace import Workspace


@click.command()
@click.argument("kind", type=EXPORT_KIND, metavar="ics|buffer|hootsuite|csv|markdown")
@click.option("--from", "start", metavar="DATE", help="First day (YYYY-MM-DD, inclusive).")
@click.option("--to", "end", metavar="DATE", help="Last day (YYYY-MM-DD, inclusive).")
@click.option("--channel", type=CHANNEL, metavar="CH", help="Only this channel (required for buffer: one channel per file).")
@click.option("--output", "-o", "output", required=True, metavar="FILE", help="File to write (its folder must exist).")
@json_result_option
@workspace_option
def export(ws: Workspace, kind: str, start: str | None, end: str | None, channel: str | None, output: str,
           as_json: bool) -> None:
    """Export posts: ics (calendar apps), buffer or hootsuite (bulk upload),
    csv (every field, for spreadsheets) or markdown (a week-by-week plan).

    Skipped posts are left out; times are in the workspace timezone.

    \b
    Example:
        contentkit export ics --from 2026-12-07 --to 2026-12-31 -o rencana.ics
        contentkit export buffer --channel instagram -o buffer-ig.csv
        contentkit export markdown -o rencana.md
        contentkit export csv -o - | head
    """
    from contentkit.calendar.exports import export_posts

    result = export_posts(ws, kind, output, start=start, end=end, channel=channel)
    if result.data is not None:  # `-o -`: the file is the output; everything else goes to stderr
        click.echo(result.data, nl=False)
    elif as_json:
        echo_object(result)
    else:
        say(f"Wrote {result.count} post{'s' if result.count != 1 else ''} to {result.path}")
    for message in result.warnings:
        warn(message)
    if result.hint and result.data is None and not as_json:
        say(f"Next: {result.hint}")
