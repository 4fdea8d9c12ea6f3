"""A working-day calendar for one region or agency: the national days plus local overlays.

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
from os import PathLike, fspath
from pathlib import Path

from gov_deadlines.calendar.arrangement import YearArrangement
from gov_deadlines.calendar.holiday import Holiday
from gov_deadlines.calendar.local_days import (
    LocalDay,
    LocalOverlay,
    bundled_local_overlays,
    region_code,
)
from gov_deadlines.calendar.workcalendar import DayInfo, OfficialTables, WorkCalendar
from gov_deadlines.errors import LocalCoverageError, OverlayError


def _merge(
    national: WorkCalendar, overlays: tuple[LocalOverlay, ...]
) -> tuple[list[YearArrangement], dict[dt.date, LocalDay]]:
    years = {year: a for year, a in national.arrangements().items() if not a.provisional}
    local: dict[dt.date, LocalDay] = {}
    for overlay in overlays:
        for day in overlay.days:
            if day.date in local:
                raise OverlayError(
                    overlay.source,
                    f"{day.date.isoformat()} is also set by {local[day.date].basis.title}",
                    entry=f"day {day.date.isoformat()}",
                )
            if day.date.year not in years:
                raise OverlayError(
                    overlay.source,
                    f"no official national arrangement for {day.date.year} is loaded; load the "
                    "State Council notice for that year first",
                    entry=f"day {day.date.isoformat()}",
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


def _runs(days: list[LocalDay]) -> Iterator[str]:
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


class ScopedCalendar(WorkCalendar):
    """A :class:`WorkCalendar` with the local days of a region or agency applied."""

    __slots__ = ("_bound", "_local", "_national", "_overlays", "_scope_label")

    def __init__(self, national: WorkCalendar, overlays: Iterable[LocalOverlay]) -> None:
        listed = tuple(overlays)
        arrangements, local = _merge(national, listed)
        super().__init__(
            arrangements,
            provisional=national.provisional,
            sources=national.sources + tuple(o.source for o in listed),
        )
        self._national = national
        self._overlays = listed
        self._local = local
        # Region-wide overlays bound the answers (a year without its local days could be
        # wrong); an agency's one-off closure adds days but says nothing about other years.
        by_region: dict[str, set[int]] = {}
        for overlay in listed:
            if not overlay.scope.agency:
                by_region.setdefault(overlay.scope.region, set()).update(overlay.years)
        bound: set[int] | None = None
        for years in by_region.values():
            bound = set(years) if bound is None else bound & years
        self._bound = frozenset(bound) if bound is not None else None
        self._scope_label = "、".join(dict.fromkeys(o.scope.label() for o in listed))

    # -- scope -------------------------------------------------------------------------------

    @property
    def local_overlays(self) -> tuple[LocalOverlay, ...]:
        """The local overlays applied, in order."""
        return self._overlays

    @property
    def national(self) -> WorkCalendar:
        """The calendar without the local days."""
        return self._national

    def local_days(self) -> Mapping[dt.date, LocalDay]:
        """Every local day applied."""
        return self._local

    def _check(self, first: dt.date, last: dt.date) -> None:
        if self._bound is None:
            return
        low, high = min(first, last), max(first, last)
        for year in range(low.year, high.year + 1):
            if year not in self._bound:
                day = max(low, dt.date(year, 1, 1))
                raise LocalCoverageError(day, self._scope_label, sorted(self._bound))

    # -- derived calendars keep the scope -----------------------------------------------------

    def with_provisional(self, provisional: bool = True) -> WorkCalendar:
        if provisional == self.provisional:
            return self
        return ScopedCalendar(self._national.with_provisional(provisional), self._overlays)

    def with_arrangements(
        self, *arrangements: YearArrangement, replace_official: bool = False
    ) -> WorkCalendar:
        national = self._national.with_arrangements(
            *arrangements, replace_official=replace_official
        )
        return ScopedCalendar(national, self._overlays)

    def with_overlays(
        self, *paths: str | PathLike[str], replace_official: bool = False
    ) -> WorkCalendar:
        national_files, local = split_overlay_files(paths)
        national = (
            self._national.with_overlays(*national_files, replace_official=replace_official)
            if national_files
            else self._national
        )
        return ScopedCalendar(national, self._overlays + tuple(local))

    def with_local(self, *overlays: LocalOverlay) -> WorkCalendar:
        return ScopedCalendar(self._national, self._overlays + overlays)

    # -- answers, checked against the local coverage ------------------------------------------

    def is_workday(self, day: dt.date) -> bool:
        self._check(day, day)
        return super().is_workday(day)

    def day_info(self, day: dt.date) -> DayInfo:
        self._check(day, day)
        info = super().day_info(day)
        local = self._local.get(info.date)
        if local is None:
            return info
        return dataclasses.replace(info, local=local)

    def days(self, first: dt.date, last: dt.date) -> Iterator[DayInfo]:
        self._check(first, last)
        return super().days(first, last)

    def notable_days(self, after: dt.date, through: dt.date) -> list[DayInfo]:
        if after < through:
            self._check(after + dt.timedelta(days=1), through)
        return super().notable_days(after, through)

    def add_workdays(self, day: dt.date, n: int) -> dt.date:
        result = super().add_workdays(day, n)
        # The days walked over: after `day` (which never counts) up to the result.
        if result > day:
            self._check(day + dt.timedelta(days=1), result)
        elif result < day:
            self._check(result, day - dt.timedelta(days=1))
        else:
            self._check(day, day)
        return result

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        if start != end:
            self._check(min(start, end) + dt.timedelta(days=1), max(start, end))
        return super().workdays_between(start, end)

    def workday_on_or_after(self, day: dt.date) -> dt.date:
        result = super().workday_on_or_after(day)
        self._check(day, result)
        return result

    def workday_on_or_before(self, day: dt.date) -> dt.date:
        result = super().workday_on_or_before(day)
        self._check(result, day)
        return result

    def official_tables(self) -> OfficialTables:
        """The tables over the official span that the local data also covers."""
        tables = super().official_tables()
        if self._bound is None:
            return tables
        first = dt.date(min(self._bound), 1, 1).toordinal()
        last = first - 1
        year = min(self._bound)
        while year in self._bound:
            last = dt.date(year, 12, 31).toordinal()
            year += 1
        lo = max(first - tables.first_ordinal, 0)
        hi = min(last - tables.first_ordinal, tables.last_index)
        if hi < lo:
            raise LocalCoverageError(None, self._scope_label, sorted(self._bound))
        before = tables.workdays_before
        k_lo, k_hi = before[lo], before[hi + 1]
        return OfficialTables(
            first_ordinal=tables.first_ordinal + lo,
            last_index=hi - lo,
            workdays_before=tuple(c - k_lo for c in before[lo : hi + 2]),
            workday_indices=tuple(i - lo for i in tables.workday_indices[k_lo:k_hi]),
        )

    def notices_used(self, first: dt.date, last: dt.date) -> tuple[str, ...]:
        """The national citations, then each local document with its days in the span."""
        low, high = min(first, last), max(first, last)
        lines = list(super().notices_used(first, last))
        for overlay in self._overlays:
            inside = [d for d in overlay.days if low <= d.date <= high]
            if not inside:
                continue
            days = "、".join(_runs(inside))
            lines.append(
                f"{overlay.scope.label()}地方日历:{overlay.basis.cite('zh')}——{days} "
                f"[local {overlay.source}]"
            )
        return tuple(lines)

    def __repr__(self) -> str:
        return f"ScopedCalendar({self._scope_label}, national={self._national!r})"


def for_region(calendar: WorkCalendar, region: str) -> WorkCalendar:
    """``calendar`` with the bundled local overlays of ``region`` (code or name) applied."""
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
        name = fspath(path)
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
