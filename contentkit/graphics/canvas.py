"""The drawing surface painters share: `Canvas`, and the warning for a cut quote."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .brand import Brand
from .templates import Layer, Size, Template
from .textfit import FittedText

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["Canvas", "TextCutWarning", "MONTHS"]

MONTHS = {
    "id": "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des".split(),
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
}


class TextCutWarning(UserWarning):
    """A quote was too long for its region and was cut with an ellipsis."""


@dataclass
class Canvas:
    """Everything a painter needs: the image, the size, the brand, the review."""

    image: Image.Image
    size: Size
    brand: Brand
    review: Any
    template: Template
    photo: Image.Image | None = None
    photo_path: str | None = None
    strict: bool = False
    notes: list[str] = field(default_factory=list)
    flow_y: int = 0  # bottom of the last chat bubble, for `follow = true`
    fitted: dict[str, FittedText] = field(default_factory=dict)

    @property
    def scale(self) -> float:
        return self.size.width / 1080

    @property
    def language(self) -> str:
        return self.brand.language

    def box(self, layer: Layer) -> tuple[int, int, int, int]:
        bx, by, bw, bh = (0, 0, self.size.width, self.size.height) if layer.bleed else self.size.safe_box
        fx, fy, fw, fh = layer.box
        return (round(bx + fx * bw), round(by + fy * bh), round(fw * bw), round(fh * bh))

    def ink(self, color: str, opacity: float = 1.0, over: str | None = None) -> tuple[int, int, int]:
        """An RGB colour; `opacity` below 1 mixes it with `over` (default: the canvas background)."""
        from PIL import ImageColor

        rgb = ImageColor.getrgb(self.brand.color(color))[:3]
        if opacity >= 1:
            return rgb
        base = ImageColor.getrgb(self.brand.color(over or self.template.background))[:3]
        r, g, b = (round(c * opacity + b * (1 - opacity)) for c, b in zip(rgb, base))
        return (r, g, b)

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))


