"""The case clock of an OGI application (依申请公开) and its audit (:func:`audit_case`).

A :class:`Case` is the history of one application: how it came in (:class:`Channel`),
when it was submitted, signed for or confirmed, the request for correction (补正) and the
corrected application's arrival, the consultations of third parties or other agencies, an
extension, and the reply. :func:`audit_case` computes every duty the agency had — the
补正 notice, the extension, the reply — with its due date and its status on a given day,
and explains each step in Chinese or English, citing the catalogue's rules.

The rules (``../docs/audit.md`` has the full list of choices):

* **Receipt** (2019 条例 art. 31): in person, the day it is handed in; registered post, the
  day the agency signs for it; an ordinary letter, the day the agency confirms with the
  applicant; internet or fax, the day both sides confirm. When the date the channel needs
  is missing, the next best recorded date is *assumed* (and the explanation says so).
  Policy, on by default and switchable (:class:`AuditPolicy`): a receipt on a rest day
  moves to the first working day after it — an office cannot receive on a day it is
  closed. The same applies to the corrected application's arrival.
* **Version**: the receipt date decides, as for ``due("ogi.reply", receipt)``: before
  2019-05-15 the 2008 条例 (15 working days, extension ≤ 15, only third-party consultation
  excluded and uncapped, no 7-working-day 补正 notice rule); from then on the 2019 条例.
* **Clock**: the reply is due N working days after receipt, or after the corrected
  application's arrival when a 补正 was asked for (art. 30). Consultation time is excluded:
  the working days in (sent, answered], capped under 2019 at the consulted party's own 15
  working days (arts. 32, 34); overlapping consultations count once; each working day
  excluded moves the deadline by one working day (a consultation sent on or after the
  deadline as it stood is not excluded: its days all fall after the period ran out). An extension adds at most 20 (2008: 15) working days and
  counts only if approved and told to the applicant on or before the original deadline.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .errors import CalendarCoverageError, DateParseError, GovDeadlinesError
from .textdates import parse_date
from .workcalendar import WorkCalendar, default_calendar, is_provisional, weekday_name

if TYPE_CHECKING:
    from .catalogue import Catalogue, Rule

__all__ = [
    "ART_31",
    "ART_34",
    "AuditPolicy",
    "Case",
    "CaseError",
    "CaseVerdict",
    "Channel",
    "Consultation",
    "Duty",
    "DutyKind",
    "Extension",
    "Finding",
    "Party",
    "Status",
    "audit_case",
    "parse_case",
]

# -- the words of the articles not held in the catalogue ---------------------------------------

#: 2019 条例 art. 31 (receipt by channel). From memory of the official text, like the
#: catalogue's quotes; the 2008 条例 has no counterpart and is read by analogy.
ART_31 = (
    "行政机关收到政府信息公开申请的时间,按照下列规定确定:"
    "(一)申请人当面提交政府信息公开申请的,以提交之日为收到申请之日;"
    "(二)申请人以邮寄方式提交政府信息公开申请的,以行政机关签收之日为收到申请之日;"
    "以平常信函等无需签收的邮寄方式提交政府信息公开申请的,政府信息公开工作机构应当于收到申请的当日"
    "与申请人确认,确认之日为收到申请之日;"
    "(三)申请人通过互联网渠道或者政府信息公开工作机构的传真提交政府信息公开申请的,"
    "以双方确认之日为收到申请之日。"
)
#: 2019 条例 art. 34 (another agency consulted). From memory of the official text.
ART_34 = (
    "申请公开的政府信息由两个以上行政机关共同制作的,牵头制作的行政机关收到政府信息公开申请后"
    "可以征求相关行政机关的意见,被征求意见机关应当自收到征求意见书之日起15个工作日内提出意见,"
    "逾期未提出意见的视为同意公开。"
)
_TITLE_2019 = "《中华人民共和国政府信息公开条例》(2019年修订)"
_TITLE_2019_EN = "OGI Regulations (2019 revision)"


# -- vocabularies ------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-()()/]+", "", text).casefold()


class Channel(enum.Enum):
    """How the application came in (art. 31)."""

    # Members are singletons compared by identity: hash them by identity too (Enum's own
    # __hash__ hashes the name, a measurable cost on the batch path).
    __hash__ = object.__hash__

    IN_PERSON = "in_person"
    REGISTERED_POST = "registered_post"
    ORDINARY_LETTER = "ordinary_letter"
    INTERNET = "internet"
    FAX = "fax"

    def label(self, lang: str = "zh") -> str:
        """当面 / 挂号信 / 平信 / 网络 / 传真, or the English name."""
        return _CHANNEL_LABELS[self][0 if lang.startswith("zh") else 1]

    @classmethod
    def parse(cls, text: str) -> Channel:
        """A channel from its zh or en name (当面, 挂号信, 平信, 网络, 传真, in_person, fax …)."""
        found = _CHANNEL_ALIASES.get(_norm(text))
        if found is None:
            raise ValueError(
                f"unknown channel {text!r}; use one of 当面/挂号信/平信/网络/传真 or "
                "in_person/registered_post/ordinary_letter/internet/fax"
            )
        return found


_CHANNEL_LABELS = {
    Channel.IN_PERSON: ("当面", "in person"),
    Channel.REGISTERED_POST: ("挂号信", "registered post"),
    Channel.ORDINARY_LETTER: ("平信", "ordinary letter"),
    Channel.INTERNET: ("网络", "internet"),
    Channel.FAX: ("传真", "fax"),
}
_CHANNEL_ALIASES: dict[str, Channel] = {
    _norm(alias): channel
    for channel, aliases in {
        Channel.IN_PERSON: ("当面", "当面提交", "现场", "现场提交", "面交", "in_person", "in person", "person"),
        Channel.REGISTERED_POST: (
            "挂号信", "挂号", "邮寄", "邮政", "ems", "特快专递", "快递",
            "registered_post", "registered post", "registered", "post",
        ),
        Channel.ORDINARY_LETTER: (
            "平信", "平常信函", "信函", "普通信件", "ordinary_letter", "ordinary letter", "letter",
        ),
        Channel.INTERNET: (
            "网络", "互联网", "网上", "在线", "网上申请", "电子邮件", "邮件",
            "internet", "online", "web", "email", "e-mail",
        ),
        Channel.FAX: ("传真", "fax"),
    }.items()
    for alias in aliases
}

#: For each channel, the recorded dates that fix the receipt, best first. The first is the
#: one art. 31 names; a later one is used only when it is missing, and is then "assumed".
RECEIPT_FIELDS: dict[Channel, tuple[str, ...]] = {
    Channel.IN_PERSON: ("submitted", "signed_for", "confirmed"),
    Channel.REGISTERED_POST: ("signed_for", "confirmed", "submitted"),
    Channel.ORDINARY_LETTER: ("confirmed", "signed_for", "submitted"),
    Channel.INTERNET: ("confirmed", "signed_for", "submitted"),
    Channel.FAX: ("confirmed", "signed_for", "submitted"),
}
_FIELD_LABELS = {
    "case_id": ("编号", "case id"),
    "channel": ("渠道", "channel"),
    "submitted": ("提交日期", "submission date"),
    "signed_for": ("签收日期", "signed-for date"),
    "confirmed": ("确认日期", "confirmation date"),
    "supplement_requested": ("补正告知日期", "date the correction was asked for"),
    "supplement_received": ("补正到达日期", "date the corrected application arrived"),
    "consultations": ("征求意见", "consultations"),
    "consultation_party": ("征求意见对象", "consulted party"),
    "consultation_sent": ("征求意见发出日期", "consultation sent"),
    "consultation_answered": ("征求意见答复日期", "consultation answered"),
    "extension": ("延期", "extension"),
    "extension_approved": ("延期批准日期", "extension approved"),
    "extension_told": ("延期告知日期", "extension told to the applicant"),
    "extension_days": ("延期工作日", "extension working days"),
    "replied": ("答复日期", "reply date"),
}


def field_label(name: str, lang: str = "zh") -> str:
    """The name of a case field for people (提交日期 / submission date)."""
    labels = _FIELD_LABELS.get(name)
    if labels is None:
        return name
    return labels[0] if lang.startswith("zh") else labels[1]


class Party(enum.Enum):
    """Who was consulted: a third party (art. 32) or another agency (art. 34)."""

    # Members are singletons compared by identity: hash them by identity too (Enum's own
    # __hash__ hashes the name, a measurable cost on the batch path).
    __hash__ = object.__hash__

    THIRD_PARTY = "third_party"
    AGENCY = "agency"

    def label(self, lang: str = "zh") -> str:
        if self is Party.THIRD_PARTY:
            return "第三方" if lang.startswith("zh") else "third party"
        return "其他机关" if lang.startswith("zh") else "other agency"

    @classmethod
    def parse(cls, text: str) -> Party:
        found = _PARTY_ALIASES.get(_norm(text))
        if found is None:
            raise ValueError(
                f"unknown consulted party {text!r}; use 第三方/其他机关 or third_party/agency"
            )
        return found


_PARTY_ALIASES: dict[str, Party] = {
    _norm(alias): party
    for party, aliases in {
        Party.THIRD_PARTY: ("第三方", "三方", "third_party", "third party", "third"),
        Party.AGENCY: (
            "其他机关", "机关", "其他行政机关", "行政机关", "agency", "other agency", "other_agency",
        ),
    }.items()
    for alias in aliases
}


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
        field = loc or None
        label_zh = field_label(loc.split(".")[0], "zh") if loc else ""
        return cls(
            f"{loc}: {message}" if loc else message,
            f"{label_zh}({loc}):{message}" if loc else message,
            field=field,
            case_id=case_id,
        )


# -- plain facts: what the clock needs, from the model or straight from a CSV row ----------------


class _Facts:
    """A case's dates as plain values (no validation): the hot path's input."""

    __slots__ = (
        "case_id",
        "channel",
        "confirmed",
        "consultations",
        "ext_approved",
        "ext_days",
        "ext_told",
        "raw_receipt",
        "receipt_assumed",
        "receipt_field",
        "replied",
        "signed_for",
        "submitted",
        "supplement_received",
        "supplement_requested",
    )

    raw_receipt: dt.date | None
    receipt_field: str
    receipt_assumed: bool

    def __init__(
        self,
        case_id: str,
        channel: Channel,
        submitted: dt.date | None,
        signed_for: dt.date | None,
        confirmed: dt.date | None,
        supplement_requested: dt.date | None,
        supplement_received: dt.date | None,
        consultations: tuple[tuple[Party, dt.date, dt.date | None], ...],
        ext_approved: dt.date | None,
        ext_told: dt.date | None,
        ext_days: int | None,
        replied: dt.date | None,
    ) -> None:
        self.case_id = case_id
        self.channel = channel
        self.submitted = submitted
        self.signed_for = signed_for
        self.confirmed = confirmed
        self.supplement_requested = supplement_requested
        self.supplement_received = supplement_received
        self.consultations = consultations
        self.ext_approved = ext_approved
        self.ext_told = ext_told
        self.ext_days = ext_days
        self.replied = replied
        # The recorded receipt (art. 31), worked out once: see _raw_receipt.
        if channel is Channel.IN_PERSON and submitted is not None:
            self.raw_receipt, self.receipt_field, self.receipt_assumed = submitted, "submitted", False
        elif channel is Channel.REGISTERED_POST and signed_for is not None:
            self.raw_receipt, self.receipt_field, self.receipt_assumed = signed_for, "signed_for", False
        elif confirmed is not None and channel is not Channel.IN_PERSON and channel is not Channel.REGISTERED_POST:
            self.raw_receipt, self.receipt_field, self.receipt_assumed = confirmed, "confirmed", False
        else:
            self.raw_receipt, self.receipt_field, self.receipt_assumed = _fallback_receipt(self)

    def get(self, name: str) -> dt.date | None:
        value: dt.date | None = getattr(self, name)
        return value


def _raw_receipt(f: _Facts) -> tuple[dt.date | None, str, bool]:
    """The recorded receipt date, the field it comes from, and whether it is assumed."""
    return f.raw_receipt, f.receipt_field, f.receipt_assumed


def _fallback_receipt(f: _Facts) -> tuple[dt.date | None, str, bool]:
    """When the date art. 31 names for the channel is missing: the next recorded date in
    :data:`RECEIPT_FIELDS`, assumed (``None`` if there is none)."""
    fields = RECEIPT_FIELDS[f.channel]
    for name in fields[1:]:
        value = f.get(name)
        if value is not None:
            return value, name, True
    return None, fields[0], True


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _problem(f: _Facts) -> tuple[str, str, str] | None:
    """The first inconsistency of a case as (field, English, Chinese), or ``None``.

    A quick pass of plain comparisons; the detailed one runs only when something is off
    (or for the rarer consultations and extensions).
    """
    sub = f.submitted
    receipt = f.raw_receipt
    if receipt is None or f.consultations or f.ext_approved is not None:
        return _problem_detail(f)
    signed, confirmed = f.signed_for, f.confirmed
    requested, arrived, replied = f.supplement_requested, f.supplement_received, f.replied
    if (
        (sub is not None and ((signed is not None and signed < sub) or (confirmed is not None and confirmed < sub)))
        or (requested is not None and requested < receipt)
        or (arrived is not None and (requested is None or arrived < requested))
        or f.ext_told is not None
        or f.ext_days is not None
        or (replied is not None and replied < receipt)
    ):
        return _problem_detail(f)
    return None


def _problem_detail(f: _Facts) -> tuple[str, str, str] | None:
    sub = f.submitted
    for name in ("signed_for", "confirmed"):
        value = f.get(name)
        if sub is not None and value is not None and value < sub:
            return (
                name,
                f"{field_label(name, 'en')} {_iso(value)} is before the submission date "
                f"{_iso(sub)}: the dates must be in order",
                f"{field_label(name)}{_iso(value)}早于提交日期{_iso(sub)},日期先后顺序有误",
            )
    receipt, basis, _ = _raw_receipt(f)
    if receipt is None:
        need = RECEIPT_FIELDS[f.channel][0]
        if need == "submitted":
            return (
                need,
                f"no date of receipt: a case received {f.channel.label('en')} needs the day it "
                "was handed in (submitted)",
                f"缺少收到申请的日期:{f.channel.label()}提交的申请需要提交日期",
            )
        return (
            need,
            f"no date of receipt: a case received by {f.channel.label('en')} needs its "
            f"{field_label(need, 'en')} (or at least the submission date)",
            f"缺少收到申请的日期:{f.channel.label()}提交的申请需要{field_label(need)}"
            "(至少需要提交日期)",
        )
    basis_en, basis_zh = field_label(basis, "en"), field_label(basis)

    def before_receipt(name: str, value: dt.date | None) -> tuple[str, str, str] | None:
        if value is not None and value < receipt:
            return (
                name,
                f"{field_label(name, 'en')} {_iso(value)} is before the receipt "
                f"({basis_en} {_iso(receipt)}): the dates must be in order",
                f"{field_label(name)}{_iso(value)}早于收到申请日({basis_zh}{_iso(receipt)}),"
                "日期先后顺序有误",
            )
        return None

    found = before_receipt("supplement_requested", f.supplement_requested)
    if found:
        return found
    if f.supplement_received is not None:
        if f.supplement_requested is None:
            return (
                "supplement_received",
                "the corrected application arrived but no request for correction (补正) is "
                "recorded: give the date it was asked for",
                "有补正到达日期但没有补正告知日期,请填写补正告知日期",
            )
        if f.supplement_received < f.supplement_requested:
            return (
                "supplement_received",
                f"the corrected application arrived {_iso(f.supplement_received)}, before the "
                f"correction was asked for ({_iso(f.supplement_requested)})",
                f"补正到达日期{_iso(f.supplement_received)}早于补正告知日期"
                f"{_iso(f.supplement_requested)}",
            )
    for number, (_, sent, answered) in enumerate(f.consultations, start=1):
        found = before_receipt("consultation_sent", sent)
        if found:
            return found
        if answered is not None and answered < sent:
            return (
                "consultation_answered",
                f"consultation {number} was answered {_iso(answered)}, before it was sent "
                f"({_iso(sent)})",
                f"第{number}次征求意见的答复日期{_iso(answered)}早于发出日期{_iso(sent)}",
            )
    if f.ext_approved is None:
        if f.ext_told is not None or f.ext_days is not None:
            return (
                "extension_approved",
                "an extension is recorded (told date or working days) but not the date it was "
                "approved",
                "记录了延期(告知日期或延期工作日)但缺少延期批准日期",
            )
    else:
        found = before_receipt("extension_approved", f.ext_approved)
        if found:
            return found
        if f.ext_told is not None and f.ext_told < f.ext_approved:
            return (
                "extension_told",
                f"the extension was told to the applicant {_iso(f.ext_told)}, before it was "
                f"approved ({_iso(f.ext_approved)})",
                f"延期告知日期{_iso(f.ext_told)}早于延期批准日期{_iso(f.ext_approved)}",
            )
        if f.ext_days is not None and f.ext_days < 1:
            return (
                "extension_days",
                f"an extension of {f.ext_days} working days: give a whole number of at least 1",
                f"延期{f.ext_days}个工作日:应为不小于1的整数",
            )
    return before_receipt("replied", f.replied)


# -- the pydantic model -------------------------------------------------------------------------

_MODEL = ConfigDict(frozen=True, extra="forbid")


def _to_date(value: Any, field: str = "") -> Any:
    """Accept dates, ``None``, blank text and the Chinese date forms of :func:`parse_date`."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except DateParseError as error:
            raise _custom(
                field,
                f"{field_label(field, 'en')} ({field}): {error}",
                f"{field_label(field)}:{error.message('zh')}",
            ) from None
    return value


