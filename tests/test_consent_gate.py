"""The consent gate: every route to a repost or testimonial without a current grant is refused,
naming the item, the channel and what consent is missing (issue: one gate, grants mean what was asked)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

import pendulum
import pytest
from click.testing import CliRunner, Result

from contentkit.cli.main import cli
from contentkit.config import Handles, load_config, write_config
from contentkit.errors import ContentkitError
from contentkit.records import Post
from contentkit.workspace import Workspace

TZ = "Asia/Jakarta"
URL = "https://www.instagram.com/p/DRinaPost01/"




def later(days: int, hour: int = 19, minute: int = 0) -> pendulum.DateTime:
    return pendulum.now(TZ).add(days=days).set(hour=hour, minute=minute, second=0, microsecond=0)


def week_of(at: pendulum.DateTime) -> str:
    year, week, _ = at.isocalendar()
    return f"{year}-W{week:02d}"


def stamp(at: pendulum.DateTime) -> str:
    return at.format("YYYY-MM-DD HH:mm")


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    """A shop on Instagram and WhatsApp; Rina's post asked for Instagram and WhatsApp only."""
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner",
                        handles=Handles(instagram="dapurbusari", whatsapp="6281234567890"))
    ws.ugc.add(URL, "rina.makan", caption="Rendangnya juara 😍\nPedasnya pas, dagingnya empuk banget kak!! #dapurbusari")
    ws.consent.request("U1", channels=["instagram", "whatsapp"])
    return ws


def cli_run(ws: Workspace, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "-w", str(ws.root)])


def refused(result: Result, *words: str) -> str:
    """One `Error:` line, exit 1, naming every word given."""
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def fresh(ws: Workspace) -> Workspace:
    """The workspace as the next command opens it (config re-read from disk)."""
    return Workspace.open(ws.root)


# -- grants mean what was asked ------------------------------------------------------------


def test_a_grant_without_scope_covers_the_channels_asked_for_not_every_channel(ws: Workspace) -> None:
    result = cli_run(ws, "ugc", "grant", "U1", "--evidence", "DM: boleh kak 🙏")
    assert result.exit_code == 0 and "Instagram dan WhatsApp" in result.output
    (grant,) = [e for e in ws.consent.events("U1") if e.kind == "granted"]
    assert grant.scope == ["instagram", "whatsapp"]
    refused(cli_run(ws, "ugc", "repost", "U1", "--channel", "tiktok", "--at", stamp(later(2))),
            "U1", "tiktok", "covers only instagram, whatsapp")
    assert ws.ugc.repost("U1", at=later(2), channel="instagram").ugc_id == "U1"


def test_without_any_request_a_grant_covers_the_workspace_default_channels(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "t", brand="Toko Hijab Nur", sector="fesyen", handles=Handles(instagram="hijabnur"))
    ws.ugc.add("https://www.instagram.com/p/DNur000001/", "sari.hijab")
    event = ws.consent.grant("U1", evidence="WA: iya boleh dipakai")
    assert event.scope == ["instagram"]


def test_an_old_grant_stored_without_scope_covers_what_its_request_asked(ws: Workspace) -> None:
    from contentkit.records import ConsentEvent

    with ws.store.transaction() as tx:  # as grants were stored before they took the request's channels
        tx.save(ConsentEvent(ugc_id="U1", kind="granted", at=pendulum.now(TZ), evidence="boleh", scope=[]))
    assert ws.consent.may_use("U1", "instagram", later(2))
    decision = ws.consent.may_use("U1", "tiktok", later(2))
    assert not decision and "covers only instagram, whatsapp" in decision.reason


def test_show_and_history_say_the_scope_in_words(ws: Workspace) -> None:
    ws.consent.grant("U1", evidence="boleh", until=later(30).date())
    shown = cli_run(ws, "ugc", "show", "U1").output
    assert "Instagram dan WhatsApp, sampai " + later(30).date().isoformat() in shown
    history = cli_run(ws, "ugc", "history", "U1").output
    assert history.count("Instagram dan WhatsApp") == 2  # the request and the grant


