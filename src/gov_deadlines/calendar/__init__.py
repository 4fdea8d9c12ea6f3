"""The working-day calendar (工作日历): the State Council's holiday arrangements year by year
(放假调休, make-up working days), the notices they come from, overlays for years not yet
bundled, local rest days, and the provisional years computed from 全国年节及纪念日放假办法.

Imported with the subpackage (cheap, no pydantic): :class:`WorkCalendar`,
:func:`default_calendar`, :class:`DayInfo`, :class:`DayKind`, :class:`ProvisionalDate`,
:func:`is_provisional`, :func:`weekday_name`, :class:`Coverage`, :class:`Holiday`,
:class:`Notice`, :class:`Erratum`, :class:`YearArrangement`. Imported on first use (they
load pydantic or large tables): the readers of overlay files (``load_overlay``,
``arrangement_from_own``, ``split_overlay_files``), of local rest days
(``load_local_overlay``, ``LocalOverlay``, ``LocalDay``, ``ScopedCalendar``), of notice
texts (``read_notice``, ``read_notice_sections``, ``NoticeReading``, ``notice_toml``) and
``statutory_holidays``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gov_deadlines.calendar.coverage import Coverage
from gov_deadlines.calendar.day import (
    DayInfo,
    DayKind,
    ProvisionalDate,
    is_provisional,
    weekday_name,
)
from gov_deadlines.calendar.holiday import Holiday
from gov_deadlines.calendar.workcalendar import ScopedCalendar, WorkCalendar, default_calendar
from gov_deadlines.lazy import lazy_exports

# name -> submodule, imported on first use: these load pydantic or large tables
_LAZY: dict[str, str] = {
    # needed by the first default_calendar() call, not by importing the calendar
    "YearArrangement": "arrangement",
    "Erratum": "notice",
    "Notice": "notice",
    "load_overlay": "overlay",
    "arrangement_from_own": "overlay",
    "read_notice": "notice_text",
    "read_notice_sections": "notice_text",
    "NoticeReading": "notice_text",
    "notice_toml": "notice_writer",
    "split_overlay_files": "scoped",
    "LocalOverlay": "local_days",
    "LocalDay": "local_days",
    "load_local_overlay": "local_days",
    "statutory_holidays": "statutory",
}

__all__ = [
    "Coverage",
    "DayInfo",
    "DayKind",
    "Erratum",
    "Holiday",
    "Notice",
    "ProvisionalDate",
    "ScopedCalendar",
    "WorkCalendar",
    "YearArrangement",
    "default_calendar",
    "is_provisional",
    "weekday_name",
    *_LAZY,
]


__getattr__ = lazy_exports(__name__, _LAZY, globals())


if TYPE_CHECKING:
    from gov_deadlines.calendar.arrangement import YearArrangement as YearArrangement
    from gov_deadlines.calendar.local_days import LocalDay as LocalDay
    from gov_deadlines.calendar.local_days import LocalOverlay as LocalOverlay
    from gov_deadlines.calendar.local_days import load_local_overlay as load_local_overlay
    from gov_deadlines.calendar.notice import Erratum as Erratum
    from gov_deadlines.calendar.notice import Notice as Notice
    from gov_deadlines.calendar.notice_text import NoticeReading as NoticeReading
    from gov_deadlines.calendar.notice_text import read_notice as read_notice
    from gov_deadlines.calendar.notice_text import read_notice_sections as read_notice_sections
    from gov_deadlines.calendar.notice_writer import notice_toml as notice_toml
    from gov_deadlines.calendar.overlay import arrangement_from_own as arrangement_from_own
    from gov_deadlines.calendar.overlay import load_overlay as load_overlay
    from gov_deadlines.calendar.scoped import split_overlay_files as split_overlay_files
    from gov_deadlines.calendar.statutory import statutory_holidays as statutory_holidays
