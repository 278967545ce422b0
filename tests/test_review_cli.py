"""Reviews and testimonials through the CLI and the workspace: add, import, render, post assets."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner
from PIL import Image

from contentkit.cli.main import cli
from contentkit.records import ConsentEvent, Review, UGCItem
from contentkit.workspace import Workspace


def invoke(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, list(args), catch_exceptions=False)


def one_line_error(result, words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code != 0
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:") and words in lines[0], result.output


def test_add_and_list_reviews(runner: CliRunner, ws: Workspace) -> None:
    w = str(ws.root)
    result = invoke(runner, "review", "add", "-w", w, "--text", "Mantap 👍", "--name", "Rina", "--rating", "4.5",
                    "--source", "shopee", "--product", "Rendang")
    assert result.exit_code == 0 and "R1" in result.output
    listing = invoke(runner, "review", "list", "-w", w)
    assert "R***a" in listing.output and "Rina" not in listing.output
    data = invoke(runner, "review", "list", "-w", w, "--json")
    assert '"rating": 4.5' in data.output


@pytest.mark.parametrize(
    "args, words",
    [
        (["--text", "ok", "--rating", "6"], "outside 0.5–5"),
        (["--text", "ok", "--rating", "0"], "outside 0.5–5"),
        (["--text", "ok", "--rating", "lima"], "not a number"),
        (["--text", "   "], "text is empty"),
        (["--text", "ok", "--date", "31/02/2026"], "invalid date"),
    ],
)
def test_bad_review_input_is_one_line_and_saves_nothing(runner: CliRunner, ws: Workspace, args: list[str], words: str) -> None:
    one_line_error(invoke(runner, "review", "add", "-w", str(ws.root), *args), words)
    assert ws.reviews.list() == []


def test_an_unknown_source_is_a_usage_error_naming_the_sources(runner: CliRunner, ws: Workspace) -> None:
    result = invoke(runner, "review", "add", "-w", str(ws.root), "--text", "ok", "--source", "lazada")
    assert result.exit_code == 2 and "unknown source 'lazada'" in result.output and "shopee, tokopedia" in result.output
    assert ws.reviews.list() == []


def test_import_csv_with_bom_and_semicolons(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    csv_file = tmp_path / "ulasan.csv"
    csv_file.write_bytes(
        "\ufefftext;name;rating;product;source;date;show_name\n"
        '"Empuk; bumbu meresap";Budi Santoso;5;Rendang;tokopedia;2026-03-01;ya\n'
        "Kirim cepat;Sari;4,5;;;;\n".encode("utf-8")
    )
    result = invoke(runner, "review", "import", "-w", str(ws.root), str(csv_file))
    assert result.exit_code == 0 and "Imported 2" in result.output
    first, second = ws.reviews.list()
    assert first.text == "Empuk; bumbu meresap" and first.show_name and str(first.date) == "2026-03-01"
    assert second.rating == 4.5 and not second.show_name


def test_strict_import_with_a_bad_row_names_the_line_and_imports_nothing(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    csv_file = tmp_path / "ulasan.csv"
    csv_file.write_text("text,name,rating\nEnak,Rina,5\nBagus,Budi,9\n", encoding="utf-8")
    one_line_error(invoke(runner, "review", "import", "-w", str(ws.root), str(csv_file), "--strict"), "line 3")
    assert ws.reviews.list() == []


def test_render_names_files_and_remembers_them(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    ws.reviews.add("Enak banget!", name="Rina", rating=5, date="2026-03-01")
    ws.reviews.add("Cepat sampai", name="Budi", rating=4)
    out = tmp_path / "out"
    result = invoke(runner, "testimonial", "render", "-w", str(ws.root), "--all-new", "--size", "all",
                    "--template", "minimal", "-o", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert "2026-03-01-R1-minimal-square.jpg" in names and "undated-R2-minimal-story.jpg" in names
    assert len(names) == 8
    assert Image.open(out / "undated-R2-minimal-story.jpg").size == (1080, 1920)
    assert all(len(r.rendered) == 4 for r in ws.reviews.list())
    again = invoke(runner, "testimonial", "render", "-w", str(ws.root), "--all-new", "-o", str(out))
    assert "Nothing to render" in again.output


def test_render_in_two_processes_gives_the_same_files(ws: Workspace, tmp_path: Path) -> None:
    for i in range(3):
        ws.reviews.add(f"Ulasan nomor {i}, enak sekali", name="Rina", rating=5)
    one = ws.reviews.render(["R1", "R2", "R3"], out_dir=tmp_path / "a", jobs=1)
    two = ws.reviews.render(["R1", "R2", "R3"], out_dir=tmp_path / "b", jobs=2)
    assert [p.name for p in one] == [p.name for p in two]
    for a, b in zip(one, two):
        assert Image.open(a).size == Image.open(b).size


@pytest.mark.parametrize(
    "args, words",
    [
        (["--template", "nope"], "unknown template"),
        (["--size", "huge"], "unknown size"),
    ],
)
def test_bad_render_options_are_one_line(runner: CliRunner, ws: Workspace, tmp_path: Path, args: list[str], words: str) -> None:
    ws.reviews.add("Enak", name="Rina", rating=5)
    out = tmp_path / "out"
    one_line_error(invoke(runner, "testimonial", "render", "-w", str(ws.root), "R1", *args, "-o", str(out)), words)
    assert not out.exists() or not any(out.iterdir())


def test_unwritable_output_folder_is_one_line(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    ws.reviews.add("Enak", name="Rina", rating=5)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    one_line_error(invoke(runner, "testimonial", "render", "-w", str(ws.root), "R1", "-o", str(blocker / "sub")), "cannot write")


def test_workspace_template_with_bad_key_is_named(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    folder = ws.root / "templates" / "testimonials"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('[[layer]]\nkind = "stars"\nsize = 3\n', encoding="utf-8")
    ws.reviews.add("Enak", name="Rina", rating=5)
    one_line_error(invoke(runner, "testimonial", "render", "-w", str(ws.root), "R1", "--template", "mine",
                          "-o", str(tmp_path / "o")), "'size'")


def test_brand_font_that_is_not_a_font(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    (ws.root / "font.ttf").write_text("not a font")
    cfg = ws.root / "contentkit.toml"
    cfg.write_text(cfg.read_text().replace('font_regular = ""', 'font_regular = "font.ttf"'))
    Workspace.open(ws.root).reviews.add("Enak", name="Rina", rating=5)
    one_line_error(invoke(runner, "testimonial", "render", "-w", str(ws.root), "R1", "-o", str(tmp_path / "o")),
                   "not a TTF/OTF font")


def test_quick_needs_no_workspace_and_sheet_collects_images(runner: CliRunner, tmp_path: Path) -> None:
    os.chdir(tmp_path)
    for name in ("a.jpg", "b.png"):
        result = invoke(runner, "testimonial", "quick", "--text", "Mantap 👍", "--name", "Rina", "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
    assert Image.open(tmp_path / "b.png").size == (1080, 1080)
    sheet = invoke(runner, "testimonial", "sheet", str(tmp_path), "-o", str(tmp_path / "sheet.jpg"))
    assert sheet.exit_code == 0 and "2 images" in sheet.output
    one_line_error(invoke(runner, "testimonial", "quick", "--text", "x", "--photo", "missing.jpg", "--template", "photo",
                          "-o", "x.jpg"), "does not exist")
    one_line_error(invoke(runner, "testimonial", "quick", "--text", "x" * 3000, "--strict", "-o", "x.jpg"), "too long")


def test_waiting_and_render_for_post(ws: Workspace) -> None:
    ws.reviews.add("Yang kedua", name="Budi", rating=4, date="2026-03-05")
    ws.reviews.add("Yang pertama", name="Rina", rating=5, date="2026-03-01")
    waiting = ws.reviews.waiting()
    assert [r.text for r in waiting] == ["Yang pertama", "Yang kedua"]
    before = ws.store.path.read_bytes()
    expected = {"instagram": (1080, 1350), "facebook": (1080, 1080), "whatsapp": (1080, 1920), "shopee": (1024, 1024)}
    for channel, size in expected.items():
        rel = ws.reviews.render_for_post(waiting[0], channel)
        assert not os.path.isabs(rel) and rel.startswith("media/testimonials/")
        assert Image.open(ws.root / rel).size == size
    assert ws.store.path.read_bytes() == before  # the planner writes the records, not this
    with ws.store.transaction() as tx:
        r = tx.get(Review, waiting[0].id)
        r.post_id = "P1"
        tx.save(r)
    assert [r.text for r in ws.reviews.waiting()] == ["Yang kedua"]


def _ugc(ws: Workspace) -> str:
    with ws.store.transaction() as tx:
        item = tx.save(UGCItem(platform="instagram", url="https://instagram.com/p/x", owner="rina.cooks",
                               caption="Rendang terenak! #dapurbusari", taken_at=pendulum.datetime(2026, 3, 1, tz="UTC")))
    return item.id


@pytest.mark.skipif(importlib.util.find_spec("contentkit.ugc.consent") is None, reason="contentkit.ugc.consent not written yet")
def test_review_from_ugc_needs_a_current_grant(runner: CliRunner, ws: Workspace) -> None:
    uid = _ugc(ws)
    one_line_error(invoke(runner, "review", "from-ugc", "-w", str(ws.root), uid), "has no consent from @rina.cooks")
    with ws.store.transaction() as tx:
        tx.save(ConsentEvent(ugc_id=uid, kind="granted", at=pendulum.now("UTC").subtract(hours=1), via="dm"))
    result = invoke(runner, "review", "from-ugc", "-w", str(ws.root), uid)
    assert result.exit_code == 0, result.output
    (made,) = ws.reviews.list()
    assert made.text == "Rendang terenak!" and made.handle == "rina.cooks" and made.ugc_id == uid
