"""Reading the creators' answers: which comments count as a yes to a consent request.

Only the post owner's own comment counts, and only when it carries the
workspace's consent hashtag as a whole tag (any case): `#YaDapurBuSari!`
counts, `#YaDapurBuSariTidak` or `bukan#YaDapurBuSari` do not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pendulum

from ..i18n import _
from ..errors import NetworkError
from ..records import ConsentEvent, UGCItem

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .instagram import Comment, InstagramClient

__all__ = ["has_tag", "is_yes", "check_replies"]


def has_tag(text: str, tag: str) -> bool:
    """Whether `text` carries the hashtag `tag` as a whole tag, in any case.

    >>> has_tag("Boleh kak #yadapurbusari!", "#YaDapurBuSari")
    True
    >>> has_tag("#YaDapurBuSariTidak", "#YaDapurBuSari")
    False
    """
    name = tag.strip().lstrip("#")
    if not name:
        return False
    # Instagram ends a tag at the first character that is not a letter, digit or underscore.
    return re.search(rf"(?<![\w#])#{re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def is_yes(comment: Comment, item: UGCItem, request: ConsentEvent, tag: str) -> bool:
    """The item owner's own comment, made after the request, with the consent tag."""
    return comment.owner.lower() == item.owner.lower() and comment.at >= request.at and has_tag(comment.text, tag)


def check_replies(ws: Workspace, *, login: str | None = None, client: InstagramClient | None = None) -> list[ConsentEvent]:
    """Read the comments of requested Instagram posts and record a grant where the post's
    owner replied with the consent hashtag. Answers found before a network failure are kept."""
    from .instagram import InstagramClient, session_user
    from .messages import brand_handle

    tx = ws.store.read()
    tag = ws.config.approval_hashtag
    waiting: list[tuple[UGCItem, ConsentEvent]] = []
    for uid, st in ws.consent.states(tx).items():
        if st.name not in ("requested", "expired") or st.last is None:
            continue
        item = tx.get(UGCItem, uid)
        if item.platform == "instagram" and item.shortcode and not item.media_type.startswith("story"):
            waiting.append((item, st.last))
    if not waiting:
        return []
    client = client or InstagramClient.open(session_user(login, brand_handle(ws.config), what=_("reading the replies")))
    found: list[tuple[UGCItem, ConsentEvent, Any]] = []
    failure: NetworkError | None = None
    for item, request in waiting:
        try:
            comments = client.comments(item.shortcode or "")
        except NetworkError as exc:
            failure = exc
            break
        answer = next((c for c in comments if is_yes(c, item, request, tag)), None)
        if answer is not None:
            found.append((item, request, answer))
    granted: list[ConsentEvent] = []
    for item, request, comment in found:
        stamp = pendulum.instance(comment.at).in_timezone(ws.tz)
        evidence = f"Instagram comment {comment.id} by @{comment.owner} on {stamp.to_datetime_string()}: {comment.text!r} ({item.url})"
        granted.append(ws.consent.grant(item.id, evidence, scope=request.scope or None, via="comment"))
    if failure is not None:
        raise NetworkError(_("{failure} ({n_granted} answers found before that are recorded)").format(failure=failure, n_granted=len(granted)))
    return granted
