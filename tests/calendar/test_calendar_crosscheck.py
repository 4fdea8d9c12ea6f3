"""Cross-checks of the calendar data against independent sources, every day of 2004–2026.

* ``chinese_calendar`` (the base of the default data): must agree except on the errata of
  ``notices.toml`` — and every erratum must be a real disagreement, so that a fixed
  upstream shows up here.
* python-holidays (``holidays.China``), which cites each notice: must agree everywhere.
* The lunar table used in provisional mode (``data/calendar/lunar.toml``): must match
  python-holidays' lunisolar calendar and chinese_calendar's solar terms, year by year.

python-holidays' answers are read from ``python_holidays_china.json`` beside this file, frozen
by ``tools/freeze_python_holidays.py`` (the file names the version): ``holidays`` pins
``python-dateutil<3``, so installing it with the tests would test a dateutil no user gets.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest

from gov_deadlines import DayKind, default_calendar

YEARS = range(2004, 2027)
WORKING_KINDS = ("workday", "makeup_workday")


def _days_of(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=k) for k in range((dt.date(year + 1, 1, 1) - first).days)]


def _read(name: str) -> dict[str, Any]:
    raw = resources.files("gov_deadlines").joinpath(f"data/calendar/{name}").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


ERRATA: dict[dt.date, dict[str, Any]] = {e["date"]: e for e in _read("notices.toml")["erratum"]}
LUNAR: dict[int, dict[str, dt.date]] = {int(y): v for y, v in _read("lunar.toml").items()}
PYTHON_HOLIDAYS: dict[str, Any] = json.loads(
    (Path(__file__).with_name("python_holidays_china.json")).read_text(encoding="utf-8")
)


def _python_holidays_is_working_day(day: dt.date) -> bool:
    year = str(day.year)
    if day.weekday() < 5:
        return day.isoformat() not in PYTHON_HOLIDAYS["rest_weekdays"][year]
    return day.isoformat() in PYTHON_HOLIDAYS["working_weekend_days"][year]


def test_the_frozen_python_holidays_answers_cover_every_year_and_name_their_version() -> None:
    assert PYTHON_HOLIDAYS["source"].startswith("python-holidays ")
    assert sorted(map(int, PYTHON_HOLIDAYS["rest_weekdays"])) == list(YEARS)
    assert sorted(map(int, PYTHON_HOLIDAYS["working_weekend_days"])) == list(YEARS)
    assert sorted(map(int, PYTHON_HOLIDAYS["lunar"])) == sorted(LUNAR)


def test_chinese_calendar_covers_exactly_the_default_coverage() -> None:
    coverage = default_calendar().coverage
    assert min(chinese_calendar.holidays).year == coverage.first.year
    assert max(chinese_calendar.holidays).year == coverage.last.year


def test_agrees_with_chinese_calendar_on_every_day_except_the_errata() -> None:
    cal = default_calendar()
    disagreements = {
        day
        for year in YEARS
        for day in _days_of(year)
        if cal.is_workday(day) != chinese_calendar.is_workday(day)
    }
    # The errata that change whether a day is worked are exactly the disagreements: a new
    # disagreement needs an erratum, and an erratum upstream has fixed must be removed.
    changing = {
        day
        for day, entry in ERRATA.items()
        if (entry["official_kind"] in WORKING_KINDS) != chinese_calendar.is_workday(day)
    }
    assert disagreements == changing
    assert disagreements == set(ERRATA)


@pytest.mark.parametrize("day", sorted(ERRATA), ids=lambda day: day.isoformat())
def test_each_erratum_is_a_day_chinese_calendar_gets_wrong(day: dt.date) -> None:
    entry = ERRATA[day]
    official_working = entry["official_kind"] in WORKING_KINDS
    assert default_calendar().is_workday(day) == official_working
    assert chinese_calendar.is_workday(day) != official_working
    assert ("rest" if official_working else "working") in entry["upstream_says"]


@pytest.mark.parametrize("year", YEARS)
def test_agrees_with_python_holidays_on_every_day_of(year: int) -> None:
    cal = default_calendar()
    wrong = [
        day
        for day in _days_of(year)
        if cal.is_workday(day) != _python_holidays_is_working_day(day)
    ]
    assert wrong == []


@pytest.mark.parametrize("year", sorted(LUNAR))
def test_lunar_table_matches_python_holidays_and_chinese_calendar(year: int) -> None:
    row = LUNAR[year]
    frozen = PYTHON_HOLIDAYS["lunar"][str(year)]
    for key in ("spring_festival", "dragon_boat", "mid_autumn", "qingming"):
        assert row[key] == dt.date.fromisoformat(frozen[key]), key
    terms = chinese_calendar.get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 30))
    assert [day for day, name in terms if name == "清明"] == [row["qingming"]]


def test_lunar_table_runs_from_2004_to_2100_without_gaps() -> None:
    assert sorted(LUNAR) == list(range(2004, 2101))


@pytest.mark.parametrize("year", YEARS)
def test_lunar_table_dates_are_rest_days_in_the_official_data(year: int) -> None:
    cal = default_calendar()
    row = LUNAR[year]
    spring = cal.day_info(row["spring_festival"])
    assert spring.kind is DayKind.HOLIDAY
    assert spring.holiday is not None and spring.holiday.zh == "春节"
    if year < 2008:
        return  # 清明, 端午 and 中秋 became public holidays with the 2007 revision.
    for key, name in (
        ("qingming", "清明节"),
        ("dragon_boat", "端午节"),
        ("mid_autumn", "中秋节"),
    ):
        info = cal.day_info(row[key])
        assert not info.is_workday, (key, row[key])
        if info.kind is DayKind.HOLIDAY:
            assert info.holiday is not None
            assert name in info.holiday.zh or info.holiday.zh == "国庆节", (key, info)


@pytest.mark.parametrize("year", YEARS)
def test_the_provisional_arrangement_rests_on_every_statutory_day_the_notice_rested_on(
    year: int,
) -> None:
    # Provisional data omits 调休, but every statutory holiday it lists was a rest day in the
    # official data too, from the 2008 holiday rules on (2004–2007 had fewer holidays).
    from gov_deadlines.calendar.statutory import statutory_arrangement

    if year < 2008:
        return
    cal = default_calendar()
    for day in statutory_arrangement(year).days_off:
        assert not cal.is_workday(day), day
