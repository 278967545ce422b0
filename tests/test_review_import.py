"""`review import` on exports as sellers have them: Indonesian headers, `;` and tabs, UTF-16,
ratings as stars or "4,5", day-first dates, bad rows, duplicates, --map, --strict."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.errors import InputError
from contentkit.graphics.review_import import parse_rating, parse_reviews
from contentkit.workspace import Workspace

TOKOPEDIA = (
    "nama;nama_produk;varian;bintang;ulasan;tanggal;balasan\n"
    'r***a;Gamis Katun Rayon Premium Busui Friendly;Sage, L;5;"Kualitas produk: bagus\nWarna: sesuai\n\n\n'
    'Pengiriman: cepat 👍👍";1/12/2026 19.30;Makasih kak 🙏\n'
    'Budi Santoso;Gamis Katun Rayon Premium Busui Friendly;Navy, XL;4,5;"packing aman\nbahan nyaman dan adem";'
    "02/11/2026;\n"
    "s***i;Kemeja Linen;;★★★★★;mantul gan, fast respon 😍😍;2026-10-05;\n"
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "ulasan.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_indonesian_headers_semicolons_stars_and_day_first_dates() -> None:
    result = parse_reviews(TOKOPEDIA.encode("utf-8"))
    first, second, third = result.reviews
    assert first.text.startswith("Kualitas produk: bagus\nWarna: sesuai")
    assert first.variant == "Sage, L" and first.reply == "Makasih kak 🙏"
    assert first.date == date(2026, 12, 1) and first.time == "19.30"  # 1/12 is 1 December, never 12 January
    assert second.rating == 4.5 and second.date == date(2026, 11, 2) and second.reply is None and second.time is None
    assert third.rating == 5.0 and third.product == "Kemeja Linen"
    assert result.columns["text"] == "ulasan" and result.columns["rating"] == "bintang"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_what_spreadsheets_save_reads_the_same(encoding: str, sep: str) -> None:
    text = sep.join(["ulasan", "rating", "username", "produk", "waktu"]) + "\r\n"
    text += sep.join(['"Enak, bumbu meresap"', "5.0", "rina_w", "Rendang", "2026-12-01 19:30:00"]) + "\r\n"
    text += sep.join(["Mantap", "4", "budi", "Rendang", "30/11/2026"]) + "\r\n"
    reviews = parse_reviews(text.encode(encoding)).reviews
    assert [r.text for r in reviews] == ["Enak, bumbu meresap", "Mantap"]
    assert [r.rating for r in reviews] == [5.0, 4.0]
    assert reviews[0].time == "19.30" and reviews[1].date == date(2026, 11, 30)


@pytest.mark.parametrize("value, expected", [("5", 5.0), ("5.0", 5.0), ("4,5", 4.5), ("★★★★☆", 4.0), ("⭐⭐⭐", 3.0),
                                             ("5/5", 5.0), ("4 bintang", 4.0)])
def test_ratings_as_exports_write_them(value: str, expected: float) -> None:
    assert parse_rating(value) == expected


def test_a_bad_row_is_reported_by_line_and_the_good_rows_kept() -> None:
    text = "ulasan,bintang,tanggal\nEnak,5,1/12/2026\nBagus,9,1/12/2026\n,5,\n,,\nMantap,4,31/02/2026\nOke,lima,\nSip,4,\n"
    result = parse_reviews(text.encode())
    assert [r.text for r in result.reviews] == ["Enak", "Sip"]
    assert [line for line, _ in result.bad] == [3, 4, 6, 7]  # the blank row (line 5) is skipped, not an error
    reasons = [why for _, why in result.bad]
    assert "outside" in reasons[0] and "text is empty" in reasons[1]
    assert "invalid date" in reasons[2] and "not a number" in reasons[3]


def test_strict_refuses_the_whole_file_naming_the_line() -> None:
    with pytest.raises(InputError, match="line 3.*nothing was imported"):
        parse_reviews(b"ulasan,bintang\nEnak,5\nBagus,9\n", strict=True)


def test_map_names_a_column_no_alias_knows() -> None:
    text = "isi_komentar;skor_toko;pembeli\nEnak!;5;Rina\n"
    with pytest.raises(InputError, match="--map review=COLUMN"):
        parse_reviews(text.encode())
    review = parse_reviews(text.encode(), mapping={"review": "isi_komentar", "rating": "skor_toko"}).reviews[0]
    assert (review.text, review.rating, review.name) == ("Enak!", 5.0, "Rina")
    with pytest.raises(InputError, match="no column 'ulasanku'"):
        parse_reviews(text.encode(), mapping={"review": "ulasanku"})


def test_not_text_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="not UTF-8 or UTF-16"):
        parse_reviews(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\xfd")
    with pytest.raises(InputError, match="empty"):
        parse_reviews(b"")


def test_cli_keeps_good_rows_reports_bad_ones_and_skips_duplicates(runner: CliRunner, ws: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path, TOKOPEDIA + "b***i;Kemeja Linen;;0;jelek;2026-10-05;\n", encoding="utf-16")
    first = runner.invoke(cli, ["review", "import", "-w", str(ws.root), str(path), "--source", "tokopedia"])
    assert first.exit_code == 1
    assert "Imported 3 reviews (R1–R3)" in first.output and "line 10" in first.output
    again = runner.invoke(cli, ["review", "import", "-w", str(ws.root), str(path), "--source", "tokopedia"])
    assert "Imported 0 reviews" in again.output and "Skipped 3 exact duplicate(s)" in again.output
    assert len(ws.reviews.list()) == 3
    assert {r.source for r in ws.reviews.list()} == {"tokopedia"}


def test_duplicates_inside_one_file_are_counted_not_kept(ws: Workspace, tmp_path: Path) -> None:
    path = write(tmp_path, "ulasan,nama,sumber\nEnak,Rina,shopee\nEnak,Rina,shopee\nEnak,Rina,tokopedia\n")
    result = ws.reviews.import_csv(path)
    assert len(result.reviews) == 2 and result.duplicates == 1


def test_imported_rows_are_the_same_records_as_reviews_built_by_hand() -> None:
    # The importer sets a Review's fields directly, for speed; it must equal the dataclass's own.
    from contentkit.records import Review

    got = parse_reviews(TOKOPEDIA.encode("utf-8")).reviews[0]
    expected = Review(text=got.text, name="r***a", rating=5.0, product="Gamis Katun Rayon Premium Busui Friendly",
                      date=date(2026, 12, 1), variant="Sage, L", reply="Makasih kak 🙏", time="19.30")
    assert got == expected and got.to_dict() == expected.to_dict()
    assert got.rendered is not parse_reviews(TOKOPEDIA.encode("utf-8")).reviews[1].rendered  # no shared list


def test_a_bad_multi_line_row_is_reported_by_its_first_line() -> None:
    text = 'ulasan;bintang\r\nEnak;5\r\n"packing aman\r\nbahan nyaman\r\n\r\nadem";9\r\nSip;4\r\n'
    result = parse_reviews(text.encode())
    assert result.bad and result.bad[0][0] == 3
    assert [r.text for r in result.reviews] == ["Enak", "Sip"]


@pytest.mark.parametrize(
    ("cell", "day", "time"),
    [
        ("1/12/2026 19.30", date(2026, 12, 1), "19.30"),  # day first, WIB dot
        ("01/12/2026 9:05", date(2026, 12, 1), "09.05"),
        ("2026-12-01 19:30:05", date(2026, 12, 1), "19.30"),  # the seconds are dropped, not rounded
        ("2026-12-01 19.30.59", date(2026, 12, 1), "19.30"),
        ("1/12/2026 19.30 WIB", date(2026, 12, 1), "19.30"),
        ("2026-12-01T19:30:05+07:00", date(2026, 12, 1), "19.30"),
        ("1/12/2026, 19.30", date(2026, 12, 1), "19.30"),
        ("  2026-12-01   ", date(2026, 12, 1), None),
        ("31.12.2026", date(2026, 12, 31), None),
        ("1/12/2026 24.00", None, None),  # no such hour: the cell is refused, not half read
        ("31/02/2026 10.00", None, None),
        ("2026-12-01 19:30:5x", None, None),
        ("12/31/2026 10.00", None, None),  # month first is refused, never guessed
    ],
)
def test_date_and_time_cells_as_exports_write_them(cell: str, day: date | None, time: str | None) -> None:
    result = parse_reviews(f"ulasan;tanggal\nEnak;{cell}\n".encode())
    if day is None:
        assert not result.reviews and ("invalid date" in result.bad[0][1] or "invalid time" in result.bad[0][1])
    else:
        assert (result.reviews[0].date, result.reviews[0].time) == (day, time)


def test_every_distinct_stamp_is_read_on_its_own() -> None:
    # The day and the clock are read once each and reused; a cache must never hand one row's time to another.
    rows = "".join(f"Enak {i};2026-12-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{i % 7:02d}\n" for i in range(3000))
    reviews = parse_reviews(("ulasan;tanggal\n" + rows).encode()).reviews
    assert [(r.date.day, r.time) for r in reviews if r.date] == [(1 + i % 28, f"{i % 24:02d}.{i % 60:02d}") for i in range(3000)]
