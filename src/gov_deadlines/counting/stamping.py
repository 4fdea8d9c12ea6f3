"""Which days a count read, and so which years' arrangements decided it (a result's stamp).

Each unit reads the calendar differently: working days read every day after the day they
count from up to the due date; calendar days, months, years and minimum durations read
only the last day and the rest days it rolled over (nothing at all with rolling off);
hours read nothing; a fixed date reads back from the date to the last working day before
it. A receipt that the rest-day receipt policy checked (a rule started by an application
received) reads its own day, and the days it was moved over. :func:`read_spans` says it
from the facts a result (or its stored record) keeps, so that a stored record can be
rechecked without the objects that made it.
"""

from __future__ import annotations

import datetime as dt

from gov_deadlines.counting.conventions import Unit
from gov_deadlines.stamps import DaySpan

__all__ = ["read_spans"]

_ONE_DAY = dt.timedelta(days=1)


def read_spans(
    unit: Unit,
    trigger_date: dt.date,
    due_date: dt.date,
    *,
    roll: bool,
    receipt_checked: bool = False,
    receipt_date: dt.date | None = None,
    unrolled_date: dt.date | None = None,
    last_workday: dt.date | None = None,
) -> tuple[DaySpan, ...]:
    """The days whose kind decided a result (see the module's documentation).

    ``receipt_checked``: the trigger is a receipt the rest-day receipt policy looked at
    (its day was read, and the days up to ``receipt_date`` when it moved).
    """
    spans: list[DaySpan] = []
    start = trigger_date
    if receipt_checked:
        spans.append(DaySpan(trigger_date, receipt_date or trigger_date))
    if receipt_date is not None:
        start = receipt_date
    if unit is Unit.WORKING_DAYS:
        if due_date > start:
            spans.append(DaySpan(start + _ONE_DAY, due_date))
    elif unit is Unit.FIXED_DATE:
        # Looked back for the last working day; none found is a refusal that read the date.
        spans.append(DaySpan(last_workday or due_date, due_date))
    elif unit is not Unit.HOURS and roll:
        spans.append(DaySpan(unrolled_date or due_date, due_date))
    return tuple(spans)
