"""The explanation of a case's audit, step by step, in Chinese or English.

:func:`explain_lines` renders what :meth:`CaseVerdict.explain
<gov_deadlines.cases.verdict.CaseVerdict.explain>` shows: the receipt by channel (quoting
art. 31 of the 2019 条例, from ``data/statutes/``), the version that applies, the 补正 notice, then
the reply clock step by step — the start, the N working days, each consultation's excluded
days (quoting art. 34 for another agency), the extension, the due date
with the rest days skipped — each duty's verdict, the remaining findings, and the calendar
data used. The texts are rendered only on demand: the batch audit never builds them unless
asked for (``--explain``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gov_deadlines.calendar.day import DayKind
from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.cases.duties import (
    Duty,
    DutyKind,
    Finding,
    day_text,
    workdays_or_none,
)
from gov_deadlines.cases.model import Channel, Party, field_label
from gov_deadlines.catalogue.policies import default_policies
from gov_deadlines.catalogue.statutes import ReceiptClause, statute
from gov_deadlines.counting import describe_run, rest_runs
from gov_deadlines.counting.conventions import ARTICLES
from gov_deadlines.dates import iso_date
from gov_deadlines.errors import CalendarCoverageError
from gov_deadlines.vocabulary import Status, is_zh

if TYPE_CHECKING:
    from gov_deadlines.cases.verdict import CaseVerdict

__all__ = ["RECEIPT_STATUTE", "explain_lines", "receipt_clause"]


# -- the words of the articles not held in the rules (data/statutes/, read on demand) ---------

#: The statute whose art. 31 (receipt by channel) and art. 34 (another agency consulted) the
#: explanation quotes; the 2008 条例 has no counterpart of art. 31 and is read by analogy
#: (policy receipt-by-channel-for-2008-cases).
RECEIPT_STATUTE = "ogi-2019"


def receipt_clause(channel: Channel) -> ReceiptClause:
    """The item of art. 31 that fixes ``channel``'s receipt day, with its words (from data)."""
    return statute(RECEIPT_STATUTE).receipts[channel.value]


#: The article the receipt day's not counting rests on, cited as the counting conventions
#: quote it (gov_deadlines.counting.conventions.ARTICLES).
_ART_201_ZH = ARTICLES["201"].partition(":")[0]
_ART_201_EN = "Civil Code art. 201"

# -- the explanation ----------------------------------------------------------------------------


def _skipped_lines(cal: WorkCalendar, after: dt.date, through: dt.date, lang: str) -> list[str]:
    zh = is_zh(lang)
    try:
        notable = cal.notable_days(after, through)
    except CalendarCoverageError:
        return []
    rest = [d for d in notable if not d.is_workday]
    makeup = [d for d in notable if d.kind is DayKind.MAKEUP_WORKDAY]
    lines: list[str] = []
    if rest:
        lines.append(
            "   其间以下日期不是工作日,不计入:" if zh else "   These days are not working days:"
        )
        lines.extend(f"     - {describe_run(run, lang)}" for run in rest_runs(rest))
    if makeup:
        lines.append(
            "   以下为调休上班日,计为工作日:"
            if zh
            else "   These are make-up working days and count:"
        )
        lines.extend(f"     - {describe_run(run, lang)}" for run in rest_runs(makeup))
    return lines


def _policy_line(name: str, lang: str, indent: str = "   ") -> str:
    """The line naming a policy of the library that decided a date (data/policies.toml)."""
    return indent + default_policies()[name].line(lang)


def _judged_line(duty: Duty, lang: str) -> str:
    zh = is_zh(lang)
    if duty.status is Status.UNDETERMINED:
        return "   结论:无法计算(见下方说明)。" if zh else "   Verdict: undetermined (see below)."
    if duty.status is Status.WAITING:
        return (
            "   结论:期限未起算或暂停,暂无截止日期。"
            if zh
            else "   Verdict: the clock is not running; no due date yet."
        )
    done = ""
    if duty.done_on is not None:
        done = (
            f"完成日期{day_text(duty.done_on, lang)}:"
            if zh
            else f"Done {day_text(duty.done_on, lang)}: "
        )
    elif duty.status is not Status.PENDING or duty.remaining_workdays is not None:
        done = "未记录完成:" if zh else "Not recorded as done: "
    return (
        f"   结论:{done}{duty.status_text(lang)}。"
        if zh
        else f"   Verdict: {done}{duty.status_text(lang)}."
    )


