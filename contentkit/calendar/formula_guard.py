"""Spreadsheet formula injection: a caption that starts like a formula.

A cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a
formula by Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`,
`=cmd|' /C calc'!A0`). Captions come from customers and imports, so the full
CSV export writes such a cell with a leading apostrophe, which spreadsheet apps
show as plain text. Scheduler files (Buffer, Hootsuite) post their text as is,
so there such a post is only named in a warning.
"""

from __future__ import annotations

__all__ = ["FORMULA_STARTS", "is_formula", "formula_safe"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula(text: str) -> bool:
    """Whether a spreadsheet would read `text` as a formula.

    >>> is_formula("=HYPERLINK(\\"http://x\\")"), is_formula("Rendang 🍛")
    (True, False)
    """
    return text.startswith(FORMULA_STARTS)


def formula_safe(cell: str) -> str:
    """`cell`, with a leading apostrophe when a spreadsheet would run it as a formula.

    >>> formula_safe("=1+1"), formula_safe("-diskon 50%"), formula_safe("Promo 12.12")
    ("'=1+1", "'-diskon 50%", 'Promo 12.12')
    """
    return "'" + cell if is_formula(cell) else cell
