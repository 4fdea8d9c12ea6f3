"""The JSON records of a re-check (:func:`gov_deadlines.recheck`): one per stored record
(:class:`RecheckItemRecord`) and the whole re-check (:class:`RecheckRecord`).

Imported only by the ``to_record()`` methods: pydantic stays out of the re-check's imports.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from gov_deadlines.vocabulary import Lang

if TYPE_CHECKING:
    from gov_deadlines.outputs.rechecking import Recheck, RecheckItem

__all__ = ["RecheckItemRecord", "RecheckRecord", "recheck_item_to_record", "recheck_to_record"]


class RecheckItemRecord(BaseModel):
    """What the re-check found for one stored record."""

    model_config = ConfigDict(frozen=True)

    position: int = Field(description="the record's place in the input, from 1 (its line)")
    kind: str = Field(description="deadline, occurrence or window ('' when unreadable)")
    subject: str = Field(description="the rule (or period) and the trigger or window start")
    outcome: str = Field(
        description="untouched (inputs unchanged, not recomputed), unchanged (recomputed, "
        "same result), changed, refused (no answer with the new data), rerun (re-run the "
        "command that made it), unreadable"
    )
    old_date: dt.date | None = Field(description="the due date stored")
    new_date: dt.date | None = Field(description="the due date the new data gives")
    old_provisional: bool
    new_provisional: bool
    old_verdict: str | None = Field(description="a stored check's status, if the record has one")
    new_verdict: str | None
    reasons: list[str] = Field(description="why, in the language asked for")
    old_stamp: str
    new_stamp: str
    summary: str


class RecheckRecord(BaseModel):
    """A re-check of stored records against a new calendar or catalogue."""

    model_config = ConfigDict(frozen=True)

    records: int = Field(description="the records read")
    recomputed: int = Field(description="the records recomputed (the others were left alone)")
    counts: dict[str, int] = Field(description="records by outcome")
    items: list[RecheckItemRecord] = Field(
        description="every record that is not untouched (all of them with --explain)"
    )


def recheck_item_to_record(item: RecheckItem, lang: Lang = "zh") -> RecheckItemRecord:
    return RecheckItemRecord(
        position=item.position,
        kind=item.kind,
        subject=item.subject,
        outcome=item.outcome.value,
        old_date=item.old_date,
        new_date=item.new_date,
        old_provisional=item.old_provisional,
        new_provisional=item.new_provisional,
        old_verdict=item.old_verdict,
        new_verdict=item.new_verdict,
        reasons=[reason.text(lang) for reason in item.reasons],
        old_stamp=item.old_stamp,
        new_stamp=item.new_stamp,
        summary=item.summary(lang),
    )


def recheck_to_record(
    check: Recheck, lang: Lang = "zh", *, everything: bool = False
) -> RecheckRecord:
    shown = [item for item in check if everything or item.outcome.value != "untouched"]
    return RecheckRecord(
        records=len(check),
        recomputed=check.recomputed,
        counts={outcome.value: n for outcome, n in check.counts().items()},
        items=[recheck_item_to_record(item, lang) for item in shown],
    )
