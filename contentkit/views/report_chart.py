"""The report as one PNG: six panels drawn with Pillow in Lato, from a `Report`.

Panels: planned vs published per week; pillar mix against target; the six
stages per week; channels; the consent funnel; testimonials. Pillar colours
are the calendar page's (`page_style.PILLAR_COLOURS`).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from .page_style import labels, pillar_colour

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

    from .report_data import Report

__all__ = ["report_png", "report_png_bytes", "chart_labels", "WIDTH"]

WIDTH = 1600
_MARGIN = 40
_GUTTER = 40
_PANEL_H = 470
_HEAD_H = 170
_INK = (34, 34, 34)
_MUTED = (95, 99, 104)
_GRID = (225, 227, 230)
_PLANNED = (170, 183, 196)
_PUBLISHED = (30, 132, 73)
_OK = (30, 132, 73)
_OFF = (232, 234, 237)
_BAD = (179, 38, 30)
_AHEAD = (244, 246, 250)  # the band behind coming weeks


class _Recorder:
    """An ImageDraw that remembers the box of every label it draws, so tests can measure overlaps."""

    def __init__(self, draw: Any) -> None:
        self._draw = draw
        self.boxes: list[tuple[str, tuple[float, float, float, float]]] = []

    def text(self, xy: Any, text: str, **kw: Any) -> None:
        box = self._draw.textbbox(xy, text, font=kw.get("font"), anchor=kw.get("anchor"),
                                  stroke_width=kw.get("stroke_width", 0))
        self.boxes.append((text, tuple(box)))
        self._draw.text(xy, text, **kw)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._draw, name)


def report_png_bytes(report: Report, *, brand_colour: str = "#C0392B") -> bytes:
    """The report chart as PNG bytes."""
    out = io.BytesIO()
    _draw(report, brand_colour)[0].save(out, "PNG", optimize=True)
    return out.getvalue()


def chart_labels(report: Report) -> tuple[tuple[int, int], list[tuple[str, tuple[float, float, float, float]]]]:
    """The chart's size and every label drawn on it with its pixel box (for layout checks)."""
    im, boxes = _draw(report, "#C0392B")
    return im.size, boxes


def report_png(report: Report, path: Any, *, brand_colour: str = "#C0392B") -> None:
    """Write the report chart to `path` as PNG (atomically)."""
    from ..atomic import write_atomic

    write_atomic(path, report_png_bytes(report, brand_colour=brand_colour))


class _Fonts:
    def __init__(self) -> None:
        import font_lato
        from PIL import ImageFont

        files = font_lato.font_files
        self._files = {"regular": files["Lato"], "bold": files["LatoBold"], "black": files["LatoBlack"]}
        self._cache: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}

    def __call__(self, style: str, size: int) -> ImageFont.FreeTypeFont:
        from PIL import ImageFont

        key = (style, size)
        if key not in self._cache:
            self._cache[key] = ImageFont.truetype(self._files[style], size)
        return self._cache[key]


def _hex(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    try:
        return (int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16))
    except ValueError:
        return (192, 57, 43)


def _draw(report: Report, brand_colour: str) -> tuple[Image.Image, list[tuple[str, tuple[float, float, float, float]]]]:
    from PIL import Image, ImageDraw

    words = labels(report.language)
    font = _Fonts()
    height = _HEAD_H + 3 * (_PANEL_H + _GUTTER) + _MARGIN // 2
    im = Image.new("RGB", (WIDTH, height), (255, 255, 255))
    d = _Recorder(ImageDraw.Draw(im))
    d.rectangle((0, 0, WIDTH, 12), fill=_hex(brand_colour))
    d.text((_MARGIN, 34), f"{words['report_title']} · {report.brand}", font=font("black", 46), fill=_INK)
    months = words["months"]
    span = (f"{report.start.day} {months[report.start.month - 1]} {report.start.year} – "
            f"{report.end.day} {months[report.end.month - 1]} {report.end.year}")
    sub = f"{span} · {len(report.weeks)} {words['covered_weeks']} · {report.timezone}"
    d.text((_MARGIN, 98), sub, font=font("regular", 28), fill=_MUTED)
    summary = f"{words['planned']} {report.planned} · {words['published']} {report.published}"
    d.text((WIDTH - _MARGIN, 98), summary, font=font("bold", 28), fill=_INK, anchor="ra")
    empty = [n for n in report.notes if n in (words["no_posts_period"], words["no_ugc_period"])]
    if empty:  # say it plainly, above the panels, rather than leave a page of zeros to decode
        d.text((_MARGIN, 136), _fit(d, empty[0], font("bold", 22), WIDTH - 2 * _MARGIN), font=font("bold", 22), fill=_BAD)

    pw = (WIDTH - 2 * _MARGIN - _GUTTER) // 2
    boxes = [
        (_MARGIN + col * (pw + _GUTTER), _HEAD_H + row * (_PANEL_H + _GUTTER), pw, _PANEL_H)
        for row in range(3) for col in range(2)
    ]
    panels = [_weeks_panel, _pillars_panel, _stages_panel, _channels_panel, _funnel_panel, _testimonials_panel]
    for box, panel in zip(boxes, panels):
        x, y, w, h = box
        d.rounded_rectangle((x, y, x + w, y + h), radius=14, outline=_GRID, width=2)
        panel(d, font, words, report, x + 24, y + 20, w - 48, h - 40)
    return im, d.boxes


