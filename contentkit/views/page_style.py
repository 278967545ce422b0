"""The look shared by the calendar page and the report: pillar colours, words, CSS.

Pillar colours live here once, so a card on the page and a bar in the report
chart agree. The words come from `templates/views/labels.toml` (id and en),
the page CSS from `templates/views/calendar.css`.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from typing import Any

from ..vocab import PILLARS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["PILLAR_COLOURS", "labels", "page_css", "pillar_css"]

# pillar -> (strong colour for borders, bars and the pillar name; light tint for card backgrounds).
# Eight hues far apart (and grey for service), so two neighbouring cards never look alike:
# any two strong colours differ by CIE76 ΔE >= 25, any two tints by >= 8, and the strong
# colour on its tint reads at >= 4.5:1 (tests/test_calendar_page.py checks all three).
PILLAR_COLOURS: dict[str, tuple[str, str]] = {
    "storytelling": ("#7349AA", "#F5E9FF"),  # purple
    "education": ("#006BBE", "#DEEFFF"),  # blue
    "entertainment": ("#B24A19", "#FFE8DB"),  # burnt orange
    "interaction": ("#007776", "#CFF5F4"),  # teal
    "social_proof": ("#706A0D", "#F4EED5"),  # olive gold
    "service": ("#666B6F", "#EBEEF1"),  # grey
    "retention": ("#35762F", "#E1F3DD"),  # green
    "promo": ("#C91A54", "#FFE5E9"),  # raspberry
}
assert set(PILLAR_COLOURS) == set(PILLARS)

_FALLBACK = ("#7F8C8D", "#F4F6F6")


def pillar_colour(pillar: str) -> tuple[str, str]:
    """The (strong, light) colours of `pillar`; grey for a pillar we don't know."""
    return PILLAR_COLOURS.get(pillar, _FALLBACK)


@lru_cache(maxsize=1)
def _all_labels() -> dict[str, Any]:
    text = (resources.files("contentkit.templates") / "views" / "labels.toml").read_text("utf-8")
    return tomllib.loads(text)


def labels(lang: str) -> dict[str, Any]:
    """The page's words in `lang` ("id" or "en"; anything else falls back to "id").

    >>> labels("en")["week"]
    'Week'
    """
    from ..formatting import month_name, weekday_name

    table = _all_labels()
    lang = lang if lang in table else "id"
    # Day and month names come from the one formatter (Babel's CLDR data), not the labels file.
    return {**table[lang], "weekdays": [weekday_name(i, lang) for i in range(7)],
            "months": [month_name(m, lang) for m in range(1, 13)]}


@lru_cache(maxsize=1)
def _base_css() -> str:
    return (resources.files("contentkit.templates") / "views" / "calendar.css").read_text("utf-8")


def pillar_css() -> str:
    """One CSS class per pillar (`.p-promo`) setting the card's colours."""
    rules = [f".p-{p}{{--pc:{strong};--pb:{light}}}" for p, (strong, light) in PILLAR_COLOURS.items()]
    rules.append(f".p-other{{--pc:{_FALLBACK[0]};--pb:{_FALLBACK[1]}}}")
    return "\n".join(rules)


def page_css(brand_colour: str) -> str:
    """The whole inline stylesheet, with the brand colour as `--brand`."""
    colour = brand_colour if _is_hex(brand_colour) else "#C0392B"
    return f":root{{--brand:{colour}}}\n{_base_css()}\n{pillar_css()}\n"


def _is_hex(value: str) -> bool:
    # The colour comes from contentkit.toml and lands inside <style>: only #RGB/#RRGGBB pass.
    v = value.strip()
    return v.startswith("#") and len(v) in (4, 7) and all(c in "0123456789abcdefABCDEF" for c in v[1:])
