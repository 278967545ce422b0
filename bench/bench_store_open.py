"""Opening a big store: what validation on open costs next to a bare json.load.

    .venv/bin/python bench/bench_store_open.py            # 100,000 UGC items + 20,000 posts
    .venv/bin/python bench/bench_store_open.py --quick    # 10,000 + 2,000, a smoke check

Target (issue 9): opening and validating the store (read, parse, check every
row through its record type) costs at most 1.5x a bare `json.load` of the
same file. Both are timed best-of-N CPU time in this process, interleaved;
the ratio is printed.
The store's own parse pauses the cyclic GC (see store_file._parse), so the
ratio against a json.load with the GC paused too is printed as well.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from contentkit.records import ConsentEvent, Post, UGCItem
from contentkit.store import Store

WIB = timezone(timedelta(hours=7))


def build(path: Path, items: int, posts: int) -> None:
    """Write the store file directly (the store API would take minutes for 120,000 records)."""
    start = datetime(2026, 1, 5, 19, 30, tzinfo=WIB)
    ugc = {}
    for n in range(1, items + 1):
        item = UGCItem(
            platform="instagram", url=f"https://www.instagram.com/p/B{n:09d}/", owner=f"pelanggan_{n}",
            shortcode=f"B{n:09d}", owner_id=str(10_000 + n),
            caption=f"Rendang {n} dari @dapurbusari enak bgt 😍 #dapurbusari #kuliner", hashtags=["dapurbusari", "kuliner"],
            mentions=["dapurbusari"], tagged_users=["dapurbusari"],
            media_urls=[f"https://scontent.cdninstagram.com/v/t51.2885-15/{n}.jpg"], source="tagged",
            taken_at=start - timedelta(minutes=10 * n), collected_at=start, id=f"U{n}",
        )
        ugc[str(n)] = item.to_dict()
    plan = {}
    for n in range(1, posts + 1):
        post = Post(
            at=start + timedelta(hours=6 * n), channel="instagram", format="reel", pillar="storytelling",
            title=f"Cerita dapur #{n}", caption="Resep rendang nenek, dimasak 6 jam 🔥\nPesan lewat WA ya kak!",
            hashtags=["dapurbusari"], status="ready", id=f"P{n}", slot=f"2026-W{n % 52 + 1:02d}#wed-19:30-instagram-reel",
            created_at=start, updated_at=start,
        )
        plan[str(n)] = post.to_dict()
    consent = {"1": ConsentEvent(ugc_id="U1", kind="granted", at=start, scope=["instagram"], id="E1").to_dict()}
    data = {"_meta": {"1": {"schema": 1, "counters": {"ugc": items, "posts": posts, "consent": 1}}},
            "ugc": ugc, "posts": plan, "consent": consent}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def best(fns, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    """Best CPU time of each function, run interleaved (a busy machine skews wall time, not this)."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, out in zip(fns, times):
            t = time.process_time()
            fn()
            out.append(time.process_time() - t)
    return [min(t) for t in times]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    items, posts = (10_000, 2_000) if args.quick else (100_000, 20_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "contentkit.db"
        build(path, items, posts)
        size = path.stat().st_size
        store = Store(path)

        def bare() -> None:
            with open(path, "rb") as fh:
                json.load(fh)

        def bare_no_gc() -> None:
            gc.disable()
            try:
                bare()
            finally:
                gc.enable()

        def open_and_check() -> None:
            store.read()

        open_and_check()  # warm the record specs and the page cache
        t_bare, t_bare_nogc, t_open = best([bare, bare_no_gc, open_and_check], args.repeat)
    print(f"store: {items:,} UGC items + {posts:,} posts, {size / 1e6:.1f} MB")
    print(f"bare json.load:                 {t_bare * 1000:8.1f} ms")
    print(f"bare json.load, GC paused:      {t_bare_nogc * 1000:8.1f} ms")
    print(f"Store.read (open + validate):   {t_open * 1000:8.1f} ms")
    print(f"ratio vs json.load:             {t_open / t_bare:8.2f}x  (target <= 1.5x)")
    print(f"ratio vs json.load, GC paused:  {t_open / t_bare_nogc:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