def _custom(field: str, message: str, zh: str) -> PydanticCustomError:
    return PydanticCustomError(
        "case_history", "{message}", {"message": message, "zh": zh, "field": field}
    )


class Consultation(BaseModel):
    """A consultation of a third party (art. 32) or another agency (art. 34)."""

    model_config = _MODEL

    party: Party = Party.THIRD_PARTY
    sent: dt.date
    answered: dt.date | None = None

    @field_validator("sent", "answered", mode="before")
    @classmethod
    def _dates(cls, value: Any, info: ValidationInfo) -> Any:
        return _to_date(value, info.field_name or "")

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
    def _order(self) -> Consultation:
        if self.answered is not None and self.answered < self.sent:
            raise _custom(
                "answered",
                f"answered {_iso(self.answered)} is before sent {_iso(self.sent)}",
                f"答复日期{_iso(self.answered)}早于发出日期{_iso(self.sent)}",
            )
        return self


class Extension(BaseModel):
    """An extension of the reply limit (art. 33): approved when, told when, how long.

    ``workdays=None`` means the longest extension allowed (and the explanation says so).
    """

    model_config = _MODEL

    approved: dt.date
    told: dt.date | None = Field(default=None, description="told to the applicant")
    workdays: int | None = Field(default=None, ge=1)

    @field_validator("approved", "told", mode="before")
    @classmethod
    def _dates(cls, value: Any, info: ValidationInfo) -> Any:
        return _to_date(value, info.field_name or "")


