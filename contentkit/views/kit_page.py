"""The posting kit's `index.html`: one self-contained page for a phone, working offline.

No external request of any kind: styles and the copy script are inline, media
are relative links into the kit, and the only outside address is the
"Kirim ke WhatsApp" link, which the user taps. Words come from
`templates/views/kit.toml` (id and en).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from html import escape
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pendulum

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

if TYPE_CHECKING:
    from ..calendar.exporters import LeftOut
    from .kit import KitPost

__all__ = ["kit_html", "kit_words", "whatsapp_link"]

_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#222;background:#f6f3ef}
header.top{background:var(--brand);color:#fff;padding:14px 16px}
header.top h1{margin:0;font-size:1.25rem}
header.top p{margin:4px 0 0;font-size:.9rem;opacity:.92}
main{padding:8px 10px 40px;max-width:640px;margin:0 auto}
h2.day{font-size:1rem;margin:18px 4px 8px;color:#555}
article{background:#fff;border-radius:12px;padding:12px;margin:0 0 12px;box-shadow:0 1px 3px rgba(0,0,0,.12);
  overflow-wrap:anywhere;word-break:break-word}
.meta{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:.9rem}
.meta time{font-weight:700;font-size:1.05rem;margin-right:4px}
.chip{background:#eee;border-radius:999px;padding:2px 10px}
h3{margin:8px 0 6px;font-size:1rem}
.credit{margin:4px 0 8px;font-size:.9rem;color:#5a4a00;background:#fff6cc;border-radius:8px;padding:6px 8px}
.media img,.media video{display:block;max-width:100%;height:auto;border-radius:8px;margin:6px 0;background:#ddd}
.note{font-size:.85rem;color:#666;margin:6px 0}
textarea{width:100%;min-height:5em;font:inherit;font-size:.95rem;padding:8px;border:1px solid #ccc;border-radius:8px;
  resize:vertical;background:#fafafa;color:#222}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.actions a,.actions button{flex:1 1 140px;min-height:44px;display:flex;align-items:center;justify-content:center;
  text-align:center;border-radius:10px;border:0;font:inherit;font-weight:600;text-decoration:none;padding:8px 10px;cursor:pointer}
button.copy{background:var(--brand);color:#fff}
button.copy.done{background:#2e7d32}
a.save{background:#e8e8e8;color:#222}
a.wa{background:#25d366;color:#073b1c}
section.left{background:#fff;border-left:4px solid #c62828;border-radius:8px;padding:8px 12px;margin:12px 0}
section.left li{margin:4px 0;font-size:.9rem}
footer{font-size:.8rem;color:#777;text-align:center;margin:20px 0}
"""

_SCRIPT = """
document.addEventListener('click', async function (e) {
  var b = e.target.closest('button.copy'); if (!b) return;
  var t = document.getElementById(b.dataset.for); var ok = false;
  try { await navigator.clipboard.writeText(t.value); ok = true; }
  catch (err) { t.focus(); t.select(); try { ok = document.execCommand('copy'); } catch (err2) { ok = false; } }
  b.textContent = ok ? b.dataset.done : b.dataset.fail; b.classList.toggle('done', ok);
});
"""


@lru_cache(maxsize=1)
def _all_words() -> dict[str, Any]:
    text = (resources.files("contentkit.templates") / "views" / "kit.toml").read_text("utf-8")
    return tomllib.loads(text)


def kit_words(lang: str) -> dict[str, Any]:
    """The kit's words in `lang` ("id" or "en"; anything else gets "id")."""
    from ..formatting import month_abbr, weekday_abbr

    table = _all_words()
    lang = lang if lang in table else "id"
    # Day and month names come from the one formatter (Babel's CLDR data), not the words file.
    return {**table[lang], "weekdays": [weekday_abbr(i, lang) for i in range(7)],
            "months": [month_abbr(m, lang) for m in range(1, 13)]}


def whatsapp_link(text: str) -> str:
    """A wa.me link that opens WhatsApp with `text` ready to send (to oneself, or anyone).

    >>> whatsapp_link("Promo 12.12 #dapurbusari")
    'https://wa.me/?text=Promo%2012.12%20%23dapurbusari'
    """
    return "https://wa.me/?text=" + quote(text, safe="")


def _day_name(day: date, words: dict[str, Any]) -> str:
    return f"{words['weekdays'][day.weekday()]} {day.day} {words['months'][day.month - 1]} {day.year}"


