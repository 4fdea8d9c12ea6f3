"""Errors raised by gov_deadlines.

Every error derives from :class:`GovDeadlinesError` and from the builtin that fits its
meaning (``ValueError`` for bad input, ``LookupError`` for something not found), keeps the
facts as attributes, and says in its message how to fix the problem. ``message("zh")``
gives the same message in Chinese, for clerks.
"""

from __future__ import annotations

import datetime as _dt
import errno as _errno
import os as _os
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only a type here: errors sit below every other module (the calendar imports them).
    from gov_deadlines.calendar.coverage import Coverage


# The system's words for the file errors a clerk meets, in Chinese (the system's own are
# English whatever the locale of a server).
_FILE_PROBLEMS_ZH = {
    _errno.ENOENT: "文件或文件夹不存在,请检查文件名和路径",
    _errno.EACCES: "没有读写该文件的权限",
    _errno.EPERM: "没有读写该文件的权限",
    _errno.EISDIR: "这是一个文件夹,不是文件,请给出文件名",
    _errno.ENOTDIR: "路径中有一项不是文件夹",
    _errno.ENOSPC: "磁盘空间不足",
    _errno.EROFS: "该位置只读,不能写入",
    _errno.EEXIST: "文件已存在",
    _errno.ENAMETOOLONG: "文件名过长",
}


def file_problem(error: OSError) -> tuple[str, str]:
    """What is wrong with a file, from the ``OSError`` reading or writing it: English (the
    system's words) and Chinese, for messages that name the file themselves."""
    english = error.strerror or str(error)
    return english, _FILE_PROBLEMS_ZH.get(error.errno or 0, english)


class GovDeadlinesError(Exception):
    """Base class of every error raised on purpose by gov_deadlines."""

    zh: str = ""

    def message(self, lang: str = "en") -> str:
        """The message in ``"en"`` or ``"zh"``."""
        if is_zh(lang) and self.zh:
            return self.zh
        return str(self)

    def clerk_message(self, lang: str = "zh") -> str:
        """The message for output that clerks read (the command line, audit reports): the
        same as :meth:`message` unless the error's remedy names Python calls."""
        return self.message(lang)


class UnknownLanguageError(GovDeadlinesError, ValueError):
    """A language other than ``"zh"`` or ``"en"`` was asked for.

    Attributes: ``lang`` (the value given).
    """

    def __init__(self, lang: object) -> None:
        self.lang = lang
        super().__init__(f'unknown language {shown(lang)}: use "zh" (Chinese) or "en" (English)')
        self.zh = f'未知的语言 {shown(lang)}:请用 "zh"(中文)或 "en"(英文)'


def is_zh(lang: str) -> bool:
    """True for ``"zh"``, False for ``"en"``; anything else raises
    :class:`UnknownLanguageError`, so that a wrong language is never answered silently in
    the other one. (Public as :func:`gov_deadlines.vocabulary.is_zh`; it lives here because
    the errors' own messages need it and this module imports no other.)"""
    # str first: a value whose == answers no bool (pd.NA, an array) is no language either
    if isinstance(lang, str):
        if lang == "zh":
            return True
        if lang == "en":
            return False
    raise UnknownLanguageError(lang)


