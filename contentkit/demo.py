"""Sample content for a demo workspace (`contentkit init DIR --demo`), in the shop's own sector.

A new user sees a real plan at once: a few backlog ideas, a storytelling
series, customer reviews waiting for a testimonial slot, and customer posts,
one with consent to repost and one still to ask. A hijab shop gets hijab
content, a household-goods shop household goods: never food for everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .calendar.ideas import NewIdea
from .i18n import _

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["seed_demo", "DemoContent", "DEMO"]


@dataclass(frozen=True)
class DemoContent:
    """One sector's sample content. Ideas and the series exist per language; reviews and
    customer captions are what customers wrote (in Indonesian, as they would)."""

    ideas: dict[str, list[tuple[str, str, str, int]]]  # lang -> (text, pillar, format, priority)
    series: dict[str, tuple[str, list[str]]]  # lang -> (title, episodes)
    reviews: list[tuple[str, str, float, str, str, bool]]  # text, name, rating, product, source, show name
    customer_posts: tuple[str, str]  # a granted one and one still to ask ({handle} = the shop)


DEMO: dict[str, DemoContent] = {
    "kuliner": DemoContent(
        ideas={
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
        },
        series={
            "id": ("Dari Dapur ke Meja", ["Belanja subuh di pasar", "Meracik bumbu", "Memasak bersama tim", "Mengemas pesanan"]),
            "en": ("From Kitchen to Table", ["Dawn shopping at the market", "Grinding the spices", "Cooking with the team",
                                             "Packing the orders"]),
        },
        reviews=[
            ("Rendangnya empuk banget, bumbunya meresap. Pasti pesan lagi! 👍", "Rina Wulandari", 5, "Rendang Sapi", "shopee", True),
            ("Pengiriman cepat, masih hangat waktu sampai. Porsinya pas.", "Budi Santoso", 4.5, "Nasi Box", "tokopedia", False),
        ],
        customer_posts=("Makan siang hari ini dari @{handle}, enak!", "Pesan lagi di @{handle} 😍"),
    ),
    "fesyen": DemoContent(
        ideas={
            "id": [
                ("Cerita di balik warna koleksi terbaru kami", "storytelling", "reel", 3),
                ("3 cara pakai pashmina untuk ke kantor", "education", "carousel", 2),
                ("Tanya jawab: bahan voal adem atau panas?", "interaction", "story", 1),
                ("Panduan ukuran gamis: cara mengukur lingkar dada", "service", "carousel", 1),
                ("Voucher pelanggan setia bulan ini", "retention", "broadcast", 1),
            ],
            "en": [
                ("The story behind the colours of our newest collection", "storytelling", "reel", 3),
                ("3 ways to wear a pashmina to the office", "education", "carousel", 2),
                ("Q&A: is voile fabric cool or warm?", "interaction", "story", 1),
                ("Dress size guide: how to measure your bust", "service", "carousel", 1),
                ("This month's voucher for loyal customers", "retention", "broadcast", 1),
            ],
        },
        series={
            "id": ("Dari Kain ke Lemari", ["Memilih kain di pasar tekstil", "Membuat pola", "Menjahit bersama penjahit kami",
                                           "Foto produk dan packing"]),
            "en": ("From Fabric to Wardrobe", ["Choosing fabric at the textile market", "Cutting the pattern",
                                               "Sewing with our tailors", "Product photos and packing"]),
        },
        reviews=[
            ("Bahannya adem banget, jatuhnya bagus. Warnanya sesuai foto 😍\nBakal order warna lain!", "Nadia Putri", 5,
             "Pashmina Voal Dusty Pink", "shopee", True),
            ("Jahitan rapi, ukuran pas. Pengiriman agak lama tapi sellernya ramah.", "Sari Dewi", 4, "Gamis Katun Sage",
             "tokopedia", False),
        ],
        customer_posts=("OOTD hari ini pakai pashmina dari @{handle}, adem banget!", "Gamis sekeluarga dari @{handle} 😍"),
    ),
    "rumah-tangga": DemoContent(
        ideas={
            "id": [
                ("Kenapa kami pilih rak stainless, bukan plastik", "storytelling", "reel", 3),
                ("Cara menata kulkas supaya sayur awet seminggu", "education", "carousel", 2),
                ("Tanya jawab: panci ini bisa untuk kompor induksi?", "interaction", "status", 1),
                ("Cara cek ukuran rak sebelum checkout", "service", "carousel", 1),
                ("Voucher pelanggan setia bulan ini", "retention", "broadcast", 1),
            ],
            "en": [
                ("Why we chose stainless shelves over plastic", "storytelling", "reel", 3),
                ("How to arrange the fridge so vegetables last a week", "education", "carousel", 2),
                ("Q&A: does this pot work on an induction hob?", "interaction", "status", 1),
                ("How to check a shelf's size before you check out", "service", "carousel", 1),
                ("This month's voucher for loyal customers", "retention", "broadcast", 1),
            ],
        },
        series={
            "id": ("Rumah Rapi dalam 4 Minggu", ["Dapur: rak dan wadah bumbu", "Kamar mandi: organizer sudut",
                                                 "Lemari: kotak lipat pakaian", "Ruang tamu: keranjang serbaguna"]),
            "en": ("A Tidy Home in 4 Weeks", ["Kitchen: shelves and spice jars", "Bathroom: corner organisers",
                                              "Wardrobe: folding boxes", "Living room: all-purpose baskets"]),
        },
        reviews=[
            ("Raknya kokoh, gampang dirakit, dapur jadi lega. Packing aman pakai bubble wrap tebal 👍", "Dewi Lestari", 5,
             "Rak Bumbu Stainless 3 Susun", "shopee", True),
            ("Barang bagus, cuma bautnya kurang satu. Udah dikirim gantinya sama seller, mantap.", "Agus Pratama", 4,
             "Rak Piring 2 Susun", "tokopedia", False),
        ],
        customer_posts=("Dapur akhirnya rapi pakai rak dari @{handle}!", "Unboxing organizer dari @{handle}, suka banget 😍"),
    ),
    "umum": DemoContent(
        ideas={
            "id": [
                ("Cerita produk pertama yang kami jual", "storytelling", "reel", 3),
                ("Tips memilih hadiah untuk rekan kantor", "education", "carousel", 2),
                ("Tanya jawab: pengiriman ke luar pulau berapa lama?", "interaction", "status", 1),
                ("Cara order dan bayar dalam 3 langkah", "service", "carousel", 1),
                ("Voucher pelanggan setia bulan ini", "retention", "broadcast", 1),
            ],
            "en": [
                ("The story of the first product we sold", "storytelling", "reel", 3),
                ("Tips for choosing a gift for a colleague", "education", "carousel", 2),
                ("Q&A: how long does shipping to another island take?", "interaction", "status", 1),
                ("How to order and pay in 3 steps", "service", "carousel", 1),
                ("This month's voucher for loyal customers", "retention", "broadcast", 1),
            ],
        },
        series={
            "id": ("Di Balik Paket Kami", ["Memilih barang dari pemasok", "Cek kualitas satu per satu", "Packing dengan rapi",
                                           "Menyerahkan ke kurir"]),
            "en": ("Behind Our Parcels", ["Choosing goods from suppliers", "Checking quality one by one", "Packing neatly",
                                          "Handing over to the courier"]),
        },
        reviews=[
            ("Barang sesuai deskripsi, packing rapi banget, ada kartu ucapannya juga 🥰", "Putri Ayu", 5, "Hampers Mini Box",
             "shopee", True),
            ("Pengiriman cepat, admin fast respon. Recommended seller!", "Rizky Maulana", 5, "Tumbler Stainless 500ml",
             "tokopedia", False),
        ],
        customer_posts=("Hadiah ulang tahun buat sahabat dari @{handle}, packing-nya cantik!", "Belanja lagi di @{handle} 😍"),
    ),
}


def seed_demo(ws: Workspace) -> str:
    """Add the sector's sample ideas, a series, reviews and customer posts; return a one-line summary."""
    lang = ws.language
    demo = DEMO[ws.config.sector]
    ideas = ws.ideas.add_many(NewIdea(t, p, f, priority=n) for t, p, f, n in demo.ideas[lang])
    title, episodes = demo.series[lang]
    ws.series.add(title, pillar="storytelling", format="reel", episodes=episodes, every="wed")
    for text, name, rating, product, source, show in demo.reviews:
        ws.reviews.add(text, name=name, rating=rating, product=product, source=source, show_name=show)
    handle = ws.config.handles.instagram or "tokokita"
    granted_caption, asked_caption = (c.format(handle=handle) for c in demo.customer_posts)
    granted = ws.ugc.add("https://www.instagram.com/p/DEMO001/", "pelanggan.setia", caption=granted_caption)
    ws.consent.grant(granted.id, evidence="DM: 'Boleh kak, silakan repost' (demo)")
    ws.ugc.add("https://www.instagram.com/p/DEMO002/", "ibu.anisa", caption=asked_caption)
    return _("Demo content: {ideas} ideas, 1 series, {reviews} reviews, 2 customer posts (one with consent to repost)").format(
        ideas=len(ideas), reviews=len(demo.reviews))
