"""The history of one OGI application (依申请公开): how it came in and what happened to it.

:class:`Case` is the validated pydantic model (with :class:`Consultation` and
:class:`Extension`), :func:`parse_case` builds one from a mapping and raises
:class:`CaseError` naming the field at fault. The vocabularies — :class:`Channel` (art. 31)
and :class:`Party` (arts. 32, 34) — read their Chinese and English names.

Below the model are the **receipt facts**: the same dates as plain values (``CaseFacts``), with
the recorded date of receipt worked out by channel (:data:`RECEIPT_FIELDS`; a missing date
falls back to the next recorded one, *assumed*), and the consistency checks (dates in
order, a receipt known). The clock (:mod:`gov_deadlines.cases.clock`) reads only these
facts, so the batch audit can build them straight from a CSV row without pydantic.

The public names are re-exported by :mod:`gov_deadlines.cases`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from gov_deadlines.cases.channels import RECEIPT_FIELDS, Channel, Party, field_label
from gov_deadlines.cases.facts import (
    CaseFacts,
    first_problem,
    out_of_order,
    problem_detail,
    receipt_by_channel,
)
from gov_deadlines.cases.record import NoticeDate, NoticeDates, SignedBy
from gov_deadlines.dates import is_not_a_time, iso_date, parse_day
from gov_deadlines.errors import DateParseError, GovDeadlinesError, shown

__all__ = [
    "RECEIPT_FIELDS",
    "Case",
    "CaseError",
    "CaseFacts",
    "Channel",
    "Consultation",
    "Extension",
    "Party",
    "field_label",
    "first_problem",
    "out_of_order",
    "parse_case",
    "parse_case_facts",
    "problem_detail",
    "receipt_by_channel",
]


# -- errors -------------------------------------------------------------------------------------


class CaseError(GovDeadlinesError, ValueError):
    """A case's history is incomplete or inconsistent (dates out of order, a missing date).

    Attributes: ``field`` (the field at fault, or ``None``), ``problem`` (English),
    ``problem_zh``, ``case_id`` and ``line`` (the input line, in a batch).
    """

    def __init__(
        self,
        problem: str,
        problem_zh: str,
        *,
        field: str | None = None,
        case_id: str = "",
        line: int | None = None,
    ) -> None:
        self.field = field
        self.problem = problem
        self.problem_zh = problem_zh
        self.case_id = case_id
        self.line = line
        where_en = [f"line {line}"] if line is not None else []
        where_zh = [f"第{line}行"] if line is not None else []
        if case_id:
            where_en.append(f"case {case_id}")
            where_zh.append(f"案件 {case_id}")
        prefix_en = ", ".join(where_en) + ": " if where_en else ""
        prefix_zh = ",".join(where_zh) + ":" if where_zh else ""
        super().__init__(f"{prefix_en}{problem}")
        self.zh = f"{prefix_zh}{problem_zh}"

    def at(self, *, line: int | None = None, case_id: str | None = None) -> CaseError:
        """The same error, placed at an input line and case."""
        return CaseError(
            self.problem,
            self.problem_zh,
            field=self.field,
            case_id=self.case_id if case_id is None else case_id,
            line=self.line if line is None else line,
        )

    @classmethod
    def from_validation(cls, error: ValidationError, case_id: str = "") -> CaseError:
        first = error.errors()[0]
        ctx = first.get("ctx") or {}
        if "zh" in ctx:
            return cls(str(ctx["message"]), str(ctx["zh"]), field=ctx.get("field"), case_id=case_id)
        loc = ".".join(str(p) for p in first.get("loc", ()))
        message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
        message_zh = _schema_problem_zh(str(first.get("type", "")), ctx, message)
        field = loc or None
        label_zh = field_label(loc.split(".")[0], "zh") if loc else ""
        return cls(
            f"{loc}: {message}" if loc else message,
            f"{label_zh}({loc}):{message_zh}" if loc else message_zh,
            field=field,
            case_id=case_id,
        )


#: pydantic's problems with a case's shape, by error type, in Chinese (its own are English).
_SCHEMA_ZH = {
    "missing": "缺少该项",
    "extra_forbidden": "不是案件的字段(字段见 docs/audit.md)",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "string_type": "应为文字",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "tuple_type": "应为列表",
    "list_type": "应为列表",
    "date_type": "应为日期,如 2026-10-01",
    "dict_type": "应为字段名与值的映射",
    "model_type": "应为案件(Case)或其字段名与值的映射",
    "model_attributes_type": "应为字段名与值的映射",
}


def _schema_problem_zh(kind: str, ctx: Mapping[str, Any], message: str) -> str:
    """The Chinese of a pydantic problem; one it has no words for keeps pydantic's."""
    if kind == "greater_than_equal" and "ge" in ctx:
        return f"应为不小于{ctx['ge']}的数"
    if kind in ("enum", "literal_error") and "expected" in ctx:
        choices = str(ctx["expected"]).replace(" or ", ", ").replace(", ", "、")
        return f"应为 {choices} 之一"
    return _SCHEMA_ZH.get(kind, f"取值无效({message})")


