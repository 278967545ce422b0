"""Shared UGC test helpers: Instagram served offline through instaloader's own NodeIterator.

`make_client(FakeInstagram(pages(n)))` gives an InstagramClient whose tagged
listing is real instaloader paging over fake GraphQL answers; `fail_at` makes a
page raise instaloader's own exceptions to test interruption and resume.
"""

from __future__ import annotations

from typing import Any

import instaloader
from instaloader import Post
from instaloader.nodeiterator import NodeIterator

from contentkit.ugc.instagram import InstagramClient

BASE = 1764907200  # 2025-12-05 04:00 UTC
PAGE = 12


def node(n: int, *, age_hours: int | None = None, pinned: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "__typename": "GraphImage",
        "id": str(3500000000000000000 + n),
        "shortcode": f"DCode{n:05d}",
        "display_url": f"https://scontent.cdninstagram.com/v/{n}.jpg",
        "is_video": False,
        "taken_at_timestamp": BASE - 3600 * (n if age_hours is None else age_hours),
        "edge_media_to_caption": {"edges": [{"node": {"text": f"Enak! @dapurbusari #{n}"}}]},
        "edge_media_to_tagged_user": {"edges": [{"node": {"user": {"username": "dapurbusari"}}}]},
        "owner": {"id": str(100 + n), "username": f"pelanggan{n}"},
    }
    if pinned:
        out["pinned_for_users"] = [{"id": "1", "username": "dapurbusari"}]
    return out


class FakeInstagram:
    """Serves pages like Instagram's GraphQL, and fails where a test says."""

    def __init__(self, pages: list[list[dict[str, Any]]]) -> None:
        self.pages = pages
        self.fail_at: dict[str, BaseException] = {}
        self.asked: list[str | None] = []

    def data(self, index: int) -> dict[str, Any]:
        return {
            "edges": [{"node": dict(n)} for n in self.pages[index]],
            "page_info": {"has_next_page": index + 1 < len(self.pages), "end_cursor": f"c{index + 1}"},
        }

    def graphql_query(self, query_hash: str, variables: dict[str, Any], referer: str | None = None) -> dict[str, Any]:
        cursor = variables.get("after")
        self.asked.append(cursor)
        if cursor in self.fail_at:
            raise self.fail_at.pop(cursor)
        return {"data": {"user": {"edge_user_to_photos_of_you": self.data(int(cursor[1:]))}}}


def make_client(fake: FakeInstagram) -> InstagramClient:
    loader = instaloader.Instaloader(sleep=False, quiet=True)
    ctx = loader.context
    ctx.graphql_query = fake.graphql_query  # type: ignore[method-assign]
    client = InstagramClient(loader)

    def tagged_posts(username: str) -> NodeIterator[Post]:
        # What Profile.get_tagged_posts builds, minus the profile lookup; first_data: no request.
        return NodeIterator(
            ctx, "e31a871f7301132ceaab56507a66bbb7",
            lambda d: d["data"]["user"]["edge_user_to_photos_of_you"],
            lambda n: Post(ctx, n), {"id": 42}, f"https://www.instagram.com/{username}/",
            first_data=fake.data(0),
        )

    client.tagged_posts = tagged_posts  # type: ignore[method-assign]
    return client


def pages(count: int) -> list[list[dict[str, Any]]]:
    return [[node(p * PAGE + i) for i in range(PAGE)] for p in range(count)]
