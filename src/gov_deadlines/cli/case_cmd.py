"""``gov-deadlines case``: one OGI application's clock at the clerk's terminal.

The case comes from options (``--channel 挂号信 --signed-for 2026-03-20 …``), from a small
JSON or TOML file shaped like :class:`~gov_deadlines.cases.Case`, or both (an option given
replaces the file's value). It is validated as a ``Case`` and audited by
:func:`~gov_deadlines.cases.audit_case` on ``--as-of`` (default today, Beijing): the due
date(s), each duty's status, the step-by-step explanation, and with ``--timeline`` the
case's months drawn as a calendar (:mod:`gov_deadlines.outputs.timeline`).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gov_deadlines.cli.app import Context, UsageError
from gov_deadlines.cli.console import EXIT_MISSED, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from gov_deadlines.cases import CaseVerdict
    from gov_deadlines.cli.console import Console

_RAW = argparse.RawDescriptionHelpFormatter

#: The options that set a field of the case: (option, field, help).
_DATE_OPTIONS = (
    (
        "--submitted",
        "submitted",
        "提交日期 the day the applicant submitted (handed in, posted, sent)",
    ),
    (
        "--signed-for",
        "signed_for",
        "签收日期(挂号信)registered post: the day the agency signed for it",
    ),
    (
        "--confirmed",
        "confirmed",
        "确认日期(平信/网络/传真)the day the agency confirmed with the applicant",
    ),
    ("--supplement-requested", "supplement_requested", "补正告知日期 correction asked for"),
    ("--supplement-received", "supplement_received", "补正到达日期 corrected application arrived"),
    ("--replied", "replied", "答复日期 the day of the reply"),
    # the record as case files hold it (issue 15; docs/audit.md, "One case: the record")
    ("--received", "received", "收到日期(渠道不明时)the date of receipt, channel unknown"),
    ("--email-received", "email_received", "邮件系统接收日期 e-mail: the mail system's receipt"),
    ("--supplement-made", "supplement_made", "补正告知作出日期 correction notice made"),
    ("--supplement-sent", "supplement_sent", "补正告知寄出日期 correction notice sent"),
    ("--supplement-delivered", "supplement_delivered", "补正告知送达日期 … delivered"),
    ("--reply-made", "reply_made", "答复作出(落款)日期 reply made"),
    ("--reply-sent", "reply_sent", "答复寄出(交邮)日期 reply sent"),
    ("--reply-delivered", "reply_delivered", "答复送达日期 reply delivered"),
)
_EXTENSION_OPTIONS = (
    ("--extension-approved", "approved", "延期批准日期 extension approved"),
    ("--extension-told", "told", "延期告知日期 extension told to the applicant"),
    ("--extension-days", "workdays", "延期工作日(默认最长)extension length in working days"),
    ("--extension-made", "made", "延期告知作出日期 extension notice made"),
    ("--extension-sent", "sent", "延期告知寄出日期 extension notice sent"),
    ("--extension-delivered", "delivered", "延期告知送达日期 extension notice delivered"),
)
#: The command-line option of each field, to name it in an error.
OPTION_OF = {
    "case_id": "--case-id",
    "channel": "--channel",
    **{name: option for option, name, _ in _DATE_OPTIONS},
    "consultations": "--consult",
    "consultation_sent": "--consult",
    "consultation_answered": "--consult",
    "sent": "--consult",
    "answered": "--consult",
    "party": "--consult",
    "extension": "--extension-approved",
    "extension_approved": "--extension-approved",
    "extension_told": "--extension-told",
    "extension_days": "--extension-days",
    "approved": "--extension-approved",
    "told": "--extension-told",
    "workdays": "--extension-days",
    "extension_made": "--extension-made",
    "extension_sent": "--extension-sent",
    "extension_delivered": "--extension-delivered",
    "made": "--extension-made",
    "delivered": "--extension-delivered",
    "signed_by": "--signed-by",
    "receipt_disputed": "--disputed",
}


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    case = subparsers.add_parser(
        "case",
        parents=[parent],
        formatter_class=_RAW,
        help="单个依申请公开案件的期限 / one OGI application's clock",
        description="计算单个依申请公开案件的补正告知、延期和答复期限,按核查日判断是否按时,\n"
        "并逐步说明依据。案件可由选项给出,或由 JSON/TOML 文件给出(选项优先)。\n"
        "One application's due dates, their status on the audit day, and each step.\n"
        "The case comes from options or a JSON/TOML file (options win). Layout: docs/audit.md.\n\n"
        "退出码 / exit codes: 0 按时或未到期 fine; 1 有逾期 a duty is late or overdue;\n"
        "2 输入有误,或缺少日历数据无法计算 bad input, or no calendar data for the case.",
        epilog="例 / examples:\n"
        "  gov-deadlines case --channel 挂号信 --submitted 2026-03-18 --signed-for 2026-03-20 "
        "--consult 2026-04-01:2026-04-10 --replied 2026-04-28\n"
        "  gov-deadlines case --channel 当面 --submitted 2026-05-25 --as-of 2026-06-30 --timeline\n"
        "  gov-deadlines case docs/examples/case-example.toml --lang en",
    )
    case.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="案件文件(.json 或 .toml,字段同 Case)a case file shaped like Case",
    )
    case.add_argument("--case-id", metavar="TEXT", help="编号 the case's number")
    case.add_argument(
        "--channel",
        metavar="CHANNEL",
        help="渠道:当面/挂号信/平信/网络/传真/电子邮件 "
        "(in_person/registered_post/ordinary_letter/internet/fax/email)",
    )
    for option, _, text in _DATE_OPTIONS:
        case.add_argument(option, metavar="DATE", help=text)
    case.add_argument(
        "--signed-by",
        metavar="WHO",
        help="签收人(挂号信):政府信息公开工作机构 / 门卫、收发室(代签,以确认日期为收到日)"
        " who signed for the letter: ogi_office / other (then --confirmed counts)",
    )
    case.add_argument(
        "--disputed",
        action="append",
        metavar="DATE",
        help="争议收到日期(可重复):另一个候选收到日,分别计算 another candidate date of receipt",
    )
    case.add_argument(
        "--email-receipt",
        choices=("confirmed", "mail-system"),
        default="confirmed",
        help="2019年条例下电子邮件申请的收到日:双方确认之日(默认,第三十一条第(三)项)/邮件系统接收之日"
        "(国办公开办函〔2015〕207号) e-mail under the 2019 条例: received on confirmation "
        "(default) or when the mail system receives it",
    )
    case.add_argument(
        "--notice-date",
        choices=("made", "sent", "delivered"),
        default="sent",
        help="通知以哪天为准:作出/寄出(默认)/送达 which date of a notice counts (default sent)",
    )
    case.add_argument(
        "--consult",
        action="append",
        metavar="[PARTY:]SENT[:ANSWERED]",
        help="征求意见(可重复):发出日期:答复日期,对象默认第三方,如 2026-04-01:2026-04-10、"
        "其他机关:2026-05-20;只写对象(第三方)表示日期不明 / a consultation (repeatable), "
        "e.g. agency:2026-05-20:2026-06-02; a party alone: dates unknown",
    )
    for option, _, text in _EXTENSION_OPTIONS:
        if option == "--extension-days":
            case.add_argument(option, metavar="N", type=int, help=text)
        else:
            case.add_argument(option, metavar="DATE", help=text)
    case.add_argument(
        "--as-of", metavar="DATE", help="核查日(默认今天)the audit day (default: today, Beijing)"
    )
    case.add_argument(
        "--receipt-as-recorded",
        action="store_true",
        help="收到日为休息日时不顺延 keep a receipt dated on a rest day (default: next working day)",
    )
    case.add_argument(
        "--warn-within",
        type=int,
        default=5,
        metavar="N",
        help="N个工作日内到期的提示(默认5)warn of duties due within N working days",
    )
    case.add_argument(
        "--timeline",
        action="store_true",
        help="以月历显示案件经过 draw the case's months as a calendar",
    )
    case.set_defaults(handler=run_case)


def _read_file(path: str, console: Console) -> dict[str, Any]:
    from gov_deadlines.documents import DocumentProblem, parse_document

    suffix = os.path.splitext(path)[1].lower()
    if suffix not in (".json", ".toml"):
        raise UsageError(
            console.t(
                f"{path}:案件文件应为 .json 或 .toml 文件",
                f"{path}: a case file is a .json or .toml file",
            )
        )
    with open(path, "rb") as stream:
        raw = stream.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise UsageError(
            console.t(
                f"{path}:不是UTF-8编码的文本(第{line}行)",
                f"{path}: not UTF-8 text (line {line})",
            )
        ) from None
    try:
        data = parse_document(text, as_json=suffix == ".json")
    except DocumentProblem as problem:
        where = f" ({problem.entry})" if problem.entry else ""
        where_zh = f"({problem.entry.replace('line ', '第')}行)" if problem.entry else ""
        raise UsageError(
            console.t(
                f"{path}{where_zh}:无法读取:{problem.problem_zh}",
                f"{path}{where}: cannot be read: {problem.problem}",
            )
        ) from None
    if not isinstance(data, dict):
        raise UsageError(
            console.t(
                f"{path}:案件文件应为一个对象(键值对),字段同 Case(见 docs/audit.md)",
                f"{path}: a case file holds one object (keys and values) shaped like Case "
                "(docs/audit.md)",
            )
        )
    return data


def _consultation(text: str, console: Console) -> dict[str, Any]:
    from gov_deadlines.cases import Party

    parts = [part.strip() for part in text.split(":")]
    item: dict[str, Any] = {}
    if parts and parts[0]:
        try:
            item["party"] = Party.parse(parts[0])
            parts = parts[1:]
        except ValueError:
            pass
    if "party" in item and (not parts or parts == [""]):
        return item  # a consultation known to have happened, its dates not recorded
    if not parts or not parts[0] or len(parts) > 2:
        raise UsageError(
            console.t(
                f"--consult {text!r}:应写作 发出日期[:答复日期],可在前面加对象,如 "
                "2026-04-01:2026-04-10、其他机关:2026-05-20(日期不带时刻)",
                f"--consult {text!r}: write SENT[:ANSWERED], optionally after the party, e.g. "
                "2026-04-01:2026-04-10 or agency:2026-05-20 (dates without a time)",
            )
        )
    item["sent"] = parts[0]
    if len(parts) == 2 and parts[1]:
        item["answered"] = parts[1]
    return item


def case_mapping(ctx: Context) -> dict[str, Any]:
    """The case as a mapping shaped like ``Case``: the file's, with the options over it."""
    args, console = ctx.args, ctx.console
    data: dict[str, Any] = _read_file(args.file, console) if args.file else {}
    if args.case_id is not None:
        data["case_id"] = args.case_id
    if args.channel is not None:
        data["channel"] = args.channel
    for option, name, _ in _DATE_OPTIONS:
        value = getattr(args, option[2:].replace("-", "_"))
        if value is not None:
            data[name] = value
    if args.consult:
        data["consultations"] = [_consultation(text, console) for text in args.consult]
    if args.signed_by is not None:
        data["signed_by"] = args.signed_by
    if args.disputed:
        data["receipt_disputed"] = list(args.disputed)
    extension: dict[str, Any] | None = None
    for option, name, _ in _EXTENSION_OPTIONS:
        value = getattr(args, option[2:].replace("-", "_"))
        if value is not None:
            if extension is None:
                found = data.get("extension")
                extension = dict(found) if isinstance(found, Mapping) else {}
            extension[name] = value
    if extension is not None:
        data["extension"] = extension
    if "channel" not in data and "received" not in data:
        raise UsageError(
            console.t(
                "缺少渠道:请用 --channel 给出(当面/挂号信/平信/网络/传真/电子邮件),或用 --received"
                " 给出收到日期,或在案件文件中写 channel",
                "no channel: give --channel (in_person/registered_post/ordinary_letter/internet/"
                "fax/email, or 当面/挂号信/平信/网络/传真/电子邮件), or the date of receipt with "
                "--received, or channel in the case file",
            )
        )
    return data