# -- the pydantic model -------------------------------------------------------------------------

_MODEL = ConfigDict(frozen=True, extra="forbid")


def _to_date(value: Any, field: str = "", info: Any = None) -> Any:
    """Accept dates, ``None``, blank text and the forms of :func:`~gov_deadlines.dates.parse_day`."""
    if isinstance(value, str):  # the common case first (a text is never a date)
        text = value.strip()
        if not text:
            return None
        try:
            return parse_day(text)
        except DateParseError as error:
            raise _custom(
                field,
                f"{field_label(field, 'en')} ({field}): {error}",
                f"{field_label(field)}:{error.message('zh')}",
                info,
            ) from None
    if isinstance(value, dt.date):
        # pandas' NaT (a frame's missing date) is not recorded, as audit_frame reads it
        return None if is_not_a_time(value) else parse_day(value)
    if value is None:
        return None
    if (isinstance(value, float) and value != value) or type(value).__name__ == "NAType":
        return None  # NaN, pd.NA: a frame's missing value, as audit_frame reads it
    if type(value).__name__ == "datetime64":  # numpy's: NaT, or a naive day
        day = value.astype("datetime64[D]")
        return None if day != day else day.item()
    # Anything else is no date, whatever pydantic's lax mode would make of it (an int as
    # Unix seconds, bytes as text): refused as the CSV, mapping and frame readers refuse it.
    raise _custom(
        field,
        f"{field_label(field, 'en')} ({field}): not a date: {shown(value)} "
        "(write 2026-03-02 or 2026年3月2日)",
        f"{field_label(field)}:不是日期:{shown(value)}(请写作 2026-03-02 或 2026年3月2日)",
        info,
    )


def _custom(field: str, message: str, zh: str, info: Any = None) -> PydanticCustomError:
    """A case problem as a pydantic error: English, or Chinese when the validation context
    says ``{"lang": "zh"}``; both texts and the field in its ``ctx``."""
    context = getattr(info, "context", None)
    zh_wanted = isinstance(context, dict) and context.get("lang") == "zh"
    return PydanticCustomError(
        "case_history",
        "{zh}" if zh_wanted else "{message}",
        {"message": message, "zh": zh, "field": field},
    )


def _at_field(
    title: str, loc: tuple[str | int, ...], value: Any, error: PydanticCustomError
) -> ValidationError:
    """A cross-field problem placed at the field it names (``loc``), not at the model:
    an API answering 422 points at ``["body", "replied"]``, not at ``["body"]``."""
    return ValidationError.from_exception_data(
        title, [InitErrorDetails(type=error, loc=loc, input=value)]
    )