class Case(BaseModel):
    """The history of one OGI application, validated (dates in order, a receipt date known).

    Dates are ``datetime.date`` values or text (``2026-03-02``, ``2026年3月2日`` …);
    ``channel`` takes its zh or en name. Construction raises pydantic's
    ``ValidationError``; :func:`parse_case` raises :class:`CaseError` instead.
    """

    model_config = _MODEL

    case_id: str = ""
    channel: Channel
    submitted: dt.date | None = None
    signed_for: dt.date | None = None
    confirmed: dt.date | None = None
    supplement_requested: dt.date | None = None
    supplement_received: dt.date | None = None
    consultations: tuple[Consultation, ...] = ()
    extension: Extension | None = None
    replied: dt.date | None = None

    @field_validator(
        "submitted",
        "signed_for",
        "confirmed",
        "supplement_requested",
        "supplement_received",
        "replied",
        mode="before",
    )
    @classmethod
    def _dates(cls, value: Any, info: ValidationInfo) -> Any:
        return _to_date(value, info.field_name or "")

    @field_validator("channel", mode="before")
    @classmethod
    def _channel(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return Channel.parse(value)
        except ValueError as error:
            raise _custom(
                "channel", str(error), f"无法识别的渠道 {value!r}:应为 当面/挂号信/平信/网络/传真 之一"
            ) from None

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        found = _problem(self._facts())
        if found is not None:
            raise _custom(*found)
        return self

    def _facts(self) -> _Facts:
        ext = self.extension
        return _Facts(
            self.case_id,
            self.channel,
            self.submitted,
            self.signed_for,
            self.confirmed,
            self.supplement_requested,
            self.supplement_received,
            tuple((c.party, c.sent, c.answered) for c in self.consultations),
            ext.approved if ext else None,
            ext.told if ext else None,
            ext.workdays if ext else None,
            self.replied,
        )


def parse_case(data: Case | Mapping[str, Any]) -> Case:
    """A :class:`Case` from a mapping; a problem raises :class:`CaseError` naming the field."""
    if isinstance(data, Case):
        return data
    try:
        return Case.model_validate(data)
    except ValidationError as error:
        case_id = data.get("case_id", "") if isinstance(data, Mapping) else ""
        raise CaseError.from_validation(error, str(case_id or "")) from None


# -- versions of the regulations, from the catalogue ------------------------------------------


@dataclass(frozen=True, slots=True)
class _Version:
    """What the clock needs from one version of the 条例 (numbers from the catalogue)."""

    label: str
    start: dt.date
    until: dt.date | None
    reply: Rule
    n: int
    ext_cap: int
    supplement: Rule | None
    supplement_n: int | None
    consult: Rule | None
    consult_cap: int | None
    agency_excluded: bool


class _Versions:
    __slots__ = ("_last", "_last_start", "items")

    def __init__(self, items: tuple[_Version, ...]) -> None:
        self.items = items
        last = items[-1]
        self._last = last if last.until is None else None
        self._last_start = last.start

    def at(self, day: dt.date) -> _Version:
        if self._last is not None and day >= self._last_start:
            return self._last
        for version in reversed(self.items):
            if version.start <= day and (version.until is None or day <= version.until):
                return version
        first = self.items[0].start
        raise CaseError(
            f"received {_iso(day)}: no OGI regulations were in force (the 2008 条例 took effect "
            f"{_iso(first)})",
            f"收到申请日{_iso(day)}:当时政府信息公开条例尚未施行({_iso(first)}起施行)",
            field="submitted",
        )


_VERSIONS: dict[int, tuple[Catalogue, _Versions]] = {}
_VERSIONS_LOCK = threading.Lock()


def _versions(catalogue: Catalogue | None = None) -> _Versions:
    from .catalogue import default_catalogue
    from .periods import WorkingDays

    cat = catalogue or default_catalogue()
    cached = _VERSIONS.get(id(cat))
    if cached is not None and cached[0] is cat:
        return cached[1]
    items: list[_Version] = []
    for family_version in cat.family_versions("ogi.reply"):
        reply = family_version.rule
        source = reply.source
        period, extension = reply.typed_period, reply.max_extension
        assert isinstance(period, WorkingDays) and extension is not None
        by_id = {r.id: r for r in cat.rules(source=source.id)}
        supplement = by_id.get(f"{source.id}.supplement-notice")
        consult = by_id.get(f"{source.id}.third-party-opinion")
        sup_period = supplement.typed_period if supplement else None
        con_period = consult.typed_period if consult else None
        items.append(
            _Version(
                label=source.id.rsplit("-", 1)[-1],
                start=family_version.start,
                until=family_version.until,
                reply=reply,
                n=period.n,
                ext_cap=extension.n,
                supplement=supplement,
                supplement_n=sup_period.n if isinstance(sup_period, WorkingDays) else None,
                consult=consult,
                consult_cap=con_period.n if isinstance(con_period, WorkingDays) else None,
                # The reply rule's own words say which consultations are excluded: the 2019
                # text names 第三方和其他机关, the 2008 text only 第三方.
                agency_excluded="其他机关" in reply.quote,
            )
        )
    versions = _Versions(tuple(items))
    with _VERSIONS_LOCK:
        _VERSIONS[id(cat)] = (cat, versions)
    return versions


# -- results ------------------------------------------------------------------------------------


class DutyKind(enum.Enum):
    """The agency's duties in a case."""

    # Members are singletons compared by identity: hash them by identity too (Enum's own
    # __hash__ hashes the name, a measurable cost on the batch path).
    __hash__ = object.__hash__

    SUPPLEMENT_NOTICE = "supplement_notice"
    EXTENSION = "extension"
    REPLY = "reply"

    def label(self, lang: str = "zh") -> str:
        return _DUTY_LABELS[self][0 if lang.startswith("zh") else 1]


_DUTY_LABELS = {
    DutyKind.SUPPLEMENT_NOTICE: ("补正告知", "request for correction"),
    DutyKind.EXTENSION: ("延期", "extension"),
    DutyKind.REPLY: ("答复", "reply"),
}


class Status(enum.Enum):
    """Where a duty stands."""

    # Members are singletons compared by identity: hash them by identity too (Enum's own
    # __hash__ hashes the name, a measurable cost on the batch path).
    __hash__ = object.__hash__

    ON_TIME = "on_time"
    LATE = "late"  # done, after the due date
    OVERDUE = "overdue"  # not done, and the due date has passed (as of the audit day)
    PENDING = "pending"  # not done, not yet due (or no audit day given)
    WAITING = "waiting"  # no due date yet: the clock has not started or is stopped
    UNDETERMINED = "undetermined"  # the calendar has no data for the days needed

    def label(self, lang: str = "zh") -> str:
        return _STATUS_LABELS[self][0 if lang.startswith("zh") else 1]

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
}


