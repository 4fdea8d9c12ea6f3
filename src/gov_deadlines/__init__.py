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
        Coverage as Coverage,
    )
    from gov_deadlines.calendar import (
        DayInfo as DayInfo,
    )
    from gov_deadlines.calendar import (
        DayKind as DayKind,
    )
    from gov_deadlines.calendar import (
        Erratum as Erratum,
    )
    from gov_deadlines.calendar import (
        Holiday as Holiday,
    )
    from gov_deadlines.calendar import (
        LocalDay as LocalDay,
    )
    from gov_deadlines.calendar import (
        LocalOverlay as LocalOverlay,
    )
    from gov_deadlines.calendar import (
        Notice as Notice,
    )
    from gov_deadlines.calendar import (
        NoticeReading as NoticeReading,
    )
    from gov_deadlines.calendar import (
        ProvisionalDate as ProvisionalDate,
    )
    from gov_deadlines.calendar import (
        ScopedCalendar as ScopedCalendar,
    )
    from gov_deadlines.calendar import (
        WorkCalendar as WorkCalendar,
    )
    from gov_deadlines.calendar import (
        YearArrangement as YearArrangement,
    )
    from gov_deadlines.calendar import (
        default_calendar as default_calendar,
    )
    from gov_deadlines.calendar import (
        is_provisional as is_provisional,
    )
    from gov_deadlines.calendar import (
        load_local_overlay as load_local_overlay,
    )
    from gov_deadlines.calendar import (
        load_overlay as load_overlay,
    )
    from gov_deadlines.calendar import (
        notice_toml as notice_toml,
    )
    from gov_deadlines.calendar import (
        read_notice as read_notice,
    )
    from gov_deadlines.calendar import (
        read_notice_sections as read_notice_sections,
    )
    from gov_deadlines.catalogue import (
        Catalogue as Catalogue,
    )
    from gov_deadlines.catalogue import (
        Event as Event,
    )
    from gov_deadlines.catalogue import (
        EventDeadlines as EventDeadlines,
    )
    from gov_deadlines.catalogue import (
        ReceiptPolicy as ReceiptPolicy,
    )
    from gov_deadlines.catalogue import (
        Rule as Rule,
    )
    from gov_deadlines.catalogue import (
        RuleSet as RuleSet,
    )
    from gov_deadlines.catalogue import (
        Source as Source,
    )
    from gov_deadlines.catalogue import (
        check_due as check_due,
    )
    from gov_deadlines.catalogue import (
        deadlines_for as deadlines_for,
    )
    from gov_deadlines.catalogue import (
        default_catalogue as default_catalogue,
    )
    from gov_deadlines.catalogue import (
        due as due,
    )
    from gov_deadlines.catalogue import (
        rule as rule,
    )
    from gov_deadlines.catalogue import (
        rules as rules,
    )
    from gov_deadlines.catalogue.schema import (
        RuleFile as RuleFile,
    )
    from gov_deadlines.catalogue.schema import (
        load_rule_file as load_rule_file,
    )
    from gov_deadlines.catalogue.schema import (
        parse_rule_file as parse_rule_file,
    )
    from gov_deadlines.counting import (
        CalendarDays as CalendarDays,
    )
    from gov_deadlines.counting import (
        Convention as Convention,
    )
    from gov_deadlines.counting import (
        Deadline as Deadline,
    )
    from gov_deadlines.counting import (
        DeadlineRecord as DeadlineRecord,
    )
    from gov_deadlines.counting import (
        FixedDate as FixedDate,
    )
    from gov_deadlines.counting import (
        Hours as Hours,
    )
    from gov_deadlines.counting import (
        MinimumDuration as MinimumDuration,
    )
    from gov_deadlines.counting import (
        Months as Months,
    )
    from gov_deadlines.counting import (
        Period as Period,
    )
    from gov_deadlines.counting import (
        Unit as Unit,
    )
    from gov_deadlines.counting import (
        Verdict as Verdict,
    )
    from gov_deadlines.counting import (
        VerdictRecord as VerdictRecord,
    )
    from gov_deadlines.counting import (
        WorkingDays as WorkingDays,
    )
    from gov_deadlines.counting import (
        Years as Years,
    )
    from gov_deadlines.counting import (
        check as check,
    )
    from gov_deadlines.counting import (
        deadline as deadline,
    )
    from gov_deadlines.counting import (
        parse_period as parse_period,
    )
    from gov_deadlines.errors import (
        ArgumentTypeError as ArgumentTypeError,
    )
    from gov_deadlines.errors import (
        CalendarCoverageError as CalendarCoverageError,
    )
    from gov_deadlines.errors import (
        CompletionTimeError as CompletionTimeError,
    )
    from gov_deadlines.errors import (
        DateParseError as DateParseError,
    )
    from gov_deadlines.errors import (
        DateRangeError as DateRangeError,
    )
    from gov_deadlines.errors import (
        GovDeadlinesError as GovDeadlinesError,
    )
    from gov_deadlines.errors import (
        LocalCoverageError as LocalCoverageError,
    )
    from gov_deadlines.errors import (
        NoticeTextError as NoticeTextError,
    )
    from gov_deadlines.errors import (
        NotInForceError as NotInForceError,
    )
    from gov_deadlines.errors import (
        OptionError as OptionError,
    )
    from gov_deadlines.errors import (
        OverlayError as OverlayError,
    )
    from gov_deadlines.errors import (
        PeriodParseError as PeriodParseError,
    )
    from gov_deadlines.errors import (
        PeriodValueError as PeriodValueError,
    )
    from gov_deadlines.errors import (
        RuleFileError as RuleFileError,
    )
    from gov_deadlines.errors import (
        RuleKindError as RuleKindError,
    )
    from gov_deadlines.errors import (
        TriggerError as TriggerError,
    )
    from gov_deadlines.errors import (
        UnknownLanguageError as UnknownLanguageError,
    )
    from gov_deadlines.errors import (
        UnknownRuleError as UnknownRuleError,
    )
    from gov_deadlines.errors import (
        UnquantifiedRuleError as UnquantifiedRuleError,
    )
    from gov_deadlines.outputs import (
        Recheck as Recheck,
    )
    from gov_deadlines.outputs import (
        RecheckItem as RecheckItem,
    )
    from gov_deadlines.outputs import (
        audit_frame as audit_frame,
    )
    from gov_deadlines.outputs import (
        recheck as recheck,
    )
    from gov_deadlines.outputs import (
        supervision_rows as supervision_rows,
    )
    from gov_deadlines.pydantic_types import (
        Covered as Covered,
    )
    from gov_deadlines.pydantic_types import (
        CoveredDate as CoveredDate,
    )
    from gov_deadlines.pydantic_types import (
        InLanguage as InLanguage,
    )
    from gov_deadlines.pydantic_types import (
        IsWorkingDay as IsWorkingDay,
    )
    from gov_deadlines.pydantic_types import (
        MeetsRule as MeetsRule,
    )
    from gov_deadlines.pydantic_types import (
        WorkingDay as WorkingDay,
    )
    from gov_deadlines.pydantic_types import (
        provisional_fields as provisional_fields,
    )
    from gov_deadlines.pydantic_types import (
        validation_error as validation_error,
    )
    from gov_deadlines.recurring import (
        LogCheck as LogCheck,
    )
    from gov_deadlines.recurring import (
        LogEntry as LogEntry,
    )
    from gov_deadlines.recurring import (
        LogError as LogError,
    )
    from gov_deadlines.recurring import (
        Occurrence as Occurrence,
    )
    from gov_deadlines.recurring import (
        WindowVerdict as WindowVerdict,
    )
    from gov_deadlines.recurring import (
        check_log as check_log,
    )
    from gov_deadlines.recurring import (
        read_log as read_log,
    )
    from gov_deadlines.recurring import (
        rule_windows as rule_windows,
    )
    from gov_deadlines.recurring import (
        schedule as schedule,
    )
    from gov_deadlines.stamps import RuleStamp as RuleStamp
    from gov_deadlines.stamps import Stamp as Stamp
    from gov_deadlines.stamps import YearStamp as YearStamp
    from gov_deadlines.vocabulary import Lang as Lang
    from gov_deadlines.vocabulary import Status as Status
