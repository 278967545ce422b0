"""The workspace's reviews: add, import, list, take from UGC, render for posts.

`ws.reviews` is a `ReviewBook`. Reviews are `contentkit.records.Review`
records in the store; every command that changes them writes once.
"""

from __future__ import annotations

import builtins
import csv
import dataclasses
import io
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum

from ..i18n import _
from ..channels import RULES
from ..dates import parse_date
from ..errors import ConsentError, InputError
from ..records import Review, UGCItem
from .reviewtext import SOURCES, check_rating, check_text

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .brand import Brand

__all__ = ["ReviewBook", "CHANNEL_SIZES", "parse_review_csv"]

# Which canvas suits a post on each channel: the channel registry's testimonial size.
CHANNEL_SIZES = {cid: rules.testimonial_size for cid, rules in RULES.items()}
_TRUE = {"1", "true", "yes", "ya", "y", "x", "benar", "boleh"}
_FALSE = {"", "0", "false", "no", "n", "tidak", "tdk", "salah", "jangan", "-"}
_COLUMNS = ("text", "name", "rating", "product", "source", "date", "show_name")


def check_source(source: str | None) -> str | None:
    if not source:
        return None
    value = source.strip().lower()
    if value not in SOURCES:
        raise InputError(_("unknown source {source!r}: use one of {value}").format(source=source, value=', '.join(SOURCES)))
    return value


def make_review(
    text: str,
    *,
    name: str = "",
    rating: Any = 5,
    product: str | None = None,
    source: str | None = None,
    date: str | date | None = None,
    show_name: bool = False,
) -> Review:
    """A checked, unsaved Review (empty text, a rating outside 0.5–5 or an unknown source refused)."""
    return Review(
        text=check_text(text),
        name=" ".join((name or "").split()),
        rating=check_rating(rating),
        product=(product or "").strip() or None,
        source=check_source(source),
        date=parse_date(date) if date else None,
        show_name=bool(show_name),
    )


def parse_review_csv(data: bytes, where: str = "the file") -> list[Review]:
    """Reviews from CSV bytes as spreadsheet apps save them: UTF-8 with or without BOM, `,` or `;`.

    Columns: text,name,rating,product,source,date,show_name (only `text` is required).
    A bad row raises InputError naming its line; nothing is imported then.
    """
    from ..textfile import decode_text

    text = decode_text(data, where)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "text" not in header:
        raise InputError(_("{where} has no 'text' column; the first line must name the columns: {value}").format(where=where, value=','.join(_COLUMNS)))
    reader.fieldnames = header
    out = []
    for row in reader:
        line = reader.line_num
        values = {k: (v or "").strip() for k, v in row.items() if k}
        if not any(values.values()):
            continue
        show = values.get("show_name", "").lower()
        if show not in _TRUE and show not in _FALSE:
            raise InputError(
                f"{where} line {line}, column show_name: {values['show_name']!r} is not a yes or no; "
                "write ya/tidak (yes/no, 1/0) or leave it empty; nothing was imported"
            )
        try:
            out.append(
                make_review(
                    values.get("text", ""),
                    name=values.get("name", ""),
                    rating=values.get("rating") or 5,
                    product=values.get("product"),
                    source=values.get("source"),
                    date=values.get("date") or None,
                    show_name=show in _TRUE,
                )
            )
        except InputError as exc:
            raise InputError(_("{where} line {line}: {exc}; nothing was imported").format(where=where, line=line, exc=exc)) from None
    return out


