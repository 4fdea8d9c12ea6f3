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

:class:`CaseClock` is the clock — the only one: :func:`audit_case` runs it on one case, the
batch audit (:mod:`gov_deadlines.cases.batch`) on every row, with facts read straight from
CSV cells or mappings. It counts over day indices of the calendar's tables
(:mod:`gov_deadlines.cases.days`) and gives a flat :class:`CaseRecord` per case (indices,
codes, the findings); :class:`~gov_deadlines.cases.CaseVerdict`, the explanation, the
per-case CSV, the JSON and the summary are made from it, each only when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
from gov_deadlines.cases.clock_record import CaseRecord, DutyRow, Source, SpanRow, source_facts
from gov_deadlines.cases.columns import IndexedRow
from gov_deadlines.cases.days import DayIndex
from gov_deadlines.cases.duties import DutyKind, Finding
from gov_deadlines.cases.model import (
    Case,
    CaseError,
    CaseFacts,
    Channel,
    Party,
    first_problem,
    out_of_order,
    parse_case_facts,
    receipt_by_channel,
)
from gov_deadlines.cases.plausibility import DatedAct, date_findings
from gov_deadlines.cases.policy import DEFAULT_POLICY, AuditPolicy
from gov_deadlines.cases.record import SignedBy
from gov_deadlines.cases.record_notes import disputed_outcome, record_notes
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.cases.versions import ReplyVersion, ReplyVersions, reply_versions
from gov_deadlines.catalogue.receipt import ReceiptPolicy
from gov_deadlines.dates import beijing_day
from gov_deadlines.errors import ArgumentTypeError, CalendarCoverageError, check_day_argument
from gov_deadlines.vocabulary import CaseResult, Status

if TYPE_CHECKING:
    from gov_deadlines.catalogue import Catalogue

__all__ = ["CaseClock", "audit_case", "evaluate"]


_ON_TIME, _LATE, _OVERDUE = Status.ON_TIME, Status.LATE, Status.OVERDUE
_PENDING, _WAITING, _UNDETERMINED = Status.PENDING, Status.WAITING, Status.UNDETERMINED
_SUPPLEMENT, _EXTENSION, _REPLY = DutyKind.SUPPLEMENT_NOTICE, DutyKind.EXTENSION, DutyKind.REPLY
#: The fields of the dates the plausibility warnings read, in their order (then the
#: consultations, the extension's, the reply).
_DATED_FIELDS = (
    "submitted", "signed_for", "confirmed", "supplement_requested", "supplement_received",
)  # fmt: skip
_EXTENSION_FIELDS = ("extension_approved", "extension_told")
#: Receipt fields that need no finding of the record (issue 15): the channel's own dates.
_PLAIN_FIELDS = frozenset({"submitted", "signed_for", "confirmed"})



def _index(day: dt.date | None, base: int) -> int | None:
    return None if day is None else day.toordinal() - base


# -- the clock ----------------------------------------------------------------------------------


