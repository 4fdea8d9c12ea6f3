"""The calendar's part of a result's stamp: one :class:`~gov_deadlines.stamps.YearStamp` per
year, naming where the year's arrangement came from, its notice and a hash of its days.

The hash is of the days alone — each day off and each make-up working day with its
holiday, sorted — so that it changes exactly when a count over the year could change: a
corrected citation leaves it alone, a moved 调休 day does not. A calendar works its stamps
out once, on first use (:meth:`WorkCalendar.year_stamps`), never per result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from gov_deadlines.calendar.day import DayKind
from gov_deadlines.stamps import YearStamp, digest

if TYPE_CHECKING:
    from gov_deadlines.calendar.arrangement import YearArrangement

__all__ = [
    "arrangement_digest",
    "arrangement_kind",
    "known_arrangement",
    "notice_id",
    "year_stamps",
]


def arrangement_digest(arrangement: YearArrangement) -> str:
    """The short stable hash of a year's days (see the module's documentation)."""
    return digest(
        {
            "year": arrangement.year,
            "off": sorted(
                [day.isoformat(), h.key, h.zh] for day, h in arrangement.days_off.items()
            ),
            "work": sorted(
                [day.isoformat(), h.key, h.zh] for day, h in arrangement.makeup_workdays.items()
            ),
        }
    )


def notice_id(arrangement: YearArrangement) -> str:
    """The notice a year rests on: its document number (with those of its amendments), its
    title when it has no number; for a provisional year, the decree it is computed from."""
    notice = arrangement.notice
    if notice is None:
        if arrangement.provisional:
            # Imported here for cost: the statutory tables load only for provisional years.
            from gov_deadlines.calendar.statutory import statutory_version

            return f"全国年节及纪念日放假办法 {statutory_version(arrangement.year).decree}"
        return arrangement.origin
    ids = [notice.number or notice.title]
    ids += [a.number or a.title for a in notice.amendment]
    return "+".join(ids)


def year_stamps(
    arrangements: Mapping[int, YearArrangement],
    overlay_years: Iterable[int],
    local_years: Iterable[int] = (),
) -> dict[int, YearStamp]:
    """The stamp of every year of ``arrangements``: ``provisional`` for a computed year,
    ``overlay`` for one loaded from a file, else ``official``; ``+local`` for a year whose
    arrangement carries local rest days."""
    overlays = frozenset(overlay_years)
    local = frozenset(local_years)
    stamps: dict[int, YearStamp] = {}
    for year, arrangement in arrangements.items():
        if arrangement.provisional:
            kind = "provisional"
        elif year in overlays:
            kind = "overlay"
        else:
            kind = "official"
        if year in local:
            kind += "+local"
        stamps[year] = YearStamp(
            year, kind, notice_id(arrangement), arrangement_digest(arrangement)
        )
    return stamps


def arrangement_kind(
    day: dt.date,
    own: YearArrangement | None,
    following: YearArrangement | None,
) -> DayKind:
    """The kind of ``day`` under its year's arrangement ``own`` and the next year's
    ``following`` (which, applied later, sets the late-December days of a 元旦 block), as
    :class:`~gov_deadlines.calendar.workcalendar.WorkCalendar` builds its tables."""
    for arrangement in (following, own):
        if arrangement is None:
            continue
        if day in arrangement.days_off:
            return DayKind.HOLIDAY
        if day in arrangement.makeup_workdays:
            return DayKind.MAKEUP_WORKDAY
    return DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKDAY


def known_arrangement(
    stamp: YearStamp, candidates: Iterable[Mapping[int, YearArrangement]] = ()
) -> tuple[bool, YearArrangement | None]:
    """The arrangement a year's stamp names, if it can be found: among ``candidates``
    (the arrangements of calendars at hand), the bundled official data and the provisional
    year. ``(True, None)`` for a stamp of no arrangement (``none``); ``(False, None)``
    when no arrangement at hand has the stamp's hash."""
    if stamp.kind == "none":
        return True, None
    # Imported here for cost: the bundled tables, the statutory years (pydantic-free but
    # large) are read only when a recheck needs to say which days changed.
    from gov_deadlines.calendar.official import official_arrangements
    from gov_deadlines.calendar.statutory import provisional_years, statutory_arrangement

    pools: list[Mapping[int, YearArrangement]] = [*candidates, official_arrangements()]
    for pool in pools:
        found = pool.get(stamp.year)
        if found is not None and arrangement_digest(found) == stamp.digest:
            return True, found
    if stamp.year in provisional_years():
        found = statutory_arrangement(stamp.year)
        if arrangement_digest(found) == stamp.digest:
            return True, found
    return False, None
