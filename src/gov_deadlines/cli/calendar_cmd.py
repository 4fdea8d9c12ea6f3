"""``gov-deadlines calendar import|show|diff``: a new year's notice, from its text to a checked file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gov_deadlines.cli.app import Context, UsageError
from gov_deadlines.cli.console import EXIT_OK

if TYPE_CHECKING:
    from gov_deadlines.calendar import LocalOverlay, NoticeReading, YearArrangement

_RAW = argparse.RawDescriptionHelpFormatter
EXAMPLE_NOTICE = "docs/examples/notice-2027-example.txt"
EXAMPLE_FILE = "docs/examples/2027-example.toml"


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    calendar = subparsers.add_parser(
        "calendar",
        formatter_class=_RAW,
        help="读入、查看、比较节假日安排通知 / read, show and compare a year's holiday notice",
        description="把国务院办公厅节假日安排通知的原文读成经过核对的日历文件,并显示、比较。\n"
        "Read the State Council holiday notice as published into a checked calendar file;\n"
        "draw it; compare it with the provisional year.\n\n"
        "  calendar import 通知.txt -o 2027.toml   读入并核对通知原文 read and check the text\n"
        "  calendar show 2027.toml                 十二个月的月历 twelve month calendars\n"
        "  calendar diff 2027.toml                 与临时推算相比的变化 what it changes",
        epilog="例 / examples:\n"
        f"  gov-deadlines calendar import {EXAMPLE_NOTICE}\n"
        f"  gov-deadlines calendar show {EXAMPLE_FILE}\n"
        f"  gov-deadlines calendar diff {EXAMPLE_FILE}",
    )
    actions = calendar.add_subparsers(dest="action", metavar="ACTION", required=True)

    reader = actions.add_parser(
        "import",
        parents=[parent],
        formatter_class=_RAW,
        help="读入通知原文 / read a notice's text",
        description="读入粘贴的通知全文(标题、文号、各节、落款),逐句核对后写成日历文件。\n"
        "Read the pasted notice (title, number, sections, signature), check every sentence,\n"
        "and write the project's calendar file (stdout unless -o).",
        epilog=f"例 / example:\n  gov-deadlines calendar import {EXAMPLE_NOTICE}",
    )
    reader.add_argument("notice", metavar="NOTICE.txt", help="通知文本(- 为标准输入)'-' for stdin")
    reader.add_argument("-o", "--output", metavar="FILE.toml", help="写入文件 write to FILE")
    reader.add_argument(
        "--year", type=int, metavar="YYYY", help="文本无标题时指明年份 the year, if no title"
    )
    reader.set_defaults(handler=run_import)

    show = actions.add_parser(
        "show",
        parents=[parent],
        formatter_class=_RAW,
        help="十二个月的月历 / the year as twelve month calendars",
        description="把日历文件的那一年画成十二个月的月历(休/班),以便与通知对照。\n"
        "Draw the file's year as twelve month calendars (休 rest, 班 make-up working day).",
        epilog=f"例 / example:\n  gov-deadlines calendar show {EXAMPLE_FILE}",
    )
    show.add_argument("file", metavar="FILE.toml")
    show.set_defaults(handler=run_show)

    diff = actions.add_parser(
        "diff",
        parents=[parent],
        formatter_class=_RAW,
        help="与临时推算(或已有数据)相比的变化 / what the file changes",
        description="列出载入该文件后改变的日子:与临时推算的年份(或已载入的官方数据)相比。\n"
        "The days the file changes, against the provisional year (or the official data).",
        epilog=f"例 / example:\n  gov-deadlines calendar diff {EXAMPLE_FILE}",
    )
    diff.add_argument("file", metavar="FILE.toml")
    diff.set_defaults(handler=run_diff)


# -- import ---------------------------------------------------------------------------------


def _read_text(name: str) -> str:
    import sys

    raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError(f"{name}: neither UTF-8 nor GB18030 text")


def _reading_json(reading: NoticeReading) -> dict[str, Any]:
    notice = reading.arrangement.notice
    assert notice is not None
    return {
        "year": reading.arrangement.year,
        "notice": {
            "title": notice.title,
            "number": notice.number,
            "published": notice.published.isoformat() if notice.published else None,
            "verified": notice.verified,
            "note": notice.note,
        },
        "missing": list(reading.missing),
        "sections": [
            {
                "heading": s.heading,
                "holiday": s.holiday.zh,
                "text": s.text,
                "days_off": [d.isoformat() for d in s.days_off],
                "workdays": [d.isoformat() for d in s.workdays],
            }
            for s in reading.sections
        ],
    }


def run_import(ctx: Context) -> int:
    import tomllib

    from gov_deadlines.calendar import arrangement_from_own, notice_toml, read_notice_sections
    from gov_deadlines.cli.output import check_output, data_to_stdout, open_output

    args, console = ctx.args, ctx.console
    if args.output:
        check_output(ctx, "-o", args.output, inputs=[args.notice], supported=(".toml",))
    source = "<stdin>" if args.notice == "-" else args.notice
    reading = read_notice_sections(_read_text(args.notice), args.year, source=source)
    text = notice_toml(reading)
    # The file must load back to exactly what was read: the writer and loader agree.
    loaded = arrangement_from_own(tomllib.loads(text), args.output or "<output>")
    arrangement = reading.arrangement
    if dict(loaded.days_off) != dict(arrangement.days_off) or dict(loaded.makeup_workdays) != dict(
        arrangement.makeup_workdays
    ):
        raise RuntimeError("the written calendar file does not load back to the notice read")
    if args.output:
        with open_output(args.output) as stream:
            stream.write(text)
    if console.as_json:
        payload = _reading_json(reading)
        payload["output"] = args.output
        if not args.output:
            payload["toml"] = text
        console.emit_json(payload)
        return EXIT_OK
    if not args.output:
        with data_to_stdout(console) as stream:
            stream.write(text)
        _warn_missing(ctx, reading)
        return EXIT_OK
    _summary(ctx, reading, args.output)
    return EXIT_OK


def _warn_missing(ctx: Context, reading: NoticeReading) -> None:
    if not reading.missing:
        return
    zh = {"title": "标题", "number": "文号", "published": "成文日期"}
    ctx.console.err.write(
        ctx.console.t(
            f"注意:文本缺少{'、'.join(zh[m] for m in reading.missing)},引用不完整"
            "(verified = false);请据中国政府网原文补全。\n",
            f"note: the text lacks {', '.join(reading.missing)}; the citation is incomplete "
            "(verified = false): complete it from the notice on www.gov.cn.\n",
        )
    )


def _summary(ctx: Context, reading: NoticeReading, output: str) -> None:
    console = ctx.console
    arrangement = reading.arrangement
    notice = arrangement.notice
    assert notice is not None
    console.line(
        console.t(f"已读取并核对:{notice.cite('zh')}", f"read and checked: {notice.cite('en')}")
    )
    for section in reading.sections:
        off = section.days_off[0].isoformat()
        if len(section.days_off) > 1:
            off += f"..{section.days_off[-1].isoformat()}"
        work = "、".join(d.isoformat() for d in section.workdays)
        line = console.t(f"  {section.heading}:放假 {off}", f"  {section.heading}: off {off}")
        if work:
            line += console.t(f";上班 {work}", f"; working {work}")
        console.line(line)
    console.line(
        console.t(
            f"已写入 {output}(放假{len(arrangement.days_off)}天,调休上班"
            f"{len(arrangement.makeup_workdays)}天)。使用:--calendar {output}",
            f"written to {output} ({len(arrangement.days_off)} days off, "
            f"{len(arrangement.makeup_workdays)} make-up working days). Use: --calendar {output}",
        )
    )
    _warn_missing(ctx, reading)


# -- show / diff ------------------------------------------------------------------------------


def _load(name: str) -> YearArrangement | LocalOverlay:
    """The file's arrangement of a year, or its local overlay (a file with ``[scope]``)."""
    from gov_deadlines.calendar import load_overlay, split_overlay_files

    national, local = split_overlay_files([name])
    return local[0] if local else load_overlay(national[0])


