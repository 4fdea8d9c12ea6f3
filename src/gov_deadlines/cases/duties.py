"""What an audit of a case finds, duty by duty: the duties, their statuses, the findings.

:class:`DutyKind` names the agency's duties (the 补正 notice, the extension, the reply);
:class:`~gov_deadlines.vocabulary.Status` says where one stands (on time, late, overdue,
pending, waiting, undetermined); a :class:`Duty` is one duty judged, with its due date and how late or how
far off it is; a :class:`Finding` is a note or a problem with its facts, rendered into
Chinese or English only when asked for (:func:`finding_text`).

The verdict that gathers them for one case is :mod:`gov_deadlines.cases.verdict`; the clock
that produces them is :mod:`gov_deadlines.cases.clock`. The public names are re-exported by
:mod:`gov_deadlines.cases`.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gov_deadlines.calendar.day import is_provisional, weekday_name
from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.cases.channels import field_label
from gov_deadlines.cases.record import RECORD_WARNINGS, record_finding_text
from gov_deadlines.catalogue.receipt import moved_sentence
from gov_deadlines.dates import iso_date
from gov_deadlines.errors import CalendarCoverageError
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Lang, Recorded, Status, is_zh

if TYPE_CHECKING:
    from gov_deadlines.cases.records import DutyRecord, FindingRecord

__all__ = [
    "PROBLEM_CODES",
    "WARNING_CODES",
    "Duty",
    "DutyKind",
    "Finding",
    "day_text",
    "finding_text",
    "status_text",
    "workdays_or_none",
]


# -- duties and their statuses ------------------------------------------------------------------


class DutyKind(enum.Enum):
    """The agency's duties in a case."""

    # Members are singletons compared by identity: hash them by identity too (Enum's own
    # __hash__ hashes the name, a measurable cost on the batch path).
    __hash__ = object.__hash__

    SUPPLEMENT_NOTICE = "supplement_notice"
    EXTENSION = "extension"
    REPLY = "reply"

    def label(self, lang: str = "zh") -> str:
        return _DUTY_LABELS[self][0 if is_zh(lang) else 1]


_DUTY_LABELS = {
    DutyKind.SUPPLEMENT_NOTICE: ("补正告知", "request for correction"),
    DutyKind.EXTENSION: ("延期", "extension"),
    DutyKind.REPLY: ("答复", "reply"),
}


@dataclass(slots=True)
class Duty(Recorded):
    """One duty of the agency in a case, judged. Treat as read-only.

    ``due_date`` is the last day (until 24:00), ``done_on`` the day the duty was done.
    ``late_by_workdays`` counts the working days in (due, done] — or (due, as_of] while
    still undone — and ``late_by_days`` the calendar days; ``remaining_workdays`` the working
    days in (as_of, due] of a pending duty (0: due on the audit day itself).
    """

    kind: DutyKind
    due_date: dt.date | None
    done_on: dt.date | None
    status: Status
    late_by_workdays: int | None = 0
    late_by_days: int = 0
    remaining_workdays: int | None = None
    provisional: bool = False

    def status_text(self, lang: str = "zh") -> str:
        """``按时`` / ``逾期3个工作日`` / ``逾期未办,已逾期2个工作日`` / ``未到期,剩余4个工作日`` …"""
        return status_text(
            self.status, self.late_by_workdays, self.late_by_days, self.remaining_workdays, lang
        )

    def summary(self, lang: str = "zh") -> str:
        zh = is_zh(lang)
        due = iso_date(self.due_date) if self.due_date else ("—")
        flag = (
            (PROVISIONAL_MARK["zh"] if zh else " " + PROVISIONAL_MARK["en"])
            if self.provisional
            else ""
        )
        done = ""
        if self.done_on is not None:
            done = f",完成于{iso_date(self.done_on)}" if zh else f", done {iso_date(self.done_on)}"
        if zh:
            return f"{self.kind.label(lang)}:期限{due}{flag}{done},{self.status_text(lang)}"
        return f"{self.kind.label(lang)}: due {due}{flag}{done}, {self.status_text(lang)}"

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> DutyRecord:
        """The duty as its JSON record (its texts are on the case's record)."""
        is_zh(lang)  # a wrong language is refused, not ignored, as by every result
        # Imported here for cost: the records are pydantic models.
        from gov_deadlines.cases.records import duty_to_record

        return duty_to_record(self)


