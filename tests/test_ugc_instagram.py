"""The instaloader adapter on instaloader's real classes, built from saved JSON, with the network blocked."""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import instaloader
import pytest
import requests

from contentkit.errors import InputError, NetworkError
from contentkit.ugc import instagram

FIXTURES = Path(__file__).parent / "fixtures" / "ugc"




def load(name: str):
    ctx = instagram.loader_context_offline()
    return instagram.parse_saved(ctx, instagram.read_saved(FIXTURES / name), name, brand_handle="dapurbusari")


def test_post_with_caption_and_tagged_users_reads_only_the_saved_node() -> None:
    item = load("post_image.json")
    assert (item.platform, item.shortcode, item.owner, item.owner_id) == ("instagram", "DAbcImg01x", "rina.makan", "1234567")
    assert item.url == "https://www.instagram.com/p/DAbcImg01x/"
    assert item.tagged_users == ["dapurbusari", "sari.ayu"]
    assert item.hashtags == ["dapurbusari", "rendang", "kulinerjakarta"]
    assert item.is_mention and item.mentions == ["dapurbusari"]
    assert item.media_type == "image" and item.media_urls[0].endswith("oe=6760AB12")
    assert item.taken_at is not None and item.taken_at.utcoffset() is not None
    assert item.taken_at.isoformat() == "2025-12-05T04:00:00+00:00"


def test_sidecar_from_xz_lists_every_child_video_first_class() -> None:
    item = load("post_sidecar.json.xz")
    assert item.media_type == "sidecar"
    assert len(item.media_urls) == 3 and item.media_urls[1].endswith(".mp4?oe=6760AB12")
    assert item.owner == "budi_hampers"  # lower-cased like instaloader's owner_username
    assert not item.is_mention  # tagged, but the caption does not mention the handle


def test_video_post_uses_the_video_url() -> None:
    item = load("post_video.json")
    assert item.media_type == "video"
    assert item.media_urls == ["https://scontent.cdninstagram.com/o1/v/vid.mp4?oe=6760AB12"]
    assert item.is_mention  # "@DapurBuSari" in any case


def test_story_item_with_mention_sticker_needs_no_profile_lookup() -> None:
    item = load("story_mention.json")
    assert item.media_type == "story_image"
    assert item.owner == "mama.kue" and item.owner_id == "1357911"
    assert item.mentions == ["dapurbusari"] and item.is_mention
    assert item.shortcode == instaloader.Post.mediaid_to_shortcode(3512345600000000001)
    assert item.media_urls == ["https://scontent.cdninstagram.com/v/story-1080.jpg?oe=6760AB12"]


def test_post_without_owner_username_is_refused_not_fetched() -> None:
    with pytest.raises(InputError, match="does not name its owner"):
        load("post_no_owner.json")


def test_other_structures_are_refused_by_type() -> None:
    with pytest.raises(InputError, match="a Profile structure, not a Post or StoryItem"):
        load("profile.json")


def test_instaloader_v3_json_would_fetch_so_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"shortcode": "DAbcImg01x"}))
    with pytest.raises(InputError, match="not an instaloader post or story"):
        instagram.parse_saved(instagram.loader_context_offline(), instagram.read_saved(path), str(path))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cut.json", b'{"node": {"shortcode": "x", ', "not valid JSON"),
        ("fake.json.xz", b'{"node": {}}', "not a valid .xz file"),
        ("list.json", b"[1, 2]", "expected a JSON object"),
        ("latin.json", b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_broken_files_give_one_line(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        instagram.read_saved(path)
    assert "\n" not in str(info.value)


def test_truncated_xz_is_refused(tmp_path: Path) -> None:
    good = (FIXTURES / "post_sidecar.json.xz").read_bytes()
    path = tmp_path / "cut.json.xz"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(InputError, match="not a valid .xz file"):
        instagram.read_saved(path)


def test_missing_time_or_shortcode_is_refused(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "post_image.json").read_text())
    del data["node"]["taken_at_timestamp"]
    with pytest.raises(InputError, match="no time"):
        instagram.parse_saved(instagram.loader_context_offline(), data, "x.json")
    data = json.loads((FIXTURES / "post_image.json").read_text())
    del data["node"]["shortcode"]
    with pytest.raises(InputError, match="no shortcode"):
        instagram.parse_saved(instagram.loader_context_offline(), data, "x.json")


def test_missing_typename_and_tagged_users_are_inferred_offline() -> None:
    data = json.loads((FIXTURES / "post_video.json").read_text())
    del data["node"]["__typename"]
    del data["node"]["edge_media_to_tagged_user"]
    item = instagram.parse_saved(instagram.loader_context_offline(), data, "x.json")
    assert item.media_type == "video" and item.tagged_users == []


def test_fixtures_are_reproducible_with_the_committed_script(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    make_fixtures = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_fixtures)
    written = make_fixtures.write_all(tmp_path)
    for path in written:
        if path.name.endswith(".xz"):
            assert json.loads(lzma.decompress(path.read_bytes())) == json.loads(lzma.decompress((FIXTURES / path.name).read_bytes()))
        else:
            assert json.loads(path.read_text())["node"] == json.loads((FIXTURES / path.name).read_text())["node"]


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (instaloader.TooManyRequestsException("429 Too Many Requests"), "rate limiting"),
        (instaloader.ConnectionException("JSON Query to graphql/query: 401 Unauthorized - \"fail\" status, message \"Please wait a few minutes before you try again.\""), "rate limiting"),
        (instaloader.LoginRequiredException("Redirected to login page. Use --login or --load-cookies."), "instaloader -l"),
        (instaloader.ProfileNotExistsException("Profile x does not exist."), "not found"),
        (instaloader.QueryReturnedNotFoundException("404 Not Found"), "not found"),
        (instaloader.AbortDownloadException("400 Bad Request - \"fail\" status, message \"feedback_required\""), "confirm it is you"),
        (instaloader.AbortDownloadException("Redirected to login page. You've been logged out"), "logged this session out"),
        (instaloader.PrivateProfileNotFollowedException("private"), "private"),
    ],
)
def test_instagram_refusals_become_one_line(exc: BaseException, expected: str) -> None:
    err = instagram.network_error(exc, login="dapurbusari")
    assert isinstance(err, NetworkError)
    assert expected in str(err) and "\n" not in str(err)


