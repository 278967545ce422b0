"""Small embedded images for calendar cards.

A card's image is a file inside the workspace (a rendered testimonial, a
downloaded customer photo) or a web link. Files become ~240 px JPEG `data:`
URIs so the page stays one self-contained file; the page never carries an
absolute path of the user's machine, and a path leading out of the workspace
is not read at all.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Thumbnail", "thumbnail", "THUMB_PX"]

THUMB_PX = 240


@dataclass(frozen=True)
class Thumbnail:
    """What a card shows for its image: a data URI, a web link, or a note that it is missing.

    `name` is the file's name (never its folder) or the link, for the alt text.
    """

    name: str
    data_uri: str | None = None
    link: str | None = None
    missing: bool = False


def thumbnail(root: Path, ref: str, *, media_dir: Path | None = None) -> Thumbnail:
    """The thumbnail of `ref`: a path relative to the workspace `root` (or its media folder), or an http(s) URL.

    >>> thumbnail(Path("/tmp"), "https://example.com/a.jpg").link
    'https://example.com/a.jpg'
    >>> thumbnail(Path("/tmp/toko"), "../../etc/passwd").missing
    True
    """
    ref = ref.strip()
    if ref.lower().startswith(("http://", "https://")):
        # Loading it would make the page fetch from the network: link to it instead.
        return Thumbnail(name=ref, link=ref)
    name = Path(ref).name or ref
    path = _inside(root, ref) or (_inside(media_dir, ref) if media_dir is not None else None)
    if path is None or not path.is_file():
        return Thumbnail(name=name, missing=True)
    stat = path.stat()
    uri = _data_uri(str(path), stat.st_mtime_ns, stat.st_size)
    return Thumbnail(name=name, data_uri=uri, missing=uri is None)


def _inside(base: Path, ref: str) -> Path | None:
    """`base / ref` when it stays inside `base` (no absolute paths, no `..` escapes, no NUL)."""
    if "\x00" in ref or Path(ref).is_absolute():
        return None
    base = base.resolve()
    try:
        path = (base / ref).resolve()
    except (OSError, RuntimeError):
        return None
    return path if path.is_relative_to(base) else None


@lru_cache(maxsize=512)
def _data_uri(path: str, mtime_ns: int, size: int) -> str | None:
    # Keyed on mtime and size too, so an image re-rendered in place is read again.
    from PIL import Image, ImageOps, UnidentifiedImageError

    from ..errors import InputError
    from ..graphics.photos import open_image

    try:
        with open_image(path, "image") as opened:  # refuses decompression bombs from their header
            im = ImageOps.exif_transpose(opened)
            im.thumbnail((THUMB_PX, THUMB_PX))
            if im.mode in ("RGBA", "LA", "P"):
                im = im.convert("RGBA")
                flat = Image.new("RGB", im.size, (255, 255, 255))
                flat.paste(im, mask=im.getchannel("A"))
                im = flat
            elif im.mode != "RGB":
                im = im.convert("RGB")
            out = io.BytesIO()
            im.save(out, "JPEG", quality=72, optimize=True)
    except (InputError, UnidentifiedImageError, OSError, ValueError):
        return None  # a video, a broken file: the card says the image is missing
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")
