"""The posting kit: what someone needs on the phone to post a day or a week by hand.

`build_kit(ws, out, day=... | week=...)` writes a folder:

    index.html                         phone-first, offline, the posts in time order
    01-2026-12-09-1930-instagram-P12/
        caption.txt                    caption and hashtags, exactly as posted
        2026-12-09_1930_instagram.jpg  the media, named by time and channel

and with `zip=True` the same folder as `<out>.zip`, to send to a phone.
Posts that use customer content without a current grant for their channel and
time are left out and named (the consent gate decides). The folder is built
next to its target and renamed into place, so a failed run leaves the old kit.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo
from typing import TYPE_CHECKING

import pendulum

from ..calendar.exporters import LeftOut
from ..calendar.limits import post_text
from ..dates import parse_date, parse_week
from ..errors import InputError
from ..i18n import _
from ..records import Post, Review, UGCItem
from ..store import Transaction

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["KitPost", "KitResult", "build_kit", "kit_posts", "MEDIA_SUFFIXES"]

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic")
VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".webm")
MEDIA_SUFFIXES = IMAGE_SUFFIXES + VIDEO_SUFFIXES
_MARK = ".contentkit-kit"  # marks a folder as a kit, so a re-run may replace it and nothing else


@dataclass
class KitPost:
    """One post in the kit: its folder, the exact text to copy, its media files and who to credit."""

    post: Post
    folder: str  # relative to the kit
    text: str  # caption and hashtags, as posted
    media: list[str] = field(default_factory=list)  # relative to the kit
    online: list[str] = field(default_factory=list)  # web links not in the kit (nothing is downloaded)
    credit: str = ""  # "@rina.makan" for customer content


@dataclass
class KitResult:
    """What `build_kit` wrote and what it left out."""

    folder: Path
    posts: list[KitPost]
    left_out: list[LeftOut] = field(default_factory=list)
    zip_path: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.posts)


def _range(ws: Workspace, day: str | date | None, week: str | None, now: datetime | None) -> tuple[date, date]:
    if day is not None and week is not None:
        raise InputError(_("give --day or --week, not both"))
    if week is not None:
        monday = parse_week(week)
        return monday, monday.add(days=6)
    if day is not None:
        one = parse_date(day)
        return one, one
    today = (pendulum.instance(now) if now is not None else pendulum.now(ws.tz)).in_timezone(ws.tz).date()
    return today, today.add(days=6)


def kit_posts(ws: Workspace, start: date, end: date, tx: Transaction) -> tuple[list[Post], list[LeftOut]]:
    """The posts still to go out between `start` and `end`, and those the consent gate holds back."""
    gate = ws.consent.gate(snapshot=tx)
    posts, left_out = [], []
    for post in ws.post_book.list(start, end, snapshot=tx):
        if post.status in ("skipped", "published"):
            continue
        decision = gate.post(post)
        if decision:
            posts.append(post)
        else:
            left_out.append(LeftOut(post.id, decision.reason))
    return posts, left_out


def _sources(ws: Workspace, post: Post, tx: Transaction) -> tuple[list[Path], list[str], str, list[str]]:
    """The post's local media files, its web links, the credit, and warnings about missing files."""
    names = list(post.assets)
    credit = ""
    ugc_id = post.ugc_id
    if post.review_id:
        review = tx.get(Review, post.review_id)
        names += review.rendered
        ugc_id = ugc_id or review.ugc_id
        if review.handle:
            credit = "@" + review.handle.lstrip("@")
    if ugc_id:
        item = tx.get(UGCItem, ugc_id)
        if not names:
            # Not downloaded yet (`contentkit ugc download`): the page points to the original post.
            names += item.media_files or [item.url]
        credit = credit or f"@{item.owner}"
    files: list[Path] = []
    links: list[str] = []
    warnings: list[str] = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        if name.lower().startswith(("http://", "https://")):
            links.append(name)
            continue
        path = Path(name).expanduser()
        path = path if path.is_absolute() else ws.root / path
        if path.suffix.lower() not in MEDIA_SUFFIXES:
            warnings.append(_("{id}: {name} is not an image or video; left out of the kit").format(id=post.id, name=name))
        elif not path.is_file():
            warnings.append(_("{id}: {name} was not found; add the file or fix the post's assets").format(id=post.id, name=name))
        else:
            files.append(path)
    return files, links, credit, warnings


