"""gov_deadlines: time limits of China's open-government (政务公开) rules.

Computes and checks deadlines over the official working-day calendar (State Council
holiday arrangements, 调休 included), with every result citing its rule, its counting
convention and the calendar data it used.

Importing the package is cheap: names are loaded on first use (see ``__all__``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0.dev0"

# The public API: name -> the module it is taken from (relative to this package), resolved
# on first use by __getattr__ (PEP 562); __all__ is derived from it. A subpackage when its
# __init__ exports the name cheaply, else the module (pydantic or large tables: loaded only
# when the name is used). tests/test_package.py holds the TYPE_CHECKING block below to it.
_API: dict[str, str] = {
    # the working-day calendar
    "WorkCalendar": "calendar",
    "DayInfo": "calendar",
    "DayKind": "calendar",
    "Coverage": "calendar",
    "ProvisionalDate": "calendar",
    "default_calendar": "calendar",
    "is_provisional": "calendar",
    "Holiday": "calendar",
    "Notice": "calendar",
    "Erratum": "calendar",
    "YearArrangement": "calendar",
    "load_overlay": "calendar.overlay",
    "read_notice": "calendar.notice_text",
    "read_notice_sections": "calendar.notice_text",
    "NoticeReading": "calendar.notice_text",
    "notice_toml": "calendar.notice_writer",
    "ScopedCalendar": "calendar.scoped",
    "LocalOverlay": "calendar.local_days",
    "LocalDay": "calendar.local_days",
    "load_local_overlay": "calendar.local_days",
    # counting: periods, conventions, deadlines, verdicts
    "WorkingDays": "counting",
    "CalendarDays": "counting",
    "Months": "counting",
    "Years": "counting",
    "Hours": "counting",
    "FixedDate": "counting",
    "MinimumDuration": "counting",
    "Period": "counting",
    "parse_period": "counting",
    "Convention": "counting",
    "Unit": "counting",
    "Deadline": "counting",
    "deadline": "counting",
    "Verdict": "counting",
    "DeadlineRecord": "counting.records",
    "VerdictRecord": "counting.records",
    # the catalogue of rules
    "Rule": "catalogue",
    "Source": "catalogue",
    "Event": "catalogue",
    "Catalogue": "catalogue",
    "RuleFile": "catalogue.schema",
    "RuleSet": "catalogue",
    "default_catalogue": "catalogue",
    "load_rule_file": "catalogue.schema",
    "parse_rule_file": "catalogue.schema",
    "rules": "catalogue",
    "rule": "catalogue",
    "due": "catalogue",
    "check": "counting",
    "check_due": "catalogue",
    "deadlines_for": "catalogue",
    "EventDeadlines": "catalogue",
    # recurring duties
    "schedule": "recurring",
    "rule_windows": "recurring",
    "Occurrence": "recurring",
    "check_log": "recurring.compliance",
    "read_log": "recurring.compliance",
    "supervision_rows": "recurring.compliance",
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

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'gov_deadlines' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    # Bound once: later lookups do not come here. No submodule of this package is named
    # like a name of _API (tests/test_package.py), so an import never rebinds one.
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)


if TYPE_CHECKING:
    from gov_deadlines.calendar import (
        Coverage,
        DayInfo,
        DayKind,
        Erratum,
        Holiday,
        Notice,
        ProvisionalDate,
        WorkCalendar,
        YearArrangement,
        default_calendar,
        is_provisional,
    )
    from gov_deadlines.calendar.local_days import LocalDay, LocalOverlay, load_local_overlay
    from gov_deadlines.calendar.notice_text import NoticeReading, read_notice, read_notice_sections
    from gov_deadlines.calendar.notice_writer import notice_toml
    from gov_deadlines.calendar.overlay import load_overlay
    from gov_deadlines.calendar.scoped import ScopedCalendar
    from gov_deadlines.catalogue import (
        Catalogue,
        Event,
        EventDeadlines,
        Rule,
        RuleSet,
        Source,
        check_due,
        deadlines_for,
        default_catalogue,
        due,
        rule,
        rules,
    )
    from gov_deadlines.catalogue.schema import RuleFile, load_rule_file, parse_rule_file
    from gov_deadlines.counting import (
        CalendarDays,
        Convention,
        Deadline,
        FixedDate,
        Hours,
        MinimumDuration,
        Months,
        Period,
        Unit,
        Verdict,
        WorkingDays,
        Years,
        check,
        deadline,
        parse_period,
    )
    from gov_deadlines.counting.records import DeadlineRecord, VerdictRecord
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
    from gov_deadlines.recurring import Occurrence, rule_windows, schedule
    from gov_deadlines.recurring.compliance import (
        LogCheck,
        LogEntry,
        LogError,
        WindowVerdict,
        check_log,
        read_log,
        supervision_rows,
    )
    from gov_deadlines.vocabulary import Lang, Status
