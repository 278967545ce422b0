"""`contentkit plan` and `contentkit check`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from contentkit.i18n import _, ngettext

from .common import echo_json, echo_table, json_option, say, warn, workspace_option

if TYPE_CHECKING:
    from contentkit.calendar.planner import PlanResult
    from contentkit.workspace import Workspace


@click.command()
@click.option("--week", default=None, help="ISO week to plan, e.g. 2026-W49 (default: next week).")
@click.option("--start", default=None, help="Plan from the week of this date, YYYY-MM-DD.")
@click.option("--weeks", default=1, show_default=True, type=int, help="How many weeks to plan.")
@click.option("--replan", is_flag=True, help="Redraw the planner's untouched drafts (edited and published posts stay).")
@click.option("--dry-run", is_flag=True, help="Show the plan without saving anything.")
@json_option
@workspace_option
def plan(ws: Workspace, week: str | None, start: str | None, weeks: int, replan: bool, dry_run: bool, as_json: bool) -> None:
    """Plan the coming week(s) of posts from the strategy, backlog and events.

    Running it again adds nothing; posts you edited or published never change.

    \b
    Example:
        contentkit plan
        contentkit plan --week 2026-W49 --weeks 4 --dry-run
    """
    result = ws.plan(week=week, start=start, weeks=weeks, replan=replan, dry_run=dry_run)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
        return
    _print_plan(ws, result)


def _print_plan(ws: Workspace, result: PlanResult) -> None:
    from contentkit.calendar.report_text import describe_week, mix_lines

    for week in result.weeks:
        header, rows, notes = describe_week(ws, week)
        click.secho(header, bold=True)
        echo_table([_("id"), _("day"), _("time"), _("channel"), _("format"), _("pillar"), _("for"), _("title")], rows,
                   empty=_("(no slots this week)"))
        for line in notes:
            click.echo(line)
        for line in week.warnings:
            warn(line)
        click.echo("")
    for line in mix_lines(ws, result):
        click.echo(line)
    for line in result.warnings:
        warn(line)
    for line in result.notes:
        say(_("note: {line}").format(line=line))
    if result.dry_run:
        say(_("Dry run: nothing was saved."))
    else:
        say(ngettext("Added {n} post.", "Added {n} posts.", result.added).format(n=result.added))


@click.command()
@json_option
@workspace_option
def check(ws: Workspace, as_json: bool) -> None:
    """List every post that breaks its channel's rules, and every post that uses customer
    content without a current grant for its channel and time.

    Limits (caption length, hashtags, video length, format) and words: no other
    platform named and no outside link on Shopee or Tokopedia, no "komentar" on a
    story, status or broadcast (people can only reply), the "balas STOP" line on
    a WhatsApp broadcast.

    \b
    Example:
        contentkit check
    """
    problems = ws.post_book.check()
    if as_json:
        echo_json(problems)
    else:
        echo_table([_("id"), _("channel"), _("rule"), _("problem")], [(v.post_id, v.channel, v.rule, v.message) for v in problems],
                   empty=_("Every post is within its platform's limits and has the consent it needs."))
    if problems:
        raise SystemExit(1)
