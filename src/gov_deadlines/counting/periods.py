"""Periods, one type per meaning: "3个工作日", "30日", "3个月", "3年", "48小时", "7月底前", "不少于10天".

A working-day period cannot be passed where hours are meant: each is its own class, and
each is counted by its own convention (:mod:`gov_deadlines.counting.conventions`).
:func:`parse_period` reads the Chinese and short forms people write.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
import numbers
import re
from dataclasses import dataclass
from functools import cache
from typing import TypeAlias

from gov_deadlines.errors import (
    ArgumentTypeError,
    DateRangeError,
    PeriodParseError,
    PeriodValueError,
    shown,
)
from gov_deadlines.vocabulary import is_zh


def _count(period: object, field: str, kind: str) -> None:
    """Check a period's count and store it as a plain ``int``.

    Any ``numbers.Integral`` is accepted (``numpy.int64(20)`` from a data frame) and stored
    as ``int``, so that ``WorkingDays(numpy.int64(20)) == WorkingDays(20)``; ``bool`` is not
    a count.
    """
    n = getattr(period, field)
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise ArgumentTypeError(f"{kind}.{field}", n, "a whole number ≥ 1 (int)", "大于等于1的整数")
    if int(n) < 1:
        raise PeriodValueError(kind, n, "needs a whole number ≥ 1", "须为大于等于1的整数")
    if not isinstance(n, int):
        object.__setattr__(period, field, int(n))


def _en(n: int, unit: str) -> str:
    """``1 day``, ``2 days``: English text of a count (no plural for one)."""
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


@dataclass(frozen=True, slots=True)
class WorkingDays:
    """N working days (N个工作日): the N-th working day after the trigger date."""

    n: int

    def __post_init__(self) -> None:
        _count(self, "n", "WorkingDays")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}个工作日" if is_zh(lang) else _en(self.n, "working day")


@dataclass(frozen=True, slots=True)
class CalendarDays:
    """N calendar days (N日 / N天): trigger date + N, rolled off a rest day (art. 203)."""

    n: int

    def __post_init__(self) -> None:
        _count(self, "n", "CalendarDays")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}日" if is_zh(lang) else _en(self.n, "day")


@dataclass(frozen=True, slots=True)
class Months:
    """N months (N个月): the corresponding day, or the month's last day (art. 202)."""

    n: int

    def __post_init__(self) -> None:
        _count(self, "n", "Months")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}个月" if is_zh(lang) else _en(self.n, "month")


@dataclass(frozen=True, slots=True)
class Years:
    """N years (N年): the corresponding day, or the month's last day (art. 202)."""

    n: int

    def __post_init__(self) -> None:
        _count(self, "n", "Years")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}年" if is_zh(lang) else _en(self.n, "year")


@dataclass(frozen=True, slots=True)
class Hours:
    """N hours (N小时): exact elapsed time from the trigger instant, day and night."""

    n: int

    def __post_init__(self) -> None:
        _count(self, "n", "Hours")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}小时" if is_zh(lang) else _en(self.n, "hour")


_FIELD_ZH = {"month": "月份", "day": "日", "year": "年份"}