class CalendarCoverageError(GovDeadlinesError, LookupError):
    """An answer would depend on a day that no loaded official notice covers.

    Attributes: ``day`` (the first uncovered day the answer needed), ``year``,
    ``coverage`` (every span backed by official notices, a
    :class:`~gov_deadlines.calendar.coverage.Coverage`), ``gap`` (the uncovered span between two
    covered ones that ``day`` lies in, or ``None``), ``coverage_first`` /
    ``coverage_last`` (the first and last covered day) and ``provisional_available``.
    :meth:`clerk_message` gives the message with the command line's remedies only.
    """

    def __init__(
        self,
        day: _dt.date,
        coverage_first: _dt.date,
        coverage_last: _dt.date,
        *,
        provisional_available: bool = True,
        coverage: Coverage,
        past_the_last_date: bool = False,
    ) -> None:
        self.day = day
        self.past_the_last_date = past_the_last_date
        self.year = day.year
        self.coverage_first = coverage_first
        self.coverage_last = coverage_last
        self.coverage = coverage
        self.gap = self.coverage.gap_of(day)
        self.provisional_available = provisional_available
        remedy_provisional = (
            "or ask for a provisional answer (statutory holidays and weekends, no make-up "
            "working days) with default_calendar(provisional=True) / --provisional"
            if provisional_available
            else "(no provisional data exists for this year either)"
        )
        remedy_provisional_zh = (
            "或明确要求临时(provisional)答案(仅按法定节日和周末推算,不含调休):"
            "命令行加 --provisional"
            if provisional_available
            else "(该年也没有可用的临时推算数据)"
        )
        if past_the_last_date:
            # Not a notice to load: the answer lies after 9999-12-31, where no date exists.
            self.provisional_available = False
            super().__init__(self._beyond("en"))
            self.zh = self._beyond("zh")
            return
        super().__init__(
            f"no official holiday arrangement is loaded for {self.year} "
            f"({self._facts('en')}). "
            f"Load {self._what_to_load('en')} as an overlay file "
            f"(calendar.with_overlays('{self.year}.toml') / --calendar FILE / "
            f"GOV_DEADLINES_CALENDAR), {remedy_provisional}."
        )
        self.zh = (
            f"尚未载入{self.year}年的节假日安排({self._facts('zh')})。"
            f"请把{self._what_to_load('zh')}作为补充日历文件载入"
            f"(命令行 --calendar 文件 或环境变量 GOV_DEADLINES_CALENDAR),"
            f"{remedy_provisional_zh}。"
        )

    def _what_to_load(self, lang: str) -> str:
        """A later year has a State Council notice to load; a year before the bundled data
        (2004) may have none the library knows of, so it names the arrangement itself."""
        if self.day < self.coverage_first:
            if is_zh(lang):
                return f"{self.year}年实际执行的放假与调休安排"
            return f"the days off and make-up working days {self.year} actually had"
        if is_zh(lang):
            return f"{self.year}年的国务院办公厅节假日安排通知"
        return f"the State Council notice for {self.year}"

    def _facts(self, lang: str) -> str:
        """What the answer needed and what is covered, naming the gap the day is in."""
        day = self.day.isoformat()
        if is_zh(lang):
            gap = f",其间{self.gap.text('zh')}没有官方数据" if self.gap else ""
            return f"计算需要{day};官方数据覆盖{self.coverage.text('zh')}{gap}"
        gap = f"; {self.gap.text()} between them has none" if self.gap else ""
        return f"the answer needs {day}; official data covers {self.coverage.text()}{gap}"

    def _beyond(self, lang: str) -> str:
        if is_zh(lang):
            return (
                "计算结果晚于9999-12-31,超出可计算的日期范围(公元1年至9999年),"
                f"也没有任何节假日数据(官方数据覆盖{self.coverage.text('zh')})。请检查起算日期和期限。"
            )
        return (
            "the answer falls after 9999-12-31, outside the years 1-9999 that can be "
            f"computed, where no holiday data exists (official data covers "
            f"{self.coverage.text()}). Check the trigger date and the period."
        )

    def clerk_message(self, lang: str = "zh") -> str:
        """The message with the remedies of the command line (``--calendar``,
        ``--provisional``), for output that clerks read: no Python names."""
        if self.past_the_last_date:
            return self._beyond(lang)
        year = self.year
        if is_zh(lang):
            provisional = (
                ",或加 --provisional 得到按法定节日和周末推算、明确标注为临时的答案"
                if self.provisional_available
                else "(该年也没有可用的临时推算数据)"
            )
            return (
                f"尚未载入{year}年的节假日安排({self._facts('zh')})。"
                f"请用 --calendar 文件(或环境变量 GOV_DEADLINES_CALENDAR)载入"
                f"{self._what_to_load('zh')}{provisional}。"
            )
        provisional = (
            ", or add --provisional for an answer from the statutory holidays and weekends, "
            "marked provisional"
            if self.provisional_available
            else " (no provisional data exists for that year either)"
        )
        return (
            f"no official holiday arrangement is loaded for {year} ({self._facts('en')}). "
            f"Load {self._what_to_load('en')} with --calendar FILE (or $GOV_DEADLINES_CALENDAR)"
            f"{provisional}."
        )


