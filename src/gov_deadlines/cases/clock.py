"""The clock of an OGI application (依申请公开) and its audit, :func:`audit_case`.

Given a case's receipt facts (:mod:`gov_deadlines.cases.model`), the clock computes every
duty the agency had — the 补正 notice, the extension, the reply — with its due date, and
judges it on the audit day (:mod:`gov_deadlines.cases.duties`,
:mod:`gov_deadlines.cases.verdict`). The numbers come from the catalogue: each version of the
条例 (2008, 2019) is read once from the ``ogi.reply`` family and its sibling rules
(:func:`gov_deadlines.cases.versions.reply_versions`).

The rules (``docs/audit.md`` has the full list of choices):

* **Receipt** (2019 条例 art. 31): in person, the day it is handed in; registered post, the
  day the agency signs for it; an ordinary letter, the day the agency confirms with the
  applicant; internet or fax, the day both sides confirm. When the date the channel needs
  is missing, the next best recorded date is *assumed* (and the explanation says so).
  Policy, on by default and switchable (:class:`AuditPolicy`): a receipt on a rest day
  moves to the first working day after it — an office cannot receive on a day it is
  closed. The same applies to the corrected application's arrival.
* **Version**: the receipt date decides, as for ``due("ogi.reply", receipt)``: before
  2019-05-15 the 2008 条例 (15 working days, extension ≤ 15, only third-party consultation
  excluded and uncapped, no 7-working-day 补正 notice rule); from then on the 2019 条例.
* **Clock**: the reply is due N working days after receipt, or after the corrected
  application's arrival when a 补正 was asked for (art. 30). Consultation time is excluded:
  the working days in (sent, answered], capped under 2019 at the consulted party's own 15
  working days (arts. 32, 34); overlapping consultations count once; each working day
  excluded moves the deadline by one working day (a consultation sent on or after the
  deadline as it stood is not excluded: its days all fall after the period ran out). An
  extension adds at most 20 (2008: 15) working days and counts only if approved and told
  to the applicant on or before the original deadline.

:func:`evaluate` is the clock itself, shared by :func:`audit_case` and the batch audit
(:mod:`gov_deadlines.cases.batch`), which feeds it facts read straight from CSV rows.
:func:`gov_deadlines.cases.grid.day_grid` lays the calendar's official span and the versions
out as tables over day indices, for the lean clock of the per-case CSV's fast path
(:mod:`gov_deadlines.outputs.case_csv_fast`).
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Mapping
from dataclasses import InitVar, dataclass
from typing import TYPE_CHECKING, Any

from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
from gov_deadlines.cases.duties import Duty, DutyKind, Finding, workdays_or_none
from gov_deadlines.cases.model import Case, CaseError, CaseFacts, Party, parse_case
from gov_deadlines.cases.plausibility import date_findings
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.cases.versions import ExcludedSpan, ReplyVersion, ReplyVersions, reply_versions
from gov_deadlines.catalogue.receipt import ReceiptPolicy, effective_receipt
from gov_deadlines.errors import CalendarCoverageError
from gov_deadlines.vocabulary import Status

if TYPE_CHECKING:
    from gov_deadlines.catalogue import Catalogue

__all__ = ["DEFAULT_POLICY", "AuditPolicy", "audit_case", "evaluate"]


# -- the audit's settings -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditPolicy:
    """Choices the law leaves open, each stated in the explanation when it applies.

    ``receipt``: the rest-day receipt policy, the same as ``due(..., receipt_policy=)``
    (:class:`~gov_deadlines.catalogue.receipt.ReceiptPolicy`): by default a receipt (or
    corrected application) dated on a rest day counts as received on the first working day
    after it; ``ReceiptPolicy.AS_RECORDED`` keeps the recorded date.
    ``warn_within``: warn about pending duties due within this many working days of the
    audit day (default 5).
    ``move_rest_day_receipt`` (deprecated, accepted for one release): ``False`` is
    ``receipt=ReceiptPolicy.AS_RECORDED``.
    """

    receipt: ReceiptPolicy = ReceiptPolicy.NEXT_WORKING_DAY
    warn_within: int = 5
    move_rest_day_receipt: InitVar[bool | None] = None

    def __post_init__(self, move_rest_day_receipt: bool | None) -> None:
        if move_rest_day_receipt is not None:
            warnings.warn(
                "AuditPolicy(move_rest_day_receipt=...) is deprecated: use "
                "AuditPolicy(receipt=ReceiptPolicy.NEXT_WORKING_DAY / AS_RECORDED)",
                DeprecationWarning,
                stacklevel=3,
            )
            receipt = (
                ReceiptPolicy.NEXT_WORKING_DAY
                if move_rest_day_receipt
                else ReceiptPolicy.AS_RECORDED
            )
            object.__setattr__(self, "receipt", receipt)


DEFAULT_POLICY = AuditPolicy()


# -- the clock ----------------------------------------------------------------------------------


def _judge(
    kind: DutyKind,
    due: dt.date,
    done: dt.date | None,
    cal: WorkCalendar,
    as_of: dt.date | None,
    policy: AuditPolicy,
    findings: list[Finding],
) -> Duty:
    provisional = type(due) is not dt.date
    if done is not None:
        if done <= due:
            return Duty(kind, due, done, Status.ON_TIME, provisional=provisional)
        return Duty(
            kind,
            due,
            done,
            Status.LATE,
            workdays_or_none(cal, due, done),
            (done - due).days,
            None,
            provisional,
        )
    if as_of is None:
        return Duty(kind, due, None, Status.PENDING, provisional=provisional)
    if as_of <= due:
        remaining = workdays_or_none(cal, as_of, due)
        if remaining is not None and remaining <= policy.warn_within:
            findings.append(Finding("due_soon", (kind, remaining, due)))
        return Duty(kind, due, None, Status.PENDING, 0, 0, remaining, provisional)
    return Duty(
        kind,
        due,
        None,
        Status.OVERDUE,
        workdays_or_none(cal, due, as_of),
        (as_of - due).days,
        None,
        provisional,
    )


def _move(
    cal: WorkCalendar, day: dt.date, policy: AuditPolicy, code: str, findings: list[Finding]
) -> dt.date:
    moved, was_moved = effective_receipt(day, policy.receipt, cal)
    if was_moved:
        findings.append(Finding(code, (day, moved)))
    return moved


def _consult_spans(
    f: CaseFacts,
    ver: ReplyVersion,
    cal: WorkCalendar,
    as_of: dt.date | None,
    findings: list[Finding],
) -> list[ExcludedSpan] | None:
    """The consultations whose time is excluded; ``None`` when the clock stands still."""
    spans: list[ExcludedSpan] = []
    for party, sent, answered in f.consultations:
        if party is Party.AGENCY and not ver.agency_excluded:
            findings.append(Finding("agency_not_excluded", (sent, ver.label, ver.reply.clause)))
            continue
        end = answered
        capped = False
        cap = ver.consult_cap
        if cap is not None:
            cap_end = cal.add_workdays(sent, cap)
            if end is None:
                findings.append(Finding("consult_unanswered", (party, sent, cap_end, cap)))
                end, capped = cap_end, True
            elif end > cap_end:
                findings.append(Finding("consult_capped", (party, sent, end, cap_end, cap)))
                end, capped = cap_end, True
        elif end is None:
            candidates = [(d, b) for d, b in ((f.replied, "replied"), (as_of, "as_of")) if d]
            if not candidates:
                findings.append(Finding("consult_waiting", (party, sent, ver.label)))
                return None
            end, basis = min(candidates, key=lambda pair: pair[0])
            findings.append(Finding("consult_open", (party, sent, end, basis, ver.label)))
        spans.append(ExcludedSpan(party, sent, answered, end, capped))
    return spans


def _shift(
    cal: WorkCalendar, start: dt.date, n: int, spans: list[ExcludedSpan]
) -> tuple[dt.date, int, set[int]]:
    """The n-th working day after ``start`` not inside a consultation, the days excluded,
    and which spans moved it (by index)."""
    if not spans:
        return cal.add_workdays(start, n), 0, set()
    if len(spans) == 1:  # the common case: nothing to sort or merge
        span = spans[0]
        low = max(span.sent, start)
        due = cal.add_workdays(start, n)
        if span.end > low and low < due:
            excluded = cal.workdays_between(low, span.end)
            return cal.add_workdays(start, n + excluded), excluded, {0}
        return due, 0, set()
    intervals = sorted(
        (max(span.sent, start), span.end, index)
        for index, span in enumerate(spans)
        if span.end > max(span.sent, start)
    )
    merged: list[tuple[dt.date, dt.date, list[int]]] = []
    for low, high, index in intervals:
        if merged and low <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], high), [*last[2], index])
        else:
            merged.append((low, high, [index]))
    due = cal.add_workdays(start, n)
    excluded = 0
    applied: set[int] = set()
    for low, high, indices in merged:
        if low >= due:  # sent on or after the deadline as it stands: the period had run out
            break
        excluded += cal.workdays_between(low, high)
        due = cal.add_workdays(start, n + excluded)
        applied.update(indices)
    return due, excluded, applied


def _extension(
    f: CaseFacts,
    ver: ReplyVersion,
    cal: WorkCalendar,
    base_due: dt.date,
    as_of: dt.date | None,
    policy: AuditPolicy,
    findings: list[Finding],
) -> tuple[Duty, int]:
    approved = f.ext_approved
    assert approved is not None
    days = f.ext_days
    if days is None:
        days = ver.ext_cap
        findings.append(Finding("extension_days_assumed", (days,)))
    elif days > ver.ext_cap:
        findings.append(Finding("extension_over_cap", (days, ver.ext_cap)))
    applied = min(days, ver.ext_cap)
    told = f.ext_told
    if told is not None:
        done = max(approved, told)
        duty = _judge(DutyKind.EXTENSION, base_due, done, cal, as_of, policy, findings)
        if duty.status is Status.ON_TIME:
            return duty, applied
        findings.append(Finding("extension_invalid", (approved, told, base_due)))
        return duty, 0
    if f.replied is not None and f.replied <= base_due:
        # Replied within the original limit: the extension was never needed.
        findings.append(Finding("extension_unused", (f.replied, base_due)))
        return Duty(DutyKind.EXTENSION, base_due, None, Status.ON_TIME, 0, 0, None, False), 0
    findings.append(Finding("extension_not_told", (approved, base_due)))
    if approved > base_due:
        # Approved after the original deadline (and not told): it can no longer be valid.
        until = approved if as_of is None or as_of < approved else as_of
        return _judge(DutyKind.EXTENSION, base_due, None, cal, until, policy, []), 0
    return _judge(DutyKind.EXTENSION, base_due, None, cal, as_of, policy, findings), 0


def _receipt(f: CaseFacts, cal: WorkCalendar, policy: AuditPolicy) -> tuple[dt.date, dt.date]:
    """The receipt date after the rest-day policy, and the recorded one."""
    raw = f.raw_receipt
    if raw is None:  # pragma: no cover - validation refuses such a case first
        raise CaseError("no date of receipt", "缺少收到申请的日期", field="submitted")
    # Past the calendar, CalendarCoverageError propagates: the case is undetermined (无法
    # 计算), not malformed — the date is good, the holiday data is what is missing.
    return effective_receipt(raw, policy.receipt, cal)[0], raw


def _undetermined(
    f: CaseFacts,
    raw: dt.date,
    cal: WorkCalendar,
    as_of: dt.date | None,
    versions: ReplyVersions,
    error: CalendarCoverageError,
) -> CaseVerdict:
    """The verdict on a case whose receipt day itself needs holiday data not loaded: whether
    it was a rest day (moved to the next working day) is unknown, so is every due date."""
    ver = versions.at(raw)  # before the 2008 条例: no rule applies, a data error
    duties: list[Duty] = []
    if f.supplement_requested is not None and ver.supplement_n is not None:
        duties.append(
            Duty(
                DutyKind.SUPPLEMENT_NOTICE, None, f.supplement_requested, Status.UNDETERMINED, None
            )
        )
    if f.ext_approved is not None:
        duties.append(Duty(DutyKind.EXTENSION, None, f.ext_told, Status.UNDETERMINED, None))
    duties.append(Duty(DutyKind.REPLY, None, f.replied, Status.UNDETERMINED, None))
    return CaseVerdict(
        f.case_id,
        f.channel,
        raw,
        raw,
        f.receipt_field,
        f.receipt_assumed,
        ver.label,
        None,
        None,
        0,
        0,
        tuple(duties),
        (Finding("calendar", (error,)),),
        "undetermined",
        as_of,
        f,
        cal,
        ver,
        (),
    )


def evaluate(
    f: CaseFacts,
    cal: WorkCalendar,
    as_of: dt.date | None,
    policy: AuditPolicy,
    versions: ReplyVersions,
) -> CaseVerdict:
    """The clock of one case: its verdict on ``as_of`` (the single-case and the batch audit,
    and the per-case CSV's fast path for the rows it does not work out itself, share it)."""
    raw = f.raw_receipt
    try:
        # The common case first: a receipt the rest-day policy leaves where it is.
        plain = raw is not None and (
            policy.receipt is ReceiptPolicy.AS_RECORDED or cal.is_workday(raw)
        )
        if plain:
            assert raw is not None
            receipt = raw
        else:
            receipt, raw = _receipt(f, cal, policy)
    except CalendarCoverageError as error:
        assert raw is not None
        return _undetermined(f, raw, cal, as_of, versions, error)
    basis, assumed = f.receipt_field, f.receipt_assumed
    findings: list[Finding] = []
    last = versions.open_last
    ver = last if last is not None and receipt >= versions.open_last_start else versions.at(receipt)
    if f.supplement_requested is None and not f.consultations and f.ext_approved is None:
        # The common case, kept lean: receipt + N working days, judged.
        replied = f.replied
        try:
            due = cal.add_workdays(receipt, ver.n)
            if replied is not None and replied <= due:
                reply = Duty(
                    DutyKind.REPLY,
                    due,
                    replied,
                    Status.ON_TIME,
                    0,
                    0,
                    None,
                    type(due) is not dt.date,
                )
            else:
                reply = _judge(DutyKind.REPLY, due, replied, cal, as_of, policy, findings)
        except CalendarCoverageError as error:
            findings.append(Finding("calendar", (error,)))
            due = None
            reply = Duty(DutyKind.REPLY, None, replied, Status.UNDETERMINED, None)
        status = reply.status
        if status is Status.ON_TIME:
            result = "ok"
        elif status is Status.LATE or status is Status.OVERDUE:
            result = "late"
        elif status is Status.UNDETERMINED:
            result = "undetermined"
        else:
            result = "open"
        date_findings(f, receipt, receipt, as_of, findings)
        return CaseVerdict(
            f.case_id,
            f.channel,
            receipt,
            raw,
            basis,
            assumed,
            ver.label,
            receipt,
            due,
            0,
            0,
            (reply,),
            tuple(findings) if findings else (),
            result,
            as_of,
            f,
            cal,
            ver,
            (),
        )
    duties: list[Duty] = []

    # 补正 notice (2019 art. 30)
    requested = f.supplement_requested
    if requested is not None:
        if ver.supplement_n is not None:
            try:
                due = cal.add_workdays(receipt, ver.supplement_n)
                duties.append(
                    _judge(DutyKind.SUPPLEMENT_NOTICE, due, requested, cal, as_of, policy, findings)
                )
            except CalendarCoverageError as error:
                findings.append(Finding("calendar", (error,)))
                duties.append(
                    Duty(DutyKind.SUPPLEMENT_NOTICE, None, requested, Status.UNDETERMINED, None)
                )
        else:
            findings.append(Finding("supplement_no_limit", (ver.label,)))

    # the reply clock, and the extension
    start: dt.date | None = receipt
    base_due: dt.date | None = None
    excluded = 0
    extension_days = 0
    spans: list[ExcludedSpan] = []
    ext_duty: Duty | None = None
    has_ext = f.ext_approved is not None
    try:
        if requested is not None:
            arrived = f.supplement_received
            if arrived is None:
                start = None
                findings.append(Finding("awaiting_supplement", (requested,)))
            else:
                start = _move(cal, arrived, policy, "supplement_moved", findings)
        found: list[ExcludedSpan] | None = []
        if start is not None and f.consultations:
            found = _consult_spans(f, ver, cal, as_of, findings)
        if start is None or found is None:
            reply = Duty(DutyKind.REPLY, None, f.replied, Status.WAITING, None)
            if has_ext:
                ext_duty = Duty(DutyKind.EXTENSION, None, f.ext_told, Status.WAITING, None)
        else:
            spans = found
            base_due, excluded, applied = _shift(cal, start, ver.n, spans)
            due = base_due
            if has_ext:
                ext_duty, extension_days = _extension(
                    f, ver, cal, base_due, as_of, policy, findings
                )
                if extension_days:
                    due, excluded, applied = _shift(cal, start, ver.n + extension_days, spans)
            for index, span in enumerate(spans):
                if index not in applied and span.end > max(span.sent, start):
                    findings.append(Finding("consult_late", (span.party, span.sent, base_due)))
            reply = _judge(DutyKind.REPLY, due, f.replied, cal, as_of, policy, findings)
    except CalendarCoverageError as error:
        findings.append(Finding("calendar", (error,)))
        base_due = None
        reply = Duty(DutyKind.REPLY, None, f.replied, Status.UNDETERMINED, None)
        if has_ext:
            ext_duty = Duty(DutyKind.EXTENSION, None, f.ext_told, Status.UNDETERMINED, None)
    if ext_duty is not None:
        duties.append(ext_duty)
    duties.append(reply)
    late = undetermined = still_open = False
    for duty in duties:
        status = duty.status
        if status is Status.LATE or status is Status.OVERDUE:
            late = True
        elif status is Status.UNDETERMINED:
            undetermined = True
        elif status is Status.PENDING or status is Status.WAITING:
            still_open = True
    if late:
        result = "late"
    elif has_ext and any(item.code == "extension_over_cap" for item in findings):
        result = "problem"
    elif undetermined:
        result = "undetermined"
    else:
        result = "open" if still_open else "ok"
    date_findings(f, receipt, start, as_of, findings)
    return CaseVerdict(
        f.case_id,
        f.channel,
        receipt,
        raw,
        basis,
        assumed,
        ver.label,
        start,
        base_due,
        excluded,
        extension_days,
        tuple(duties),
        tuple(findings),
        result,
        as_of,
        f,
        cal,
        ver,
        tuple(spans),
    )


def audit_case(
    case: Case | Mapping[str, Any],
    *,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    policy: AuditPolicy | None = None,
    catalogue: Catalogue | None = None,
) -> CaseVerdict:
    """Audit one case: each duty's due date and status on ``as_of``, with the explanation.

    ``case`` is a :class:`Case` or a mapping of its fields (validated; a problem raises
    :class:`CaseError`). Without ``as_of`` an undone duty is ``pending`` and no warning
    is given. ``policy`` holds the switchable choices (:class:`AuditPolicy`).

    >>> from datetime import date
    >>> audit_case({"channel": "当面", "submitted": "2026-09-28"}).reply_due_date
    datetime.date(2026, 10, 30)
    """
    model = parse_case(case)
    cal = calendar if calendar is not None else default_calendar()
    return evaluate(model.facts(), cal, as_of, policy or DEFAULT_POLICY, reply_versions(catalogue))
