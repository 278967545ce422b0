"""The channel registry: everything contentkit knows about each place a shop posts.

One entry per channel: the formats it carries, its limits, the hosts its links
live on, the names people write it by, whether it is a marketplace (no other
platform named, no links leading elsewhere), which formats get replies rather
than comments, which must carry an opt-out line, the format a repost takes and
the testimonial canvas. The rules live here in code; the words (display names,
calls to action, the opt-out line) live in templates/channels.toml in
Indonesian and English. A channel missing from either raises, never falls back.

>>> channel("shopee").marketplace
True
>>> channel("whatsapp").cta("broadcast", "id")
'Balas pesan ini untuk order, kami bantu sampai beres.'
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import ConfigError, InputError
from .i18n import _

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "Channel", "ChannelLimits", "ChannelRules", "RULES", "CHANNEL_IDS", "FORMATS_BY_CHANNEL", "REGISTRY", "LANGUAGES", "OTHER_MARKETPLACES",
    "channel", "channel_named", "channels", "display_name", "channel_words",
]

LANGUAGES = ("id", "en")

# Marketplaces that are not channels of ours but must not be named on a marketplace post either.
OTHER_MARKETPLACES = ("lazada", "bukalapak", "blibli", "tiktok shop")


@dataclass(frozen=True)
class ChannelLimits:
    """What one channel accepts. None means no limit we know of."""

    caption_max: int | None = None
    max_hashtags: int | None = None
    # format -> (min seconds, max seconds) for video formats
    video_s: Mapping[str, tuple[float, float]] | None = None
    no_outside_links: bool = False
    allowed_link_hosts: tuple[str, ...] = ()
    caption_name: str = "caption"


@dataclass(frozen=True)
class ChannelRules:
    """The code half of a channel entry (the words come from templates/channels.toml)."""

    formats: tuple[str, ...]
    limits: ChannelLimits
    hosts: tuple[str, ...]
    aliases: tuple[str, ...]  # how a caption names this channel (whole words, any case)
    marketplace: bool = False
    hashtags: bool = True  # False where hashtags do nothing (a chat, a status)
    reply_formats: tuple[str, ...] = ()  # no comments here: people reply in private
    opt_out_formats: tuple[str, ...] = ()  # must end with the "reply STOP" line
    repost: Mapping[str, str] = field(default_factory=dict)  # media type -> format; "*" the rest
    testimonial_size: str = "square"


RULES: dict[str, ChannelRules] = {
    # Instagram: 2,200 characters; at most 5 hashtags since late 2025 (configurable:
    # [limits] instagram_max_hashtags in contentkit.toml). Reels 3 s to 10 min.
    "instagram": ChannelRules(
        formats=("reel", "carousel", "image", "story", "live", "feed"),
        limits=ChannelLimits(caption_max=2200, max_hashtags=5,
                             video_s={"reel": (3, 600), "short_video": (3, 600), "story": (1, 60)}),
        hosts=("instagram.com", "instagr.am"),
        aliases=("instagram", "ig", "insta", "instastory"),
        reply_formats=("story",),
        repost={"story_image": "story", "story_video": "story", "video": "reel", "sidecar": "carousel", "*": "image"},
        testimonial_size="portrait",
    ),
    "tiktok": ChannelRules(
        formats=("short_video", "reel", "carousel", "image", "story", "live"),
        limits=ChannelLimits(caption_max=2200, video_s={"reel": (3, 600), "short_video": (3, 600)}),
        hosts=("tiktok.com", "vt.tiktok.com"),
        aliases=("tiktok", "tik tok", "keranjang kuning"),
        reply_formats=("story",),
        repost={"video": "short_video", "story_video": "short_video", "sidecar": "carousel", "*": "image"},  # photo mode
        testimonial_size="story",
    ),
    # WhatsApp status: video up to 60 s; text status up to 700 characters. A broadcast
    # reaches people who saved the number, so it carries the opt-out line.
    "whatsapp": ChannelRules(
        formats=("status", "broadcast"),
        limits=ChannelLimits(caption_max=700, video_s={"status": (1, 60), "short_video": (1, 60), "reel": (1, 60)}),
        hosts=("wa.me", "whatsapp.com", "chat.whatsapp.com", "api.whatsapp.com"),
        aliases=("whatsapp", "whats app", "wa", "wasap"),
        hashtags=False,
        reply_formats=("status", "broadcast"),
        opt_out_formats=("broadcast",),
        repost={"*": "status"},
        testimonial_size="story",
    ),
    # Shopee product/feed descriptions: 3,000 characters, no links leading off Shopee.
    "shopee": ChannelRules(
        formats=("feed", "live", "short_video", "image"),
        limits=ChannelLimits(caption_max=3000, no_outside_links=True,
                             allowed_link_hosts=("shopee.co.id", "shp.ee"), caption_name="description"),
        hosts=("shopee.co.id", "shp.ee"),
        aliases=("shopee",),
        marketplace=True,
        repost={"*": "feed"},
        testimonial_size="marketplace",
    ),
    "tokopedia": ChannelRules(
        formats=("feed", "live", "short_video", "image"),
        limits=ChannelLimits(no_outside_links=True, allowed_link_hosts=("tokopedia.com", "tokopedia.link"),
                             caption_name="description"),
        hosts=("tokopedia.com", "tokopedia.link"),
        aliases=("tokopedia", "tokped"),
        marketplace=True,
        repost={"*": "feed"},
        testimonial_size="marketplace",
    ),
    "facebook": ChannelRules(
        formats=("reel", "short_video", "carousel", "image", "story", "live", "feed"),
        limits=ChannelLimits(caption_max=63206),
        hosts=("facebook.com", "fb.com", "fb.watch", "m.me"),
        aliases=("facebook", "fb", "messenger"),
        reply_formats=("story",),
        repost={"video": "reel", "story_video": "reel", "*": "feed"},
        testimonial_size="square",
    ),
}

CHANNEL_IDS: tuple[str, ...] = tuple(RULES)
# Read without the words file, so `vocab` can re-export it at import time.
FORMATS_BY_CHANNEL: dict[str, tuple[str, ...]] = {cid: r.formats for cid, r in RULES.items()}


@dataclass(frozen=True)
class Channel:
    """One channel: its rules (code) and its words (templates/channels.toml)."""

    id: str
    formats: tuple[str, ...]
    limits: ChannelLimits
    hosts: tuple[str, ...]
    aliases: tuple[str, ...]
    marketplace: bool
    hashtags: bool
    reply_formats: tuple[str, ...]
    opt_out_formats: tuple[str, ...]
    repost: Mapping[str, str]
    testimonial_size: str
    names: Mapping[str, str]
    ctas: Mapping[str, Mapping[str, str]]  # format -> lang -> text
    opt_out_line: Mapping[str, str]  # lang -> text ("" where no format needs it)

    def name(self, lang: str = "id") -> str:
        """The name people know it by: "WhatsApp", "TikTok"."""
        return self.names[lang if lang in self.names else "id"]

    def cta(self, fmt: str, lang: str) -> str:
        """The call to action that fits `fmt` here: a story is replied to, a broadcast answered."""
        return self.ctas[fmt][lang if lang in LANGUAGES else "id"]

    def opt_out(self, fmt: str, lang: str) -> str:
        """The opt-out line `fmt` must carry, or ""."""
        return self.opt_out_line[lang if lang in LANGUAGES else "id"] if fmt in self.opt_out_formats else ""

    def has_comments(self, fmt: str) -> bool:
        return fmt not in self.reply_formats

    def open_cta(self, fmt: str) -> bool:
        """True where a strategy's channel-wide call to action fits (not a reply format, not live)."""
        return fmt not in self.reply_formats and fmt != "live"

    def repost_format(self, media_type: str) -> str:
        """The format a customer's `media_type` post takes when reposted here."""
        return self.repost.get(media_type, self.repost["*"])


