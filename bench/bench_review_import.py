"""Importing a marketplace review export, against a bare csv.reader pass over the same file.

    .venv/bin/python bench/bench_review_import.py [--rows 10000]

Prints (the issue's target in brackets):
1. parse_reviews (decode, find columns, ratings, day-first dates, duplicates) vs
   reading the file and a bare csv.reader pass over it                            [<= 3x]
2. the whole `review import` into a workspace (checks + one store write), for reference.
"""

from __future__ import annotations

import argparse
import csv
import io
import tempfile
import time
from pathlib import Path

from contentkit.graphics.review_import import parse_reviews
from contentkit.workspace import Workspace

TEXTS = [
    "Kualitas produk: bagus\nWarna: sesuai\n\n\nPengiriman: cepat 👍👍",
    "packing aman\nbahan nyaman dan adem",
    "Barang sesuai pesanan, jahitan rapi, ukuran L pas di badan. Makasih kak 🙏",
    "mantul gan, fast respon 😍😍 recomended seller",
    "Jelek, bahannya tipis dan nerawang. Kecewa",
    "Pengiriman agak lama tp barang bagus, sesuai foto. Next order lagi warna navy",
]


def export(rows: int) -> bytes:
    """A Tokopedia-shaped export: Indonesian headers, `;`, quoted multi-line reviews, day-first dates."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["nama", "nama_produk", "varian", "bintang", "ulasan", "tanggal", "balasan", "no_pesanan"])
    for i in range(rows):
        writer.writerow([
            f"p***{i % 97}", "Gamis Katun Rayon Premium Busui Friendly Motif Bunga", ["Sage, L", "Navy, XL", "Hitam, M"][i % 3],
            ["5", "4,5", "★★★★★", "4", "1"][i % 5], f"{TEXTS[i % len(TEXTS)]} (#{i})",
            # Day-first with a WIB time, or ISO with seconds as some exports write it (every stamp new).
            f"{1 + i % 28}/{1 + i % 12}/2026 {10 + i % 12}.{i % 60:02d}" if i % 2 else
            f"2026-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{i * 7 % 60:02d}",
            "Makasih kak 🙏" if i % 4 == 0 else "",
            f"INV/2026/{i:06d}",
        ])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def interleaved(a, b, rounds: int = 11) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Fastest of `rounds` runs of each, taken turn about: on a shared machine the load
    changes from second to second, and the fastest run is the one least disturbed."""
    ta, tb = [], []
    for _ in range(rounds):
        for fn, times in ((a, ta), (b, tb)):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
    return min(ta), min(tb)


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

        def ours() -> None:
            result = parse_reviews(path.read_bytes(), str(path))
            assert len(result.reviews) == args.rows and not result.bad

        base, parse = interleaved(bare, ours)
        print(f"1. {args.rows} rows ({len(data) // 1024} kB): parse_reviews {parse * 1000:.0f} ms vs bare csv.reader "
              f"{base * 1000:.0f} ms: {parse / base:.2f}x  (target <= 3x)")
        ws = Workspace.init(Path(tmp) / "toko", brand="Toko Gamis", sector="fesyen", timezone="Asia/Jakarta")
        t = time.perf_counter()
        ws.reviews.import_csv(path, source="tokopedia")
        print(f"2. whole `review import` into a workspace (incl. one store write): {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
