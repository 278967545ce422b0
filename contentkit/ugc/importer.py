"""Bringing customer posts in without the network: saved instaloader JSON, CSV, by hand.

Every path ends in `upsert_items`, which keys an item by platform and
shortcode (or its normalised URL), so importing the same post again updates
it and never duplicates it. Files are parsed before the store is touched, and
everything is written in one transaction with `save_many`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..i18n import _
from ..channels import RULES
from ..dates import parse_at
from ..errors import InputError, os_reason
from ..records import UGCItem
from ..store import Transaction
from ..vocab import CHANNELS

__all__ = [
    "ImportReport",
    "PLATFORMS",
    "item_key",
    "row_key",
    "platform_of",
    "media_type_of",
    "instagram_shortcode",
    "check_username",
    "manual_item",
    "read_csv",
    "find_files",
    "upsert_items",
]

PLATFORMS = CHANNELS  # the same six places a shop sells and posts
# Link host -> channel, from the channel registry.
_HOSTS = {host: cid for cid, rules in RULES.items() for host in rules.hosts}
_IG_CODE = re.compile(r"^/(?:[^/]+/)?(?:p|reel|reels|tv)/([A-Za-z0-9_-]{5,40})/?")
_IG_VIDEO = re.compile(r"^/(?:[^/]+/)?(?:reel|reels|tv)/")
_FB_VIDEO = re.compile(r"/(?:reel|reels|videos|watch)(?:/|$)")
_CSV_COLUMNS = ("platform", "url", "username", "caption", "taken_at")
_HASHTAG = re.compile(r"(?<![\w&])#(\w+)")
_NOT_IN_USERNAME = re.compile(r"[\s/\\\x00-\x1f\x7f]")
_MENTION = re.compile(r"(?:^|[^\w.])@([\w.]{1,60}\w|\w)")


@dataclass
class ImportReport:
    """What an import did: how many items were added and updated, and what was skipped and why."""

    added: int = 0
    updated: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    ids: list[str] = field(default_factory=list)
    # (item id, the owner kept, the owner the import named): consent fixes who an item belongs to
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was changed on the way in (NUL bytes removed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "ids": self.ids,
            "owner_conflicts": [{"id": i, "kept": k, "refused": r} for i, k, r in self.conflicts],
            "notes": self.notes,
        }


def platform_of(url: str) -> str | None:
    """The platform a link belongs to, from its host, or None.

    >>> platform_of("https://vt.tiktok.com/ZS8abc/")
    'tiktok'
    """
    host = (urlsplit(url.strip()).hostname or "").lower()
    for known, platform in _HOSTS.items():
        if host == known or host.endswith("." + known):
            return platform
    return None


def media_type_of(url: str, platform: str) -> str:
    """What a hand-added link shows, from its path: a repost keeps its format (a photo is no reel).

    >>> media_type_of("https://www.instagram.com/reel/DAbc01/", "instagram"), media_type_of("https://vt.tiktok.com/ZS8abc/", "tiktok")
    ('video', 'video')
    >>> media_type_of("https://www.tiktok.com/@rina/photo/7301", "tiktok"), media_type_of("https://www.instagram.com/p/DAbc01/", "instagram")
    ('sidecar', 'image')
    """
    parts = urlsplit(url.strip())
    path = parts.path.lower()
    if platform == "tiktok":  # TikTok links are videos, except photo-mode posts
        return "sidecar" if "/photo/" in path else "video"
    if platform == "instagram" and _IG_VIDEO.match(path):
        return "video"
    if platform == "instagram" and path.startswith("/stories/"):
        return "story_image"
    if platform == "facebook" and ((parts.hostname or "").endswith("fb.watch") or _FB_VIDEO.search(path)):
        return "video"
    return "image"


def instagram_shortcode(url: str) -> str | None:
    """The shortcode of an Instagram post or reel link.

    >>> instagram_shortcode("https://www.instagram.com/reel/DAbcVid003/?igsh=x")
    'DAbcVid003'
    """
    m = _IG_CODE.match(urlsplit(url.strip()).path)
    return m.group(1) if m else None


def _norm_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    return f"{host}{parts.path.rstrip('/')}" if host else url.strip()


def item_key(item: UGCItem) -> tuple[str, str]:
    """The identity of a customer post: (platform, shortcode) or (platform, normalised URL)."""
    return row_key(item.platform, item.shortcode, item.url)


def row_key(platform: str, shortcode: str | None, url: str) -> tuple[str, str]:
    if shortcode:
        return platform, "sc:" + shortcode
    return platform, "url:" + _norm_url(url)


def check_username(name: str, where: str = "--user") -> str:
    """A creator's handle without `@`; refuses empty, multi-line or absurdly long names."""
    text = name.strip().lstrip("@").strip()
    if not text:
        raise InputError(_("{where}: the creator's username is empty; give it like @rina.makan").format(where=where))
    # Never a path (`../x`, `a/b`, `..`): slashes, spaces and control characters are refused.
    if len(text) > 100 or _NOT_IN_USERNAME.search(text) or not any(ch.isalnum() for ch in text):
        raise InputError(
            _("{where}: {value!r} is not a username (no spaces, slashes or control characters, at most 100 characters)").format(where=where, value=text[:40])
        )
    return text


