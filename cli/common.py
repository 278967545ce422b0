"""Options and output helpers shared by every command."""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
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

        return f(*args, ws=Workspace.open(workspace_path), **kwargs)

    return wrapper  # type: ignore[return-value]


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


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A `(done, total)` callback that draws a progress bar, or None when stdout is not a terminal.

    The bar starts at the first call, when the total is known.
    """
    if not sys.stdout.isatty():
        yield None
        return
    with contextlib.ExitStack() as stack:
        bars: list[Any] = []

        def update(done: int, total: int) -> None:
            if not bars:
                bars.append(stack.enter_context(click.progressbar(length=total, label=label)))
            bars[0].update(done - bars[0].pos)

        yield update
