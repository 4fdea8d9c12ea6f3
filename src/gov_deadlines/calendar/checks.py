"""Sanity checks of a year's arrangement as a source lists it (an overlay file, a notice's text).

Every reader of a new arrangement — the overlay formats of :mod:`gov_deadlines.calendar.overlay`,
a reader of the State Council notice's own words — lists the days it found as
:class:`ListedDay` values, each naming the entry it came from, and hands them to
:func:`check_listed_days`. The checks are those no real notice fails:

* every day lies in the year, except that a 元旦 block may begin in late December of the
  year before (the 2007, 2012 and 2019 notices did so) — nothing else may;
* a make-up working day (调休上班) is a Saturday or a Sunday;
* no day is listed twice, or both as a day off and as a working day;
* the year has a 春节 (Spring Festival) block: every notice since 1999 has one, so a file
  without it is incomplete (or empty) and must not stand in for the notice.

A failed check raises :class:`~gov_deadlines.errors.OverlayError` naming the source and
the entry. A block (``from``/``to``) is checked with :func:`expand_block` before its days
are listed, so that a block running to 9999-12-31 costs nothing before it is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gov_deadlines.calendar.holiday import NEW_YEARS_DAY, SPRING_FESTIVAL, Holiday
from gov_deadlines.errors import OverlayError

#: The first day of December of the year before that a 元旦 block may begin on.
NEW_YEAR_EARLIEST_DECEMBER_DAY = 25


@dataclass(frozen=True, slots=True)
class ListedDay:
    """One day as a source lists it: a day off (放假) or a make-up working day (上班).

    ``entry`` says where the source lists it, in the source's own terms (``off[2]``,
    ``days[5]``, ``第二条``); errors quote it.
    """

    day: dt.date
    holiday: Holiday
    off: bool
    entry: str

    def where(self) -> str:
        """``days[5] (day off 2027-02-06)``: the entry and the day, for an error."""
        what = "day off" if self.off else "make-up working day"
        return f"{self.entry} ({what} {self.day.isoformat()})"


def earliest_day(year: int, holiday: Holiday) -> dt.date:
    """The earliest day a block of ``holiday`` in the arrangement of ``year`` may begin."""
    if holiday == NEW_YEARS_DAY:
        return dt.date(year - 1, 12, NEW_YEAR_EARLIEST_DECEMBER_DAY)
    return dt.date(year, 1, 1)


def _outside(year: int, day: dt.date, off: bool, entry: str, source: str) -> OverlayError:
    what = "day off" if off else "make-up working day"
    return OverlayError(
        source,
        f"{what} {day.isoformat()} lies outside {year}; only the New Year (元旦) block may "
        f"start in late December of the year before (from {year - 1}-12-"
        f"{NEW_YEAR_EARLIEST_DECEMBER_DAY})",
        entry=f"{entry} ({what} {day.isoformat()})",
        problem_zh=f"{'放假日' if off else '调休上班日'}{day.isoformat()}不在{year}年内;只有元旦假期可从"
        f"上一年12月{NEW_YEAR_EARLIEST_DECEMBER_DAY}日起",
    )


def expand_block(
    year: int,
    holiday: Holiday,
    first: dt.date,
    last: dt.date,
    *,
    off: bool,
    entry: str,
    source: str,
) -> list[ListedDay]:
    """The days of a block ``first..last``, after checking that it lies in the year.

    The bounds are checked first, so the work is bounded by the year's length whatever
    the block says.
    """
    if last < first:
        raise OverlayError(
            source,
            "'to' is before 'from'",
            entry=entry,
            problem_zh="结束日期(to)早于开始日期(from)",
        )
    if not earliest_day(year, holiday) <= first <= dt.date(year, 12, 31):
        raise _outside(year, first, off, entry, source)
    if last > dt.date(year, 12, 31):
        raise _outside(year, last, off, entry, source)
    return [
        ListedDay(first + dt.timedelta(days=offset), holiday, off, entry)
        for offset in range((last - first).days + 1)
    ]


def check_listed_days(
    year: int,
    listed: Iterable[ListedDay],
    source: str,
    *,
    require_spring_festival: bool = True,
) -> tuple[dict[dt.date, Holiday], dict[dt.date, Holiday]]:
    """Check the days a source lists for ``year``; return ``(days_off, makeup_workdays)``.

    Raises :class:`~gov_deadlines.errors.OverlayError` naming ``source`` and the entry of
    the first day that fails a check (see the module's documentation).
    """
    days_off: dict[dt.date, Holiday] = {}
    makeup: dict[dt.date, Holiday] = {}
    seen: dict[dt.date, ListedDay] = {}
    for item in listed:
        day = item.day
        if not earliest_day(year, item.holiday) <= day <= dt.date(year, 12, 31):
            raise _outside(year, day, item.off, item.entry, source)
        if not item.off and day.weekday() < 5:
            raise OverlayError(
                source,
                f"{day.isoformat()} is a {day.strftime('%A')}; a make-up working day "
                "(调休上班) must be a Saturday or a Sunday",
                entry=item.where(),
                problem_zh=f"{day.isoformat()}是星期{'一二三四五六日'[day.weekday()]};"
                "调休上班日只能是周六或周日",
            )
        earlier = seen.get(day)
        if earlier is not None:
            problem = (
                f"the same day is listed twice (first at {earlier.entry})"
                if earlier.off == item.off
                else f"{day.isoformat()} is listed both as a day off and as a working day "
                f"(first at {earlier.entry})"
            )
            problem_zh = (
                f"同一天列了两次(第一次在 {earlier.entry})"
                if earlier.off == item.off
                else f"{day.isoformat()}既列为放假日又列为上班日(第一次在 {earlier.entry})"
            )
            raise OverlayError(source, problem, entry=item.where(), problem_zh=problem_zh)
        seen[day] = item
        (days_off if item.off else makeup)[day] = item.holiday
    if require_spring_festival and SPRING_FESTIVAL not in days_off.values():
        raise OverlayError(
            source,
            f"no 春节 (Spring Festival) days off for {year}: every year's notice has a "
            "Spring Festival block, so the file is incomplete; write the whole arrangement "
            "of the year as the notice gives it",
            entry="春节",
            problem_zh=f"文件没有{year}年的春节放假日:每年的通知都安排春节假期,"
            "可见文件不完整;请按通知写出该年的全部安排",
        )
    return days_off, makeup
