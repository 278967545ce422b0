"""Exports: ics, Buffer, Hootsuite, spreadsheet CSV and the Markdown plan."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner

from contentkit import InputError, Post, Workspace
from contentkit.calendar.exports import (
    EXPORT_KINDS,
    export_buffer,
    export_csv,
    export_hootsuite,
    export_ics,
    export_markdown,
    export_posts,
)
from contentkit.calendar.export_markdown import week_heading
from contentkit.calendar.export_bulk import BUFFER_HEADER, HOOTSUITE, bulk_files
from contentkit.calendar.limits import post_text
from contentkit.cli.main import cli

EDITED = pendulum.datetime(2026, 11, 1, 9, 0, tz="UTC")


def make_ws(tmp_path: Path, tz: str = "Asia/Makassar", lang: str = "id") -> Workspace:
    return Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", timezone=tz, language=lang)


def add_posts(ws: Workspace, specs: list[dict]) -> list[Post]:
    posts = []
    for spec in specs:
        fields = {"channel": "instagram", "format": "reel", "pillar": "storytelling", "title": "Cerita"}
        fields.update(spec)
        fields["at"] = pendulum.parse(fields["at"], tz=ws.tz)
        posts.append(Post(created_at=EDITED, updated_at=EDITED, **fields))
    with ws.store.transaction() as tx:
        return tx.save_many(posts)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    ws = make_ws(tmp_path)
    add_posts(
        ws,
        [
            {"at": "2026-12-07 19:00", "format": "image", "title": "Resep nenek", "caption": "Dari dapur kami, pakai cinta.",
             "hashtags": ["dapurbusari", "kulinerindonesia"], "assets": ["https://cdn.test/rendang.jpg", "media/raw.mov"]},
            {"at": "2026-12-09 12:02", "channel": "instagram", "format": "carousel", "pillar": "promo",
             "title": "Flash sale 12.12", "caption": "Diskon 12.12, kak!",
             "assets": ["https://dapurbusari.id/promo-1212", "https://cdn.test/flash.png"]},
            {"at": "2026-12-10 08:30", "channel": "tiktok", "format": "short_video", "pillar": "education",
             "title": "Cara simpan sambal", "caption": "Tahan seminggu 🌶️"},
            {"at": "2026-12-11 10:00", "title": "Batal", "status": "skipped", "skip_reason": "stok habis"},
            {"at": "2026-12-28 19:00", "title": "Akhir tahun", "caption": "Terima kasih 2026"},
            {"at": "2027-01-02 09:15", "channel": "whatsapp", "format": "status", "pillar": "retention",
             "title": "Voucher pelanggan setia | tahun baru", "caption": "Voucher 10%"},
        ],
    )
    return ws


def exported(ws: Workspace) -> list[Post]:
    return [p for p in ws.posts() if p.status != "skipped"]


# -- ics ----------------------------------------------------------------------
def read_ics(path: Path):
    from icalendar import Calendar

    return Calendar.from_ical(path.read_bytes())


def test_ics_has_one_event_per_post_at_the_post_time_with_its_vtimezone(ws: Workspace, tmp_path: Path) -> None:
    result = export_posts(ws, "ics", tmp_path / "plan.ics")
    cal = read_ics(result.path)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    posts = exported(ws)
    assert result.count == len(posts) == len(events) == 5
    assert [tz.tz_name for tz in cal.timezones] == ["Asia/Makassar"]
    assert str(cal["X-WR-CALNAME"]) == "Dapur Bu Sari"
    for post in posts:
        event = events[f"{post.id}@{ws.workspace_id}.contentkit"]
        start = event.start
        assert start == post.at
        assert start.tzinfo is not None and start.utcoffset() == pendulum.duration(hours=8)
        assert event["DTSTART"].params["TZID"] == "Asia/Makassar"
        assert str(event["SUMMARY"]) == f"{post.channel} · {post.format} · {post.title}"
        assert post_text(post.caption, post.hashtags) in str(event["DESCRIPTION"])
        assert event.end - event.start == pendulum.duration(minutes=30)
    first = events[f"{posts[0].id}@{ws.workspace_id}.contentkit"]
    assert "#dapurbusari #kulinerindonesia" in str(first["DESCRIPTION"])


def test_ics_uids_are_stable_across_exports_and_an_edit_raises_sequence(ws: Workspace, tmp_path: Path) -> None:
    before = read_ics(export_posts(ws, "ics", tmp_path / "a.ics").path)
    target = exported(ws)[1]
    ws.post_book.edit(target.id, title="Flash sale 12.12 (diperpanjang)")
    after = read_ics(export_posts(ws, "ics", tmp_path / "b.ics").path)
    uids_before = [str(e["UID"]) for e in before.walk("VEVENT")]
    uids_after = [str(e["UID"]) for e in after.walk("VEVENT")]
    assert len(set(uids_before)) == len(uids_before)
    assert uids_before == uids_after
    seq = {str(e["UID"]): int(e["SEQUENCE"]) for e in before.walk("VEVENT")}
    new = {str(e["UID"]): (int(e["SEQUENCE"]), str(e["SUMMARY"])) for e in after.walk("VEVENT")}
    uid = f"{target.id}@{ws.workspace_id}.contentkit"
    assert new[uid][0] > seq[uid]
    assert new[uid][1].endswith("(diperpanjang)")
    untouched = f"{exported(ws)[0].id}@{ws.workspace_id}.contentkit"
    assert new[untouched][0] == seq[untouched]


def test_ics_in_a_dst_zone_keeps_wall_clock_times_across_the_change(tmp_path: Path) -> None:
    ws = make_ws(tmp_path, tz="Europe/Berlin", lang="en")
    posts = add_posts(ws, [{"at": "2026-03-28 19:00"}, {"at": "2026-03-30 19:00"}, {"at": "2026-10-26 19:00"}])
    cal = read_ics(export_ics(posts, tmp_path / "berlin.ics", tz=ws.tz))
    starts = sorted(e.start for e in cal.walk("VEVENT"))
    assert [s.hour for s in starts] == [19, 19, 19]
    assert [s.utcoffset().total_seconds() / 3600 for s in starts] == [1, 2, 1]
    assert starts == [p.at for p in posts]
    (vtz,) = cal.timezones
    assert vtz.tz_name == "Europe/Berlin"
    assert vtz.walk("DAYLIGHT") and vtz.walk("STANDARD")


def test_ics_is_written_atomically_with_no_temp_file_left(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    export_posts(ws, "ics", out / "plan.ics")
    export_posts(ws, "ics", out / "plan.ics")
    assert [p.name for p in out.iterdir()] == ["plan.ics"]


# -- buffer -------------------------------------------------------------------
def test_buffer_header_rows_time_image_and_tags(ws: Workspace, tmp_path: Path) -> None:
    result = export_posts(ws, "buffer", tmp_path / "buffer.csv", channel="instagram")
    raw = result.path.read_text(encoding="utf-8")
    assert raw.splitlines()[0] == "Text,Image URL,Tags,Posting Time"
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    assert tuple(rows[0]) == BUFFER_HEADER
    posts = [p for p in exported(ws) if p.channel == "instagram" and p.format != "reel"]
    assert len(rows) - 1 == len(posts) == result.count == 2
    assert all(any(cell.strip() for cell in row) for row in rows)
    for row, post in zip(rows[1:], posts):
        assert row[0] == post_text(post.caption, post.hashtags)
        assert row[2] == post.pillar
        assert row[3] == pendulum.instance(post.at).in_timezone(ws.tz).format("YYYY-MM-DD HH:mm")
    assert rows[1][1] == "https://cdn.test/rendang.jpg"  # the local .mov is not a URL Buffer can fetch
    assert rows[2][1] == "https://cdn.test/flash.png"  # the image, not the promo page
    assert rows[1][3] == "2026-12-07 19:00"
    # The reel on 28 Dec is a video: Buffer's file cannot carry it, so it is named, not written.
    reel = [p for p in exported(ws) if p.format == "reel"][0]
    assert [lo.post_id for lo in result.left_out] == [reel.id] and "video" in result.left_out[0].reason


def test_buffer_refuses_posts_on_several_channels(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="one channel"):
        export_buffer(exported(ws), tmp_path / "mixed.csv", tz=ws.tz)
    assert not (tmp_path / "mixed.csv").exists()


def test_buffer_needs_a_channel_it_can_post_to(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--channel"):
        export_posts(ws, "buffer", tmp_path / "b.csv")
    with pytest.raises(InputError, match="cannot post to whatsapp"):
        export_posts(ws, "buffer", tmp_path / "b.csv", channel="whatsapp")
    assert not (tmp_path / "b.csv").exists()


def test_schedulers_leave_out_published_posts(ws: Workspace, tmp_path: Path) -> None:
    first = exported(ws)[0]
    ws.post_book.publish(first.id, "https://instagram.com/p/abc")
    result = export_posts(ws, "buffer", tmp_path / "b.csv", channel="instagram")
    assert result.count == 1
    assert any(first.id in w and "published" in w for w in result.warnings)


# -- hootsuite ----------------------------------------------------------------
def test_hootsuite_rounds_minutes_up_to_five_links_the_page_not_the_image(ws: Workspace, tmp_path: Path) -> None:
    now = pendulum.datetime(2026, 12, 1, tz=ws.tz)
    result = export_posts(ws, "hootsuite", tmp_path / "hs.csv", channel="instagram", now=now)
    rows = list(csv.reader(io.StringIO(result.path.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == result.count == 2  # no header row; the reel is left out
    times = [pendulum.from_format(r[0], "DD/MM/YYYY HH:mm", tz=ws.tz) for r in rows]
    assert all(t.minute % 5 == 0 for t in times)
    assert rows[1][0] == "09/12/2026 12:05"  # 12:02 moved up
    assert rows[0][0] == "07/12/2026 19:00"
    assert rows[0][2] == ""  # column C is a link to share; an image URL never goes there
    assert rows[1][2] == "https://dapurbusari.id/promo-1212"
    moved = [w for w in result.warnings if "moved" in w]
    assert len(moved) == 1 and "12:02" in moved[0] and "12:05" in moved[0]
    assert any("attach https://cdn.test/rendang.jpg" in w for w in result.warnings)
    assert "dd/mm/yyyy" in result.hint


def test_hootsuite_needs_a_channel(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="add --channel"):
        export_posts(ws, "hootsuite", tmp_path / "hs.csv")
    assert not (tmp_path / "hs.csv").exists()


def test_hootsuite_rounding_crosses_midnight(tmp_path: Path) -> None:
    ws = make_ws(tmp_path)
    posts = add_posts(ws, [{"at": "2026-12-31 23:58", "channel": "facebook", "format": "image", "caption": "Selamat tahun baru"}])
    files = bulk_files(HOOTSUITE, posts, tz=ws.tz, now=pendulum.datetime(2026, 1, 1, tz="UTC"))
    assert files.files[0][0][0] == "01/01/2027 00:00"


def test_hootsuite_leaves_out_past_times_by_id(ws: Workspace, tmp_path: Path) -> None:
    now = pendulum.datetime(2026, 12, 20, tz=ws.tz)
    result = export_posts(ws, "hootsuite", tmp_path / "hs.csv", channel="instagram", now=now)
    past = [lo for lo in result.left_out if "past" in lo.reason]
    assert len(past) == 2 and result.count == 0
    assert result.path.read_text(encoding="utf-8") == ""


def test_hootsuite_file_is_utf8_without_bom(ws: Workspace, tmp_path: Path) -> None:
    add_posts(ws, [{"at": "2026-12-12 10:00", "channel": "facebook", "format": "image", "caption": "Pedasnya pas 🌶️"}])
    (path,) = export_hootsuite([p for p in ws.posts() if p.channel == "facebook"], tmp_path / "hs.csv", tz=ws.tz,
                               now=pendulum.datetime(2026, 12, 1, tz="UTC"))
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "🌶️".encode() in data


# -- csv ----------------------------------------------------------------------
def test_csv_has_every_field_with_bom_and_round_trips_ids(ws: Workspace, tmp_path: Path) -> None:
    path = export_csv(exported(ws), tmp_path / "posts.csv", tz=ws.tz)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    posts = exported(ws)
    assert list(rows[0].keys()) == list(posts[0].to_dict().keys())
    assert [r["id"] for r in rows] == [p.id for p in posts]
    assert rows[0]["hashtags"] == "dapurbusari kulinerindonesia"
    assert rows[0]["assets"] == "https://cdn.test/rendang.jpg media/raw.mov"
    assert pendulum.parse(rows[0]["at"]) == posts[0].at
    assert rows[0]["at"].endswith("+08:00")
    assert rows[2]["caption"] == "Tahan seminggu 🌶️"


def test_skipped_posts_are_not_exported(ws: Workspace, tmp_path: Path) -> None:
    result = export_posts(ws, "csv", tmp_path / "posts.csv")
    text = result.path.read_text(encoding="utf-8-sig")
    assert "Batal" not in text and result.count == 5


def test_export_filters_by_dates_inclusive_and_channel(ws: Workspace, tmp_path: Path) -> None:
    result = export_posts(ws, "csv", tmp_path / "p.csv", start="2026-12-09", end="2026-12-28", channel="instagram")
    rows = list(csv.DictReader(io.StringIO(result.path.read_text(encoding="utf-8-sig"), newline="")))
    assert [r["title"] for r in rows] == ["Flash sale 12.12", "Akhir tahun"]


# -- markdown -----------------------------------------------------------------
def test_week_heading_in_indonesian_and_english() -> None:
    # The example "2026-W49 (7–13 Des 2026)" mixes two weeks: 7 Dec 2026 is in W50.
    assert week_heading(pendulum.Date(2026, 12, 7)) == "2026-W50 (7–13 Des 2026)"
    assert week_heading(pendulum.Date(2026, 11, 30)) == "2026-W49 (30 Nov – 6 Des 2026)"
    assert week_heading(pendulum.Date(2026, 12, 28)) == "2026-W53 (28 Des 2026 – 3 Jan 2027)"
    assert week_heading(pendulum.Date(2026, 12, 28), "en") == "2026-W53 (28 Dec 2026 – 3 Jan 2027)"


def test_markdown_plan_has_a_table_per_week(ws: Workspace, tmp_path: Path) -> None:
    path = export_markdown(exported(ws), tmp_path / "plan.md", tz=ws.tz, lang="id", brand="Dapur Bu Sari")
    text = path.read_text(encoding="utf-8")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## 2026-W50 (7–13 Des 2026)", "## 2026-W53 (28 Des 2026 – 3 Jan 2027)"]
    assert text.startswith("# Rencana konten Dapur Bu Sari")
    assert "| Hari | Jam | Kanal | Format | Pilar | Judul | Status |" in text
    assert "| Sen 7 Des | 19:00 | instagram | image | storytelling | Resep nenek | draf |" in text
    assert "| Sab 2 Jan | 09:15 | whatsapp | status | retention | Voucher pelanggan setia \\| tahun baru | draf |" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line and "Hari" not in line]
    assert len(rows) == 5


def test_markdown_week_comes_from_the_workspace_timezone(tmp_path: Path) -> None:
    ws = make_ws(tmp_path, tz="Europe/Berlin", lang="en")
    # Sunday 23:30 in Berlin is already Monday in UTC: the post still belongs to the Berlin week.
    posts = add_posts(ws, [{"at": "2026-12-27 23:30"}])
    text = export_markdown(posts, tmp_path / "plan.md", tz=ws.tz, lang="en").read_text(encoding="utf-8")
    assert "## 2026-W52 (21–27 Dec 2026)" in text
    assert "| Sun 27 Dec | 23:30 |" in text


# -- errors -------------------------------------------------------------------
def test_missing_folder_is_refused_before_writing(ws: Workspace, tmp_path: Path) -> None:
    for kind in EXPORT_KINDS:
        with pytest.raises(InputError, match="does not exist; create it or choose another path"):
            export_posts(ws, kind, tmp_path / "nope" / "plan.out", channel="instagram")
    assert not (tmp_path / "nope").exists()


def test_unknown_kind_lists_the_valid_ones(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="ics, buffer, hootsuite, csv, markdown"):
        export_posts(ws, "pdf", tmp_path / "x.pdf")


# -- cli ----------------------------------------------------------------------
def run(ws: Workspace, *args: str):
    return CliRunner().invoke(cli, ["export", *args, "--workspace", str(ws.root)])


@pytest.mark.parametrize(
    "kind, extra",
    [("ics", []), ("buffer", ["--channel", "instagram"]), ("hootsuite", ["--channel", "instagram"]), ("csv", []),
     ("markdown", [])],
)
def test_cli_writes_each_kind(ws: Workspace, tmp_path: Path, kind: str, extra: list[str]) -> None:
    out = tmp_path / f"plan.{kind}"
    result = run(ws, kind, "--from", "2026-12-01", "--to", "2027-01-31", *extra, "-o", str(out))
    assert result.exit_code == 0, result.output
    expected = 2 if kind in ("buffer", "hootsuite") else 5  # the reel is a video: left out of schedulers' files
    if kind == "hootsuite":  # it also leaves out the past, which depends on today's date
        assert re.search(rf"Wrote \d posts? to {re.escape(str(out))}", result.output)
    else:
        assert f"Wrote {expected} posts to {out}" in result.output
    assert out.exists()


def test_cli_prints_hootsuite_warnings(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "hs.csv"
    add_posts(ws, [{"at": "2099-12-09 12:02", "channel": "facebook", "format": "image", "caption": "Promo"}])
    result = run(ws, "hootsuite", "--channel", "facebook", "-o", str(out))
    assert result.exit_code == 0
    assert "moved to 12:05" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["csv", "--from", "2026-13-01", "-o", "{tmp}/x.csv"], "invalid date '2026-13-01'"),
        (["csv", "-o", "{tmp}/missing/x.csv"], "does not exist; create it or choose another path"),
        (["buffer", "-o", "{tmp}/x.csv"], "add --channel"),
        (["csv", "--from", "2026-12-31", "--to", "2026-12-01", "-o", "{tmp}/x.csv"], "swap them"),
    ],
)
def test_cli_errors_are_one_line_and_write_nothing(ws: Workspace, tmp_path: Path, args: list[str], message: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = run(ws, *[a.format(tmp=out_dir) for a in args])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result.output
    assert list(out_dir.iterdir()) == []
