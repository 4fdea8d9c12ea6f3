"""JSON records of audited cases: a duty (:class:`DutyRecord`), a finding
(:class:`FindingRecord`), a case (:class:`CaseVerdictRecord`) and an unreadable row
(:class:`MalformedRowRecord`); ``docs/audit.md`` documents them, ``docs/vocabulary.md``
their shared names.

Imported only by the results' ``to_record()``. The audit writes one record per row of files
of a million rows, so the records are built without a second validation of values the
clock has already checked — by :func:`_built`, what ``model_construct`` does less its
per-field loops (which alone made JSON Lines 1.3× slower); the tests validate real records
against the published JSON Schemas and check that a validated copy equals the built one.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from gov_deadlines.counting.records import STAMP_DESCRIPTION
from gov_deadlines.vocabulary import Lang, Status

if TYPE_CHECKING:
    from gov_deadlines.cases.batch import RowResult
    from gov_deadlines.cases.duties import Duty, Finding
    from gov_deadlines.cases.verdict import CaseVerdict

__all__ = [
    "CaseVerdictRecord",
    "DutyRecord",
    "FindingRecord",
    "MalformedRowRecord",
    "ReceiptOutcomeRecord",
    "RowErrorRecord",
    "case_verdict_to_record",
    "duty_to_record",
    "finding_to_record",
    "row_result_to_record",
]


class DutyRecord(BaseModel):
    """One duty of the agency in a case, judged."""

    model_config = ConfigDict(frozen=True)

    duty: str = Field(description="supplement_notice, extension or reply")
    due_date: dt.date | None
    done_on: dt.date | None
    status: Status
    late_by_workdays: int | None
    late_by_days: int
    remaining_workdays: int | None
    provisional: bool


class FindingRecord(BaseModel):
    """A note on the case, a warning, or a problem."""

    model_config = ConfigDict(frozen=True)

    code: str
    problem: bool
    warning: bool
    text: str


class ReceiptOutcomeRecord(BaseModel):
    """The reply's outcome if the case was received on one candidate date (a disputed
    receipt, issue 15): the first is the receipt the record's own fields give."""

    model_config = ConfigDict(frozen=True)

    receipt_date: dt.date
    reply_due_date: dt.date | None
    reply_status: str
    late_by_workdays: int | None


class CaseVerdictRecord(BaseModel):
    """The audit of one case (one line of the audit's JSON Lines)."""

    model_config = ConfigDict(frozen=True)

    line: int | None = Field(default=None, description="the input line, in a batch")
    case_id: str
    result: str = Field(description="ok, late, problem, open or undetermined")
    channel: str
    receipt_date: dt.date = Field(description="the day the application counts as received")
    recorded_receipt_date: dt.date
    receipt_field: str
    receipt_assumed: bool
    version: str
    rule: str
    clock_start: dt.date | None
    base_due_date: dt.date | None
    excluded_workdays: int
    extension_workdays: int
    as_of: dt.date | None
    provisional: bool
    stamp: str = Field(default="", description=STAMP_DESCRIPTION)
    duties: list[DutyRecord]
    findings: list[FindingRecord]
    explanation: str | None = None
    receipt_alternatives: list[ReceiptOutcomeRecord] = Field(
        default=[],
        description="a disputed receipt: the reply's outcome under each candidate date",
    )


class RowErrorRecord(BaseModel):
    """Why a row could not be read."""

    model_config = ConfigDict(frozen=True)

    field: str | None
    message: str


class MalformedRowRecord(BaseModel):
    """A row of the audit that could not be read (``result`` is ``malformed``)."""

    model_config = ConfigDict(frozen=True)

    line: int
    case_id: str
    result: str = "malformed"
    error: RowErrorRecord


_set_attribute = object.__setattr__
_M = TypeVar("_M", bound=BaseModel)


def _built(cls: type[_M], values: dict[str, object]) -> _M:
    """A record from values of the right types, every field given (``model_construct``
    without its loops over the fields: no defaults to fill, no aliases, no extras)."""
    record = cls.__new__(cls)
    _set_attribute(record, "__dict__", values)
    _set_attribute(record, "__pydantic_fields_set__", set(values))
    _set_attribute(record, "__pydantic_extra__", None)
    _set_attribute(record, "__pydantic_private__", None)
    return record


def duty_to_record(duty: Duty) -> DutyRecord:
    return _built(
        DutyRecord,
        {
            "duty": duty.kind.value,
            "due_date": _plain(duty.due_date),
            "done_on": duty.done_on,
            "status": duty.status,
            "late_by_workdays": duty.late_by_workdays,
            "late_by_days": duty.late_by_days,
            "remaining_workdays": duty.remaining_workdays,
            "provisional": duty.provisional,
        },
    )


def finding_to_record(finding: Finding, lang: Lang = "zh") -> FindingRecord:
    return _built(
        FindingRecord,
        {
            "code": finding.code,
            "problem": finding.problem,
            "warning": finding.warning,
            "text": finding.text(lang),
        },
    )


def _day(day: dt.date) -> dt.date:
    """A provisional date as a plain ``date`` (its mark is the record's ``provisional``)."""
    return day if type(day) is dt.date else dt.date(day.year, day.month, day.day)


def _plain(day: dt.date | None) -> dt.date | None:
    return None if day is None else _day(day)


def case_verdict_to_record(
    verdict: CaseVerdict, lang: Lang = "zh", *, explanation: bool = False, line: int | None = None
) -> CaseVerdictRecord:
    return _built(
        CaseVerdictRecord,
        {
            "line": line,
            "case_id": verdict.case_id,
            "result": verdict.result.value,
            "channel": verdict.channel.value,
            "receipt_date": _day(verdict.receipt_date),
            "recorded_receipt_date": _day(verdict.recorded_receipt_date),
            "receipt_field": verdict.receipt_field,
            "receipt_assumed": verdict.receipt_assumed,
            "version": verdict.version,
            "rule": verdict.reply_version.reply.id,
            "clock_start": _plain(verdict.clock_start),
            "base_due_date": _plain(verdict.base_due_date),
            "excluded_workdays": verdict.excluded_workdays,
            "extension_workdays": verdict.extension_workdays,
            "as_of": verdict.as_of,
            "provisional": verdict.provisional,
            "stamp": verdict.stamp.text(),
            "duties": [duty_to_record(d) for d in verdict.duties],
            "findings": [finding_to_record(f, lang) for f in verdict.findings],
            "explanation": verdict.explain(lang) if explanation else None,
            "receipt_alternatives": _alternatives(verdict),
        },
    )


def _alternatives(verdict: CaseVerdict) -> list[ReceiptOutcomeRecord]:
    for finding in verdict.notes:
        if finding.code == "receipt_disputed":
            return [
                ReceiptOutcomeRecord.model_construct(
                    receipt_date=_day(receipt),
                    reply_due_date=_plain(due),
                    reply_status=status.value,
                    late_by_workdays=late,
                )
                for receipt, due, _, _, status, late in finding.args[0]
            ]
    return []


def row_result_to_record(
    row: RowResult, lang: Lang = "zh", *, explanation: bool = False
) -> CaseVerdictRecord | MalformedRowRecord:
    if row.verdict is not None:
        return case_verdict_to_record(row.verdict, lang, explanation=explanation, line=row.line)
    error = row.error
    assert error is not None
    return MalformedRowRecord.model_construct(
        line=row.line,
        case_id=row.case_id,
        result="malformed",
        error=RowErrorRecord.model_construct(field=error.field, message=error.message(lang)),
    )
