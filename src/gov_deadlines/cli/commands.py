"""The core commands: due, add, between, cal, rules, rule, events."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from gov_deadlines.cli.app import Context, UsageError
from gov_deadlines.cli.console import EXIT_MISSED, EXIT_OK, Console
from gov_deadlines.vocabulary import provisional_mark

if TYPE_CHECKING:
    from gov_deadlines.calendar import DayInfo, WorkCalendar
    from gov_deadlines.catalogue import Rule
    from gov_deadlines.counting import Deadline, Verdict

_RAW = argparse.RawDescriptionHelpFormatter


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    due = subparsers.add_parser(
        "due",
        parents=[parent],
        formatter_class=_RAW,
        help="某规则的截止时间 / the deadline of a catalogue rule",
        description="计算目录中某条规则的截止时间,并说明依据和计算过程。\n"
        "The deadline of a catalogue rule, with its source and each step.",
        epilog="例 / examples:\n"
        "  gov-deadlines due ogi.reply 2026-09-28\n"
        "  gov-deadlines due ogi.reply 2026年9月28日 --done 2026-11-02\n"
        "  gov-deadlines due bz-2017.opinion-response '2026-10-01 09:30' --lang en\n"
        "  gov-deadlines due ogi.annual-report 2027",
    )
    due.add_argument("rule", metavar="RULE", help="规则编号 rule id (gov-deadlines rules)")
    due.add_argument(
        "trigger", metavar="TRIGGER", help="起算日期/时间或年份 trigger date, date-time or year"
    )
    due.add_argument(
        "--done", metavar="WHEN", help="完成(或撤下)时间 when it was done / taken down"
    )
    _counting_options(due)
    due.add_argument(
        "--receipt-as-recorded",
        action="store_true",
        help="收到申请日为休息日时不顺延 keep a receipt dated on a rest day "
        "(default: next working day, as audit)",
    )
    due.set_defaults(handler=run_due)

    add = subparsers.add_parser(
        "add",
        parents=[parent],
        formatter_class=_RAW,
        help="任意期限 / an ad-hoc period",
        description="从起算日计算任意期限(工作日、日、月、年、小时、固定日期、最短期限)。\n"
        "Count any period from a trigger.",
        epilog="例 / examples:\n"
        "  gov-deadlines add 2026-09-30 20个工作日\n"
        "  gov-deadlines add 2024年9月13日 1个工作日\n"
        "  gov-deadlines add 2018-04-26 30日\n"
        "  gov-deadlines add '2026-10-01 09:30' 48小时",
    )
    add.add_argument("trigger", metavar="TRIGGER", help="起算日期/时间 trigger date or date-time")
    add.add_argument(
        "period",
        metavar="PERIOD",
        help="期限 period: 20个工作日 30日 48小时 3个月 7月底前 不少于10天",
    )
    add.add_argument(
        "--done", metavar="WHEN", help="完成(或撤下)时间 when it was done / taken down"
    )
    _counting_options(add)
    add.set_defaults(handler=run_add)

    between = subparsers.add_parser(
        "between",
        parents=[parent],
        formatter_class=_RAW,
        help="两日之间的工作日 / working days in (A, B]",
        description="统计 (A, B] 之间的工作日(不含A、含B),列出其间的节假日和调休上班日。\n"
        "Working days in (A, B], with the holidays and make-up days in between.",
        epilog="例 / example:\n  gov-deadlines between 2026-09-30 2026-10-12",
    )
    between.add_argument("start", metavar="A")
    between.add_argument("end", metavar="B")
    between.set_defaults(handler=run_between)

    cal = subparsers.add_parser(
        "cal",
        parents=[parent],
        formatter_class=_RAW,
        help="月历(休/班)/ a month calendar",
        description="像挂历一样显示某月或全年:休=休息日,班=调休上班日,节日名列在下方。\n"
        "A month grid: 休 rest day, 班 make-up working day; holiday names below.",
        epilog="例 / examples:\n  gov-deadlines cal 2026-10\n  gov-deadlines cal 2026",
    )
    cal.add_argument(
        "month", metavar="YYYY-MM|YYYY", nargs="?", help="默认本月 default: this month"
    )
    cal.set_defaults(handler=run_cal)

    rules = subparsers.add_parser(
        "rules",
        parents=[parent],
        formatter_class=_RAW,
        help="查找规则 / find rules",
        description="按关键词(中英文)、来源、类型查找规则。\nFind rules by words (zh or en), source or kind.",
        epilog="例 / examples:\n  gov-deadlines rules 解读\n  gov-deadlines rules --source sd-2018 --kind cadence",
    )
    rules.add_argument("words", metavar="WORDS", nargs="*")
    rules.add_argument(
        "--source", action="append", metavar="ID", help="来源编号 source id, e.g. bz-2017"
    )
    rules.add_argument(
        "--kind",
        action="append",
        choices=("deadline", "fixed-date", "min-duration", "cadence", "quota", "unquantified"),
    )
    rules.add_argument("--trigger", metavar="EVENT", help="起算事件 trigger event id")
    rules.set_defaults(handler=run_rules)

    rule = subparsers.add_parser(
        "rule",
        parents=[parent],
        formatter_class=_RAW,
        help="显示一条规则及原文 / show one rule with its source and quote",
        description="显示规则的来源文件、条款、原文、期限和计算说明。\nShow a rule with its source, clause and quoted words.",
        epilog="例 / example:\n  gov-deadlines rule bz-2017.implementation-plan",
    )
    rule.add_argument("rule", metavar="ID")
    rule.set_defaults(handler=run_rule)

    events = subparsers.add_parser(
        "events",
        parents=[parent],
        formatter_class=_RAW,
        help="某事件引起的全部期限 / every deadline an event starts",
        description="列出某事件(如文件印发)引起的全部期限;不带参数时列出事件清单。\n"
        "Every deadline an event starts; without arguments, the list of events.",
        epilog="例 / examples:\n  gov-deadlines events\n  gov-deadlines events document-issued 2026-03-02",
    )
    events.add_argument("event", metavar="EVENT", nargs="?")
    events.add_argument("when", metavar="WHEN", nargs="?")
    events.add_argument("--source", action="append", metavar="ID")
    events.add_argument(
        "--receipt-as-recorded",
        action="store_true",
        help="收到申请日为休息日时不顺延 keep a receipt dated on a rest day "
        "(default: next working day, as due and audit)",
    )
    events.set_defaults(handler=run_events)


def _counting_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("counting options / 计算选项")
    group.add_argument(
        "--no-roll",
        dest="roll",
        action="store_false",
        default=None,
        help="末日为休息日时不顺延 do not roll a last day off a rest day (art. 203)",
    )
    group.add_argument(
        "--posting-day-counts",
        action="store_true",
        default=None,
        help="最短期限:公示当日计为第1天 minimum durations: the posting day is day 1",
    )
    group.add_argument(
        "--cutoff", metavar="HH:MM", help="业务时间截止 office-hours cut-off instead of 24:00"
    )


def _options(args: argparse.Namespace, console: Console) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if args.roll is not None:
        options["roll"] = args.roll
    if args.posting_day_counts:
        options["posting_day_counts"] = True
    if args.cutoff:
        try:
            hour, minute = (int(x) for x in args.cutoff.split(":"))
            options["cutoff"] = dt.time(hour, minute)
        except ValueError:
            raise UsageError(
                console.t(
                    f"无法识别 --cutoff 的时刻“{args.cutoff}”:请写作 时:分,例如 17:00",
                    f"--cutoff {args.cutoff!r}: expected HH:MM, e.g. 17:00",
                )
            ) from None
    return options


_OPTION_NAMES = {
    "roll": "--no-roll",
    "posting_day_counts": "--posting-day-counts",
    "cutoff": "--cutoff",
}


@contextlib.contextmanager
def _user_input(console: Console) -> Iterator[None]:
    """Report a counting option that does not apply to the period's unit as bad input in
    the user's terms (the command-line option, not the library's keyword argument)."""
    from gov_deadlines.errors import OptionError

    try:
        yield
    except OptionError as problem:
        option = _OPTION_NAMES.get(problem.option, problem.option)
        raise UsageError(
            console.t(
                f"选项 {option} 不适用于该期限:{problem.problem_zh}",
                f"option {option} does not apply to this period: {problem.problem}",
            )
        ) from None


# -- due / add ------------------------------------------------------------------------------


def _headline(deadline: Deadline, calendar: WorkCalendar, console: Console) -> str:
    from gov_deadlines.calendar import DayKind, weekday_name
    from gov_deadlines.counting import Unit
    from gov_deadlines.errors import CalendarCoverageError

    day = deadline.due_date
    removal = deadline.earliest_removal
    if deadline.unit is Unit.MINIMUM_DURATION and removal is not None:
        # A minimum posting period is no deadline to act by: what a clerk needs is the
        # earliest moment the notice may come down.
        when = deadline.due_at.strftime("%Y-%m-%d %H:%M")
        wd = weekday_name(deadline.due_at.date(), console.lang)
        cut = deadline.convention.cutoff
        until = f"{day.isoformat()} {cut.strftime('%H:%M') if cut else '24:00'}"
        text = console.t(
            f"最早可撤下:{when}({wd})(公示须保持至{until})",
            f"Earliest removal: {when} ({wd}) (the notice stays up until {until})",
        )
    elif deadline.unit is Unit.HOURS:
        when = deadline.due_at.strftime("%Y-%m-%d %H:%M")
        text = console.t(f"截止:{when}(北京时间)", f"Due: {when} (Beijing time)")
    else:
        note = weekday_name(day, console.lang)
        try:
            info = calendar.day_info(day)
            if info.kind is DayKind.MAKEUP_WORKDAY:
                note += console.t(",调休上班日", ", a make-up working day (调休上班)")
            elif not info.is_workday:
                note += console.t(f",{info.kind.label('zh')}", f", {info.kind.label('en')}")
        except CalendarCoverageError:
            pass
        end = (
            deadline.convention.cutoff.strftime("%H:%M") if deadline.convention.cutoff else "24:00"
        )
        text = console.t(
            f"截止:{day.isoformat()}({note}){end}", f"Due: {day.isoformat()} ({note}) {end}"
        )
        if deadline.before_trigger:
            text += console.t(
                "(早于依据日期,自始逾期)", " (before its trigger: overdue from the start)"
            )
    if deadline.provisional:
        text += " " + provisional_mark(console.lang)
    return console.style(text, "bold", "yellow" if deadline.provisional else "green")


def _show(ctx: Context, deadline: Deadline, done_text: str | None) -> int:
    console = ctx.console
    verdict: Verdict | None = None
    if done_text:
        from gov_deadlines.counting import check
        from gov_deadlines.dates import parse_datetime

        verdict = check(deadline, parse_datetime(done_text))
    code = EXIT_MISSED if verdict is not None and not verdict.on_time else EXIT_OK
    if console.as_json:
        record = deadline.to_record(console.lang, explanation=True)
        payload = record.model_dump(mode="json")
        payload["verdict"] = (
            verdict.to_record(console.lang).model_dump(mode="json") if verdict else None
        )
        console.emit_json(payload)
        return code
    console.line(_headline(deadline, ctx.calendar(), console))
    for line in deadline.explain_lines(console.lang):
        console.line(line)
    if verdict is not None:
        summary = verdict.summary(console.lang)
        console.line(
            console.style(
                console.t(f"核查:{summary}", f"Check: {summary}"),
                "bold",
                "green" if verdict.on_time else "red",
            )
        )
    return code


def run_due(ctx: Context) -> int:
    from gov_deadlines.catalogue import ReceiptPolicy, due
    from gov_deadlines.dates import parse_when

    args = ctx.args
    trigger = parse_when(args.trigger)
    options = _options(args, ctx.console)
    receipt = ReceiptPolicy.NEXT_WORKING_DAY
    if args.receipt_as_recorded:
        receipt = ReceiptPolicy.AS_RECORDED
    with _user_input(ctx.console):
        deadline = due(
            args.rule, trigger, calendar=ctx.calendar(), receipt_policy=receipt, **options
        )
        return _show(ctx, deadline, args.done)


def run_add(ctx: Context) -> int:
    from gov_deadlines.counting import deadline
    from gov_deadlines.dates import parse_when

    args = ctx.args
    trigger = parse_when(args.trigger)
    options = _options(args, ctx.console)
    with _user_input(ctx.console):
        result = deadline(trigger, args.period, calendar=ctx.calendar(), **options)
        return _show(ctx, result, args.done)


# -- between ------------------------------------------------------------------------------------


def _day_json(info: DayInfo) -> dict[str, Any]:
    return info.to_record().model_dump(mode="json")


def run_between(ctx: Context) -> int:
    from gov_deadlines.calendar import DayKind
    from gov_deadlines.counting import describe_run, rest_runs
    from gov_deadlines.dates import parse_date

    console = ctx.console
    start, end = parse_date(ctx.args.start), parse_date(ctx.args.end)
    calendar = ctx.calendar()
    count, provisional = calendar.workdays_between_info(start, end)
    low, high = min(start, end), max(start, end)
    notable = calendar.notable_days(low, high)
    rest = [d for d in notable if not d.is_workday and d.kind is DayKind.HOLIDAY]
    weekends = [d for d in notable if d.kind is DayKind.WEEKEND]
    makeup = [d for d in notable if d.kind is DayKind.MAKEUP_WORKDAY]
    data = calendar.notices_used(low, high)
    if console.as_json:
        console.emit_json(
            {
                "start": start.isoformat(),
                "end": end.isoformat(),
                "workdays": count,
                "provisional": provisional,
                "holidays": [_day_json(d) for d in rest],
                "weekend_days": len(weekends),
                "makeup_workdays": [_day_json(d) for d in makeup],
                "calendar_data": list(data),
            }
        )
        return EXIT_OK
    flag = " " + provisional_mark(console.lang) if provisional else ""
    console.line(
        console.style(
            console.t(
                f"{start.isoformat()} 至 {end.isoformat()}(不含起日,含止日):{count} 个工作日{flag}",
                f"{start.isoformat()} to {end.isoformat()} (start excluded, end included): "
                f"{count} working days{flag}",
            ),
            "bold",
        )
    )
    console.line(
        console.t(
            f"其间周末 {len(weekends)} 天(未调休)。", f"Ordinary weekend days: {len(weekends)}."
        )
    )
    if rest:
        console.line(console.t("节假日:", "Holidays:"))
        for run in rest_runs(rest):
            console.line(f"  {describe_run(run, console.lang)}")
    if makeup:
        console.line(console.t("调休上班(计为工作日):", "Make-up working days (counted):"))
        for run in rest_runs(makeup):
            console.line(f"  {describe_run(run, console.lang)}")
    if data:
        console.line(console.t("日历数据:", "Calendar data:"))
        for line in data:
            console.line(f"  {line}")
    return EXIT_OK


# -- cal --------------------------------------------------------------------------------------


def _months(text: str | None, lang: str) -> list[tuple[int, int]]:
    import re

    from gov_deadlines.dates import today

    if not text:
        now = today()
        return [(now.year, now.month)]
    match = re.fullmatch(r"(\d{4})(?:[-/.年](\d{1,2})月?)?", text.strip())
    if not match or not (1 <= int(match.group(2) or 1) <= 12) or int(match.group(1)) < 1:
        raise UsageError(
            f"cannot read {text!r}: give YYYY-MM (2026-10) or YYYY (2026)"
            if lang == "en"
            else f"无法识别月份 {text!r}:请写作 年-月(如 2026-10)或 年份(如 2026)"
        )
    year = int(match.group(1))
    if match.group(2):
        return [(year, int(match.group(2)))]
    return [(year, month) for month in range(1, 13)]


def run_cal(ctx: Context) -> int:
    import calendar as stdcal

    from gov_deadlines.calendar import DayKind

    console = ctx.console
    calendar = ctx.calendar()
    months = _months(ctx.args.month, console.lang)
    payload: list[dict[str, Any]] = []
    for year, month in months:
        infos = [
            calendar.day_info(dt.date(year, month, d))
            for d in range(1, stdcal.monthrange(year, month)[1] + 1)
        ]
        if console.as_json:
            payload.append(
                {
                    "year": year,
                    "month": month,
                    "days": [_day_json(i) for i in infos],
                    "workdays": sum(1 for i in infos if i.is_workday),
                    "calendar_data": list(calendar.notices_used(infos[0].date, infos[-1].date)),
                }
            )
            continue
        title = console.t(f"{year}年{month}月", f"{stdcal.month_name[month]} {year}")
        console.line(console.style(title.center(34).rstrip(), "bold"))
        header = (
            ["一", "二", "三", "四", "五", "六", "日"]
            if console.zh
            else ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        )
        console.line(" ".join(f" {h} " for h in header).rstrip())
        cells = ["    "] * infos[0].date.weekday()
        for info in infos:
            if info.kind is DayKind.MAKEUP_WORKDAY:
                mark = console.style(console.t("班", " W"), "yellow")
            elif not info.is_workday:
                mark = console.style(console.t("休", " R"), "red")
            else:
                mark = "  "
            cells.append(f"{info.date.day:>2}{mark}")
        for week in range(0, len(cells), 7):
            console.line(" ".join(cells[week : week + 7]).rstrip())
        named: dict[str, list[dt.date]] = {}
        for info in infos:
            if info.holiday is not None:
                name = info.holiday.zh if console.zh else info.holiday.en
                label = name + (
                    console.t("(调休上班)", " (make-up working day)")
                    if info.kind is DayKind.MAKEUP_WORKDAY
                    else ""
                )
                named.setdefault(label, []).append(info.date)
        for label, days in named.items():
            listed = (
                "、".join(str(d.day) for d in days)
                if console.zh
                else ", ".join(str(d.day) for d in days)
            )
            console.line(console.t(f"  {label}:{listed}日", f"  {label}: {listed}"))
        if any(i.provisional for i in infos):
            console.line(
                console.t(
                    "  [临时推算:尚无官方节假日安排]", "  [provisional: no official notice yet]"
                )
            )
        if console.zh:
            console.line("  休=休息日  班=调休上班日")
        else:
            console.line("  R = rest day  W = make-up working day")
        console.line()
    if console.as_json:
        console.emit_json({"months": payload})
    return EXIT_OK


# -- rules / rule / events ------------------------------------------------------------------------


def _rule_summary(rule: Rule) -> dict[str, Any]:
    period = rule.typed_period
    return {
        "id": rule.id,
        "source": rule.source.id,
        "kind": rule.kind,
        "strength": rule.strength,
        "title_zh": rule.title_zh,
        "title_en": rule.title_en,
        "period": period.text("zh") if period else None,
        "trigger": rule.trigger,
    }


def run_rules(ctx: Context) -> int:
    from gov_deadlines.catalogue import rules

    console = ctx.console
    found = rules(
        sources=ctx.args.source,
        kind=ctx.args.kind,
        trigger=ctx.args.trigger,
        words=" ".join(ctx.args.words) or None,
    )
    if console.as_json:
        console.emit_json({"rules": [_rule_summary(r) for r in found]})
        return EXIT_OK
    from gov_deadlines.catalogue import KIND_LABELS

    for item in found:
        kind = KIND_LABELS[item.kind][0 if console.zh else 1]
        period = item.typed_period
        extra = f" · {period.text(console.lang)}" if period else ""
        console.line(
            f"{console.style(item.id, 'bold')}  [{kind}{extra}]  {item.title(console.lang)}"
        )
    console.line(console.t(f"共 {len(found)} 条。", f"{len(found)} rule(s)."))
    return EXIT_OK


def run_rule(ctx: Context) -> int:
    from gov_deadlines.catalogue import KIND_LABELS, default_catalogue, rule

    console = ctx.console
    item = rule(ctx.args.rule)
    if console.as_json:
        payload = item.to_dict()
        console.emit_json(payload)
        return EXIT_OK
    for line in item.citation_lines(console.lang):
        console.line(line)
    zh = console.zh
    console.line(console.t("类型:", "Kind: ") + KIND_LABELS[item.kind][0 if zh else 1])
    period = item.typed_period
    if period is not None:
        console.line(console.t("期限:", "Period: ") + period.text(console.lang))
    if item.extension:
        console.line(console.t("最长延长:", "Longest extension: ") + item.extension)
    if item.cadence:
        console.line(
            console.t("周期:", "Cadence: ")
            + {
                "monthly": console.t("每月", "monthly"),
                "quarterly": console.t("每季度", "quarterly"),
            }[item.cadence]
        )
    if item.quota:
        window = {
            "year": console.t("每年", "per year"),
            "august": console.t("每年8月", "each August"),
        }[item.quota.window]
        console.line(
            console.t(
                f"次数:{window}不少于{item.quota.count}次",
                f"Quota: at least {item.quota.count} {window}",
            )
        )
    if item.years:
        console.line(console.t("适用年份:", "Years: ") + ", ".join(str(y) for y in item.years))
    if item.trigger:
        event = default_catalogue().event(item.trigger)
        console.line(
            console.t("起算事件:", "Trigger: ") + f"{event.label(console.lang)} ({event.id})"
        )
    if item.delegates_to:
        console.line(
            console.t("适用法定时限:", "Applies the statutory limit: ") + item.delegates_to
        )
    if item.national_default:
        console.line(console.t("全国性规定:", "National default: ") + item.national_default)
    console.line(console.t("约束对象:", "Binds: ") + (item.binds_zh if zh else item.binds_en))
    console.line(
        console.t("计算说明:", "Counting: ") + (item.counting_zh if zh else item.counting_en)
    )
    note = item.note(console.lang)
    if note:
        console.line(console.t("备注:", "Note: ") + note)
    applied = default_catalogue().policies_for(item)
    if applied:
        console.line(
            console.t(
                "适用的本库政策(条文未规定之处本库的解释,不是条文原文):",
                "Policies of the library that apply (its readings where the text is silent, "
                "not the text's words):",
            )
        )
        for policy in applied:
            for line in policy.describe_lines(console.lang):
                console.line("  " + line)
    return EXIT_OK


def run_events(ctx: Context) -> int:
    from gov_deadlines.catalogue import (
        PolicyNote,
        ReceiptNote,
        ReceiptPolicy,
        deadlines_for,
        default_catalogue,
    )
    from gov_deadlines.dates import parse_datetime

    console = ctx.console
    args = ctx.args
    catalogue = default_catalogue()
    if args.event is None:
        events = catalogue.events
        if console.as_json:
            console.emit_json({"events": [e.to_dict() for e in events.values()]})
            return EXIT_OK
        for event in events.values():
            console.line(f"{console.style(event.id, 'bold')}  {event.label(console.lang)}")
        return EXIT_OK
    if args.when is None:
        raise UsageError(
            console.t(
                "events 事件 时间:请给出该事件的日期(或日期时间),如 events document-issued 2026-03-02",
                "events EVENT WHEN: give the date (or date-time) of the event",
            )
        )
    when = parse_datetime(args.when)
    receipt = (
        ReceiptPolicy.AS_RECORDED if args.receipt_as_recorded else ReceiptPolicy.NEXT_WORKING_DAY
    )
    found = deadlines_for(
        args.event, when, sources=args.source, calendar=ctx.calendar(), receipt_policy=receipt
    )
    if console.as_json:
        console.emit_json(found.to_record(console.lang, explanation=True).model_dump(mode="json"))
        return EXIT_OK
    event = catalogue.event(args.event)
    console.line(
        console.style(
            f"{event.label(console.lang)}:{when.isoformat()}"
            if console.zh
            else f"{event.label('en')}: {when.isoformat()}",
            "bold",
        )
    )
    for source_id, items in found.by_source().items():
        source = catalogue.sources[source_id]
        console.line(f"[{source.cite(console.lang)}]")
        for item in items:
            assert item.rule is not None
            if item.unit.value == "hours":
                when_text = item.due_at.strftime("%Y-%m-%d %H:%M")
            else:
                when_text = item.due_date.isoformat()
            flag = " " + provisional_mark(console.lang) if item.provisional else ""
            console.line(
                f"  {console.style(when_text, 'green')}{flag}  {item.rule.id}  {item.rule.title(console.lang)}({item.period.text(console.lang)})"
                if console.zh
                else f"  {console.style(when_text, 'green')}{flag}  {item.rule.id}  {item.rule.title('en')} ({item.period.text('en')})"
            )
    # The library's policies that moved a date (a receipt on a rest day), named once each, as
    # `due` names them: the dates above are not the text's words alone.
    named: dict[str, None] = {}
    for item in found:
        for note in item.notes:
            if isinstance(note, ReceiptNote | PolicyNote):
                named.setdefault(note.text(console.lang))
    for text in named:
        console.line(text)
    for missing in found.not_computed:
        console.line(
            console.style(
                console.t(f"  未计算 {missing.rule.id}:", f"  not computed {missing.rule.id}: "),
                "yellow",
            )
            + missing.error.clerk_message(console.lang)
        )
    if not found and not found.not_computed:
        console.line(console.t("该事件没有引起任何期限。", "This event starts no deadline."))
    return EXIT_OK
