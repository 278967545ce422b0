"""One painter per template layer kind (chat pieces are in `chat.py`).

A painter reads its layer's box and style, the brand and the review from the
`Canvas`, and draws. Sizes in templates are pixels on a 1080 px wide canvas.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..i18n import N_, _
from ..errors import InputError
from .brand import Brand
from .canvas import Canvas
from .reviewtext import check_text, credit, source_badge
from .shapes import draw_stars, fade_mask, paste_color, rounded_mask, scrim_mask, shadow_mask
from .templates import Layer
from .textfit import FittedText, fit_text, load_font

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["PAINTERS", "fit_layer_text"]

# -- text ------------------------------------------------------------------
_DEFAULT_FONT = {"quote": "italic", "name": "bold", "badge": "bold", "shop": "bold"}


def fit_layer_text(
    canvas: Canvas, layer: Layer, text: str, box: tuple[int, int, int, int] | None = None, *, cap: int | None = None
) -> FittedText:
    """Fit `text` in the layer's box with its style (sizes scaled to the canvas), no larger than `cap` px."""
    if layer.get("upper"):
        text = text.upper()
    box = box or canvas.box(layer)
    max_size = canvas.px(layer.get("max_size", max(12, box[3] / canvas.scale * 0.8)))
    if layer.get("grow"):
        # A short quote on a story would sit small in a tall, empty region: on a canvas
        # whose safe area is taller than it is wide, let it grow with that extra height.
        max_size = round(max_size * max(1.0, canvas.size.safe_box[3] / canvas.size.width))
    if cap is not None:
        max_size = max(1, min(max_size, cap))
    min_size = min(max_size, canvas.px(layer.get("min_size", 24)))
    return fit_text(
        text,
        canvas.brand.font(layer.get("font", _DEFAULT_FONT.get(layer.kind, "regular"))),
        box,
        max_size=max_size,
        min_size=min_size,
        emoji_font=canvas.brand.emoji_path,
        align=layer.get("align", "left"),
        valign=layer.get("valign", "middle"),
        line_spacing=float(layer.get("line_spacing", 0.3)),
    )


_CUT_KINDS = (N_("quote"),)  # the layer kinds `_note_cut` names, for extraction


def _note_cut(canvas: Canvas, fitted: FittedText, what: str) -> None:
    if not fitted.cut:
        return
    if not fitted.lines:
        raise InputError(_("the {what} does not fit in template {template} at size {size} even at its smallest size; "
                           "use --template minimal or a larger --size").format(what=_(what), template=repr(canvas.template.name), size=canvas.size.name))
    shown = len(fitted.text.rstrip("\u2026"))
    values = {"what": _(what), "template": repr(canvas.template.name), "size": canvas.size.name, "n": shown}
    message = _("the {what} is too long for template {template} at size {size}: it was cut after about {n} characters; "
                "shorten it or use --template minimal").format(**values)
    if canvas.strict:
        raise InputError(_("the {what} is too long for template {template} at size {size}: it would be cut after about "
                           "{n} characters; shorten it or use --template minimal (or drop --strict)").format(**values))
    canvas.notes.append(message)


def _text(canvas: Canvas, layer: Layer, text: str, what: str) -> None:
    if not text:
        return
    # A fade drawn `behind` the quote has fitted it already, to know where its text starts.
    fitted = canvas.fitted.get(layer.kind) if layer.kind == "quote" else None
    fitted = fitted or fit_layer_text(canvas, layer, text)
    if layer.kind == "quote":
        _note_cut(canvas, fitted, what)
    canvas.fitted[layer.kind] = fitted
    fitted.draw(canvas.image, canvas.ink(layer.get("color", "text"), float(layer.get("opacity", 1.0))))


def _quote_text(canvas: Canvas, layer: Layer) -> str:
    text = " ".join(check_text(canvas.review.text).split(" "))
    return "\u201c" + text + "\u201d" if layer.get("quotes", False) else text


def _quote(canvas: Canvas, layer: Layer) -> None:
    _text(canvas, layer, _quote_text(canvas, layer), "quote")


def _date(review: Any, language: str) -> str:
    day = getattr(review, "date", None)
    if not day:
        return ""
    from ..formatting import format_day

    return f"{format_day(day, language, weekday='none')} {day.year}"


def _shop_line(brand: Brand) -> str:
    return "  ·  ".join(p for p in (brand.shop_name, brand.handle) if p)


_TEXTS: dict[str, Callable[[Canvas], str]] = {
    "name": lambda c: credit(c.review, c.language),
    "product": lambda c: str(getattr(c.review, "product", None) or ""),
    "date": lambda c: _date(c.review, c.language),
    "shop": lambda c: _shop_line(c.brand),
    "footer": lambda c: c.brand.footer,
}


def _text_role(canvas: Canvas, layer: Layer) -> None:
    _text(canvas, layer, _TEXTS[layer.kind](canvas), layer.kind)


