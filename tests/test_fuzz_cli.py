"""Fuzzing the CLI's text, date and number options and the CSV importers: every run ends in
exit 0 or one `Error:` line with a non-zero exit, never a traceback, and the store and
its backup always still load."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentkit.cli.main import cli
from contentkit.store import Store
from contentkit.workspace import Workspace

FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck), database=None)

# Text as it arrives from shells, spreadsheets and phones: emoji, slang, control codes, bidi, NUL.
text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", " ", "-", "--", "=1+1", "@rina", "\x1b]0;x\x07", "\u202e", "ok\x00ok", "🔥" * 300,
                     "Enak bgt kak!!\nPengiriman cepet 👍", "I1", "P999999999999999999999", "0", "-1", "1e309", "nan"]),
)
number = st.one_of(st.integers(min_value=-(10**30), max_value=10**30).map(str), st.floats().map(str), text)
# Dates as people type them, and as they mistype them: day-first, ISO, words, offsets, far years.
date_text = st.one_of(
    text,
    st.sampled_from(["1/12/2026 19.30", "31/02/2027 10:00", "12/31/2026", "1 Des 2026 19.30 WITA", "besok 19.30",
                     "senin depan 08.00", "lusa", "2026-12-09T19:30+25:00", "0001-01-01 00:00", "9999-12-31 23:59",
                     "2027-03-28 02:30", "kemarin", "Selasa, 1 Des 2026", "2026-W50", "9999-W52", "1/1/1969 10.00"]),
    st.builds(lambda d, m, y, h, mi: f"{d}/{m}/{y} {h}.{mi:02d}", st.integers(0, 40), st.integers(0, 14),
              st.integers(1960, 2110), st.integers(0, 25), st.integers(0, 61)),
)


def _commands(draw: st.DrawFn) -> list[str]:
    t = lambda: draw(text)  # noqa: E731
    d = lambda: draw(date_text)  # noqa: E731
    choice = draw(st.integers(min_value=0, max_value=15))
    return [
        ["idea", "add", t(), "--pillar", t(), "--format", t()],
        ["idea", "add", t() or "x", "--pillar", "promo", "--format", "image", "--priority", draw(number)],
        ["review", "add", "--text", t(), "--name", t(), "--rating", draw(number), "--product", t(), "--source", t()],
        ["post", "add", "--at", "2026-12-09 19.30", "--channel", t(), "--format", t(), "--pillar", t(), "--title", t(),
         "--caption", t(), "--hashtag", t(), "--duration", draw(number)],
        ["ugc", "add", t(), "--user", t(), "--caption", t(), "--platform", t()],
        ["series", "add", t(), "--pillar", t(), "--format", t(), "--episode", t(), "--every", t()],
        ["post", "skip", t(), "--reason", t()],
        ["ugc", "reject", t(), "--reason", t()],
        ["idea", "remove", t()],
        ["report", "--weeks", draw(number)],
        ["post", "add", "--at", d(), "--channel", "instagram", "--format", "image", "--pillar", "promo", "--title", "Promo"],
        ["post", "list", "--from", d(), "--to", d()],
        ["plan", "--week", d(), "--dry-run"],
        ["plan", "--start", d(), "--dry-run"],
        ["series", "add", "Seri", "--pillar", "storytelling", "--format", "reel", "--episode", "Satu", "--start", d()],
        ["calendar", "--from", d(), "--to", d(), "-o", "-"],
    ][choice]


commands = st.composite(_commands)()


def check(result, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    output = result.output
    assert "Traceback" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code != 0:
        errors = [line for line in output.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1, output
    Store(ws.store.path).read()
    if ws.store.backup_path.exists():
        Store(ws.store.backup_path).read()


def test_cli_options_never_crash(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner")
    runner = CliRunner()

    @FUZZ
    @given(commands)
    def run(args: list[str]) -> None:
        check(runner.invoke(cli, [*args, "-w", str(ws.root)]), ws)

    run()


# A CSV as spreadsheets and hands make them: real columns, odd delimiters, quotes, BOMs, cut lines.
cell = st.one_of(text, st.sampled_from(["5", "4,5", "1/12/2026", "ya", "maybe", '"', '""', ";", "instagram",
                                        "https://www.instagram.com/p/DAbc01/", "rina.kitchen"]))


@st.composite
def csv_bytes(draw: st.DrawFn, columns: list[str]) -> bytes:
    header = draw(st.lists(st.sampled_from(columns + ["bintang", "x"]), min_size=0, max_size=6))
    sep = draw(st.sampled_from([",", ";", "\t"]))
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=7), max_size=5))
    body = "\n".join(sep.join(r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    data = body.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    cut = draw(st.integers(min_value=0, max_value=len(data)))
    return data[: len(data) - cut // 4]


def test_csv_importers_never_crash(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner")
    runner = CliRunner()
    reviews = ["text", "name", "rating", "product", "source", "date", "show_name"]
    ugc = ["platform", "url", "username", "caption", "taken_at"]

    @FUZZ
    @given(st.sampled_from(["review", "ugc"]), st.data())
    def run(kind: str, data: st.DataObject) -> None:
        path = tmp_path / "impor.csv"
        path.write_bytes(data.draw(csv_bytes(reviews if kind == "review" else ugc)))
        check(runner.invoke(cli, [kind, "import", str(path), "-w", str(ws.root)]), ws)

    run()
