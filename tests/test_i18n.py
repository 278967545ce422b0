"""Translations: the catalogs are complete and compiled, the language is chosen in a known order,
and days and numbers come from one formatter."""

from __future__ import annotations

import gettext
import io
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentkit import i18n
from contentkit.cli.main import cli
from contentkit.formatting import format_day, format_number, month_abbr

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "contentkit" / "locale" / "id" / "LC_MESSAGES" / "contentkit.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)s")


def extracted() -> dict[object, str]:
    """Every msgid in the code, extracted as `pybabel extract -F babel.cfg -k _l` does: msgid -> where."""
    from babel.messages import frontend
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir

    parse = getattr(frontend, "parse_mapping_cfg", None) or frontend.parse_mapping
    with open(ROOT / "babel.cfg", encoding="utf-8") as f:
        method_map, options_map = parse(f)
    keywords = {**DEFAULT_KEYWORDS, "_l": None}
    found: dict[object, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        ROOT, method_map, options_map, keywords=keywords,
        directory_filter=lambda d: Path(d).resolve().relative_to(ROOT).parts[:1] in (("contentkit",), ("cli",)),
    ):
        found.setdefault(message, f"{filename}:{lineno}")
    return found


def catalog():  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    with open(PO, "rb") as f:
        return read_po(f)


def test_every_message_in_the_code_has_an_indonesian_translation() -> None:
    cat = catalog()
    messages = extracted()
    assert len(messages) > 400  # the extraction really ran over cli/ and contentkit/
    missing = []
    for msgid, where in messages.items():
        key = msgid[0] if isinstance(msgid, tuple) else msgid
        entry = cat.get(key)
        strings = entry.string if entry is not None else None
        if entry is None or entry.fuzzy or not strings or (isinstance(strings, tuple) and not all(strings)):
            missing.append(f"{where}: {msgid!r}")
    assert not missing, "untranslated (run pybabel extract/update, translate, compile):\n" + "\n".join(missing)


def test_translations_keep_every_placeholder() -> None:
    wrong = []
    for m in catalog():
        if not m.id:
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        wanted = set().union(*(PLACEHOLDER.findall(i) for i in ids))
        for s in strings:
            got = set(PLACEHOLDER.findall(s))
            # a plural form may leave out the count it does not show, never add or misspell one
            if not got <= wanted or (not isinstance(m.id, tuple) and got != wanted):
                wrong.append(f"{m.id!r} -> {s!r}")
    assert not wrong, "\n".join(wrong)


def test_the_committed_mo_is_compiled_from_the_po() -> None:
    from babel.messages.mofile import write_mo

    buf = io.BytesIO()
    write_mo(buf, catalog())
    fresh = gettext.GNUTranslations(io.BytesIO(buf.getvalue()))
    with open(MO, "rb") as f:
        shipped = gettext.GNUTranslations(f)
    assert shipped._catalog == fresh._catalog, "contentkit.mo is stale: run `pybabel compile -d contentkit/locale -D contentkit`"  # type: ignore[attr-defined]


def test_the_compiled_catalog_is_package_data() -> None:
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["contentkit"]
    assert any(Path("locale/id/LC_MESSAGES/contentkit.mo").match(p) for p in patterns)
    assert i18n.translator("id").gettext("Error: {message}") == "Kesalahan: {message}"


def test_plural_messages_use_the_one_indonesian_form() -> None:
    t = i18n.translator("id")
    assert t.ngettext("Added {n} post.", "Added {n} posts.", 1).format(n=1) == "Ditambahkan 1 posting."
    assert t.ngettext("Added {n} post.", "Added {n} posts.", 11).format(n=11) == "Ditambahkan 11 posting."
    en = i18n.translator("en")
    assert en.ngettext("Added {n} post.", "Added {n} posts.", 1).format(n=1) == "Added 1 post."


