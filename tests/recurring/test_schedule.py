"""Schedules of recurring duties (issue 7): ``schedule(year)`` and ``rule_windows``.

Test names are sentences. Weekdays and working days were checked against the 2026 notice
(国办发明电〔2025〕7号): 31 January 2026 is a Saturday and not a make-up working day.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines import (
    ArgumentTypeError,
    DateRangeError,
    RuleKindError,
    UnknownRuleError,
    default_calendar,
    default_catalogue,
    is_provisional,
)
from gov_deadlines.recurring.windows import Occurrence, act_of, rule_windows, schedule

D = dt.date
CAT = default_catalogue()
OFFICIAL = default_calendar()
PROVISIONAL = default_calendar(provisional=True)
SOURCES = sorted(CAT.sources)


def one(occurrences: list[Occurrence], rule_id: str) -> Occurrence:
    found = [o for o in occurrences if o.rule_id == rule_id]
    assert len(found) == 1, [o.window_label() for o in found]
    return found[0]


def ids(occurrences: list[Occurrence]) -> Counter[str]:
    return Counter(o.rule_id for o in occurrences)


# -- acceptance -----------------------------------------------------------------------------------


def test_schedule_2026_has_the_annual_report_due_31_january_with_30_january_the_last_working_day() -> (
    None
):
    report = one(schedule(2026), "ogi-2019.annual-report")
    assert report.due_date == D(2026, 1, 31)
    assert report.last_workday == D(2026, 1, 30)
    assert report.provisional is False
    assert report.kind == "fixed-date"
    assert report.strength == "must"


def test_schedule_2026_has_school_admission_due_31_july() -> None:
    admission = one(schedule(2026), "sd-2018.school-admission")
    assert admission.due_date == D(2026, 7, 31)
    assert admission.last_workday == D(2026, 7, 31)  # a Friday


def test_schedule_2026_has_12_monthly_air_quality_windows_and_4_quarterly_juyuan_circulars() -> (
    None
):
    counts = ids(schedule(2026))
    assert counts["sd-2018.air-quality-monthly"] == 12
    assert counts["jy-2024.quarterly-circular"] == 4


# -- examples -------------------------------------------------------------------------------------------


def test_the_2026_annual_report_falls_on_saturday_so_the_last_working_day_is_friday_30_january() -> (
    None
):
    report = one(schedule(2026, sources="ogi-2019"), "ogi-2019.annual-report")
    assert report.due_date.weekday() == 5
    text = report.explain("zh")
    assert "2026-01-31(周六)" in text
    assert "2026-01-30(周五)" in text
    assert "第四十九条" in text and "1月31日前" in text
    assert "Saturday" not in text
    assert "2026-01-30 (Fri)" in report.explain("en")


def test_school_admission_2027_keeps_its_date_past_the_official_calendar_without_a_last_working_day() -> (
    None
):
    admission = one(schedule(2027, sources="sd-2018"), "sd-2018.school-admission")
    assert admission.due_date == D(2027, 7, 31)
    assert admission.due_date.weekday() == 5  # a Saturday
    assert admission.last_workday is None
    assert admission.provisional is False
    assert "该年尚无官方节假日安排" in admission.explain("zh")
    assert "2027年尚无官方节假日安排" in admission.workday_line("zh")
    assert "No official holiday arrangement is loaded for 2027" in admission.workday_line("en")


def test_an_unknown_last_working_day_names_the_option_not_a_python_call() -> None:
    # Clerks read this line (schedule --explain, the .ics export); it named
    # default_calendar(provisional=True).
    admission = one(schedule(2027, sources="sd-2018"), "sd-2018.school-admission")
    for lang in ("zh", "en"):
        line = admission.workday_line(lang)
        assert "--provisional" in line and "default_calendar" not in line, line
        assert "default_calendar" not in admission.explain(lang)


def test_school_admission_2027_on_a_provisional_calendar_gives_friday_30_july_flagged() -> None:
    admission = one(
        schedule(2027, sources="sd-2018", calendar=PROVISIONAL), "sd-2018.school-admission"
    )
    assert admission.due_date == D(2027, 7, 31)
    assert admission.last_workday == D(2027, 7, 30)
    assert admission.provisional is True
    assert is_provisional(admission.last_workday)


def test_monthly_windows_past_the_official_calendar_say_their_last_working_day_is_unknown() -> None:
    months = [o for o in schedule(2027, sources="sd-2018") if o.rule_id == "sd-2018.soe-monthly"]
    assert len(months) == 12
    assert all(o.last_workday is None and not o.provisional for o in months)
    assert "尚无官方节假日安排" in months[0].explain("zh")


def test_the_august_open_month_is_one_window_from_1_to_31_august_requiring_one_event() -> None:
    month = one(schedule(2026, sources="jy-2024"), "jy-2024.open-month")
    assert (month.window_start, month.window_end, month.due_date) == (
        D(2026, 8, 1),
        D(2026, 8, 31),
        D(2026, 8, 31),
    )
    assert month.kind == "quota"
    assert month.required == 1
    assert month.window_label("zh") == "2026年8月"
    assert month.window_label("en") == "August 2026"
    assert "至少1次" in month.explain("zh")
    assert "线下开放活动" in month.explain("zh")  # the quoted words


def test_at_least_two_special_inspections_a_year_is_one_calendar_year_window_requiring_two() -> (
    None
):
    inspections = one(schedule(2026, sources="bz-2017"), "bz-2017.special-inspections")
    assert (inspections.window_start, inspections.window_end) == (D(2026, 1, 1), D(2026, 12, 31))
    assert inspections.required == 2
    assert inspections.last_workday == D(2026, 12, 31)


def test_the_2019_annual_report_is_due_31_march_under_the_2008_regulations() -> None:
    occurrences = schedule(2019)
    report = one(occurrences, "ogi-2008.annual-report")
    assert report.due_date == D(2019, 3, 31)
    assert report.last_workday == D(2019, 3, 29)
    assert "ogi-2019.annual-report" not in ids(occurrences)


def test_from_2020_the_annual_report_is_due_31_january_under_the_2019_regulations() -> None:
    for year in (2020, 2021, 2025):
        occurrences = schedule(year)
        assert one(occurrences, "ogi-2019.annual-report").due_date == D(year, 1, 31)
        assert "ogi-2008.annual-report" not in ids(occurrences)


def test_only_the_version_in_force_appears_even_when_its_source_is_not_chosen() -> None:
    assert schedule(2026, sources="ogi-2008") == []
    assert schedule(2019, sources="ogi-2019") == []


def test_the_juyuan_annual_report_takes_the_statutory_date_from_2025_on() -> None:
    assert "jy-2024.annual-report" not in ids(schedule(2024))  # 31 Jan 2024 predates the plan
    report = one(schedule(2025), "jy-2024.annual-report")
    assert report.due_date == D(2025, 1, 31)
    assert report.applied_rule_id == "ogi-2019.annual-report"
    assert report.act == "ogi.annual-report"
    assert "ogi-2019.annual-report" in report.explain("zh")


def test_the_juyuan_plan_of_april_2024_has_no_first_quarter_window_in_2024() -> None:
    quarters = [o for o in schedule(2024) if o.rule_id == "jy-2024.quarterly-circular"]
    assert [o.window_label("zh") for o in quarters] == [
        "2024年第二季度",
        "2024年第三季度",
        "2024年第四季度",
    ]


def test_a_rule_from_a_2018_document_does_not_apply_in_2017() -> None:
    assert not any(o.rule.source.id in ("sd-2018", "sh-2018") for o in schedule(2017))
    assert any(o.rule.source.id == "bz-2017" for o in schedule(2017))


def test_the_shandong_monthly_duties_of_2018_start_with_july_the_month_of_the_notice() -> None:
    months = [o for o in schedule(2018) if o.rule_id == "sd-2018.air-quality-monthly"]
    assert [o.window_start.month for o in months] == list(range(7, 13))


def test_one_off_fixed_dates_appear_only_in_their_year() -> None:
    assert one(schedule(2018), "sd-2018.pilot-acceptance").due_date == D(2018, 9, 30)
    assert one(schedule(2018), "sd-2018.pilot-report").due_date == D(2018, 10, 31)
    assert one(schedule(2017), "bz-2017.intermediary-list").due_date == D(2017, 12, 31)
    later = ids(schedule(2019))
    for rule_id in ("sd-2018.pilot-acceptance", "sd-2018.ipv6", "bz-2017.intermediary-list"):
        assert rule_id not in later


def test_rules_tied_to_2018_appear_only_in_2018() -> None:
    assert ids(schedule(2018))["sd-2018.meeting-attendance"] == 1
    assert one(schedule(2018), "sd-2018.meeting-attendance").required == 2
    assert "sd-2018.meeting-attendance" not in ids(schedule(2019))
    assert "jy-2024.leader-briefing" in ids(schedule(2024))
    assert "jy-2024.leader-briefing" not in ids(schedule(2025))


def test_the_aspirational_intermediary_list_keeps_its_strength() -> None:
    assert one(schedule(2017), "bz-2017.intermediary-list").strength == "aspirational"


def test_schedule_takes_rule_and_family_ids() -> None:
    assert [o.rule_id for o in schedule(2026, rules=["ogi.annual-report"])] == [
        "ogi-2019.annual-report"
    ]
    assert len(rule_windows("sd-2018.county-water-quarterly", 2026)) == 4


def test_an_unknown_rule_id_is_refused_with_suggestions() -> None:
    with pytest.raises(UnknownRuleError) as caught:
        schedule(2026, rules=["sd-2018.air-quality-montly"])
    assert "sd-2018.air-quality-monthly" in caught.value.suggestions


def test_a_deadline_rule_has_no_schedule_and_says_to_use_due() -> None:
    with pytest.raises(RuleKindError, match="due"):
        schedule(2026, rules=["ogi.reply"])


def test_an_unknown_source_is_refused() -> None:
    with pytest.raises(UnknownRuleError):
        schedule(2026, sources=["sd-2019"])


@pytest.mark.parametrize("year", [True, 2026.0, "2026"])
def test_a_year_that_is_not_a_whole_year_is_refused(year: object) -> None:
    # A wrong type is a TypeError naming the argument (issue 10, item 12), no longer a
    # ValueError; a year out of range is a DateRangeError (below).
    with pytest.raises(ArgumentTypeError):
        schedule(year)  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [0, 9999, 10**5000], ids=["0", "9999", "5001 digits"])
def test_a_year_out_of_range_is_refused_as_a_documented_error(year: int) -> None:
    with pytest.raises(DateRangeError):
        schedule(year)


def test_occurrences_are_sorted_by_due_date_and_record_their_citation() -> None:
    occurrences = schedule(2026)
    assert [o.due_date for o in occurrences] == sorted(o.due_date for o in occurrences)
    record = (
        one(occurrences, "sd-2018.school-admission")
        .to_record("en", explanation=True)
        .model_dump(mode="json")
    )
    assert record["due_date"] == "2026-07-31"
    assert record["citation"]["quote"].startswith("各市、县")
    assert record["explanation"]


def test_act_of_a_versioned_or_delegating_rule_is_its_family() -> None:
    assert act_of(CAT.rule("ogi-2008.annual-report")) == "ogi.annual-report"
    assert act_of(CAT.rule("jy-2024.annual-report")) == "ogi.annual-report"
    assert act_of(CAT.rule("jy-2024.open-month")) == "jy-2024.open-month"


# -- properties -----------------------------------------------------------------------------------------

years = st.integers(min_value=2004, max_value=2040)
source_sets = st.one_of(st.none(), st.lists(st.sampled_from(SOURCES), min_size=1, unique=True))
calendars = st.sampled_from([OFFICIAL, PROVISIONAL])


@given(years, source_sets, calendars)
def test_every_due_date_lies_inside_its_window_inside_its_year(
    year: int, sources: list[str] | None, calendar: object
) -> None:
    for occ in schedule(year, sources=sources, calendar=calendar):  # type: ignore[arg-type]
        assert occ.window_start <= occ.due_date <= occ.window_end
        assert occ.window_start.year == occ.window_end.year == year
        assert occ.required >= 1
        if sources is not None:
            assert occ.rule.source.id in sources


@given(years, calendars)
def test_the_last_working_day_is_a_working_day_on_or_before_the_due_date_or_unknown(
    year: int, calendar: object
) -> None:
    for occ in schedule(year, calendar=calendar):  # type: ignore[arg-type]
        if occ.last_workday is None:
            assert year > OFFICIAL.coverage.last.year
            assert not occ.provisional
            continue
        assert occ.last_workday <= occ.due_date
        assert occ.provisional == (occ.last_workday > OFFICIAL.coverage.last)
        cal = PROVISIONAL if occ.provisional else OFFICIAL
        assert cal.is_workday(occ.last_workday)


@given(st.integers(min_value=2019, max_value=2040), calendars)
def test_monthly_rules_give_12_windows_and_quarterly_rules_4(year: int, calendar: object) -> None:
    occurrences = schedule(year, sources="sd-2018", calendar=calendar)  # type: ignore[arg-type]
    for item in CAT.rules(sources="sd-2018", kind="cadence"):
        windows = sorted(
            (o for o in occurrences if o.rule_id == item.id), key=lambda o: o.window_start
        )
        assert len(windows) == (12 if item.cadence == "monthly" else 4)
        # contiguous, no gap and no overlap, from 1 January to 31 December
        assert windows[0].window_start == D(year, 1, 1)
        assert windows[-1].window_end == D(year, 12, 31)
        for before, after in itertools.pairwise(windows):
            assert after.window_start == before.window_end + dt.timedelta(days=1)


@given(years)
def test_a_family_contributes_at_most_one_version_a_year(year: int) -> None:
    counts = ids(schedule(year))
    assert counts["ogi-2008.annual-report"] + counts["ogi-2019.annual-report"] <= 1
    if year >= 2009:
        assert counts["ogi-2008.annual-report"] + counts["ogi-2019.annual-report"] == 1
