"""The working-day calendar (工作日历): which days are working days, and walks over them.

A :class:`WorkCalendar` is immutable and built once from year arrangements. It turns them
into two arrays over its days — the count of working days before each day, and the list of
working days — so that every walk (``add_workdays``, ``workdays_between`` …) is a couple of
index operations, whatever its length.

It never guesses: an answer that needs a day of a year with no loaded official notice
raises :class:`~gov_deadlines.errors.CalendarCoverageError`, unless the calendar was made
with ``provisional=True``; then such answers are :class:`ProvisionalDate` values (and
``day_info`` says ``provisional=True``) so that no caller can mistake them for official.
"""

from __future__ import annotations

import datetime as dt
import numbers
import threading
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from os import PathLike
from typing import TYPE_CHECKING

from gov_deadlines.calendar.coverage import Coverage
from gov_deadlines.calendar.day import (
    DayInfo,
    DayKind,
    OfficialTables,
    ProvisionalDate,
)
from gov_deadlines.calendar.fingerprint import year_stamps
from gov_deadlines.calendar.holiday import Holiday
from gov_deadlines.calendar.local_scope import LocalScope
from gov_deadlines.dates import beijing_day, is_not_a_time
from gov_deadlines.errors import (
    ArgumentTypeError,
    CalendarCoverageError,
    OverlayError,
    PeriodValueError,
)
from gov_deadlines.stamps import DaySpan, YearStamp, years_read

if TYPE_CHECKING:
    # Annotations only: importing the pydantic models (notice) and the arrangement at
    # run time is left to the first default_calendar(), so that `import gov_deadlines`
    # and attribute access stay cheap.
    from gov_deadlines.calendar.arrangement import YearArrangement
    from gov_deadlines.calendar.local_days import LocalOverlay

_ONE_DAY = dt.timedelta(days=1)
_MAX_ORDINAL = dt.date.max.toordinal()
#: day-table codes 0..3 -> kind (the order of the codes in the tables)
_KINDS = (DayKind.WORKDAY, DayKind.WEEKEND, DayKind.HOLIDAY, DayKind.MAKEUP_WORKDAY)

_WORKDAY, _WEEKEND, _HOLIDAY, _MAKEUP = 0, 1, 2, 3

_OFFICIAL, _PROVISIONAL = "official", "provisional"


