"""UGC numbers: importing saved posts, and listing a big store.

    /tmp/v/bin/python bench/bench_ugc.py            # full run (10k/20k import, 100k list)
    /tmp/v/bin/python bench/bench_ugc.py --quick    # smaller sizes, for a smoke check

Targets (issue 3): import 10,000 saved posts <= 5 s; 20,000 <= 2.2x the 10,000 time;
`ugc list --state granted` over 100,000 items <= 1 s and <= 500 MB peak memory.
Saved posts are written with instaloader's own `save_structure_to_file` as
`.json.xz` (instaloader's default); the big store is built through the store API.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pendulum


def node(n: int) -> dict:
    return {
        "__typename": "GraphImage",
        "id": str(3500000000000000000 + n),
        "shortcode": f"B{n:09d}",
        "display_url": f"https://scontent.cdninstagram.com/v/t51.2885-15/{n}.jpg?stp=dst-jpg&oe=6760AB12",
        "is_video": False,
        "taken_at_timestamp": 1764907200 - 600 * n,
        "edge_media_to_caption": {"edges": [{"node": {"text": f"Rendang {n} dari @dapurbusari enak! #dapurbusari #kuliner"}}]},
        "edge_media_to_tagged_user": {"edges": [{"node": {"user": {"username": "dapurbusari"}}}]},
        "edge_media_preview_like": {"count": n % 300},
        "owner": {"id": str(10_000 + n), "username": f"pelanggan_{n}"},
    }


def write_saved_posts(folder: Path, count: int) -> None:
    import instaloader
    from instaloader import Post, save_structure_to_file

    ctx = instaloader.Instaloader(sleep=False, quiet=True).context
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        save_structure_to_file(Post(ctx, node(n)), str(folder / f"2025-12-05_{n:06d}_UTC.json.xz"))


def time_import(folder: Path, root: Path) -> float:
    from contentkit.config import Handles
    from contentkit.workspace import Workspace

    ws = Workspace.init(root, brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="dapurbusari"))
    start = time.perf_counter()
    report = ws.ugc.import_paths([folder])
    elapsed = time.perf_counter() - start
    assert report.added == len(list(folder.iterdir())), report
    return elapsed


def build_big_store(root: Path, count: int, granted_every: int = 10) -> None:
    from contentkit.config import Handles
    from contentkit.records import ConsentEvent, UGCItem
    from contentkit.workspace import Workspace

    ws = Workspace.init(root, brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="dapurbusari"))
    now = pendulum.now(ws.tz)
    taken = pendulum.datetime(2025, 1, 1, tz="UTC")
    items = [
        UGCItem(
            platform="instagram",
            url=f"https://www.instagram.com/p/B{n:09d}/",
            owner=f"pelanggan_{n}",
            shortcode=f"B{n:09d}",
            owner_id=str(10_000 + n),
            caption=f"Rendang {n} dari @dapurbusari enak! #dapurbusari #kuliner",
            hashtags=["dapurbusari", "kuliner"],
            mentions=["dapurbusari"],
            tagged_users=["dapurbusari"],
            media_urls=[f"https://scontent.cdninstagram.com/v/t51.2885-15/{n}.jpg?oe=6760AB12"],
            is_mention=True,
            source="tagged",
            taken_at=taken.add(minutes=n),
            collected_at=now,
        )
        for n in range(count)
    ]
    with ws.store.transaction() as tx:
        tx.save_many(items)
        events = []
        for item in items[::granted_every]:
            events.append(ConsentEvent(ugc_id=item.id, kind="requested", at=now.subtract(days=3), via="dm", message="Halo ..."))
            events.append(ConsentEvent(ugc_id=item.id, kind="granted", at=now.subtract(days=1), evidence="boleh kak",
                                       scope=["instagram"]))
        tx.save_many(events)


LIST_PROBE = r"""
import resource, sys, time
t0 = time.perf_counter()
from click.testing import CliRunner
from contentkit.cli.main import cli
t1 = time.perf_counter()
result = CliRunner().invoke(cli, ["ugc", "list", "--state", "granted", "-w", sys.argv[1]])
t2 = time.perf_counter()
assert result.exit_code == 0, result.output
lines = result.output.count("\n") - 1
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{t2 - t1:.3f} {t2 - t0:.3f} {peak:.0f} {lines}")
"""


def time_list(root: Path) -> tuple[float, float, float, int]:
    out = subprocess.run([sys.executable, "-c", LIST_PROBE, str(root)], capture_output=True, text=True, check=True)
    command, total, peak, rows = out.stdout.split()
    return float(command), float(total), float(peak), int(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1k/2k import and a 10k list")
    args = parser.parse_args()
    small, big, listed = (1_000, 2_000, 10_000) if args.quick else (10_000, 20_000, 100_000)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        t = time.perf_counter()
        write_saved_posts(base / "saved_small", small)
        write_saved_posts(base / "saved_big", big)
        print(f"(wrote {small + big:,} .json.xz files with save_structure_to_file in {time.perf_counter() - t:.1f} s)")
        t_small = time_import(base / "saved_small", base / "ws_small")
        t_big = time_import(base / "saved_big", base / "ws_big")
        print(f"import {small:,} saved posts: {t_small:.2f} s   (target <= 5 s for 10,000)")
        print(f"import {big:,} saved posts: {t_big:.2f} s   ratio {t_big / t_small:.2f}x   (target <= 2.2x)")
        t = time.perf_counter()
        build_big_store(base / "ws_list", listed)
        print(f"(built a store of {listed:,} items, 10% granted, in {time.perf_counter() - t:.1f} s)")
        command, total, peak, rows = time_list(base / "ws_list")
        print(f"ugc list --state granted over {listed:,} items: {command:.2f} s in the command "
              f"({total:.2f} s with imports), {rows:,} rows, peak {peak:.0f} MB   (target <= 1 s, <= 500 MB)")


if __name__ == "__main__":
    main()
