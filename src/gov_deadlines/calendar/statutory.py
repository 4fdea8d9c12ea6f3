"""Provisional arrangements from 全国年节及纪念日放假办法, for years no notice covers yet.

Only used when the caller asks for provisional answers. The result is the statutory
holidays plus weekends, **without** 调休 (make-up working days and bridged days are set by
each year's notice and cannot be known in advance), and without the 补假 of art. 6 (which
working day makes up for a holiday on a weekend is also the notice's choice).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache

from gov_deadlines.bundled import read_data
from gov_deadlines.calendar.arrangement import YearArrangement
from gov_deadlines.calendar.holiday import (
    DRAGON_BOAT_FESTIVAL,
    LABOUR_DAY,
    MID_AUTUMN_FESTIVAL,
    NATIONAL_DAY,
    NEW_YEARS_DAY,
    SPRING_FESTIVAL,
    TOMB_SWEEPING_DAY,
    Holiday,
)

#: The 2024-11-10 revision (in force 2025-01-01) gave 除夕 and a second Labour Day.
REVISION_2025 = 2025

REASON_ZH = (
    "临时推算:该年尚无国务院办公厅节假日安排通知,仅按《全国年节及纪念日放假办法》"
    "的法定节日和周末推算,不含调休和补假,正式通知发布后可能改变"
)
REASON_EN = (
    "provisional: no State Council notice for this year yet; computed from the statutory "
    "holidays of 全国年节及纪念日放假办法 and weekends only, without make-up working days "
    "or substitute days off, and may change when the notice is published"
)


@cache
def _lunar_table() -> dict[int, dict[str, dt.date]]:
    raw = read_data("calendar", "lunar.toml")
    return {int(year): dates for year, dates in tomllib.loads(raw.decode("utf-8")).items()}


def provisional_years() -> range:
    """The years for which a provisional arrangement can be computed."""
    table = _lunar_table()
    return range(min(table), max(table) + 1)


@dataclass(frozen=True, slots=True)
class StatutoryVersion:
    """One version of 全国年节及纪念日放假办法 and the first year it governed."""

    first_year: int
    decree: str
    spring_from_eve: bool  # 春节 starts on 除夕 (2008–2013, 2025–) or on 正月初一
    spring_days: int
    labour_days: int
    lunar_festivals: bool  # 清明、端午、中秋 are holidays (since 2008)


#: Versions in force, oldest first. Sources: 国务院令第270号 (1999), 第513号 (2007-12-14,
#: in force 2008-01-01), 第644号 (2013-12-11, in force 2014-01-01), 第795号 (2024-11-10,
#: in force 2025-01-01).
STATUTORY_VERSIONS: tuple[StatutoryVersion, ...] = (
    StatutoryVersion(1999, "国务院令第270号", False, 3, 3, False),
    StatutoryVersion(2008, "国务院令第513号", True, 3, 1, True),
    StatutoryVersion(2014, "国务院令第644号", False, 3, 1, True),
    StatutoryVersion(REVISION_2025, "国务院令第795号", True, 4, 2, True),
)


def statutory_version(year: int) -> StatutoryVersion:
    """The version of 全国年节及纪念日放假办法 that governed ``year``."""
    chosen = STATUTORY_VERSIONS[0]
    for version in STATUTORY_VERSIONS:
        if version.first_year <= year:
            chosen = version
    return chosen


def statutory_holidays(year: int) -> dict[dt.date, Holiday]:
    """The days of ``year`` that the version of 全国年节及纪念日放假办法 in force makes holidays.

    Raises ``KeyError`` for a year the lunar table does not cover (see
    :func:`provisional_years`).
    """
    lunar = _lunar_table()[year]
    version = statutory_version(year)
    days: dict[dt.date, Holiday] = {}

    def off(first: dt.date, count: int, holiday: Holiday) -> None:
        for offset in range(count):
            days.setdefault(first + dt.timedelta(days=offset), holiday)

    spring = lunar["spring_festival"]
    off(dt.date(year, 1, 1), 1, NEW_YEARS_DAY)
    first_spring = spring - dt.timedelta(days=1) if version.spring_from_eve else spring
    off(first_spring, version.spring_days, SPRING_FESTIVAL)
    if version.lunar_festivals:
        off(lunar["qingming"], 1, TOMB_SWEEPING_DAY)
    off(dt.date(year, 5, 1), version.labour_days, LABOUR_DAY)
    if version.lunar_festivals:
        off(lunar["dragon_boat"], 1, DRAGON_BOAT_FESTIVAL)
        off(lunar["mid_autumn"], 1, MID_AUTUMN_FESTIVAL)
    off(dt.date(year, 10, 1), 3, NATIONAL_DAY)
    # 除夕 can fall in the year before when 春节 is on 1 January; keep only this year's days.
    return {day: h for day, h in days.items() if day.year == year}


def statutory_arrangement(year: int) -> YearArrangement:
    """The provisional arrangement of ``year`` (see the module docstring)."""
    return YearArrangement(
        year=year,
        days_off=statutory_holidays(year),
        makeup_workdays={},
        notice=None,
        origin="全国年节及纪念日放假办法 (provisional)",
        provisional=True,
        reason_zh=REASON_ZH,
        reason_en=REASON_EN,
    )
