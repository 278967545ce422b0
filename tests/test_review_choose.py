"""Choosing testimonials: complaints and vulgar words left out, the rest ranked; --all-new and --best;
a batch that never stops for one review."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.graphics.choose import Screening
from contentkit.records import Review
from contentkit.workspace import Workspace

WORDS = Screening.load()


@pytest.mark.parametrize(
    "text, rating, reason",
    [
        ("Jelek", 1, "complaint (1★)"),
        ("Sayah kecewa barang tidak sesuai foto, bahan tipis", 4, 'complaint ("kecewa")'),
        ("barang tdk sesuai pesanan", 5, 'complaint ("tdk sesuai")'),
        ("Enak bgt anjiiing 😂", 5, "profanity"),
        ("Bagus tapi kurirnya goblok", 4, "profanity"),
        ("Shitty packaging, fast delivery though", 4, "profanity"),
        ("disappointed, the seam is broken", 4, 'complaint ("disappointed")'),
    ],
)
def test_complaints_and_vulgar_words_are_left_out(text: str, rating: float, reason: str) -> None:
    found = WORDS.reason(Review(text, rating=rating))
    assert found is not None and reason in found


@pytest.mark.parametrize(
    "text",
    ["Ga nyesel beli disini, bahannya adem", "Tidak kecewa sama sekali!", "packing aman, ga ada yang rusak 👍",
     "Santai aja kak, enak parah rendangnya", "not disappointed at all, great taste"],
)
def test_praise_with_a_negated_complaint_word_is_kept(text: str) -> None:
    assert WORDS.reason(Review(text, rating=5)) is None


def test_a_workspace_extends_the_lists_and_can_allow_a_word(ws: Workspace) -> None:
    folder = ws.root / "templates" / "reviews"
    folder.mkdir(parents=True)
    (folder / "screening.toml").write_text('allow = ["anjing"]\n[profanity]\nid = ["cemen"]\n', encoding="utf-8")
    words = ws.reviews.screening()
    assert words.reason(Review("Anjing saya suka makanannya", rating=5)) is None  # a pet shop's reviews
    assert words.reason(Review("Penjualnya cemen", rating=5)) is not None


def seed(ws: Workspace) -> None:
    today = pendulum.today("Asia/Jakarta").date()
    ws.reviews.add("Jelek", name="Andi", rating=1, product="Rendang 500 g")
    ws.reviews.add("Sayah kecewa barang tidak sesuai, rendangnya keras", name="Sari", rating=4, product="Rendang 500 g")
    ws.reviews.add("ok", name="Dewi", rating=5, product="Rendang 500 g")
    ws.reviews.add("Rendangnya empuk, bumbunya meresap sampai dalam. Pengiriman ke Surabaya 2 hari, packing vakum aman.",
                   name="Rina", rating=5, product="Rendang 500 g", date=today.isoformat())
    ws.reviews.add("Enak bgt anjir, pengiriman cepat", name="Joko", rating=5)
    ws.reviews.add("Lumayan, agak asin buat saya", name="Tono", rating=3)
    ws.reviews.add("Mantap, enak dan harganya pas buat anak kos", name="Budi", rating=4.5, date="2025-01-10")


def test_best_ranks_the_specific_recent_review_first_and_leaves_out_the_rest(ws: Workspace) -> None:
    seed(ws)
    ranked, left_out = ws.reviews.best(3)
    assert [r.review.name for r in ranked] == ["Rina", "Budi", "Dewi"]
    assert "names the product" in ranked[0].why and "recent" in ranked[0].why
    assert left_out == {"a complaint": ["R1", "R2"], "a word from the profanity list": ["R5"], "rated under 4★": ["R6"]}


def test_cli_best_lists_n_and_says_what_it_left_out(runner: CliRunner, ws: Workspace) -> None:
    seed(ws)
    result = runner.invoke(cli, ["review", "list", "-w", str(ws.root), "--best", "2"])
    assert result.exit_code == 0, result.output
    rows = [ln for ln in result.output.splitlines() if ln.startswith("R")]
    assert [r.split()[0] for r in rows] == ["R4", "R7"]
    assert "Left out 2: a complaint" in result.output and "Left out 1: rated under 4★" in result.output


def test_all_new_renders_only_reviews_fit_to_show_and_says_why_not(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    seed(ws)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["testimonial", "render", "-w", str(ws.root), "--all-new", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name.split("-")[-3] for p in out.iterdir()) == ["R3", "R4", "R7"]
    assert "Left out 4 review(s): 2 a complaint (R1, R2); 1 a word from the profanity list (R5); 1 rated under 4★ (R6)" in result.output
    lower = runner.invoke(cli, ["testimonial", "render", "-w", str(ws.root), "--all-new", "--min-rating", "3", "-o", str(out)])
    assert "R6" in lower.output and "Rendered 1 image" in lower.output


def test_one_review_that_fails_never_stops_the_batch(runner: CliRunner, ws: Workspace, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from contentkit.graphics import render

    for i in range(4):
        ws.reviews.add(f"Ulasan ke-{i}: rendangnya enak, bumbunya meresap", name="Rina", rating=5)
    real = render.render_testimonial

    def flaky(review, *args, **kwargs):  # type: ignore[no-untyped-def]
        if review.id == "R2":
            raise RuntimeError("raqm_layout() failed.")
        return real(review, *args, **kwargs)

    monkeypatch.setattr(render, "render_testimonial", flaky)
    with ws.store.transaction() as tx:  # R3's photo vanished from disk since it was added
        r3 = tx.get(Review, "R3")
        r3.photo = "media/photos/gone.jpg"
        tx.save(r3)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["testimonial", "render", "-w", str(ws.root), "R1", "R2", "R3", "R4", "--template", "photo",
                                 "-o", str(out)])
    assert result.exit_code == 1
    assert "R2 not rendered: could not draw it at size square (RuntimeError: raqm_layout() failed.)" in result.output
    assert "R3 not rendered:" in result.output and "gone.jpg" in result.output
    assert "Rendered 2 images" in result.output and "Traceback" not in result.output
    assert sorted(p.name.split("-")[1] for p in out.iterdir()) == ["R1", "R4"]
    assert [bool(r.rendered) for r in ws.reviews.list()] == [True, False, False, True]


def test_sheet_reports_an_unreadable_image_and_still_makes_the_sheet(runner: CliRunner, tmp_path: Path) -> None:
    from PIL import Image

    folder = tmp_path / "imgs"
    folder.mkdir()
    Image.new("RGB", (100, 100), "red").save(folder / "a.jpg")
    (folder / "b.jpg").write_bytes(b"not an image")
    result = runner.invoke(cli, ["testimonial", "sheet", str(folder), "-o", str(tmp_path / "sheet.jpg")])
    assert result.exit_code == 1 and "b.jpg: cannot be read" in result.output
    assert (tmp_path / "sheet.jpg").exists() and "(2 images)" in result.output


def test_reviews_from_customer_posts_render_only_with_consent(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    from contentkit.records import ConsentEvent, UGCItem

    with ws.store.transaction() as tx:
        item = tx.save(UGCItem(platform="instagram", url="https://instagram.com/p/x", owner="rina.cooks",
                               caption="Rendang terenak!", taken_at=pendulum.datetime(2026, 3, 1, tz="UTC")))
        tx.save(ConsentEvent(ugc_id=item.id, kind="granted", at=pendulum.now("UTC").subtract(days=2), via="dm"))
    made = ws.reviews.from_ugc(item.id)
    ws.reviews.add("Enak, bumbunya meresap sampai dalam", name="Budi", rating=5)
    with ws.store.transaction() as tx:
        tx.save(ConsentEvent(ugc_id=item.id, kind="revoked", at=pendulum.now("UTC").subtract(hours=1), reason="minta hapus"))
    out = tmp_path / "out"
    result = runner.invoke(cli, ["testimonial", "render", "-w", str(ws.root), "--all-new", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 no current consent from the customer (R1)" in result.output
    assert [p.name.split("-")[1] for p in out.iterdir()] == ["R2"]
    asked = runner.invoke(cli, ["testimonial", "render", "-w", str(ws.root), made.id, "-o", str(out)])
    assert asked.exit_code == 1 and "R1 not rendered: @rina.cooks revoked consent" in asked.output
    assert [r.review.id for r in ws.reviews.best(5)[0]] == ["R2"]


def test_the_progress_bar_shows_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from contentkit.cli.common import progress_bar

    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    with progress_bar("Rendering") as progress:
        assert progress is None
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    with progress_bar("Rendering") as progress:
        assert progress is not None
        for done in range(1, 4):
            progress(done, 3)


def test_a_multi_line_review_reads_on_one_line_in_the_tables(runner: CliRunner, ws: Workspace) -> None:
    ws.reviews.add("Kualitas produk: bagus\r\nWarna: sesuai\n\n\n \nPengiriman: cepat 👍", name="Rina", rating=5, product="Gamis")
    for args in (["review", "list"], ["review", "list", "--best", "1"]):
        result = runner.invoke(cli, [*args, "-w", str(ws.root)])
        assert result.exit_code == 0, result.output
        assert "Kualitas produk: bagus / Warna: sesuai / Pengir" in result.output  # the column is cut with "…"
        assert "/ /" not in result.output and "\r" not in result.output
