"""Local overlays applied to the national calendar: merging a region's or agency's days
into the national arrangements, finding a region's bundled overlays, and telling local
overlay files from national ones. The calendar class that uses them,
:class:`~gov_deadlines.calendar.workcalendar.ScopedCalendar`, is named beside the national
one; what it does is :class:`~gov_deadlines.calendar.local_scope.LocalScope`.

A working-day calendar for one region or agency: the national days plus local overlays.

``default_calendar().for_region("新疆")`` (or ``calendar.with_local(overlay)``) gives a
:class:`ScopedCalendar`: the national arrangement of every year, minus the local rest days
of the scope (plus its rare extra working days). Each local day is a holiday named for its
scope (``肉孜节(新疆维吾尔自治区)``), :attr:`DayInfo.local` carries its basis and quoted
words, and :meth:`notices_used` cites the local document beside the national notice, so
that every result names the local days it skipped and why.

It answers only inside the years its region-wide overlays cover; elsewhere it raises
:class:`~gov_deadlines.errors.LocalCoverageError` (see :mod:`gov_deadlines.calendar.local_days`).
The national calendar, and its fast paths, are not touched.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from gov_deadlines.calendar.arrangement import YearArrangement
from gov_deadlines.calendar.holiday import Holiday
from gov_deadlines.calendar.local_days import (
    LocalDay,
    LocalOverlay,
    bundled_local_overlays,
    region_code,
)
from gov_deadlines.errors import (
    ArgumentTypeError,
    LocalCoverageError,
    OverlayError,
    check_path_argument,
)

if TYPE_CHECKING:
    # The scoped calendar itself lives beside the national one (workcalendar), which
    # imports this module's helpers: no import back.
    from gov_deadlines.calendar.workcalendar import WorkCalendar


def merge_local_days(
    national: Mapping[int, YearArrangement], overlays: tuple[LocalOverlay, ...]
) -> tuple[list[YearArrangement], dict[dt.date, LocalDay]]:
    """The national arrangements (year -> arrangement) with the local days applied, and the
    local days by date; a day set twice, or in a year with no official arrangement, is an
    :class:`OverlayError` naming the overlay file and the day."""
    years = {year: a for year, a in national.items() if not a.provisional}
    local: dict[dt.date, LocalDay] = {}
    for overlay in overlays:
        for day in overlay.days:
            if day.date in local:
                raise OverlayError(
                    overlay.source,
                    f"{day.date.isoformat()} is also set by {local[day.date].basis.title}",
                    entry=f"day {day.date.isoformat()}",
                    problem_zh=f"{day.date.isoformat()}已由《{local[day.date].basis.title}》规定",
                )
            if day.date.year not in years:
                raise OverlayError(
                    overlay.source,
                    f"no official national arrangement for {day.date.year} is loaded; load the "
                    "State Council notice for that year first",
                    entry=f"day {day.date.isoformat()}",
                    problem_zh=f"尚未载入{day.date.year}年全国的官方节假日安排,"
                    "请先载入该年的国务院办公厅通知",
                )
            local[day.date] = day
    merged = []
    for year, arrangement in years.items():
        mine = [d for d in local.values() if d.date.year == year]
        if not mine:
            merged.append(arrangement)
            continue
        days_off: dict[dt.date, Holiday] = dict(arrangement.days_off)
        makeup: dict[dt.date, Holiday] = dict(arrangement.makeup_workdays)
        for day in mine:
            if day.working:
                days_off.pop(day.date, None)
                if day.date.weekday() >= 5:
                    makeup[day.date] = day.holiday
            elif day.date not in days_off:  # a national holiday keeps its own name
                makeup.pop(day.date, None)
                days_off[day.date] = day.holiday
        merged.append(dataclasses.replace(arrangement, days_off=days_off, makeup_workdays=makeup))
    return merged, local


def local_day_runs(days: list[LocalDay]) -> Iterator[str]:
    """``肉孜节 2025-03-29至2025-03-31``: consecutive days of one name as one span."""
    start = 0
    for i in range(1, len(days) + 1):
        if (
            i < len(days)
            and days[i].name == days[start].name
            and days[i].working == days[start].working
            and days[i].date == days[i - 1].date + dt.timedelta(days=1)
        ):
            continue
        first, last = days[start], days[i - 1]
        span = first.date.isoformat()
        if last.date != first.date:
            span += f"至{last.date.isoformat()}"
        yield f"{first.name} {span}" + ("上班" if first.working else "放假")
        start = i


def for_region(calendar: WorkCalendar, region: str) -> WorkCalendar:
    """``calendar`` with the bundled local overlays of ``region`` (code or name) applied."""
    if not isinstance(region, str):
        raise ArgumentTypeError("region", region, "a region code or name (str)", "地区代码或名称")
    code = region_code(region)
    found = tuple(o for o in bundled_local_overlays() if o.scope.region == code)
    if not found:
        raise LocalCoverageError(None, region, ())
    return calendar.with_local(*found)


def split_overlay_files(
    paths: Iterable[str | PathLike[str]],
) -> tuple[list[str], list[LocalOverlay]]:
    """The national overlay files among ``paths``, and the local overlays (TOML files with
    a ``[scope]`` table) read from the others."""
    import tomllib

    from gov_deadlines.calendar.local_days import is_local_overlay, local_overlay_from_data

    national: list[str] = []
    local: list[LocalOverlay] = []
    for path in paths:
        name = check_path_argument("paths", path)
        data = None
        if not name.lower().endswith(".json"):
            try:
                data = tomllib.loads(Path(name).read_bytes().decode("utf-8-sig"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                data = None  # load_overlay reports the problem in its own words
        if data is not None and is_local_overlay(data):
            local.append(local_overlay_from_data(data, name))
        else:
            national.append(name)
    return national, local
