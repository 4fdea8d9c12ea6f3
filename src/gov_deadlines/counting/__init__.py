"""Counting a time limit (期间的计算): the period types, the conventions of 民法典
arts. 201–204 (and art. 1259 for 以上/以内), :func:`deadline` and its :class:`Deadline`,
and checking an act against it (:func:`check`, :class:`Verdict`).

The JSON records (:mod:`.records`, pydantic) are imported from their module, or lazily
as ``gov_deadlines.DeadlineRecord`` / ``VerdictRecord``.
"""

from __future__ import annotations

from gov_deadlines.counting.conventions import Convention, Unit
from gov_deadlines.counting.deadlines import Deadline, deadline
from gov_deadlines.counting.periods import (
    CalendarDays,
    FixedDate,
    Hours,
    MinimumDuration,
    Months,
    Period,
    WorkingDays,
    Years,
    parse_period,
)
from gov_deadlines.counting.verdict import Verdict, check

__all__ = [
    "CalendarDays",
    "Convention",
    "Deadline",
    "FixedDate",
    "Hours",
    "MinimumDuration",
    "Months",
    "Period",
    "Unit",
    "Verdict",
    "WorkingDays",
    "Years",
    "check",
    "deadline",
    "parse_period",
]