#: Findings on how the receipt was read, shown in the receipt's step (the record's own,
#: issue 15, besides the clock's), and the policy each one names.
_RECEIPT_CODES = frozenset(
    {
        "receipt_assumed",
        "receipt_moved",
        "received_recorded",
        "signed_by_other",
        "confirmation_missing",
        "email_receipt",
        "email_confirmed",
        "email_confirmation_missing",
    }
)
_RECEIPT_POLICIES = {
    "receipt_assumed": "receipt-assumed-from-another-recorded-date",
    "receipt_moved": "rest-day-receipt-next-working-day",
    "signed_by_other": "guard-signed-letter-received-on-confirmation",
    "confirmation_missing": "guard-signed-letter-received-on-confirmation",
}


def _receipt_basis(v: CaseVerdict, lang: str) -> list[str]:
    """The rule of the receipt: art. 31's item for the channel (quoted), 207号 for e-mail
    (through its policy, whose basis quotes it), or the record's own date of receipt."""
    zh = is_zh(lang)
    texts = statute(RECEIPT_STATUTE)
    article = (
        f"   原文(第三十一条):“{texts.article('第三十一条')}”"
        if zh
        else f"   Quoted (art. 31): “{texts.article('第三十一条')}”"
    )
    if v.receipt_field == "received":
        return [
            "   依据:案件记录的收到日期(收到申请之日已由记录确定,不按递交渠道推定)。"
            if zh
            else "   Rule: the date of receipt the record gives (fixed by the record, not "
            "derived from the channel).",
        ]
    if (
        v.channel is Channel.EMAIL
        and not v.reply_version.receipt_by_analogy
        and (v.receipt_field == "confirmed" or v.receipt_assumed)
    ):
        # The 2019 条例 without the 207号 option: e-mail is an internet channel (art. 31(三)).
        internet = texts.receipts.get(Channel.INTERNET.value)
        if internet is not None:
            policy = default_policies()["email-received-by-the-mail-system"]
            line = (
                f"   依据:{texts.title_zh}{internet.clause}:“{internet.quote}”"
                "(电子邮件为互联网渠道)。"
                if zh
                else f"   Rule: {texts.title_en}, {internet.clause_en}: received on "
                f"{internet.quote_en} (e-mail is an internet channel)."
            )
            return [line, "   " + policy.line(lang), article]
    if v.channel is Channel.EMAIL:
        policy = default_policies()["email-received-by-the-mail-system"]
        return [
            "   " + policy.line(lang),
            ("   理由:" if zh else "   Basis: ") + (policy.basis_zh if zh else policy.basis_en),
            article,
        ]
    clause = texts.receipts.get(v.channel.value)
    if clause is None:  # channel unknown, and no date of receipt recorded
        return [
            "   依据:渠道不明,无法按第三十一条确定收到申请之日;按记录的日期假定。"
            if zh
            else "   Rule: the channel is unknown, so art. 31 cannot fix the receipt; a recorded "
            "date is assumed.",
            article,
        ]
    if zh:
        return [f"   依据:{texts.title_zh}{clause.clause}:“{clause.quote}”。", article]
    return [
        f"   Rule: {texts.title_en}, {clause.clause_en}: received on {clause.quote_en}.",
        article,
    ]


