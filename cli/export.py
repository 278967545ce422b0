"""`contentkit export`: write the calendar for calendar apps, schedulers and spreadsheets.

The kinds, their choices and their help come from the exporter table
(`contentkit.calendar.exporters.EXPORTERS`); nothing here lists them again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from contentkit.calendar.exporters import EXPORT_KINDS, exporter_help
from contentkit.i18n import N_, _, ngettext

from .common import CHANNEL, EXPORT_KIND, echo_object, json_result_option, say, warn, workspace_option

if TYPE_CHECKING:
    from contentkit.workspace import Workspace

_HELP = f"""Export posts to another tool.

\b
{exporter_help()}

Skipped posts are left out, and so are posts using customer content without a
current grant (each is named); times are in the workspace timezone. A calendar
export also cancels the events of posts exported before that no longer happen.

\b
Example:
    contentkit export ics --from 2026-12-07 --to 2026-12-31 --remind 30m -o rencana.ics
    contentkit export ics --feed -o ~/Dropbox/Public/kalender.ics
    contentkit export buffer --channel instagram --plan free -o buffer-ig.csv
    contentkit export markdown -o rencana.md
    contentkit export csv -o - | head
"""


# The prose of _HELP, for the catalog (extraction reads literals, not the f-string above).
_HELP_MESSAGES = (
    N_("Export posts to another tool."),
    N_("Skipped posts are left out, and so are posts using customer content without a current grant (each is "
       "named); times are in the workspace timezone. A calendar export also cancels the events of posts exported "
       "before that no longer happen."),
)


@click.command(help=_HELP)
@click.argument("kind", type=EXPORT_KIND, metavar="|".join(EXPORT_KINDS))
@click.option("--from", "start", metavar="DATE", help="First day (YYYY-MM-DD, inclusive).")
@click.option("--to", "end", metavar="DATE", help="Last day (YYYY-MM-DD, inclusive).")
@click.option("--channel", type=CHANNEL, metavar="CH", help="Only this channel (required for buffer and hootsuite: one channel a file).")
@click.option("--plan", "plan", default="paid", metavar="paid|free", help="buffer: your Buffer plan (free takes 10 posts a file).")
@click.option("--remind", metavar="30m|1h", help="ics: a reminder this long before each post.")
@click.option("--feed", is_flag=True, help="ics: the file to publish and subscribe to (last 8 weeks and everything planned).")
@click.option("--output", "-o", "output", required=True, metavar="FILE", help="File to write (its folder must exist).")
@json_result_option
@workspace_option
def export(ws: Workspace, kind: str, start: str | None, end: str | None, channel: str | None, plan: str,
           remind: str | None, feed: bool, output: str, as_json: bool) -> None:
    from contentkit.calendar.exports import export_posts

    result = export_posts(ws, kind, output, start=start, end=end, channel=channel, plan=plan, remind=remind, feed=feed)
    if result.data is not None:  # `-o -`: the file is the output; everything else goes to stderr
        click.echo(result.data, nl=False)
    elif as_json:
        echo_object(result)
    else:
        where = ", ".join(str(p) for p in result.paths)
        say(ngettext("Wrote {n} post to {path}", "Wrote {n} posts to {path}", result.count).format(n=result.count, path=where))
        if result.cancelled:
            say(ngettext("Marked {n} event cancelled: skipped, redrawn, left out or deleted since it was last exported",
                         "Marked {n} events cancelled: skipped, redrawn, left out or deleted since they were last exported",
                         result.cancelled).format(n=result.cancelled))
    for message in result.warnings:
        warn(message)
    for left in result.left_out:
        warn(_("left out {what}").format(what=left))
    if result.hint and result.data is None and not as_json:
        say(_("Next: {command}").format(command=result.hint))
