"""The only module that imports instaloader, and only when one of its names is first used.

instaloader is heavy and `contentkit --help` must start without it, so loading
this module imports nothing from instaloader. The adapter's other modules take
what they need from here inside the functions that use it::

    from .library import Profile     # instaloader is imported here, on first use

and, for annotations, under their own `if TYPE_CHECKING:`. mypy reads the
names from the `TYPE_CHECKING` imports below, so each keeps instaloader's own
type. Keeping every instaloader import in this file makes the boundary easy to
see and to check (`grep -rlE '^\\s*(import|from) instaloader' contentkit`).
"""

from __future__ import annotations

import functools
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import instaloader.instaloader as loader_module
    from instaloader import (
        AbortDownloadException,
        Hashtag,
        Instaloader,
        InstaloaderException,
        LoginException,
        LoginRequiredException,
        Post,
        PrivateProfileNotFollowedException,
        Profile,
        ProfileNotExistsException,
        QueryReturnedBadRequestException,
        QueryReturnedNotFoundException,
        RateController,
        StoryItem,
        TooManyRequestsException,
        load_structure,
        load_structure_from_file,
        save_structure_to_file,
    )
    from instaloader.nodeiterator import resumable_iteration

__all__ = [
    "instaloader",
    "loader_module",
    "resumable_iteration",
    "AbortDownloadException",
    "Hashtag",
    "Instaloader",
    "InstaloaderException",
    "LoginException",
    "LoginRequiredException",
    "Post",
    "PrivateProfileNotFollowedException",
    "Profile",
    "ProfileNotExistsException",
    "QueryReturnedBadRequestException",
    "QueryReturnedNotFoundException",
    "RateController",
    "StoryItem",
    "TooManyRequestsException",
    "load_structure",
    "load_structure_from_file",
    "save_structure_to_file",
]


@functools.cache
def instaloader() -> ModuleType:
    """The instaloader package, imported on the first call.

    >>> instaloader().__name__
    'instaloader'
    """
    import instaloader as package

    return package


def __getattr__(name: str) -> object:
    """Each name in `__all__` from instaloader, looked up when asked (PEP 562).

    Looked up on every access, not cached here, so a test that patches
    instaloader (`monkeypatch.setattr(instaloader.instaloader, ...)`) is seen.
    """
    if name == "loader_module":
        import instaloader.instaloader as module  # get/set the session-file paths

        return module
    if name == "resumable_iteration":
        from instaloader.nodeiterator import resumable_iteration as function

        return function
    if name in __all__:
        return getattr(instaloader(), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
