"""The words sent to creators and printed under reposts, from templates/consent (id and en).

`request_message` writes the consent request; `credit_caption` and
`repost_title` write what a repost says. The wording lives in
`templates/consent/messages.toml` so a shop can read and change it.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..i18n import _
from ..channels import display_name
from ..config import LANGUAGES
from ..errors import ConfigError
from ..records import UGCItem
from ..vocab import check_choice

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from ..config import Config

__all__ = ["VIAS", "request_message", "credit_caption", "repost_title", "channel_names", "brand_handle", "templates"]

VIAS = ("dm", "comment", "whatsapp", "email")
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.I)
_TAG = re.compile(r"(?<![\w&])#\w+")


@lru_cache(maxsize=1)
def templates() -> dict[str, dict[str, Any]]:
    """The parsed messages.toml, per language."""
    from importlib.resources import files

    path = files("contentkit.templates").joinpath("consent/messages.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(_("templates/consent/messages.toml cannot be read ({exc}); reinstall contentkit").format(exc=exc)) from None
    for lang in LANGUAGES:
        if lang not in data:
            raise ConfigError(_("templates/consent/messages.toml has no [{lang}] section; reinstall contentkit").format(lang=lang))
    return data


def brand_handle(config: Config) -> str:
    """The shop's Instagram handle without @, from [handles] instagram (a name or a link)."""
    raw = config.handles.instagram.strip()
    if "/" in raw:
        raw = [part for part in raw.split("/") if part][-1]
    return raw.lstrip("@").lower()


def channel_names(channels: list[str] | tuple[str, ...], lang: str) -> str:
    """`Instagram dan TikTok`, `Instagram, TikTok and Facebook`."""
    names = [display_name(c, lang) for c in channels]
    word = templates()[lang]["and"]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


def _fill(text: str, values: dict[str, str]) -> str:
    out = text.format_map(_Default(values))
    return "\n".join(line.rstrip() for line in out.splitlines()).replace("\n\n\n", "\n\n").strip()


class _Default(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _what(item: UGCItem, lang: str) -> str:
    table = templates()[lang]["what"]
    return str(table.get(item.media_type, table["other"]))


def request_message(item: UGCItem, config: Config, *, via: str, lang: str, channels: list[str]) -> str:
    """The ready-to-send consent request for `item`.

    It says who asks, which post, where it will be reposted, how the creator
    will be credited, the terms link, and the reply that counts as a yes.
    """
    via = check_choice("via", via, VIAS)
    lang = check_choice("language", lang, LANGUAGES)
    t = templates()[lang]
    handle = brand_handle(config)
    values = {
        "owner": item.owner,
        "brand": config.brand,
        "handle": f"@{handle}" if handle else config.brand,
        "what": _what(item, lang),
        "post_url": item.url,
        "channels": channel_names(channels, lang),
        "yes": config.approval_hashtag,
        "terms": t["terms"].format(url=config.terms_url) if config.terms_url else "",
    }
    return _fill(t[f"request_{via}"], values)


def _owner_ref(item: UGCItem, channel: str, lang: str) -> str:
    handle = f"@{item.owner}"
    if item.platform != channel:
        return str(templates()[lang]["on_platform"].format(handle=handle, platform=display_name(item.platform, lang)))
    return handle


def _quote(caption: str, limit: int = 140) -> str:
    # Their hashtags and links belong to their post; the quote keeps only their words.
    text = _TAG.sub("", _LINK.sub("", caption))
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


def credit_caption(item: UGCItem, config: Config, *, channel: str, lang: str, variant: int = 0) -> str:
    """The caption of a repost: a short quote of the creator's words, then the credit line.

    >>> credit_caption(item, ws.config, channel="instagram", lang="id")   # doctest: +SKIP
    '“Rendang enak banget!”\\n\\n📸 @rina.makan — terima kasih sudah berbagi!'
    """
    t = templates()[lang]
    # The shop's own content gets no thank-you to itself.
    credits = t["credit_own"] if item.is_own else t["credit"]
    values = {"owner_ref": _owner_ref(item, channel, lang), "brand": config.brand, "owner": item.owner}
    credit = credits[variant % len(credits)].format_map(_Default(values))
    quote = _quote(item.caption)
    return f"{t['quote'].format(quote=quote)}\n\n{credit}" if quote else credit


def repost_title(item: UGCItem, lang: str) -> str:
    return str(templates()[lang]["title"].format(owner=item.owner, what=_what(item, lang)))
