"""Time the posting kit for a week of 20 posts with images, against copying the same files.

Run: .venv/bin/python bench/bench_kit.py
Target (issue 13): the kit is written in at most 2x the time of copying its media files.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pendulum

from contentkit.records import Post
from contentkit.views.kit import build_kit
from contentkit.workspace import Workspace

POSTS = 20
RUNS = 7


def week_with_images(ws: Workspace) -> list[Path]:
    """20 posts over W50 2026, each with a phone-sized photo (1080x1350 JPEG, noisy, ~0.5 MB)."""
    from PIL import Image

    rng = random.Random(13)
    files, posts = [], []
    for i in range(POSTS):
        path = ws.root / "media" / f"foto-{i:02d}.jpg"
        Image.frombytes("RGB", (1080, 1350), rng.randbytes(1080 * 1350 * 3)).save(path, quality=85)
        files.append(path)
        at = pendulum.datetime(2026, 12, 7 + i % 7, (8, 12, 19)[i % 3], 30, tz=ws.tz)
        posts.append(Post(at=at, channel=("instagram", "tiktok", "facebook")[i % 3], format="image", pillar="promo",
                          title=f"Post {i}", caption="Halo Kak! Menu hari ini 😍\n" * 5, hashtags=["dapurbusari"],
                          assets=[path.relative_to(ws.root).as_posix()]))
    with ws.store.transaction() as tx:
        tx.save_many(posts)
    return files


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ws = Workspace.init(root / "toko", brand="Dapur Bu Sari", sector="kuliner")
        (ws.root / "media").mkdir(exist_ok=True)
        files = week_with_images(ws)
        size = sum(f.stat().st_size for f in files)
        kit_times, copy_times, tree_times = [], [], []
        for run in range(RUNS):
            start = time.perf_counter()
            result = build_kit(ws, root / f"kit{run}", week="2026-W50")
            kit_times.append(time.perf_counter() - start)
            target = root / f"copy{run}"
            start = time.perf_counter()
            target.mkdir()
            for f in files:
                shutil.copyfile(f, target / f.name)
            copy_times.append(time.perf_counter() - start)
            # The same tree the kit holds (a folder per post, caption.txt, index.html), copied.
            start = time.perf_counter()
            shutil.copytree(result.folder, root / f"tree{run}")
            tree_times.append(time.perf_counter() - start)
        assert result.count == POSTS
        kit, copy, tree = (statistics.median(t) for t in (kit_times, copy_times, tree_times))
        print(f"kit of {result.count} posts, {len(files)} images, {size / 1e6:.1f} MB (cpu count {os.cpu_count()}, "
              f"median of {RUNS})")
        print(f"build_kit {kit * 1000:.1f} ms")
        print(f"copying the 20 images into one folder {copy * 1000:.1f} ms: ratio {kit / copy:.2f}x")
        print(f"copying the kit's own tree (folders, captions, page, images) {tree * 1000:.1f} ms: "
              f"ratio {kit / tree:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
