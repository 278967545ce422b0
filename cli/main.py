"""The `contentkit` command group.

Commands live in small modules loaded only when used, so `contentkit --help`
starts fast; every library error becomes one line and a non-zero exit.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from contentkit import __version__, i18n
from contentkit.errors import ContentkitError, os_reason
from contentkit.i18n import _

from .localize import localize, translate_click

# command name -> "module:attribute" inside contentkit.cli
COMMANDS: dict[str, str] = {
    "init": "workspace_cmds:init",
    "strategy": "strategy:strategy",
    "idea": "ideas:idea",
    "series": "ideas:series",
    "plan": "plan:plan",
    "check": "plan:check",
    "post": "posts:post",
    "ugc": "ugc:ugc",
    "export": "export:export",
    "kit": "kit:kit",
    "calendar": "views:calendar",
    "report": "views:report",
    "review": "review:review",
    "testimonial": "testimonial:testimonial",
    "doctor": "doctor:doctor",
    "campaign": "campaign:campaign",
    "live": "live:live",
    "promo": "promo:promo",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is needed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module, attr = COMMANDS[cmd_name].split(":")
            command: click.Command = getattr(importlib.import_module(f"contentkit.cli.{module}"), attr)
            return localize(command)
        return super().get_command(ctx, cmd_name)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # The language of this run: --lang (its callback), $CONTENTKIT_LANG, the workspace here, English.
        # Restored afterwards so a script or test running several commands starts each one afresh.
        saved = dict(i18n._chosen)
        i18n.set_language(None)
        i18n.set_language(i18n.workspace_language(_workspace_arg(args[0] if args else kwargs.get("args"))), source="workspace")
        translate_click()
        localize(self)
        try:
            return super().main(*args, **kwargs)
        finally:
            i18n._chosen.update(saved)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        from contentkit.terminal import has_surrogates, printable

        for arg in args:
            if has_surrogates(arg):
                # The shell passed bytes that are not UTF-8 (`$'\xff\xfe'`, a Latin-1 terminal).
                raise click.UsageError(
                    _("the argument {arg!r} holds bytes that are not UTF-8 text; retype it, "
                      "or set your terminal to UTF-8").format(arg=printable(arg))
                )
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        from contentkit.terminal import printable

        try:
            return super().invoke(ctx)
        except ContentkitError as exc:
            raise click.ClickException(printable(str(exc))) from None
        except BrokenPipeError:
            # `contentkit post list | head`: the reader left; stop quietly, as command-line tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(1)
        except KeyboardInterrupt:
            raise click.ClickException(_("interrupted; nothing half-written was saved, run the command again")) from None
        except OSError as exc:
            # Disk full, permissions, a vanished folder: the store's writes are atomic, so nothing is half-written.
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(
                _("{where}{error}; check the path, its permissions and free disk space, then run again").format(
                    where=where, error=os_reason(exc))
            ) from None


def _workspace_arg(args: Any) -> str | None:
    """The folder after -w/--workspace in the command line, so even a usage error speaks its language."""
    words = [str(w) for w in (sys.argv[1:] if args is None else args)]
    for i, word in enumerate(words):
        if word in ("-w", "--workspace") and i + 1 < len(words):
            return words[i + 1]
        if word.startswith("--workspace="):
            return word.split("=", 1)[1]
    return None


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value:
        i18n.set_language(value)
        localize(ctx.command)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="contentkit")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default=None, is_eager=True, expose_value=False,
              callback=_set_lang, help="Language of messages and help: id or en (default: $CONTENTKIT_LANG, "
              "else the workspace's language, else en).")
@click.option("--workspace", "-w", "workspace_path", type=click.Path(file_okay=False), default=None,
              help="Workspace folder for any command (the same as the command's own -w).")
@click.option("--quiet", "-q", is_flag=True, help="Print only results and errors, not progress or hints.")
@click.pass_context
def cli(ctx: click.Context, workspace_path: str | None, quiet: bool) -> None:
    """Plan loyalty-building posts, collect customer content with consent,
    and render testimonial graphics for your online shop.

    \b
    Example:
        contentkit init toko --brand "Dapur Bu Sari" --sector kuliner
        cd toko && contentkit plan
    """
    settings = ctx.ensure_object(dict)
    settings["workspace"] = workspace_path
    settings["quiet"] = quiet
    # https://no-color.org: any non-empty NO_COLOR turns colour off; click already drops it when not a terminal.
    if os.environ.get("NO_COLOR"):
        ctx.color = False
