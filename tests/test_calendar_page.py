"""The HTML calendar page: what it shows, in which day, in which language, and that it is safe."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pendulum
import pytest

from contentkit.calendar.events import events_between
from contentkit.calendar.report_text import STAGE_NAMES
from contentkit.cli.main import cli
from contentkit.records import Post
from contentkit.views.page_style import labels
from contentkit.workspace import Workspace

EVIL_TITLE = "<script>alert('t')</script> Promo"
EVIL_CAPTION = '"><img src=x onerror=alert(1)> enak'


class PageParser(HTMLParser):
    """Collects tags, and the text of each card and day header, keyed by their data- attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.cards: dict[str, dict[str, str]] = {}  # post id -> {"day":, "text":, "class":}
        self.day_heads: dict[str, str] = {}
        self.day_class: dict[str, str] = {}
        self._card: str | None = None
        self._day: str | None = None
        self._in_head = 0
        self._depth = 0
        self._card_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in ("meta", "img", "br"):
            return
        self._depth += 1
        if "data-post" in a:
            self._card, self._card_depth = a["data-post"], self._depth
            self.cards[self._card] = {"day": a.get("data-day") or "", "text": "", "class": a.get("class") or ""}
        elif "data-day" in a and tag == "div":
            self._day = a["data-day"]
            self.day_class[self._day] = a.get("class") or ""
            self.day_heads[self._day] = ""
        if a.get("class") == "day-head":
            self._in_head = self._depth

    def handle_endtag(self, tag: str) -> None:
        if self._card and self._depth == self._card_depth:
            self._card = None
        if self._in_head and self._depth == self._in_head:
            self._in_head = 0
        self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._card:
            self.cards[self._card]["text"] += data + " "
        if self._in_head and self._day:
            self.day_heads[self._day] += data + " "


def parse(page: str) -> PageParser:
    p = PageParser()
    p.feed(page)
    p.close()
    return p


def add(ws: Workspace, at: str, title: str, **kw: object) -> Post:
    fields = {"channel": "instagram", "format": "reel", "pillar": "storytelling", **kw}
    return ws.post_book.add(at=at, title=title, **fields)  # type: ignore[arg-type]


def save_raw(ws: Workspace, post: Post) -> Post:
    """Store a post as-is, as old data or a hand-edited store holds it (post_book.add refuses posts
    that break limits, and every route refuses customer content without a grant)."""
    with ws.store.transaction() as tx:
        tx.save(post)
        tx.originals.clear()  # written past the routes' checks, like a hand edit of the file
        return post


# -- what the page shows ------------------------------------------------------

def test_every_post_of_the_week_is_on_its_day_with_time_channel_format_status(ws: Workspace) -> None:
    a = add(ws, "2026-12-07 09:00", "Cerita resep nenek")
    b = add(ws, "2026-12-09 19:30", "Kuis nasi box", channel="tiktok", format="short_video", pillar="interaction")
    c = add(ws, "2026-12-13 20:00", "Voucher pelanggan setia", channel="whatsapp", format="broadcast", pillar="retention")
    ws.post_book.publish(b.id, "https://www.tiktok.com/@dapur/video/1")
    outside = add(ws, "2026-12-14 09:00", "Minggu depan")
    page = parse(ws.calendar_html(week="2026-W50"))
    assert set(page.cards) == {a.id, b.id, c.id}
    assert outside.id not in page.cards
    assert page.cards[a.id]["day"] == "2026-12-07"
    assert page.cards[b.id]["day"] == "2026-12-09"
    assert page.cards[c.id]["day"] == "2026-12-13"
    text = page.cards[b.id]["text"]
    for piece in ("19:30", "TikTok", "short_video", "Kuis nasi box", labels("id")["status"]["published"]):
        assert piece in text
    assert labels("id")["status"]["draft"] in page.cards[a.id]["text"]
    assert "p-retention" in page.cards[c.id]["class"]


def test_days_and_times_are_in_the_workspace_timezone(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "papua", brand="Toko Jayapura", timezone="Asia/Jayapura")
    # 20:00 UTC on Sunday is 05:00 on Monday in Jayapura (UTC+9): next week's first day.
    late = add(ws, "2026-12-13T20:00:00+00:00", "Sarapan pagi")
    this_week = parse(ws.calendar_html(week="2026-W50"))
    next_week = parse(ws.calendar_html(week="2026-W51"))
    assert late.id not in this_week.cards
    assert next_week.cards[late.id]["day"] == "2026-12-14"
    assert "05:00" in next_week.cards[late.id]["text"]


