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

from contentkit import __version__
from contentkit.errors import ContentkitError

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
    "calendar": "views:calendar",
    "report": "views:report",
    "review": "review:review",
    "testimonial": "testimonial:testimonial",
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
            return command
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ContentkitError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            # `contentkit post list | head`: the reader left; stop quietly, as command-line tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(1)
        except KeyboardInterrupt:
            raise click.ClickException("interrupted; nothing half-written was saved, run the command again") from None
        except OSError as exc:
            # Disk full, permissions, a vanished folder: the store's writes are atomic, so nothing is half-written.
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(
                f"{where}{exc.strerror or exc}; check the path, its permissions and free disk space, then run again"
            ) from None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="contentkit")
def cli() -> None:
    """Plan loyalty-building posts, collect customer content with consent,
    and render testimonial graphics for your online shop.

    \b
    Example:
        contentkit init toko --brand "Dapur Bu Sari" --sector kuliner
        cd toko && contentkit plan
    """
