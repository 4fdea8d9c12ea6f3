"""The calendar and the versions of the 条例 laid out over day indices: the tables of the
per-case CSV's fast path (:mod:`gov_deadlines.outputs.case_csv_fast`).

Issue 14 builds the one integer-day case clock on :class:`DayGrid` (and deletes the fast
path, today its only user).
"""

from __future__ import annotations

import datetime as dt

from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.cases.versions import ReplyVersion, ReplyVersions

__all__ = ["DayGrid", "day_grid"]


class DayGrid:
    """A calendar's official span (``lo..hi``, day indices from ``base``) as plain lists.

    ``cum[i]`` counts the working days before day ``i``, ``wdi[k]`` is the day of the
    ``k``-th working day (up to ``khi``), ``work[i]`` is 1 on a working day; ``day`` and
    ``iso`` hold each day's date and text, ``ver`` the version of the 条例 in force (or
    ``None``), ``moved`` the day a receipt on it counts from under the rest-day policy
    (``same``: without), ``plain`` what a plain case received that day comes to (its
    reply's due date, the version, its per-case CSV cells). ``index`` remembers the day of each date text read by the batch
    fast path (``-1``: outside the span, or not a date it reads).

    Built once per calendar and catalogue (:func:`day_grid`), for
    :mod:`gov_deadlines.outputs.case_csv_fast`, whose lean clock does over these tables what
    :func:`~gov_deadlines.cases.clock.evaluate` does with the calendar.
    """

    __slots__ = (
        "base",
        "cum",
        "day",
        "hi",
        "index",
        "iso",
        "khi",
        "lo",
        "moved",
        "plain",
        "same",
        "ver",
        "wdi",
        "work",
    )

    def __init__(self, cal: WorkCalendar, versions: ReplyVersions) -> None:
        tables = cal.official_tables()
        base, lo, hi = tables.first_ordinal, 0, tables.last_index
        cum = list(tables.workdays_before)
        self.base, self.lo, self.hi, self.cum = base, lo, hi, cum
        self.wdi = list(tables.workday_indices)
        self.khi = len(self.wdi) - 1
        self.work = bytes(cum[i + 1] - cum[i] for i in range(hi + 1))
        self.day = [dt.date.fromordinal(base + i) for i in range(hi + 1)]
        self.iso = [day.isoformat() for day in self.day]
        ver: list[ReplyVersion | None] = [None] * (hi + 1)
        for version in versions.items:  # a later version wins, as in ReplyVersions.at
            first = max(version.start.toordinal() - base, 0)
            last = hi if version.until is None else min(version.until.toordinal() - base, hi)
            for i in range(first, last + 1):
                ver[i] = version
        self.ver = ver
        khi, wdi, work = self.khi, self.wdi, self.work
        #: Each day, or the first working day after it if it is a rest day (-1: past the
        #: span): a receipt moved by the rest-day policy.
        self.moved = [
            i if work[i] else wdi[cum[i + 1]] if cum[i + 1] <= khi else -1 for i in range(hi + 1)
        ]
        self.same = list(range(hi + 1))  # a receipt as recorded
        #: A plain case received on each day: its reply's due date, the version, and the
        #: per-case CSV cells from the receipt to the due date but the receipt note (None:
        #: no version, or the due date past the span).
        plain: list[tuple[int, ReplyVersion, str, str] | None] = [None] * (hi + 1)
        iso = self.iso
        for i, in_force in enumerate(ver):
            k = cum[i + 1] + in_force.n - 1 if in_force is not None else khi + 1
            if in_force is not None and i >= lo and k <= khi:
                due = wdi[k]
                plain[i] = (due, in_force, iso[i], f",{in_force.label},{iso[i]},,,0,,{iso[due]}")
        self.plain = plain
        self.index: dict[str, int] = {}


_GRIDS: dict[tuple[int, int], tuple[WorkCalendar, ReplyVersions, DayGrid]] = {}


def day_grid(cal: WorkCalendar, versions: ReplyVersions) -> DayGrid:
    """The tables of a calendar and the versions, built once (they read the calendar's own
    arrays: the cumulative working-day counts, the working days, the official span)."""
    key = (id(cal), id(versions))
    found = _GRIDS.get(key)
    if found is not None and found[0] is cal and found[1] is versions:
        return found[2]
    grid = DayGrid(cal, versions)
    if len(_GRIDS) >= 8:
        _GRIDS.clear()
    _GRIDS[key] = (cal, versions, grid)
    return grid
