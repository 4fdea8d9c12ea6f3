"""A case's stamp: the calendar years its clock read and the rule documents of the 条例.

The clock reads every day from the recorded receipt (whether it was a rest day) up to the
latest day it counted to: a due date, a late act (its working days late), the audit day
of an overdue duty, the end of a consultation excluded, or the day a count was refused
for want of holiday data. :func:`case_stamp` names the years of those days (from 25
December on, the next year too: see :func:`gov_deadlines.stamps.years_read`) and the
documents of every version of ``ogi.reply`` (the receipt decides which one applies).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gov_deadlines.errors import CalendarCoverageError
from gov_deadlines.stamps import DaySpan, Stamp
from gov_deadlines.vocabulary import Status

if TYPE_CHECKING:
    from gov_deadlines.cases.clock import CaseClock
    from gov_deadlines.cases.clock_record import CaseRecord

__all__ = ["StampMemo", "case_span", "case_stamp", "case_stamp_text"]

_LATE, _OVERDUE = Status.LATE, Status.OVERDUE
_LAST_ORDINAL = dt.date.max.toordinal()


def _high(record: CaseRecord) -> int:
    """The index of the latest day the clock of ``record`` read."""
    high = record.raw
    for value in (record.receipt, record.start, record.base_due):
        if value is not None and value > high:
            high = value
    now = record.clock.now
    for duty in record.duties:
        due = duty[1]
        if due is not None and due > high:
            high = due
        status = duty[3]
        if status is _LATE:
            done = duty[2]
            if done is not None and done > high:
                high = done
        elif status is _OVERDUE and now is not None and now > high:
            high = now
    for span in record.spans:
        if span[3] > high:
            high = span[3]
    if record.notes:
        base = record.clock.days.base
        for finding in record.notes:
            if finding.code == "calendar" and finding.args:
                error = finding.args[0]
                if isinstance(error, CalendarCoverageError) and error.day is not None:
                    high = max(high, error.day.toordinal() - base)
    return high


def _date(record: CaseRecord, i: int) -> dt.date:
    return dt.date.fromordinal(min(max(record.clock.days.base + i, 1), _LAST_ORDINAL))


def case_span(record: CaseRecord) -> DaySpan:
    """The days the clock of ``record`` read (see the module's documentation)."""
    return DaySpan(_date(record, record.raw), _date(record, _high(record)))


def case_stamp(record: CaseRecord) -> Stamp:
    """The data the case's verdict rests on (see the module's documentation)."""
    calendar = record.clock.calendar
    years = calendar.stamp_years([case_span(record)])
    catalogue = record.clock.versions.catalogue
    rules = catalogue.rule_stamps(record.version.reply) if catalogue is not None else ()
    return Stamp(years, rules)


class StampMemo:
    """The stamp texts of one writer (or batch), each made once: a batch has few distinct
    stamps — they depend only on the years read, the version and the calendar. Its tables
    are those of one clock (:meth:`use`: the clock decides the calendar, the day indices
    and the versions). Never shared between writers; not thread-safe (one per writer)."""

    __slots__ = ("clock", "codes", "held", "texts")

    def __init__(self) -> None:
        #: The clock whose records the tables below are of (held: the ids of its versions
        #: are keys of :attr:`texts`)
        self.clock: CaseClock | None = None
        #: A day index → its year × 2, plus 1 from 25 December on (the next year is read too)
        self.codes: dict[int, int] = {}
        #: (first day's code, last day's code, the version's id) → the stamp's text
        self.texts: dict[tuple[int, int, int], str] = {}

    def use(self, clock: CaseClock) -> None:
        """Make the tables those of ``clock`` (emptied if another clock's were)."""
        if clock is not self.clock:
            self.clock, self.codes, self.texts = clock, {}, {}

    def code(self, record: CaseRecord, i: int) -> int:
        """Day ``i``'s code (see :attr:`codes`), remembered."""
        day = _date(record, i)
        found = day.year * 2 + (day.month == 12 and day.day >= 25)
        if len(self.codes) < 100_000:
            self.codes[i] = found
        return found


def case_stamp_text(record: CaseRecord, memo: StampMemo) -> str:
    """:func:`case_stamp`'s text, through ``memo`` (one per writer)."""
    if record.clock is not memo.clock:
        memo.use(record.clock)
    codes = memo.codes
    raw, high = record.raw, _high(record)
    first = codes.get(raw)
    if first is None:
        first = memo.code(record, raw)
    last = codes.get(high)
    if last is None:
        last = memo.code(record, high)
    # The version by identity: a version's value hash costs microseconds a row, and the
    # memo holds the clock whose versions these are, so their ids are not reused.
    key = (first, last, id(record.version))
    found = memo.texts.get(key)
    if found is None:
        found = memo.texts[key] = case_stamp(record).text()
    return found
