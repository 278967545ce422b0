"""Instagram sessions checked right after loading, instaloader's pace waits said out loud, and the
collect progress as a count: on instaloader's real classes with the network blocked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import instaloader
import pytest
from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.config import Handles
from contentkit.errors import InputError, NetworkError
from contentkit.ugc import instagram
from contentkit.ugc.instagram import session
from contentkit.workspace import Workspace




@pytest.fixture
def saved_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    maker = instaloader.Instaloader(sleep=False, quiet=True)
    maker.load_session("dapurbusari", {"sessionid": "old", "csrftoken": "tok", "ds_user_id": "1"})
    maker.save_session_to_file()


def answer(monkeypatch: pytest.MonkeyPatch, reply: Any) -> None:
    """What Instagram answers to test_login's query (a dict, or an exception to raise)."""

    def graphql_query(self: Any, query_hash: str, variables: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(reply, BaseException):
            raise reply
        return reply

    monkeypatch.setattr(instaloader.InstaloaderContext, "graphql_query", graphql_query)


def test_an_expired_session_is_named_in_one_line(saved_session: None, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    answer(monkeypatch, {"data": {"user": None}})  # Instagram's answer to a logged-out session
    with pytest.raises(InputError) as info:
        instagram.InstagramClient.open(login="dapurbusari")
    assert "session for 'dapurbusari' has expired" in str(info.value)
    assert "instaloader -l dapurbusari" in str(info.value)


def test_a_failed_check_is_a_network_error_not_an_expired_session(
    saved_session: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answer(monkeypatch, instaloader.ConnectionException("HTTPSConnectionPool: Max retries exceeded"))
    with pytest.raises(NetworkError, match="could not check the Instagram session") as info:
        instagram.InstagramClient.open(login="dapurbusari")
    assert "expired" not in str(info.value)
    assert capsys.readouterr().err == ""  # instaloader's own "Error when checking if logged in" stays off screen


def test_collect_with_an_expired_session_stops_before_collecting(
    saved_session: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="dapurbusari"))
    answer(monkeypatch, {"data": {"user": None}})
    result = CliRunner().invoke(cli, ["ugc", "collect", "--tagged", "--login", "dapurbusari", "-w", str(ws.root)])
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output
    assert result.output.startswith("Error: ") and "has expired" in result.output


def test_instaloaders_pace_wait_is_told_as_a_contentkit_line(monkeypatch: pytest.MonkeyPatch) -> None:
    loader = session.new_loader()
    controller = loader.context._rate_controller
    monkeypatch.setattr(controller, "query_waittime", lambda *a, **k: 720.0)
    slept: list[float] = []
    monkeypatch.setattr(session.time, "sleep", slept.append)
    heard: list[str] = []
    with session.wait_notices(heard.append):
        controller.wait_before_query("iphone")
    assert slept == [720.0]
    assert len(heard) == 1 and "waiting 12 minutes (until " in heard[0] and "Ctrl+C stops safely" in heard[0]
    controller.wait_before_query("iphone")  # outside: no one to tell, it still waits
    assert slept == [720.0, 720.0] and len(heard) == 1


def test_short_pauses_are_not_announced(monkeypatch: pytest.MonkeyPatch) -> None:
    loader = session.new_loader()
    controller = loader.context._rate_controller
    monkeypatch.setattr(controller, "query_waittime", lambda *a, **k: 3.0)
    monkeypatch.setattr(session.time, "sleep", lambda s: None)
    heard: list[str] = []
    with session.wait_notices(heard.append):
        controller.wait_before_query("other")
    assert heard == []


def test_collect_without_a_limit_shows_a_count_and_the_wait_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ugc_helpers import FakeInstagram, make_client, pages

    from contentkit.ugc.instagram import InstagramClient

    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="dapurbusari"))
    fake = FakeInstagram(pages(2))
    client = make_client(fake)
    serve = fake.graphql_query

    def slow_second_page(query_hash: str, variables: dict[str, Any], referer: str | None = None) -> dict[str, Any]:
        with_notices = session._ON_WAIT.get()
        if with_notices is not None:  # what the rate controller does before a query it must hold back
            with_notices(session.wait_message(900))
        return serve(query_hash, variables, referer)

    client.context.graphql_query = slow_second_page  # type: ignore[method-assign]
    monkeypatch.setattr(InstagramClient, "open", classmethod(lambda cls, login=None, session_file=None: client))
    result = CliRunner().invoke(cli, ["ugc", "collect", "--tagged", "--login", "dapurbusari", "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert "collecting @dapurbusari: 24" in result.output
    assert "/0" not in result.output
    assert "waiting 15 minutes" in result.output
    assert "added 24" in result.output
