"""Review photos: checked, copied into the workspace, used by the photo template."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from contentkit.cli.main import cli
from contentkit.errors import InputError
from contentkit.workspace import Workspace


def _photo(path: Path, colour: str = "#3366AA") -> Path:
    Image.new("RGB", (1600, 1200), colour).save(path)
    return path


def test_photo_is_copied_into_the_workspace_and_rendered(ws: Workspace, tmp_path: Path) -> None:
    original = _photo(tmp_path / "foto pelanggan.jpg")
    review = ws.reviews.add("Bajunya adem dipakai!", name="Ani", rating=5, photo=original)
    assert review.photo is not None and not Path(review.photo).is_absolute()
    kept = ws.root / review.photo
    assert kept.is_file() and kept.parent == ws.media_dir / "photos"
    original.unlink()  # the review no longer depends on where the file came from
    asset = ws.reviews.render_for_post(review, "instagram")
    with Image.open(ws.root / asset) as im:
        # the photo template fills its background with the photo's blue
        r, g, b = im.convert("RGB").resize((8, 8)).getpixel((0, 4))
        assert b > r


def test_broken_or_missing_photo_is_refused_before_saving(ws: Workspace, tmp_path: Path) -> None:
    broken = tmp_path / "rusak.jpg"
    broken.write_bytes(b"not an image")
    with pytest.raises(InputError, match="cannot be read"):
        ws.reviews.add("Mantap", name="Budi", photo=broken)
    with pytest.raises(InputError, match="does not exist"):
        ws.reviews.add("Mantap", name="Budi", photo=tmp_path / "hilang.jpg")
    assert ws.reviews.list() == []


def test_review_add_photo_through_the_cli(ws: Workspace, tmp_path: Path) -> None:
    photo = _photo(tmp_path / "p.png")
    result = CliRunner().invoke(cli, ["review", "add", "--text", "Rapi", "--name", "Sari", "--photo", str(photo),
                                      "-w", str(ws.root)])
    assert result.exit_code == 0, result.output
    assert ws.reviews.list()[0].photo.startswith("media/photos/")


def test_bad_render_options_fail_even_with_nothing_to_render(ws: Workspace) -> None:
    runner = CliRunner()
    for args, needle, code in ((["--size", "huge"], "unknown size", 1), (["--template", "nope"], "unknown template", 1),
                               (["--format", "gif"], "gif", 2), (["--jobs", "0"], "--jobs", 1)):
        result = runner.invoke(cli, ["testimonial", "render", "--all-new", *args, "-w", str(ws.root)])
        assert result.exit_code == code, (args, result.output)
        assert needle in result.output and "Traceback" not in result.output