def test_day_headers_list_that_days_events_in_the_workspace_language(ws: Workspace, tmp_path: Path) -> None:
    page = parse(ws.calendar_html(week="2026-W52"))
    events = [e for e in events_between(pendulum.Date(2026, 12, 21), pendulum.Date(2026, 12, 27)) if e.kind != "payday"]
    assert events, "the week of Christmas has events"
    for ev in events:
        assert ev.label("id") in page.day_heads[ev.day.isoformat()]
    assert "Gajian 25–31 Des" in page.day_heads["2026-12-25"]
    en = Workspace.init(tmp_path / "en", brand="Shop", language="en")
    page_en = parse(en.calendar_html(week="2026-W52"))
    for ev in events:
        assert ev.label("en") in page_en.day_heads[ev.day.isoformat()]
    assert "Payday 25–31 Dec" in page_en.day_heads["2026-12-25"]


def test_payday_is_named_once_per_week_row_and_marked_on_every_day(ws: Workspace) -> None:
    page = parse(ws.calendar_html(month="2026-12"))
    paydays = [pendulum.Date(2026, 12, d).isoformat() for d in range(25, 32)]
    named = [d for d in paydays if "Gajian" in page.day_heads[d]]
    # Fri 25 opens the run in week 52, Mon 28 carries it into week 53; the days between don't repeat it.
    assert named == ["2026-12-25", "2026-12-28"]
    assert all("Gajian 25–31 Des" in page.day_heads[d] for d in named)
    assert all("payday" in page.day_class[d] for d in paydays)
    assert "payday" not in page.day_class["2026-12-24"]
    # November's run seen on the dimmed Monday before the month
    assert "Gajian 25–30 Nov" in page.day_heads["2026-11-30"]


def test_a_range_starting_inside_a_payday_run_names_it_on_its_first_day(ws: Workspace) -> None:
    # Wed 27 Jan is the first day shown; Mon 25 and Tue 26 are dimmed (and hidden on a phone).
    page = parse(ws.calendar_html(start="2027-01-27", end="2027-01-31"))
    assert "Gajian 25–31 Jan" in page.day_heads["2027-01-25"]
    assert "Gajian 25–31 Jan" in page.day_heads["2027-01-27"]
    assert "Gajian" not in page.day_heads["2027-01-28"]


def test_english_workspace_gets_english_words(tmp_path: Path) -> None:
    en = Workspace.init(tmp_path / "en", brand="Shop", language="en")
    add(en, "2026-12-07 09:00", "Story")
    html = en.calendar_html(week="2026-W50")
    assert '<html lang="en">' in html
    assert "Content plan" in html and "Monday" in html and "Rencana konten" not in html
    assert labels("en")["status"]["draft"] in html


def test_labels_exist_in_both_languages() -> None:
    def keys(d: dict, prefix: str = "") -> set[str]:
        out = set()
        for k, v in d.items():
            out |= keys(v, prefix + k + ".") if isinstance(v, dict) else {prefix + k}
        return out

    assert keys(labels("id")) == keys(labels("en"))
    assert len(labels("id")["weekdays"]) == 7 and len(labels("en")["months"]) == 12


def test_legend_names_every_pillar_and_the_six_stages(ws: Workspace) -> None:
    add(ws, "2026-12-07 09:00", "Cerita", pillar="storytelling")
    add(ws, "2026-12-08 09:00", "Kuis", pillar="interaction", format="story")
    html = ws.calendar_html(week="2026-W50")
    for name in labels("id")["pillar"].values():
        assert name in html
    for name in STAGE_NAMES["id"].values():
        assert name in html
    # storytelling -> creative content, interaction -> personal interaction; hand-added posts
    # speak to no persona, so target customers stays off until a post is aimed at one
    assert html.count('class="stage on"') == 2
    assert html.count('class="stage off"') == 4
    ws.plan(week="2026-W50")
    html = ws.calendar_html(week="2026-W50")
    assert '<li class="stage on">✓ target pelanggan</li>' in html


