"""Reposting: refusals that say what is missing, credited captions, candidates for the planner, downloads."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest

from contentkit.config import Handles
from contentkit.errors import ConsentError, InputError, NetworkError
from contentkit.records import Post, UGCItem
from contentkit.ugc.safe_paths import media_target, safe_component
from contentkit.workspace import Workspace


@pytest.fixture
def shop(tmp_path: Path) -> Workspace:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="dapurbusari"))
    ws.ugc.add("https://www.instagram.com/p/DAbcImg01x/", "rina.makan", caption="Rendang enak banget! #dapurbusari https://x.co/a")
    ws.ugc.add("https://www.tiktok.com/@budi/video/1", "budi", caption="Unboxing @dapurbusari")
    ws.ugc.add("https://www.instagram.com/p/DAbcVid003/", "ibu.dewi", caption="Masak bareng")
    return ws


def later(days: int) -> pendulum.DateTime:
    return pendulum.now("Asia/Jakarta").add(days=days).set(hour=19, minute=0, second=0, microsecond=0)


@pytest.mark.parametrize(
    ("setup", "channel", "message"),
    [
        (lambda ws: None, "instagram", "has no consent from @rina.makan; ask with `contentkit ugc request U1`"),
        (lambda ws: ws.consent.request("U1"), "instagram", "has not answered"),
        (lambda ws: ws.consent.decline("U1"), "instagram", "declined"),
        (lambda ws: ws.consent.grant("U1", evidence="ya", scope=["instagram"]), "tiktok", "covers only instagram, not tiktok"),
        (lambda ws: ws.consent.grant("U1", evidence="ya", until=later(2).date()), "instagram", "before the post on"),
        (lambda ws: (ws.consent.grant("U1", evidence="ya"), ws.ugc.reject("U1", "buram")), "instagram", "rejected (buram)"),
    ],
)
def test_repost_without_a_current_grant_refuses_with_one_line(shop: Workspace, setup, channel: str, message: str) -> None:
    setup(shop)
    with pytest.raises(ConsentError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        shop.ugc.repost("U1", at=later(5), channel=channel)
    assert "\n" not in str(info.value)
    assert shop.store.read().rows(Post) == []


def test_repost_credits_the_creator(shop: Workspace) -> None:
    shop.consent.grant("U1", evidence="ya")
    post = shop.ugc.repost("U1", at=later(2), channel="instagram")
    assert (post.pillar, post.source, post.ugc_id, post.format, post.locked) == ("social_proof", "repost", "U1", "image", True)
    assert post.caption.endswith("📸 @rina.makan — makasih banyak sudah cerita pengalamanmu bareng Dapur Bu Sari!")  # variant by id
    assert "Rendang enak banget!" in post.caption
    assert "#dapurbusari" not in post.caption and "https://x.co" not in post.caption  # their tags/links stay theirs
    assert shop.store.read().get(Post, post.id).ugc_id == "U1"


def test_cross_platform_credit_names_the_platform_and_english_works(shop: Workspace) -> None:
    shop.config.language = "en"
    item = shop.ugc.get("U2")
    shop.consent.grant("U2", evidence="boleh", scope=["instagram"])
    post = shop.ugc.build_repost_post(item, later(1), "instagram", "reel")
    assert "@budi on TikTok" in post.caption and post.title == "Repost of @budi's video"
    assert post.id == "" and post.format == "reel"


def test_repost_in_the_past_or_unknown_channel_is_refused(shop: Workspace) -> None:
    shop.consent.grant("U1", evidence="ya")
    with pytest.raises(InputError, match="in the past"):
        shop.ugc.repost("U1", at=later(-1), channel="instagram")
    with pytest.raises(InputError, match="unknown channel"):
        shop.ugc.repost("U1", at=later(1), channel="myspace")


def test_candidates_are_granted_unused_items_oldest_grant_first(shop: Workspace) -> None:
    shop.consent.grant("U3", evidence="ya", scope=["instagram", "tiktok"], at=pendulum.now("Asia/Jakarta").subtract(days=3))
    shop.consent.grant("U1", evidence="ya", scope=["instagram"], at=pendulum.now("Asia/Jakarta").subtract(days=1))
    shop.consent.grant("U2", evidence="ya", scope=["tiktok"])
    snap = shop.store.read()
    assert [i.id for i in shop.ugc.repost_candidates("instagram", later(3), snapshot=snap)] == ["U3", "U1"]
    assert [i.id for i in shop.ugc.repost_candidates("tiktok", later(3), snapshot=snap)] == ["U3", "U2"]
    assert [i.id for i in shop.ugc.repost_candidates("instagram", later(3), snapshot=snap, exclude={"U3"})] == ["U1"]
    shop.ugc.repost("U3", at=later(2), channel="instagram")
    assert [i.id for i in shop.ugc.repost_candidates("instagram", later(3))] == ["U1"]
    shop.ugc.reject("U1", "buram")
    assert shop.ugc.repost_candidates("instagram", later(3)) == []


def test_skipped_posts_free_the_item_again(shop: Workspace) -> None:
    shop.consent.grant("U1", evidence="ya")
    post = shop.ugc.repost("U1", at=later(2), channel="instagram")
    shop.post_book.skip(post.id, "ganti jadwal")
    assert [i.id for i in shop.ugc.repost_candidates("instagram", later(3))] == ["U1"]


def test_worth_requesting_puts_mentions_and_recent_first(shop: Workspace) -> None:
    shop.ugc.add("https://www.tiktok.com/@lama/video/2", "lama", caption="lama @dapurbusari", taken_at="2025-01-01 10:00")
    shop.ugc.add("https://www.tiktok.com/@baru/video/3", "baru", caption="baru @dapurbusari", taken_at="2026-11-01 10:00")
    shop.consent.request("U2")
    ids = [i.id for i in shop.ugc.worth_requesting(limit=3)]
    assert ids == ["U5", "U4", "U1"]
    assert "U2" not in [i.id for i in shop.ugc.worth_requesting(limit=10)]


class FakeClient:
    def __init__(self, fail_first: bool = False) -> None:
        self.fail_first = fail_first
        self.calls: list[str] = []

    def download(self, url: str, target: Path) -> None:
        self.calls.append(url)
        if self.fail_first and "old" in url:
            raise NetworkError("Instagram refused: 403 Forbidden")
        target.write_bytes(b"media " + url.encode())

    def fresh_media_urls(self, shortcode: str) -> list[str]:
        return ["https://scontent.cdninstagram.com/v/new-1.jpg?oe=1"]


def test_download_needs_consent_and_stays_in_the_media_folder(shop: Workspace) -> None:
    with shop.store.transaction() as tx:
        item = tx.get(UGCItem, "U1")
        item.owner = "../../etc"
        item.media_urls = ["https://scontent.cdninstagram.com/v/old-1.jpg?oe=1"]
        tx.save(item)
    with pytest.raises(ConsentError, match="only with consent"):
        shop.ugc.download("U1", client=FakeClient())
    shop.consent.grant("U1", evidence="ya")
    client = FakeClient(fail_first=True)
    paths = shop.ugc.download("U1", client=client)
    media = shop.media_dir.resolve()
    assert len(paths) == 1 and media in paths[0].parents and paths[0].suffix == ".jpg"
    assert client.calls[-1].endswith("new-1.jpg?oe=1")  # an expired link is refreshed once
    assert shop.ugc.get("U1").media_files == [paths[0].relative_to(shop.root.resolve()).as_posix()]
    with pytest.raises(InputError, match="no media links"):
        shop.consent.grant("U2", evidence="ya")
        shop.ugc.download("U2", client=FakeClient())


@pytest.mark.parametrize("name", ["../../x", "/etc/passwd", "a\x00b", "x" * 5000, "..", "CON", "", "ü/../ß"])
def test_hostile_names_never_escape(tmp_path: Path, name: str) -> None:
    part = safe_component(name)
    assert part and "/" not in part and "\x00" not in part and part not in (".", "..") and len(part) <= 60
    target = media_target(tmp_path / "media", name, name, name, 1, name)
    assert (tmp_path / "media").resolve() in target.parents


def test_own_content_added_through_the_library_is_a_repost_candidate(shop: Workspace) -> None:
    own = shop.ugc.add("https://www.instagram.com/p/DShop0001/", "dapurbusari", own=True)
    assert own.is_own and shop.consent.state(own.id).name == "self_granted"
    assert shop.consent.state("U1").name == "none" and not shop.ugc.get("U1").is_own
    assert [i.id for i in shop.ugc.repost_candidates("instagram", later(1))] == [own.id]
    assert [i.id for i in shop.ugc.list(state="self_granted")] == [own.id]
    assert own.id not in [i.id for i in shop.ugc.worth_requesting()]
    post = shop.ugc.repost(own.id, at=later(1), channel="instagram")
    assert post.ugc_id == own.id and post.pillar == "social_proof"
    with pytest.raises(ConsentError, match="has no consent"):
        shop.ugc.repost("U1", at=later(1), channel="instagram")
