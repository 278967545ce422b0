"""The one checker of a post against its channel's rules.

The channel registry (contentkit/channels.py) says what each channel allows;
`check_post` reports every rule a post breaks: limits (caption length,
hashtags, video length, format) and the words of the caption (`text_problems`:
no other platform named and no outside links on a marketplace, no "komentar"
where people can only reply, the opt-out line on a broadcast). The planner
uses `text_problems` to choose copy that fits, and `contentkit check` uses
`check_post`, so both apply the same rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..i18n import N_, _

_CAPTION_NAMES = (N_("caption"), N_("description"))  # `caption_name` values, for extraction
from ..channels import RULES, OTHER_MARKETPLACES, ChannelLimits, ChannelRules
from ..errors import InputError
from ..records import Post

__all__ = [
    "ChannelLimits", "LIMITS", "Violation", "limits_for", "post_text", "count_hashtags", "check_post", "check_posts",
    "text_problems", "fits_channel",
]


# Kept for scripts that read the table; every entry comes from the channel registry.
LIMITS: Mapping[str, ChannelLimits] = {cid: rules.limits for cid, rules in RULES.items()}

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
    """The limits of `channel`, with the workspace's `[limits]` overrides applied.

    `[limits]` in contentkit.toml may set `<channel>_max_hashtags` and `<channel>_caption_max`
    (`instagram_max_hashtags = 5`) for any channel.
    """
    base = _rules(channel).limits
    if not overrides:
        return base
    from dataclasses import replace

    tags = overrides.get(f"{channel}_max_hashtags")
    if tags is not None:
        base = replace(base, max_hashtags=int(tags))
    length = overrides.get(f"{channel}_caption_max")
    if length is not None:
        base = replace(base, caption_max=int(length))
    return base


def _rules(cid: str) -> ChannelRules:
    try:
        return RULES[cid]
    except KeyError:
        raise InputError(_("unknown channel {channel!r}: use one of {choices}").format(channel=cid, choices=", ".join(RULES))) from None


_COMMENT = re.compile(r"\b(?:komen\w*|comments?|commenting)\b", re.I)
_IN_BIO = re.compile(r"\blinks? (?:di|in) (?:the )?bio\b", re.I)


def _words(names: Iterable[str]) -> re.Pattern[str]:
    alts = sorted({n for n in names}, key=len, reverse=True)
    return re.compile(r"(?<![\w@])(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s*") for a in alts) + r")(?!\w)", re.I)


# channel -> every other channel's names (and other marketplaces'), as whole words
_OTHER_NAMES = {
    cid: _words([*OTHER_MARKETPLACES, *(a for other, r in RULES.items() if other != cid for a in r.aliases)])
    for cid in RULES
}


def text_problems(cid: str, fmt: str, text: str, *, whole: bool = True) -> list[tuple[str, str]]:
    """(rule, message) for every channel rule the words of `text` break on `cid`/`fmt`.

    `whole=False` checks a piece of a caption (a title, a body) and skips the rules
    about what the finished caption must contain (the broadcast's opt-out line).

    >>> [rule for rule, _ in text_problems("shopee", "feed", "Voucher toko di Tokopedia, cek link di bio")]
    ['other_platform', 'outside_links']
    >>> [rule for rule, _ in text_problems("instagram", "story", "Jawab di komentar ya")]
    ['no_comments']
    """
    rules = _rules(cid)
    found: list[tuple[str, str]] = []
    if rules.marketplace:
        named = list(dict.fromkeys(m.group(0) for m in _OTHER_NAMES[cid].finditer(text)))
        if named:
            found.append(("other_platform", _("{channel} posts must not name another platform ({names}); remove it").format(
                channel=cid, names=", ".join(named[:3]))))
    if rules.limits.no_outside_links:
        links = _outside_links(text, rules.limits.allowed_link_hosts) + [m.group(0) for m in _IN_BIO.finditer(text)]
        if links:
            found.append(("outside_links", _("{channel} does not allow links leading elsewhere ({links}); remove them").format(
                channel=cid, links=", ".join(links[:3]))))
    if fmt in rules.reply_formats:
        said = _COMMENT.search(text)
        if said:
            found.append(("no_comments", _("a {channel} {format} has no comments (it says {word!r}); ask people to reply instead").format(
                channel=cid, format=fmt, word=said.group(0))))
    # An empty caption is still to be written; the opt-out line is asked of a written one.
    if whole and text.strip() and fmt in rules.opt_out_formats and "STOP" not in text:
        found.append(("opt_out", _("a {channel} {format} must end with the opt-out line (reply STOP); add it").format(channel=cid, format=fmt)))
    return found


@lru_cache(maxsize=16384)  # the planner asks about the same prompts and bodies slot after slot
def fits_channel(cid: str, fmt: str, text: str) -> bool:
    """True when a piece of copy (a title, a caption body) may go on `cid`/`fmt`."""
    return not text_problems(cid, fmt, text, whole=False)


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
    if post.channel not in RULES:
        return [Violation(post.id, post.channel, "channel",
                          _("{channel!r} is not a channel: use one of {choices}").format(channel=post.channel, choices=", ".join(RULES)))]
    lim = limits_for(post.channel, overrides)
    found: list[Violation] = []
    allowed = RULES[post.channel].formats
    if post.format not in allowed:
        found.append(
            Violation(post.id, post.channel, "format", _("{channel} has no {format} posts: use one of {formats}").format(
                channel=post.channel, format=post.format, formats=", ".join(allowed)))
        )
    text = post_text(post.caption, post.hashtags)
    found.extend(Violation(post.id, post.channel, rule, message)
                 for rule, message in text_problems(post.channel, post.format, text))
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
