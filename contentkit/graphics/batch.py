"""Rendering many testimonials, in parallel processes when asked.

Rendering is CPU-bound Python and C inside one GIL, so `jobs > 1` uses a
process pool; each worker keeps its own font and mask caches between images.
Every job is checked before anything is drawn, so a bad template or size
fails at once and writes nothing.
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

__all__ = ["render_batch", "check_batch", "expand_sizes"]


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


def _one(job: tuple[Any, str, str, str, str, str, Brand, bool, tuple[str, ...]]) -> tuple[str, list[str]]:
    from .render import render_testimonial

    review, template, name, size, fmt, out_dir, brand, strict, dirs = job
    notes: list[str] = []
    image = render_testimonial(review, template, size, brand, strict=strict, template_dirs=dirs, on_warning=notes.append)
    path = Path(out_dir) / output_name(review, name, size, fmt)
    save_testimonial(image, path, fmt=fmt, max_bytes=SIZES[size].max_bytes)
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
) -> list[tuple[Any, Path]]:
    """Render every review × size into `out_dir`; returns (review, path) pairs in order.

    Warnings (a cut quote) go to `on_warning`, prefixed with the review id.
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
    if jobs == 1 or len(work) < 2:
        results = [_one(job) for job in work]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
            results = list(pool.map(_one, work, chunksize=max(1, len(work) // (jobs * 8))))
    out: list[tuple[Any, Path]] = []
    for job, (path, notes) in zip(work, results):
        for note in notes:
            if on_warning:
                on_warning(f"{getattr(job[0], 'id', '') or 'review'}: {note}")
        out.append((job[0], Path(path)))
    return out
