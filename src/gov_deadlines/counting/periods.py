"""Periods, one type per meaning: "3个工作日", "30日", "3个月", "3年", "48小时", "7月底前", "不少于10天".

A working-day period cannot be passed where hours are meant: each is its own class, and
each is counted by its own convention (:mod:`gov_deadlines.counting.conventions`).
:func:`parse_period` reads the Chinese and short forms people write.

As a pydantic field (``Period``, or one period type) a period is stored in its tagged JSON
form, ``{"unit": "hours", "n": 48}`` (the ``unit`` is the convention's
:class:`~gov_deadlines.counting.conventions.Unit` value), and read back from that form, from
a period object or from its text (``"48小时"``): ``Hours(48)`` comes back as ``Hours(48)``,
never as another type with the same count. pydantic is imported only when it asks.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
import numbers
import re
import unicodedata
from functools import cache
from typing import Annotated, Any, TypeAlias

from gov_deadlines.errors import (
    ArgumentTypeError,
    DateRangeError,
    PeriodParseError,
    PeriodValueError,
    shown,
)
from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import is_zh, pydantic_error


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


class _Tagged:
    """The pydantic form of one period type: its tagged JSON (see the module docstring)."""

    __slots__ = ()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        return period_schema((cls,))


def _en(n: int, unit: str) -> str:
    """``1 day``, ``2 days``: English text of a count (no plural for one)."""
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


@frozen
class WorkingDays(_Tagged):
    """N working days (N个工作日): the N-th working day after the trigger date."""

    n: int

    def __init__(self, n: int) -> None:
        object.__setattr__(self, "n", n)
        _count(self, "n", "WorkingDays")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}个工作日" if is_zh(lang) else _en(self.n, "working day")


@frozen
class CalendarDays(_Tagged):
    """N calendar days (N日 / N天): trigger date + N, rolled off a rest day (art. 203)."""

    n: int

    def __init__(self, n: int) -> None:
        object.__setattr__(self, "n", n)
        _count(self, "n", "CalendarDays")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}日" if is_zh(lang) else _en(self.n, "day")


@frozen
class Months(_Tagged):
    """N months (N个月): the corresponding day, or the month's last day (art. 202)."""

    n: int

    def __init__(self, n: int) -> None:
        object.__setattr__(self, "n", n)
        _count(self, "n", "Months")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}个月" if is_zh(lang) else _en(self.n, "month")


@frozen
class Years(_Tagged):
    """N years (N年): the corresponding day, or the month's last day (art. 202)."""

    n: int

    def __init__(self, n: int) -> None:
        object.__setattr__(self, "n", n)
        _count(self, "n", "Years")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}年" if is_zh(lang) else _en(self.n, "year")


@frozen
class Hours(_Tagged):
    """N hours (N小时): exact elapsed time from the trigger instant, day and night."""

    n: int

    def __init__(self, n: int) -> None:
        object.__setattr__(self, "n", n)
        _count(self, "n", "Hours")

    def text(self, lang: str = "zh") -> str:
        return f"{self.n}小时" if is_zh(lang) else _en(self.n, "hour")


_FIELD_ZH = {"month": "月份", "day": "日", "year": "年份"}


@frozen
class FixedDate(_Tagged):
    """A calendar date to act by: "2018年9月底前", "年底前", "每年7月底前", "每年1月31日前".

    ``day=None`` means the month's last day. ``year=None`` means the year of the trigger
    (a date in it, or the year itself). ``every_year`` marks a yearly duty. A fixed date
    is not a period: it never rolls.
    """

    month: int
    day: int | None = None
    year: int | None = None
    every_year: bool = False

    def __init__(
        self,
        month: int,
        day: int | None = None,
        year: int | None = None,
        every_year: bool = False,
    ) -> None:
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "every_year", every_year)
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


@frozen
class MinimumDuration(_Tagged):
    """Something must last at least N days (不少于N天): a notice's minimum posting time."""

    days: int

    def __init__(self, days: int) -> None:
        object.__setattr__(self, "days", days)
        _count(self, "days", "MinimumDuration")

    def text(self, lang: str = "zh") -> str:
        return f"不少于{self.days}天" if is_zh(lang) else f"at least {_en(self.days, 'day')}"


PERIOD_TYPES = (WorkingDays, CalendarDays, Months, Years, Hours, FixedDate, MinimumDuration)

#: The tag of each period type in its JSON form: the value of its convention's unit
#: (``Unit``, which a test holds to this table).
UNITS: dict[type, str] = {
    WorkingDays: "working_days",
    CalendarDays: "calendar_days",
    Months: "months",
    Years: "years",
    Hours: "hours",
    FixedDate: "fixed_date",
    MinimumDuration: "minimum_duration",
}
_KINDS = {unit: kind for kind, unit in UNITS.items()}
#: The fields of each period type's JSON form, besides ``unit``.
_FIELDS: dict[type, tuple[str, ...]] = {
    kind: ("month", "day", "year", "every_year")
    if kind is FixedDate
    else ("days",)
    if kind is MinimumDuration
    else ("n",)
    for kind in PERIOD_TYPES
}


def period_json(period: object) -> dict[str, Any]:
    """The tagged JSON form of a period: ``{"unit": "hours", "n": 48}``."""
    kind = type(period)
    return {"unit": UNITS[kind], **{name: getattr(period, name) for name in _FIELDS[kind]}}


def _names(kinds: tuple[type, ...]) -> str:
    return ", ".join(UNITS[kind] for kind in kinds)


