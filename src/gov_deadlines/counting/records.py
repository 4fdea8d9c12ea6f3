"""JSON-ready records of results, for storing and for other tools (stable field names).

The same fields come out whatever the language; only ``explanation`` and ``summary`` are
text in the language asked for. ``docs/cli.md`` documents them; their JSON Schemas are in
``docs/schemas/`` (and shipped in the package, ``data/schemas/``). This module is imported
only by ``to_record()``: pydantic stays out of the start-up of a plain ``due``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from gov_deadlines.vocabulary import Lang, Status

if TYPE_CHECKING:
    from gov_deadlines.counting.deadlines import Deadline
    from gov_deadlines.counting.verdict import Verdict


#: The description of every record's ``stamp`` (docs/vocabulary.md, "Stamps").
STAMP_DESCRIPTION = (
    "the data the result rests on: each calendar year read as YEAR=KIND:NOTICE:HASH "
    "(KIND official, overlay, provisional or none), then after '|' each rule document "
    "used as SOURCE:HASH (docs/vocabulary.md#stamps); gov-deadlines recheck reads it"
)


class ConventionRecord(BaseModel):
    """The counting convention applied."""

    model_config = ConfigDict(frozen=True)

    unit: str
    roll: bool
    posting_day_counts: bool
    cutoff: str | None
    description_zh: str
    description_en: str
    articles: list[str]


class CitationRecord(BaseModel):
    """The rule and the words of its source document."""

    model_config = ConfigDict(frozen=True)

    rule: str
    title_zh: str
    title_en: str
    source: str
    document: str
    number: str
    date: dt.date | None
    clause: str
    quote: str
    strength: str
    kind: str
    verified: bool = Field(
        default=True,
        description="false: the quote is not checked against the official text (未核对官方全文)",
    )
    unverified_zh: str = ""
    unverified_en: str = ""


class VerdictRecord(BaseModel):
    """The outcome of checking an act against a deadline."""

    model_config = ConfigDict(frozen=True)

    status: Status = Field(description="on_time, late, or short (a notice taken down early)")
    on_time: bool
    due_date: dt.date
    due_at: dt.datetime
    done_on: dt.date = Field(description="the day the act was done (Beijing)")
    done_at: dt.datetime | None = Field(description="the instant, when a time was given")
    late_by_days: int
    late_by_workdays: int | None
    late_by_seconds: float | None
    early_by_workdays: int | None
    short_by_days: int
    provisional: bool
    stamp: str = Field(default="", description=STAMP_DESCRIPTION)
    summary: str
    warnings: list[str] = []
    explanation: list[str] | None = None


class DeadlineRecord(BaseModel):
    """A computed deadline."""

    model_config = ConfigDict(frozen=True)

    rule: str | None
    citation: CitationRecord | None
    period: str
    period_en: str
    unit: str
    trigger: str
    trigger_date: dt.date
    #: The day a receipt dated on a rest day counts from (rest-day receipt policy), else null.
    receipt_date: dt.date | None = None
    due_date: dt.date
    due_at: dt.datetime
    provisional: bool
    convention: ConventionRecord
    unrolled_date: dt.date | None
    earliest_removal: dt.date | None
    earliest_removal_at: dt.datetime | None
    last_workday: dt.date | None
    before_trigger: bool = Field(
        default=False,
        description="a fixed date before the trigger date given (固定日期早于依据日期): "
        "the duty is overdue from the start; the explanation names the next year's date",
    )
    calendar_data: list[str]
    stamp: str = Field(default="", description=STAMP_DESCRIPTION)
    asked_rule: str | None = Field(
        default=None,
        description="the rule id as asked (a family id such as ogi.reply picks the version "
        "in force), null for an ad-hoc period",
    )
    receipt_as_recorded: bool = Field(
        default=False,
        description="a receipt was counted from the day given even if a rest day "
        "(--receipt-as-recorded)",
    )
    explanation: list[str] | None
    verdict: VerdictRecord | None = None


def _trigger_text(trigger: object) -> str:
    if isinstance(trigger, dt.datetime | dt.date):
        return trigger.isoformat()
    return str(trigger)


def deadline_to_record(
    deadline: Deadline, lang: Lang = "zh", *, explanation: bool = False
) -> DeadlineRecord:
    """The record of ``deadline`` (see :meth:`Deadline.to_record`)."""
    rule = deadline.rule
    convention = deadline.convention
    return DeadlineRecord(
        rule=rule.id if rule is not None else None,
        citation=rule.citation_record() if rule is not None else None,
        period=deadline.period.text("zh"),
        period_en=deadline.period.text("en"),
        unit=convention.unit.value,
        trigger=_trigger_text(deadline.trigger),
        trigger_date=deadline.trigger_date,
        receipt_date=deadline.receipt_date,
        due_date=deadline.due_date,
        due_at=deadline.due_at,
        provisional=deadline.provisional,
        convention=ConventionRecord(
            unit=convention.unit.value,
            roll=convention.roll,
            posting_day_counts=convention.posting_day_counts,
            cutoff=convention.cutoff.strftime("%H:%M") if convention.cutoff else None,
            description_zh=convention.describe("zh"),
            description_en=convention.describe("en"),
            articles=list(deadline.articles().values()),
        ),
        unrolled_date=deadline.unrolled_date,
        earliest_removal=deadline.earliest_removal,
        earliest_removal_at=deadline.due_at if deadline.earliest_removal is not None else None,
        last_workday=deadline.last_workday,
        before_trigger=deadline.before_trigger,
        calendar_data=list(deadline.calendar_data),
        stamp=deadline.stamp.text(),
        asked_rule=deadline.asked_rule,
        receipt_as_recorded=deadline.receipt_as_recorded,
        explanation=deadline.explain_lines(lang) if explanation else None,
    )


def verdict_to_record(
    verdict: Verdict, lang: Lang = "zh", *, explanation: bool = False
) -> VerdictRecord:
    """The record of ``verdict`` (see :meth:`Verdict.to_record`)."""
    late = verdict.late_by_time
    return VerdictRecord(
        status=verdict.status,
        on_time=verdict.on_time,
        due_date=verdict.due_date,
        due_at=verdict.due_at,
        done_on=verdict.done_on,
        done_at=verdict.done_at,
        late_by_days=verdict.late_by_days,
        late_by_workdays=verdict.late_by_workdays,
        late_by_seconds=late.total_seconds() if late is not None else None,
        early_by_workdays=verdict.early_by_workdays,
        short_by_days=verdict.short_by_days,
        provisional=verdict.provisional,
        stamp=verdict.stamp.text(),
        summary=verdict.summary(lang),
        warnings=verdict.warnings(lang),
        explanation=verdict.explain(lang).split("\n") if explanation else None,
    )
