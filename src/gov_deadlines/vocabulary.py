"""The words every result shares: one :class:`Status`, one :data:`Lang`, one provisional mark.

Deadlines' verdicts, the duties of an application case and the windows of a recurring duty
all say where they stand with the same :class:`Status`, whose members mean the same thing
everywhere; ``docs/vocabulary.md`` lists the field names they share (``due_date``,
``done_on``, ``late_by_workdays`` …). This module is the bottom layer: it imports only
:mod:`gov_deadlines.errors`.

It also holds the one pydantic serialiser of the results (:class:`Recorded`, whose JSON is
the result's record) and the one translation of a library error into a pydantic error
(:func:`pydantic_error`); both import pydantic only when pydantic calls them.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from importlib import import_module
from typing import Any, Literal, Union

from gov_deadlines.errors import GovDeadlinesError, is_zh

__all__ = [
    "LANGS",
    "PROVISIONAL_MARK",
    "RESULT_TYPES",
    "Lang",
    "Recorded",
    "Status",
    "is_zh",
    "provisional_mark",
    "pydantic_error",
    "record_type",
]

#: A language of output: Chinese (the default, for clerks) or English.
Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


#: The mark printed after every date that rests on provisional calendar data (a year whose
#: State Council notice is not yet loaded), in every text output.
PROVISIONAL_MARK: dict[Lang, str] = {"zh": "[临时推算]", "en": "[provisional]"}


def provisional_mark(lang: str) -> str:
    """``[临时推算]`` or ``[provisional]``."""
    return PROVISIONAL_MARK["zh" if is_zh(lang) else "en"]


class Status(enum.Enum):
    """Where a duty, a deadline's verdict or a recurring window stands.

    The JSON value of each member is its ``value``.
    """

    # Members are singletons compared by identity: hash them by identity too (Enum's own
    # __hash__ hashes the name, a measurable cost on the batch path).
    __hash__ = object.__hash__

    ON_TIME = "on_time"  # done by the due date
    LATE = "late"  # done, after the due date
    OVERDUE = "overdue"  # not done, and the due date has passed (as of the audit day)
    PENDING = "pending"  # not done, not yet due (or no audit day given)
    WAITING = "waiting"  # no due date yet: the clock has not started or is stopped
    UNDETERMINED = "undetermined"  # the calendar has no data for the days needed
    SHORT = "short"  # a minimum duration not kept (a notice taken down too early)

    def label(self, lang: str = "zh") -> str:
        return _STATUS_LABELS[self][0 if is_zh(lang) else 1]

    @property
    def is_late(self) -> bool:
        return self is Status.LATE or self is Status.OVERDUE


_STATUS_LABELS = {
    Status.ON_TIME: ("按时", "on time"),
    Status.LATE: ("逾期完成", "done late"),
    Status.OVERDUE: ("逾期未办", "overdue"),
    Status.PENDING: ("未到期", "pending"),
    Status.WAITING: ("期限未起算或暂停", "clock not running"),
    Status.UNDETERMINED: ("无法计算", "undetermined"),
    Status.SHORT: ("公示时间不足", "too short"),
}


class CaseResult(enum.StrEnum):
    """How an audited case (one row of a batch audit) stands, worst first: its duties summed
    up. Not a :class:`Status`, which judges one duty. A member is its value (``"late"``), the
    value the JSON and the per-case CSV carry."""

    OK = "ok"  # every duty on time
    LATE = "late"  # a duty done late, or overdue
    PROBLEM = "problem"  # no lateness, but an extension longer than allowed
    OPEN = "open"  # a duty pending, or its clock not running
    UNDETERMINED = "undetermined"  # the calendar lacks the data needed
    MALFORMED = "malformed"  # the row could not be read

    def label(self, lang: str = "zh") -> str:
        """全部按时 / 有逾期 / … or the English words (the summary's and the CSV's)."""
        return _RESULT_LABELS[self][0 if is_zh(lang) else 1]


_RESULT_LABELS = {
    CaseResult.OK: ("全部按时", "all on time"),
    CaseResult.LATE: ("有逾期", "late"),
    CaseResult.PROBLEM: ("有其他问题", "other problems"),
    CaseResult.OPEN: ("办理中", "open"),
    CaseResult.UNDETERMINED: ("无法计算", "undetermined"),
    CaseResult.MALFORMED: ("数据有误", "malformed"),
}

#: The public result types, by dotted name (held to ``docs/vocabulary.md`` by the tests).
RESULT_TYPES: tuple[str, ...] = (
    "gov_deadlines.calendar.workcalendar.DayInfo",
    "gov_deadlines.counting.deadlines.Deadline",
    "gov_deadlines.counting.verdict.Verdict",
    "gov_deadlines.catalogue.lookup.EventDeadlines",
    "gov_deadlines.recurring.windows.Occurrence",
    "gov_deadlines.recurring.compliance.WindowVerdict",
    "gov_deadlines.recurring.compliance.UnmatchedEntry",
    "gov_deadlines.recurring.compliance.LogCheck",
    "gov_deadlines.cases.duties.Duty",
    "gov_deadlines.cases.duties.Finding",
    "gov_deadlines.cases.verdict.CaseVerdict",
    "gov_deadlines.cases.batch.RowResult",
    "gov_deadlines.outputs.summary.Summary",
    "gov_deadlines.outputs.written.WriteSummary",
    "gov_deadlines.outputs.ics.IcsSummary",
    "gov_deadlines.outputs.supervision.SupervisionRow",
    "gov_deadlines.outputs.rechecking.RecheckItem",
    "gov_deadlines.outputs.rechecking.Recheck",
)


def record_type(cls: type) -> Any:
    """The record type of a result class: the return annotation of its ``to_record`` (a
    name, or ``A | B``), taken from the ``records`` module of the class's own subpackage,
    where every record is defined (``tests/pydantic_types`` checks each result type)."""
    annotation = str(cls.to_record.__annotations__["return"])  # type: ignore[attr-defined]
    # The class's own subpackage's records: a sideways import of that subpackage, made
    # here once for all of them rather than once per class.
    module = import_module(f"{cls.__module__.rpartition('.')[0]}.records")
    found = tuple(getattr(module, name.strip()) for name in annotation.split("|"))
    return found[0] if len(found) == 1 else Union[found]  # noqa: UP007


class Recorded:
    """A result type whose pydantic form is its record: returned from a FastAPI endpoint
    or kept in a pydantic field, it serialises to ``to_record().model_dump(mode="json")``,
    the documented JSON (``docs/vocabulary.md``), and its JSON Schema is the record's.

    The serialisation context may set ``lang`` (``"zh"``, the default, or ``"en"``: the
    language of the record's texts) and ``explanation`` (``True``: the steps too). A
    result is validated only as itself (an instance); stored JSON is read back as its
    record type (``DeadlineRecord`` …), which is what it is: a result cannot be rebuilt
    without its calendar and catalogue.
    """

    __slots__ = ()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        # Only pydantic calls this, so pydantic is loaded by then: the import costs nothing
        # and keeps pydantic out of the start-up of the package.
        from pydantic_core import PydanticCustomError, core_schema

        record = record_type(cls)
        record_schema = handler.generate_schema(record)
        names = " | ".join(getattr(t, "__name__", str(t)) for t in getattr(record, "__args__", (record,)))

        def dump(value: Any, info: Any) -> Any:
            context = info.context if isinstance(info.context, dict) else {}
            return value.to_record(
                context.get("lang", "zh"), explanation=bool(context.get("explanation", False))
            )

        def refuse(value: Any) -> Any:
            raise PydanticCustomError(
                "result_from_json",
                "a {result} is computed, not read from JSON: read stored JSON as its record ({record})",
                {
                    "result": cls.__name__,
                    "record": names,
                    "en": f"a {cls.__name__} is computed, not read from JSON: read stored "
                    f"JSON as its record ({names})",
                    "zh": f"{cls.__name__} 是计算结果,不能从 JSON 读回:已存储的 JSON 请按其记录类型"
                    f"({names})读取",
                },
            )

        return core_schema.json_or_python_schema(
            json_schema=core_schema.no_info_plain_validator_function(
                refuse, json_schema_input_schema=record_schema
            ),
            python_schema=core_schema.is_instance_schema(cls),
            serialization=core_schema.plain_serializer_function_ser_schema(
                dump, info_arg=True, return_schema=record_schema
            ),
        )


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


_FACT_TYPES = (str, int, bool, float, dt.date, type(None))


def pydantic_error(error: GovDeadlinesError, lang: str = "zh", **facts: Any) -> Any:
    """``error`` as a pydantic error (``PydanticCustomError``), raised inside a validator.

    Its ``type`` is the error's class name in snake case without ``Error``
    (``CalendarCoverageError`` -> ``calendar_coverage``), its message the error's message
    in ``lang``, and its ``ctx`` the error's plain facts (``day``, ``year`` …), both
    messages (``en``, ``zh``) and ``facts``. A validator that raises it gives a validation
    error at its field (HTTP 422 in FastAPI), never an uncaught exception (HTTP 500).
    """
    from pydantic_core import PydanticCustomError

    context: dict[str, Any] = {
        name: value
        for name, value in vars(error).items()
        if name != "zh" and not name.startswith("_") and isinstance(value, _FACT_TYPES)
    }
    coverage = getattr(error, "coverage", None)
    if coverage is not None and hasattr(coverage, "text"):
        context["coverage"] = coverage.text("en")
    context.update(facts)
    context.update(
        message=error.message(lang), en=error.message("en"), zh=error.message("zh")
    )
    kind = _snake(type(error).__name__).removesuffix("_error")
    return PydanticCustomError(kind, "{message}", context)
