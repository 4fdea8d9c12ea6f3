"""Worked cases of the counting conventions (issue 3), each named as the sentence it proves."""

from __future__ import annotations

import datetime as dt
import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from gov_deadlines import (
    CalendarCoverageError,
    CalendarDays,
    DeadlineRecord,
    FixedDate,
    Hours,
    MinimumDuration,
    Months,
    TriggerError,
    WorkingDays,
    Years,
    check,
    deadline,
    default_calendar,
    due,
)

BEIJING = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC


def beijing(*args: int) -> datetime:
    return datetime(*args, tzinfo=BEIJING)  # type: ignore[misc]


# -- the acceptance asserts of issue 3 -----------------------------------------------------


def test_thirty_days_from_26_april_2018_end_on_monday_28_may_because_the_30th_day_is_a_saturday() -> (
    None
):
    assert deadline(date(2018, 4, 26), "30日").due_date == date(2018, 5, 28)


def test_twenty_working_days_from_17_march_2017_end_on_17_april_2017() -> None:
    assert deadline(date(2017, 3, 17), "20个工作日").due_date == date(2017, 4, 17)


def test_48_hours_from_1_october_2026_at_0930_end_at_3_october_0930_in_beijing() -> None:
    due_at = deadline(datetime(2026, 10, 1, 9, 30), "48小时").due_at
    assert due_at == beijing(2026, 10, 3, 9, 30)
    assert due_at.tzinfo == BEIJING
    assert (due_at.hour, due_at.minute) == (9, 30)
    assert due_at.utcoffset() == dt.timedelta(hours=8)


# -- calendar days -------------------------------------------------------------------------


def test_a_30_day_period_ending_on_a_saturday_rolls_to_monday_and_says_so() -> None:
    result = deadline(date(2018, 4, 26), CalendarDays(30))
    assert result.unrolled_date == date(2018, 5, 26)  # a Saturday
    assert result.due_date == date(2018, 5, 28)
    assert result.due_at == beijing(2018, 5, 29)
    zh = result.explain()
    assert "2018-05-26(周六)" in zh
    assert "周末" in zh
    assert "第二百零三条" in zh
    assert "24:00" in zh


def test_a_30_day_period_ending_inside_national_day_rolls_to_the_first_working_day_after() -> None:
    result = deadline(date(2026, 9, 3), "30日")
    assert result.unrolled_date == date(2026, 10, 3)
    assert result.due_date == date(2026, 10, 8)  # 国庆 2026-10-01..07
    zh, en = result.explain(), result.explain("en")
    assert "国庆节" in zh
    assert "第二百零三条" in zh
    assert "2026-10-08 24:00" in zh
    assert "National Day" in en
    assert "art. 203" in en
    assert "24:00 of 2026-10-08" in en


def test_rest_days_in_the_middle_of_a_calendar_day_period_are_not_deducted() -> None:
    # 2026-09-28 + 15 days runs through the whole 国庆 block (10-01..07): still 10-13.
    result = deadline(date(2026, 9, 28), "15日")
    assert result.due_date == date(2026, 10, 13)
    assert result.unrolled_date is None
    assert "期间中的休息日不扣除" in result.explain()
    # Ending on a 调休 Saturday: a working day, so no roll either.
    assert deadline(date(2026, 9, 25), "15日").due_date == date(2026, 10, 10)
    assert deadline(date(2026, 9, 25), "15日").unrolled_date is None


def test_a_calendar_day_period_does_not_roll_when_rolling_is_turned_off() -> None:
    result = deadline(date(2018, 4, 26), "30日", roll=False)
    assert result.due_date == date(2018, 5, 26)
    assert "已关闭" in result.explain()


# -- working days --------------------------------------------------------------------------


def test_three_working_days_from_the_friday_before_spring_festival_2026_count_the_makeup_saturday() -> (
    None
):
    result = deadline(date(2026, 2, 13), "3个工作日")
    # Sat 02-14 is a 调休 working day (1); 02-15..02-23 are off; 02-24 (2); 02-25 (3).
    assert result.due_date == date(2026, 2, 25)
    zh = result.explain()
    assert "春节放假" in zh
    assert "2026-02-14(周六) 春节调休上班" in zh


