"""The one place that talks to instaloader: sessions, collection, saved JSON, comments, media.

Nothing else in contentkit imports instaloader, and inside this package only
`library.py` does, lazily: the others take instaloader's names from `library`
inside the functions that need them, so the CLI starts without instaloader. The parts:

- `library.py`   the instaloader import itself, on first use of one of its names
- `session.py`   the Instaloader contentkit uses; login from instaloader's session file
- `iteration.py` resumable tagged/hashtag walks and their frozen state on disk
- `convert.py`   Post/StoryItem → UGCItem from what the saved node holds; saved files; comments
- `errors.py`    instaloader and requests failures → one-line NetworkError
- `client.py`    InstagramClient, the network side that ties them together

>>> from contentkit.ugc.instagram import InstagramClient, parse_saved   # doctest: +SKIP
"""

from __future__ import annotations

from .client import InstagramClient
from .convert import Comment, comments_of, item_from_structure, iter_saved_items, parse_saved, read_saved
from .errors import network_error
from .iteration import PINNED_SLACK, CollectRun
from .session import loader_context_offline, new_loader, session_user

__all__ = [
    "InstagramClient",
    "Comment",
    "CollectRun",
    "network_error",
    "read_saved",
    "parse_saved",
    "item_from_structure",
    "comments_of",
    "new_loader",
    "loader_context_offline",
    "session_user",
    "iter_saved_items",
    "PINNED_SLACK",
]