@dataclass(slots=True)
class Duty:
    """One duty of the agency in a case, judged. Treat as read-only.

    ``late_by`` counts the working days in (due, done] — or (due, as_of] while still
    undone — and ``late_days`` the calendar days; ``remaining`` the working days in
    (as_of, due] of a pending duty (0: due on the audit day itself).
    """

    kind: DutyKind
    due: dt.date | None
    done: dt.date | None
    status: Status
    late_by: int | None = 0
    late_days: int = 0
    remaining: int | None = None
    provisional: bool = False

    def status_text(self, lang: str = "zh") -> str:
        """``按时`` / ``逾期3个工作日`` / ``逾期未办,已逾期2个工作日`` / ``未到期,剩余4个工作日`` …"""
        zh = lang.startswith("zh")
        status = self.status
        if status is Status.LATE or status is Status.OVERDUE:
            if self.late_by:
                amount = f"{self.late_by}个工作日" if zh else f"{self.late_by} working day(s)"
            else:
                amount = f"{self.late_days}天" if zh else f"{self.late_days} day(s)"
            if status is Status.LATE:
                return f"逾期{amount}" if zh else f"late by {amount}"
            return f"逾期未办,已逾期{amount}" if zh else f"overdue by {amount}, not done"
        if status is Status.PENDING and self.remaining is not None:
            if self.remaining == 0:
                return "今日到期" if zh else "due today"
            return (
                f"未到期,剩余{self.remaining}个工作日"
                if zh
                else f"pending, {self.remaining} working day(s) left"
            )
        return status.label(lang)

    def summary(self, lang: str = "zh") -> str:
        zh = lang.startswith("zh")
        due = _iso(self.due) if self.due else ("—")
        flag = ("[临时]" if zh else " [provisional]") if self.provisional else ""
        done = ""
        if self.done is not None:
            done = f",完成于{_iso(self.done)}" if zh else f", done {_iso(self.done)}"
        if zh:
            return f"{self.kind.label(lang)}:期限{due}{flag}{done},{self.status_text(lang)}"
        return f"{self.kind.label(lang)}: due {due}{flag}{done}, {self.status_text(lang)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "duty": self.kind.value,
            "due": _iso(self.due) if self.due else None,
            "done": _iso(self.done) if self.done else None,
            "status": self.status.value,
            "late_by_workdays": self.late_by,
            "late_by_days": self.late_days,
            "remaining_workdays": self.remaining,
            "provisional": self.provisional,
        }


#: Finding codes that are problems (the rest are notes on how the case was read).
PROBLEM_CODES = frozenset({"extension_over_cap", "calendar"})


@dataclass(slots=True)
class Finding:
    """A note on the case (an assumption, a policy applied) or a problem, with its facts.

    The text is rendered only when asked for (:meth:`text`); ``code`` is stable.
    """

    code: str
    args: tuple[Any, ...] = ()

    @property
    def problem(self) -> bool:
        return self.code in PROBLEM_CODES

    @property
    def warning(self) -> bool:
        return self.code == "due_soon"

    def text(self, lang: str = "zh") -> str:
        return _finding_text(self, lang.startswith("zh"))


def _d(day: dt.date | None, lang: str | bool = "zh") -> str:
    """``2026-10-30(周五)`` or ``2026-10-30 (Fri)``."""
    if day is None:
        return "—"
    zh = lang if isinstance(lang, bool) else lang.startswith("zh")
    flag = ("[临时]" if zh else " [provisional]") if is_provisional(day) else ""
    if zh:
        return f"{_iso(day)}({weekday_name(day, 'zh')}){flag}"
    return f"{_iso(day)} ({weekday_name(day, 'en')}){flag}"


def _finding_text(finding: Finding, zh: bool) -> str:
    code, a = finding.code, finding.args
    if code == "receipt_assumed":
        channel, need, used, day = a
        return (
            f"{channel.label()}提交的申请以{field_label(need)}为收到申请之日,但未记录;"
            f"假定为{field_label(used)}{_d(day, zh)}。"
            if zh
            else f"An application by {channel.label('en')} is received on its "
            f"{field_label(need, 'en')}, which is not recorded: assumed to be the "
            f"{field_label(used, 'en')}, {_d(day, zh)}."
        )
    if code in ("receipt_moved", "supplement_moved"):
        raw, moved = a
        what = ("收到申请日" if code == "receipt_moved" else "补正到达日") if zh else (
            "The receipt date" if code == "receipt_moved" else "The corrected application's arrival"
        )
        return (
            f"{what}{_d(raw, zh)}是休息日,机关不办公:按政策顺延至其后第一个工作日{_d(moved, zh)}"
            "(可关闭此政策:AuditPolicy(move_rest_day_receipt=False) / --receipt-as-recorded)。"
            if zh
            else f"{what} {_d(raw, zh)} is a rest day, when the office is closed: by policy it "
            f"moves to the first working day after it, {_d(moved, zh)} (switch off with "
            "AuditPolicy(move_rest_day_receipt=False) / --receipt-as-recorded)."
        )
    if code == "supplement_no_limit":
        return (
            "2008年条例未规定告知补正的期限(第二十一条只要求告知申请人更改、补充),不核查补正告知的时限。"
            if zh
            else "The 2008 条例 sets no time limit for asking for a correction (art. 21 only "
            "says the applicant is to be told to amend the application): not checked."
        )
    if code == "awaiting_supplement":
        (requested,) = a
        return (
            f"{_iso(requested)}已告知补正,尚未记录收到补正的申请:答复期限自收到补正的申请之日起计算,尚未起算。"
            if zh
            else f"A correction was asked for on {_iso(requested)} and no corrected application "
            "is recorded: the reply limit runs from its arrival and has not started."
        )
    if code == "agency_not_excluded":
        (sent,) = a
        return (
            f"{_iso(sent)}征求其他机关意见:2008年条例第二十四条只规定征求第三方意见的时间不计入,"
            "征求其他机关意见的时间计入答复期限。"
            if zh
            else f"Another agency consulted on {_iso(sent)}: the 2008 条例 (art. 24) excludes only "
            "the time spent consulting a third party, so this time counts."
        )
    if code == "consult_capped":
        party, sent, answered, cap_end, cap = a
        return (
            f"{party.label()}({_iso(sent)}发出)于{_iso(answered)}答复,超过其{cap}个工作日期限"
            f"(至{_iso(cap_end)}):只排除至{_iso(cap_end)}。"
            if zh
            else f"The {party.label('en')} consulted on {_iso(sent)} answered {_iso(answered)}, "
            f"past its own {cap} working days (to {_iso(cap_end)}): excluded only to {_iso(cap_end)}."
        )
    if code == "consult_unanswered":
        party, sent, cap_end, cap = a
        return (
            f"征求{party.label()}意见({_iso(sent)}发出)未记录答复:按其{cap}个工作日期限排除至{_iso(cap_end)}"
            "(逾期未提出意见的,由行政机关决定);答复后请补录答复日期,期限可能提前。"
            if zh
            else f"No answer recorded to the consultation of the {party.label('en')} sent "
            f"{_iso(sent)}: excluded up to its {cap}-working-day limit, {_iso(cap_end)}; record "
            "the answer when it comes, the deadline may come earlier."
        )
    if code == "consult_open":
        party, sent, end, basis = a
        basis_text = {
            "replied": ("答复日", "the reply date"),
            "as_of": ("核查日", "the audit day"),
        }[basis]
        return (
            f"征求{party.label()}意见({_iso(sent)}发出)未记录答复:2008年条例不设上限,"
            f"按{basis_text[0]}{_iso(end)}计算排除时间。"
            if zh
            else f"No answer recorded to the consultation of the {party.label('en')} sent "
            f"{_iso(sent)}: uncapped under the 2008 条例, excluded up to {basis_text[1]}, "
            f"{_iso(end)}."
        )
    if code == "consult_waiting":
        party, sent = a
        return (
            f"征求{party.label()}意见({_iso(sent)}发出)未记录答复,也没有答复日或核查日:"
            "2008年条例不设上限,期限暂停,无法确定答复期限。"
            if zh
            else f"No answer recorded to the consultation of the {party.label('en')} sent "
            f"{_iso(sent)}, and no reply date or audit day: uncapped under the 2008 条例, the "
            "clock stands still and the reply deadline is not known."
        )
    if code == "consult_late":
        party, sent, due = a
        return (
            f"征求{party.label()}意见于{_iso(sent)}发出,未早于当时的答复期限{_iso(due)}:不予扣除。"
            if zh
            else f"The {party.label('en')} was consulted on {_iso(sent)}, not before the reply "
            f"deadline as it then stood ({_iso(due)}): not excluded."
        )
    if code == "extension_days_assumed":
        (cap,) = a
        return (
            f"未记录延期的工作日数,按最长{cap}个工作日计算(假定)。"
            if zh
            else f"The length of the extension is not recorded: taken as the longest allowed, "
            f"{cap} working days (assumed)."
        )
    if code == "extension_over_cap":
        days, cap = a
        return (
            f"延期{days}个工作日,超过最长{cap}个工作日的限制:只计{cap}个工作日。"
            if zh
            else f"An extension of {days} working days exceeds the maximum of {cap}: only {cap} "
            "count."
        )
    if code == "extension_invalid":
        approved, told, due = a
        return (
            f"延期于{_iso(approved)}批准、{_iso(told)}告知申请人,晚于原答复期限{_iso(due)}:"
            "延期无效,不予计入。"
            if zh
            else f"The extension was approved {_iso(approved)} and told to the applicant "
            f"{_iso(told)}, after the original deadline {_iso(due)}: it is invalid and not applied."
        )
    if code == "extension_not_told":
        approved, due = a
        return (
            f"延期于{_iso(approved)}批准,未记录告知申请人:告知前不计入延期(原答复期限{_iso(due)})。"
            if zh
            else f"The extension was approved {_iso(approved)} but is not recorded as told to "
            f"the applicant: it does not count until told (original deadline {_iso(due)})."
        )
    if code == "extension_unused":
        replied, due = a
        return (
            f"延期未记录告知申请人,但已于{_iso(replied)}在原答复期限{_iso(due)}内答复:延期未使用。"
            if zh
            else f"The extension is not recorded as told, but the reply came on {_iso(replied)}, "
            f"within the original deadline {_iso(due)}: the extension was not used."
        )
    if code == "due_soon":
        kind, remaining, due = a
        if zh:
            when = "今日到期" if remaining == 0 else f"将于{remaining}个工作日内到期"
            return f"提示:{kind.label()}{when}(期限{_iso(due)})。"
        when = "is due today" if remaining == 0 else f"is due within {remaining} working day(s)"
        return f"Warning: the {kind.label('en')} {when} ({_iso(due)})."
    if code == "calendar":
        (error,) = a
        message: str = error.message("zh" if zh else "en")
        return message
    return code  # pragma: no cover - every code is rendered above


