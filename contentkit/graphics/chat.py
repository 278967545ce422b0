"""The chat-screenshot look: a header with the customer, bubbles sized to their text.

In Indonesia a screenshot of a happy customer's WhatsApp or marketplace chat is
the most familiar social proof; this draws one cleanly instead. It shows only what
is real: the shop's reply bubble only when the shop gave one (`Review.reply`), a
time only when the review has one, and the review's true source under the name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..i18n import _
from .reviewtext import credit, source_badge
from .shapes import draw_stars, draw_ticks, paste_color, rounded_mask, shadow_mask, stars_width
from .textfit import load_font

if TYPE_CHECKING:
    from PIL import Image

    from .canvas import Canvas
    from .templates import Layer

__all__ = ["dot_pattern", "header", "bubble"]


@lru_cache(maxsize=8)
def dot_pattern(width: int, height: int, spacing: int, radius: int) -> Image.Image:
    """A mask of small dots on a staggered grid, like a chat wallpaper."""
    from PIL import Image, ImageDraw

    mask = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(mask)
    for row, y in enumerate(range(spacing // 2, height, spacing)):
        offset = spacing // 2 if row % 2 else 0
        for x in range(offset + spacing // 4, width, spacing):
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    return mask


def header(canvas: Canvas, layer: Layer) -> None:
    """A chat app's top bar: round avatar with an initial, the credited name, the review source."""
    from PIL import ImageDraw

    x, y, w, h = canvas.box(layer)
    # On a story the bar sits below the band the app covers; colour that band too, like a
    # phone's status bar, rather than leave the bar floating under a strip of wallpaper.
    top = 0 if y <= canvas.size.safe_top else y
    canvas.image.paste(canvas.ink(layer.get("color", "#075E54")), (x, top, x + w, y + h))
    side = int(h * 0.62)
    ax, ay = x + int(h * 0.3), y + (h - side) // 2
    paste_color(canvas.image, canvas.ink(layer.get("avatar_color", "secondary")), (ax, ay), rounded_mask(side, side, side // 2))
    name = credit(canvas.review, canvas.language)
    draw = ImageDraw.Draw(canvas.image)
    initial = name.lstrip("@")[:1].upper() or "?"
    draw.text((ax + side / 2, ay + side / 2), initial, font=load_font(canvas.brand.font("bold"), int(side * 0.48)),
              anchor="mm", fill=canvas.ink("white"))
    tx = ax + side + int(h * 0.22)
    text_color = canvas.ink(layer.get("text_color", "white"))
    name_font = load_font(canvas.brand.font("bold"), int(h * 0.27))
    while name_font.getlength(name) > x + w - tx - h * 0.2 and name_font.size > 14:
        name_font = load_font(str(name_font.path), name_font.size - 1)
    draw.text((tx, y + h * 0.47), name, font=name_font, fill=text_color, anchor="ls")
    sub_font = load_font(canvas.brand.font("regular"), int(h * 0.19))
    # Where the words really come from ("Ulasan Shopee"), never an invented "online".
    product = str(getattr(canvas.review, "product", None) or "")
    badge = source_badge(canvas.review, canvas.language)
    sub = f"{badge} · {product}" if product else badge
    while sub_font.getlength(sub) > x + w - tx - h * 0.2 and len(sub) > 8:
        sub = sub[:-2].rstrip() + "…"
    draw.text((tx, y + h * 0.78), sub, font=sub_font, fill=canvas.ink(layer.get("text_color", "white"), 0.8,
              over=layer.get("color", "#075E54")), anchor="ls")


def _stamp(canvas: Canvas) -> str:
    """The review's own date and time, as far as it has them ("1 Des 2026 19.30"); never made up."""
    from .painters import _date

    day = _date(canvas.review, canvas.language)
    time = str(getattr(canvas.review, "time", None) or "")
    return " ".join(p for p in (day, time) if p)


def bubble(canvas: Canvas, layer: Layer) -> None:
    """A chat bubble holding the review (side = "in") or the shop's thank-you (side = "out")."""
    from PIL import ImageDraw

    from .painters import _note_cut, fit_layer_text

    x, y, w, h = canvas.box(layer)
    if layer.get("follow") and canvas.flow_y:
        gap = canvas.px(28)
        h = max(canvas.px(80), y + h - (canvas.flow_y + gap))
        y = canvas.flow_y + gap
    side = layer.get("side", "in")
    reply = str(getattr(canvas.review, "reply", None) or "").strip()
    if side == "out" and not reply:
        return  # the shop said nothing: draw no thank-you on its behalf
    pad = canvas.px(34)
    star_h = canvas.px(40) if layer.get("stars") else 0
    star_gap = canvas.px(18) if star_h else 0
    meta_font = load_font(canvas.brand.font("regular"), canvas.px(24))
    clock = _stamp(canvas) if side == "in" else ""
    meta_h = canvas.px(34) if clock or (side == "out" and _ticks(canvas, layer)) else 0
    text = canvas.review.text if side == "in" else reply
    room = (x + pad, y + pad + star_h + star_gap, w - 2 * pad, h - 2 * pad - star_h - star_gap - meta_h)
    # The shop's reply never outshouts the customer's words.
    quote = canvas.fitted.get("quote") if side == "out" else None
    fitted = fit_layer_text(canvas, layer, text, room, cap=quote.size if quote else None)
    if side == "in":
        _note_cut(canvas, fitted, "quote")
        canvas.fitted["quote"] = fitted
    elif fitted.cut:
        # A reply cut to "Terima kasih…" looks broken: a chat with one message does not.
        canvas.notes.append(_("the shop's reply does not fit beside this review at size {size}; "
                              "it was left out (shorten it, or use --size story)").format(size=canvas.size.name))
        return
    else:
        canvas.fitted["reply"] = fitted
    text_w = max(fitted.line_widths(), default=0)
    meta_w = meta_font.getlength(clock) + (canvas.px(40) if _ticks(canvas, layer) else 0)
    inner_w = int(max(text_w, stars_width(star_h, max(2, star_h // 5)) if star_h else 0, meta_w + canvas.px(20)))
    bw = min(w, inner_w + 2 * pad)
    bh = int(pad + star_h + star_gap + fitted.block_height() + meta_h + pad * (0.7 if meta_h else 1))
    if side == "in" and canvas.size.safe_box[3] > canvas.size.width:
        # On a story a short chat sat at the top over half a screen of wallpaper: centre the
        # conversation (this message and the shop's reply, if any) in the room the template gives it.
        y += max(0, _room_below(canvas, layer, y, bh, fitted.size)) // 2
    bx = x if side == "in" else x + w - bw
    radius = canvas.px(layer.get("radius", 28))
    fill = canvas.ink(layer.get("fill", "white"))
    if layer.get("shadow", True):
        blur = canvas.px(10)
        paste_color(canvas.image, "#00000030", (bx - blur, y - blur + canvas.px(3)), shadow_mask(bw, bh, radius, blur, 90))
    paste_color(canvas.image, fill, (bx, y), rounded_mask(bw, bh, radius))
    _tail(canvas, bx, y, bw, side, fill, radius)
    if star_h:
        draw_stars(canvas.image, (bx + pad, y + pad), star_h, float(canvas.review.rating),
                   canvas.ink("secondary"), canvas.ink("#D9D9D9"))
    fitted.box = (bx + pad, y + pad + star_h + star_gap, bw - 2 * pad, int(fitted.block_height()) + 1)
    fitted.valign = "top"
    fitted.draw(canvas.image, canvas.ink(layer.get("text_color", "#111B21")))
    draw = ImageDraw.Draw(canvas.image)
    right = bx + bw - int(pad * 0.6)
    base = y + bh - int(pad * 0.45)
    time_color = canvas.ink(layer.get("time_color", "#667781"))
    if _ticks(canvas, layer):
        tick_h = canvas.px(20)
        draw_ticks(canvas.image, (right - int(tick_h * 1.5), base - tick_h), tick_h, "#34B7F1")
        right -= int(tick_h * 1.5) + canvas.px(8)
    if clock:
        draw.text((right, base), clock, font=meta_font, fill=time_color, anchor="rs")
    canvas.flow_y = y + bh


def _room_below(canvas: Canvas, layer: Layer, y: int, height: int, quote_size: int) -> int:
    """The free height under a first bubble at `y`, `height` high, once the shop's reply is placed."""
    from .painters import fit_layer_text

    out = next((ly for ly in canvas.template.layers if ly.kind == "bubble" and ly.get("side") == "out"), None)
    bx, by, bw, bh = canvas.box(out or layer)
    bottom = by + bh
    reply = str(getattr(canvas.review, "reply", None) or "").strip()
    used = height
    if out is not None and reply:
        pad = canvas.px(34)
        fitted = fit_layer_text(canvas, out, reply, (0, 0, bw - 2 * pad, canvas.size.height), cap=quote_size)
        meta = canvas.px(34) if _ticks(canvas, out) else 0
        used += canvas.px(28) + int(pad + fitted.block_height() + meta + pad * (0.7 if meta else 1))
    return bottom - y - used


def _ticks(canvas: Canvas, layer: Any) -> bool:
    """Read ticks are WhatsApp's mark: drawn only under a reply the shop sent on WhatsApp,
    so a Shopee or Google review never looks like a WhatsApp chat."""
    return bool(layer.get("ticks")) and getattr(canvas.review, "source", None) == "whatsapp"


def _tail(canvas: Canvas, bx: int, y: int, bw: int, side: str, fill: tuple[int, int, int], radius: int) -> None:
    from PIL import ImageDraw

    # The first message of a turn has a square top corner with a small tail, as in WhatsApp.
    t = canvas.px(22)
    draw = ImageDraw.Draw(canvas.image)
    if side == "in":
        draw.rectangle((bx, y, bx + radius, y + radius), fill=fill)
        draw.polygon([(bx - t, y), (bx + t, y), (bx + t, y + t * 1.4)], fill=fill)
    else:
        draw.rectangle((bx + bw - radius, y, bx + bw - 1, y + radius), fill=fill)
        draw.polygon([(bx + bw + t, y), (bx + bw - t, y), (bx + bw - t, y + t * 1.4)], fill=fill)
