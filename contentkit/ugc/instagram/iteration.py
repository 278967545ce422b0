"""Resumable walks over tagged and hashtag listings, with their frozen state on disk.

instaloader's `resumable_iteration` freezes the NodeIterator's place into a
file when the walk is interrupted (Ctrl-C, a rate limit, a dropped connection)
and thaws it on the next run with an equal iterator; a finished walk removes
the file. The files live in the workspace (`state/ugc-resume/`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ...records import UGCItem
from ..safe_paths import safe_component
from .convert import item_from_structure, node_of

__all__ = ["CollectRun", "PINNED_SLACK", "walk_resumably", "resume_file"]

# Profiles pin up to 3 posts, which break newest-first order at the top of a listing.
PINNED_SLACK = 3


@dataclass
class CollectRun:
    """What one collection pass did: the source, items found, and whether it resumed."""

    source: str
    resumed: bool = False
    seen: int = 0
    stopped_by: str | None = None  # "limit" | "since" | None (the listing ended)


def resume_file(resume_dir: Path, source: str, magic: str) -> str:
    """Where the frozen iterator of `source` ("tagged:shop", "hashtag:tag") is kept.

    >>> resume_file(Path("state"), "hashtag:dapurbusari", "abc")
    'state/hashtag-dapurbusari-abc.json.xz'
    """
    kind, target = source.split(":", 1)[0], source.split(":", 1)[-1]
    return str(resume_dir / f"{kind}-{safe_component(target)}-{safe_component(magic)}.json.xz")


def walk_resumably(
    context: Any,
    iterator: Iterator[Any],
    *,
    source: str,
    resume_dir: Path,
    sink: list[UGCItem],
    brand_handle: str = "",
    since: datetime | None = None,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> CollectRun:
    """Walk `iterator`, appending each post as a UGCItem to `sink`, resumably.

    An interruption saves the iterator's place under `resume_dir` before the
    error leaves (instaloader's exceptions pass through unchanged); the next
    call with an equal iterator resumes there. Items already in `sink` stay.
    `since` skips older posts, tolerating pinned ones at the top; `limit`
    stops after that many posts.
    """
    from .library import load_structure_from_file, resumable_iteration, save_structure_to_file

    run = CollectRun(source=source)
    kind = source.split(":", 1)[0]
    with resumable_iteration(
        context=context,
        iterator=iterator,
        load=load_structure_from_file,
        save=save_structure_to_file,
        format_path=lambda magic: resume_file(resume_dir, source, magic),
        check_bbd=True,
    ) as (resumed, start_index):
        run.resumed = bool(resumed)
        for number, post in enumerate(iterator, start=start_index + 1):
            item = item_from_structure(post, f"{source} post {number}", brand_handle=brand_handle, online=True)
            if since is not None and item.taken_at is not None and item.taken_at < since:
                if _maybe_pinned(post, number):
                    continue
                run.stopped_by = "since"
                break
            item.source = kind
            sink.append(item)
            run.seen += 1
            if progress is not None:
                progress(run.seen)
            if limit is not None and run.seen >= limit:
                run.stopped_by = "limit"
                break
    return run


def _maybe_pinned(post: Any, number: int) -> bool:
    node = node_of(post)
    return bool(node.get("pinned_for_users")) or number <= PINNED_SLACK
