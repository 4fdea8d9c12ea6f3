"""What the progress line costs: ``audit`` of a large register under a pseudo-terminal,
with the progress line (the default on a terminal) and with ``--quiet``, interleaved.

Run:  PYTHONPATH=src python benchmarks/bench_progress.py [ROWS] [RUNS]

Both runs of a pair have standard error on a terminal, so the only difference is the
progress line (issue 17: it must cost less than 2% of the audit's time). The figure is
the child's CPU time (user + system), median and best of the pairs. The output is
the per-case CSV into a file (the fast path) or, with ``--markdown``, the summary.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _timing import child_env

ROOT = Path(__file__).resolve().parents[1]


def register(path: Path, rows: int) -> None:
    lines = ["编号,渠道,提交日期,确认日期,答复日期\n"]
    channels = ("当面", "挂号信", "平信", "网络", "传真")
    for n in range(rows):
        day = f"2026-{n % 11 + 1:02d}-{n % 27 + 1:02d}"
        lines.append(f"C-{n:07d},{channels[n % 5]},{day},{day},\n")
    path.write_text("".join(lines), encoding="utf-8")


def timed(argv: list[str]) -> tuple[float, bytes]:
    import pty

    master, slave = pty.openpty()
    child = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=child_env()
    )
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    _pid, _status, usage = os.wait4(child.pid, 0)
    child.returncode = 0
    os.close(master)
    # CPU seconds of the child (user + system): less disturbed by other load than wall time.
    return usage.ru_utime + usage.ru_stime, shown


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = int(args[0]) if args else 200_000
    runs = int(args[1]) if len(args) > 1 else 5
    markdown = "--markdown" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.csv"
        register(path, rows)
        out = Path(tmp) / ("out.md" if markdown else "out.csv")
        base = [sys.executable, "-m", "gov_deadlines", "audit", str(path), "--as-of", "2026-12-31"]
        base += ["-o", str(out)]
        timed([*base, "--quiet"])  # warm-up: bytecode, page cache
        shown_on: list[float] = []
        quiet: list[float] = []
        redraws = 0
        for _ in range(runs):
            seconds, shown = timed(base)
            shown_on.append(seconds)
            redraws = shown.count(b"\r")
            seconds, shown = timed([*base, "--quiet"])
            assert "行/秒".encode() not in shown
            quiet.append(seconds)
        on, off = statistics.median(shown_on), statistics.median(quiet)
        print(f"{rows:,} rows, {'markdown summary' if markdown else 'per-case CSV'}, {runs} pairs")
        print(f"  with progress   median {on:6.3f} s  best {min(shown_on):6.3f} s  ({redraws} \\r)")
        print(f"  --quiet         median {off:6.3f} s  best {min(quiet):6.3f} s")
        print(
            f"  overhead: median {100 * (on / off - 1):+.2f}%  best {100 * (min(shown_on) / min(quiet) - 1):+.2f}%"
        )


if __name__ == "__main__":
    main()
