"""The posting kit: folders, captions, consent, and the page in headless Chromium at 390 px.

The browser tests need Debian's `chromium` and the `playwright` package (never
`playwright install`); without them they skip and say why. The screenshot goes
to tests/screenshots/kit-390.png.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pendulum
import pytest
from click.testing import CliRunner

from contentkit import InputError, Post, Workspace
from contentkit.calendar.limits import post_text
from contentkit.cli.main import cli
from contentkit.views.kit import build_kit
from contentkit.views.kit_page import kit_words

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]
SHOTS = Path(__file__).parent / "screenshots"
DAY = "2026-12-09"
CAPTIONS = [
    "Rendang nenek, resep sejak 1965 😍\nEmpuknya bikin nagih, bumbunya meresap sampe dalem!\n\n"
    "Pesan via WA ya kak 👉 0812-3456-7890",
    'Sambal bawang "level 5" 🌶️🌶️🌶️ — berani coba? <b>ga pedes</b> katanya & ternyata… nangis 😭',
    "Promo gajian: beli 2 gratis 1 s/d 25/12 pukul 19.30 WIB 🎉",
    "Supercalifragilisticexpialidocious" * 4 + " https://dapurbusari.id/menu?ref=ig&utm=kit",
]


def image(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (1080, 1350)) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, quality=80)


@pytest.fixture
def shop(tmp_path: Path) -> Workspace:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", timezone="Asia/Makassar")
    image(ws.root / "media" / "rendang.jpg", (170, 80, 40))
    image(ws.root / "media" / "sambal.png", (200, 30, 30), (1080, 1080))
    (ws.root / "media" / "resep.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64)
    ws.ugc.add("https://www.instagram.com/p/DAbcImg01x/", "rina.makan", caption="Rendangnya juara 😍 #dapurbusari")
    ws.ugc.add("https://www.instagram.com/p/DAbcVid003/", "ibu.dewi", caption="Masak bareng")
    ws.consent.grant("U1", evidence="boleh kak, silakan 🙏", scope=["instagram"])
    ws.consent.request("U2", channels=["instagram"])  # asked, no answer: not allowed
    (ws.root / "media" / "ugc").mkdir(exist_ok=True)
    image(ws.root / "media" / "ugc" / "U1.jpg", (90, 140, 60))
    with ws.store.transaction() as tx:
        item = tx.get(__import__("contentkit").UGCItem, "U1")
        item.media_files = ["media/ugc/U1.jpg"]
        tx.save(item)
    at = lambda hm: pendulum.parse(f"{DAY} {hm}", tz=ws.tz)  # noqa: E731
    with ws.store.transaction() as tx:
        tx.save_many([
            Post(at=at("19:30"), channel="instagram", format="carousel", pillar="storytelling", title="Rendang nenek",
                 caption=CAPTIONS[0], hashtags=["dapurbusari", "rendang"], assets=["media/rendang.jpg", "media/sambal.png"]),
            Post(at=at("08:00"), channel="tiktok", format="short_video", pillar="entertainment", title="Tantangan sambal",
                 caption=CAPTIONS[1], hashtags=["sambalchallenge"], assets=["media/resep.mp4"]),
            Post(at=at("12:05"), channel="whatsapp", format="status", pillar="promo", title="Promo gajian",
                 caption=CAPTIONS[2]),
            Post(at=at("21:00"), channel="instagram", format="image", pillar="social_proof", title="Repost Rina",
                 caption="Makasih kak @rina.makan 🙏", ugc_id="U1", source="repost"),
            Post(at=at("16:00"), channel="instagram", format="image", pillar="social_proof", title="Repost Dewi",
                 ugc_id="U2", caption="Masak bareng"),
            Post(at=at("10:00"), channel="facebook", format="image", pillar="education", title="Judul_" * 20,
                 caption=CAPTIONS[3], assets=["https://cdn.test/menu.jpg"]),
            Post(at=at("11:00"), channel="instagram", format="story", pillar="interaction", title="Dilewati",
                 status="skipped", skip_reason="libur"),
        ])
        tx.originals.clear()  # P5 (U2, no grant) as a hand-edited store holds it: past the routes' consent check
    return ws


def test_kit_has_a_folder_per_post_in_time_order_with_exact_captions(shop: Workspace, tmp_path: Path) -> None:
    result = build_kit(shop, tmp_path / "kit", day=DAY)
    assert [e.post.title for e in result.posts] == [
        "Tantangan sambal", "Judul_" * 20, "Promo gajian", "Rendang nenek", "Repost Rina"]
    assert [lo.post_id for lo in result.left_out] == ["P5"] and "U2" in result.left_out[0].reason
    for entry in result.posts:
        folder = result.folder / entry.folder
        assert (folder / "caption.txt").read_text(encoding="utf-8").rstrip("\n") == post_text(
            entry.post.caption, entry.post.hashtags)
        for rel in entry.media:
            assert (result.folder / rel).is_file()
    rendang = result.posts[3]
    assert [Path(m).name for m in rendang.media] == ["2026-12-09_1930_instagram.jpg", "2026-12-09_1930_instagram_2.png"]
    assert result.posts[4].credit == "@rina.makan" and result.posts[4].media  # the customer's photo, credited
    assert result.posts[1].online == ["https://cdn.test/menu.jpg"]  # not downloaded: nothing goes online
    page = (result.folder / "index.html").read_text(encoding="utf-8")
    assert "Repost Dewi" not in page and "P5" in page  # named, not shown
    assert "https://wa.me/?text=" in page and kit_words("id")["copy"] in page


def test_kit_zip_and_rerun_replace_the_old_kit(shop: Workspace, tmp_path: Path) -> None:
    first = build_kit(shop, tmp_path / "kit", day=DAY, zip=True)
    assert first.zip_path == tmp_path / "kit.zip"
    names = zipfile.ZipFile(first.zip_path).namelist()
    assert "kit/index.html" in names and any(n.endswith("_instagram.jpg") for n in names)
    shop.post_book.skip("P1", "stok habis")
    second = build_kit(shop, tmp_path / "kit", day=DAY)
    assert "Rendang nenek" not in (second.folder / "index.html").read_text(encoding="utf-8")
    assert not list(second.folder.glob("*-P1"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kit", "kit.zip", "toko"]


def test_kit_refuses_a_folder_that_is_not_a_kit_and_the_workspace_data(shop: Workspace, tmp_path: Path) -> None:
    taken = tmp_path / "foto-liburan"
    taken.mkdir()
    (taken / "pantai.jpg").write_bytes(b"x")
    with pytest.raises(InputError, match="not a kit"):
        build_kit(shop, taken, day=DAY)
    with pytest.raises(InputError, match="own files"):
        build_kit(shop, shop.root / "data" / "kit", day=DAY)
    with pytest.raises(InputError, match="--day or --week"):
        build_kit(shop, tmp_path / "k", day=DAY, week="2026-W50")
    assert (taken / "pantai.jpg").read_bytes() == b"x"


def test_kit_cli(shop: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "pekan"
    result = CliRunner().invoke(cli, ["kit", "--week", "2026-W50", "-o", str(out), "--zip", "-w", str(shop.root)])
    assert result.exit_code == 0, result.output
    assert f"Wrote a kit of 5 posts to {out} (and {out}.zip)" in result.output
    assert "left out P5: " in result.output


# -- in the browser -------------------------------------------------------------
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is not installed (pip install playwright)")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # e.g. missing shared libraries in a bare container
            pytest.skip(f"Chromium would not start: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@pytest.mark.browser
def test_kit_page_on_a_390px_phone(shop: Workspace, tmp_path: Path, browser: Any) -> None:
    result = build_kit(shop, tmp_path / "kit", day=DAY)
    index = result.folder / "index.html"
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1,
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(index.as_uri())
    page.wait_for_load_state("load")

    # Nothing overflows sideways: not the page, not a card, not a button.
    layout = page.evaluate("""() => {
        const doc = document.documentElement;
        const wide = [...document.querySelectorAll('article, article *')]
          .filter(e => e.getBoundingClientRect().right > doc.clientWidth + 0.5 || e.scrollWidth > e.clientWidth + 1)
          .filter(e => e.tagName !== 'TEXTAREA' || e.scrollWidth > e.clientWidth + 1)
          .map(e => e.tagName + '.' + e.className);
        return {scroll: doc.scrollWidth, client: doc.clientWidth, wide};
    }""")
    assert layout["scroll"] <= layout["client"] == 390 and layout["wide"] == [], layout

    # Every caption copies exactly, read back from the clipboard.
    buttons = page.locator("button.copy")
    assert buttons.count() == len(result.posts)
    for i, entry in enumerate(result.posts):
        page.evaluate("() => navigator.clipboard.writeText('')")
        buttons.nth(i).click()
        page.wait_for_function("(b) => b.classList.contains('done')", arg=buttons.nth(i).element_handle())
        assert page.evaluate("() => navigator.clipboard.readText()") == post_text(entry.post.caption, entry.post.hashtags)

    # Every asset link and image resolves to a file inside the kit; images really load.
    links = page.evaluate("""() => [...document.querySelectorAll('a.save, img, video')]
        .map(e => e.getAttribute('href') || e.getAttribute('src'))""")
    assert links and len(links) == 2 * sum(len(e.media) for e in result.posts)
    for link in links:
        target = (result.folder / unquote(link)).resolve()
        assert target.is_file() and result.folder.resolve() in target.parents, link
    assert page.evaluate("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)")

    # WhatsApp links carry the same text; no request ever left the kit.
    wa = page.evaluate("() => [...document.querySelectorAll('a.wa')].map(a => a.href)")
    from urllib.parse import parse_qs, urlparse

    assert [parse_qs(urlparse(u).query)["text"][0] for u in wa] == [e.text for e in result.posts if e.text]
    assert requests and all(u.startswith("file://") for u in requests), requests

    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "kit-390.png"), full_page=True)
    context.close()


def test_kit_words_exist_in_both_languages() -> None:
    ids, ens = kit_words("id"), kit_words("en")
    assert set(ids) == set(ens)
    assert set(ids["formats"]) == set(ens["formats"]) == set(__import__("contentkit.vocab").vocab.FORMATS)
    assert set(ids["channels"]) == set(__import__("contentkit.vocab").vocab.CHANNELS)