# -- every route asks the gate ---------------------------------------------------------------


def _repost(ws: Workspace, days: int = 3, channel: str = "instagram") -> Post:
    return ws.ugc.repost("U1", at=later(days), channel=channel)


def route_repost_other_channel_cli(ws: Workspace) -> tuple[Result | Callable[[], Any], tuple[str, ...]]:
    ws.consent.grant("U1", evidence="boleh", scope=["instagram"])
    return cli_run(ws, "ugc", "repost", "U1", "--channel", "tiktok", "--at", stamp(later(2))), ("U1", "tiktok", "covers only instagram")


def route_repost_no_grant_library(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    return (lambda: ws.ugc.repost("U1", at=later(2), channel="instagram")), ("U1", "@rina.makan", "has not answered")


def route_edit_channel(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    ws.consent.grant("U1", evidence="boleh", scope=["instagram"])
    post = _repost(ws)
    return cli_run(ws, "post", "edit", post.id, "--channel", "tiktok", "--format", "short_video"), (post.id, "U1", "tiktok", "covers only instagram")


def route_edit_time_past_until(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    ws.consent.grant("U1", evidence="boleh", scope=["instagram"], until=later(5).date())
    post = _repost(ws)
    return cli_run(ws, "post", "edit", post.id, "--at", stamp(later(9))), (post.id, "U1", "ends on " + later(5).date().isoformat())


def route_edit_ready_after_revoke(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    ws.consent.grant("U1", evidence="boleh")
    post = _repost(ws)
    ws.consent.revoke("U1", "minta dihapus lewat DM")
    return cli_run(ws, "post", "edit", post.id, "--ready"), (post.id, "U1", "revoked")


def route_library_edit_draft_after_revoke(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    ws.consent.grant("U1", evidence="boleh")
    post = _repost(ws)
    ws.consent.revoke("U1", "minta dihapus")
    return (lambda: ws.post_book.edit(post.id, status="draft")), (post.id, "U1", "revoked")


def route_review_from_ugc_after_revoke(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    ws.consent.grant("U1", evidence="boleh")
    ws.consent.revoke("U1", "berubah pikiran")
    return cli_run(ws, "review", "from-ugc", "U1"), ("U1", "revoked")


def route_review_from_ugc_after_reject(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    ws.consent.grant("U1", evidence="boleh")
    ws.ugc.reject("U1", "foto buram")
    return cli_run(ws, "review", "from-ugc", "U1"), ("U1", "rejected")


def test_render_of_a_review_whose_consent_was_revoked_fails_for_that_review_only(ws: Workspace) -> None:
    ws.consent.grant("U1", evidence="boleh")
    review = ws.reviews.from_ugc("U1")
    other = ws.reviews.add("Pengiriman cepat 👍\nRendangnya empuk, bumbunya meresap", name="Budi", rating=5)
    ws.consent.revoke("U1", "minta dihapus")
    result = cli_run(ws, "testimonial", "render", review.id, other.id)
    assert result.exit_code == 1
    assert f"{review.id} not rendered" in result.output and "U1" in result.output and "revoked" in result.output
    rendered = {r.id: r.rendered for r in ws.reviews.list()}
    assert rendered[review.id] == [] and rendered[other.id] != []


def route_own_for_a_customer(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    return cli_run(ws, "ugc", "add", "https://www.instagram.com/p/DOther0001/", "--user", "rina", "--own"), ("--own", "@rina", "@dapurbusari")


def route_build_repost_post(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    item = ws.ugc.get("U1")
    return (lambda: ws.ugc.build_repost_post(item, later(2), "instagram")), ("U1", "has not answered")


def route_save_a_hand_built_post(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    def save() -> None:
        with ws.store.transaction() as tx:
            tx.save(Post(at=later(2), channel="instagram", format="image", pillar="social_proof", title="x", ugc_id="U1"))

    return save, ("U1", "instagram", "has not answered")


def route_download_after_decline(ws: Workspace) -> tuple[Any, tuple[str, ...]]:
    ws.consent.decline("U1", reason="tidak mau")
    return cli_run(ws, "ugc", "download", "U1"), ("U1", "declined")


ROUTES = [
    route_repost_other_channel_cli, route_repost_no_grant_library, route_edit_channel, route_edit_time_past_until,
    route_edit_ready_after_revoke, route_library_edit_draft_after_revoke, route_review_from_ugc_after_revoke,
    route_review_from_ugc_after_reject, route_own_for_a_customer,
    route_build_repost_post, route_save_a_hand_built_post, route_download_after_decline,
]


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.__name__.removeprefix("route_"))
def test_every_route_without_a_current_grant_is_refused_naming_item_channel_and_what_is_missing(
    ws: Workspace, route: Callable[[Workspace], tuple[Any, tuple[str, ...]]]
) -> None:
    before = None
    outcome, words = route(ws)
    if isinstance(outcome, Result):
        refused(outcome, *words)
    else:
        before = ws.store.path.read_bytes()
        with pytest.raises(ContentkitError) as info:
            outcome()
        for word in words:
            assert word in str(info.value), (word, str(info.value))
        assert ws.store.path.read_bytes() == before  # a refusal writes nothing
    # Whatever the route, nothing that may not go out is waiting to go out.
    assert ws.consent.gate().blocked(ws.posts()) == []


def test_a_repost_cancelled_by_revocation_cannot_be_revived_into_an_export(ws: Workspace, tmp_path: Path) -> None:
    ws.consent.grant("U1", evidence="boleh")
    post = _repost(ws)
    ws.consent.revoke("U1", "minta dihapus")
    refused(cli_run(ws, "post", "edit", post.id, "--ready"), "revoked")
    out = tmp_path / "rencana.csv"
    assert cli_run(ws, "export", "csv", "-o", str(out)).exit_code == 0
    assert "rina.makan" not in out.read_text(encoding="utf-8")


def test_exports_leave_out_posts_the_gate_refuses_and_say_why(ws: Workspace, tmp_path: Path) -> None:
    ws.consent.grant("U1", evidence="boleh", until=later(4).date())
    post = _repost(ws, days=3)
    with ws.store.transaction() as tx:  # a store edited by hand: the post moved past the grant
        row = tx.get(Post, post.id)
        row.at = later(8)
        tx.save(row)
        tx.originals.clear()
    result = cli_run(ws, "export", "csv", "-o", str(tmp_path / "p.csv"))
    assert result.exit_code == 0 and f"left out {post.id}" in result.output
    assert "rina.makan" not in (tmp_path / "p.csv").read_text(encoding="utf-8")


# -- ownership is fixed by consent ---------------------------------------------------------------


def test_reimport_with_another_owner_keeps_the_owner_and_reports_it(ws: Workspace, tmp_path: Path) -> None:
    ws.consent.grant("U1", evidence="boleh")
    csv_file = tmp_path / "lagi.csv"
    csv_file.write_text(f"platform,url,username,caption,taken_at\ninstagram,{URL},budi.palsu,Enak!,2026-12-01\n", encoding="utf-8")
    result = cli_run(ws, "ugc", "import", str(csv_file))
    assert result.exit_code == 0 and "U1 stays @rina.makan's" in result.output and "@budi.palsu" in result.output
    assert ws.ugc.get("U1").owner == "rina.makan"
    assert "@rina.makan" in cli_run(ws, "ugc", "show", "U1").output


def test_reimport_before_any_consent_event_may_correct_the_owner(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "t", brand="Dapur Bu Sari", handles=Handles(instagram="dapurbusari"))
    ws.ugc.add(URL, "rina_typo")
    ws.ugc.add(URL, "rina.makan")
    assert ws.ugc.get("U1").owner == "rina.makan"


def test_add_by_hand_with_another_owner_after_consent_is_refused(ws: Workspace) -> None:
    refused(cli_run(ws, "ugc", "add", URL, "--user", "budi"), "U1", "@rina.makan", "@budi")
    assert ws.ugc.get("U1").owner == "rina.makan"


def test_own_is_accepted_for_the_shops_own_handle(ws: Workspace) -> None:
    result = cli_run(ws, "ugc", "add", "https://www.instagram.com/p/DShop00001/", "--user", "@DapurBuSari", "--own")
    assert result.exit_code == 0, result.output
    assert ws.consent.may_use("U2", "tiktok", later(1))


# -- reviews made from customer content ----------------------------------------------------------


def test_a_review_from_ugc_follows_its_grant_in_plan_and_render(ws: Workspace) -> None:
    ws.consent.grant("U1", evidence="boleh", scope=["instagram"])
    review = ws.reviews.from_ugc("U1")
    assert review.ugc_id == "U1"
    gate = ws.consent.gate()
    assert gate.review(review, "instagram", later(2)) and not gate.review(review, "shopee", later(2))
    ws.consent.revoke("U1", "minta dihapus")
    result = fresh(ws).plan(week=week_of(later(7)))
    assert all(p.review_id != review.id for p in result.posts)
    assert ws.reviews.render(all_new=True) == []


def test_plan_never_places_a_ugc_review_on_a_channel_its_grant_does_not_cover(ws: Workspace) -> None:
    ws.consent.grant("U1", evidence="boleh, di Facebook saja ya", scope=["facebook"])
    review = ws.reviews.from_ugc("U1")
    result = ws.plan(week=week_of(later(7)), weeks=3)  # social proof slots: Shopee, Facebook, Instagram
    # U1 goes out as a repost or as the testimonial made from it, and only where its grant reaches
    placed = [p for p in result.posts if p.ugc_id == "U1" or p.review_id == review.id]
    assert placed and all(p.channel == "facebook" for p in placed)


# -- a timezone change ---------------------------------------------------------------------------


def test_after_a_timezone_change_check_lists_and_plan_skips_the_uncovered_repost(ws: Workspace) -> None:
    last_day = later(3).date()
    ws.consent.grant("U1", evidence="boleh", until=last_day)
    post = ws.ugc.repost("U1", at=later(3, hour=23, minute=30), channel="instagram")
    ws.post_book.edit(post.id, status="ready")
    config = load_config(ws.root / "contentkit.toml")
    config.timezone = "Asia/Jayapura"  # 23:30 WIB is 01:30 WIT the next day, past the grant
    write_config(ws.root / "contentkit.toml", config)
    result = cli_run(ws, "check")
    assert result.exit_code == 1 and post.id in result.output and "consent" in result.output
    assert "ends on " + last_day.isoformat() in result.output
    plan = fresh(ws).plan(week=week_of(later(7)))
    assert any(w.startswith(f"{post.id} skipped") and "U1" in w for w in plan.warnings)
    stored = ws.store.read().get(Post, post.id)
    assert (stored.status, stored.skip_reason) == ("skipped", "consent does not cover this post")


# -- one place ---------------------------------------------------------------------------------------

_DERIVING = re.compile(
    # current_grant only as the gate's own method (`...gate(tx).current_grant(`), never a shortcut around it
    r"\bderive\(|\.allows\(|\bcovers\(|(?<!def )(?<!\)\.)current_grant\(|\bevent_from_row\(|rows\(ConsentEvent\)"
    r"|\.kind\s*==\s*[\"'](granted|revoked|declined|requested)|\[[\"']kind[\"']\]\s*(==|in\b)"
)


def test_no_module_but_consent_py_derives_consent_from_events() -> None:
    root = Path(__file__).resolve().parents[1]
    offenders = []
    for path in [*root.joinpath("contentkit").rglob("*.py"), *root.joinpath("cli").rglob("*.py")]:
        if path.name == "consent.py" and path.parent.name == "ugc":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _DERIVING.search(line):
                offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert offenders == [], "ask the gate in contentkit/ugc/consent.py instead:\n" + "\n".join(offenders)


def test_the_consent_module_says_it_is_the_only_place() -> None:
    from contentkit.ugc import consent

    assert "only place" in (consent.__doc__ or "") and "ConsentGate" in (consent.__doc__ or "")
