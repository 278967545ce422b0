"""The planner's social_proof slots: granted customer posts first, then reviews waiting."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from contentkit.records import Post, Review
from contentkit.workspace import Workspace


def _social_proof_posts(ws: Workspace) -> list[Post]:
    return [p for p in ws.posts() if p.pillar == "social_proof"]


def test_granted_customer_post_fills_a_social_proof_slot_with_credit(ws: Workspace) -> None:
    item = ws.ugc.add("https://www.instagram.com/p/CUST01/", "pelanggan.setia", caption="Enak banget @dapurbusari")
    ws.consent.grant(item.id, evidence="DM: boleh banget kak", scope=["instagram", "tiktok", "whatsapp", "facebook", "shopee", "tokopedia"])
    # W50's one social-proof slot is on Shopee, where a credit naming Instagram may not go; W51 has Facebook
    ws.plan(week="2026-W50", weeks=2)
    reposts = [p for p in _social_proof_posts(ws) if p.ugc_id == item.id]
    assert len(reposts) == 1 and reposts[0].channel not in ("shopee", "tokopedia")
    assert "@pelanggan.setia" in reposts[0].caption
    # a later week does not repost the same item again
    ws.plan(week="2026-W52")
    assert len([p for p in ws.posts() if p.ugc_id == item.id]) == 1


def test_item_without_grant_is_never_placed_and_is_suggested(ws: Workspace) -> None:
    item = ws.ugc.add("https://www.instagram.com/p/CUST02/", "calon.pelanggan", caption="Mantap @dapurbusari")
    result = ws.plan(week="2026-W50")
    assert not [p for p in ws.posts() if p.ugc_id == item.id]
    assert any(item.id in w and "ugc request" in w for w in result.notes)


def test_waiting_review_is_rendered_and_attached(ws: Workspace) -> None:
    review = ws.reviews.add("Rendangnya empuk, bumbunya meresap. Pasti pesan lagi!", name="Rina", rating=5,
                            product="Rendang Sapi")
    ws.plan(week="2026-W50")
    used = [p for p in _social_proof_posts(ws) if p.review_id == review.id]
    assert len(used) == 1
    post = used[0]
    assert post.assets and not Path(post.assets[0]).is_absolute()
    image = ws.root / post.assets[0]
    with Image.open(image) as im:
        assert im.size[0] >= 1000
    stored = ws.store.read().get(Review, review.id)
    assert stored.post_id == post.id
    assert ws.reviews.waiting() == []


def test_dry_run_renders_nothing_and_links_nothing(ws: Workspace) -> None:
    review = ws.reviews.add("Enak!", name="Budi", rating=4.5)
    ws.plan(week="2026-W50", dry_run=True)
    assert ws.store.read().get(Review, review.id).post_id is None
    assert not (ws.media_dir / "testimonials").exists() or not any((ws.media_dir / "testimonials").iterdir())


def test_replan_gives_the_review_back_and_uses_it_again(ws: Workspace) -> None:
    review = ws.reviews.add("Pelayanan cepat", name="Sari", rating=5)
    ws.plan(week="2026-W50")
    ws.plan(week="2026-W50", replan=True)
    users = [p for p in ws.posts() if p.review_id == review.id]
    assert len(users) == 1
    assert ws.store.read().get(Review, review.id).post_id == users[0].id


def test_more_reviews_than_slots_are_reported_waiting(ws: Workspace) -> None:
    for n in range(6):
        ws.reviews.add(f"Ulasan nomor {n}", name=f"Pembeli {n}", rating=5)
    result = ws.plan(week="2026-W50")
    assert any("review(s) wait" in w for w in result.notes)


def test_a_repost_keeps_the_format_it_was_made_in_and_a_reel_slot_takes_a_video_first(fesyen: Workspace) -> None:
    # The demo's hijab shop once planned "Repost foto dari @pelanggan.setia" as a reel.
    from contentkit.ugc.reposts import default_format

    every = ["instagram", "tiktok", "whatsapp", "facebook", "shopee", "tokopedia"]
    photo = fesyen.ugc.add("https://www.instagram.com/p/FOTO01/", "foto.pelanggan", caption="OOTD pakai pashmina @hijabnara")
    video = fesyen.ugc.add("https://www.instagram.com/reel/VIDEO01/", "video.pelanggan", caption="Try on gamis @hijabnara")
    assert (photo.media_type, video.media_type) == ("image", "video")  # read from the link
    fesyen.consent.grant(photo.id, evidence="DM: boleh kak", scope=every)  # the older grant
    fesyen.consent.grant(video.id, evidence="DM: silakan", scope=every)
    fesyen.plan(week="2026-W50", weeks=4)
    items = {i.id: i for i in fesyen.ugc.list()}
    reposts = [p for p in fesyen.posts() if p.ugc_id]
    assert {p.ugc_id for p in reposts} == {photo.id, video.id}
    for post in reposts:
        assert post.format == default_format(items[post.ugc_id], post.channel), (post.ugc_id, post.channel, post.format)
    reels = [p for p in reposts if p.format == "reel"]
    assert reels and all(p.ugc_id == video.id for p in reels)
    assert not [p for p in reposts if p.ugc_id == photo.id and p.format in ("reel", "short_video")]
