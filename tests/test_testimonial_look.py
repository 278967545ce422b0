"""What a shop owner sees: spacing round emoji, short quotes on tall canvases, chats, stars.

Each test pins something found by looking at rendered images; all are structural
(positions, sizes, colours), never golden bytes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from contentkit.graphics.brand import Brand, lato
from contentkit.graphics.emoji import find_emoji_font
from contentkit.graphics.canvas import Canvas
from contentkit.graphics.render import render_testimonial
from contentkit.graphics.templates import SIZES, Layer
from contentkit.graphics.textfit import fit_text
from contentkit.records import Review

EMOJI_FONT = find_emoji_font()
NO_EMOJI = Brand(emoji_font="none", shop_name="Dapur Bu Sari", handle="@dapurbusari", footer="Belanja di Shopee")
LONG = (
    "Rendangnya enak banget, dagingnya empuk dan bumbunya meresap sampai ke dalam. Pengiriman cepat, "
    "packing rapi pakai vacuum jadi aman sampai Surabaya. Pasti order lagi buat Lebaran nanti! Terima "
    "kasih Bu Sari, sukses terus ya, semoga makin laris manis dan banyak pelanggan setia."
)[:300]
needs_emoji_font = pytest.mark.skipif(EMOJI_FONT is None, reason="no colour emoji font installed (fonts-noto-color-emoji)")


def _columns(image: Image.Image, test: object) -> list[int]:
    px = image.load()
    assert px is not None
    return [x for x in range(image.width) if any(test(px[x, y]) for y in range(image.height))]  # type: ignore[operator]


def _colourful(p: tuple[int, int, int]) -> bool:
    return max(p) - min(p) > 60


def _dark_grey(p: tuple[int, int, int]) -> bool:
    return max(p) < 100 and max(p) - min(p) < 30


@needs_emoji_font
@pytest.mark.parametrize("face", ["Lato", "LatoItalic", "LatoBlack"])
def test_punctuation_after_an_emoji_sits_close_like_after_a_letter(face: str) -> None:
    # "Enak 😍, pasti" once drew as "Enak 😍 , pasti": the emoji sat centred in a slot
    # wider than itself, leaving a space-wide gap before the comma.
    fitted = fit_text("Enak \U0001f60d, pasti", lato(face), (0, 0, 1000, 200), max_size=100, min_size=100,
                      emoji_font=EMOJI_FONT, align="left")
    image = Image.new("RGB", (1000, 200), "white")
    fitted.draw(image, "black")
    emoji = _columns(image, _colourful)
    assert emoji, "the emoji is drawn in colour"
    after = [x for x in _columns(image, _dark_grey) if x > max(emoji)]
    before = [x for x in _columns(image, _dark_grey) if x < min(emoji)]
    space = fitted.font.getlength(" ")
    assert after[0] - max(emoji) < 0.75 * space  # the comma hugs the emoji
    assert min(emoji) - max(before) > space  # while the word before keeps its space


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("length", [1, 2])
def test_the_shops_reply_in_a_chat_is_whole_or_left_out(size: str, length: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # A 300-character review once pushed the reply bubble into a sliver showing just "…".
    from contentkit.graphics import chat

    seen: list[Canvas] = []
    real = chat.bubble

    def spy(canvas: Canvas, layer: Layer) -> None:
        real(canvas, layer)
        seen.append(canvas)

    monkeypatch.setattr(chat, "bubble", spy)
    thanks = "Terima kasih banyak, Kak Rina! Ditunggu order berikutnya ya"
    notes: list[str] = []
    render_testimonial(Review(LONG * length, name="Rina", rating=5, reply=thanks), "chat", size, NO_EMOJI,
                       on_warning=notes.append)
    reply = seen[-1].fitted.get("reply")
    if length == 1:  # a 300-character review leaves room for the whole thank-you
        assert reply is not None
    if reply is not None:
        assert not reply.cut and reply.text.replace("\n", " ") == thanks
    else:
        assert any("reply" in n and "left out" in n for n in notes)
    if reply is not None:
        assert reply.size <= seen[-1].fitted["quote"].size  # the reply never outshouts the review


@pytest.mark.parametrize("template", ["minimal", "photo"])
def test_empty_stars_are_see_through_where_the_template_says_so(template: str) -> None:
    # minimal and photo ask for "#FFFFFF55"/"#FFFFFF66" empty stars; dropping the alpha drew
    # them solid white, so a 0.5-star review looked like a row of five white stars.
    from contentkit.graphics.shapes import stars_width
    from contentkit.graphics.templates import load_template

    tpl = load_template(template)
    layer = next(ly for ly in tpl.layers if ly.kind == "stars")
    x, y, w, h = Canvas(Image.new("RGB", (1, 1)), SIZES["square"], NO_EMOJI, None, tpl).box(layer)
    image = render_testimonial(Review("Enak", rating=0.5), tpl, "square", NO_EMOJI)
    gap = max(2, h // 5)
    assert stars_width(h, gap) <= w
    last = image.getpixel((x + 4 * (h + gap) + h // 2, y + h // 2 + h // 20))
    assert isinstance(last, tuple)
    assert min(last) < 235, last  # the background shows through the empty star
    assert max(last) > 100  # yet it is lighter than the dark photo fade or visible on the brand colour


@pytest.mark.parametrize("template", ["card", "photo", "minimal", "chat"])
def test_a_short_quote_grows_to_fill_a_story(template: str) -> None:
    # "Mantap, enak!" at the square's size left the story's tall card looking empty.
    from contentkit.graphics.painters import fit_layer_text
    from contentkit.graphics.templates import load_template

    tpl = load_template(template)
    layer = next(ly for ly in tpl.layers if ly.kind == "quote" or ly.get("side") == "in")
    sizes = {}
    for size in ("square", "story"):
        canvas = Canvas(Image.new("RGB", (1, 1)), SIZES[size], NO_EMOJI.resolved(), Review("Mantap, enak!"), tpl)
        sizes[size] = fit_layer_text(canvas, layer, "Mantap, enak!").size
    assert sizes["story"] >= 1.25 * sizes["square"], sizes


@pytest.mark.parametrize("template", ["card", "photo", "minimal", "chat"])
def test_a_grown_short_quote_still_keeps_out_of_the_storys_covered_bands(template: str) -> None:
    from contentkit.graphics.templates import load_template

    tpl = load_template(template).without("fade")  # the photo's fade follows the quote: not text itself
    rv = Review("Mantap, enak!", name="Rina", rating=5, product="Rendang", source="shopee")
    texts = ("quote", "name", "product", "shop", "footer", "badge", "stars", "bubble", "logo")
    full = render_testimonial(rv, tpl, "story", NO_EMOJI)
    bare = render_testimonial(rv, tpl.without(*texts), "story", NO_EMOJI)
    ink = ImageChops.difference(full, bare).getbbox()
    assert ink is not None and ink[1] >= 250 and ink[3] <= 1920 - 250, ink


def _luminance(p: tuple[int, int, int]) -> float:
    def lin(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in p)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("size", ["square", "story"])
def test_photo_template_quote_is_legible_even_on_a_white_photo(size: str, tmp_path: Path) -> None:
    # A long quote starts mid-photo; the fixed fade was still light there, so white text sat
    # on a bright plate. Behind every line the backdrop must give white text 4.5:1 contrast.
    from contentkit.graphics.templates import load_template

    photo = tmp_path / "white.jpg"
    Image.new("RGB", (1600, 1200), "white").save(photo)
    white_text = load_template("photo")
    dark_text = load_template("photo")
    next(ly for ly in dark_text.layers if ly.kind == "quote").options["color"] = "#000000"
    rv = Review(LONG, name="Rina", rating=5)
    a = render_testimonial(rv, white_text, size, NO_EMOJI, photo=photo)
    b = render_testimonial(rv, dark_text, size, NO_EMOJI, photo=photo)
    glyphs = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 8 else 0)
    ink = glyphs.getbbox()
    assert ink is not None
    px, gx = a.load(), glyphs.load()
    assert px is not None and gx is not None
    backdrop = [px[x, y] for y in range(ink[1], ink[3], 3) for x in range(ink[0], ink[2], 3) if gx[x, y] == 0]
    brightest = max(_luminance(p) for p in backdrop)  # type: ignore[arg-type]
    assert (1.05) / (brightest + 0.05) >= 4.5, brightest


def test_a_fade_behind_a_layer_the_template_lacks_is_named(tmp_path: Path) -> None:
    from contentkit.errors import ConfigError
    from contentkit.graphics.templates import load_template

    (tmp_path / "mine.toml").write_text('[[layer]]\nkind = "fade"\nbehind = "quote"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="behind = 'quote'"):
        load_template("mine", (tmp_path,))


@pytest.mark.parametrize("template", ["card", "photo", "minimal", "chat"])
def test_text_regions_of_a_builtin_template_do_not_overlap(template: str) -> None:
    # The photo template's name box ran under its shop line: a long name met "Dapur Bu Sari".
    from contentkit.graphics.templates import load_template

    tpl = load_template(template)
    kinds = {"quote", "name", "product", "date", "badge", "shop", "footer", "stars", "logo", "bubble"}
    canvas = Canvas(Image.new("RGB", (1, 1)), SIZES["square"], NO_EMOJI, None, tpl)
    boxes = [(ly.kind, canvas.box(ly)) for ly in tpl.layers if ly.kind in kinds and not ly.get("follow")]
    for i, (kind_a, (ax, ay, aw, ah)) in enumerate(boxes):
        for kind_b, (bx, by, bw, bh) in boxes[i + 1 :]:
            overlap_w = min(ax + aw, bx + bw) - max(ax, bx)
            overlap_h = min(ay + ah, by + bh) - max(ay, by)
            assert overlap_w <= 0 or overlap_h <= 0, (template, kind_a, kind_b)


def test_a_story_chat_colours_the_band_above_its_header_like_a_status_bar() -> None:
    image = render_testimonial(Review("Mantap, enak!", name="Rina", rating=5), "chat", "story", NO_EMOJI)
    header = image.getpixel((1000, 260))
    assert image.getpixel((1000, 10)) == header and image.getpixel((1000, 240)) == header
    square = render_testimonial(Review("Mantap, enak!", name="Rina", rating=5), "chat", "square", NO_EMOJI)
    assert square.getpixel((1000, 5)) == header  # the same bar colour where there is no covered band


def test_no_logo_and_no_shop_name_leaves_no_empty_plate() -> None:
    # The photo template drew its white logo plate as a blank disc when there was nothing to put on it.
    from contentkit.graphics.templates import load_template

    tpl = load_template("photo")
    rv = Review("Ori dan cepat sampai.", rating=4)
    bare = Brand(emoji_font="none")
    with_logo_layer = render_testimonial(rv, tpl, "square", bare)
    without = render_testimonial(rv, tpl.without("logo"), "square", bare)
    assert ImageChops.difference(with_logo_layer, without).getbbox() is None
    named = render_testimonial(rv, tpl, "square", Brand(emoji_font="none", shop_name="Dapur Bu Sari"))
    assert ImageChops.difference(named, without).getbbox() is not None  # the initial on its plate


def test_a_chat_shows_no_reply_and_no_time_the_review_does_not_have(monkeypatch: pytest.MonkeyPatch) -> None:
    # It used to invent the shop's "Senang sekali kamu suka 🙏" and an evening clock time.
    from PIL import ImageDraw

    from contentkit.graphics import chat

    drawn: list[str] = []
    original = ImageDraw.ImageDraw.text

    def spy(self, xy, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append(str(text))
        return original(self, xy, text, *args, **kwargs)

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", spy)
    seen: list[Canvas] = []
    real_bubble = chat.bubble
    monkeypatch.setattr(chat, "bubble", lambda c, ly: (real_bubble(c, ly), seen.append(c)))
    render_testimonial(Review("Enak banget, bumbunya meresap", name="Rina", rating=5, source="shopee"), "chat",
                       "square", NO_EMOJI)
    assert "reply" not in seen[-1].fitted
    assert not any(t[:1].isdigit() and "." in t for t in drawn)  # no "19.42"
    assert "online" not in drawn and any("Ulasan Shopee" in t for t in drawn)


def test_a_chat_shows_the_shops_real_reply_and_the_reviews_own_time() -> None:
    from datetime import date

    review = Review("Enak banget", name="Rina", rating=5, source="tokopedia", date=date(2026, 12, 1), time="19.30",
                    reply="Makasih Kak Rina, sehat selalu!")
    plain = render_testimonial(Review("Enak banget", name="Rina", rating=5, source="tokopedia"), "chat", "square", NO_EMOJI)
    full = render_testimonial(review, "chat", "square", NO_EMOJI)
    assert ImageChops.difference(plain, full).getbbox() is not None


def test_a_short_chat_on_a_story_sits_in_the_middle_not_at_the_top(monkeypatch: pytest.MonkeyPatch) -> None:
    from contentkit.graphics import chat

    seen: list[Canvas] = []
    real_bubble = chat.bubble
    monkeypatch.setattr(chat, "bubble", lambda c, ly: (real_bubble(c, ly), seen.append(c)))
    render_testimonial(Review("Enak banget!", name="Rina", rating=5, source="shopee"), "chat", "story", NO_EMOJI)
    story = SIZES["story"]
    top, height = story.safe_top, story.safe_box[3]
    quote_top = seen[-1].fitted["quote"].box[1]
    bottom = seen[-1].flow_y
    assert quote_top > top + 0.45 * height  # not pinned under the header with the lower half empty
    assert bottom < top + 0.75 * height


def test_read_ticks_only_under_a_reply_sent_on_whatsapp() -> None:
    """WhatsApp's blue ticks would make a Shopee review look like a WhatsApp chat."""
    def blue_tick_pixels(source: str) -> int:
        review = Review("Kuenya enak kak 😍\nanak-anak suka", name="Dewi", rating=5, source=source,
                        reply="Makasih Bu Dewi 🙏")
        image = render_testimonial(review, "chat", "square", NO_EMOJI).convert("RGB")
        return sum(1 for r, g, b in image.get_flattened_data() if abs(r - 0x34) < 12 and abs(g - 0xB7) < 12 and abs(b - 0xF1) < 12)

    assert blue_tick_pixels("whatsapp") > 20
    assert blue_tick_pixels("shopee") == 0