def test_three_working_days_from_the_friday_before_spring_festival_2025_skip_the_whole_holiday() -> (
    None
):
    result = deadline(date(2025, 1, 24), WorkingDays(3))
    assert result.due_date == date(2025, 2, 5)
    assert "2025-01-28—2025-02-04" in result.explain()


def test_one_working_day_from_friday_13_september_2024_is_the_makeup_saturday_14_september() -> (
    None
):
    result = deadline(date(2024, 9, 13), WorkingDays(1))
    assert result.due_date == date(2024, 9, 14)
    assert result.due_date.weekday() == 5
    assert "调休上班" in result.explain()
    assert "make-up working day" in result.explain("en")


def test_a_working_day_period_across_national_day_explains_the_holiday_and_the_makeup_day() -> None:
    result = deadline(date(2026, 9, 30), "5个工作日")
    # 10-01..07 off; 10-08 (1), 10-09 (2), Sat 10-10 调休 (3), 10-12 (4), 10-13 (5).
    assert result.due_date == date(2026, 10, 13)
    zh, en = result.explain(), result.explain("en")
    for text in ("国庆节", "调休上班", "2026-10-10(周六)", "2026-10-13 24:00", "起算日不计入"):
        assert text in zh, text
    for text in ("National Day", "make-up working day", "24:00 of 2026-10-13"):
        assert text in en, text


def test_the_time_of_day_of_the_trigger_does_not_change_a_working_day_count() -> None:
    assert deadline(datetime(2017, 3, 17, 23, 59), "20个工作日").due_date == date(2017, 4, 17)


# -- months and years ----------------------------------------------------------------------


def test_one_month_from_31_january_is_28_february_in_a_common_year() -> None:
    assert deadline(date(2023, 1, 31), Months(1)).due_date == date(2023, 2, 28)


def test_one_month_from_31_january_is_29_february_in_a_leap_year() -> None:
    assert deadline(date(2024, 1, 31), Months(1)).due_date == date(2024, 2, 29)


def test_one_month_from_31_january_2020_is_29_february_a_saturday_so_it_rolls_to_2_march() -> None:
    result = deadline(date(2020, 1, 31), "1个月")
    assert result.unrolled_date == date(2020, 2, 29)
    assert result.due_date == date(2020, 3, 2)
    assert "第二百零二条" in result.explain()
    assert "第二百零三条" in result.explain()


def test_one_month_from_31_january_2021_is_28_february_a_sunday_so_it_rolls_to_1_march() -> None:
    assert deadline(date(2021, 1, 31), "1个月").due_date == date(2021, 3, 1)


def test_one_month_from_31_january_2026_is_saturday_28_february_a_makeup_working_day() -> None:
    result = deadline(date(2026, 1, 31), "1个月")
    assert result.due_date == date(2026, 2, 28)
    assert result.unrolled_date is None


def test_29_february_plus_one_year_is_28_february() -> None:
    assert deadline(date(2024, 2, 29), Years(1)).due_date == date(2025, 2, 28)
    assert deadline(date(2024, 2, 29), "12个月").due_date == date(2025, 2, 28)


def test_29_february_plus_four_years_is_29_february_again() -> None:
    assert deadline(date(2020, 2, 29), Years(4), roll=False).due_date == date(2024, 2, 29)


# -- hours ---------------------------------------------------------------------------------


def test_an_hour_period_with_a_bare_date_is_refused_asking_for_the_time() -> None:
    with pytest.raises(TriggerError) as caught:
        deadline(date(2026, 10, 1), "48小时")
    assert "time" in str(caught.value)
    assert "datetime(2026, 10, 1, 9, 30)" in str(caught.value)
    assert "具体时刻" in caught.value.message("zh")


