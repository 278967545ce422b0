"""The CLI in the user's language: help texts, click's own messages, and catalog extraction.

Help texts stay plain English in the code (docstrings and `help=`); `localize`
swaps in the current language each time a command is loaded, keeping the
English original, so one process can run commands in either language (tests do).
Click translates its own messages (`Error:`, `Usage:`, `Missing option`) with
`gettext.gettext` bound at its import; `translate_click` points those names at
our catalog, which holds the ones users meet (listed in `CLICK_MESSAGES`).
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Iterator
from typing import Any

import click

from contentkit.i18n import N_, _, ngettext

__all__ = ["localize", "translate_click", "translate_help", "help_messages", "extract_cli"]

# click's messages a user of contentkit can meet; the msgids are click's, word for word.
CLICK_MESSAGES = [
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Positional arguments"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("default: {default}"),
    N_("required"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("Missing command."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Aborted!"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("Could not open file {filename!r}: {message}"),
    N_("Option {name!r} does not take a value."),
    N_("Example:"),
]
# the plural ones, listed so extraction sees them
_CLICK_PLURALS = (
    lambda n: ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", n),
    lambda n: ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", n),
    lambda n: ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", n),
    lambda n: ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", n),
)

_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils", "_termui_impl")


def translate_click() -> None:
    """Make click's own messages go through contentkit's catalog."""
    for name in _CLICK_MODULES:
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def _split_help(text: str) -> Iterator[tuple[bool, str]]:
    """(translatable, text) per paragraph: prose is one msgid; a `\\b` block is kept, its heading translated."""
    for part in inspect.cleandoc(text).split("\n\n"):
        if part.startswith("\b"):
            yield False, part
        else:
            yield True, " ".join(part.split())


def help_messages(text: str) -> list[str]:
    """The msgids a help text is translated by (what extraction puts in the catalog)."""
    return [part for translatable, part in _split_help(text) if translatable and part]


def translate_help(text: str) -> str:
    """A docstring or help text in the current language; example blocks keep their commands."""
    out = []
    for translatable, part in _split_help(text):
        if translatable:
            out.append(_(part) if part else part)
        else:
            out.append("\n".join(_block_line(line) for line in part.split("\n")))
    return "\n\n".join(out)


def _block_line(line: str) -> str:
    """A line of a `\\b` block: the "Example:" heading, or a `name  summary` row whose summary is a catalog message."""
    if line == "Example:":
        return _(line)
    match = _ROW.match(line)
    if match and _(match[2]) != match[2]:
        return match[1] + _(match[2])
    return line


_ROW = re.compile(r"^(\s*[\w-]+\s{2,})(\S.*)$")  # `ics        calendar apps ...` (exporter_help's rows)


def _original(obj: Any, attr: str) -> Any:
    """The English text of `obj.attr`, remembered the first time it is localized."""
    store: dict[str, Any] = obj.__dict__.setdefault("_contentkit_msgids", {})
    if attr not in store:
        store[attr] = getattr(obj, attr, None)
    return store[attr]


def localize(command: click.Command) -> click.Command:
    """Put `command`, its parameters and subcommands in the current language."""
    for attr in ("help", "short_help", "epilog"):
        text = _original(command, attr)
        if isinstance(text, str):
            setattr(command, attr, translate_help(text))
    for param in command.params:
        text = _original(param, "help")
        if isinstance(text, str):
            setattr(param, "help", translate_help(text))  # only options and arguments with help= have the attribute
    if hasattr(command, "_help_option"):
        command._help_option = None  # click caches it with the language of the first run; rebuild it
    for sub in getattr(command, "commands", {}).values():
        localize(sub)
    return command


def extract_cli(fileobj: Any, keywords: Any, comment_tags: Any, options: dict[str, Any]) -> Iterator[tuple[Any, ...]]:
    """Babel extraction method for cli/: `_()` calls, plus command docstrings and `help=` texts.

    Named in babel.cfg as `contentkit.cli.localize.extract_cli`.
    """
    import ast

    from babel.messages.extract import extract_python

    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)  # type: ignore[arg-type]
    tree = ast.parse(source.decode("utf-8") if isinstance(source, bytes) else source)
    for node in ast.walk(tree):
        texts: list[tuple[int, str]] = []
        if isinstance(node, ast.FunctionDef) and node.decorator_list:
            doc = ast.get_docstring(node, clean=False)
            if doc:
                texts.append((node.body[0].lineno, doc))
        elif isinstance(node, ast.Call):
            for kw in node.keywords:
                if kw.arg == "help" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                    texts.append((kw.value.lineno, kw.value.value))
        for lineno, text in texts:
            for message in help_messages(text):
                yield lineno, "_", message, []
