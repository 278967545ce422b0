"""Importing a marketplace review export, against a bare csv.reader pass over the same file.

    .venv/bin/python bench/bench_review_import.py [--rows 10000]

Prints (the issue's target in brackets):
1. parse_reviews (decode, find columns, ratings, day-first dates, duplicates) vs
   reading the file and a bare csv.reader pass over it                            [<= 3x]
   and, stricter, the same with freeing the 10,000 reviews afterwards timed too.
2. the whole `review import` into a workspace (checks + one store write), for reference.
"""

from __future__ import annotations

import argparse
import csv
import io
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from contentkit.graphics.review_import import ImportResult, parse_reviews
from contentkit.workspace import Workspace

TEXTS = [
    "Kualitas produk: bagus\nWarna: sesuai\n\n\nPengiriman: cepat 👍👍",
    "packing aman\nbahan nyaman dan adem",
    "Barang sesuai pesanan, jahitan rapi, ukuran L pas di badan. Makasih kak 🙏",
    "mantul gan, fast respon 😍😍 recomended seller",
    "Jelek, bahannya tipis dan nerawang. Kecewa",
    "Pengiriman agak lama tp barang bagus, sesuai foto. Next order lagi warna navy",
]


def stamp(i: int) -> datetime:
    return datetime(2026, 1, 1) + timedelta(seconds=i * 2833)


def export(rows: int) -> bytes:
    """A Tokopedia-shaped export: Indonesian headers, `;`, quoted multi-line reviews, day-first dates."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["nama", "nama_produk", "varian", "bintang", "ulasan", "tanggal", "balasan", "no_pesanan"])
    for i in range(rows):
        writer.writerow([
            f"p***{i % 97}", "Gamis Katun Rayon Premium Busui Friendly Motif Bunga", ["Sage, L", "Navy, XL", "Hitam, M"][i % 3],
            ["5", "4,5", "★★★★★", "4", "1"][i % 5], f"{TEXTS[i % len(TEXTS)]} (#{i})",
            # Day-first with a WIB time, or ISO with seconds as some exports write it: a review
            # every 47 minutes and 13 seconds for a year, so no two stamps are the same.
            f"{stamp(i):%d/%m/%Y %H.%M}" if i % 2 else f"{stamp(i):%Y-%m-%d %H:%M:%S}",
            "Makasih kak 🙏" if i % 4 == 0 else "",
            f"INV/2026/{i:06d}",
        ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def interleaved(*fns):  # type: ignore[no-untyped-def]
    """Fastest of 11 runs of each, taken turn about: on a shared machine the load changes
    from second to second, and the fastest run is the one least disturbed. What a run
    returns is freed after its clock stops."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(11):
        for fn, runs in zip(fns, times):
            t = time.perf_counter()
            kept = fn()
            runs.append(time.perf_counter() - t)
            del kept
    return [min(runs) for runs in times]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    data = export(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ulasan.csv"
        path.write_bytes(data)

        def bare() -> None:
            text = path.read_bytes().decode("utf-8-sig")
            for _row in csv.reader(io.StringIO(text, newline=""), delimiter=";"):
                pass

        def ours() -> ImportResult:  # the reviews are the import's result: the caller keeps them
            result = parse_reviews(path.read_bytes(), str(path))
            assert len(result.reviews) == args.rows and not result.bad
            return result

        def ours_then_freed() -> None:  # stricter: freeing 10,000 reviews timed as well
            ours()

        base, parse, freed = interleaved(bare, ours, ours_then_freed)
        print(f"1. {args.rows} rows ({len(data) // 1024} kB): parse_reviews {parse * 1000:.0f} ms vs bare csv.reader "
              f"{base * 1000:.0f} ms: {parse / base:.2f}x  (target <= 3x); with freeing the reviews timed too "
              f"{freed * 1000:.0f} ms: {freed / base:.2f}x")
        ws = Workspace.init(Path(tmp) / "toko", brand="Toko Gamis", sector="fesyen", timezone="Asia/Jakarta")
        t = time.perf_counter()
        ws.reviews.import_csv(path, source="tokopedia")
        print(f"2. whole `review import` into a workspace (incl. one store write): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
