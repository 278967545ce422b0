"""`contentkit promo`: promotions with their mechanics."""

from __future__ import annotations

import click

from contentkit.i18n import _

from .common import CHANNEL, PROMO_KIND, echo_json, echo_table, json_option, workspace_option


@click.group()
def promo() -> None:
    """Promotions: promo slots use the one active that day and state its terms.

    \b
    Example:
        contentkit promo add voucher_toko --channel shopee --from 2026-12-10 --until 2026-12-12 \\
            --amount 10000 --min-spend 100000 --quota 50
        contentkit promo list
    """


@promo.command("add")
@click.argument("kind", type=PROMO_KIND)
@click.option("--channel", type=CHANNEL, required=True, help="Where it runs: shopee, tokopedia, tiktok, instagram, whatsapp, facebook.")
@click.option("--from", "start", required=True, help="First day, YYYY-MM-DD.")
@click.option("--until", "end", default=None, help="Last day (default: the first day).")
@click.option("--amount", default="", help='Rupiah (10000), percent (10%) or text such as "beli 2 gratis 1".')
@click.option("--min-spend", type=int, default=None, help="Minimum spend in Rupiah.")
@click.option("--quota", type=int, default=None, help="How many can claim it.")
@click.option("--code", default="", help="Voucher code, if any.")
@workspace_option
def promo_add(ws, kind: str, channel: str, start: str, end: str | None, amount: str,  # type: ignore[no-untyped-def]
              min_spend: int | None, quota: int | None, code: str) -> None:
    """Add a promo: voucher_toko, voucher_ikuti_toko, koin_cashback, gratis_ongkir, bundling or flash_sale.

    \b
    Example:
        contentkit promo add gratis_ongkir --channel tokopedia --from 2027-01-01 --until 2027-01-07 --amount 20000
    """
    from contentkit.calendar.promos import terms_line

    item = ws.promos.add(kind, channel=channel, start=start, end=end, amount=amount, min_spend=min_spend,
                         quota=quota, code=code)
    click.echo(_("Added promo {id}: {terms}").format(id=item.id, terms=terms_line(item, ws.language)))


@promo.command("list")
@json_option
@workspace_option
def promo_list(ws, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    """List promotions with their terms.

    \b
    Example:
        contentkit promo list --json
    """
    from contentkit.calendar.promos import terms_line

    items = ws.promos.list()
    if as_json:
        echo_json(items)
        return
    echo_table([_("id"), _("kind"), _("from"), _("until"), _("channel"), _("terms")],
               [(i.id, i.kind, i.start.isoformat(), i.end.isoformat(), i.channel, terms_line(i, ws.language)) for i in items],
               empty=_("No promos; add one with `contentkit promo add KIND --channel C --from DATE`."))


@promo.command("remove")
@click.argument("promo_id")
@workspace_option
def promo_remove(ws, promo_id: str) -> None:  # type: ignore[no-untyped-def]
    """Remove a promo.

    \b
    Example:
        contentkit promo remove M2
    """
    item = ws.promos.remove(promo_id)
    click.echo(_("Removed promo {id}").format(id=item.id))
