"""pydantic types for the records of other systems: a case-handling app's model says
"``replied_on`` must meet ``ogi.reply`` from ``received_on``" in one line.

- :data:`Period` — any period, stored in its tagged JSON form (``{"unit": "hours", "n":
  48}``) and read from that form or from its text (``"48小时"``); every type round-trips as
  itself. (It is :data:`gov_deadlines.Period`: the period types carry the form.)
- :data:`CoveredDate` — a date inside the official calendar data; :class:`Covered` with
  ``provisional=True`` also takes a later date, as a
  :class:`~gov_deadlines.calendar.ProvisionalDate` (the flag the model keeps).
- :data:`WorkingDay` — a date that is a working day (:class:`IsWorkingDay` to choose the
  calendar or the language).
- :class:`MeetsRule` — ``Annotated[date, MeetsRule("ogi.reply", trigger="received_on")]``:
  the date meets the rule's deadline from the other field, or the field fails with a
  ``deadline_missed`` error whose ``ctx`` holds the ``due_date`` and the ``rule``.
- :func:`validation_error` — a library error raised in an endpoint's own code
  (``CalendarCoverageError`` …) as a pydantic ``ValidationError`` at a given ``loc``: a
  422, not a 500.

Every error is a pydantic error at its field: its ``type`` names the problem
(``calendar_coverage``, ``not_working_day``, ``deadline_missed`` …), its message is in the
marker's ``lang`` (Chinese by default; the validation context's ``lang`` overrides it), and
its ``ctx`` holds the facts and both messages (``en``, ``zh``). ``docs/pydantic.md`` shows a
FastAPI app. The library's result types (``Deadline``, ``CaseVerdict`` …) need nothing from
here: returned from an endpoint, they serialise to their records
(:class:`gov_deadlines.vocabulary.Recorded`).
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError, core_schema
from pydantic_core.core_schema import ErrorType

from gov_deadlines.calendar import ProvisionalDate, WorkCalendar, default_calendar, is_provisional
from gov_deadlines.catalogue import Catalogue, ReceiptPolicy, check_due, default_catalogue
from gov_deadlines.counting.periods import Period
from gov_deadlines.dates import (
    DATETIME_FORMS,
    beijing_day,
    is_not_a_time,
    parse_datetime,
    parse_day,
)
from gov_deadlines.errors import (
    ArgumentTypeError,
    CalendarCoverageError,
    DateParseError,
    GovDeadlinesError,
    shown,
)
from gov_deadlines.vocabulary import Lang, Status, is_zh, pydantic_error

__all__ = [
    "Covered",
    "CoveredDate",
    "InLanguage",
    "IsWorkingDay",
    "MeetsRule",
    "Period",
    "WorkingDay",
    "provisional_fields",
    "validation_error",
]


def _lang(info: Any, default: Lang) -> str:
    """The language of a message: the validation context's ``lang``, else the marker's."""
    context = getattr(info, "context", None)
    if isinstance(context, dict) and "lang" in context:
        return str(context["lang"])
    return default


def _day(value: Any, info: Any, lang: Lang, instant: bool) -> Any:
    """Dates as text in the library's forms too (``2026年9月28日``): read them here.

    A datetime given to a date field is its Beijing day (:func:`~gov_deadlines.dates.beijing_day`:
    a naive one its date, an aware one its date in Beijing), as ``Case`` and the CLI read
    it; pydantic would refuse one with a time and take a midnight one by its own date.
    ``instant``: the field holds a datetime, which is left to pydantic as it is, and a text
    with a time of day is read as that instant (Beijing time when it names no zone), not
    as its day.
    """
    # pandas' NaT passes for a datetime but names no day: refused here as no date, not
    # left to pydantic's date validator, which raises TypeError on it (a 500, not a 422)
    if isinstance(value, str) or is_not_a_time(value):
        try:
            if instant and isinstance(value, str):
                return parse_datetime(value)
            return parse_day(value)
        except GovDeadlinesError as error:
            raise pydantic_error(error, _lang(info, lang)) from None
    if isinstance(value, numbers.Number | bytes | bytearray) and not isinstance(value, bool):
        # pydantic's lax mode reads 1789948800 as Unix seconds (2026-09-21) and bytes as
        # text; the library's readers (Case, the batch, the CLI) refuse both as no date
        refused = DateParseError(
            shown(value), DATETIME_FORMS, "a number or bytes is not a date", "数字或字节串不是日期"
        )
        raise pydantic_error(refused, _lang(info, lang)) from None
    if isinstance(value, dt.datetime) and not instant:
        try:
            return beijing_day(value)
        except OverflowError:
            refused = DateParseError(
                shown(value),
                DATETIME_FORMS,
                "its Beijing date lies outside 0001-01-01 .. 9999-12-31",
                "换算为北京时间后超出0001-01-01至9999-12-31",
            )
            raise pydantic_error(refused, _lang(info, lang)) from None
    return value


def _takes_instant(source: Any) -> bool:
    """Whether the annotated type holds a datetime (``datetime``, ``datetime | None`` …)."""
    if isinstance(source, type):
        return issubclass(source, dt.datetime)
    return any(_takes_instant(arg) for arg in get_args(source))


def _covered(
    day: dt.date, calendar: WorkCalendar, provisional: bool, info: Any, lang: Lang
) -> dt.date:
    """``day`` if the official data covers it; a :class:`ProvisionalDate` if not and the
    author allowed provisional days; else a ``calendar_coverage`` error."""
    try:
        calendar.day_info(day)
        return day
    except CalendarCoverageError as error:
        if not provisional:
            raise pydantic_error(error, _lang(info, lang)) from None
    try:
        calendar.with_provisional().day_info(day)
    except CalendarCoverageError as error:
        # past the provisional years too: this refusal says so (no "ask for provisional")
        raise pydantic_error(error, _lang(info, lang)) from None
    plain = beijing_day(day)
    return ProvisionalDate(plain.year, plain.month, plain.day)


def _check_options(
    provisional: object, calendar: object, lang: str, catalogue: object = None
) -> None:
    """A marker's options, refused when the model is defined, not at its first value (a
    wrong calendar raised AttributeError inside validation: a 500, not a 422)."""
    is_zh(lang)
    if type(provisional) is not bool:
        raise ArgumentTypeError("provisional", provisional, "True or False", "True 或 False")
    if calendar is not None and not isinstance(calendar, WorkCalendar):
        raise ArgumentTypeError(
            "calendar", calendar, "a WorkCalendar (default_calendar())", "工作日历(WorkCalendar)"
        )
    if catalogue is not None and not isinstance(catalogue, Catalogue):
        raise ArgumentTypeError("catalogue", catalogue, "a Catalogue", "规则目录(Catalogue)")


def _date_schema(source: Any, handler: Any, lang: Lang, after: Any) -> Any:
    instant = _takes_instant(source)
    return core_schema.with_info_before_validator_function(
        lambda value, info: _day(value, info, lang, instant),
        core_schema.with_info_after_validator_function(after, handler(source)),
    )


@dataclass(frozen=True, slots=True)
class Covered:
    """The date must lie inside the official calendar data (of ``calendar``, default the
    bundled one); with ``provisional=True`` a later year's date passes too, as a
    :class:`~gov_deadlines.calendar.ProvisionalDate` (``gd.is_provisional(value)``)."""

    provisional: bool = False
    calendar: WorkCalendar | None = None
    lang: Lang = "zh"

    def __post_init__(self) -> None:
        _check_options(self.provisional, self.calendar, self.lang)

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        def after(value: Any, info: Any) -> Any:
            if not isinstance(value, dt.date):
                return value
            calendar = self.calendar or default_calendar()
            return _covered(value, calendar, self.provisional, info, self.lang)

        return _date_schema(source, handler, self.lang, after)


@dataclass(frozen=True, slots=True)
class IsWorkingDay:
    """The date must be a working day (工作日, make-up working days included) of
    ``calendar``; outside its data the ``calendar_coverage`` error, or with
    ``provisional=True`` a provisional answer (the value a ``ProvisionalDate``)."""

    provisional: bool = False
    calendar: WorkCalendar | None = None
    lang: Lang = "zh"

    def __post_init__(self) -> None:
        _check_options(self.provisional, self.calendar, self.lang)

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        def after(value: Any, info: Any) -> Any:
            if not isinstance(value, dt.date):
                return value
            calendar = self.calendar or default_calendar()
            day = _covered(value, calendar, self.provisional, info, self.lang)
            if is_provisional(day):
                calendar = calendar.with_provisional()
            found = calendar.day_info(value)
            if found.kind.is_workday:
                return day
            lang = _lang(info, self.lang)
            next_day = calendar.workday_on_or_after(value)
            holiday = found.holiday
            why_en = holiday.en if holiday is not None else found.reason_en
            why_zh = holiday.zh if holiday is not None else found.reason_zh
            en = (
                f"{value.isoformat()} is not a working day ({found.kind.label('en')}"
                f"{', ' + why_en if why_en else ''}); the next working day is "
                f"{next_day.isoformat()}"
            )
            zh = (
                f"{value.isoformat()}不是工作日({found.kind.label('zh')}"
                f"{'·' + why_zh if why_zh else ''}),下一个工作日是{next_day.isoformat()}"
            )
            raise PydanticCustomError(
                "not_working_day",
                "{message}",
                {
                    "day": value,
                    "kind": found.kind.value,
                    "next_working_day": next_day,
                    "message": zh if is_zh(lang) else en,
                    "en": en,
                    "zh": zh,
                },
            )

        return _date_schema(source, handler, self.lang, after)


@dataclass(frozen=True, slots=True)
class MeetsRule:
    """The date (or instant) must meet the deadline of catalogue rule ``rule_id`` counted
    from the model's field ``trigger`` (declared before this one, so that it is validated
    first).

    A late date fails with a ``deadline_missed`` error at this field, whose ``ctx`` holds
    ``rule``, ``due_date``, ``trigger`` (the field), ``trigger_date``, ``late_by_days``,
    ``late_by_workdays`` and ``provisional``. A deadline past the official calendar data
    fails with the ``calendar_coverage`` error — or, with ``provisional=True``, is
    counted on provisional data and an on-time date is kept as a
    :class:`~gov_deadlines.calendar.ProvisionalDate` (``gd.is_provisional(value)``;
    :func:`provisional_fields` lists such fields of a model). A date before the trigger
    fails with ``date_before_trigger`` (the dates are out of order, not on time). ``None``
    (not done yet) passes; a trigger that is missing, ``None`` or invalid fails with
    ``rule_trigger_missing``, as nothing can be checked against it.
    """

    rule_id: str
    trigger: str
    provisional: bool = False
    calendar: WorkCalendar | None = None
    catalogue: Catalogue | None = None
    receipt_policy: ReceiptPolicy = ReceiptPolicy.NEXT_WORKING_DAY
    lang: Lang = "zh"

    def __post_init__(self) -> None:
        _check_options(self.provisional, self.calendar, self.lang, self.catalogue)
        for name, value in (("rule_id", self.rule_id), ("trigger", self.trigger)):
            if not isinstance(value, str):
                raise ArgumentTypeError(name, value, "a text (str)", "文字")
        if not isinstance(self.receipt_policy, ReceiptPolicy):
            raise ArgumentTypeError(
                "receipt_policy",
                self.receipt_policy,
                "a ReceiptPolicy (NEXT_WORKING_DAY or AS_RECORDED)",
                "收到日政策(ReceiptPolicy)",
            )

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        # An unknown rule is the model author's mistake: refused when the model is defined.
        (self.catalogue or default_catalogue()).rule(self.rule_id)
        field = getattr(handler, "field_name", None) or "value"

        def after(value: Any, info: Any) -> Any:
            if value is None:
                return None
            return self._check(value, info, info.field_name or field)

        return _date_schema(source, handler, self.lang, after)

    def _check(self, value: dt.date, info: Any, field: str) -> dt.date:
        lang = _lang(info, self.lang)
        data = info.data if isinstance(getattr(info, "data", None), dict) else {}
        trigger = data.get(self.trigger)
        if not isinstance(trigger, dt.date):
            en = (
                f"{field} cannot be checked against {self.rule_id}: {self.trigger} is missing "
                f"or invalid (declare {self.trigger} before {field} in the model)"
            )
            zh = (
                f"无法按 {self.rule_id} 检查 {field}:缺少 {self.trigger} 或其值无效"
                f"(模型中 {self.trigger} 须声明在 {field} 之前)"
            )
            raise PydanticCustomError(
                "rule_trigger_missing",
                "{message}",
                {
                    "rule": self.rule_id,
                    "trigger": self.trigger,
                    "message": zh if is_zh(lang) else en,
                    "en": en,
                    "zh": zh,
                },
            )
        calendar = self.calendar or default_calendar()
        try:
            verdict = self._verdict(trigger, value, calendar)
        except CalendarCoverageError as error:
            if not self.provisional or isinstance(value, dt.datetime):
                # A provisional pass is marked on the value, which a datetime cannot carry.
                raise pydantic_error(error, lang, rule=self.rule_id, trigger=self.trigger) from None
            try:
                verdict = self._verdict(trigger, value, calendar.with_provisional())
            except GovDeadlinesError as again:
                raise pydantic_error(again, lang, rule=self.rule_id, trigger=self.trigger) from None
        except GovDeadlinesError as error:
            raise pydantic_error(error, lang, rule=self.rule_id, trigger=self.trigger) from None
        if verdict.status in (Status.LATE, Status.SHORT):
            deadline = verdict.deadline
            # a due date on provisional data is marked in the message too, not only in ctx
            mark_en = " (provisional)" if deadline.provisional else ""
            mark_zh = "(临时推算)" if deadline.provisional else ""
            en = (
                f"{field} {value.isoformat()} does not meet {self.rule_id}: due by "
                f"{deadline.due_date.isoformat()}{mark_en} ({deadline.period.text('en')} from "
                f"{self.trigger} {deadline.trigger_date.isoformat()}). {verdict.summary('en')}"
            )
            zh = (
                f"{field} {value.isoformat()} 不符合 {self.rule_id}:期限为"
                f"{deadline.due_date.isoformat()}{mark_zh}(自 {self.trigger} "
                f"{deadline.trigger_date.isoformat()} 起{deadline.period.text('zh')})。"
                f"{verdict.summary('zh')}"
            )
            raise PydanticCustomError(
                "deadline_missed",
                "{message}",
                {
                    "rule": deadline.rule.id if deadline.rule is not None else self.rule_id,
                    "due_date": deadline.due_date,
                    "trigger": self.trigger,
                    "trigger_date": deadline.trigger_date,
                    "late_by_days": verdict.late_by_days,
                    "late_by_workdays": verdict.late_by_workdays,
                    "provisional": verdict.provisional,
                    "message": zh if is_zh(lang) else en,
                    "en": en,
                    "zh": zh,
                },
            )
        if verdict.before_trigger:
            # On time by the count, but done before what started it: a date in the wrong
            # field or year. `Case` refuses such a reply; passing it here would be silent.
            trigger_date = verdict.deadline.trigger_date.isoformat()
            en = (
                f"{field} {value.isoformat()} is before {self.trigger} {trigger_date}, which "
                f"starts {self.rule_id}: the dates are out of order; check them"
            )
            zh = (
                f"{field} {value.isoformat()} 早于起算的 {self.trigger} {trigger_date}"
                f"({self.rule_id}),日期先后顺序有误,请核对"
            )
            raise PydanticCustomError(
                "date_before_trigger",
                "{message}",
                {
                    "rule": self.rule_id,
                    "trigger": self.trigger,
                    "trigger_date": verdict.deadline.trigger_date,
                    "message": zh if is_zh(lang) else en,
                    "en": en,
                    "zh": zh,
                },
            )
        if verdict.provisional and not isinstance(value, dt.datetime):
            return ProvisionalDate(value.year, value.month, value.day)
        return value

    def _verdict(self, trigger: dt.date, value: dt.date, calendar: WorkCalendar) -> Any:
        return check_due(
            self.rule_id,
            trigger,
            value,
            calendar=calendar,
            catalogue=self.catalogue,
            receipt_policy=self.receipt_policy,
        )


@dataclass(frozen=True, slots=True)
class InLanguage:
    """Every error of the value in one language: ``Annotated[Case, InLanguage("zh")]`` as an
    endpoint's body gives a 422 whose messages are Chinese, nested models and the markers
    above included (each error that carries both texts in its ``ctx``; pydantic's own
    errors, such as ``missing``, keep their English). Where validation is called directly,
    the context does the same: ``model_validate(data, context={"lang": "zh"})``."""

    lang: Lang

    def __post_init__(self) -> None:
        is_zh(self.lang)

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        def wrap(value: Any, validate: Any, info: Any) -> Any:
            try:
                return validate(value)
            except ValidationError as error:
                raise _in_language(error, self.lang) from None

        return core_schema.with_info_wrap_validator_function(wrap, handler(source))


def _in_language(error: ValidationError, lang: Lang) -> ValidationError:
    """``error`` with each message that has a translation in its ``ctx`` in ``lang``."""
    key = "zh" if is_zh(lang) else "en"
    details: list[InitErrorDetails] = []
    for found in error.errors():
        ctx = found.get("ctx") or {}
        # the translations: ``en``/``zh`` here, ``message`` (English)/``zh`` on a Case
        field = key if key in ctx else "message" if "zh" in ctx and "message" in ctx else None
        kind: Any
        if field is not None:
            kind = PydanticCustomError(found["type"], "{" + field + "}", ctx)
        elif found["type"] in _KNOWN:
            kind = found["type"]  # pydantic's own error: its own (English) message
        else:  # another library's custom error: its message as it is
            kind = PydanticCustomError(found["type"], "{text}", {**ctx, "text": found["msg"]})
        detail = InitErrorDetails(type=kind, loc=found["loc"], input=found["input"])
        if isinstance(kind, str) and ctx:
            detail["ctx"] = ctx
        details.append(detail)
    return ValidationError.from_exception_data(error.title, details)


_KNOWN = frozenset(get_args(ErrorType))


#: A date inside the official calendar data (``calendar_coverage`` error outside it).
CoveredDate = Annotated[dt.date, Covered()]
#: A working day of the bundled calendar (``not_working_day`` error on a rest day).
WorkingDay = Annotated[dt.date, IsWorkingDay()]


def provisional_fields(model: BaseModel) -> tuple[str, ...]:
    """The fields of ``model`` whose values rest on provisional calendar data (a
    :class:`Covered`, :class:`IsWorkingDay` or :class:`MeetsRule` field that passed with
    ``provisional=True``): empty when everything is official."""
    if not isinstance(model, BaseModel):
        raise ArgumentTypeError("model", model, "a pydantic model instance", "pydantic 模型实例")
    return tuple(name for name in type(model).model_fields if is_provisional(getattr(model, name)))


def validation_error(
    error: GovDeadlinesError,
    *,
    loc: Sequence[str | int],
    value: Any = None,
    lang: Lang = "zh",
    title: str = "gov_deadlines",
) -> ValidationError:
    """``error`` as a pydantic ``ValidationError`` at ``loc``, e.g. a
    ``CalendarCoverageError`` from ``gd.due(...)`` in an endpoint's code. In FastAPI,
    ``raise RequestValidationError(validation_error(e, loc=("body", "received_on")).errors())``
    answers 422 with that ``loc``; its ``type`` and ``ctx`` are those of the validators'
    errors."""
    if not isinstance(error, GovDeadlinesError):
        raise ArgumentTypeError(
            "error",
            error,
            "a gov_deadlines error (GovDeadlinesError)",
            "本库的错误(GovDeadlinesError)",
        )
    if isinstance(loc, str) or not isinstance(loc, Sequence):
        raise ArgumentTypeError("loc", loc, "a sequence of str and int", "由 str 与 int 组成的序列")
    return ValidationError.from_exception_data(
        title,
        [InitErrorDetails(type=pydantic_error(error, lang), loc=tuple(loc), input=value)],
    )
