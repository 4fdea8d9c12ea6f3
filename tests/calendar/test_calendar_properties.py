"""Property tests of the working-day calendar (hypothesis).

Inside the covered range (2004–2026) the walks are checked against each other and against a
deliberately naive day-by-day reference built on ``is_workday``. Across 1900–2100 they are
checked never to answer silently outside the official data: an answer is either official
(and then rests only on covered days), a :class:`CalendarCoverageError`, or — only when the
caller asked for it — a date flagged provisional.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gov_deadlines import (
    CalendarCoverageError,
    DayKind,
    ProvisionalDate,
    WorkCalendar,
    default_calendar,
    is_provisional,
)
from gov_deadlines.testing import covered_dates, rest_days, working_days

ONE_DAY = dt.timedelta(days=1)
FIRST = dt.date(2004, 1, 1)
LAST = dt.date(2026, 12, 31)
PROVISIONAL_LAST = dt.date(2100, 12, 31)

OFFICIAL = default_calendar()
PROVISIONAL = default_calendar(provisional=True)

# Days far enough from both ends that a walk of up to 400 working days (about 1.6 years)
# stays inside the official data.
INNER = {"min_value": dt.date(2006, 1, 1), "max_value": dt.date(2024, 12, 31)}
inner_days = covered_dates(**INNER)
covered_days = covered_dates()
steps = st.integers(-400, 400).filter(bool)
positive_steps = st.integers(1, 400)


def _near(day: dt.date, spread: int = 45) -> st.SearchStrategy[dt.date]:
    return st.integers(-spread, spread).map(lambda k: day + dt.timedelta(days=k))


# 1900–2100, with extra weight on the edges of the official and provisional data.
wide_days = st.one_of(
    st.dates(dt.date(1900, 1, 1), PROVISIONAL_LAST),
    _near(FIRST),
    _near(LAST + ONE_DAY),
    _near(PROVISIONAL_LAST),
)
wide_steps = st.one_of(st.integers(-40, 40), st.integers(-3000, 3000))


# -- the naive reference ---------------------------------------------------------------------


def naive_add_workdays(cal: WorkCalendar, day: dt.date, n: int) -> dt.date:
    """Step one day at a time, counting the days ``is_workday`` accepts."""
    assert n != 0
    step = ONE_DAY if n > 0 else -ONE_DAY
    remaining = abs(n)
    current = day
    while remaining:
        current += step
        if cal.is_workday(current):
            remaining -= 1
    return current


def naive_workdays_between(cal: WorkCalendar, start: dt.date, end: dt.date) -> int:
    low, high, sign = (start, end, 1) if start <= end else (end, start, -1)
    count = 0
    current = low
    while current < high:
        current += ONE_DAY
        count += cal.is_workday(current)
    return sign * count


# -- inside the covered range ----------------------------------------------------------------


@given(inner_days, steps)
def test_add_workdays_lands_on_a_working_day(day: dt.date, n: int) -> None:
    assert OFFICIAL.is_workday(OFFICIAL.add_workdays(day, n))


@given(inner_days, steps)
def test_add_workdays_moves_in_the_direction_of_n(day: dt.date, n: int) -> None:
    result = OFFICIAL.add_workdays(day, n)
    assert (result > day) if n > 0 else (result < day)


@given(inner_days, positive_steps)
def test_workdays_between_counts_back_the_steps_of_add_workdays(day: dt.date, n: int) -> None:
    assert OFFICIAL.workdays_between(day, OFFICIAL.add_workdays(day, n)) == n


@given(inner_days, positive_steps)
def test_workdays_between_counts_back_backward_steps_from_a_working_day(
    day: dt.date, n: int
) -> None:
    # (a, b] counts the working day ``day`` itself and not the result, so the identity
    # holds backwards only from a working day.
    workday = OFFICIAL.workday_on_or_after(day)
    assert OFFICIAL.workdays_between(workday, OFFICIAL.add_workdays(workday, -n)) == -n


@given(inner_days, steps)
def test_add_workdays_agrees_with_a_naive_day_by_day_walk(day: dt.date, n: int) -> None:
    assert OFFICIAL.add_workdays(day, n) == naive_add_workdays(OFFICIAL, day, n)


@given(inner_days, st.integers(-800, 800))
def test_workdays_between_agrees_with_a_naive_count(start: dt.date, span: int) -> None:
    end = start + dt.timedelta(days=span)
    # (start, end] must lie inside the data: the day after the earlier end is the first one needed.
    assume(min(start, end) + ONE_DAY >= FIRST and max(start, end) <= LAST)
    assert OFFICIAL.workdays_between(start, end) == naive_workdays_between(OFFICIAL, start, end)


@given(working_days(**INNER), steps)
def test_forward_and_backward_are_inverse_on_working_days(workday: dt.date, n: int) -> None:
    assert OFFICIAL.add_workdays(OFFICIAL.add_workdays(workday, n), -n) == workday


@given(rest_days(**INNER), positive_steps)
def test_a_round_trip_from_a_rest_day_ends_on_the_neighbouring_working_day(
    day: dt.date, n: int
) -> None:
    forth_and_back = OFFICIAL.add_workdays(OFFICIAL.add_workdays(day, n), -n)
    back_and_forth = OFFICIAL.add_workdays(OFFICIAL.add_workdays(day, -n), n)
    assert forth_and_back == OFFICIAL.workday_on_or_before(day)
    assert back_and_forth == OFFICIAL.workday_on_or_after(day)


@given(inner_days, st.integers(0, 60), steps)
def test_add_workdays_is_monotonic_in_the_start_day(day: dt.date, gap: int, n: int) -> None:
    later = day + dt.timedelta(days=gap)
    assert OFFICIAL.add_workdays(day, n) <= OFFICIAL.add_workdays(later, n)


@given(inner_days, steps, steps)
def test_add_workdays_is_strictly_monotonic_in_n(day: dt.date, n: int, m: int) -> None:
    assume(n != m)
    low, high = sorted((n, m))
    assert OFFICIAL.add_workdays(day, low) < OFFICIAL.add_workdays(day, high)


@given(covered_days, covered_days)
def test_workdays_between_is_antisymmetric(a: dt.date, b: dt.date) -> None:
    assert OFFICIAL.workdays_between(a, b) == -OFFICIAL.workdays_between(b, a)
    assert OFFICIAL.workdays_between(a, a) == 0


@given(covered_days, covered_days, covered_days)
def test_workdays_between_adds_up_over_consecutive_spans(
    a: dt.date, b: dt.date, c: dt.date
) -> None:
    total = OFFICIAL.workdays_between(a, b) + OFFICIAL.workdays_between(b, c)
    assert total == OFFICIAL.workdays_between(a, c)


@given(inner_days)
def test_workday_on_or_after_is_the_first_working_day_from_the_day_on(day: dt.date) -> None:
    result = OFFICIAL.workday_on_or_after(day)
    assert result >= day
    assert OFFICIAL.is_workday(result)
    assert (result == day) == OFFICIAL.is_workday(day)
    assert result == OFFICIAL.add_workdays(day - ONE_DAY, 1)
    assert OFFICIAL.workdays_between(day - ONE_DAY, result) == 1


@given(inner_days)
def test_workday_on_or_before_is_the_last_working_day_up_to_the_day(day: dt.date) -> None:
    result = OFFICIAL.workday_on_or_before(day)
    assert result <= day
    assert OFFICIAL.is_workday(result)
    assert (result == day) == OFFICIAL.is_workday(day)
    assert result == OFFICIAL.add_workdays(day + ONE_DAY, -1)
    assert OFFICIAL.workdays_between(result - ONE_DAY, day) == 1


@given(covered_days)
def test_zero_working_days_from_a_working_day_is_that_day(day: dt.date) -> None:
    if OFFICIAL.is_workday(day):
        result = OFFICIAL.add_workdays(day, 0)
        assert result == day
        assert type(result) is dt.date
    else:
        with pytest.raises(ValueError, match="workday_on_or_after") as caught:
            OFFICIAL.add_workdays(day, 0)
        assert not isinstance(caught.value, CalendarCoverageError)


@given(covered_days)
def test_day_info_agrees_with_is_workday(day: dt.date) -> None:
    info = OFFICIAL.day_info(day)
    assert info.is_workday == OFFICIAL.is_workday(day)
    assert info.date == day
    assert not info.provisional
    assert info.notice is not None
    if info.kind is DayKind.MAKEUP_WORKDAY:
        assert day.weekday() >= 5
    if info.kind is DayKind.WEEKEND:
        assert day.weekday() >= 5
    if info.kind is DayKind.WORKDAY:
        assert day.weekday() < 5


# -- 1900–2100: official, refused, or flagged --------------------------------------------------

Outcome = dt.date | CalendarCoverageError | ValueError


def _outcome(call: Callable[[], dt.date]) -> Outcome:
    try:
        return call()
    except CalendarCoverageError as error:
        return error
    except ValueError as error:  # add_workdays(rest day, 0)
        return error


def _check_official_and_provisional(
    official: Outcome, provisional: Outcome, span: Callable[[dt.date], tuple[dt.date, dt.date]]
) -> None:
    """The shared contract of every walk, given the days (first, last) a result rests on."""
    if isinstance(official, CalendarCoverageError):
        assert official.day not in OFFICIAL.coverage
        assert official.year == official.day.year
        message = str(official)
        assert str(official.year) in message
        assert "with_overlays" in message
        assert "2004-01-01 .. 2026-12-31" in message
    elif isinstance(official, dt.date):
        assert type(official) is dt.date, "an official answer must be a plain date"
        first, last = span(official)
        assert first >= FIRST and last <= LAST, "an answer rests on an uncovered day"
        assert provisional == official
        assert not is_provisional(provisional)
    else:
        assert type(provisional) is type(official)

    if isinstance(provisional, dt.date):
        first, last = span(provisional)
        assert first >= FIRST and last <= PROVISIONAL_LAST
        assert is_provisional(provisional) == (last > LAST)
        assert isinstance(provisional, ProvisionalDate) == (last > LAST)
        if is_provisional(provisional):
            assert isinstance(official, CalendarCoverageError)
            assert official.year > LAST.year
    elif isinstance(provisional, CalendarCoverageError):
        assert isinstance(official, CalendarCoverageError)
        assert not (FIRST <= provisional.day <= PROVISIONAL_LAST)


@given(wide_days, wide_steps)
def test_add_workdays_never_answers_silently_outside_coverage(day: dt.date, n: int) -> None:
    def span(result: dt.date) -> tuple[dt.date, dt.date]:
        if n > 0:
            return day + ONE_DAY, result
        if n < 0:
            return result, day - ONE_DAY
        return day, day

    official = _outcome(lambda: OFFICIAL.add_workdays(day, n))
    provisional = _outcome(lambda: PROVISIONAL.add_workdays(day, n))
    _check_official_and_provisional(official, provisional, span)


@given(wide_days)
def test_workday_on_or_after_never_answers_silently_outside_coverage(day: dt.date) -> None:
    official = _outcome(lambda: OFFICIAL.workday_on_or_after(day))
    provisional = _outcome(lambda: PROVISIONAL.workday_on_or_after(day))
    _check_official_and_provisional(official, provisional, lambda result: (day, result))


@given(wide_days)
def test_workday_on_or_before_never_answers_silently_outside_coverage(day: dt.date) -> None:
    official = _outcome(lambda: OFFICIAL.workday_on_or_before(day))
    provisional = _outcome(lambda: PROVISIONAL.workday_on_or_before(day))
    _check_official_and_provisional(official, provisional, lambda result: (result, day))


@given(wide_days, st.one_of(st.integers(-60, 60), st.integers(-5000, 5000)))
def test_workdays_between_never_answers_silently_outside_coverage(
    start: dt.date, span: int
) -> None:
    end = start + dt.timedelta(days=span)
    low, high = min(start, end), max(start, end)
    needed = (low + ONE_DAY, high) if low < high else None
    try:
        count = OFFICIAL.workdays_between(start, end)
    except CalendarCoverageError as error:
        assert needed is not None
        assert error.day not in OFFICIAL.coverage
        assert needed[0] <= error.day <= needed[1]
        assert str(error.year) in str(error)
    else:
        assert needed is None or (needed[0] >= FIRST and needed[1] <= LAST)
        assert PROVISIONAL.workdays_between_info(start, end) == (count, False)
    try:
        provisional_count, flagged = PROVISIONAL.workdays_between_info(start, end)
    except CalendarCoverageError as error:
        assert not (FIRST <= error.day <= PROVISIONAL_LAST)
    else:
        assert needed is None or (needed[0] >= FIRST and needed[1] <= PROVISIONAL_LAST)
        assert flagged == (needed is not None and needed[1] > LAST)
        assert provisional_count == PROVISIONAL.workdays_between(start, end)


@given(wide_days)
def test_single_days_are_answered_only_inside_coverage(day: dt.date) -> None:
    if day in OFFICIAL.coverage:
        assert isinstance(OFFICIAL.is_workday(day), bool)
        assert not OFFICIAL.day_info(day).provisional
        assert PROVISIONAL.day_info(day) == OFFICIAL.day_info(day)
        return
    with pytest.raises(CalendarCoverageError) as caught:
        OFFICIAL.is_workday(day)
    assert caught.value.day == day
    assert str(day.year) in str(caught.value)
    with pytest.raises(CalendarCoverageError):
        OFFICIAL.day_info(day)
    if LAST < day <= PROVISIONAL_LAST:
        info = PROVISIONAL.day_info(day)
        assert info.provisional
        assert info.notice is None
        assert info.reason_en.startswith("provisional")
        assert info.is_workday == PROVISIONAL.is_workday(day)
    else:
        with pytest.raises(CalendarCoverageError):
            PROVISIONAL.is_workday(day)


# -- provisional years -------------------------------------------------------------------------

provisional_days = covered_dates(provisional=True, min_value=LAST + ONE_DAY)


@given(provisional_days)
def test_provisional_years_have_no_make_up_working_days(day: dt.date) -> None:
    info = PROVISIONAL.day_info(day)
    assert info.kind is not DayKind.MAKEUP_WORKDAY
    if day.weekday() >= 5:
        assert not info.is_workday


@given(st.dates(dt.date(2026, 6, 1), dt.date(2100, 6, 30)), st.integers(-60, 60).filter(bool))
def test_provisional_walks_agree_with_a_naive_walk_and_say_so(day: dt.date, n: int) -> None:
    result = PROVISIONAL.add_workdays(day, n)
    assert result == naive_add_workdays(PROVISIONAL, day, n)
    last = day - ONE_DAY if n < 0 else result
    assert is_provisional(result) == (last > LAST)
