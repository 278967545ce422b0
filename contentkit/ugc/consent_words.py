"""The words of the consent rule: why an item may not be used, and what a grant covers.

`consent.py` decides; these say it to the user, in the workspace's or the CLI's language.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pendulum

from ..i18n import _, translator
from ..records import ConsentEvent, UGCItem
from ..vocab import CHANNELS

if TYPE_CHECKING:
    from .consent import ConsentState

__all__ = ["refusal", "scope_words"]


def scope_words(event: ConsentEvent, lang: str) -> str:
    """What a grant covers, in words: `Instagram dan WhatsApp, sampai 2027-06-30`.

    >>> scope_words(ConsentEvent("U1", "granted", datetime(2026, 12, 1), scope=["instagram", "whatsapp"]), "en")
    'Instagram and WhatsApp'
    """
    from .messages import channel_names

    if event.kind not in ("granted", "requested"):
        return ""
    words = translator(lang)
    where = channel_names(list(event.scope), lang) if event.scope else words.gettext("every channel")
    if event.until is None:
        return where
    return words.gettext("{channels}, until {day}").format(channels=where, day=event.until.isoformat())


def refusal(item: UGCItem, state: ConsentState, channel: str | None, at: datetime, tz: str) -> str:
    """One line saying why `item` may not be used on `channel` (None: on any channel) at `at`, and what to do."""
    who = f"@{item.owner}"
    last = state.last
    when = pendulum.instance(last.at).in_timezone(tz).to_date_string() if last else ""
    if item.rejected:
        return _("{id} was rejected ({reason}); it cannot be reposted").format(id=item.id, reason=item.rejected)
    name = state.name
    if name == "none":
        return _("{id} has no consent from {who}; ask with `contentkit ugc request {id}` and record the yes "
                 "with `contentkit ugc grant {id} --evidence ...`").format(id=item.id, who=who)
    if name == "requested":
        return _("{who} has not answered the request of {when} for {id} yet; record the answer with "
                 "`contentkit ugc grant {id} --evidence ...` or run `contentkit ugc check`").format(id=item.id, who=who, when=when)
    if name == "expired":
        return _("the request of {when} for {id} got no answer in time; ask again with `contentkit ugc request {id}`").format(
            id=item.id, when=when)
    if name == "declined":
        return _("{who} declined on {when}; {id} cannot be reposted").format(id=item.id, who=who, when=when)
    if name == "revoked":
        return _("{who} revoked consent for {id} on {when}; it cannot be reposted").format(id=item.id, who=who, when=when)
    grant = state.grant
    day = pendulum.instance(at).in_timezone(tz).date()
    if grant is not None and grant.until is not None and day > grant.until:
        post_day = f"{day.isoformat()} ({channel})" if channel else day.isoformat()
        return _("the grant for {id} ends on {until}, before the post on {day}; pick an earlier date or ask {who} again "
                 "with `contentkit ugc request {id}`").format(id=item.id, until=grant.until.isoformat(), day=post_day, who=who)
    if channel and grant is not None and grant.scope and channel not in grant.scope:
        # A new grant replaces the old one: ask for, and record, every channel at once.
        both = ",".join(c for c in CHANNELS if c in grant.scope or c == channel)
        return _("the grant for {id} covers only {scope}, not {channel}; ask {who} with "
                 "`contentkit ugc request {id} --channels {both}`, then record the yes with --scope {both}").format(
            id=item.id, scope=", ".join(grant.scope), channel=channel, who=who, both=both)
    if channel:
        return _("{id} has no current grant covering {channel}; record one with `contentkit ugc grant {id} --evidence ...`").format(
            id=item.id, channel=channel)
    return _("{id} has no current grant; record one with `contentkit ugc grant {id} --evidence ...`").format(id=item.id)
