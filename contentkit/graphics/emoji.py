"""Emoji in reviews: find them, draw them in colour, or drop them cleanly.

Customers write "Mantap 👍". Lato has no 👍, so Pillow would draw its empty
box. Here the text is split into runs the text font draws and emoji clusters
(a base, skin tone, variation selector, ZWJ joins, flags, keycaps). An emoji is
drawn from a colour emoji font when one is configured or installed; bitmap
colour fonts (Noto Color Emoji) only render at their native size, so the glyph
is drawn once at that size and scaled.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .glyphs import font_codepoints

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["EMOJI_FONT_PATHS", "find_emoji_font", "split_emoji", "emoji_image", "clean_text"]

# Where Debian/Ubuntu, Fedora, Arch and macOS keep a colour emoji font.
EMOJI_FONT_PATHS = (
    "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/noto/NotoColorEmoji.ttf",
    "/usr/share/fonts/google-noto-emoji/NotoColorEmoji.ttf",
    "/usr/share/fonts/noto-emoji/NotoColorEmoji.ttf",
    "/System/Library/Fonts/Apple Color Emoji.ttc",
)

_BASE = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23f3"
    "\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b05-\u2b07"
    "\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
_MOD = "\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_CLUSTER = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}"  # flags
    "|[0-9#*]\ufe0f?\u20e3"  # keycaps
    f"|[{_BASE}][{_MOD}]*(?:\u200d[{_BASE}][{_MOD}]*)*"
)
# Joiners and selectors that mean nothing once their emoji is gone.
_STRAY = re.compile("[\u200d\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff]")
_SPACES = re.compile(r"[^\S\n]+")


def find_emoji_font(configured: str = "") -> str | None:
    """The colour emoji font to use: `configured` ("none" turns emoji off), else an installed one."""
    if configured:
        if configured.strip().lower() == "none":
            return None
        return configured if os.path.isfile(configured) else None
    for path in EMOJI_FONT_PATHS:
        if os.path.isfile(path):
            return path
    return None


def split_emoji(text: str, text_font: str, emoji_font: str | None) -> list[tuple[str, bool]]:
    """Split `text` into (run, is_emoji) pieces; what neither font draws is dropped.

    A symbol the text font has (© or ™ in Lato) stays text unless an emoji
    selector (U+FE0F) asks for the emoji form.

    >>> split_emoji("Mantap 👍", LATO, None)  # doctest: +SKIP
    [('Mantap', False)]
    """
    has_text = font_codepoints(text_font)
    has_emoji = font_codepoints(emoji_font) if emoji_font else frozenset()
    pieces: list[tuple[str, bool]] = []
    pos = 0
    buf: list[str] = []

    def flush_text(chunk: str) -> None:
        for ch in chunk:
            if ord(ch) in has_text or ch == "\n":
                buf.append(ch)
            elif ch.isspace():
                buf.append(" ")
            elif _STRAY.match(ch) is None and ord(ch) in has_emoji and emoji_font:
                _emit_emoji(ch)
            # else: no font draws it; leave it out rather than draw a box

    def _emit_emoji(cluster: str) -> None:
        if buf:
            pieces.append(("".join(buf), False))
            buf.clear()
        pieces.append((cluster, True))

    for m in _CLUSTER.finditer(text):
        flush_text(text[pos : m.start()])
        cluster = m.group(0)
        base = ord(cluster[0])
        wants_emoji = "\ufe0f" in cluster or len(cluster) > 1 or base not in has_text
        if not wants_emoji:
            buf.append(cluster)
        elif emoji_font and base in has_emoji:
            _emit_emoji(cluster)
        pos = m.end()
    flush_text(text[pos:])
    if buf:
        pieces.append(("".join(buf), False))
    return pieces


def clean_text(text: str) -> str:
    """Tidy the spaces left where emoji were removed: no doubles, none before punctuation or at the ends."""
    text = _SPACES.sub(" ", text)
    text = re.sub(r" ([,.!?;:])", r"\1", text)
    text = re.sub(r" *\n *", "\n", text)
    return text.strip()


@lru_cache(maxsize=512)
def emoji_image(cluster: str, font_path: str, px: int) -> Image.Image:
    """The emoji `cluster` drawn in colour, scaled to a `px`-high RGBA image cropped to its ink left and right."""
    from PIL import Image, ImageDraw

    font = _native_font(font_path)
    left, top, right, bottom = font.getbbox(cluster, mode="RGBA")
    w, h = max(1, int(right - left)), max(1, int(bottom - top))
    canvas = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    ImageDraw.Draw(canvas).text((-left, -top), cluster, font=font, embedded_color=True)
    # The font's glyph box has empty margins; the text fitter adds its own side bearing.
    ink = canvas.getchannel("A").getbbox()
    if ink:
        canvas = canvas.crop((ink[0], 0, ink[2], h))
    scale = px / h
    return canvas.resize((max(1, round(canvas.width * scale)), px), Image.Resampling.LANCZOS)


@lru_cache(maxsize=4)
def _native_font(path: str):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    # Bitmap colour fonts accept only their strike size (109 for Noto Color Emoji);
    # vector (COLR) fonts accept any size.
    for size in (109, 136, 128, 160, 96, 72, 64):
        try:
            return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)
        except OSError:
            continue
    return ImageFont.truetype(path, 109)