@lru_cache(maxsize=1)
def channel_words() -> dict[str, Any]:
    """The parsed templates/channels.toml (display names, calls to action, opt-out lines)."""
    path = resources.files("contentkit.templates") / "channels.toml"
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"templates/channels.toml cannot be read ({exc}); reinstall contentkit") from None
    return data


def _bilingual(node: Any, where: str) -> dict[str, str]:
    if not isinstance(node, dict) or not all(isinstance(node.get(lang), str) and node[lang].strip() for lang in LANGUAGES):
        raise ConfigError(f"templates/channels.toml: {where} needs id and en text; reinstall contentkit")
    return {lang: node[lang] for lang in LANGUAGES}


def _build(cid: str, rules: ChannelRules, words: dict[str, Any]) -> Channel:
    entry = words.get(cid)
    if not isinstance(entry, dict):
        raise ConfigError(f"templates/channels.toml has no [{cid}] entry; reinstall contentkit")
    ctas = {fmt: _bilingual((entry.get("cta") or {}).get(fmt), f"{cid}.cta.{fmt}") for fmt in rules.formats}
    opt_out = _bilingual(entry.get("opt_out"), f"{cid}.opt_out") if rules.opt_out_formats else {"id": "", "en": ""}
    if "*" not in rules.repost or any(f not in rules.formats for f in rules.repost.values()):
        raise ConfigError(f"channel {cid}: its repost formats must be formats it carries, with a '*' entry")
    return Channel(
        id=cid, formats=rules.formats, limits=rules.limits, hosts=rules.hosts, aliases=rules.aliases,
        marketplace=rules.marketplace, hashtags=rules.hashtags, reply_formats=rules.reply_formats,
        opt_out_formats=rules.opt_out_formats, repost=rules.repost, testimonial_size=rules.testimonial_size,
        names=_bilingual(entry.get("name"), f"{cid}.name"), ctas=ctas, opt_out_line=opt_out,
    )


