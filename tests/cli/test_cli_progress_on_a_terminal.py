"""Progress of long work (issue 17): on standard error when it is a terminal — rows done,
rows per second, time left — and never in a pipe; ``--quiet`` silences it. The terminal is
a pseudo-terminal (``pty``). Test names are sentences.

No test here depends on the machine's speed: the first report of a row done always draws
the line (later redraws are throttled by time), so a register of a couple of thousand rows,
done in a blink, shows it as surely as a long one. The schedule itself is tested on a fake
clock."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from _cli import ROOT, program_env
from _workbooks import write_workbook
from gov_deadlines.cli.progress import Progress

pty = pytest.importorskip("pty")

EXAMPLES = ROOT / "docs" / "examples"
# Fewer than one read chunk of the CSV decoder: the line is drawn once, at the end of the
# input (the first report with a row done), however fast the machine.
ROWS = 2_000
# More than the library's (and counted()'s) thousand rows between two reports.
REPORTED_ROWS = 1_500


def register(path: Path, rows: int = ROWS) -> Path:
    lines = ["编号,渠道,提交日期,答复日期\n"]
    # Replied on the day of receipt: on time, exit 0.
    lines += [
        f"C-{n:06d},当面,2026-03-{n % 28 + 1:02d},2026-03-{n % 28 + 1:02d}\n" for n in range(rows)
    ]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def under_a_terminal(*argv: str) -> tuple[int, str]:
    """Run the program with standard error on a pseudo-terminal; its exit code and what
    the terminal showed."""
    master, slave = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "gov_deadlines", *argv],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=program_env(),
    )
    # This process keeps its end of the terminal open until it has read everything: once
    # the last copy of the slave closes, Linux may drop what the child wrote and nobody has
    # read yet, and under load the child can finish before the first read (the terminal
    # then "showed" nothing and the test failed at random).
    shown = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                shown += os.read(master, 65536)
            elif child.poll() is not None:
                break
    finally:
        os.close(slave)
        os.close(master)
    return child.wait(), shown.decode("utf-8", "replace")


def in_a_pipe(*argv: str) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "gov_deadlines", *argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=program_env(),
        check=False,
    )
    return done.returncode, done.stderr.decode("utf-8")


def test_audit_shows_rows_done_rows_per_second_and_time_left_on_a_terminal(
    tmp_path: Path,
) -> None:
    path = register(tmp_path / "big.csv")
    code, shown = under_a_terminal("audit", str(path), "--as-of", "2026-06-30")
    assert code == 0, shown
    assert "\r已处理 " in shown and " 行/秒" in shown and "剩余约 " in shown


def test_the_progress_line_is_in_english_under_lang_en(tmp_path: Path) -> None:
    path = register(tmp_path / "big.csv")
    _, shown = under_a_terminal("audit", str(path), "--as-of", "2026-06-30", "--lang", "en")
    assert " rows/s" in shown and " left" in shown


def test_audit_shows_no_progress_in_a_pipe(tmp_path: Path) -> None:
    path = register(tmp_path / "big.csv")
    code, err = in_a_pipe("audit", str(path), "--as-of", "2026-06-30")
    assert code == 0 and "\r" not in err and "行/秒" not in err


def test_quiet_silences_the_progress_on_a_terminal(tmp_path: Path) -> None:
    path = register(tmp_path / "big.csv")
    code, shown = under_a_terminal("audit", str(path), "--as-of", "2026-06-30", "--quiet")
    assert code == 0 and "行/秒" not in shown


def test_a_workbook_audit_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    rows = [["编号", "渠道", "提交日期", "答复日期"]]
    rows += [[f"C-{n}", "当面", "2026-03-02", "2026-03-20"] for n in range(REPORTED_ROWS)]
    book = write_workbook(tmp_path / "big.xlsx", rows)
    code, shown = under_a_terminal("audit", str(book), "--as-of", "2026-06-30")
    assert code == 0, shown
    assert " 行/秒" in shown


def test_check_log_shows_progress_on_a_terminal_and_none_in_a_pipe(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    days = [f"2026-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29)]
    lines = ["规则,日期\n"] + [f"ogi.annual-report,{days[n % len(days)]}\n" for n in range(REPORTED_ROWS)]
    log.write_text("".join(lines), encoding="utf-8")
    options = ("check-log", str(log), "--year", "2026", "--as-of", "2026-12-31")
    _, shown = under_a_terminal(*options)
    assert " 行/秒" in shown
    _, err = in_a_pipe(*options)
    assert "行/秒" not in err and "\r" not in err


def test_recheck_shows_progress_on_a_terminal_and_quiet_silences_it(tmp_path: Path) -> None:
    stored = (EXAMPLES / "results-2026-12.jsonl").read_text(encoding="utf-8").splitlines()
    results = tmp_path / "results.jsonl"
    copies = -(-REPORTED_ROWS // len(stored))
    results.write_text("\n".join(stored * copies) + "\n", encoding="utf-8")
    options = ("recheck", str(results), "--calendar", str(EXAMPLES / "2027-example.toml"))
    _, shown = under_a_terminal(*options, "--json")
    assert " 行/秒" in shown and "剩余约 " in shown
    _, shown = under_a_terminal(*options, "--json", "--quiet")
    assert "行/秒" not in shown


def test_the_progress_line_is_cleared_before_the_commands_own_lines(tmp_path: Path) -> None:
    path = register(tmp_path / "big.csv")
    _, shown = under_a_terminal(
        "audit", str(path), "--as-of", "2026-06-30", "-o", str(tmp_path / "out.md")
    )
    # The last thing on the terminal: the line overwritten with blanks, the cursor back.
    assert "行/秒" in shown
    drawn, cleared, after = shown.rsplit("\r", 2)
    assert "行/秒" in drawn.rsplit("\r", 1)[-1] and cleared.strip() == "" and after == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_redraw_pads_over_a_longer_previous_line_and_finish_clears_it() -> None:
    class Console:
        zh = False
        err = _Terminal()

    progress = Progress(Console(), interval=0.0)  # type: ignore[arg-type]
    progress.draw(1_000_000, 0.5, progress.start + 10)
    progress.draw(10, None, progress.start + 20)
    progress.finish()
    text = Console.err.getvalue()
    first, second, cleared = text.split("\r")[1:4]
    assert first == "1,000,000 rows · 100,000 rows/s · about 0:10 left"
    assert second.startswith("10 rows · 0 rows/s") and len(second) == len(first)
    assert cleared == " " * len(first)


class _Clock:
    """A clock that says what the test sets."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _fake_terminal() -> tuple[Progress, _Clock, _Terminal]:
    class Console:
        zh = False
        err = _Terminal()

    clock = _Clock()
    return Progress(Console(), interval=0.2, clock=clock), clock, Console.err  # type: ignore[arg-type]


