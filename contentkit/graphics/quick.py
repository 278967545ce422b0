"""`testimonial quick`: one image from text given on the command line, no store needed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .brand import Brand
from .output import save_testimonial
from .render import render_testimonial
from .reviews import make_review
from .templates import check_size

__all__ = ["quick_testimonial"]


def _nearby_brand(workspace: str | os.PathLike[str] | None) -> tuple[Brand, tuple[str, ...]]:
    """The brand kit of the workspace given or around here; Lato and default colours when there is none."""
    from ..errors import WorkspaceError
    from ..workspace import Workspace

    try:
        ws = Workspace.open(workspace)
    except WorkspaceError:
        if workspace is not None:
            raise
        return Brand(), ()
    return Brand.from_config(ws.config, ws.root), (str(ws.root / "templates" / "testimonials"),)


def quick_testimonial(
    text: str,
    out: str | os.PathLike[str],
    *,
    name: str = "",
    rating: Any = 5,
    product: str | None = None,
    source: str | None = None,
    show_name: bool = False,
    reply: str | None = None,
    template: str = "card",
    size: str = "square",
    photo: str | None = None,
    strict: bool = False,
    workspace: str | os.PathLike[str] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Path:
    """Render and save one testimonial to `out` (format from its extension).

    `reply` is the shop's own answer to the review; the chat template shows it, and no other.

    >>> quick_testimonial("Mantap, enak!", "out.jpg", name="Rina", rating=5)   # doctest: +SKIP
    PosixPath('out.jpg')
    """
    from ..workspace import check_output_path

    out = check_output_path(out)
    review = make_review(text, name=name, rating=rating, product=product, source=source, show_name=show_name, reply=reply)
    brand, dirs = _nearby_brand(workspace)
    canvas = check_size(size)
    image = render_testimonial(review, template, canvas, brand, photo=photo, strict=strict,
                               template_dirs=dirs, on_warning=on_warning)
    return save_testimonial(image, out, max_bytes=canvas.max_bytes)