class OverlayError(GovDeadlinesError, ValueError):
    """A calendar overlay file (a year's holiday arrangement) is malformed.

    Attributes: ``source`` (the file name or ``"<data>"``), ``entry`` (which entry, or
    ``None`` for the file as a whole), ``problem``.
    """

    def __init__(
        self, source: str, problem: str, *, entry: str | None = None, problem_zh: str = ""
    ) -> None:
        self.source = source
        self.entry = entry
        self.problem = problem
        where = f"{source}, {entry}" if entry else source
        super().__init__(
            f"calendar file {where}: {problem}. Fix the entry and load the file again; "
            "the accepted formats are described in docs/calendar.md."
        )
        # "line 3" (where a file's syntax fails) is 第3行 in Chinese; other entries are the
        # file's own words (a date, a key).
        line = entry[5:] if entry is not None and entry.startswith("line ") else ""
        where_zh = f"{source}第{line}行" if line.isdigit() else where
        self.zh = (
            f"日历文件 {where_zh}:{problem_zh or problem}。请修改后重新载入;格式见 docs/calendar.md。"
        )


class PeriodParseError(GovDeadlinesError, ValueError):
    """A period's text is not one of the accepted forms, or is ambiguous.

    Attributes: ``text``, ``accepted`` (the accepted forms, as examples), ``problem`` /
    ``problem_zh`` (why it was refused, when more can be said than "unknown form") and
    ``readings`` (for ambiguous text such as "15日前": the unambiguous forms it may mean).
    """

    def __init__(
        self,
        text: str,
        accepted: Sequence[str],
        *,
        problem: str = "",
        problem_zh: str = "",
        readings: Sequence[str] = (),
    ) -> None:
        self.text = text
        self.accepted = tuple(accepted)
        self.problem = problem
        self.problem_zh = problem_zh
        self.readings = tuple(readings)
        forms = ", ".join(self.accepted)
        if problem:
            super().__init__(f"cannot read the period {text!r}: {problem}")
            self.zh = f"期限 {text!r} 无法确定:{problem_zh or problem}"
        else:
            super().__init__(f"cannot read the period {text!r}; accepted forms: {forms}")
            self.zh = f"无法识别期限 {text!r};可用的写法:{'、'.join(self.accepted)}"


class DateParseError(GovDeadlinesError, ValueError):
    """A date or date-time text is not in an accepted form, or names no real day.

    Attributes: ``text``, ``accepted``, ``problem`` and ``problem_zh`` (the same detail in
    Chinese; the English one stands in when none is given).
    """

    def __init__(
        self, text: str, accepted: Sequence[str], problem: str = "", problem_zh: str = ""
    ) -> None:
        self.text = text
        self.accepted = tuple(accepted)
        self.problem = problem
        self.problem_zh = problem_zh or problem
        forms = ", ".join(self.accepted)
        detail = f" ({problem})" if problem else ""
        detail_zh = f"({self.problem_zh})" if self.problem_zh else ""
        super().__init__(f"cannot read the date {text!r}{detail}; accepted forms: {forms}")
        self.zh = f"无法识别日期 {text!r}{detail_zh};可用的写法:{'、'.join(self.accepted)}"


class TriggerError(GovDeadlinesError, ValueError):
    """The trigger does not fit the period (for example a bare date for an hour period).

    Attributes: ``trigger`` and ``problem``.
    """

    def __init__(self, trigger: object, problem: str, zh: str) -> None:
        self.trigger = trigger
        self.problem = problem
        super().__init__(f"trigger {shown(trigger)}: {problem}")
        self.zh = f"起算时间 {shown(trigger)}:{zh}"


#: What an id of the catalogue names, in both languages, and the command that lists them.
_CATALOGUE_IDS = {
    "rule": ("rule", "规则", "gov-deadlines rules", "gov_deadlines.rules()"),
    "event": ("event", "事件", "gov-deadlines events", "default_catalogue().events"),
    "source": ("source", "来源文件", "gov-deadlines rules", "default_catalogue().sources"),
}


