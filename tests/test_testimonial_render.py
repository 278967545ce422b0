"""Rendering testimonials: sizes, regions, emoji, masking, stars, photos, bad templates."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from contentkit import render_testimonial, save_testimonial
from contentkit.errors import ConfigError, InputError
from contentkit.graphics.brand import Brand, lato
from contentkit.graphics.emoji import find_emoji_font
from contentkit.graphics.canvas import Canvas
from contentkit.graphics.reviewtext import credit, mask_name
from contentkit.graphics.shapes import draw_stars
from contentkit.graphics.templates import SIZES, list_templates, load_template
from contentkit.graphics.textfit import fit_text
from contentkit.records import Review

TEMPLATES = ("card", "photo", "minimal", "chat")
LONG = (
    "Rendangnya enak banget, dagingnya empuk dan bumbunya meresap sampai ke dalam. Pengiriman cepat, "
    "packing rapi pakai vacuum jadi aman sampai Surabaya. Pasti order lagi buat Lebaran nanti! "
    "Terima kasih Bu Sari, sukses terus ya, semoga makin laris manis dan banyak pelanggan setia."
)
NO_EMOJI = Brand(emoji_font="none", shop_name="Dapur Bu Sari", handle="@dapurbusari", footer="Belanja di Shopee")


def review(text: str = LONG, **kw: object) -> Review:
    base: dict[str, object] = dict(name="Rina Wulandari", rating=4.5, product="Rendang 500 g", source="shopee", id="R1")
    base.update(kw)
    return Review(text, **base)  # type: ignore[arg-type]


def region(template: str, size: str, kind: str) -> tuple[int, int, int, int]:
    tpl = load_template(template)
    layer = next(ly for ly in tpl.layers if ly.kind == kind)
    canvas = Canvas(Image.new("RGB", (1, 1)), SIZES[size], Brand(), None, tpl)
    return canvas.box(layer)


def test_the_four_builtin_templates_exist() -> None:
    assert set(TEMPLATES) <= set(list_templates())


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("size", list(SIZES))
def test_every_template_and_size_renders_at_its_pixels(template: str, size: str) -> None:
    image = render_testimonial(review(), template=template, size=size, brand=NO_EMOJI)
    assert image.mode == "RGB"
    assert image.size == (SIZES[size].width, SIZES[size].height)
    assert len(image.getcolors(1 << 20) or range(1 << 20)) > 50  # drawn, not a flat fill


@pytest.mark.parametrize("template", ["card", "photo", "minimal"])
@pytest.mark.parametrize("size", ["square", "story"])
def test_quote_ink_stays_inside_its_region(template: str, size: str) -> None:
    tpl = load_template(template).without("fade")  # the photo's fade sits behind the quote: not its ink
    text = LONG + " " + LONG  # long enough to fill the region at the smallest size
    full = render_testimonial(review(text), template=tpl, size=size, brand=NO_EMOJI, on_warning=lambda m: None)
    bare = render_testimonial(review(text), template=tpl.without("quote"), size=size, brand=NO_EMOJI)
    ink = ImageChops.difference(full, bare).getbbox()
    assert ink is not None
    x, y, w, h = region(template, size, "quote")
    assert x <= ink[0] and y <= ink[1] and ink[2] <= x + w and ink[3] <= y + h, (ink, (x, y, w, h))


def test_story_keeps_text_out_of_the_top_and_bottom_250px() -> None:
    for template in ("card", "minimal"):
        tpl = load_template(template)
        kinds = ("quote", "name", "product", "shop", "footer", "badge", "stars")
        full = render_testimonial(review(), template=tpl, size="story", brand=NO_EMOJI)
        bare = render_testimonial(review(), template=tpl.without(*kinds), size="story", brand=NO_EMOJI)
        ink = ImageChops.difference(full, bare).getbbox()
        assert ink is not None and ink[1] >= 250 and ink[3] <= 1920 - 250


def test_too_long_quote_is_cut_with_ellipsis_and_a_warning_or_refused_when_strict() -> None:
    notes: list[str] = []
    render_testimonial(review(LONG * 6), template="card", brand=NO_EMOJI, on_warning=notes.append)
    assert len(notes) == 1 and "too long" in notes[0]
    with pytest.raises(InputError, match="too long"):
        render_testimonial(review(LONG * 6), template="card", brand=NO_EMOJI, strict=True)


def test_cut_text_ends_at_a_word_with_ellipsis_and_never_below_min_size() -> None:
    fitted = fit_text(LONG * 5, lato("LatoItalic"), (0, 0, 600, 300), max_size=60, min_size=24)
    assert fitted.cut and fitted.size == 24
    assert fitted.text.endswith("\u2026")
    last_word = fitted.text.rstrip("\u2026").split()[-1].strip(",.!")
    assert last_word in LONG.split() or last_word + "," in LONG.split() or last_word + "." in LONG.split()


def test_short_quote_grows_no_larger_than_max_size() -> None:
    fitted = fit_text("Mantap!", lato("Lato"), (0, 0, 800, 400), max_size=72, min_size=24)
    assert fitted.size == 72 and fitted.lines == ["Mantap!"] and not fitted.cut


def _notdef_mask(font: ImageFont.FreeTypeFont) -> bytes:
    return bytes(font.getmask("\U0010fffd"))


def test_without_emoji_font_emoji_are_removed_and_no_notdef_box_is_drawn() -> None:
    font_path = lato("Lato")
    font = ImageFont.truetype(font_path, 60)
    # The bug being prevented: plain Pillow draws 👍 in Lato as the notdef box.
    assert bytes(font.getmask("\U0001f44d")) == _notdef_mask(font)
    fitted = fit_text("Mantap \U0001f44d", font_path, (0, 0, 900, 200), max_size=60, min_size=20, emoji_font=None, align="left")
    assert fitted.lines == ["Mantap"]
    a = Image.new("RGB", (900, 200), "white")
    fitted.draw(a, "black")
    b = Image.new("RGB", (900, 200), "white")
    ImageDraw.Draw(b).text((fitted.box[0], fitted.origin_y()), "Mantap", font=fitted.font, fill="black")
    assert ImageChops.difference(a, b).getbbox() is None


def test_every_drawn_character_is_one_the_font_has() -> None:
    from contentkit.graphics.glyphs import font_codepoints

    text = "Enak 😍👍🏽 ❤️ 🇮🇩 中文 ✓ © done"
    fitted = fit_text(text, lato("Lato"), (0, 0, 900, 300), max_size=48, min_size=20, emoji_font=None)
    have = font_codepoints(lato("Lato"))
    assert all(ord(ch) in have for line in fitted.lines for ch in line)
    assert "Enak" in fitted.text and "done" in fitted.text and "©" in fitted.text


@pytest.mark.skipif(find_emoji_font() is None, reason="no colour emoji font installed (fonts-noto-color-emoji)")
def test_with_emoji_font_emoji_are_drawn_in_colour() -> None:
    fitted = fit_text("\U0001f44d", lato("Lato"), (0, 0, 300, 200), max_size=100, min_size=20, emoji_font=find_emoji_font())
    image = Image.new("RGB", (300, 200), "white")
    fitted.draw(image, "black")
    colourful = [p for p in image.get_flattened_data() if max(p) - min(p) > 80]
    assert len(colourful) > 500  # a yellow thumb, not a black outline or a box


def test_different_reviews_give_different_images() -> None:
    a = render_testimonial(review("Enak banget, pasti order lagi!"), brand=NO_EMOJI)
    b = render_testimonial(review("Pengiriman cepat dan packing rapi."), brand=NO_EMOJI)
    c = render_testimonial(review("Enak banget, pasti order lagi!", rating=3), brand=NO_EMOJI)
    assert ImageChops.difference(a, b).getbbox() is not None
    assert ImageChops.difference(a, c).getbbox() is not None


def test_names_are_masked_unless_the_customer_agreed() -> None:
    assert mask_name("Rina") == "R***a"
    assert credit(review(name="Rina")) == "R***a"
    assert credit(review(name="Rina", show_name=True)) == "Rina"
    assert credit(review(name="", show_name=True)) == "Pelanggan"
    assert credit(review(name=""), "en") == "Customer"
    assert credit(review(name="Rina", handle="rina.cooks")) == "@rina.cooks"
    masked = render_testimonial(review(name="Rina"), brand=NO_EMOJI)
    shown = render_testimonial(review(name="Rina", show_name=True), brand=NO_EMOJI)
    assert ImageChops.difference(masked, shown).getbbox() is not None


def test_half_star_lights_only_the_left_half() -> None:
    image = Image.new("RGB", (400, 60), "white")
    draw_stars(image, (0, 0), 60, 4.5, "#FF0000", "#0000FF")
    gap = 12
    cx = 4 * (60 + gap) + 30
    left, right = image.getpixel((cx - 8, 34)), image.getpixel((cx + 8, 34))
    assert left[0] > 200 and left[2] < 50  # lit
    assert right[2] > 200 and right[0] < 50  # empty
    full = Image.new("RGB", (400, 60), "white")
    draw_stars(full, (0, 0), 60, 5, "#FF0000", "#0000FF")
    assert full.getpixel((cx + 8, 34))[0] > 200


def _jpeg(path: Path, size: tuple[int, int], mode: str = "RGB", exif_orientation: int | None = None) -> Path:
    im = Image.new(mode, size, "red" if mode != "CMYK" else (0, 255, 255, 0))
    ImageDraw.Draw(im).rectangle((0, 0, size[0] // 4, size[1] // 4), fill="blue" if mode != "CMYK" else (255, 255, 0, 0))
    kw = {}
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        kw["exif"] = exif
    im.save(path, "JPEG", **kw)
    return path


def test_photo_exif_orientation_modes_and_draft(tmp_path: Path) -> None:
    from contentkit.graphics.photos import open_photo

    turned = open_photo(_jpeg(tmp_path / "t.jpg", (400, 200), exif_orientation=6), (100, 100))
    assert turned.height > turned.width
    assert open_photo(_jpeg(tmp_path / "c.jpg", (300, 300), "CMYK"), (100, 100)).mode == "RGB"
    Image.new("P", (50, 50)).save(tmp_path / "p.png")
    Image.new("RGBA", (50, 50), (0, 0, 0, 0)).save(tmp_path / "a.png")
    assert open_photo(tmp_path / "p.png", (50, 50)).mode == "RGB"
    assert open_photo(tmp_path / "a.png", (50, 50)).getpixel((1, 1)) == (255, 255, 255)
    big = open_photo(_jpeg(tmp_path / "big.jpg", (4000, 3000)), (1080, 1080))
    assert 1080 <= min(big.size) < 3000  # decoded at reduced size, still enough to cover


def test_bad_photos_give_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contentkit.graphics import photos

    (tmp_path / "bad.jpg").write_bytes(b"not an image at all")
    for path, words in ((tmp_path / "none.jpg", "does not exist"), (tmp_path / "bad.jpg", "cannot be read")):
        with pytest.raises(InputError, match=words):
            render_testimonial(review(), template="photo", brand=NO_EMOJI, photo=path)
    monkeypatch.setattr(photos, "MAX_PIXELS", 10_000)
    with pytest.raises(InputError, match="too large"):
        render_testimonial(review(), template="photo", brand=NO_EMOJI, photo=_jpeg(tmp_path / "b.jpg", (400, 300)))


def test_photo_template_uses_the_photo(tmp_path: Path) -> None:
    with_photo = render_testimonial(review(), template="photo", brand=NO_EMOJI, photo=_jpeg(tmp_path / "p.jpg", (800, 600)))
    without = render_testimonial(review(), template="photo", brand=NO_EMOJI)
    assert ImageChops.difference(with_photo, without).getbbox() is not None


def test_template_with_a_wrong_key_names_it(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('[[layer]]\nkind = "quote"\nbox = [0, 0, 1, 1]\ncolr = "red"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="colr"):
        load_template("mine", (tmp_path,))
    with pytest.raises(InputError, match="unknown template"):
        load_template("nope")


def test_a_font_path_that_is_not_a_font_is_refused(tmp_path: Path) -> None:
    (tmp_path / "font.ttf").write_text("hello", encoding="utf-8")
    with pytest.raises(ConfigError, match="font_regular.*not a TTF/OTF"):
        render_testimonial(review(), brand=Brand(font_regular=str(tmp_path / "font.ttf")))


def test_marketplace_file_is_under_2mb_and_saved_atomically(tmp_path: Path) -> None:
    image = render_testimonial(review(), size="marketplace", brand=NO_EMOJI)
    path = save_testimonial(image, tmp_path / "m.jpg", max_bytes=SIZES["marketplace"].max_bytes)
    assert path.stat().st_size < 2_000_000
    assert Image.open(path).size == (1024, 1024)
    assert [p.name for p in tmp_path.iterdir()] == ["m.jpg"]  # no temporary file left behind
    data = io.BytesIO()
    image.save(data, "PNG")
    assert data.tell() > 0
