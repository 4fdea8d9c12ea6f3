"""Property tests of the counting conventions (issue 3, §2 and §5), one group per unit.

Every property is checked against an oracle written here, independently of the code under
test: day-by-day walks over ``WorkCalendar.is_workday`` (not ``add_workdays``), month
arithmetic written out from art. 202 and cross-checked with ``dateutil.relativedelta``, and
elapsed time computed in UTC with ``zoneinfo``.
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, example, given
from hypothesis import strategies as st

from gov_deadlines import (
    CalendarCoverageError,
    CalendarDays,
    CompletionTimeError,
    Deadline,
    FixedDate,
    Hours,
    MinimumDuration,
    Months,
    ProvisionalDate,
    TriggerError,
    WorkCalendar,
    WorkingDays,
    Years,
    check,
    deadline,
    default_calendar,
)
from gov_deadlines.testing import covered_dates, periods

BEIJING = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC
ONE_DAY = dt.timedelta(days=1)

CAL = default_calendar()
PROV = default_calendar(provisional=True)
FIRST = CAL.coverage.first
LAST = CAL.coverage.last

# Triggers whose results stay inside the official data: the day periods below reach at
# most 120 days and a roll past a holiday block.
MARGIN = dt.timedelta(days=200)
inside = covered_dates(max_value=LAST - MARGIN)


def inside_for_months(months: int) -> st.SearchStrategy[dt.date]:
    """Triggers from which ``months`` months and a roll stay inside the official data."""
    return covered_dates(max_value=LAST - relativedelta(months=months) - MARGIN)


working_days = st.integers(min_value=1, max_value=60)
calendar_days = st.integers(min_value=1, max_value=120)
month_counts = st.integers(min_value=1, max_value=36)
year_counts = st.integers(min_value=1, max_value=10)


# -- oracles ------------------------------------------------------------------------------


def days_in(after: dt.date, through: dt.date) -> list[dt.date]:
    """The days in (after, through]."""
    return [after + ONE_DAY * i for i in range(1, (through - after).days + 1)]


def workdays_in(after: dt.date, through: dt.date, cal: WorkCalendar = CAL) -> int:
    return sum(cal.is_workday(day) for day in days_in(after, through))


def first_workday_on_or_after(day: dt.date, cal: WorkCalendar = CAL) -> dt.date:
    while not cal.is_workday(day):
        day += ONE_DAY
    return day


def art_202(start: dt.date, months: int) -> dt.date:
    """The corresponding day of the final month, or that month's last day (art. 202)."""
    year, month0 = divmod(start.month - 1 + months, 12)
    year += start.year
    last = stdcal.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(start.day, last))


