"""Example tests: the days that trip people, the errata, the horizon and loading a notice."""

from __future__ import annotations

import datetime as dt
import json
import threading
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from gov_deadlines import (
    CalendarCoverageError,
    Coverage,
    DayKind,
    GovDeadlinesError,
    ProvisionalDate,
    WorkCalendar,
    default_calendar,
    is_provisional,
)
from gov_deadlines.calendar.coverage import Span

D = dt.date
ONE_DAY = dt.timedelta(days=1)


def _notices_toml() -> dict[str, Any]:
    raw = resources.files("gov_deadlines").joinpath("data/calendar/notices.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


ERRATA = _notices_toml().get("erratum", [])


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return default_calendar()


# -- the days that trip people ---------------------------------------------------------------


def test_saturday_2024_09_14_was_a_make_up_working_day(cal: WorkCalendar) -> None:
    info = cal.day_info(D(2024, 9, 14))
    assert D(2024, 9, 14).weekday() == 5
    assert cal.is_workday(D(2024, 9, 14))
    assert info.kind is DayKind.MAKEUP_WORKDAY
    assert info.holiday is not None and info.holiday.zh == "中秋节"
    assert info.notice is not None and info.notice.number == "国办发明电〔2023〕7号"


def test_one_working_day_after_friday_2024_09_13_is_saturday_2024_09_14() -> None:
    assert default_calendar().add_workdays(D(2024, 9, 13), 1) == D(2024, 9, 14)


def test_one_working_day_before_monday_2024_09_16_is_saturday_2024_09_14(
    cal: WorkCalendar,
) -> None:
    # 2024-09-15 (Sun), 16 and 17 were the Mid-Autumn days off.
    assert cal.add_workdays(D(2024, 9, 18), -1) == D(2024, 9, 14)


def test_national_day_is_named_in_chinese_and_english(cal: WorkCalendar) -> None:
    info = cal.day_info(D(2024, 10, 1))
    assert info.kind is DayKind.HOLIDAY
    assert info.holiday is not None
    assert (info.holiday.zh, info.holiday.en) == ("国庆节", "National Day")
    assert info.describe("zh") == "2024-10-01 周二 节假日(国庆节)"
    assert info.describe("en") == "2024-10-01 Tue holiday (National Day)"


def test_an_ordinary_weekend_is_a_weekend_without_a_holiday_name(cal: WorkCalendar) -> None:
    info = cal.day_info(D(2024, 9, 7))
    assert info.kind is DayKind.WEEKEND
    assert info.holiday is None
    assert not info.is_workday


def test_the_2020_spring_festival_was_extended_to_sunday_2_february(cal: WorkCalendar) -> None:
    # 国办发明电〔2020〕1号: 31 Jan (Fri) and 1 Feb (Sat, a make-up working day before) off.
    for day in (D(2020, 1, 31), D(2020, 2, 1), D(2020, 2, 2)):
        assert not cal.is_workday(day), day
        assert cal.day_info(day).kind is DayKind.HOLIDAY
    assert cal.is_workday(D(2020, 2, 3))
    assert cal.workday_on_or_after(D(2020, 1, 24)) == D(2020, 2, 3)
    assert cal.add_workdays(D(2020, 1, 23), 1) == D(2020, 2, 3)


def test_the_2020_extension_is_cited_as_an_amendment_of_the_2020_notice(
    cal: WorkCalendar,
) -> None:
    notice = cal.day_info(D(2020, 1, 31)).notice
    assert notice is not None and notice.year == 2020
    numbers = [amendment.number for amendment in notice.amendment]
    assert "国办发明电〔2020〕1号" in numbers


def test_3_september_2015_was_a_one_off_holiday_made_up_on_sunday_6_september(
    cal: WorkCalendar,
) -> None:
    info = cal.day_info(D(2015, 9, 3))
    assert info.kind is DayKind.HOLIDAY
    assert info.holiday is not None and "70" in info.holiday.zh
    assert not cal.is_workday(D(2015, 9, 4))  # Friday, swapped
    assert cal.day_info(D(2015, 9, 6)).kind is DayKind.MAKEUP_WORKDAY
    assert cal.add_workdays(D(2015, 9, 2), 1) == D(2015, 9, 6)
    assert info.notice is not None
    assert "国发明电〔2015〕1号" in [a.number for a in info.notice.amendment]


def test_labour_day_2019_was_changed_to_1_to_4_may_with_two_sundays_worked(
    cal: WorkCalendar,
) -> None:
    for day in (D(2019, 5, 1), D(2019, 5, 2), D(2019, 5, 3), D(2019, 5, 4)):
        assert cal.day_info(day).kind is DayKind.HOLIDAY, day
    for sunday in (D(2019, 4, 28), D(2019, 5, 5)):
        assert sunday.weekday() == 6
        assert cal.day_info(sunday).kind is DayKind.MAKEUP_WORKDAY, sunday
    assert cal.add_workdays(D(2019, 4, 30), 1) == D(2019, 5, 5)
    notice = cal.day_info(D(2019, 5, 2)).notice
    assert notice is not None
    assert "国办发明电〔2019〕3号" in [a.number for a in notice.amendment]


@pytest.mark.parametrize(
    ("day", "year_of_notice"),
    [
        (D(2006, 12, 30), 2007),
        (D(2006, 12, 31), 2007),
        (D(2007, 12, 29), 2008),
        (D(2011, 12, 31), 2012),
        (D(2018, 12, 29), 2019),
    ],
)
def test_late_december_weekend_days_made_working_days_by_the_next_years_notice(
    cal: WorkCalendar, day: dt.date, year_of_notice: int
) -> None:
    info = cal.day_info(day)
    assert day.weekday() >= 5
    assert info.kind is DayKind.MAKEUP_WORKDAY
    assert info.notice is not None and info.notice.year == year_of_notice


# -- errata ----------------------------------------------------------------------------------


def test_notices_toml_records_at_least_the_2005_12_31_erratum() -> None:
    assert "2005-12-31" in [entry["date"].isoformat() for entry in ERRATA]


@pytest.mark.parametrize("entry", ERRATA, ids=lambda entry: entry["date"].isoformat())
def test_each_erratum_quotes_its_notice_and_day_info_shows_it(
    cal: WorkCalendar, entry: dict[str, Any]
) -> None:
    day = entry["date"]
    assert f"{day.month}月{day.day}日" in entry["quote"], "the quote must name the day"
    assert entry["read_at"]
    info = cal.day_info(day)
    assert info.erratum is not None
    assert info.erratum.quote == entry["quote"]
    assert info.erratum.notice_number == entry["notice_number"]
    assert info.notice is not None and info.notice.number == entry["notice_number"]
    assert info.kind.value == entry["official_kind"]
    assert info.is_workday == (entry["official_kind"] in ("workday", "makeup_workday"))


def test_saturday_2005_12_31_was_a_working_day_under_the_2006_notice(cal: WorkCalendar) -> None:
    info = cal.day_info(D(2005, 12, 31))
    assert info.kind is DayKind.MAKEUP_WORKDAY
    assert info.holiday is not None and info.holiday.zh == "元旦"
    assert info.notice is not None and info.notice.number == "国办发明电〔2005〕35号"
    assert info.erratum is not None and "12月31日(星期六)上班" in info.erratum.quote
    assert cal.add_workdays(D(2005, 12, 30), 1) == D(2005, 12, 31)


def test_a_day_without_an_erratum_has_none(cal: WorkCalendar) -> None:
    assert cal.day_info(D(2024, 9, 14)).erratum is None


# -- citations -------------------------------------------------------------------------------


@pytest.mark.parametrize("year", range(2004, 2027))
def test_every_covered_year_cites_its_notice(cal: WorkCalendar, year: int) -> None:
    info = cal.day_info(D(year, 6, 15))
    notice = info.notice
    assert notice is not None
    assert notice.year == year
    assert notice.title == f"国务院办公厅关于{year}年部分节假日安排的通知"
    assert notice.published is not None and notice.published.year == year - 1
    assert notice.read_at
    assert notice.title in notice.cite("zh")
    assert any(
        line.startswith(f"{year}: 《") for line in cal.notices_used(D(year, 1, 1), D(year, 12, 31))
    )


def test_coverage_is_2004_to_2026(cal: WorkCalendar) -> None:
    assert cal.coverage == Coverage((Span(D(2004, 1, 1), D(2026, 12, 31)),))
    assert (cal.coverage.first, cal.coverage.last) == (D(2004, 1, 1), D(2026, 12, 31))
    assert D(2026, 12, 31) in cal.coverage
    assert D(2027, 1, 1) not in cal.coverage


# -- n = 0 -----------------------------------------------------------------------------------


def test_zero_working_days_from_a_working_day_is_that_day(cal: WorkCalendar) -> None:
    assert cal.add_workdays(D(2024, 9, 14), 0) == D(2024, 9, 14)


def test_zero_working_days_from_a_rest_day_is_refused_with_the_two_alternatives(
    cal: WorkCalendar,
) -> None:
    with pytest.raises(ValueError, match=r"workday_on_or_after\(\).*workday_on_or_before\(\)"):
        cal.add_workdays(D(2024, 10, 1), 0)


# -- the horizon -----------------------------------------------------------------------------


def _days_of(year: int) -> list[dt.date]:
    first = D(year, 1, 1)
    return [first + dt.timedelta(days=k) for k in range((D(year + 1, 1, 1) - first).days)]


def test_every_day_of_2027_is_refused_naming_2027_and_both_remedies(cal: WorkCalendar) -> None:
    for day in _days_of(2027):
        for ask in (cal.is_workday, cal.day_info, cal.workday_on_or_after):
            with pytest.raises(CalendarCoverageError) as caught:
                ask(day)
            error = caught.value
            assert error.year == 2027
            message = str(error)
            assert "2027" in message
            assert "with_overlays" in message and "overlay" in message
            assert "provisional=True" in message
            assert "2004-01-01 .. 2026-12-31" in message


def test_the_coverage_error_is_a_lookup_error_with_a_chinese_message(cal: WorkCalendar) -> None:
    with pytest.raises(LookupError) as caught:
        cal.is_workday(D(2027, 3, 1))
    error = caught.value
    assert isinstance(error, GovDeadlinesError)
    assert isinstance(error, CalendarCoverageError)
    assert error.coverage_first == D(2004, 1, 1) and error.coverage_last == D(2026, 12, 31)
    assert "2027年" in error.message("zh")


def test_twenty_working_days_from_20_december_2026_are_refused_naming_2027(
    cal: WorkCalendar,
) -> None:
    with pytest.raises(CalendarCoverageError) as caught:
        cal.add_workdays(D(2026, 12, 20), 20)
    assert caught.value.year == 2027
    assert "2027" in str(caught.value)
    assert "provisional" in str(caught.value)


def test_in_provisional_mode_the_same_walk_gives_a_date_flagged_provisional() -> None:
    result = default_calendar(provisional=True).add_workdays(D(2026, 12, 20), 20)
    assert isinstance(result, ProvisionalDate)
    assert is_provisional(result)
    # 1 January 2027 is 元旦 under 全国年节及纪念日放假办法; no 调休 is assumed.
    assert result == D(2027, 1, 18)
    assert hash(result) == hash(D(2027, 1, 18))


def test_a_provisional_2027_day_says_why_it_is_provisional() -> None:
    info = default_calendar(provisional=True).day_info(D(2027, 10, 1))
    assert info.provisional
    assert info.kind is DayKind.HOLIDAY
    assert info.holiday is not None and info.holiday.zh == "国庆节"
    assert info.notice is None
    assert "调休" in info.reason_zh
    assert "make-up" in info.reason_en
    assert info.describe("zh").endswith("[临时推算]")


def test_official_results_in_provisional_mode_are_not_flagged() -> None:
    result = default_calendar(provisional=True).add_workdays(D(2024, 9, 13), 1)
    assert type(result) is dt.date
    assert not is_provisional(result)


def test_before_2004_there_is_no_data_even_in_provisional_mode() -> None:
    with pytest.raises(CalendarCoverageError) as caught:
        default_calendar(provisional=True).is_workday(D(2003, 12, 31))
    assert caught.value.year == 2003
    assert not caught.value.provisional_available


def test_one_working_day_after_the_last_uncovered_day_is_answered(cal: WorkCalendar) -> None:
    # Only the days after 2003-12-31 are needed; 2004-01-01 was 元旦.
    assert cal.add_workdays(D(2003, 12, 31), 1) == D(2004, 1, 2)
    assert cal.add_workdays(D(2027, 1, 1), -1) == D(2026, 12, 31)


# -- loading the 2027 notice -----------------------------------------------------------------

# A made-up 2027 arrangement, for tests only (no 2027 notice exists as of this writing).
OVERLAY_2027_TOML = """\
year = 2027

[notice]
title = "国务院办公厅关于2027年部分节假日安排的通知"
number = "国办发明电〔2026〕99号"
published = 2026-11-20
read_at = "test fixture, not a real notice"

[[off]]
holiday = "元旦"
from = 2027-01-01
to = 2027-01-03

[[off]]
holiday = "春节"
from = 2027-02-05
to = 2027-02-12

[[work]]
date = 2027-02-20
holiday = "春节"

[[off]]
holiday = "国庆节"
from = 2027-10-01
to = 2027-10-07

[[work]]
date = 2027-10-09
holiday = "国庆节"
"""

OVERLAY_2027_HOLIDAY_CN: dict[str, Any] = {
    "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
    "$id": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2027.json",
    "year": 2027,
    "papers": ["https://example.invalid/2027-notice (test fixture)"],
    "days": [
        *({"name": "元旦", "date": f"2027-01-0{d}", "isOffDay": True} for d in (1, 2, 3)),
        *({"name": "春节", "date": f"2027-02-{d:02d}", "isOffDay": True} for d in range(5, 13)),
        {"name": "春节", "date": "2027-02-20", "isOffDay": False},
        *({"name": "国庆节", "date": f"2027-10-0{d}", "isOffDay": True} for d in range(1, 8)),
        {"name": "国庆节", "date": "2027-10-09", "isOffDay": False},
    ],
}


def _write_overlay(directory: Path, fmt: str) -> Path:
    if fmt == "toml":
        path = directory / "2027.toml"
        path.write_text(OVERLAY_2027_TOML, encoding="utf-8")
    else:
        path = directory / "2027.json"
        path.write_text(json.dumps(OVERLAY_2027_HOLIDAY_CN, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_after_loading_a_2027_notice_the_same_walk_gives_a_plain_date(
    tmp_path: Path, fmt: str
) -> None:
    path = _write_overlay(tmp_path, fmt)
    loaded = default_calendar().with_overlays(path)
    result = loaded.add_workdays(D(2026, 12, 20), 20)
    assert type(result) is dt.date
    assert not is_provisional(result)
    assert result == D(2027, 1, 18)
    assert loaded.coverage == Coverage((Span(D(2004, 1, 1), D(2027, 12, 31)),))
    assert len(loaded.sources) == 1 and str(path) in loaded.sources[0]
    # The notice's arrangement is used, 调休 included.
    assert loaded.is_workday(D(2027, 2, 20))
    assert loaded.day_info(D(2027, 2, 20)).kind is DayKind.MAKEUP_WORKDAY
    assert loaded.add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 15)
    info = loaded.day_info(D(2027, 10, 1))
    assert not info.provisional
    assert info.notice is not None and info.notice.year == 2027
    assert any("overlay" in line for line in loaded.notices_used(D(2027, 1, 1), D(2027, 1, 1)))


def test_loading_an_overlay_leaves_the_default_calendar_unchanged(tmp_path: Path) -> None:
    default_calendar().with_overlays(_write_overlay(tmp_path, "toml"))
    with pytest.raises(CalendarCoverageError):
        default_calendar().is_workday(D(2027, 2, 20))


def test_provisional_mode_with_a_2027_overlay_is_official_in_2027_and_provisional_after(
    tmp_path: Path,
) -> None:
    loaded = default_calendar(provisional=True).with_overlays(_write_overlay(tmp_path, "json"))
    assert not is_provisional(loaded.add_workdays(D(2027, 12, 1), 5))
    assert is_provisional(loaded.add_workdays(D(2027, 12, 20), 20))
    assert loaded.day_info(D(2028, 10, 1)).provisional


# -- sharing ---------------------------------------------------------------------------------


def test_the_default_calendar_is_built_once_and_shared_between_threads() -> None:
    seen: list[WorkCalendar] = []
    threads = [threading.Thread(target=lambda: seen.append(default_calendar())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(calendar) for calendar in seen}) == 1
    assert seen[0] is default_calendar()
    assert default_calendar(provisional=True) is not default_calendar()
    assert default_calendar().with_provisional(True).provisional
