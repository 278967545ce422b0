"""Figures for the content-calendar issue: CLI start-up, planning speed, batch idea adds.

Run: python bench/bench_calendar.py
Prints:
- `contentkit --help` cold start against `python -c "import click"` (median of 15 runs each);
- planning 13/26/52 weeks on a workspace with 5,000 ideas and 10,000 existing posts,
  each on a fresh copy (time per week shows whether it grows linearly);
- adding 10,000 ideas through the library in one batch;
- planning 52 weeks with the campaigns on (the sector's built-in ones, a launch, lives and promos)
  against a bare `json.load` + `json.dump` of that store file, measured in the same run.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import pendulum

from contentkit.calendar.ideas import NewIdea
from contentkit.records import Post
from contentkit.vocab import FORMATS, PILLARS
from contentkit.workspace import Workspace


def _median_run(cmd: list[str], runs: int = 15) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cold_start() -> None:
    exe = shutil.which("contentkit")
    if exe is None:
        print("cold start: `contentkit` is not on PATH; install the package first")
        return
    _median_run([exe, "--help"], 2)  # warm the page cache and .pyc files for both
    click_s = _median_run([sys.executable, "-c", "import click"])
    help_s = _median_run([exe, "--help"])
    print(f"cold start: contentkit --help {help_s * 1000:.1f} ms, python -c 'import click' {click_s * 1000:.1f} ms "
          f"-> {help_s / click_s:.2f}x (target <= 2.5x)")


def _big_workspace(root: Path) -> Workspace:
    ws = Workspace.init(root, brand="Dapur Bu Sari", sector="kuliner")
    rng = random.Random(7)
    ws.ideas.add_many(
        NewIdea(f"Ide konten nomor {n}", rng.choice(PILLARS), rng.choice(FORMATS), priority=rng.randint(0, 3))
        for n in range(5000)
    )
    start = pendulum.datetime(2024, 1, 1, 19, tz=ws.tz)
    posts = []
    for n in range(10_000):
        at = start + timedelta(hours=n * 1.5)
        posts.append(Post(at=at, channel="instagram", format="reel", pillar=rng.choice(PILLARS),
                          title=f"Post lama {n}", status=rng.choice(["published", "skipped", "draft"]),
                          prompt_key=f"{rng.choice(PILLARS)}:{rng.randint(0, 11)}",
                          slot=f"old-{n}#0", source="plan"))
    with ws.store.transaction() as tx:
        tx.save_many(posts)
    return ws


def planning() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = _big_workspace(Path(tmp) / "base")
        base.plan(week="2026-W50", weeks=2, dry_run=True)  # warm-up: imports, holiday tables
        results = {}
        for weeks in (13, 26, 52):
            copy = Path(tmp) / f"copy{weeks}"
            shutil.copytree(base.root, copy)
            ws = Workspace.open(copy)
            t = time.perf_counter()
            result = ws.plan(week="2026-W50", weeks=weeks)
            results[weeks] = time.perf_counter() - t
            print(f"plan {weeks:>2} weeks (5,000 ideas, 10,000 posts): {results[weeks]:.2f} s, "
                  f"{result.added} posts added, {results[weeks] / weeks * 1000:.1f} ms/week")
        # t = fixed + per_week * weeks, fitted on 13 and 52 weeks and checked at 26
        per_week = (results[52] - results[13]) / (52 - 13)
        fixed = results[13] - per_week * 13
        predicted = fixed + per_week * 26
        print(f"52 weeks: {results[52]:.2f} s (target <= 2 s); linear fit: {fixed:.2f} s fixed (loading 15,000 records) "
              f"+ {per_week * 1000:.1f} ms/week; 26 weeks predicted {predicted:.2f} s, measured {results[26]:.2f} s")


def batch_ideas() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.init(Path(tmp) / "ws", brand="Toko", sector="umum")
        items = [NewIdea(f"Ide {n}", "storytelling", "reel") for n in range(10_000)]
        t = time.perf_counter()
        ws.ideas.add_many(items)
        took = time.perf_counter() - t
        assert len(ws.ideas.list()) == 10_000
        print(f"add 10,000 ideas in one batch: {took:.2f} s (target <= 1 s)")


def _json_round_trip(path: Path, runs: int = 5) -> float:
    """Median seconds of a bare json.load + json.dump of the store file (what any plan must at least pay)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        with open(path.with_suffix(".copy"), "w", encoding="utf-8") as f:
            json.dump(data, f)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def planning_with_campaigns(runs: int = 3) -> None:
    """52 weeks with the campaigns on, and off for comparison, each against the bare JSON round trip.

    Runs alternate (on, off, on, off …) on fresh copies and the medians are printed, so a busy
    machine slows both sides alike.
    """
    from contentkit.calendar.campaigns import builtin_campaigns

    builtin = [name for name, tpl in builtin_campaigns().items() if tpl.anchor != "user"]
    with tempfile.TemporaryDirectory() as tmp:
        on = _big_workspace(Path(tmp) / "on")
        off_root = Path(tmp) / "off"
        shutil.copytree(on.root, off_root)
        config = off_root / "contentkit.toml"
        config.write_text(config.read_text(encoding="utf-8").replace("off = []", f"off = {json.dumps(builtin)}"),
                          encoding="utf-8")
        on.campaigns.add("Sambal Bawang Botol", on="2027-02-20", template="kuliner-launch")
        on.lives.add("2027-02-24 20:30", channel="shopee", host="Bu Sari", products=["Sambal bawang", "Rendang"],
                     voucher="LIVEHEMAT")
        on.promos.add("voucher_toko", channel="shopee", start="2027-01-01", end="2027-01-31", amount="10000",
                      min_spend=100000, quota=50)
        on.plan(week="2026-W50", weeks=2, dry_run=True)  # warm-up: imports, holiday tables
        figures: dict[str, list[tuple[float, float]]] = {"on": [], "off": []}
        added = {}
        for k in range(runs):
            for name, root in (("on", on.root), ("off", off_root)):
                copy = Path(tmp) / f"{name}{k}"
                shutil.copytree(root, copy)
                ws = Workspace.open(copy)
                bare = _json_round_trip(ws.store.path)
                t = time.perf_counter()
                result = ws.plan(week="2026-W50", weeks=52)
                figures[name].append((time.perf_counter() - t, bare))
                added[name] = (result.added, sum(1 for p in result.posts if p.slot and ("#campaign:" in p.slot or "#live:" in p.slot)))
        size = on.store.path.stat().st_size
        for name in ("on", "off"):
            took = statistics.median(t for t, _ in figures[name])
            bare = statistics.median(b for _, b in figures[name])
            ratio = statistics.median(t / b for t, b in figures[name])
            print(f"plan 52 weeks, campaigns {name:<3} (5,000 ideas, 10,000 posts, store {size / 1e6:.1f} MB): "
                  f"{took:.2f} s, {added[name][0]} posts added ({added[name][1]} from campaigns and lives); "
                  f"bare json.load + json.dump {bare:.2f} s -> {ratio:.2f}x (target <= 2.5x; median of {runs})")


if __name__ == "__main__":
    cold_start()
    batch_ideas()
    planning()
    planning_with_campaigns()