def _headline(verdict: CaseVerdict, console: Console) -> str:
    from gov_deadlines.calendar import weekday_name
    from gov_deadlines.vocabulary import provisional_mark

    reply = verdict.reply
    day = reply.due_date
    due = "—"
    if day is not None:
        due = console.t(
            f"{day.isoformat()}({weekday_name(day, 'zh')})24时",
            f"{day.isoformat()} ({weekday_name(day, 'en')}) 24:00",
        )
        if reply.provisional:
            due += " " + provisional_mark(console.lang)
    status = reply.status_text(console.lang)
    text = console.t(f"答复期限:{due} · {status}", f"Reply due: {due} · {status}")
    if verdict.late:
        colour = "red"
    elif verdict.result == "ok":
        colour = "green"
    else:
        colour = "yellow"
    return console.style(text, "bold", colour)


def _missing_reply_note(verdict: CaseVerdict, given: bool, console: Console) -> str | None:
    """Issue 15, point 8: a case with no reply is judged on the audit day, and says so."""
    if verdict.facts.replied is not None or verdict.as_of is None:
        return None
    day = verdict.as_of.isoformat()
    status = verdict.reply.status_text(console.lang)
    if given:
        return console.t(
            f"未记录答复日期:按核查日{day}判断为“{status}”。若已答复,请用 --replied 给出答复日期。",
            f"No reply date recorded: judged on the audit day {day} as “{status}”. If it was "
            "answered, give --replied.",
        )
    return console.t(
        f"未记录答复日期:按今天({day})判断为“{status}”。若已答复,请用 --replied 给出答复日期;"
        "核查过去某日的情况,请用 --as-of 指定核查日。",
        f"No reply date recorded: judged as of today ({day}) as “{status}”. If it was answered, "
        "give --replied; to judge it as of another day, give --as-of.",
    )