@pytest.fixture
def fresh_language(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    saved = dict(i18n._chosen)
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    i18n.set_language(None)
    i18n.set_language(None, source="workspace")
    yield monkeypatch
    i18n._chosen.update(saved)


def test_language_order_is_option_then_environment_then_workspace_then_english(fresh_language) -> None:  # type: ignore[no-untyped-def]
    assert i18n.get_language() == "en"
    i18n.set_language("id", source="workspace")
    assert i18n.get_language() == "id"
    fresh_language.setenv(i18n.ENV_VAR, "en")
    assert i18n.get_language() == "en"
    i18n.set_language("id")
    assert i18n.get_language() == "id"
    assert i18n._("Usage:") == "Penggunaan:"


def test_lazy_text_follows_the_language_when_shown(fresh_language) -> None:  # type: ignore[no-untyped-def]
    label = i18n._l("Example:")
    assert str(label) == "Example:"
    i18n.set_language("id")
    assert str(label) == "Contoh:" and f"{label}" == "Contoh:"


def test_a_workspace_speaks_its_language_until_told_otherwise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV_VAR)
    runner = CliRunner()
    ws = str(tmp_path / "toko")
    made = runner.invoke(cli, ["init", ws, "--brand", "Dapur Bu Sari", "--lang", "id"])
    assert made.output.startswith("Ruang kerja untuk Dapur Bu Sari dibuat di")
    assert "Kesalahan: tidak ada posting dengan ID 'P9'" in runner.invoke(cli, ["post", "show", "P9", "-w", ws]).output
    # --lang wins over the workspace, $CONTENTKIT_LANG too
    assert "Error: no post with ID 'P9'" in runner.invoke(cli, ["--lang", "en", "post", "show", "P9", "-w", ws]).output
    assert "Error: no post" in runner.invoke(cli, ["post", "show", "P9", "-w", ws], env={i18n.ENV_VAR: "en"}).output
    # the help inside a workspace folder is in its language; outside one, English
    monkeypatch.chdir(ws)
    assert "Penggunaan: contentkit plan [OPTIONS]" in runner.invoke(cli, ["plan", "--help"], prog_name="contentkit").output
    monkeypatch.chdir(tmp_path)
    assert "Usage: contentkit plan [OPTIONS]" in runner.invoke(cli, ["plan", "--help"], prog_name="contentkit").output
    # a usage error names the workspace given with -w and speaks its language
    bad = runner.invoke(cli, ["post", "list", "--bogus", "-w", ws], prog_name="contentkit")
    assert bad.exit_code == 2 and "Kesalahan: Opsi '--bogus' tidak ada." in bad.output


def test_a_run_leaves_the_language_as_it_found_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV_VAR)
    CliRunner().invoke(cli, ["--lang", "id", "init", str(tmp_path / "t"), "--brand", "A"])
    assert i18n.get_language() == "en"


@pytest.mark.parametrize(
    ("day", "lang", "weekday", "expected"),
    [
        (date(2026, 8, 3), "id", "short", "Sen 3 Agu"),  # Agustus is "Agu" in CLDR, not pendulum's "Agt"
        (date(2026, 8, 3), "en", "short", "Mon 3 Aug"),
        (date(2026, 12, 7), "id", "long", "Senin 7 Des"),
        (date(2027, 1, 1), "id", "none", "1 Jan"),
        (date(2026, 5, 17), "id", "short", "Min 17 Mei"),
    ],
)
def test_days_have_one_format_in_each_language(day: date, lang: str, weekday: str, expected: str) -> None:
    assert format_day(day, lang, weekday=weekday) == expected


def test_numbers_use_the_language_separators() -> None:
    assert format_number(1234.5, "id") == "1.234,5"
    assert format_number(1234.5, "en") == "1,234.5"
    assert [month_abbr(m, "id") for m in (5, 8, 12)] == ["Mei", "Agu", "Des"]


def test_august_reads_the_same_in_the_cli_plan_and_on_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.ENV_VAR)
    runner = CliRunner()
    ws = str(tmp_path / "toko")
    runner.invoke(cli, ["init", ws, "--brand", "Dapur Bu Sari", "--sector", "kuliner"])
    plan = runner.invoke(cli, ["plan", "--week", "2027-W32", "-w", ws]).output  # 9–15 August 2027
    page_path = tmp_path / "agustus.html"
    runner.invoke(cli, ["calendar", "--week", "2027-W32", "-o", str(page_path), "-w", ws])
    page = page_path.read_text("utf-8")
    assert "Sen 9 Agu" in plan and "Agt" not in plan
    assert "Senin 9 Agu" in page and "Agt" not in page