def _check_platform(value: str, where: str) -> str:
    norm = value.strip().lower()
    if norm not in PLATFORMS:
        raise InputError(_("{where}: unknown platform {value!r}: use one of {value2}").format(where=where, value=value, value2=', '.join(PLATFORMS)))
    return norm


def manual_item(
    url: str,
    user: str,
    *,
    platform: str | None = None,
    caption: str = "",
    taken_at: datetime | None = None,
    brand_handle: str = "",
    source: str = "manual",
    where: str | None = None,
) -> UGCItem:
    """A UGCItem for a post found by hand (TikTok, Shopee, Tokopedia, WhatsApp, ...).

    Errors start with `where` (a CSV line), or else with the option at fault.
    """
    url = url.strip()
    owner = check_username(user, where or "--user")
    guessed = platform_of(url) if url else None
    chosen = _check_platform(platform, where or "--platform") if platform else guessed
    where = where or "URL"
    if chosen is None:
        raise InputError(_("{where}: cannot tell which platform {url!r} is on; give --platform ({value})").format(where=where, url=url, value=', '.join(PLATFORMS)))
    if url and not url.lower().startswith(("http://", "https://")):
        raise InputError(_("{where}: {url!r} is not a link; give the post's address starting with https://").format(where=where, url=url))
    if not url:
        if chosen != "whatsapp":
            raise InputError(_("{where}: the link is empty; only WhatsApp content may come without one").format(where=where))
        # The key must be the same in every run: hash() of a str changes per process.
        stamp = taken_at.isoformat() if taken_at else hashlib.sha256(caption.strip().encode("utf-8")).hexdigest()[:16]
        url = f"whatsapp:{owner}:{stamp}"
    brand = brand_handle.lstrip("@").lower()
    mentions = list(dict.fromkeys(m.lower() for m in _MENTION.findall(caption)))
    return UGCItem(
        platform=chosen,
        url=url,
        owner=owner.lower() if chosen == "instagram" else owner,
        shortcode=instagram_shortcode(url) if chosen == "instagram" else None,
        caption=caption,
        hashtags=list(dict.fromkeys(t.lower() for t in _HASHTAG.findall(caption))),
        mentions=mentions,
        is_mention=bool(brand) and brand in mentions,
        media_type=media_type_of(url, chosen),
        taken_at=taken_at,
        source=source,
    )


