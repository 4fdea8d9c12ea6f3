"""Start-up time of the command line, against importing pydantic, in the same run.

Run:  python benchmarks/bench_startup.py [RUNS]

Issue 5, §3: ``gov-deadlines due ogi.reply 2026-09-30`` must take no more than 2× the wall
time of ``python -c "import pydantic"``. The **baseline** is that command, run with this
interpreter (``sys.executable``); the measured command is the ``gov-deadlines`` script that
``pip install`` put beside this interpreter (or, failing that, the one on PATH). Both are
started directly, never through a version-manager shim, whose own start-up would be added
to both sides and flatten the ratio.

Method: RUNS (default 31, at least 21) fresh processes of each, interleaved (A B A B …) so
that drift and caches hit both alike, after 3 unmeasured warm-up runs of each; the figure is
the **median** wall time of each, and the ratio is median(command) / median(baseline). The
script prints PASS/FAIL against the target and always exits 0: timings depend on the
machine, so benchmarks inform and never fail CI (and no test asserts on time).
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

TARGET = 2.0
WARMUP = 3
DEFAULT_RUNS = 31
MIN_RUNS = 21
ARGS = ["due", "ogi.reply", "2026-09-30"]
BASELINE = [sys.executable, "-c", "import pydantic"]
BASELINE_NAME = 'python -c "import pydantic"'


def command_line() -> list[str]:
    name = "gov-deadlines.exe" if os.name == "nt" else "gov-deadlines"
    beside = Path(sysconfig.get_path("scripts")) / name
    if beside.exists():
        return [str(beside), *ARGS]
    found = shutil.which("gov-deadlines")
    if found:
        return [found, *ARGS]
    return [sys.executable, "-m", "gov_deadlines", *ARGS]


def wall_time(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr!r}")
    return elapsed


def main() -> int:
    runs = max(MIN_RUNS, int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_RUNS)
    # Python's default bytecode caching for both sides, as after `pip install .` (which
    # compiles the package): without it an editable install is compiled on every start.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GOV_DEADLINES_CALENDAR", "PYTHONDONTWRITEBYTECODE")
    }
    ours = command_line()
    print("Start-up of the command line vs importing pydantic (issue 5, §3)")
    print(
        f"  Python {platform.python_version()} on {platform.system()} {platform.machine()}; "
        f"pydantic {importlib.metadata.version('pydantic')}; "
        f"gov-deadlines {importlib.metadata.version('gov-deadlines')}"
    )
    print(
        f"  command : {' '.join(Path(ours[0]).name if i == 0 else a for i, a in enumerate(ours))}"
    )
    print(f"  baseline: {BASELINE_NAME}  ({sys.executable})")
    print(f"  {runs} runs of each, interleaved, after {WARMUP} warm-up runs; medians of wall time")
    print("  bytecode caching on for both (PYTHONDONTWRITEBYTECODE unset for the runs)")
    for _ in range(WARMUP):
        wall_time(ours, env)
        wall_time(BASELINE, env)
    mine: list[float] = []
    base: list[float] = []
    for _ in range(runs):
        mine.append(wall_time(ours, env))
        base.append(wall_time(BASELINE, env))
    median_ours, median_base = statistics.median(mine), statistics.median(base)
    ratio = median_ours / median_base
    print(f"  {'gov-deadlines due ogi.reply 2026-09-30':<44} median {median_ours * 1e3:8.1f} ms")
    print(f"  {'baseline ' + BASELINE_NAME:<44} median {median_base * 1e3:8.1f} ms")
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"  ratio (command / baseline) {ratio:.2f}×   target ≤{TARGET:g}×   {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
