"""The review request loop: ask after the sale, a review closes the ask, the report counts it."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.errors import InputError
from contentkit.graphics.review_requests import normalise_phone, request_message
from contentkit.records import Post, Review
from contentkit.workspace import Workspace

MARKETPLACES = {"whatsapp": None, "shopee": "Shopee", "tokopedia": "Tokopedia"}


@pytest.mark.parametrize("raw", ["0812-3456-7890", "+62 812 3456 7890", "62812 3456 7890", "(0812) 3456.7890", "812 3456 7890"])
def test_phones_are_normalised_for_wa_me(raw: str) -> None:
    assert normalise_phone(raw) == "6281234567890"


@pytest.mark.parametrize("raw", ["12345", "0812-abc", "", "+62 0812 3456 7890"])
def test_a_bad_phone_is_one_clear_line(raw: str) -> None:
    with pytest.raises(InputError, match="0812 3456 7890"):
        normalise_phone(raw)


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("channel", list(MARKETPLACES))
def test_the_message_names_only_the_marketplace_asked(channel: str, language: str) -> None:
    text = request_message("Rina", "Rendang 500 g", "Dapur Bu Sari", channel=channel, order="2412ABC", language=language)
    assert "Rina" in text and "Rendang 500 g" in text and "2412ABC" in text and "Dapur Bu Sari" in text
    for other, name in MARKETPLACES.items():
        if name:
            assert (name in text) == (other == channel)
    assert "Lazada" not in text and "{" not in text


def test_cli_ask_prints_the_message_and_a_wa_me_link_and_records_it(runner: CliRunner, ws: Workspace) -> None:
    result = runner.invoke(cli, ["review", "ask", "-w", str(ws.root), "--name", "Rina", "--phone", "0812-3456-7890",
                                 "--product", "Rendang", "--channel", "shopee"])
    assert result.exit_code == 0, result.output
    assert "Paket Rendang dari Dapur Bu Sari sudah sampai" in result.output
    assert "bantu kasih ulasan di Shopee ya 🙏" in result.output
    link = next(ln for ln in result.output.splitlines() if ln.startswith("https://wa.me/"))
    parsed = urllib.parse.urlparse(link)
    assert parsed.path == "/6281234567890"
    assert urllib.parse.parse_qs(parsed.query)["text"][0].startswith("Halo Kak Rina")
    listing = runner.invoke(cli, ["review", "asks", "-w", str(ws.root)])
    assert "Q1" in listing.output and "6281234567890" in listing.output
    bad = runner.invoke(cli, ["review", "ask", "-w", str(ws.root), "--name", "Rina", "--phone", "123", "--product", "x"])
    assert bad.exit_code != 0 and bad.output.count("\n") == 1 and bad.output.startswith("Error: phone '123'")


def test_an_imported_review_closes_the_ask_by_order_or_masked_name(ws: Workspace, tmp_path: Path) -> None:
    by_order = ws.review_requests.ask("Rina Wulandari", "0812 3456 7890", "Rendang", channel="shopee", order="2412ABC")
    by_name = ws.review_requests.ask("Budi", "0813 1111 2222", "Rendang", channel="tokopedia")
    waiting = ws.review_requests.ask("Sari", "0813 3333 4444", "Rendang")
    export = tmp_path / "ulasan.csv"
    export.write_text("nama;no_pesanan;bintang;ulasan\nr***i;2412ABC;5;Empuk!\nB***i;;5;Enak\nJoko;;5;Mantap\n", encoding="utf-8")
    result = ws.reviews.import_csv(export, source="shopee")
    assert sorted(result.closed) == sorted([by_order.id, by_name.id])
    assert [q.id for q in ws.review_requests.list()] == [waiting.id]
    closed = {q.id: q.review_id for q in ws.review_requests.list(open_only=False)}
    assert closed[by_order.id] == "R1" and closed[by_name.id] == "R2"


def test_the_report_shows_asked_reviewed_rendered_posted(ws: Workspace, tmp_path: Path) -> None:
    for name in ("Rina", "Budi", "Sari"):
        ws.review_requests.ask(name, "0812 3456 7890", "Rendang")
    ws.reviews.add("Empuk, bumbunya meresap", name="Rina", rating=5)
    ws.reviews.add("Enak, pengiriman cepat", name="Budi", rating=5)
    ws.reviews.render(["R1", "R2"], out_dir=tmp_path / "out")
    with ws.store.transaction() as tx:
        post = Post(at=tx.get(Review, "R1").created_at, channel="instagram", format="image", pillar="social_proof",
                    title="Testimoni", status="published", review_id="R1")
        tx.save(post)
    report = ws.report(weeks=1)
    funnel = report.review_requests
    assert (funnel.asked, funnel.reviewed, funnel.rendered, funnel.posted) == (3, 2, 2, 1)
    from contentkit.views.report_files import summary_lines

    assert "Alur permintaan ulasan: diminta ulasan 3 → memberi ulasan 2 → jadi testimoni 2 → diposting 1" in summary_lines(report)
