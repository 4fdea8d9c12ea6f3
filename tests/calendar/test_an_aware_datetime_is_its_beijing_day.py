"""Every day argument reads a datetime by one rule (``gov_deadlines.dates.beijing_day``): a
date is that day, a naive datetime its date, an aware one (any zone, a pandas ``Timestamp``
with a zone) the date it is in Beijing. The calendar read an aware datetime by the date on
its own clock, while ``Case`` and the CLI read it as its Beijing day."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gov_deadlines as gd
from gov_deadlines.dates import beijing_day, parse_day

CAL = gd.default_calendar()
SHANGHAI = ZoneInfo("Asia/Shanghai")
# 2026-09-30 20:00 UTC is 2026-10-01 04:00 in Beijing: 国庆节, a rest day
EVENING_UTC = dt.datetime(2026, 9, 30, 20, 0, tzinfo=dt.UTC)
NATIONAL_DAY = dt.date(2026, 10, 1)

zones = st.sampled_from(
    [dt.UTC, ZoneInfo("America/New_York"), ZoneInfo("Pacific/Kiritimati"), SHANGHAI,
     ZoneInfo("Etc/GMT+12"), dt.timezone(dt.timedelta(hours=-9, minutes=-30))]
)
# instants whose Beijing day, and the days around it, are covered by official data
instants = st.builds(
    lambda naive, zone: naive.replace(tzinfo=dt.UTC).astimezone(zone),
    st.datetimes(dt.datetime(2005, 1, 1), dt.datetime(2025, 6, 30)),
    zones,
)


def test_is_workday_answers_for_the_beijing_day_of_an_aware_datetime() -> None:
    assert CAL.is_workday(dt.date(2026, 9, 30))
    assert not CAL.is_workday(EVENING_UTC)
    assert CAL.day_info(EVENING_UTC).date == NATIONAL_DAY
    assert CAL.day_info(EVENING_UTC).holiday is not None


def test_every_day_method_of_the_calendar_reads_an_aware_datetime_as_its_beijing_day() -> None:
    day = NATIONAL_DAY
    assert CAL.add_workdays(EVENING_UTC, 1) == CAL.add_workdays(day, 1)
    assert CAL.add_workdays(EVENING_UTC, -1) == CAL.add_workdays(day, -1)
    assert CAL.workdays_between(EVENING_UTC, dt.date(2026, 10, 9)) == 2
    assert CAL.workdays_between_info(EVENING_UTC, dt.date(2026, 10, 9)) == (2, False)
    assert CAL.workday_on_or_after(EVENING_UTC) == dt.date(2026, 10, 9 - 1)
    assert CAL.workday_on_or_before(EVENING_UTC) == dt.date(2026, 9, 30)
    assert [d.date for d in CAL.days(EVENING_UTC, EVENING_UTC)] == [day]
    assert CAL.notable_days(EVENING_UTC, dt.date(2026, 10, 2))[0].date == dt.date(2026, 10, 2)
    assert CAL.notices_used(EVENING_UTC, day) == CAL.notices_used(day, day)


def test_a_local_calendar_reads_an_aware_datetime_as_its_beijing_day_too() -> None:
    local = CAL.for_region("65")  # 新疆: local data for 2025
    evening = EVENING_UTC.replace(year=2025)
    national_day = NATIONAL_DAY.replace(year=2025)
    assert local.is_workday(evening) is False
    assert local.day_info(evening).date == national_day
    assert local.add_workdays(evening, 1) == local.add_workdays(national_day, 1)
    assert local.workdays_between(evening, dt.date(2025, 10, 13)) == local.workdays_between(
        national_day, dt.date(2025, 10, 13)
    )
    assert local.workday_on_or_after(evening) == local.workday_on_or_after(national_day)
    assert local.workday_on_or_before(evening) == dt.date(2025, 9, 30)


def test_a_pandas_timestamp_with_a_zone_is_its_beijing_day() -> None:
    stamp = pd.Timestamp("2026-09-30 20:00", tz="UTC")
    assert CAL.day_info(stamp).date == NATIONAL_DAY
    assert not CAL.is_workday(stamp)
    assert CAL.day_info(pd.Timestamp("2026-09-30 20:00")).date == dt.date(2026, 9, 30)


def test_a_naive_datetime_is_its_own_date() -> None:
    assert CAL.day_info(dt.datetime(2026, 9, 30, 23, 59)).date == dt.date(2026, 9, 30)


def test_nat_is_still_refused_by_the_calendar() -> None:
    with pytest.raises(gd.ArgumentTypeError):
        CAL.is_workday(pd.NaT)


@given(instants)
def test_the_calendar_answers_an_instant_as_it_answers_its_beijing_date(
    moment: dt.datetime,
) -> None:
    day = moment.astimezone(SHANGHAI).date()
    assert beijing_day(moment) == day == parse_day(moment)
    assert CAL.is_workday(moment) == CAL.is_workday(day)
    assert CAL.day_info(moment) == CAL.day_info(day)
    assert CAL.add_workdays(moment, 3) == CAL.add_workdays(day, 3)
    assert CAL.workday_on_or_after(moment) == CAL.workday_on_or_after(day)
    assert CAL.workdays_between(moment, day + dt.timedelta(days=20)) == CAL.workdays_between(
        day, day + dt.timedelta(days=20)
    )


@given(instants)
def test_a_working_day_period_counts_from_the_beijing_day_and_an_hour_period_from_the_instant(
    moment: dt.datetime,
) -> None:
    day = moment.astimezone(SHANGHAI).date()
    assert gd.deadline(moment, "15个工作日").due_date == CAL.add_workdays(day, 15)
    assert gd.due("ogi-2019.reply", moment).due_date == gd.due("ogi-2019.reply", day).due_date
    hours = gd.deadline(moment, "48小时")
    # 48 elapsed hours: an aware datetime plus a timedelta is wall-clock arithmetic in its
    # own zone (across a DST change it is 47 or 49 real hours), so add them in UTC.
    assert hours.due_at == moment.astimezone(dt.UTC) + dt.timedelta(hours=48)
    assert hours.trigger_date == day
