"""Vector shapes for testimonials: stars with half stars, rounded cards, soft shadows.

Pillow's polygons are not anti-aliased, so small shapes are drawn four times
larger on a mask and scaled down; masks that depend only on the geometry are
cached, so a batch pays for them once.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["star_points", "draw_stars", "rounded_mask", "shadow_mask", "fade_mask", "scrim_mask", "paste_color", "draw_ticks"]

_SS = 4  # supersampling factor for small shapes


def star_points(cx: float, cy: float, outer: float, inner_ratio: float = 0.48) -> list[tuple[float, float]]:
    """The 10 corners of a five-pointed star centred on (cx, cy), point up.

    >>> len(star_points(0, 0, 10))
    10
    """
    pts = []
    for i in range(10):
        r = outer if i % 2 == 0 else outer * inner_ratio
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


@lru_cache(maxsize=64)
def _stars_masks(height: int, gap: int, halves: int) -> tuple[Image.Image, Image.Image]:
    """(filled, empty) masks for a row of five stars with `halves` half-stars lit (0..10)."""
    from PIL import Image, ImageChops, ImageDraw

    h = height * _SS
    g = gap * _SS
    width = 5 * h + 4 * g
    full = Image.new("L", (width, h), 0)
    empty = Image.new("L", (width, h), 0)
    de = ImageDraw.Draw(empty)
    outer = h / 2
    cy = h / 2 + h * 0.05  # the star's visual centre sits a little low
    for i in range(5):
        cx = i * (h + g) + h / 2
        pts = star_points(cx, cy, outer * 1.02)
        de.polygon(pts, fill=255)
        lit = min(2, max(0, halves - 2 * i))
        if lit:
            star = Image.new("L", (width, h), 0)
            ImageDraw.Draw(star).polygon(pts, fill=255)
            right = cx - outer if lit == 0 else (cx if lit == 1 else cx + outer + 1)
            clip = Image.new("L", (width, h), 0)
            ImageDraw.Draw(clip).rectangle((cx - outer - 1, 0, right, h), fill=255)
            full.paste(255, (0, 0), ImageChops.multiply(star, clip))
    size = ((width + _SS - 1) // _SS, height)
    return full.resize(size, Image.Resampling.LANCZOS), empty.resize(size, Image.Resampling.LANCZOS)


def stars_width(height: int, gap: int) -> int:
    return (5 * height * _SS + 4 * gap * _SS + _SS - 1) // _SS


def draw_stars(image: Image.Image, xy: tuple[int, int], height: int, rating: float, fill: str | tuple[int, ...], empty: str | tuple[int, ...]) -> int:
    """Draw five stars at `xy`, lit to `rating` rounded to the nearest half; returns their width."""
    halves = max(0, min(10, round(rating * 2)))
    gap = max(2, height // 5)
    full, hollow = _stars_masks(height, gap, halves)
    paste_color(image, empty, xy, hollow)
    paste_color(image, fill, xy, full)
    return full.width


def paste_color(image: Image.Image, color: str | tuple[int, ...], xy: tuple[int, int], mask: Image.Image) -> None:
    """Paint `color` through `mask` (an L image) at `xy`; a colour's alpha scales the mask."""
    from PIL import ImageColor

    rgba = ImageColor.getrgb(color) if isinstance(color, str) else color
    if len(rgba) == 4 and rgba[3] < 255:
        mask = mask.point(lambda v, a=rgba[3]: v * a // 255)
    image.paste(tuple(rgba[:3]), (int(xy[0]), int(xy[1])), mask)


@lru_cache(maxsize=64)
def rounded_mask(width: int, height: int, radius: int) -> Image.Image:
    """An anti-aliased rounded-rectangle mask."""
    from PIL import Image, ImageDraw

    radius = max(0, min(radius, width // 2, height // 2))
    if radius == 0:
        return Image.new("L", (width, height), 255)
    mask = Image.new("L", (width, height), 255)
    corner = Image.new("L", (radius * _SS, radius * _SS), 0)
    ImageDraw.Draw(corner).pieslice((0, 0, 2 * radius * _SS, 2 * radius * _SS), 180, 270, fill=255)
    corner = corner.resize((radius, radius), Image.Resampling.LANCZOS)
    mask.paste(corner, (0, 0))
    mask.paste(corner.transpose(Image.Transpose.FLIP_LEFT_RIGHT), (width - radius, 0))
    mask.paste(corner.transpose(Image.Transpose.FLIP_TOP_BOTTOM), (0, height - radius))
    mask.paste(corner.transpose(Image.Transpose.ROTATE_180), (width - radius, height - radius))
    return mask


@lru_cache(maxsize=32)
def shadow_mask(width: int, height: int, radius: int, blur: int, strength: int = 70) -> Image.Image:
    """A soft drop-shadow mask, `blur` px wider than the shape on every side."""
    from PIL import Image, ImageFilter

    # Blurring a quarter-size mask and scaling it up looks the same and costs 1/16.
    q = 4
    w, h = width + 2 * blur, height + 2 * blur
    small = Image.new("L", (max(1, w // q), max(1, h // q)), 0)
    inner = rounded_mask(max(1, width // q), max(1, height // q), max(0, radius // q))
    small.paste(inner.point(lambda v: v * strength // 255), (blur // q, blur // q))
    small = small.filter(ImageFilter.GaussianBlur(max(1, blur // q // 2)))
    return small.resize((w, h), Image.Resampling.BILINEAR)


@lru_cache(maxsize=16)
def fade_mask(width: int, height: int, start: float, top_alpha: int, bottom_alpha: int) -> Image.Image:
    """A vertical mask: transparent above `start` (0..1 of height), then `top_alpha` easing to `bottom_alpha`."""
    from PIL import Image

    column = Image.new("L", (1, height), 0)
    first = int(height * start)
    span = max(1, height - first)
    column.putdata(
        [0] * first
        + [int(top_alpha + (bottom_alpha - top_alpha) * math.sin((i / span) * math.pi / 2)) for i in range(span)]
    )
    return column.resize((width, height), Image.Resampling.NEAREST)


def _smoothstep(t: float) -> float:
    return t * t * (3 - 2 * t)


@lru_cache(maxsize=16)
def scrim_mask(width: int, height: int, solid_from: int, ramp: int, alpha: int, bottom_alpha: int) -> Image.Image:
    """A vertical mask: clear above `solid_from - ramp`, easing to `alpha` at `solid_from`, then to `bottom_alpha`."""
    from PIL import Image

    column = Image.new("L", (1, height), 0)
    start = max(0, solid_from - ramp)
    eased = solid_from - start
    rest = max(1, height - solid_from)
    column.putdata(
        [0] * start
        + [int(alpha * _smoothstep(i / max(1, eased))) for i in range(eased)]  # no visible edge where it starts
        + [int(alpha + (bottom_alpha - alpha) * i / rest) for i in range(max(0, height - solid_from))]
    )
    return column.resize((width, height), Image.Resampling.NEAREST)


def draw_ticks(image: Image.Image, xy: tuple[int, int], height: int, color: str) -> None:
    """WhatsApp's blue double tick ("read"), drawn as two anti-aliased check marks."""
    from PIL import Image as PILImage, ImageDraw

    w, h = int(height * 1.5) * _SS, height * _SS
    mask = PILImage.new("L", (w, h), 0)
    d = ImageDraw.Draw(mask)
    lw = max(2, int(h * 0.13))
    for dx in (0, int(h * 0.42)):
        d.line([(dx + h * 0.05, h * 0.55), (dx + h * 0.33, h * 0.85), (dx + h * 0.95, h * 0.15)], fill=255, width=lw, joint="curve")
    mask = mask.resize((w // _SS, h // _SS), PILImage.Resampling.LANCZOS)
    paste_color(image, color, xy, mask)
