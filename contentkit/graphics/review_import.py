"""Reading review exports as sellers have them: `parse_reviews`.

Marketplace and spreadsheet exports name their columns in Indonesian or English
(ulasan, bintang, nama_produk, tanggal...), separate them with `,` `;` or tabs,
and come as UTF-8 (with or without BOM) or UTF-16. Columns are found by header
name; `mapping` ({"text": "kolom_saya"}) names the rest. A bad row is reported
with its line number and the good rows are kept, unless `strict`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from typing import Any

from ..dates import parse_date
from ..bulk import collector_paused
from ..errors import InputError
from ..i18n import _
from ..records import Review
from .reviewtext import SOURCES

__all__ = ["ImportResult", "parse_reviews", "parse_rating", "ALIASES"]

# field -> the header names that mean it (compared lower-case, spaces and dashes as "_").
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "ulasan", "review", "komentar", "teks", "isi_ulasan", "ulasan_pembeli", "comment", "content", "isi"),
    "rating": ("rating", "bintang", "nilai", "stars", "star", "skor", "score", "penilaian"),
    "name": ("name", "nama", "username", "pembeli", "nama_pembeli", "user", "reviewer", "customer", "pelanggan"),
    "product": ("product", "produk", "nama_produk", "product_name", "item", "barang"),
    "date": ("date", "tanggal", "waktu", "time", "tanggal_ulasan", "created_at", "dibuat"),
    "variant": ("variant", "varian", "variasi", "variation"),
    "reply": ("reply", "balasan", "balasan_penjual", "seller_reply", "tanggapan", "respon_penjual"),
    "source": ("source", "sumber", "platform", "marketplace"),
    "order": ("order", "pesanan", "no_pesanan", "nomor_pesanan", "order_id", "invoice", "no_invoice"),
    "show_name": ("show_name", "tampilkan_nama"),
}
_TRUE = {"1", "true", "yes", "ya", "y", "x", "benar", "boleh"}
_FALSE = {"", "0", "false", "no", "n", "tidak", "tdk", "salah", "jangan", "-"}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_WITH_TIME = re.compile(r"^(.+?)[ T,]+(\d{1,2})[:.](\d{2})(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:WIB|WITA|WIT|Z|[+-]\d{2}:?\d{2})?$", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass
class ImportResult:
    """What an import read: the good reviews, the bad rows (line, reason) and the duplicates skipped."""

    reviews: list[Review] = field(default_factory=list)
    bad: list[tuple[int, str]] = field(default_factory=list)
    duplicates: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # field -> the header it was read from
    closed: list[str] = field(default_factory=list)  # review requests the imported reviews answered


def _key(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().lstrip("\ufeff").lower())


def show_name(value: str) -> bool:
    """A yes or no from the show_name column (ya/tidak, yes/no, 1/0, empty = no); anything else is refused."""
    word = value.strip().lower()
    if word not in _TRUE and word not in _FALSE:
        raise InputError(_("column show_name: {value!r} is not a yes or no; write ya/tidak (yes/no, 1/0) or leave it empty").format(value=value.strip()))
    return word in _TRUE


def _delimiter(header_line: str) -> str:
    # The header is names and separators: the separator it holds most is the one.
    counts = {d: header_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_rating(value: str) -> float:
    """A rating as exports write it: `5`, `5.0`, `4,5`, `5/5`, `★★★★☆` or `⭐⭐⭐⭐`.

    >>> parse_rating("4,5"), parse_rating("★★★★☆"), parse_rating("5/5")
    (4.5, 4.0, 5.0)
    """
    return _rating(value.strip())


@lru_cache(maxsize=256)
def _rating(value: str) -> float:
    stars = value.count("\u2605") + value.count("\u2b50")
    if stars:
        number = float(stars)
    else:
        m = _NUMBER.search(value)
        if not m:
            raise InputError(_("rating {value!r} is not a number or stars; write 1 to 5, e.g. 5, 4,5 or ★★★★★").format(value=value))
        number = float(m.group(0).replace(",", "."))
    if not 0.5 <= number <= 5:
        raise InputError(_("rating {value!r} is outside 1–5 stars").format(value=value))
    return number


@lru_cache(maxsize=4096)
def _when(value: str) -> tuple[date | None, str | None]:
    """A date (ISO or day-first dd/mm/yyyy, never month-first) and its time "19.30" when given."""
    text, time = value.strip(), None
    if not text:
        return None, None
    m = _WITH_TIME.match(text)
    if m:
        hour, minute = int(m.group(2)), int(m.group(3))
        if hour < 24 and minute < 60:
            text, time = m.group(1).strip(), f"{hour:02d}.{minute:02d}"
    if _ISO.match(text):  # the common case, C-fast: exports with seconds make every stamp new
        try:
            return date.fromisoformat(text), time
        except ValueError:
            raise InputError(_("invalid date {value!r}: write YYYY-MM-DD or dd/mm/yyyy (day first)").format(value=value)) from None
    d = _DAY_FIRST.match(text)
    if d:  # 1/12/2026 is 1 December, as Indonesian exports write it
        day, month, year = (int(g) for g in d.groups())
        try:
            return date(year, month, day), time
        except ValueError:
            raise InputError(_("invalid date {value!r}: write dd/mm/yyyy (day first) or YYYY-MM-DD").format(value=value)) from None
    return parse_date(text), time


def _columns(header: list[str], mapping: dict[str, str], where: str) -> dict[str, int]:
    keys = [_key(h) for h in header]
    out: dict[str, int] = {}
    for name, column in mapping.items():
        fld = next((f for f, names in ALIASES.items() if _key(name) in names), None)
        if fld is None:
            raise InputError(_("--map {name}={column}: {name!r} is not a review field; use one of {fields}").format(
                name=name, column=column, fields=", ".join(ALIASES)))
        if _key(column) not in keys:
            raise InputError(_("--map {name}={column}: {where} has no column {column!r}; its columns are {columns}").format(
                name=name, column=column, where=where, columns=", ".join(header)))
        out[fld] = keys.index(_key(column))
    for fld, names in ALIASES.items():
        if fld not in out:
            found = next((i for i, k in enumerate(keys) if k in names and i not in out.values()), None)
            if found is not None:
                out[fld] = found
    if "text" not in out:
        raise InputError(
            _("{where} has no review text column (ulasan, review, komentar or text); its columns are "
              "{columns}; name yours with --map review=COLUMN").format(
                where=where, columns=", ".join(h for h in header if h.strip()) or _("(none)"))
        )
    return out


def parse_reviews(data: bytes, where: str | None = None, *, mapping: dict[str, str] | None = None, strict: bool = False,
                  default_source: str | None = None) -> ImportResult:
    """Reviews from an export's bytes; bad rows listed by line (or, with `strict`, InputError for the file).

    Exact duplicates inside the file (same source, name and text) are counted, not kept.

    >>> parse_reviews("ulasan;bintang\\nEnak!;4,5\\n".encode()).reviews[0].rating
    4.5
    """
    from ..textfile import decode_text

    where = where if where is not None else _("the file")
    text = decode_text(data, where)
    newline = text.find("\n")
    header_line = text if newline < 0 else text[:newline]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line))
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        raise InputError(_("{where} is empty; the first line must name the columns (ulasan, bintang, nama, ...)").format(where=where))
    cols = _columns(header, mapping or {}, where)
    result = ImportResult(columns={f: header[i].strip() for f, i in cols.items()})
    seen: set[tuple[str | None, str, str]] = set()
    make = _row_reader(cols, len(header), (default_source or "").strip().lower() or None, seen)
    keep = result.reviews.append
    with collector_paused():  # 10,000 records: no cycles, yet the collector would re-walk them all
        for row in reader:
            try:
                review = make(row)
                if review is None:
                    continue  # a blank row
            except InputError as exc:
                line = _first_line(reader.line_num, row)
                if strict:
                    raise InputError(_("{where} line {line}: {error}; nothing was imported (drop --strict to keep the good rows)").format(
                        where=where, line=line, error=exc)) from None
                result.bad.append((line, str(exc)))
                continue
            if review is _DUPLICATE:
                result.duplicates += 1
                continue
            keep(review)
    return result


def _first_line(last: int, row: list[str]) -> int:
    """The line a record starts on: a quoted multi-line review is reported by its first line."""
    breaks = sum(c.count("\n") + c.count("\r") - c.count("\r\n") for c in row)
    return last - breaks


_UNSEEN: Any = object()
_DUPLICATE: Any = object()


def _row_reader(
    cols: dict[str, int], width: int, source_default: str | None, seen: set[tuple[str | None, str, str]]
) -> Callable[[list[str]], Any]:
    """A fast row -> Review for these columns (10,000-row exports: no per-cell lookups by name);
    None for a blank row, `_DUPLICATE` for one already in `seen` (same source, name and text)."""
    absent = width  # rows are padded one past the header: an absent column reads ""
    i_text, i_rating, i_name, i_product, i_date, i_variant, i_reply, i_source, i_order, i_show = (
        cols.get(f, absent) for f in ("text", "rating", "name", "product", "date", "variant", "reply", "source", "order", "show_name"))
    has_rating = "rating" in cols
    pad = [""] * (width + 1)
    tidy: dict[str, str | None] = {}  # names, products and variants repeat row after row
    known = tidy.get
    when_of, rating_of = _when, _rating
    new = object.__new__

    def words(value: str) -> str | None:
        found = tidy[value] = " ".join(value.split()) or None
        return found

    def make(row: list[str]) -> Any:  # a Review, None (blank row) or _DUPLICATE
        short = width + 1 - len(row)
        if short > 0:
            row.extend(pad[:short])  # in place: csv.reader hands over a fresh list per row
        body = row[i_text].strip()
        if not body:
            if not "".join(row).strip():
                return None
            raise InputError(_("the review text is empty"))
        raw_rating = row[i_rating].strip()
        if not raw_rating and has_rating:
            raise InputError(_("the rating is empty; write 1 to 5 stars"))
        source = row[i_source].strip().lower() or source_default
        if source is not None and source not in SOURCES:
            raise InputError(_("unknown source {source!r}: use one of {choices}").format(source=source, choices=", ".join(SOURCES)))
        when = row[i_date]
        day, time = when_of(when) if when else (None, None)
        raw_name, raw_product, raw_variant = row[i_name], row[i_product], row[i_variant]
        name = known(raw_name, _UNSEEN)
        if name is _UNSEEN:
            name = words(raw_name)
        product = known(raw_product, _UNSEEN)
        if product is _UNSEEN:
            product = words(raw_product)
        variant = known(raw_variant, _UNSEEN)
        if variant is _UNSEEN:
            variant = words(raw_variant)
        key = (source, name or "", body)
        if key in seen:
            return _DUPLICATE
        seen.add(key)
        review = new(Review)
        # Every field, as Review(...) would set it (a test pins the two equal): the dataclass
        # __init__ alone costs as much as csv.reader's whole pass over a row.
        review.__dict__ = {
            "text": body, "name": name or "", "rating": rating_of(raw_rating) if raw_rating else 5.0,
            "product": product, "source": source, "date": day,
            "show_name": show_name(row[i_show]) if i_show != absent else False,
            "ugc_id": None, "handle": None, "photo": None, "rendered": [], "post_id": None, "id": "", "created_at": None,
            "variant": variant, "reply": row[i_reply].strip() or None, "time": time, "order": row[i_order].strip() or None,
        }
        return review

    return make


_FIELDS = {"text", "name", "rating", "product", "source", "date", "show_name", "ugc_id", "handle", "photo", "rendered",
           "post_id", "id", "created_at", "variant", "reply", "time", "order"}
if _FIELDS != {f.name for f in fields(Review)}:  # pragma: no cover - a new Review field must be added above
    raise ImportError("review_import builds Review records field by field: add the new Review field there")
