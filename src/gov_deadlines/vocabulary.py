"""The words every result shares: one :class:`Status`, one :data:`Lang`, one provisional mark.

Deadlines' verdicts, the duties of an application case and the windows of a recurring duty
all say where they stand with the same :class:`Status`, whose members mean the same thing
everywhere; ``docs/vocabulary.md`` lists the field names they share (``due_date``,
``done_on``, ``late_by_workdays`` …). This module is the bottom layer: it imports only
:mod:`gov_deadlines.errors`.
"""

from __future__ import annotations

import enum
from typing import Literal

from gov_deadlines.errors import is_zh

__all__ = [
    "LANGS",
    "PROVISIONAL_MARK",
    "RESULT_TYPES",
    "Lang",
    "Status",
    "is_zh",
    "provisional_mark",
]

#: A language of output: Chinese (the default, for clerks) or English.
Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


#: The mark printed after every date that rests on provisional calendar data (a year whose
#: State Council notice is not yet loaded), in every text output.
PROVISIONAL_MARK: dict[Lang, str] = {"zh": "[临时推算]", "en": "[provisional]"}


def provisional_mark(lang: str) -> str:
    """``[临时推算]`` or ``[provisional]``."""
    return PROVISIONAL_MARK["zh" if is_zh(lang) else "en"]


class Status(enum.Enum):
    """Where a duty, a deadline's verdict or a recurring window stands.

    The JSON value of each member is its ``value``.
    """

    # Members are singletons compared by identity: hash them by identity too (Enum's own
    # __hash__ hashes the name, a measurable cost on the batch path).
    __hash__ = object.__hash__

    ON_TIME = "on_time"  # done by the due date
    LATE = "late"  # done, after the due date
    OVERDUE = "overdue"  # not done, and the due date has passed (as of the audit day)
    PENDING = "pending"  # not done, not yet due (or no audit day given)
    WAITING = "waiting"  # no due date yet: the clock has not started or is stopped
    UNDETERMINED = "undetermined"  # the calendar has no data for the days needed
    SHORT = "short"  # a minimum duration not kept (a notice taken down too early)

    def label(self, lang: str = "zh") -> str:
        return _STATUS_LABELS[self][0 if is_zh(lang) else 1]

    @property
    def is_late(self) -> bool:
        return self is Status.LATE or self is Status.OVERDUE


_STATUS_LABELS = {
    Status.ON_TIME: ("按时", "on time"),
    Status.LATE: ("逾期完成", "done late"),
    Status.OVERDUE: ("逾期未办", "overdue"),
    Status.PENDING: ("未到期", "pending"),
    Status.WAITING: ("期限未起算或暂停", "clock not running"),
    Status.UNDETERMINED: ("无法计算", "undetermined"),
    Status.SHORT: ("公示时间不足", "too short"),
}

#: The public result types, by dotted name (held to ``docs/vocabulary.md`` by the tests).
RESULT_TYPES: tuple[str, ...] = (
    "gov_deadlines.calendar.workcalendar.DayInfo",
    "gov_deadlines.counting.deadlines.Deadline",
    "gov_deadlines.counting.verdict.Verdict",
    "gov_deadlines.catalogue.lookup.EventDeadlines",
    "gov_deadlines.recurring.windows.Occurrence",
    "gov_deadlines.recurring.compliance.WindowVerdict",
    "gov_deadlines.recurring.compliance.UnmatchedEntry",
    "gov_deadlines.recurring.compliance.LogCheck",
    "gov_deadlines.cases.duties.Duty",
    "gov_deadlines.cases.duties.Finding",
    "gov_deadlines.cases.verdict.CaseVerdict",
    "gov_deadlines.cases.batch.RowResult",
    "gov_deadlines.outputs.summary.Summary",
    "gov_deadlines.outputs.written.WriteSummary",
    "gov_deadlines.outputs.ics.IcsSummary",
    "gov_deadlines.outputs.supervision.SupervisionRow",
)