class UnknownRuleError(GovDeadlinesError, KeyError):
    """No rule (or event, or source document: ``kind``) has this id. Attributes:
    ``rule_id`` (the id given), ``suggestions`` (closest ids) and ``kind`` (``"rule"``,
    ``"event"`` or ``"source"``)."""

    def __init__(self, rule_id: str, suggestions: Sequence[str], *, kind: str = "rule") -> None:
        self.rule_id = rule_id
        self.suggestions = tuple(suggestions)
        self.kind = kind
        what, what_zh, command, call = _CATALOGUE_IDS[kind]
        hint = (
            f"; did you mean {', '.join(self.suggestions)}?"
            if self.suggestions
            else f"; list the ids with {call} or `{command}`"
        )
        super().__init__(rule_id)
        self._text = f"unknown {what} id {rule_id!r}{hint}"
        hint_zh = (
            f";您是否要找:{'、'.join(self.suggestions)}?"
            if self.suggestions
            else f";可用 `{command}` 列出全部{what_zh}"
        )
        self.zh = f"没有编号为 {rule_id!r} 的{what_zh}{hint_zh}"

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

    Attributes: ``rule_id``, ``kind`` (the rule kind's id, e.g. ``cadence``) and
    ``operation``. The messages name the rule kind and the operation in their own language
    and the command that answers instead, never a Python call (a clerk reads them).
    """

    def __init__(
        self,
        rule_id: str,
        kind: str,
        *,
        kind_zh: str,
        kind_en: str,
        operation: str,
        operation_zh: str,
        hint: str,
        hint_zh: str,
    ) -> None:
        self.rule_id = rule_id
        self.kind = kind
        self.operation = operation
        super().__init__(f"rule {rule_id} is a {kind_en} rule and has no {operation}; {hint}")
        self.zh = f"规则 {rule_id} 属于“{kind_zh}”类,没有{operation_zh};{hint_zh}"


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
        super().__init__(f"completion time {shown(done_at)}: {problem}")
        self.zh = f"完成时间 {shown(done_at)}:{zh}"


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


class NoticeTextError(GovDeadlinesError, ValueError):
    """The text of a holiday notice (节假日安排通知) cannot be read, or disagrees with itself
    or with 全国年节及纪念日放假办法. Nothing is guessed: the reading stops.

    Attributes: ``sentence`` (the notice's words, as pasted, or ``""`` when the problem is
    something the text lacks), ``section`` (e.g. ``"二、春节"`` or ``""``), ``problem``
    (English) and ``problem_zh``; ``clerk`` the problem in both languages with the command
    line's remedy where ``problem`` names a Python argument (:meth:`clerk_message`).
    """

    def __init__(
        self,
        problem: str,
        problem_zh: str,
        *,
        sentence: str = "",
        section: str = "",
        clerk: tuple[str, str] | None = None,
    ) -> None:
        self.sentence = sentence
        self.section = section
        self.problem = problem
        self.problem_zh = problem_zh
        self.clerk = clerk
        super().__init__(self._text(problem, "en"))
        self.zh = self._text(problem_zh, "zh")

    def _text(self, problem: str, lang: str) -> str:
        if not is_zh(lang):
            where = f" (section {self.section})" if self.section else ""
            quoted = f" In the sentence “{self.sentence}”:" if self.sentence else ""
            return (
                f"notice text{where}:{quoted} {problem}. Compare the text with the notice as "
                "published on www.gov.cn and correct the copy; nothing is guessed."
            )
        where_zh = f"({self.section})" if self.section else ""
        quoted_zh = f"“{self.sentence}”一句中:" if self.sentence else ""
        return (
            f"通知文本{where_zh}:{quoted_zh}{problem}。请对照中国政府网发布的通知原文改正"
            "所粘贴的文本;本程序不作推测。"
        )

    def clerk_message(self, lang: str = "zh") -> str:
        if self.clerk is None:
            return self.message(lang)
        return self._text(self.clerk[1] if is_zh(lang) else self.clerk[0], lang)


class LocalCoverageError(GovDeadlinesError, LookupError):
    """A regional or agency calendar has no local data for a day an answer needs.

    A region's agencies keep local rest days (e.g. 新疆 肉孜节, 古尔邦节) set year by year; an
    answer in a year whose local days are not loaded could be wrong, so it is refused.
    Attributes: ``day``, ``year``, ``scope`` (the region or agency) and ``covered`` (the
    years whose local days are loaded, possibly empty).
    """

    def __init__(self, day: _dt.date | None, scope: str, covered: Sequence[int]) -> None:
        self.day = day
        self.year = day.year if day else None
        self.scope = scope
        self.covered = tuple(covered)
        listed = ", ".join(str(y) for y in self.covered) or "none"
        listed_zh = "、".join(str(y) for y in self.covered) or "无"
        if day is None:
            super().__init__(
                f"no local rest days are bundled for {scope!r} (bundled: the regions in "
                "docs/calendar.md). Load the region's or agency's notice as a local overlay "
                "file (--calendar FILE with a [scope] table), or leave out --region if its "
                "agencies keep the national calendar."
            )
            self.zh = (
                f"没有内置“{scope}”的地方休息日数据(已内置的地区见 docs/calendar.md)。请将该地区或"
                "机关的通知写成带 [scope] 的地方日历文件,用 --calendar 载入;如该地机关执行全国统一"
                "安排,请不要加 --region。"
            )
            return
        super().__init__(
            f"the local rest days of {scope} for {day.year} are not loaded (the answer needs "
            f"{day.isoformat()}; local data covers: {listed}). Load that year's regional notice "
            "as a local overlay file (--calendar FILE); an answer without it could miss a "
            "local rest day."
        )
        self.zh = (
            f"尚未载入{scope}{day.year}年的地方休息日(计算需要{day.isoformat()};已载入的年份:"
            f"{listed_zh})。请将该年的地方通知写成地方日历文件,用 --calendar 载入;否则结果可能漏算"
            "地方休息日。"
        )


class ArgumentTypeError(GovDeadlinesError, TypeError):
    """An argument of a public function is of the wrong type (``due(None, …)``).

    Attributes: ``argument`` (its name), ``value`` (what was given), ``expected`` and
    ``expected_zh`` (what is accepted, in words).
    """

    def __init__(self, argument: str, value: object, expected: str, expected_zh: str) -> None:
        self.argument = argument
        self.value = value
        self.expected = expected
        self.expected_zh = expected_zh
        given = f"{type(value).__name__} {shown(value)}"
        super().__init__(f"{argument}: expected {expected}, got {given}")
        self.zh = f"参数 {argument} 应为{expected_zh},实际为 {given}"


class PeriodValueError(GovDeadlinesError, ValueError):
    """A period's number or date is out of range (``WorkingDays(0)``, ``FixedDate(13)``).

    Attributes: ``kind`` (the period type's name), ``value`` and ``problem``.
    """

    def __init__(self, kind: str, value: object, problem: str, zh: str) -> None:
        self.kind = kind
        self.value = value
        self.problem = problem
        super().__init__(f"{kind}: {problem}, got {shown(value)}")
        self.zh = f"{kind}:{zh},实际为 {shown(value)}"


class OptionError(GovDeadlinesError, ValueError):
    """A counting option does not apply to the period's unit (``roll=`` for working days).

    Attributes: ``option`` (``"roll"``, ``"posting_day_counts"`` or ``"cutoff"``), ``unit``
    (the unit's stable name) and ``problem``.
    """

    def __init__(self, option: str, unit: str, problem: str, zh: str) -> None:
        self.option = option
        self.unit = unit
        self.problem = problem
        self.problem_zh = zh
        super().__init__(f"{option}= {problem}")
        self.zh = f"选项 {option}:{zh}"


class DateRangeError(GovDeadlinesError, OverflowError):
    """The answer, or an input year, lies outside the years 1–9999 a date can name.

    Attributes: ``value`` (the input that led there) and ``problem``. (A day-based answer
    past the calendar raises :class:`CalendarCoverageError` instead.)
    """

    def __init__(self, value: object, problem: str, zh: str) -> None:
        self.value = value
        self.problem = problem
        super().__init__(f"{shown(value)}: {problem}; dates are limited to the years 1-9999")
        self.zh = f"{shown(value)}:{zh};日期只能在公元1年至9999年之间"


def shown(value: object) -> str:
    """A value as a clerk can read it: ISO text for dates, never ``datetime.date(…)``."""
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, int) and value.bit_length() > 256:
        return f"<a {value.bit_length()}-bit integer>"  # repr would exceed the digit limit
    try:
        text = repr(value)
    except Exception:  # a foreign object's repr must not hide the real error
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= 80 else text[:77] + "…"


def check_path_argument(name: str, value: object) -> str:
    """The file path ``value`` as text; :class:`ArgumentTypeError` for anything else
    (``None``, a number, a bytes path), which ``os.fspath`` or ``pathlib`` would refuse
    with a bare ``TypeError``."""
    path = _os.fspath(value) if isinstance(value, str | _os.PathLike) else None
    if not isinstance(path, str):
        raise ArgumentTypeError(name, value, "a file path (str or os.PathLike)", "文件路径")
    return path


def check_day_argument(name: str, value: object) -> None:
    """Refuse, as :class:`ArgumentTypeError`, an optional day argument that is no date."""
    # ``value != value``: pandas' NaT, a missing value that passes for a datetime
    # (gov_deadlines.dates.is_not_a_time; that module imports this one)
    if value is not None and (not isinstance(value, _dt.date) or value != value):
        raise ArgumentTypeError(name, value, "a datetime.date or None", "日期(或不填)")
