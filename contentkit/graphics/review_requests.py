"""Asking happy customers for a review: the after-sales message, its WhatsApp link, and closing the loop.

`ws.review_requests.ask(...)` writes the message (templates/reviews/requests.toml, Indonesian
and English; a workspace overrides a key in its own templates/reviews/requests.toml), records
a `ReviewRequest` and returns a `https://wa.me/<phone>?text=...` link that opens WhatsApp with
the message filled in. A review added or imported later for the same order (or, without one,
the same customer name, masked as marketplaces show it or not) closes the request.
"""

from __future__ import annotations

import re
import sys
import urllib.parse
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum

from ..errors import ConfigError, InputError
from ..i18n import _
from ..records import Review, ReviewRequest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from ..store import Transaction
    from ..workspace import Workspace

__all__ = ["ReviewRequests", "normalise_phone", "request_message", "close_answered", "ASK_CHANNELS"]

ASK_CHANNELS = ("whatsapp", "shopee", "tokopedia")


def normalise_phone(phone: str) -> str:
    """An Indonesian WhatsApp number as wa.me wants it: digits with the country code.

    >>> normalise_phone("0812-3456-7890"), normalise_phone("+62 812 3456 7890")
    ('6281234567890', '6281234567890')
    """
    raw = str(phone or "").strip()
    digits = re.sub(r"[\s\-().]", "", raw)
    foreign = digits.startswith("+") and not digits.startswith("+62")
    digits = digits.lstrip("+")
    if digits.startswith("00"):
        digits, foreign = digits[2:], not digits[2:].startswith("62")
    if not digits.isdigit():
        raise InputError(_("phone {raw!r} is not a phone number; write it like 0812 3456 7890 or +62 812 3456 7890").format(raw=raw))
    if foreign:
        if not 8 <= len(digits) <= 15:
            raise InputError(_("phone {raw!r} has {n} digits; an international number has 8 to 15").format(raw=raw, n=len(digits)))
        return digits
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    if not digits.startswith("62") or not 10 <= len(digits) <= 15 or digits[2] == "0":
        raise InputError(_("phone {raw!r} is not an Indonesian mobile number; write it like 0812 3456 7890 or +62 812 3456 7890").format(raw=raw))
    return digits


def _templates(workspace_root: Path | None) -> dict[str, dict[str, str]]:
    from importlib import resources

    sources: list[Any] = [resources.files("contentkit.templates") / "reviews" / "requests.toml"]
    if workspace_root is not None and (workspace_root / "templates" / "reviews" / "requests.toml").is_file():
        sources.append(workspace_root / "templates" / "reviews" / "requests.toml")
    out: dict[str, dict[str, str]] = {}
    for src in sources:
        try:
            data = tomllib.loads(src.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(_("{path} cannot be read ({error}); fix the line it names").format(path=src, error=exc)) from None
        for lang, keys in data.items():
            out.setdefault(lang, {}).update({k: str(v) for k, v in keys.items()})
    return out


def request_message(name: str, product: str, brand: str, *, channel: str = "whatsapp", order: str | None = None,
                    language: str = "id", workspace_root: Path | None = None) -> str:
    """The after-sales message asking for a review on `channel`, in `language` (Indonesian when unknown).

    >>> print(request_message("Rina", "Rendang 500 g", "Dapur Bu Sari", channel="shopee").splitlines()[0])
    Halo Kak Rina 😊 Paket Rendang 500 g dari Dapur Bu Sari sudah sampai, ya?
    """
    if channel not in ASK_CHANNELS:
        raise InputError(_("unknown channel {channel!r} for a review request: use one of {choices}").format(
            channel=channel, choices=", ".join(ASK_CHANNELS)))
    texts = _templates(workspace_root)
    words = texts.get(language) or texts["id"]
    order_part = words.get("order", " ({order})").format(order=order) if order else ""
    return words[channel].format(name=name, product=product, brand=brand, order=order_part).strip()


def _same_name(asked: str, written: str) -> bool:
    a, w = " ".join(asked.casefold().split()), " ".join(written.casefold().split())
    if not a or not w:
        return False
    if a == w:
        return True
    # Marketplaces mask the buyer: "r***a", "R*****a". Match the first and last letter.
    letters = a.replace(" ", "")
    return "*" in w and len(letters) >= 2 and w[0] == letters[0] and w[-1] == letters[-1] and set(w[1:-1]) <= {"*"}


def close_answered(tx: Transaction, reviews: Iterable[Review], at: datetime) -> list[str]:
    """Close the open requests that `reviews` answer (same order, else same name); returns their IDs.

    Called inside the transaction that saves the reviews, so both land in one write.
    """
    open_ = sorted((ReviewRequest.from_dict(r) for r in tx.rows(ReviewRequest) if not r.get("review_id")),
                   key=lambda q: q.at)
    closed: list[str] = []
    for review in reviews:
        match = None
        if review.order:
            match = next((q for q in open_ if q.order and q.order.strip() == review.order.strip()), None)
        if match is None:
            match = next((q for q in open_ if (not q.order or not review.order) and _same_name(q.name, review.name)), None)
        if match is None:
            continue
        match.review_id, match.closed_at = review.id, at
        tx.save(match)
        open_.remove(match)
        closed.append(match.id)
    return closed


class ReviewRequests:
    """The review requests of a workspace (`ws.review_requests`).

    >>> asked = ws.review_requests.ask("Rina", "0812 3456 7890", "Rendang", channel="shopee")   # doctest: +SKIP
    >>> asked.link[:32]                                                                          # doctest: +SKIP
    'https://wa.me/6281234567890?text='
    """

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def ask(self, name: str, phone: str, product: str, *, channel: str = "whatsapp", order: str | None = None,
            language: str | None = None) -> ReviewRequest:
        """Write the request message for `name`, record it, and return it with its wa.me link."""
        who = " ".join((name or "").split())
        if not who:
            raise InputError(_("the customer's name is empty; give it with --name"))
        what = " ".join((product or "").split())
        if not what:
            raise InputError(_("the product is empty; say what they bought with --product"))
        number = normalise_phone(phone)
        lang = language or self.ws.language
        text = request_message(who, what, self.ws.config.brand, channel=channel, order=(order or "").strip() or None,
                               language=lang, workspace_root=self.ws.root)
        request = ReviewRequest(
            name=who, phone=number, product=what, channel=channel, at=pendulum.now(self.ws.tz),
            order=(order or "").strip() or None, language=lang, message=text,
            link=f"https://wa.me/{number}?text={urllib.parse.quote(text, safe='')}",
        )
        with self.ws.store.transaction() as tx:
            tx.save(request)
        return request

    def list(self, *, open_only: bool = True) -> list[ReviewRequest]:
        """The requests, oldest first; only those no review has answered yet unless `open_only=False`."""
        rows = [ReviewRequest.from_dict(r) for r in self.ws.store.read().rows(ReviewRequest)]
        return sorted((q for q in rows if not (open_only and q.review_id)), key=lambda q: q.at)
