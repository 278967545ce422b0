"""Collection through instaloader's own NodeIterator (offline, from `first_data`), interrupted and resumed."""

from __future__ import annotations

from pathlib import Path

import instaloader
import pytest

from contentkit.config import Handles
from contentkit.errors import NetworkError
from contentkit.records import UGCItem
from contentkit.workspace import Workspace
from ugc_helpers import FakeInstagram, make_client, node, pages




@pytest.fixture
def shop(tmp_path: Path) -> Workspace:
    return Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="dapurbusari"))


def shortcodes(ws: Workspace) -> list[str]:
    return [r["shortcode"] for r in ws.store.read().rows(UGCItem)]


@pytest.mark.parametrize(
    "failure",
    [
        instaloader.TooManyRequestsException("429 Too Many Requests when accessing graphql/query"),
        instaloader.ConnectionException("JSON Query to graphql/query: 401 Unauthorized - Please wait a few minutes"),
        instaloader.ConnectionException("JSON Query to graphql/query: HTTPSConnectionPool: Max retries exceeded"),
        instaloader.AbortDownloadException("400 Bad Request - \"fail\" status, message \"checkpoint_required\""),
    ],
)
def test_interrupted_collection_keeps_everything_and_resumes_without_loss(shop: Workspace, failure: BaseException) -> None:
    fake = FakeInstagram(pages(4))
    fake.fail_at["c2"] = failure
    with pytest.raises(NetworkError) as info:
        shop.ugc.collect(tagged=True, client=make_client(fake))
    assert "24 posts collected so far are saved" in str(info.value) and "\n" not in str(info.value)
    assert len(shortcodes(shop)) == 24
    assert list((shop.state_dir / "ugc-resume").glob("tagged-*.json.xz")), "the iterator's place was saved"

    report = shop.ugc.collect(tagged=True, client=make_client(fake))
    assert report.sources[0]["resumed"] is True
    codes = shortcodes(shop)
    assert sorted(codes) == sorted(f"DCode{n:05d}" for n in range(48))  # nothing lost, nothing twice
    assert fake.asked == ["c1", "c2", "c2", "c3"]  # the second run did not start over
    assert not list((shop.state_dir / "ugc-resume").glob("*.json.xz")), "a finished run removes its resume file"


def test_ctrl_c_saves_what_was_collected(shop: Workspace) -> None:
    fake = FakeInstagram(pages(3))
    fake.fail_at["c1"] = KeyboardInterrupt()
    with pytest.raises(KeyboardInterrupt):
        shop.ugc.collect(tagged=True, client=make_client(fake))
    assert len(shortcodes(shop)) == 12
    shop.ugc.collect(tagged=True, client=make_client(fake))
    assert len(set(shortcodes(shop))) == 36 == len(shortcodes(shop))


def test_items_are_marked_as_mentions_from_tagged_source(shop: Workspace) -> None:
    shop.ugc.collect(tagged=True, client=make_client(FakeInstagram(pages(1))))
    items = shop.ugc.list()
    assert {i.source for i in items} == {"tagged"} and all(i.is_mention for i in items)
    assert all(i.collected_at is not None and i.taken_at is not None for i in items)


def test_limit_stops_early(shop: Workspace) -> None:
    fake = FakeInstagram(pages(3))
    report = shop.ugc.collect(tagged=True, limit=5, client=make_client(fake))
    assert report.added == 5 and report.sources[0]["stopped_by"] == "limit"
    assert fake.asked == []  # the first page was enough


def test_since_skips_old_pinned_posts_and_stops_at_the_first_old_one(shop: Workspace) -> None:
    first = [node(900, age_hours=24 * 400, pinned=True), node(1), node(2), node(3)]
    second = [node(4), node(5, age_hours=24 * 30), node(6)]
    fake = FakeInstagram([first, second])
    progress: list[int] = []
    report = shop.ugc.collect(tagged=True, since="2025-11-20", client=make_client(fake),
                              progress=lambda n, s: progress.append(n))
    assert sorted(shortcodes(shop)) == ["DCode00001", "DCode00002", "DCode00003", "DCode00004"]
    assert report.sources[0]["stopped_by"] == "since"
    assert progress == [1, 2, 3, 4]


def test_recollecting_updates_without_duplicates_and_keeps_decisions(shop: Workspace) -> None:
    fake = FakeInstagram(pages(1))
    shop.ugc.collect(tagged=True, client=make_client(fake))
    shop.ugc.reject("U1", "foto buram")
    report = shop.ugc.collect(tagged=True, client=make_client(fake))
    assert (report.added, report.updated) == (0, 12)
    assert shop.ugc.get("U1").rejected == "foto buram"


def test_without_a_handle_tagged_collection_says_what_to_set(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "t", brand="Toko", sector="umum")
    from contentkit.errors import InputError

    with pytest.raises(InputError, match=r"\[handles\] instagram"):
        ws.ugc.collect(tagged=True, client=make_client(FakeInstagram(pages(1))))