def test_no_connection_is_named_as_such() -> None:
    try:
        try:
            raise requests.exceptions.ConnectionError("Max retries exceeded: NameResolutionError")
        except requests.exceptions.ConnectionError as inner:
            raise instaloader.ConnectionException("JSON Query to graphql/query: connection failed") from inner
    except instaloader.ConnectionException as exc:
        assert "cannot reach Instagram" in str(instagram.network_error(exc))


def test_missing_session_file_says_how_to_make_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(instaloader.instaloader, "get_legacy_session_filename", lambda u: str(tmp_path / "none"))
    with pytest.raises(InputError, match=r"instaloader -l dapurbusari"):
        instagram.InstagramClient.open(login="dapurbusari")


def test_session_is_loaded_from_instaloaders_own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    maker = instaloader.Instaloader(sleep=False, quiet=True)
    maker.load_session("dapurbusari", {"sessionid": "abc", "csrftoken": "tok", "ds_user_id": "1"})
    maker.save_session_to_file()  # ~/.config/instaloader/session-dapurbusari, as `instaloader -l` writes it
    # The cheap check right after loading (instaloader's test_login) answers with the account: still good.
    monkeypatch.setattr(instaloader.InstaloaderContext, "graphql_query",
                        lambda self, qh, variables, *a, **k: {"data": {"user": {"username": "dapurbusari"}}})
    client = instagram.InstagramClient.open(login="@dapurbusari")
    assert client.context.is_logged_in and client.context.username == "dapurbusari"


def test_comments_and_replies_are_read_from_a_real_post() -> None:
    loader = instaloader.Instaloader(sleep=False, quiet=True)
    loader.context.username = "dapurbusari"  # get_comments wants a logged-in context; all comments are in the node
    node = json.loads((FIXTURES / "post_image.json").read_text())["node"]
    node["edge_media_to_comment"] = {"count": 3}  # total with replies: equal to what the node holds, so no query
    node["edge_media_to_parent_comment"] = {"count": 2, "edges": [  # the key get_comments reads first
        {"node": {"id": "11", "created_at": 1764910800, "text": "Halo @rina.makan, boleh repost? Balas #YaDapurBuSari",
                  "owner": {"id": "1", "username": "dapurbusari"},
                  "edge_threaded_comments": {"count": 1, "edges": [
                      {"node": {"id": "12", "created_at": 1764914400, "text": "#YaDapurBuSari boleh kak!",
                                "owner": {"id": "1234567", "username": "Rina.Makan"}}}]}}},
        {"node": {"id": "13", "created_at": 1764918000, "text": "#yadapurbusari", "owner": {"id": "9", "username": "orang_lain"}}},
    ]}
    comments = instagram.comments_of(instaloader.Post(loader.context, node))
    assert [(c.id, c.owner) for c in comments] == [("11", "dapurbusari"), ("12", "rina.makan"), ("13", "orang_lain")]
    assert comments[1].at.isoformat() == "2025-12-05T06:00:00+00:00"