def test_month_grid_shows_the_month_and_dims_the_days_around_it(ws: Workspace) -> None:
    before = add(ws, "2026-11-30 10:00", "Akhir November")
    first = add(ws, "2026-12-01 10:00", "Awal Desember")
    last = add(ws, "2026-12-31 10:00", "Akhir tahun")
    page = parse(ws.calendar_html(month="2026-12"))
    assert set(page.cards) == {first.id, last.id}
    assert before.id not in page.cards
    assert "out" in page.day_class["2026-11-30"]
    assert "out" not in page.day_class["2026-12-31"]
    assert "out" in page.day_class["2027-01-03"]
    assert len([d for d, cls in page.day_class.items() if "out" not in cls]) == 31


def test_a_date_range_page(ws: Workspace) -> None:
    inside = add(ws, "2026-12-10 10:00", "Di dalam")
    add(ws, "2026-12-12 10:00", "Di luar")
    page = parse(ws.calendar_html(start="2026-12-09", end="2026-12-11"))
    assert set(page.cards) == {inside.id}


def test_planned_week_has_a_card_for_every_post(ws: Workspace) -> None:
    result = ws.plan(week="2026-W49")
    page = parse(ws.calendar_html(week="2026-W49"))
    assert set(page.cards) == {p.id for p in result.posts}


# -- flags ---------------------------------------------------------------------

def test_a_post_breaking_a_platform_limit_is_flagged(ws: Workspace) -> None:
    ok = add(ws, "2026-12-07 09:00", "Biasa", hashtags=["a", "b"])
    bad = save_raw(ws, Post(at=pendulum.datetime(2026, 12, 8, 9, tz=ws.tz), channel="instagram", format="image",
                            pillar="promo", title="Terlalu banyak tagar", hashtags=[f"t{i}" for i in range(9)]))
    html = ws.calendar_html(week="2026-W50")
    page = parse(html)
    assert "9 tagar, maks. 5" in page.cards[bad.id]["text"]
    assert f'data-rule="max_hashtags" title="{labels("id")["limit_flag"]}"' in html
    assert "⚠" not in page.cards[ok.id]["text"]


def flagged_week(ws: Workspace) -> dict[str, Post]:
    """One post breaking each platform rule, and one using UGC of a creator with a tricky name and no grant."""
    tz = ws.tz
    item = ws.ugc.add("https://www.tiktok.com/@rina/video/7412", 'rina"><b>kuliner')
    posts = {
        "caption_max": Post(at=pendulum.datetime(2026, 12, 7, 9, tz=tz), channel="instagram", format="image",
                            pillar="education", title="Panjang", caption="x" * 2431),
        "max_hashtags": Post(at=pendulum.datetime(2026, 12, 8, 9, tz=tz), channel="instagram", format="image",
                             pillar="promo", title="Tagar", hashtags=[f"t{i}" for i in range(7)]),
        "outside_links": Post(at=pendulum.datetime(2026, 12, 9, 9, tz=tz), channel="shopee", format="feed",
                              pillar="promo", title="Link", caption="Cek https://tokopedia.com/toko ya"),
        "video_length": Post(at=pendulum.datetime(2026, 12, 10, 9, tz=tz), channel="instagram", format="reel",
                             pillar="entertainment", title="Vlog", duration_s=720.0),
        "ugc": Post(at=pendulum.datetime(2026, 12, 11, 9, tz=tz), channel="tiktok", format="short_video",
                    pillar="social_proof", title="Repost", ugc_id=item.id, source="repost"),
        "other_platform": Post(at=pendulum.datetime(2026, 12, 12, 9, tz=tz), channel="shopee", format="feed",
                               pillar="promo", title="Voucher", caption="Voucher toko di Tokopedia juga ada ya"),
        "no_comments": Post(at=pendulum.datetime(2026, 12, 12, 12, tz=tz), channel="instagram", format="story",
                            pillar="interaction", title="Kuis", caption="Pilih mana? Jawab di komentar ya"),
        "opt_out": Post(at=pendulum.datetime(2026, 12, 13, 9, tz=tz), channel="whatsapp", format="broadcast",
                        pillar="retention", title="Voucher", caption="Voucher pelanggan setia bulan ini, Kak"),
    }
    return {rule: save_raw(ws, post) for rule, post in posts.items()}


