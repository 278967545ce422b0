"""The text of a file a user imports, as spreadsheet apps and phones save it.

UTF-8 with or without a byte-order mark, or UTF-16 with its mark (Excel's
"Unicode text"). A NUL byte never belongs in text: it means a damaged file or
UTF-16 without its mark, and is refused naming the line rather than stored.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable

from .errors import InputError
from .i18n import _

__all__ = ["decode_text", "first_line"]


def decode_text(data: bytes, where: str) -> str:
    """`data` as text, or InputError naming `where` (and the line, for a NUL byte).

    >>> decode_text(codecs.BOM_UTF16_LE + "ulasan,bintang\\n".encode("utf-16-le"), "ulasan.csv")
    'ulasan,bintang\\n'
    >>> decode_text(b"ulasan\\nenak\\x00", "ulasan.csv")
    Traceback (most recent call last):
    ...
    contentkit.errors.InputError: ulasan.csv line 2 holds a NUL byte (\\0), so it is damaged or UTF-16 without its mark; save it again as "CSV UTF-8" and import again
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(data) > 3 and data[1:2] == b"\x00" and data[3:4] == b"\x00" and b"\x00\x00" not in data[:4]:
        encoding = "utf-16-le"  # UTF-16 saved without its byte-order mark, as some spreadsheet apps do
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(_('{where} is not UTF-8 or UTF-16 text; save it as "CSV UTF-8" and import again').format(where=where)) from None
    # In UTF-8 a NUL byte is a NUL character, and the bytes are searched many times faster.
    if (b"\0" in data) if encoding == "utf-8-sig" else ("\0" in text):
        line = text.count("\n", 0, text.index("\0")) + 1
        raise InputError(
            _('{where} line {line} holds a NUL byte (\\0), so it is damaged or UTF-16 without its mark; '
              'save it again as "CSV UTF-8" and import again').format(where=where, line=line)
        )
    return text


def first_line(last: int, cells: Iterable[str | None]) -> int:
    r"""The line a CSV record starts on, from the reader's `line_num` after it (its last line):
    a quoted multi-line caption or review is reported by the line where it begins.

    >>> first_line(5, ["Rina", "packing aman\r\nbahan adem\n\nmakasih", "5"])
    2
    """
    return last - sum(c.count("\n") + c.count("\r") - c.count("\r\n") for c in cells if c)
