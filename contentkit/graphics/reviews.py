"""The workspace's reviews: add, import, list, take from UGC, render for posts.

`ws.reviews` is a `ReviewBook`. Reviews are `contentkit.records.Review`
records in the store; every command that changes them writes once.
"""

from __future__ import annotations

import builtins
import dataclasses
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum

from ..i18n import _
from ..channels import RULES
from ..dates import parse_date
from ..errors import ConsentError, InputError, os_reason
from ..records import Review, UGCItem
from .review_import import ImportResult
from .reviewtext import SOURCES, check_rating, check_text

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .brand import Brand
    from .choose import Ranked, Screening

__all__ = ["ReviewBook", "RenderResult", "CHANNEL_SIZES", "make_review"]

# Which canvas suits a post on each channel: the channel registry's testimonial size.
CHANNEL_SIZES = {cid: rules.testimonial_size for cid, rules in RULES.items()}


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
    reply: str | None = None,
    variant: str | None = None,
    order: str | None = None,
) -> Review:
    """A checked, unsaved Review (empty text, a rating outside 0.5–5 or an unknown source refused).

    `reply` is the shop's own answer, as it was given: the chat template shows it, and only it.
    """
    return Review(
        text=check_text(text),
        name=" ".join((name or "").split()),
        rating=check_rating(rating),
        product=" ".join((product or "").split()) or None,
        source=check_source(source),
        date=parse_date(date) if date else None,
        show_name=bool(show_name),
        reply=(reply or "").strip() or None,
        variant=" ".join((variant or "").split()) or None,
        order=(order or "").strip() or None,
    )


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
        from .review_requests import close_answered

        review = make_review(text, **fields)
        review.created_at = pendulum.now(self.ws.tz)
        if photo:
            review.photo = self._keep_photo(Path(photo))
        with self.ws.store.transaction() as tx:
            tx.save(review)
            close_answered(tx, [review], review.created_at)
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

    def import_csv(
        self, path: str | os.PathLike[str], *, mapping: dict[str, str] | None = None, strict: bool = False,
        source: str | None = None,
    ) -> ImportResult:
        """Import a review export in one write: the good rows are kept and the bad ones listed by line
        (`strict=True` refuses the whole file instead); exact duplicates of a review already kept
        (same source, name and text) are skipped and counted. See `review_import.parse_reviews`.
        """
        from .review_requests import close_answered
        from .review_import import parse_reviews

        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(_("cannot read {file}: {strerror}; check the path").format(file=file, strerror=os_reason(exc))) from None
        result = parse_reviews(data, str(file), mapping=mapping, strict=strict, default_source=check_source(source))
        if not result.reviews and not result.bad and not result.duplicates:
            raise InputError(_("{file} has no reviews under its header line; add rows and import again").format(file=file))
        stamp = pendulum.now(self.ws.tz)
        with self.ws.store.transaction() as tx:
            kept = {(r.get("source"), r.get("name", ""), r.get("text")) for r in tx.rows(Review)}
            fresh = []
            for r in result.reviews:
                if (r.source, r.name, r.text) in kept:
                    result.duplicates += 1
                    continue
                r.created_at = stamp
                fresh.append(r)
            result.reviews = fresh
            tx.save_many(fresh)
            result.closed = close_answered(tx, fresh, stamp)
        return result

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

    def screening(self) -> Screening:
        """The complaint and profanity lists: built-in plus this workspace's templates/reviews/screening.toml."""
        from .choose import Screening

        return Screening.load(self.ws.root)

    def best(self, n: int = 10, *, min_rating: float | None = None) -> tuple[builtins.list[Ranked], dict[str, builtins.list[str]]]:
        """The `n` reviews most worth showing, best first, and those left out by reason (review IDs).

        Ranked by rating, a readable length, specificity, recency and a photo; complaints,
        reviews with a word from the profanity list, reviews rated under `min_rating` (4)
        and reviews from customer posts without a current grant are left out.

        >>> [r.review.id for r in ws.reviews.best(3)[0]]                       # doctest: +SKIP
        ['R12', 'R3', 'R40']
        """
        from .choose import DEFAULT_MIN_RATING

        if n < 1:
            raise InputError(_("--best {n} must be 1 or more").format(n=n))
        snapshot = self.ws.store.read()
        ranked, left_out = self._choose(snapshot, snapshot.all(Review), DEFAULT_MIN_RATING if min_rating is None else min_rating)
        return ranked[:n], left_out

    def _choose(self, snapshot: Any, reviews: builtins.list[Review], min_rating: float) -> tuple[builtins.list[Ranked], dict[str, builtins.list[str]]]:
        from .choose import rank_reviews

        now = pendulum.now(self.ws.tz)
        gate = self.ws.consent.gate(snapshot) if any(r.ugc_id for r in reviews) else None
        allowed: builtins.list[Review] = []
        left_out: dict[str, builtins.list[str]] = {}
        for r in reviews:
            if r.ugc_id and gate is not None and not gate.item_anywhere(r.ugc_id, now):
                left_out.setdefault(_("no current consent from the customer"), []).append(r.id)
            else:
                allowed.append(r)
        ranked, screened = rank_reviews(allowed, words=self.screening(), today=now.date(), min_rating=min_rating)
        for reason, ids in screened.items():
            left_out.setdefault(reason, []).extend(ids)
        return ranked, left_out

    def render(
        self,
        ids: builtins.list[str] | None = None,
        *,
        all_new: bool = False,
        min_rating: float | None = None,
        template: str = "card",
        sizes: builtins.list[str] | None = None,
        fmt: str = "jpg",
        out_dir: str | os.PathLike[str] | None = None,
        jobs: int = 1,
        strict: bool = False,
        on_warning: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> RenderResult:
        """Render the given reviews (or, with `all_new`, every one fit to show and never rendered);
        remember the files in one write.

        `all_new` takes reviews rated `min_rating` (4) or more that are no complaint, hold no
        word from the profanity list and, when made from a customer post, have its consent;
        the result's `left_out` says how many it left out and why. A review that fails to
        render is listed in `failed` (ID, reason) and the others still render.
        """
        from .batch import check_batch, render_batch
        from .choose import DEFAULT_MIN_RATING

        # Wrong options fail now, even when nothing needs rendering.
        check_batch(template=template, sizes=sizes or ["square"], fmt=fmt, jobs=jobs, template_dirs=self.template_dirs)
        out = self.ws.check_output(out_dir) if out_dir else self.ws.media_dir / "testimonials"
        snapshot = self.ws.store.read()
        result = RenderResult()
        if ids:
            reviews = [snapshot.get(Review, i) for i in ids]
            now = pendulum.now(self.ws.tz)
            gate = self.ws.consent.gate(snapshot) if any(r.ugc_id for r in reviews) else None
            for r in list(reviews):
                decision = gate.review_anywhere(r, now) if gate is not None else None
                if decision is not None and not decision:
                    result.failed.append((r.id, decision.reason))
                    reviews.remove(r)
        elif all_new:
            ranked, result.left_out = self._choose(
                snapshot, [r for r in snapshot.all(Review) if not r.rendered],
                DEFAULT_MIN_RATING if min_rating is None else min_rating)
            chosen = {r.review.id for r in ranked}
            reviews = [r for r in snapshot.all(Review) if r.id in chosen]  # in the order they were added
        else:
            raise InputError(_("say which reviews to render: give review IDs or --all-new"))
        if not reviews:
            return result
        paths = render_batch(
            [self._with_photo_path(r) for r in reviews], template=template, sizes=sizes or ["square"], fmt=fmt, out_dir=out, brand=self.brand(),
            jobs=jobs, strict=strict, template_dirs=self.template_dirs, on_warning=on_warning, on_progress=on_progress,
        )
        result.failed.extend(paths.failed)
        by_review: dict[str, list[str]] = {}
        for review, path in paths:
            shown = path.resolve()
            rel = shown.relative_to(self.ws.root).as_posix() if shown.is_relative_to(self.ws.root) else str(shown)
            by_review.setdefault(review.id, []).append(rel)
        if by_review:
            with self.ws.store.transaction() as tx:
                for rid, files in by_review.items():
                    current = tx.get(Review, rid)
                    current.rendered = sorted(set(current.rendered) | set(files))
                    tx.save(current)
        result.extend(p for _, p in paths)
        return result


class RenderResult(list):  # type: ignore[type-arg]
    """The image paths written, plus `failed` [(review ID, reason)] and, for --all-new,
    `left_out` {reason: [review IDs]}."""

    def __init__(self, paths: Any = ()) -> None:
        super().__init__(paths)
        self.failed: builtins.list[tuple[str, str]] = []
        self.left_out: dict[str, builtins.list[str]] = {}
