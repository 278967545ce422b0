"""`contentkit ugc` consent commands: ask, record the answer, withdraw, read the ledger."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from contentkit.i18n import _, ngettext

from .common import LANGUAGE, VIA, echo_json, echo_object, echo_table, json_option, json_result_option, say_when, warn, workspace_option
from .ugc import LOGIN_HELP, ugc

if TYPE_CHECKING:
    from contentkit.workspace import Workspace


@ugc.command()
@click.argument("ugc_id")
@json_option
@workspace_option
def history(ws: Workspace, ugc_id: str, as_json: bool) -> None:
    """The item's whole consent ledger, oldest first.

    \b
    Example:
        contentkit ugc history U3
    """
    from contentkit.ugc.consent import scope_words

    events = ws.ugc.history(ugc_id)
    if as_json:
        echo_json(events)
        return
    echo_table(
        [_("id"), _("at"), _("kind"), _("via"), _("covers"), _("evidence/reason")],
        ([e.id, f"{e.at:%Y-%m-%d %H:%M}", e.kind, e.via, scope_words(e, ws.language), e.evidence or e.reason] for e in events),
        empty=_("(no consent events yet; ask with `contentkit ugc request {id}`)").format(id=ugc_id),
    )


@ugc.command()
@click.argument("ugc_id")
@click.option("--via", type=VIA, default="dm", show_default=True, help="dm, comment, whatsapp or email.")
@click.option("--lang", type=LANGUAGE, help="id or en (default: the workspace language).")
@click.option("--channels", help="Where it will be reposted, e.g. instagram,tiktok (default: channels with a handle).")
@workspace_option
def request(ws: Workspace, ugc_id: str, via: str, lang: str | None, channels: str | None) -> None:
    """Print a ready-to-send consent request and record that it was asked.

    \b
    Example:
        contentkit ugc request U3 --via comment --lang id
    """
    result = ws.consent.request(ugc_id, via=via, lang=lang, channels=None if channels is None else [channels])
    click.echo(result.message)
    click.secho("\n" + _("(recorded as {event}; send it, then `contentkit ugc grant {id} --evidence ...`)").format(
        event=result.event.id, id=ugc_id), err=True)


@ugc.command()
@click.argument("ugc_id")
@click.option("--evidence", required=True, help="The creator's yes: their words, or a screenshot file.")
@click.option("--scope", help="Channels it covers, e.g. instagram,tiktok (default: the channels the request asked for).")
@click.option("--until", metavar="DATE", help="Last day it may be used (YYYY-MM-DD).")
@click.option("--via", type=VIA, help="dm, comment, whatsapp or email.")
@json_result_option
@workspace_option
def grant(ws: Workspace, ugc_id: str, evidence: str, scope: str | None, until: str | None, via: str | None,
          as_json: bool) -> None:
    """Record the creator's consent, with its evidence.

    \b
    Example:
        contentkit ugc grant U3 --evidence "WA 2 Des: boleh banget kak" --scope instagram,tiktok --until 2027-06-30
    """
    from contentkit.ugc.consent import scope_words

    result = ws.consent.record_grant(ugc_id, evidence, scope=None if scope is None else [scope], until=until, via=via)
    event = result.event
    if as_json:
        echo_object({"ugc_id": event.ugc_id, "event": event.to_dict(), "skipped": [p.id for p in result.skipped]})
        return
    click.echo(_("{id}: granted for {channels}").format(id=event.ugc_id, channels=scope_words(event, ws.language))
               + f" ({event.id})")
    if event.until:
        say_when("until", event.until, ws.language)
    for post in result.skipped:
        click.echo("  " + _("skipped {id}  {at}  {channel}: this grant does not cover it").format(
            id=post.id, at=f"{post.at:%Y-%m-%d %H:%M}", channel=post.channel))
    if result.skipped:
        wider = ",".join(result.wider_scope)
        warn(_("a grant replaces the one before; if the creator agreed to those too, record it with --scope {channels}")
             .format(channels=wider))


@ugc.command()
@click.argument("ugc_id")
@click.option("--reason", help="What the creator said.")
@workspace_option
def decline(ws: Workspace, ugc_id: str, reason: str | None) -> None:
    """Record that the creator said no.

    \b
    Example:
        contentkit ugc decline U3 --reason "tidak mau"
    """
    published = ws.consent.decline(ugc_id, reason=reason)
    click.echo(_("{id}: declined").format(id=ugc_id))
    _after_withdrawal(published)


@ugc.command()
@click.argument("ugc_id")
@click.option("--reason", required=True, help="Why consent was withdrawn.")
@workspace_option
def revoke(ws: Workspace, ugc_id: str, reason: str) -> None:
    """Record that the creator withdrew consent; scheduled reposts are skipped.

    Lists the already-published posts so you can take them down.

    \b
    Example:
        contentkit ugc revoke U3 --reason "minta dihapus lewat DM"
    """
    published = ws.consent.revoke(ugc_id, reason)
    click.echo(_("{id}: consent revoked").format(id=ugc_id))
    _after_withdrawal(published)


def _after_withdrawal(published: Any) -> None:
    for post in published.skipped:
        click.echo("  " + _("skipped {id}").format(id=post.id) + f"  {post.at:%Y-%m-%d %H:%M}  {post.channel}")
    if published:
        click.secho(_("Already published, take these down:"), fg="yellow")
        for post in published:
            link = post.published_url or _("(no link recorded)")
            click.echo(f"  {post.id}  {post.channel}  {link}")


@ugc.command()
@click.option("--login", metavar="USER", help=LOGIN_HELP)
@workspace_option
def check(ws: Workspace, login: str | None) -> None:
    """Read comments on requested Instagram posts and record each owner's yes.

    Only the post owner's reply with the consent hashtag counts.

    \b
    Example:
        contentkit ugc check --login dapurbusari
    """
    granted = ws.ugc.check_replies(login=login)
    for event in granted:
        click.echo(_("{id}: granted ({evidence})").format(id=event.ugc_id, evidence=event.evidence))
    click.echo(ngettext("{n} new grant", "{n} new grants", len(granted)).format(n=len(granted)))
