"""What a scoped calendar does: :class:`LocalScope`, the part of
:class:`~gov_deadlines.calendar.workcalendar.ScopedCalendar` that applies a region's or an
agency's local days over the national calendar (see :mod:`gov_deadlines.calendar.scoped`).

``ScopedCalendar`` is ``LocalScope`` over ``WorkCalendar``. It is named in
:mod:`~gov_deadlines.calendar.workcalendar`, because ``WorkCalendar.with_local`` and
``for_region`` make one; its behaviour lives here, and this module needs the national class
only for type checking (``super()`` reaches it through the method order of
``ScopedCalendar``), so no import runs back: no cycle. The helpers that read local
overlays load pydantic and are imported only when a scoped calendar is built.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from os import PathLike
from typing import TYPE_CHECKING

from gov_deadlines.calendar.day import DayInfo, OfficialTables
from gov_deadlines.errors import LocalCoverageError

if TYPE_CHECKING:
    from gov_deadlines.calendar.arrangement import YearArrangement
    from gov_deadlines.calendar.local_days import LocalDay, LocalOverlay
    from gov_deadlines.calendar.workcalendar import WorkCalendar
    from gov_deadlines.calendar.workcalendar import WorkCalendar as ScopeBase
else:
    ScopeBase = object

__all__ = ["LocalScope"]


class LocalScope(ScopeBase):
    """The local days of a region or agency over a national :class:`WorkCalendar`: every
    answer checked against the years the local data covers, each local day named with its
    basis, the local documents cited. Mixed in before ``WorkCalendar`` (``ScopedCalendar``).
    """

    def __init__(self, national: WorkCalendar, overlays: Iterable[LocalOverlay]) -> None:
        listed = tuple(overlays)
        # local_days (pydantic) loads only when a scoped calendar is built.
        from gov_deadlines.calendar.scoped import merge_local_days

        arrangements, local = merge_local_days(national.arrangements(), listed)
        super().__init__(
            arrangements,
            provisional=national.provisional,
            sources=national.sources + tuple(o.source for o in listed),
            overlay_years=national.overlay_years,
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

    def _local_years(self) -> frozenset[int]:
        return frozenset(day.year for day in self._local)

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
        return type(self)(self._national.with_provisional(provisional), self._overlays)

    def with_arrangements(
        self, *arrangements: YearArrangement, replace_official: bool = False
    ) -> WorkCalendar:
        national = self._national.with_arrangements(
            *arrangements, replace_official=replace_official
        )
        return type(self)(national, self._overlays)

    def with_overlays(
        self, *paths: str | PathLike[str], replace_official: bool = False
    ) -> WorkCalendar:
        from gov_deadlines.calendar.scoped import split_overlay_files

        national_files, local = split_overlay_files(paths)
        national = (
            self._national.with_overlays(*national_files, replace_official=replace_official)
            if national_files
            else self._national
        )
        return type(self)(national, self._overlays + tuple(local))

    def with_local(self, *overlays: LocalOverlay) -> WorkCalendar:
        return type(self)(self._national, self._overlays + overlays)

    # -- answers, checked against the local coverage ------------------------------------------

    def is_workday(self, day: dt.date) -> bool:
        day = self._day(day)
        self._check(day, day)
        return super().is_workday(day)

    def day_info(self, day: dt.date) -> DayInfo:
        day = self._day(day)
        self._check(day, day)
        info = super().day_info(day)
        local = self._local.get(info.date)
        if local is None:
            return info
        return dataclasses.replace(info, local=local)

    def days(self, first: dt.date, last: dt.date) -> Iterator[DayInfo]:
        first, last = self._day(first), self._day(last)
        self._check(first, last)
        return super().days(first, last)

    def notable_days(self, after: dt.date, through: dt.date) -> list[DayInfo]:
        after, through = self._day(after), self._day(through)
        if after < through:
            self._check(after + dt.timedelta(days=1), through)
        return super().notable_days(after, through)

    def add_workdays(self, day: dt.date, n: int) -> dt.date:
        day = self._day(day)
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
        start, end = self._day(start), self._day(end)
        if start != end:
            self._check(min(start, end) + dt.timedelta(days=1), max(start, end))
        return super().workdays_between(start, end)

    def workday_on_or_after(self, day: dt.date) -> dt.date:
        day = self._day(day)
        result = super().workday_on_or_after(day)
        self._check(day, result)
        return result

    def workday_on_or_before(self, day: dt.date) -> dt.date:
        day = self._day(day)
        result = super().workday_on_or_before(day)
        self._check(result, day)
        return result

    def _build_tables(self) -> OfficialTables:
        """The tables over the official span that the local data also covers."""
        tables = super()._build_tables()
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
        first, last = self._day(first), self._day(last)
        low, high = min(first, last), max(first, last)
        lines = list(super().notices_used(first, last))
        for overlay in self._overlays:
            inside = [d for d in overlay.days if low <= d.date <= high]
            if not inside:
                continue
            from gov_deadlines.calendar.scoped import local_day_runs

            days = "、".join(local_day_runs(inside))
            lines.append(
                f"{overlay.scope.label()}地方日历:{overlay.basis.cite('zh')}——{days} "
                f"[local {overlay.source}]"
            )
        return tuple(lines)

    def __repr__(self) -> str:
        return f"ScopedCalendar({self._scope_label}, national={self._national!r})"
