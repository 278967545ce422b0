"""Calendars that stay true: skipped, redrawn, revoked and deleted posts come back as cancelled events.

Read back with `icalendar` and with `recurring-ical-events` (an independent
reader of the same files, as calendar apps see them).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pendulum
import pytest
from click.testing import CliRunner

from contentkit import InputError, Post, Workspace
from contentkit.calendar.exports import export_posts
from contentkit.cli.main import cli
from contentkit.config import load_config, write_config


def next_week(weeks: int = 1) -> tuple[str, pendulum.Date]:
    monday = pendulum.today("Asia/Jakarta").date().start_of("week").add(weeks=weeks)
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}", monday


def events(path: Path) -> dict[str, Any]:
    from icalendar import Calendar

    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def other_reader(path: Path, start: pendulum.Date, days: int = 14) -> dict[str, Any]:
    """The same file through recurring-ical-events: every occurrence in the window, by UID."""
    import recurring_ical_events
    from icalendar import Calendar

    cal = Calendar.from_ical(path.read_bytes())
    found = recurring_ical_events.of(cal).between(start.subtract(days=1), start.add(days=days))
    return {str(e["UID"]): e for e in found}


@pytest.fixture
def shop(tmp_path: Path) -> Workspace:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", timezone="Asia/Jakarta")
    ws.ugc.add("https://www.instagram.com/p/DAbcImg01x/", "rina.makan", caption="Rendangnya juara 😍 #dapurbusari")
    ws.consent.grant("U1", evidence="boleh kak, silakan direpost 🙏", scope=["instagram"])
    return ws


def test_skip_replan_revoke_and_delete_come_back_cancelled_with_higher_sequence(shop: Workspace, tmp_path: Path) -> None:
    week, monday = next_week()
    shop.plan(week=week)
    repost = shop.ugc.repost("U1", at=monday.add(days=2).isoformat() + " 20:00", channel="instagram")
    first = export_posts(shop, "ics", tmp_path / "a.ics", start=monday, end=monday.add(days=6))
    before = events(first.path)
    assert first.cancelled == 0 and len(before) == first.count >= 8
    drafts = [p for p in shop.posts(start=monday, end=monday.add(days=6)) if p.id != repost.id]
    skipped, deleted, kept = drafts[0], drafts[1], drafts[2]
    shop.post_book.skip(skipped.id, "stok habis")
    shop.post_book.edit(kept.id, title="Rendang nenek, resep 1965")  # edited: locked, survives the replan
    with shop.store.transaction() as tx:
        tx.delete(Post, deleted.id)
    shop.plan(week=week, replan=True)  # redraws untouched drafts under new ids
    shop.consent.revoke("U1", "minta dihapus lewat DM")
    shop.config = replace(shop.config, brand="Dapur Bu Sari Official")  # a rename changes no UID
    write_config(shop.root / "contentkit.toml", shop.config)
    shop = Workspace.open(shop.root)
    second = export_posts(shop, "ics", tmp_path / "b.ics", start=monday, end=monday.add(days=6))
    after = events(second.path)

    domain = f"@{shop.workspace_id}.contentkit"
    uid = lambda post_id: f"{post_id}{domain}"  # noqa: E731
    for gone in (skipped.id, deleted.id, repost.id):
        event = after[uid(gone)]
        assert str(event["STATUS"]) == "CANCELLED", gone
        assert int(event["SEQUENCE"]) > int(before[uid(gone)]["SEQUENCE"])
    redrawn = [u for u in before if u not in after]
    assert redrawn == []  # every event of the first file is in the second: live, or cancelled
    live_after = {u for u, e in after.items() if str(e["STATUS"]) != "CANCELLED"}
    assert {u for u in before if u in live_after} >= {uid(kept.id)}
    assert int(after[uid(kept.id)]["SEQUENCE"]) > int(before[uid(kept.id)]["SEQUENCE"])
    assert second.cancelled == len(before) - len({u for u in before if u in live_after})
    assert all(u.endswith(domain) for u in after)
    # DTSTAMP is the export time, not the post's edit time.
    assert all(abs(e.DTSTAMP - pendulum.now("UTC")) < pendulum.duration(minutes=5) for e in after.values())

    # The independent reader sees the same UIDs, statuses and sequences.
    seen = other_reader(second.path, monday)
    assert set(seen) == set(after)
    assert {u: str(e["STATUS"]) for u, e in seen.items()} == {u: str(e["STATUS"]) for u, e in after.items()}

    # Exporting again changes nothing: same sequences, the cancelled ones still there.
    third = events(export_posts(shop, "ics", tmp_path / "c.ics", start=monday, end=monday.add(days=6)).path)
    assert {u: int(e["SEQUENCE"]) for u, e in third.items()} == {u: int(e["SEQUENCE"]) for u, e in after.items()}


def test_cancelled_events_stop_once_older_than_the_range(shop: Workspace, tmp_path: Path) -> None:
    week, monday = next_week()
    shop.plan(week=week)
    post = shop.posts()[0]
    export_posts(shop, "ics", tmp_path / "a.ics")
    shop.post_book.skip(post.id, "libur")
    assert str(events(export_posts(shop, "ics", tmp_path / "b.ics").path)[f"{post.id}@{shop.workspace_id}.contentkit"]["STATUS"]) == "CANCELLED"
    later = export_posts(shop, "ics", tmp_path / "c.ics", start=monday.add(days=7))
    assert f"{post.id}@{shop.workspace_id}.contentkit" not in events(later.path)


def test_a_post_blocked_by_consent_is_left_out_and_named(shop: Workspace, tmp_path: Path) -> None:
    _, monday = next_week()
    shop.ugc.add("https://www.instagram.com/p/DAbcVid003/", "ibu.dewi", caption="Masak bareng")
    at = pendulum.datetime(monday.year, monday.month, monday.day, 19, tz=shop.tz)
    with shop.store.transaction() as tx:  # a post made before the rules, or by a script: no grant for U2
        tx.save(Post(at=at, channel="instagram", format="image", pillar="social_proof", title="Repost", ugc_id="U2"))
        tx.originals.clear()  # stored past the routes' consent check (the store refuses it otherwise)
    result = export_posts(shop, "ics", tmp_path / "a.ics")
    (left,) = result.left_out
    assert left.post_id == "P1" and "U2" in left.reason and "consent" in left.reason
    assert "P1@" not in (tmp_path / "a.ics").read_text()


def test_uids_come_from_the_stored_workspace_id(tmp_path: Path) -> None:
    one = Workspace.init(tmp_path / "a", brand="Toko Sama")
    two = Workspace.init(tmp_path / "b", brand="Toko Sama")
    assert one.workspace_id != two.workspace_id and len(one.workspace_id) == 16
    assert load_config(one.root / "contentkit.toml").workspace_id == one.workspace_id
    # --force rewrites the settings but keeps the id.
    again = Workspace.init(tmp_path / "a", brand="Toko Baru", force=True)
    assert again.workspace_id == one.workspace_id


def test_an_older_workspace_gets_its_id_once_and_keeps_its_uids(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "lama", brand="Dapur Bu Sari")
    toml = ws.root / "contentkit.toml"
    toml.write_text("\n".join(line for line in toml.read_text().splitlines() if not line.startswith("workspace_id")))
    old = Workspace.open(ws.root)
    assert old.config.workspace_id == ""
    assert old.workspace_id == "dapurbusari"  # the slug its UIDs were built from before
    assert load_config(toml).workspace_id == "dapurbusari"


def test_reminders_and_the_feed(shop: Workspace, tmp_path: Path) -> None:
    week, _ = next_week()
    shop.plan(week=week)
    from icalendar import Calendar

    result = export_posts(shop, "ics", tmp_path / "feed.ics", feed=True, remind="30m")
    cal = Calendar.from_ical(result.path.read_bytes())
    alarms = [a for e in cal.walk("VEVENT") for a in e.walk("VALARM")]
    assert len(alarms) == result.count > 0
    assert all(a["TRIGGER"].dt == -pendulum.duration(minutes=30) and str(a["ACTION"]) == "DISPLAY" for a in alarms)
    assert "REFRESH-INTERVAL" in cal and "X-PUBLISHED-TTL" in cal
    # The reminder is part of the event: changing it raises SEQUENCE.
    seq = {str(e["UID"]): int(e["SEQUENCE"]) for e in cal.walk("VEVENT")}
    again = Calendar.from_ical(export_posts(shop, "ics", tmp_path / "feed.ics", feed=True, remind="1h").path.read_bytes())
    assert all(int(e["SEQUENCE"]) == seq[str(e["UID"])] + 1 for e in again.walk("VEVENT"))
    with pytest.raises(InputError, match="30m, 1h or 1d"):
        export_posts(shop, "ics", tmp_path / "x.ics", remind="sebentar")
    with pytest.raises(InputError, match="leave out --from/--to"):
        export_posts(shop, "ics", tmp_path / "x.ics", feed=True, start="2026-12-01")
    assert not (tmp_path / "x.ics").exists()


def test_cli_feed_with_reminder(shop: Workspace, tmp_path: Path) -> None:
    week, _ = next_week()
    shop.plan(week=week)
    out = tmp_path / "kalender.ics"
    result = CliRunner().invoke(cli, ["export", "ics", "--feed", "--remind", "1h", "-o", str(out), "-w", str(shop.root)])
    assert result.exit_code == 0, result.output
    assert "BEGIN:VALARM" in out.read_text()
