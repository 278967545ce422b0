"""Platform limits, as data, and the check that finds posts breaking them.

One table says what each channel allows; `check_post` reports every rule a
post breaks, and the planner's caption writer stays inside the same numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..i18n import N_, _

_CAPTION_NAMES = (N_("caption"), N_("description"))  # `caption_name` values, for extraction
from ..records import Post
from ..vocab import CHANNEL_FORMATS

__all__ = ["ChannelLimits", "LIMITS", "Violation", "limits_for", "post_text", "count_hashtags", "check_post", "check_posts"]


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


LIMITS: dict[str, ChannelLimits] = {
    # Instagram: 2,200 characters; at most 5 hashtags since late 2025 (configurable:
    # [limits] instagram_max_hashtags in contentkit.toml). Reels 3 s to 10 min.
    "instagram": ChannelLimits(
        caption_max=2200,
        max_hashtags=5,
        video_s={"reel": (3, 600), "short_video": (3, 600), "story": (1, 60)},
    ),
    "tiktok": ChannelLimits(caption_max=2200, video_s={"reel": (3, 600), "short_video": (3, 600)}),
    # WhatsApp status: video up to 60 s; text status up to 700 characters.
    "whatsapp": ChannelLimits(caption_max=700, video_s={"status": (1, 60), "short_video": (1, 60), "reel": (1, 60)}),
    # Shopee product/feed descriptions: 3,000 characters, no links leading off Shopee.
    "shopee": ChannelLimits(
        caption_max=3000, no_outside_links=True, allowed_link_hosts=("shopee.co.id", "shp.ee"), caption_name="description"
    ),
    "tokopedia": ChannelLimits(),
    "facebook": ChannelLimits(caption_max=63206),
}

_HASHTAG = re.compile(r"(?<![\w&])#(\w+)", re.UNICODE)
_LINK = re.compile(r"(?:https?://|www\.)([^\s/]+)|\b([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|id|co|net|org|me|ly|link|shop|store))\b", re.I)


@dataclass(frozen=True)
class Violation:
    """One broken rule: which post, which rule, and a sentence saying how to fix it."""

    post_id: str
    channel: str
    rule: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.post_id, "channel": self.channel, "rule": self.rule, "message": self.message}


def limits_for(channel: str, overrides: Mapping[str, Any] | None = None) -> ChannelLimits:
    """The limits of `channel`, with the workspace's `[limits]` overrides applied."""
    base = LIMITS.get(channel, ChannelLimits())
    if overrides and channel == "instagram" and "instagram_max_hashtags" in overrides:
        from dataclasses import replace

        return replace(base, max_hashtags=int(overrides["instagram_max_hashtags"]))
    return base


def post_text(caption: str, hashtags: Iterable[str]) -> str:
    """The text as it is posted: the caption, then the hashtags on their own line."""
    tags = " ".join("#" + t.lstrip("#") for t in hashtags if t.strip("# "))
    caption = caption.rstrip()
    if not tags:
        return caption
    return f"{caption}\n\n{tags}" if caption else tags


def count_hashtags(caption: str, hashtags: Iterable[str]) -> int:
    found = {m.lower() for m in _HASHTAG.findall(caption)}
    found.update(t.lstrip("#").lower() for t in hashtags if t.strip("# "))
    return len(found)


def _outside_links(text: str, allowed: tuple[str, ...]) -> list[str]:
    out = []
    for m in _LINK.finditer(text):
        host = (m.group(1) or m.group(2) or "").lower()
        if not any(host == a or host.endswith("." + a) for a in allowed):
            out.append(m.group(0))
    return out


def check_post(post: Post, overrides: Mapping[str, Any] | None = None) -> list[Violation]:
    """Every platform rule `post` breaks (empty when it is fine).

    >>> from datetime import datetime, timezone
    >>> p = Post(datetime(2026, 12, 9, tzinfo=timezone.utc), "instagram", "reel", "promo", "x",
    ...          hashtags=["a", "b", "c", "d", "e", "f"])
    >>> [v.rule for v in check_post(p)]
    ['max_hashtags']
    """
    lim = limits_for(post.channel, overrides)
    found: list[Violation] = []
    allowed = CHANNEL_FORMATS.get(post.channel)
    if allowed is not None and post.format not in allowed:
        found.append(
            Violation(post.id, post.channel, "format", _("{channel} has no {format} posts: use one of {formats}").format(
                channel=post.channel, format=post.format, formats=", ".join(allowed)))
        )
    text = post_text(post.caption, post.hashtags)
    if lim.caption_max is not None and len(text) > lim.caption_max:
        found.append(
            Violation(
                post.id, post.channel, "caption_max",
                _("{channel} {caption} is {n} characters, over the {limit} limit; shorten it").format(
                    channel=post.channel, caption=_(lim.caption_name), n=len(text), limit=lim.caption_max),
            )
        )
    if lim.max_hashtags is not None:
        n = count_hashtags(post.caption, post.hashtags)
        if n > lim.max_hashtags:
            found.append(
                Violation(
                    post.id, post.channel, "max_hashtags",
                    _("{n} hashtags, {channel} allows at most {limit}; remove {extra}").format(
                        n=n, channel=post.channel, limit=lim.max_hashtags, extra=n - lim.max_hashtags),
                )
            )
    if lim.no_outside_links:
        links = _outside_links(text, lim.allowed_link_hosts)
        if links:
            found.append(
                Violation(
                    post.id, post.channel, "outside_links",
                    _("{channel} does not allow links leading elsewhere ({links}); remove them").format(
                        channel=post.channel, links=", ".join(links[:3])),
                )
            )
    if lim.video_s and post.duration_s is not None and post.format in lim.video_s:
        lo, hi = lim.video_s[post.format]
        if not lo <= post.duration_s <= hi:
            found.append(
                Violation(
                    post.id, post.channel, "video_length",
                    _("{channel} {format} video is {seconds} s; it must be {lo} s to {hi} s").format(
                        channel=post.channel, format=post.format, seconds=f"{post.duration_s:g}", lo=f"{lo:g}", hi=f"{hi:g}"),
                )
            )
    return found


def check_posts(posts: Iterable[Post], overrides: Mapping[str, Any] | None = None) -> list[Violation]:
    return [v for p in posts for v in check_post(p, overrides)]
