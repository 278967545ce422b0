"""`contentkit post`: track posts from draft to published."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from contentkit.i18n import _

from .common import CHANNEL, F, FORMAT, PILLAR, STATUS, clean_text, echo, echo_json, echo_table, json_option, say, say_when, workspace_option

if TYPE_CHECKING:
    from contentkit.workspace import Workspace


@click.group()
def post() -> None:
    """Track posts: list, show, edit, add, publish, skip.

    \b
    Example:
        contentkit post list --from 2026-12-07 --to 2026-12-13
        contentkit post publish P12 --url https://www.instagram.com/p/ABC123/
    """


@post.command("list")
@click.option("--from", "start", default=None, help="First day, YYYY-MM-DD (inclusive).")
@click.option("--to", "end", default=None, help="Last day, YYYY-MM-DD (inclusive).")
@click.option("--status", type=STATUS, default=None, help="draft, ready, published or skipped.")
@click.option("--channel", type=CHANNEL, default=None, help="Only this channel.")
@json_option
@workspace_option
def post_list(ws: Workspace, start: str | None, end: str | None, status: str | None, channel: str | None, as_json: bool) -> None:
    """List posts in time order.

    \b
    Example:
        contentkit post list --status draft --channel instagram
    """
    import pendulum

    from contentkit.names import display_name

    posts = ws.posts(start=start, end=end, status=status, channel=channel)
    if as_json:
        echo_json(posts)
        return
    rows = []
    lang = ws.language
    for p in posts:
        at = pendulum.instance(p.at).in_timezone(ws.tz)
        rows.append((p.id, at.format("YYYY-MM-DD HH:mm"), p.channel, p.format, display_name("pillar", p.pillar, lang),
                     display_name("status", p.status, lang) + ("*" if p.locked else ""), p.title))
    echo_table([_("id"), _("when"), _("channel"), _("format"), _("pillar"), _("status"), _("title")], rows,
               empty=_("No posts match; plan some with `contentkit plan`."))


@post.command("show")
@click.argument("post_id")
@json_option
@workspace_option
def post_show(ws: Workspace, post_id: str, as_json: bool) -> None:
    """Show one post with its caption.

    \b
    Example:
        contentkit post show P12
    """
    from contentkit.calendar.limits import post_text
    from contentkit.formatting import format_when
    from contentkit.names import display_name

    p = ws.post_book.get(post_id)
    if as_json:
        echo_json([p])
        return
    lang = ws.language
    click.secho(clean_text(f"{p.id}  {p.title}"), bold=True)
    click.echo(f"{format_when(p.at, lang, ws.tz)}  {p.channel} · {p.format} · {display_name('pillar', p.pillar, lang)}")
    status = display_name("status", p.status, lang) + (_(" (locked: edited by hand)") if p.locked else "")
    if p.published_url:
        status += f"  {p.published_url}"
    if p.skip_reason:
        status += "  " + _("reason: {reason}").format(reason=_(p.skip_reason))  # the reasons contentkit gives are catalog messages
    echo(_("status: {status}").format(status=status))
    for label, value in ((_("for"), p.persona), (_("event"), p.event), (_("idea"), p.idea_id), (_("series"), p.series_id), ("ugc", p.ugc_id),
                         (_("review"), p.review_id)):
        if value:
            echo(f"{label}: {value}")
    if p.assets:
        echo(_("assets: {files}").format(files=", ".join(p.assets)))
    click.echo("")
    echo(post_text(p.caption, p.hashtags))


_EDIT_OPTIONS = [
    click.option("--title", default=None),
    click.option("--caption", default=None),
    click.option("--at", default=None, help="'YYYY-MM-DD HH:MM' (workspace time) or ISO 8601."),
    click.option("--channel", type=CHANNEL, default=None),
    click.option("--format", "fmt", type=FORMAT, default=None),
    click.option("--pillar", type=PILLAR, default=None),
    click.option("--hashtag", "hashtags", multiple=True, help="Replace the hashtags (repeatable)."),
    click.option("--duration", "duration_s", type=float, default=None, help="Video length in seconds."),
]


def _edit_options(f: F) -> F:
    for option in reversed(_EDIT_OPTIONS):
        f = option(f)
    return f


@post.command("edit")
@click.argument("post_id")
@_edit_options
@click.option("--ready", is_flag=True, help="Mark it ready to publish.")
@workspace_option
def post_edit(ws: Workspace, post_id: str, title: str | None, caption: str | None, at: str | None, channel: str | None,
              fmt: str | None, pillar: str | None, hashtags: tuple[str, ...], duration_s: float | None, ready: bool) -> None:
    """Edit a post; it becomes locked, so the planner never redraws it.

    \b
    Example:
        contentkit post edit P12 --title "Rendang spesial Jumat" --at "2026-12-11 19:00" --ready
    """
    p = ws.post_book.edit(post_id, title=title, caption=caption, at=at, channel=channel, format=fmt, pillar=pillar,
                          hashtags=list(hashtags) if hashtags else None, duration_s=duration_s,
                          status="ready" if ready else None)
    say(_("Updated {id} (locked)").format(id=p.id))
    if at is not None:
        say_when("scheduled", p.at, ws.language, ws.tz)


@post.command("add")
@click.option("--at", required=True, help="'YYYY-MM-DD HH:MM' (workspace time) or ISO 8601.")
@click.option("--channel", type=CHANNEL, required=True)
@click.option("--format", "fmt", type=FORMAT, required=True)
@click.option("--pillar", type=PILLAR, required=True)
@click.option("--title", required=True)
@click.option("--caption", default="")
@click.option("--hashtag", "hashtags", multiple=True, help="A hashtag (repeatable).")
@click.option("--duration", "duration_s", type=float, default=None, help="Video length in seconds.")
@workspace_option
def post_add(ws: Workspace, at: str, channel: str, fmt: str, pillar: str, title: str, caption: str,
             hashtags: tuple[str, ...], duration_s: float | None) -> None:
    """Add a post outside the plan.

    \b
    Example:
        contentkit post add --at "2026-12-12 20:00" --channel shopee --format live \\
            --pillar promo --title "Live 12.12 jam 8 malam"
    """
    p = ws.post_book.add(at=at, channel=channel, format=fmt, pillar=pillar, title=title, caption=caption,
                         hashtags=list(hashtags), duration_s=duration_s)
    say(_("Added post {id}").format(id=p.id))
    say_when("scheduled", p.at, ws.language, ws.tz)


@post.command("publish")
@click.argument("post_id")
@click.option("--url", required=True, help="The published post's link.")
@click.option("--at", default=None, help="When it went out (default: its planned time).")
@workspace_option
def post_publish(ws: Workspace, post_id: str, url: str, at: str | None) -> None:
    """Mark a post published.

    \b
    Example:
        contentkit post publish P12 --url https://www.instagram.com/reel/ABC123/
    """
    p = ws.post_book.publish(post_id, url, at)
    say(_("Marked {id} published").format(id=p.id))
    if p.published_at is not None:
        say_when("published", p.published_at, ws.language, ws.tz)


@post.command("skip")
@click.argument("post_id")
@click.option("--reason", required=True, help="Why it will not go out.")
@workspace_option
def post_skip(ws: Workspace, post_id: str, reason: str) -> None:
    """Mark a post skipped (it stays on record with the reason).

    \b
    Example:
        contentkit post skip P13 --reason "stok habis"
    """
    p = ws.post_book.skip(post_id, reason)
    say(_("Skipped {id}").format(id=p.id))