def test_an_aware_trigger_in_another_zone_is_converted_to_beijing_time() -> None:
    new_york = datetime(2026, 9, 30, 21, 30, tzinfo=ZoneInfo("America/New_York"))
    result = deadline(new_york, Hours(48))
    assert result.trigger == beijing(2026, 10, 1, 9, 30)
    assert result.due_at == beijing(2026, 10, 3, 9, 30)
    assert "2026-10-01 09:30" in result.explain()


def test_a_trigger_in_another_zone_can_fall_on_another_beijing_day() -> None:
    # 2017-03-16 20:00 in London is 2017-03-17 04:00 in Beijing: counting starts from the 17th.
    london = datetime(2017, 3, 16, 20, 0, tzinfo=ZoneInfo("Europe/London"))
    assert deadline(london, "20个工作日").due_date == date(2017, 4, 17)


def test_hours_run_through_holidays_and_nights() -> None:
    result = deadline(datetime(2026, 9, 30, 18, 0), "24小时")
    assert result.due_at == beijing(2026, 10, 1, 18, 0)  # 国庆 makes no difference
    assert result.calendar_data == ()


def test_24_hours_across_the_1986_spring_forward_are_24_elapsed_hours() -> None:
    # Beijing moved clocks from 02:00 to 03:00 on 1986-05-04: 24 h later shows 13:00.
    result = deadline(datetime(1986, 5, 3, 12, 0), Hours(24))
    assert result.due_at.astimezone(UTC) == datetime(1986, 5, 4, 4, 0, tzinfo=UTC)
    assert (result.due_at.hour, result.due_at.utcoffset()) == (13, dt.timedelta(hours=9))


def test_an_hour_limit_ending_in_the_repeated_hour_of_1986_is_judged_by_the_instant() -> None:
    # Ends 1986-09-14 01:30 (+08:00, the second 01:30); 01:45 (+09:00) came 45 minutes before.
    result = deadline(beijing(1986, 9, 13, 21, 30), Hours(5))
    assert result.due_at.astimezone(UTC) == datetime(1986, 9, 13, 17, 30, tzinfo=UTC)
    first_0145 = datetime(1986, 9, 14, 1, 45)  # fold=0: the first time the clock showed it
    assert check(result, first_0145).on_time
    late = check(result, first_0145.replace(fold=1))
    assert not late.on_time
    assert late.late_by_time == dt.timedelta(minutes=15)


# -- check() -------------------------------------------------------------------------------


def test_an_act_on_the_last_day_is_on_time_and_one_at_0000_the_next_day_is_late() -> None:
    result = deadline(date(2026, 9, 3), "30日")  # last day 2026-10-08
    assert check(result, date(2026, 10, 8)).on_time
    assert check(result, datetime(2026, 10, 8, 23, 59, 59)).on_time
    midnight = check(result, datetime(2026, 10, 9, 0, 0))
    assert not midnight.on_time
    assert midnight.late_by_time == dt.timedelta(0)
    assert midnight.late_by_days == 1
    assert not check(result, date(2026, 10, 9)).on_time


def test_a_late_act_is_late_by_working_days_and_calendar_days() -> None:
    result = deadline(date(2026, 9, 3), "30日")  # last day Thu 2026-10-08
    verdict = check(result, date(2026, 10, 12))  # Fri, Sat (调休 working day), Sun, Mon
    assert not verdict.on_time
    assert verdict.late_by_days == 4
    assert verdict.late_by_workdays == 3
    assert verdict.summary() == "逾期4天(3个工作日)。"
    assert verdict.summary("en") == "Late by 4 day(s) (3 working day(s))."


def test_an_early_act_says_how_many_working_days_were_to_spare() -> None:
    result = deadline(date(2017, 3, 17), "20个工作日")
    verdict = check(result, date(2017, 4, 13))
    assert verdict.on_time
    assert verdict.early_by_workdays == 2
    assert "2个工作日" in verdict.summary()


def test_an_hour_limit_is_judged_to_the_minute() -> None:
    result = deadline(datetime(2026, 10, 1, 9, 30), "48小时")
    assert check(result, datetime(2026, 10, 3, 9, 29)).on_time
    late = check(result, datetime(2026, 10, 3, 11, 0))
    assert not late.on_time
    assert late.summary() == "逾期1.5小时。"


