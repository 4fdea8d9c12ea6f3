"""The working-day calendar (工作日历): the State Council's holiday arrangements year by year
(放假调休, make-up working days), the notices they come from, overlays for years not yet
bundled, local rest days, and the provisional years computed from 全国年节及纪念日放假办法.

Imported here (cheap, no pydantic): :class:`WorkCalendar`, :func:`default_calendar`,
:class:`DayInfo`, :class:`DayKind`, :class:`ProvisionalDate`, :func:`is_provisional`,
:func:`weekday_name`, :class:`Coverage`, :class:`Holiday`, :class:`Notice`,
:class:`Erratum`, :class:`YearArrangement`. The readers of files and notice texts load
pydantic or large tables and are imported from their modules (or lazily from
:mod:`gov_deadlines`): :mod:`.overlay` (``load_overlay``), :mod:`.local_days`
(``load_local_overlay``, ``LocalOverlay``, ``LocalDay``), :mod:`.scoped`
(``ScopedCalendar``), :mod:`.notice_text` (``read_notice``), :mod:`.notice_writer`
(``notice_toml``).
"""

from __future__ import annotations

from gov_deadlines.calendar.arrangement import YearArrangement
from gov_deadlines.calendar.coverage import Coverage
from gov_deadlines.calendar.holiday import Holiday
from gov_deadlines.calendar.notice import Erratum, Notice
from gov_deadlines.calendar.workcalendar import (
    DayInfo,
    DayKind,
    ProvisionalDate,
    WorkCalendar,
    default_calendar,
    is_provisional,
    weekday_name,
)

__all__ = [
    "Coverage",
    "DayInfo",
    "DayKind",
    "Erratum",
    "Holiday",
    "Notice",
    "ProvisionalDate",
    "WorkCalendar",
    "YearArrangement",
    "default_calendar",
    "is_provisional",
    "weekday_name",
]
