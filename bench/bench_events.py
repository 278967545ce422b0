"""Time calendar-event queries: 1 year and 5 years, cold (empty cache) and warm.

Run: /tmp/v/bin/python bench/bench_events.py
The planner asks for 52 weeks at once; a warm 1-year query must stay well under 50 ms.
"""

from __future__ import annotations

import time
from datetime import date

from contentkit.calendar import events


def timed(start: date, end: date) -> tuple[float, int]:
    t0 = time.perf_counter()
    found = events.events_between(start, end)
    return (time.perf_counter() - t0) * 1000, len(found)


def clear() -> None:
    # Private caches, cleared here only to measure a cold query again.
    events._year_table.cache_clear()
    events._public_holidays.cache_clear()


def main() -> None:
    ranges = {"1 year ": (date(2026, 1, 1), date(2026, 12, 31)), "5 years": (date(2026, 1, 1), date(2030, 12, 31))}
    first_ms, _ = timed(date(2031, 1, 1), date(2031, 1, 1))
    print(f"first call (imports holidays, builds 2031): {first_ms:8.2f} ms")
    for label, (start, end) in ranges.items():
        clear()
        cold, n = timed(start, end)
        warm = min(timed(start, end)[0] for _ in range(20))
        print(f"{label}: {n:5d} events  cold {cold:8.2f} ms  warm {warm:6.3f} ms (best of 20)")


if __name__ == "__main__":
    main()
