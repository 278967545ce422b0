"""What a testimonial says besides the quote: credit, masking, badges, labels.

Marketplaces show a reviewer as "R***a"; a testimonial does the same unless the
customer agreed to show their name. Every label exists in Indonesian and English.
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError

__all__ = ["LABELS", "SOURCES", "check_rating", "check_text", "mask_name", "credit", "source_badge", "label"]

SOURCES = {
    "shopee": "Shopee",
    "tokopedia": "Tokopedia",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "whatsapp": "WhatsApp",
    "google": "Google",
}

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "customer": "Pelanggan",
        "badge": "Ulasan {source}",
        "badge_plain": "Ulasan Pelanggan",
        "verified": "Pembeli terverifikasi",
    },
    "en": {
        "customer": "Customer",
        "badge": "{source} review",
        "badge_plain": "Customer review",
        "verified": "Verified buyer",
    },
}


def label(key: str, language: str = "id", **values: str) -> str:
    """A fixed text in the workspace language (Indonesian when unknown)."""
    return LABELS.get(language, LABELS["id"])[key].format(**values)


def check_text(text: Any) -> str:
    """The review text, trimmed; empty text is refused."""
    value = str(text or "").strip()
    if not value:
        raise InputError("the review text is empty; give the customer's words with --text")
    return value


def check_rating(rating: Any) -> float:
    """A rating from 0.5 to 5 in half steps (4.3 becomes 4.5 for the stars).

    >>> check_rating("4.5")
    4.5
    """
    try:
        value = float(str(rating).replace(",", "."))
    except (TypeError, ValueError):
        raise InputError(f"rating {rating!r} is not a number; give 0.5 to 5, e.g. --rating 5") from None
    if not 0.5 <= value <= 5:
        raise InputError(f"rating {rating!r} is outside 0.5–5; give 0.5 to 5 stars, e.g. --rating 4.5")
    return value


def mask_name(name: str) -> str:
    """Mask a name as marketplaces do: first and last letter kept.

    >>> mask_name("Rina")
    'R***a'
    >>> mask_name("Budi Santoso")
    'B***o'
    >>> mask_name("Al")
    'A***'
    """
    letters = "".join(name.split())
    if not letters:
        return ""
    if len(letters) <= 2:
        return letters[0].upper() + "***"
    return letters[0].upper() + "***" + letters[-1]


def credit(review: Any, language: str = "id") -> str:
    """The name shown on the image: @handle for customer posts, the name if allowed, else masked."""
    handle = (getattr(review, "handle", None) or "").strip()
    if handle:
        return "@" + handle.lstrip("@")
    name = " ".join(str(getattr(review, "name", "") or "").split())
    if not name:
        return label("customer", language)
    return name if getattr(review, "show_name", False) else mask_name(name)


def source_badge(review: Any, language: str = "id") -> str:
    """ "Ulasan Shopee" / "Shopee review", or a plain customer-review badge."""
    source = (getattr(review, "source", None) or "").strip().lower()
    if source in SOURCES:
        return label("badge", language, source=SOURCES[source])
    return label("badge_plain", language)
