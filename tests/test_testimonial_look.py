"""What a shop owner sees: spacing round emoji, short quotes on tall canvases, chats, stars.

Each test pins something found by looking at rendered images; all are structural
(positions, sizes, colours), never golden bytes.
"""

from __future__ import annotations

import pytest
from PIL import Image

from contentkit.graphics.brand import lato
from contentkit.graphics.emoji import find_emoji_font
from contentkit.graphics.textfit import fit_text

EMOJI_FONT = find_emoji_font()
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
