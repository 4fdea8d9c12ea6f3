"""The JSON record of the deadlines an event starts (:class:`EventDeadlinesRecord`).

Imported only by :meth:`gov_deadlines.catalogue.EventDeadlines.to_record` (pydantic stays
out of a plain ``deadlines_for``); ``docs/cli.md`` documents the keys (``events --json``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from gov_deadlines.counting.records import DeadlineRecord
from gov_deadlines.vocabulary import Lang

if TYPE_CHECKING:
    from gov_deadlines.catalogue.lookup import EventDeadlines

__all__ = ["EventDeadlinesRecord", "NotComputedRecord", "event_deadlines_to_record"]


class NotComputedRecord(BaseModel):
    """A rule the event starts whose deadline has no answer here, and why."""

    model_config = ConfigDict(frozen=True)

    rule: str
    reason: str
    error: str


class EventDeadlinesRecord(BaseModel):
    """Every deadline an event starts, and the rules that could not be computed."""

    model_config = ConfigDict(frozen=True)

    event: str
    when: dt.date | dt.datetime
    deadlines: list[DeadlineRecord]
    not_computed: list[NotComputedRecord]


def event_deadlines_to_record(
    found: EventDeadlines, lang: Lang = "zh", *, explanation: bool = False
) -> EventDeadlinesRecord:
    return EventDeadlinesRecord(
        event=found.event,
        when=found.trigger,
        deadlines=[d.to_record(lang, explanation=explanation) for d in found],
        not_computed=[
            NotComputedRecord(
                rule=n.rule.id, reason=n.error.clerk_message(lang), error=type(n.error).__name__
            )
            for n in found.not_computed
        ],
    )
