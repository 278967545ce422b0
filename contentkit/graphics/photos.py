"""Customer and product photos: opened safely, cheaply, the right way up.

A phone photo is 12 MP or more; decoding it in full to fill a 1080 px region
wastes most of a render. JPEGs are decoded at reduced size with `Image.draft`
(the decoder skips detail we would throw away), the EXIF orientation is
applied, and CMYK, palette and transparent images become plain RGB.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..i18n import N_, _

_WHATS = (N_("photo"), N_("image"), N_("logo"))  # what callers name the file, for the catalog
from ..errors import InputError

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["MAX_PIXELS", "open_photo", "fit_photo", "open_image", "check_image_file"]

MAX_PIXELS = 64_000_000  # larger than any phone photo; more is a decompression bomb or a scan


def check_image_file(path: str | os.PathLike[str], what: str = "photo") -> str:
    """`path` as a string when it is a regular file; else InputError saying what it is instead."""
    name = os.fspath(path)
    if os.path.isdir(name):
        raise InputError(_("{what} {name} is a folder, not an image file; give the path of a JPEG, PNG or WebP file").format(what=_(what), name=name))
    if not os.path.exists(name):
        raise InputError(_("{what} {name} does not exist; check the path").format(what=_(what), name=name))
    if not os.path.isfile(name):
        raise InputError(_("{what} {name} is not a regular file (a device or a pipe); give a JPEG, PNG or WebP file").format(
            what=_(what), name=name))
    return name


@contextlib.contextmanager
def open_image(path: str | os.PathLike[str], what: str = "photo") -> Iterator[Image.Image]:
    """Open an untrusted image file; anything wrong with it is one InputError line.

    Oversized images (decompression bombs: a few kB that decode to gigabytes)
    are refused from their header, before any pixel is decoded.
    """
    from PIL import Image

    name = check_image_file(path, what)
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    too_big = InputError(
        _("{what} {name} is too large (over {mp} MP); resize it and try again").format(what=_(what), name=name, mp=MAX_PIXELS // 1_000_000)
    )
    try:
        with warnings.catch_warnings():
            # Pillow only warns between the limit and twice the limit: make that a refusal too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(name) as im:
                if im.size[0] * im.size[1] > MAX_PIXELS:
                    raise too_big
                yield im
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise InputError(_("{what} {name} cannot be read as an image ({error}); use a JPEG, PNG or WebP file").format(
            what=_(what), name=name, error=exc)) from None
    finally:
        Image.MAX_IMAGE_PIXELS = previous


def open_photo(path: str | os.PathLike[str], target: tuple[int, int], *, mode: str = "cover") -> Image.Image:
    """Open `path` as RGB, decoded no larger than needed to `mode`-fit `target` (w, h).

    Raises InputError (one line) for a missing, unreadable, corrupt or oversized file.
    """
    from PIL import ImageOps

    with open_image(path) as im:
        orientation = im.getexif().get(0x0112, 1)
        need = _needed_size(im.size, target, mode, rotated=orientation in (5, 6, 7, 8))
        if im.format == "JPEG":
            im.draft("RGB", need)
        im.load()
        # In place: without an orientation tag exif_transpose would copy the whole decoded photo.
        ImageOps.exif_transpose(im, in_place=True)
        return _to_rgb(im)


def _needed_size(size: tuple[int, int], target: tuple[int, int], mode: str, *, rotated: bool) -> tuple[int, int]:
    w, h = size
    tw, th = (target[1], target[0]) if rotated else target
    scale = max(tw / w, th / h) if mode == "cover" else min(tw / w, th / h)
    return (max(1, int(w * scale) + 1), max(1, int(h * scale) + 1))


def _to_rgb(im: Image.Image) -> Image.Image:
    from PIL import Image

    if im.mode == "RGB":
        return im
    if im.mode == "P":
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "RGBa"):
        # Transparent areas show white, as on a product page.
        base = Image.new("RGB", im.size, (255, 255, 255))
        base.paste(im.convert("RGBA"), (0, 0), im.convert("RGBA"))
        return base
    return im.convert("RGB")  # CMYK (with Pillow's own inversion for Adobe JPEGs), L, I;16...


def fit_photo(im: Image.Image, size: tuple[int, int], *, mode: str = "cover", background: str = "#FFFFFF") -> Image.Image:
    """Scale `im` to `size`: `cover` fills it and crops the centre; `contain` shows all on `background`."""
    from PIL import Image, ImageOps

    if mode == "cover":
        w, h = im.size
        scale = max(size[0] / w, size[1] / h)
        cw, ch = size[0] / scale, size[1] / scale
        box = ((w - cw) / 2, (h - ch) / 2, (w + cw) / 2, (h + ch) / 2)
        return im.resize(size, Image.Resampling.BICUBIC, box=box, reducing_gap=2.0)
    out = Image.new("RGB", size, background)
    shown = ImageOps.contain(im, size, Image.Resampling.BICUBIC)
    out.paste(shown, ((size[0] - shown.width) // 2, (size[1] - shown.height) // 2))
    return out
