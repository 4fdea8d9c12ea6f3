"""gov_deadlines: time limits of China's open-government (政务公开) rules.

Computes and checks deadlines over the official working-day calendar (State Council
holiday arrangements, 调休 included), with every result citing its rule, its counting
convention and the calendar data it used.

Importing the package is cheap: names are loaded on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0.dev0"

# name -> module that defines it; resolved lazily by __getattr__ (PEP 562).
_EXPORTS: dict[str, str] = {
    # calendar
    "WorkCalendar": "workcalendar",
    "DayInfo": "workcalendar",
    "DayKind": "workcalendar",
    "Coverage": "coverage",
    "ProvisionalDate": "workcalendar",
    "default_calendar": "workcalendar",
    "is_provisional": "workcalendar",
    "Holiday": "holiday",
    "Notice": "notice",
    "Erratum": "notice",
    "YearArrangement": "arrangement",
    "load_overlay": "overlay",
    "read_notice": "notice_reader",
    "read_notice_sections": "notice_reader",
    "NoticeReading": "notice_reader",
    "notice_toml": "notice_toml",
    "ScopedCalendar": "scoped_calendar",
    "LocalOverlay": "local_days",
    "LocalDay": "local_days",
    "load_local_overlay": "local_days",
    # periods and conventions
    "WorkingDays": "periods",
    "CalendarDays": "periods",
    "Months": "periods",
    "Years": "periods",
    "Hours": "periods",
    "FixedDate": "periods",
    "MinimumDuration": "periods",
    "Period": "periods",
    "parse_period": "periods",
    "Convention": "conventions",
    "Unit": "conventions",
    "Deadline": "deadlines",
    "deadline": "deadlines",
    "Verdict": "verdict",
    "DeadlineRecord": "records",
    "VerdictRecord": "records",
    # catalogue
    "Rule": "catalogue",
    "Source": "catalogue",
    "Event": "catalogue",
    "Catalogue": "catalogue",
    "RuleFile": "rule_schema",
    "RuleSet": "catalogue",
    "default_catalogue": "catalogue",
    "load_rule_file": "rule_schema",
    "parse_rule_file": "rule_schema",
    "rules": "api",
    "rule": "api",
    "due": "api",
    "check": "api",
    "deadlines_for": "api",
    "EventDeadlines": "api",
    # recurring duties
    "schedule": "schedule",
    "rule_windows": "schedule",
    "check_log": "compliance",
    "read_log": "compliance",
    "supervision_rows": "compliance",
    "Occurrence": "schedule",
    "WindowVerdict": "compliance",
    "LogEntry": "compliance",
    "LogCheck": "compliance",
    "LogError": "compliance",
    # errors
    "GovDeadlinesError": "errors",
    "CalendarCoverageError": "errors",
    "OverlayError": "errors",
    "PeriodParseError": "errors",
    "DateParseError": "errors",
    "TriggerError": "errors",
    "UnknownRuleError": "errors",
    "UnquantifiedRuleError": "errors",
    "RuleKindError": "errors",
    "RuleFileError": "errors",
    "CompletionTimeError": "errors",
    "NotInForceError": "errors",
    "NoticeTextError": "errors",
    "LocalCoverageError": "errors",
    "ArgumentTypeError": "errors",
    "PeriodValueError": "errors",
    "OptionError": "errors",
    "DateRangeError": "errors",
}

__all__ = [
    "ArgumentTypeError",
    "CalendarCoverageError",
    "CalendarDays",
    "Catalogue",
    "CompletionTimeError",
    "Convention",
    "Coverage",
    "DateParseError",
    "DateRangeError",
    "DayInfo",
    "DayKind",
    "Deadline",
    "DeadlineRecord",
    "Erratum",
    "Event",
    "EventDeadlines",
    "FixedDate",
    "GovDeadlinesError",
    "Holiday",
    "Hours",
    "LocalCoverageError",
    "LocalDay",
    "LocalOverlay",
    "LogCheck",
    "LogEntry",
    "LogError",
    "MinimumDuration",
    "Months",
    "NotInForceError",
    "Notice",
    "NoticeReading",
    "NoticeTextError",
    "Occurrence",
    "OptionError",
    "OverlayError",
    "Period",
    "PeriodParseError",
    "PeriodValueError",
    "ProvisionalDate",
    "Rule",
    "RuleFile",
    "RuleFileError",
    "RuleKindError",
    "RuleSet",
    "ScopedCalendar",
    "Source",
    "TriggerError",
    "Unit",
    "UnknownRuleError",
    "UnquantifiedRuleError",
    "Verdict",
    "VerdictRecord",
    "WindowVerdict",
    "WorkCalendar",
    "WorkingDays",
    "YearArrangement",
    "Years",
    "__version__",
    "check",
    "check_log",
    "deadline",
    "deadlines_for",
    "default_calendar",
    "default_catalogue",
    "due",
    "is_provisional",
    "load_local_overlay",
    "load_overlay",
    "load_rule_file",
    "notice_toml",
    "parse_period",
    "parse_rule_file",
    "read_log",
    "read_notice",
    "read_notice_sections",
    "rule",
    "rule_windows",
    "rules",
    "schedule",
    "supervision_rows",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'gov_deadlines' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from .api import EventDeadlines, check, deadlines_for, due, rule, rules
    from .arrangement import YearArrangement
    from .catalogue import Catalogue, Event, Rule, RuleSet, Source, default_catalogue
    from .compliance import (
        LogCheck,
        LogEntry,
        LogError,
        WindowVerdict,
        check_log,
        read_log,
        supervision_rows,
    )
    from .conventions import Convention, Unit
    from .coverage import Coverage
    from .deadlines import Deadline, deadline
    from .errors import (
        ArgumentTypeError,
        CalendarCoverageError,
        CompletionTimeError,
        DateParseError,
        DateRangeError,
        GovDeadlinesError,
        LocalCoverageError,
        NoticeTextError,
        NotInForceError,
        OptionError,
        OverlayError,
        PeriodParseError,
        PeriodValueError,
        RuleFileError,
        RuleKindError,
        TriggerError,
        UnknownRuleError,
        UnquantifiedRuleError,
    )
    from .holiday import Holiday
    from .local_days import LocalDay, LocalOverlay, load_local_overlay
    from .notice import Erratum, Notice
    from .notice_reader import NoticeReading, read_notice, read_notice_sections
    from .notice_toml import notice_toml
    from .overlay import load_overlay
    from .periods import (
        CalendarDays,
        FixedDate,
        Hours,
        MinimumDuration,
        Months,
        Period,
        WorkingDays,
        Years,
        parse_period,
    )
    from .records import DeadlineRecord, VerdictRecord
    from .rule_schema import RuleFile, load_rule_file, parse_rule_file
    from .schedule import Occurrence, rule_windows, schedule
    from .scoped_calendar import ScopedCalendar
    from .verdict import Verdict
    from .workcalendar import (
        DayInfo,
        DayKind,
        ProvisionalDate,
        WorkCalendar,
        default_calendar,
        is_provisional,
    )