def explain_lines(v: CaseVerdict, lang: str = "zh") -> list[str]:
    """The explanation of a verdict, line by line (what :meth:`CaseVerdict.explain` joins)."""
    zh = is_zh(lang)
    f, cal, ver = v.facts, v.calendar, v.reply_version
    lines: list[str] = []
    name = v.case_id or ("(无编号)" if zh else "(no id)")
    how = "渠道不明" if v.channel is Channel.UNKNOWN else f"{v.channel.label()}提交"
    lines.append(
        f"案件 {name}:{how},适用{ver.label}年条例。"
        if zh
        else f"Case {name}: channel {v.channel.label('en')}; the {ver.label} 条例 applies."
    )
    if v.as_of is not None:
        lines.append(
            f"核查日:{day_text(v.as_of, lang)}。"
            if zh
            else f"Audit day: {day_text(v.as_of, lang)}."
        )

    # 1. receipt
    lines.append("一、收到申请日" if zh else "1. Date of receipt")
    lines.extend(_receipt_basis(v, lang))
    if ver.receipt_by_analogy:
        lines.append(
            "   2008年条例未规定各渠道的收到日,参照2019年条例第三十一条确定。"
            if zh
            else "   The 2008 条例 fixes no receipt date by channel; art. 31 of the 2019 条例 is "
            "applied by analogy."
        )
        lines.append(_policy_line("receipt-by-channel-for-2008-cases", lang))
    recorded = day_text(v.recorded_receipt_date, lang)
    if v.receipt_assumed:
        lines.append(
            f"   记录的日期:{field_label(v.receipt_field)}{recorded}(假定为收到申请之日)。"
            if zh
            else f"   Recorded: {field_label(v.receipt_field, 'en')} {recorded} (assumed to be "
            "the receipt)."
        )
    else:
        lines.append(
            f"   记录的日期:{field_label(v.receipt_field)}{recorded}。"
            if zh
            else f"   Recorded: {field_label(v.receipt_field, 'en')} {recorded}."
        )
    for finding in v.findings:
        if finding.code in _RECEIPT_CODES:
            lines.append(f"   {finding.text(lang)}")
        if finding.code in _RECEIPT_POLICIES:
            lines.append(_policy_line(_RECEIPT_POLICIES[finding.code], lang))
    makeup = ""
    try:
        if cal.day_info(v.receipt_date).kind is DayKind.MAKEUP_WORKDAY:
            makeup = ",调休上班日,是工作日" if zh else ", a make-up working day (调休上班)"
    except CalendarCoverageError:
        pass
    lines.append(
        f"   收到申请日:{day_text(v.receipt_date, lang)}{makeup}。"
        if zh
        else f"   Date of receipt: {day_text(v.receipt_date, lang)}{makeup}."
    )

    # 2. version
    reply_rule = ver.reply
    src = reply_rule.source
    lines.append("二、适用版本" if zh else "2. Version")
    boundary = iso_date(ver.boundary)
    # On or after the boundary: the version that starts there; before it: the one ending.
    after = ver.boundary == ver.start
    if zh:
        side = "不早于" if after else "早于"
        lines.append(
            f"   收到申请日{iso_date(v.receipt_date)}{side}{boundary}({ver.boundary_source.title}施行日),适用"
            f"{src.cite('zh')}:答复期限{ver.n}个工作日,延期最长{ver.ext_cap}个工作日"
            f"(规则 {reply_rule.id})。"
        )
    else:
        side = "on or after" if after else "before"
        lines.append(
            f"   Received {iso_date(v.receipt_date)}, {side} {boundary} (entry into force of the "
            f"{ver.boundary_source.title_en}): {src.cite('en')} applies — reply within {ver.n} "
            "working days, extension "
            f"at most {ver.ext_cap} (rule {reply_rule.id})."
        )

    number = 3
    section = ("三", "四", "五", "六")
    # 3. 补正 notice
    sup = v.duty(DutyKind.SUPPLEMENT_NOTICE)
    if f.supplement_requested is not None:
        lines.append(
            f"{section[number - 3]}、补正告知" if zh else f"{number}. Request for correction (补正)"
        )
        number += 1
        if sup is not None and ver.supplement is not None:
            lines.extend(f"   {line}" for line in ver.supplement.citation_lines(lang))
            if sup.due_date is not None:
                lines.append(
                    f"   期限:收到申请日{iso_date(v.receipt_date)}不计入,第{ver.supplement_n}个工作日为"
                    f"{day_text(sup.due_date, lang)},至该日24时止。"
                    if zh
                    else f"   Limit: the receipt day {iso_date(v.receipt_date)} does not count; the "
                    f"{ver.supplement_n}th working day is {day_text(sup.due_date, lang)}, until 24:00."
                )
                lines.extend(_skipped_lines(cal, v.receipt_date, sup.due_date, lang))
            if sup.done_on is not None:
                lines.append(_policy_line("notice-counts-on-the-recorded-day", lang))
            lines.append(_judged_line(sup, lang))
        else:
            lines.append(f"   {Finding('supplement_no_limit', (ver.label,)).text(lang)}")
            lines.append(
                f"   补正告知日期:{day_text(f.supplement_requested, lang)}。"
                if zh
                else f"   Correction asked for on {day_text(f.supplement_requested, lang)}."
            )

    # 4. reply
    reply = v.reply
    lines.append(f"{section[number - 3]}、答复" if zh else f"{number}. Reply")
    lines.extend(f"   {line}" for line in reply_rule.citation_lines(lang))
    step = 1
    start = v.clock_start
    if f.supplement_requested is not None:
        if f.supplement_received is None:
            lines.append(
                f"   {step}. {Finding('awaiting_supplement', (f.supplement_requested,)).text(lang)}"
            )
            lines.append(_judged_line(reply, lang))
            return _tail(v, lines, lang)
        passage = statute(RECEIPT_STATUTE).passages["reply-from-corrected-application"]
        lines.append(
            f"   {step}. 起算日:收到补正的申请之日{day_text(start, lang)}"
            f"({passage.clause}:{passage.text}),当日不计入。"
            if zh
            else f"   {step}. Start: the day the corrected application arrived, {day_text(start, lang)} "
            f"(art. 30: {passage.text_en}); that day does not count."
        )
        for finding in v.findings:
            if finding.code == "supplement_moved":
                lines.append(f"      {finding.text(lang)}")
                lines.append(_policy_line("rest-day-receipt-next-working-day", lang, "      "))
    else:
        lines.append(
            f"   {step}. 起算日:收到申请日{day_text(start, lang)},当日不计入,自次日起算({_ART_201_ZH})。"
            if zh
            else f"   {step}. Start: the date of receipt, {day_text(start, lang)}; that day does not "
            f"count, counting starts the next day ({_ART_201_EN})."
        )
    step += 1
    if start is None or (reply.status is Status.WAITING and v.base_due_date is None):
        for finding in v.findings:
            if finding.code == "consult_waiting":
                lines.append(f"   {step}. {finding.text(lang)}")
        lines.append(_judged_line(reply, lang))
        return _tail(v, lines, lang)
    try:
        plain = cal.add_workdays(start, ver.n)
    except CalendarCoverageError:
        lines.append(_judged_line(reply, lang))
        return _tail(v, lines, lang)
    lines.append(
        f"   {step}. {ver.n}个工作日:第{ver.n}个工作日为{day_text(plain, lang)}。"
        if zh
        else f"   {step}. {ver.n} working days: the {ver.n}th working day is {day_text(plain, lang)}."
    )
    step += 1
    if f.consultations:
        excluded_zh, excluded_en = v.record.clock.versions.excluded_citation
        lines.append(
            f"   {step}. 征求意见所需时间不计入答复期限({excluded_zh}):"
            if zh
            else f"   {step}. Consultation time does not count ({excluded_en}):"
        )
        step += 1
        for span in v.spans:
            low = max(span.sent, start)
            count = workdays_or_none(cal, low, span.end) if span.end > low else 0
            answered = (
                (f"{iso_date(span.answered)}答复" if zh else f"answered {iso_date(span.answered)}")
                if span.answered
                else ("未记录答复" if zh else "no answer recorded")
            )
            cap = ("(封顶)" if zh else " (capped)") if span.capped else ""
            lines.append(
                f"      - {span.party.label()}:{iso_date(span.sent)}发出,{answered};"
                f"({iso_date(low)}, {iso_date(span.end)}]内{count}个工作日{cap}。"
                if zh
                else f"      - {span.party.label('en')}: sent {iso_date(span.sent)}, {answered}; "
                f"{count} working day(s) in ({iso_date(low)}, {iso_date(span.end)}]{cap}."
            )
        if ver.consult is not None:
            lines.extend(f"      {line}" for line in ver.consult.citation_lines(lang))
            if any(s.party is Party.AGENCY for s in v.spans):
                art_34 = statute(RECEIPT_STATUTE).article("第三十四条")
                lines.append(
                    f"      原文(第三十四条):“{art_34}”"
                    if zh
                    else f"      Quoted (art. 34): “{art_34}”"
                )
        for finding in v.findings:
            if finding.code in (
                "consult_capped",
                "consult_unanswered",
                "consult_open",
                "consult_late",
                "agency_not_excluded",
            ):
                lines.append(f"      {finding.text(lang)}")
        if any(x.code == "consult_late" for x in v.findings):
            lines.append(
                _policy_line("consultation-after-the-deadline-not-excluded", lang, "      ")
            )
        if any(x.code in ("consult_capped", "consult_unanswered") for x in v.findings):
            lines.append(
                _policy_line("consultation-time-capped-at-the-party-limit", lang, "      ")
            )
        overlap = len(v.spans) > 1
        lines.append(
            f"      合计排除{v.excluded_workdays}个工作日{'(重叠部分只计一次)' if overlap else ''},"
            f"答复期限顺延{v.excluded_workdays}个工作日至{day_text(v.base_due_date, lang)}。"
            if zh
            else f"      In all {v.excluded_workdays} working day(s) excluded"
            f"{' (overlaps count once)' if overlap else ''}: the deadline moves by as many "
            f"working days, to {day_text(v.base_due_date, lang)}."
        )
    ext = v.duty(DutyKind.EXTENSION)
    if f.ext_approved is not None and ext is not None:
        lines.append(
            f"   {step}. 延期({ver.extension_clause[0]}:经政府信息公开工作机构负责人同意并告知申请人,"
            f"最长{ver.ext_cap}个工作日):"
            if zh
            else f"   {step}. Extension ({ver.extension_clause[1]}: approved by the head of the "
            f"OGI office and told to the applicant, at most {ver.ext_cap} working days):"
        )
        deadline = iso_date(v.base_due_date) if v.base_due_date else "—"
        lines.append(
            f"      本库要求在原答复期限{deadline}届满前批准并告知(条文未作此规定):"
            if zh
            else f"      The library requires approval and notice by the original deadline "
            f"{deadline} (the text does not say so):"
        )
        lines.append(_policy_line("extension-told-before-original-limit", lang, "        "))
        if f.ext_told is not None:
            lines.append(_policy_line("notice-counts-on-the-recorded-day", lang, "        "))
        step += 1
        told = iso_date(f.ext_told) if f.ext_told else ("未记录" if zh else "not recorded")
        days = f.ext_days if f.ext_days is not None else ver.ext_cap
        lines.append(
            f"      批准{iso_date(f.ext_approved)},告知申请人{told},延期{days}个工作日。"
            if zh
            else f"      Approved {iso_date(f.ext_approved)}, told to the applicant {told}, "
            f"{days} working day(s)."
        )
        for finding in v.findings:
            if finding.code.startswith("extension_"):
                lines.append(f"      {finding.text(lang)}")
        if v.extension_workdays:
            lines.append(
                f"      延期有效:答复期限再延长{v.extension_workdays}个工作日。"
                if zh
                else f"      The extension is valid: {v.extension_workdays} more working day(s)."
            )
        lines.append(_judged_line(ext, lang).replace("   ", "      ", 1))
    if reply.due_date is not None:
        lines.append(
            f"   {step}. 答复期限:{day_text(reply.due_date, lang)}24时。"
            if zh
            else f"   {step}. Reply due: {day_text(reply.due_date, lang)}, until 24:00."
        )
        lines.extend(_skipped_lines(cal, start, reply.due_date, lang))
    lines.append(_judged_line(reply, lang))
    return _tail(v, lines, lang)


