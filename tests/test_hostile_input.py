"""Hostile input becomes one clear line: bytes that are not UTF-8, images that are
bombs or broken, devices as photos, NUL bytes, formulas and escape codes in captions,
and outputs aimed at the workspace's own files."""

from __future__ import annotations

import codecs
import csv
import io
import json
import struct
import zlib
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner
from PIL import Image

from contentkit.cli.main import cli
from contentkit.errors import InputError
from contentkit.records import Post, UGCItem
from contentkit.workspace import Workspace


def one_error_line(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code != 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    return str(lines[0])


def ck(runner: CliRunner, ws: Workspace, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, [*args, "-w", str(ws.root)])


def bomb_png(path: Path, side: int = 100_000) -> Path:
    """A PNG of a few hundred bytes whose header claims side×side pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    return path


def corrupt_jpeg(path: Path) -> Path:
    buf = io.BytesIO()
    Image.new("RGB", (400, 300), "#C0392B").save(buf, "JPEG")
    path.write_bytes(buf.getvalue()[:300])  # the header, then nothing
    return path


# -- bytes that are not UTF-8 ----------------------------------------------------

def test_an_argument_that_is_not_utf8_is_one_line(runner: CliRunner, ws: Workspace) -> None:
    # What Python makes of `contentkit idea add $'\xff\xfe'`: surrogate escapes.
    line = one_error_line(ck(runner, ws, "idea", "add", "\udcff\udcfe", "--pillar", "promo", "--format", "image"))
    assert "not UTF-8" in line
    assert ws.ideas.list() == []


def test_the_library_refuses_to_store_such_text_and_keeps_the_store(ws: Workspace) -> None:
    ws.ideas.add("Resep rendang", pillar="storytelling", format="reel")
    with pytest.raises(InputError, match="not UTF-8"):
        ws.ideas.add("Kuis \udcff", pillar="interaction", format="story")
    assert [i.text for i in ws.ideas.list()] == ["Resep rendang"]


# -- escape codes from customers -------------------------------------------------

def test_escape_codes_in_customer_text_never_reach_the_terminal(runner: CliRunner, ws: Workspace) -> None:
    evil = "Enak bgt kak 😍\x1b]0;PWNED\x07\x1b[2J\rMantap\u202e"
    with ws.store.transaction() as tx:
        item = tx.save(UGCItem("instagram", "https://www.instagram.com/p/DEvil01/", "rina.kitchen", caption=evil))
        tx.save(Post(at=pendulum.datetime(2026, 12, 9, 19, 30, tz="Asia/Jakarta"), channel="instagram", format="image",
                     pillar="promo", title="Judul\x1b[31m merah", caption=evil))
    for args in (("ugc", "show", item.id), ("ugc", "list"), ("post", "show", "P1"), ("post", "list")):
        result = ck(runner, ws, *args)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output, args
        assert "\r" not in result.output, args
    assert "Mantap" in ck(runner, ws, "ugc", "show", item.id).output
    listed = ck(runner, ws, "ugc", "list", "--json").output
    assert "\x1b" not in listed and "\u202e" not in listed
    assert json.loads(listed)[0]["caption"] == evil  # escaped for the terminal, the same data for a program
    line = one_error_line(ck(runner, ws, "idea", "remove", "I\x1b]0;x\x07"))
    assert "\x1b" not in line


# -- images ---------------------------------------------------------------------

def _set_logo(ws: Workspace, logo: Path) -> None:
    cfg = ws.root / "contentkit.toml"
    cfg.write_text(cfg.read_text().replace('logo = ""', f'logo = "{logo}"'))


@pytest.mark.parametrize("kind", ["bomb", "corrupt", "folder", "device"])
def test_a_bad_brand_logo_is_one_line(runner: CliRunner, ws: Workspace, tmp_path: Path, kind: str) -> None:
    logo = {"bomb": lambda: bomb_png(tmp_path / "logo.png"), "corrupt": lambda: corrupt_jpeg(tmp_path / "logo.jpg"),
            "folder": lambda: tmp_path, "device": lambda: Path("/dev/zero")}[kind]()
    _set_logo(ws, logo)
    out = tmp_path / "out.jpg"
    line = one_error_line(runner.invoke(cli, ["testimonial", "quick", "--text", "Enak banget kak!", "-w", str(ws.root),
                                              "-o", str(out)]))
    assert "logo" in line
    assert {"bomb": "too large", "corrupt": "cannot be read", "folder": "is a folder", "device": "not a regular file"}[kind] in line
    assert not out.exists()


@pytest.mark.parametrize("kind", ["bomb", "corrupt", "folder", "device"])
def test_a_bad_photo_is_one_line(runner: CliRunner, ws: Workspace, tmp_path: Path, kind: str) -> None:
    photo = {"bomb": lambda: bomb_png(tmp_path / "foto.png", 9_000), "corrupt": lambda: corrupt_jpeg(tmp_path / "foto.jpg"),
             "folder": lambda: tmp_path, "device": lambda: Path("/dev/zero")}[kind]()
    line = one_error_line(ck(runner, ws, "review", "add", "--text", "Mantap", "--photo", str(photo)))
    assert {"bomb": "too large", "corrupt": "cannot be read", "folder": "is a folder", "device": "not a regular file"}[kind] in line
    assert ws.reviews.list() == []


def test_a_contact_sheet_survives_bombs_and_broken_files(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "hasil"
    folder.mkdir()
    Image.new("RGB", (1080, 1080), "#F5B041").save(folder / "2026-12-01-R1-card-square.jpg")
    bomb_png(folder / "bomb.png")
    bomb_png(folder / "warning-zone.png", 9_000)  # over our limit, under Pillow's hard one
    corrupt_jpeg(folder / "rusak.jpg")
    result = runner.invoke(cli, ["testimonial", "sheet", str(folder), "-o", str(tmp_path / "sheet.jpg")])
    assert result.exit_code == 1, result.output  # the sheet is made; the unreadable images are named
    assert "(4 images)" in result.output and "Traceback" not in result.output
    assert "bomb.png" in result.output and "rusak.jpg" in result.output and "3 images could not be read" in result.output
    assert (tmp_path / "sheet.jpg").stat().st_size > 0


# -- imported text --------------------------------------------------------------

def test_nul_bytes_in_an_imported_csv_are_refused_naming_the_line(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    reviews = tmp_path / "ulasan.csv"
    reviews.write_bytes("text,name\nEnak bgt kak,Rina\nMantul\x00,Budi\n".encode())
    line = one_error_line(ck(runner, ws, "review", "import", str(reviews)))
    assert "line 3" in line and "NUL" in line
    ugc = tmp_path / "ugc.csv"
    ugc.write_bytes(b"platform,url,username\ninstagram,https://www.instagram.com/p/DX1/,ri\x00na\n")
    line = one_error_line(ck(runner, ws, "ugc", "import", str(ugc)))
    assert "line 2" in line and "NUL" in line
    assert ws.reviews.list() == [] and ws.ugc.list() == []


def test_a_utf16_spreadsheet_export_is_read(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    reviews = tmp_path / "ulasan.csv"
    reviews.write_bytes(codecs.BOM_UTF16_LE + "text;name;rating\nEnak bgt kak 😍;Rina;5\n".encode("utf-16-le"))
    assert ck(runner, ws, "review", "import", str(reviews)).exit_code == 0
    assert [r.text for r in ws.reviews.list()] == ["Enak bgt kak 😍"]


def test_show_name_must_be_yes_or_no_naming_column_and_row(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    reviews = tmp_path / "ulasan.csv"
    reviews.write_text("text,name,show_name\nEnak,Rina,ya\nMantap,Budi,maybe\n", encoding="utf-8")
    result = ck(runner, ws, "review", "import", str(reviews))
    assert result.exit_code == 1 and "line 3: column show_name: 'maybe' is not a yes or no" in result.output
    assert [r.name for r in ws.reviews.list()] == ["Rina"]  # the good row is kept
    assert "line 3" in one_error_line(ck(runner, ws, "review", "import", "--strict", str(reviews)))
    reviews.write_text("text,name,show_name\nEnak,Rina,ya\nMantap,Budi,tidak\nSip,Ani,\n", encoding="utf-8")
    assert ck(runner, ws, "review", "import", str(reviews)).exit_code == 0
    assert [r.show_name for r in ws.reviews.list()] == [True, False, False]


# -- outputs over the workspace's own files ----------------------------------------

def test_no_output_option_writes_over_the_workspace_files(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    ws.ideas.add("Resep rendang", pillar="storytelling", format="reel")
    ws.ideas.add("Kuis sambal", pillar="interaction", format="story")
    db, bak, cfg = ws.store.path, ws.store.backup_path, ws.root / "contentkit.toml"
    before = {p: p.read_bytes() for p in (db, bak, cfg)}
    folder = tmp_path / "hasil"
    folder.mkdir()
    Image.new("RGB", (200, 200), "#F5B041").save(folder / "a.jpg")
    attempts = [
        ["export", "csv", "-o", str(db)], ["export", "ics", "-o", str(bak)], ["export", "markdown", "-o", str(cfg)],
        ["export", "buffer", "--channel", "instagram", "-o", str(db.parent / "x.csv")],
        ["calendar", "--week", "2026-W49", "-o", str(db.parent / "rencana.html")],
        ["report", "-o", str(db.parent / "laporan.png")],
        ["testimonial", "render", "--all-new", "-o", str(db.parent)],
        ["strategy", "copy", "kuliner", "-o", str(db.parent)],
    ]
    for args in attempts:
        line = one_error_line(ck(runner, ws, *args))
        assert "workspace's own files" in line, (args, line)
    # no workspace open: the workspace is found from the path itself
    line = one_error_line(runner.invoke(cli, ["testimonial", "quick", "--text", "Enak", "-o", str(db)]))
    assert "workspace's own files" in line
    line = one_error_line(runner.invoke(cli, ["testimonial", "sheet", str(folder), "-o", str(cfg)]))
    assert "workspace's own files" in line
    assert {p: p.read_bytes() for p in (db, bak, cfg)} == before
    assert sorted(p.name for p in db.parent.iterdir() if not p.name.endswith(".lock")) == ["contentkit.db", "contentkit.db.bak"]


# -- injection into exports --------------------------------------------------------

def _post(ws: Workspace, title: str, caption: str) -> None:
    with ws.store.transaction() as tx:
        tx.save(Post(at=pendulum.datetime(2026, 12, 9, 19, 30, tz="Asia/Jakarta"), channel="instagram", format="image",
                     pillar="promo", title=title, caption=caption, assets=["https://cdn.test/promo.jpg"]))


def test_csv_export_neutralises_formulas(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    _post(ws, "=HYPERLINK(\"http://evil.example\",\"klik\")", "+62 812 diskon")
    _post(ws, "@rina", "-50% hari ini\nbelanja sekarang")
    _post(ws, "Resep rendang", "Enak 😍 = mantap")
    out = tmp_path / "posts.csv"
    assert ck(runner, ws, "export", "csv", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["title"] for r in rows] == ["'=HYPERLINK(\"http://evil.example\",\"klik\")", "'@rina", "Resep rendang"]
    assert [r["caption"] for r in rows] == ["'+62 812 diskon", "'-50% hari ini\nbelanja sekarang", "Enak 😍 = mantap"]


def test_schedulers_name_formula_like_posts_in_a_warning(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    _post(ws, "Promo", "=1+1 diskon")
    _post(ws, "Resep", "Enak")
    result = ck(runner, ws, "export", "buffer", "--channel", "instagram", "-o", str(tmp_path / "b.csv"))
    assert result.exit_code == 0
    assert "P1 start with =" in result.output and "P2" not in result.output.split("P1 start")[1]
    assert "=1+1 diskon" in (tmp_path / "b.csv").read_text(encoding="utf-8")  # posted as written


def test_markdown_export_escapes_html(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    _post(ws, "<script>alert('x')</script> <b>promo</b>", "")
    out = tmp_path / "rencana.md"
    assert ck(runner, ws, "export", "markdown", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text and "<b>" not in text


def test_a_bomb_among_post_assets_does_not_stop_the_calendar(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    bomb_png(ws.media_dir / "bomb.png")
    with ws.store.transaction() as tx:
        tx.save(Post(at=pendulum.datetime(2026, 12, 9, 19, 30, tz="Asia/Jakarta"), channel="instagram", format="image",
                     pillar="promo", title="Promo 12.12", assets=["media/bomb.png"]))
    result = ck(runner, ws, "calendar", "--week", "2026-W50", "-o", str(tmp_path / "rencana.html"))
    assert result.exit_code == 0, result.output
    assert "Promo 12.12" in (tmp_path / "rencana.html").read_text(encoding="utf-8")


def test_nul_bytes_in_a_saved_instagram_caption_are_removed_with_a_note(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    import json

    fixture = Path(__file__).parent / "fixtures" / "ugc" / "post_image.json"
    data = json.loads(fixture.read_text(encoding="utf-8"))
    edge = data["node"]["edge_media_to_caption"]["edges"][0]["node"]
    edge["text"] = "Rendang\x00nya juara\x00 😍"
    saved = tmp_path / "post.json"
    saved.write_text(json.dumps(data), encoding="utf-8")
    result = ck(runner, ws, "ugc", "import", str(saved))
    assert result.exit_code == 0, result.output
    assert "NUL bytes removed from the caption" in result.output
    (item,) = ws.ugc.list()
    assert item.caption == "Rendangnya juara 😍"
