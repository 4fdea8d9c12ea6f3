"""The JSON records of the outputs: a writer's summary (:class:`WriteSummaryRecord`, the
``.ics`` writer's :class:`IcsSummaryRecord`, the batch audit's :class:`AuditSummaryRecord`)
and a row of the supervision form (:class:`SupervisionRowRecord`).

Imported only by the ``to_record()`` methods (pydantic stays out of the writers' imports).
``docs/audit.md`` documents the audit summary's keys.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from gov_deadlines.outputs.recheck_records import RecheckItemRecord, RecheckRecord
from gov_deadlines.vocabulary import Lang

if TYPE_CHECKING:
    from gov_deadlines.outputs.summary import Summary

__all__ = [
    "AuditSummaryRecord",
    "DoubtfulFindingRecord",
    "DoubtfulRowRecord",
    "DueSoonRecord",
    "IcsSummaryRecord",
    "MalformedExampleRecord",
    "RecheckItemRecord",
    "RecheckRecord",
    "SupervisionRowRecord",
    "WriteSummaryRecord",
    "summary_to_record",
]


class WriteSummaryRecord(BaseModel):
    """What a writer wrote: its rows, and those whose dates are provisional."""

    model_config = ConfigDict(frozen=True)

    rows: int
    provisional_rows: int


class IcsSummaryRecord(WriteSummaryRecord):
    """What an ``.ics`` export wrote: ``rows`` occurrences as ``events``, with ``alarms``."""

    events: int
    alarms: int


class SupervisionRowRecord(BaseModel):
    """One row of the supervision form (seed 002); ``completion`` is its 完成情况 text."""

    model_config = ConfigDict(frozen=True)

    task: str
    completed: bool
    not_due: bool
    completion: str
    problems: str
    remedy: str
    responsible: str
    materials_from: str
    provisional: bool


class MalformedExampleRecord(BaseModel):
    """A row that could not be read, as an example in the summary."""

    model_config = ConfigDict(frozen=True)

    line: int
    case_id: str
    field: str | None
    message: str


class DoubtfulFindingRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    text: str


class DoubtfulRowRecord(BaseModel):
    """A row with a date that cannot be right, as an example in the summary."""

    model_config = ConfigDict(frozen=True)

    line: int
    case_id: str
    findings: list[DoubtfulFindingRecord]


class DueSoonRecord(BaseModel):
    """A case whose next duty falls due within ``audit --due-within N`` working days."""

    model_config = ConfigDict(frozen=True)

    line: int
    case_id: str
    duty: str
    due_date: dt.date
    remaining_workdays: int
    provisional: bool


class AuditSummaryRecord(WriteSummaryRecord):
    """The counts of a batch audit (``audit --json``); ``rows`` = ``total``."""

    total: int
    as_of: dt.date | None
    results: dict[str, int]
    versions: dict[str, int]
    duties: dict[str, dict[str, int]]
    max_late_workdays: dict[str, dict[str, int]]
    #: Late or overdue duties whose working days cannot be counted (no calendar data), not
    #: in ``max_late_workdays``.
    uncounted_late: dict[str, dict[str, int]] = {}
    extension_over_cap: int
    warnings: int
    malformed_rows: list[MalformedExampleRecord]
    ignored_columns: list[str]
    blank_rows: int
    doubtful: int
    doubtful_rows: list[DoubtfulRowRecord]
    due_within: int | None = None
    due_soon: list[DueSoonRecord] = []


def summary_to_record(summary: Summary, lang: Lang = "zh") -> AuditSummaryRecord:
    return AuditSummaryRecord(
        rows=summary.rows,
        provisional_rows=summary.provisional_rows,
        total=summary.rows,
        as_of=summary.as_of,
        results=dict(summary.results),
        versions=dict(summary.versions),
        duties={
            kind.value: {status.value: count for status, count in counts.items()}
            for kind, counts in summary.duties.items()
        },
        max_late_workdays={
            kind.value: {status.value: days for status, days in worst.items()}
            for kind, worst in summary.max_late.items()
        },
        uncounted_late={
            kind.value: {status.value: count for status, count in counts.items()}
            for kind, counts in summary.uncounted_late.items()
        },
        extension_over_cap=summary.extension_over_cap,
        warnings=summary.warnings,
        malformed_rows=[
            MalformedExampleRecord(
                line=line, case_id=case_id, field=error.field, message=error.message(lang)
            )
            for line, case_id, error in summary.malformed_examples
        ],
        ignored_columns=list(summary.ignored_columns),
        blank_rows=summary.blank_rows,
        doubtful=summary.doubtful,
        doubtful_rows=[
            DoubtfulRowRecord(
                line=line,
                case_id=case_id,
                findings=[
                    DoubtfulFindingRecord(code=finding.code, text=finding.text(lang))
                    for finding in found
                ],
            )
            for line, case_id, found in summary.doubtful_examples
        ],
        due_within=summary.due_within,
        due_soon=[
            DueSoonRecord(
                line=line,
                case_id=case_id,
                duty=kind.value,
                due_date=due,
                remaining_workdays=remaining,
                provisional=provisional,
            )
            for due, line, case_id, kind, remaining, provisional in summary.due_soon
        ],
    )
