"""The whole CLI speaks the workspace's language: a story of every command, in Indonesian and in a
pseudo-locale that marks each translated text, so a string that escaped translation shows."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentkit import i18n

from cli_story import english_left, run_all

class Pseudo(gettext.NullTranslations):
    """Every message the catalog knows comes back as ⟦message⟧; anything else unchanged."""

    def __init__(self, msgids: set[object]) -> None:
        super().__init__()
        self.msgids = msgids

    def gettext(self, message: str) -> str:
        return f"⟦{message}⟧" if message in self.msgids else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        chosen = singular if n == 1 else plural
        return f"⟦{chosen}⟧" if singular in self.msgids else chosen


@pytest.fixture
def speaks_workspace_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV_VAR)


def test_an_indonesian_workspace_prints_no_english(speaks_workspace_language: None, tmp_path: Path) -> None:
    results = run_all(CliRunner(), tmp_path)
    assert len(results) > 60
    leaks = {" ".join(args[:3]): bad for args, out in results if (bad := english_left(out))}
    assert not leaks, leaks
    outputs = dict((" ".join(a), o) for a, o in results)
    plan = next(o for a, o in outputs.items() if a.startswith("plan --week 2026-W50 -w"))
    assert re.search(r"^Ditambahkan \d+ posting\.$", plan, re.M) and "Campuran pilar (1 minggu): posting / target" in plan
    assert "HARI" in plan and "Sen 7 Des" in plan
    errors = [o for a, o in outputs.items() if a.startswith(("post show P99", "post list --bogus"))]
    assert all("Kesalahan: " in o and "Error" not in o for o in errors), errors


def test_the_checker_finds_english(speaks_workspace_language: None) -> None:
    assert english_left("Added 11 posts.\nDitambahkan 11 posting.") == ["Added 11 posts."]
    assert english_left("Kesalahan: no post with ID 'P9'") == ["Kesalahan: no post with ID 'P9'"]
    assert english_left("  --week TEXT  Minggu ISO, mis. 2026-W49.\n    contentkit post list --from 2026-12-07") == []


def test_no_text_escapes_translation_in_a_pseudo_locale(
    speaks_workspace_language: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from babel.messages.pofile import read_po

    with open(Path(i18n.LOCALE_DIR) / "id" / "LC_MESSAGES" / "contentkit.po", "rb") as f:
        msgids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in read_po(f) if m.id}
    i18n.use_translations("id", Pseudo(msgids))
    try:
        results = run_all(CliRunner(), tmp_path)
    finally:
        i18n.use_translations("id", None)
    leaks = {" ".join(args[:3]): bad for args, out in results if (bad := english_left(out, pseudo=True))}
    assert not leaks, leaks
    # every command says at least one thing through the catalog (table headers, messages, help)
    silent = [" ".join(args[:3]) for args, out in results if "⟦" not in out and args[:2] not in _DATA_ONLY]
    assert not silent, silent
    help_page = next(out for args, out in results if args == ["plan", "--help"])
    assert "⟦Usage:⟧" in help_page and "⟦Show this message and exit.⟧" in help_page and "⟦Example:⟧" in help_page


# commands whose whole output is the user's data or template copy (a URL line, a caption; the report's
# labels come from templates/views/labels.toml, which the Indonesian-workspace test checks)
_DATA_ONLY = [["ugc", "add"], ["ugc", "repost"], ["report", "--end"]]