def _title(d: Any, font: _Fonts, x: int, y: int, text: str) -> int:
    d.text((x, y), text, font=font("bold", 30), fill=_INK)
    return y + 52


def _fit(d: Any, text: str, fnt: Any, width: int) -> str:
    """`text`, cut with an ellipsis so it fits `width` pixels."""
    if d.textlength(text, font=fnt) <= width:
        return text
    while text and d.textlength(text + "…", font=fnt) > width:
        text = text[:-1]
    return text + "…"


def _legend(d: Any, small: Any, words: dict[str, Any], x: int, top: int, ahead: bool = False) -> None:
    """The planned / published colour key both bar panels share (and the coming weeks' band)."""
    keys = [(_PLANNED, words["planned"]), (_PUBLISHED, words["published"])]
    if ahead:
        keys.append((_AHEAD, words["ahead"]))
    for colour, text in keys:
        d.rectangle((x, top + 4, x + 18, top + 22), fill=colour, outline=_GRID if colour == _AHEAD else None)
        d.text((x + 26, top), text, font=small, fill=_INK)
        x += 40 + int(d.textlength(text, font=small)) + 20


def _weeks_panel(d: Any, font: _Fonts, words: dict[str, Any], r: Report, x: int, y: int, w: int, h: int) -> None:
    top = _title(d, font, x, y, words["planned_vs_published"])
    small = font("regular", 22)
    value_font = font("bold", 20)
    _legend(d, small, words, x, top, ahead=any(wk.ahead for wk in r.weeks))
    top += 44 + 28  # the legend, then room for the value over the tallest bar
    bottom = y + h - 36
    n = len(r.weeks)
    slot = (w - 50) / n
    bar = min(48.0, slot * 0.32)
    for i, wk in enumerate(r.weeks):
        if wk.ahead:
            d.rectangle((x + 50 + slot * i + 2, top - 28, x + 50 + slot * (i + 1) - 2, bottom), fill=_AHEAD)
    peak = max([wk.planned for wk in r.weeks] + [1])
    step = max(1, -(-peak // 5))
    axis_max = step * -(-peak // step)
    for tick in range(0, axis_max + 1, step):
        ty = bottom - (bottom - top) * tick / axis_max
        d.line((x + 40, ty, x + w, ty), fill=_GRID, width=1)
        d.text((x + 32, ty), str(tick), font=small, fill=_MUTED, anchor="rm")
    if not r.planned:
        d.text((x + 50 + (w - 50) / 2, (top + bottom) / 2 - 30), words["no_data"], font=font("bold", 26), fill=_MUTED,
               anchor="mm", stroke_width=6, stroke_fill=(255, 255, 255))
    week_step = max(1, -(-n // 10)) if n > 13 else 1
    for i, wk in enumerate(r.weeks):
        cx = x + 50 + slot * (i + 0.5)
        values = ((wk.planned, _PLANNED), (wk.published, _PUBLISHED))
        for j, (value, colour) in enumerate(values):
            bx = cx - bar - 2 + j * (bar + 4)
            by = bottom - (bottom - top) * value / axis_max
            if value:
                d.rectangle((bx, by, bx + bar, bottom), fill=colour)
        _bar_values(d, value_font, wk.planned, wk.published, cx, bar, slot, bottom - (bottom - top) * wk.planned / axis_max,
                    bottom - (bottom - top) * wk.published / axis_max, show_published=not wk.ahead)
        if i % week_step == 0:
            d.text((cx, bottom + 8), wk.label.split("-")[1], font=small, fill=_MUTED, anchor="ma")
    d.line((x + 40, bottom, x + w, bottom), fill=_MUTED, width=2)


def _bar_values(d: Any, fnt: Any, planned: int, published: int, cx: float, bar: float, slot: float,
                planned_top: float, published_top: float, *, show_published: bool) -> None:
    """The numbers over a week's two bars: one over each when they fit, else "published/planned"
    over the pair, else none (the axis still reads): labels never touch."""
    if not planned and not published:
        return
    pitch = bar + 4  # the distance between the two bars' centres
    a, b = str(planned), str(published)
    if d.textlength(a, font=fnt) + 4 <= pitch and d.textlength(b, font=fnt) + 4 <= pitch:
        d.text((cx - pitch / 2, planned_top - 4), a, font=fnt, fill=_INK, anchor="md")
        if show_published:
            d.text((cx + pitch / 2, published_top - 4), b, font=fnt, fill=_INK, anchor="md")
        return
    both = f"{b}/{a}" if show_published else a
    if d.textlength(both, font=fnt) + 6 <= slot:
        d.text((cx, min(planned_top, published_top) - 4), both, font=fnt, fill=_INK, anchor="md")


def _pillars_panel(d: Any, font: _Fonts, words: dict[str, Any], r: Report, x: int, y: int, w: int, h: int) -> None:
    top = _title(d, font, x, y, words["pillar_mix"])
    rows = r.pillars or []
    if not rows:
        return
    label_w = 190
    value_font = font("bold", 22)
    text_w = 16 + max(int(d.textlength(f"{p.posts} / {p.target_posts:.1f}", font=value_font)) for p in rows)
    row_h = min(44, (y + h - 30 - top) // len(rows))  # the "= target" key keeps the last 30 px
    peak = max([max(p.posts, p.target_posts) for p in rows] + [1])
    scale = (w - label_w - text_w) / peak
    fnt = font("regular", 22)
    for i, p in enumerate(rows):
        ry = top + i * row_h
        strong, _ = pillar_colour(p.pillar)
        d.text((x, ry + row_h / 2), _fit(d, words["pillar"].get(p.pillar, p.pillar), fnt, label_w - 10),
               font=fnt, fill=_INK, anchor="lm")
        bx = x + label_w
        if p.posts:
            d.rectangle((bx, ry + 8, bx + p.posts * scale, ry + row_h - 8), fill=_hex(strong))
        tx = bx + p.target_posts * scale
        d.line((tx, ry + 2, tx, ry + row_h - 2), fill=_INK, width=4)
        off = abs(p.posts - p.target_posts) > 1
        d.text((x + w, ry + row_h / 2), f"{p.posts} / {p.target_posts:.1f}", font=font("bold", 22),
               fill=_BAD if off else _INK, anchor="rm")
    d.line((x, y + h - 26, x, y + h - 4), fill=_INK, width=4)
    d.text((x + 12, y + h - 4), f"= {words['target']}", font=font("regular", 20), fill=_MUTED, anchor="ld")


def _stages_panel(d: Any, font: _Fonts, words: dict[str, Any], r: Report, x: int, y: int, w: int, h: int) -> None:
    from ..calendar.report_text import STAGE_NAMES
    from ..vocab import STAGES

    top = _title(d, font, x, y, f"{words['stages_covered']} ({len(r.stages)}/6)")
    names = STAGE_NAMES.get(r.language, STAGE_NAMES["id"])
    label_w = 260
    weeks = r.weeks[-12:]  # more columns would be unreadable; the latest weeks matter most
    col = (w - label_w) / max(1, len(weeks))
    fnt = font("regular", 22)
    head = font("bold", 20)
    widest = max([d.textlength(wk.label.split("-")[1], font=head) for wk in weeks] + [d.textlength("6/6", font=head)])
    every = max(1, int(-(-(widest + 8) // max(col, 1))))  # label every n-th column when columns are narrow
    for j, wk in enumerate(weeks):
        if j % every == 0:
            d.text((x + label_w + col * (j + 0.5), top), wk.label.split("-")[1], font=head, fill=_MUTED, anchor="ma")
    row_h = min(50, (y + h - top - 70) // 6)
    for i, stage in enumerate(STAGES):
        ry = top + 34 + i * row_h
        d.text((x, ry + row_h / 2), _fit(d, names[stage], fnt, label_w - 10), font=fnt, fill=_INK, anchor="lm")
        for j, wk in enumerate(weeks):
            cx = x + label_w + col * (j + 0.5)
            size = min(row_h - 12, col - 10) / 2
            on = stage in wk.stages
            d.rounded_rectangle((cx - size, ry + row_h / 2 - size, cx + size, ry + row_h / 2 + size),
                                radius=6, fill=_OK if on else _OFF)
            if on:  # a drawn tick: Lato has no check-mark glyph
                s = size * 0.55
                d.line([(cx - s, ry + row_h / 2), (cx - s * 0.25, ry + row_h / 2 + s * 0.7),
                        (cx + s, ry + row_h / 2 - s * 0.7)], fill=(255, 255, 255), width=4)
    by = top + 34 + 6 * row_h + 8
    for j, wk in enumerate(weeks):
        if j % every == 0:
            d.text((x + label_w + col * (j + 0.5), by), f"{len(wk.stages)}/6", font=head, fill=_INK, anchor="ma")


def _channels_panel(d: Any, font: _Fonts, words: dict[str, Any], r: Report, x: int, y: int, w: int, h: int) -> None:
    top = _title(d, font, x, y, words["channels"])
    small = font("regular", 22)
    _legend(d, small, words, x, top)
    top += 48
    rows = r.channels[:6]
    if not rows:
        d.text((x, top), "–", font=small, fill=_MUTED)
        return
    label_w, text_w = 150, 110
    row_h = min(56, (y + h - top) // len(rows))
    peak = max(c.posts for c in rows) or 1
    scale = (w - label_w - text_w) / peak
    for i, c in enumerate(rows):
        ry = top + i * row_h
        d.text((x, ry + row_h / 2), c.channel, font=small, fill=_INK, anchor="lm")
        bx = x + label_w
        d.rectangle((bx, ry + 8, bx + max(2, c.posts * scale), ry + row_h - 8), fill=_PLANNED)
        if c.published:
            d.rectangle((bx, ry + 16, bx + c.published * scale, ry + row_h - 16), fill=_PUBLISHED)
        d.text((x + w, ry + row_h / 2), f"{c.published} / {c.posts}", font=font("bold", 22), fill=_INK, anchor="rm")


def _funnel_panel(d: Any, font: _Fonts, words: dict[str, Any], r: Report, x: int, y: int, w: int, h: int) -> None:
    top = _title(d, font, x, y, words["consent_funnel"])
    f = r.consent
    names = words["funnel"]
    main = [("collected", f.collected), ("requested", f.requested), ("granted", f.granted), ("reposted", f.reposted)]
    exits = [("declined", f.declined), ("revoked", f.revoked), ("expired", f.expired)]
    side_w = 210
    fw = w - side_w - 20
    peak = max([v for _, v in main] + [1])
    row_h = 66
    shades = [(41, 98, 155), (58, 126, 187), (30, 132, 73), (20, 110, 60)]
    for i, (key, value) in enumerate(main):
        ry = top + i * row_h
        bw = max(16.0, fw * value / peak)
        cx = x + fw / 2
        d.rounded_rectangle((x, ry, x + fw, ry + row_h - 12), radius=8, fill=_OFF)  # the track: 0 still reads as 0
        if value:
            d.rounded_rectangle((cx - bw / 2, ry, cx + bw / 2, ry + row_h - 12), radius=8, fill=shades[i])
        text = f"{names[key]}  {value}"
        fnt = font("bold", 24)
        inside = d.textlength(text, font=fnt) + 20 < bw
        d.text((cx, ry + (row_h - 12) / 2), text, font=fnt, fill=(255, 255, 255) if inside else _INK, anchor="mm",
               stroke_width=0 if inside else 4, stroke_fill=(255, 255, 255))
        if i < len(main) - 1:
            d.polygon([(cx - 9, ry + row_h - 11), (cx + 9, ry + row_h - 11), (cx, ry + row_h - 1)], fill=_MUTED)
    sx = x + fw + 20
    d.line((sx - 10, top, sx - 10, top + 4 * row_h - 12), fill=_GRID, width=2)
    for i, (key, value) in enumerate(exits):
        ry = top + i * 78
        d.text((sx + 6, ry), str(value), font=font("black", 40), fill=_BAD if value else _MUTED)
        d.text((sx + 6, ry + 46), names[key], font=font("regular", 22), fill=_MUTED)


def _testimonials_panel(d: Any, font: _Fonts, words: dict[str, Any], r: Report, x: int, y: int, w: int, h: int) -> None:
    top = _title(d, font, x, y, words["testimonials"])
    t = r.testimonials
    names = words["testimonial"]
    cells = [("reviews", t.reviews), ("rendered", t.rendered), ("planned", t.planned), ("published", t.published)]
    cw = w / 2
    ch = (y + h - top) / 2
    for i, (key, value) in enumerate(cells):
        cx = x + (i % 2) * cw
        cy = top + (i // 2) * ch
        d.text((cx, cy + 10), str(value), font=font("black", 72), fill=_INK)
        d.text((cx, cy + 100), _fit(d, names[key], font("regular", 26), int(cw) - 20), font=font("regular", 26), fill=_MUTED)