def _stamp(post: Post, tz: str) -> str:
    # zoneinfo, not pendulum: a tenth of the time, and a week's kit is timed against a plain copy.
    return post.at.astimezone(_zone(tz)).strftime("%Y-%m-%d_%H%M")


@lru_cache(maxsize=8)
def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)


def _write_post(ws: Workspace, post: Post, index: int, root: Path, tx: Transaction, warnings: list[str]) -> KitPost:
    stamp = _stamp(post, ws.tz)
    folder = f"{index:02d}-{stamp.replace('_', '-')}-{post.channel}-{post.id}"
    (root / folder).mkdir()
    text = post_text(post.caption, post.hashtags)
    (root / folder / "caption.txt").write_text(text + "\n" if text else "", encoding="utf-8")
    files, links, credit, problems = _sources(ws, post, tx)
    warnings.extend(problems)
    media = []
    for n, src in enumerate(files, start=1):
        name = f"{stamp}_{post.channel}{'' if n == 1 else f'_{n}'}{src.suffix.lower()}"
        shutil.copyfile(src, root / folder / name)
        media.append(f"{folder}/{name}")
    return KitPost(post=post, folder=folder, text=text, media=media, online=links, credit=credit)


def _check_out(ws: Workspace, out: str | os.PathLike[str]) -> Path:
    target = ws.check_output(out)
    if str(out).strip() == "":
        raise InputError(_("the kit folder is empty; give one with -o, e.g. -o kit-hari-ini"))
    target = target.resolve()
    if not target.parent.is_dir():
        raise InputError(_("folder {folder} does not exist; create it or choose another path").format(folder=target.parent))
    if target.exists() and (not target.is_dir() or (any(target.iterdir()) and not (target / _MARK).exists())):
        raise InputError(_("{folder} already exists and is not a kit; choose a new folder name").format(folder=target))
    return target


def _zip(folder: Path, target: Path) -> Path:
    tmp = target.with_name(f".{target.name}.tmp")
    with zipfile.ZipFile(tmp, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != _MARK:
                # Photos and videos are compressed already: storing them is as small and much faster.
                method = zipfile.ZIP_STORED if path.suffix.lower() in MEDIA_SUFFIXES else zipfile.ZIP_DEFLATED
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}", compress_type=method)
    os.replace(tmp, target)
    return target


def build_kit(
    ws: Workspace,
    out: str | os.PathLike[str],
    *,
    day: str | date | None = None,
    week: str | None = None,
    zip: bool = False,
    now: datetime | None = None,
) -> KitResult:
    """Write the posting kit for `day`, `week` (ISO, e.g. "2026-W50") or the next 7 days into folder `out`.

    >>> result = build_kit(ws, "kit-besok", day="2026-12-09", zip=True)   # doctest: +SKIP
    >>> result.count, [str(x) for x in result.left_out]                    # doctest: +SKIP
    (3, ['P14: @rina.makan revoked consent for U3 on 2026-12-02; it cannot be reposted'])
    """
    from .kit_page import kit_html

    start, end = _range(ws, day, week, now)
    target = _check_out(ws, out)
    zip_target = ws.check_output(target.with_name(target.name + ".zip")) if zip else None
    tx = ws.store.read()
    posts, left_out = kit_posts(ws, start, end, tx)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        warnings: list[str] = []
        entries = [_write_post(ws, post, i, building, tx, warnings) for i, post in enumerate(posts, start=1)]
        moment = pendulum.instance(now) if now is not None else pendulum.now(ws.tz)
        page = kit_html(entries, left_out, brand=ws.config.brand, lang=ws.language, tz=ws.tz, start=start, end=end,
                        made=moment, colour=ws.config.brand_kit.primary)
        (building / "index.html").write_text(page, encoding="utf-8")
        (building / _MARK).write_text("made by contentkit kit; a new run replaces this folder\n", encoding="utf-8")
        if target.exists():
            old = target.with_name(f".{target.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
            os.replace(building, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    zip_path = _zip(target, zip_target) if zip_target is not None else None
    return KitResult(folder=target, posts=entries, left_out=left_out, zip_path=zip_path, warnings=warnings)
