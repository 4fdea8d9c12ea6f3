"""Recurring duties: ``schedule`` (a year's due dates, optionally as .ics) and ``check-log``."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gov_deadlines.cli.app import Context, type_error
from gov_deadlines.cli.console import EXIT_MISSED, EXIT_OK, Console
from gov_deadlines.cli.output import check_output, open_output, suffix
from gov_deadlines.cli.progress import add_progress_option, progress_for
from gov_deadlines.cli.tables import add_input_options, check_xlsx_writer, is_workbook
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Status

if TYPE_CHECKING:
    from gov_deadlines.recurring import LogCheck, Occurrence, WindowVerdict

_RAW = argparse.RawDescriptionHelpFormatter


def _year(text: str) -> int:
    body = text.strip().removesuffix("年")
    if not body.isdigit() or not 1900 <= int(body) <= 2200:
        raise type_error(
            f"{text!r} is not a year such as 2026 (1900–2200)",
            f"'{text}' 不是年份,请写作如 2026(1900–2200)",
        )
    return int(body)


def _workdays(text: str) -> int:
    if not text.strip().isdigit():
        raise type_error(
            f"{text!r}: give a whole number of working days ≥ 0",
            f"'{text}':请写作0或正整数的工作日数",
        )
    return int(text)


def _sources(values: Sequence[str] | None) -> list[str] | None:
    """``--source a --source b`` or ``--source a,b``."""
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    sched = subparsers.add_parser(
        "schedule",
        parents=[parent],
        formatter_class=_RAW,
        help="全年定期任务与固定日期 / a year's recurring duties and due dates",
        description="列出某年全部固定日期、按月/按季度、年内次数要求的任务及截止日期,"
        "固定日期并给出其前最后一个工作日;可导出 .ics 日历(含提前N个工作日提醒)。\n"
        "A year's fixed dates, monthly/quarterly windows and quotas, with the last working "
        "day before each fixed date; optionally exported as .ics with reminders.",
        epilog="例 / examples:\n"
        "  gov-deadlines schedule 2026\n"
        "  gov-deadlines schedule 2026 --source sd-2018 --source jy-2024\n"
        "  gov-deadlines schedule 2026 --ics 2026.ics --reminder-days 5\n"
        "  gov-deadlines schedule 2027 --provisional",
    )
    sched.add_argument("year", metavar="YEAR", type=_year, help="年份 year, e.g. 2026")
    sched.add_argument(
        "--source", action="append", metavar="ID", help="来源编号(可重复)source id(s), e.g. sd-2018"
    )
    sched.add_argument(
        "--rule", action="append", metavar="ID", help="只列该规则或规则族 only this rule or family"
    )
    sched.add_argument(
        "--ics", metavar="FILE", help="导出 .ics 日历文件 write an .ics calendar file"
    )
    sched.add_argument(
        "--reminder-days",
        metavar="N",
        type=_workdays,
        default=3,
        help="提醒提前的工作日数(默认3)working days before the due date to remind (default 3)",
    )
    sched.add_argument(
        "--explain",
        action="store_true",
        help="逐项说明依据与计算 explain each item with its source",
    )
    sched.set_defaults(handler=run_schedule)

    check = subparsers.add_parser(
        "check-log",
        parents=[parent],
        formatter_class=_RAW,
        help="按工作记录核查定期任务 / check an activity log against the year's duties",
        description="读取工作记录(CSV,列:规则/rule、日期/date,可选 备注/note),逐项核查该年各时段"
        "是否完成;没有任何记录的任务记为未完成。--form 按督察表(序号·工作任务·完成情况·存在问题·"
        "整改措施·整改责任主体·材料提供部门)输出。\n"
        "Check an activity log (CSV: rule, date[, note]) against every window of the year; "
        "duties with no record are missed. Exit 1 when any duty is missed or late.",
        epilog="例 / examples:\n"
        "  gov-deadlines check-log docs/log-example.csv --year 2026 --source jy-2024\n"
        "  gov-deadlines check-log log.csv --year 2026 --form\n"
        "  gov-deadlines check-log log.csv --year 2026 --form-csv 督察表.csv",
    )
    check.add_argument("log", metavar="LOG", help="工作记录(CSV或.xlsx)activity log, CSV or .xlsx")
    add_input_options(check)
    add_progress_option(check)
    check.add_argument("--year", required=True, type=_year, help="核查年份 the year checked")
    check.add_argument(
        "--source", action="append", metavar="ID", help="来源编号(可重复)source id(s)"
    )
    check.add_argument(
        "--form", action="store_true", help="按督察表输出 print the supervision form"
    )
    check.add_argument(
        "--form-csv",
        metavar="FILE",
        help="督察表另存为CSV(带BOM)或 .xlsx write the form as CSV (with BOM) or .xlsx",
    )
    check.add_argument(
        "--per-window",
        action="store_true",
        help="督察表每个时段一行 one form row per window (default: one per duty)",
    )
    check.add_argument(
        "--as-of",
        metavar="DATE",
        help="核查日(默认今天,北京时间):尚未结束的时段记为未到期 "
        "the day of the check (default: today, Beijing); windows not ended by then are "
        "pending, not missed",
    )
    check.set_defaults(handler=run_check_log)


# -- schedule ---------------------------------------------------------------------------------------


def _occurrence_line(occ: Occurrence, console: Console) -> str:
    from gov_deadlines.calendar import weekday_name
    from gov_deadlines.catalogue import STRENGTH_LABELS

    zh = console.zh
    due = f"{occ.due_date.isoformat()} {weekday_name(occ.due_date, console.lang)}"
    if occ.last_workday is None:
        workday = console.t("最后工作日未知", "last working day unknown")
        workday = console.style(workday, "yellow")
    elif occ.last_workday != occ.due_date:
        flag = (
            console.t(PROVISIONAL_MARK["zh"], " " + PROVISIONAL_MARK["en"])
            if occ.provisional
            else ""
        )
        workday = console.t("最后工作日 ", "last working day ") + (
            f"{occ.last_workday.isoformat()} {weekday_name(occ.last_workday, console.lang)}{flag}"
        )
        workday = console.style(workday, "yellow" if occ.provisional else "bold")
    elif occ.due_date.weekday() >= 5:  # a weekend day made a working day (调休上班)
        workday = console.t("调休上班日", "make-up working day")
    else:
        workday = ""
    title = occ.title(console.lang)
    if occ.window_kind != "fixed-date":
        title += f"({occ.window_label('zh')})" if zh else f" ({occ.window_label('en')})"
    if occ.required > 1:
        title += console.t(f",至少{occ.required}次", f", at least {occ.required} times")
    if occ.strength != "must":
        strength = STRENGTH_LABELS[occ.strength][0 if zh else 1]
        title += f" [{strength}]"
    head = console.style(due, "green")
    parts = [head, workday, console.style(occ.rule_id, "dim"), title]
    return "  ".join(p for p in parts if p)


def run_schedule(ctx: Context) -> int:
    from gov_deadlines.recurring import schedule

    console = ctx.console
    args = ctx.args
    if args.ics:
        check_output(ctx, "--ics", args.ics, supported=(".ics",))
    calendar = ctx.calendar()
    sources = _sources(args.source)
    occurrences = schedule(args.year, sources=sources, rules=args.rule, calendar=calendar)
    export = None
    if args.ics:
        from gov_deadlines.atomic import atomic_binary
        from gov_deadlines.outputs import write_ics

        # atomic: an interrupted export leaves the previous file whole
        with atomic_binary(args.ics) as stream:
            export = write_ics(
                occurrences,
                stream,
                reminder_days=args.reminder_days,
                calendar=calendar,
                lang=console.lang,
            )
    if console.as_json:
        console.emit_json(
            {
                "year": args.year,
                "sources": sources,
                "occurrences": [
                    o.to_record(console.lang, explanation=args.explain).model_dump(mode="json")
                    for o in occurrences
                ],
                "ics": (
                    {"path": args.ics, **export.to_record(console.lang).model_dump(mode="json")}
                    if export
                    else None
                ),
            }
        )
        return EXIT_OK
    scope = (
        ("、".join(sources) if console.zh else ", ".join(sources))
        if sources
        else console.t("全部来源", "all sources")
    )
    console.line(
        console.style(
            console.t(
                f"{args.year}年定期任务与固定日期({scope}):{len(occurrences)}项",
                f"Recurring duties and fixed dates of {args.year} ({scope}): {len(occurrences)}",
            ),
            "bold",
        )
    )
    month = 0
    for occ in occurrences:
        if occ.due_date.month != month:
            month = occ.due_date.month
            console.line(console.t(f"— {month}月 —", f"— {_month_en(month)} —"))
        console.line("  " + _occurrence_line(occ, console))
        if args.explain:
            for line in occ.explain_lines(console.lang):
                console.line(f"      {line}")
    if not occurrences:
        console.line(
            console.t("该年没有适用的定期任务。", "No recurring duty applies in that year.")
        )
    unknown = sorted({o.due_date.year for o in occurrences if o.last_workday is None})
    if unknown:
        years = "、".join(str(y) for y in unknown)
        console.line(
            console.t(
                f"注意:{years}年尚无官方节假日安排,最后工作日未计算(日期本身不受影响);"
                "加 --provisional 可临时推算(标注“临时”)。",
                f"Note: no official holiday arrangement for {years}: last working days are not "
                "computed (the dates themselves do not depend on it); add --provisional for "
                "flagged estimates.",
            )
        )
    if any(o.provisional for o in occurrences):
        console.line(
            console.t(
                "注意:标注“临时”的工作日依据临时推算的日历(尚无官方通知),正式通知发布后可能改变。",
                "Note: working days marked provisional rest on estimated calendar data and may "
                "change when the official notice is published.",
            )
        )
    if export is not None:
        console.line(console.style(export.summary(console.lang, path=args.ics), "green"))
    return EXIT_OK


def _month_en(month: int) -> str:
    import calendar as stdcal

    return stdcal.month_name[month]


# -- check-log ---------------------------------------------------------------------------------------


def _groups(verdicts: Sequence[WindowVerdict]) -> list[list[WindowVerdict]]:
    groups: dict[str, list[WindowVerdict]] = {}
    for verdict in verdicts:
        groups.setdefault(verdict.rule_id, []).append(verdict)
    return list(groups.values())


def _report_text(result: LogCheck, ctx: Context, entries: int, as_of: dt.date) -> None:
    from gov_deadlines.outputs import supervision_rows

    console = ctx.console
    counts = {
        key: sum(1 for v in result if v.status is status)
        for key, status in (
            ("met", Status.ON_TIME),
            ("late", Status.LATE),
            ("missed", Status.OVERDUE),
            ("pending", Status.PENDING),
        )
    }
    day = as_of.isoformat()
    console.line(
        console.style(
            console.t(
                f"{result.year}年定期任务核查({ctx.args.log},{entries}条记录,核查日{day}):"
                f"{len(result)}个时段,"
                f"已完成{counts['met']},逾期{counts['late']},未完成{counts['missed']}"
                + (f",未到期{counts['pending']}" if counts["pending"] else ""),
                f"Recurring duties of {result.year} ({ctx.args.log}, {entries} entries, "
                f"as of {day}): {len(result)} windows, {counts['met']} met, "
                f"{counts['late']} late, {counts['missed']} missed"
                + (f", {counts['pending']} pending" if counts["pending"] else ""),
            ),
            "bold",
        )
    )
    for group in _groups(result):
        row = supervision_rows(group, console.lang)[0]
        statuses = {v.status for v in group}
        if statuses == {Status.ON_TIME}:
            mark = console.style("✓", "green")
        elif statuses <= {Status.ON_TIME, Status.PENDING}:  # nothing wrong: the rest is not due
            mark = console.style("○", "dim")
        elif Status.OVERDUE not in statuses:
            mark = console.style("!", "yellow")
        else:
            mark = console.style("✗", "red")
        done = sum(1 for v in group if v.met)
        open_windows = sum(1 for v in group if v.status is Status.PENDING)
        tally = console.t(
            f"{done}/{len(group)}个时段按时完成"
            + (f",{open_windows}个未到期" if open_windows else ""),
            f"{done}/{len(group)} windows met"
            + (f", {open_windows} not yet due" if open_windows else ""),
        )
        console.line(f"{mark} {console.style(group[0].rule_id, 'dim')}  {row.task}  {tally}")
        if row.problems:
            console.line(f"    {row.problems}")


def _report_unmatched(result: LogCheck, console: Console, *, to_err: bool) -> None:
    if not result.unmatched:
        return
    write = (lambda text: console.err.write(text + "\n")) if to_err else console.line
    write(
        console.t(
            f"未计入任何时段的记录({len(result.unmatched)}条):",
            f"Entries that count for no window ({len(result.unmatched)}):",
        )
    )
    for item in result.unmatched:
        entry = item.entry
        where = entry.where(console.lang)
        where = f"{where} " if where else ""
        write(
            f"  {where}{entry.rule} {entry.done_on.isoformat()}:{item.reason(console.lang)}"
            if console.zh
            else f"  {where}{entry.rule} {entry.done_on.isoformat()}: {item.reason('en')}"
        )


def run_check_log(ctx: Context) -> int:
    from gov_deadlines.dates import parse_date, today
    from gov_deadlines.outputs import form_headers, supervision_rows, write_form
    from gov_deadlines.recurring import check_log, read_log

    console = ctx.console
    args = ctx.args
    if args.form_csv:
        check_output(
            ctx, "--form-csv", args.form_csv, inputs=[args.log], supported=(".csv", ".xlsx")
        )
        if suffix(args.form_csv) == ".xlsx":
            check_xlsx_writer(console)
    # As audit does: judged on today in Beijing unless told, so that a window still running
    # (the current quarter, every window of a later year) is pending, not missed.
    as_of: dt.date = parse_date(args.as_of) if args.as_of else today()
    workbook = is_workbook(ctx, args.log)
    progress = progress_for(ctx)
    try:
        entries = read_log(
            args.log,
            sheet=args.sheet if workbook else None,
            delimiter=args.delimiter,
            progress=progress.rows if progress is not None else None,
        )
    finally:
        if progress is not None:
            progress.finish()
    sources = _sources(args.source)
    result = check_log(entries, args.year, sources=sources, calendar=ctx.calendar(), as_of=as_of)
    code = EXIT_OK if result.all_met else EXIT_MISSED
    rows = supervision_rows(result, console.lang, per_window=args.per_window)
    if args.form_csv and suffix(args.form_csv) == ".xlsx":
        from gov_deadlines.atomic import atomic_binary
        from gov_deadlines.outputs import write_form_xlsx

        with atomic_binary(args.form_csv) as binary:
            title = console.t(
                f"{args.year}年政务公开定期任务督察表",
                f"Supervision form: recurring duties of {args.year}",
            )
            write_form_xlsx(rows, binary, lang=console.lang, title=title, as_of=as_of)
    elif args.form_csv:
        with open_output(args.form_csv) as stream:
            write_form(rows, stream, lang=console.lang, format="csv")
    if console.as_json:
        payload: dict[str, Any] = {
            "year": args.year,
            "as_of": as_of.isoformat(),
            "sources": sources,
            "log": args.log,
            "entries": len(entries),
            "all_met": result.all_met,
            "verdicts": [v.to_record(console.lang).model_dump(mode="json") for v in result],
            "unmatched": [
                u.to_record(console.lang).model_dump(mode="json") for u in result.unmatched
            ],
        }
        if args.form:
            payload["form"] = {
                "headers": list(form_headers(console.lang)),
                "rows": [list(r.cells(n, console.lang)) for n, r in enumerate(rows, start=1)],
            }
        console.emit_json(payload)
        return code
    if args.form:
        title = console.t(
            f"{args.year}年政务公开定期任务督察表",
            f"Supervision form: recurring duties of {args.year}",
        )
        write_form(rows, console.out, lang=console.lang, title=title)
        console.line(
            console.t(
                f"\n核查日:{as_of.isoformat()}(此日尚未结束的时段记为未到期)。",
                f"\nAs of {as_of.isoformat()} (windows not ended by then are not yet due).",
            )
        )
        _report_unmatched(result, console, to_err=True)
    else:
        _report_text(result, ctx, len(entries), as_of)
        _report_unmatched(result, console, to_err=False)
    if args.form_csv:
        message = console.t(
            f"督察表已写入 {args.form_csv}({len(rows)}行)。",
            f"Form written to {args.form_csv} ({len(rows)} rows).",
        )
        if args.form:
            console.err.write(message + "\n")
        else:
            console.line(message)
    return code
