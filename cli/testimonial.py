"""`contentkit testimonial`: render reviews as on-brand images."""

from __future__ import annotations

import click

from .common import progress_bar, warn, workspace_option

_SIZE_HELP = "square 1080², portrait 1080×1350, story 1080×1920, marketplace 1024² (<2 MB), or all."


@click.group()
def testimonial() -> None:
    """Testimonial images for feeds, stories and marketplace storefronts.

    \b
    Example:
        contentkit testimonial render --all-new --size all -o out/
        contentkit testimonial sheet out/ -o sheet.jpg
    """


@testimonial.command("render")
@click.argument("review_ids", nargs=-1)
@click.option("--all-new", is_flag=True, help="Every review not rendered yet that is fit to show (no complaint, no vulgar word).")
@click.option("--min-rating", type=float, default=None, help="With --all-new: the fewest stars to take [default: 4].")
@click.option("--template", default="card", show_default=True, help="card, photo, minimal, chat, or your own.")
@click.option("--size", "sizes", multiple=True, default=["square"], show_default=True, help=_SIZE_HELP)
@click.option("--format", "fmt", default="jpg", show_default=True, help="jpg, png or webp.")
@click.option("--jobs", default=1, show_default=True, type=int, help="Render in this many processes.")
@click.option("--strict", is_flag=True, help="Refuse a quote too long to fit instead of cutting it with …")
@click.option("-o", "--out", "out_dir", default=None, help="Output folder (default: media/testimonials).")
@workspace_option
def render(ws, review_ids: tuple[str, ...], all_new: bool, min_rating: float | None, template: str,  # type: ignore[no-untyped-def]
           sizes: tuple[str, ...], fmt: str, jobs: int, strict: bool, out_dir: str | None) -> None:
    """Render reviews into image files named <date>-<id>-<template>-<size>.<ext>.

    \b
    A review that cannot be drawn is reported with its reason and the rest still render
    (exit code 1 when any failed).

    \b
    Example:
        contentkit testimonial render R1 R2 --template chat --size story -o out/
        contentkit testimonial render --all-new --size all --jobs 2
    """
    with progress_bar("Rendering") as progress:
        paths = ws.reviews.render(list(review_ids) or None, all_new=all_new, min_rating=min_rating, template=template,
                                  sizes=list(sizes), fmt=fmt, out_dir=out_dir, jobs=jobs, strict=strict,
                                  on_warning=warn, on_progress=progress)
    for p in paths:
        click.echo(str(p))
    left = sum(len(ids) for ids in paths.left_out.values())
    if left:
        click.echo(f"Left out {left} review(s): " + "; ".join(f"{len(ids)} {why} ({', '.join(ids[:5])}"
                   + (", …" if len(ids) > 5 else "") + ")" for why, ids in paths.left_out.items()))
    if paths:
        click.echo(f"Rendered {len(paths)} image(s)")
    elif not paths.failed:
        click.echo("Nothing to render: every review fit to show has images already.")
    for rid, reason in paths.failed:
        click.secho(f"{rid} not rendered: {reason}", fg="red", err=True)
    if paths.failed:
        click.secho(f"{len(paths.failed)} review(s) not rendered; the others were", fg="red", err=True)
        click.get_current_context().exit(1)


@testimonial.command("quick")
@click.option("--text", required=True, help="The customer's words.")
@click.option("--name", default="", help="The customer's name (masked unless --show-name).")
@click.option("--rating", default="5", show_default=True, help="Stars, 0.5 to 5.")
@click.option("--product", default=None, help="The product reviewed.")
@click.option("--source", default=None, help="shopee, tokopedia, instagram, tiktok, whatsapp or google.")
@click.option("--show-name", is_flag=True, help="Show the full name.")
@click.option("--reply", default=None, help="The shop's own reply to the review (the chat template shows it).")
@click.option("--template", default="card", show_default=True, help="card, photo, minimal or chat.")
@click.option("--size", default="square", show_default=True, help=_SIZE_HELP.replace(", or all", ""))
@click.option("--photo", default=None, help="A customer or product photo (for the photo template).")
@click.option("--strict", is_flag=True, help="Refuse a quote too long to fit.")
@click.option("-w", "--workspace", "workspace", default=None, help="Use this workspace's brand kit.")
@click.option("-o", "--out", required=True, help="The image file to write (.jpg, .png or .webp).")
def quick(text: str, name: str, rating: str, product: str | None, source: str | None, show_name: bool,
          reply: str | None, template: str, size: str, photo: str | None, strict: bool, workspace: str | None, out: str) -> None:
    """Render one testimonial from the command line, without keeping the review.

    \b
    Example:
        contentkit testimonial quick --text "Mantap 👍" --name Rina --rating 5 -o rina.jpg
    """
    from contentkit.graphics.quick import quick_testimonial

    path = quick_testimonial(text, out, name=name, rating=rating, product=product, source=source, show_name=show_name, reply=reply,
                             template=template, size=size, photo=photo, strict=strict, workspace=workspace,
                             on_warning=warn)
    click.echo(str(path))


@testimonial.command("sheet")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("-o", "--out", required=True, help="The contact sheet image to write.")
def sheet(folder: str, out: str) -> None:
    """A contact sheet of rendered images, to look over before posting.

    \b
    Example:
        contentkit testimonial sheet media/testimonials -o sheet.jpg
    """
    from contentkit.graphics.output import contact_sheet

    failed: list[tuple[str, str]] = []
    with progress_bar("Reading images") as progress:
        path, count = contact_sheet(folder, out, on_progress=progress, on_failure=lambda name, why: failed.append((name, why)))
    click.echo(f"{path} ({count} images)")
    for name, reason in failed:
        click.secho(f"{name}: {reason}; shown as a grey box", fg="red", err=True)
    if failed:
        click.get_current_context().exit(1)
