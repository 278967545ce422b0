"""contentkit: a steady, planned stream of loyalty-building posts for online shops.

Everything the CLI does is a call here::

    import contentkit
    ws = contentkit.Workspace.open("toko")
    result = ws.plan(week="2026-W49")
    contentkit.export_ics(ws.posts(), "plan.ics", tz=ws.tz)

Names are imported on first use (PEP 562), so `import contentkit` stays cheap
and the CLI starts fast; `__all__` is the public API.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY: dict[str, str] = {
    # errors
    "ContentkitError": "contentkit.errors",
    "InputError": "contentkit.errors",
    "WorkspaceError": "contentkit.errors",
    "ConfigError": "contentkit.errors",
    "StoreError": "contentkit.errors",
    "ConsentError": "contentkit.errors",
    "NotFoundError": "contentkit.errors",
    "NetworkError": "contentkit.errors",
    # workspace and data
    "Workspace": "contentkit.workspace",
    "Config": "contentkit.config",
    "Handles": "contentkit.config",
    "BrandKit": "contentkit.config",
    "Store": "contentkit.store",
    **dict.fromkeys(("doctor", "DoctorReport"), "contentkit.doctor"),
    "Post": "contentkit.records",
    "Idea": "contentkit.records",
    "Series": "contentkit.records",
    "UGCItem": "contentkit.records",
    "ConsentEvent": "contentkit.records",
    "Review": "contentkit.records",
    # channels: formats, limits, calls to action and rules of each place a shop posts
    "Channel": "contentkit.channels",
    "channel": "contentkit.channels",
    # calendar
    "Strategy": "contentkit.calendar.strategy",
    "load_strategy": "contentkit.calendar.strategy",
    "list_strategies": "contentkit.calendar.strategy",
    "PlanResult": "contentkit.calendar.planner",
    "Violation": "contentkit.calendar.limits",
    "check_post": "contentkit.calendar.limits",
    "UGCManager": "contentkit.ugc.manager",
    "ConsentLedger": "contentkit.ugc.consent",
    "ConsentState": "contentkit.ugc.consent",
    "ImportReport": "contentkit.ugc.importer",
    **dict.fromkeys(("render_testimonial", "TextCutWarning"), "contentkit.graphics.render"),
    "save_testimonial": "contentkit.graphics.output",
    "contact_sheet": "contentkit.graphics.output",
    "Brand": "contentkit.graphics.brand",
    "ReviewBook": "contentkit.graphics.reviews",
    "quick_testimonial": "contentkit.graphics.quick",
    "render_batch": "contentkit.graphics.batch",
    **dict.fromkeys(("ExportResult", "export_posts", "export_ics", "export_buffer", "export_hootsuite", "export_csv", "export_markdown"), "contentkit.calendar.exports"),
    # views: the calendar page and the report
    **dict.fromkeys(("CalendarRange", "CalendarFile", "calendar_html", "write_calendar"), "contentkit.views.calendar_page"),
    **dict.fromkeys(("Report", "build_report"), "contentkit.views.report_data"),
    **dict.fromkeys(("ReportFile", "write_report", "report_html"), "contentkit.views.report_files"),
    "report_png": "contentkit.views.report_chart",
    **dict.fromkeys(("build_kit", "KitResult"), "contentkit.views.kit"),
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'contentkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover
    from .calendar.exports import ExportResult, export_buffer, export_csv, export_hootsuite, export_ics, export_markdown, export_posts
    from .calendar.limits import Violation, check_post
    from .calendar.planner import PlanResult
    from .calendar.strategy import Strategy, list_strategies, load_strategy
    from .views.calendar_page import CalendarFile, CalendarRange, calendar_html, write_calendar
    from .views.report_chart import report_png
    from .views.report_data import Report, build_report
    from .views.report_files import ReportFile, report_html, write_report
    from .views.kit import KitResult, build_kit
    from .config import BrandKit, Config, Handles
    from .errors import (
        ConfigError,
        ConsentError,
        ContentkitError,
        InputError,
        NetworkError,
        NotFoundError,
        StoreError,
        WorkspaceError,
    )
    from .records import ConsentEvent, Idea, Post, Review, Series, UGCItem
    from .doctor import DoctorReport, doctor
    from .store import Store
    from .workspace import Workspace
