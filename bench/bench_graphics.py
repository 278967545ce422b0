"""Testimonial rendering speed, against Pillow's own floor, in one run.

    /tmp/v/bin/python bench/bench_graphics.py [--renders 200]

Prints three figures (the issue's targets in brackets):
1. card JPEG (logo, stars, 300-char quote) vs saving a blank 1080² JPEG   [≤ 15×]
2. photo card from a 12 MP JPEG vs Pillow opening it + draft + fit to 1080² [≤ 1.5×]
3. N renders with --jobs 2 vs --jobs 1 speed-up, and peak memory          [≥ 1.6×, ≤ 300 MB]
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from contentkit.graphics.batch import render_batch
from contentkit.graphics.brand import Brand
from contentkit.graphics.output import save_testimonial
from contentkit.graphics.render import render_testimonial
from contentkit.records import Review

QUOTE = (
    "Rendangnya enak banget, dagingnya empuk dan bumbunya meresap sampai ke dalam. Pengiriman cepat, "
    "packing rapi pakai vacuum jadi aman sampai Surabaya. Pasti order lagi buat Lebaran nanti! Terima "
    "kasih Bu Sari, sukses terus ya, semoga makin laris manis dan banyak pelanggan setia."
)[:300]


def median_ms(fn, repeat: int = 15) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm caches, as a batch would
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def make_inputs(folder: Path) -> tuple[Path, Path]:
    logo = folder / "logo.png"
    im = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    ImageDraw.Draw(im).ellipse((0, 0, 399, 399), fill="#C0392B")
    im.save(logo)
    photo = folder / "phone.jpg"
    ph = Image.effect_noise((4000, 3000), 40).convert("RGB")  # 12 MP with real detail to decode
    ImageDraw.Draw(ph).ellipse((1200, 700, 2800, 2300), fill="#F3E2C7")
    ph.save(photo, quality=90)
    return logo, photo


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        logo, photo = make_inputs(folder)
        brand = Brand(logo=str(logo), shop_name="Dapur Bu Sari", handle="@dapurbusari",
                      footer="Belanja di Shopee: Dapur Bu Sari", emoji_font="none")
        review = Review(QUOTE, name="Rina Wulandari", rating=4.5, product="Rendang 500 g", source="shopee", id="R1")

        blank = Image.new("RGB", (1080, 1080), "white")
        blank_ms = median_ms(lambda: blank.save(io.BytesIO(), "JPEG", quality=92))
        card_ms = median_ms(lambda: save_testimonial(render_testimonial(review, "card", "square", brand), folder / "c.jpg"))
        print(f"1. card JPEG {card_ms:.1f} ms vs blank JPEG save {blank_ms:.1f} ms: {card_ms / blank_ms:.1f}x  (target <= 15x)")

        def floor() -> None:
            with Image.open(photo) as im:
                im.draft("RGB", (1080, 1080))
                ImageOps.fit(im.convert("RGB"), (1080, 1080))

        floor_ms = median_ms(floor, 7)
        photo_ms = median_ms(
            lambda: save_testimonial(render_testimonial(review, "photo", "square", brand, photo=photo), folder / "p.jpg"), 7
        )
        print(f"2. 12 MP photo card {photo_ms:.1f} ms vs open+draft+fit {floor_ms:.1f} ms: {photo_ms / floor_ms:.2f}x  (target <= 1.5x)")

        reviews = [Review(f"{QUOTE[: 120 + i % 180]} #{i}", name=f"Pelanggan {i}", rating=1 + (i % 9) / 2, id=f"R{i + 1}")
                   for i in range(args.renders)]
        times = {}
        for jobs in (1, 2):
            out = folder / f"jobs{jobs}"
            t = time.perf_counter()
            render_batch(reviews, template="card", sizes=["square"], out_dir=out, brand=brand, jobs=jobs)
            times[jobs] = time.perf_counter() - t
        peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"3. {args.renders} renders: --jobs 1 {times[1]:.2f} s, --jobs 2 {times[2]:.2f} s: "
            f"{times[1] / times[2]:.2f}x faster  (target >= 1.6x); peak memory: main {peak_self:.0f} MB, "
            f"largest worker {peak_child:.0f} MB, together <= {peak_self + 2 * peak_child:.0f} MB  (target <= 300 MB)"
        )


if __name__ == "__main__":
    main()
