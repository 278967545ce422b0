"""Fitting text into a region: wrap, shrink, and if need be cut with an ellipsis.

Wrapping and shrinking are Pillow's own `ImageText.Text.wrap(width, height,
scaling=("shrink", minimum))`. Emoji take part in the wrap as a run of
placeholder characters as wide as the emoji, so lines break around them like
around words, and are pasted in colour where the placeholders land.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, BinaryIO

from .emoji import clean_text, emoji_image, split_emoji
from .textbreak import _PH, ELLIPSIS, _break_long_words, _segments, _with_ellipsis

if TYPE_CHECKING:
    from PIL import Image, ImageFont

__all__ = ["FittedText", "fit_text", "load_font", "ELLIPSIS"]

_EMOJI_EM = 1.0  # an emoji is about this many ems wide next to text
_BLANK_RUNS = re.compile(r"[^\S\n]*\n(?:[^\S\n]*\n)+")


@lru_cache(maxsize=128)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    """A cached FreeType font whose measurements are fast (see `_measuring_font_class`)."""
    return _measuring_font_class()(path, size)


@lru_cache(maxsize=1)
def _measuring_font_class() -> type[ImageFont.FreeTypeFont]:
    from PIL import ImageFont

    class MeasuringFont(ImageFont.FreeTypeFont):
        """A FreeTypeFont whose `getbbox` of a line is its advance plus a fixed ink margin.

        `ImageText.Text.wrap` asks for the bounding box of every candidate line,
        and FreeType computes an exact one by loading each glyph's outline:
        about 170 µs a line, most of a render's time. The advance width (cached)
        plus the font's largest overhang, and the full ascent + descent as the
        bottom, bound the ink from outside, so fitting stays safe and is ~7× faster.
        """

        def __init__(self, font: str, size: float, **kwargs: Any) -> None:
            super().__init__(font, size, **kwargs)
            self._lengths: dict[str, float] = {}
            self._exact: dict[str, tuple[float, float, float, float]] = {}
            self._glyphs: dict[str, tuple[Any, int, int]] = {}
            self._kerns: dict[str, float] = {}
            ascent, descent = self.getmetrics()
            self._bottom = float(ascent + descent)
            self._overhang = max(
                0.0, *(super(MeasuringFont, self).getbbox(ch)[2] - super(MeasuringFont, self).getlength(ch) for ch in "fjy,.!?\u2026")
            )

        def getlength(self, text: Any, mode: str = "", *args: Any, **kwargs: Any) -> float:
            # ImageText passes (mode, None, None, None): the plain measurement, cacheable.
            if any(a is not None for a in args) or any(v is not None for v in kwargs.values()) or mode not in ("", "L"):
                return float(super().getlength(text, mode, *args, **kwargs))
            cached = self._lengths.get(text)
            if cached is None:
                cached = self._lengths[text] = float(super().getlength(text))
            return cached

        def getbbox(self, text: Any, mode: str = "", direction: Any = None, features: Any = None,
                    language: Any = None, stroke_width: float = 0, anchor: Any = None) -> Any:
            if stroke_width or anchor not in (None, "la") or direction or features or language:
                return super().getbbox(text, mode, direction, features, language, stroke_width, anchor)
            if len(text) <= 1:  # line spacing is measured on "A": keep it exact, as Pillow has it
                exact = self._exact.get(text)
                if exact is None:
                    exact = self._exact[text] = super().getbbox(text)
                return exact
            return (0.0, 0.0, self.getlength(text) + self._overhang, self._bottom)

        def glyph(self, unit: str) -> tuple[Image.Image | None, int, int]:
            """`unit` rasterised once: (mask, x offset, y offset) from a left-ascender origin."""
            found = self._glyphs.get(unit)
            if found is None:
                from PIL import Image, ImageDraw

                left, top, right, bottom = (int(v) for v in ImageFont.FreeTypeFont.getbbox(self, unit, anchor="la"))
                mask = None
                if right > left and bottom > top:
                    mask = Image.new("L", (right - left, bottom - top), 0)
                    ImageDraw.Draw(mask).text((-left, -top), unit, font=self, fill=255, anchor="la")
                found = self._glyphs[unit] = (mask, left, top)
            return found

        def kerning(self, a: str, b: str) -> float:
            """How much closer (negative) or further `b` sits after `a` than their advances say."""
            key = a + "\0" + b
            found = self._kerns.get(key)
            if found is None:
                found = self._kerns[key] = self.getlength(a + b) - self.getlength(a) - self.getlength(b)
            return found

        def font_variant(
            self,
            font: str | bytes | os.PathLike[str] | os.PathLike[bytes] | BinaryIO | None = None,
            size: float | None = None,
            index: int | None = None,
            encoding: str | None = None,
            layout_engine: ImageFont.Layout | None = None,
        ) -> ImageFont.FreeTypeFont:
            # Pillow's shrink loop asks for `font_variant(size=...)`: keep those cached and fast.
            if font is not None or index is not None or encoding is not None or layout_engine is not None:
                return super().font_variant(font, size, index, encoding, layout_engine)
            return load_font(str(self.path), int(size if size is not None else self.size))

    return MeasuringFont


@dataclass
class FittedText:
    """Lines that fit a box at one font size, ready to draw."""

    lines: list[str]
    font: ImageFont.FreeTypeFont
    box: tuple[int, int, int, int]  # x, y, width, height
    spacing: float
    align: str = "center"
    valign: str = "middle"
    emoji: list[str] = field(default_factory=list)
    emoji_font: str | None = None
    ph_run: int = 1
    cut: bool = False  # the text did not fit even at the minimum size and ends with "…"

    @property
    def size(self) -> int:
        return int(self.font.size)

    @property
    def line_height(self) -> float:
        # The same advance Pillow uses for multiline text.
        return float(self.font.getbbox("A")[3] + self.spacing)

    @property
    def text(self) -> str:
        """The shown text, emoji restored, lines joined by newlines."""
        out, queue = [], iter(self.emoji)
        for line in self.lines:
            out.append(_restore(line, self.ph_run, queue))
        return "\n".join(out)

    def block_height(self) -> float:
        if not self.lines:
            return 0.0
        last = self.font.getbbox(self.lines[-1] or "A")[3]
        return (len(self.lines) - 1) * self.line_height + last

    def origin_y(self) -> float:
        x, y, w, h = self.box
        free = h - self.block_height()
        return y + {"top": 0.0, "middle": free / 2, "bottom": free}.get(self.valign, free / 2)

    def line_widths(self) -> list[float]:
        """Each line's drawn width: text advances plus each emoji's own width."""
        return [sum(advance for _, _, advance in pieces) for pieces in self._layout()]

    def _layout(self) -> list[list[tuple[str, bool, float]]]:
        # Each line as (text run or emoji cluster, is_emoji, advance). The wrap measured an
        # emoji as a run of placeholders (a little wider than any emoji); drawing it in that
        # whole slot left a gap as wide as a space before the next letter ("😍 ,"). An emoji
        # advances by its own ink plus a letter-like side bearing instead.
        queue = iter(self.emoji)
        slot = self.font.getlength(_PH) * self.ph_run
        bearing = self._bearing()
        out: list[list[tuple[str, bool, float]]] = []
        for line in self.lines:
            pieces: list[tuple[str, bool, float]] = []
            for run, is_emoji in _segments(line, self.ph_run):
                if not is_emoji:
                    pieces.append((run, False, float(self.font.getlength(run))))
                    continue
                for _ in range(len(run) // self.ph_run):
                    cluster = next(queue, "")
                    glyph = self._emoji_glyph(cluster, slot)
                    pieces.append((cluster, True, glyph.width + 2 * bearing if glyph is not None else slot))
            out.append(pieces)
        return out

    def _bearing(self) -> float:
        return 0.05 * float(self.font.size)

    def _emoji_glyph(self, cluster: str, slot: float) -> Image.Image | None:
        if not cluster or not self.emoji_font:
            return None
        from PIL import Image

        glyph = emoji_image(cluster, self.emoji_font, max(1, int(self.font.size * 0.95)))
        room = int(slot - 2 * self._bearing())
        if glyph.width > room:  # a sequence the font draws as several glyphs: keep it in its slot
            glyph = glyph.resize((max(1, room), max(1, glyph.height * room // glyph.width)), Image.Resampling.LANCZOS)
        return glyph

    def draw(self, image: Image.Image, fill: Any) -> None:
        """Draw the lines (and colour emoji) onto `image` inside the box."""
        from PIL import ImageDraw

        draw = ImageDraw.Draw(image)
        x0, _, w, _ = self.box
        y = self.origin_y()
        slot = self.font.getlength(_PH) * self.ph_run
        bearing = self._bearing()
        ascent = self.font.getmetrics()[0]
        centre = 0.36 * self.font.size  # an emoji's middle sits near the x-height's middle
        for pieces in self._layout():
            lw = sum(advance for _, _, advance in pieces)
            x = x0 + {"left": 0.0, "center": (w - lw) / 2, "right": w - lw}.get(self.align, 0.0)
            for piece, is_emoji, advance in pieces:
                if not is_emoji:
                    draw_run(image, draw, (x, y), piece, self.font, fill)
                else:
                    glyph = self._emoji_glyph(piece, slot)
                    if glyph is not None:
                        image.paste(glyph, (int(x + bearing), int(y + ascent - centre - glyph.height / 2)), glyph)
                x += advance
            y += self.line_height


_CLUSTERS = re.compile(r"ff[il]|f[fil]|.", re.S)  # the ligatures Latin fonts shape, kept whole


def draw_run(image: Image.Image, draw: Any, xy: tuple[float, float], text: str, font: Any, fill: Any) -> None:
    """Draw one line of text, top-left at `xy`, from glyphs rasterised once per font.

    FreeType rasterises every glyph on every `draw.text` (about 5 ms for a 40-letter line
    at quote size, half of a card's cost); a batch draws the same few dozen letters over
    and over. Letters are placed by their advances plus the font's kerning of each pair,
    as the layout engine does, at whole pixels as Pillow places glyph bitmaps.
    """
    glyphs = getattr(font, "glyph", None)
    if glyphs is None or not isinstance(fill, tuple):
        draw.text(xy, text, font=font, fill=fill, anchor="la")
        return
    x, y = xy
    prev = ""
    # ImageDraw.bitmap, without re-resolving the colour for every letter.
    ink = draw._getink(fill)[0]
    blit = draw.draw.draw_bitmap
    kerning, advance = font.kerning, font.getlength
    for unit in _CLUSTERS.findall(text):
        if prev:
            x += kerning(prev, unit)
        mask, ox, oy = glyphs(unit)
        if mask is not None:
            blit((round(x) + ox, round(y) + oy), mask.im, ink)
        x += advance(unit)
        prev = unit


def _restore(line: str, run: int, queue: Any) -> str:
    return "".join(
        "".join(next(queue, "") for _ in range(len(seg) // run)) if is_emoji else seg
        for seg, is_emoji in _segments(line, run)
    )


def prepare(text: str, font_path: str, emoji_font: str | None) -> tuple[str, list[str], int]:
    """The text with emoji replaced by placeholder runs, the emoji in order, and the run length."""
    text = unicodedata.normalize("NFC", text).replace(_PH, "").replace("\t", " ")
    # A review's own line breaks stay breaks ("Kualitas: bagus\nWarna: sesuai"); a run of
    # blank lines between them is folded to one break, and Windows/Mac breaks become "\n".
    text = _BLANK_RUNS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n"))
    ph_w = load_font(font_path, 100).getlength(_PH) or 55.0
    run = max(1, round(_EMOJI_EM * 100 / ph_w))
    parts, emoji = [], []
    for piece, is_emoji in split_emoji(text, font_path, emoji_font):
        if is_emoji:
            emoji.append(piece)
            parts.append(_PH * run)
        else:
            parts.append(piece)
    return clean_text("".join(parts)), emoji, run


def fit_text(
    text: str,
    font_path: str,
    box: tuple[int, int, int, int],
    *,
    max_size: int,
    min_size: int,
    emoji_font: str | None = None,
    align: str = "center",
    valign: str = "middle",
    line_spacing: float = 0.3,
) -> FittedText:
    """Wrap and shrink `text` into `box` (x, y, w, h), never below `min_size` px.

    When even `min_size` is too big, the text is cut at a word boundary and
    ends with "…"; the result says so with `cut=True`.

    >>> fitted = fit_text("Enak banget, pengiriman cepat!", LATO, (0, 0, 600, 200),
    ...                   max_size=72, min_size=24)          # doctest: +SKIP
    >>> fitted.size, fitted.lines                              # doctest: +SKIP
    (72, ['Enak banget, pengiriman', 'cepat!'])
    """
    from PIL import ImageFont, ImageText

    # Some glyphs (italic J, heavy T) ink a little left of their origin and right of
    # their advance: keep a small inset so no ink crosses the region's edge.
    inset = max(1, round(0.04 * max_size))
    x, y, w, h = box[0] + inset, box[1], max(1, box[2] - 2 * inset), box[3]
    box = (x, y, w, h)
    prepared, emoji, run = prepare(text, font_path, emoji_font)
    spacing = max(2.0, line_spacing * max_size)
    # Emoji hang a little below the baseline: keep room for that under the last line.
    height = int(h - (0.2 * max_size if emoji else 0))
    min_font = load_font(font_path, min_size)
    prepared = _break_long_words(prepared, min_font, w, run)
    start = max(min_size, min(max_size, _estimate(prepared, font_path, w, height, spacing)))

    def fitted(lines: list[str], font: ImageFont.FreeTypeFont, cut: bool = False) -> FittedText:
        return FittedText(lines=lines, font=font, box=box, spacing=spacing, align=align, valign=valign,
                          emoji=emoji, emoji_font=emoji_font, ph_run=run, cut=cut)

    if not prepared:
        return fitted([], load_font(font_path, start))
    block = ImageText.Text(prepared, load_font(font_path, start), spacing=spacing)
    try:
        block.wrap(w, height, scaling=("shrink", min_size))
        # The shrink loop makes its smaller sizes with our `font_variant`: still a FreeTypeFont.
        assert isinstance(block.font, ImageFont.FreeTypeFont)
        return fitted(block.text.split("\n"), block.font)
    except ValueError:
        pass  # does not fit even at min_size: cut below
    block = ImageText.Text(prepared, min_font, spacing=spacing)
    rest = block.wrap(w, height)
    lines = block.text.split("\n") if block.text else []
    if rest is not None:
        lines = _with_ellipsis(lines, min_font, w)
    return fitted(lines, min_font, cut=rest is not None)


def _estimate(text: str, font_path: str, w: int, h: int, spacing: float) -> int:
    """A size a little above the one that just fills the box, so the shrink takes few steps.

    Lines ~ (advance of the whole text) / (0.9 w) + 1/2; each line is cap-height-ish
    (k s) plus the spacing: solve (c s + 1/2)(k s + spacing) = h for s.
    """
    ref = load_font(font_path, 100)
    c = sum(ref.getlength(part) for part in text.split("\n")) / (100 * 0.9 * w)
    k = ref.getbbox("A")[3] / 100
    lines_extra = 0.5 + text.count("\n")
    a, b, cc = c * k, c * spacing + lines_extra * k, lines_extra * spacing - h
    if a <= 0:
        return 10_000
    disc = b * b - 4 * a * cc
    if disc < 0:  # a box with no room for even one line (h below the spacing): the caller's minimum
        return 0
    s = (-b + disc**0.5) / (2 * a)
    return int(s * 1.08) + 1
