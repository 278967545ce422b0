"""`contentkit review`: the customer reviews testimonials are made from."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from contentkit.i18n import _, ngettext

from .common import REVIEW_SOURCE, Words, echo_json, echo_object, echo_table, json_option, json_result_option, say, workspace_option


if TYPE_CHECKING:
    from contentkit.workspace import Workspace


@click.group()
def review() -> None:
    """Customer reviews: ask for them, add them by hand, import a marketplace export, or take a
    customer post; then choose the best.

    \b
    Example:
        contentkit review ask --name Rina --phone 0812-3456-7890 --product Rendang --channel shopee
        contentkit review import ulasan-shopee.csv --source shopee
        contentkit review list --best 5
    """


@review.command("add")
@click.option("--text", required=True, help="The customer's words.")
@click.option("--name", default="", help="The customer's name (masked as R***a unless --show-name).")
@click.option("--rating", default="5", show_default=True, help="Stars, 0.5 to 5 in half steps.")
@click.option("--product", default=None, help="The product reviewed.")
@click.option("--source", type=REVIEW_SOURCE, default=None, help="shopee, tokopedia, instagram, tiktok, whatsapp or google.")
@click.option("--date", "day", default=None, help="When it was written, YYYY-MM-DD.")
@click.option("--show-name", is_flag=True, help="The customer agreed to show their full name.")
@click.option("--photo", default=None, help="A customer or product photo (copied into the workspace).")
@click.option("--reply", default=None, help="The shop's own reply to it, as given (the chat template shows it).")
@click.option("--order", default=None, help="The order number (closes a review request for that order).")
@workspace_option
def review_add(ws: Workspace, text: str, name: str, rating: str, product: str | None, source: str | None,
               day: str | None, show_name: bool, photo: str | None, reply: str | None, order: str | None) -> None:
    """Add one review.

    \b
    Example:
        contentkit review add --text "Rendangnya empuk 👍" --name "Rina" --rating 4.5 --product "Rendang 500 g" --source shopee
    """
    item = ws.reviews.add(text, name=name, rating=rating, product=product, source=source, date=day,
                          show_name=show_name, photo=photo, reply=reply, order=order)
    say(_("Added review {id} ({stars}★)").format(id=item.id, stars=f"{item.rating:g}"))


@review.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN",
              help="Read FIELD (review, rating, name, product, date, variant, reply, order) from your COLUMN.")
@click.option("--source", type=REVIEW_SOURCE, default=None, help="Where these reviews come from, when the file does not say (shopee, tokopedia...).")
@click.option("--strict", is_flag=True, help="Refuse the whole file when one row is bad (default: keep the good rows).")
@json_result_option
@workspace_option
def review_import(ws: Workspace, file: str, mapping: tuple[str, ...], source: str | None, strict: bool, as_json: bool) -> None:
    """Import a review export (marketplace or spreadsheet CSV).

    Columns are found by name, Indonesian or English: ulasan/review/komentar, bintang/rating/nilai,
    nama/username/pembeli, produk/nama_produk, tanggal/date/waktu, varian, balasan/reply,
    no_pesanan/order. Separated by comma, semicolon or tab; UTF-8 (with or without BOM) or
    UTF-16. Ratings as 5, 4,5 or ★★★★★; dates as YYYY-MM-DD or dd/mm/yyyy (day first).
    A bad row is reported with its line and the rest are kept (exit code 1); exact duplicates
    are skipped.

    \b
    Example:
        contentkit review import ulasan-shopee.csv --source shopee
        contentkit review import export.csv --map review=isi_komentar --map rating=skor
    """
    pairs = {}
    for item in mapping:
        name, sep, column = item.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise click.BadParameter(_("{item!r}: write FIELD=COLUMN, e.g. --map review=kolom_saya").format(item=item),
                                     param_hint="--map")
        pairs[name.strip()] = column.strip()
    result = ws.reviews.import_csv(file, mapping=pairs, strict=strict, source=source)
    added = result.reviews
    if as_json:
        echo_object({"added": len(added), "ids": [r.id for r in added], "duplicates": result.duplicates,
                     "closed_requests": list(result.closed), "bad_rows": [{"line": n, "reason": why} for n, why in result.bad]})
    else:
        say(ngettext("Imported {n} review", "Imported {n} reviews", len(added)).format(n=len(added))
            + (f" ({added[0].id}–{added[-1].id})" if added else ""))
        if result.duplicates:
            say(_("Skipped {n} exact duplicate(s) (same source, name and text)").format(n=result.duplicates))
        if result.closed:
            say(_("Answered review requests: {ids}").format(ids=", ".join(result.closed)))
    for line, reason in result.bad:
        click.secho(_("line {line}: {reason}; row not imported").format(line=line, reason=reason), fg="red", err=True)
    if result.bad:
        raise click.ClickException(_("{n} row(s) not imported; fix them and import the file again "
                                     "(rows already imported are skipped as duplicates)").format(n=len(result.bad)))


@review.command("list")
@click.option("--best", type=int, default=None, metavar="N",
              help="Only the N reviews most worth showing, best first (no complaints, no vulgar words).")
@click.option("--min-rating", type=float, default=None, help="With --best: the fewest stars to take [default: 4].")
@json_option
@workspace_option
def review_list(ws: Workspace, best: int | None, min_rating: float | None, as_json: bool) -> None:
    """List reviews, with the post that uses each and its rendered images.

    With --best N: the N most worth a testimonial, ranked by rating, a readable length,
    naming the product or a detail, recency and a photo; complaints and reviews with a word
    from the profanity list (templates/reviews/screening.toml, which your workspace can extend)
    are left out.

    \b
    Example:
        contentkit review list --json
        contentkit review list --best 5
    """
    from contentkit.graphics.reviewtext import credit, one_line

    if best is not None:
        ranked, left_out = ws.reviews.best(best, min_rating=min_rating)
        if as_json:
            echo_json([{**r.review.to_dict(), "score": r.score, "why": list(r.why)} for r in ranked])
            return
        echo_table(
            [_("id"), _("score"), _("stars"), _("credit"), _("why"), _("text")],
            [(r.review.id, f"{r.score:g}", f"{r.review.rating:g}", credit(r.review, ws.language), ", ".join(r.why),
              one_line(r.review.text)) for r in ranked],
            empty=_("No review is fit to show yet; import some with `contentkit review import FILE`."),
        )
        for why, ids in left_out.items():
            click.echo(_("Left out {n}: {why}").format(n=len(ids), why=why))
        return
    reviews = ws.reviews.list()
    if as_json:
        echo_json(reviews)
        return
    echo_table(
        [_("id"), _("stars"), _("credit"), _("source"), _("post"), _("images"), _("text")],
        [(r.id, f"{r.rating:g}", credit(r, ws.language), r.source or "-", r.post_id or "", len(r.rendered),
          one_line(r.text))
         for r in reviews],
        empty=_("No reviews yet; add one with `contentkit review add --text TEXT --name NAME --rating 5`."),
    )


@review.command("ask")
@click.option("--name", required=True, help="The customer's name, as you greet them.")
@click.option("--phone", required=True, help="Their WhatsApp number: 0812..., +62 812... or 62812...")
@click.option("--product", required=True, help="What they bought.")
@click.option("--order", default=None, help="The order number (a review imported with it closes this request).")
@click.option("--channel", type=Words("channel", ("whatsapp", "shopee", "tokopedia")), default="whatsapp", show_default=True,
              help="Where to ask for the review.")
@workspace_option
def review_ask(ws, name: str, phone: str, product: str, order: str | None, channel: str) -> None:  # type: ignore[no-untyped-def]
    """Ask a customer for a review: prints the after-sales message and a wa.me link that opens
    WhatsApp with it filled in, and remembers the request until their review comes in.

    \b
    Example:
        contentkit review ask --name Rina --phone 0812-3456-7890 --product "Rendang 500 g" --channel shopee
    """
    asked = ws.review_requests.ask(name, phone, product, channel=channel, order=order)
    click.echo(asked.message)
    click.echo("")
    click.echo(asked.link)
    click.echo(_("Recorded review request {id}; `contentkit review asks` lists those still waiting.").format(id=asked.id))


@review.command("asks")
@click.option("--all", "show_all", is_flag=True, help="Also the requests a review has answered.")
@json_option
@workspace_option
def review_asks(ws, show_all: bool, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    """List review requests still waiting for a review (oldest first).

    \b
    Example:
        contentkit review asks
    """
    asks = ws.review_requests.list(open_only=not show_all)
    if as_json:
        echo_json(asks)
        return
    echo_table(
        [_("id"), _("asked"), _("name"), _("phone"), _("product"), _("channel"), _("order"), _("review")],
        [(q.id, q.at.strftime("%Y-%m-%d"), q.name, q.phone, q.product, q.channel, q.order or "", q.review_id or "")
         for q in asks],
        empty=_("No review request is waiting; ask with `contentkit review ask --name NAME --phone PHONE --product PRODUCT`."),
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
