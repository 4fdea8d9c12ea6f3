"""One day of the working-day calendar: its kind, what it is (DayInfo), provisional dates,
weekday names, and the calendar's day tables as plain data.

Kept apart from :mod:`gov_deadlines.calendar.workcalendar` so that the calendar classes
(national and scoped) and the day they answer about each have a module of their own.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

from gov_deadlines.calendar.holiday import Holiday
from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Lang, Recorded, is_zh

if TYPE_CHECKING:
    from gov_deadlines.calendar.local_days import LocalDay
    from gov_deadlines.calendar.notice import Erratum, Notice
    from gov_deadlines.calendar.records import DayRecord




class DayKind(enum.Enum):
    """What a day is in the arrangement."""

    WORKDAY = "workday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    MAKEUP_WORKDAY = "makeup_workday"

    @property
    def is_workday(self) -> bool:
        return self in (DayKind.WORKDAY, DayKind.MAKEUP_WORKDAY)

    def label(self, lang: str = "zh") -> str:
        """The kind's name for people: 工作日 / 周末 / 节假日 / 调休上班."""
        zh = is_zh(lang)
        return {
            DayKind.WORKDAY: ("工作日", "working day"),
            DayKind.WEEKEND: ("周末", "weekend"),
            DayKind.HOLIDAY: ("节假日", "holiday"),
            DayKind.MAKEUP_WORKDAY: ("调休上班", "make-up working day"),
        }[self][0 if zh else 1]




class ProvisionalDate(dt.date):
    """A date that rests on provisional calendar data (a year with no official notice).

    It compares and hashes like the plain date; ``provisional`` is ``True`` so that code
    storing it can tell. Plain ``datetime.date`` results are official.
    """

    __slots__ = ()
    provisional = True


def is_provisional(value: object) -> bool:
    """Whether a result (a date from a calendar walk, or a result object) is provisional."""
    return bool(getattr(value, "provisional", False))


@frozen
class DayInfo(Recorded):
    """Everything the calendar knows about one day, with the notice it rests on."""

    date: dt.date
    kind: DayKind
    holiday: Holiday | None
    notice: Notice | None
    provisional: bool
    reason_zh: str = ""
    reason_en: str = ""
    erratum: Erratum | None = None
    #: set on a local rest day (or extra working day) of a scoped calendar: its basis
    local: LocalDay | None = None

    def __init__(
        self,
        date: dt.date,
        kind: DayKind,
        holiday: Holiday | None,
        notice: Notice | None,
        provisional: bool,
        reason_zh: str = "",
        reason_en: str = "",
        erratum: Erratum | None = None,
        local: LocalDay | None = None,
    ) -> None:
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "holiday", holiday)
        object.__setattr__(self, "notice", notice)
        object.__setattr__(self, "provisional", provisional)
        object.__setattr__(self, "reason_zh", reason_zh)
        object.__setattr__(self, "reason_en", reason_en)
        object.__setattr__(self, "erratum", erratum)
        object.__setattr__(self, "local", local)

    @property
    def is_workday(self) -> bool:
        return self.kind.is_workday

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> DayRecord:
        """The day as its JSON record (the same in both languages)."""
        is_zh(lang)  # a wrong language is refused, not ignored, as by every result
        from gov_deadlines.calendar.records import day_to_record

        return day_to_record(self)

    def describe(self, lang: str = "zh") -> str:
        """``2026-10-01 周四 节假日(国庆节)`` — the day, its weekday and kind, for people."""
        zh = is_zh(lang)
        weekday = weekday_name(self.date, lang)
        kind = self.kind.label(lang)
        if self.holiday is not None:
            name = self.holiday.zh if zh else self.holiday.en
            kind = f"{kind}({name})" if zh else f"{kind} ({name})"
        flag = " " + PROVISIONAL_MARK["zh" if zh else "en"] if self.provisional else ""
        return f"{self.date.isoformat()} {weekday} {kind}{flag}"


_WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def weekday_name(day: dt.date, lang: str = "zh") -> str:
    """周一…周日 or Mon…Sun."""
    return (_WEEKDAYS_ZH if is_zh(lang) else _WEEKDAYS_EN)[day.weekday()]


@frozen
class OfficialTables:
    """The calendar's arrays over its main official span, for code that walks millions of days.

    Day ``i`` is ``first_ordinal + i`` for ``0 <= i <= last_index``: the longest span of
    :attr:`WorkCalendar.coverage` (the latest, if two are as long), e.g. 2004–2026 even
    when an overlay for 2000 adds a span of its own. ``workdays_before[i]`` counts the
    working days of the span before day ``i`` (``len == last_index + 2``, starting at 0);
    ``workday_indices[k]`` is the day index of the ``k``-th working day of the span. The
    batch audit precomputes its per-day tables from these; everything else should use the
    calendar's methods.
    """

    first_ordinal: int
    last_index: int
    workdays_before: tuple[int, ...]
    workday_indices: tuple[int, ...]

    def __init__(
        self,
        first_ordinal: int,
        last_index: int,
        workdays_before: tuple[int, ...],
        workday_indices: tuple[int, ...],
    ) -> None:
        object.__setattr__(self, "first_ordinal", first_ordinal)
        object.__setattr__(self, "last_index", last_index)
        object.__setattr__(self, "workdays_before", workdays_before)
        object.__setattr__(self, "workday_indices", workday_indices)


