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
    "WorkCalendar": "calendar.workcalendar",
    "DayInfo": "calendar.workcalendar",
    "DayKind": "calendar.workcalendar",
    "Coverage": "calendar.coverage",
    "ProvisionalDate": "calendar.workcalendar",
    "default_calendar": "calendar.workcalendar",
    "is_provisional": "calendar.workcalendar",
    "Holiday": "calendar.holiday",
    "Notice": "calendar.notice",
    "Erratum": "calendar.notice",
    "YearArrangement": "calendar.arrangement",
    "load_overlay": "calendar.overlay",
    "read_notice": "calendar.notice_text",
    "read_notice_sections": "calendar.notice_text",
    "NoticeReading": "calendar.notice_text",
    "notice_toml": "calendar.notice_toml",
    "ScopedCalendar": "calendar.scoped",
    "LocalOverlay": "calendar.local_days",
    "LocalDay": "calendar.local_days",
    "load_local_overlay": "calendar.local_days",
    # periods and conventions
    "WorkingDays": "counting.periods",
    "CalendarDays": "counting.periods",
    "Months": "counting.periods",
    "Years": "counting.periods",
    "Hours": "counting.periods",
    "FixedDate": "counting.periods",
    "MinimumDuration": "counting.periods",
    "Period": "counting.periods",
    "parse_period": "counting.periods",
    "Convention": "counting.conventions",
    "Unit": "counting.conventions",
    "Deadline": "counting.deadlines",
    "deadline": "counting.deadlines",
    "Verdict": "counting.verdict",
    "DeadlineRecord": "counting.records",
    "VerdictRecord": "counting.records",
    # catalogue
    "Rule": "catalogue.store",
    "Source": "catalogue.store",
    "Event": "catalogue.store",
    "Catalogue": "catalogue.store",
    "RuleFile": "catalogue.schema",
    "RuleSet": "catalogue.store",
    "default_catalogue": "catalogue.store",
    "load_rule_file": "catalogue.schema",
    "parse_rule_file": "catalogue.schema",
    "rules": "catalogue.lookup",
    "rule": "catalogue.lookup",
    "due": "catalogue.lookup",
    "check": "catalogue.lookup",
    "deadlines_for": "catalogue.lookup",
    "EventDeadlines": "catalogue.lookup",
    # recurring duties
    "schedule": "recurring.windows",
    "rule_windows": "recurring.windows",
    "check_log": "recurring.compliance",
    "read_log": "recurring.compliance",
    "supervision_rows": "recurring.compliance",
    "Occurrence": "recurring.windows",
    "WindowVerdict": "recurring.compliance",
    "LogEntry": "recurring.compliance",
    "LogCheck": "recurring.compliance",
    "LogError": "recurring.compliance",
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
    "UnknownLanguageError": "errors",
    # the shared vocabulary
    "Status": "vocabulary",
    "Lang": "vocabulary",
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
    "Lang",
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
    "Status",
    "TriggerError",
    "Unit",
    "UnknownLanguageError",
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
    from gov_deadlines.calendar.arrangement import YearArrangement
    from gov_deadlines.calendar.coverage import Coverage
    from gov_deadlines.calendar.holiday import Holiday
    from gov_deadlines.calendar.local_days import LocalDay, LocalOverlay, load_local_overlay
    from gov_deadlines.calendar.notice import Erratum, Notice
    from gov_deadlines.calendar.notice_text import NoticeReading, read_notice, read_notice_sections
    from gov_deadlines.calendar.notice_toml import notice_toml
    from gov_deadlines.calendar.overlay import load_overlay
    from gov_deadlines.calendar.scoped import ScopedCalendar
    from gov_deadlines.calendar.workcalendar import (
        DayInfo,
        DayKind,
        ProvisionalDate,
        WorkCalendar,
        default_calendar,
        is_provisional,
    )
    from gov_deadlines.catalogue.lookup import (
        EventDeadlines,
        check,
        deadlines_for,
        due,
        rule,
        rules,
    )
    from gov_deadlines.catalogue.schema import RuleFile, load_rule_file, parse_rule_file
    from gov_deadlines.catalogue.store import (
        Catalogue,
        Event,
        Rule,
        RuleSet,
        Source,
        default_catalogue,
    )
    from gov_deadlines.counting.conventions import Convention, Unit
    from gov_deadlines.counting.deadlines import Deadline, deadline
    from gov_deadlines.counting.periods import (
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
    from gov_deadlines.counting.records import DeadlineRecord, VerdictRecord
    from gov_deadlines.counting.verdict import Verdict
    from gov_deadlines.errors import (
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
        UnknownLanguageError,
        UnknownRuleError,
        UnquantifiedRuleError,
    )
    from gov_deadlines.recurring.compliance import (
        LogCheck,
        LogEntry,
        LogError,
        WindowVerdict,
        check_log,
        read_log,
        supervision_rows,
    )
    from gov_deadlines.recurring.windows import Occurrence, rule_windows, schedule
    from gov_deadlines.vocabulary import Lang, Status
