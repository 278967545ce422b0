"""The public API: pinned names, all importable, typed, and a fast `import contentkit`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import contentkit

PUBLIC = {
    "__version__",
    # errors
    "ContentkitError", "InputError", "WorkspaceError", "ConfigError", "StoreError", "ConsentError",
    "NotFoundError", "NetworkError",
    # workspace and records
    "Workspace", "Config", "Handles", "BrandKit", "Store", "doctor", "DoctorReport",
    "Post", "Idea", "Series", "UGCItem", "ConsentEvent", "Review",
    # channels
    "Channel", "channel",
    # calendar
    "Strategy", "load_strategy", "list_strategies", "PlanResult", "Violation", "check_post",
    "export_ics", "export_buffer", "export_hootsuite", "export_csv", "export_markdown", "export_posts", "ExportResult",
    # ugc
    "UGCManager", "ConsentLedger", "ConsentState", "ImportReport",
    # graphics
    "render_testimonial", "save_testimonial", "Brand", "ReviewBook", "TextCutWarning", "contact_sheet",
    "quick_testimonial", "render_batch",
    # views
    "calendar_html", "write_calendar", "CalendarFile", "CalendarRange", "build_report", "Report", "ReportFile",
    "report_html", "report_png", "write_report", "build_kit", "KitResult",
}


def test_public_names_are_pinned() -> None:
    assert set(contentkit.__all__) == PUBLIC


@pytest.mark.parametrize("name", sorted(PUBLIC - {"__version__"}))
def test_every_public_name_imports(name: str) -> None:
    assert getattr(contentkit, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        contentkit.no_such_thing  # noqa: B018


def test_import_contentkit_loads_no_heavy_library() -> None:
    code = ("import sys, contentkit, contentkit.cli.main; "
            "print(sorted(m for m in ('PIL', 'instaloader', 'icalendar', 'holidays', 'tinydb', 'pendulum') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_library_passes_mypy_strict() -> None:
    api = pytest.importorskip("mypy.api", reason="mypy is not installed (pip install -e '.[test]')")
    root = Path(__file__).resolve().parents[1]
    stdout, stderr, status = api.run(["--config-file", str(root / "pyproject.toml"), str(root / "contentkit")])
    assert status == 0, stdout + stderr
