"""Options and output helpers shared by every command."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

from contentkit.i18n import _

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
        from contentkit import i18n
        from contentkit.workspace import Workspace

        ws = Workspace.open(workspace_path)
        i18n.set_language(ws.language, source="workspace")
        for message in ws.config.warnings:
            warn(message)
        return f(*args, ws=ws, **kwargs)

    return wrapper  # type: ignore[return-value]


def json_option(f: F) -> F:
    """Add `--json`: print records as a JSON array instead of a table."""
    return click.option("--json", "as_json", is_flag=True, help="Print a JSON array of records.")(f)


def clean_text(text: Any) -> str:
    """`text` as printed: no terminal control codes from customer or imported text."""
    from contentkit.terminal import printable

    return printable(str(text))


def echo(text: Any = "", **kwargs: Any) -> None:
    """click.echo for text that may hold customer or imported content."""
    click.echo(clean_text(text), **kwargs)


def echo_json(records: Iterable[Any]) -> None:
    rows = [r.to_dict() if hasattr(r, "to_dict") else r for r in records]
    from contentkit.terminal import json_for_terminal

    click.echo(json_for_terminal(json.dumps(rows, ensure_ascii=False, indent=2, default=str)))


def echo_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, empty: str | None = None) -> None:
    """Print aligned columns; long cells are cut so a row stays on one line."""
    rows = [["" if c is None else " ".join(clean_text(c).split()) if isinstance(c, str) else str(c) for c in row] for row in rows]
    if not rows:
        click.echo(_("(nothing)") if empty is None else empty)
        return
    cut = [min(48, max(len(h), *(len(r[i]) for r in rows))) for i, h in enumerate(headers)]
    line = "  ".join(h.upper().ljust(w) for h, w in zip(headers, cut))
    click.echo(line.rstrip())
    for row in rows:
        cells = [(c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(row, cut)]
        click.echo("  ".join(cells).rstrip())


def warn(message: str) -> None:
    click.secho(_("warning: {message}").format(message=clean_text(message)), fg="yellow", err=True)
