"""`contentkit ugc`: collect customers' posts, track consent, repost only with consent."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from contentkit.i18n import N_, _, ngettext

from .common import CHANNEL, FORMAT, UGC_SOURCE, UGC_STATE, echo, echo_json, echo_object, echo_table, group_setting, json_option, json_result_option, say, say_when, warn, workspace_option

if TYPE_CHECKING:
    from contentkit.workspace import Workspace

LOGIN_HELP = N_("Instagram account whose instaloader session to use, made once with `instaloader -l USER` "
              "(default: the shop's own handle, when it has a session).")


@click.group()
def ugc() -> None:
    """Customer content (UGC): collect, review, ask consent, repost with credit.

    \b
    Example:
        contentkit ugc import ~/instaloader/dapurbusari/
        contentkit ugc request U3 --via dm
        contentkit ugc grant U3 --evidence "DM 1 Des: boleh kak"
        contentkit ugc repost U3 --at "2026-12-09 19:00" --channel instagram
    """


@ugc.command()
@click.option("--tagged", is_flag=True, help="Posts where the shop's Instagram profile is tagged.")
@click.option("--hashtag", "hashtags", multiple=True, metavar="TAG", help="Posts under this hashtag (repeatable).")
@click.option("--since", metavar="DATE", help="Only posts from this date on (YYYY-MM-DD).")
@click.option("--limit", type=int, metavar="N", help="Stop after N posts.")
@click.option("--login", metavar="USER", help=LOGIN_HELP)
@json_result_option
@workspace_option
def collect(ws: Workspace, tagged: bool, hashtags: tuple[str, ...], since: str | None, limit: int | None, login: str | None,
            as_json: bool) -> None:
    """Collect Instagram posts that tag the shop or use its hashtags.

    With no --tagged/--hashtag, collects both (tagged posts and the workspace's
    hashtags). An interrupted run keeps what it found and resumes next time.
    contentkit never asks for a password: log in once with `instaloader -l USER`.

    \b
    Example:
        contentkit ugc collect --tagged --since 2026-11-01 --login dapurbusari
        contentkit ugc collect --hashtag dapurbusari --limit 50 --login dapurbusari
    """
    state: dict[str, Any] = {"n": 0, "bar": None, "counting": False}
    quiet = bool(group_setting("quiet"))

    def progress(count: int, source: str) -> None:
        label = f"collecting {source.replace('tagged:', '@').replace('hashtag:', '#')}"
        if not limit:  # no end to show: a running count, not "3/0"
            if not quiet:
                click.echo(f"\r{label}: {count}", nl=False, err=True)
                state["counting"] = True
            state["n"] = count
            return
        bar = state["bar"]
        if quiet:
            return
        if bar is None:  # shown once the first post arrives, on stderr
            bar = state["bar"] = click.progressbar(length=limit, label=_("collecting"), show_pos=True, file=sys.stderr)
        bar.label = label
        bar.update(count - state["n"])
        state["n"] = count

    def waiting(message: str) -> None:
        if state["counting"]:
            click.echo("", err=True)
        click.echo(message, err=True)

    try:
        report = ws.ugc.collect(tagged=tagged, hashtags=hashtags, since=since, limit=limit, login=login, progress=progress,
                                on_wait=waiting)
    except KeyboardInterrupt:
        raise click.ClickException(
            ngettext("interrupted after {n} post; it is saved, run the same command again to resume",
                     "interrupted after {n} posts; they are saved, run the same command again to resume", state["n"])
            .format(n=state["n"])
        ) from None
    finally:
        if state["bar"] is not None:
            state["bar"].render_finish()
        if state["counting"]:
            click.echo("", err=True)
    if as_json:
        echo_object(report)
        return
    for run in report.sources:
        note = _(" (resumed)") if run["resumed"] else ""
        click.echo(ngettext("{source}: {n} post{note}", "{source}: {n} posts{note}", run["posts"])
                   .format(source=run["source"], n=run["posts"], note=note))
    say(_("added {added}, updated {updated}").format(added=report.added, updated=report.updated))


@ugc.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@json_result_option
@workspace_option
def import_(ws: Workspace, paths: tuple[str, ...], as_json: bool) -> None:
    """Import saved posts and stories without the network.

    Reads instaloader's metadata (.json, .json.xz, from `instaloader
    --metadata-json`), folders of them, and CSV files with the columns
    platform,url,username,caption,taken_at. Importing again updates, never duplicates.

    \b
    Example:
        contentkit ugc import ~/instaloader/:dapurbusari/ found-on-tiktok.csv
    """
    report = ws.ugc.import_paths(list(paths))
    if as_json:
        echo_object(report)
        return
    for path, reason in report.skipped:
        warn(_("skipped {reason}").format(reason=reason) if reason.startswith(path)
             else _("skipped {path}: {reason}").format(path=path, reason=reason))
    for note in report.notes:
        warn(note)
    for uid, kept, named in report.conflicts:
        warn(_("{id} stays @{kept}'s (it has consent events); the import named @{named}: check that row").format(
            id=uid, kept=kept, named=named))
    say(_("added {added}, updated {updated}, skipped {skipped}").format(
        added=report.added, updated=report.updated, skipped=len(report.skipped)))


@ugc.command()
@click.argument("url")
@click.option("--user", required=True, help="The creator's username.")
@click.option("--platform", type=CHANNEL, help="instagram, tiktok, shopee, tokopedia, whatsapp or facebook (default: from the link).")
@click.option("--caption", default="", help="What the post says.")
@click.option("--taken-at", "taken_at", metavar="DATETIME", help="When it was posted.")
@click.option("--own", is_flag=True, help="The shop's own content: self-granted, usable without a consent request.")
@workspace_option
def add(ws: Workspace, url: str, user: str, platform: str | None, caption: str, taken_at: str | None, own: bool) -> None:
    """Add a post found by hand (TikTok, Shopee, Tokopedia, WhatsApp, ...).

    With --own it is the shop's own content (state self_granted): it can be
    reposted without asking anyone.

    \b
    Example:
        contentkit ugc add https://www.tiktok.com/@rina/video/7412 --user rina --caption "Enak!"
        contentkit ugc add https://www.instagram.com/p/DShop0001/ --user dapurbusari --own
    """
    item = ws.ugc.add(url, user, platform=platform, caption=caption, taken_at=taken_at, own=own)
    echo(f"{item.id}  {item.platform}  @{item.owner}  {item.url}" + (_("  (the shop's own content)") if item.is_own else ""))


def _when(value: str | None) -> str:
    return (value or "")[:10]


def _flags(row: dict[str, Any]) -> str:
    marks = [(_("own"), row.get("is_own")), (_("mention"), row.get("is_mention")), (_("REJECTED"), row.get("rejected"))]
    return " ".join(name for name, on in marks if on)


@ugc.command("list")
@click.option("--state", type=UGC_STATE, help="none, requested, granted, declined, revoked, expired, self_granted, grant_expired.")
@click.option("--source", type=UGC_SOURCE, help="tagged, hashtag, import, csv or manual.")
@click.option("--since", metavar="DATE", help="Only posts taken from this date on.")
@json_option
@workspace_option
def list_(ws: Workspace, state: str | None, source: str | None, since: str | None, as_json: bool) -> None:
    """List collected customer posts with their consent state.

    \b
    Example:
        contentkit ugc list --state granted
        contentkit ugc list --source tagged --since 2026-11-01 --json
    """
    rows = ws.ugc.list_rows(state=state, source=source, since=since)
    if as_json:
        echo_json(rows)
        return
    echo_table(
        [_("id"), _("platform"), _("owner"), _("taken"), _("state"), _("source"), _("note"), _("caption")],
        ([r["id"], r["platform"], "@" + r["owner"], _when(r.get("taken_at")), r["state"], r.get("source"), _flags(r),
          " ".join((r.get("caption") or "").split())[:40]] for r in rows),
        empty=_("(no customer posts match; collect with `contentkit ugc collect` or `contentkit ugc import`)"),
    )


@ugc.command()
@click.argument("ugc_id")
@json_option
@workspace_option
def show(ws: Workspace, ugc_id: str, as_json: bool) -> None:
    """Show one item: its post, consent state, ledger and the calendar posts using it.

    \b
    Example:
        contentkit ugc show U3
    """
    detail = ws.ugc.show(ugc_id)
    if as_json:
        echo_json([detail.to_dict()])
        return
    item, st = detail.item, detail.state
    echo(f"{item.id}  {item.platform}  @{item.owner}  {item.url}")
    click.echo(_("taken {day}  source {source}  media {media}").format(
        day=_when(item.taken_at.isoformat() if item.taken_at else None), source=item.source, media=item.media_type))
    if item.caption:
        echo(_("caption: {text}").format(text=" ".join(item.caption.split())))
    if item.rejected:
        echo(_("rejected: {reason}").format(reason=item.rejected))
    from contentkit.ugc.consent import scope_words

    scope = _(" for {channels}").format(channels=scope_words(st.grant, ws.language)) if st.grant is not None else ""
    note = _(" (the shop's own content)") if st.name == "self_granted" else ""
    click.echo(_("consent: {state}{scope}{note}").format(state=st.name, scope=scope, note=note))
    for p in detail.posts:
        click.echo("  " + _("post {id}").format(id=p.id) + f"  {p.at:%Y-%m-%d %H:%M}  {p.channel}  {p.status}")


@ugc.command()
@click.argument("ugc_id")
@click.option("--reason", required=True, help="Why it is not suitable to repost.")
@workspace_option
def reject(ws: Workspace, ugc_id: str, reason: str) -> None:
    """Mark an item not suitable to repost.

    \b
    Example:
        contentkit ugc reject U7 --reason "foto buram"
    """
    item = ws.ugc.reject(ugc_id, reason)
    echo(_("{id} rejected: {reason}").format(id=item.id, reason=item.rejected))


@ugc.command()
@click.argument("ugc_id")
@click.option("--at", "at", required=True, metavar="DATETIME", help="When to post: 'YYYY-MM-DD HH:MM'.")
@click.option("--channel", type=CHANNEL, required=True, help="Where to post it.")
@click.option("--format", "fmt", type=FORMAT, help="reel, image, carousel, story, ... (default: fits the media).")
@json_result_option
@workspace_option
def repost(ws: Workspace, ugc_id: str, at: str, channel: str, fmt: str | None, as_json: bool) -> None:
    """Add a calendar post reposting the item, crediting the creator (needs consent).

    \b
    Example:
        contentkit ugc repost U3 --at "2026-12-09 19:00" --channel instagram --format reel
    """
    post = ws.ugc.repost(ugc_id, at=at, channel=channel, format=fmt)
    if as_json:
        echo_object(post)
        return
    click.echo(f"{post.id}  {post.at:%Y-%m-%d %H:%M}  {post.channel}/{post.format}  {post.title}")
    say_when("scheduled", post.at, ws.language, ws.tz)
    click.echo(post.caption)


@ugc.command()
@click.argument("ugc_id")
@click.option("--login", metavar="USER", help=LOGIN_HELP)
@workspace_option
def download(ws: Workspace, ugc_id: str, login: str | None) -> None:
    """Save the media of a granted item into the workspace's media folder.

    \b
    Example:
        contentkit ugc download U3
    """
    for path in ws.ugc.download(ugc_id, login=login):
        click.echo(str(path))


# The consent commands (history, request, grant, decline, revoke, check) join the group here.
from . import ugc_consent  # noqa: E402

__all__ = ["ugc", "ugc_consent"]