def test_an_hour_limit_ending_at_midnight_is_missed_by_anything_done_that_day() -> None:
    result = deadline(datetime(2026, 10, 1, 0, 0), "48小时")
    assert result.due_at == beijing(2026, 10, 3)
    assert check(result, date(2026, 10, 2)).on_time
    assert not check(result, date(2026, 10, 3)).on_time


def test_a_notice_that_must_stay_up_ten_days_taken_down_too_early_is_short_by_days() -> None:
    result = deadline(date(2026, 3, 2), "不少于10天")
    assert result.due_date == date(2026, 3, 12)
    assert result.earliest_removal == date(2026, 3, 13)
    early = check(result, date(2026, 3, 10))
    assert not early.on_time
    assert early.short_by_days == 3
    assert early.summary() == "公示时间不足:提前3天撤下。"
    assert not check(result, datetime(2026, 3, 12, 23, 0)).on_time
    assert check(result, datetime(2026, 3, 13, 0, 0)).on_time
    assert check(result, date(2026, 3, 13)).on_time


def test_a_notice_whose_posting_day_counts_as_day_one_may_come_down_a_day_earlier() -> None:
    result = deadline(date(2026, 3, 2), MinimumDuration(10), posting_day_counts=True)
    assert result.due_date == date(2026, 3, 11)
    assert result.earliest_removal == date(2026, 3, 12)
    assert "计为第1天" in result.explain()
    assert "counts as day 1" in result.explain("en")


def test_a_notice_whose_tenth_day_is_a_rest_day_stays_up_until_the_next_working_day() -> None:
    result = deadline(date(2026, 9, 23), "不少于10天")  # day 10 is 2026-10-03, in 国庆
    assert result.due_date == date(2026, 10, 8)
    assert result.earliest_removal == date(2026, 10, 9)


def test_an_office_hours_cutoff_ends_the_last_day_at_that_time() -> None:
    result = deadline(date(2026, 9, 3), "30日", cutoff=time(17, 0))
    assert result.due_at == beijing(2026, 10, 8, 17, 0)
    assert check(result, datetime(2026, 10, 8, 16, 59)).on_time
    assert not check(result, datetime(2026, 10, 8, 17, 0)).on_time
    late = check(result, datetime(2026, 10, 8, 17, 30))
    assert late.summary() == "逾期0.5小时。"
    assert "业务时间" in result.explain()
    assert "office-hours cut-off" in result.explain("en")
    # The default is 24:00.
    assert deadline(date(2026, 9, 3), "30日").due_at == beijing(2026, 10, 9)


def test_options_that_do_not_fit_the_unit_are_refused() -> None:
    with pytest.raises(ValueError, match="roll"):
        deadline(date(2026, 3, 2), "20个工作日", roll=False)
    with pytest.raises(ValueError, match="posting_day_counts"):
        deadline(date(2026, 3, 2), "30日", posting_day_counts=True)
    with pytest.raises(ValueError, match="cutoff"):
        deadline(datetime(2026, 3, 2, 9), "48小时", cutoff=time(17, 0))


# -- fixed dates ---------------------------------------------------------------------------


def test_a_fixed_date_on_a_saturday_does_not_roll_but_names_the_friday_before() -> None:
    result = deadline(2022, "年底前")
    assert result.due_date == date(2022, 12, 31)  # a Saturday
    assert result.unrolled_date is None
    assert result.last_workday == date(2022, 12, 30)
    assert "2022-12-30(周五)" in result.explain()


def test_the_yearly_annual_report_date_of_31_january_2026_is_a_saturday() -> None:
    result = deadline(2026, FixedDate(1, 31, every_year=True))
    assert result.due_date == date(2026, 1, 31)
    assert result.last_workday == date(2026, 1, 30)


def test_a_dated_fixed_date_ignores_the_year_of_the_trigger() -> None:
    assert deadline(date(2018, 3, 1), "2018年9月底前").due_date == date(2018, 9, 30)


# -- the horizon ---------------------------------------------------------------------------