class Consultation(BaseModel):
    """A consultation of a third party (art. 32) or another agency (art. 34).

    ``sent=None``: a consultation known to have happened whose dates are not recorded; its
    time cannot be excluded, and the audit says so (finding ``consult_undated``).
    """

    model_config = _MODEL

    party: Party = Party.THIRD_PARTY
    sent: dt.date | None = None
    answered: dt.date | None = None

    @field_validator("sent", "answered", mode="before")
    @classmethod
    def _dates(cls, value: Any, info: ValidationInfo) -> Any:
        return _to_date(value, info.field_name or "", info)

    @field_validator("party", mode="before")
    @classmethod
    def _party(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return Party.parse(value)
        except ValueError as error:
            raise _custom(
                "party", str(error), f"无法识别的征求意见对象 {value!r}:应为 第三方 或 其他机关"
            ) from None

    @model_validator(mode="after")
    def _order(self, info: ValidationInfo) -> Consultation:
        if self.answered is not None and self.sent is None:
            error = _custom(
                "sent",
                f"answered {iso_date(self.answered)} but no date sent: give the date sent, or "
                "neither (a consultation without dates)",
                f"有答复日期{iso_date(self.answered)}但没有发出日期:请填写发出日期,或两者都不填"
                "(日期不明的征求意见)",
                info,
            )
            raise _at_field("Consultation", ("sent",), self.sent, error)
        if self.answered is not None and self.sent is not None and self.answered < self.sent:
            error = _custom(
                "answered",
                f"answered {iso_date(self.answered)} is before sent {iso_date(self.sent)}",
                f"答复日期{iso_date(self.answered)}早于发出日期{iso_date(self.sent)}",
                info,
            )
            raise _at_field("Consultation", ("answered",), self.answered, error)
        return self


class Extension(BaseModel):
    """An extension of the reply limit (art. 33): approved when, told when, how long.

    ``workdays=None`` means the longest extension allowed (and the explanation says so).
    """

    model_config = _MODEL

    approved: dt.date
    told: dt.date | None = Field(default=None, description="told to the applicant")
    workdays: int | None = Field(default=None, ge=1)
    made: dt.date | None = Field(default=None, description="the extension notice made (作出)")
    sent: dt.date | None = Field(default=None, description="the extension notice sent (寄出)")
    delivered: dt.date | None = Field(
        default=None, description="the extension notice delivered (送达)"
    )

    @field_validator("approved", "told", "made", "sent", "delivered", mode="before")
    @classmethod
    def _dates(cls, value: Any, info: ValidationInfo) -> Any:
        return _to_date(value, info.field_name or "", info)


class Case(BaseModel):
    """The history of one OGI application, validated (dates in order, a receipt date known).

    Dates are ``datetime.date`` values or text (``2026-03-02``, ``2026年3月2日`` …);
    ``channel`` takes its zh or en name. Construction raises pydantic's
    ``ValidationError``; :func:`parse_case` raises :class:`CaseError` instead.
    """

    model_config = _MODEL

    case_id: str = ""
    #: Required, unless the record gives the date of receipt itself (``received``): then
    #: it may be left out, and is ``Channel.UNKNOWN``.
    channel: Channel
    submitted: dt.date | None = None
    signed_for: dt.date | None = None
    confirmed: dt.date | None = None
    supplement_requested: dt.date | None = None
    supplement_received: dt.date | None = None
    consultations: tuple[Consultation, ...] = ()
    extension: Extension | None = None
    replied: dt.date | None = None
    # -- the record as case files hold it (issue 15; docs/audit.md, "One case: the record")
    received: dt.date | None = None
    signed_by: SignedBy | None = None
    email_received: dt.date | None = None
    receipt_disputed: tuple[dt.date, ...] = ()
    supplement_made: dt.date | None = None
    supplement_sent: dt.date | None = None
    supplement_delivered: dt.date | None = None
    reply_made: dt.date | None = None
    reply_sent: dt.date | None = None
    reply_delivered: dt.date | None = None

    @field_validator(
        "submitted",
        "signed_for",
        "confirmed",
        "supplement_requested",
        "supplement_received",
        "replied",
        "received",
        "email_received",
        "supplement_made",
        "supplement_sent",
        "supplement_delivered",
        "reply_made",
        "reply_sent",
        "reply_delivered",
        mode="before",
    )
    @classmethod
    def _dates(cls, value: Any, info: ValidationInfo) -> Any:
        return _to_date(value, info.field_name or "", info)

    @model_validator(mode="before")
    @classmethod
    def _channel_from_receipt(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and "channel" not in data and data.get("received"):
            return {**data, "channel": Channel.UNKNOWN}
        return data

    @field_validator("receipt_disputed", mode="before")
    @classmethod
    def _disputed(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part for part in re.split(r"[;；,，]", value) if part.strip()]
        if isinstance(value, (list, tuple)):
            return tuple(_to_date(item, "receipt_disputed") for item in value)
        return value

    @field_validator("signed_by", mode="before")
    @classmethod
    def _signed_by(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if not value.strip():
            return None
        try:
            return SignedBy.parse(value)
        except ValueError as error:
            raise _custom(
                "signed_by",
                str(error),
                f"无法识别的签收人 {value!r}:应为 政府信息公开工作机构 或 门卫/收发室(代签)",
            ) from None

    @field_validator("channel", mode="before")
    @classmethod
    def _channel(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return Channel.parse(value)
        except ValueError as error:
            raise _custom(
                "channel",
                str(error),
                f"无法识别的渠道 {value!r}:应为 当面/挂号信/平信/网络/传真/电子邮件 之一",
            ) from None

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Case:
        facts = self.facts()
        found = first_problem(facts)
        if found is not None:
            loc = self._loc(found[0], facts)
            value: Any = self
            for part in loc:
                value = value[part] if isinstance(part, int) else getattr(value, part, None)
            raise _at_field("Case", loc, value, _custom(*found, info))
        # The check needed the facts: hand them to the caller that asked for them
        # (parse_case_facts), so that they are not built again from the same fields.
        context = info.context
        if type(context) is _FactsHandover:
            context[_HANDED] = facts
        return self

    def _loc(self, field: str, facts: CaseFacts) -> tuple[str | int, ...]:
        """Where the model keeps the fact a problem names (its column name in a CSV)."""
        if field.startswith("extension_") and field.removeprefix("extension_") in (
            "approved",
            "told",
            "days",
            "made",
            "sent",
            "delivered",
        ):
            part = field.removeprefix("extension_")
            return ("extension", "workdays" if part == "days" else part)
        if field.startswith("consultation_"):
            receipt = facts.raw_receipt
            for index, c in enumerate(self.consultations):
                if c.sent is None:
                    continue
                if (receipt is not None and c.sent < receipt) or (
                    c.answered is not None and c.answered < c.sent
                ):
                    return ("consultations", index, field.removeprefix("consultation_"))
            return ("consultations",)
        return (field,)

    def facts(self, notice_policy: NoticeDate = NoticeDate.SENT) -> CaseFacts:
        """The case's dates as plain receipt facts: what the clock reads (the notices' days
        picked by ``notice_policy`` where a notice has several dates)."""
        ext = self.extension
        consultations = self.consultations
        # Most cases have no consultation: no tuples to build for them.
        dated: tuple[tuple[Party, dt.date, dt.date | None], ...] = ()
        undated: tuple[Party, ...] = ()
        if consultations:
            dated = tuple((c.party, c.sent, c.answered) for c in consultations if c.sent)
            undated = tuple(c.party for c in consultations if c.sent is None)
        replied, requested = self.replied, self.supplement_requested
        if ext is None:
            approved = told = workdays = extension_dates = None
        else:
            approved, told, workdays = ext.approved, ext.told, ext.workdays
            extension_dates = _notice(ext.made, ext.sent, ext.delivered, told)
        return CaseFacts(
            self.case_id,
            self.channel,
            self.submitted,
            self.signed_for,
            self.confirmed,
            requested,
            self.supplement_received,
            dated,
            approved,
            told,
            workdays,
            replied,
            received=self.received,
            signed_by=self.signed_by,
            email_received=self.email_received,
            receipt_disputed=self.receipt_disputed,
            undated=undated,
            reply_dates=_notice(self.reply_made, self.reply_sent, self.reply_delivered, replied),
            supplement_dates=_notice(
                self.supplement_made, self.supplement_sent, self.supplement_delivered, requested
            ),
            extension_dates=extension_dates,
            notice_policy=notice_policy,
        )


def _notice(
    made: dt.date | None, sent: dt.date | None, delivered: dt.date | None, recorded: dt.date | None
) -> NoticeDates | None:
    if made is None and sent is None and delivered is None:
        return None
    return NoticeDates(made, sent, delivered, recorded)


class _FactsHandover(dict[str, Any]):
    """The validation context of one :func:`parse_case_facts` call: the model's check puts
    the facts it built under ``_HANDED`` (one dict per call, never shared)."""

    __slots__ = ()


_HANDED = "facts"


def parse_case(data: Case | Mapping[str, Any]) -> Case:
    """A :class:`Case` from a mapping; a problem raises :class:`CaseError` naming the field."""
    if isinstance(data, Case):
        return data
    return _validated(data, None)


def parse_case_facts(data: Case | Mapping[str, Any]) -> tuple[Case, CaseFacts]:
    """:func:`parse_case` and the case's facts (:meth:`Case.facts`, the default notice
    policy), built once: the model's own consistency check builds them and hands them over."""
    if isinstance(data, Case):
        return data, data.facts()
    handover = _FactsHandover()
    case = _validated(data, handover)
    facts: CaseFacts | None = handover.get(_HANDED)
    return case, facts if facts is not None else case.facts()


def _validated(data: Mapping[str, Any], context: dict[str, Any] | None) -> Case:
    try:
        return Case.model_validate(data, context=context)
    except ValidationError as error:
        case_id = data.get("case_id", "") if isinstance(data, Mapping) else ""
        raise CaseError.from_validation(error, str(case_id or "")) from None
