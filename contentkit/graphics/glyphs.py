"""Which characters a font can draw, read from its `cmap` table.

Pillow draws a character the font lacks as the font's `.notdef` glyph (an empty
box). Knowing a font's coverage lets the text fitter send emoji to a colour
emoji font and drop what no font has, so no box is ever drawn.
"""

from __future__ import annotations

import struct
from functools import lru_cache

from ..i18n import _
from ..errors import ConfigError, os_reason

__all__ = ["font_codepoints", "check_font_file"]


def check_font_file(path: str, role: str) -> str:
    """Return `path` if it holds a TrueType/OpenType font; else one-line ConfigError.

    >>> check_font_file("notes.txt", "font_regular")  # doctest: +SKIP
    Traceback (most recent call last):
    ConfigError: [brand_kit] font_regular: notes.txt is not a TTF/OTF font; ...
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        raise ConfigError(
            _("[brand_kit] {role}: cannot read {path} ({strerror}); give the path of a TTF or OTF file").format(role=role, path=path, strerror=os_reason(exc))
        ) from None
    if head not in (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf"):
        raise ConfigError(_("[brand_kit] {role}: {path} is not a TTF/OTF font; give the path of a TTF or OTF file").format(role=role, path=path))
    try:
        font_codepoints(path)
    except (ValueError, struct.error, IndexError):
        raise ConfigError(_("[brand_kit] {role}: {path} is a damaged font file; give another TTF or OTF file").format(role=role, path=path)) from None
    return path


@lru_cache(maxsize=16)
def font_codepoints(path: str) -> frozenset[int]:
    """Every code point the font at `path` maps to a glyph (its Unicode cmap subtables)."""
    with open(path, "rb") as fh:
        data = fh.read()
    base = 0
    if data[:4] == b"ttcf":  # a collection: the first font is the one Pillow loads by default
        base = struct.unpack(">I", data[12:16])[0]
    num_tables = struct.unpack(">H", data[base + 4 : base + 6])[0]
    cmap_off = None
    for i in range(num_tables):
        rec = base + 12 + 16 * i
        tag = data[rec : rec + 4]
        if tag == b"cmap":
            cmap_off = struct.unpack(">I", data[rec + 8 : rec + 12])[0]
    if cmap_off is None:
        raise ValueError("no cmap table")
    count = struct.unpack(">H", data[cmap_off + 2 : cmap_off + 4])[0]
    points: set[int] = set()
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", data[cmap_off + 4 + 8 * i : cmap_off + 12 + 8 * i])
        if (platform, encoding) not in ((3, 1), (3, 10), (0, 3), (0, 4), (0, 6)):
            continue
        sub = cmap_off + offset
        fmt = struct.unpack(">H", data[sub : sub + 2])[0]
        if fmt == 4:
            points |= _format4(data, sub)
        elif fmt == 12:
            points |= _format12(data, sub)
    return frozenset(points)


def _format4(data: bytes, sub: int) -> set[int]:
    segs = struct.unpack(">H", data[sub + 6 : sub + 8])[0] // 2
    ends = struct.unpack(f">{segs}H", data[sub + 14 : sub + 14 + 2 * segs])
    starts_at = sub + 16 + 2 * segs
    starts = struct.unpack(f">{segs}H", data[starts_at : starts_at + 2 * segs])
    deltas = struct.unpack(f">{segs}h", data[starts_at + 2 * segs : starts_at + 4 * segs])
    ro_at = starts_at + 4 * segs
    range_offsets = struct.unpack(f">{segs}H", data[ro_at : ro_at + 2 * segs])
    out: set[int] = set()
    for i in range(segs):
        for cp in range(starts[i], ends[i] + 1):
            if cp == 0xFFFF:
                continue
            if range_offsets[i] == 0:
                glyph = (cp + deltas[i]) & 0xFFFF
            else:
                at = ro_at + 2 * i + range_offsets[i] + 2 * (cp - starts[i])
                glyph = struct.unpack(">H", data[at : at + 2])[0]
                if glyph:
                    glyph = (glyph + deltas[i]) & 0xFFFF
            if glyph:
                out.add(cp)
    return out


def _format12(data: bytes, sub: int) -> set[int]:
    groups = struct.unpack(">I", data[sub + 12 : sub + 16])[0]
    out: set[int] = set()
    for i in range(groups):
        start, end, glyph = struct.unpack(">III", data[sub + 16 + 12 * i : sub + 28 + 12 * i])
        out.update(range(start, end + 1))
    return out
