"""Importing saved posts, stories, CSV and hand-found posts: upsert, never duplicate, nothing half-written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contentkit.config import Handles
from contentkit.errors import InputError
from contentkit.records import UGCItem
from contentkit.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "ugc"




@pytest.fixture
def shop(tmp_path: Path) -> Workspace:
    return Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="@dapurbusari"))


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "dl" / "nested"
    folder.mkdir(parents=True)
    for name in ("post_image.json", "post_sidecar.json.xz", "post_video.json", "story_mention.json"):
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "post_image.jpg").write_bytes(b"\xff\xd8")  # instaloader's media next to the metadata: ignored
    return folder.parent


def count(ws: Workspace) -> int:
    return len(ws.store.read().rows(UGCItem))


def test_folder_import_reads_posts_and_stories(shop: Workspace, downloads: Path) -> None:
    report = shop.ugc.import_paths([downloads])
    assert (report.added, report.updated, report.skipped) == (4, 0, [])
    types = sorted(i.media_type for i in shop.ugc.list())
    assert types == ["image", "sidecar", "story_image", "video"]


def test_reimport_updates_and_never_duplicates(shop: Workspace, downloads: Path) -> None:
    shop.ugc.import_paths([downloads])
    shop.ugc.reject("U1", "bukan produk kami")
    report = shop.ugc.import_paths([downloads, downloads / "nested" / "post_image.json"])
    assert (report.added, report.updated) == (0, 4)
    assert count(shop) == 4
    assert shop.ugc.get("U1").rejected == "bukan produk kami"


def test_bad_file_in_a_folder_is_reported_and_the_rest_imports(shop: Workspace, downloads: Path) -> None:
    (downloads / "nested" / "broken.json").write_text('{"node": {"shortcode": ')
    (downloads / "nested" / "fake.json.xz").write_text("not xz")
    shutil.copy(FIXTURES / "profile.json", downloads / "nested" / "rina.makan_1234567.json")
    report = shop.ugc.import_paths([downloads])
    assert report.added == 4
    reasons = " ".join(r for _, r in report.skipped)
    assert len(report.skipped) == 3
    assert "not valid JSON" in reasons and "not a valid .xz" in reasons and "Profile" in reasons


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"node": {"shortc', "truncated"),
        (b"hello", "not valid JSON"),
        (b'{"node": {"id": "1"}, "instaloader": {"node_type": "Hashtag"}}', "Hashtag structure"),
        (b'{"node": {"id": "1", "taken_at_timestamp": 1}, "instaloader": {"node_type": "StoryItem"}}', "owner"),
    ],
)
def test_a_bad_named_file_stops_the_import_before_writing(shop: Workspace, downloads: Path, tmp_path: Path,
                                                         content: bytes, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(InputError, match=message):
        shop.ugc.import_paths([downloads, bad])
    assert count(shop) == 0


def test_unknown_paths_and_other_files_are_refused(shop: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        shop.ugc.import_paths([tmp_path / "missing"])
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"x")
    with pytest.raises(InputError, match=r"not a .json, .json.xz or .csv"):
        shop.ugc.import_paths([photo])


def test_csv_import_for_other_platforms(shop: Workspace, tmp_path: Path) -> None:
    csv_file = tmp_path / "found.csv"
    csv_file.write_text(
        "\ufeffplatform,url,username,caption,taken_at\n"
        'tiktok,https://www.tiktok.com/@rina/video/7412,@rina,"Enak, @dapurbusari mantap",2026-11-20 19:00\n'
        "shopee,https://shopee.co.id/review/1,budi,Pengiriman cepat,2026-11-21\n"
        "whatsapp,,ibu.dewi,Kuenya enak kak,2026-11-22\n"
        "instagram,https://www.instagram.com/p/DAbcImg01x/?igsh=abc,rina.makan,,\n",
        encoding="utf-8",
    )
    report = shop.ugc.import_paths([csv_file])
    assert report.added == 4
    items = {i.platform: i for i in shop.ugc.list()}
    assert items["tiktok"].is_mention and items["tiktok"].owner == "rina" and items["tiktok"].source == "csv"
    assert items["tiktok"].taken_at.isoformat() == "2026-11-20T19:00:00+07:00"
    assert items["instagram"].shortcode == "DAbcImg01x"
    # the saved Instagram post is the same post: it updates, it does not duplicate
    shop.ugc.import_paths([FIXTURES / "post_image.json"])
    assert count(shop) == 4
    assert shop.ugc.import_paths([csv_file]).updated == 4


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("platform,link,username\n", "lacks url"),
        ("platform,url,username,caption,taken_at\nmyspace,https://x.com/1,a,,\n", "line 2: unknown platform"),
        ("platform,url,username,caption,taken_at\ntiktok,https://tiktok.com/1,,,\n", "line 2: the creator's username is empty"),
        ("platform,url,username,caption,taken_at\ntiktok,https://tiktok.com/1,a,b,12/31/2026\n", "line 2: invalid date"),
        ("platform,url,username,caption,taken_at\ntiktok,https://tiktok.com/1,a,b,2026-01-01,extra\n", "more cells than columns"),
    ],
)
def test_bad_csv_names_the_line_and_writes_nothing(shop: Workspace, tmp_path: Path, rows: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(rows)
    with pytest.raises(InputError, match=message):
        shop.ugc.import_paths([path])
    assert count(shop) == 0


def test_add_by_hand_infers_platform_and_upserts_by_url(shop: Workspace) -> None:
    item = shop.ugc.add("https://vt.tiktok.com/ZS8abc/", "@rina", caption="Mantap @dapurbusari")
    assert (item.platform, item.owner, item.is_mention, item.source) == ("tiktok", "rina", True, "manual")
    again = shop.ugc.add("https://vt.tiktok.com/ZS8abc", "rina", caption="Mantap banget")
    assert again.id == item.id and again.caption == "Mantap banget"
    assert count(shop) == 1


@pytest.mark.parametrize(
    ("url", "user", "platform", "message"),
    [
        ("https://example.com/x", "a", None, "cannot tell which platform"),
        ("ftp://tiktok.com/x", "a", "tiktok", "not a link"),
        ("https://tiktok.com/x", "a b", None, "not a username"),
        ("https://tiktok.com/x", "a\x00b", None, "not a username"),
        ("https://tiktok.com/x", "a", "friendster", "unknown platform"),
    ],
)
def test_add_refuses_bad_input(shop: Workspace, url: str, user: str, platform: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        shop.ugc.add(url, user, platform=platform)
    assert count(shop) == 0
