"""Errors raised by gov_deadlines.

Every error derives from :class:`GovDeadlinesError` and from the builtin that fits its
meaning (``ValueError`` for bad input, ``LookupError`` for something not found), keeps the
facts as attributes, and says in its message how to fix the problem. ``message("zh")``
gives the same message in Chinese, for clerks.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence


class GovDeadlinesError(Exception):
    """Base class of every error raised on purpose by gov_deadlines."""

    zh: str = ""

    def message(self, lang: str = "en") -> str:
        """The message in ``"en"`` or ``"zh"``."""
        if lang.startswith("zh") and self.zh:
            return self.zh
        return str(self)


class CalendarCoverageError(GovDeadlinesError, LookupError):
    """An answer would depend on a day that no loaded official notice covers.

    Attributes: ``day`` (the first uncovered day the answer needed), ``year``, and
    ``coverage_first`` / ``coverage_last`` (the span backed by official notices).
    """

    def __init__(
        self,
        day: _dt.date,
        coverage_first: _dt.date,
        coverage_last: _dt.date,
        *,
        provisional_available: bool = True,
    ) -> None:
        self.day = day
        self.year = day.year
        self.coverage_first = coverage_first
        self.coverage_last = coverage_last
        self.provisional_available = provisional_available
        span = f"{coverage_first.isoformat()} .. {coverage_last.isoformat()}"
        remedy_provisional = (
            "or ask for a provisional answer (statutory holidays and weekends, no make-up "
            "working days) with default_calendar(provisional=True) / --provisional"
            if provisional_available
            else "(no provisional data exists for this year either)"
        )
        remedy_provisional_zh = (
            "或明确要求临时(provisional)答案(仅按法定节日和周末推算,不含调休):"
            "default_calendar(provisional=True) 或命令行 --provisional"
            if provisional_available
            else "(该年也没有可用的临时推算数据)"
        )
        super().__init__(
            f"no official holiday arrangement is loaded for {self.year} "
            f"(the answer needs {day.isoformat()}; official data covers {span}). "
            f"Load the State Council notice for {self.year} as an overlay file "
            f"(calendar.with_overlays('{self.year}.toml') / --calendar FILE / "
            f"GOV_DEADLINES_CALENDAR), {remedy_provisional}."
        )
        self.zh = (
            f"尚未载入{self.year}年的国务院办公厅节假日安排通知"
            f"(计算需要{day.isoformat()};官方数据覆盖{span})。"
            f"请载入{self.year}年的通知作为补充日历文件"
            f"(calendar.with_overlays('{self.year}.toml')、命令行 --calendar 文件 或环境变量 "
            f"GOV_DEADLINES_CALENDAR),{remedy_provisional_zh}。"
        )


class OverlayError(GovDeadlinesError, ValueError):
    """A calendar overlay file (a year's holiday arrangement) is malformed.

    Attributes: ``source`` (the file name or ``"<data>"``), ``entry`` (which entry, or
    ``None`` for the file as a whole), ``problem``.
    """

    def __init__(self, source: str, problem: str, *, entry: str | None = None) -> None:
        self.source = source
        self.entry = entry
        self.problem = problem
        where = f"{source}, {entry}" if entry else source
        super().__init__(
            f"calendar file {where}: {problem}. Fix the entry and load the file again; "
            "the accepted formats are described in docs/calendar.md."
        )
        self.zh = f"日历文件 {where}:{problem}。请修改后重新载入;格式见 docs/calendar.md。"


class PeriodParseError(GovDeadlinesError, ValueError):
    """A period's text is not one of the accepted forms.

    Attributes: ``text`` and ``accepted`` (the accepted forms, as examples).
    """

    def __init__(self, text: str, accepted: Sequence[str]) -> None:
        self.text = text
        self.accepted = tuple(accepted)
        forms = ", ".join(self.accepted)
        super().__init__(f"cannot read the period {text!r}; accepted forms: {forms}")
        self.zh = f"无法识别期限 {text!r};可用的写法:{forms}"


class DateParseError(GovDeadlinesError, ValueError):
    """A date or date-time text is not in an accepted form, or names no real day.

    Attributes: ``text``, ``accepted`` and ``problem``.
    """

    def __init__(self, text: str, accepted: Sequence[str], problem: str = "") -> None:
        self.text = text
        self.accepted = tuple(accepted)
        self.problem = problem
        forms = ", ".join(self.accepted)
        detail = f" ({problem})" if problem else ""
        super().__init__(f"cannot read the date {text!r}{detail}; accepted forms: {forms}")
        self.zh = f"无法识别日期 {text!r}{detail};可用的写法:{forms}"


class TriggerError(GovDeadlinesError, ValueError):
    """The trigger does not fit the period (for example a bare date for an hour period).

    Attributes: ``trigger`` and ``problem``.
    """

    def __init__(self, trigger: object, problem: str, zh: str) -> None:
        self.trigger = trigger
        self.problem = problem
        super().__init__(f"trigger {trigger!r}: {problem}")
        self.zh = f"起算时间 {trigger!r}:{zh}"


class UnknownRuleError(GovDeadlinesError, KeyError):
    """No rule has this id. Attributes: ``rule_id`` and ``suggestions`` (closest ids)."""

    def __init__(self, rule_id: str, suggestions: Sequence[str]) -> None:
        self.rule_id = rule_id
        self.suggestions = tuple(suggestions)
        hint = (
            f"; did you mean {', '.join(self.suggestions)}?"
            if self.suggestions
            else "; list the ids with gov_deadlines.rules() or `gov-deadlines rules`"
        )
        super().__init__(rule_id)
        self._text = f"unknown rule id {rule_id!r}{hint}"
        hint_zh = (
            f";您是否要找:{'、'.join(self.suggestions)}?"
            if self.suggestions
            else ";可用 `gov-deadlines rules` 列出全部规则"
        )
        self.zh = f"没有编号为 {rule_id!r} 的规则{hint_zh}"

    def __str__(self) -> str:  # KeyError would print the repr of the key only
        return self._text


class UnquantifiedRuleError(GovDeadlinesError, ValueError):
    """The rule sets no number ("及时", "定期"), so it has no computable deadline.

    Attributes: ``rule_id`` and ``national_default`` (the rule that gives the number, if any).
    """

    def __init__(self, rule_id: str, quote: str, national_default: str | None) -> None:
        self.rule_id = rule_id
        self.quote = quote
        self.national_default = national_default
        hint = (
            f"; the national default is {national_default}: use due({national_default!r}, …)"
            if national_default
            else "; no national rule sets a number for it"
        )
        super().__init__(f"rule {rule_id} sets no time limit ({quote!r}){hint}")
        hint_zh = (
            f";全国性规定为 {national_default},请按该规则计算"
            if national_default
            else ";没有全国性规定给出具体期限"
        )
        self.zh = f"规则 {rule_id} 没有规定具体期限(“{quote}”){hint_zh}"


class RuleKindError(GovDeadlinesError, ValueError):
    """The rule's kind does not support the requested operation.

    Attributes: ``rule_id``, ``kind`` and ``operation``.
    """

    def __init__(self, rule_id: str, kind: str, operation: str, hint: str, hint_zh: str) -> None:
        self.rule_id = rule_id
        self.kind = kind
        self.operation = operation
        super().__init__(f"rule {rule_id} is a {kind} rule and has no {operation}; {hint}")
        self.zh = f"规则 {rule_id} 属于“{kind}”类,不适用于{operation};{hint_zh}"


class RuleFileError(GovDeadlinesError, ValueError):
    """A rule file does not satisfy the rule schema.

    Attributes: ``source`` (the file), ``entry`` (the rule id or position) and ``problem``.
    """

    def __init__(self, source: str, problem: str, *, entry: str | None = None) -> None:
        self.source = source
        self.entry = entry
        self.problem = problem
        where = f"{source}, {entry}" if entry else source
        super().__init__(
            f"rule file {where}: {problem}. Fix it to match docs/rule-schema.json and load it again."
        )
        self.zh = f"规则文件 {where}:{problem}。请按 docs/rule-schema.json 修改后重新载入。"


class CompletionTimeError(GovDeadlinesError, ValueError):
    """The completion time given to a check cannot decide it (e.g. a bare date for an hour limit).

    Attributes: ``done_at`` and ``problem``.
    """

    def __init__(self, done_at: object, problem: str, zh: str) -> None:
        self.done_at = done_at
        self.problem = problem
        super().__init__(f"completion time {done_at!r}: {problem}")
        self.zh = f"完成时间 {done_at!r}:{zh}"


class NotInForceError(GovDeadlinesError, LookupError):
    """No version of a versioned rule was in force on the trigger date.

    Attributes: ``rule_id``, ``when`` and ``versions`` (the ids of the known versions).
    """

    def __init__(self, rule_id: str, when: object, versions: Sequence[str]) -> None:
        self.rule_id = rule_id
        self.when = when
        self.versions = tuple(versions)
        listed = ", ".join(self.versions)
        super().__init__(
            f"no version of {rule_id} was in force on {when}; the known versions are {listed}: "
            "name one of them explicitly if you mean it"
        )
        self.zh = (
            f"{when}时 {rule_id} 没有有效的版本;已知版本:{listed},如确需适用请直接指定版本编号"
        )