def read_csv(path: Path, tz: str, brand_handle: str = "") -> list[UGCItem]:
    """Items from a CSV with columns platform,url,username,caption,taken_at (the last two may be empty)."""
    from ..textfile import decode_text, first_line

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(_("{path}: cannot read it ({error}); check the path").format(path=path, error=os_reason(exc))) from None
    text = decode_text(data, str(path))
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    missing = [c for c in ("platform", "url", "username") if c not in header]
    if missing:
        raise InputError(_("{path}: the header lacks {value}; the columns are {value2}").format(path=path, value=', '.join(missing), value2=','.join(_CSV_COLUMNS)))
    reader.fieldnames = header
    items: list[UGCItem] = []
    try:
        for row in reader:
            where = _("{path} line {line}").format(path=path, line=first_line(reader.line_num, row.values()))
            if None in row:
                raise InputError(_("{where}: more cells than columns; quote captions that contain commas").format(where=where))
            values = {k: (v or "").strip() for k, v in row.items()}
            if not any(values.values()):
                continue
            stamp = values.get("taken_at") or ""
            taken = None
            if stamp:
                try:
                    taken = parse_at(stamp, tz, need_time=False)
                except InputError as exc:
                    raise InputError(_("{where}: {error}").format(where=where, error=exc)) from None
            items.append(
                manual_item(values["url"], values["username"], platform=values["platform"] or None,
                            caption=row.get("caption") or "", taken_at=taken, brand_handle=brand_handle,
                            source="csv", where=where)
            )
    except csv.Error as exc:
        raise InputError(_("{path} line {line_num}: broken CSV ({exc}); fix that line and import again").format(path=path, line_num=reader.line_num, exc=exc)) from None
    return items


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".json", ".json.xz")):
        return "json"
    if name.endswith(".csv"):
        return "csv"
    return None


def find_files(paths: Sequence[str | Path]) -> tuple[list[tuple[Path, bool]], list[tuple[str, str]]]:
    """Files to import as (path, named_explicitly), and paths that do not exist.

    Folders are searched recursively for .json, .json.xz and .csv files.
    """
    found: list[tuple[Path, bool]] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _kind(child):
                    found.append((child, False))
        elif path.is_file():
            if _kind(path) is None:
                raise InputError(_("{path}: not a .json, .json.xz or .csv file; give instaloader metadata or a CSV").format(path=path))
            found.append((path, True))
        else:
            missing.append((str(path), _("no such file or folder")))
    return found, missing


_KEEP = ("id", "rejected", "media_files", "collected_at", "source")


def upsert_items(
    tx: Transaction, items: Iterable[UGCItem], now: datetime, conflicts: list[tuple[str, str, str]] | None = None
) -> tuple[list[UGCItem], int, int]:
    """Add new items and update known ones (same platform + shortcode/URL), in one `save_many`.

    What the shop decided about an item (rejection, downloaded files, its id,
    when it was first collected) survives an update. Once an item has a consent
    event its owner never changes: an update naming another owner keeps the
    item's owner and is listed in `conflicts`. Returns (saved, added, updated).
    """
    index: dict[tuple[str, str], dict[str, Any]] = {}
    for row in tx.rows(UGCItem):
        index[row_key(row["platform"], row.get("shortcode"), row["url"])] = row
    from .consent import items_with_events

    asked = items_with_events(tx)
    pending: dict[tuple[str, str], UGCItem] = {}
    added = updated = 0
    for item in items:
        key = item_key(item)
        if key in pending:  # the same post twice in one import: the later copy wins
            merged = _merge(pending[key].to_dict(), item)
            pending[key] = merged
            continue
        existing = index.get(key)
        if existing is None:
            item.collected_at = item.collected_at or now
            pending[key] = item
            added += 1
        else:
            if existing["id"] in asked and _owner(item.owner) != _owner(existing.get("owner", "")):
                if conflicts is not None:
                    conflicts.append((existing["id"], existing.get("owner", ""), item.owner))
                item.owner, item.owner_id = existing.get("owner", ""), existing.get("owner_id")
            pending[key] = _merge(existing, item)
            updated += 1
    saved = tx.save_many(list(pending.values()))
    return saved, added, updated


def _owner(name: str) -> str:
    return name.strip().lstrip("@").lower()  # Instagram and TikTok usernames ignore case


def _merge(row: dict[str, Any], item: UGCItem) -> UGCItem:
    old = UGCItem.from_dict(row)
    for name in _KEEP:
        setattr(item, name, getattr(old, name))
    item.is_mention = item.is_mention or old.is_mention
    item.is_own = item.is_own or old.is_own  # marking an item the shop's own sticks; re-imports never unmark it
    if item.taken_at is None:
        item.taken_at = old.taken_at
    if not item.caption and old.caption:
        item.caption, item.hashtags, item.mentions = old.caption, old.hashtags, old.mentions
    if not item.media_urls:
        item.media_urls = old.media_urls
    if not item.tagged_users:
        item.tagged_users = old.tagged_users
    if not item.owner_id:
        item.owner_id = old.owner_id
    return item
