"""gov_deadlines: time limits of China's open-government (政务公开) rules.

Computes and checks deadlines over the official working-day calendar (State Council
holiday arrangements, 调休 included), with every result citing its rule, its counting
convention and the calendar data it used.

Importing the package is cheap: names are loaded on first use (see ``__all__``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gov_deadlines.lazy import lazy_exports

__version__ = "0.1.0.dev0"

# The public API: name -> the subpackage (or layer-0 module) it is taken from, resolved on
# first use by __getattr__ (PEP 562); __all__ is derived from it. A subpackage loads its
# light modules with it and its pydantic-heavy names on first use (its own _LAZY table);
# catalogue.schema is named directly (the catalogue subpackage leaves it out).
# tests/test_package.py holds the TYPE_CHECKING block below to this table.
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
    "load_overlay": "calendar",
    "read_notice": "calendar",
    "read_notice_sections": "calendar",
    "NoticeReading": "calendar",
    "notice_toml": "calendar",
    "ScopedCalendar": "calendar",
    "LocalOverlay": "calendar",
    "LocalDay": "calendar",
    "load_local_overlay": "calendar",
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
    "DeadlineRecord": "counting",
    "VerdictRecord": "counting",
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
    "ReceiptPolicy": "catalogue",
    # the batch audit of a frame (pandas, polars, pyarrow; Spark and Dask partitions)
    "audit_frame": "outputs",
    # recurring duties
    "schedule": "recurring",
    "rule_windows": "recurring",
    "Occurrence": "recurring",
    "check_log": "recurring",
    "read_log": "recurring",
    "supervision_rows": "outputs",
    "WindowVerdict": "recurring",
    "LogEntry": "recurring",
    "LogCheck": "recurring",
    "LogError": "recurring",
    # stored results: their stamps, and re-checking them against new data
    "Stamp": "stamps",
    "YearStamp": "stamps",
    "RuleStamp": "stamps",
    "recheck": "outputs",
    "Recheck": "outputs",
    "RecheckItem": "outputs",
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
    # pydantic fields and validators for other systems' models (docs/pydantic.md)
    "CoveredDate": "pydantic_types",
    "Covered": "pydantic_types",
    "WorkingDay": "pydantic_types",
    "IsWorkingDay": "pydantic_types",
    "MeetsRule": "pydantic_types",
    "InLanguage": "pydantic_types",
    "provisional_fields": "pydantic_types",
    "validation_error": "pydantic_types",
}

__all__ = ["__version__", *_API]


# Bound once on first use (gov_deadlines.lazy); the table's modules are relative to here.
__getattr__ = lazy_exports(__name__, _API, globals())


def __dir__() -> list[str]:
    return list(__all__)


if TYPE_CHECKING:
    from gov_deadlines.calendar import (
        Coverage,
        DayInfo,
        DayKind,
        Erratum,
        Holiday,
        LocalDay,
        LocalOverlay,
        Notice,
        NoticeReading,
        ProvisionalDate,
        ScopedCalendar,
        WorkCalendar,
        YearArrangement,
        default_calendar,
        is_provisional,
        load_local_overlay,
        load_overlay,
        notice_toml,
        read_notice,
        read_notice_sections,
    )
    from gov_deadlines.catalogue import (
        Catalogue,
        Event,
        EventDeadlines,
        ReceiptPolicy,
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
        DeadlineRecord,
        FixedDate,
        Hours,
        MinimumDuration,
        Months,
        Period,
        Unit,
        Verdict,
        VerdictRecord,
        WorkingDays,
        Years,
        check,
        deadline,
        parse_period,
    )
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
    from gov_deadlines.outputs import Recheck, RecheckItem, audit_frame, recheck, supervision_rows
    from gov_deadlines.pydantic_types import (
        Covered,
        CoveredDate,
        InLanguage,
        IsWorkingDay,
        MeetsRule,
        WorkingDay,
        provisional_fields,
        validation_error,
    )
    from gov_deadlines.recurring import (
        LogCheck,
        LogEntry,
        LogError,
        Occurrence,
        WindowVerdict,
        check_log,
        read_log,
        rule_windows,
        schedule,
    )
    from gov_deadlines.stamps import RuleStamp, Stamp, YearStamp
    from gov_deadlines.vocabulary import Lang, Status