class ReviewBook:
    """Reviews kept in a workspace.

    >>> r = ws.reviews.add("Enak banget!", name="Rina", rating=5, source="shopee")   # doctest: +SKIP
    >>> ws.reviews.render_for_post(r, "instagram")                                   # doctest: +SKIP
    'media/testimonials/undated-R1-card-portrait.jpg'
    """

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- reading ---------------------------------------------------------
    def list(self) -> list[Review]:
        return self.ws.store.read().all(Review)

    def get(self, review_id: str) -> Review:
        return self.ws.store.read().get(Review, review_id)

    def waiting(self) -> builtins.list[Review]:
        """Reviews no calendar post uses yet, oldest first (by date, then by when they were added)."""
        rows = [Review.from_dict(r) for r in self.ws.store.read().rows(Review) if not r.get("post_id")]
        return sorted(rows, key=lambda r: (r.date or date.max, int(r.id[1:] or 0)))

    # -- adding ----------------------------------------------------------
    def add(self, text: str, *, photo: str | os.PathLike[str] | None = None, **fields: Any) -> Review:
        """Check and save one review (see `make_review` for the fields).

        A `photo` (customer or product) is checked as an image and copied into
        the workspace's media/photos, so the review keeps working if the
        original moves.
        """
        review = make_review(text, **fields)
        review.created_at = pendulum.now(self.ws.tz)
        if photo:
            review.photo = self._keep_photo(Path(photo))
        with self.ws.store.transaction() as tx:
            tx.save(review)
        return review

    def _keep_photo(self, source: Path) -> str:
        """Copy a checked photo into media/photos; returns its path relative to the workspace."""
        from ..atomic import write_atomic
        from .photos import open_photo

        open_photo(source, (64, 64))  # refuses a missing, corrupt or oversized file in one line
        folder = self.ws.media_dir / "photos"
        folder.mkdir(parents=True, exist_ok=True)
        stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in source.stem)[:60].strip("-") or "photo"
        target = folder / f"{pendulum.now(self.ws.tz).format('YYYYMMDDHHmmss')}-{stem}{source.suffix.lower()[:6]}"
        write_atomic(target, source.read_bytes())
        return target.relative_to(self.ws.root).as_posix()

    def _with_photo_path(self, review: Review) -> Review:
        """The review with its photo as an absolute path (stored relative to the workspace)."""
        if review.photo and not os.path.isabs(review.photo):
            return dataclasses.replace(review, photo=str(self.ws.root / review.photo))
        return review

    def import_csv(self, path: str | os.PathLike[str]) -> builtins.list[Review]:
        """Import every row of a CSV file in one write; a bad row imports nothing."""
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(_("cannot read {file}: {strerror}; check the path").format(file=file, strerror=exc.strerror)) from None
        reviews = parse_review_csv(data, str(file))
        if not reviews:
            raise InputError(_("{file} has no reviews under its header line; add rows and import again").format(file=file))
        stamp = pendulum.now(self.ws.tz)
        for r in reviews:
            r.created_at = stamp
        with self.ws.store.transaction() as tx:
            tx.save_many(reviews)
        return reviews

    def from_ugc(self, ugc_id: str) -> Review:
        """A review from a customer post with a current grant: caption as quote, photo, @handle credit."""
        item = self._ugc_item(ugc_id)
        decision = self.ws.consent.gate().item_anywhere(item)
        if not decision:
            raise ConsentError(_("no testimonial from {id} without consent: {reason}").format(id=item.id, reason=decision.reason))
        caption = " ".join(w for w in (item.caption or "").split() if not w.startswith("#"))
        if not caption.strip():
            raise InputError(_("{id} has no caption to quote; add the review by hand with `contentkit review add`").format(id=item.id))
        photo = next((f for f in item.media_files if f.lower().endswith((".jpg", ".jpeg", ".png", ".webp"))), None)
        review = Review(
            text=caption,
            name=item.owner,
            rating=5.0,
            source=item.platform if item.platform in SOURCES else None,
            date=item.taken_at.date() if item.taken_at else None,
            ugc_id=item.id,
            handle=item.owner.lstrip("@"),
            photo=photo,  # relative to the workspace, like every stored path
            created_at=pendulum.now(self.ws.tz),
        )
        with self.ws.store.transaction() as tx:
            tx.save(review)
        return review

    def _ugc_item(self, ugc_id: str) -> UGCItem:
        try:
            manager = self.ws.ugc
        except ImportError:  # the UGC manager is optional here: the store holds the same record
            return self.ws.store.read().get(UGCItem, ugc_id)
        item: UGCItem = manager.get(ugc_id)
        return item

    # -- rendering -------------------------------------------------------
    def brand(self) -> Brand:
        from .brand import Brand

        return Brand.from_config(self.ws.config, self.ws.root)

    @property
    def template_dirs(self) -> tuple[str, ...]:
        return (str(self.ws.root / "templates" / "testimonials"),)

    def render_for_post(self, review: Review, channel: str, *, template: str = "card") -> str:
        """Render `review` at the size `channel` needs into media/testimonials; returns the path
        relative to the workspace. Writes no record: the planner sets `post_id` and `rendered`."""
        from .output import output_name, save_testimonial
        from .render import render_testimonial
        from .templates import SIZES

        from ..channels import channel as registry_channel

        size = SIZES[registry_channel(channel).testimonial_size]
        chosen = "photo" if review.photo and template == "card" else template
        image = render_testimonial(self._with_photo_path(review), chosen, size, self.brand(), template_dirs=self.template_dirs,
                                   on_warning=lambda _m: None)
        folder = self.ws.media_dir / "testimonials"
        path = folder / output_name(review, chosen, size.name, "jpg")
        save_testimonial(image, path, max_bytes=size.max_bytes)
        return path.relative_to(self.ws.root).as_posix()

    def render(
        self,
        ids: builtins.list[str] | None = None,
        *,
        all_new: bool = False,
        template: str = "card",
        sizes: builtins.list[str] | None = None,
        fmt: str = "jpg",
        out_dir: str | os.PathLike[str] | None = None,
        jobs: int = 1,
        strict: bool = False,
        on_warning: Callable[[str], None] | None = None,
    ) -> builtins.list[Path]:
        """Render the given reviews (or every one never rendered) and remember the files, in one write."""
        from .batch import check_batch, render_batch

        # Wrong options fail now, even when nothing needs rendering.
        check_batch(template=template, sizes=sizes or ["square"], fmt=fmt, jobs=jobs, template_dirs=self.template_dirs)
        out = self.ws.check_output(out_dir) if out_dir else self.ws.media_dir / "testimonials"
        snapshot = self.ws.store.read()
        if ids:
            reviews = [snapshot.get(Review, i) for i in ids]
        elif all_new:
            reviews = [r for r in snapshot.all(Review) if not r.rendered]
        else:
            raise InputError(_("say which reviews to render: give review IDs or --all-new"))
        # A review made from a customer's post is shown only while its consent allows it somewhere.
        gate = self.ws.consent.gate(snapshot)
        refused = [(r, gate.review_anywhere(r)) for r in reviews]
        refused = [(r, d) for r, d in refused if not d]
        if refused and ids:
            review, decision = refused[0]
            raise ConsentError(_("review {id} is not rendered: {reason}").format(id=review.id, reason=decision.reason))
        for review, decision in refused:
            if on_warning is not None:
                on_warning(_("review {id} left out: {reason}").format(id=review.id, reason=decision.reason))
        left_out = {r.id for r, _d in refused}
        reviews = [r for r in reviews if r.id not in left_out]
        if not reviews:
            return []
        paths = render_batch(
            [self._with_photo_path(r) for r in reviews], template=template, sizes=sizes or ["square"], fmt=fmt, out_dir=out, brand=self.brand(),
            jobs=jobs, strict=strict, template_dirs=self.template_dirs, on_warning=on_warning,
        )
        by_review: dict[str, list[str]] = {}
        for review, path in paths:
            shown = path.resolve()
            rel = shown.relative_to(self.ws.root).as_posix() if shown.is_relative_to(self.ws.root) else str(shown)
            by_review.setdefault(review.id, []).append(rel)
        with self.ws.store.transaction() as tx:
            for rid, files in by_review.items():
                current = tx.get(Review, rid)
                current.rendered = sorted(set(current.rendered) | set(files))
                tx.save(current)
        return [p for _, p in paths]
