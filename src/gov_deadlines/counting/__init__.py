"""Counting a time limit (期间的计算): the period types, the conventions of 民法典
arts. 201–204 (and art. 1259 for 以上/以内), :func:`deadline` and its :class:`Deadline`,
and checking an act against it (:func:`check`, :class:`Verdict`).

The JSON records (:class:`DeadlineRecord`, :class:`VerdictRecord`) load pydantic: they
are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gov_deadlines.counting.conventions import Convention, Unit
from gov_deadlines.counting.deadlines import Deadline, deadline, describe_run, rest_runs
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
from gov_deadlines.lazy import lazy_exports

# name -> submodule, imported on first use: the records load pydantic
_LAZY: dict[str, str] = {
    "DeadlineRecord": "records",
    "VerdictRecord": "records",
}

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
    "describe_run",
    "parse_period",
    "rest_runs",
    *_LAZY,
]


__getattr__ = lazy_exports(__name__, _LAZY, globals())


if TYPE_CHECKING:
    from gov_deadlines.counting.records import DeadlineRecord as DeadlineRecord
    from gov_deadlines.counting.records import VerdictRecord as VerdictRecord
