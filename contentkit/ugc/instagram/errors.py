"""Instagram's refusals as one line each: instaloader and requests failures → NetworkError.

instaloader's errors are `InstaloaderException` subclasses, except
`AbortDownloadException` (feedback/checkpoint required), which is caught
explicitly; a 401 "Please wait a few minutes" arrives inside a
`ConnectionException` message.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...errors import NetworkError
from ...i18n import N_, _

# what= phrases passed in by callers (ugc/manager.py, replies.py, client.py), listed so extraction finds them
_WHAT = (N_("collecting tagged and hashtag posts"), N_("reading the replies"), N_("the media file"), N_("profile @{name}"),
         N_("hashtag #{name}"), N_("post {name}"))

__all__ = ["network_error", "instaloader_errors"]


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def network_error(
    exc: BaseException, *, what: str = "Instagram", login: str | None = None, resumable: bool = True
) -> NetworkError:
    """Turn an instaloader or requests failure into one line saying what to do next.

    `resumable` says whether running again resumes (a collection) or simply retries (a download).

    >>> network_error(TooManyRequestsException("429"))            # doctest: +SKIP
    NetworkError('Instagram is rate limiting this account; wait (an hour is safe) and run again: it will resume')
    """
    import requests
    import urllib3

    from .library import (
        AbortDownloadException,
        LoginException,
        LoginRequiredException,
        PrivateProfileNotFollowedException,
        ProfileNotExistsException,
        QueryReturnedBadRequestException,
        QueryReturnedNotFoundException,
        TooManyRequestsException,
    )

    chain = list(_chain(exc))
    text = " | ".join(str(e) for e in chain).lower()
    what = _(what)
    account = login or "YOUR_ACCOUNT"
    session_hint = _("make a session once with `instaloader -l {account}` and run again with --login {account}").format(
        account=account)
    resume = _(": it will resume where it stopped") if resumable else ""
    if any(isinstance(e, AbortDownloadException) for e in chain):
        if "redirected to login" in text or "logged out" in text:
            return NetworkError(_("Instagram logged this session out; {hint} (a fresh session){resume}").format(
                hint=session_hint, resume=resume))
        return NetworkError(
            _("Instagram asked this account to confirm it is you (checkpoint/feedback required); "
              "open the Instagram app, confirm, wait a few hours and run again{resume}").format(resume=resume)
        )
    if any(isinstance(e, LoginRequiredException) for e in chain):
        return NetworkError(_("{what} needs a logged-in Instagram session; {hint}").format(what=what, hint=session_hint))
    if any(isinstance(e, ProfileNotExistsException) for e in chain):
        return NetworkError(_("{what} was not found on Instagram; check the name ([handles] instagram in contentkit.toml)")
                            .format(what=what))
    if any(isinstance(e, PrivateProfileNotFollowedException) for e in chain):
        return NetworkError(_("{what} is private; follow it from the --login account, or collect by hashtag").format(what=what))
    if (
        any(isinstance(e, TooManyRequestsException) for e in chain)
        or "429" in text
        or "please wait a few minutes" in text
        or ("401" in text and "unauthorized" in text)
    ):
        return NetworkError(_("Instagram is rate limiting this account; wait (an hour is safe) and run again{resume}")
                            .format(resume=resume))
    if any(isinstance(e, QueryReturnedNotFoundException) for e in chain):
        return NetworkError(_("{what} was not found on Instagram (404); check the name or link").format(what=what))
    connection_errors = (requests.exceptions.ConnectionError, requests.exceptions.Timeout, urllib3.exceptions.HTTPError,
                         ConnectionError, TimeoutError)
    if any(isinstance(e, connection_errors) for e in chain) or any(
        marker in text for marker in ("max retries", "name resolution", "connection aborted", "timed out", "connection refused")
    ):
        return NetworkError(_("cannot reach Instagram; check the internet connection and run again{resume}").format(resume=resume))
    if any(isinstance(e, LoginException) for e in chain):
        return NetworkError(_("Instagram refused the login; {hint}").format(hint=session_hint))
    if any(isinstance(e, QueryReturnedBadRequestException) for e in chain):
        return NetworkError(_("Instagram refused the request (400); wait a while and run again{resume}").format(resume=resume))
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return NetworkError(_("Instagram refused: {reason}; run again later{resume}").format(reason=first[:200], resume=resume))


def instaloader_errors() -> tuple[type[BaseException], ...]:
    """The exception types a network call through instaloader may raise (for `except`)."""
    import requests
    import urllib3

    from .library import AbortDownloadException, InstaloaderException

    # urllib3 and OSError: a connection that drops while a media file streams in.
    return (InstaloaderException, AbortDownloadException, requests.exceptions.RequestException,
            urllib3.exceptions.HTTPError, ConnectionError, TimeoutError)
