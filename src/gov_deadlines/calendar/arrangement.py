"""One year's holiday arrangement (某年部分节假日安排): days off, make-up working days, source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import field
from typing import TYPE_CHECKING

from gov_deadlines.calendar.holiday import Holiday
from gov_deadlines.values import frozen

if TYPE_CHECKING:  # annotations only; the pydantic models load with the data
    from gov_deadlines.calendar.notice import Erratum, Notice


@frozen
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

    def __init__(
        self,
        year: int,
        days_off: Mapping[dt.date, Holiday],
        makeup_workdays: Mapping[dt.date, Holiday],
        notice: Notice | None = None,
        origin: str = "",
        provisional: bool = False,
        reason_zh: str = "",
        reason_en: str = "",
        errata: tuple[Erratum, ...] = (),
    ) -> None:
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "days_off", days_off)
        object.__setattr__(self, "makeup_workdays", makeup_workdays)
        object.__setattr__(self, "notice", notice)
        object.__setattr__(self, "origin", origin)
        object.__setattr__(self, "provisional", provisional)
        object.__setattr__(self, "reason_zh", reason_zh)
        object.__setattr__(self, "reason_en", reason_en)
        object.__setattr__(self, "errata", errata)

    def validate(self, source: str) -> YearArrangement:
        """Check the arrangement's internal consistency; raise :class:`OverlayError` if not.

        The checks of :func:`~gov_deadlines.calendar.checks.check_listed_days` that a
        finished arrangement can fail: make-up working days on Saturdays or Sundays only,
        no day both off and working, every date in the year — except that a New Year
        (元旦) block may begin in the last days of December of the year before.
        """
        from gov_deadlines.calendar.checks import ListedDay, check_listed_days

        listed = [ListedDay(day, h, True, "days off") for day, h in self.days_off.items()]
        listed += [
            ListedDay(day, h, False, "make-up working days")
            for day, h in self.makeup_workdays.items()
        ]
        check_listed_days(self.year, listed, source, require_spring_festival=False)
        return self