def _years(loaded: YearArrangement | LocalOverlay) -> list[int]:
    from gov_deadlines.calendar import YearArrangement

    return [loaded.year] if isinstance(loaded, YearArrangement) else sorted(loaded.years)


def run_show(ctx: Context) -> int:
    from gov_deadlines.cli.commands import run_cal

    loaded = _load(ctx.args.file)
    code = EXIT_OK
    for year in _years(loaded):
        namespace = argparse.Namespace(**vars(ctx.args))
        namespace.month = str(year)
        namespace.calendar = [*(ctx.args.calendar or []), ctx.args.file]
        namespace.replace_official = True  # a preview of the file, whatever is bundled
        code = max(code, run_cal(Context(namespace, ctx.console)))
    return code


def run_diff(ctx: Context) -> int:
    import datetime as dt

    from gov_deadlines.calendar import YearArrangement, weekday_name

    console = ctx.console
    if (extra := ctx.args.calendar) and ctx.args.file in extra:
        raise UsageError(
            console.t(
                f"{ctx.args.file} 不能同时用于 --calendar 和比较",
                f"{ctx.args.file} cannot be both loaded with --calendar and compared",
            )
        )
    loaded = _load(ctx.args.file)
    before = ctx.calendar().with_provisional()
    if isinstance(loaded, YearArrangement):
        after = before.with_arrangements(loaded, replace_official=True)
        known = before.arrangements().get(loaded.year)
        baseline = "official" if known is not None and not known.provisional else "provisional"
    else:
        after = before.with_local(loaded)
        baseline = "national"
    changes = []
    count_before = count_after = 0
    years = _years(loaded)
    for year in years:
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        for old, new in zip(before.days(first, last), after.days(first, last), strict=True):
            if old.kind != new.kind or old.holiday != new.holiday:
                changes.append((old, new))
        count_before += before.workdays_between(first - dt.timedelta(days=1), last)
        count_after += after.workdays_between(first - dt.timedelta(days=1), last)
    year_text = "、".join(str(y) for y in years)
    if console.as_json:
        console.emit_json(
            {
                "year": years[0] if len(years) == 1 else years,
                "file": ctx.args.file,
                "baseline": baseline,
                "workdays_before": count_before,
                "workdays_after": count_after,
                "changes": [
                    {
                        "date": old.date.isoformat(),
                        "before": old.kind.value,
                        "after": new.kind.value,
                        "holiday_zh": new.holiday.zh if new.holiday else None,
                    }
                    for old, new in changes
                ],
            }
        )
        return EXIT_OK
    baseline_text = {
        "official": console.t("已载入的官方数据", "the official data loaded"),
        "provisional": console.t(
            "临时推算(按放假办法,不含调休)", "the provisional year (statutory days, no 调休)"
        ),
        "national": console.t("全国统一安排", "the national arrangement"),
    }[baseline]
    console.line(
        console.t(
            f"{ctx.args.file}:{year_text}年,与{baseline_text}相比改变{len(changes)}天;"
            f"全年工作日 {count_before} → {count_after}",
            f"{ctx.args.file}: {year_text}, {len(changes)} days change against "
            f"{baseline_text}; working days in the year {count_before} → {count_after}",
        )
    )
    for old, new in changes:
        marker = console.style("+", "green") if new.is_workday else console.style("-", "red")
        # describe() is "date weekday kind…": keep the kind part of each side
        label_old = old.describe(console.lang).split(" ", 2)[2]
        label_new = new.describe(console.lang).split(" ", 2)[2]
        weekday = weekday_name(old.date, console.lang)
        console.line(f"  {marker} {old.date.isoformat()} {weekday} {label_old} → {label_new}")
    return EXIT_OK