@dataclass(frozen=True, slots=True)
class FixedDate:
    """A calendar date to act by: "2018年9月底前", "年底前", "每年7月底前", "每年1月31日前".

    ``day=None`` means the month's last day. ``year=None`` means the year of the trigger
    (a date in it, or the year itself). ``every_year`` marks a yearly duty. A fixed date
    is not a period: it never rolls.
    """

    month: int
    day: int | None = None
    year: int | None = None
    every_year: bool = False

    def __post_init__(self) -> None:
        for name, low, high in (("month", 1, 12), ("day", 1, 31), ("year", 1, 9999)):
            value = getattr(self, name)
            if value is None and name != "month":
                continue
            if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                raise ArgumentTypeError(
                    f"FixedDate.{name}",
                    value,
                    f"a whole number {low}..{high}",
                    f"{low}至{high}的整数",
                )
            if not low <= int(value) <= high:
                raise PeriodValueError(
                    "FixedDate",
                    value,
                    f"{name} must be {low}..{high}",
                    f"{_FIELD_ZH[name]}须在{low}至{high}之间",
                )
            if not isinstance(value, int):
                object.__setattr__(self, name, int(value))
        if self.every_year and self.year is not None:
            raise PeriodValueError(
                "FixedDate",
                self.year,
                "a yearly FixedDate (every_year=True) cannot name a year",
                "每年的固定日期(every_year=True)不能同时指定年份",
            )
        if self.year is not None:
            self.on(self.year)

    def on(self, year: int) -> dt.date:
        """The date in ``year`` (1..9999, else :class:`DateRangeError`)."""
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            raise DateRangeError(year, "the year must be 1..9999", "年份须在1至9999之间")
        last = _stdcal.monthrange(year, self.month)[1]
        day = last if self.day is None else self.day
        if day > last:
            raise PeriodValueError(
                "FixedDate",
                f"{year}-{self.month:02d}-{day:02d}",
                f"{year}-{self.month:02d} has no day {day}",
                f"{year}年{self.month}月没有{day}日",
            )
        return dt.date(year, self.month, day)

    def text(self, lang: str = "zh") -> str:
        zh = is_zh(lang)
        if zh:
            prefix = "每年" if self.every_year else (f"{self.year}年" if self.year else "")
            if self.month == 12 and self.day is None:
                return f"{self.year}年底前" if self.year else f"{prefix}年底前"
            when = f"{self.month}月底" if self.day is None else f"{self.month}月{self.day}日"
            return f"{prefix}{when}前"
        when = (
            f"the end of {_stdcal.month_name[self.month]}"
            if self.day is None
            else f"{self.day} {_stdcal.month_name[self.month]}"
        )
        if self.every_year:
            return f"by {when} every year"
        return f"by {when} {self.year}" if self.year else f"by {when}"


@dataclass(frozen=True, slots=True)
class MinimumDuration:
    """Something must last at least N days (不少于N天): a notice's minimum posting time."""

    days: int

    def __post_init__(self) -> None:
        _count(self, "days", "MinimumDuration")

    def text(self, lang: str = "zh") -> str:
        return f"不少于{self.days}天" if is_zh(lang) else f"at least {_en(self.days, 'day')}"


Period: TypeAlias = (
    WorkingDays | CalendarDays | Months | Years | Hours | FixedDate | MinimumDuration
)
PERIOD_TYPES = (WorkingDays, CalendarDays, Months, Years, Hours, FixedDate, MinimumDuration)

ACCEPTED_FORMS = (
    "20个工作日",
    "20wd",
    "30日",
    "30天",
    "30d",
    "48小时",
    "48h",
    "3个月",
    "3mo",
    "3年",
    "3y",
    "7月底前",
    "年底前",
    "2018年9月底前",
    "每年7月底前",
    "每年1月31日前",
    "不少于10天",
)

