"""`contentkit campaign`: the retail year's campaigns and the shop's own."""

from __future__ import annotations

import click

from contentkit.i18n import _, ngettext

from .common import echo_json, echo_table, json_option, workspace_option


@click.group()
def campaign() -> None:
    """Campaigns: an anchor date plus posts at day offsets (H-60 … H+7).

    Built-in ones (Ramadan–Lebaran, twin dates, Harbolnas, payday, year end, Imlek,
    17 Agustus) run every year for your sector; add your own launch or anniversary.

    \b
    Example:
        contentkit campaign list
        contentkit campaign add "Launch Koleksi Raya" --on 2027-02-20 --from fesyen-launch
        contentkit campaign show ramadan-lebaran
    """


@campaign.command("add")
@click.argument("name")
@click.option("--on", "on", required=True, help="The campaign's day H, YYYY-MM-DD.")
@click.option("--from", "template", default=None, help="A built-in template: launch, kuliner-launch, fesyen-launch, rumah-tangga-launch, ulang-tahun-toko.")
@click.option("--file", "file", default=None, type=click.Path(dir_okay=False), help="Your own campaign template (TOML, same shape as the built-in ones).")
@workspace_option
def campaign_add(ws, name: str, on: str, template: str | None, file: str | None) -> None:  # type: ignore[no-untyped-def]
    """Add a campaign on a date; `contentkit plan` places its steps.

    \b
    Example:
        contentkit campaign add "Sambal Bawang Botol" --on 2027-02-20 --from kuliner-launch
        contentkit campaign add "Ulang Tahun ke-3" --on 2027-04-12 --file ulang-tahun.toml
    """
    item = ws.campaigns.add(name, on=on, template=template, file=file)
    click.echo(ngettext("Added campaign {id} {name!r} on {day} ({n} step)", "Added campaign {id} {name!r} on {day} ({n} steps)",
                        len(item.steps)).format(id=item.id, name=item.name, day=item.on.isoformat(), n=len(item.steps)))


@campaign.command("list")
@json_option
@workspace_option
def campaign_list(ws, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    """List the built-in campaigns for your sector and your own.

    \b
    Example:
        contentkit campaign list --json
    """
    rows = ws.campaigns.list()
    if as_json:
        echo_json(rows)
        return
    echo_table([_("name"), _("source"), _("next"), _("steps"), _("anchor"), _("title")],
               [(r.name, _(r.source), r.next_date.isoformat() if r.next_date else "-", r.steps, _(r.anchor) if r.anchor else "", r.title)
                for r in rows])
    click.echo(_("Templates for `campaign add --from`: {names}").format(names=", ".join(t.name for t in ws.campaigns.templates())))


@campaign.command("show")
@click.argument("name")
@json_option
@workspace_option
def campaign_show(ws, name: str, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    """Show a campaign's steps on their days (a built-in one's next run).

    \b
    Example:
        contentkit campaign show ramadan-lebaran
    """
    from contentkit.names import display_name

    steps = ws.campaigns.show(name)
    if as_json:
        echo_json([{"step": o.step.label(), "day": o.day.isoformat(), "time": o.step.time, "kind": o.step.kind,
                    "channel": o.channel, "format": o.step.format, "pillar": o.step.pillar,
                    "stage": o.step.stage, "text": o.text(ws.language)} for o in steps])
        return
    echo_table([_("step"), _("day"), _("time"), _("channel"), _("format"), _("pillar"), _("text")],
               [(o.step.label(), o.day.isoformat(), o.step.time if o.step.kind == "post" else _("to-do"),
                 o.channel, o.step.format, display_name("pillar", o.step.pillar, ws.language), o.text(ws.language)) for o in steps],
               empty=_("{name} has no steps for your sector (or it is turned off in contentkit.toml).").format(name=name))


@campaign.command("remove")
@click.argument("name")
@workspace_option
def campaign_remove(ws, name: str) -> None:  # type: ignore[no-untyped-def]
    """Remove one of your campaigns (posts already planned stay).

    \b
    Example:
        contentkit campaign remove "Launch Koleksi Raya"
    """
    item = ws.campaigns.remove(name)
    click.echo(_("Removed campaign {id} {name!r}").format(id=item.id, name=item.name))
