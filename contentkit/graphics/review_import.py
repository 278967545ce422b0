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
_CLOCK_TEXT = r"(\d{1,2})[:.](\d{2})(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:WIB|WITA|WIT|Z|[+-]\d{2}:?\d{2})?"  # 19.30, 19:30:05 WIB
_CLOCK = re.compile(_CLOCK_TEXT + "$", re.I)
_WITH_TIME = re.compile(r"^(.+?)[ T,]+(" + _CLOCK_TEXT + ")$", re.I)
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


def _when(value: str) -> tuple[date | None, str | None]:
    """A date (ISO or day-first dd/mm/yyyy, never month-first) and its time "19.30" when given."""
    text = value.strip()
    if not text:
        return None, None
    head, space, tail = text.partition(" ")
    if space:  # "1/12/2026 19.30", "2026-12-01 19:30:05": days and times repeat, so each is read once
        day = _day(head)
        if day is not None:
            if len(tail) == 8 and tail[5] in ":." and tail[6:].isdigit():
                tail = tail[:5]  # the seconds say nothing a post needs, and without them stamps repeat
            time = _clock(tail)
            if time is not None:
                return day, time
    return _when_any(text, value)


@lru_cache(maxsize=1024)
def _day(text: str) -> date | None:
    """An ISO or day-first date; None for anything else, which `_when_any` reads or explains."""
    try:
        if _ISO.match(text):
            return date.fromisoformat(text)
        d = _DAY_FIRST.match(text)
        return date(int(d[3]), int(d[2]), int(d[1])) if d else None
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _clock(text: str) -> str | None:
    """ "19.30" from "19.30", "9:30", "19:30:05 WIB"; None for anything else."""
    m = _CLOCK.match(text)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        return None
    return f"{int(m[1]):02d}.{m[2]}"


def _when_any(text: str, value: str) -> tuple[date | None, str | None]:
    """`_when` for every other shape (`1 Des 2026`, `2026-12-01T19:30`), and the errors."""
    m = _WITH_TIME.match(text)
    time = _clock(m.group(2)) if m else None
    if m and time is not None:
        text = m.group(1).strip()
    day = _day(text)
    if day is not None:
        return day, time
    if _ISO.match(text):
        raise InputError(_("invalid date {value!r}: write YYYY-MM-DD or dd/mm/yyyy (day first)").format(value=value))
    if _DAY_FIRST.match(text):  # 1/12/2026 is 1 December, as Indonesian exports write it
        raise InputError(_("invalid date {value!r}: write dd/mm/yyyy (day first) or YYYY-MM-DD").format(value=value))
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
    from ..textfile import decode_text, first_line

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
                line = first_line(reader.line_num, row)
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


_DUPLICATE: Any = object()


class _Memo(dict[str, Any]):
    """A cell's meaning, worked out once per distinct cell: exports repeat names, products,
    variants and ratings row after row. `read` may raise InputError, which reaches the row."""

    def __init__(self, read: Callable[[str], Any]) -> None:
        super().__init__()
        self.read = read

    def __missing__(self, cell: str) -> Any:
        value = self[cell] = self.read(cell)
        return value


def _row_reader(
    cols: dict[str, int], width: int, source_default: str | None, seen: set[tuple[str | None, str, str]]
) -> Callable[[list[str]], Any]:
    """A fast row -> Review for these columns (10,000-row exports: no per-cell lookups by name);
    None for a blank row, `_DUPLICATE` for one already in `seen` (same source, name and text)."""
    absent = width  # rows are padded one past the header: an absent column reads ""
    i_text, i_rating, i_name, i_product, i_date, i_variant, i_reply, i_source, i_order, i_show = (
        cols.get(f, absent) for f in ("text", "rating", "name", "product", "date", "variant", "reply", "source", "order", "show_name"))
    has_rating, has_show = "rating" in cols, "show_name" in cols
    full = width + 1

    def rating(cell: str) -> float:
        value = cell.strip()
        if value:
            return _rating(value)
        if has_rating:
            raise InputError(_("the rating is empty; write 1 to 5 stars"))
        return 5.0

    def source(cell: str) -> str | None:
        found = cell.strip().lower() or source_default
        if found is not None and found not in SOURCES:
            raise InputError(_("unknown source {source!r}: use one of {choices}").format(source=found, choices=", ".join(SOURCES)))
        return found

    ratings, sources, when_of = _Memo(rating), _Memo(source), _when
    tidy = _Memo(lambda cell: " ".join(cell.split()) or None)  # names, products and variants
    new = object.__new__

    def make(row: list[str]) -> Any:  # a Review, None (blank row) or _DUPLICATE
        row.append("")  # the cell an absent column reads; a short row is padded further
        if len(row) < full:
            row.extend([""] * (full - len(row)))
        body = row[i_text].strip()
        if not body:
            if not "".join(row).strip():
                return None
            raise InputError(_("the review text is empty"))
        stars, origin, (day, time) = ratings[row[i_rating]], sources[row[i_source]], when_of(row[i_date])
        name = tidy[row[i_name]]
        key = (origin, name or "", body)
        if key in seen:
            return _DUPLICATE
        seen.add(key)
        review = new(Review)
        # Every field, in Review's order, as Review(...) would set it (a test pins the two equal):
        # the dataclass __init__ alone costs as much as csv.reader's whole pass over a row.
        review.text, review.name, review.rating, review.product, review.source, review.date = (
            body, name or "", stars, tidy[row[i_product]], origin, day)
        review.show_name = show_name(row[i_show]) if has_show else False
        review.ugc_id = review.handle = review.photo = None
        review.rendered, review.post_id, review.id, review.created_at = [], None, "", None
        review.variant, review.reply, review.time, review.order = (
            tidy[row[i_variant]], row[i_reply].strip() or None, time, row[i_order].strip() or None)
        return review

    return make


# `make` sets every field of Review by name, and a list field fresh per row.
if [f.name for f in fields(Review)] != ["text", "name", "rating", "product", "source", "date", "show_name", "ugc_id", "handle",
                                        "photo", "rendered", "post_id", "id", "created_at", "variant", "reply", "time", "order"]:
    raise ImportError("review_import.make sets each field of Review: add the new field there")  # pragma: no cover
