"""The words of a card's flags, in the page's language, with the numbers that matter.

`contentkit.calendar.limits` explains a broken rule in an English sentence for
the terminal; a card has room for a few words and must speak the workspace
language, so each rule code (`caption_max`, `max_hashtags`, `outside_links`,
`video_length`) is worded here from the post and the channel's limits:
"Caption 2.431/2.200 karakter", "7 tagar, maks. 5".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..calendar.limits import Violation, count_hashtags, limits_for, post_text
from ..records import Post

__all__ = ["Flag", "limit_flag", "ugc_flag", "number", "duration"]


@dataclass(frozen=True)
class Flag:
    """One reason to look at a post: its kind (the label key naming the category: "limit_flag",
    "ugc_flag" or "ugc_unchecked"), the rule code, and the words shown on the card."""

    kind: str
    rule: str
    text: str


def number(n: float, lang: str) -> str:
    """`n` grouped by thousands the way `lang` writes it.

    >>> number(2431, "id"), number(2431, "en"), number(1.5, "id")
    ('2.431', '2,431', '1,5')
    """
    from ..formatting import format_number

    return format_number(n, lang, decimals=1)


def duration(seconds: float, words: Mapping[str, Any], lang: str) -> str:
    """A video length as a person says it: seconds under a minute, minutes from there.

    >>> from contentkit.views.page_style import labels
    >>> duration(45, labels("id")["flag"], "id"), duration(720, labels("en")["flag"], "en")
    ('45 dtk', '12 min')
    """
    if seconds < 60:
        return str(words["seconds"]).format(n=number(round(seconds, 1), lang))
    return str(words["minutes"]).format(n=number(round(seconds / 60, 1), lang))


def limit_flag(post: Post, violation: Violation, words: Mapping[str, Any], lang: str,
               overrides: Mapping[str, Any] | None = None) -> Flag:
    """The card's words for one broken platform limit (the category name for a rule it doesn't know)."""
    w = words["flag"]
    lim = limits_for(post.channel, overrides)
    rule = violation.rule
    text: str | None = None
    if rule == "caption_max" and lim.caption_max is not None:
        name = w["description"] if lim.caption_name == "description" else w["caption"]
        n = len(post_text(post.caption, post.hashtags))
        text = str(w["caption_max"]).format(name=name, n=number(n, lang), max=number(lim.caption_max, lang))
    elif rule == "max_hashtags" and lim.max_hashtags is not None:
        n = count_hashtags(post.caption, post.hashtags)
        text = str(w["max_hashtags"]).format(n=number(n, lang), max=number(lim.max_hashtags, lang))
    elif rule == "outside_links":
        text = str(w["outside_links"]).format(channel=post.channel)
    elif rule == "format":
        text = str(w["format"]).format(channel=post.channel, format=post.format)
    elif rule in ("other_platform", "no_comments", "opt_out"):
        text = str(w[rule]).format(channel=post.channel, format=post.format)
    elif rule == "video_length" and lim.video_s and post.format in lim.video_s and post.duration_s is not None:
        lo, hi = lim.video_s[post.format]
        text = str(w["video_length"]).format(
            length=duration(post.duration_s, w, lang), lo=duration(lo, w, lang), hi=duration(hi, w, lang))
    return Flag("limit_flag", rule, text or str(words["limit_flag"]))


def ugc_flag(post: Post, owner: str | None, words: Mapping[str, Any], *, checked: bool = True) -> Flag:
    """The card's words for customer content used without a grant covering the post's channel.

    `owner` is the creator's username; the item id stands in when the item is gone.
    """
    who = f"@{owner.lstrip('@')}" if owner else (post.ugc_id or "?")
    key = "ugc" if checked else "ugc_unchecked"
    text = str(words["flag"][key]).format(owner=who, channel=post.channel)
    return Flag("ugc_flag" if checked else "ugc_unchecked", key, text)