_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _number(text: str) -> int | None:
    """Arabic or Chinese numerals up to 99 (三, 十五, 二十, 四十五); ``None`` if not one.

    Arabic numbers of more than nine digits are no period anyone writes (and would exceed
    the dates a calendar can name): they are not read, rather than converted at any cost.
    """
    if text.isdigit():
        return int(text) if len(text) <= 9 and text.isascii() else None
    if not text or any(ch not in _DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens_text, _, ones_text = text.partition("十")
    if len(tens_text) > 1 or len(ones_text) > 1:
        return None
    tens = _DIGITS[tens_text] if tens_text else 1
    ones = _DIGITS[ones_text] if ones_text else 0
    return tens * 10 + ones


_NUM = r"([0-9]+|[零一二两三四五六七八九十]+)"
_SimpleKind = type[WorkingDays | Hours | Months | Years | CalendarDays]


@dataclass(frozen=True, slots=True)
class _Patterns:
    simple: tuple[tuple[re.Pattern[str], _SimpleKind], ...]
    minimum: re.Pattern[str]
    year_end: re.Pattern[str]
    month_end: re.Pattern[str]
    month_day: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    """The period grammar, compiled on first use (not at import: the CLI starts faster)."""
    simple: tuple[tuple[re.Pattern[str], _SimpleKind], ...] = (
        (re.compile(rf"^{_NUM}\s*(?:个)?\s*(?:工作日|wd|workdays?|working\s*days?)$"), WorkingDays),
        (re.compile(rf"^{_NUM}\s*(?:小时|个小时|h|hrs?|hours?)$"), Hours),
        (re.compile(rf"^{_NUM}\s*(?:个月|mo|months?)$"), Months),
        (re.compile(rf"^{_NUM}\s*(?:年|y|yrs?|years?)$"), Years),
        (re.compile(rf"^{_NUM}\s*(?:日|天|d|days?|calendar\s*days?)$"), CalendarDays),
    )
    return _Patterns(
        simple=simple,
        minimum=re.compile(
            rf"^(?:不少于|不得少于|至少|>=|≥|min\s*|at\s*least\s*){_NUM}\s*(?:日|天|d|days?)$"
        ),
        year_end=re.compile(
            r"^(?:(每年)|([0-9]{4})年)?(?:年底|年末|年内)$|^()([0-9]{4})年(?:底|末)$"
        ),
        month_end=re.compile(r"^(?:(每年)|([0-9]{4})年)?([0-9]{1,2})月(?:底|末)$"),
        month_day=re.compile(r"^(?:(每年)|([0-9]{4})年)?([0-9]{1,2})月([0-9]{1,2})日$"),
    )


_BEFORE_SUFFIXES = ("之前", "以前", "前")


def _strip(text: str) -> tuple[str, bool]:
    """The period's text without 内 / 以内 / 之内, and whether it ended in 前 ("before/by")."""
    body = re.sub(r"\s+", " ", text.strip()).lower()
    for suffix in ("以内", "之内", "内"):
        if body.endswith(suffix) and len(body) > len(suffix):
            body = body[: -len(suffix)]
            break
    for suffix in _BEFORE_SUFFIXES:
        if body.endswith(suffix):
            return body[: -len(suffix)].strip(), True
    return body.strip(), False


def _monthly(text: str, day: str | None) -> PeriodParseError:
    """每月X日前 means "by day X of every month": a monthly duty, not one date."""
    when_zh, when_en = (
        (f"每月{day}日", f"day {day} of every month")
        if day
        else ("每月月底", "the end of every month")
    )
    one_month = f"1月{day}日前" if day else "1月底前"
    return PeriodParseError(
        text,
        ACCEPTED_FORMS,
        problem=f"it means by {when_en}, a monthly duty with one due date per month, not a "
        f"single date or a period; give the month (e.g. '{one_month}') for one due date, or "
        "use a rule with a monthly cadence",
        problem_zh=f"该写法指{when_zh}前,是每月一次的期限,不是单一日期或期间;如指某一个月,"
        f"请写明月份(如“{one_month}”),按月的义务请使用按月(cadence)规则",
        readings=(one_month,),
    )


def _ambiguous(
    text: str, number: int, unit_zh: str, unit_en: str, within: str = ""
) -> PeriodParseError:
    """ "15日前", "3天前", "48小时前": 前 after a bare period has two readings; refuse both."""
    within = within or f"{number}{unit_zh}内"
    if unit_zh == "日" and number <= 31:
        readings: tuple[str, ...] = (f"X月{number}日前", f"每月{number}日前", within)
        problem = (
            f"'{number}日前' is ambiguous: it may mean by day {number} of a month (write "
            f"'X月{number}日前' or '每月{number}日前'), or {number} days counted from the "
            f"trigger (write '{within}'); it is never read silently"
        )
        problem_zh = (
            f"“{number}日前”有两种读法:一是截止到某月{number}日(请写“X月{number}日前”或"
            f"“每月{number}日前”),二是自起算日起{number}日(请写“{within}”);不能擅自选择其一"
        )
    else:
        readings = (within,)
        minimum = within.startswith("不少于")
        span_zh = f"至少{number}{unit_zh}" if minimum else f"{number}{unit_zh}以内"
        span_en = (
            f"at least {_en(number, unit_en)}" if minimum else f"within {_en(number, unit_en)}"
        )
        problem = (
            f"'{text.strip()}' is ambiguous: it may mean {_en(number, unit_en)} before an event "
            f"(counted backwards, which is not a time limit from a trigger), or {span_en} "
            f"from the trigger (write '{within}'); it is never read silently"
        )
        problem_zh = (
            f"“{text.strip()}”有两种读法:一是某事件发生{number}{unit_zh}以前(向前倒数,不是"
            f"自起算日计算的期限),二是自起算日起{span_zh}(请写“{within}”);"
            "不能擅自选择其一"
        )
    return PeriodParseError(
        text, ACCEPTED_FORMS, problem=problem, problem_zh=problem_zh, readings=readings
    )


_UNIT_NAMES: dict[type, tuple[str, str]] = {
    WorkingDays: ("个工作日", "working day"),
    Hours: ("小时", "hour"),
    Months: ("个月", "month"),
    Years: ("年", "year"),
    CalendarDays: ("日", "day"),
    MinimumDuration: ("天", "day"),
}


def parse_period(text: str) -> Period:
    """Read a period from text; raise :class:`PeriodParseError` listing the accepted forms.

    前 ("before", "by") is read only after a date: "7月底前", "1月31日前", "年底前" mean by
    that day. After a bare period ("15日前", "3天前", "48小时前") it has two readings, and
    the text is refused with both; "每月15日前" (by the 15th of every month) is a monthly
    duty, not one date, and is refused too.

    >>> parse_period("20个工作日")
    WorkingDays(n=20)
    >>> parse_period("每年7月底前")
    FixedDate(month=7, day=None, year=None, every_year=True)
    """
    if not isinstance(text, str):
        raise PeriodParseError(shown(text), ACCEPTED_FORMS)
    raw = re.sub(r"\s+", "", text).lower()
    if raw in ("年内", "今年年内", "本年内"):
        return FixedDate(12)
    body, before = _strip(text)
    monthly = re.fullmatch(r"每月(?:([0-9]{1,2})日|底|末)", body)
    if monthly:
        raise _monthly(text, monthly.group(1))
    match = _patterns().minimum.match(body)
    if match:
        n = _number(match.group(1))
        if n:
            if before:
                raise _ambiguous(text, n, *_UNIT_NAMES[MinimumDuration], f"不少于{n}天")
            return MinimumDuration(n)
    for pattern, kind in _patterns().simple:
        match = pattern.match(body)
        if match:
            n = _number(match.group(1))
            if n:
                if before:
                    unit_zh, unit_en = _UNIT_NAMES[kind]
                    if kind is CalendarDays and "天" in body:
                        unit_zh = "天"
                    raise _ambiguous(text, n, unit_zh, unit_en)
                return kind(n)
            break
    try:
        match = _patterns().year_end.match(body)
        if match:
            every, year = match.group(1), match.group(2) or match.group(4)
            return FixedDate(12, None, int(year) if year else None, every_year=bool(every))
        match = _patterns().month_end.match(body)
        if match:
            every, year, month = match.group(1), match.group(2), int(match.group(3))
            return FixedDate(month, None, int(year) if year else None, every_year=bool(every))
        match = _patterns().month_day.match(body)
        if match:
            every, year = match.group(1), match.group(2)
            month, day = int(match.group(3)), int(match.group(4))
            return FixedDate(month, day, int(year) if year else None, every_year=bool(every))
    except ValueError:
        pass
    raise PeriodParseError(text, ACCEPTED_FORMS)


def as_period(value: Period | str) -> Period:
    """A typed period, or the period the text names."""
    if isinstance(value, PERIOD_TYPES):
        return value
    if isinstance(value, str):
        return parse_period(value)
    raise ArgumentTypeError(
        "period",
        value,
        "a period (WorkingDays, CalendarDays, …) or its text ('20个工作日')",
        "期限(WorkingDays、CalendarDays 等)或其文字(如“20个工作日”)",
    )