@pytest.mark.parametrize("lang, expected", [
    ("id", {"caption_max": "Caption 2.431/2.200 karakter", "max_hashtags": "7 tagar, maks. 5",
            "outside_links": "Tautan ke luar shopee tidak boleh", "video_length": "Video 12 mnt, harus 3 dtk–10 mnt",
            "ugc": 'UGC @rina"><b>kuliner: belum ada izin untuk tiktok',
            "other_platform": "Menyebut platform lain di shopee", "no_comments": "story tidak punya komentar: minta balas",
            "opt_out": 'Belum ada baris "balas STOP"'}),
    ("en", {"caption_max": "Caption 2,431/2,200 characters", "max_hashtags": "7 hashtags, max. 5",
            "outside_links": "No links leading off shopee", "video_length": "Video 12 min, must be 3 s–10 min",
            "ugc": 'UGC @rina"><b>kuliner: no consent for tiktok',
            "other_platform": "Names another platform on shopee", "no_comments": "A story has no comments: ask for replies",
            "opt_out": 'Missing the "reply STOP" line'}),
])
def test_flags_are_short_in_the_workspace_language_with_the_numbers(
    tmp_path: Path, lang: str, expected: dict[str, str],
) -> None:
    ws = Workspace.init(tmp_path / lang, brand="Dapur Bu Sari", language=lang)
    posts = flagged_week(ws)
    html = ws.calendar_html(week="2026-W50")
    page = parse(html)
    english_sentences = ("characters, over the", "hashtags, instagram allows", "does not allow links", "it must be")
    for rule, post in posts.items():
        text = page.cards[post.id]["text"]
        assert f"⚠ {expected[rule]}" in text, (rule, text)
        assert not any(s in text for s in english_sentences), text
    assert '<b>kuliner' not in html and "&lt;b&gt;kuliner" in html
    assert not [t for t, _ in page.tags if t == "b"]


def test_a_shopee_description_is_named_as_such(ws: Workspace) -> None:
    post = save_raw(ws, Post(at=pendulum.datetime(2026, 12, 7, 9, tz=ws.tz), channel="shopee", format="feed",
                             pillar="promo", title="Deskripsi", caption="y" * 3001))
    assert "⚠ Deskripsi 3.001/3.000 karakter" in parse(ws.calendar_html(week="2026-W50")).cards[post.id]["text"]


def test_ugc_without_a_current_grant_is_flagged_until_granted(ws: Workspace) -> None:
    item = ws.ugc.add("https://www.instagram.com/p/ABC123/", "pelanggan_setia")
    ws.consent.request(item.id, at="2026-12-01 10:00")
    post = save_raw(ws, Post(at=pendulum.datetime(2026, 12, 9, 12, tz=ws.tz), channel="instagram", format="image",
                             pillar="social_proof", title="Repost pelanggan", ugc_id=item.id, source="repost"))
    flag = "⚠ UGC @pelanggan_setia: belum ada izin untuk instagram"
    assert flag in parse(ws.calendar_html(week="2026-W50")).cards[post.id]["text"]
    ws.consent.grant(item.id, "DM: boleh", at="2026-12-03 10:00")
    assert flag not in parse(ws.calendar_html(week="2026-W50")).cards[post.id]["text"]


def test_ugc_granted_for_another_channel_is_flagged(ws: Workspace) -> None:
    item = ws.ugc.add("https://www.instagram.com/p/XYZ789/", "pembeli_baru")
    ws.consent.grant(item.id, "WA: boleh di TikTok saja", scope=["tiktok"], at="2026-12-01 10:00")
    ig = save_raw(ws, Post(at=pendulum.datetime(2026, 12, 9, 12, tz=ws.tz), channel="instagram", format="image",
                           pillar="social_proof", title="Repost di IG", ugc_id=item.id, source="repost"))
    tt = save_raw(ws, Post(at=pendulum.datetime(2026, 12, 10, 12, tz=ws.tz), channel="tiktok", format="short_video",
                           pillar="social_proof", title="Repost di TikTok", ugc_id=item.id, source="repost"))
    page = parse(ws.calendar_html(week="2026-W50"))
    assert "⚠ UGC @pembeli_baru: belum ada izin untuk instagram" in page.cards[ig.id]["text"]
    assert "⚠" not in page.cards[tt.id]["text"]


# -- safety ----------------------------------------------------------------------

