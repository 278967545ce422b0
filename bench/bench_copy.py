"""Figures for the copy a year of plans writes, per sector (issue 11, items 5 and 6).

Run: python bench/bench_copy.py
Prints, for a year planned from 2026-W50 in each sector: posts, distinct caption bodies,
the most-used body's share (the old two-variant bank put one body on 1 post in 10), the
shortest gap before a body comes back, posts breaking a channel rule (must be 0), posts
without a persona (greetings only) and the CPU time of the plan.
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import pendulum

from contentkit.calendar.limits import check_post
from contentkit.vocab import SECTORS
from contentkit.workspace import Workspace


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for sector in SECTORS:
            ws = Workspace.init(Path(tmp) / sector, brand="Toko Kita", sector=sector)
            t = time.process_time()
            result = ws.plan(week="2026-W50", weeks=52, dry_run=True)
            cpu = time.process_time() - t
            posts = result.posts
            bodies = Counter(p.body_key for p in posts if p.body_key)
            days: dict[str, list[date]] = defaultdict(list)
            for p in posts:
                if p.body_key:
                    days[p.body_key].append(pendulum.instance(p.at).in_timezone(ws.tz).date())
            gap = min((b - a).days for d in days.values() for a, b in zip(sorted(d), sorted(d)[1:]))
            broken = sum(1 for p in posts if check_post(p))
            top, n = bodies.most_common(1)[0]
            print(f"{sector:<13} {len(posts)} posts, {len(bodies)} bodies, most used {top} on {n} "
                  f"(1 in {len(posts) // n}), shortest repeat {gap} days, {broken} breaking a rule, "
                  f"{sum(1 for p in posts if not p.persona)} without persona; plan {cpu:.2f} s CPU")


if __name__ == "__main__":
    main()
