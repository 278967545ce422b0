"""Property: no sequence of consent events and reposts yields a post using an item without a current grant."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentkit.errors import ConsentError
from contentkit.records import Post
from contentkit.workspace import Workspace

ITEMS = ("U1", "U2")
CHANNELS = ("instagram", "tiktok", "facebook")

scope = st.lists(st.sampled_from(CHANNELS), unique=True, max_size=2)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("request"), st.sampled_from(ITEMS)),
        st.tuples(st.just("grant"), st.sampled_from(ITEMS), scope, st.one_of(st.none(), st.integers(0, 40))),
        st.tuples(st.just("decline"), st.sampled_from(ITEMS)),
        st.tuples(st.just("revoke"), st.sampled_from(ITEMS)),
        st.tuples(st.just("reject"), st.sampled_from(ITEMS)),
        st.tuples(st.just("repost"), st.sampled_from(ITEMS), st.sampled_from(CHANNELS), st.integers(1, 60)),
        st.tuples(st.just("plan"), st.sampled_from(CHANNELS), st.integers(1, 60)),
    ),
    min_size=1,
    max_size=12,
)


def check_invariant(ws: Workspace) -> None:
    tx = ws.store.read()
    for post in tx.all(Post):
        if post.ugc_id is None or post.status in ("skipped", "published"):
            continue
        item = ws.ugc.get(post.ugc_id)
        state = ws.consent.state(post.ugc_id, at=post.at, snapshot=tx)
        assert not item.rejected, f"{post.id} uses rejected {item.id}"
        assert state.allows(post.channel, post.at), f"{post.id} on {post.channel} uses {item.id} in state {state.name}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_no_post_ever_uses_an_item_without_a_current_grant(ops: list[tuple]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ws = Workspace.init(Path(folder) / "toko", brand="Dapur Bu Sari", sector="kuliner")
        ws.ugc.add("https://www.instagram.com/p/DAbcImg01x/", "rina")
        ws.ugc.add("https://www.tiktok.com/@budi/video/1", "budi")
        today = pendulum.now(ws.tz)
        for op in ops:
            kind = op[0]
            if kind == "request":
                ws.consent.request(op[1]) if not ws.ugc.get(op[1]).rejected else None
            elif kind == "grant":
                until = today.add(days=op[3]).date() if op[3] is not None else None
                ws.consent.grant(op[1], evidence="ya", scope=op[2] or None, until=until)
            elif kind == "decline":
                ws.consent.decline(op[1])
            elif kind == "revoke":
                ws.consent.revoke(op[1], "ditarik")
            elif kind == "reject":
                ws.ugc.reject(op[1], "tidak cocok")
            elif kind == "repost":
                try:
                    ws.ugc.repost(op[1], at=today.add(days=op[3]), channel=op[2])
                except ConsentError:
                    pass
            elif kind == "plan":  # what the planner does: candidates, then save the built post
                at = today.add(days=op[2])
                for item in ws.ugc.repost_candidates(op[1], at)[:1]:
                    with ws.store.transaction() as tx:
                        tx.save(ws.ugc.build_repost_post(item, at, op[1], None))
            check_invariant(ws)
