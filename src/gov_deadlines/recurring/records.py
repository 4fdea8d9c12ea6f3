"""JSON records of recurring duties: a window (:class:`OccurrenceRecord`), its verdict
against an activity log (:class:`WindowVerdictRecord`) and a whole check
(:class:`LogCheckRecord`).

Imported only by the results' ``to_record()``: pydantic stays out of a plain ``schedule``.
Field names follow ``docs/vocabulary.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from gov_deadlines.counting.records import STAMP_DESCRIPTION, CitationRecord
from gov_deadlines.vocabulary import Lang, Status

if TYPE_CHECKING:
    from gov_deadlines.recurring.compliance import LogCheck, UnmatchedEntry, WindowVerdict
    from gov_deadlines.recurring.log import LogEntry
    from gov_deadlines.recurring.windows import Occurrence

__all__ = [
    "LogCheckRecord",
    "LogEntryRecord",
    "OccurrenceRecord",
    "UnmatchedEntryRecord",
    "WindowVerdictRecord",
    "log_check_to_record",
    "occurrence_to_record",
    "unmatched_to_record",
    "window_verdict_to_record",
]


class OccurrenceRecord(BaseModel):
    """One window (or fixed date) of a recurring duty in one year."""

    model_config = ConfigDict(frozen=True)

    rule: str
    applied_rule: str
    act: str
    kind: str
    strength: str
    title: str
    source: str
    year: int
    window: str
    window_label: str
    window_start: dt.date
    window_end: dt.date
    due_date: dt.date = Field(description="the last day to act, until 24:00")
    required: int
    last_workday: dt.date | None
    provisional: bool
    stamp: str = Field(default="", description=STAMP_DESCRIPTION)
    citation: CitationRecord
    explanation: list[str] | None = None


class LogEntryRecord(BaseModel):
    """One act of the activity log."""

    model_config = ConfigDict(frozen=True)

    rule: str
    done_on: dt.date = Field(description="the day it was done")
    note: str
    line: int | None


class WindowVerdictRecord(BaseModel):
    """What the log shows for one window of one duty."""

    model_config = ConfigDict(frozen=True)

    rule: str
    act: str
    kind: str
    title: str
    window_label: str
    window_start: dt.date
    window_end: dt.date
    due_date: dt.date
    required: int
    found: int
    status: Status = Field(description="on_time, late, overdue or pending")
    met: bool
    done_on: dt.date | None = Field(description="the act that fulfilled the window, if any")
    late_by_days: int | None
    late_by_workdays: int | None
    remaining_workdays: int | None
    provisional: bool
    stamp: str = Field(default="", description=STAMP_DESCRIPTION)
    entries: list[LogEntryRecord]
    finding: str
    summary: str


class UnmatchedEntryRecord(BaseModel):
    """A log entry that counts for no window, and why."""

    model_config = ConfigDict(frozen=True)

    rule: str
    done_on: dt.date
    note: str
    line: int | None
    reason: str


class LogCheckRecord(BaseModel):
    """A check of an activity log against a year of recurring duties."""

    model_config = ConfigDict(frozen=True)

    year: int
    all_met: bool
    verdicts: list[WindowVerdictRecord]
    unmatched: list[UnmatchedEntryRecord]


def occurrence_to_record(
    occ: Occurrence, lang: Lang = "zh", *, explanation: bool = False
) -> OccurrenceRecord:
    return OccurrenceRecord(
        rule=occ.rule_id,
        applied_rule=occ.applied_rule_id,
        act=occ.act,
        kind=occ.kind,
        strength=occ.strength,
        title=occ.title(lang),
        source=occ.rule.source.id,
        year=occ.year,
        window=occ.window_kind,
        window_label=occ.window_label(lang),
        window_start=occ.window_start,
        window_end=occ.window_end,
        due_date=occ.due_date,
        required=occ.required,
        last_workday=occ.last_workday,
        provisional=occ.provisional,
        stamp=occ.stamp.text(),
        citation=occ.rule.citation_record(),
        explanation=occ.explain_lines(lang) if explanation else None,
    )


def _entry(entry: LogEntry) -> LogEntryRecord:
    return LogEntryRecord(rule=entry.rule, done_on=entry.done_on, note=entry.note, line=entry.line)


def window_verdict_to_record(verdict: WindowVerdict, lang: Lang = "zh") -> WindowVerdictRecord:
    occ = verdict.occurrence
    return WindowVerdictRecord(
        rule=occ.rule_id,
        act=occ.act,
        kind=occ.kind,
        title=occ.title(lang),
        window_label=occ.window_label(lang),
        window_start=occ.window_start,
        window_end=occ.window_end,
        due_date=occ.due_date,
        required=verdict.required,
        found=verdict.found,
        status=verdict.status,
        met=verdict.met,
        done_on=verdict.done_on,
        late_by_days=verdict.late_by_days,
        late_by_workdays=verdict.late_by_workdays,
        remaining_workdays=verdict.remaining_workdays,
        provisional=verdict.provisional,
        stamp=verdict.stamp.text(),
        entries=[_entry(e) for e in verdict.entries],
        finding=verdict.finding(lang),
        summary=verdict.summary(lang),
    )


def unmatched_to_record(item: UnmatchedEntry, lang: Lang = "zh") -> UnmatchedEntryRecord:
    e = item.entry
    return UnmatchedEntryRecord(
        rule=e.rule, done_on=e.done_on, note=e.note, line=e.line, reason=item.reason(lang)
    )


def log_check_to_record(check: LogCheck, lang: Lang = "zh") -> LogCheckRecord:
    return LogCheckRecord(
        year=check.year,
        all_met=check.all_met,
        verdicts=[window_verdict_to_record(v, lang) for v in check],
        unmatched=[unmatched_to_record(u, lang) for u in check.unmatched],
    )