@lru_cache(maxsize=1)
def _registry() -> dict[str, Channel]:
    words = channel_words()
    return {cid: _build(cid, rules, words) for cid, rules in RULES.items()}


class _Registry(Mapping[str, Channel]):
    """`REGISTRY["shopee"]`: read-only, built on first use (the words are read from a file)."""

    def __getitem__(self, key: str) -> Channel:
        return _registry()[key]

    def __iter__(self) -> Any:
        return iter(CHANNEL_IDS)

    def __len__(self) -> int:
        return len(CHANNEL_IDS)


REGISTRY: Mapping[str, Channel] = _Registry()


def channel(cid: str) -> Channel:
    """The registry entry of `cid`; an unknown channel raises InputError (no fallback)."""
    try:
        return _registry()[cid]
    except KeyError:
        raise InputError(_("unknown channel {channel!r}: use one of {choices}").format(channel=cid, choices=", ".join(CHANNEL_IDS))) from None


def channel_named(text: str) -> str | None:
    """The channel a short name people type stands for ("IG", "tokped", "WA"), else None.

    >>> channel_named("Tokped"), channel_named("wa"), channel_named("koran")
    ('tokopedia', 'whatsapp', None)
    """
    typed = " ".join(text.lower().replace("-", " ").replace("_", " ").split())
    return next((cid for cid, rules in RULES.items() if typed in rules.aliases), None)


def channels() -> list[Channel]:
    """Every channel, in the product's order."""
    return [channel(c) for c in CHANNEL_IDS]


def display_name(cid: str, lang: str = "id") -> str:
    """ "tiktok" → "TikTok"; a name that is not a channel (a review's "google" source) comes back capitalised."""
    if cid in RULES:
        return channel(cid).name(lang)
    return cid.capitalize()
