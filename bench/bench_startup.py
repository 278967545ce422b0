"""Start-up time of `contentkit --help` (translations loaded) against `python -c "import click"`.

The issue's bar: within 2.5x. Prints the best of N runs of each, in English and in an
Indonesian workspace (the catalog is read), and the ratios.

    python bench/bench_startup.py [runs]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time


def best(cmd: list[str], runs: int, env: dict[str, str], cwd: str | None = None) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env, cwd=cwd)
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    env = {k: v for k, v in os.environ.items() if k not in ("CONTENTKIT_LANG", "CONTENTKIT_WORKSPACE")}
    click_s = best([sys.executable, "-c", "import click"], runs, env)
    entry = [sys.executable, "-c", "from contentkit.cli.main import cli; cli()"]
    en_s = best([*entry, "--help"], runs, env)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([*entry, "init", "toko", "--brand", "Dapur Bu Sari", "--lang", "id"], check=True,
                       stdout=subprocess.DEVNULL, env=env, cwd=tmp)
        id_s = best([*entry, "--help"], runs, env, cwd=os.path.join(tmp, "toko"))
    print(f"python -c 'import click'          {click_s * 1000:6.1f} ms")
    print(f"contentkit --help (English)       {en_s * 1000:6.1f} ms  ({en_s / click_s:.2f}x)")
    print(f"contentkit --help (id workspace)  {id_s * 1000:6.1f} ms  ({id_s / click_s:.2f}x)  bar: 2.5x")


if __name__ == "__main__":
    main()
