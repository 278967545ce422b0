"""Reviews as marketplaces export them render: line breaks, emoji runs, slang, 900-character rants.

Pillow 13 refuses to measure a string holding a newline ("raqm_layout() failed"): the
fitter measures line by line. These run on whichever Pillow `pip install` picked.
"""

from __future__ import annotations

import pytest

from contentkit import render_testimonial
from contentkit.graphics.brand import Brand, lato
from contentkit.graphics.emoji import find_emoji_font
from contentkit.graphics.textfit import fit_text
from contentkit.records import Review

EMOJI = find_emoji_font()
RANT = (
    "Jujur awalnya ragu krn harganya murah bgt tp ternyata bahannya adem, jahitannya rapi, ga ada benang "
    "yg keluar2. Pengiriman dr Bandung ke Makassar cuma 3 hari, packing pake plastik tebel + kardus jd aman "
    "walaupun kena ujan. Ukuran L pas bgt di aku yg tinggi 160 berat 58. Warna sage nya sesuai foto, ga "
    "pudar pas dicuci pertama. Sellernya ramah, fast respon pas aku tanya stok jam 11 malem 🙏 Cuma "
    "kancingnya agak kecil jd agak susah masuknya, tp overall puas bgt!! Udah order lagi warna navy buat "
    "mama, semoga sama bagusnya. Recommended seller pokoknya, sukses terus kak 😍😍 Next mau coba yg "
    "model tunik jg. Makasih bonus bros nya lucu bgt aku suka, ga nyangka dapet bonus. Mantul pokoknya.\n"
    "Update: udh dipake kondangan sodara, banyak yg nanya beli dmn, aku kasih link toko ini. Bahannya ga "
    "nerawang walaupun warna terang, dan ga gampang kusut pas dipake duduk lama di mobil 4 jam. Top 👍"
)
SHAPES = {
    "lines_and_blank_run": "Kualitas produk: bagus\nWarna: sesuai\n\n\nPengiriman: cepat 👍👍",
    "two_lines": "packing aman\nbahan nyaman dan adem",
    "windows_breaks": "Barang sesuai\r\n\r\nMakasih kak\r\n",
    "emoji_heavy": "Mantul 👨‍👩‍👧‍👦❤️‍🔥🇮🇩✌🏽1️⃣ " + "😍" * 60 + " pokoknya",
    "emoji_only_run": "🙏🏻" * 40,
    "slang": "brg ok bgt gan, mantaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaap, sellernya fast respon, recomended 👍",
    "stray_joiners": "bagus\u200d\u200d\ufe0f banget\ufe0e",
    "rant": RANT,
}


@pytest.mark.parametrize("template", ["card", "chat", "minimal", "photo"])
@pytest.mark.parametrize("shape", list(SHAPES))
def test_real_shaped_reviews_render_on_every_template(template: str, shape: str) -> None:
    notes: list[str] = []
    image = render_testimonial(Review(SHAPES[shape], name="Rina", rating=5, source="tokopedia"), template, "square",
                               Brand(emoji_font=EMOJI or "none"), on_warning=notes.append)
    assert image.size == (1080, 1080)


def test_line_breaks_stay_breaks_and_blank_runs_fold() -> None:
    fitted = fit_text("Kualitas produk: bagus\nWarna: sesuai\n\n\nPengiriman: cepat", lato("Lato"),
                      (0, 0, 900, 600), max_size=60, min_size=20)
    assert fitted.lines == ["Kualitas produk: bagus", "Warna: sesuai", "Pengiriman: cepat"]


def test_windows_line_ends_are_breaks_too() -> None:
    fitted = fit_text("packing aman\r\n\r\nbahan nyaman dan adem\r\n", lato("Lato"), (0, 0, 900, 600),
                      max_size=60, min_size=20)
    assert fitted.lines == ["packing aman", "bahan nyaman dan adem"]


@pytest.mark.skipif(EMOJI is None, reason="no colour emoji font installed")
def test_a_long_run_of_emoji_wraps_instead_of_failing() -> None:
    fitted = fit_text("ok " + "😍" * 60, lato("Lato"), (0, 0, 600, 800), max_size=60, min_size=24, emoji_font=EMOJI)
    assert len(fitted.lines) > 2
    assert fitted.text.replace("\n", "").replace(" ", "").count("😍") == 60  # every emoji kept, none split
    assert max(fitted.line_widths()) <= 600


def test_a_900_character_rant_is_cut_with_a_warning_not_dropped() -> None:
    notes: list[str] = []
    render_testimonial(Review(RANT, name="Rina", rating=5), "card", "square", Brand(emoji_font="none"),
                       on_warning=notes.append)
    assert len(RANT) > 850
    assert notes and "cut" in notes[0]
