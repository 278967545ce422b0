"""File names for customers' media that can never leave the media folder.

Usernames, shortcodes and URLs come from other people: `../`, `/`, NUL,
control characters, Windows-reserved names or 5,000-character names must all
become one short, harmless file name inside `media/ugc/`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from ..i18n import _
from ..errors import InputError

__all__ = ["safe_component", "media_target", "ensure_inside", "remove_empty_folders", "MAX_COMPONENT"]

MAX_COMPONENT = 60
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "heic", "gif", "mp4", "mov", "m4v", "webm"}


def safe_component(text: str, *, fallback: str = "x", max_len: int = MAX_COMPONENT) -> str:
    """One path component made only of `[A-Za-z0-9._-]`, never `.`/`..`, at most `max_len` long.

    Long or rewritten names keep a short hash of the original so two different
    names never collide.

    >>> safe_component("../../etc/passwd")
    'etc_passwd-3754d6cb'
    >>> safe_component("dapur.busari")
    'dapur.busari'
    """
    original = text
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = _UNSAFE.sub("_", text).strip("._-")
    text = re.sub(r"\.{2,}", ".", text)
    changed = text != original
    if not text or text.lower().split(".")[0] in _RESERVED:
        text, changed = fallback, True
    if changed or len(text) > max_len:
        digest = hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        text = f"{text[: max_len - 9]}-{digest}"
    return text


def ensure_inside(folder: Path, path: Path) -> Path:
    """`path` resolved, or InputError if it is not inside `folder` (symlinks included)."""
    root = folder.resolve()
    target = path.resolve()
    if target != root and root not in target.parents:
        raise InputError(_("refusing to write {path}: it is outside {root}").format(path=path, root=root))
    return target


def media_target(media_dir: Path, platform: str, owner: str, key: str, index: int, extension: str) -> Path:
    """Where media file `index` of one customer post goes: `media/ugc/<platform>/<owner>/<key>_<n>.<ext>`.

    >>> media_target(Path("/ws/media"), "instagram", "../x", "AbC", 1, "jpg").name
    'AbC_1.jpg'
    """
    ext = extension.lower().lstrip(".")
    if ext == "jpeg":
        ext = "jpg"
    if ext not in _EXTENSIONS:
        ext = "bin"
    folder = media_dir / "ugc" / safe_component(platform, fallback="other") / safe_component(owner, fallback="unknown")
    path = folder / f"{safe_component(key, fallback='item')}_{int(index)}.{ext}"
    return ensure_inside(media_dir, path)


def remove_empty_folders(folder: Path, stop: Path) -> None:
    """Remove `folder` and its parents while they are empty, up to (not including) `stop`.

    A failed download leaves no empty `media/ugc/<platform>/<owner>/` behind.
    """
    root = stop.resolve()
    current = folder.resolve()
    while current != root and root in current.parents:
        try:
            current.rmdir()
        except OSError:  # not empty (other files), or already gone
            return
        current = current.parent
