"""A new user's whole session with the CLI, and a check that output has no English left in it.

Shared by the Indonesian-workspace test and the pseudo-locale test (tests/test_i18n_cli.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner

from contentkit.cli.main import cli
from contentkit.ugc.consent import KINDS, STATES
from contentkit.vocab import FORMATS, PILLARS, POST_STATUSES

REVIEWS_CSV = (
    "text;name;rating;product;source;date\n"
    '"Mantap kak, sambelnya nampol 🔥🔥\nPasti order lagi";Budi;5;Sambal Bawang;tokopedia;2026-12-01\n'
    "Pengiriman agak lama tp rasa oke;Sari;3.5;Rendang 500 g;shopee;2026-11-30\n"
)


def story(tmp: Path) -> Iterator[tuple[list[str], int]]:
    """(arguments, expected exit code) in the order a shop owner would try them."""
    ws = str(tmp / "toko")
    (tmp / "ulasan.csv").write_text(REVIEWS_CSV, encoding="utf-8")
    (tmp / "temuan.csv").write_text(
        "platform,url,username,caption,taken_at\n"
        "tiktok,https://www.tiktok.com/@sari.jajan/video/7400001,sari.jajan,\"Nyobain rendang @dapurbusari, juara!\",2026-11-28\n",
        encoding="utf-8")
    w = ["-w", ws]
    yield ["init", ws, "--brand", "Dapur Bu Sari", "--sector", "kuliner", "--instagram", "dapurbusari", "--lang", "id"], 0
    yield ["idea", "add", "Cerita resep rendang nenek", "--pillar", "storytelling", "--format", "reel", *w], 0
    yield ["idea", "list", *w], 0
    yield ["series", "add", "Dari Dapur ke Meja", "--pillar", "storytelling", "--format", "reel", "--every", "wed",
           "--episode", "Belanja subuh di pasar", "--episode", "Meracik bumbu", *w], 0
    yield ["series", "list", *w], 0
    yield ["plan", "--week", "2026-W50", "--dry-run", *w], 0
    yield ["plan", "--week", "2026-W50", *w], 0
    yield ["post", "list", *w], 0
    yield ["post", "show", "P2", *w], 0
    yield ["post", "edit", "P2", "--title", "Rendang nenek, resep 1965", *w], 0
    yield ["post", "add", "--at", "2026-12-12 20:00", "--channel", "shopee", "--format", "live", "--pillar", "promo",
           "--title", "Live 12.12 jam 8 malam", *w], 0
    yield ["post", "publish", "P2", "--url", "https://www.instagram.com/reel/ABC123/", *w], 0
    yield ["post", "skip", "P3", "--reason", "stok habis", *w], 0
    yield ["check", *w], 0
    yield ["export", "ics", "-o", str(tmp / "rencana.ics"), *w], 0
    yield ["export", "markdown", "-o", str(tmp / "rencana.md"), *w], 0
    yield ["export", "buffer", "--channel", "instagram", "-o", str(tmp / "buffer.csv"), *w], 0
    yield ["export", "csv", "--from", "2027-01-01", "--to", "2027-01-31", "-o", str(tmp / "kosong.csv"), *w], 0
    yield ["ugc", "add", "https://www.instagram.com/p/DAbcImg01x/", "--user", "rina.makan",
           "--caption", "Enak bgt kak 😍 #dapurbusari", *w], 0
    yield ["ugc", "add", "https://www.tiktok.com/@budi/video/7412", "--user", "budi", *w], 0
    yield ["ugc", "list", *w], 0
    yield ["ugc", "request", "U1", "--via", "dm", *w], 0
    yield ["ugc", "grant", "U1", "--evidence", "DM 1 Des: boleh kak", "--scope", "instagram", *w], 0
    yield ["ugc", "show", "U1", *w], 0
    yield ["ugc", "history", "U1", *w], 0
    yield ["ugc", "repost", "U1", "--at", "2026-12-16 19:00", "--channel", "instagram", *w], 0
    yield ["ugc", "reject", "U2", "--reason", "foto buram", *w], 0
    yield ["review", "add", "--text", "Rendangnya empuk 👍", "--name", "Rina", "--rating", "4.5",
           "--product", "Rendang 500 g", "--source", "shopee", *w], 0
    yield ["review", "import", str(tmp / "ulasan.csv"), *w], 0
    yield ["review", "from-ugc", "U1", *w], 0
    yield ["review", "list", *w], 0
    yield ["ugc", "revoke", "U1", "--reason", "minta dihapus lewat DM", *w], 0
    yield ["ugc", "import", str(tmp / "temuan.csv"), *w], 0
    yield ["ugc", "request", "U3", *w], 0
    yield ["ugc", "decline", "U3", "--reason", "tidak mau", *w], 0
    yield ["testimonial", "render", "R1", "--template", "minimal", "-o", str(tmp / "out"), *w], 0
    yield ["--lang", "id", "testimonial", "sheet", str(tmp / "out"), "-o", str(tmp / "sheet.jpg")], 0
    yield ["idea", "add", "Tips menyimpan sambal", "--pillar", "education", "--format", "carousel", *w], 0
    yield ["idea", "remove", "I2", *w], 0
    yield ["series", "remove", "S1", *w], 0
    yield ["strategy", "copy", "kuliner", *w], 0
    yield ["--lang", "id", "strategy", "list"], 0
    yield ["strategy", "show", *w], 0
    yield ["calendar", "--week", "2026-W50", "-o", str(tmp / "rencana.html"), *w], 0
    yield ["report", "--end", "2026-12-13", *w], 0
    # the retail year, live shopping, promos, review asks, the phone kit and the health check
    yield ["campaign", "list", *w], 0
    yield ["campaign", "show", "harbolnas", *w], 0
    yield ["live", "add", "--at", "2026-12-11 20:00", "--channel", "tiktok", "--host", "Bu Sari",
           "--product", "Rendang 500 g", "--voucher", "LIVEHEMAT 15rb", *w], 0
    yield ["live", "list", *w], 0
    yield ["promo", "add", "gratis_ongkir", "--channel", "shopee", "--from", "2026-12-10", "--until", "2026-12-12",
           "--amount", "20000", "--min-spend", "100000", *w], 0
    yield ["promo", "list", *w], 0
    yield ["review", "ask", "--name", "Rina", "--phone", "0812-3456-7890", "--product", "Rendang 500 g", *w], 0
    yield ["review", "asks", *w], 0
    yield ["review", "list", "--best", "3", *w], 0
    yield ["export", "ics", "--feed", "-o", str(tmp / "kalender.ics"), *w], 0
    yield ["kit", "--week", "2026-W50", "-o", str(tmp / "kit"), *w], 0
    yield ["doctor", *w], 0
    # mistakes a user makes: each must be one translated line
    yield ["post", "show", "P99", *w], 1
    yield ["idea", "add", "  ", "--pillar", "education", "--format", "reel", *w], 1
    yield ["post", "list", "--bogus", *w], 2
    yield ["review", "add", *w], 2
    yield ["plan", "--week", "2026-W50", "--weeks", "x", *w], 2
    yield ["export", "buffer", "-o", str(tmp / "b2.csv"), *w], 1
    yield ["review", "from-ugc", "U9", *w], 1


def help_commands() -> list[list[str]]:
    """Every command and group, as arguments to which `--help` is appended."""
    from contentkit.cli.main import COMMANDS

    out: list[list[str]] = [[]]
    ctx_root = cli.make_context("contentkit", ["--help"], resilient_parsing=True)
    for name in COMMANDS:
        command = cli.get_command(ctx_root, name)
        out.append([name])
        for sub in sorted(getattr(command, "commands", {})):
            out.append([name, sub])
    return out


def run_all(runner: CliRunner, tmp: Path) -> list[tuple[list[str], str]]:
    """Run the story and every --help (inside the workspace); returns (arguments, output), checking exit codes."""
    results = []
    for args, code in story(tmp):
        r = runner.invoke(cli, args, prog_name="contentkit")
        assert r.exit_code == code, (args, r.output, r.exception)
        results.append((args, r.output))
    for args in help_commands():
        r = runner.invoke(cli, [*args, "--help"], prog_name="contentkit", env={"CONTENTKIT_WORKSPACE": str(tmp / "toko")})
        assert r.exit_code == 0, (args, r.output)
        results.append(([*args, "--help"], r.output))
    return results


# English words that never appear in Indonesian copy; finding one means a message escaped translation.
ENGLISH = set("""
the and or to of for with is are was were be been not no in on at by from an it its this that these those
has have had will can cannot must should your you their them there here what when which who how why
add added adds wrote write updated update removed remove skipped skip marked mark created create imported import
error warning usage options commands example show shows list lists nothing yet only every each already none
give use run again first last next day week weeks month file files path post posts idea ideas review reviews
customer consent grant granted declined revoked request requested channel channels title text name default help
""".split())
# Names that stay as they are: platforms and tools, and the vocabulary keys users type (pillars, formats,
# statuses, consent states: showing them in the workspace language is issue #10 item 2, not these tests).
ALLOWED = set("""
instagram tiktok whatsapp shopee tokopedia facebook google buffer hootsuite instaloader contentkit
tagged hashtag import csv manual
""".split()) | {w for key in (*PILLARS, *FORMATS, *POST_STATUSES, *STATES, *KINDS) for w in key.split("_")}
_SKIP = [
    re.compile(r"contentkit(?: [a-z][a-z-]*)*"),  # the command line in usage lines
    re.compile(r"\b\w+(?:,\w+)+\b"),  # column names, e.g. platform,url,username
    re.compile(r"`[^`]*`"),  # commands quoted in messages
    re.compile(r"https?://\S+"),
    re.compile(r"\w+…"),  # a word cut short in a table cell
    re.compile(r"(?<![\w-])--?[\w-]+"),  # option names
    re.compile(r"\S*[/\\]\S*"),  # paths
    re.compile(r"\[[A-Z_|]+\]|\b[A-Z][A-Z_]+\b"),  # metavars
]


_COMMAND_LIST = re.compile(r"^\s{2}[a-z][a-z-]*(?=\s{2,}|\s*$)")  # a subcommand's name in a command list


def drop_wrapped(output: str) -> str:
    """`output` without the ⟦…⟧ spans of a pseudo-translation (nested ones too, and ones click cut with "...")."""
    while True:
        shorter = re.sub(r"⟦[^⟦⟧]*⟧", "", output)
        if shorter == output:
            break
        output = shorter
    return re.sub(r"⟦[^⟦⟧\n]*\.\.\.$", "", output, flags=re.M)


def english_left(output: str, *, pseudo: bool = False) -> list[str]:
    """The lines of `output` that still hold an English word (after dropping pseudo-translated spans)."""
    if pseudo:
        output = drop_wrapped(output)
    bad = []
    for line in output.splitlines():
        text = _COMMAND_LIST.sub("", line).strip()
        if text.startswith(("contentkit ", "cd ")):  # example commands in help texts
            continue
        for pattern in _SKIP:
            text = pattern.sub(" ", text)
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
        if (words & ENGLISH) - ALLOWED:
            bad.append(line)
    return bad
