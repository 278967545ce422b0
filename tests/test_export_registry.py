"""The exporter table: every format is one entry that the CLI, its help and the README are built from."""

from __future__ import annotations

from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner

from contentkit import Post, Workspace
from contentkit.calendar.exporters import EXPORT_KINDS, EXPORTERS, exporter_help
from contentkit.calendar.exports import export_posts
from contentkit.cli.main import cli

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture
def shop(tmp_path: Path) -> Workspace:
    ws = Workspace.init(tmp_path / "toko", brand="Dapur Bu Sari", sector="kuliner", timezone="Asia/Jakarta")
    ws.ugc.add("https://www.instagram.com/p/DAbcImg01x/", "rina.makan", caption="Enak pol 😋")
    at = pendulum.now(ws.tz).add(days=3).replace(hour=19, minute=30, second=0, microsecond=0)
    with ws.store.transaction() as tx:
        tx.save_many([
            Post(at=at, channel="instagram", format="image", pillar="education", title="Tips simpan sambal",
                 caption="Simpan di kulkas ya kak", assets=["https://cdn.test/sambal.jpg"]),
            # Customer content with no grant at all: every exporter must leave it out and name it.
            Post(at=at.add(hours=1), channel="instagram", format="image", pillar="social_proof", title="Repost Rina",
                 ugc_id="U1", assets=["https://cdn.test/rina.jpg"]),
        ])
        tx.originals.clear()  # stored past the routes' consent check, as a hand-edited store holds it
    return ws


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_every_exporter_writes_and_leaves_out_content_without_consent(shop: Workspace, tmp_path: Path, kind: str) -> None:
    exporter = EXPORTERS[kind]
    channel = "instagram" if exporter.needs_channel else None
    result = export_posts(shop, kind, tmp_path / f"out.{kind}", channel=channel)
    assert result.kind == kind and result.count == 1
    assert all(p.exists() for p in result.paths)
    assert [lo.post_id for lo in result.left_out] == ["P2"]
    assert "U1" in result.left_out[0].reason and "contentkit ugc request U1" in result.left_out[0].reason
    written = "".join(p.read_text(encoding="utf-8-sig") for p in result.paths)
    assert "Tips simpan sambal" in written or "Simpan di kulkas" in written
    assert "Repost Rina" not in written and "rina.jpg" not in written


def test_cli_choices_and_help_come_from_the_table(shop: Workspace) -> None:
    help_text = CliRunner().invoke(cli, ["export", "--help"]).output
    assert "|".join(EXPORT_KINDS) in help_text
    for exporter in EXPORTERS.values():
        assert exporter.name in help_text and exporter.summary[:40] in help_text.replace("\n  ", " ")


def test_readme_lists_every_exporter_as_the_table_says() -> None:
    text = README.read_text(encoding="utf-8")
    for line in exporter_help().splitlines():
        assert line in text, f"README is missing the line {line!r}: paste `exporter_help()` into it"


def test_cli_names_what_it_left_out(shop: Workspace, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "csv", "-o", str(tmp_path / "p.csv"), "-w", str(shop.root)])
    assert result.exit_code == 0
    assert "left out P2: U1 has no consent from @rina.makan" in result.output
