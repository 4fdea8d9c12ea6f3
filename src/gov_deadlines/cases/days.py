"""Days as integer indices over a calendar's tables: what the case clock counts with.

Day ``i`` is ``tables.first_ordinal + i`` (:meth:`WorkCalendar.official_tables
<gov_deadlines.calendar.workcalendar.WorkCalendar.official_tables>`). Inside the calendar's
main official span every walk is a look-up in its tables; outside it the calendar itself
answers (its methods, on the dates), so that a day it does not cover raises the same
:class:`~gov_deadlines.errors.CalendarCoverageError` and a day it answers provisionally comes
back as a :class:`ProvisionalDay` — an ``int`` that says so, as
:class:`~gov_deadlines.calendar.day.ProvisionalDate` does for dates.
"""

from __future__ import annotations

import datetime as dt

from gov_deadlines.calendar.day import ProvisionalDate
from gov_deadlines.calendar.workcalendar import WorkCalendar

__all__ = ["DayIndex", "ProvisionalDay"]


class ProvisionalDay(int):
    """A day index resting on provisional calendar data (arithmetic gives plain ints)."""

    __slots__ = ()


class DayIndex:
    """A calendar's days as indices: working-day walks and counts, and dates back.

    ``cum[i]`` counts the working days of the official span before day ``i``; ``wdi[k]`` is
    the index of its ``k``-th working day; ``hi`` its last day, ``khi`` its last working day's
    ``k``. Treat as read-only; one per calendar and batch (no state of its own).
    """

    __slots__ = ("base", "calendar", "cum", "hi", "khi", "wdi")

    def __init__(self, calendar: WorkCalendar) -> None:
        tables = calendar.official_tables()
        self.calendar = calendar
        self.base = tables.first_ordinal
        self.hi = tables.last_index
        self.cum = tables.workdays_before
        self.wdi = tables.workday_indices
        self.khi = len(self.wdi) - 1

    # -- dates and indices ------------------------------------------------------------------

    def index(self, day: dt.date) -> int:
        """The index of a date (a provisional date gives a :class:`ProvisionalDay`)."""
        i = day.toordinal() - self.base
        return ProvisionalDay(i) if isinstance(day, ProvisionalDate) else i

    def date(self, i: int) -> dt.date:
        """The date of an index (a :class:`ProvisionalDay` gives a ``ProvisionalDate``)."""
        day = dt.date.fromordinal(self.base + i)
        if type(i) is not int:
            return ProvisionalDate(day.year, day.month, day.day)
        return day

    def maybe_date(self, i: int | None) -> dt.date | None:
        return None if i is None else self.date(i)

    # -- walks ------------------------------------------------------------------------------

    def add(self, i: int, n: int) -> int:
        """The ``n``-th working day after day ``i`` (``n`` ≥ 1): ``add_workdays``."""
        if 0 <= i <= self.hi:
            k = self.cum[i + 1] + n - 1
            if k <= self.khi:
                return self.wdi[k]
        return self.index(self.calendar.add_workdays(self.date(i), n))

    def between(self, a: int, b: int) -> int:
        """The working days in (a, b], ``a`` ≤ ``b``: ``workdays_between``."""
        if a >= 0 and b <= self.hi:
            cum = self.cum
            return cum[b + 1] - cum[a + 1]
        return self.calendar.workdays_between(self.date(a), self.date(b))

    def is_workday(self, i: int) -> bool:
        if 0 <= i <= self.hi:
            return self.cum[i + 1] != self.cum[i]
        return self.calendar.is_workday(self.date(i))
