"""Speed of the working-day calendar, against chinese_calendar in the same process.

Run:  python benchmarks/bench_calendar.py

Prints each figure with its target (issue 2, §5) and PASS/FAIL. It always exits 0: timings
depend on the machine, so benchmarks inform and never fail CI (and no test asserts on time).

Method:
* in-process figures use ``timeit.repeat`` and take the **best** (minimum) of the repeats,
  per call — the least disturbed measurement of the same work for both sides;
* start-up figures run fresh ``python`` processes and take the **median** of the runs
  (interleaved, so that drift hits every variant alike).
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import platform
import statistics
import subprocess
import sys
import time

import chinese_calendar
from _timing import REPEAT, child_env, fmt_time, line, per_call, report, tally

from gov_deadlines import default_calendar

PROCESS_RUNS = 15
BASELINE = f"chinese_calendar {importlib.metadata.version('chinese-calendar')}"


# -- in-process ------------------------------------------------------------------------------


def bench_add_workdays() -> None:
    cal = default_calendar()
    day = dt.date(2024, 3, 15)
    ours = per_call(lambda: cal.add_workdays(day, 20))
    theirs = per_call(lambda: chinese_calendar.find_workday(20, day))
    print(f"add_workdays(d, 20) vs chinese_calendar.find_workday(20, d), d = {day}")
    line("gov_deadlines  cal.add_workdays(d, 20)", ours)
    line("baseline       chinese_calendar.find_workday(20, d)", theirs)
    ratio = theirs / ours
    report(
        "speed-up (find_workday time / add_workdays time)",
        f"{ratio:,.0f}×",
        "≥ 1000×",
        ratio >= 1000,
    )


def bench_constant_time() -> None:
    cal = default_calendar()
    day = dt.date(2010, 1, 4)  # n = 2000 lands in 2018, inside the official data
    short = per_call(lambda: cal.add_workdays(day, 20))
    long = per_call(lambda: cal.add_workdays(day, 2000))
    print(f"\nadd_workdays(d, 2000) vs add_workdays(d, 20), d = {day} (constant time)")
    line("cal.add_workdays(d, 20)", short)
    line(f"cal.add_workdays(d, 2000)  -> {cal.add_workdays(day, 2000)}", long)
    ratio = long / short
    report("ratio (n = 2000 time / n = 20 time)", f"{ratio:.2f}×", "≤ 1.5×", ratio <= 1.5)


def bench_workdays_between() -> None:
    cal = default_calendar()
    a, b = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    assert cal.workdays_between(a, b) == len(chinese_calendar.get_workdays(a + dt.timedelta(1), b))
    ours = per_call(lambda: cal.workdays_between(a, b))
    theirs = per_call(lambda: len(chinese_calendar.get_workdays(a, b)))
    print(f"\nworkdays_between(a, b) vs len(chinese_calendar.get_workdays(a, b)), {a} .. {b}")
    line("gov_deadlines  cal.workdays_between(a, b)", ours)
    line("baseline       len(chinese_calendar.get_workdays(a, b))", theirs)
    ratio = theirs / ours
    report(
        "speed-up (get_workdays time / workdays_between time)",
        f"{ratio:,.0f}×",
        "≥ 1000×",
        ratio >= 1000,
    )


# -- fresh processes -------------------------------------------------------------------------

BUILD_SCRIPT = """
import time
import chinese_calendar, pydantic, tomllib
import gov_deadlines.calendar.official, gov_deadlines.calendar.workcalendar
from gov_deadlines.calendar.official import official_arrangements
from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
t0 = time.perf_counter()
cal = default_calendar()
t1 = time.perf_counter()
WorkCalendar(official_arrangements().values())
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def bench_build() -> None:
    first, rebuild = [], []
    for _ in range(PROCESS_RUNS):
        out = subprocess.run(
            [sys.executable, "-c", BUILD_SCRIPT],
            capture_output=True,
            text=True,
            env=child_env(),
            check=True,
        ).stdout.split()
        first.append(float(out[0]))
        rebuild.append(float(out[1]))
    built = statistics.median(first)
    print(
        f"\nbuilding the default calendar in a fresh process (median of {PROCESS_RUNS} processes)"
    )
    line("WorkCalendar(arrangements) only, data already loaded", statistics.median(rebuild))
    report(
        "default_calendar(): read the data and build",
        fmt_time(built).strip(),
        "≤ 20 ms",
        built <= 0.020,
    )


IMPORTS = {
    "base": "import pydantic, chinese_calendar",
    "import": "import pydantic, chinese_calendar, gov_deadlines; gov_deadlines.default_calendar",
    "first call": "import pydantic, chinese_calendar, gov_deadlines; "
    "gov_deadlines.default_calendar()",
}


def bench_import() -> None:
    times: dict[str, list[float]] = {name: [] for name in IMPORTS}
    for code in IMPORTS.values():  # warm the OS file cache once
        subprocess.run([sys.executable, "-c", code], env=child_env(), check=True)
    for _ in range(PROCESS_RUNS):
        for name, code in IMPORTS.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=child_env(), check=True)
            times[name].append(time.perf_counter() - start)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"\nimport cost, whole `python -c` processes (median of {PROCESS_RUNS} runs each)")
    for name, code in IMPORTS.items():
        print(f"  {name:<11} python -c {code!r}")
    for name in IMPORTS:
        line(name, median[name])
    extra = median["import"] - median["base"]
    report(
        "import gov_deadlines (+ .default_calendar) over the base",
        fmt_time(extra).strip(),
        "≤ 30 ms",
        extra <= 0.030,
    )
    with_build = median["first call"] - median["base"]
    line("… including the first default_calendar() call (no target)", with_build)


def main() -> int:
    print(
        f"gov_deadlines calendar benchmark — baseline: {BASELINE}, in the same process; "
        f"Python {platform.python_version()} on {platform.machine()}"
    )
    print(f"in-process figures: timeit, best of {REPEAT} repeats, per call\n")
    bench_add_workdays()
    bench_constant_time()
    bench_workdays_between()
    bench_build()
    bench_import()
    tally()
    return 0  # benchmarks never fail CI


if __name__ == "__main__":
    sys.exit(main())
