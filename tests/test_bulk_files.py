"""Buffer and Hootsuite files checked against each tool's rules, at the sizes where limits bite.

The checker below reads the written files as the tool would, from the rules
as the README states them, not from the writer's code.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

import pendulum
import pytest

from contentkit import Post, Workspace
from contentkit.calendar.exports import export_posts

NOW = pendulum.datetime(2027, 3, 1, 8, 0, tz="Asia/Jakarta")
IMAGE = re.compile(r"\.(jpe?g|png|gif|webp)(\?|$)", re.IGNORECASE)
CAPTIONS = [
    "Rendang nenek, empuknya juara 😍\nPesan lewat WA ya kak!",
    "Sambal bawang \"level 5\", berani coba? 🌶️🌶️",
    "Promo gajian: beli 2 gratis 1, cuma sampai 25/3 👇",
]


def fill(ws: Workspace, channel: str, n: int) -> list[Post]:
    """`n` posts the tools can take, then three they cannot: a reel, a story and an image post with no image."""
    start = NOW.add(days=1).replace(hour=7, minute=2)
    posts = [
        Post(at=start.add(minutes=37 * i), channel=channel, format="image" if i % 3 else "carousel", pillar="promo",
             title=f"Post {i}", caption=CAPTIONS[i % 3], hashtags=["dapurbusari"],
             assets=[f"https://cdn.test/p{i}.jpg", "https://dapurbusari.id/menu"])
        for i in range(n)
    ]
    posts += [
        Post(at=start, channel=channel, format="reel", pillar="storytelling", title="Video resep",
             assets=["https://cdn.test/v.mp4"]),
        Post(at=start, channel=channel, format="story", pillar="interaction", title="Polling", caption="Pilih A/B"),
        Post(at=start, channel=channel, format="image", pillar="promo", title="Tanpa gambar", caption="Diskon",
             assets=["media/lokal.jpg"] if channel == "instagram" else []),
    ]
    with ws.store.transaction() as tx:
        return tx.save_many(posts)


def read_rows(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def check_buffer(paths: list[Path], limit: int, channel: str = "instagram") -> list[list[str]]:
    rows: list[list[str]] = []
    for path in paths:
        found = read_rows(path)
        assert found[0] == ["Text", "Image URL", "Tags", "Posting Time"], path
        body = found[1:]
        assert len(body) <= limit, (path, len(body))
        for text, image, _tags, when in body:
            assert text.strip()
            # Instagram needs its image here; elsewhere it may be empty, but never a page link.
            assert IMAGE.search(image) if channel == "instagram" or image else True, image
            datetime.strptime(when, "%Y-%m-%d %H:%M")
        rows += body
    return rows


def check_hootsuite(paths: list[Path]) -> list[list[str]]:
    rows: list[list[str]] = []
    for path in paths:
        body = read_rows(path)
        assert len(body) <= 350, (path, len(body))
        for when, text, link in body:
            at = pendulum.instance(datetime.strptime(when, "%d/%m/%Y %H:%M"), tz="Asia/Jakarta")
            assert at.minute % 5 == 0 and at > NOW
            assert text.strip()
            assert not IMAGE.search(link), "column C is a link, never the image"
        rows += body
    return rows


@pytest.mark.parametrize("n", [0, 1, 100, 101, 350, 351, 1000])
@pytest.mark.parametrize("tool, channel, plan, limit", [
    ("buffer", "instagram", "paid", 100),
    ("hootsuite", "instagram", "paid", 350),
])
def test_files_follow_the_tool_rules(tmp_path: Path, n: int, tool: str, channel: str, plan: str, limit: int) -> None:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", timezone="Asia/Jakarta")
    posts = fill(ws, channel, n)
    result = export_posts(ws, tool, tmp_path / f"{tool}.csv", channel=channel, plan=plan, now=NOW)
    expected_files = max(1, -(-n // limit))
    assert len(result.paths) == expected_files
    if expected_files == 1:
        assert result.paths == [tmp_path / f"{tool}.csv"]
    else:
        assert [p.name for p in result.paths] == [f"{tool}-{i}.csv" for i in range(1, expected_files + 1)]
    rows = check_buffer(result.paths, limit) if tool == "buffer" else check_hootsuite(result.paths)
    assert len(rows) == result.count == n
    # Each file is full before the next starts, and the rows keep time order across files.
    assert all(len(read_rows(p)) - (tool == "buffer") == limit for p in result.paths[:-1])
    # The three posts the tool cannot take are named by ID, each with its reason.
    left = {lo.post_id: lo.reason for lo in result.left_out}
    assert list(left) == [p.id for p in posts[n:]]
    assert "video" in left[posts[n].id] and "story" in left[posts[n + 1].id] and "image" in left[posts[n + 2].id]
    assert list(tmp_path.glob(f"{tool}*.csv")) and len(list(tmp_path.glob(f"{tool}*.csv"))) == expected_files


@pytest.mark.parametrize("n, files", [(0, 1), (9, 1), (10, 2), (100, 11)])
def test_buffer_free_plan_takes_ten_a_file(tmp_path: Path, n: int, files: int) -> None:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", timezone="Asia/Jakarta")
    fill(ws, "facebook", n)
    result = export_posts(ws, "buffer", tmp_path / "fb.csv", channel="facebook", plan="free", now=NOW)
    assert len(result.paths) == files
    # Facebook takes a post without an image, so only the reel and the story are left out.
    assert len(check_buffer(result.paths, 10, "facebook")) == result.count == n + 1
    assert ["reel" in lo.reason and "video" in lo.reason for lo in result.left_out] == [True, False]
    assert "a story cannot go through Buffer's file" in result.left_out[1].reason


def test_hootsuite_leaves_out_the_past_and_keeps_the_future(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", timezone="Asia/Jakarta")
    with ws.store.transaction() as tx:
        old, new = tx.save_many([
            Post(at=NOW.subtract(hours=1), channel="facebook", format="image", pillar="promo", title="Kemarin", caption="a"),
            Post(at=NOW.add(hours=1), channel="facebook", format="image", pillar="promo", title="Nanti", caption="b"),
        ])
    result = export_posts(ws, "hootsuite", tmp_path / "hs.csv", channel="facebook", now=NOW)
    assert result.count == 1 and [lo.post_id for lo in result.left_out] == [old.id]
    assert "past" in result.left_out[0].reason
