"""UGCManager: the library door for customer content (`ws.ugc`).

Collect from Instagram, import files, add by hand, review, reject, check
replies, repost with consent and download media. Each call is one store
transaction; consent itself lives in `ws.consent` (contentkit.ugc.consent).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pendulum

from ..bulk import collector_paused
from ..dates import parse_at
from ..errors import ConsentError, InputError, NetworkError
from ..i18n import N_, _, ngettext
from ..records import ConsentEvent, Post, UGCItem
from ..store import Transaction
from ..vocab import check_channel, check_choice
from .consent import STATES, ConsentState
from .importer import ImportReport, find_files, manual_item, read_csv, upsert_items
from .reposts import RepostDesk

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .instagram import InstagramClient

__all__ = ["UGCManager", "ItemDetail", "CollectReport", "SOURCES"]

SOURCES = ("tagged", "hashtag", "import", "csv", "manual")


@dataclass
class ItemDetail:
    """One item with its consent state, its ledger and the posts that use it."""

    item: UGCItem
    state: ConsentState
    events: list[ConsentEvent]
    posts: list[Post]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.item.to_dict(),
            **self.state.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "posts": [{"id": p.id, "at": p.at.isoformat(), "channel": p.channel, "status": p.status} for p in self.posts],
        }


@dataclass
class CollectReport:
    """What `collect` saved, per source."""

    added: int = 0
    updated: int = 0
    sources: list[dict[str, Any]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # the items added or updated

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "updated": self.updated, "ids": self.ids, "sources": self.sources}


class UGCManager:
    """Customer posts in one workspace.

    >>> ws.ugc.import_paths(["downloads/dapurbusari/"])          # doctest: +SKIP
    >>> ws.ugc.repost("U3", at="2026-12-09 19:00", channel="instagram")  # doctest: +SKIP
    """

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.desk = RepostDesk(ws)

    def _now(self) -> pendulum.DateTime:
        return pendulum.now(self.ws.tz)

    @property
    def brand_handle(self) -> str:
        from .messages import brand_handle

        return brand_handle(self.ws.config)

    # -- bringing items in --------------------------------------------------
    def _save(
        self, items: Sequence[UGCItem], conflicts: list[tuple[str, str, str]] | None = None
    ) -> tuple[list[UGCItem], int, int]:
        with self.ws.store.transaction() as tx:
            return upsert_items(tx, items, self._now(), conflicts)

    def import_paths(self, paths: Sequence[str | Path]) -> ImportReport:
        """Import instaloader metadata (.json, .json.xz: posts and stories) and CSV files, or folders of them.

        A bad file named explicitly stops the import before anything is written;
        a bad file found inside a folder is reported in `skipped` and the rest imports.
        """
        if not paths:
            raise InputError(_("give at least one file or folder to import"))
        with collector_paused():
            return self._import(paths)

    def _import(self, paths: Sequence[str | Path]) -> ImportReport:
        from .instagram import loader_context_offline, parse_saved, read_saved

        files, missing = find_files(paths)
        if missing:
            raise InputError(_("{path}: no such file or folder; check the path").format(path=missing[0][0]))
        report = ImportReport()
        items: builtins.list[UGCItem] = []
        context = None
        for path, explicit in files:
            try:
                if path.name.lower().endswith(".csv"):
                    items.extend(read_csv(path, self.ws.tz, self.brand_handle))
                else:
                    context = context or loader_context_offline()
                    item = parse_saved(context, read_saved(path), str(path), brand_handle=self.brand_handle)
                    if "\0" in item.caption:  # a damaged file: keep the words, drop what no terminal or page can show
                        item.caption = item.caption.replace("\0", "")
                        report.notes.append(f"{path}: NUL bytes removed from the caption")
                    items.append(item)
            except InputError as exc:
                if explicit:
                    raise
                report.skipped.append((str(path), str(exc)))
        if not items and not report.skipped:
            raise InputError(_("found no .json, .json.xz or .csv files there; point to instaloader's download folder or a CSV"))
        saved, report.added, report.updated = self._save(items, report.conflicts) if items else ([], 0, 0)
        report.ids = [i.id for i in saved]
        return report

    def add(
        self,
        url: str,
        user: str,
        *,
        platform: str | None = None,
        caption: str = "",
        taken_at: str | datetime | None = None,
        own: bool = False,
    ) -> UGCItem:
        """Add (or update) one post found by hand, e.g. a TikTok video or a WhatsApp testimonial.

        `own=True` marks the shop's own content: its state is `self_granted`, so
        it can be reposted without a request (a later decline or revocation still
        stops it). Adding the same post again without `own` keeps the mark.

        >>> ws.ugc.add("https://www.instagram.com/p/DShop0001/", "dapurbusari", own=True)   # doctest: +SKIP
        """
        when = parse_at(taken_at, self.ws.tz, need_time=False) if taken_at else None
        item = manual_item(url, user, platform=platform, caption=caption, taken_at=when, brand_handle=self.brand_handle)
        if own and item.owner.lstrip("@").lower() not in self.shop_handles():
            shops = ", ".join(f"@{h}" for h in sorted(self.shop_handles())) or _("none set")
            raise InputError(
                _("--own is only for the shop's own posts, and @{owner} is not one of its handles ({shops}); "
                  "a customer's post needs their consent: `contentkit ugc request ID`").format(owner=item.owner, shops=shops)
            )
        item.is_own = own
        conflicts: list[tuple[str, str, str]] = []
        saved, _added, _updated = self._save([item], conflicts)
        if conflicts:
            uid, kept, named = conflicts[0]
            raise InputError(
                _("{id} belongs to @{kept}, who has consent events for it; it cannot become @{named}'s "
                  "(nothing was changed). If this is another post, check the URL").format(id=uid, kept=kept, named=named)
            )
        return saved[0]

    def shop_handles(self) -> set[str]:
        """The shop's own account names (lower case, no @), from [handles] in contentkit.toml."""
        handles = self.ws.config.handles
        names = (handles.instagram, handles.tiktok, handles.facebook, handles.shopee, handles.tokopedia)
        out = set()
        for name in names:
            text = (name or "").strip().rstrip("/")
            if text:
                out.add(text.rsplit("/", 1)[-1].lstrip("@").lower())  # a shop URL ends with its name
        return out

    def collect(
        self,
        *,
        tagged: bool = False,
        hashtags: Iterable[str] = (),
        since: str | date | None = None,
        limit: int | None = None,
        login: str | None = None,
        progress: Callable[[int, str], None] | None = None,
        client: InstagramClient | None = None,
        on_wait: Callable[[str], None] | None = None,
    ) -> CollectReport:
        """Collect Instagram posts that tag the shop and/or carry its hashtags.

        With neither `tagged` nor `hashtags`, both the tagged posts (when
        [handles] instagram is set) and the workspace hashtags are collected.
        An interruption keeps what was collected (saved before the error
        leaves) and the next run resumes where it stopped.
        """
        from .instagram import InstagramClient, session_user
        from .instagram.session import wait_notices

        tags = [t.strip().lstrip("#").lower() for t in hashtags if t.strip().lstrip("#")]
        handle = self.brand_handle
        if tagged and not handle:
            raise InputError(_("set [handles] instagram in contentkit.toml to collect the posts that tag the shop"))
        if not tagged and not tags:
            tagged = bool(handle)
            tags = [t.lower() for t in self.ws.config.hashtags]
        if not tagged and not tags:
            raise InputError(_("nothing to collect: set [handles] instagram or [brand] hashtags in contentkit.toml, or give --hashtag"))
        if limit is not None and limit < 1:
            raise InputError(_("--limit must be 1 or more"))
        since_at = parse_at(since, self.ws.tz, need_time=False) if since else None
        client = client or InstagramClient.open(session_user(login, handle, what=_("collecting tagged and hashtag posts")))
        sources = ([f"tagged:{handle}"] if tagged else []) + [f"hashtag:{t}" for t in dict.fromkeys(tags)]
        resume_dir = self.ws.state_dir / "ugc-resume"
        resume_dir.mkdir(parents=True, exist_ok=True)
        sink: builtins.list[UGCItem] = []
        report = CollectReport()
        # instaloader's own "need to wait N minutes" reaches the caller as one line instead of staying silent.
        with wait_notices(on_wait):
            try:
                for source in sources:
                    remaining = None if limit is None else limit - len(sink)
                    if remaining is not None and remaining <= 0:
                        break
                    kind, target = source.split(":", 1)
                    iterator = client.tagged_posts(target) if kind == "tagged" else client.hashtag_posts(target)
                    run = client.collect(
                        iterator, source=source, resume_dir=resume_dir, sink=sink, brand_handle=handle, since=since_at,
                        limit=remaining, progress=_offset_progress(progress, len(sink), source),
                    )
                    report.sources.append({"source": source, "posts": run.seen, "resumed": run.resumed, "stopped_by": run.stopped_by})
            except NetworkError as exc:
                saved = self._save(sink) if sink else ([], 0, 0)
                raise NetworkError(ngettext("{error} ({n} post collected so far is saved)", "{error} ({n} posts collected so far are saved)",
                                            len(saved[0])).format(error=exc, n=len(saved[0]))) from None
            except BaseException:
                if sink:
                    self._save(sink)
                raise
        written, report.added, report.updated = self._save(sink) if sink else ([], 0, 0)
        report.ids = [item.id for item in written]
        return report

    # -- reviewing ----------------------------------------------------------
    def get(self, ugc_id: str) -> UGCItem:
        return self.ws.store.read().get(UGCItem, ugc_id)

    def list_rows(
        self,
        state: str | None = None,
        source: str | None = None,
        since: str | date | None = None,
        *,
        snapshot: Transaction | None = None,
    ) -> builtins.list[dict[str, Any]]:
        """Stored item dicts (with a `state` key) matching the filters, in id order: a scan, no dataclasses."""
        if state is not None:
            state = check_choice("state", state, STATES)
        if source is not None:
            source = check_choice("source", source, SOURCES)
        since_ts = parse_at(since, self.ws.tz, need_time=False).timestamp() if since else None
        with collector_paused():
            return self._scan(state, source, since_ts, snapshot)

    def _scan(self, state: str | None, source: str | None, since_ts: float | None,
              snapshot: Transaction | None) -> builtins.list[dict[str, Any]]:
        tx = snapshot if snapshot is not None else self.ws.store.read()
        rows = tx.rows(UGCItem)
        states = self.ws.consent.states(tx, item_rows=rows)
        wanted: set[str] | None = None
        if state not in (None, "none"):
            wanted = {uid for uid, st in states.items() if st.name == state}
        out: builtins.list[dict[str, Any]] = []
        for row in rows:
            uid = row["id"]
            if wanted is not None and uid not in wanted:
                continue
            st = states.get(uid)
            if state == "none" and st is not None and st.name != "none":
                continue
            if source is not None and row.get("source") != source:
                continue
            if since_ts is not None:
                taken = row.get("taken_at")
                if not taken or datetime.fromisoformat(taken).timestamp() < since_ts:
                    continue
            out.append({**row, "state": st.name if st is not None else "none"})
        return out

    def list(self, state: str | None = None, source: str | None = None, since: str | date | None = None) -> builtins.list[UGCItem]:
        """Items matching the filters (see `list_rows`), as records."""
        return [UGCItem.from_dict(r) for r in self.list_rows(state, source, since)]

    def show(self, ugc_id: str) -> ItemDetail:
        """The item, its state now, its whole ledger and the posts that use it."""
        tx = self.ws.store.read()
        item = tx.get(UGCItem, ugc_id)
        events = self.ws.consent.events(item.id, snapshot=tx)
        posts = sorted((Post.from_dict(r) for r in tx.rows(Post) if r.get("ugc_id") == item.id), key=lambda p: p.at)
        return ItemDetail(item, self.ws.consent.state(item.id, snapshot=tx), events, posts)

    def history(self, ugc_id: str) -> builtins.list[ConsentEvent]:
        """The item's whole consent ledger, oldest first."""
        return self.ws.consent.events(ugc_id)

    def reject(self, ugc_id: str, reason: str) -> UGCItem:
        """Mark the item not suitable to repost; unpublished posts using it are skipped."""
        if not (reason or "").strip():
            raise InputError(_('give a reason with --reason, e.g. --reason "foto buram"'))
        with self.ws.store.transaction() as tx:
            item = tx.get(UGCItem, ugc_id)
            item.rejected = reason.strip()
            skipped = []
            for row in tx.rows(Post):
                if row.get("ugc_id") == item.id and row.get("status") in ("draft", "ready"):
                    post = Post.from_dict(row)
                    post.status, post.skip_reason, post.updated_at = "skipped", N_("customer content rejected"), self._now()
                    skipped.append(post)
            tx.save_many([item, *skipped])
        return item

    # -- reposting (the planner uses these) ---------------------------------
    def repost_candidates(
        self, channel: str, at: datetime, *, snapshot: Transaction | None = None, exclude: Collection[str] = (),
        fmt: str | None = None,
    ) -> builtins.list[UGCItem]:
        """Items with a grant in force at `at` covering `channel`, not rejected, not used by a
        non-skipped post, oldest grant first (those reposting in `fmt` first, when given). Pass
        the planner's `snapshot` (indexed once per snapshot) and the ids it already placed this run as `exclude`."""
        return self.desk.candidates(channel, at, snapshot=snapshot, exclude=exclude, fmt=fmt)

    def build_repost_post(
        self, item: UGCItem, at: datetime, channel: str, format: str | None = None, *, snapshot: Transaction | None = None
    ) -> Post:
        """An unsaved `social_proof` Post (source "repost") crediting the creator; ConsentError
        when the consent gate does not allow `item` on `channel` at `at`."""
        decision = self.ws.consent.gate(snapshot).item(item, check_channel(channel), parse_at(at, self.ws.tz))
        if not decision:
            raise ConsentError(decision.reason)
        return self.desk.build_post(item, at, channel, format)

    def repost(self, ugc_id: str, at: datetime | str, channel: str, format: str | None = None) -> Post:
        """Add a calendar post reposting the item; ConsentError without a current grant for `channel`."""
        return self.desk.repost(ugc_id, at, channel, format)

    def worth_requesting(self, limit: int = 5, *, snapshot: Transaction | None = None) -> builtins.list[UGCItem]:
        """Collected items with no consent events yet, not rejected: mentions first, then the newest."""
        return self.desk.worth_requesting(limit, snapshot=snapshot)

    # -- Instagram round trips ----------------------------------------------
    def check_replies(self, *, login: str | None = None, client: InstagramClient | None = None) -> builtins.list[ConsentEvent]:
        """Read the comments of requested Instagram posts and record a grant where the post's
        owner replied with the consent hashtag as a whole tag (only the owner's reply counts)."""
        from .replies import check_replies

        return check_replies(self.ws, login=login, client=client)

    def download(self, ugc_id: str, *, login: str | None = None, client: InstagramClient | None = None) -> builtins.list[Path]:
        """Save the media of a granted item under media/ugc/; returns the files (existing ones are kept)."""
        from .media import download_media

        return download_media(self.ws, ugc_id, login=login, client=client)


def _offset_progress(
    progress: Callable[[int, str], None] | None, base: int, source: str
) -> Callable[[int], None] | None:
    """Report a source's count on top of what earlier sources collected."""
    if progress is None:
        return None
    report = progress

    def forward(n: int) -> None:
        report(base + n, source)

    return forward
