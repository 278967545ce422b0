"""Rendering many testimonials, in parallel processes when asked.

Rendering is CPU-bound Python and C inside one GIL, so `jobs > 1` uses a
process pool; each worker keeps its own font and mask caches between images.
Every job is checked before anything is drawn, so a bad template or size
fails at once and writes nothing. After that, one review that cannot be drawn
(a broken photo, a quote refused by --strict, a glyph the layout engine chokes
on) never stops the batch: it is reported by ID with its reason and the rest render.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..i18n import _
from ..errors import InputError
from .brand import Brand
from .output import check_format, check_output_dir, output_name, save_testimonial
from .templates import SIZES, check_size, load_template

__all__ = ["render_batch", "check_batch", "expand_sizes", "Rendered"]


class Rendered(list):  # type: ignore[type-arg]
    """The (review, path) pairs drawn, in order, plus `failed`: (review ID, reason) for each that was not."""

    def __init__(self, done: Any = (), failed: Any = ()) -> None:
        super().__init__(done)
        self.failed: list[tuple[str, str]] = list(failed)


def expand_sizes(sizes: Sequence[str]) -> list[str]:
    """Size names with "all" expanded, each checked."""
    out: list[str] = []
    for s in sizes:
        for part in str(s).split(","):
            part = part.strip().lower()
            if part == "all":
                out.extend(SIZES)
            elif part:
                out.append(check_size(part).name)
    return list(dict.fromkeys(out)) or ["square"]


def _one(job: tuple[Any, str, str, str, str, str, Brand, bool, tuple[str, ...]]) -> tuple[str | None, list[str]]:
    """Draw and save one job: (path, warnings), or (None, [the reason it failed])."""
    from ..errors import ContentkitError
    from .render import render_testimonial

    review, template, name, size, fmt, out_dir, brand, strict, dirs = job
    notes: list[str] = []
    try:
        image = render_testimonial(review, template, size, brand, strict=strict, template_dirs=dirs, on_warning=notes.append)
        path = Path(out_dir) / output_name(review, name, size, fmt)
        save_testimonial(image, path, fmt=fmt, max_bytes=SIZES[size].max_bytes)
    except ContentkitError as exc:
        return None, [str(exc)]
    except (OSError, RuntimeError, ValueError, MemoryError) as exc:
        # Pillow's C layer (raqm, FreeType, a decoder) on one odd review: report it, go on.
        return None, [_("could not draw it at size {size} ({error}); edit its text or photo and render it again").format(
            size=size, error=f"{type(exc).__name__}: {exc}")]
    return str(path), notes


def check_batch(
    *, template: str, sizes: Sequence[str], fmt: str, jobs: int, template_dirs: tuple[str | os.PathLike[str], ...] = ()
) -> None:
    """Refuse unknown template, size or format and a bad --jobs before any work."""
    check_format(fmt)
    expand_sizes(sizes)
    load_template(template, template_dirs)
    if jobs < 1:
        raise InputError(_("--jobs {jobs} must be 1 or more").format(jobs=jobs))


def render_batch(
    reviews: Sequence[Any],
    *,
    template: str = "card",
    sizes: Sequence[str] = ("square",),
    fmt: str = "jpg",
    out_dir: str | os.PathLike[str],
    brand: Brand | None = None,
    jobs: int = 1,
    strict: bool = False,
    template_dirs: tuple[str | os.PathLike[str], ...] = (),
    on_warning: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Rendered:
    """Render every review × size into `out_dir`; returns the (review, path) pairs drawn, in order.

    A review that fails is left out and listed in the result's `failed` with its
    reason; the others still render. Warnings (a cut quote) go to `on_warning`,
    prefixed with the review id; `on_progress(done, total)` is called as each job ends (for a progress bar).
    """
    fmt = check_format(fmt)
    names = expand_sizes(sizes)
    tpl = load_template(template, template_dirs)  # check it now, before any work
    kit = (brand or Brand()).resolved()
    folder = check_output_dir(out_dir)
    if jobs < 1:
        raise InputError(_("--jobs {jobs} must be 1 or more").format(jobs=jobs))
    dirs = tuple(str(d) for d in template_dirs)
    template_ref = tpl.path or template
    work = [(r, template_ref, tpl.name, s, fmt, str(folder), kit, strict, dirs) for r in reviews for s in names]
    out = Rendered()
    if jobs == 1 or len(work) < 2:
        _collect(work, map(_one, work), out, on_warning, on_progress)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
            chunk = max(1, min(16, len(work) // (jobs * 8)))  # small chunks keep the progress bar moving
            _collect(work, pool.map(_one, work, chunksize=chunk), out, on_warning, on_progress)
    return out


def _collect(work: list[Any], results: Any, out: Rendered, on_warning: Callable[[str], None] | None,
             on_progress: Callable[[int, int], None] | None) -> None:
    for done, (job, (path, notes)) in enumerate(zip(work, results), 1):
        rid = getattr(job[0], "id", "") or "review"
        if path is None:
            out.failed.append((rid, notes[0]))
        else:
            out.append((job[0], Path(path)))
            for note in notes:
                if on_warning:
                    on_warning(f"{rid}: {note}")
        if on_progress:
            on_progress(done, len(work))
