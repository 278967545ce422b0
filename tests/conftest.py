"""Shared fixtures: temporary workspaces, a CLI runner, and no network anywhere."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from contentkit.workspace import Workspace

# CI runs the property tests on a fixed sequence of examples, so a submission's result does not
# depend on the draw; on a developer's machine they explore anew each run (and keep what failed).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test loudly."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    # One level up too: instaloader's silent fallbacks go through requests, which fail here loudly.
    import requests

    monkeypatch.setattr(requests.Session, "request", refuse)
    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", refuse)
    monkeypatch.delenv("CONTENTKIT_WORKSPACE", raising=False)
    # Messages in English unless a test asks for another language (tests of Indonesian output unset it).
    monkeypatch.setenv("CONTENTKIT_LANG", "en")


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", timezone="Asia/Jakarta")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def fesyen(tmp_path: Path) -> Workspace:
    """A hijab shop: the fashion sector's strategy, campaigns and copy."""
    return Workspace.init(tmp_path / "nara", brand="Hijab Nara", sector="fesyen")