def test_the_first_report_of_a_row_draws_at_once_and_later_ones_at_most_every_interval() -> None:
    progress, clock, err = _fake_terminal()
    schedule = []
    steps = [(0.001, 1000), (0.1, 2000), (0.2, 3000), (0.21, 4000), (0.3, 5000), (0.5, 6000)]
    for seconds, done in steps:
        clock.now = 100.0 + seconds
        before = err.getvalue().count("\r")
        progress.rows(done, 10_000)
        if err.getvalue().count("\r") > before:
            schedule.append(done)
    # At once (a millisecond in), then 0.2 s or more after the last drawing (0.201 s on).
    assert schedule == [1000, 4000, 6000]
    assert err.getvalue().split("\r")[1] == "1,000 rows · 1,000,000 rows/s · about 0:00 left"
    progress.finish()
    assert err.getvalue().endswith("\r")


def test_a_report_with_no_row_done_draws_nothing_and_the_next_one_draws() -> None:
    progress, clock, err = _fake_terminal()
    progress.rows(0, 10_000)
    assert err.getvalue() == ""
    clock.now += 0.01
    progress.rows(1000, 10_000)
    assert "1,000 rows" in err.getvalue()


def test_a_csv_read_draws_once_its_first_rows_are_decoded_however_fast() -> None:
    progress, clock, err = _fake_terminal()

    class Reader:
        line_num = 0

    progress.lines = Reader()
    progress.size = 1_000_000
    progress.read(262_144)  # the first chunk: no row decoded yet, nothing to say
    assert err.getvalue() == ""
    Reader.line_num = 5001  # the header and 5,000 rows
    clock.now += 0.001
    progress.read(262_144)
    assert err.getvalue().startswith("\r5,000 rows · 5,000,000 rows/s · about 0:00 left")
    Reader.line_num = 10_001
    clock.now += 0.001
    progress.read(262_144)  # throttled
    assert err.getvalue().count("\r") == 1