def utc_of(moment: dt.datetime) -> dt.datetime:
    """The instant a trigger or completion time means: naive = Beijing wall time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BEIJING)
    return moment.astimezone(UTC)


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=BEIJING)


def assert_ends_at_24_00(result: Deadline) -> None:
    assert result.due_at == midnight(result.due_date + ONE_DAY)
    assert result.due_at.tzinfo == BEIJING


# -- working days --------------------------------------------------------------------------


@given(inside, working_days)
def test_working_days_land_on_the_nth_working_day_after_the_trigger(
    trigger: dt.date, n: int
) -> None:
    result = deadline(trigger, WorkingDays(n))
    due = result.due_date
    assert CAL.is_workday(due)
    assert workdays_in(trigger, due) == n  # exactly n working days in (trigger, due]
    assert workdays_in(trigger, due - ONE_DAY) == n - 1  # and not one day earlier
    assert not result.provisional
    assert_ends_at_24_00(result)


@given(inside, working_days)
def test_working_days_ignore_what_kind_of_day_the_trigger_is(trigger: dt.date, n: int) -> None:
    # The trigger date never counts, whatever it is; the time of day does not matter.
    at_nine = dt.datetime.combine(trigger, dt.time(9, 0))
    late = dt.datetime.combine(trigger, dt.time(23, 59))
    due = deadline(trigger, WorkingDays(n)).due_date
    assert deadline(at_nine, WorkingDays(n)).due_date == due
    assert deadline(late, WorkingDays(n)).due_date == due
    assert deadline(trigger, f"{n}个工作日").due_date == due


# -- calendar days -------------------------------------------------------------------------


@given(inside, calendar_days)
def test_calendar_days_end_on_the_first_working_day_from_trigger_plus_n(
    trigger: dt.date, n: int
) -> None:
    result = deadline(trigger, CalendarDays(n))
    plain = trigger + ONE_DAY * n
    due = result.due_date
    assert due >= plain
    assert CAL.is_workday(due)
    assert due == first_workday_on_or_after(plain)
    if CAL.is_workday(plain):
        assert due == plain
        assert result.unrolled_date is None
    else:
        assert result.unrolled_date == plain
    assert not result.provisional
    assert_ends_at_24_00(result)


@given(inside, calendar_days)
def test_calendar_days_without_rolling_end_on_trigger_plus_n(trigger: dt.date, n: int) -> None:
    result = deadline(trigger, CalendarDays(n), roll=False)
    assert result.due_date == trigger + ONE_DAY * n
    assert result.unrolled_date is None
    assert not result.convention.roll
    assert_ends_at_24_00(result)


# -- months and years (art. 202) -----------------------------------------------------------


@given(month_counts.flatmap(lambda n: st.tuples(inside_for_months(n), st.just(n))))
def test_months_end_on_the_corresponding_day_or_month_end_then_roll(
    case: tuple[dt.date, int],
) -> None:
    trigger, n = case
    last = art_202(trigger, n)
    assert last == trigger + relativedelta(months=n)  # the oracle agrees with dateutil
    if trigger.day <= stdcal.monthrange(last.year, last.month)[1]:
        assert last.day == trigger.day
    else:
        assert last.day == stdcal.monthrange(last.year, last.month)[1]
    result = deadline(trigger, Months(n))
    assert result.due_date == first_workday_on_or_after(last)
    assert result.unrolled_date == (None if CAL.is_workday(last) else last)
    assert deadline(trigger, Months(n), roll=False).due_date == last
    assert_ends_at_24_00(result)


@given(year_counts.flatmap(lambda n: st.tuples(inside_for_months(12 * n), st.just(n))))
def test_years_end_on_the_corresponding_day_or_month_end_then_roll(
    case: tuple[dt.date, int],
) -> None:
    trigger, n = case
    last = art_202(trigger, 12 * n)
    assert last == trigger + relativedelta(years=n)
    result = deadline(trigger, Years(n))
    assert result.due_date == first_workday_on_or_after(last)
    assert deadline(trigger, Years(n), roll=False).due_date == last
    assert deadline(trigger, Years(n)).due_date == deadline(trigger, Months(12 * n)).due_date
    assert_ends_at_24_00(result)


@given(st.integers(min_value=2004, max_value=2025), st.integers(min_value=1, max_value=11))
def test_month_end_policy_on_31_january_and_29_february(year: int, n: int) -> None:
    # 31 January + 1 month is the last day of February, 28 or 29 (art. 202).
    jan31 = dt.date(year, 1, 31)
    feb_end = dt.date(year, 2, 29 if stdcal.isleap(year) else 28)
    assert deadline(jan31, Months(1), roll=False).due_date == feb_end
    assert deadline(jan31, Months(1)).due_date == first_workday_on_or_after(feb_end)
    # A month end + n months is the corresponding day, clamped to the month's end.
    assert deadline(jan31, Months(n), roll=False).due_date == art_202(jan31, n)
    if stdcal.isleap(year) and year + 1 <= LAST.year:
        # 29 February + 1 year: no corresponding day, so 28 February (art. 202).
        feb29 = dt.date(year, 2, 29)
        assert deadline(feb29, Years(1), roll=False).due_date == dt.date(year + 1, 2, 28)


# -- hours ---------------------------------------------------------------------------------

naive_any = st.datetimes(
    min_value=dt.datetime(1970, 1, 1), max_value=dt.datetime(2100, 12, 31, 23, 59)
)
naive_dst_years = st.datetimes(
    min_value=dt.datetime(1985, 12, 1), max_value=dt.datetime(1992, 1, 31)
)
zones = st.sampled_from(
    [UTC, BEIJING, ZoneInfo("America/New_York"), ZoneInfo("Europe/London"), ZoneInfo("Asia/Tokyo")]
)
aware_any = st.datetimes(
    min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2100, 12, 30), timezones=zones
)
hour_counts = st.integers(min_value=1, max_value=24 * 400)


def assert_exact_hours(trigger: dt.datetime, n: int) -> Deadline:
    result = deadline(trigger, Hours(n))
    assert result.due_at.tzinfo == BEIJING
    assert result.due_at.astimezone(UTC) - utc_of(trigger) == dt.timedelta(hours=n)
    assert result.due_date == result.due_at.date()
    assert not result.provisional
    assert result.calendar_data == ()
    return result


@given(naive_any, hour_counts)
def test_hours_are_exact_elapsed_time_from_a_naive_beijing_trigger(
    trigger: dt.datetime, n: int
) -> None:
    assert_exact_hours(trigger, n)


@given(naive_dst_years, st.integers(min_value=1, max_value=24 * 200))
def test_hours_are_exact_elapsed_time_across_beijing_summer_time_1986_to_1991(
    trigger: dt.datetime, n: int
) -> None:
    result = assert_exact_hours(trigger, n)
    # The wall clock shows what Asia/Shanghai showed at that instant (+08:00 or +09:00).
    expected = (utc_of(trigger) + dt.timedelta(hours=n)).astimezone(BEIJING)
    assert result.due_at.replace(tzinfo=None) == expected.replace(tzinfo=None)
    assert result.due_at.utcoffset() == expected.utcoffset()


@given(aware_any, hour_counts)
# The second occurrence of a repeated New York hour: `==` across zones is False there by
# PEP 495 although the instants agree, which is why the law compares UTC instants.
@example(dt.datetime(2020, 11, 1, 1, 30, fold=1, tzinfo=ZoneInfo("America/New_York")), 1)
@example(dt.datetime(2021, 3, 28, 1, 30, tzinfo=ZoneInfo("Europe/London")), 1)  # skipped hour
def test_hours_from_an_aware_trigger_in_any_zone_are_exact(trigger: dt.datetime, n: int) -> None:
    result = assert_exact_hours(trigger, n)
    assert isinstance(result.trigger, dt.datetime)
    assert result.trigger.astimezone(UTC) == utc_of(trigger)  # the same instant …
    assert result.trigger.tzinfo == BEIJING  # … shown in Beijing time


def real_beijing_wall_time(moment: dt.datetime) -> bool:
    """True when Beijing clocks really showed this wall time (it survives a UTC round trip)."""
    back = moment.astimezone(UTC).astimezone(BEIJING)
    return back.replace(tzinfo=None, fold=0) == moment.replace(tzinfo=None, fold=0)


skipped_beijing_hours = st.sampled_from(
    # The spring-forward days of 1986–1991: 02:00–03:00 did not exist on Beijing clocks.
    [
        dt.date(1986, 5, 4),
        dt.date(1987, 4, 12),
        dt.date(1988, 4, 17),
        dt.date(1989, 4, 16),
        dt.date(1990, 4, 15),
        dt.date(1991, 4, 14),
    ]
).flatmap(
    lambda day: st.integers(min_value=0, max_value=59).map(
        lambda minute: dt.datetime(day.year, day.month, day.day, 2, minute)
    )
)


@given(skipped_beijing_hours, st.integers(min_value=1, max_value=48))
def test_a_skipped_beijing_wall_time_is_normalised_to_the_instant_before_the_change(
    trigger: dt.datetime, n: int
) -> None:
    # The law (docs/counting.md): a naive wall time Beijing skipped is not refused; it is
    # read with the offset in force before the change (+08:00, PEP 495 fold=0), and the
    # result shows the real wall time of that instant (one hour later, +09:00).
    assert not real_beijing_wall_time(trigger.replace(tzinfo=BEIJING))
    result = assert_exact_hours(trigger, n)
    assert isinstance(result.trigger, dt.datetime)
    assert result.trigger.astimezone(UTC) == trigger.replace(
        tzinfo=dt.timezone(dt.timedelta(hours=8))
    ).astimezone(UTC)
    assert real_beijing_wall_time(result.trigger)
    assert result.trigger.replace(tzinfo=None) == trigger + dt.timedelta(hours=1)
    assert result.trigger.utcoffset() == dt.timedelta(hours=9)


def test_the_summer_time_window_is_really_exercised() -> None:
    # Spring forward (1986-05-04 02:00 → 03:00) and fall back (1986-09-14 02:00 → 01:00).
    assert deadline(dt.datetime(1986, 5, 3, 12), Hours(24)).due_at.hour == 13
    assert deadline(dt.datetime(1986, 9, 13, 12), Hours(24)).due_at.hour == 11
    assert deadline(dt.datetime(1991, 9, 14, 12), Hours(24)).due_at.hour == 11
    assert deadline(dt.datetime(1992, 9, 12, 12), Hours(24)).due_at.hour == 12


@given(st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 12, 31)), hour_counts)
def test_hours_refuse_a_bare_date(trigger: dt.date, n: int) -> None:
    with pytest.raises(TriggerError):
        deadline(trigger, Hours(n))


# -- minimum durations ---------------------------------------------------------------------


@given(inside, st.integers(min_value=1, max_value=90), st.booleans())
def test_minimum_durations_say_until_when_and_the_earliest_removal(
    posted: dt.date, n: int, posting_day_counts: bool
) -> None:
    result = deadline(posted, MinimumDuration(n), posting_day_counts=posting_day_counts)
    floor = posted + ONE_DAY * (n - 1 if posting_day_counts else n)
    assert result.due_date >= floor
    assert result.due_date == first_workday_on_or_after(floor)
    assert result.earliest_removal == result.due_date + ONE_DAY
    assert result.convention.posting_day_counts is posting_day_counts
    assert_ends_at_24_00(result)
    # Taking it down on the earliest removal day is fine; the day before is too early.
    removal = result.earliest_removal
    assert removal is not None
    assert check(result, removal).on_time
    early = check(result, removal - ONE_DAY)
    assert not early.on_time
    assert early.short_by_days == 1


@given(
    inside,
    st.integers(min_value=1, max_value=60),
    st.booleans(),
    st.integers(min_value=-20 * 24 * 60, max_value=5 * 24 * 60),
)
def test_a_notice_came_down_too_early_iff_before_the_end_of_its_last_day(
    posted: dt.date, n: int, posting_day_counts: bool, minutes: int
) -> None:
    result = deadline(posted, MinimumDuration(n), posting_day_counts=posting_day_counts)
    removal = result.earliest_removal
    assert removal is not None
    taken_down = result.due_at + dt.timedelta(minutes=minutes)
    verdict = check(result, taken_down.replace(tzinfo=None))
    assert verdict.on_time is (minutes >= 0)
    by_date = check(result, taken_down.date())
    assert by_date.on_time is (taken_down.date() >= removal)
    if not by_date.on_time:
        assert by_date.short_by_days == (removal - taken_down.date()).days


# -- fixed dates ---------------------------------------------------------------------------

fixed = st.builds(
    FixedDate, month=st.integers(1, 12), day=st.none() | st.integers(1, 28)
) | st.builds(FixedDate, month=st.integers(1, 12), day=st.none(), every_year=st.just(True))


# From the second year on: the working day before 1 January of the first year is unknown.
@given(st.integers(min_value=FIRST.year + 1, max_value=LAST.year), fixed)
def test_fixed_dates_never_roll_and_name_the_last_working_day_before(
    year: int, period: FixedDate
) -> None:
    result = deadline(year, period)
    due = period.on(year)
    assert result.due_date == due
    assert result.unrolled_date is None
    assert not result.provisional
    assert_ends_at_24_00(result)
    last = result.last_workday
    assert last is not None
    assert last <= due
    assert CAL.is_workday(last)
    assert workdays_in(last, due) == 0  # no working day in (last working day, date]
    # A date in the year gives the same answer as the year itself.
    assert deadline(dt.date(year, 6, 15), period).due_date == due


# -- monotonic in the trigger --------------------------------------------------------------

day_periods = periods([WorkingDays, CalendarDays, Months, Years, MinimumDuration], max_count=120)
ten_years_in = covered_dates(max_value=LAST - relativedelta(years=10) - MARGIN)


@given(ten_years_in, ten_years_in, day_periods | fixed)
def test_results_never_move_backwards_when_the_trigger_moves_forward(
    a: dt.date, b: dt.date, period: object
) -> None:
    early, late = sorted((a, b))
    assert deadline(early, period).due_date <= deadline(late, period).due_date  # type: ignore[arg-type]


instants = st.datetimes(
    min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2100, 12, 30), timezones=st.just(UTC)
)


@given(instants, instants, hour_counts)
def test_hour_results_never_move_backwards_when_the_trigger_moves_forward(
    a: dt.datetime, b: dt.datetime, n: int
) -> None:
    early, late = sorted((a, b))
    first = deadline(early, Hours(n)).due_at.astimezone(UTC)
    second = deadline(late, Hours(n)).due_at.astimezone(UTC)
    assert first <= second


# -- check() agrees with the deadline ------------------------------------------------------

counted_periods = st.one_of(
    st.builds(WorkingDays, working_days),
    st.builds(CalendarDays, calendar_days),
    st.builds(Months, st.integers(1, 6)),
    st.builds(Years, st.integers(1, 2)),
    st.builds(FixedDate, month=st.integers(1, 12)),
)
offsets = st.integers(min_value=-5 * 24 * 60, max_value=15 * 24 * 60)


@given(
    covered_dates(max_value=LAST - dt.timedelta(days=800)),
    counted_periods,
    offsets,
    zones,
)
def test_check_with_a_datetime_is_on_time_iff_before_due_at(
    trigger: dt.date, period: object, minutes: int, zone: ZoneInfo
) -> None:
    result = deadline(trigger, period)  # type: ignore[arg-type]
    done = (result.due_at + dt.timedelta(minutes=minutes)).astimezone(zone)
    verdict = check(result, done)
    assert verdict.on_time is (utc_of(done) < result.due_at.astimezone(UTC))
    naive = check(result, done.astimezone(BEIJING).replace(tzinfo=None))
    assert naive.on_time is verdict.on_time
    if not verdict.on_time:
        assert verdict.late_by_time == utc_of(done) - result.due_at.astimezone(UTC)


@given(
    covered_dates(max_value=LAST - dt.timedelta(days=800)),
    counted_periods,
    st.integers(min_value=-30, max_value=40),
)
def test_check_with_a_date_is_on_time_iff_on_or_before_the_last_day(
    trigger: dt.date, period: object, shift: int
) -> None:
    result = deadline(trigger, period)  # type: ignore[arg-type]
    done = result.due_date + ONE_DAY * shift
    verdict = check(result, done)
    assert verdict.on_time is (done <= result.due_date)
    if verdict.on_time:
        assert verdict.late_by_days == 0
    else:
        assert verdict.late_by_days == shift
        assert verdict.late_by_workdays == workdays_in(result.due_date, done)


@given(naive_dst_years | naive_any, st.integers(1, 24 * 30), st.integers(-3 * 24 * 60, 3 * 24 * 60))
def test_check_of_an_hour_limit_compares_instants_even_in_the_repeated_summer_hour(
    trigger: dt.datetime, n: int, minutes: int
) -> None:
    result = deadline(trigger, Hours(n))
    due_utc = result.due_at.astimezone(UTC)
    done = (due_utc + dt.timedelta(minutes=minutes)).astimezone(BEIJING)
    verdict = check(result, done)
    assert verdict.on_time is (minutes < 0)
    if minutes >= 0:
        assert verdict.late_by_time == dt.timedelta(minutes=minutes)


def summer_time_changes() -> list[dt.datetime]:
    """The UTC instants at which Asia/Shanghai's offset changed, 1986–1991 (from zoneinfo)."""
    changes = []
    moment = dt.datetime(1986, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(BEIJING).utcoffset()
    while moment.year < 1992:
        moment += dt.timedelta(hours=1)
        now = moment.astimezone(BEIJING).utcoffset()
        if now != offset:
            changes.append(moment)
            offset = now
    return changes


SUMMER_TIME_CHANGES = summer_time_changes()


def test_beijing_changed_clocks_twice_a_year_from_1986_to_1991() -> None:
    assert len(SUMMER_TIME_CHANGES) == 12
    assert {c.year for c in SUMMER_TIME_CHANGES} == set(range(1986, 1992))


@given(
    st.sampled_from(SUMMER_TIME_CHANGES),
    st.integers(-180, 180),
    st.integers(1, 24 * 10),
    st.integers(-150, 150),
    st.booleans(),
)
def test_check_of_an_hour_limit_ending_next_to_a_clock_change_compares_instants(
    change: dt.datetime, due_shift: int, n: int, minutes: int, naive_trigger: bool
) -> None:
    # The deadline ends within three hours of a clock change, in the repeated hour or the
    # skipped one; completion is within 2.5 hours of it, on either side.
    due_utc = change + dt.timedelta(minutes=due_shift)
    trigger = (due_utc - dt.timedelta(hours=n)).astimezone(BEIJING)
    if naive_trigger:
        trigger = trigger.replace(tzinfo=None)  # wall time, fold kept
    result = deadline(trigger, Hours(n))
    assert result.due_at.astimezone(UTC) == due_utc
    done = (due_utc + dt.timedelta(minutes=minutes)).astimezone(BEIJING)
    for given_done in (done, done.replace(tzinfo=None), done.astimezone(UTC)):
        verdict = check(result, given_done)
        assert verdict.on_time is (minutes < 0), given_done
        if minutes >= 0:
            assert verdict.late_by_time == dt.timedelta(minutes=minutes)


@given(naive_any, st.integers(1, 24 * 30), st.integers(-3, 3))
def test_check_of_an_hour_limit_with_a_bare_date_decides_only_when_the_date_does(
    trigger: dt.datetime, n: int, shift: int
) -> None:
    result = deadline(trigger, Hours(n))
    due_at = result.due_at
    done = due_at.date() + ONE_DAY * shift
    if shift < 0:
        assert check(result, done).on_time
    elif shift > 0 or due_at.time() == dt.time(0):
        assert not check(result, done).on_time
    else:
        with pytest.raises(CompletionTimeError):
            check(result, done)


# -- the calendar's horizon ----------------------------------------------------------------

near_horizon = st.dates(
    min_value=LAST - dt.timedelta(days=400), max_value=LAST + dt.timedelta(days=700)
)
calendar_periods = st.one_of(
    st.builds(WorkingDays, working_days),
    st.builds(CalendarDays, calendar_days),
    st.builds(Months, st.integers(1, 12)),
    st.builds(Years, st.integers(1, 2)),
    st.builds(MinimumDuration, calendar_days),
)


@given(near_horizon, calendar_periods)
def test_past_the_horizon_it_raises_unless_provisional_answers_are_asked_for(
    trigger: dt.date, period: object
) -> None:
    provisional = deadline(trigger, period, calendar=PROV)  # type: ignore[arg-type]
    beyond = provisional.due_date > LAST
    assert provisional.provisional is beyond
    assert isinstance(provisional.due_date, ProvisionalDate) is beyond
    if beyond:
        with pytest.raises(CalendarCoverageError) as caught:
            deadline(trigger, period)  # type: ignore[arg-type]
        assert caught.value.day > LAST
        assert caught.value.provisional_available
        assert "provisional" in str(caught.value)
    else:
        official = deadline(trigger, period)  # type: ignore[arg-type]
        assert official.due_date == provisional.due_date
        assert not official.provisional


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=FIRST - dt.timedelta(days=2)),
    calendar_periods,
)
def test_before_the_first_notice_there_is_no_answer_even_provisionally(
    trigger: dt.date, period: object
) -> None:
    assume(not (isinstance(period, Years | Months) and trigger + relativedelta(years=2) >= FIRST))
    assume(
        not isinstance(period, CalendarDays | MinimumDuration) or trigger + ONE_DAY * 130 < FIRST
    )
    assume(not isinstance(period, WorkingDays) or trigger + ONE_DAY * 100 < FIRST)
    for cal in (CAL, PROV):
        with pytest.raises(CalendarCoverageError):
            deadline(trigger, period, calendar=cal)  # type: ignore[arg-type]


@given(
    st.datetimes(min_value=dt.datetime(2027, 1, 1), max_value=dt.datetime(2100, 12, 30)),
    hour_counts,
)
def test_hours_and_unrolled_calendar_days_need_no_calendar_so_have_no_horizon(
    trigger: dt.datetime, n: int
) -> None:
    assert not deadline(trigger, Hours(n)).provisional
    plain = deadline(trigger.date(), CalendarDays(n), roll=False)
    assert plain.due_date == trigger.date() + ONE_DAY * n
    assert not plain.provisional


@given(st.integers(min_value=LAST.year + 1, max_value=2100), fixed)
def test_a_fixed_date_past_the_horizon_is_known_but_its_last_working_day_is_not(
    year: int, period: FixedDate
) -> None:
    official = deadline(year, period)
    assert official.due_date == period.on(year)
    assert not official.provisional
    assert official.last_workday is None
    assert "无法确定" in official.explain()
    provisional = deadline(year, period, calendar=PROV)
    assert provisional.due_date == official.due_date
    assert provisional.last_workday is not None
    assert provisional.last_workday_provisional
    assert PROV.is_workday(provisional.last_workday)
