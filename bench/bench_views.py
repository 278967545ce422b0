"""Time the calendar page for a month of 150 posts, and measure its size; time the report too.

Run: /tmp/v/bin/python bench/bench_views.py
Targets (issue 5): a month with 150 posts renders to HTML in <= 0.5 s; the page
without thumbnails is <= 1 MB.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

import pendulum

from contentkit.records import Post
from contentkit.vocab import CHANNELS, FORMATS, PILLARS
from contentkit.workspace import Workspace

POSTS = 150


def month_of_posts(ws: Workspace, n: int) -> None:
    """`n` posts over December 2026 with long-ish titles and captions (a realistic worst case)."""
    rng = random.Random(7)
    posts = []
    for i in range(n):
        day = 1 + i * 31 // n
        at = pendulum.datetime(2026, 12, day, rng.choice((8, 11, 12, 16, 19, 20)), rng.choice((0, 30)), tz=ws.tz)
        posts.append(Post(
            at=at, channel=rng.choice(CHANNELS), format=rng.choice(FORMATS), pillar=rng.choice(PILLARS),
            title=f"Post {i}: cerita di balik menu andalan & tips <penyajian> untuk pelanggan setia",
            caption=("Halo Kak! " + "Kami masak setiap pagi dengan bahan segar dari pasar. " * 12)[:1400],
            hashtags=["dapurbusari", "kulinerjakarta", "makananrumahan"],
            status=rng.choice(("draft", "ready", "published", "skipped")),
        ))
    with ws.store.transaction() as tx:
        tx.save_many(posts)


def timed(fn, repeat: int) -> tuple[float, float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times[0], statistics.median(times), result


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.init(Path(tmp) / "toko", brand="Dapur Bu Sari", sector="kuliner")
        month_of_posts(ws, POSTS)
        first, median, page = timed(lambda: ws.calendar_html(month="2026-12", thumbnails=False), 10)
        size = len(str(page).encode("utf-8"))
        print(f"calendar page, month of {POSTS} posts: first {first:.3f} s, median {median:.3f} s (target <= 0.5 s)")
        print(f"page size without thumbnails: {size / 1024:.0f} KiB = {size / 1_000_000:.2f} MB (target <= 1 MB)")
        first, median, _ = timed(lambda: ws.report(weeks=4, end="2026-12-27"), 5)
        print(f"report figures, 4 weeks: first {first:.3f} s, median {median:.3f} s")
        from contentkit.views.report_chart import report_png_bytes

        report = ws.report(weeks=4, end="2026-12-27")
        first, median, png = timed(lambda: report_png_bytes(report), 3)
        print(f"report PNG: first {first:.3f} s, median {median:.3f} s, {len(png) / 1024:.0f} KiB")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
