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

    What the load made is long-lived (the records are the result), so it joins the
    oldest generation: left young, the first allocation after the load would have the
    collector walk all of it at once, and again one generation up, for no garbage.
    `gc.freeze()` then `gc.unfreeze()` moves every tracked object there and resets the
    young count; the objects stay collectable in full collections. A program that froze
    its own heap (before forking workers) keeps it frozen: then nothing is moved.

    >>> with collector_paused():
    ...     rows = [{"id": str(n)} for n in range(10)]
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
