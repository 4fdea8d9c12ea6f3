"""A result's stamp names exactly the data it rests on: change any year it does not name,
and the result stays the same (the law that lets recheck leave such results alone)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import gov_deadlines as gd
from gov_deadlines.calendar.holiday import NATIONAL_DAY, NEW_YEARS_DAY

PERIODS = st.one_of(
    st.integers(1, 60).map(gd.WorkingDays),
    st.integers(1, 12).map(gd.WorkingDays),
    st.integers(1, 400).map(gd.CalendarDays),
    st.integers(1, 14).map(gd.Months),
    st.integers(1, 30).map(gd.MinimumDuration),
    st.integers(1, 12).map(lambda month: gd.FixedDate(month, every_year=True)),
)
TRIGGERS = st.one_of(
    st.dates(dt.date(2005, 1, 1), dt.date(2025, 6, 30)),
    # near a year's end, where a count may read the next year's 元旦 block
    st.builds(lambda y, d: dt.date(y, 12, d), st.integers(2005, 2024), st.integers(1, 31)),
    st.builds(lambda y, d: dt.date(y, 11, d), st.integers(2005, 2024), st.integers(1, 30)),
)


def shifted(calendar: gd.WorkCalendar, year: int, seed: int, near: dt.date) -> gd.WorkCalendar:
    """``calendar`` with ``year``'s days off changed: one more (a weekday; every other time
    a 元旦 day in late December of the year before, ``near`` when it lies there), one
    fewer, or both (see below)."""
    arrangement = calendar.arrangements()[year]
    days_off = dict(arrangement.days_off)
    if seed % 2 == 0:
        day = dt.date(year - 1, 12, 25 + seed % 7)
        if dt.date(year - 1, 12, 25) <= near <= dt.date(year - 1, 12, 31):
            day = near
        holiday = NEW_YEARS_DAY
    else:
        day, holiday = dt.date(year, 1, 1) + dt.timedelta(days=seed % 365), NATIONAL_DAY
    while day.weekday() >= 5 or day in days_off or day in arrangement.makeup_workdays:
        day += dt.timedelta(days=1)
    # seed % 3: 0 adds a day off, 1 takes one away, 2 does both (a net change of one day,
    # or none: both kinds must leave a result that reads neither day alone)
    if days_off and seed % 3 != 0:
        days_off.pop(sorted(days_off)[seed % len(days_off)])
    if day.year >= year - 1 and day <= dt.date(year, 12, 31) and seed % 3 != 1:
        days_off[day] = holiday
    changed = dataclasses.replace(arrangement, days_off=days_off, origin="test")
    return calendar.with_arrangements(changed, replace_official=True)


@given(TRIGGERS, PERIODS, st.sampled_from([-1, 0, 1, 3, 3, 3]), st.integers(0, 10_000))
# a count ending on 2024-12-26, and 2025's 元旦 block reaching back to that day
@example(dt.date(2024, 12, 16), gd.WorkingDays(8), 3, 0)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_year_the_stamp_does_not_name_cannot_change_the_result(
    trigger: dt.date, period: gd.Period, offset: int, seed: int
) -> None:
    calendar = gd.default_calendar()
    before = gd.deadline(trigger, period, calendar=calendar)
    named = {y.year for y in before.stamp.years}
    # offset 3: the first year after those named (its 元旦 block may reach back into them)
    year = max(named, default=trigger.year) + 1 if offset == 3 else trigger.year + offset
    year = min(max(year, 2005), 2026)
    if year in named:
        return
    other = shifted(calendar, year, seed, before.due_date)
    assert other.year_stamp(year) != calendar.year_stamp(year)
    after = gd.deadline(trigger, period, calendar=other)
    assert (after.due_date, after.last_workday, after.unrolled_date) == (
        before.due_date,
        before.last_workday,
        before.unrolled_date,
    )
    assert after.stamp == before.stamp


def test_a_working_day_count_from_2026_12_20_reads_2026_and_2027() -> None:
    result = gd.due(
        "ogi.reply", dt.date(2026, 12, 20), calendar=gd.default_calendar(provisional=True)
    )
    assert [(y.year, y.kind) for y in result.stamp.years] == [
        (2026, "official"),
        (2027, "provisional"),
    ]
    assert [r.source for r in result.stamp.rules] == ["ogi-2008", "ogi-2019"]


def test_what_each_unit_reads() -> None:
    # hours read no day; calendar days without rolling neither; with rolling the last day
    assert gd.deadline(dt.datetime(2026, 10, 1, 9, 30), "48小时").stamp.years == ()
    assert gd.deadline(dt.date(2025, 12, 1), "30日", roll=False).stamp.years == ()
    rolled = gd.deadline(dt.date(2025, 12, 1), "30日")  # 2025-12-31, a Wednesday
    assert [y.year for y in rolled.stamp.years] == [2025, 2026]
    fixed = gd.due("ogi.annual-report", 2026)  # 2026-01-31 (Saturday): back to the 30th
    assert [y.year for y in fixed.stamp.years] == [2026]


def test_a_verdict_also_names_the_years_of_the_working_days_it_counted() -> None:
    deadline = gd.deadline(dt.date(2025, 11, 3), "20个工作日")  # due 2025-12-01
    verdict = gd.check(deadline, dt.date(2026, 1, 5))
    assert [y.year for y in deadline.stamp.years] == [2025]
    assert [y.year for y in verdict.stamp.years] == [2025, 2026]
    assert verdict.to_record().stamp == verdict.stamp.text()


def test_every_deadline_record_carries_its_stamp_and_how_it_was_asked() -> None:
    result = gd.due("ogi.reply", dt.date(2026, 9, 28))
    record = result.to_record()
    assert record.stamp == result.stamp.text()
    assert record.stamp.startswith("2026=official:国办发明电〔2025〕7号:")
    assert record.asked_rule == "ogi.reply" and record.rule == "ogi-2019.reply"
    assert gd.Stamp.parse(record.stamp) == result.stamp
