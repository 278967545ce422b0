"""What each calendar card shows besides the post itself: its flags and its image.

Flags are the reasons a person should look at a post before it goes out: a
platform limit it breaks, or customer content (UGC) it uses without a current
grant for its channel at its time. The image is the post's first asset, else
the testimonial rendered for it, else the customer's downloaded media.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pendulum

from ..calendar.limits import check_post
from ..errors import NotFoundError
from ..records import Post, Review, UGCItem
from .card_flags import Flag, limit_flag, ugc_flag
from .page_style import labels
from .thumbnails import Thumbnail, thumbnail

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["Card", "build_cards"]


@dataclass
class Card:
    """One post as the page draws it: local time, flags (in the workspace language) and image."""

    post: Post
    local: pendulum.DateTime
    flags: list[Flag] = field(default_factory=list)
    image: Thumbnail | None = None
    missed: bool = False  # its time has passed and it is still a draft or ready, not published

    def mark_missed(self, now: pendulum.DateTime) -> None:
        """Note whether the post's time is before `now` while it was never published nor skipped."""
        self.missed = self.post.status in ("draft", "ready") and self.local < now


def build_cards(ws: Workspace, posts: list[Post], *, thumbnails: bool = True) -> list[Card]:
    """A Card per post, in the order given, with flags and (if `thumbnails`) images."""
    tz = ws.tz
    cards = [Card(p, pendulum.instance(p.at).in_timezone(tz)) for p in posts]
    overrides = ws.config.limits
    lang = ws.language
    words = labels(lang)
    for card in cards:
        if card.post.status == "skipped":
            continue
        for v in check_post(card.post, overrides):
            card.flags.append(limit_flag(card.post, v, words, lang, overrides))
    _flag_consent(ws, [c for c in cards if (c.post.ugc_id or c.post.review_id) and c.post.status != "skipped"], words)
    if thumbnails:
        _attach_images(ws, cards)
    return cards


def _flag_consent(ws: Workspace, cards: list[Card], words: dict[str, Any]) -> None:
    """Flag posts that use customer content the consent gate does not allow on their channel at their time."""
    if not cards:
        return
    snap = ws.store.read()
    owners = {r["id"]: str(r.get("owner") or "") for r in snap.rows(UGCItem)}
    gate = ws.consent.gate(snap)
    for card in cards:
        source = gate.source_of(card.post)
        if source is None:
            continue
        try:
            allowed = bool(gate.post(card.post))
        except NotFoundError:
            allowed = False
        if not allowed:
            card.flags.append(ugc_flag(card.post, owners.get(source), words))


def _attach_images(ws: Workspace, cards: list[Card]) -> None:
    wanted = [c for c in cards if c.post.assets or c.post.review_id or c.post.ugc_id]
    if not wanted:
        return
    snap = ws.store.read()
    reviews: dict[str, dict[str, Any]] = {}
    items: dict[str, dict[str, Any]] = {}
    if any(c.post.review_id for c in wanted):
        reviews = {r["id"]: r for r in snap.rows(Review)}
    if any(c.post.ugc_id for c in wanted):
        items = {r["id"]: r for r in snap.rows(UGCItem)}
    for card in wanted:
        ref = _image_ref(card.post, reviews, items)
        if ref:
            card.image = thumbnail(ws.root, ref, media_dir=ws.media_dir)


def _image_ref(post: Post, reviews: dict[str, dict[str, Any]], items: dict[str, dict[str, Any]]) -> str | None:
    for asset in post.assets:
        if asset.strip():
            return asset
    review = reviews.get(post.review_id or "")
    if review and review.get("rendered"):
        return str(review["rendered"][0])
    item = items.get(post.ugc_id or "")
    if item and item.get("media_files"):
        return str(item["media_files"][0])
    return None
