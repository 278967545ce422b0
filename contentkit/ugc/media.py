"""Downloading a customer post's media: only with consent, and never half a file.

The links Instagram gave when the post was collected expire after some days; a
failed link is fetched fresh once. A failed download leaves no empty folders.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..errors import ConsentError, InputError, NetworkError
from ..i18n import _
from ..records import UGCItem

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .instagram import InstagramClient

__all__ = ["download_media"]


def download_media(ws: Workspace, ugc_id: str, *, login: str | None = None, client: InstagramClient | None = None) -> list[Path]:
    """Save the media of an item the consent gate allows under media/ugc/; returns the files (existing ones are kept)."""
    from .instagram import InstagramClient
    from .safe_paths import media_target, remove_empty_folders

    tx = ws.store.read()
    item = tx.get(UGCItem, ugc_id)
    decision = ws.consent.gate(tx).item_anywhere(item)
    if not decision:
        raise ConsentError(_("media is downloaded only with consent: {reason}").format(reason=decision.reason))
    if not item.media_urls:
        raise InputError(_("{id} has no media links (added by hand); save the file yourself under {folder}").format(
            id=item.id, folder=ws.media_dir))
    client = client or InstagramClient.open(login)
    urls = list(item.media_urls)
    paths: list[Path] = []
    for index, url in enumerate(urls, start=1):
        ext = Path(urlsplit(url).path).suffix or (".mp4" if "video" in item.media_type else ".jpg")
        target = media_target(ws.media_dir, item.platform, item.owner, item.shortcode or item.id, index, ext)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                _download_one(client, item, index, url, target)
            except BaseException:
                remove_empty_folders(target.parent, ws.media_dir)
                raise
        paths.append(target)
    with ws.store.transaction() as wtx:
        stored = wtx.get(UGCItem, item.id)
        root = ws.root.resolve()
        stored.media_files = [p.relative_to(root).as_posix() for p in paths]
        wtx.save(stored)
    return paths


def _download_one(client: InstagramClient, item: UGCItem, index: int, url: str, target: Path) -> None:
    try:
        client.download(url, target)
    except NetworkError:
        if not item.shortcode or item.media_type.startswith("story"):
            raise
        fresh = client.fresh_media_urls(item.shortcode)  # stored links expire after some days
        if len(fresh) < index:
            raise
        client.download(fresh[index - 1], target)
