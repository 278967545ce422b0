"""Bulk work: loading a large store, importing thousands of rows.

Building tens of thousands of dicts and records makes no reference cycles, yet
Python's cycle collector keeps re-walking the growing heap while they are made
(it adds a third to a 10,000-row review import and doubles a big store's open).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for a bulk load; it is switched back on afterwards.

    >>> with collector_paused():
    ...     rows = [{"id": str(n)} for n in range(10)]
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
