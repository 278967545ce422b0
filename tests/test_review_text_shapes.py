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


def test_a_cut_quote_ends_at_a_sentence_with_an_ellipsis() -> None:
    fitted = fit_text(RANT, lato("LatoItalic"), (0, 0, 820, 390), max_size=80, min_size=30)
    assert fitted.cut and fitted.text.endswith("pertama\u2026")  # "…ga pudar pas dicuci pertama." is a sentence end
    assert fitted.text.replace("\n", " ").replace("\u2026", ".") in RANT.replace("\n", " ")


def test_a_quote_is_never_drawn_as_a_lone_ellipsis() -> None:
    from contentkit.graphics.textbreak import _with_ellipsis
    from contentkit.graphics.textfit import load_font

    font = load_font(lato("Lato"), 40)
    cut = _with_ellipsis(["Mantaaaaaaaap"], font, 80)
    assert cut[0].startswith("M") and cut[0].endswith("\u2026") and len(cut[0]) > 1
    assert _with_ellipsis(["Mantaaaaaaaap"], font, 5) == []
    assert _with_ellipsis(["Enak banget rendangnya"], font, 300) == ["Enak banget\u2026"]


def test_a_photo_for_a_template_without_one_names_the_templates_that_have_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner
    from PIL import Image

    from contentkit.cli.main import cli

    photo = tmp_path / "rendang.jpg"
    Image.new("RGB", (1600, 1600), "brown").save(photo)
    result = CliRunner().invoke(cli, ["testimonial", "quick", "--text", "Enak!", "--photo", str(photo), "-o",
                                      str(tmp_path / "x.jpg")])
    assert result.exit_code != 0 and result.output.count("\n") == 1
    assert "template 'card' has no place for a photo" in result.output and "--template photo" in result.output
    assert not (tmp_path / "x.jpg").exists()


def test_a_small_photo_is_used_with_a_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    small, large = tmp_path / "small.jpg", tmp_path / "large.jpg"
    Image.new("RGB", (400, 300), "brown").save(small)
    Image.new("RGB", (1400, 1400), "brown").save(large)
    notes: list[str] = []
    render_testimonial(Review("Enak!", rating=5), "photo", "square", Brand(emoji_font="none"), photo=small,
                       on_warning=notes.append)
    assert any("400×300 px, smaller than the 1080×1080" in n for n in notes)
    notes.clear()
    render_testimonial(Review("Enak!", rating=5), "photo", "square", Brand(emoji_font="none"), photo=large,
                       on_warning=notes.append)
    assert notes == []
