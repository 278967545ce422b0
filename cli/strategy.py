"""`contentkit strategy`: see the built-in strategies and copy one to edit."""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

import click

from contentkit.i18n import _

from .common import echo_json, echo_table, group_setting, json_option, say, workspace_option


if TYPE_CHECKING:
    from contentkit.workspace import Workspace


@click.group()
def strategy() -> None:
    """Built-in strategies (weekly slots, pillar mix, prompts) and your own copy.

    \b
    Example:
        contentkit strategy list
        contentkit strategy copy kuliner
    """


@strategy.command("list")
@json_option
def list_(as_json: bool) -> None:
    """List the built-in strategies.

    \b
    Example:
        contentkit strategy list
    """
    from contentkit.calendar.strategy import list_strategies, load_strategy

    strategies = [load_strategy(name) for name in list_strategies()]
    if as_json:
        echo_json([{"id": s.name, "title": s.title, "slots": len(s.slots), "mix": s.mix} for s in strategies])
        return
    from contentkit.i18n import get_language

    lang = get_language()
    echo_table([_("name"), _("slots/week"), _("title")], [(s.name, len(s.slots), s.title[lang]) for s in strategies])


@strategy.command()
@click.argument("name", required=False)
@click.option("--workspace", "-w", "workspace_path", type=click.Path(file_okay=False), default=None,
              help="Workspace folder (default: $CONTENTKIT_WORKSPACE, else the nearest contentkit.toml above here).")
def show(name: str | None, workspace_path: str | None) -> None:
    """Show a strategy: slots, mix and personas (NAME: a built-in one; none: the workspace's).

    \b
    Example:
        contentkit strategy show
        contentkit strategy show kuliner
    """
    from contentkit.calendar.strategy import show_strategy

    s, lang = show_strategy(name, workspace_path or group_setting("workspace"))
    click.echo(f"{s.title[lang]} ({s.source})")
    echo_table([_("day"), _("time"), _("channel"), _("format")], [(x.day, x.time, x.channel, x.format) for x in s.slots])
    click.echo("")
    echo_table([_("pillar"), _("share")], [(p, f"{v:.0%}") for p, v in s.mix.items()])
    for persona in s.audience:
        reached = f" [{', '.join(persona.channels)}]" if persona.channels else ""
        click.echo(f"\n{persona.label(lang)}{reached}: {persona.name[lang]}; {persona.demography[lang]}")


@strategy.command()
@click.argument("name")
@click.option("-o", "--output", type=click.Path(), default=None, help="Where to write it (default: the workspace).")
@workspace_option
def copy(ws: Workspace, name: str, output: str | None) -> None:
    """Copy built-in strategy NAME into the workspace and use it.

    \b
    Example:
        contentkit strategy copy kuliner
    """
    from contentkit.calendar.strategy import use_strategy_copy

    path = use_strategy_copy(ws, name, Path(output) if output else None)
    say(_("Copied {name} to {path}; edit it, then run `contentkit plan --dry-run` to see the effect").format(
        name=name, path=path))
