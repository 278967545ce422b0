"""`contentkit live`: live-shopping sessions as plan items."""

from __future__ import annotations

import click

from contentkit.i18n import _

from .common import CHANNEL, echo_json, echo_table, json_option, workspace_option


@click.group()
def live() -> None:
    """Live-shopping sessions: the planner adds each with its teasers.

    \b
    Example:
        contentkit live add --at "2027-02-24 20:30" --channel tiktok --duration 90 \\
            --host "Kak Rina" --product "Pashmina Silk" --voucher "LIVEHEMAT 15rb"
        contentkit live list
    """


@live.command("add")
@click.option("--at", "at", required=True, help='Start, e.g. "2027-02-24 20:30" or "24/2/2027 20.30".')
@click.option("--channel", type=CHANNEL, required=True, help="tiktok, shopee, tokopedia, instagram or facebook.")
@click.option("--duration", default=90, show_default=True, type=int, help="Length in minutes.")
@click.option("--host", default="", help="Who hosts the live.")
@click.option("--product", "products", multiple=True, help="A product shown in the live (repeat the option).")
@click.option("--voucher", default="", help='The live-only voucher, e.g. "LIVEHEMAT potongan Rp15.000".')
@workspace_option
def live_add(ws, at: str, channel: str, duration: int, host: str, products: tuple[str, ...], voucher: str) -> None:  # type: ignore[no-untyped-def]
    """Add a live session (refused in Ramadan between 18:00 and 20:30, and on Idul Fitri).

    \b
    Example:
        contentkit live add --at "2027-02-24 20:30" --channel tiktok --host "Kak Rina" --product "Pashmina Silk"
    """
    item = ws.lives.add(at, channel=channel, duration=duration, host=host, products=list(products), voucher=voucher)
    click.echo(_("Added live {id} on {channel} at {at} ({minutes} min); `contentkit plan` adds it with its teasers").format(
        id=item.id, channel=item.channel, at=item.at.strftime("%Y-%m-%d %H:%M"), minutes=item.duration_min))


@live.command("list")
@json_option
@workspace_option
def live_list(ws, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    """List live sessions.

    \b
    Example:
        contentkit live list --json
    """
    items = ws.lives.list()
    if as_json:
        echo_json(items)
        return
    echo_table([_("id"), _("at"), _("channel"), _("min"), _("host"), _("voucher"), _("products")],
               [(i.id, i.at.strftime("%Y-%m-%d %H:%M"), i.channel, i.duration_min, i.host, i.voucher, ", ".join(i.products))
                for i in items], empty=_("No live sessions; add one with `contentkit live add`."))


@live.command("remove")
@click.argument("live_id")
@workspace_option
def live_remove(ws, live_id: str) -> None:  # type: ignore[no-untyped-def]
    """Remove a live session.

    \b
    Example:
        contentkit live remove L2
    """
    item = ws.lives.remove(live_id)
    click.echo(_("Removed live {id}").format(id=item.id))
