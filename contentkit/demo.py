"""Sample content for a demo workspace (`contentkit init DIR --demo`).

A new user sees a real plan at once: a few backlog ideas, a storytelling
series, customer reviews waiting for a testimonial slot, and customer posts,
one with consent to repost and one still to ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .calendar.ideas import NewIdea
from .i18n import _

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["seed_demo"]

_IDEAS = {
    "id": [
        ("Cerita di balik resep sambal andalan", "storytelling", "reel", 3),
        ("Tips menyimpan lauk supaya awet tiga hari", "education", "carousel", 2),
        ("Tanya jawab: pesanan katering minimal berapa porsi?", "interaction", "story", 1),
        ("Cara pesan lewat WhatsApp dalam 3 langkah", "service", "carousel", 1),
        ("Voucher pelanggan setia bulan ini", "retention", "broadcast", 1),
    ],
    "en": [
        ("The story behind our signature sambal", "storytelling", "reel", 3),
        ("How to keep cooked dishes fresh for three days", "education", "carousel", 2),
        ("Q&A: what is the minimum catering order?", "interaction", "story", 1),
        ("Ordering on WhatsApp in 3 steps", "service", "carousel", 1),
        ("This month's voucher for loyal customers", "retention", "broadcast", 1),
    ],
}
_SERIES = {
    "id": ("Dari Dapur ke Meja", ["Belanja subuh di pasar", "Meracik bumbu", "Memasak bersama tim", "Mengemas pesanan"]),
    "en": ("From Kitchen to Table", ["Dawn shopping at the market", "Grinding the spices", "Cooking with the team", "Packing the orders"]),
}
_REVIEWS = [
    ("Rendangnya empuk banget, bumbunya meresap. Pasti pesan lagi! 👍", "Rina Wulandari", 5, "Rendang Sapi", "shopee", True),
    ("Pengiriman cepat, masih hangat waktu sampai. Porsinya pas.", "Budi Santoso", 4.5, "Nasi Box", "tokopedia", False),
]


def seed_demo(ws: Workspace) -> str:
    """Add sample ideas, a series, reviews and customer posts; return a one-line summary."""
    lang = ws.language
    ideas = ws.ideas.add_many(NewIdea(t, p, f, priority=n) for t, p, f, n in _IDEAS[lang])
    title, episodes = _SERIES[lang]
    ws.series.add(title, pillar="storytelling", format="reel", episodes=episodes, every="wed")
    for text, name, rating, product, source, show in _REVIEWS:
        ws.reviews.add(text, name=name, rating=rating, product=product, source=source, show_name=show)
    handle = ws.config.handles.instagram or "tokokita"
    granted = ws.ugc.add("https://www.instagram.com/p/DEMO001/", "pelanggan.setia",
                         caption=f"Makan siang hari ini dari @{handle}, enak!")
    ws.consent.grant(granted.id, evidence="DM: 'Boleh kak, silakan repost' (demo)")
    ws.ugc.add("https://www.instagram.com/p/DEMO002/", "ibu.anisa", caption=f"Pesan lagi di @{handle} 😍")
    return _("Demo content: {ideas} ideas, 1 series, {reviews} reviews, 2 customer posts (one with consent to repost)").format(
        ideas=len(ideas), reviews=len(_REVIEWS))
