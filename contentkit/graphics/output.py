"""Writing images: atomic saves, file names, size caps, and the contact sheet."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..i18n import _
from ..atomic import write_atomic
from ..errors import InputError, os_reason

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["FORMATS", "save_testimonial", "output_name", "check_output_dir", "contact_sheet"]

FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


def check_format(fmt: str) -> str:
    ext = fmt.strip().lower().lstrip(".")
    if ext not in FORMATS:
        raise InputError(_("unknown format {fmt!r}: use jpg, png or webp").format(fmt=fmt))
    return "jpg" if ext == "jpeg" else ext


def check_output_dir(folder: str | os.PathLike[str]) -> Path:
    """Create `folder` if needed and make sure we can write there, or InputError."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".ck-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError(_("cannot write to {path}: {strerror}; choose a folder you can write").format(path=path, strerror=os_reason(exc))) from None
    return path


def output_name(review: Any, template: str, size: str, fmt: str) -> str:
    """`<date>-<review id>-<template>-<size>.<ext>`: unique per review, so never another's file.

    >>> from datetime import date
    >>> from contentkit.records import Review
    >>> output_name(Review("x", id="R7", date=date(2026, 3, 1)), "card", "square", "jpg")
    '2026-03-01-R7-card-square.jpg'
    """
    day = getattr(review, "date", None)
    stamp = day.isoformat() if day else "undated"
    rid = getattr(review, "id", "") or "quick"
    return f"{stamp}-{rid}-{template}-{size}.{check_format(fmt)}"


def _encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    buf = io.BytesIO()
    kind = FORMATS[fmt]
    if kind == "JPEG":
        (image if image.mode == "RGB" else image.convert("RGB")).save(buf, "JPEG", quality=quality, optimize=False, subsampling="4:2:0" if quality < 90 else "4:4:4")
    elif kind == "WEBP":
        image.save(buf, "WEBP", quality=quality, method=4)
    else:
        image.save(buf, "PNG", compress_level=6)
    return buf.getvalue()


def save_testimonial(
    image: Image.Image,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    max_bytes: int | None = None,
    quality: int = 92,
) -> Path:
    """Save atomically (temporary file, then rename); lower JPEG/WebP quality until under `max_bytes`.

    The format comes from `fmt` or the file extension (jpg, png, webp).

    >>> save_testimonial(render_testimonial(review), "out/rina.jpg")   # doctest: +SKIP
    PosixPath('out/rina.jpg')
    """
    target = Path(path)
    ext = check_format(fmt or target.suffix or "jpg")
    data = _encode(image, ext, quality)
    while max_bytes and len(data) > max_bytes:
        if ext == "png":  # lossless: fall back to a high-quality JPEG under the cap
            raise InputError(_("{name} would be {value} kB, over the {value2} kB cap; use --format jpg").format(name=target.name, value=len(data) // 1000, value2=max_bytes // 1000))
        if quality <= 50:
            break
        quality -= 8
        data = _encode(image, ext, quality)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():  # a batch checked its folder once; probing it again per image costs a file create
        check_output_dir(folder)
    write_atomic(target, data)
    return target


def contact_sheet(
    folder: str | os.PathLike[str], out: str | os.PathLike[str], *, columns: int = 4, cell: int = 360,
    on_progress: Callable[[int, int], None] | None = None, on_failure: Callable[[str, str], None] | None = None,
) -> tuple[Path, int]:
    """A grid of every image in `folder` with its file name, to look over before posting.

    Returns the sheet's path and how many images it shows. An image that cannot be
    read is a grey box and is reported to `on_failure(file name, reason)`; the sheet
    is still made. `on_progress(done, total)` follows the images read.
    """
    from PIL import Image, ImageDraw, ImageOps

    from .brand import lato
    from .photos import open_image
    from .textfit import load_font

    from ..workspace import check_output_path

    out = check_output_path(out)
    src = Path(folder)
    if not src.is_dir():
        raise InputError(_("{src} is not a folder; give the folder of rendered images").format(src=src))
    files = sorted(p for p in src.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp") and not p.name.startswith("."))
    out_path = Path(out).resolve()
    files = [p for p in files if p.resolve() != out_path]
    if not files:
        raise InputError(_("{src} has no JPEG, PNG or WebP images; render some with `contentkit testimonial render`").format(src=src))
    label_h, gap = 36, 16
    cols = min(columns, len(files))
    rows = (len(files) + cols - 1) // cols
    sheet = Image.new("RGB", (gap + cols * (cell + gap), gap + rows * (cell + label_h + gap)), "#F2F2F2")
    draw = ImageDraw.Draw(sheet)
    font = load_font(lato("Lato"), 15)
    for i, p in enumerate(files):
        x = gap + (i % cols) * (cell + gap)
        y = gap + (i // cols) * (cell + label_h + gap)
        try:
            with open_image(p, "image") as im:
                im.draft("RGB", (cell, cell))
                thumb = ImageOps.contain(im.convert("RGB"), (cell, cell))
        except (InputError, OSError, SyntaxError, ValueError, EOFError) as exc:
            # A corrupt or oversized file shows as a grey cell with its name: the sheet is for spotting those.
            thumb = Image.new("RGB", (cell, cell), "#DDDDDD")
            if on_failure:
                on_failure(p.name, _("cannot be read as an image ({error})").format(error=exc))
        if on_progress:
            on_progress(i + 1, len(files))
        sheet.paste(thumb, (x + (cell - thumb.width) // 2, y + (cell - thumb.height) // 2))
        name = p.name if len(p.name) <= 44 else p.name[:41] + "…"
        draw.text((x, y + cell + 8), name, font=font, fill="#333333")
    return save_testimonial(sheet, out), len(files)
