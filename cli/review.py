"""`contentkit review`: the customer reviews testimonials are made from."""

from __future__ import annotations

import click

from .common import echo_json, echo_table, json_option, workspace_option


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
@click.option("--reply", default=None, help="The shop's own reply to it, as given (the chat template shows it).")
@click.option("--order", default=None, help="The order number (closes a review request for that order).")
@workspace_option
def review_add(ws, text: str, name: str, rating: str, product: str | None, source: str | None,  # type: ignore[no-untyped-def]
               day: str | None, show_name: bool, photo: str | None, reply: str | None, order: str | None) -> None:
    """Add one review.

    \b
    Example:
        contentkit review add --text "Rendangnya empuk 👍" --name "Rina" --rating 4.5 --product "Rendang 500 g" --source shopee
    """
    item = ws.reviews.add(text, name=name, rating=rating, product=product, source=source, date=day,
                          show_name=show_name, photo=photo, reply=reply, order=order)
    click.echo(f"Added review {item.id} ({item.rating:g}★)")


@review.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN",
              help="Read FIELD (review, rating, name, product, date, variant, reply, order) from your COLUMN.")
@click.option("--source", default=None, help="Where these reviews come from, when the file does not say (shopee, tokopedia...).")
@click.option("--strict", is_flag=True, help="Refuse the whole file when one row is bad (default: keep the good rows).")
@workspace_option
def review_import(ws, file: str, mapping: tuple[str, ...], source: str | None, strict: bool) -> None:  # type: ignore[no-untyped-def]
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
            raise click.BadParameter(f"{item!r}: write FIELD=COLUMN, e.g. --map review=kolom_saya", param_hint="--map")
        pairs[name.strip()] = column.strip()
    result = ws.reviews.import_csv(file, mapping=pairs, strict=strict, source=source)
    added = result.reviews
    click.echo(f"Imported {len(added)} reviews" + (f" ({added[0].id}–{added[-1].id})" if added else ""))
    if result.duplicates:
        click.echo(f"Skipped {result.duplicates} exact duplicate(s) (same source, name and text)")
    if result.closed:
        click.echo(f"Answered review requests: {', '.join(result.closed)}")
    for line, reason in result.bad:
        click.secho(f"line {line}: {reason}; row not imported", fg="red", err=True)
    if result.bad:
        click.secho(f"{len(result.bad)} row(s) not imported; fix them and import the file again "
                    "(rows already imported are skipped as duplicates)", fg="red", err=True)
        click.get_current_context().exit(1)


@review.command("list")
@json_option
@workspace_option
def review_list(ws, as_json: bool) -> None:  # type: ignore[no-untyped-def]
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
        ["id", "stars", "credit", "source", "post", "images", "text"],
        [(r.id, f"{r.rating:g}", credit(r, ws.language), r.source or "-", r.post_id or "", len(r.rendered), r.text)
         for r in reviews],
        empty="No reviews yet; add one with `contentkit review add --text TEXT --name NAME --rating 5`.",
    )


@review.command("from-ugc")
@click.argument("ugc_id")
@workspace_option
def review_from_ugc(ws, ugc_id: str) -> None:  # type: ignore[no-untyped-def]
    """Make a review from a customer post with a current grant (caption, photo, @handle credit).

    \b
    Example:
        contentkit review from-ugc U12
    """
    item = ws.reviews.from_ugc(ugc_id)
    click.echo(f"Added review {item.id} from {ugc_id}, credited to @{item.handle}")
