"""Promotions with their mechanics, and the line that states their terms in a caption.

A promo is a kind (voucher toko, voucher ikuti toko, koin cashback, gratis
ongkir, bundling, flash sale), an amount, a minimum spend, a quota, a period
and the channel it runs on. The planner's promo slots use the promo active
that day and state its terms:

    Voucher toko Rp10.000, min. belanja Rp100.000, kuota 50, berlaku 10–12 Des di Shopee

A marketplace post only ever carries that marketplace's own promo (a Shopee
post never names Tokopedia); social channels carry any.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import pendulum

from ..dates import parse_date
from ..errors import InputError
from ..formatting import month_abbr
from ..i18n import _
from ..records import Promo
from ..vocab import check_channel, check_choice

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["PROMO_KINDS", "PromoBook", "promotion_copy", "terms_line", "promo_title", "active_promo",
           "channel_name", "rupiah", "OWN_PROMOS_ONLY"]

PROMO_KINDS = ("voucher_toko", "voucher_ikuti_toko", "koin_cashback", "gratis_ongkir", "bundling", "flash_sale")
# Channels whose posts may only name their own promotions (marketplace rules).
OWN_PROMOS_ONLY = ("shopee", "tokopedia", "tiktok")
_NAMES = {"instagram": "Instagram", "tiktok": "TikTok", "whatsapp": "WhatsApp", "shopee": "Shopee",
          "tokopedia": "Tokopedia", "facebook": "Facebook"}


@lru_cache(maxsize=1)
def promotion_copy() -> dict[str, Any]:
    """templates/promotions.toml: promo kinds, terms wording, live-shopping copy."""
    import tomllib

    data: dict[str, Any] = tomllib.loads((resources.files("contentkit.templates") / "promotions.toml").read_text("utf-8"))
    return data


def channel_name(channel: str) -> str:
    return _NAMES.get(channel, channel.capitalize())


def rupiah(amount: int) -> str:
    """`Rp10.000`: Indonesian thousands separator.

    >>> rupiah(100000)
    'Rp100.000'
    """
    return "Rp" + f"{amount:,}".replace(",", ".")


def _amount(text: str) -> str:
    """A plain number is Rupiah ("10000" → "Rp10.000"); "10%" or "beli 2 gratis 1" stay as written."""
    digits = text.replace(".", "").replace(",", "").strip()
    if digits.lower().startswith("rp"):
        digits = digits[2:].strip()
    return rupiah(int(digits)) if digits.isdigit() else text.strip()


def _period(start: date, end: date, lang: str) -> str:
    months = [month_abbr(m, lang) for m in range(1, 13)]
    if start == end:
        return f"{start.day} {months[start.month - 1]}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {months[end.month - 1]}"
    return f"{start.day} {months[start.month - 1]}–{end.day} {months[end.month - 1]}"


def _text(entry: dict[str, str], lang: str, fields: dict[str, str]) -> str:
    text = entry.get(lang) or entry["id"]
    for key, value in fields.items():
        text = text.replace("{" + key + "}", value)
    return text


def terms_line(promo: Promo, lang: str) -> str:
    """The promo's terms in one line.

    >>> terms_line(Promo("voucher_toko", "shopee", date(2026, 12, 10), date(2026, 12, 12), "10000", 100000, 50), "id")
    'Voucher toko Rp10.000, min. belanja Rp100.000, kuota 50, berlaku 10–12 Des di Shopee'
    """
    copy = promotion_copy()
    kind = copy["kinds"][promo.kind]
    head = kind["name"][lang] + (f" {_amount(promo.amount)}" if promo.amount else "")
    parts = [head]
    terms = copy["terms"]
    if promo.min_spend:
        parts.append(_text(terms["min_spend"], lang, {"min_spend": rupiah(promo.min_spend)}))
    if promo.quota:
        parts.append(_text(terms["quota"], lang, {"quota": str(promo.quota)}))
    parts.append(_text(terms["period"], lang, {"period": _period(promo.start, promo.end, lang),
                                                 "channel": channel_name(promo.channel)}))
    return ", ".join(parts)


def promo_title(promo: Promo, lang: str) -> str:
    """The promo post's title, from the kind's template."""
    kind = promotion_copy()["kinds"][promo.kind]
    amount = _amount(promo.amount) if promo.amount else ""
    return re.sub(r"\s+([,:])", r"\1", _text(kind["title"], lang, {"amount": amount})).replace("  ", " ").strip()


def active_promo(promos: list[Promo], day: date, channel: str) -> Promo | None:
    """The promo running on `day` that a post on `channel` may carry, or None.

    Marketplace channels carry only their own; the rest carry any. Several at
    once take turns by day, so a week of promo slots does not repeat one.
    """
    fits = [p for p in promos if p.start <= day <= p.end
            and (p.channel == channel or channel not in OWN_PROMOS_ONLY)]
    if not fits:
        return None
    fits.sort(key=lambda p: int(p.id[1:]) if p.id[1:].isdigit() else 0)
    return fits[day.toordinal() % len(fits)]


class PromoBook:
    """The shop's promotions: `contentkit promo add/list/remove`."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def add(
        self, kind: str, *, channel: str, start: str | date, end: str | date | None = None, amount: str = "",
        min_spend: int | None = None, quota: int | None = None, code: str = "",
    ) -> Promo:
        """Add a promo running from `start` to `end` (inclusive) on `channel`.

        >>> ws.promos.add("voucher_toko", channel="shopee", start="2026-12-10", end="2026-12-12",
        ...               amount="10000", min_spend=100000, quota=50)       # doctest: +SKIP
        """
        kind = check_choice("promo kind", kind.replace("-", "_"), PROMO_KINDS)
        channel = check_channel(channel)
        first = parse_date(start)
        last = parse_date(end) if end else first
        if last < first:
            raise InputError(_("the promo ends ({last}) before it starts ({first}); give --until on or after --from").format(last=last, first=first))
        if min_spend is not None and min_spend < 0 or quota is not None and quota < 1:
            raise InputError(_("--min-spend must be 0 or more and --quota 1 or more"))
        if kind in ("voucher_toko", "voucher_ikuti_toko", "koin_cashback", "gratis_ongkir") and not amount.strip():
            raise InputError(_("a {kind} needs an amount: --amount 10000 (Rupiah) or --amount 10%").format(kind=kind.replace("_", " ")))
        promo = Promo(kind=kind, channel=channel, start=date(first.year, first.month, first.day),
                      end=date(last.year, last.month, last.day), amount=amount.strip(), min_spend=min_spend,
                      quota=quota, code=code.strip(), created_at=pendulum.now(self.ws.tz))
        with self.ws.store.transaction() as tx:
            tx.save(promo)
        return promo

    def list(self, *, on: str | date | None = None) -> list[Promo]:
        """Every promo by start day; with `on`, only those running that day."""
        promos = sorted(self.ws.store.read().all(Promo), key=lambda p: (p.start, p.id))
        if on is not None:
            day = parse_date(on)
            promos = [p for p in promos if p.start <= day <= p.end]
        return promos

    def remove(self, promo_id: str) -> Promo:
        """Remove a promo; posts already planned with it keep their text."""
        with self.ws.store.transaction() as tx:
            promo = tx.get(Promo, promo_id)
            tx.delete(Promo, promo.id)
        return promo
