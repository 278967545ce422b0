"""`contentkit idea` and `contentkit series`: the backlog the planner draws from."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

import click

from contentkit.i18n import _, ngettext

from .common import CHANNEL, FORMAT, PILLAR, WEEKDAY, echo_json, echo_table, json_option, say, say_when, workspace_option


if TYPE_CHECKING:
    from contentkit.workspace import Workspace


@click.group()
def idea() -> None:
    """The idea backlog: posts you want to make, placed by `contentkit plan`.

    \b
    Example:
        contentkit idea add "Cerita resep rendang nenek" --pillar storytelling --format reel
        contentkit idea list
    """


@idea.command("add")
@click.argument("text")
@click.option("--pillar", type=PILLAR, required=True, help="storytelling, education, entertainment, interaction, social_proof, service, retention or promo.")
@click.option("--format", "fmt", type=FORMAT, required=True, help="reel, short_video, carousel, image, story, live, status, broadcast or feed.")
@click.option("--channel", type=CHANNEL, default=None, help="Only place it on this channel.")
@click.option("--priority", default=0, type=int, show_default=True, help="Higher goes first.")
@workspace_option
def idea_add(ws: Workspace, text: str, pillar: str, fmt: str, channel: str | None, priority: int) -> None:
    """Add an idea to the backlog.

    \b
    Example:
        contentkit idea add "Tips menyimpan sambal" --pillar education --format carousel --priority 2
    """
    item = ws.ideas.add(text, pillar=pillar, format=fmt, channel=channel, priority=priority)
    say(_("Added idea {id}: {text}").format(id=item.id, text=item.text))


@idea.command("list")
@click.option("--all", "include_used", is_flag=True, help="Include ideas already placed in a post.")
@json_option
@workspace_option
def idea_list(ws: Workspace, include_used: bool, as_json: bool) -> None:
    """List the backlog, highest priority first.

    \b
    Example:
        contentkit idea list --json
    """
    ideas = ws.ideas.list(include_used=include_used)
    if as_json:
        echo_json(ideas)
        return
    echo_table(
        [_("id"), _("pillar"), _("format"), _("channel"), _("prio"), _("used by"), _("text")],
        [(i.id, i.pillar, i.format, i.channel or "-", i.priority, i.used_by or "", i.text) for i in ideas],
        empty=_("The backlog is empty; add one with `contentkit idea add TEXT --pillar P --format F`."),
    )


@idea.command("remove")
@click.argument("idea_id")
@workspace_option
def idea_remove(ws: Workspace, idea_id: str) -> None:
    """Remove an idea from the backlog.

    \b
    Example:
        contentkit idea remove I3
    """
    item = ws.ideas.remove(idea_id)
    say(_("Removed idea {id}").format(id=item.id))


@click.group()
def series() -> None:
    """Storytelling series: one episode a week, in order.

    \b
    Example:
        contentkit series add "Dari Dapur ke Meja" --pillar storytelling --format reel \\
            --every wed --episode "Belanja di pasar" --episode "Meracik bumbu"
    """


@series.command("add")
@click.argument("title")
@click.option("--pillar", type=PILLAR, required=True, help="The pillar every episode carries.")
@click.option("--format", "fmt", type=FORMAT, required=True, help="The format of every episode, e.g. reel.")
@click.option("--episodes", "count", type=int, default=None, help="How many episodes (checked against the lines given).")
@click.option("--episode", "episodes", multiple=True, help="One episode's text; repeat in order.")
@click.option("--episodes-file", type=click.File("r", encoding="utf-8"), default=None, help="A text file, one episode per line.")
@click.option("--every", type=WEEKDAY, default=None, help="Preferred weekday: mon … sun (or senin … minggu).")
@click.option("--start", default=None, help="First week's date, YYYY-MM-DD (default: the next week planned).")
@click.option("--channel", type=CHANNEL, default=None, help="Preferred channel.")
@workspace_option
def series_add(ws: Workspace, title: str, pillar: str, fmt: str, count: int | None, episodes: tuple[str, ...],
               episodes_file: IO[str] | None, every: str | None, start: str | None, channel: str | None) -> None:
    """Add a series; the planner puts episode k in week k, titled "TITLE (k/n)".

    \b
    Example:
        contentkit series add "Dari Dapur ke Meja" --pillar storytelling --format reel \\
            --episodes 3 --every wed --start 2026-12-09 \\
            --episode "Belanja di pasar" --episode "Meracik bumbu" --episode "Siap diantar"
    """
    from contentkit.errors import InputError

    lines = list(episodes)
    if episodes_file is not None:
        lines += [line.strip() for line in episodes_file if line.strip()]
    if count is not None and lines and count != len(lines):
        raise InputError(_("--episodes says {count} but {lines} episode lines were given; make them match").format(
            count=count, lines=len(lines)))
    if count is not None and not lines:
        lines = [_("Episode {k}").format(k=k) for k in range(1, count + 1)]
    item = ws.series.add(title, pillar=pillar, format=fmt, episodes=lines, channel=channel, every=every, start=start)
    n = len(item.episodes)
    say(ngettext("Added series {id}: {title} ({n} episode)", "Added series {id}: {title} ({n} episodes)", n).format(
        id=item.id, title=item.title, n=n))
    if item.start is not None:
        say_when("starts", item.start, ws.language)


@series.command("list")
@json_option
@workspace_option
def series_list(ws: Workspace, as_json: bool) -> None:
    """List series with how many episodes are on the calendar.

    \b
    Example:
        contentkit series list
    """
    rows = ws.series.list()
    if as_json:
        echo_json([{**s.to_dict(), "placed": n} for s, n in rows])
        return
    echo_table(
        [_("id"), _("title"), _("pillar"), _("format"), _("every"), _("placed")],
        [(s.id, s.title, s.pillar, s.format, s.every or "-", f"{n}/{len(s.episodes)}") for s, n in rows],
        empty=_("No series yet; add one with `contentkit series add TITLE --pillar P --format F --episode TEXT`."),
    )


@series.command("remove")
@click.argument("series_id")
@workspace_option
def series_remove(ws: Workspace, series_id: str) -> None:
    """Remove a series (episodes already planned stay).

    \b
    Example:
        contentkit series remove S1
    """
    item = ws.series.remove(series_id)
    say(_("Removed series {id}").format(id=item.id))
