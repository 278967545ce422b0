"""Options and output helpers shared by every command."""

from __future__ import annotations

import contextlib
import functools
import importlib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from contentkit.i18n import _

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    _Choice = click.Choice[str]
else:  # click.Choice is generic only from click 8.4
    _Choice = click.Choice


class Words(_Choice):
    """A fixed choice (channel, pillar, status ...): any case, Indonesian names too, completed by the shell.

    The choices are read lazily from "module:NAME" so `contentkit --help` imports nothing heavy;
    the library's own check (vocab.check_choice) decides, so `--pillar cerita` means storytelling.
    A bad value is a usage error (exit 2) naming the choices.
    """

    name = "choice"

    def __init__(self, kind: str, source: Sequence[str] | str) -> None:
        self.kind = kind
        self._source = source
        self.case_sensitive = False

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        if isinstance(self._source, str):
            module, attr = self._source.split(":")
            self._source = tuple(getattr(importlib.import_module(module), attr))
        return tuple(self._source)

    def shell_complete(self, ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
        """The keys, then their Indonesian names (`bukti-sosial`), that start with what was typed."""
        from click.shell_completion import CompletionItem

        from contentkit.names import KINDS, names_of

        words = list(self.choices)
        kind = "day" if self.kind == "weekday" else self.kind
        if kind in KINDS or kind == "day":
            words += [name.replace(" ", "-") for key, name in names_of(kind, "id").items() if key in words]
        typed = incomplete.lower()
        return [CompletionItem(w) for w in dict.fromkeys(words) if w.lower().startswith(typed)]

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        # click's own is "Choose from:" and one choice per line; an error is one line.
        return _("Choose one of: {choices}.").format(choices=", ".join(self.choices))

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from contentkit.errors import InputError
        from contentkit.vocab import check_choice, check_weekday

        try:
            if self.kind == "weekday":
                return check_weekday(str(value))
            return check_choice(self.kind, str(value), self.choices)
        except InputError as exc:
            self.fail(str(exc), param, ctx)


CHANNEL = Words("channel", "contentkit.vocab:CHANNELS")
FORMAT = Words("format", "contentkit.vocab:FORMATS")
PILLAR = Words("pillar", "contentkit.vocab:PILLARS")
STATUS = Words("status", "contentkit.vocab:POST_STATUSES")
WEEKDAY = Words("weekday", "contentkit.vocab:WEEKDAYS")
SECTOR = Words("sector", "contentkit.vocab:SECTORS")
LANGUAGE = Words("language", ("id", "en"))
EXPORT_KIND = Words("export kind", "contentkit.calendar.exports:EXPORT_KINDS")
UGC_STATE = Words("state", "contentkit.ugc.consent:STATES")
UGC_SOURCE = Words("source", "contentkit.ugc.manager:SOURCES")
VIA = Words("via", "contentkit.ugc.messages:VIAS")
REVIEW_SOURCE = Words("source", "contentkit.graphics.reviewtext:SOURCES")
IMAGE_FORMAT = Words("image format", "contentkit.graphics.output:FORMATS")
PROMO_KIND = Words("promo kind", "contentkit.calendar.promos:PROMO_KINDS")


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

        ws = Workspace.open(workspace_path or group_setting("workspace"))
        i18n.set_language(ws.language, source="workspace")
        for message in ws.config.warnings:
            warn(message)
        return f(*args, ws=ws, **kwargs)

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


def say_when(kind: str, value: Any, language: str, tz: str | None = None) -> None:
    """Echo a date the command took, in full and in the workspace language (`dijadwalkan Selasa, 1 Des 2026 19.30 WIB`)."""
    from contentkit.formatting import echo_when

    say(echo_when(kind, value, language, tz))


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
def json_result_option(f: F) -> F:
    """Add `--json` to a command that makes or changes something: print what it did, with the IDs."""
    return click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON, with the IDs touched.")(f)


def echo_json(records: Iterable[Any]) -> None:
    rows = [r.to_dict() if hasattr(r, "to_dict") else r for r in records]
    from contentkit.terminal import json_for_terminal

    click.echo(json_for_terminal(json.dumps(rows, ensure_ascii=False, indent=2, default=str)))


def echo_object(value: Any) -> None:
    """Print one result (what a command made or changed, with the IDs it touched) as a JSON object."""
    data = value.to_dict() if hasattr(value, "to_dict") else value
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


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
