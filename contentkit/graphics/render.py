"""Drawing a review onto a template: `render_testimonial`.

The template's layers are drawn in order by the painters in `painters.py`;
the layers that look the same on every image are drawn once and reused.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .brand import Brand
from .canvas import Canvas, TextCutWarning
from .painters import PAINTERS
from .reviewtext import check_rating, check_text
from ..errors import InputError
from ..i18n import _
from .templates import Size, Template, check_size, load_template, photo_templates

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["render_testimonial", "TextCutWarning"]


def render_testimonial(
    review: Any,
    template: str | Template = "card",
    size: str | Size = "square",
    brand: Brand | None = None,
    *,
    photo: str | os.PathLike[str] | None = None,
    strict: bool = False,
    template_dirs: tuple[str | os.PathLike[str], ...] = (),
    on_warning: Callable[[str], None] | None = None,
) -> Image.Image:
    """Draw `review` (a `Review`, or anything with text, name, rating...) as an RGB image.

    `photo` (or the review's own `photo`) fills the template's photo region.
    A quote too long for its region even at the minimum size is cut with "…"
    and a warning (sent to `on_warning`, else `warnings.warn`); `strict=True`
    raises InputError instead.

    >>> from contentkit.records import Review
    >>> im = render_testimonial(Review("Enak banget!", name="Rina", rating=5))
    >>> im.size
    (1080, 1080)
    """
    from PIL import Image

    check_text(getattr(review, "text", ""))
    check_rating(getattr(review, "rating", None))
    tpl = template if isinstance(template, Template) else load_template(template, template_dirs)
    canvas_size = size if isinstance(size, Size) else check_size(size)
    kit = (brand or Brand()).resolved()
    if photo and not tpl.uses_photo:
        # A photo given for a template that cannot show it would silently vanish.
        shows = photo_templates(template_dirs)
        raise InputError(_("template {name!r} has no place for a photo; templates that show one: {shows}; use --template {use}").format(
            name=tpl.name, shows=", ".join(shows) or _("(none)"), use=shows[0] if shows else "photo"))
    photo_path = os.fspath(photo) if photo else (getattr(review, "photo", None) or None)
    layers = [ly for ly in tpl.layers if not (ly.when == "photo" and not photo_path or ly.when == "no_photo" and photo_path)]
    # The layers before the first one that depends on the review (background, card, shadow)
    # look the same on every image: draw them once per template, size and brand.
    static = 0
    while static < len(layers) and layers[static].kind in _STATIC and not layers[static].get("behind"):
        static += 1
    key = (tpl.path, tpl.background, repr(layers[:static]), canvas_size, kit)
    base = _BASES.get(key)
    if base is None:
        base = Image.new("RGB", (canvas_size.width, canvas_size.height), kit.color(tpl.background))
        painter = Canvas(base, canvas_size, kit, review, tpl)
        for layer in layers[:static]:
            PAINTERS[layer.kind](painter, layer)
        if len(_BASES) >= 8:
            _BASES.pop(next(iter(_BASES)))
        _BASES[key] = base
    image = base.copy()
    canvas = Canvas(image, canvas_size, kit, review, tpl, photo_path=photo_path, strict=strict)
    for layer in layers[static:]:
        PAINTERS[layer.kind](canvas, layer)
    for note in canvas.notes:
        if on_warning:
            on_warning(note)
        else:
            warnings.warn(note, TextCutWarning, stacklevel=2)
    return image


_STATIC = {"fill", "fade", "pattern", "divider", "quote_mark", "logo", "shop", "footer"}
_BASES: dict[Any, Image.Image] = {}