def _post(entry: KitPost, words: dict[str, Any], tz: str) -> str:
    post = entry.post
    when = post.at.astimezone(ZoneInfo(tz))
    clock = f"{when.hour:02d}{words['time_sep']}{when.minute:02d}"
    channel = words["channels"].get(post.channel, post.channel)
    fmt = words["formats"].get(post.format, post.format)
    area = f"cap-{escape(post.id)}"
    out = [f'<article id="{escape(post.id)}" data-post="{escape(post.id)}">',
           f'<div class="meta"><time datetime="{escape(when.isoformat())}">{clock}</time>'
           f'<span class="chip">{escape(channel)}</span><span class="chip">{escape(fmt)}</span>'
           f'<span class="chip">{escape(post.id)}</span></div>',
           f"<h3>{escape(post.title)}</h3>"]
    if entry.credit:
        out.append(f'<p class="credit">{escape(words["credit"])}: <b>{escape(entry.credit)}</b> · '
                   f'{escape(words["credit_note"])}</p>')
    if entry.media:
        out.append('<div class="media">')
        for rel in entry.media:
            src = escape(quote(rel))
            if rel.lower().endswith((".mp4", ".mov", ".m4v", ".webm")):
                out.append(f'<video controls preload="metadata" src="{src}"></video>')
            else:
                out.append(f'<img src="{src}" alt="{escape(post.title)}" loading="lazy">')
        out.append("</div>")
    elif not entry.online:
        out.append(f'<p class="note">{escape(words["no_media"])}</p>')
    for link in entry.online:
        out.append(f'<p class="note">{escape(words["online_only"])} {escape(link)}</p>')
    rows = min(14, max(3, entry.text.count("\n") + 2 + len(entry.text) // 40))
    # The newline after <textarea> is dropped by the HTML parser, so a caption that starts
    # with a blank line still copies exactly.
    out.append(f'<textarea id="{area}" readonly rows="{rows}" aria-label="caption">\n{escape(entry.text)}</textarea>')
    if not entry.text:
        out.append(f'<p class="note">{escape(words["no_caption"])}</p>')
    out.append('<div class="actions">')
    out.append(f'<button type="button" class="copy" data-for="{area}" data-done="{escape(words["copied"])}" '
               f'data-fail="{escape(words["copy_failed"])}">{escape(words["copy"])}</button>')
    for rel in entry.media:
        label = words["save_video"] if rel.lower().endswith((".mp4", ".mov", ".m4v", ".webm")) else words["save_image"]
        name = rel.rsplit("/", 1)[-1]
        out.append(f'<a class="save" href="{escape(quote(rel))}" download="{escape(name)}">{escape(label)}</a>')
    out.append(f'<a class="wa" href="{escape(whatsapp_link(entry.text))}">{escape(words["whatsapp"])}</a>')
    out.append("</div></article>")
    return "\n".join(out)


def kit_html(
    entries: Sequence[KitPost],
    left_out: Sequence[LeftOut],
    *,
    brand: str,
    lang: str,
    tz: str,
    start: date,
    end: date,
    made: datetime,
    colour: str = "#C0392B",
) -> str:
    """The kit's index page: the posts by day, in time order, and the posts left out."""
    words = kit_words(lang)
    brand_colour = colour if colour.startswith("#") and len(colour) in (4, 7) and colour[1:].isalnum() else "#C0392B"
    span = _day_name(start, words) if start == end else f"{_day_name(start, words)} – {_day_name(end, words)}"
    html = [
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may leave the phone: only files inside the kit, inline style and script.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self' file:; "
        "media-src 'self' file:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
        f"<title>{escape(words['title'])} · {escape(brand)}</title>",
        f"<style>:root{{--brand:{brand_colour}}}{_CSS}</style>\n</head>\n<body>",
        f'<header class="top"><h1>{escape(words["title"])} · {escape(brand)}</h1>'
        f"<p>{escape(span)}</p><p>{escape(words['intro'])}</p></header>\n<main>",
    ]
    if left_out:
        items = "".join(f"<li><b>{escape(lo.post_id)}</b>: {escape(lo.reason)}</li>" for lo in left_out)
        html.append(f'<section class="left"><h2 class="day">{escape(words["left_out"])}</h2><ul>{items}</ul></section>')
    if not entries:
        html.append(f'<p class="note">{escape(words["empty"])}</p>')
    current: date | None = None
    zone = ZoneInfo(tz)
    for entry in entries:
        day = entry.post.at.astimezone(zone).date()
        if day != current:
            html.append(f'<h2 class="day">{escape(_day_name(day, words))}</h2>')
            current = day
        html.append(_post(entry, words, tz))
    stamp = pendulum.instance(made).in_timezone(tz).format("YYYY-MM-DD HH:mm")
    html.append(f"</main>\n<footer>{escape(words['generated'])} {escape(stamp)} · contentkit</footer>")
    html.append(f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")
    return "\n".join(html)
