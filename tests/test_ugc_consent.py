"""The consent ledger: append-only events, derived states, grants, revocation cancelling reposts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pendulum
import pytest

from contentkit.config import Handles
from contentkit.errors import ConsentError, InputError, NotFoundError
from contentkit.records import ConsentEvent, Post, UGCItem
from contentkit.workspace import Workspace


@pytest.fixture
def shop(tmp_path: Path) -> Workspace:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", handles=Handles(instagram="dapurbusari"))
    ws.config.terms_url = "https://dapurbusari.id/repost"
    ws.ugc.add("https://www.instagram.com/p/DAbcImg01x/", "rina.makan", caption="Rendang enak! #dapurbusari")
    ws.ugc.add("https://www.tiktok.com/@budi/video/1", "budi", caption="Unboxing hampers")
    return ws


def later(days: int, hour: int = 19) -> pendulum.DateTime:
    return pendulum.now("Asia/Jakarta").add(days=days).set(hour=hour, minute=0, second=0, microsecond=0)


def test_states_follow_the_events(shop: Workspace) -> None:
    c = shop.consent
    assert c.state("U1").name == "none"
    c.request("U1")
    assert c.state("U1").name == "requested"
    assert c.state("U1", at=later(15)).name == "expired"  # default: 14 days without an answer
    c.grant("U1", evidence="DM: boleh kak", scope=["instagram"], until=later(30).date())
    st = c.state("U1")
    assert st.name == "granted" and st.allows("instagram", later(3)) and not st.allows("tiktok", later(3))
    assert not st.allows("instagram", later(31))  # past its until
    assert c.state("U1", at=later(31)).name == "grant_expired"
    c.decline("U2", reason="tidak mau")
    assert c.state("U2").name == "declined"


def test_the_shops_own_content_is_self_granted(shop: Workspace) -> None:
    with shop.store.transaction() as tx:
        item = tx.get(UGCItem, "U2")
        item.is_own = True
        tx.save(item)
    st = shop.consent.state("U2")
    assert st.name == "self_granted" and st.allows("tiktok", later(5))
    shop.consent.revoke("U2", "akun dijual")
    assert shop.consent.state("U2").name == "revoked"


def test_request_message_has_everything_the_creator_needs(shop: Workspace) -> None:
    req = shop.consent.request("U1", via="dm", lang="id", channels=["instagram", "tiktok"])
    for part in ("@rina.makan", "Dapur Bu Sari", "@dapurbusari", "https://www.instagram.com/p/DAbcImg01x/",
                 "Instagram dan TikTok", "#YaDapurBuSari", "https://dapurbusari.id/repost", "📸 @rina.makan"):
        assert part in req.message
    assert req.event.kind == "requested" and req.event.message == req.message and req.event.via == "dm"
    en = shop.consent.request("U1", via="email", lang="en")
    assert en.message.startswith("Subject:") and "reply to this email with #YaDapurBuSari" in en.message
    with pytest.raises(InputError, match="unknown via"):
        shop.consent.request("U1", via="pigeon")


def test_grant_until_in_the_past_is_refused(shop: Workspace) -> None:
    with pytest.raises(InputError, match="in the past"):
        shop.consent.grant("U1", evidence="ok", until=later(-2).date())
    with pytest.raises(InputError, match="evidence"):
        shop.consent.grant("U1", evidence="  ")
    with pytest.raises(NotFoundError):
        shop.consent.grant("U99", evidence="ok")
    assert shop.consent.events("U1") == []


def test_evidence_file_is_copied_into_the_workspace(shop: Workspace, tmp_path: Path) -> None:
    shot = tmp_path / "bukti chat.png"
    shot.write_bytes(b"\x89PNG fake")
    event = shop.consent.grant("U1", evidence=str(shot))
    assert event.evidence is not None and event.evidence.startswith("file:media/consent/U1-")
    copied = shop.root / event.evidence.removeprefix("file:")
    assert copied.read_bytes() == b"\x89PNG fake"


def test_events_are_appended_never_changed(shop: Workspace) -> None:
    c = shop.consent
    c.request("U1")
    c.grant("U1", evidence="ya")
    before = [e.to_dict() for e in c.events("U1")]
    c.revoke("U1", "minta dihapus")
    c.grant("U1", evidence="boleh lagi", scope=["instagram"])
    after = [e.to_dict() for e in c.events("U1")]
    assert after[: len(before)] == before
    assert [e["kind"] for e in after] == ["requested", "granted", "revoked", "granted"]
    assert c.state("U1").name == "granted"


def test_current_grant_respects_channel_and_time(shop: Workspace) -> None:
    g = shop.consent.grant("U1", evidence="ya", scope=["instagram"], until=later(10).date())
    assert shop.consent.current_grant("U1").id == g.id
    assert shop.consent.current_grant("U1", "instagram", later(5)).id == g.id
    assert shop.consent.current_grant("U1", "tiktok", later(5)) is None
    assert shop.consent.current_grant("U1", "instagram", later(11)) is None


def test_revocation_skips_future_reposts_and_lists_published_ones(shop: Workspace) -> None:
    shop.consent.grant("U1", evidence="ya", scope=["instagram", "facebook", "tiktok"])
    future = shop.ugc.repost("U1", at=later(3), channel="instagram")
    other = shop.ugc.repost("U1", at=later(4), channel="facebook")
    published = shop.ugc.repost("U1", at=later(1), channel="tiktok")
    shop.post_book.publish(published.id, "https://www.tiktok.com/@dapurbusari/video/9")
    result = shop.consent.revoke("U1", "minta dihapus lewat DM")
    assert [p.id for p in result] == [published.id]
    assert sorted(p.id for p in result.skipped) == sorted([future.id, other.id])
    tx = shop.store.read()
    for pid in (future.id, other.id):
        post = tx.get(Post, pid)
        assert (post.status, post.skip_reason) == ("skipped", "consent revoked")
    assert tx.get(Post, published.id).status == "published"
    with pytest.raises(ConsentError, match="revoked"):
        shop.ugc.repost("U1", at=later(5), channel="instagram")


def test_a_narrower_grant_skips_posts_it_no_longer_covers(shop: Workspace) -> None:
    shop.consent.grant("U1", evidence="IG dan TikTok boleh", scope=["instagram", "tiktok"])
    ig = shop.ugc.repost("U1", at=later(3), channel="instagram")
    tt = shop.ugc.repost("U1", at=later(3), channel="tiktok")
    late = shop.ugc.repost("U1", at=later(40), channel="instagram")
    shop.consent.grant("U1", evidence="ternyata IG saja, sampai bulan depan", scope=["instagram"], until=later(20).date())
    tx = shop.store.read()
    assert tx.get(Post, ig.id).status == "draft"
    assert tx.get(Post, tt.id).status == "skipped"
    assert tx.get(Post, late.id).status == "skipped"


def test_states_in_bulk_match_one_by_one(shop: Workspace) -> None:
    shop.consent.request("U1")
    shop.consent.decline("U2")
    bulk = shop.consent.states()
    assert {k: v.name for k, v in bulk.items()} == {"U1": "requested", "U2": "declined"}
    assert len(shop.store.read().rows(ConsentEvent)) == 2


def test_expiry_days_come_from_the_config(shop: Workspace) -> None:
    shop.config.consent_expiry_days = 3
    shop.consent.request("U1")
    assert shop.consent.state("U1", at=pendulum.now("Asia/Jakarta") + timedelta(days=2)).name == "requested"
    assert shop.consent.state("U1", at=pendulum.now("Asia/Jakarta") + timedelta(days=4)).name == "expired"


class CommentsClient:
    def __init__(self, comments: list) -> None:
        self.list = comments

    def comments(self, shortcode: str) -> list:
        return self.list


def test_check_records_a_grant_only_for_the_owners_reply(shop: Workspace) -> None:
    from contentkit.ugc.instagram import Comment

    shop.consent.request("U1", via="comment", channels=["instagram"])
    now = pendulum.now("UTC")
    stranger = Comment(owner="orang_lain", text="#YaDapurBuSari", at=now.add(minutes=1), id="1")
    assert shop.ugc.check_replies(client=CommentsClient([stranger])) == []
    assert shop.consent.state("U1").name == "requested"
    old = Comment(owner="rina.makan", text="#YaDapurBuSari", at=now.subtract(days=30), id="2")  # before the request
    assert shop.ugc.check_replies(client=CommentsClient([old])) == []
    owner = Comment(owner="rina.makan", text="Boleh kak #yadapurbusari 😊", at=now.add(minutes=2), id="3")
    granted = shop.ugc.check_replies(client=CommentsClient([stranger, owner]))
    assert [e.ugc_id for e in granted] == ["U1"]
    event = granted[0]
    assert event.via == "comment" and event.scope == ["instagram"] and "comment 3 by @rina.makan" in event.evidence
    assert shop.consent.state("U1").allows("instagram", later(1))
    assert shop.ugc.check_replies(client=CommentsClient([owner])) == []  # nothing left waiting
