"""Which reviews deserve to be testimonials: screen out complaints and vulgar words, rank the rest.

The word lists are data (`templates/reviews/screening.toml`, Indonesian and English);
a workspace adds its own words, or takes one back with `allow`, in its own
`templates/reviews/screening.toml`.

>>> from contentkit.records import Review
>>> words = Screening.load()
>>> words.reason(Review("Sayah kecewa barang tidak sesuai", rating=4))
'a complaint ("kecewa")'
>>> words.reason(Review("Ga nyesel beli disini, bahannya adem", rating=5)) is None
True
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..i18n import _

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Screening", "Ranked", "rank_reviews", "DEFAULT_MIN_RATING", "READABLE"]

DEFAULT_MIN_RATING = 4.0
READABLE = (40, 280)  # characters: long enough to say something, short enough to read on a card
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STRETCH = re.compile(r"(.)\1{2,}")


def _tokens(text: str) -> list[str]:
    # "anjiiing" and "KECEWAAA" are the words they stretch.
    return [_STRETCH.sub(r"\1", w) for w in _WORD.findall(text.lower())]


def _read(path: Path | Any) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(_("cannot read {path}: {error}; fix or remove the file").format(path=path, error=exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_("{path} is not valid TOML ({error}); fix the line it names").format(path=path, error=exc)) from None
    return data


@dataclass(frozen=True)
class Screening:
    """The profanity, complaint and detail word lists, built-in plus the workspace's own."""

    profanity: frozenset[str]
    complaints: tuple[tuple[str, ...], ...]  # phrases as token tuples
    negations: frozenset[str]
    details: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def load(cls, workspace_root: str | Path | None = None) -> Screening:
        """The built-in lists, extended by `<workspace>/templates/reviews/screening.toml` when present."""
        from importlib import resources

        data = [_read(resources.files("contentkit.templates") / "reviews" / "screening.toml")]
        own = Path(workspace_root) / "templates" / "reviews" / "screening.toml" if workspace_root else None
        if own is not None and own.is_file():
            data.append(_read(own))
        allow = {w.lower() for d in data for w in d.get("allow", [])}

        def words(section: str, *keys: str) -> set[str]:
            return {str(w).lower().strip() for d in data for k in keys for w in d.get(section, {}).get(k, [])} - allow

        return cls(
            profanity=frozenset(" ".join(_tokens(w)) for w in words("profanity", "id", "en")),
            complaints=tuple(sorted({tuple(_tokens(p)) for p in words("complaint", "id", "en")} - {()})),
            negations=frozenset(words("complaint", "negations")),
            details=frozenset(words("detail", "words")),
        )

    def reason(self, review: Any) -> str | None:
        """Why `review` should not be a testimonial (a complaint, a vulgar word), or None."""
        tokens = _tokens(str(getattr(review, "text", "") or ""))
        rating = float(getattr(review, "rating", 5) or 0)
        if rating <= 2:
            return _("a complaint ({stars})").format(stars=f"{rating:g}★")
        for token in tokens:
            if token in self.profanity:
                return _('a word from the profanity list ("{word}")').format(word=token[0] + "*" * (len(token) - 1))
        for i in range(len(tokens)):
            for phrase in self.complaints:
                if tuple(tokens[i : i + len(phrase)]) != phrase:
                    continue
                # "tidak kecewa", "ga ada yang rusak": praise. A phrase that is itself a negation
                # ("tidak sesuai") is a complaint as it stands.
                if phrase[0] not in self.negations and self.negations & set(tokens[max(0, i - 3) : i]):
                    continue
                return _('a complaint ("{phrase}")').format(phrase=" ".join(phrase))
        return None


@dataclass(frozen=True)
class Ranked:
    """A review with its score and the reasons behind it, best first."""

    review: Any
    score: float
    why: tuple[str, ...]


def _score(review: Any, words: Screening, today: date) -> Ranked:
    text = str(review.text)
    why: list[str] = []
    score = float(review.rating) * 2  # 10 for 5★
    n = len(text)
    low, high = READABLE
    if n < low:
        score -= 3 * (low - n) / low
        why.append(_("short"))
    elif n > high:
        score -= min(4.0, (n - high) / 100)
        why.append(_("long"))
    else:
        score += 2
        why.append(_("readable length"))
    tokens = _tokens(text)
    product = [t for t in _tokens(str(getattr(review, "product", "") or "")) if len(t) > 3]
    if product and any(t.startswith(p) for t in tokens for p in product):  # "rendangnya" names the rendang
        score += 2
        why.append(_("names the product"))
    details = sorted({t for t in tokens if t in words.details})
    if details or any(ch.isdigit() for ch in text):
        score += min(3.0, 1.0 * len(details) + (1 if any(ch.isdigit() for ch in text) else 0))
        why.append(_("details: {words}").format(words=", ".join(details[:3])) if details else _("mentions a number"))
    day = getattr(review, "date", None)
    if day:
        age = (today - day).days
        score += max(0.0, 2.0 - max(0, age) / 90)  # fresh reviews first; a year old counts little
        if age <= 90:
            why.append(_("recent"))
    if getattr(review, "photo", None):
        score += 2
        why.append(_("has a photo"))
    return Ranked(review, round(score, 2), tuple(why))


def rank_reviews(reviews: Iterable[Any], *, words: Screening, today: date, min_rating: float = DEFAULT_MIN_RATING,
                 ) -> tuple[list[Ranked], dict[str, list[str]]]:
    """The reviews fit to show, best first, and those left out grouped by reason (review IDs).

    Ranked by rating, a readable length, specificity (names the product, a detail
    a buyer can check), recency and a photo; complaints, vulgar words and reviews
    rated under `min_rating` are left out.
    """
    kept: list[Ranked] = []
    left_out: dict[str, list[str]] = {}
    for review in reviews:
        reason = words.reason(review)
        if reason is None and float(review.rating) < min_rating:
            reason = _("rated under {stars}").format(stars=f"{min_rating:g}★")
        if reason is not None:
            left_out.setdefault(reason.split(" (")[0], []).append(str(getattr(review, "id", "")))
            continue
        kept.append(_score(review, words, today))
    kept.sort(key=lambda r: (-r.score, str(getattr(r.review, "id", ""))))
    return kept, left_out
