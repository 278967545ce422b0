"""The report: its figures as data, the PNG chart and the HTML page drawn from them, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pendulum
import pytest

from contentkit.cli.main import cli
from contentkit.records import Post, UGCItem
from contentkit.vocab import PILLAR_STAGES, STAGES
from contentkit.workspace import Workspace

END = "2026-12-27"  # the window 2026-W49 .. 2026-W52 is 2026-11-30 .. 2026-12-27
AFTER = "2027-01-05"


def add(ws: Workspace, at: str, pillar: str = "storytelling", channel: str = "instagram", fmt: str = "reel", title: str = "Post"):  # type: ignore[no-untyped-def]
    return ws.post_book.add(at=at, channel=channel, format=fmt, pillar=pillar, title=title)


def test_window_is_whole_iso_weeks_ending_with_the_week_of_end(ws: Workspace) -> None:
    report = ws.report(weeks=4, end="2026-12-23")
    assert str(report.start) == "2026-11-30" and str(report.end) == "2026-12-27"
    assert [w.label for w in report.weeks] == ["2026-W49", "2026-W50", "2026-W51", "2026-W52"]


def test_planned_published_and_skipped_per_week(ws: Workspace) -> None:
    a = add(ws, "2026-12-01 09:00")
    b = add(ws, "2026-12-02 09:00")
    c = add(ws, "2026-12-03 09:00")
    d = add(ws, "2026-12-16 09:00", pillar="promo")
    add(ws, "2026-12-28 09:00")  # the week after the window
    add(ws, "2026-11-29 23:59")  # the Sunday before it
    ws.post_book.publish(a.id, "https://instagram.com/p/1")
    ws.post_book.publish(d.id, "https://instagram.com/p/2")
    ws.post_book.skip(c.id, "stok habis")
    report = ws.report(weeks=4, end=END)
    figures = {w.label: (w.planned, w.published, w.skipped) for w in report.weeks}
    assert figures == {"2026-W49": (3, 1, 1), "2026-W50": (0, 0, 0), "2026-W51": (1, 1, 0), "2026-W52": (0, 0, 0)}
    assert (report.planned, report.published) == (4, 2)
    assert b.id  # b stays a draft: planned, not published


def test_pillar_mix_is_against_the_strategy_target(ws: Workspace) -> None:
    ws.plan(week="2026-W49", weeks=2)
    posts = [p for p in ws.posts(start="2026-11-30", end="2026-12-13") if p.status != "skipped"]
    report = ws.report(weeks=2, end="2026-12-13")
    mix = ws.strategy.mix
    by_pillar = {p.pillar: p for p in report.pillars}
    assert set(mix) <= set(by_pillar)
    for pillar, share in mix.items():
        got = by_pillar[pillar]
        assert got.posts == sum(p.pillar == pillar for p in posts)
        assert got.target_share == pytest.approx(share, abs=1e-4)
        assert got.target_posts == pytest.approx(share * len(posts), abs=0.01)
    assert sum(p.posts for p in report.pillars) == len(posts)


def test_stages_covered_follow_the_pillars_of_each_week(ws: Workspace) -> None:
    add(ws, "2026-12-01 09:00", pillar="promo")  # promo carries no stage
    add(ws, "2026-12-08 09:00", pillar="interaction", fmt="story")
    add(ws, "2026-12-09 09:00", pillar="retention", channel="whatsapp", fmt="broadcast")
    add(ws, "2026-12-10 09:00", pillar="storytelling")
    skipped = add(ws, "2026-12-11 09:00", pillar="service")
    ws.post_book.skip(skipped.id, "libur")
    report = ws.report(weeks=2, end="2026-12-13")
    first, second = report.weeks
    # Hand-added posts speak to no persona: target customers is not ticked just because personas exist.
    assert first.stages == []
    expected = {PILLAR_STAGES[p] for p in ("interaction", "retention", "storytelling")}
    assert second.stages == [s for s in STAGES if s in expected]
    assert "valuable_experience" not in report.stages  # only the skipped post had service
    ws.plan(week="2026-W51")  # planned posts are aimed at the strategy's personas
    planned = ws.report(weeks=1, end="2026-12-20").weeks[0]
    assert "target_customers" in planned.stages


def test_channels_used(ws: Workspace) -> None:
    a = add(ws, "2026-12-01 09:00")
    add(ws, "2026-12-02 09:00")
    add(ws, "2026-12-03 09:00", channel="tiktok", fmt="short_video")
    ws.post_book.publish(a.id, "https://instagram.com/p/1")
    report = ws.report(weeks=1, end="2026-12-06")
    assert [(c.channel, c.posts, c.published) for c in report.channels] == [("instagram", 2, 1), ("tiktok", 1, 0)]


def _item(ws: Workspace, n: int, collected: str) -> UGCItem:
    return UGCItem(platform="instagram", url=f"https://www.instagram.com/p/C{n}/", owner=f"pelanggan{n}",
                   collected_at=pendulum.parse(collected, tz=ws.tz))


def test_consent_funnel_counts_what_happened_in_the_window(ws: Workspace) -> None:
    with ws.store.transaction() as tx:
        a, b, c, d, e, old = tx.save_many([
            _item(ws, 1, "2026-11-30 10:00"), _item(ws, 2, "2026-12-01 10:00"), _item(ws, 3, "2026-12-01 11:00"),
            _item(ws, 4, "2026-12-02 10:00"), _item(ws, 5, "2026-12-20 10:00"), _item(ws, 6, "2026-10-01 10:00"),
        ])
    ws.consent.request(a.id, at="2026-12-01 10:00")
    ws.consent.grant(a.id, "DM: boleh #YaDapurBuSari", at="2026-12-03 10:00")
    # Stored directly: `ugc repost` only takes future times, and this test must not depend on today's date.
    with ws.store.transaction() as tx:
        tx.save(Post(at=pendulum.datetime(2026, 12, 10, 12, tz=ws.tz), channel="instagram", format="image",
                     pillar="social_proof", title="Repost", ugc_id=a.id, source="repost", status="published"))
    ws.consent.request(b.id, at="2026-12-02 10:00")
    ws.consent.decline(b.id, at="2026-12-04 10:00")
    ws.consent.request(c.id, at="2026-12-01 12:00")  # never answered: expires after 14 days
    ws.consent.grant(d.id, "WA: boleh", at="2026-12-01 10:00")
    ws.consent.revoke(d.id, "minta dihapus", at="2026-12-05 10:00")
    ws.consent.request(old.id, at="2026-10-02 10:00")  # before the window: not counted
    f = ws.report(weeks=4, end=END, today=AFTER).consent
    # d was granted without a request in contentkit: it was asked elsewhere, so it counts as asked
    assert (f.collected, f.requested, f.granted, f.reposted) == (5, 4, 2, 1)
    assert (f.declined, f.revoked, f.expired) == (1, 1, 1)
    assert e.id  # collected only


def test_an_unanswered_request_is_not_expired_before_its_deadline(ws: Workspace) -> None:
    with ws.store.transaction() as tx:
        item = tx.save(_item(ws, 1, "2026-12-20 10:00"))
    ws.consent.request(item.id, at="2026-12-21 10:00")
    assert ws.report(weeks=1, end=END, today="2026-12-27").consent.expired == 0
    assert ws.report(weeks=3, end="2027-01-10", today="2027-01-10").consent.expired == 1


def test_testimonials_rendered_and_used(ws: Workspace) -> None:
    ws.reviews.add("Rendangnya empuk!", name="Bu Ani", product="Rendang")
    ws.reviews.add("Pengiriman cepat, masih hangat.", name="Pak Budi", product="Nasi box")
    ws.reviews.add("Sambalnya juara.", name="Sinta", product="Sambal")
    ws.plan(week="2026-W49", weeks=1)
    used = [p for p in ws.posts(start="2026-11-30", end="2026-12-06") if p.review_id]
    assert used, "the planner puts waiting reviews into social_proof slots"
    ws.post_book.publish(used[0].id, "https://instagram.com/p/testi")
    t = ws.report(weeks=1, end="2026-12-06").testimonials
    assert t.planned == len(used) and t.published == 1
    rendered = [r for r in ws.reviews.list() if r.rendered]
    assert t.rendered == len(rendered) and t.images == sum(len(r.rendered) for r in rendered)


def test_to_dict_is_json_ready(ws: Workspace) -> None:
    add(ws, "2026-12-01 09:00")
    data = ws.report(weeks=2, end=END).to_dict()
    text = json.dumps(data)
    back = json.loads(text)
    assert back["start"] == "2026-12-14" and back["end"] == END
    assert back["weeks"][0]["start"] == "2026-12-14"
    assert set(back["consent"]) == {"collected", "requested", "granted", "reposted", "declined", "revoked", "expired"}


@pytest.mark.parametrize("weeks", [0, -1, 53])
def test_bad_week_counts(ws: Workspace, weeks: int) -> None:
    from contentkit.errors import InputError

    with pytest.raises(InputError, match="--weeks"):
        ws.report(weeks=weeks)


# -- pictures and pages --------------------------------------------------------------

def test_png_chart_has_a_title_band_and_panels(ws: Workspace, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    ws.plan(week="2026-W49", weeks=4)
    out = tmp_path / "laporan.png"
    result = runner.invoke(cli, ["report", "-w", str(ws.root), "--end", END, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}" in result.output
    with Image.open(out) as im:
        assert im.format == "PNG" and im.width == 1600 and im.height > 1200
        rgb = im.convert("RGB")
        assert rgb.getpixel((5, 5)) == (0xC0, 0x39, 0x2B)  # the brand colour band
        assert len(rgb.resize((160, 172)).getcolors(maxcolors=1 << 16) or []) > 20  # not a blank canvas


def test_html_report_embeds_the_chart_and_escapes_text(tmp_path: Path, runner) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.init(tmp_path / "t", brand="Toko <script>x</script>", language="en")
    ws.post_book.add(at="2026-12-01 09:00", channel="instagram", format="reel", pillar="promo", title="P")
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["report", "-w", str(ws.root), "--end", END, "--weeks", "2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert '<img class="chart" src="data:image/png;base64,' in html
    assert "<script>" not in html and "Toko &lt;script&gt;x&lt;/script&gt;" in html
    assert "Content report" in html and "UGC consent funnel" in html and "2026-W52" in html


def test_cli_json_and_summary(ws: Workspace, runner) -> None:  # type: ignore[no-untyped-def]
    add(ws, "2026-12-01 09:00")
    r = runner.invoke(cli, ["report", "-w", str(ws.root), "--end", END, "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["planned"] == 1
    text = runner.invoke(cli, ["report", "-w", str(ws.root), "--end", END])
    assert "2026-W49" in text.output and "Alur izin UGC" in text.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "laporan.pdf"], "must end in .png or .html"),
        (["--weeks", "0"], "--weeks must be"),
        (["--end", "12-27-2026"], "day-first"),
        (["-o", "nope/laporan.png"], "does not exist"),
    ],
)
def test_cli_errors_are_one_line(ws: Workspace, runner, tmp_path: Path, monkeypatch, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["report", "-w", str(ws.root), *args])
    assert result.exit_code == 1
    assert result.output.startswith("Error:") and message in result.output
    assert result.output.count("\n") == 1


def test_a_late_answer_takes_a_request_out_of_expired(ws: Workspace) -> None:
    with ws.store.transaction() as tx:
        item = tx.save(_item(ws, 1, "2026-11-30 10:00"))
    ws.consent.request(item.id, at="2026-12-01 10:00")
    ws.consent.grant(item.id, "DM: boleh, maaf telat", at="2026-12-20 10:00")  # after the 14-day deadline
    f = ws.report(weeks=4, end=END, today=AFTER).consent
    assert (f.requested, f.granted, f.expired) == (1, 1, 0)
