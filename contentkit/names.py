"""The words for the product's fixed keys, in Indonesian and English.

Pillars, loyalty stages, post statuses, formats, consent states and weekdays are stored by their
English key (`social_proof`); people see and type them in their language
(`bukti sosial`). Both directions read one table, `templates/views/labels.toml`,
so a name shown on a page is always a name an option accepts.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["KINDS", "display_name", "names_of", "from_name"]

# option kind -> the labels.toml table holding its names
KINDS = {"pillar": "pillar", "stage": "stage", "status": "status", "format": "format", "state": "funnel"}
_LANGS = ("id", "en")
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    text = (resources.files("contentkit.templates") / "views" / "labels.toml").read_text("utf-8")
    return tomllib.loads(text)


def names_of(kind: str, lang: str) -> dict[str, str]:
    """key -> display name for one kind (pillar, stage, status, format, day) in `lang`.

    >>> names_of("pillar", "id")["social_proof"]
    'bukti sosial'
    """
    lang = lang if lang in _LANGS else "id"
    if kind == "day":
        from .formatting import weekday_name

        return {key: weekday_name(i, lang).lower() for i, key in enumerate(_WEEKDAY_KEYS)}
    words = _table()[lang]
    return dict(words[KINDS[kind]])


def display_name(kind: str, key: str, lang: str) -> str:
    """The name of `key` in `lang`, or the key itself when the table has none.

    >>> display_name("pillar", "storytelling", "id")
    'cerita'
    """
    return names_of(kind, lang).get(key, key)


def _norm(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


@lru_cache(maxsize=None)
def _aliases(kind: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in _LANGS:
        for key, name in names_of(kind, lang).items():
            out.setdefault(_norm(name), key)
    return out


def from_name(kind: str, text: str) -> str | None:
    """The key a name in either language stands for (`bukti-sosial` -> `social_proof`), else None.

    >>> from_name("status", "Terbit")
    'published'
    """
    if kind not in KINDS and kind != "day":
        return None
    return _aliases(kind).get(_norm(text))