def status_text(
    status: Status,
    late_by_workdays: int | None,
    late_by_days: int,
    remaining_workdays: int | None,
    lang: str = "zh",
) -> str:
    """Where a duty stands, for people (:meth:`Duty.status_text`)."""
    zh = is_zh(lang)
    if status is Status.LATE or status is Status.OVERDUE:
        if late_by_workdays:
            amount = f"{late_by_workdays}个工作日" if zh else f"{late_by_workdays} working day(s)"
        else:  # late over rest days only (0 working days), or not countable (None)
            amount = f"{late_by_days}天" if zh else f"{late_by_days} day(s)"
        if status is Status.LATE:
            text = f"逾期{amount}" if zh else f"late by {amount}"
        else:
            text = f"逾期未办,已逾期{amount}" if zh else f"overdue by {amount}, not done"
        if late_by_workdays is None:
            # Never a count of 0 for want of data: the holiday data end before the day the
            # duty was done (or the audit day, for one not done).
            until = (
                ("完成日" if zh else "the completion day")
                if status is Status.LATE
                else ("核查日" if zh else "the audit day")
            )
            text += (
                f"(工作日数无法确定:日历数据未覆盖到{until})"
                if zh
                else f" (working days unknown: the calendar data do not reach {until})"
            )
        return text
    if status is Status.PENDING and remaining_workdays is not None:
        if remaining_workdays == 0:
            return "今日到期" if zh else "due today"
        return (
            f"未到期,剩余{remaining_workdays}个工作日"
            if zh
            else f"pending, {remaining_workdays} working day(s) left"
        )
    return status.label(lang)


# -- findings -----------------------------------------------------------------------------------

#: Finding codes that are problems (the rest are notes on how the case was read).
PROBLEM_CODES = frozenset({"extension_over_cap", "calendar"})
#: Finding codes that are warnings: a duty due soon, and the dates that cannot be right
#: (:mod:`gov_deadlines.cases.plausibility`).
WARNING_CODES = frozenset(
    {"due_soon", "after_audit_day", "before_receipt", "before_clock", *RECORD_WARNINGS}
)


@dataclass(slots=True)
class Finding(Recorded):
    """A note on the case (an assumption, a policy applied) or a problem, with its facts.

    The text is rendered only when asked for (:meth:`text`); ``code`` is stable.
    """

    code: str
    args: tuple[Any, ...] = ()

    @property
    def problem(self) -> bool:
        return self.code in PROBLEM_CODES

    @property
    def warning(self) -> bool:
        return self.code in WARNING_CODES

    def text(self, lang: str = "zh") -> str:
        return finding_text(self, is_zh(lang))

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> FindingRecord:
        """The finding as its JSON record: ``code``, ``problem``, ``warning``, ``text``."""
        # Imported here for cost: the records are pydantic models.
        from gov_deadlines.cases.records import finding_to_record

        return finding_to_record(self, lang)


def day_text(day: dt.date | None, lang: str | bool = "zh") -> str:
    """A day for a clerk: ``2026-10-30(周五)`` or ``2026-10-30 (Fri)``, ``—`` for none."""
    if day is None:
        return "—"
    zh = lang if isinstance(lang, bool) else is_zh(lang)
    provisional = type(day) is not dt.date and is_provisional(day)
    flag = (PROVISIONAL_MARK["zh"] if zh else " " + PROVISIONAL_MARK["en"]) if provisional else ""
    if zh:
        return f"{iso_date(day)}({weekday_name(day, 'zh')}){flag}"
    return f"{iso_date(day)} ({weekday_name(day, 'en')}){flag}"


