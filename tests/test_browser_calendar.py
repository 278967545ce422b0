"""The calendar page in headless Chromium: every post inside its day, nothing overflowing, prints a week a page.

Needs Debian's `chromium` (/usr/bin/chromium) and the `playwright` Python
package (never `playwright install`: we drive the system browser). Without
them the tests skip and say why. Screenshots go to tests/screenshots/.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from contentkit.records import Post
from contentkit.workspace import Workspace

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).parent / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)"
        print(reason)
        pytest.skip(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "the playwright Python package is not installed (pip install playwright)"
        print(reason)
        pytest.skip(reason)
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Exception as exc:  # e.g. missing shared libraries in a bare container
            reason = f"Chromium would not start: {str(exc).splitlines()[0]}"
            print(reason)
            pytest.skip(reason)
        yield b
        b.close()


def _busy_week(ws: Workspace) -> None:
    """A planned week plus the awkward cards: a long unbroken title, hostile text, a thumbnail, a flag."""
    ws.reviews.add("Rendangnya empuk, bumbunya meresap sampai ke dalam. Pasti pesan lagi!", name="Bu Ani", product="Rendang")
    ws.plan(week="2026-W50")
    ws.post_book.add(at="2026-12-09 21:00", channel="shopee", format="feed", pillar="promo",
                     title="Promo" + "_sangat_panjang" * 12)
    ws.post_book.add(at="2026-12-10 08:00", channel="instagram", format="image", pillar="social_proof",
                     title='<script>alert(1)</script> "><img src=x onerror=alert(2)>', caption="<b>tebal?</b>")
    with ws.store.transaction() as tx:
        tx.save(Post(at=ws.posts(start="2026-12-11", end="2026-12-11")[0].at, channel="instagram", format="image",
                     pillar="promo", title="Tagar kebanyakan", hashtags=[f"tag{i}" for i in range(12)]))


def _layout(page: Any) -> dict[str, Any]:
    return page.evaluate(
        """() => {
          const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
          const days = {};
          document.querySelectorAll('div.day[data-day]').forEach(d => { days[d.dataset.day] = box(d); });
          const cards = [...document.querySelectorAll('li.card')].map(c => ({
            id: c.dataset.post, day: c.dataset.day, box: box(c),
            visible: c.offsetWidth > 0 && c.offsetHeight > 0 && getComputedStyle(c).visibility !== 'hidden',
            scroll: c.scrollWidth, client: c.clientWidth,
          }));
          const doc = document.documentElement;
          return {days, cards, docScroll: doc.scrollWidth, docClient: doc.clientWidth,
                  scripts: document.scripts.length, alerts: window.__alerts || 0};
        }"""
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_every_post_sits_in_its_day_and_nothing_overflows(browser: Any, ws: Workspace, tmp_path: Path, width: int) -> None:
    _busy_week(ws)
    expected = {p.id: p for p in ws.posts(start="2026-12-07", end="2026-12-13")}
    assert len(expected) >= 10
    html_path = tmp_path / "rencana.html"
    html_path.write_text(ws.calendar_html(week="2026-W50"), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html_path.as_uri())
    info = _layout(page)
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"calendar-week-{width}.png"), full_page=True)
    page.close()

    assert not dialogs, "escaped text must never run"
    assert info["scripts"] == 0
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == [], "the page loads nothing from the network"
    cards = {c["id"]: c for c in info["cards"]}
    assert set(cards) == set(expected)
    for post_id, card in cards.items():
        assert card["visible"], post_id
        left, top, right, bottom = card["box"]
        dl, dt, dr, db = info["days"][card["day"]]
        assert dl - 0.5 <= left and right <= dr + 0.5 and dt - 0.5 <= top and bottom <= db + 0.5, (post_id, card, card["day"])
        assert card["scroll"] <= card["client"], f"card {post_id} overflows at {width}px"
    assert info["docScroll"] <= info["docClient"], f"the page scrolls sideways at {width}px"
    lefts = {round(b[0]) for b in info["days"].values()}
    if width == 390:
        assert len(lefts) == 1, "days stack on a phone"
    else:
        assert len(lefts) == 7, "seven day columns side by side"


def test_month_prints_one_week_per_a4_landscape_page(browser: Any, ws: Workspace, tmp_path: Path) -> None:
    ws.plan(week="2026-W49", weeks=5)
    html_path = tmp_path / "desember.html"
    html_path.write_text(ws.calendar_html(month="2026-12"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(html_path.as_uri())
    info = _layout(page)
    page.screenshot(path=str(SHOTS / "calendar-month-1280.png"), full_page=True)
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    (SHOTS / "calendar-month.pdf").write_bytes(pdf)
    assert info["docScroll"] <= info["docClient"]
    weeks = ws.calendar_html(month="2026-12").count('<section class="week"')
    assert weeks == 5  # 30 Nov .. 3 Jan
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == weeks
    size = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf)
    assert size is not None
    w_pt, h_pt = float(size.group(1)), float(size.group(2))
    assert w_pt > h_pt and abs(w_pt - 841.9) < 3 and abs(h_pt - 595.3) < 3  # A4 landscape in points


def test_screenshots_folder_is_ignored_by_git() -> None:
    root = Path(__file__).parent.parent
    if shutil.which("git") is None or not (root / ".git").exists():
        pytest.skip("not a git checkout")
    assert "tests/screenshots/" in (root / ".gitignore").read_text()


@pytest.mark.parametrize("width", [1280, 390])
def test_report_page_fits_the_screen(browser: Any, ws: Workspace, tmp_path: Path, width: int) -> None:
    from contentkit.views.report_files import write_report

    ws.plan(week="2026-W49", weeks=4)
    out = write_report(ws, tmp_path / "laporan.html", weeks=4, end="2026-12-27").path
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(out.as_uri())
    info = page.evaluate("""() => ({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
        chart: document.querySelector('img.chart').getBoundingClientRect().width,
        loaded: document.querySelector('img.chart').naturalWidth})""")
    page.screenshot(path=str(SHOTS / f"report-{width}.png"), full_page=True)
    page.close()
    assert info["loaded"] == 1600, "the embedded chart decodes"
    assert info["scroll"] <= info["client"] and info["chart"] <= width
