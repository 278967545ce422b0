"""Figures for the CLI conventions issue: how fast the command line answers.

Run: python bench/bench_cli.py
Prints the median of 15 cold runs each (after two warm-up runs):
- `contentkit --help`, `contentkit -w DIR plan --help`, `python -m contentkit --help`
  and a date echo (`contentkit post add --at "1/12/2026 19.30" ...` on a fresh workspace)
  against `python -c "import click"`; the target for `--help` is at most 2.5x;
- the modules `contentkit --help` imports that are not click or the standard library
  (what to move inside a function when the ratio grows).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 2.5


def _median_run(cmd: list[str], runs: int = 15, env: dict[str, str] | None = None) -> float:
    for _ in range(2):  # warm the page cache and .pyc files
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _heavy_imports(exe: str) -> list[str]:
    """Top-level packages `contentkit --help` imports besides click, contentkit and the standard library."""
    out = subprocess.run([sys.executable, "-X", "importtime", exe, "--help"], capture_output=True, text=True).stderr
    names = {line.split("|")[-1].strip().split(".")[0] for line in out.splitlines()
             if "|" in line and "imported package" not in line}
    std = set(sys.stdlib_module_names) | {"click", "contentkit", "encodings", "site", "sitecustomize", "_distutils_hack"}
    return sorted(n for n in names if n and n not in std and not n.startswith("_"))


def main() -> None:
    exe = shutil.which("contentkit")
    if exe is None:
        print("`contentkit` is not on PATH; install the package first (pip install -e .)")
        return
    click_s = _median_run([sys.executable, "-c", "import click"])
    print(f"python -c 'import click'           {click_s * 1000:7.1f} ms  (1.00x)")
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "toko"
        subprocess.run([exe, "init", str(ws), "--brand", "Dapur Bu Sari", "--sector", "kuliner"],
                       stdout=subprocess.DEVNULL, check=True)
        env = {**os.environ, "CONTENTKIT_WORKSPACE": str(ws)}
        runs = [
            ("contentkit --help", [exe, "--help"], True),
            ("contentkit -w DIR plan --help", [exe, "-w", str(ws), "plan", "--help"], False),
            ("python -m contentkit --help", [sys.executable, "-m", "contentkit", "--help"], False),
            ("post add --at '1/12/2026 19.30'", [exe, "post", "add", "--at", "1/12/2026 19.30", "--channel", "instagram",
                                                 "--format", "reel", "--pillar", "cerita", "--title", "Cerita"], False),
        ]
        for label, cmd, targeted in runs:
            seconds = _median_run(cmd, env=env)
            note = f"  (target <= {TARGET}x: {'ok' if seconds / click_s <= TARGET else 'OVER'})" if targeted else ""
            print(f"{label:<35}{seconds * 1000:7.1f} ms  ({seconds / click_s:.2f}x){note}")
    heavy = _heavy_imports(exe)
    print("imported by `contentkit --help` besides click and the standard library:", ", ".join(heavy) or "nothing")


if __name__ == "__main__":
    main()