def test_no_translation_call_hides_inside_an_f_string() -> None:
    """pybabel cannot see `_()` inside an f-string, so such a message would never reach the catalog."""
    import ast

    hidden = []
    for path in [*ROOT.glob("cli/*.py"), *ROOT.glob("contentkit/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and (
                        (isinstance(call.func, ast.Name) and call.func.id in ("_", "N_", "ngettext"))
                        or (isinstance(call.func, ast.Attribute) and call.func.attr in ("gettext", "ngettext"))
                    ):
                        hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not hidden, hidden


def test_a_new_workspace_explains_its_settings_in_its_language(tmp_path: Path) -> None:
    runner = CliRunner()
    for lang, said in (("id", "# zona waktu IANA: Asia/Jakarta (WIB)"), ("en", "# IANA timezone: Asia/Jakarta (WIB)")):
        ws = tmp_path / lang
        assert runner.invoke(cli, ["init", str(ws), "--brand", "Toko", "--lang", lang]).exit_code == 0
        text = (ws / "contentkit.toml").read_text("utf-8")
        assert said in text
        # the file still loads as it was written: only comments change with the language
        assert runner.invoke(cli, ["post", "list", "-w", str(ws)]).exit_code == 0


def test_a_word_with_two_roles_has_two_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "photo" names a file in an error; "has a photo" is a reason a review ranks high. One msgid
    # for both made the error read "ada foto nope.jpg tidak ada".
    monkeypatch.delenv("CONTENTKIT_LANG", raising=False)
    runner = CliRunner()
    ws = tmp_path / "toko"
    assert runner.invoke(cli, ["init", str(ws), "--brand", "Toko", "--sector", "fesyen"]).exit_code == 0
    out = runner.invoke(cli, ["review", "add", "--text", "Mantap", "--name", "Rina", "--photo", "nope.jpg", "-w", str(ws)]).output
    assert "foto nope.jpg tidak ada" in out and "ada foto nope.jpg" not in out
    cat = gettext.translation("contentkit", localedir=str(Path(i18n.__file__).parent / "locale"), languages=["id"])
    assert (cat.gettext("photo"), cat.gettext("has a photo"), cat.gettext("a number"), cat.gettext("mentions a number")) == (
        "foto", "ada foto", "angka", "ada angka")


def test_a_bad_row_and_a_broken_config_are_reported_in_the_shops_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONTENTKIT_LANG", raising=False)
    runner = CliRunner()
    ws = tmp_path / "toko"
    assert runner.invoke(cli, ["init", str(ws), "--brand", "Toko", "--sector", "fesyen"]).exit_code == 0
    # A multi-line caption is reported by the line its record starts on, in Indonesian.
    csv_file = tmp_path / "ugc.csv"
    csv_file.write_text('platform,url,username,caption,taken_at\ninstagram,https://www.instagram.com/p/ABCDE1/,rina,'
                        '"Cantik 😍\nadem",1/12/2026\ntiktok,https://www.tiktok.com/@budi/video/1,budi,"Unboxing\npaket\nrapi",'
                        '31/02/2026\n', encoding="utf-8")
    out = runner.invoke(cli, ["ugc", "import", str(csv_file), "-w", str(ws)]).output
    assert f"{csv_file} baris 4: tanggal '31/02/2026' tidak valid" in out and " line " not in out
    # A value the config check refuses names its line in Indonesian.
    config = ws / "contentkit.toml"
    original = config.read_text(encoding="utf-8")
    assert "instagram_max_hashtags = 5" in original
    config.write_text(original.replace("instagram_max_hashtags = 5", 'instagram_max_hashtags = "lima"'), encoding="utf-8")
    out = runner.invoke(cli, ["plan", "-w", str(ws)]).output
    assert "contentkit.toml, baris" in out and ", line " not in out
    # A hand-edit that breaks the TOML itself is still explained in the shop's language.
    config.write_text(original + '\n[brand]\nname = "Toko"\n', encoding="utf-8")
    out = runner.invoke(cli, ["plan", "-w", str(ws)]).output
    assert out.startswith("Kesalahan: ") and "bukan TOML yang valid" in out