def finding_text(finding: Finding, zh: bool) -> str:
    """The text of a finding in Chinese (``zh``) or English (:meth:`Finding.text`)."""
    code, a = finding.code, finding.args
    if code == "receipt_assumed":
        channel, need, used, day = a
        return (
            f"{channel.label()}提交的申请以{field_label(need)}为收到申请之日,但未记录;"
            f"假定为{field_label(used)}{day_text(day, zh)}。"
            if zh
            else f"An application by {channel.label('en')} is received on its "
            f"{field_label(need, 'en')}, which is not recorded: assumed to be the "
            f"{field_label(used, 'en')}, {day_text(day, zh)}."
        )
    if code in ("receipt_moved", "supplement_moved"):
        raw, moved = a
        return moved_sentence(raw, moved, "zh" if zh else "en", corrected=code != "receipt_moved")
    if code == "supplement_no_limit":
        (label,) = a  # the version of the 条例 in force (its data has no 补正 notice rule)
        return (
            f"{label}年条例未规定告知补正的期限,不核查补正告知的时限。"
            if zh
            else f"The {label} 条例 sets no time limit for asking for a correction: not checked."
        )
    if code == "awaiting_supplement":
        (requested,) = a
        return (
            f"{iso_date(requested)}已告知补正,尚未记录收到补正的申请:答复期限自收到补正的申请之日起计算,尚未起算。"
            if zh
            else f"A correction was asked for on {iso_date(requested)} and no corrected application "
            "is recorded: the reply limit runs from its arrival and has not started."
        )
    if code == "agency_not_excluded":
        sent, label, clause = a  # the version's label and its reply rule's clause
        article = clause[: clause.index("条") + 1] if "条" in clause else clause
        return (
            f"{iso_date(sent)}征求其他机关意见:{label}年条例{article}只规定征求第三方意见的时间不计入,"
            "征求其他机关意见的时间计入答复期限。"
            if zh
            else f"Another agency consulted on {iso_date(sent)}: the {label} 条例 ({article}) "
            "excludes only the time spent consulting a third party, so this time counts."
        )
    if code == "consult_capped":
        party, sent, answered, cap_end, cap = a
        return (
            f"{party.label()}({iso_date(sent)}发出)于{iso_date(answered)}答复,超过其{cap}个工作日期限"
            f"(至{iso_date(cap_end)}):按本库政策 consultation-time-capped-at-the-party-limit "
            f"只排除至{iso_date(cap_end)}。"
            if zh
            else f"The {party.label('en')} consulted on {iso_date(sent)} answered {iso_date(answered)}, "
            f"past its own {cap} working days (to {iso_date(cap_end)}): by the library's policy "
            f"consultation-time-capped-at-the-party-limit excluded only to {iso_date(cap_end)}."
        )
    if code == "consult_unanswered":
        party, sent, cap_end, cap = a
        return (
            f"征求{party.label()}意见({iso_date(sent)}发出)未记录答复:按其{cap}个工作日期限排除至{iso_date(cap_end)}"
            "(本库政策 consultation-time-capped-at-the-party-limit)"
            "(逾期未提出意见的,由行政机关决定);答复后请补录答复日期,期限可能提前。"
            if zh
            else f"No answer recorded to the consultation of the {party.label('en')} sent "
            f"{iso_date(sent)}: excluded up to its {cap}-working-day limit, {iso_date(cap_end)} (the "
            "library's policy consultation-time-capped-at-the-party-limit); record "
            "the answer when it comes, the deadline may come earlier."
        )
    if code == "consult_open":
        party, sent, end, basis, label = a
        basis_text = {
            "replied": ("答复日", "the reply date"),
            "as_of": ("核查日", "the audit day"),
        }[basis]
        return (
            f"征求{party.label()}意见({iso_date(sent)}发出)未记录答复:{label}年条例不设上限,"
            f"按{basis_text[0]}{iso_date(end)}计算排除时间。"
            if zh
            else f"No answer recorded to the consultation of the {party.label('en')} sent "
            f"{iso_date(sent)}: uncapped under the {label} 条例, excluded up to {basis_text[1]}, "
            f"{iso_date(end)}."
        )
    if code == "consult_waiting":
        party, sent, label = a
        return (
            f"征求{party.label()}意见({iso_date(sent)}发出)未记录答复,也没有答复日或核查日:"
            f"{label}年条例不设上限,期限暂停,无法确定答复期限。"
            if zh
            else f"No answer recorded to the consultation of the {party.label('en')} sent "
            f"{iso_date(sent)}, and no reply date or audit day: uncapped under the {label} 条例, the "
            "clock stands still and the reply deadline is not known."
        )
    if code == "consult_late":
        party, sent, due = a
        return (
            f"征求{party.label()}意见于{iso_date(sent)}发出,未早于当时的答复期限{iso_date(due)}:不予扣除。"
            if zh
            else f"The {party.label('en')} was consulted on {iso_date(sent)}, not before the reply "
            f"deadline as it then stood ({iso_date(due)}): not excluded."
        )
    if code == "extension_days_assumed":
        (cap,) = a
        return (
            f"未记录延期的工作日数,按最长{cap}个工作日计算(假定)。"
            if zh
            else f"The length of the extension is not recorded: taken as the longest allowed, "
            f"{cap} working days (assumed)."
        )
    if code == "extension_over_cap":
        days, cap = a
        return (
            f"延期{days}个工作日,超过最长{cap}个工作日的限制:只计{cap}个工作日。"
            if zh
            else f"An extension of {days} working days exceeds the maximum of {cap}: only {cap} "
            "count."
        )
    if code == "extension_invalid":
        approved, told, due = a
        return (
            f"延期于{iso_date(approved)}批准、{iso_date(told)}告知申请人,晚于原答复期限{iso_date(due)}:"
            "按本库政策 extension-told-before-original-limit,延期无效,不予计入。"
            if zh
            else f"The extension was approved {iso_date(approved)} and told to the applicant "
            f"{iso_date(told)}, after the original deadline {iso_date(due)}: by the library's policy "
            "extension-told-before-original-limit it is invalid and not applied."
        )
    if code == "extension_not_told":
        approved, due = a
        return (
            f"延期于{iso_date(approved)}批准,未记录告知申请人:告知前不计入延期(原答复期限{iso_date(due)})。"
            if zh
            else f"The extension was approved {iso_date(approved)} but is not recorded as told to "
            f"the applicant: it does not count until told (original deadline {iso_date(due)})."
        )
    if code == "extension_unused":
        replied, due = a
        return (
            f"延期未记录告知申请人,但已于{iso_date(replied)}在原答复期限{iso_date(due)}内答复:延期未使用。"
            if zh
            else f"The extension is not recorded as told, but the reply came on {iso_date(replied)}, "
            f"within the original deadline {iso_date(due)}: the extension was not used."
        )
    if code == "due_soon":
        kind, remaining, due = a
        if zh:
            when = "今日到期" if remaining == 0 else f"将于{remaining}个工作日内到期"
            return f"提示:{kind.label()}{when}(期限{iso_date(due)})。"
        when = "is due today" if remaining == 0 else f"is due within {remaining} working day(s)"
        return f"Warning: the {kind.label('en')} {when} ({iso_date(due)})."
    if code == "after_audit_day":
        field, day, as_of = a
        return (
            f"日期存疑:{field_label(field)}{iso_date(day)}晚于核查日{iso_date(as_of)},尚未到来,请核对。"
            if zh
            else f"Doubtful date: the {field_label(field, 'en')} {iso_date(day)} is after the audit "
            f"day {iso_date(as_of)}, which has not come yet: check it."
        )
    if code == "before_receipt":
        field, day, receipt = a
        return (
            f"日期存疑:{field_label(field)}{iso_date(day)}早于收到申请日{iso_date(receipt)}"
            "(休息日收到的申请顺延后),请核对。"
            if zh
            else f"Doubtful date: the {field_label(field, 'en')} {iso_date(day)} is before the "
            f"receipt {iso_date(receipt)} (a rest-day receipt moved to the next working day): "
            "check it."
        )
    if code == "before_clock":
        field, day, start = a
        return (
            f"日期存疑:{field_label(field)}{iso_date(day)}早于答复起算日{iso_date(start)}"
            "(收到补正的申请之日),请核对。"
            if zh
            else f"Doubtful date: the {field_label(field, 'en')} {iso_date(day)} is before the "
            f"reply clock started, {iso_date(start)} (the corrected application's arrival): "
            "check it."
        )
    if code == "calendar":
        (error,) = a
        # Audit reports are read by clerks: the remedies are the command line's.
        message: str = error.clerk_message("zh" if zh else "en")
        return message
    recorded = record_finding_text(code, a, zh)  # the record's findings (issue 15)
    if recorded is not None:
        return recorded
    return code  # pragma: no cover - every code is rendered above


def workdays_or_none(cal: WorkCalendar, start: dt.date, end: dt.date) -> int | None:
    """The working days in (start, end], or ``None`` where the calendar has no data."""
    try:
        return cal.workdays_between(start, end)
    except CalendarCoverageError:
        return None
