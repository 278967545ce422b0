"""A report that adds up: the funnel never widens, the window looks ahead, empty periods say so,
and the chart's labels never overlap, at 0, 1, 15 or 150 posts a week."""

from __future__ import annotations

import itertools
from pathlib import Path

import pendulum
import pytest

from contentkit.records import Post, UGCItem
from contentkit.views.report_chart import chart_labels
from contentkit.vocab import CHANNELS, PILLARS
from contentkit.workspace import Workspace

TODAY = "2026-12-16"  # a Wednesday in 2026-W51


def _item(ws: Workspace, n: int, collected: str) -> UGCItem:
    return UGCItem(platform="instagram", url=f"https://www.instagram.com/p/C{n}/", owner=f"pelanggan{n}",
                   collected_at=pendulum.parse(collected, tz=ws.tz))


def test_funnel_counts_each_item_in_every_stage_it_reached(ws: Workspace) -> None:
    # The case: an item collected and granted long ago, reposted in the window.
    with ws.store.transaction() as tx:
        old = tx.save(_item(ws, 1, "2026-09-01 10:00"))
    ws.consent.request(old.id, at="2026-09-02 10:00")
    ws.consent.grant(old.id, "boleh kak", at="2026-09-03 10:00")
    with ws.store.transaction() as tx:
        tx.save(Post(at=pendulum.datetime(2026, 12, 10, 19, tz=ws.tz), channel="instagram", format="image",
                     pillar="social_proof", title="Repost", ugc_id=old.id, source="repost", status="published"))
    f = ws.report(weeks=8, end="2027-01-20", today=TODAY).consent
    assert (f.collected, f.requested, f.granted, f.reposted) == (1, 1, 1, 1)


@pytest.mark.parametrize("seed", range(6))
def test_funnel_never_widens(ws: Workspace, seed: int) -> None:
    import random

    rng = random.Random(seed)
    with ws.store.transaction() as tx:
        items = tx.save_many([_item(ws, n, f"2026-{rng.choice((9, 11, 12)):02d}-0{rng.randint(1, 9)} 10:00") for n in range(12)])
    for item in items:
        step = rng.randint(0, 4)
        if step >= 1:
            ws.consent.request(item.id, at="2026-12-01 10:00")
        if step >= 2:
            ws.consent.grant(item.id, "boleh", at="2026-12-02 10:00")
        if step == 3:
            with ws.store.transaction() as tx:
                tx.save(Post(at=pendulum.datetime(2026, 12, 3, 19, tz=ws.tz), channel="instagram", format="image",
                             pillar="social_proof", title="Repost", ugc_id=item.id, status="published"))
        if step == 4:
            ws.consent.revoke(item.id, "minta dihapus", at="2026-12-04 10:00")
    for end in ("2026-12-06", "2026-12-27", "2027-02-01"):
        f = ws.report(weeks=4, end=end, today=TODAY).consent
        assert f.collected >= f.requested >= f.granted >= f.reposted, (end, f)


def test_default_window_is_four_weeks_back_and_two_ahead(ws: Workspace) -> None:
    ws.post_book.add(at="2026-12-29 09:00", channel="instagram", format="reel", pillar="promo", title="Akhir tahun")
    report = ws.report(today=TODAY)
    assert [w.label for w in report.weeks] == ["2026-W48", "2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]
    assert [w.ahead for w in report.weeks] == [False, False, False, False, True, True]
    assert report.weeks[-1].planned == 1


def test_an_empty_period_says_so(ws: Workspace, runner) -> None:  # type: ignore[no-untyped-def]
    from contentkit.cli.main import cli

    report = ws.report(today=TODAY)
    assert "Belum ada posting di periode ini. Buat rencana dengan `contentkit plan`." in report.notes
    assert any("konten pelanggan" in n for n in report.notes)
    ws.post_book.add(at="2026-12-09 09:00", channel="instagram", format="reel", pillar="promo", title="Satu")
    notes = ws.report(weeks=2, end="2026-12-13").notes
    assert "Tidak ada posting di minggu 2026-W49." in notes
    out = runner.invoke(cli, ["report", "-w", str(ws.root), "--weeks", "2", "--end", "2026-12-13"]).output
    assert "2026-W49  tidak ada posting" in out


def fill(ws: Workspace, per_week: int, monday: pendulum.Date, weeks: int) -> None:
    posts, items = [], []
    cycle = itertools.cycle(itertools.product(CHANNELS, PILLARS))
    for w in range(weeks):
        for i in range(per_week):
            channel, pillar = next(cycle)
            at = pendulum.datetime(monday.year, monday.month, monday.day, tz=ws.tz).add(weeks=w, minutes=60 * i)
            past = at < pendulum.parse(TODAY, tz=ws.tz)
            posts.append(Post(at=at, channel=channel, format="image", pillar=pillar, title=f"Post {w}-{i}",
                              status="published" if past and i % 3 else ("skipped" if i % 7 == 0 else "draft")))
            if w < 4:
                items.append(_item(ws, len(items), at.to_datetime_string()))
    with ws.store.transaction() as tx:
        tx.save_many(posts)
        tx.save_many(items)


def overlaps(boxes: list[tuple[str, tuple[float, float, float, float]]]) -> list[tuple[str, str]]:
    bad = []
    for (ta, a), (tb, b) in itertools.combinations(boxes, 2):
        if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5:
            bad.append((ta, tb))
    return bad


@pytest.mark.parametrize("per_week", [0, 1, 15, 150])
@pytest.mark.parametrize("weeks", [4, 12])
def test_chart_labels_never_overlap(tmp_path: Path, per_week: int, weeks: int) -> None:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari Official Store Jakarta", sector="kuliner")
    report_weeks = weeks + 2
    monday = pendulum.parse(TODAY).date().start_of("week").subtract(weeks=weeks - 1)
    fill(ws, per_week, monday, report_weeks)
    report = ws.report(weeks=weeks, today=TODAY)
    assert report.planned == per_week * report_weeks
    (width, height), boxes = chart_labels(report)
    assert boxes
    assert overlaps(boxes) == []
    for text, (left, top, right, bottom) in boxes:
        assert 0 <= left and right <= width and 0 <= top and bottom <= height, text
    if per_week == 150 and weeks == 4:
        from contentkit.views.report_files import write_report

        shots = Path(__file__).parent / "screenshots"
        shots.mkdir(exist_ok=True)
        write_report(ws, shots / "report-150.png")