@dataclass(frozen=True, slots=True)
class AuditPolicy:
    """Choices the law leaves open, each stated in the explanation when it applies.

    ``move_rest_day_receipt``: a receipt (or corrected application) dated on a rest day
    counts as received on the first working day after it (default ``True``).
    ``warn_within``: warn about pending duties due within this many working days of the
    audit day (default 5).
    """

    move_rest_day_receipt: bool = True
    warn_within: int = 5


DEFAULT_POLICY = AuditPolicy()


@dataclass(slots=True)
class _Span:
    party: Party
    sent: dt.date
    answered: dt.date | None
    end: dt.date
    capped: bool


@dataclass(slots=True)
class CaseVerdict:
    """The audit of one case: its receipt, version, duties and findings. Treat as read-only.

    ``notes`` holds the findings of the clock; :attr:`findings` adds, first, the notes on
    how the receipt date was read (assumed from another date, moved off a rest day).

    ``result`` sums the case up, worst first: ``late`` (a duty done late or overdue),
    ``problem`` (no lateness, but an extension longer than allowed), ``undetermined`` (the
    calendar lacks data), ``open`` (a duty pending or its clock not running) or ``ok``.

    ``duties`` holds the 补正 notice (when a correction was asked for, 2019 only), the
    extension (when one is recorded) and the reply, in that order. The explanation is
    rendered on demand by :meth:`explain`.
    """

    case_id: str
    channel: Channel
    receipt: dt.date
    receipt_recorded: dt.date
    receipt_field: str
    receipt_assumed: bool
    version: str
    clock_start: dt.date | None
    base_due: dt.date | None
    excluded_workdays: int
    extension_workdays: int
    duties: tuple[Duty, ...]
    notes: tuple[Finding, ...]
    result: str
    as_of: dt.date | None
    _facts: _Facts
    _calendar: WorkCalendar
    _version: _Version
    _spans: tuple[_Span, ...]

    # -- looking things up ------------------------------------------------------------------

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding: how the receipt was read (assumed, moved), then :attr:`notes`."""
        derived: list[Finding] = []
        if self.receipt_assumed:
            derived.append(
                Finding(
                    "receipt_assumed",
                    (self.channel, RECEIPT_FIELDS[self.channel][0], self.receipt_field, self.receipt_recorded),
                )
            )
        if self.receipt != self.receipt_recorded:
            derived.append(Finding("receipt_moved", (self.receipt_recorded, self.receipt)))
        return (*derived, *self.notes) if derived else self.notes

    def duty(self, kind: DutyKind | str) -> Duty | None:
        wanted = DutyKind(kind) if isinstance(kind, str) else kind
        for item in self.duties:
            if item.kind is wanted:
                return item
        return None

    @property
    def reply(self) -> Duty:
        found = self.duty(DutyKind.REPLY)
        assert found is not None
        return found

    @property
    def reply_due(self) -> dt.date | None:
        return self.reply.due

    @property
    def supplement_due(self) -> dt.date | None:
        found = self.duty(DutyKind.SUPPLEMENT_NOTICE)
        return found.due if found else None

    @property
    def late(self) -> bool:
        """Whether any duty was done late or is overdue."""
        return any(d.status.is_late for d in self.duties)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.code == "due_soon")

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.problem)

    # -- text ---------------------------------------------------------------------------------

    def summary(self, lang: str = "zh") -> str:
        zh = lang.startswith("zh")
        head = self.case_id or ("(无编号)" if zh else "(no id)")
        sep = ";" if zh else "; "
        return f"{head}{':' if zh else ': '}" + sep.join(d.summary(lang) for d in self.duties)

    def explain(self, lang: str = "zh") -> str:
        """Every step, citing the rules, in ``"zh"`` (default) or ``"en"``."""
        return "\n".join(self.explain_lines(lang))

    def explain_lines(self, lang: str = "zh") -> list[str]:
        return _explain(self, lang)

    def to_dict(self, lang: str = "zh", *, explanation: bool = False) -> dict[str, Any]:
        """A JSON-ready record (stable keys; texts in ``lang``)."""
        record: dict[str, Any] = {
            "case_id": self.case_id,
            "result": self.result,
            "channel": self.channel.value,
            "receipt": _iso(self.receipt),
            "receipt_recorded": _iso(self.receipt_recorded),
            "receipt_field": self.receipt_field,
            "receipt_assumed": self.receipt_assumed,
            "version": self.version,
            "rule": self._version.reply.id,
            "clock_start": _iso(self.clock_start) if self.clock_start else None,
            "base_due": _iso(self.base_due) if self.base_due else None,
            "excluded_workdays": self.excluded_workdays,
            "extension_workdays": self.extension_workdays,
            "as_of": _iso(self.as_of) if self.as_of else None,
            "duties": [d.to_dict() for d in self.duties],
            "findings": [
                {"code": f.code, "problem": f.problem, "warning": f.warning, "text": f.text(lang)}
                for f in self.findings
            ],
        }
        if explanation:
            record["explanation"] = self.explain(lang)
        return record


# -- the clock ----------------------------------------------------------------------------------


def _workdays(cal: WorkCalendar, start: dt.date, end: dt.date) -> int | None:
    try:
        return cal.workdays_between(start, end)
    except CalendarCoverageError:
        return None


def _judge(
    kind: DutyKind,
    due: dt.date,
    done: dt.date | None,
    cal: WorkCalendar,
    as_of: dt.date | None,
    policy: AuditPolicy,
    findings: list[Finding],
) -> Duty:
    provisional = type(due) is not dt.date
    if done is not None:
        if done <= due:
            return Duty(kind, due, done, Status.ON_TIME, provisional=provisional)
        return Duty(
            kind, due, done, Status.LATE, _workdays(cal, due, done), (done - due).days, None,
            provisional,
        )
    if as_of is None:
        return Duty(kind, due, None, Status.PENDING, provisional=provisional)
    if as_of <= due:
        remaining = _workdays(cal, as_of, due)
        if remaining is not None and remaining <= policy.warn_within:
            findings.append(Finding("due_soon", (kind, remaining, due)))
        return Duty(kind, due, None, Status.PENDING, 0, 0, remaining, provisional)
    return Duty(
        kind, due, None, Status.OVERDUE, _workdays(cal, due, as_of), (as_of - due).days, None,
        provisional,
    )


def _move(
    cal: WorkCalendar, day: dt.date, policy: AuditPolicy, code: str, findings: list[Finding]
) -> dt.date:
    if policy.move_rest_day_receipt and not cal.is_workday(day):
        moved = cal.add_workdays(day, 1)  # a rest day: the next working day
        findings.append(Finding(code, (day, moved)))
        return moved
    return day


def _consult_spans(
    f: _Facts,
    ver: _Version,
    cal: WorkCalendar,
    as_of: dt.date | None,
    findings: list[Finding],
) -> list[_Span] | None:
    """The consultations whose time is excluded; ``None`` when the clock stands still."""
    spans: list[_Span] = []
    for party, sent, answered in f.consultations:
        if party is Party.AGENCY and not ver.agency_excluded:
            findings.append(Finding("agency_not_excluded", (sent,)))
            continue
        end = answered
        capped = False
        cap = ver.consult_cap
        if cap is not None:
            cap_end = cal.add_workdays(sent, cap)
            if end is None:
                findings.append(Finding("consult_unanswered", (party, sent, cap_end, cap)))
                end, capped = cap_end, True
            elif end > cap_end:
                findings.append(Finding("consult_capped", (party, sent, end, cap_end, cap)))
                end, capped = cap_end, True
        elif end is None:
            candidates = [(d, b) for d, b in ((f.replied, "replied"), (as_of, "as_of")) if d]
            if not candidates:
                findings.append(Finding("consult_waiting", (party, sent)))
                return None
            end, basis = min(candidates, key=lambda pair: pair[0])
            findings.append(Finding("consult_open", (party, sent, end, basis)))
        spans.append(_Span(party, sent, answered, end, capped))
    return spans


def _shift(
    cal: WorkCalendar, start: dt.date, n: int, spans: list[_Span]
) -> tuple[dt.date, int, set[int]]:
    """The n-th working day after ``start`` not inside a consultation, the days excluded,
    and which spans moved it (by index)."""
    if not spans:
        return cal.add_workdays(start, n), 0, set()
    intervals = sorted(
        (max(span.sent, start), span.end, index)
        for index, span in enumerate(spans)
        if span.end > max(span.sent, start)
    )
    merged: list[tuple[dt.date, dt.date, list[int]]] = []
    for low, high, index in intervals:
        if merged and low <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], high), [*last[2], index])
        else:
            merged.append((low, high, [index]))
    due = cal.add_workdays(start, n)
    excluded = 0
    applied: set[int] = set()
    for low, high, indices in merged:
        if low >= due:  # sent on or after the deadline as it stands: the period had run out
            break
        excluded += cal.workdays_between(low, high)
        due = cal.add_workdays(start, n + excluded)
        applied.update(indices)
    return due, excluded, applied


def _extension(
    f: _Facts,
    ver: _Version,
    cal: WorkCalendar,
    base_due: dt.date,
    as_of: dt.date | None,
    policy: AuditPolicy,
    findings: list[Finding],
) -> tuple[Duty, int]:
    approved = f.ext_approved
    assert approved is not None
    days = f.ext_days
    if days is None:
        days = ver.ext_cap
        findings.append(Finding("extension_days_assumed", (days,)))
    elif days > ver.ext_cap:
        findings.append(Finding("extension_over_cap", (days, ver.ext_cap)))
    applied = min(days, ver.ext_cap)
    told = f.ext_told
    if told is not None:
        done = max(approved, told)
        duty = _judge(DutyKind.EXTENSION, base_due, done, cal, as_of, policy, findings)
        if duty.status is Status.ON_TIME:
            return duty, applied
        findings.append(Finding("extension_invalid", (approved, told, base_due)))
        return duty, 0
    if f.replied is not None and f.replied <= base_due:
        # Replied within the original limit: the extension was never needed.
        findings.append(Finding("extension_unused", (f.replied, base_due)))
        return Duty(DutyKind.EXTENSION, base_due, None, Status.ON_TIME, 0, 0, None, False), 0
    findings.append(Finding("extension_not_told", (approved, base_due)))
    if approved > base_due:
        # Approved after the original deadline (and not told): it can no longer be valid.
        until = approved if as_of is None or as_of < approved else as_of
        return _judge(DutyKind.EXTENSION, base_due, None, cal, until, policy, []), 0
    return _judge(DutyKind.EXTENSION, base_due, None, cal, as_of, policy, findings), 0


def _receipt(f: _Facts, cal: WorkCalendar, policy: AuditPolicy) -> tuple[dt.date, dt.date]:
    """The receipt date after the rest-day policy, and the recorded one."""
    raw = f.raw_receipt
    if raw is None:  # pragma: no cover - validation refuses such a case first
        raise CaseError("no date of receipt", "缺少收到申请的日期", field="submitted")
    try:
        if policy.move_rest_day_receipt and not cal.is_workday(raw):
            return cal.add_workdays(raw, 1), raw  # a rest day: the next working day
    except CalendarCoverageError as error:
        raise CaseError(
            f"the receipt date {_iso(raw)} is outside the calendar: {error}",
            f"收到申请日{_iso(raw)}超出日历范围:{error.message('zh')}",
            field=f.receipt_field,
        ) from None
    return raw, raw


def _evaluate(
    f: _Facts,
    cal: WorkCalendar,
    as_of: dt.date | None,
    policy: AuditPolicy,
    versions: _Versions,
) -> CaseVerdict:
    """The clock of one case (the single-case and the batch audit share it)."""
    raw = f.raw_receipt
    try:
        plain = raw is not None and (not policy.move_rest_day_receipt or cal.is_workday(raw))
    except CalendarCoverageError:
        plain = False
    if plain:
        assert raw is not None
        receipt = raw
    else:
        receipt, raw = _receipt(f, cal, policy)
    basis, assumed = f.receipt_field, f.receipt_assumed
    findings: list[Finding] = []
    last = versions._last
    ver = last if last is not None and receipt >= versions._last_start else versions.at(receipt)
    if f.supplement_requested is None and not f.consultations and f.ext_approved is None:
        # The common case, kept lean: receipt + N working days, judged.
        replied = f.replied
        try:
            due = cal.add_workdays(receipt, ver.n)
            if replied is not None and replied <= due:
                reply = Duty(DutyKind.REPLY, due, replied, Status.ON_TIME, 0, 0, None, type(due) is not dt.date)
            else:
                reply = _judge(DutyKind.REPLY, due, replied, cal, as_of, policy, findings)
        except CalendarCoverageError as error:
            findings.append(Finding("calendar", (error,)))
            due = None
            reply = Duty(DutyKind.REPLY, None, replied, Status.UNDETERMINED, None)
        status = reply.status
        if status is Status.ON_TIME:
            result = "ok"
        elif status is Status.LATE or status is Status.OVERDUE:
            result = "late"
        elif status is Status.UNDETERMINED:
            result = "undetermined"
        else:
            result = "open"
        return CaseVerdict(
            f.case_id, f.channel, receipt, raw, basis, assumed, ver.label, receipt, due, 0, 0,
            (reply,), tuple(findings) if findings else (), result, as_of, f, cal, ver, (),
        )
    duties: list[Duty] = []

    # 补正 notice (2019 art. 30)
    requested = f.supplement_requested
    if requested is not None:
        if ver.supplement_n is not None:
            try:
                due = cal.add_workdays(receipt, ver.supplement_n)
                duties.append(
                    _judge(DutyKind.SUPPLEMENT_NOTICE, due, requested, cal, as_of, policy, findings)
                )
            except CalendarCoverageError as error:
                findings.append(Finding("calendar", (error,)))
                duties.append(
                    Duty(DutyKind.SUPPLEMENT_NOTICE, None, requested, Status.UNDETERMINED, None)
                )
        else:
            findings.append(Finding("supplement_no_limit"))

    # the reply clock, and the extension
    start: dt.date | None = receipt
    base_due: dt.date | None = None
    excluded = 0
    extension_days = 0
    spans: list[_Span] = []
    ext_duty: Duty | None = None
    has_ext = f.ext_approved is not None
    try:
        if requested is not None:
            arrived = f.supplement_received
            if arrived is None:
                start = None
                findings.append(Finding("awaiting_supplement", (requested,)))
            else:
                start = _move(cal, arrived, policy, "supplement_moved", findings)
        found: list[_Span] | None = []
        if start is not None and f.consultations:
            found = _consult_spans(f, ver, cal, as_of, findings)
        if start is None or found is None:
            reply = Duty(DutyKind.REPLY, None, f.replied, Status.WAITING, None)
            if has_ext:
                ext_duty = Duty(DutyKind.EXTENSION, None, f.ext_told, Status.WAITING, None)
        else:
            spans = found
            base_due, excluded, applied = _shift(cal, start, ver.n, spans)
            due = base_due
            if has_ext:
                ext_duty, extension_days = _extension(
                    f, ver, cal, base_due, as_of, policy, findings
                )
                if extension_days:
                    due, excluded, applied = _shift(cal, start, ver.n + extension_days, spans)
            for index, span in enumerate(spans):
                if index not in applied and span.end > max(span.sent, start):
                    findings.append(Finding("consult_late", (span.party, span.sent, base_due)))
            reply = _judge(DutyKind.REPLY, due, f.replied, cal, as_of, policy, findings)
    except CalendarCoverageError as error:
        findings.append(Finding("calendar", (error,)))
        base_due = None
        reply = Duty(DutyKind.REPLY, None, f.replied, Status.UNDETERMINED, None)
        if has_ext:
            ext_duty = Duty(DutyKind.EXTENSION, None, f.ext_told, Status.UNDETERMINED, None)
    if ext_duty is not None:
        duties.append(ext_duty)
    duties.append(reply)
    late = undetermined = still_open = False
    for duty in duties:
        status = duty.status
        if status is Status.LATE or status is Status.OVERDUE:
            late = True
        elif status is Status.UNDETERMINED:
            undetermined = True
        elif status is Status.PENDING or status is Status.WAITING:
            still_open = True
    if late:
        result = "late"
    elif has_ext and any(item.code == "extension_over_cap" for item in findings):
        result = "problem"
    elif undetermined:
        result = "undetermined"
    else:
        result = "open" if still_open else "ok"
    return CaseVerdict(
        f.case_id,
        f.channel,
        receipt,
        raw,
        basis,
        assumed,
        ver.label,
        start,
        base_due,
        excluded,
        extension_days,
        tuple(duties),
        tuple(findings),
        result,
        as_of,
        f,
        cal,
        ver,
        tuple(spans),
    )


def audit_case(
    case: Case | Mapping[str, Any],
    *,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    policy: AuditPolicy | None = None,
    catalogue: Catalogue | None = None,
) -> CaseVerdict:
    """Audit one case: each duty's due date and status on ``as_of``, with the explanation.

    ``case`` is a :class:`Case` or a mapping of its fields (validated; a problem raises
    :class:`CaseError`). Without ``as_of`` an undone duty is ``pending`` and no warning
    is given. ``policy`` holds the switchable choices (:class:`AuditPolicy`).

    >>> from datetime import date
    >>> audit_case({"channel": "当面", "submitted": "2026-09-28"}).reply_due
    datetime.date(2026, 10, 30)
    """
    model = parse_case(case)
    cal = calendar if calendar is not None else default_calendar()
    return _evaluate(model._facts(), cal, as_of, policy or DEFAULT_POLICY, _versions(catalogue))


# -- explanation --------------------------------------------------------------------------------


def _skipped_lines(cal: WorkCalendar, after: dt.date, through: dt.date, lang: str) -> list[str]:
    from .deadlines import _describe_run, _runs
    from .workcalendar import DayKind

    zh = lang.startswith("zh")
    try:
        notable = cal.notable_days(after, through)
    except CalendarCoverageError:
        return []
    rest = [d for d in notable if not d.is_workday]
    makeup = [d for d in notable if d.kind is DayKind.MAKEUP_WORKDAY]
    lines: list[str] = []
    if rest:
        lines.append(
            "   其间以下日期不是工作日,不计入:" if zh else "   These days are not working days:"
        )
        lines.extend(f"     - {_describe_run(run, lang)}" for run in _runs(rest))
    if makeup:
        lines.append(
            "   以下为调休上班日,计为工作日:" if zh else "   These are make-up working days and count:"
        )
        lines.extend(f"     - {_describe_run(run, lang)}" for run in _runs(makeup))
    return lines


def _judged_line(duty: Duty, lang: str) -> str:
    zh = lang.startswith("zh")
    if duty.status is Status.UNDETERMINED:
        return "   结论:无法计算(见下方说明)。" if zh else "   Verdict: undetermined (see below)."
    if duty.status is Status.WAITING:
        return (
            "   结论:期限未起算或暂停,暂无截止日期。"
            if zh
            else "   Verdict: the clock is not running; no due date yet."
        )
    done = ""
    if duty.done is not None:
        done = f"完成日期{_d(duty.done, lang)}:" if zh else f"Done {_d(duty.done, lang)}: "
    elif duty.status is not Status.PENDING or duty.remaining is not None:
        done = "未记录完成:" if zh else "Not recorded as done: "
    return f"   结论:{done}{duty.status_text(lang)}。" if zh else f"   Verdict: {done}{duty.status_text(lang)}."


def _explain(v: CaseVerdict, lang: str) -> list[str]:
    zh = lang.startswith("zh")
    f, cal, ver = v._facts, v._calendar, v._version
    lines: list[str] = []
    name = v.case_id or ("(无编号)" if zh else "(no id)")
    lines.append(
        f"案件 {name}:{v.channel.label()}提交,适用{ver.label}年条例。"
        if zh
        else f"Case {name}: channel {v.channel.label('en')}; the {ver.label} 条例 applies."
    )
    if v.as_of is not None:
        lines.append(f"核查日:{_d(v.as_of, lang)}。" if zh else f"Audit day: {_d(v.as_of, lang)}.")

    # 1. receipt
    clause = {
        Channel.IN_PERSON: ("第三十一条第(一)项", "art. 31(1)", "以提交之日为收到申请之日", "the day it is handed in"),
        Channel.REGISTERED_POST: ("第三十一条第(二)项", "art. 31(2)", "以行政机关签收之日为收到申请之日", "the day the agency signs for it"),
        Channel.ORDINARY_LETTER: ("第三十一条第(二)项", "art. 31(2)", "确认之日为收到申请之日", "the day the agency confirms with the applicant"),
        Channel.INTERNET: ("第三十一条第(三)项", "art. 31(3)", "以双方确认之日为收到申请之日", "the day both sides confirm"),
        Channel.FAX: ("第三十一条第(三)项", "art. 31(3)", "以双方确认之日为收到申请之日", "the day both sides confirm"),
    }[v.channel]
    lines.append("一、收到申请日" if zh else "1. Date of receipt")
    if zh:
        lines.append(f"   依据:{_TITLE_2019}{clause[0]}:“{clause[2]}”。")
        lines.append(f"   原文(第三十一条):“{ART_31}”")
    else:
        lines.append(f"   Rule: {_TITLE_2019_EN}, {clause[1]}: received on {clause[3]}.")
        lines.append(f"   Quoted (art. 31): “{ART_31}”")
    if ver.label != "2019":
        lines.append(
            "   2008年条例未规定各渠道的收到日,参照2019年条例第三十一条确定。"
            if zh
            else "   The 2008 条例 fixes no receipt date by channel; art. 31 of the 2019 条例 is "
            "applied by analogy."
        )
    recorded = _d(v.receipt_recorded, lang)
    if v.receipt_assumed:
        lines.append(
            f"   记录的日期:{field_label(v.receipt_field)}{recorded}(假定为收到申请之日)。"
            if zh
            else f"   Recorded: {field_label(v.receipt_field, 'en')} {recorded} (assumed to be "
            "the receipt)."
        )
    else:
        lines.append(
            f"   记录的日期:{field_label(v.receipt_field)}{recorded}。"
            if zh
            else f"   Recorded: {field_label(v.receipt_field, 'en')} {recorded}."
        )
    for finding in v.findings:
        if finding.code in ("receipt_assumed", "receipt_moved"):
            lines.append(f"   {finding.text(lang)}")
    makeup = ""
    try:
        from .workcalendar import DayKind

        if cal.day_info(v.receipt).kind is DayKind.MAKEUP_WORKDAY:
            makeup = ",调休上班日,是工作日" if zh else ", a make-up working day (调休上班)"
    except CalendarCoverageError:
        pass
    lines.append(
        f"   收到申请日:{_d(v.receipt, lang)}{makeup}。"
        if zh
        else f"   Date of receipt: {_d(v.receipt, lang)}{makeup}."
    )

    # 2. version
    reply_rule = ver.reply
    src = reply_rule.source
    lines.append("二、适用版本" if zh else "2. Version")
    if ver.label == "2019":
        boundary = _iso(ver.start)
    else:
        boundary = _iso(ver.until + dt.timedelta(days=1)) if ver.until else "2019-05-15"
    if zh:
        side = "不早于" if ver.label == "2019" else "早于"
        lines.append(
            f"   收到申请日{_iso(v.receipt)}{side}{boundary}(2019年修订条例施行日),适用"
            f"{src.cite('zh')}:答复期限{ver.n}个工作日,延期最长{ver.ext_cap}个工作日"
            f"(规则 {reply_rule.id})。"
        )
    else:
        side = "on or after" if ver.label == "2019" else "before"
        lines.append(
            f"   Received {_iso(v.receipt)}, {side} {boundary} (the 2019 revision's entry into "
            f"force): {src.cite('en')} applies — reply within {ver.n} working days, extension "
            f"at most {ver.ext_cap} (rule {reply_rule.id})."
        )

    number = 3
    section = ("三", "四", "五", "六")
    # 3. 补正 notice
    sup = v.duty(DutyKind.SUPPLEMENT_NOTICE)
    if f.supplement_requested is not None:
        lines.append(
            f"{section[number - 3]}、补正告知" if zh else f"{number}. Request for correction (补正)"
        )
        number += 1
        if sup is not None and ver.supplement is not None:
            lines.extend(f"   {line}" for line in ver.supplement.citation_lines(lang))
            if sup.due is not None:
                lines.append(
                    f"   期限:收到申请日{_iso(v.receipt)}不计入,第{ver.supplement_n}个工作日为"
                    f"{_d(sup.due, lang)},至该日24时止。"
                    if zh
                    else f"   Limit: the receipt day {_iso(v.receipt)} does not count; the "
                    f"{ver.supplement_n}th working day is {_d(sup.due, lang)}, until 24:00."
                )
                lines.extend(_skipped_lines(cal, v.receipt, sup.due, lang))
            lines.append(_judged_line(sup, lang))
        else:
            lines.append(f"   {Finding('supplement_no_limit').text(lang)}")
            lines.append(
                f"   补正告知日期:{_d(f.supplement_requested, lang)}。"
                if zh
                else f"   Correction asked for on {_d(f.supplement_requested, lang)}."
            )

    # 4. reply
    reply = v.reply
    lines.append(f"{section[number - 3]}、答复" if zh else f"{number}. Reply")
    lines.extend(f"   {line}" for line in reply_rule.citation_lines(lang))
    step = 1
    start = v.clock_start
    if f.supplement_requested is not None:
        if f.supplement_received is None:
            lines.append(f"   {step}. {Finding('awaiting_supplement', (f.supplement_requested,)).text(lang)}")
            lines.append(_judged_line(reply, lang))
            return _tail(v, lines, lang)
        lines.append(
            f"   {step}. 起算日:收到补正的申请之日{_d(start, lang)}(第三十条:答复期限自行政机关收到补正的申请之日起计算),当日不计入。"
            if zh
            else f"   {step}. Start: the day the corrected application arrived, {_d(start, lang)} "
            "(art. 30: the reply limit runs from the receipt of the corrected application); that "
            "day does not count."
        )
        for finding in v.findings:
            if finding.code == "supplement_moved":
                lines.append(f"      {finding.text(lang)}")
    else:
        lines.append(
            f"   {step}. 起算日:收到申请日{_d(start, lang)},当日不计入,自次日起算(民法典第二百零一条)。"
            if zh
            else f"   {step}. Start: the date of receipt, {_d(start, lang)}; that day does not "
            "count, counting starts the next day (Civil Code art. 201)."
        )
    step += 1
    if start is None or (reply.status is Status.WAITING and v.base_due is None):
        for finding in v.findings:
            if finding.code == "consult_waiting":
                lines.append(f"   {step}. {finding.text(lang)}")
        lines.append(_judged_line(reply, lang))
        return _tail(v, lines, lang)
    try:
        plain = cal.add_workdays(start, ver.n)
    except CalendarCoverageError:
        lines.append(_judged_line(reply, lang))
        return _tail(v, lines, lang)
    lines.append(
        f"   {step}. {ver.n}个工作日:第{ver.n}个工作日为{_d(plain, lang)}。"
        if zh
        else f"   {step}. {ver.n} working days: the {ver.n}th working day is {_d(plain, lang)}."
    )
    step += 1
    if f.consultations:
        lines.append(
            f"   {step}. 征求意见所需时间不计入答复期限(第三十三条第二款;2008年条例第二十四条):"
            if zh
            else f"   {step}. Consultation time does not count (art. 33(2); 2008: art. 24):"
        )
        step += 1
        for span in v._spans:
            low = max(span.sent, start)
            count = _workdays(cal, low, span.end) if span.end > low else 0
            answered = (
                (f"{_iso(span.answered)}答复" if zh else f"answered {_iso(span.answered)}")
                if span.answered
                else ("未记录答复" if zh else "no answer recorded")
            )
            cap = ("(封顶)" if zh else " (capped)") if span.capped else ""
            lines.append(
                f"      - {span.party.label()}:{_iso(span.sent)}发出,{answered};"
                f"({_iso(low)}, {_iso(span.end)}]内{count}个工作日{cap}。"
                if zh
                else f"      - {span.party.label('en')}: sent {_iso(span.sent)}, {answered}; "
                f"{count} working day(s) in ({_iso(low)}, {_iso(span.end)}]{cap}."
            )
        if ver.consult is not None:
            lines.extend(f"      {line}" for line in ver.consult.citation_lines(lang))
            if any(s.party is Party.AGENCY for s in v._spans):
                lines.append(f"      原文(第三十四条):“{ART_34}”" if zh else f"      Quoted (art. 34): “{ART_34}”")
        for finding in v.findings:
            if finding.code in (
                "consult_capped",
                "consult_unanswered",
                "consult_open",
                "consult_late",
                "agency_not_excluded",
            ):
                lines.append(f"      {finding.text(lang)}")
        overlap = len(v._spans) > 1
        lines.append(
            f"      合计排除{v.excluded_workdays}个工作日{'(重叠部分只计一次)' if overlap else ''},"
            f"答复期限顺延{v.excluded_workdays}个工作日至{_d(v.base_due, lang)}。"
            if zh
            else f"      In all {v.excluded_workdays} working day(s) excluded"
            f"{' (overlaps count once)' if overlap else ''}: the deadline moves by as many "
            f"working days, to {_d(v.base_due, lang)}."
        )
    ext = v.duty(DutyKind.EXTENSION)
    if f.ext_approved is not None and ext is not None:
        lines.append(
            f"   {step}. 延期(第三十三条第一款:经政府信息公开工作机构负责人同意并告知申请人,最长{ver.ext_cap}个工作日,"
            f"须在原答复期限{_iso(v.base_due) if v.base_due else '—'}届满前):"
            if zh
            else f"   {step}. Extension (art. 33(1): approved by the head of the OGI office and "
            f"told to the applicant, at most {ver.ext_cap} working days, on or before the "
            f"original deadline {_iso(v.base_due) if v.base_due else '—'}):"
        )
        step += 1
        told = _iso(f.ext_told) if f.ext_told else ("未记录" if zh else "not recorded")
        days = f.ext_days if f.ext_days is not None else ver.ext_cap
        lines.append(
            f"      批准{_iso(f.ext_approved)},告知申请人{told},延期{days}个工作日。"
            if zh
            else f"      Approved {_iso(f.ext_approved)}, told to the applicant {told}, "
            f"{days} working day(s)."
        )
        for finding in v.findings:
            if finding.code.startswith("extension_"):
                lines.append(f"      {finding.text(lang)}")
        if v.extension_workdays:
            lines.append(
                f"      延期有效:答复期限再延长{v.extension_workdays}个工作日。"
                if zh
                else f"      The extension is valid: {v.extension_workdays} more working day(s)."
            )
        lines.append(_judged_line(ext, lang).replace("   ", "      ", 1))
    if reply.due is not None:
        lines.append(
            f"   {step}. 答复期限:{_d(reply.due, lang)}24时。"
            if zh
            else f"   {step}. Reply due: {_d(reply.due, lang)}, until 24:00."
        )
        lines.extend(_skipped_lines(cal, start, reply.due, lang))
    lines.append(_judged_line(reply, lang))
    return _tail(v, lines, lang)


def _tail(v: CaseVerdict, lines: list[str], lang: str) -> list[str]:
    zh = lang.startswith("zh")
    shown = {
        "receipt_assumed",
        "receipt_moved",
        "supplement_moved",
        "awaiting_supplement",
        "consult_capped",
        "consult_unanswered",
        "consult_open",
        "consult_late",
        "consult_waiting",
        "agency_not_excluded",
        "extension_days_assumed",
        "extension_over_cap",
        "extension_invalid",
        "extension_not_told",
        "supplement_no_limit",
    }
    rest = [
        finding
        for finding in v.findings
        if finding.code not in shown and not finding.code.startswith("extension_")
    ]
    if rest:
        lines.append("提示与问题:" if zh else "Warnings and problems:")
        lines.extend(f"   - {finding.text(lang)}" for finding in rest)
    lines.append(("结果:" if zh else "Result: ") + v.summary(lang))
    dates = [d for d in (v.receipt, v.receipt_recorded, *(x.due for x in v.duties)) if d]
    data = v._calendar.notices_used(min(dates), max(dates))
    if data:
        lines.append("日历数据:" if zh else "Calendar data:")
        lines.extend(f"   {line}" for line in data)
    return lines