class WorkCalendar:
    """Working days under the State Council arrangements. Immutable and thread-safe.

    Build one with :func:`default_calendar`, then derive others with
    :meth:`with_overlays` (a newly published notice) or :meth:`with_provisional`.

    A day argument is a ``datetime.date``; a datetime is read as its Beijing day
    (:func:`~gov_deadlines.dates.beijing_day`): a naive one is its date, an aware one the
    date it is in Beijing, so ``2026-09-30 20:00 UTC`` is 2026-10-01 (国庆节).
    """

    __slots__ = (
        "_arrangements",
        "_base",
        "_codes",
        "_cum",
        "_holidays",
        "_main",
        "_n_days",
        "_overlay_years",
        "_provisional",
        "_safe_hi",
        "_safe_k_hi",
        "_safe_k_lo",
        "_safe_lo",
        "_sources",
        "_stamps",
        "_tables",
        "_wd",
        "_year_state",
        "coverage",
    )

    def __init__(
        self,
        arrangements: Iterable[YearArrangement],
        *,
        provisional: bool = False,
        sources: tuple[str, ...] = (),
        overlay_years: Iterable[int] = (),
    ) -> None:
        """``overlay_years``: the years whose arrangement was loaded from an overlay (a
        later overlay replaces them without ``replace_official``)."""
        official = {a.year: a for a in arrangements if not a.provisional}
        if not official:
            raise ValueError("a WorkCalendar needs at least one official year arrangement")
        self._provisional = provisional
        self._sources = sources
        self._overlay_years = frozenset(overlay_years)
        self._stamps: Mapping[int, YearStamp] | None = None  # worked out on first use
        first_year = min(official)
        last_official = max(official)
        year_state: dict[int, str] = {year: _OFFICIAL for year in official}
        arrangement_of: dict[int, YearArrangement] = dict(official)
        last_year = last_official
        if provisional:
            from gov_deadlines.calendar.statutory import provisional_years, statutory_arrangement

            last_year = max(last_official, provisional_years()[-1])
            for year in range(first_year, last_year + 1):
                if year not in official and year in provisional_years():
                    arrangement_of[year] = statutory_arrangement(year)
                    year_state[year] = _PROVISIONAL
        self._arrangements: Mapping[int, YearArrangement] = arrangement_of
        self._year_state = year_state

        first = dt.date(first_year, 1, 1)
        self._base = first.toordinal()
        self._n_days = dt.date(last_year, 12, 31).toordinal() - self._base + 1
        self.coverage = Coverage.of_years(official)
        # The fast path: the longest official span (the latest of equals), where no walk
        # needs a per-year check. Every other day goes through _require.
        main = max(reversed(self.coverage.spans), key=lambda s: s.last.year - s.first.year)
        self._main = main
        self._safe_lo = main.first.toordinal() - self._base
        self._safe_hi = main.last.toordinal() - self._base

        # Day codes and holiday indices, by ordinal: a later arrangement (the next year's,
        # spilling into late December) is applied after the day's own year.
        off: dict[int, Holiday] = {}
        work: dict[int, Holiday] = {}
        for year in sorted(arrangement_of):
            arrangement = arrangement_of[year]
            for day, named in arrangement.days_off.items():
                off[day.toordinal()] = named
                work.pop(day.toordinal(), None)
            for day, named in arrangement.makeup_workdays.items():
                work[day.toordinal()] = named
                off.pop(day.toordinal(), None)
        holiday_list: list[Holiday | None] = [None]
        holiday_index: dict[Holiday, int] = {}
        codes = bytearray(self._n_days)
        hol = bytearray(self._n_days)
        cum = array("l", [0]) * (self._n_days + 1)
        workdays: list[dt.date] = []
        count = 0
        base = self._base
        for i in range(self._n_days):
            ordinal = base + i
            holiday: Holiday | None = off.get(ordinal)
            if holiday is not None:
                code = _HOLIDAY
            else:
                holiday = work.get(ordinal)
                if holiday is not None:
                    code = _MAKEUP
                elif (ordinal - 1) % 7 >= 5:
                    code = _WEEKEND
                else:
                    code = _WORKDAY
            codes[i] = code
            if holiday is not None:
                index = holiday_index.get(holiday)
                if index is None:
                    index = holiday_index[holiday] = len(holiday_list)
                    holiday_list.append(holiday)
                hol[i] = index
            if code in (_WORKDAY, _MAKEUP):
                workdays.append(dt.date.fromordinal(ordinal))
                count += 1
            cum[i + 1] = count
        self._codes = bytes(codes)
        self._holidays = (tuple(holiday_list), bytes(hol))
        self._cum = cum
        self._wd = workdays
        # Working-day indices k with wd[k] inside the safe span.
        self._safe_k_lo = cum[self._safe_lo]
        self._safe_k_hi = cum[self._safe_hi + 1] - 1
        self._tables: OfficialTables | None = None

    # -- derived calendars -------------------------------------------------------------

    @property
    def provisional(self) -> bool:
        """Whether this calendar answers past the official data, with provisional results."""
        return self._provisional

    @property
    def overlay_years(self) -> frozenset[int]:
        """The years whose arrangement was loaded from an overlay file."""
        return self._overlay_years

    @property
    def sources(self) -> tuple[str, ...]:
        """The overlay files loaded on top of the official data, in order."""
        return self._sources

    def arrangements(self) -> Mapping[int, YearArrangement]:
        """Every year arrangement in use, official and (if enabled) provisional."""
        return self._arrangements

    def _official(self) -> list[YearArrangement]:
        return [a for a in self._arrangements.values() if not a.provisional]

    def with_provisional(self, provisional: bool = True) -> WorkCalendar:
        """The same data, answering (flagged) past the official horizon or not."""
        _check_provisional(provisional)
        if provisional == self._provisional:
            return self
        return WorkCalendar(
            self._official(),
            provisional=provisional,
            sources=self._sources,
            overlay_years=self._overlay_years,
        )

    def with_arrangements(
        self, *arrangements: YearArrangement, replace_official: bool = False
    ) -> WorkCalendar:
        """This calendar with the given years added, or replaced when ``replace_official``.

        A year that already has official data (not from an overlay) is replaced only with
        ``replace_official=True`` — a mid-year amendment, written as the whole amended
        year; otherwise :class:`~gov_deadlines.errors.OverlayError` says so, so that an
        empty or partial file cannot silently stand in for the notice. A year loaded from
        an earlier overlay is replaced by a later one.
        """
        return self._with(
            [(a, a.origin or f"arrangement {a.year}") for a in arrangements], replace_official
        )

    def with_overlays(
        self, *paths: str | PathLike[str], replace_official: bool = False
    ) -> WorkCalendar:
        """This calendar with the arrangements of the given overlay files loaded on top.

        Files are in the project's TOML format or holiday-cn's JSON format (see
        ``docs/calendar.md``); a TOML file with a ``[scope]`` table is a local overlay (a
        region's or agency's rest days, :meth:`with_local`). A bad file raises
        :class:`~gov_deadlines.errors.OverlayError`, and so does a file for a year with
        official data unless ``replace_official=True`` (see :meth:`with_arrangements`).
        """
        from gov_deadlines.calendar.overlay import load_overlay
        from gov_deadlines.calendar.scoped import split_overlay_files

        national, local = split_overlay_files(paths)
        loaded = [(load_overlay(path), path) for path in national]
        result = self._with(loaded, replace_official) if loaded else self
        return result.with_local(*local) if local else result

    def _with(
        self, loaded: list[tuple[YearArrangement, str]], replace_official: bool
    ) -> WorkCalendar:
        years = {a.year: a for a in self._official()}
        overlay_years = set(self._overlay_years)
        for arrangement, source in loaded:
            if arrangement.provisional:
                raise ValueError("only official arrangements can be loaded as overlays")
            year = arrangement.year
            official = years.get(year)
            if official is not None and year not in overlay_years:
                if not replace_official:
                    raise OverlayError(
                        source,
                        f"{year} already has official data ({official.origin}); an overlay "
                        f"replaces it only when asked to (--replace-official, in Python "
                        f"replace_official=True), and only a file holding the whole amended "
                        f"arrangement of {year} should",
                        entry="year",
                        problem_zh=f"{year}年已有官方数据({official.origin});补充日历文件只有在"
                        f"明确要求时才替换它(命令行加 --replace-official),且该文件应是{year}年"
                        "完整的调整后安排",
                    )
                arrangement = replace(
                    arrangement, origin=f"{arrangement.origin}, replacing {official.origin}"
                )
            years[year] = arrangement
            overlay_years.add(year)
        names = tuple(a.origin for a, _ in loaded)
        return WorkCalendar(
            years.values(),
            provisional=self._provisional,
            sources=self._sources + names,
            overlay_years=overlay_years,
        )

    def with_local(self, *overlays: LocalOverlay) -> WorkCalendar:
        """This calendar with local rest days (a region's, an agency's) applied on top.

        See :mod:`gov_deadlines.calendar.scoped`: the result answers only in the years the
        region-wide overlays cover, and names each local day with its basis.
        """
        return ScopedCalendar(self, overlays)

    def for_region(self, region: str) -> WorkCalendar:
        """This calendar with the bundled local rest days of ``region`` (``"65"``, ``"新疆"``).

        Raises :class:`~gov_deadlines.errors.LocalCoverageError` if none are bundled.
        """
        from gov_deadlines.calendar.scoped import for_region

        return for_region(self, region)

    # -- single days ---------------------------------------------------------------------

    def _day(self, day: object) -> dt.date:
        """The day a day argument names: :func:`~gov_deadlines.dates.beijing_day` (an aware
        datetime is its Beijing date, not the date on its own clock)."""
        # pandas' NaT is a datetime that names no day (its toordinal raises ValueError)
        if not isinstance(day, dt.date) or is_not_a_time(day):
            raise ArgumentTypeError(
                "day",
                day,
                "a datetime.date (read text with gov_deadlines.dates.parse_date)",
                "日期(如 2026-10-01)",
            )
        return beijing_day(day)

    def _index(self, day: object) -> int:
        return self._day(day).toordinal() - self._base

    def refusal(self, day: dt.date, *, past_the_last_date: bool = False) -> CalendarCoverageError:
        """The error for an answer that needs ``day`` (a day this calendar does not cover).

        For code that counts past the calendar by other means (calendar days, months), so
        that its refusal names the same coverage and remedies as the calendar's own.
        ``past_the_last_date``: the answer lies after 9999-12-31 (``day`` is that date).
        """
        from gov_deadlines.calendar.statutory import provisional_years

        return CalendarCoverageError(
            day,
            self.coverage.first,
            self.coverage.last,
            provisional_available=day.year in provisional_years() and day > self._main.last,
            coverage=self.coverage,
            past_the_last_date=past_the_last_date,
        )

    def _uncovered(self, day: dt.date) -> CalendarCoverageError:
        return self.refusal(day)

    def _day_at(self, index: int) -> dt.date:
        """The day of an index, clamped to the dates Python has (a walk off 9999-12-31)."""
        return dt.date.fromordinal(min(max(index + self._base, 1), _MAX_ORDINAL))

    def _uncovered_at(self, index: int) -> CalendarCoverageError:
        """The refusal for the day of an index, which may lie past 9999-12-31."""
        past = index + self._base > _MAX_ORDINAL
        return self.refusal(self._day_at(index), past_the_last_date=past)

    def _require(self, lo: int, hi: int) -> bool:
        """Check that days ``lo..hi`` (indices) may be answered; return if any is provisional."""
        if self._safe_lo <= lo and hi <= self._safe_hi:
            return False
        if lo > hi:
            return False
        provisional = False
        first_year = self._day_at(lo).year
        last_year = self._day_at(hi).year
        for year in range(first_year, last_year + 1):
            state = self._year_state.get(year)
            if state == _OFFICIAL:
                continue
            if state == _PROVISIONAL and self._provisional:
                provisional = True
                continue
            start = max(lo + self._base, dt.date(year, 1, 1).toordinal())
            raise self._uncovered(dt.date.fromordinal(start))
        return provisional

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (工作日), make-up working days (调休上班) included."""
        i = day.toordinal() - self._base if type(day) is dt.date else self._index(day)
        if not (self._safe_lo <= i <= self._safe_hi):
            self._require(i, i)
        return self._codes[i] in (_WORKDAY, _MAKEUP)

    def day_info(self, day: dt.date) -> DayInfo:
        """The kind of ``day``, its holiday, the notice it rests on, and whether provisional."""
        day = self._day(day)
        i = day.toordinal() - self._base
        provisional = self._require(i, i)
        code = self._codes[i]
        names, indices = self._holidays
        holiday = names[indices[i]]
        plain = dt.date(day.year, day.month, day.day)
        owner = plain.year
        if holiday is not None and plain.month == 12 and plain.year + 1 in self._arrangements:
            spill = self._arrangements[plain.year + 1]
            if plain in spill.days_off or plain in spill.makeup_workdays:
                owner = plain.year + 1
        arrangement = self._arrangements[owner]
        erratum = next((e for e in arrangement.errata if e.date == plain), None)
        return DayInfo(
            date=plain,
            kind=_KINDS[code],
            holiday=holiday,
            notice=arrangement.notice,
            provisional=provisional,
            reason_zh=arrangement.reason_zh,
            reason_en=arrangement.reason_en,
            erratum=erratum,
        )

    def days(self, first: dt.date, last: dt.date) -> Iterator[DayInfo]:
        """``day_info`` of every day from ``first`` to ``last``, both included."""
        first, last = self._day(first), self._day(last)
        self._require(self._index(first), self._index(last))
        day = first
        while day <= last:
            yield self.day_info(day)
            day += _ONE_DAY

    def notable_days(self, after: dt.date, through: dt.date) -> list[DayInfo]:
        """The days in (after, through] that are not ordinary weekdays.

        Weekends, holidays and make-up working days: what an explanation must mention.
        """
        lo, hi = self._index(after) + 1, self._index(through)
        self._require(lo, hi)
        codes = self._codes
        return [
            self.day_info(dt.date.fromordinal(self._base + i))
            for i in range(max(lo, 0), hi + 1)
            if codes[i] != _WORKDAY
        ]

    # -- walks -----------------------------------------------------------------------------

    def _result(self, k: int, provisional: bool) -> dt.date:
        day = self._wd[k]
        return ProvisionalDate(day.year, day.month, day.day) if provisional else day

    def add_workdays(self, day: dt.date, n: int) -> dt.date:
        """The ``n``-th working day after ``day`` (``n`` ≥ 1) or before it (``n`` ≤ −1).

        ``day`` itself never counts, whatever kind of day it is: from Friday 2024-09-13,
        one working day later is Saturday 2024-09-14 (调休上班).

        ``n == 0`` returns ``day`` when it is a working day and raises ``ValueError`` when it
        is a rest day: "zero working days from a Sunday" has no answer that is both a
        working day and the same day, so use :meth:`workday_on_or_after` or
        :meth:`workday_on_or_before` to say which one you mean.
        """
        i = day.toordinal() - self._base if type(day) is dt.date else self._index(day)
        if type(n) is int and n > 0 and self._safe_lo <= i <= self._safe_hi:
            k = self._cum[i + 1] + n - 1
            if k <= self._safe_k_hi:
                return self._wd[k]
        return self._add_workdays_slow(day, i, n)

    def _add_workdays_slow(self, day: dt.date, i: int, n: int) -> dt.date:
        day = self._day(day)
        if isinstance(n, bool) or not isinstance(n, numbers.Integral):
            raise ArgumentTypeError("n", n, "a whole number of working days (int)", "整数个工作日")
        if type(n) is not int:  # numpy.int64 from a data frame, as periods take it
            return self.add_workdays(day, int(n))
        if n == 0:
            provisional = self._require(i, i)
            if self._codes[i] not in (_WORKDAY, _MAKEUP):
                raise PeriodValueError(
                    f"add_workdays({day.isoformat()}, 0)",
                    n,
                    f"{day.isoformat()} is not a working day; use workday_on_or_after() or "
                    "workday_on_or_before() to say which working day you mean",
                    f"{day.isoformat()}不是工作日,从它起0个工作日无从确定;请用"
                    " workday_on_or_after() 或 workday_on_or_before() 指明要哪一个工作日",
                )
            plain = dt.date(day.year, day.month, day.day)
            return ProvisionalDate(plain.year, plain.month, plain.day) if provisional else plain
        if n > 0:
            # i == -1 (the day before the first covered day) is fine: only days from
            # i + 1 on are needed.
            if i < -1 or i >= self._n_days:
                raise self._uncovered_at(i + 1)
            k = self._cum[i + 1] + n - 1
            if k >= len(self._wd):
                raise self._uncovered_at(self._n_days)
            provisional = self._require(i + 1, self._wd[k].toordinal() - self._base)
        else:
            if i <= 0 or i > self._n_days:
                raise self._uncovered_at(i - 1)
            k = self._cum[i] + n
            if k < 0:
                raise self._uncovered_at(-1)
            provisional = self._require(self._wd[k].toordinal() - self._base, i - 1)
        return self._result(k, provisional)

    def official_tables(self) -> OfficialTables:
        """The prefix-count arrays over the official span (see :class:`OfficialTables`),
        built on first use and kept: the calendar is immutable."""
        tables = self._tables
        if tables is None:
            tables = self._tables = self._build_tables()
        return tables

    def _build_tables(self) -> OfficialTables:
        lo, hi = self._safe_lo, self._safe_hi
        first = self._base + lo
        offset = self._cum[lo]
        return OfficialTables(
            first_ordinal=first,
            last_index=hi - lo,
            workdays_before=tuple(c - offset for c in self._cum[lo : hi + 2]),
            workday_indices=tuple(
                d.toordinal() - first for d in self._wd[self._safe_k_lo : self._safe_k_hi + 1]
            ),
        )

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """The number of working days in (start, end]; negative (antisymmetric) if end < start."""
        a = start.toordinal() - self._base if type(start) is dt.date else self._index(start)
        b = end.toordinal() - self._base if type(end) is dt.date else self._index(end)
        if a <= b:
            lo, hi, sign = a, b, 1
        else:
            lo, hi, sign = b, a, -1
        if not (self._safe_lo <= lo + 1 and hi <= self._safe_hi):
            if lo + 1 <= hi:
                if lo + 1 < 0 or hi >= self._n_days:
                    bad = lo + 1 if lo + 1 < 0 else max(lo + 1, self._n_days)
                    raise self._uncovered_at(bad)
                self._require(lo + 1, hi)
            else:
                return 0
        return sign * (self._cum[hi + 1] - self._cum[lo + 1])

    def workdays_between_info(self, start: dt.date, end: dt.date) -> tuple[int, bool]:
        """``workdays_between`` and whether the count rests on provisional data."""
        count = self.workdays_between(start, end)
        lo, hi = sorted((self._index(start), self._index(end)))
        return count, self._require(lo + 1, hi)

    def workday_on_or_after(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the first working day after it."""
        day = self._day(day)
        i = self._index(day)
        if not (0 <= i < self._n_days):
            raise self._uncovered(dt.date(day.year, day.month, day.day))
        k = self._cum[i]
        if k >= len(self._wd):
            raise self._uncovered_at(self._n_days)
        provisional = self._require(i, self._wd[k].toordinal() - self._base)
        return self._result(k, provisional)

    def workday_on_or_before(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the last working day before it."""
        day = self._day(day)
        i = self._index(day)
        if not (0 <= i < self._n_days):
            raise self._uncovered(dt.date(day.year, day.month, day.day))
        k = self._cum[i + 1] - 1
        if k < 0:
            raise self._uncovered_at(-1)
        provisional = self._require(self._wd[k].toordinal() - self._base, i)
        return self._result(k, provisional)

    def notices_used(self, first: dt.date, last: dt.date) -> tuple[str, ...]:
        """Citations of the data behind days ``first..last``: one line per year."""
        first, last = self._day(first), self._day(last)
        lines = []
        for year in range(min(first, last).year, max(first, last).year + 1):
            arrangement = self._arrangements.get(year)
            if arrangement is None:
                continue
            if arrangement.notice is not None:
                lines.append(f"{year}: {arrangement.notice.cite('zh')} [{arrangement.origin}]")
            else:
                lines.append(f"{year}: {arrangement.origin}")
        return tuple(lines)

    # -- stamps -----------------------------------------------------------------------------

    def _local_years(self) -> frozenset[int]:
        """The years whose arrangement carries local rest days (none on a national calendar)."""
        return frozenset()

    def year_stamps(self) -> Mapping[int, YearStamp]:
        """The stamp of every year this calendar has an arrangement for (worked out once)."""
        stamps = self._stamps
        if stamps is None:
            # Built whole, then published by one assignment: a thread that races here
            # builds the same table, and no reader ever sees a half-built one.
            stamps = year_stamps(self._arrangements, self._overlay_years, self._local_years())
            self._stamps = stamps
        return stamps

    def year_stamp(self, year: int) -> YearStamp:
        """Where ``year``'s arrangement comes from, its notice and the hash of its days
        (``kind="none"`` when this calendar has no arrangement for it)."""
        found = self.year_stamps().get(year)
        return found if found is not None else YearStamp(year, "none")

    def stamp_years(self, spans: Iterable[DaySpan]) -> tuple[YearStamp, ...]:
        """The stamps of the years whose arrangement decides the days of ``spans``
        (:func:`~gov_deadlines.stamps.years_read`: late December reads the next year)."""
        return tuple(self.year_stamp(year) for year in years_read(spans))

    def __repr__(self) -> str:
        extra = f", overlays={list(self._sources)}" if self._sources else ""
        spans = ", ".join(f"{span.first}..{span.last}" for span in self.coverage.spans)
        return f"WorkCalendar(coverage={spans}, provisional={self._provisional}{extra})"


_DEFAULTS: dict[bool, WorkCalendar] = {}


class ScopedCalendar(LocalScope, WorkCalendar):
    """A :class:`WorkCalendar` with the local days of a region or agency applied (what it
    does: :class:`~gov_deadlines.calendar.local_scope.LocalScope`)."""


_DEFAULTS_LOCK = threading.Lock()


def calendar_or_default(calendar: object) -> WorkCalendar:
    """``calendar``, or the bundled one for ``None``; anything else is refused with
    :class:`ArgumentTypeError` (not an ``AttributeError`` at its first use)."""
    if calendar is None:
        return default_calendar()
    if not isinstance(calendar, WorkCalendar):
        raise ArgumentTypeError(
            "calendar", calendar, "a WorkCalendar (default_calendar())", "工作日历(WorkCalendar)"
        )
    return calendar


def _check_provisional(provisional: object) -> None:
    # A flag, not any value: "no" is true, and a new default calendar was built for each key
    if type(provisional) is not bool:
        raise ArgumentTypeError("provisional", provisional, "True or False", "True 或 False")


def default_calendar(*, provisional: bool = False) -> WorkCalendar:
    """The official arrangements 2004–2026 (chinese-calendar plus our errata), built once.

    With ``provisional=True`` the calendar also answers for years past the last notice, from
    全国年节及纪念日放假办法, flagging every such answer.
    """
    _check_provisional(provisional)
    calendar = _DEFAULTS.get(provisional)
    if calendar is not None:
        return calendar
    with _DEFAULTS_LOCK:
        calendar = _DEFAULTS.get(provisional)
        if calendar is None:
            from gov_deadlines.calendar.official import official_arrangements

            calendar = WorkCalendar(official_arrangements().values(), provisional=provisional)
            _DEFAULTS[provisional] = calendar
        return calendar
