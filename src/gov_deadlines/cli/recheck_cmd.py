"""``recheck``: which stored results a new calendar (or the current catalogue) changes."""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gov_deadlines.cli.app import Context, UsageError
from gov_deadlines.cli.console import EXIT_MISSED, EXIT_OK
from gov_deadlines.cli.progress import add_progress_option, counted, progress_for
from gov_deadlines.errors import file_problem

if TYPE_CHECKING:
    from gov_deadlines.outputs import Recheck

_RAW = argparse.RawDescriptionHelpFormatter

#: The keys of a command's --json object that hold a list of stored results.
_LISTS = ("verdicts", "deadlines", "occurrences", "items")


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    recheck = subparsers.add_parser(
        "recheck",
        parents=[parent],
        formatter_class=_RAW,
        help="新日历下哪些已存结果会改变 / which stored results new calendar data changes",
        description="读取已保存的结果(JSON Lines,每行一条 due/add/schedule 的 --json 记录;"
        "或 audit 的逐案 CSV),"
        "按记录中的数据版本戳判断新载入的日历(--calendar)是否影响它们:数据未变的不重新计算,"
        "其余重新计算并列出原日期、新日期和原因。有结果改变(或无法核查)时退出码为1。\n"
        "Read stored results (JSON Lines, one --json record of due/add/schedule a line; or "
        "the per-case CSV of audit) and "
        "tell, from their stamps, which ones the calendar loaded with --calendar changes: "
        "those whose data is the same are not recomputed; the others are, with the old date, "
        "the new one and why. Exit 1 when a result changes (or cannot be rechecked).",
        epilog="例 / examples:\n"
        "  gov-deadlines recheck docs/examples/results-2026-12.jsonl "
        "--calendar docs/examples/2027-example.toml\n"
        "  gov-deadlines recheck docs/examples/results-2026-12.jsonl "
        "--calendar docs/examples/2027-example.toml --lang en --json",
    )
    recheck.add_argument(
        "results", metavar="RESULTS.jsonl", help="已保存的结果 stored results (JSON Lines)"
    )
    recheck.add_argument(
        "--explain",
        action="store_true",
        help="也列出数据未变的记录 list the untouched records too",
    )
    add_progress_option(recheck)
    recheck.set_defaults(handler=run_recheck)


def _records(path: str, ctx: Context) -> list[Any]:
    """The records of the file: JSON Lines, or one JSON document (an object, a list, or a
    command's --json output holding a list of results)."""
    console = ctx.console
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        english, chinese = file_problem(error)
        raise UsageError(
            console.t(
                f"无法读取结果文件 {path}({chinese})",
                f"cannot read the results file {path} ({english})",
            )
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise UsageError(
            console.t(
                f"结果文件 {path} 第{line}行不是 UTF-8 文本:请用 UTF-8 保存",
                f"the results file {path} is not UTF-8 text (line {line})",
            )
        ) from None
    if path.lower().endswith(".csv"):
        # the per-case CSV of `audit`: one case a row, with its stamp column
        return list(csv.DictReader(io.StringIO(text)))
    try:
        whole = json.loads(text)
    except ValueError:
        return [line for line in text.splitlines() if line.strip()]
    if isinstance(whole, list):
        return whole
    if isinstance(whole, dict):
        for key in _LISTS:
            if isinstance(whole.get(key), list):
                return list(whole[key])
        return [whole]
    return [text]


def _report(result: Recheck, ctx: Context) -> None:
    from gov_deadlines.outputs import Outcome

    console = ctx.console
    counts = result.counts()
    console.line(
        console.style(
            console.t(
                f"重新核查 {ctx.args.results}:{len(result)}条记录,重新计算{result.recomputed}条;"
                f"结果改变{counts[Outcome.CHANGED]},日期确认{counts[Outcome.CONFIRMED]},"
                f"重算不变{counts[Outcome.UNCHANGED]},数据未变{counts[Outcome.UNTOUCHED]}"
                + (f",无法重算{counts[Outcome.REFUSED]}" if counts[Outcome.REFUSED] else "")
                + (f",需重新运行{counts[Outcome.RERUN]}" if counts[Outcome.RERUN] else "")
                + (f",无法读取{counts[Outcome.UNREADABLE]}" if counts[Outcome.UNREADABLE] else ""),
                f"Rechecked {ctx.args.results}: {len(result)} records, {result.recomputed} "
                f"recomputed; {counts[Outcome.CHANGED]} changed, {counts[Outcome.CONFIRMED]} "
                f"confirmed, {counts[Outcome.UNCHANGED]} unchanged, "
                f"{counts[Outcome.UNTOUCHED]} untouched"
                + (f", {counts[Outcome.REFUSED]} refused" if counts[Outcome.REFUSED] else "")
                + (f", {counts[Outcome.RERUN]} to re-run" if counts[Outcome.RERUN] else "")
                + (
                    f", {counts[Outcome.UNREADABLE]} unreadable"
                    if counts[Outcome.UNREADABLE]
                    else ""
                ),
            ),
            "bold",
        )
    )
    quiet = (Outcome.UNTOUCHED, Outcome.UNCHANGED)
    for item in result:
        if item.outcome in quiet and not ctx.args.explain:
            continue
        colour = "red" if item.outcome is Outcome.CHANGED else "yellow"
        if item.outcome in quiet or item.outcome is Outcome.CONFIRMED:
            colour = "dim" if item.outcome in quiet else "green"
        console.line(console.style(item.summary(console.lang), colour))


def run_recheck(ctx: Context) -> int:
    from gov_deadlines.outputs import recheck

    console = ctx.console
    records = _records(ctx.args.results, ctx)
    progress = progress_for(ctx)  # on a terminal: records done, records/s, time left
    try:
        result = recheck(counted(records, progress), calendar=ctx.calendar())
    finally:
        if progress is not None:
            progress.finish()
    code = EXIT_MISSED if result.needs_attention else EXIT_OK
    if console.as_json:
        record = result.to_record(console.lang, explanation=ctx.args.explain)
        console.emit_json(record.model_dump(mode="json"))
        return code
    _report(result, ctx)
    return code
