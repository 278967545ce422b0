"""`contentkit ugc` end to end through the CLI: thin commands, one-line errors, JSON listings."""

from __future__ import annotations

import json
from typing import Any
from pathlib import Path

import pendulum
import pytest
import requests
from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.cli.ugc import ugc
from contentkit.config import Handles
from contentkit.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures" / "ugc"




@pytest.fixture
def shop(tmp_path: Path) -> Path:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="dapurbusari"))
    toml = ws.root / "contentkit.toml"
    toml.write_text(toml.read_text().replace('terms_url = ""', 'terms_url = "https://dapurbusari.id/syarat"'))
    return ws.root


def run(shop: Path, *args: str) -> object:
    result = CliRunner().invoke(cli, ["ugc", *args, "-w", str(shop)], catch_exceptions=False)
    return result


def later(days: int) -> str:
    return pendulum.now("Asia/Jakarta").add(days=days).format("YYYY-MM-DD") + " 19:00"


def test_import_list_request_grant_repost_revoke(shop: Path) -> None:
    r = run(shop, "import", str(FIXTURES))
    assert r.exit_code == 0, r.output
    assert "added 4, updated 0, skipped 2" in r.output
    r = run(shop, "list", "--json")
    rows = json.loads(r.output)
    assert [row["state"] for row in rows] == ["none"] * 4
    u1 = next(row["id"] for row in rows if row["owner"] == "rina.makan")

    r = run(shop, "request", u1, "--via", "comment", "--lang", "id")
    assert r.exit_code == 0 and "#YaDapurBuSari" in r.output and "https://dapurbusari.id/syarat" in r.output

    r = run(shop, "repost", u1, "--at", later(3), "--channel", "instagram")
    assert r.exit_code == 1 and r.output.startswith("Error: ") and r.output.count("\n") == 1
    assert "has not answered" in r.output

    r = run(shop, "grant", u1, "--evidence", "balas DM: boleh kak", "--scope", "instagram,facebook")
    assert r.exit_code == 0 and "granted for Instagram dan Facebook" in r.output
    r = run(shop, "list", "--state", "granted")
    assert u1 in r.output and "@rina.makan" in r.output and r.output.count("\n") == 2

    r = run(shop, "repost", u1, "--at", later(3), "--channel", "instagram")
    assert r.exit_code == 0 and "📸 @rina.makan" in r.output

    r = run(shop, "revoke", u1, "--reason", "minta dihapus")
    assert r.exit_code == 0 and "skipped P1" in r.output
    r = run(shop, "history", u1, "--json")
    assert [e["kind"] for e in json.loads(r.output)] == ["requested", "granted", "revoked"]
    r = run(shop, "show", u1)
    assert "consent: revoked" in r.output and "skipped" in r.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "U99"], "no customer post with ID 'U99'"),
        (["grant", "U1", "--evidence", "ya", "--until", "2020-01-01"], "in the past"),
        (["grant", "U1", "--evidence", "ya", "--scope", "myspace"], "unknown channel"),
        (["import", "nowhere.json"], "no such file"),
        (["add", "https://example.com/x", "--user", "a"], "cannot tell which platform"),
        (["repost", "U1", "--at", "besok", "--channel", "instagram"], "invalid time"),
        (["collect", "--login", "nobody_here_xyz"], "no instaloader session"),
    ],
)
def test_bad_input_is_one_line_and_nonzero(shop: Path, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    run(shop, "add", "https://www.tiktok.com/@budi/video/1", "--user", "budi")
    result = run(shop, *args)
    assert result.exit_code != 0
    assert message in result.output and result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_bad_file_in_folder_is_reported_as_a_warning(shop: Path, tmp_path: Path) -> None:
    folder = tmp_path / "dl"
    folder.mkdir()
    (folder / "a.json").write_bytes((FIXTURES / "post_image.json").read_bytes())
    (folder / "b.json").write_text("{broken")
    r = CliRunner().invoke(cli, ["ugc", "import", str(folder), "-w", str(shop)])
    assert r.exit_code == 0 and "added 1, updated 0, skipped 1" in r.output
    assert "b.json: not valid JSON" in r.output


def test_add_and_decline_and_reject(shop: Path) -> None:
    r = run(shop, "add", "https://www.tiktok.com/@budi/video/1", "--user", "@budi", "--caption", "enak")
    assert r.exit_code == 0 and r.output.startswith("U1  tiktok  @budi")
    assert run(shop, "decline", "U1", "--reason", "tidak").exit_code == 0
    assert run(shop, "reject", "U1", "--reason", "buram").exit_code == 0
    rows = json.loads(run(shop, "list", "--json", "--source", "manual").output)
    assert rows[0]["state"] == "declined" and rows[0]["rejected"] == "buram"


def test_every_ugc_command_has_help_with_an_example() -> None:
    for name, command in ugc.commands.items():
        assert command.help and "Example:" in command.help, name
        result = CliRunner().invoke(cli, ["ugc", name, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output


def test_top_level_help_lists_ugc() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0 and "ugc" in result.output


def test_collect_shows_progress_and_a_summary(shop: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contentkit.ugc.instagram import InstagramClient
    from ugc_helpers import FakeInstagram, make_client, pages

    fake = FakeInstagram(pages(2))
    fake.fail_at["c1"] = __import__("instaloader").TooManyRequestsException("429 Too Many Requests")
    monkeypatch.setattr(InstagramClient, "open", classmethod(lambda cls, login=None, session_file=None: make_client(fake)))
    r = CliRunner().invoke(cli, ["ugc", "collect", "--tagged", "--login", "dapurbusari", "-w", str(shop)])
    assert r.exit_code == 1
    assert "Error: Instagram is rate limiting this account; wait (an hour is safe) and run again: it will resume" in r.output
    assert "(12 posts collected so far are saved)" in r.output
    r = CliRunner().invoke(cli, ["ugc", "collect", "--tagged", "--login", "dapurbusari", "-w", str(shop)])
    assert r.exit_code == 0, r.output
    assert "tagged:dapurbusari: 13 posts (resumed)" in r.output and "added 12, updated 1" in r.output


def test_own_content_is_self_granted_and_reposts_without_a_request(shop: Path) -> None:
    r = run(shop, "add", "https://www.instagram.com/p/DShop0001/", "--user", "dapurbusari", "--own", "--caption", "Rendang baru")
    assert r.exit_code == 0 and r.output.startswith("U1  instagram  @dapurbusari") and "own content" in r.output
    rows = json.loads(run(shop, "list", "--json").output)
    assert [(row["id"], row["state"], row["is_own"]) for row in rows] == [("U1", "self_granted", True)]
    r = run(shop, "list", "--state", "self_granted")
    assert "U1" in r.output and "self_granted" in r.output and "own" in r.output
    assert "consent: self_granted" in run(shop, "show", "U1").output

    r = run(shop, "repost", "U1", "--at", later(2), "--channel", "tiktok")
    assert r.exit_code == 0, r.output
    assert run(shop, "history", "U1", "--json").output.strip() == "[]"  # no request, no grant: nothing in the ledger
    assert json.loads(run(shop, "show", "U1", "--json").output)[0]["posts"][0]["channel"] == "tiktok"
    caption = next(p for p in Workspace.open(shop).posts() if p.ugc_id == "U1").caption
    assert "terima kasih" not in caption.lower() and "makasih" not in caption.lower()  # no thanking itself

    r = run(shop, "add", "https://www.instagram.com/p/DShop0001/", "--user", "dapurbusari")  # re-adding keeps the mark
    assert json.loads(run(shop, "list", "--json").output)[0]["state"] == "self_granted"
    r = run(shop, "revoke", "U1", "--reason", "foto lama, jangan dipakai")
    assert r.exit_code == 0 and "skipped P1" in r.output
    assert "consent: revoked" in run(shop, "show", "U1").output


def test_a_customer_item_added_by_hand_still_needs_a_grant(shop: Path) -> None:
    r = run(shop, "add", "https://www.instagram.com/p/DCust0001/", "--user", "rina.makan")
    assert r.exit_code == 0 and "own content" not in r.output
    assert json.loads(run(shop, "list", "--json").output)[0]["state"] == "none"
    r = run(shop, "repost", "U1", "--at", later(2), "--channel", "instagram")
    assert r.exit_code == 1 and r.output.startswith("Error: ") and r.output.count("\n") == 1
    assert "U1 has no consent from @rina.makan; ask with `contentkit ugc request U1`" in r.output
    assert "consent: self_granted" not in run(shop, "show", "U1").output
    assert json.loads(run(shop, "show", "U1", "--json").output)[0]["posts"] == []


class _Comments:
    """An InstagramClient stand-in that answers every post with the same comments."""

    def __init__(self, comments: list[Any]) -> None:
        self.list = comments

    def comments(self, shortcode: str) -> list[Any]:
        return self.list


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Boleh kak #yadapurbusari 😊", True),
        ("#YADAPURBUSARI!", True),
        ("#YaDapurBuSariTidak", False),  # another tag that starts with the consent tag
        ("#YaDapurBuSari_no", False),
        ("bukan#YaDapurBuSari", False),  # not a tag: glued to a word
    ],
)
def test_check_counts_the_owners_consent_tag_only_as_a_whole_tag(
    shop: Path, monkeypatch: pytest.MonkeyPatch, text: str, counts: bool
) -> None:
    from contentkit.ugc.instagram import Comment, InstagramClient

    run(shop, "add", "https://www.instagram.com/p/DAbcImg01x/", "--user", "rina.makan")
    assert run(shop, "request", "U1", "--via", "comment").exit_code == 0
    reply = Comment(owner="rina.makan", text=text, at=pendulum.now("UTC").add(minutes=1), id="9")
    monkeypatch.setattr(InstagramClient, "open", classmethod(lambda cls, login=None, session_file=None: _Comments([reply])))
    r = run(shop, "check", "--login", "dapurbusari")
    assert r.exit_code == 0, r.output
    assert (("1 new grant\n" if counts else "0 new grants") in r.output)
    state = json.loads(run(shop, "list", "--json").output)[0]["state"]
    assert state == ("granted" if counts else "requested")


def test_a_whatsapp_testimonial_without_a_link_added_twice_is_one_item(shop: Path) -> None:
    # Each CLI run is a new process: the item's key must not depend on Python's per-process string hash.
    import os
    import subprocess
    import sys

    args = ["ugc", "add", "", "--platform", "whatsapp", "--user", "bu.rina", "--caption", "Kuenya enak kak", "-w", str(shop)]
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", "from contentkit.cli.main import cli; cli()", *args],
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("U1  whatsapp  @bu.rina")
    assert len(json.loads(run(shop, "list", "--json").output)) == 1


@pytest.mark.parametrize("command", [["grant", "U1", "--evidence", "boleh", "--scope", " , "], ["request", "U1", "--channels", ","]])
def test_a_channel_list_naming_no_channel_is_refused_not_read_as_every_channel(shop: Path, command: list[str]) -> None:
    run(shop, "add", "https://www.instagram.com/p/DAbcImg01x/", "--user", "rina.makan")
    r = run(shop, *command)
    assert r.exit_code == 1 and r.output.startswith("Error: ") and r.output.count("\n") == 1
    assert "names no channel" in r.output
    assert json.loads(run(shop, "history", "U1", "--json").output) == []


@pytest.mark.parametrize("evidence", ["~/nowhere/bukti-dm.png", "screenshot_wa.JPG", "folder.png"])
def test_evidence_naming_a_missing_screenshot_is_refused_not_kept_as_text(shop: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch, evidence: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.png").mkdir()
    run(shop, "add", "https://www.instagram.com/p/DAbcImg01x/", "--user", "rina.makan")
    r = run(shop, "grant", "U1", "--evidence", evidence)
    assert r.exit_code == 1 and r.output.startswith("Error: ") and r.output.count("\n") == 1
    assert "no such file" in r.output or "not a file" in r.output
    assert json.loads(run(shop, "history", "U1", "--json").output) == []
    # words and links stay text evidence
    assert run(shop, "grant", "U1", "--evidence", "https://www.instagram.com/p/DAbcImg01x/c/1790.png").exit_code == 0
    assert run(shop, "grant", "U1", "--evidence", "boleh.kak").exit_code == 0


@pytest.mark.parametrize("user", ["../x", "a/b", "a\\b", "..", "x" * 300])
def test_add_refuses_a_username_that_is_a_path_and_names_the_user_option(shop: Path, user: str) -> None:
    r = run(shop, "add", "https://www.tiktok.com/@rina/video/7412", "--user", user)
    assert r.exit_code == 1 and r.output.startswith("Error: --user: ") and r.output.count("\n") == 1
    assert json.loads(run(shop, "list", "--json").output) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [("username", "../../etc"), ("username", "a/b"), ("username", "a\x00b"), ("username", "x" * 300),
     ("shortcode", "../x"), ("shortcode", "A\x00B"), ("shortcode", "Y" * 300)],
)
def test_saved_posts_with_hostile_names_are_refused(shop: Path, tmp_path: Path, field: str, value: str) -> None:
    data = json.loads((FIXTURES / "post_image.json").read_text())
    if field == "username":
        data["node"]["owner"]["username"] = value
    else:
        data["node"]["shortcode"] = value
    folder = tmp_path / "dl"
    folder.mkdir()
    (folder / "hostile.json").write_text(json.dumps(data))
    (folder / "good.json").write_bytes((FIXTURES / "post_video.json").read_bytes())
    r = run(shop, "import", str(folder / "hostile.json"))
    assert r.exit_code == 1 and r.output.startswith("Error: ") and r.output.count("\n") == 1
    r = run(shop, "import", str(folder))
    assert r.exit_code == 0 and "added 1, updated 0, skipped 1" in r.output
    rows = json.loads(run(shop, "list", "--json").output)
    assert [row["owner"] for row in rows] == ["ibu.dewi"]


def _no_sessions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import instaloader.instaloader as il_module

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setattr(il_module, "get_legacy_session_filename", lambda user: str(tmp_path / "none" / user))


@pytest.mark.parametrize("command", [["collect"], ["collect", "--hashtag", "rendang"], ["check"]])
def test_instagram_commands_without_a_session_say_how_to_make_one(shop: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    _no_sessions(monkeypatch, tmp_path)
    run(shop, "add", "https://www.instagram.com/p/DAbcImg01x/", "--user", "rina.makan")
    run(shop, "request", "U1")
    r = run(shop, *command)
    assert r.exit_code == 1 and r.output.count("\n") == 1, r.output
    assert r.output.startswith("Error: ") and "`instaloader -l dapurbusari`" in r.output and "--login dapurbusari" in r.output


def test_collect_uses_the_shops_own_session_when_there_is_one(shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import instaloader

    from contentkit.ugc.instagram import InstagramClient
    from ugc_helpers import FakeInstagram, make_client, pages

    _no_sessions(monkeypatch, tmp_path)
    maker = instaloader.Instaloader(sleep=False, quiet=True)
    maker.load_session("dapurbusari", {"sessionid": "abc", "csrftoken": "tok", "ds_user_id": "1"})
    maker.save_session_to_file()  # where `instaloader -l dapurbusari` puts it
    used: list[str | None] = []

    def fake_open(cls: type, login: str | None = None, session_file: str | None = None) -> InstagramClient:
        used.append(login)
        return make_client(FakeInstagram(pages(1)))

    monkeypatch.setattr(InstagramClient, "open", classmethod(fake_open))
    r = run(shop, "collect", "--tagged")
    assert r.exit_code == 0, r.output
    assert used == ["dapurbusari"] and "added 12" in r.output


def _granted_download(shop: Path) -> None:
    assert run(shop, "import", str(FIXTURES / "post_sidecar.json.xz")).exit_code == 0
    assert run(shop, "grant", "U1", "--evidence", "boleh kak").exit_code == 0


def _nothing_left_in(media: Path) -> None:
    assert not (media / "ugc").exists() or not any((media / "ugc").rglob("*")), sorted((media / "ugc").rglob("*"))


def test_download_without_a_connection_is_one_line_and_leaves_nothing(shop: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _granted_download(shop)

    def offline(*args: object, **kwargs: object) -> None:
        raise requests.exceptions.ConnectionError("Max retries exceeded: NameResolutionError")

    monkeypatch.setattr(requests.Session, "request", offline)
    r = run(shop, "download", "U1")
    assert r.exit_code == 1 and r.output.count("\n") == 1, r.output
    assert r.output.startswith("Error: cannot reach Instagram; check the internet connection and run again")
    assert "resume" not in r.output  # nothing resumes a download
    _nothing_left_in(shop / "media")


def test_a_download_cut_off_midway_is_one_line_and_leaves_no_partial_file(shop: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import urllib3
    from instaloader.instaloadercontext import InstaloaderContext

    _granted_download(shop)

    class Broken:
        def __init__(self) -> None:
            self.sent = False

        def read(self, size: int = -1) -> bytes:
            if not self.sent:
                self.sent = True
                return b"\xff\xd8 half a photo"
            raise urllib3.exceptions.ProtocolError("Connection broken: IncompleteRead(10 bytes read)")

    def get_raw(self: object, url: str) -> requests.Response:
        response = requests.Response()
        response.raw = Broken()
        return response

    def offline(*args: object, **kwargs: object) -> None:  # refreshing the link fails too
        raise requests.exceptions.ConnectionError("Max retries exceeded: NameResolutionError")

    monkeypatch.setattr(InstaloaderContext, "get_raw", get_raw)
    monkeypatch.setattr(requests.Session, "request", offline)
    r = run(shop, "download", "U1")
    assert r.exit_code == 1 and r.output.count("\n") == 1, r.output
    assert r.output.startswith("Error: ") and "run again" in r.output
    _nothing_left_in(shop / "media")


def test_a_new_narrower_grant_says_which_scheduled_reposts_it_cancels(shop: Path) -> None:
    run(shop, "add", "https://www.instagram.com/p/DAbcImg01x/", "--user", "rina.makan")
    assert run(shop, "grant", "U1", "--evidence", "boleh di IG", "--scope", "instagram").exit_code == 0
    at = pendulum.now("Asia/Jakarta").add(days=3).format("YYYY-MM-DD") + " 19:00"
    assert run(shop, "repost", "U1", "--at", at, "--channel", "instagram").exit_code == 0
    refused = run(shop, "repost", "U1", "--at", at, "--channel", "tiktok")
    # the hint asks for both channels, so that the next grant does not drop Instagram
    assert "--channels instagram,tiktok" in refused.output and "--scope instagram,tiktok" in refused.output
    r = run(shop, "grant", "U1", "--evidence", "boleh di TikTok", "--scope", "tiktok")
    assert r.exit_code == 0
    assert "skipped P1" in r.output and "instagram" in r.output and "--scope instagram,tiktok" in r.output
