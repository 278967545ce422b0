"""Writing the report: a PNG chart, or an HTML page with the chart and the figures as tables.

The HTML page embeds the chart as a `data:` PNG, so it is one file that opens
anywhere without a network. Both come from the same `Report` data.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import _
from .page_style import labels
from .report_data import Report, build_report

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["ReportFile", "write_report", "report_html", "summary_lines"]


@dataclass(frozen=True)
class ReportFile:
    path: Path
    report: Report


def write_report(
    ws: Workspace, output: str | Path, *, weeks: int = 4, end: str | date | None = None, ahead: int | None = None
) -> ReportFile:
    """Write the report to `output`: `.png` for the chart, `.html` for the page.

    >>> write_report(ws, "laporan.png", weeks=4)  # doctest: +SKIP
    """
    from ..atomic import write_atomic
    from ..errors import InputError

    path = ws.check_output(output)
    kind = path.suffix.lower()
    if kind not in (".png", ".html", ".htm"):
        raise InputError(_("{output} must end in .png or .html, e.g. -o laporan.png").format(output=output))
    if not path.parent.resolve().is_dir():
        raise InputError(_("folder {parent} does not exist; create it first or choose another path").format(parent=path.parent))
    report = build_report(ws, weeks=weeks, end=end, ahead=ahead)
    colour = ws.config.brand_kit.primary
    if kind == ".png":
        from .report_chart import report_png

        report_png(report, path, brand_colour=colour)
    else:
        write_atomic(path, report_html(report, brand_colour=colour))
    return ReportFile(path, report)


def summary_lines(report: Report) -> list[str]:
    """The report as a few lines of text, for the terminal."""
    w = labels(report.language)
    from ..calendar.report_text import STAGE_NAMES

    names = STAGE_NAMES.get(report.language, STAGE_NAMES["id"])
    lines = [f"{w['report_title']}: {report.brand}  {report.start} – {report.end}"]
    for wk in report.weeks:
        mark = f"  ({w['ahead'].lower()})" if wk.ahead else ""
        if not wk.planned:
            lines.append(f"  {wk.label}  {w['no_posts']}{mark}")
            continue
        lines.append(f"  {wk.label}  {w['planned'].lower()} {wk.planned:>3}  {w['published'].lower()} {wk.published:>3}"
                     f"  {w['skipped'].lower()} {wk.skipped:>2}  {len(wk.stages)}/6{mark}")
    mix = ", ".join(f"{w['pillar'].get(p.pillar, p.pillar)} {p.posts}/{p.target_posts:.1f}" for p in report.pillars)
    lines.append(f"{w['pillar_mix']}: {mix or '-'}")
    lines.append(f"{w['stages_covered']}: {', '.join(names[s] for s in report.stages) or '-'} ({len(report.stages)}/6)")
    lines.append(f"{w['channels']}: " + (", ".join(f"{c.channel} {c.published}/{c.posts}" for c in report.channels) or "-"))
    f, fn = report.consent, w["funnel"]
    lines.append(f"{w['consent_funnel']}: " + " → ".join(
        f"{fn[k]} {getattr(f, k)}" for k in ("collected", "requested", "granted", "reposted"))
        + "; " + ", ".join(f"{fn[k]} {getattr(f, k)}" for k in ("declined", "revoked", "expired")))
    t, tn = report.testimonials, w["testimonial"]
    lines.append(f"{w['testimonials']}: " + ", ".join(
        f"{tn[k]} {getattr(t, k)}" for k in ("reviews", "rendered", "planned", "published")))
    steps = {k: n for k, n in w["review_funnel"].items() if k != "title"}
    lines.append(f"{w['review_funnel']['title']}: " + " → ".join(
        f"{n} {getattr(report.review_requests, k)}" for k, n in steps.items()))
    lines.extend(report.notes)
    return lines


_CSS = """
*{box-sizing:border-box}body{margin:0;padding:16px;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#222;background:#fff}
header{border-top:6px solid var(--brand);padding-top:8px}h1{margin:0;font-size:22px}.meta{color:#5f6368}
img.chart{display:block;width:100%;max-width:1600px;height:auto;margin:12px 0;border:1px solid #dadce0;border-radius:8px}
h2{font-size:17px;margin:18px 0 6px}table{border-collapse:collapse;margin-bottom:8px;max-width:100%}
th,td{border-bottom:1px solid #e3e3e3;padding:3px 8px;text-align:left;overflow-wrap:break-word}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.tables{display:flex;flex-wrap:wrap;gap:0 32px}.tables>div{min-width:0;max-width:100%}
@media (max-width:480px){body{padding:10px;font-size:14px}th,td{padding:3px 4px}th{font-size:13px}}
@media print{@page{size:A4 portrait;margin:10mm}img.chart{max-width:100%}}
"""


def report_html(report: Report, *, brand_colour: str = "#C0392B") -> str:
    """The report as one self-contained HTML page (chart embedded, figures in tables)."""
    from ..calendar.report_text import STAGE_NAMES
    from .page_style import _is_hex
    from .report_chart import report_png_bytes

    w = labels(report.language)
    colour = brand_colour if _is_hex(brand_colour) else "#C0392B"
    png = base64.b64encode(report_png_bytes(report, brand_colour=colour)).decode("ascii")
    names = STAGE_NAMES.get(report.language, STAGE_NAMES["id"])
    title = f"{w['report_title']} · {report.brand}"
    months = w["months"]
    span = (f"{report.start.day} {months[report.start.month - 1]} {report.start.year} – "
            f"{report.end.day} {months[report.end.month - 1]} {report.end.year}")

    def table(head: list[str], rows: list[list[Any]]) -> str:
        cells = "".join(f"<th>{escape(str(h))}</th>" for h in head)
        body = "".join(
            "<tr>" + "".join(
                f'<td class="n">{escape(str(c))}</td>' if isinstance(c, (int, float)) else f"<td>{escape(str(c))}</td>"
                for c in row
            ) + "</tr>"
            for row in rows
        )
        return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"

    sections = [
        (w["planned_vs_published"], table(
            [w["week"], w["planned"], w["published"], w["skipped"]],
            [[wk.label, wk.planned, wk.published, wk.skipped] for wk in report.weeks])),
        (w["pillar_mix"], table(
            [w["pillars"], w["posts"], w["target"]],
            [[w["pillar"].get(p.pillar, p.pillar), p.posts, round(p.target_posts, 1)] for p in report.pillars])),
        (f"{w['stages_covered']} ({len(report.stages)}/6)", table(
            [w["stages"], w["covered_weeks"]],
            [[names[s], f"{sum(s in wk.stages for wk in report.weeks)}/{len(report.weeks)}"] for s in names])),
        (w["channels"], table(
            ["", w["posts"], w["published"]], [[c.channel, c.posts, c.published] for c in report.channels])),
        (w["consent_funnel"], table(
            ["", ""], [[w["funnel"][k], getattr(report.consent, k)] for k in w["funnel"]])),
        (w["testimonials"], table(
            ["", ""], [[w["testimonial"][k], getattr(report.testimonials, k)] for k in w["testimonial"]])),
        (w["review_funnel"]["title"], table(
            ["", ""], [[n, getattr(report.review_requests, k)] for k, n in w["review_funnel"].items() if k != "title"])),
    ]
    parts = [
        f'<!DOCTYPE html>\n<html lang="{escape(report.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>:root{{--brand:{colour}}}{_CSS}</style>\n</head>\n<body>\n",
        f'<header><h1>{escape(title)}</h1><div class="meta">{escape(span)} · {escape(report.timezone)}</div></header>\n',
        f'<img class="chart" src="data:image/png;base64,{png}" alt="{escape(title)}, {escape(span)}">\n<div class="tables">',
    ]
    for heading, body in sections:
        parts.append(f"<div><h2>{escape(heading)}</h2>{body}</div>")
    parts.append("</div>\n")
    for note in report.notes:
        parts.append(f"<p>{escape(note)}</p>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts)
