"""The JSON record of one day of the calendar (:class:`DayRecord`).

Imported only by :meth:`gov_deadlines.calendar.DayInfo.to_record` (pydantic stays out of
the calendar's imports); ``docs/cli.md`` documents the keys (``between --json``, ``cal``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from gov_deadlines.calendar.day import DayInfo

__all__ = ["DayRecord", "day_to_record"]


class DayRecord(BaseModel):
    """One day: its kind, the holiday it belongs to, whether it is provisional."""

    model_config = ConfigDict(frozen=True)

    date: dt.date
    kind: str
    holiday_zh: str | None
    holiday_en: str | None
    provisional: bool


def day_to_record(info: DayInfo) -> DayRecord:
    day = info.date
    return DayRecord(
        date=day if type(day) is dt.date else dt.date(day.year, day.month, day.day),
        kind=info.kind.value,
        holiday_zh=info.holiday.zh if info.holiday else None,
        holiday_en=info.holiday.en if info.holiday else None,
        provisional=info.provisional,
    )
