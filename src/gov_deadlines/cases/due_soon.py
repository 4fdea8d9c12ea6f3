"""What falls due soon: the cases whose next duty is due within N working days (docketing).

:func:`due_within` takes the results of a batch audit (:func:`~gov_deadlines.cases.audit_cases`,
:func:`~gov_deadlines.cases.audit_csv`, or anything yielding
:class:`~gov_deadlines.cases.RowResult`) and returns, soonest first, the cases whose next
undone duty — the 补正 notice, the extension notice or the reply — falls due within
``workdays`` working days of the audit day, each with its remaining working days (the
working days in (audit day, due date]; 0: due on the audit day itself).

What is left out, and why (``docs/audit.md``, "What falls due soon"):

* a duty already done, or overdue (its due date is before the audit day: it is late, and
  the audit's other outputs report it as such);
* a duty with no due date yet (``waiting``: the corrected application has not arrived) or
  none that can be known (``undetermined``: no calendar data) — the summary counts them;
* malformed rows: :func:`due_within` cannot place them; :func:`due_within_rows`, the filter
  the command line applies to its outputs, keeps them (after the due ones), because a row
  that could not be read may well be due.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Iterable
from dataclasses import dataclass

from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.cases.batch import RowResult
from gov_deadlines.cases.duties import Duty, DutyKind, workdays_or_none
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.errors import ArgumentTypeError, check_day_argument
from gov_deadlines.vocabulary import Status

__all__ = ["DueSoon", "due_within", "due_within_rows", "next_duty"]

_UNDONE = (Status.PENDING, Status.OVERDUE)


@dataclass(frozen=True, slots=True)
class DueSoon:
    """A case whose next duty falls due soon: which duty, when, and how many working days are left.

    ``line`` is the input line of the row (``None`` for a case audited alone), ``result``
    the row itself (its verdict holds the whole audit of the case).
    """

    line: int | None
    case_id: str
    duty: DutyKind
    due_date: dt.date
    remaining_workdays: int
    provisional: bool
    result: RowResult


def next_duty(verdict: CaseVerdict, as_of: dt.date | None = None) -> tuple[Duty, int] | None:
    """The case's next undone duty due on or after ``as_of`` (default the verdict's audit
    day), with the working days left in (as_of, due]; ``None`` if there is none.

    Raises :class:`~gov_deadlines.errors.ArgumentTypeError` when neither ``as_of`` nor the
    verdict's audit day is given: "due soon" needs a day to count from.
    """
    if not isinstance(verdict, CaseVerdict):
        raise ArgumentTypeError(
            "verdict", verdict, "a CaseVerdict (from audit_case)", "案件核查结果(CaseVerdict)"
        )
    check_day_argument("as_of", as_of)
    day = as_of if as_of is not None else verdict.as_of
    if day is None:
        raise ArgumentTypeError(
            "as_of",
            None,
            "the audit day (audit with as_of=…, or pass as_of=)",
            "核查日(核查时给出 as_of=,或在此给出 as_of=)",
        )
    calendar: WorkCalendar = verdict.calendar
    best: tuple[dt.date, Duty, int] | None = None
    for duty in verdict.duties:
        due = duty.due_date
        if duty.done_on is not None or due is None or duty.status not in _UNDONE or due < day:
            continue
        remaining = workdays_or_none(calendar, day, due)
        if remaining is None:  # pragma: no cover - a due date is computed on covered days
            continue
        if best is None or due < best[0]:
            best = (due, duty, remaining)
    return None if best is None else (best[1], best[2])


def _check_workdays(workdays: object) -> int:
    # any whole number (numpy.int64 from a frame), as counts are taken elsewhere
    if isinstance(workdays, bool) or not isinstance(workdays, numbers.Integral) or workdays < 0:
        raise ArgumentTypeError(
            "workdays", workdays, "a whole number of working days, 0 or more", "不小于0的整数"
        )
    return int(workdays)


def due_within(
    results: Iterable[RowResult], workdays: int, *, as_of: dt.date | None = None
) -> list[DueSoon]:
    """The cases whose next undone duty falls due within ``workdays`` working days of the
    audit day (``as_of``, default each verdict's own), soonest first (by due date, then input
    line). Malformed rows are left out (see :func:`due_within_rows`)."""
    limit = _check_workdays(workdays)
    check_day_argument("as_of", as_of)
    found: list[DueSoon] = []
    for row in results:
        if not isinstance(row, RowResult):
            raise ArgumentTypeError(
                "results",
                row,
                "RowResult values (from audit_cases or audit_csv)",
                "逐行核查结果(RowResult)",
            )
        verdict = row.verdict
        if verdict is None:
            continue
        nearest = next_duty(verdict, as_of)
        if nearest is None:
            continue
        duty, remaining = nearest
        if remaining <= limit:
            assert duty.due_date is not None
            found.append(
                DueSoon(
                    row.line,
                    row.case_id,
                    duty.kind,
                    duty.due_date,
                    remaining,
                    duty.provisional,
                    row,
                )
            )
    found.sort(key=lambda item: (item.due_date, item.line or 0))
    return found


def due_within_rows(
    results: Iterable[RowResult], workdays: int, *, as_of: dt.date | None = None
) -> list[RowResult]:
    """The rows of :func:`due_within`, soonest first, then every malformed row in input
    order (it cannot be placed, and may be due): the filter of ``audit --due-within``."""
    limit = _check_workdays(workdays)
    malformed: list[RowResult] = []

    def rows() -> Iterable[RowResult]:
        for row in results:
            if row.verdict is None:
                malformed.append(row)
            else:
                yield row

    kept = [item.result for item in due_within(rows(), limit, as_of=as_of)]
    return kept + malformed