def test_user_text_is_escaped_and_shows_as_text(ws: Workspace) -> None:
    post = add(ws, "2026-12-07 09:00", EVIL_TITLE, caption=EVIL_CAPTION)
    html = ws.calendar_html(week="2026-W50")
    page = parse(html)
    assert not [t for t, _ in page.tags if t == "script"]
    assert not [a for t, attrs in page.tags for a in attrs if a.startswith("on")]
    assert not [t for t, attrs in page.tags if t == "img" and attrs.get("src") == "x"]
    text = page.cards[post.id]["text"]
    assert "<script>alert('t')</script>" in text
    assert '"><img src=x onerror=alert(1)>' in text
    assert "&lt;script&gt;" in html and "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_brand_name_and_colour_are_escaped(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "t", brand="Toko <b>Bold</b> & Co")
    cfg = (ws.root / "contentkit.toml").read_text()
    (ws.root / "contentkit.toml").write_text(cfg.replace('primary = "#C0392B"', 'primary = "red}</style><script>x</script>"'))
    html = Workspace.open(ws.root).calendar_html(week="2026-W50")
    assert "Toko &lt;b&gt;Bold&lt;/b&gt; &amp; Co" in html
    assert "<script>" not in html and "</style><script>" not in html


def test_page_is_self_contained(ws: Workspace) -> None:
    add(ws, "2026-12-07 09:00", "Link di aset", assets=["https://cdn.example.com/foto.jpg"])
    ws.reviews.add("Enak sekali, pengiriman cepat!", name="Sari", product="Rendang")
    ws.plan(week="2026-W50")
    page = parse(ws.calendar_html(week="2026-W50"))
    names = [t for t, _ in page.tags]
    assert "script" not in names and "link" not in names and "iframe" not in names
    srcs = [a.get("src") or "" for t, a in page.tags if t == "img"]
    assert srcs and all(s.startswith("data:image/jpeg;base64,") for s in srcs)
    html = ws.calendar_html(week="2026-W50")
    style = html.split("<style>")[1].split("</style>")[0]
    assert "@import" not in style and "url(" not in style and "@font-face" not in style


# -- thumbnails -------------------------------------------------------------------

def test_testimonial_image_is_embedded_never_by_absolute_path(ws: Workspace) -> None:
    review = ws.reviews.add("Rendangnya empuk, bumbunya meresap.", name="Bu Ani", product="Rendang")
    ws.plan(week="2026-W50")
    post = next(p for p in ws.posts(start="2026-12-07", end="2026-12-13") if p.review_id == review.id)
    html = ws.calendar_html(week="2026-W50")
    card_html = html.split(f'data-post="{post.id}"')[1].split("</li>")[0]
    assert '<img class="thumb" src="data:image/jpeg;base64,' in card_html
    assert str(ws.root) not in html and str(ws.root.parent) not in html
    assert "<img" not in ws.calendar_html(week="2026-W50", thumbnails=False)


def test_thumbnail_is_small(ws: Workspace) -> None:
    from PIL import Image

    big = ws.media_dir / "big.png"
    Image.new("RGB", (3000, 2000), (180, 90, 40)).save(big)
    add(ws, "2026-12-07 09:00", "Foto besar", assets=["media/big.png"])
    html = ws.calendar_html(week="2026-W50")
    data = html.split('src="data:image/jpeg;base64,')[1].split('"')[0]
    import base64
    import io

    with Image.open(io.BytesIO(base64.b64decode(data))) as im:
        assert max(im.size) <= 240


def test_paths_outside_the_workspace_are_not_read(ws: Workspace, tmp_path: Path) -> None:
    from PIL import Image

    secret = tmp_path / "secret.png"
    Image.new("RGB", (10, 10)).save(secret)
    p1 = add(ws, "2026-12-07 09:00", "Keluar", assets=["../secret.png"])
    p2 = add(ws, "2026-12-08 09:00", "Absolut", assets=[str(secret)])
    p3 = add(ws, "2026-12-09 09:00", "Video", assets=["media/klip.mp4"])
    html = ws.calendar_html(week="2026-W50")
    page = parse(html)
    assert "<img" not in html
    assert str(tmp_path) not in html
    for post in (p1, p2, p3):
        assert labels("id")["image_missing"] in page.cards[post.id]["text"]
    assert "secret.png" in page.cards[p2.id]["text"]  # the name only, to help find it


# -- CLI ------------------------------------------------------------------------------

