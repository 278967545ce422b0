"""Options and output helpers shared by every command."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def workspace_option(f: F) -> F:
    """Add `--workspace/-w DIR` and pass the opened workspace as `ws`."""

    @click.option(
        "--workspace",
        "-w",
        "workspace_path",
        type=click.Path(file_okay=False),
        default=None,
        help="Workspace folder (default: $CONTENTKIT_WORKSPACE, else the nearest contentkit.toml above here).",
    )
    @functools.wraps(f)
    def wrapper(*args: Any, workspace_path: str | None, **kwargs: Any) -> Any:
        from contentkit.workspace import Workspace

        return f(*args, ws=Workspace.open(workspace_path or group_setting("workspace")), **kwargs)

    return wrapper  # type: ignore[return-value]


def group_setting(name: str) -> Any:
    """A setting given before the command (`contentkit -w DIR -q plan`), or None outside a run."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(dict) if ctx is not None else None
    return obj.get(name) if obj else None


def say(message: str) -> None:
    """An informational line (what was done, what to do next); `--quiet` silences it."""
    if not group_setting("quiet"):
        click.echo(message)


def json_option(f: F) -> F:
    """Add `--json`: print records as a JSON array instead of a table."""
    return click.option("--json", "as_json", is_flag=True, help="Print a JSON array of records.")(f)


def echo_json(records: Iterable[Any]) -> None:
    rows = [r.to_dict() if hasattr(r, "to_dict") else r for r in records]
    click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))


def echo_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, empty: str = "(nothing)") -> None:
    """Print aligned columns; long cells are cut so a row stays on one line."""
    rows = [["" if c is None else str(c) for c in row] for row in rows]
    if not rows:
        click.echo(empty)
        return
    cut = [min(48, max(len(h), *(len(r[i]) for r in rows))) for i, h in enumerate(headers)]
    line = "  ".join(h.upper().ljust(w) for h, w in zip(headers, cut))
    click.echo(line.rstrip())
    for row in rows:
        cells = [(c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(row, cut)]
        click.echo("  ".join(cells).rstrip())


def warn(message: str) -> None:
    click.secho(f"warning: {message}", fg="yellow", err=True)
