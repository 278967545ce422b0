"""`contentkit doctor`: check a workspace and repair a damaged store."""

from __future__ import annotations

import click

from contentkit.i18n import _

from .common import clean_text, group_setting


@click.command()
@click.option("--restore", is_flag=True, help="Set a damaged store aside (contentkit.db.damaged-<time>) and put the backup back.")
@click.option("--reset", is_flag=True, help="For a store deleted with no good backup: set what is left aside and start empty.")
@click.option("--clean", is_flag=True, help="Remove temp files left by interrupted writes (older than this run).")
@click.option("--workspace", "-w", "workspace_path", type=click.Path(file_okay=False), default=None,
              help="Workspace folder (default: $CONTENTKIT_WORKSPACE, else the nearest contentkit.toml above here).")
def doctor(restore: bool, reset: bool, clean: bool, workspace_path: str | None) -> None:
    """Check the workspace: store, backup, settings, media folder, leftover temp
    files, and posts that break platform limits or lack consent. Exits 1 when
    something is wrong. Nothing is ever deleted: damaged files are set aside.

    \b
    Example:
        contentkit doctor
        contentkit doctor --restore
        contentkit doctor --clean
    """
    from contentkit.doctor import doctor as run_doctor

    report = run_doctor(workspace_path or group_setting("workspace"), restore=restore, reset=reset, clean=clean)
    for line in report.repaired:
        click.echo(_("Done: {what}").format(what=line))
    parts = {f.part: _(f.part) for f in report.findings}
    width = max([11, *(len(p) for p in parts.values())])
    for finding in report.findings:
        mark = _("ok") if finding.ok else _("PROBLEM")
        part = parts[finding.part]
        click.echo(f"{mark:<8} {part:<{width}} {clean_text(finding.message)}")
    if not report.ok:
        raise SystemExit(1)
