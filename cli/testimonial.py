"""`contentkit testimonial`: render reviews as on-brand images."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from contentkit.i18n import N_, _, ngettext

from .common import IMAGE_FORMAT, REVIEW_SOURCE, echo_object, group_setting, json_result_option, progress_bar, say, warn, workspace_option


if TYPE_CHECKING:
    from contentkit.workspace import Workspace

_SIZE_HELP = N_("square 1080², portrait 1080×1350, story 1080×1920, marketplace 1024² (<2 MB), or all.")
_ONE_SIZE_HELP = N_("square 1080², portrait 1080×1350, story 1080×1920 or marketplace 1024² (<2 MB).")


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
@click.option("--format", "fmt", type=IMAGE_FORMAT, default="jpg", show_default=True, help="jpg, png or webp.")
@click.option("--jobs", default=1, show_default=True, type=int, help="Render in this many processes.")
@click.option("--strict", is_flag=True, help="Refuse a quote too long to fit instead of cutting it with …")
@click.option("-o", "--output", "out_dir", default=None, help="Output folder (default: media/testimonials).")
@click.option("--out", "out_alias", default=None, hidden=True)  # the old spelling, still accepted
@json_result_option
@workspace_option
def render(ws: Workspace, review_ids: tuple[str, ...], all_new: bool, min_rating: float | None, template: str,
           sizes: tuple[str, ...], fmt: str, jobs: int, strict: bool, out_dir: str | None, out_alias: str | None,
           as_json: bool) -> None:
    """Render reviews into image files named <date>-<id>-<template>-<size>.<ext>.

    A review that cannot be drawn is reported with its reason and the rest still render
    (exit code 1 when any failed).

    \b
    Example:
        contentkit testimonial render R1 R2 --template chat --size story -o out/
        contentkit testimonial render --all-new --size all --jobs 2
    """
    before = {r.id: r.rendered for r in ws.reviews.list()} if as_json else {}
    with progress_bar(_("Rendering")) as progress:
        paths = ws.reviews.render(list(review_ids) or None, all_new=all_new, min_rating=min_rating, template=template,
                                  sizes=list(sizes), fmt=fmt, out_dir=out_dir or out_alias, jobs=jobs, strict=strict,
                                  on_warning=warn, on_progress=progress)
    if as_json:
        touched = [r.id for r in ws.reviews.list() if r.rendered != before.get(r.id)]
        echo_object({"rendered": len(paths), "reviews": touched, "images": [str(p) for p in paths],
                     "left_out": paths.left_out, "failed": [{"id": i, "reason": why} for i, why in paths.failed]})
    else:
        for p in paths:
            click.echo(str(p))
        left = sum(len(ids) for ids in paths.left_out.values())
        if left:
            say(_("Left out {n} review(s): {why}").format(n=left, why="; ".join(
                f"{len(ids)} {why} ({', '.join(ids[:5])}" + (", …" if len(ids) > 5 else "") + ")"
                for why, ids in paths.left_out.items())))
        if paths:
            say(ngettext("Rendered {n} image", "Rendered {n} images", len(paths)).format(n=len(paths)))
        elif not paths.failed:
            say(_("Nothing to render: every review fit to show has images already."))
    for rid, reason in paths.failed:
        click.secho(_("{id} not rendered: {reason}").format(id=rid, reason=reason), fg="red", err=True)
    if paths.failed:
        raise click.ClickException(_("{n} review(s) not rendered; the others were").format(n=len(paths.failed)))


@testimonial.command("quick")
@click.option("--text", required=True, help="The customer's words.")
@click.option("--name", default="", help="The customer's name (masked unless --show-name).")
@click.option("--rating", default="5", show_default=True, help="Stars, 0.5 to 5.")
@click.option("--product", default=None, help="The product reviewed.")
@click.option("--source", type=REVIEW_SOURCE, default=None, help="shopee, tokopedia, instagram, tiktok, whatsapp or google.")
@click.option("--show-name", is_flag=True, help="Show the full name.")
@click.option("--reply", default=None, help="The shop's own reply to the review (the chat template shows it).")
@click.option("--template", default="card", show_default=True, help="card, photo, minimal or chat.")
@click.option("--size", default="square", show_default=True, help=_ONE_SIZE_HELP)
@click.option("--photo", default=None, help="A customer or product photo (for the photo template).")
@click.option("--strict", is_flag=True, help="Refuse a quote too long to fit.")
@click.option("-w", "--workspace", "workspace", default=None, help="Use this workspace's brand kit.")
@click.option("-o", "--output", "out", default=None, help="The image file to write (.jpg, .png or .webp).")
@click.option("--out", "out_alias", default=None, hidden=True)  # the old spelling, still accepted
def quick(text: str, name: str, rating: str, product: str | None, source: str | None, show_name: bool,
          reply: str | None, template: str, size: str, photo: str | None, strict: bool, workspace: str | None,
          out: str | None, out_alias: str | None) -> None:
    """Render one testimonial from the command line, without keeping the review.

    \b
    Example:
        contentkit testimonial quick --text "Mantap 👍" --name Rina --rating 5 -o rina.jpg
    """
    from contentkit.graphics.quick import quick_testimonial

    path = quick_testimonial(text, _output(out, out_alias), name=name, rating=rating, product=product, source=source,
                             show_name=show_name, reply=reply, template=template, size=size, photo=photo, strict=strict,
                             workspace=workspace or group_setting("workspace"),
                             on_warning=warn)
    click.echo(str(path))


@testimonial.command("sheet")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("-o", "--output", "out", default=None, help="The contact sheet image to write.")
@click.option("--out", "out_alias", default=None, hidden=True)  # the old spelling, still accepted
def sheet(folder: str, out: str | None, out_alias: str | None) -> None:
    """A contact sheet of rendered images, to look over before posting.

    \b
    Example:
        contentkit testimonial sheet media/testimonials -o sheet.jpg
    """
    from contentkit.graphics.output import contact_sheet

    failed: list[tuple[str, str]] = []
    with progress_bar(_("Reading images")) as progress:
        path, count = contact_sheet(folder, _output(out, out_alias), on_progress=progress,
                                    on_failure=lambda name, why: failed.append((name, why)))
    click.echo(ngettext("{path} ({n} image)", "{path} ({n} images)", count).format(path=path, n=count))
    for name, reason in failed:
        click.secho(_("{name}: {reason}; shown as a grey box").format(name=name, reason=reason), fg="red", err=True)
    if failed:
        raise click.ClickException(ngettext("{n} image could not be read; the sheet shows it as a grey box",
                                            "{n} images could not be read; the sheet shows them as grey boxes",
                                            len(failed)).format(n=len(failed)))


def _output(output: str | None, alias: str | None) -> str:
    """`-o/--output`, or the old `--out`; one of them is required."""
    if not (output or alias):
        raise click.UsageError(_("Missing option '-o' / '--output'."))
    return str(output or alias)