def test_cli_writes_the_page(ws: Workspace, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    add(ws, "2026-12-07 09:00", "Cerita")
    out = tmp_path / "rencana.html"
    result = runner.invoke(cli, ["calendar", "-w", str(ws.root), "--week", "2026-W50", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote 1 post (2026-12-07 – 2026-12-13)" in result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--week", "2026-W50", "--month", "2026-12"], "only one of"),
        (["--from", "2026-12-01"], "both --from and --to"),
        (["--from", "2026-12-09", "--to", "2026-12-01"], "swap them"),
        (["--week", "2026-W60"], "has no ISO week"),
        (["--month", "2026-13"], "invalid month"),
        (["--from", "2026-01-01", "--to", "2028-01-01"], "too long"),
    ],
)
def test_cli_bad_ranges_are_one_line_errors(ws: Workspace, runner, tmp_path: Path, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(cli, ["calendar", "-w", str(ws.root), *args, "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.startswith("Error:") and result.output.count("\n") == 1
    assert not (tmp_path / "p.html").exists()


def test_cli_bad_output_paths(ws: Workspace, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r1 = runner.invoke(cli, ["calendar", "-w", str(ws.root), "-o", str(tmp_path / "p.txt")])
    r2 = runner.invoke(cli, ["calendar", "-w", str(ws.root), "-o", str(tmp_path / "nope" / "p.html")])
    assert r1.exit_code == 1 and "must end in .html" in r1.output
    assert r2.exit_code == 1 and "does not exist" in r2.output


def test_page_has_phone_and_print_layouts(ws: Workspace) -> None:
    html = ws.calendar_html(week="2026-W50")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "@page { size: A4 landscape" in html
    assert "section.week { padding: 4px 0; break-after: page" in html
    assert "grid-template-columns: minmax(0, 1fr)" in html


# -- colours -----------------------------------------------------------------------

def _linear(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    f = lambda c: c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4  # noqa: E731
    return f(r), f(g), f(b)


def _lab(hex_colour: str) -> tuple[float, float, float]:
    r, g, b = _linear(hex_colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    t = lambda v: v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116  # noqa: E731
    return 116 * t(y) - 16, 500 * (t(x) - t(y)), 200 * (t(y) - t(z))


def _contrast(a: str, b: str) -> float:
    la, lb = (0.2126 * r + 0.7152 * g + 0.0722 * bl for r, g, bl in (_linear(a), _linear(b)))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def test_pillar_colours_are_told_apart_and_their_names_read() -> None:
    import itertools
    import math

    from contentkit.views.page_style import PILLAR_COLOURS

    for (p, (strong_p, tint_p)), (q, (strong_q, tint_q)) in itertools.combinations(PILLAR_COLOURS.items(), 2):
        assert math.dist(_lab(strong_p), _lab(strong_q)) >= 25, (p, q, "borders and bars look alike")
        assert math.dist(_lab(tint_p), _lab(tint_q)) >= 8, (p, q, "card backgrounds look alike")
    for p, (strong, tint) in PILLAR_COLOURS.items():
        assert _contrast(strong, tint) >= 4.5, (p, "the pillar name is hard to read on its card")


# -- what happened ------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_past_post_never_published_is_marked_and_each_week_says_what_became_of_its_posts(
    tmp_path: Path, lang: str,
) -> None:
    ws = Workspace.init(tmp_path / lang, brand="Dapur Bu Sari", language=lang)
    words = labels(lang)
    done = add(ws, "2026-12-07 09:00", "Terbit")
    ws.post_book.publish(done.id, "https://www.instagram.com/p/A1/")
    forgotten = add(ws, "2026-12-08 09:00", "Lupa diposting")
    dropped = add(ws, "2026-12-09 09:00", "Batal")
    ws.post_book.skip(dropped.id, "hujan")
    later = add(ws, "2026-12-11 09:00", "Nanti")
    page = parse(ws.calendar_html(start="2026-12-07", end="2026-12-13", today=pendulum.Date(2026, 12, 10)))
    missed = words["missed"]
    assert missed in page.cards[forgotten.id]["text"] and "missed" in page.cards[forgotten.id]["class"]
    for post in (done, dropped, later):
        assert missed not in page.cards[post.id]["text"]
    html = ws.calendar_html(start="2026-12-07", end="2026-12-13", today=pendulum.Date(2026, 12, 10))
    tally = html.split('<p class="tally">')[1].split("</p>")[0]
    text = " ".join(part.split(">")[-1] for part in tally.split("<"))
    st = words["status"]
    assert text.split(":")[0] == f"4 {words['posts']}"
    for piece in (f"1 {st['published']}", f"2 {st['draft']}", f"1 {st['skipped']}", f"1 {missed}"):
        assert piece in text, (piece, text)
    assert st["ready"] not in text
