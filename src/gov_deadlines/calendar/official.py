"""The official data: chinese-calendar's tables, each year's notice, and our errata.

chinese-calendar carries the days; ``data/calendar/notices.toml`` carries, for every year,
the notice those days come from (python-holidays style: the citation beside the data) and
the errata, each quoting the notice, where the upstream table is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any

from gov_deadlines.bundled import read_toml, snapshot_payload
from gov_deadlines.calendar.arrangement import YearArrangement
from gov_deadlines.calendar.holiday import NEW_YEARS_DAY, Holiday, holiday_from_text, holiday_named
from gov_deadlines.calendar.notice import Erratum, Notice, erratum_from_dict, notice_from_dict

_KIND_WORKING = {"workday", "makeup_workday"}
_KIND_OFF = {"holiday"}
_KIND_PLAIN = {"weekend"}


def _read_notices() -> dict[str, Any]:
    return read_toml("calendar", "notices.toml")


def _owner_year(day: dt.date, holiday: Holiday) -> int:
    """The year whose notice declares ``day``: a late-December 元旦 day belongs to the next."""
    if day.month == 12 and holiday == NEW_YEARS_DAY:
        return day.year + 1
    return day.year


def _upstream_holiday(english_name: str) -> Holiday:
    return holiday_named(english_name) or holiday_from_text(english_name)


@cache
def official_arrangements() -> Mapping[int, YearArrangement]:
    """Every year chinese-calendar covers, corrected by our errata and cited."""
    import chinese_calendar  # type: ignore[import-untyped]

    payload = snapshot_payload()
    if payload is not None:
        # The calendar's part of the snapshot: validated notices and errata, decoded here.
        decoded = [notice_from_dict(item) for item in payload["notices"]]
        notices = {notice.year: notice for notice in decoded}
        errata = tuple(erratum_from_dict(item) for item in payload["errata"])
    else:
        # Imported here for cost: the pydantic schema, needed only when the snapshot is stale.
        from gov_deadlines.calendar.schema import validate_notices

        validated, listed = validate_notices(_read_notices())
        notices = {notice.year: notice for notice in validated}
        errata = tuple(listed)
    version = getattr(chinese_calendar, "__version__", "?")

    days_off: dict[int, dict[dt.date, Holiday]] = {}
    makeup: dict[int, dict[dt.date, Holiday]] = {}
    for day, name in chinese_calendar.holidays.items():
        holiday = _upstream_holiday(name)
        days_off.setdefault(_owner_year(day, holiday), {})[day] = holiday
    for day, name in chinese_calendar.workdays.items():
        holiday = _upstream_holiday(name)
        makeup.setdefault(_owner_year(day, holiday), {})[day] = holiday

    years = range(min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year + 1)
    errata_by_year: dict[int, list[Erratum]] = {}
    for erratum in errata:
        named = holiday_from_text(erratum.holiday) if erratum.holiday else None
        owner = _owner_year(erratum.date, named) if named else erratum.date.year
        errata_by_year.setdefault(owner, []).append(erratum)
        off = days_off.setdefault(owner, {})
        work = makeup.setdefault(owner, {})
        off.pop(erratum.date, None)
        work.pop(erratum.date, None)
        if erratum.official_kind in _KIND_OFF:
            off[erratum.date] = named or holiday_from_text("")
        elif erratum.official_kind in _KIND_WORKING and erratum.date.weekday() >= 5:
            work[erratum.date] = named or NEW_YEARS_DAY
        elif erratum.official_kind not in _KIND_WORKING | _KIND_PLAIN:
            raise ValueError(f"erratum {erratum.date}: unknown kind {erratum.official_kind!r}")

    result: dict[int, YearArrangement] = {}
    for year in years:
        notice = notices.get(year) or Notice(
            year=year,
            title=f"国务院办公厅关于{year}年部分节假日安排的通知",
            verified=False,
            note="citation not recorded",
        )
        result[year] = YearArrangement(
            year=year,
            days_off=days_off.get(year, {}),
            makeup_workdays=makeup.get(year, {}),
            notice=notice,
            origin=f"chinese-calendar {version}",
            errata=tuple(errata_by_year.get(year, ())),
        )
    return result
