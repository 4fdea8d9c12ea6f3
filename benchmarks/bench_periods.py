"""Speed of deadline() against chinese_calendar in the same process (issue 3, §6).

Run:  python benchmarks/bench_periods.py

Target: ``gov_deadlines.deadline(d, WorkingDays(20))`` (a typed period) at least 100× faster
than the baseline ``chinese_calendar.find_workday(20, d)``, measured in this run. The text
form ``deadline(d, "20个工作日")`` is timed too, for information (no target).

Method: both sides walk the same list of trigger dates (every 5th day, 2005–2025, so that
holidays, make-up days and plain weeks all occur); ``timeit.repeat`` over the whole list,
the **best** (minimum) of the repeats divided by the number of dates gives the time per
call. Before timing, the answers are compared. Conventions differ on a rest-day trigger:
``find_workday(0, d)`` is "the next working day, today included", so from a Saturday
``find_workday(20, d)`` is the 21st working day after it, while a period never counts its
trigger day (民法典 art. 201) — there it is compared with ``find_workday(19, d)``. The few
remaining differences are the days this project's errata correct chinese-calendar's data.

Prints both times, the ratio, the target and PASS/FAIL. Always exits 0: timings depend on
the machine, so benchmarks inform and never fail CI.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import platform
import sys
import timeit
from collections.abc import Callable

import chinese_calendar

from gov_deadlines import WorkingDays, deadline, default_calendar

REPEAT = 7
TARGET = 100.0
BASELINE = f"chinese_calendar {importlib.metadata.version('chinese-calendar')} find_workday(20, d)"
N = 20
DATES = [dt.date(2005, 1, 1) + dt.timedelta(days=5 * i) for i in range(21 * 73)]


def per_call(func: Callable[[], object], calls: int) -> float:
    """Seconds per call: best of REPEAT repeats of ``func`` (which makes ``calls`` calls)."""
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=REPEAT, number=number)) / number / calls


def fmt_time(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:9.3f} ms"
    return f"{seconds * 1e6:9.3f} µs"


def main() -> int:
    default_calendar()  # built once, before timing (its cost is bench_calendar.py's business)
    typed = WorkingDays(N)
    text = f"{N}个工作日"
    dates = DATES

    cal = default_calendar()
    same = [d for d in dates if deadline(d, typed).due_date == chinese_calendar.find_workday(N, d)]
    rest_triggers = [d for d in dates if not cal.is_workday(d)]
    differ = [
        d
        for d in dates
        if deadline(d, typed).due_date
        != chinese_calendar.find_workday(N if cal.is_workday(d) else N - 1, d)
    ]

    def ours_typed() -> None:
        for d in dates:
            deadline(d, typed)

    def ours_text() -> None:
        for d in dates:
            deadline(d, text)

    def baseline() -> None:
        for d in dates:
            chinese_calendar.find_workday(N, d)

    calls = len(dates)
    t_base = per_call(baseline, calls)
    t_typed = per_call(ours_typed, calls)
    t_text = per_call(ours_text, calls)
    ratio_typed = t_base / t_typed
    ratio_text = t_base / t_text

    print(
        f"gov_deadlines periods benchmark — baseline: {BASELINE}, same process; "
        f"Python {platform.python_version()} on {platform.machine()}"
    )
    print(
        f"{calls} trigger dates {dates[0]} .. {dates[-1]} (every 5th day), n = {N}; "
        f"timeit, best of {REPEAT} repeats, per call"
    )
    print(
        f"same due date on {len(same)}/{calls} dates; {len(rest_triggers)} triggers are rest "
        f"days, where find_workday({N}, d) counts one working day more (its 0 = next working "
        f"day, today included)"
    )
    erratum = dt.date(2005, 12, 31)  # a 调休 Saturday chinese-calendar misses (notices.toml)
    explained = all(d < erratum <= deadline(d, typed).due_date for d in differ)
    print(
        f"with find_workday({N - 1}, d) on rest-day triggers: agree on "
        f"{calls - len(differ)}/{calls}"
        + (
            f"; differ on {len(differ)} ({', '.join(map(str, differ))})"
            + (
                f": each period spans {erratum}, a make-up Saturday that chinese-calendar "
                "misses and this project's erratum restores"
                if explained
                else ""
            )
            if differ
            else ""
        )
    )
    print()
    rows = [
        ("baseline       chinese_calendar.find_workday(20, d)", t_base),
        ("gov_deadlines  deadline(d, WorkingDays(20))", t_typed),
        ('gov_deadlines  deadline(d, "20个工作日")', t_text),
    ]
    for label, seconds in rows:
        print(f"  {label:<52} {fmt_time(seconds)}")
    print()
    verdict = "PASS" if ratio_typed >= TARGET else "FAIL"
    print(
        f"  speed-up, typed period (find_workday / deadline): {ratio_typed:,.0f}×   "
        f"target ≥ {TARGET:.0f}×   {verdict}"
    )
    print(f"  speed-up, text period  (find_workday / deadline): {ratio_text:,.0f}×   (information)")
    return 0  # benchmarks never fail CI


if __name__ == "__main__":
    sys.exit(main())
