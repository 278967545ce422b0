"""What a testimonial says besides the quote: credit, masking, badges, labels.

Marketplaces show a reviewer as "R***a"; a testimonial does the same unless the
customer agreed to show their name. Every label exists in Indonesian and English.
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import N_, _, translator
from ..channels import display_name
from ..errors import InputError

__all__ = ["LABELS", "SOURCES", "check_rating", "check_text", "mask_name", "credit", "source_badge", "label", "one_line"]

# Where a review can come from: the channels (named as the channel registry names them) and Google.
SOURCES = {**{cid: display_name(cid) for cid in ("shopee", "tokopedia", "instagram", "tiktok", "whatsapp")}, "google": "Google"}

# The fixed texts drawn on testimonials, as msgids; the Indonesian ones are in the catalog.
# No invented reply and no "online": a chat shows only what the customer and the shop said.
LABELS: dict[str, str] = {
    "customer": N_("Customer"),
    "badge": N_("{source} review"),
    "badge_plain": N_("Customer review"),
    "verified": N_("Verified buyer"),
}


def label(key: str, language: str = "id", **values: str) -> str:
    """A fixed text in the workspace language (whatever language the CLI speaks).

    >>> label("badge", "id", source="Shopee")
    'Ulasan Shopee'
    """
    return translator(language).gettext(LABELS[key]).format(**values)


def check_text(text: Any) -> str:
    """The review text, trimmed; empty text is refused."""
    value = str(text or "").strip()
    if not value:
        raise InputError(_("the review text is empty; give the customer's words with --text"))
    return value


_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029]")


def one_line(text: str) -> str:
    r"""A multi-line review on one line for a table: its lines joined by " / ", blank ones left out.

    >>> one_line("Kualitas produk: bagus\r\nWarna: sesuai\n\n \nPengiriman: cepat")
    'Kualitas produk: bagus / Warna: sesuai / Pengiriman: cepat'
    """
    return " / ".join(line.strip() for line in _BREAKS.split(text) if line.strip())


def check_rating(rating: Any) -> float:
    """A rating from 0.5 to 5 in half steps (4.3 becomes 4.5 for the stars).

    >>> check_rating("4.5")
    4.5
    """
    try:
        value = float(str(rating).replace(",", "."))
    except (TypeError, ValueError):
        raise InputError(_("rating {rating!r} is not a number; give 0.5 to 5, e.g. --rating 5").format(rating=rating)) from None
    if not 0.5 <= value <= 5:
        raise InputError(_("rating {rating!r} is outside 0.5–5; give 0.5 to 5 stars, e.g. --rating 4.5").format(rating=rating))
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
