"""`contentkit kit`: everything needed to post by hand from a phone."""

from __future__ import annotations

from typing import Any

import click

from contentkit.i18n import _, ngettext

from .common import warn, workspace_option


@click.command()
@click.option("--day", metavar="DATE", help="One day (YYYY-MM-DD).")
@click.option("--week", metavar="W", help="One ISO week, e.g. 2026-W50.")
@click.option("--output", "-o", "output", required=True, metavar="DIR", help="Folder to write (made; a previous kit there is replaced).")
@click.option("--zip", "make_zip", is_flag=True, help="Also write DIR.zip, to send to a phone.")
@workspace_option
def kit(ws: Any, day: str | None, week: str | None, output: str, make_zip: bool) -> None:
    """Make a posting kit: a page for the phone (works offline) with each post in time
    order, a button to copy its caption and hashtags, its image or video to save, the
    customer's credit for reposts, and a link to send the caption to WhatsApp; one
    folder per post with caption.txt and the media. Default: the next 7 days.

    Posts using customer content without a current grant are left out and named.

    \b
    Example:
        contentkit kit --day 2026-12-09 -o hari-ini --zip
        contentkit kit --week 2026-W50 -o pekan-50
    """
    from contentkit.views.kit import build_kit

    result = build_kit(ws, output, day=day, week=week, zip=make_zip)
    if result.zip_path:
        wrote = ngettext("Wrote a kit of {n} post to {folder} (and {zip})", "Wrote a kit of {n} posts to {folder} (and {zip})", result.count)
    else:
        wrote = ngettext("Wrote a kit of {n} post to {folder}", "Wrote a kit of {n} posts to {folder}", result.count)
    click.echo(wrote.format(n=result.count, folder=result.folder, zip=result.zip_path))
    for message in result.warnings:
        warn(message)
    for left in result.left_out:
        warn(_("left out {what}").format(what=left))
    click.echo(_("Open {page} on your phone").format(page=result.folder / "index.html"))
