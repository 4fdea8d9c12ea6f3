"""One year's holiday arrangement (某年部分节假日安排): days off, make-up working days, source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import OverlayError
from .holiday import NEW_YEARS_DAY, Holiday

if TYPE_CHECKING:  # annotations only; the pydantic models load with the data
    from .notice import Erratum, Notice


@dataclass(frozen=True, slots=True)
class YearArrangement:
    """The working-day arrangement of one calendar year.

    ``days_off`` maps each rest day the arrangement declares (法定节假日 and the weekend days
    and 调休 days of its blocks) to its holiday; ``makeup_workdays`` maps each weekend day
    declared a working day (调休上班) to the holiday it bridges. Every other day follows the
    week: Monday–Friday work, Saturday–Sunday rest.

    ``provisional`` arrangements are not official: they are computed from
    全国年节及纪念日放假办法 for a year with no notice, and ``reason`` says so.
    """

    year: int
    days_off: Mapping[dt.date, Holiday]
    makeup_workdays: Mapping[dt.date, Holiday]
    notice: Notice | None = None
    origin: str = ""
    provisional: bool = False
    reason_zh: str = ""
    reason_en: str = ""
    errata: tuple[Erratum, ...] = field(default=())

    def validate(self, source: str) -> YearArrangement:
        """Check the arrangement's internal consistency; raise :class:`OverlayError` if not.

        Make-up working days must be Saturdays or Sundays, no day may be both off and
        working, and every date must lie in the year — except that a New Year (元旦) block
        may begin in the last days of December of the year before (the 2012 and 2019
        notices did so).
        """
        for day, holiday in self.days_off.items():
            self._check_in_year(source, day, holiday, "day off")
        for day, holiday in self.makeup_workdays.items():
            self._check_in_year(source, day, holiday, "make-up working day")
            if day.weekday() < 5:
                raise OverlayError(
                    source,
                    f"{day.isoformat()} is a {day.strftime('%A')}; a make-up working day "
                    "(调休上班) must be a Saturday or a Sunday",
                    entry=f"make-up working day {day.isoformat()}",
                )
            if day in self.days_off:
                raise OverlayError(
                    source,
                    f"{day.isoformat()} is listed both as a day off and as a working day",
                    entry=f"day {day.isoformat()}",
                )
        return self

    def _check_in_year(self, source: str, day: dt.date, holiday: Holiday, what: str) -> None:
        if day.year == self.year:
            return
        spill = (
            day.year == self.year - 1
            and day.month == 12
            and day.day >= 25
            and holiday == NEW_YEARS_DAY
        )
        if not spill:
            raise OverlayError(
                source,
                f"{what} {day.isoformat()} lies outside {self.year}; only the New Year (元旦) "
                "block may start in late December of the year before",
                entry=f"{what} {day.isoformat()}",
            )