def period_from_json(value: object, kinds: tuple[type, ...] = PERIOD_TYPES) -> Period:
    """A period of one of ``kinds`` from a period object, its text or its tagged JSON form.

    A mapping without ``unit`` is refused: ``{"n": 48}`` names no unit, and reading it as
    working days (what an untagged union did) would store a wrong deadline silently.
    """
    if isinstance(value, str):
        found: object = parse_period(value)
    elif isinstance(value, dict):
        unit = value.get("unit")
        kind = _KINDS.get(unit) if isinstance(unit, str) else None
        if kind is None:
            raise PeriodValueError(
                "Period",
                value,
                f"give the period's unit ({_names(kinds)}) with its count, e.g. "
                '{"unit": "working_days", "n": 20}, or its text, e.g. "20个工作日"',
                f"须写明期限的单位(unit:{_names(kinds)})和数目,如 "
                '{"unit": "working_days", "n": 20},或写成文字,如“20个工作日”',
            )
        extra = set(value) - {"unit", *_FIELDS[kind]}
        if extra:
            raise PeriodValueError(
                "Period",
                value,
                f"unknown field(s) {', '.join(sorted(map(str, extra)))} for {unit}; "
                f"its fields are {', '.join(_FIELDS[kind])}",
                f"{unit} 没有字段 {'、'.join(sorted(map(str, extra)))};"
                f"其字段为 {'、'.join(_FIELDS[kind])}",
            )
        try:
            found = kind(**{name: value[name] for name in _FIELDS[kind] if name in value})
        except TypeError:
            raise PeriodValueError(
                "Period",
                value,
                f"{unit} needs the field(s) {', '.join(_FIELDS[kind])}",
                f"{unit} 须有字段 {'、'.join(_FIELDS[kind])}",
            ) from None
    else:
        found = value
    if not isinstance(found, kinds) or not isinstance(found, PERIOD_TYPES):
        raise PeriodValueError(
            "Period",
            value,
            f"expected a period of unit {_names(kinds)}"
            + (f" (this one is {UNITS[type(found)]})" if type(found) in UNITS else ""),
            f"应为单位为 {_names(kinds)} 的期限"
            + (f"(所给期限的单位为 {UNITS[type(found)]})" if type(found) in UNITS else ""),
        )
    return found


def period_schema(kinds: tuple[type, ...] = PERIOD_TYPES) -> Any:
    """The pydantic core schema of a field holding a period of one of ``kinds``.

    Input: a period object, its tagged JSON form or its text; output (Python and JSON): the
    tagged form. A bad value is a pydantic error at the field (``period_parse`` or
    ``period_value``) in the language of the validation context's ``lang`` (default
    Chinese), both languages in its ``ctx``.
    """
    # Only pydantic calls this (through a period type's hook), so it is loaded by then.
    from pydantic_core import core_schema

    def validate(value: object, info: Any) -> Period:
        context = info.context if isinstance(info.context, dict) else {}
        try:
            return period_from_json(value, kinds)
        except (PeriodParseError, PeriodValueError, ArgumentTypeError, DateRangeError) as error:
            raise pydantic_error(error, context.get("lang", "zh")) from None

    def field(name: str) -> Any:
        if name == "every_year":
            return core_schema.typed_dict_field(core_schema.bool_schema(), required=False)
        if name in ("day", "year"):
            return core_schema.typed_dict_field(
                core_schema.nullable_schema(core_schema.int_schema()), required=False
            )
        return core_schema.typed_dict_field(core_schema.int_schema(ge=1))

    tagged: list[Any] = [
        core_schema.typed_dict_schema(
            {
                "unit": core_schema.typed_dict_field(core_schema.literal_schema([UNITS[kind]])),
                **{name: field(name) for name in _FIELDS[kind]},
            },
            ref=f"{kind.__name__}Json",
        )
        for kind in kinds
    ]
    output = tagged[0] if len(tagged) == 1 else core_schema.union_schema(tagged)
    return core_schema.with_info_plain_validator_function(
        validate,
        json_schema_input_schema=core_schema.union_schema([output, core_schema.str_schema()]),
        serialization=core_schema.plain_serializer_function_ser_schema(
            period_json, return_schema=output
        ),
    )


class _AnyPeriod:
    """The pydantic form of :data:`Period`: one field schema for every period type."""

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return period_schema(PERIOD_TYPES)


#: Any period. As a pydantic field it takes and gives the tagged JSON form (or the text on
#: input), so that each type round-trips as itself.
Period: TypeAlias = Annotated[
    WorkingDays | CalendarDays | Months | Years | Hours | FixedDate | MinimumDuration,
    _AnyPeriod(),
]

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


@frozen
class _Patterns:
    simple: tuple[tuple[re.Pattern[str], _SimpleKind], ...]
    minimum: re.Pattern[str]
    year_end: re.Pattern[str]
    month_end: re.Pattern[str]
    month_day: re.Pattern[str]

    def __init__(
        self,
        simple: tuple[tuple[re.Pattern[str], _SimpleKind], ...],
        minimum: re.Pattern[str],
        year_end: re.Pattern[str],
        month_end: re.Pattern[str],
        month_day: re.Pattern[str],
    ) -> None:
        object.__setattr__(self, "simple", simple)
        object.__setattr__(self, "minimum", minimum)
        object.__setattr__(self, "year_end", year_end)
        object.__setattr__(self, "month_end", month_end)
        object.__setattr__(self, "month_day", month_day)


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
    # Full-width digits (２０个工作日, as Chinese input methods type them) read as ASCII,
    # as dates read them (dates.py); errors quote the text as given.
    typed = text if text.isascii() else unicodedata.normalize("NFKC", text)
    raw = re.sub(r"\s+", "", typed).lower()
    if raw in ("年内", "今年年内", "本年内"):
        return FixedDate(12)
    body, before = _strip(typed)
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