# -- shapes and pictures ---------------------------------------------------
def _fill(canvas: Canvas, layer: Layer) -> None:
    x, y, w, h = canvas.box(layer)
    radius = canvas.px(layer.get("radius", 0)) if layer.get("radius") else 0
    if layer.get("shadow", False):
        blur = canvas.px(28)
        shadow = shadow_mask(w, h, radius, blur, 60)
        paste_color(canvas.image, "#000000", (x - blur, y - blur + canvas.px(14)), shadow)
    color = canvas.ink(layer.get("color", "white"), float(layer.get("opacity", 1.0)))
    if radius:
        paste_color(canvas.image, color, (x, y), rounded_mask(w, h, radius))
    else:
        canvas.image.paste(color, (x, y, x + w, y + h))


def _photo(canvas: Canvas, layer: Layer) -> None:
    from .photos import fit_photo, open_photo

    if not canvas.photo_path:
        return
    x, y, w, h = canvas.box(layer)
    mode = layer.get("fit", "cover")
    if canvas.photo is None:
        canvas.photo = open_photo(canvas.photo_path, (w, h), mode=mode)
        pw, ph = canvas.photo.size
        grow = max(w / pw, h / ph) if mode == "cover" else min(w / pw, h / ph)
        if grow > 1.1:  # blown up by more than a tenth: it will look soft, and the user should know
            canvas.notes.append(
                _("the photo is {photo} px, smaller than the {box} it fills at size {size}; "
                  "it was enlarged {grow}× and may look soft: use a photo at least {box} px").format(
                    photo=f"{pw}×{ph}", box=f"{w}×{h}", size=canvas.size.name, grow=f"{grow:.1f}")
            )
    picture = fit_photo(canvas.photo, (w, h), mode=mode, background=canvas.brand.color("background"))
    radius = canvas.px(layer.get("radius", 0)) if layer.get("radius") else 0
    canvas.image.paste(picture, (x, y), rounded_mask(w, h, radius) if radius else None)


def _fade(canvas: Canvas, layer: Layer) -> None:
    x, y, w, h = canvas.box(layer)
    top = int(255 * float(layer.get("opacity_top", 0.0)))
    bottom = int(255 * float(layer.get("opacity_bottom", 0.85)))
    behind = layer.get("behind")
    if behind:
        # A fixed fade left a long quote's first lines on the bright middle of the photo:
        # here it is dark (`opacity_top`) where the text starts, and eases in over `start`
        # (a fraction of the box) above it, so a short quote leaves more photo clear.
        fitted = _fit_ahead(canvas, behind)
        if fitted is None:
            return
        text_top = int(fitted.origin_y()) - y - canvas.px(16)
        mask = scrim_mask(w, h, max(0, text_top), int(h * float(layer.get("start", 0.2))), top, bottom)
        paste_color(canvas.image, canvas.ink(layer.get("color", "black")), (x, y), mask)
        return
    mask = fade_mask(w, h, float(layer.get("start", 0.3)), top, bottom)
    paste_color(canvas.image, canvas.ink(layer.get("color", "black")), (x, y), mask)


def _fit_ahead(canvas: Canvas, kind: str) -> FittedText | None:
    """Fit the template's `kind` text layer now (once) and keep it for when it is drawn."""
    target = next((ly for ly in canvas.template.layers if ly.kind == kind), None)
    if target is None:
        return None
    if kind not in canvas.fitted:
        text = _quote_text(canvas, target) if kind == "quote" else _TEXTS[kind](canvas)
        if not text:
            return None
        canvas.fitted[kind] = fit_layer_text(canvas, target, text)
    return canvas.fitted[kind]


def _pattern(canvas: Canvas, layer: Layer) -> None:
    from .chat import dot_pattern

    x, y, w, h = canvas.box(layer)
    mask = dot_pattern(w, h, canvas.px(layer.get("spacing", 48)), canvas.px(3))
    paste_color(canvas.image, canvas.ink(layer.get("color", "text"), float(layer.get("opacity", 0.06))), (x, y), mask)


