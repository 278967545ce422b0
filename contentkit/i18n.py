"""Translations: every user-facing text goes through gettext with these functions.

English is the source language (msgids are English); catalogs live in
`contentkit/locale/<lang>/LC_MESSAGES/contentkit.po`, compiled `.mo` next to them
and shipped in the wheel. Which language speaks (first match wins):

1. the CLI's global `--lang` (set with `set_language`),
2. `$CONTENTKIT_LANG`,
3. the workspace's `language` in contentkit.toml (the CLI sets it when it opens one),
4. English.

>>> from contentkit.i18n import _, ngettext, set_language
>>> set_language("id")                                          # doctest: +SKIP
>>> ngettext("Added {n} post.", "Added {n} posts.", 3).format(n=3)  # doctest: +SKIP
'Ditambahkan 3 posting.'

Text that must be in a fixed language whatever the CLI speaks (the calendar page
in the workspace language) uses `translator(lang).gettext(...)`. Updating the
catalogs (English msgids are extracted from the code)::

    pybabel extract -F babel.cfg -k _l --no-location --sort-output -w 100 -o contentkit/locale/contentkit.pot .
    pybabel update -i contentkit/locale/contentkit.pot -d contentkit/locale -D contentkit -w 100 --ignore-obsolete -N
    # translate the new entries in contentkit/locale/id/LC_MESSAGES/contentkit.po, then
    pybabel compile -d contentkit/locale -D contentkit
"""

from __future__ import annotations

import gettext as _gettext
import os
import re
from pathlib import Path
from typing import Any

__all__ = [
    "LANGUAGES",
    "ENV_VAR",
    "_",
    "_l",
    "N_",
    "ngettext",
    "LazyText",
    "translator",
    "get_language",
    "set_language",
    "use_translations",
    "workspace_language",
]

DOMAIN = "contentkit"
LANGUAGES = ("id", "en")
ENV_VAR = "CONTENTKIT_LANG"
LOCALE_DIR = Path(__file__).parent / "locale"

_cache: dict[str, _gettext.NullTranslations] = {}
# The two places the language is set from, kept apart so the order above is decided in one function.
_chosen: dict[str, str | None] = {"option": None, "workspace": None}


def translator(lang: str) -> _gettext.NullTranslations:
    """The catalog for `lang` (English and unknown languages: the msgids themselves)."""
    found = _cache.get(lang)
    if found is None:
        if lang == "en":
            found = _gettext.NullTranslations()
        else:
            found = _gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[lang], fallback=True)
        _cache[lang] = found
    return found


def get_language() -> str:
    """The language messages are in now (see the module docstring for the order)."""
    env = os.environ.get(ENV_VAR, "").strip().lower()[:2]
    for lang in (_chosen["option"], env if env in LANGUAGES else None, _chosen["workspace"]):
        if lang:
            return lang
    return "en"


def set_language(lang: str | None, *, source: str = "option") -> None:
    """Set (or with None clear) the language from `source`: "option" (--lang) or "workspace"."""
    _chosen[source] = lang


def use_translations(lang: str, translations: _gettext.NullTranslations | None) -> None:
    """Replace the catalog of `lang` (tests install a pseudo-translation); None reloads the shipped one."""
    if translations is None:
        _cache.pop(lang, None)
    else:
        _cache[lang] = translations


def _(message: str) -> str:
    """`message` (an English literal) in the current language."""
    return translator(get_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n` in the current language (Indonesian has one form)."""
    return translator(get_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a literal for extraction without translating it yet (translated where it is shown)."""
    return message


class LazyText:
    """A text translated each time it is turned into `str` (for values built at import time).

    >>> label = _l("Example:")
    >>> str(label)
    'Example:'
    """

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return _(self.message)

    def __repr__(self) -> str:
        return f"_l({self.message!r})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:
        return str(self) == (str(other) if isinstance(other, LazyText) else other)

    def __hash__(self) -> int:
        return hash(self.message)

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)

    def __getattr__(self, name: str) -> Any:
        return getattr(str(self), name)


def _l(message: str) -> LazyText:
    """`message`, translated when it is shown rather than now."""
    return LazyText(message)


def workspace_language(start: str | os.PathLike[str] | None = None) -> str | None:
    """The `language` of the workspace at `start` (or found like `Workspace.find`), None when there is none.

    Cheap and silent: a missing or broken contentkit.toml gives None, and opening the
    workspace later reports what is wrong.
    """
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    if start is None:
        start = os.environ.get("CONTENTKIT_WORKSPACE") or None
    candidates = [Path(start)] if start is not None else [Path.cwd(), *Path.cwd().parents]
    for folder in candidates:
        path = folder.expanduser() / "contentkit.toml"
        if path.is_file():
            try:
                text = path.read_bytes().decode("utf-8-sig", errors="replace")
            except OSError:
                return None
            try:
                lang = tomllib.loads(text).get("brand", {}).get("language", "id")
            except (ValueError, AttributeError):
                # A hand-edit broke the file: its error is best read in the shop's language all the same.
                found = re.search(r"""^\s*language\s*=\s*["']([a-z]{2})["']""", text, re.M)
                lang = found.group(1) if found else "id"
            return lang if lang in LANGUAGES else None
    return None