#: pydantic's words in a case's error, for a clerk reading Chinese.
_PYDANTIC_ZH = (
    ("Extra inputs are not permitted", "不是案件的字段(字段见 docs/audit.md)"),
    ("Field required", "缺少该项"),
    ("Input should be a valid integer", "应为整数"),
    ("Input should be greater than or equal to 1", "应为不小于1的整数"),
)
_PYDANTIC_EN = (("Extra inputs are not permitted", "not a field of a case (see docs/audit.md)"),)


def _clerk_text(message: str, console: Console) -> str:
    for english, plain in _PYDANTIC_ZH if console.zh else _PYDANTIC_EN:
        message = message.replace(english, plain)
    return message


def run_case(ctx: Context) -> int:
    from gov_deadlines.cases import (
        AuditPolicy,
        CaseError,
        CaseResult,
        NoticeDate,
        audit_case,
        parse_case,
    )
    from gov_deadlines.catalogue import ReceiptPolicy
    from gov_deadlines.dates import parse_date, today
    from gov_deadlines.outputs import case_timeline, render_timeline

    args, console = ctx.args, ctx.console
    if args.warn_within < 0:
        raise UsageError(
            console.t(
                f"--warn-within {args.warn_within}:提前提醒的工作日数须为0或正整数",
                "--warn-within must be 0 or more working days",
            )
        )
    given = args.as_of is not None
    as_of = parse_date(args.as_of) if given else today()
    data = case_mapping(ctx)
    try:
        case = parse_case(data)
    except CaseError as error:
        parts = (error.field or "").split(".")
        option = OPTION_OF.get(parts[-1]) or OPTION_OF.get(parts[0], "")
        source = (
            console.t(f"(命令行选项 {option} 或案件文件)", f" (option {option} or the case file)")
            if option
            else ""
        )
        raise UsageError(_clerk_text(error.message(console.lang), console) + source) from None
    policy = AuditPolicy(
        receipt=ReceiptPolicy.AS_RECORDED
        if args.receipt_as_recorded
        else ReceiptPolicy.NEXT_WORKING_DAY,
        warn_within=args.warn_within,
        notice_date=NoticeDate(args.notice_date),
        email_received_by_mail_system=args.email_receipt == "mail-system",
    )
    verdict = audit_case(case, as_of=as_of, calendar=ctx.calendar(), policy=policy)
    undetermined = verdict.result is CaseResult.UNDETERMINED
    # No answer for want of calendar data: `due` refuses the same question with 2.
    code = EXIT_USAGE if undetermined else EXIT_MISSED if verdict.late else EXIT_OK
    note = _missing_reply_note(verdict, given, console)
    if console.as_json and undetermined:
        # Exit 2 with --json is an error object (docs/cli.md), as `due` prints for it.
        reasons = [f.text(console.lang) for f in verdict.problems if f.code == "calendar"]
        message = "\n".join(reasons) or verdict.summary(console.lang)
        console.error(message)
        console.emit_json({"error": {"type": "CalendarCoverageError", "message": message}})
        return code
    if console.as_json:
        payload = verdict.to_record(console.lang, explanation=True).model_dump(mode="json")
        payload["as_of_given"] = given
        payload["note"] = note
        payload["timeline"] = (
            render_timeline(case_timeline(verdict), console.lang) if args.timeline else None
        )
        console.emit_json(payload)
        return code
    console.line(_headline(verdict, console))
    for duty in verdict.duties:
        console.line("  " + duty.summary(console.lang))
    for finding in verdict.warnings:  # what is missing or disputed, before the details
        console.line(
            console.style(console.t("提示:", "Warning: ") + finding.text(console.lang), "yellow")
        )
    if note:
        console.line(console.style(note, "yellow"))
    console.line()
    if args.timeline:
        console.out.write(
            render_timeline(case_timeline(verdict), console.lang, style=console.style)
        )
        console.line()
    for line in verdict.explain_lines(console.lang):
        console.line(line)
    return code
