"""Breaking and cutting fitted text: words too wide for a line, and the "…" of a quote too long.

The fitter (`textfit.py`) wraps text in which each emoji stands as a run of placeholder
characters (`_PH`); these helpers never split such a run, so an emoji stays whole.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ELLIPSIS"]

ELLIPSIS = "\u2026"
_PH = "\u00a4"  # ¤: a glyph every Latin font has and no review uses; stands in for an emoji while wrapping


def _segments(line: str, run: int) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    buf, ph = "", ""
    for ch in line:
        if ch == _PH:
            if buf:
                out.append((buf, False))
                buf = ""
            ph += ch
        else:
            if ph:
                out.append((ph, True))
                ph = ""
            buf += ch
    if buf:
        out.append((buf, False))
    if ph:
        out.append((ph, True))
    return out



def _break_long_words(text: str, font: Any, width: int, run: int = 1) -> str:
    """Split words wider than `width` (a 40-letter "mantaaap…", 30 emoji in a row) into pieces that fit.

    Measured line by line: Pillow 13 refuses to measure a string holding a newline.
    An emoji's placeholder run is never split in the middle.
    """
    return "\n".join(" ".join(_pieces(word, font, width, run) for word in line.split(" ")) for line in text.split("\n"))


def _pieces(word: str, font: Any, width: int, run: int) -> str:
    if not word or font.getlength(word) <= width:
        return word
    out, piece = [], ""
    for unit in _units(word, run):
        if piece and font.getlength(piece + unit) > width:
            out.append(piece)
            piece = ""
        piece += unit
    out.append(piece)
    return " ".join(out)


def _units(word: str, run: int) -> list[str]:
    # Letters one by one; a run of placeholders (one or more emoji) as whole emoji slots.
    out: list[str] = []
    for seg, is_emoji in _segments(word, 1):
        if is_emoji:
            out.extend(seg[i : i + run] for i in range(0, len(seg), run))
        else:
            out.extend(seg)
    return out


def _with_ellipsis(lines: list[str], font: Any, width: int) -> list[str]:
    """The lines cut so they end with "…": at the last sentence end when that keeps at least
    half of what fits (a thought ends there), else at the last word that leaves room.
    Never a lone "…": when not even a letter fits, no lines."""
    shown = sum(len(line) for line in lines)
    for i in range(len(lines) - 1, -1, -1):
        words = lines[i].split(" ")
        for j in range(len(words) - 1, -1, -1):
            word = words[j].rstrip(_PH + "\u201d\"')")
            if not word.endswith((".", "!", "?")) or word.endswith(".."):
                continue
            kept = lines[:i] + [" ".join(words[: j + 1])]
            if sum(len(line) for line in kept) < shown / 2:
                break
            last = kept[-1].rstrip()
            last = (last[:-1] if last.endswith(".") else last) + ELLIPSIS
            if font.getlength(last) <= width:
                return kept[:-1] + [last]
        else:
            continue
        break
    while lines:
        words = lines[-1].split(" ")
        while words:
            candidate = " ".join(words).rstrip(",.;:!?-\u2013\u2014 ") + ELLIPSIS
            if candidate != ELLIPSIS and font.getlength(candidate) <= width:
                lines[-1] = candidate
                return lines
            words.pop()
        # One word wider than the line with "…" ("xxxxxxxx…"): cut inside it, never leave a lone "…".
        word = lines[-1].split(" ")[0]
        while len(word) > 1:
            word = word[:-1]
            if font.getlength(word + ELLIPSIS) <= width:
                lines[-1] = word + ELLIPSIS
                return lines
        lines.pop()
    return []
