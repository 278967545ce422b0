"""Caption drafts from the caption templates, always inside the channel's limits.

The planner asks for one caption per post: the post's title, a body written
for the shop's sector and the post's pillar (templates/captions/SECTOR.toml),
the call to action that fits the channel and format, the opt-out line a
broadcast needs, and the pillar's hashtags. If the result would break a limit,
hashtags are dropped first, then the text is cut at a word.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from ..channels import channel as registry_channel
from ..errors import ConfigError
from ..i18n import _
from ..vocab import PILLARS, SECTORS
from .limits import limits_for, post_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "caption_templates", "caption_bodies", "event_prompts", "write_caption", "pick_hashtags", "fit_caption",
    "call_to_action",
]


@lru_cache(maxsize=None)
def caption_templates() -> dict[str, dict[str, list[str]]]:
    """{lang: {pillar: [template, ...]}} from templates/captions/captions.toml."""
    text = (resources.files("contentkit.templates") / "captions" / "captions.toml").read_text("utf-8")
    data: dict[str, dict[str, list[str]]] = tomllib.loads(text)
    return data


@lru_cache(maxsize=None)
def caption_bodies(sector: str) -> dict[str, dict[str, list[str]]]:
    """{lang: {pillar: [body, ...]}} for `sector` from templates/captions/SECTOR.toml.

    >>> len(caption_bodies("fesyen")["id"]["storytelling"]) >= 6
    True
    """
    if sector not in SECTORS:
        raise ConfigError(_("unknown sector {sector!r}: use one of {choices}").format(sector=sector, choices=", ".join(SECTORS)))
    path = resources.files("contentkit.templates") / "captions" / f"{sector}.toml"
    try:
        data: dict[str, dict[str, list[str]]] = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"templates/captions/{sector}.toml cannot be read ({exc}); reinstall contentkit") from None
    for lang in ("id", "en"):
        for pillar in PILLARS:
            if not data.get(lang, {}).get(pillar):
                raise ConfigError(f"templates/captions/{sector}.toml has no {lang}.{pillar} bodies; reinstall contentkit")
    return data


def call_to_action(strategy: Any, channel: str, fmt: str, lang: str) -> str:
    """The strategy's call to action where it fits this format, else the channel registry's.

    >>> from contentkit.calendar.strategy import load_strategy
    >>> call_to_action(load_strategy("kuliner"), "instagram", "story", "id")
    'Balas story ini kalau mau tanya atau pesan, Kak.'
    """
    own: str = strategy.call_to_action(channel, lang, fmt)
    return own or registry_channel(channel).cta(fmt, lang)


@lru_cache(maxsize=None)
def event_prompts() -> dict[str, Any]:
    """Promo, greeting and Ramadan prompts from templates/captions/events.toml."""
    text = (resources.files("contentkit.templates") / "captions" / "events.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    return data


class _Fields(dict[str, str]):
    def __missing__(self, key: str) -> str:  # an unknown {field} in a user template stays visible
        return "{" + key + "}"


def pick_hashtags(
    channel: str, pillar_tags: Sequence[str], brand_tags: Sequence[str], overrides: Mapping[str, Any] | None = None
) -> list[str]:
    """Brand hashtags first, then the pillar's, within the channel's hashtag limit.

    A channel where hashtags do nothing (WhatsApp: a chat or status) gets none.
    """
    if not registry_channel(channel).hashtags:
        return []
    tags = list(dict.fromkeys(t.lstrip("#").lower() for t in [*brand_tags, *pillar_tags] if t.strip("# ")))
    cap = limits_for(channel, overrides).max_hashtags
    return tags[:cap] if cap is not None else tags[:8]


def fit_caption(
    caption: str, hashtags: list[str], channel: str, overrides: Mapping[str, Any] | None = None, *, keep: str = ""
) -> tuple[str, list[str]]:
    """Trim hashtags, then text, until the post fits the channel's caption limit.

    `keep` is a closing line that must survive the cut (a broadcast's opt-out line):
    when `caption` ends with it, the text before it is shortened instead.
    """
    limit = limits_for(channel, overrides).caption_max
    if limit is None:
        return caption, hashtags
    tags = list(hashtags)
    while tags and len(post_text(caption, tags)) > limit:
        tags.pop()
    if len(post_text(caption, tags)) <= limit:
        return caption, tags
    tail = ""
    if keep and caption.rstrip().endswith(keep):
        tail = "\n\n" + keep
        caption = caption.rstrip()[: -len(keep)].rstrip()
    room = limit - (len(post_text("", tags)) + 2 if tags else 0) - len(tail) - 1
    cut = caption[: max(room, 0)]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…" + tail, tags


def write_caption(
    *,
    title: str,
    pillar: str,
    channel: str,
    lang: str,
    brand: str,
    cta: str,
    variant: int = 0,
    event: str = "",
    greeting: bool = False,
    body: str | None = None,
    fmt: str | None = None,
    persona: str = "",
) -> str:
    """A caption draft for one post: title, body, call to action (and a broadcast's opt-out line).

    With `body` (from `caption_bodies`) the caption is title, body and call to action;
    without it, the pillar's template from captions.toml is used (greetings).

    >>> write_caption(title="Resep rendang", pillar="storytelling", channel="instagram",
    ...               lang="id", brand="Dapur Bu Sari", cta="Pesan via WhatsApp").splitlines()[0]
    'Resep rendang'
    """
    fields = _Fields(title=title, brand=brand, cta=cta, event=event, persona=persona)
    if body is not None and not greeting:
        text = "{title}\n\n" + body + "\n\n{cta}"
    else:
        bank = caption_templates().get(lang) or caption_templates()["id"]
        options = bank.get("greeting" if greeting else pillar) or ["{title}\n\n{cta}"]
        text = options[variant % len(options)]
    text = text.format_map(fields)
    if fmt is not None:
        text += "\n\n" + registry_channel(channel).opt_out(fmt, lang)
    # An empty call to action leaves no dangling blank lines.
    return "\n\n".join(part.strip() for part in text.split("\n\n") if part.strip())
