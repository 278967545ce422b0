"""The Instaloader instance contentkit uses, and login from instaloader's own session file.

contentkit never asks for, stores or logs a password: the session file is made
by `instaloader -l USER` and read with `load_session_from_file`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ...i18n import _
from ...errors import InputError

if TYPE_CHECKING:
    from .library import Instaloader

__all__ = ["new_loader", "loader_context_offline", "open_loader", "session_user"]


def new_loader(*, sleep: bool = True) -> Instaloader:
    """An Instaloader that only fetches metadata, quietly, and fails fast on HTTP 429.

    Instaloader's own 429 handling sleeps for up to many minutes; here a rate
    limit ends the run (its place is saved) so the user can come back later.
    Making it sends no request.
    """
    from .library import Instaloader, RateController, TooManyRequestsException

    class _FailFastOn429(RateController):
        def handle_429(self, query_type: str) -> None:
            raise TooManyRequestsException("429 Too Many Requests (rate limited)")

    return Instaloader(
        sleep=sleep,
        quiet=True,
        download_pictures=False,
        download_videos=False,
        download_video_thumbnails=False,
        save_metadata=False,
        compress_json=True,
        max_connection_attempts=2,
        request_timeout=60.0,
        rate_controller=_FailFastOn429,
        resume_prefix=None,
    )


def loader_context_offline() -> Any:
    """An instaloader context for reading saved structures (making it sends no request)."""
    return new_loader(sleep=False).context


def open_loader(login: str | None = None, session_file: str | None = None) -> Instaloader:
    """A new loader, logged in from instaloader's session file for `login` when given.

    >>> open_loader("dapurbusari")     # doctest: +SKIP
    """
    loader = new_loader()
    if login:
        user = login.lstrip("@")
        try:
            loader.load_session_from_file(user, session_file)
        except FileNotFoundError:
            raise InputError(
                _("no instaloader session for {user!r}; make one with `instaloader -l {user}` (it asks for the password itself), then run again").format(user=user)
            ) from None
        except Exception as exc:  # a corrupt pickle, a wrong file
            raise InputError(
                _("the instaloader session for {user!r} cannot be read ({name__}); make it again with `instaloader -l {user}`").format(user=user, name__=type(exc).__name__)
            ) from None
    return loader


def session_user(login: str | None, shop_handle: str = "", *, what: str = "Instagram") -> str:
    """The account whose instaloader session to use: `login`, else the shop's own handle
    when `instaloader -l HANDLE` has saved a session for it.

    Tagged posts, hashtag pages and comments need a logged-in session, so
    with neither this says, in one line, how to make one (InputError).
    """
    if login and login.strip().lstrip("@"):
        return login.strip().lstrip("@")
    from .library import loader_module as il_module

    handle = shop_handle.strip().lstrip("@")
    if handle and any(
        os.path.exists(name)
        for name in (il_module.get_default_session_filename(handle), il_module.get_legacy_session_filename(handle))
    ):
        return handle
    account = handle or "YOUR_ACCOUNT"
    raise InputError(
        _("{what} needs a logged-in Instagram session; make one once with `instaloader -l {account}` (it asks for the password itself), then run again with --login {account}").format(what=_(what), account=account)
    )
