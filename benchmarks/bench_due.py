"""Speed of ``due("ogi.reply", d)`` on many trigger dates, against chinese_calendar in the same run.

Run:  python benchmarks/bench_due.py [--seed N]

``bench_catalogue.py`` times ``due`` on one working day; this one walks 5,000 random trigger
dates of 2008–2026 (a fixed seed: the same dates in every run, too many and too spread for a
cache of results to absorb), split into working days and rest days, because a receipt on a
rest day takes the longer path (the rest-day receipt policy moves it to the next working day
and says so). Each group is timed against the **baseline**
``chinese_calendar.find_workday(20, d)`` over the same dates, in the same process; the ratio
(find_workday time / due time) is what compares across runs and trees, e.g. this tree
against an older one:

    PYTHONPATH=/path/to/old/src python benchmarks/bench_due.py
    PYTHONPATH=src python benchmarks/bench_due.py

Method: best of ``REPEAT`` timeit repeats over the whole group, divided by its size. Target:
≥ 100× on each group (as bench_catalogue's single date). Always exits 0: timings depend on
the machine, so benchmarks inform and never fail CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import platform
import random
import sys
import timeit
from collections.abc import Callable

import chinese_calendar
from _timing import REPEAT, line, report, tally

from gov_deadlines import default_calendar, due

BASELINE = f"chinese_calendar {importlib.metadata.version('chinese-calendar')} find_workday(20, d)"
SIZE = 5000
# From the 2008 regulations (in force 2008-05-01); due dates stay inside the data.
FIRST, LAST = dt.date(2008, 5, 1), dt.date(2026, 11, 30)


def per_call(func: Callable[[], object], calls: int) -> float:
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=REPEAT, number=number)) / number / calls


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=20261201)
    seed = parser.parse_args().seed
    rng = random.Random(seed)
    span = (LAST - FIRST).days
    dates = [FIRST + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(SIZE)]
    cal = default_calendar()
    groups = {
        "all dates": dates,
        "working-day triggers": [d for d in dates if cal.is_workday(d)],
        "rest-day triggers": [d for d in dates if not cal.is_workday(d)],
    }
    for d in dates:  # warm: the catalogue and the calendar load once, before timing
        due("ogi.reply", d)
    print(
        f"gov_deadlines due() benchmark — baseline: {BASELINE}, in the same run; "
        f"Python {platform.python_version()} on {platform.machine()}"
    )
    print(
        f"{SIZE} random trigger dates {FIRST} .. {LAST} (seed {seed}); timeit, best of "
        f"{REPEAT} repeats, per call\n"
    )
    for name, group in groups.items():

        def ours(group: list[dt.date] = group) -> None:
            for d in group:
                due("ogi.reply", d)

        def theirs(group: list[dt.date] = group) -> None:
            for d in group:
                chinese_calendar.find_workday(20, d)

        t_theirs = per_call(theirs, len(group))
        t_ours = per_call(ours, len(group))
        print(f"{name} ({len(group)})")
        line('gov_deadlines  due("ogi.reply", d)', t_ours)
        line("baseline       chinese_calendar.find_workday(20, d)", t_theirs)
        ratio = t_theirs / t_ours
        report(f"speed-up, {name} (find_workday / due)", f"{ratio:,.0f}×", "≥ 100×", ratio >= 100)
        print()
    tally()
    return 0  # benchmarks never fail CI


if __name__ == "__main__":
    sys.exit(main())
