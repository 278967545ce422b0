"""`contentkit review`: the customer reviews testimonials are made from."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from contentkit.i18n import _, ngettext

from .common import echo_json, echo_object, echo_table, json_option, json_result_option, say, workspace_option


if TYPE_CHECKING:
    from contentkit.workspace import Workspace


@click.group()
def review() -> None:
    """Customer reviews: add them by hand, import a CSV, or take a customer post.

    \b
    Example:
        contentkit review add --text "Enak banget!" --name Rina --rating 5 --source shopee
        contentkit review list
    """


@review.command("add")
@click.option("--text", required=True, help="The customer's words.")
@click.option("--name", default="", help="The customer's name (masked as R***a unless --show-name).")
@click.option("--rating", default="5", show_default=True, help="Stars, 0.5 to 5 in half steps.")
@click.option("--product", default=None, help="The product reviewed.")
@click.option("--source", default=None, help="shopee, tokopedia, instagram, tiktok, whatsapp or google.")
@click.option("--date", "day", default=None, help="When it was written, YYYY-MM-DD.")
@click.option("--show-name", is_flag=True, help="The customer agreed to show their full name.")
@click.option("--photo", default=None, help="A customer or product photo (copied into the workspace).")
@workspace_option
def review_add(ws: Workspace, text: str, name: str, rating: str, product: str | None, source: str | None,
               day: str | None, show_name: bool, photo: str | None) -> None:
    """Add one review.

    \b
    Example:
        contentkit review add --text "Rendangnya empuk 👍" --name "Rina" --rating 4.5 --product "Rendang 500 g" --source shopee
    """
    item = ws.reviews.add(text, name=name, rating=rating, product=product, source=source, date=day,
                          show_name=show_name, photo=photo)
    say(_("Added review {id} ({stars}★)").format(id=item.id, stars=f"{item.rating:g}"))


@review.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@json_result_option
@workspace_option
def review_import(ws: Workspace, file: str, as_json: bool) -> None:
    """Import reviews from a CSV file (columns text,name,rating,product,source,date,show_name;
    comma or semicolon separated, UTF-8 with or without BOM).

    \b
    Example:
        contentkit review import ulasan-shopee.csv
    """
    added = ws.reviews.import_csv(file)
    if as_json:
        echo_object({"added": len(added), "ids": [r.id for r in added]})
        return
    say(ngettext("Imported {n} review ({first}–{last})", "Imported {n} reviews ({first}–{last})", len(added))
        .format(n=len(added), first=added[0].id, last=added[-1].id))


@review.command("list")
@json_option
@workspace_option
def review_list(ws: Workspace, as_json: bool) -> None:
    """List reviews, with the post that uses each and its rendered images.

    \b
    Example:
        contentkit review list --json
    """
    from contentkit.graphics.reviewtext import credit

    reviews = ws.reviews.list()
    if as_json:
        echo_json(reviews)
        return
    echo_table(
        [_("id"), _("stars"), _("credit"), _("source"), _("post"), _("images"), _("text")],
        [(r.id, f"{r.rating:g}", credit(r, ws.language), r.source or "-", r.post_id or "", len(r.rendered), r.text)
         for r in reviews],
        empty=_("No reviews yet; add one with `contentkit review add --text TEXT --name NAME --rating 5`."),
    )


@review.command("from-ugc")
@click.argument("ugc_id")
@workspace_option
def review_from_ugc(ws: Workspace, ugc_id: str) -> None:
    """Make a review from a customer post with a current grant (caption, photo, @handle credit).

    \b
    Example:
        contentkit review from-ugc U12
    """
    item = ws.reviews.from_ugc(ugc_id)
    say(_("Added review {id} from {ugc}, credited to @{handle}").format(id=item.id, ugc=ugc_id, handle=item.handle))
