"""Timing and reporting shared by the benchmark scripts (each still runs on its own).

In-process figures are the best of ``REPEAT`` timeit repeats, each sized to about
``budget`` seconds; every target is printed with PASS/FAIL and collected in ``RESULTS``
for the closing tally. Benchmarks never fail CI: the scripts always exit 0.
"""

from __future__ import annotations

import os
import timeit
from collections.abc import Callable

REPEAT = 7
RESULTS: list[tuple[str, bool]] = []
WIDTH = 64


def per_call(func: Callable[[], object], *, budget: float = 0.2) -> float:
    """Seconds per call: best of REPEAT timeit repeats, each sized to about ``budget`` s."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    number = max(1, int(number * budget / 0.2))
    return min(timer.repeat(repeat=REPEAT, number=number)) / number


def fmt_time(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:9.3f} ms"
    return f"{seconds * 1e6:9.3f} µs"


def report(label: str, value: str, target: str, ok: bool) -> None:
    RESULTS.append((label, ok))
    print(f"  {label:<{WIDTH}} {value:>12}   target {target:<8} {'PASS' if ok else 'FAIL'}")


def line(label: str, seconds: float) -> None:
    print(f"  {label:<{WIDTH}} {fmt_time(seconds):>12}")


def tally() -> None:
    failed = [label for label, ok in RESULTS if not ok]
    print(
        f"\n{len(RESULTS) - len(failed)}/{len(RESULTS)} targets met"
        + (f"; missed: {', '.join(failed)}" if failed else "")
    )


def child_env() -> dict[str, str]:
    """The environment of timed child processes: this one with bytecode caching on.

    Under ``PYTHONDONTWRITEBYTECODE`` a source changed since its ``.pyc`` was written is
    compiled again in every child, so a tree just edited looks ~10 ms slower to import than
    one whose caches are current; the warm-up run writes the caches instead.
    """
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
