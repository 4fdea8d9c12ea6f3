"""The JSON record of a batch audit's summary (:class:`AuditSummaryRecord`).

Imported only by :meth:`gov_deadlines.outputs.Summary.to_record` (pydantic stays out of
the writers' imports). ``docs/audit.md`` documents the keys.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from gov_deadlines.vocabulary import Lang

if TYPE_CHECKING:
    from gov_deadlines.outputs.summary import Summary

__all__ = [
    "AuditSummaryRecord",
    "DoubtfulFindingRecord",
    "DoubtfulRowRecord",
    "MalformedExampleRecord",
    "summary_to_record",
]


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


class AuditSummaryRecord(BaseModel):
    """The counts of a batch audit (``audit --json``)."""

    model_config = ConfigDict(frozen=True)

    total: int
    as_of: dt.date | None
    results: dict[str, int]
    versions: dict[str, int]
    duties: dict[str, dict[str, int]]
    max_late_workdays: dict[str, dict[str, int]]
    extension_over_cap: int
    warnings: int
    provisional: int
    malformed_rows: list[MalformedExampleRecord]
    ignored_columns: list[str]
    blank_rows: int
    doubtful: int
    doubtful_rows: list[DoubtfulRowRecord]


def summary_to_record(summary: Summary, lang: Lang = "zh") -> AuditSummaryRecord:
    return AuditSummaryRecord(
        total=summary.total,
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
        extension_over_cap=summary.extension_over_cap,
        warnings=summary.warnings,
        provisional=summary.provisional,
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
    )