def _quote_mark(canvas: Canvas, layer: Layer) -> None:
    from PIL import ImageDraw

    x, y, w, h = canvas.box(layer)
    font = load_font(canvas.brand.font(layer.get("font", "heavy")), max(8, int(h * 2.2)))
    left, top, right, bottom = font.getbbox("\u201c")
    scale = min(1.0, h / max(1, bottom - top), w / max(1, right - left))
    if scale < 1:
        font = load_font(str(font.path), max(8, int(font.size * scale)))
        left, top, right, bottom = font.getbbox("\u201c")
    gx = {"left": x, "center": x + (w - (right - left)) // 2, "right": x + w - (right - left)}[layer.get("align", "left")]
    color = canvas.ink(layer.get("color", "primary"), float(layer.get("opacity", 1.0)))
    ImageDraw.Draw(canvas.image).text((gx - left, y - top), "\u201c", font=font, fill=color)


def _stars(canvas: Canvas, layer: Layer) -> None:
    x, y, w, h = canvas.box(layer)
    height = min(h, canvas.px(layer.get("height", h / canvas.scale)))
    from .shapes import stars_width

    width = stars_width(height, max(2, height // 5))
    gx = {"left": x, "center": x + (w - width) // 2, "right": x + w - width}[layer.get("align", "left")]
    draw_stars(
        canvas.image,
        (gx, y + (h - height) // 2),
        height,
        float(canvas.review.rating),
        canvas.ink(layer.get("color", "secondary")),
        # Keep the colour's alpha: "#FFFFFF55" is a faint outline of a star over a photo, not a white one.
        canvas.brand.color(layer.get("empty_color", "#D9D9D9")),
    )


def _badge(canvas: Canvas, layer: Layer) -> None:
    from PIL import ImageDraw

    x, y, w, h = canvas.box(layer)
    text = source_badge(canvas.review, canvas.language)
    if layer.get("upper"):
        text = text.upper()
    pad = int(h * 0.55)
    size = min(canvas.px(layer.get("max_size", 30)), int(h * 0.5))
    font = load_font(canvas.brand.font(layer.get("font", "bold")), size)
    while font.getlength(text) > w - 2 * pad and size > 12:
        size -= 1  # a badge is a few words: shrink to its box (no wrapping for a pill)
        font = load_font(str(font.path), size)
    tw = int(font.getlength(text))
    pill_w = min(w, tw + 2 * pad)
    gx = {"left": x, "center": x + (w - pill_w) // 2, "right": x + w - pill_w}[layer.get("align", "left")]
    paste_color(canvas.image, canvas.brand.color(layer.get("fill", "primary")), (gx, y), rounded_mask(pill_w, h, h // 2))
    draw = ImageDraw.Draw(canvas.image)
    draw.text((gx + pill_w / 2, y + h / 2), text, font=font, fill=canvas.ink(layer.get("text_color", "white")), anchor="mm")


def _logo(canvas: Canvas, layer: Layer) -> None:
    from PIL import ImageDraw

    x, y, w, h = canvas.box(layer)
    side = min(w, h)
    gx = {"left": x, "center": x + (w - side) // 2, "right": x + w - side}[layer.get("align", "left")]
    plate = layer.get("plate")
    initial = (canvas.brand.shop_name.strip()[:1] or "").upper()
    if not canvas.brand.logo and not initial:
        return  # nothing to show: no empty plate
    if plate:
        paste_color(canvas.image, canvas.ink(plate), (gx, y), rounded_mask(side, side, side // 2))
    if canvas.brand.logo:
        logo = _logo_image(canvas.brand.logo, int(side * (0.72 if plate else 1)), os.path.getmtime(canvas.brand.logo))
        canvas.image.paste(logo, (gx + (side - logo.width) // 2, y + (side - logo.height) // 2), logo)
        return
    if not plate:
        paste_color(canvas.image, canvas.ink("primary"), (gx, y), rounded_mask(side, side, side // 2))
    font = load_font(canvas.brand.font("heavy"), int(side * 0.5))
    ImageDraw.Draw(canvas.image).text(
        (gx + side / 2, y + side / 2), initial, font=font, anchor="mm", fill=canvas.ink("primary" if plate else "white")
    )


@lru_cache(maxsize=8)
def _logo_image(path: str, side: int, mtime: float) -> Image.Image:
    from PIL import Image, ImageOps

    from .photos import open_image

    with open_image(path, "logo") as im:
        try:
            return ImageOps.contain(im.convert("RGBA"), (side, side), Image.Resampling.LANCZOS)
        except (OSError, SyntaxError, ValueError, EOFError) as exc:  # a file whose pixels are cut short
            raise InputError(_("logo {path} cannot be read as an image ({error}); use a PNG or JPEG").format(path=path, error=exc)) from None


def _divider(canvas: Canvas, layer: Layer) -> None:
    x, y, w, h = canvas.box(layer)
    canvas.image.paste(canvas.ink(layer.get("color", "primary"), float(layer.get("opacity", 1.0))), (x, y, x + w, y + max(1, h)))


def _chat(canvas: Canvas, layer: Layer) -> None:
    from . import chat

    (chat.header if layer.kind == "chat_header" else chat.bubble)(canvas, layer)


PAINTERS: dict[str, Callable[[Canvas, Layer], None]] = {
    "fill": _fill,
    "photo": _photo,
    "fade": _fade,
    "pattern": _pattern,
    "quote": _quote,
    "quote_mark": _quote_mark,
    "stars": _stars,
    "badge": _badge,
    "logo": _logo,
    "divider": _divider,
    "chat_header": _chat,
    "bubble": _chat,
    **{kind: _text_role for kind in _TEXTS},
}