def _tail(v: CaseVerdict, lines: list[str], lang: str) -> list[str]:
    zh = is_zh(lang)
    shown = {
        *_RECEIPT_CODES,
        "supplement_moved",
        "awaiting_supplement",
        "consult_capped",
        "consult_unanswered",
        "consult_open",
        "consult_late",
        "consult_waiting",
        "agency_not_excluded",
        "extension_days_assumed",
        "extension_over_cap",
        "extension_invalid",
        "extension_not_told",
        "supplement_no_limit",
    }
    rest = [
        finding
        for finding in v.findings
        if finding.code not in shown and not finding.code.startswith("extension_")
    ]
    if rest:
        lines.append("提示与问题:" if zh else "Warnings and problems:")
        lines.extend(f"   - {finding.text(lang)}" for finding in rest)
        if any(f.code in ("notice_date_missing", "notice_policy_decided") for f in rest):
            lines.append(_policy_line("notice-counts-when-sent", lang, "     "))
    lines.append(("结果:" if zh else "Result: ") + v.summary(lang))
    dates = [
        d for d in (v.receipt_date, v.recorded_receipt_date, *(x.due_date for x in v.duties)) if d
    ]
    data = v.calendar.notices_used(min(dates), max(dates))
    if data:
        lines.append("日历数据:" if zh else "Calendar data:")
        lines.extend(f"   {line}" for line in data)
    return lines
