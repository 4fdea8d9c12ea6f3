"""Provisional arrangements from 全国年节及纪念日放假办法, for years no notice covers yet.

Only used when the caller asks for provisional answers. The result is the statutory
holidays plus weekends, **without** 调休 (make-up working days and bridged days are set by
each year's notice and cannot be known in advance), and without the 补假 of art. 6 (which
working day makes up for a holiday on a weekend is also the notice's choice).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache

from ._data import read_data
from .arrangement import YearArrangement
from .holiday import (
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


def statutory_arrangement(year: int) -> YearArrangement:
    """The provisional arrangement of ``year`` (see the module docstring)."""
    lunar = _lunar_table()[year]
    days_off: dict[dt.date, Holiday] = {}

    def off(first: dt.date, count: int, holiday: Holiday) -> None:
        for offset in range(count):
            days_off.setdefault(first + dt.timedelta(days=offset), holiday)

    revised = year >= REVISION_2025
    spring = lunar["spring_festival"]
    off(dt.date(year, 1, 1), 1, NEW_YEARS_DAY)
    if revised:
        off(spring - dt.timedelta(days=1), 4, SPRING_FESTIVAL)
    else:
        off(spring, 3, SPRING_FESTIVAL)
    off(lunar["qingming"], 1, TOMB_SWEEPING_DAY)
    off(dt.date(year, 5, 1), 2 if revised else 1, LABOUR_DAY)
    off(lunar["dragon_boat"], 1, DRAGON_BOAT_FESTIVAL)
    off(lunar["mid_autumn"], 1, MID_AUTUMN_FESTIVAL)
    off(dt.date(year, 10, 1), 3, NATIONAL_DAY)
    # 除夕 can fall in the year before when 春节 is on 1 January; keep only this year's days.
    days_off = {day: h for day, h in days_off.items() if day.year == year}
    return YearArrangement(
        year=year,
        days_off=days_off,
        makeup_workdays={},
        notice=None,
        origin="全国年节及纪念日放假办法 (provisional)",
        provisional=True,
        reason_zh=REASON_ZH,
        reason_en=REASON_EN,
    )