def test_twenty_working_days_from_20_december_2026_need_2027_and_are_refused_by_default() -> None:
    with pytest.raises(CalendarCoverageError) as caught:
        deadline(date(2026, 12, 20), "20个工作日")
    assert caught.value.year == 2027
    assert "provisional" in str(caught.value)


def test_a_provisional_answer_past_the_horizon_is_flagged_as_provisional() -> None:
    result = deadline(date(2026, 12, 20), "20个工作日", calendar=default_calendar(provisional=True))
    assert result.provisional
    assert result.to_record().provisional
    assert "临时" in result.explain()
    assert "provisional" in result.explain("en")


# -- records -------------------------------------------------------------------------------

STABLE_FIELDS = (
    "rule",
    "trigger",
    "due_date",
    "due_at",
    "provisional",
    "explanation",
    "convention",
    "calendar_data",
)


@pytest.mark.parametrize(
    ("trigger", "period"),
    [
        (date(2018, 4, 26), "30日"),
        (date(2017, 3, 17), "20个工作日"),
        (datetime(2026, 10, 1, 9, 30), "48小时"),
        (date(2026, 3, 2), "不少于10天"),
        (2026, "每年7月底前"),
        (date(2024, 1, 31), "1个月"),
    ],
)
def test_a_record_round_trips_through_json_with_its_stable_fields(
    trigger: date | int, period: str
) -> None:
    result = deadline(trigger, period)
    record = result.to_record(explanation=True)
    text = record.model_dump_json()
    data = json.loads(text)
    for name in STABLE_FIELDS:
        assert name in data, name
    assert DeadlineRecord.model_validate_json(text) == record
    assert data["rule"] is None
    assert data["due_date"] == result.due_date.isoformat()
    assert datetime.fromisoformat(data["due_at"]) == result.due_at
    assert data["provisional"] is False
    assert data["explanation"] == result.explain_lines()
    assert data["convention"]["unit"] == result.convention.unit.value
    assert data["convention"]["roll"] == result.convention.roll
    assert data["calendar_data"] == list(result.calendar_data)


def test_the_record_of_the_30_day_example_carries_what_a_clerk_needs() -> None:
    data = deadline(date(2018, 4, 26), "30日").to_record(explanation=True).model_dump(mode="json")
    assert data["trigger"] == "2018-04-26"
    assert data["due_date"] == "2018-05-28"
    assert data["due_at"] == "2018-05-29T00:00:00+08:00"
    assert data["unrolled_date"] == "2018-05-26"
    assert data["convention"]["unit"] == "calendar_days"
    assert any("第二百零三条" in article for article in data["convention"]["articles"])
    assert data["calendar_data"][0].startswith(
        "2018: 《国务院办公厅关于2018年部分节假日安排的通知》"
    )
    assert data["explanation"][-1].startswith("  2018:")
    result = deadline(date(2018, 4, 26), "30日")
    english = result.to_record("en", explanation=True).model_dump(mode="json")
    assert english["explanation"][0].startswith("Period: 30 days.")
    assert result.to_record().model_dump(mode="json")["explanation"] is None


def test_a_typed_period_and_its_text_give_the_same_deadline() -> None:
    for typed, text in [
        (WorkingDays(20), "20个工作日"),
        (CalendarDays(30), "30日"),
        (Months(3), "3个月"),
        (Years(1), "1年"),
        (MinimumDuration(10), "不少于10天"),
    ]:
        assert (
            deadline(date(2025, 3, 3), typed).due_date == deadline(date(2025, 3, 3), text).due_date
        )


def test_a_lateness_past_the_calendar_says_why_its_working_days_are_unknown() -> None:
    # the summary (and MeetsRule's message, which quotes it) showed "(?个工作日)"
    verdict = check(due("ogi.reply", dt.date(2026, 9, 28)), dt.date(2027, 1, 5))
    assert verdict.late_by_workdays is None
    assert verdict.summary() == "逾期67天(工作日数无法确定:日历数据未覆盖到完成日)。"
    assert "?" not in verdict.summary("en") and "working days unknown" in verdict.summary("en")
