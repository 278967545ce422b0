"""Text from customers and imports, made safe to print on a terminal.

A caption can hold anything its writer typed or a file carried: an escape
sequence that retitles the terminal or hides lines (`\\x1b]0;...\\x07`,
`\\x1b[2J`), a carriage return that overprints a line, a bidi override that
shows text in another order, or bytes that are not UTF-8. `printable` removes
all of them and keeps line breaks and tabs, so what is printed is what is there.
"""

from __future__ import annotations

import re

__all__ = ["printable", "json_for_terminal", "has_surrogates"]

# Whole escape sequences first (CSI `ESC [ ... final`, OSC/DCS/APC/PM ... BEL or ESC \\), then any
# control character left (C0 but \n and \t, DEL, C1) and the bidi controls. Not all of
# Unicode's format characters: the zero-width joiner is what holds emoji like 👨‍👩‍👧 together.
_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)|\x1b.?|\x9b[0-?]*[ -/]*[@-~]", re.S)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` without terminal control sequences or characters; line breaks and tabs stay.

    Lone surrogates (bytes that were not UTF-8) become U+FFFD, so printing never fails.

    >>> printable("Enak bgt\\x1b]0;hacked\\x07 kak \\x1b[31mmerah\\x1b[0m\\r\\nMantap")
    'Enak bgt kak merah\\nMantap'
    """
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n")
    text = _SEQUENCE.sub("", text)
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def json_for_terminal(text: str) -> str:
    """JSON text with the control characters JSON leaves raw (C1, DEL, bidi) written as `\\uXXXX`.

    The data stays the same for a program reading it; a terminal shows it inert.

    >>> json_for_terminal('["a\u009b31mb"]')
    '["a\\\\u009b31mb"]'
    """
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", _SURROGATE.sub("\ufffd", text))


def has_surrogates(text: str) -> bool:
    """Whether `text` holds bytes that were not valid UTF-8 (decoded with surrogateescape)."""
    return bool(_SURROGATE.search(text))