class CaseClock:
    """The clock of OGI applications for one audit: the calendar's days, the versions of the
    条例, the policy and the audit day, resolved once; :meth:`run` audits a case's facts,
    :meth:`audit` a row read into day indices (:class:`~gov_deadlines.cases.columns.CellReader`).

    It keeps no state between cases but a memo of what a receipt day comes to (the day it
    counts from, the version in force, the reply's plain due date), a function of the day
    alone: one clock may audit any number of cases, from any number of threads.
    """

    __slots__ = (
        "_receipts",
        "as_of",
        "days",
        "email_from",
        "email_from_day",
        "last",
        "last_start",
        "move",
        "now",
        "policy",
        "versions",
        "warn",
    )

    def __init__(
        self,
        calendar: WorkCalendar,
        versions: ReplyVersions,
        policy: AuditPolicy = DEFAULT_POLICY,
        as_of: dt.date | None = None,
    ) -> None:
        # Every entry point (audit_case, the batch, frames) makes a clock: its arguments are
        # checked here, once, so that a wrong one is an ArgumentTypeError, not an
        # AttributeError from deep inside.
        check_day_argument("as_of", as_of)
        if as_of is not None:
            as_of = beijing_day(as_of)  # an aware datetime's day is its Beijing day
        if not isinstance(calendar, WorkCalendar):
            raise ArgumentTypeError(
                "calendar", calendar, "a WorkCalendar or None", "WorkCalendar 对象(或不填)"
            )
        if not isinstance(policy, AuditPolicy):
            raise ArgumentTypeError("policy", policy, "an AuditPolicy or None", "AuditPolicy(或不填)")
        days = self.days = DayIndex(calendar)
        base = days.base
        self.versions = versions
        self.policy = policy
        self.warn = policy.warn_within
        self.as_of = as_of
        # The audit day as an index (a datetime counts as its date).
        self.now = None if as_of is None else as_of.toordinal() - base
        self.move = policy.receipt is ReceiptPolicy.NEXT_WORKING_DAY
        self.last = versions.open_last
        self.last_start = versions.open_last_start.toordinal() - base
        # From this receipt on an e-mail counts from its confirmation (2019 art. 31(三)): the
        # first version that fixes receipts itself; None under the 207号 option.
        first = None if policy.email_received_by_mail_system else versions.receipt_fixed_from
        self.email_from_day = first
        self.email_from = None if first is None else first.toordinal() - base
        #: raw receipt -> (receipt, version, plain due date or the calendar's refusal)
        self._receipts: dict[int, tuple[int, ReplyVersion, int | CalendarCoverageError]] = {}

    @property
    def calendar(self) -> WorkCalendar:
        return self.days.calendar

    # -- duties judged ----------------------------------------------------------------------

    def _count(self, a: int, b: int) -> int | None:
        """The working days in (a, b], or ``None`` where the calendar has no data."""
        try:
            return self.days.between(a, b)
        except CalendarCoverageError:
            return None

    def _judge(
        self,
        kind: DutyKind,
        due: int,
        done: int | None,
        now: int | None,
        findings: list[Finding] | None,
    ) -> DutyRow:
        provisional = type(due) is not int
        if done is not None:
            if done <= due:
                return kind, due, done, _ON_TIME, 0, 0, None, provisional
            return kind, due, done, _LATE, self._count(due, done), done - due, None, provisional
        if now is None:
            return kind, due, None, _PENDING, 0, 0, None, provisional
        if now <= due:
            remaining = self._count(now, due)
            if findings is not None and remaining is not None and remaining <= self.warn:
                findings.append(Finding("due_soon", (kind, remaining, self.days.date(due))))
            return kind, due, None, _PENDING, 0, 0, remaining, provisional
        return kind, due, None, _OVERDUE, self._count(due, now), now - due, None, provisional

    # -- the steps --------------------------------------------------------------------------

    def _moved(self, day: int) -> int:
        """A receipt (or corrected application) recorded on ``day``, after the rest-day policy:
        :func:`gov_deadlines.catalogue.receipt.effective_receipt` over day indices."""
        days = self.days
        if self.move and not days.is_workday(day):
            return days.add(day, 1)
        return day

    def _receipt(self, raw: int) -> tuple[int, ReplyVersion, int | CalendarCoverageError]:
        """The day a receipt recorded on ``raw`` counts from, the version in force then and
        the reply's due date without 补正, consultation or extension (or why the calendar
        cannot tell). Raises CalendarCoverageError (the receipt day itself unknown) and
        CaseError (before the 2008 条例)."""
        found = self._receipts.get(raw)
        if found is not None:
            return found
        days = self.days
        receipt = self._moved(raw)
        last = self.last
        ver = (
            last
            if last is not None and receipt >= self.last_start
            else self.versions.at(days.date(receipt))
        )
        due: int | CalendarCoverageError
        try:
            due = days.add(receipt, ver.n)
        except CalendarCoverageError as error:
            due = error
        found = self._receipts[raw] = (receipt, ver, due)
        return found

    def _spans(
        self,
        consultations: tuple[tuple[Party, int, int | None], ...],
        ver: ReplyVersion,
        replied: int | None,
        findings: list[Finding],
    ) -> list[SpanRow] | None:
        """The consultations whose time is excluded; ``None`` when the clock stands still."""
        days = self.days
        date = days.date
        spans: list[SpanRow] = []
        cap = ver.consult_cap
        for party, sent, answered in consultations:
            if party is Party.AGENCY and not ver.agency_excluded:
                findings.append(
                    Finding("agency_not_excluded", (date(sent), ver.label, ver.reply.clause))
                )
                continue
            end = answered
            capped = False
            if cap is not None:
                cap_end = days.add(sent, cap)
                if end is None:
                    findings.append(
                        Finding("consult_unanswered", (party, date(sent), date(cap_end), cap))
                    )
                    end, capped = cap_end, True
                elif end > cap_end:
                    capped_at = (party, date(sent), date(end), date(cap_end), cap)
                    findings.append(Finding("consult_capped", capped_at))
                    end, capped = cap_end, True
            elif end is None:
                now = self.now
                if replied is not None and (now is None or replied <= now):
                    end, basis = replied, "replied"
                elif now is not None:
                    end, basis = now, "as_of"
                else:
                    findings.append(Finding("consult_waiting", (party, date(sent), ver.label)))
                    return None
                findings.append(
                    Finding("consult_open", (party, date(sent), date(end), basis, ver.label))
                )
            spans.append((party, sent, answered, end, capped))
        return spans

    def _shift(self, start: int, n: int, spans: list[SpanRow]) -> tuple[int, int, set[int]]:
        """The n-th working day after ``start`` not inside a consultation, the days excluded,
        and which spans moved it (by position). Overlapping consultations count once; a
        consultation sent on or after the deadline as it stands is not excluded."""
        days = self.days
        due = days.add(start, n)
        if not spans:
            return due, 0, set()
        intervals = sorted(
            (max(sent, start), end, position)
            for position, (_, sent, _, end, _) in enumerate(spans)
            if end > max(sent, start)
        )
        merged: list[tuple[int, int, list[int]]] = []
        for low, high, position in intervals:
            if merged and low <= merged[-1][1]:
                last = merged[-1]
                merged[-1] = (last[0], max(last[1], high), [*last[2], position])
            else:
                merged.append((low, high, [position]))
        excluded = 0
        applied: set[int] = set()
        for low, high, positions in merged:
            if low >= due:  # sent on or after the deadline as it stands: the period had run out
                break
            excluded += days.between(low, high)
            due = days.add(start, n + excluded)
            applied.update(positions)
        return due, excluded, applied

    def _extension(
        self,
        ver: ReplyVersion,
        base_due: int,
        approved: int,
        told: int | None,
        wanted: int | None,
        replied: int | None,
        findings: list[Finding],
    ) -> tuple[DutyRow, int]:
        date = self.days.date
        if wanted is None:
            wanted = ver.ext_cap
            findings.append(Finding("extension_days_assumed", (wanted,)))
        elif wanted > ver.ext_cap:
            findings.append(Finding("extension_over_cap", (wanted, ver.ext_cap)))
        applied = min(wanted, ver.ext_cap)
        if told is not None:
            duty = self._judge(_EXTENSION, base_due, max(approved, told), self.now, findings)
            if duty[3] is _ON_TIME:
                return duty, applied
            invalid = (date(approved), date(told), date(base_due))
            findings.append(Finding("extension_invalid", invalid))
            return duty, 0
        if replied is not None and replied <= base_due:
            # Replied within the original limit: the extension was never needed.
            findings.append(Finding("extension_unused", (date(replied), date(base_due))))
            return (_EXTENSION, base_due, None, _ON_TIME, 0, 0, None, False), 0
        findings.append(Finding("extension_not_told", (date(approved), date(base_due))))
        now = self.now
        if approved > base_due:
            # Approved after the original deadline (and not told): it can no longer be valid.
            until = approved if now is None or now < approved else now
            return self._judge(_EXTENSION, base_due, None, until, None), 0
        return self._judge(_EXTENSION, base_due, None, now, findings), 0

    def _doubtful(
        self,
        receipt: int,
        start: int | None,
        dates: tuple[int | None, int | None, int | None, int | None, int | None],
        consultations: tuple[tuple[Party, int, int | None], ...],
        extension: tuple[int | None, int | None],
        replied: int | None,
        findings: list[Finding],
    ) -> None:
        """The dates that cannot be right (:func:`~gov_deadlines.cases.plausibility.date_findings`):
        ``dates`` submitted, signed for, confirmed, 补正 asked and arrived; ``extension``
        approved and told."""
        dated: list[DatedAct] = [
            (name, day) for name, day in zip(_DATED_FIELDS, dates, strict=True) if day is not None
        ]
        for _, sent, answered in consultations:
            dated.append(("consultation_sent", sent))
            if answered is not None:
                dated.append(("consultation_answered", answered))
        for name, day in zip(_EXTENSION_FIELDS, extension, strict=True):
            if day is not None:
                dated.append((name, day))
        if replied is not None:
            dated.append(("replied", replied))
        date_findings(
            dated, receipt, start, replied, self.now, self.as_of, self.days.date, findings
        )

    # -- one case ---------------------------------------------------------------------------

    def run(self, f: CaseFacts) -> CaseRecord:
        """The clock of a case's facts on the audit day (see :meth:`_audit_row`). A record that
        holds more than the clock counts (issue 15: a notice's several dates, a disputed
        receipt, a guard-signed letter, an e-mail …) adds its findings
        (:func:`~gov_deadlines.cases.record_notes.record_notes`); a disputed receipt is
        counted once more under each candidate."""
        if f.notice_days and f.notice_policy is not self.policy.notice_date:
            f = f.with_notice_policy(self.policy.notice_date)
        if f.channel is Channel.EMAIL:
            f = f.with_email_confirm_from(self.email_from_day)
        record = self._facts_run(f)
        if (
            f.receipt_field in _PLAIN_FIELDS
            and f.signed_by is None
            and f.channel is not Channel.EMAIL
            and not f.undated
            and not f.notice_days
            and not f.receipt_disputed
            and self.as_of is not None
        ):
            return record
        disputed: tuple[tuple[dt.date, dt.date | None, str, str, Status, int | None], ...] = ()
        days = self.days
        if f.receipt_disputed and f.raw_receipt is not None:
            outcomes = [disputed_outcome(f.raw_receipt, record.duties[-1], days)]
            for day in f.receipt_disputed:
                other = self._facts_run(f.with_receipt(day))
                outcomes.append(disputed_outcome(day, other.duties[-1], days))
            disputed = tuple(outcomes)
        self._note(record, f, disputed)
        return record

    def _note(
        self,
        record: CaseRecord,
        f: CaseFacts,
        disputed: tuple[tuple[dt.date, dt.date | None, str, str, Status, int | None], ...] = (),
    ) -> None:
        version = record.version
        extra = record_notes(
            f, record.duties, self.days, self.as_of, version.consult_cap, disputed,
            version.receipt_by_analogy,
        )  # fmt: skip
        if extra:
            record.notes = (*record.notes, *extra)

    def _facts_run(self, f: CaseFacts) -> CaseRecord:
        base = self.days.base
        # The dates as indices written out, not a call of _index each: a measurable part of
        # one case's audit (audit_case).
        submitted, signed_for, confirmed = f.submitted, f.signed_for, f.confirmed
        requested, arrived = f.supplement_requested, f.supplement_received
        approved, told, replied = f.ext_approved, f.ext_told, f.replied
        received, email_received = f.received, f.email_received
        row: IndexedRow = (
            f.case_id,
            f.channel,
            None if submitted is None else submitted.toordinal() - base,
            None if signed_for is None else signed_for.toordinal() - base,
            None if confirmed is None else confirmed.toordinal() - base,
            None if requested is None else requested.toordinal() - base,
            None if arrived is None else arrived.toordinal() - base,
            tuple(
                (party, sent.toordinal() - base, _index(answered, base))
                for party, sent, answered in f.consultations
            )
            if f.consultations
            else (),
            None if approved is None else approved.toordinal() - base,
            None if told is None else told.toordinal() - base,
            f.ext_days,
            None if replied is None else replied.toordinal() - base,
        )
        return self._audit_row(
            f,
            row,
            None if received is None else received.toordinal() - base,
            f.signed_by,
            None if email_received is None else email_received.toordinal() - base,
        )

    def audit(self, source: Source, row: IndexedRow) -> CaseRecord:
        """The clock of one case on the audit day, a row read into day indices by
        :class:`~gov_deadlines.cases.columns.CellReader` (``source``: its cells); see
        :meth:`_audit_row`. Without an audit day, or for an e-mail, the record's findings are
        added (issue 15)."""
        record = self._audit_row(source, row)
        if self.as_of is None or row[1] is Channel.EMAIL:
            self._note(record, record.facts)
        return record

    def _audit_row(
        self,
        source: Source,
        row: IndexedRow,
        received: int | None = None,
        signed_by: SignedBy | None = None,
        email_received: int | None = None,
    ) -> CaseRecord:
        """The clock of one case on the audit day: ``row`` its facts as day indices (an
        :data:`~gov_deadlines.cases.columns.IndexedRow`), ``source`` the facts or the cells
        they were read from, and the record's date of receipt, signer and e-mail receipt.
        Dates out of order, no receipt, or a receipt before the 2008 条例 raise
        :class:`~gov_deadlines.cases.CaseError`; missing calendar data makes the duties that
        need it ``undetermined``."""
        (
            case_id, channel, submitted, signed_for, confirmed, requested, arrived,
            consultations, approved, told, ext_days, replied,
        ) = row  # fmt: skip
        raw, basis, assumed = receipt_by_channel(
            channel, submitted, signed_for, confirmed, received, signed_by, email_received,
            self.email_from,
        )  # fmt: skip
        plain = requested is None and not consultations and approved is None
        if raw is None or (
            (
                (submitted is not None and ((signed_for is not None and signed_for < submitted)
                 or (confirmed is not None and confirmed < submitted)))
                or (replied is not None and replied < raw)
                or arrived is not None or told is not None or ext_days is not None
            )
            if plain
            else out_of_order(
            submitted,
            signed_for,
            confirmed,
            raw,
            requested,
            arrived,
            ((sent, answered) for _, sent, answered in consultations),
            approved,
            told,
            ext_days,
            replied,
            )
        ):  # fmt: skip
            found = first_problem(source_facts(source))
            assert found is not None
            field, problem, problem_zh = found
            raise CaseError(problem, problem_zh, field=field)
        try:
            receipt, ver, plain_due = self._receipts.get(raw) or self._receipt(raw)
        except CalendarCoverageError as error:
            # Past the calendar the case is undetermined (无法计算), not malformed: the date
            # is good, the holiday data is what is missing.
            return self._undetermined(
                source, case_id, channel, basis, assumed, raw, requested, approved, told,
                replied, error,
            )  # fmt: skip
        findings: list[Finding] = []
        now = self.now
        if plain:
            # Receipt + N working days, judged.
            if not isinstance(plain_due, CalendarCoverageError):
                due: int | None = plain_due
                reply = self._judge(_REPLY, plain_due, replied, now, findings)
                status = reply[3]
                if status is _ON_TIME:
                    result = CaseResult.OK
                elif status is _LATE or status is _OVERDUE:
                    result = CaseResult.LATE
                else:
                    result = CaseResult.OPEN
            else:
                findings.append(Finding("calendar", (plain_due,)))
                due = None
                reply = (_REPLY, None, replied, _UNDETERMINED, None, 0, None, False)
                result = CaseResult.UNDETERMINED
            # Only then can plausibility.date_findings find anything.
            if (replied is not None and replied < receipt) or (
                now is not None
                and (
                    (submitted is not None and submitted > now)
                    or (signed_for is not None and signed_for > now)
                    or (confirmed is not None and confirmed > now)
                    or (replied is not None and replied > now)
                )
            ):
                self._doubtful(
                    receipt, receipt, (submitted, signed_for, confirmed, None, None), (),
                    (None, None), replied, findings,
                )  # fmt: skip
            return CaseRecord(
                self, source, case_id, channel, basis, assumed, raw, receipt, ver, receipt,
                due, 0, 0, (reply,), tuple(findings) if findings else (), result, (),
            )  # fmt: skip
        days = self.days
        date = days.date
        duties: list[DutyRow] = []

        # 补正 notice (2019 art. 30)
        if requested is not None:
            if ver.supplement_n is not None:
                try:
                    due = days.add(receipt, ver.supplement_n)
                    duties.append(self._judge(_SUPPLEMENT, due, requested, now, findings))
                except CalendarCoverageError as error:
                    findings.append(Finding("calendar", (error,)))
                    duties.append(
                        (_SUPPLEMENT, None, requested, _UNDETERMINED, None, 0, None, False)
                    )
            else:
                findings.append(Finding("supplement_no_limit", (ver.label,)))

        # the reply clock, and the extension
        start: int | None = receipt
        base_due: int | None = None
        excluded = extension_days = 0
        spans: list[SpanRow] = []
        ext_duty: DutyRow | None = None
        try:
            if requested is not None:
                if arrived is None:
                    start = None
                    findings.append(Finding("awaiting_supplement", (date(requested),)))
                else:
                    start = self._moved(arrived)
                    if start != arrived:
                        findings.append(Finding("supplement_moved", (date(arrived), date(start))))
            found_spans: list[SpanRow] | None = []
            if start is not None and consultations:
                found_spans = self._spans(consultations, ver, replied, findings)
            if start is None or found_spans is None:
                reply = (_REPLY, None, replied, _WAITING, None, 0, None, False)
                if approved is not None:
                    ext_duty = (_EXTENSION, None, told, _WAITING, None, 0, None, False)
            else:
                spans = found_spans
                applied: set[int]
                if start == receipt and not spans and isinstance(plain_due, int):
                    base_due, excluded, applied = plain_due, 0, set()
                else:
                    base_due, excluded, applied = self._shift(start, ver.n, spans)
                due = base_due
                if approved is not None:
                    ext_duty, extension_days = self._extension(
                        ver, base_due, approved, told, ext_days, replied, findings
                    )
                    if extension_days:
                        due, excluded, applied = self._shift(start, ver.n + extension_days, spans)
                for position, (party, sent, _, end, _) in enumerate(spans):
                    if position not in applied and end > max(sent, start):
                        findings.append(
                            Finding("consult_late", (party, date(sent), date(base_due)))
                        )
                reply = self._judge(_REPLY, due, replied, now, findings)
        except CalendarCoverageError as error:
            findings.append(Finding("calendar", (error,)))
            base_due = None
            reply = (_REPLY, None, replied, _UNDETERMINED, None, 0, None, False)
            if approved is not None:
                ext_duty = (_EXTENSION, None, told, _UNDETERMINED, None, 0, None, False)
        if ext_duty is not None:
            duties.append(ext_duty)
        duties.append(reply)
        late = undetermined = still_open = False
        for duty in duties:
            status = duty[3]
            if status is _LATE or status is _OVERDUE:
                late = True
            elif status is _UNDETERMINED:
                undetermined = True
            elif status is _PENDING or status is _WAITING:
                still_open = True
        if late:
            result = CaseResult.LATE
        elif approved is not None and any(item.code == "extension_over_cap" for item in findings):
            result = CaseResult.PROBLEM
        elif undetermined:
            result = CaseResult.UNDETERMINED
        else:
            result = CaseResult.OPEN if still_open else CaseResult.OK
        # Only then can plausibility.date_findings find anything: an act before the receipt
        # (moved off a rest day), a reply before the clock started, a date after the audit day.
        if (
            (
                receipt != raw
                and (
                    (requested is not None and requested < receipt)
                    or (approved is not None and approved < receipt)
                    or (replied is not None and replied < receipt)
                    or any(sent < receipt for _, sent, _ in consultations)
                )
            )
            or (replied is not None and start is not None and receipt <= replied < start)
            or (
                now is not None
                and any(
                    day is not None and day > now
                    for day in (
                        submitted, signed_for, confirmed, requested, arrived, approved, told,
                        replied,
                    )
                )
            )
            or (
                now is not None
                and any(
                    sent > now or (answered is not None and answered > now)
                    for _, sent, answered in consultations
                )
            )
        ):  # fmt: skip
            self._doubtful(
                receipt, start, (submitted, signed_for, confirmed, requested, arrived),
                consultations, (approved, told), replied, findings,
            )  # fmt: skip
        return CaseRecord(
            self, source, case_id, channel, basis, assumed, raw, receipt, ver, start,
            base_due, excluded, extension_days, tuple(duties), tuple(findings), result,
            tuple(spans),
        )  # fmt: skip

    def _undetermined(
        self,
        source: Source,
        case_id: str,
        channel: Channel,
        basis: str,
        assumed: bool,
        raw: int,
        requested: int | None,
        approved: int | None,
        told: int | None,
        replied: int | None,
        error: CalendarCoverageError,
    ) -> CaseRecord:
        """A case whose receipt day itself needs holiday data not loaded: whether it was a
        rest day (moved to the next working day) is unknown, so is every due date."""
        ver = self.versions.at(self.days.date(raw))  # before the 2008 条例: no rule applies
        duties: list[DutyRow] = []
        if requested is not None and ver.supplement_n is not None:
            duties.append((_SUPPLEMENT, None, requested, _UNDETERMINED, None, 0, None, False))
        if approved is not None:
            duties.append((_EXTENSION, None, told, _UNDETERMINED, None, 0, None, False))
        duties.append((_REPLY, None, replied, _UNDETERMINED, None, 0, None, False))
        notes = (Finding("calendar", (error,)),)
        return CaseRecord(
            self, source, case_id, channel, basis, assumed, raw, raw, ver, None, None, 0, 0,
            tuple(duties), notes, CaseResult.UNDETERMINED, (),
        )  # fmt: skip


def evaluate(
    f: CaseFacts,
    cal: WorkCalendar,
    as_of: dt.date | None,
    policy: AuditPolicy,
    versions: ReplyVersions,
) -> CaseVerdict:
    """The verdict of one case on ``as_of``: :meth:`CaseClock.run`, as a
    :class:`CaseVerdict` (a batch makes one :class:`CaseClock` and reuses it)."""
    return CaseVerdict(CaseClock(cal, versions, policy, as_of).run(f))


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
    _, facts = parse_case_facts(case)
    cal = calendar if calendar is not None else default_calendar()
    clock = CaseClock(
        cal, reply_versions(catalogue), policy if policy is not None else DEFAULT_POLICY, as_of
    )
    return CaseVerdict(clock.run(facts))
