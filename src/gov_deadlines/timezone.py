"""Beijing time (Asia/Shanghai) and the normalisation of triggers and completion times.

Naive datetimes mean Beijing time. Aware ones are converted with the tz database, not a
fixed +08:00: Beijing observed daylight saving time from 1986 to 1991.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo


@cache
def beijing() -> ZoneInfo:
    """The Asia/Shanghai zone, loaded on first use (no I/O at import)."""
    return ZoneInfo("Asia/Shanghai")


def to_beijing(moment: dt.datetime) -> dt.datetime:
    """An aware datetime in Asia/Shanghai; a naive one is taken as Beijing wall time.

    A naive wall time that Beijing skipped (the spring-forward hour of 1986–1991, e.g.
    1986-05-04 02:30) is normalised, not refused: it is read with the offset in force just
    before the change (PEP 495, ``fold=0``), which is the instant the clocks then showed as
    03:30 summer time, and the result shows that real wall time. A repeated autumn hour means
    its first occurrence (summer time) unless ``fold=1`` is given.
    """
    zone = beijing()
    if moment.tzinfo is None:
        local = moment.replace(tzinfo=zone)
        try:
            # Round-trip through UTC so that a skipped wall time becomes the real one.
            return local.astimezone(dt.UTC).astimezone(zone)
        except OverflowError:  # within hours of 0001-01-01 or 9999-12-31: no summer time there
            return local
    return moment.astimezone(zone)


def start_of_day(day: dt.date) -> dt.datetime:
    """00:00 of ``day`` in Beijing, i.e. 24:00 of the day before."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=beijing())


def add_hours(moment: dt.datetime, hours: int) -> dt.datetime:
    """Exactly ``hours`` of elapsed time later, in Beijing time (DST-safe: via UTC)."""
    utc = moment.astimezone(dt.UTC) + dt.timedelta(hours=hours)
    return utc.astimezone(beijing())
