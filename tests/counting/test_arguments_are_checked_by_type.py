"""Counts of any integer type, and a TypeError naming the argument for anything else (issue 10, item 12)."""

from __future__ import annotations

import datetime as dt
import numbers
from typing import Any

import pytest

import gov_deadlines as gd
from gov_deadlines import (
    ArgumentTypeError,
    CalendarDays,
    GovDeadlinesError,
    Hours,
    MinimumDuration,
    Months,
    WorkingDays,
    Years,
)


class Int64:
    """An integer that is not an ``int`` — as ``numpy.int64`` and pandas' integers are:
    registered as ``numbers.Integral``, convertible with ``int()``, no subclass of int."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __int__(self) -> int:
        return self.value

    def __index__(self) -> int:
        return self.value

    def __lt__(self, other: Any) -> bool:
        return self.value < int(other)

    def __repr__(self) -> str:
        return f"Int64({self.value})"


numbers.Integral.register(Int64)

KINDS = [WorkingDays, CalendarDays, Months, Years, Hours]


@pytest.mark.parametrize("kind", KINDS)
def test_a_count_of_any_integral_type_is_accepted_and_stored_as_int(kind: Any) -> None:
    period = kind(Int64(20))
    assert period == kind(20)
    assert type(period.n) is int
    assert hash(period) == hash(kind(20))
    assert type(MinimumDuration(Int64(10)).days) is int


def test_a_numpy_integer_is_a_count_when_numpy_is_there() -> None:
    numpy = pytest.importorskip("numpy")
    assert WorkingDays(numpy.int64(20)) == WorkingDays(20)
    assert gd.deadline(dt.date(2026, 9, 28), WorkingDays(numpy.int64(20))).due_date == dt.date(
        2026, 10, 30
    )


def test_a_deadline_from_an_integral_count_is_the_same_as_from_an_int() -> None:
    day = dt.date(2026, 9, 28)
    assert gd.deadline(day, WorkingDays(Int64(20))).due_date == dt.date(2026, 10, 30)
    assert gd.deadline(Int64(2026), "每年7月底前").due_date == dt.date(2026, 7, 31)
    assert gd.due("ogi.annual-report", Int64(2026)).due_date == dt.date(2026, 1, 31)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: gd.due(None, dt.date(2026, 9, 28)), "rule_id"),
        (lambda: gd.due(42, dt.date(2026, 9, 28)), "rule_id"),
        (lambda: gd.due("ogi.reply", None), "trigger"),
        (lambda: gd.due("ogi.reply", "2026-09-28"), "trigger"),
        (lambda: gd.deadline(None, "20个工作日"), "trigger"),
        (lambda: gd.deadline(dt.date(2026, 9, 28), None), "period"),
        (lambda: gd.deadline(dt.date(2026, 9, 28), 20), "period"),
        (lambda: gd.deadline(dt.date(2026, 9, 28), "30日", cutoff="17:00"), "cutoff"),
        (lambda: gd.deadline(dt.date(2026, 9, 28), "20个工作日", calendar=1), "calendar"),
        (lambda: gd.check(None, dt.date(2026, 9, 28)), "deadline"),
        (lambda: gd.check("ogi.reply", dt.date(2026, 9, 28)), "deadline"),
        (lambda: gd.check_due(None, dt.date(2026, 9, 28), dt.date(2026, 10, 9)), "rule_id"),
        (lambda: gd.check(gd.deadline(dt.date(2026, 9, 28), "20个工作日"), "x"), "done_at"),
        (lambda: WorkingDays(2.5), "WorkingDays.n"),
        (lambda: WorkingDays(True), "WorkingDays.n"),
    ],
)
def test_a_wrong_type_is_a_documented_type_error_naming_the_argument(
    call: Any, argument: str
) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        call()
    error = caught.value
    assert isinstance(error, TypeError) and isinstance(error, GovDeadlinesError)
    assert error.argument == argument
    assert argument in str(error) and argument in error.message("zh")
    assert "datetime.date(" not in error.message("zh")
