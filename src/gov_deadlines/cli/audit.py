"""``gov-deadlines audit``: the batch audit of OGI application cases from a CSV file or an
``.xlsx`` workbook."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from gov_deadlines.cli.app import Context, UsageError
from gov_deadlines.cli.output import (
    check_output,
    data_to_stdout,
    open_output,
    refuse_suffix,
    suffix,
)
from gov_deadlines.cli.progress import Progress, add_progress_option, progress_for
from gov_deadlines.cli.tables import add_input_options, check_xlsx_writer, is_workbook
from gov_deadlines.vocabulary import is_zh

if TYPE_CHECKING:
    from collections.abc import Iterator

    from gov_deadlines.cases import CsvAudit, LayoutError, RowResult, SheetAudit
    from gov_deadlines.cli.console import Console
    from gov_deadlines.outputs import Summary
    from gov_deadlines.textinput import DecodedInput

_RAW = argparse.RawDescriptionHelpFormatter
FORMATS = ("csv", "jsonl", "markdown", "form")
#: The output files each format is written to, by suffix; the first names the format's
#: default (``-o cases.jsonl`` writes JSON Lines, ``-o 明细.xlsx`` the per-case workbook). The
#: form is CSV in a ``.csv`` file, a workbook in an ``.xlsx`` file.
SUFFIXES = {
    "csv": (".csv", ".xlsx"),
    "jsonl": (".jsonl", ".ndjson"),
    "markdown": (".md", ".markdown", ".txt"),
    "form": (".csv", ".xlsx", ".md", ".markdown", ".txt"),
}
_BY_SUFFIX = {".csv": "csv", ".xlsx": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
_BY_SUFFIX[".md"] = "markdown"
_BY_SUFFIX.update({".markdown": "markdown", ".txt": "markdown"})


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    audit = subparsers.add_parser(
        "audit",
        parents=[parent],
        formatter_class=_RAW,
        help="批量核查依申请公开案件 / audit OGI application cases from a CSV file",
        description="逐件核查依申请公开案件的补正告知、延期和答复是否按时,输出明细或督察表。\n"
        "每一行输入对应一行输出;有误的行注明行号和原因,不中断核查。格式见 docs/audit.md。\n"
        "Audit each case's 补正 notice, extension and reply; one output row per input row,\n"
        "malformed rows reported with their line number. Layout: docs/audit.md.\n\n"
        "退出码 / exit codes: 0 全部按时或未到期 all fine; 1 有逾期 a duty is late;\n"
        "2 输入有误(含任一行数据有误,或缺少日历数据无法计算)bad input, including any\n"
        "malformed row or a case the calendar has no data for.",
        epilog="例 / examples:\n"
        "  gov-deadlines audit docs/audit-example.csv --as-of 2026-06-30\n"
        "  gov-deadlines audit cases.csv --format csv --output 核查明细.csv\n"
        "  gov-deadlines audit cases.csv --format form --output 督察表.csv\n"
        "  gov-deadlines audit cases.csv --due-within 5\n"
        "  gov-deadlines audit cases.csv --format jsonl --lang en --explain",
    )
    audit.add_argument(
        "file",
        metavar="FILE",
        help="案件CSV或.xlsx文件(- 表示标准输入的CSV)cases, CSV or .xlsx ('-': CSV on stdin)",
    )
    audit.add_argument(
        "--as-of", metavar="DATE", help="核查日(默认今天)the audit day (default: today, Beijing)"
    )
    audit.add_argument(
        "--format",
        choices=FORMATS,
        help="输出:csv 明细 / jsonl / markdown 汇总(默认)/ form 督察表 "
        "(default: from --output's suffix, else markdown)",
    )
    audit.add_argument("--output", "-o", metavar="FILE", help="写入文件(默认标准输出)write to FILE")
    audit.add_argument(
        "--encoding",
        metavar="NAME",
        help="输入编码(默认自动识别 UTF-8 / GB18030)input encoding (default: detect)",
    )
    add_input_options(audit)
    add_progress_option(audit)
    audit.add_argument(
        "--explain", action="store_true", help="jsonl:附每件的完整说明 include each explanation"
    )
    audit.add_argument(
        "--receipt-as-recorded",
        action="store_true",
        help="收到日为休息日时不顺延 keep a receipt dated on a rest day (default: next working day)",
    )
    audit.add_argument(
        "--warn-within",
        type=int,
        default=5,
        metavar="N",
        help="N个工作日内到期的提示(默认5)warn of duties due within N working days",
    )
    audit.add_argument("--responsible", default="", metavar="TEXT", help="督察表:整改责任主体")
    audit.add_argument("--materials-from", default="", metavar="TEXT", help="督察表:材料提供部门")
    audit.add_argument(
        "--email-receipt",
        choices=("confirmed", "mail-system"),
        default="confirmed",
        help="2019年条例下电子邮件申请的收到日:双方确认之日(默认,第三十一条第(三)项)/邮件系统接收之日"
        "(国办公开办函〔2015〕207号) e-mail under the 2019 条例: received on confirmation "
        "(default) or when the mail system receives it",
    )
    audit.add_argument(
        "--notice-date",
        choices=("made", "sent", "delivered"),
        default="sent",
        help="通知(补正告知、延期告知、答复)以哪天为准:作出/寄出(默认)/送达 "
        "which date of a notice counts when several are recorded (default sent)",
    )
    audit.add_argument(
        "--due-within",
        type=int,
        metavar="N",
        help="N个工作日内到期的案件:汇总中单列一节,csv/jsonl 只输出这些案件(最先到期的在前)"
        " / cases due within N working days: a section of the summary, a filter for csv/jsonl",
    )
    audit.set_defaults(handler=run_audit)


def _open_input(
    path: str, encoding: str | None, console: Console, progress: Progress | None
) -> DecodedInput:
    from gov_deadlines.textinput import DecodedInput

    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(
                console.t(
                    f"--encoding {encoding!r}:没有这种编码;常用的有 utf-8、gb18030、gbk",
                    f"--encoding {encoding!r}: unknown encoding (e.g. utf-8, gb18030, gbk)",
                )
            ) from None
    if path == "-":
        binary: Any = sys.stdin.buffer
        source = "<stdin>"
    else:
        binary = open(path, "rb")  # noqa: SIM115 - closed with the decoded input
        source = path
    if progress is not None:
        binary = progress.reading(binary)
    # Decoded strictly: a byte that does not decode stops the audit naming its line
    # (textinput), never a U+FFFD that would make a row look like bad data.
    return DecodedInput(binary, encoding=encoding, source=source)


def _summary_lines(summary: Summary, lang: str) -> list[str]:
    from gov_deadlines.outputs import RESULTS, result_label

    zh = is_zh(lang)
    parts = [
        f"{result_label(key, lang)} {summary.results[key]}"
        for key in RESULTS
        if summary.results[key]
    ]
    joined = (",".join(parts) if zh else ", ".join(parts)) or "—"
    as_of = summary.as_of.isoformat() if summary.as_of else "—"
    line = (
        f"核查{summary.rows}行(核查日{as_of}):{joined}。"
        if zh
        else f"Audited {summary.rows} rows (audit day {as_of}): {joined}."
    )
    if summary.provisional_rows:
        from gov_deadlines.outputs import provisional_note

        return [line, provisional_note(summary.provisional_rows, lang)]
    return [line]


def _format(ctx: Context) -> str:
    """The output format: --format, else from --output's suffix, else Markdown; a suffix
    the format cannot be written to is refused (exit 2)."""
    args, console = ctx.args, ctx.console
    fmt: str | None = args.format
    if not args.output:
        return fmt or "markdown"
    found = suffix(args.output)
    if fmt is None:
        if found and found not in _BY_SUFFIX:
            every = [s for suffixes in SUFFIXES.values() for s in suffixes]
            raise refuse_suffix(console, "--output", args.output, every, "audit")
        return _BY_SUFFIX.get(found, "markdown")
    if found and found not in SUFFIXES[fmt]:
        raise refuse_suffix(console, "--output", args.output, SUFFIXES[fmt], f"--format {fmt}")
    return fmt


def _csv_audit(ctx: Context, source: DecodedInput, name: str, **options: Any) -> CsvAudit:
    """The audit of a CSV input, its delimiter sniffed (or given with --delimiter)."""
    from gov_deadlines.cases import LayoutError, audit_csv
    from gov_deadlines.dialect import sniffed

    args = ctx.args
    delimiter, lines = sniffed(source, source=name, delimiter=args.delimiter)
    try:
        return audit_csv(lines, delimiter=delimiter, **options)
    except LayoutError as error:
        if args.encoding is None:
            raise
        # A wrong --encoding often decodes without error into a garbled header.
        raise LayoutError(
            f"{error.problem} (the file was read as {args.encoding}, as --encoding says: "
            "if it is in another encoding, its header cannot be recognised; run without "
            "--encoding to detect UTF-8 or GB18030)",
            f"{error.problem_zh}(文件按 --encoding 指定的{args.encoding}编码读取:若文件是其他"
            "编码,表头无法识别;去掉 --encoding 可自动识别UTF-8或GB18030)",
            columns=error.columns,
        ) from None


def _named(error: LayoutError, name: str) -> LayoutError:
    """``error`` with the file it is about named first, as the encoding errors name it."""
    from gov_deadlines.cases import LayoutError

    return LayoutError(
        f"{name}: {error.problem}", f"{name}:{error.problem_zh}", columns=error.columns
    )


def _write_text(
    ctx: Context,
    fmt: str,
    results: Iterable[RowResult],
    audit: Iterable[RowResult],
    summary: Summary,
    sink: TextIO | None,
) -> None:
    """Write the results as text: per-case CSV or JSON Lines of ``results`` (every row of
    ``audit``, or those --due-within keeps), the Markdown summary or the form of ``audit``."""
    from gov_deadlines.outputs import (
        form_note,
        form_rows,
        form_title,
        summarize,
        write_case_csv,
        write_form,
        write_jsonl,
    )

    args, lang = ctx.args, ctx.console.lang
    if fmt == "csv" and sink is not None:
        write_case_csv(results, sink, lang=lang, summary=summary)
    elif fmt == "jsonl" and sink is not None:
        write_jsonl(results, sink, lang=lang, explanation=args.explain, summary=summary)
    else:
        summarize(audit, summary=summary)
        if sink is not None and fmt == "markdown":
            sink.write(summary.markdown(lang))
            sink.write("\n")
        elif sink is not None:
            as_csv = bool(args.output) and suffix(args.output) == ".csv"
            rows = form_rows(
                summary, lang=lang, responsible=args.responsible, materials_from=args.materials_from
            )
            write_form(
                rows,
                sink,
                lang=lang,
                format="csv" if as_csv else "markdown",
                title=form_title(lang),
                note=form_note(summary, lang),
            )


def _write_workbook(
    ctx: Context,
    fmt: str,
    results: Iterable[RowResult],
    audit: Iterable[RowResult],
    summary: Summary,
) -> None:
    """Write the results as an .xlsx workbook: the per-case sheet of ``results`` and the
    summary, or the form of ``audit``."""
    from gov_deadlines.atomic import atomic_binary
    from gov_deadlines.outputs import (
        form_note,
        form_rows,
        form_title,
        summarize,
        write_audit_xlsx,
        write_form_xlsx,
    )

    args, lang = ctx.args, ctx.console.lang
    with atomic_binary(args.output) as stream:
        if fmt == "form":
            summarize(audit, summary=summary)
            rows = form_rows(
                summary, lang=lang, responsible=args.responsible, materials_from=args.materials_from
            )
            write_form_xlsx(
                rows,
                stream,
                lang=lang,
                title=form_title(lang),
                note=form_note(summary, lang),
                summary=summary,
            )
        else:
            write_audit_xlsx(results, stream, lang=lang, summary=summary)


def run_audit(ctx: Context) -> int:
    from gov_deadlines.cases import (
        AuditPolicy,
        LayoutError,
        NoticeDate,
        audit_xlsx,
        due_within_rows,
    )
    from gov_deadlines.catalogue import ReceiptPolicy
    from gov_deadlines.dates import parse_date, today
    from gov_deadlines.outputs import Summary

    args = ctx.args
    console = ctx.console
    lang = console.lang
    as_of = parse_date(args.as_of) if args.as_of else today()
    if args.warn_within < 0:
        raise UsageError(
            console.t(
                f"--warn-within {args.warn_within}:提前提醒的工作日数须为0或正整数",
                "--warn-within must be 0 or more working days",
            )
        )
    within: int | None = args.due_within
    if within is not None and within < 0:
        raise UsageError(
            console.t(
                f"--due-within {within}:到期的工作日数须为0或正整数",
                "--due-within must be 0 or more working days",
            )
        )
    fmt = _format(ctx)
    if within is not None and fmt == "form":
        raise UsageError(
            console.t(
                "--due-within 不能与 --format form 同用:督察表汇总全部案件,不按到期筛选;"
                "请用 markdown(汇总中单列一节)、csv 或 jsonl(只输出到期的案件)",
                "--due-within does not go with --format form: the supervision form sums up "
                "every case; use markdown (a section of the summary), csv or jsonl (only the "
                "cases due)",
            )
        )
    workbook_in = is_workbook(ctx, args.file)
    workbook_out = bool(args.output) and suffix(args.output) == ".xlsx"
    if workbook_out:
        check_xlsx_writer(console)
    if args.output:
        check_output(ctx, "--output", args.output, inputs=[args.file])
    policy = AuditPolicy(
        receipt=ReceiptPolicy.AS_RECORDED
        if args.receipt_as_recorded
        else ReceiptPolicy.NEXT_WORKING_DAY,
        warn_within=args.warn_within,
        notice_date=NoticeDate(args.notice_date),
        email_received_by_mail_system=args.email_receipt == "mail-system",
    )
    calendar = ctx.calendar()
    progress = progress_for(ctx)
    source: DecodedInput | None = None
    name = "<stdin>" if args.file == "-" else args.file
    try:
        audit: CsvAudit | SheetAudit
        try:
            if workbook_in:
                audit = audit_xlsx(
                    args.file,
                    sheet=args.sheet,
                    as_of=as_of,
                    calendar=calendar,
                    policy=policy,
                    progress=progress.rows if progress is not None else None,
                )
            else:
                source = _open_input(args.file, args.encoding, console, progress)
                audit = _csv_audit(
                    ctx, source, name, as_of=as_of, calendar=calendar, policy=policy
                )
                if progress is not None:
                    progress.lines = audit.reader
        except LayoutError as error:
            raise _named(error, name) from None
        summary = Summary(as_of, due_within=within)
        summary.ignored_columns = audit.ignored_columns
        results: Any = audit
        shown: int | None = None
        if within is not None and fmt in ("csv", "jsonl"):
            # Every row is counted in the summary (and the exit code); only the cases due
            # soon, and the rows that could not be read, are written.
            counted = summary

            def every_row() -> Iterator[RowResult]:
                for row in audit:
                    counted.add(row)
                    yield row

            results = due_within_rows(every_row(), within, as_of=as_of)
            summary.blank_rows = audit.blank_rows
            shown = len(results)
            summary = Summary(as_of)
        to_stdout = not args.output
        if workbook_out:
            _write_workbook(ctx, fmt, results, audit, summary)
        else:
            with contextlib.ExitStack() as stack:
                sink: TextIO | None
                if console.as_json and to_stdout:
                    sink = None  # --json: stdout carries the JSON summary only
                elif to_stdout and fmt in ("csv", "jsonl"):
                    sink = stack.enter_context(data_to_stdout(console))
                elif to_stdout:
                    sink = console.out
                else:
                    # Written beside the output file and renamed over it once complete.
                    sink = stack.enter_context(open_output(args.output))
                _write_text(ctx, fmt, results, audit, summary, sink)
    finally:
        if progress is not None:
            progress.finish()
        if source is not None:
            source.close()
    if shown is not None:
        summary = counted
    code = summary.exit_code()
    if console.as_json:
        payload = summary.to_record(lang).model_dump(mode="json")
        payload["format"] = fmt
        payload["output"] = args.output
        payload["exit_code"] = code
        console.emit_json(payload)
        return code
    lines = _summary_lines(summary, lang)
    if shown is not None:
        due = len(summary.due_soon)
        lines.append(
            console.t(
                f"按 --due-within {within} 筛选:输出{due}件{within}个工作日内到期的案件"
                f"(最先到期的在前)"
                + (f",另输出数据有误的{shown - due}行" if shown > due else "")
                + "。",
                f"Filtered by --due-within {within}: {due} case(s) due within {within} working "
                "days written (soonest first)"
                + (f", and {shown - due} malformed row(s)" if shown > due else "")
                + ".",
            )
        )
    if summary.blank_rows:
        lines.append(
            console.t(
                f"空行{summary.blank_rows}行,已跳过。",
                f"{summary.blank_rows} blank row(s) skipped.",
            )
        )
    if summary.doubtful:
        lines.append(
            console.t(
                f"有{summary.doubtful}件记录的日期存疑(晚于核查日或早于起算日),已在输出中提示。",
                f"{summary.doubtful} case(s) with doubtful dates (after the audit day or before "
                "the clock started), flagged in the output.",
            )
        )
    if summary.malformed:
        lines.append(
            console.t(
                f"有{summary.malformed}行数据有误,已在输出中注明行号和原因。",
                f"{summary.malformed} malformed row(s), reported with their line numbers in the output.",
            )
        )
    undetermined = summary.results["undetermined"]
    remedy = console.t(
        f"有{undetermined}件因缺少日历数据无法计算:请用 --calendar 载入所缺年份的国务院办公厅"
        "节假日安排通知,或加 --provisional 得到明确标注为临时的推算结果。",
        f"{undetermined} case(s) could not be computed for want of calendar data: load the "
        "missing year's State Council holiday notice with --calendar, or add --provisional "
        "for answers marked as provisional.",
    )
    if undetermined:
        lines.append(remedy)
    if to_stdout and fmt in ("csv", "jsonl"):
        for line in lines:  # stdout carries the data
            console.err.write(line + "\n")
    elif not to_stdout:
        for line in lines:
            console.line(line)
        console.line(console.t(f"已写入 {args.output}", f"Written to {args.output}"))
    elif undetermined:  # the summary on stdout counts them; the remedy goes with the exit code
        console.err.write(remedy + "\n")
    return code
