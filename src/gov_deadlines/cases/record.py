"""The application record as case files hold it, read into the clock's facts (issue 15).

Real files give more than one date where the clock needs one, or fewer: a receipt date with
no channel (``received``), a registered letter signed for by a guard room or mailroom
(:class:`SignedBy`, then the OGI office's confirmation counts), an e-mail received by the
mail system (``email_received``), competing receipt dates (``receipt_disputed``), and for
each notice the agency sends (补正, extension, reply) the day it was made, sent and
delivered (:class:`NoticeDates`). This module decides, once, which date the clock counts
from — :func:`notice_day` by the policy :class:`NoticeDate` (default: the day it is sent,
policy ``notice-counts-when-sent``) — and words the findings that say what was missing and
what it would change (:func:`record_finding_text`). The clock itself
(:mod:`gov_deadlines.cases.clock`) only ever sees one date per fact.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from dataclasses import dataclass
from typing import Any

from gov_deadlines.calendar.day import weekday_name
from gov_deadlines.dates import iso_date
from gov_deadlines.vocabulary import is_zh

__all__ = [
    "NOTICE_FALLBACKS",
    "RECORD_CODES",
    "RECORD_WARNINGS",
    "NoticeDate",
    "NoticeDates",
    "NoticeDay",
    "SignedBy",
    "notice_day",
    "record_finding_text",
]


def _key(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in "_-()()/、").casefold()


class SignedBy(enum.Enum):
    """Who signed for a registered letter: the OGI office itself, or another body or person
    (门卫、收发室、传达室、值班室 …: 代签), when the OGI office's confirmation counts."""

    __hash__ = object.__hash__

    OGI_OFFICE = "ogi_office"
    OTHER = "other"

    def label(self, lang: str = "zh") -> str:
        if self is SignedBy.OGI_OFFICE:
            return "政府信息公开工作机构" if is_zh(lang) else "the OGI office"
        return "门卫、收发室等代签" if is_zh(lang) else "a guard room, mailroom or other body"

    @classmethod
    def parse(cls, text: str) -> SignedBy:
        found = _SIGNED_BY.get(_key(text))
        if found is None:
            raise ValueError(
                f"unknown signer {text!r}; use 政府信息公开工作机构/门卫/收发室 or ogi_office/other"
            )
        return found


_SIGNED_BY = {
    _key(alias): member
    for member, aliases in {
        SignedBy.OGI_OFFICE: (
            "ogi_office",
            "ogi office",
            "office",
            "政府信息公开工作机构",
            "信息公开工作机构",
            "公开办",
            "信息公开办",
            "本机构",
            "本机关",
        ),
        SignedBy.OTHER: (
            "other",
            "guard",
            "mailroom",
            "门卫",
            "门卫代签",
            "收发室",
            "收发室代签",
            "传达室",
            "值班室",
            "代签",
            "其他",
            "其他机构",
        ),
    }.items()
    for alias in aliases
}


class NoticeDate(enum.Enum):
    """Which date of a notice the agency sends counts (policy ``notice-counts-when-sent``)."""

    __hash__ = object.__hash__

    MADE = "made"
    SENT = "sent"
    DELIVERED = "delivered"

    def label(self, lang: str = "zh") -> str:
        """作出之日 / 寄出之日 / 送达之日, or the English name."""
        return _NOTICE_LABELS[self][0 if is_zh(lang) else 1]

    @classmethod
    def parse(cls, text: str) -> NoticeDate:
        found = _NOTICE_ALIASES.get(_key(text))
        if found is None:
            raise ValueError(
                f"unknown notice date {text!r}; use made/sent/delivered (作出/寄出/送达)"
            )
        return found


_NOTICE_LABELS = {
    NoticeDate.MADE: ("作出之日", "the day it was made"),
    NoticeDate.SENT: ("寄出之日", "the day it was sent"),
    NoticeDate.DELIVERED: ("送达之日", "the day it was delivered"),
}
_NOTICE_ALIASES = {
    _key(alias): member
    for member, aliases in {
        NoticeDate.MADE: ("made", "作出", "落款", "作出之日"),
        NoticeDate.SENT: ("sent", "寄出", "交邮", "发出", "发送", "寄出之日"),
        NoticeDate.DELIVERED: ("delivered", "送达", "签收", "送达之日"),
    }.items()
    for alias in aliases
}
#: When the date the policy names is missing, the recorded dates used instead, nearest
#: first: made <= sent <= delivered always holds, so each names a bound.
NOTICE_FALLBACKS: dict[NoticeDate, tuple[NoticeDate, ...]] = {
    NoticeDate.SENT: (NoticeDate.DELIVERED, NoticeDate.MADE),
    NoticeDate.MADE: (NoticeDate.SENT, NoticeDate.DELIVERED),
    NoticeDate.DELIVERED: (NoticeDate.SENT, NoticeDate.MADE),
}
_ORDER = (NoticeDate.MADE, NoticeDate.SENT, NoticeDate.DELIVERED)


@dataclass(frozen=True, slots=True)
class NoticeDates:
    """The dates of one notice: made (作出/落款), sent (寄出/交邮), delivered (送达), and the
    single date recorded the old way (``recorded``: 答复日期, 补正告知日期, 延期告知日期)."""

    made: dt.date | None = None
    sent: dt.date | None = None
    delivered: dt.date | None = None
    recorded: dt.date | None = None

    def get(self, which: NoticeDate) -> dt.date | None:
        value: dt.date | None = getattr(self, which.value)
        return value

    @property
    def detailed(self) -> bool:
        """Whether any of made, sent, delivered is recorded (then the policy picks)."""
        return self.made is not None or self.sent is not None or self.delivered is not None

    def out_of_order(self) -> tuple[NoticeDate, NoticeDate] | None:
        """A pair of recorded dates in the wrong order (made > sent, …), or ``None``."""
        known = [(which, self.get(which)) for which in _ORDER if self.get(which) is not None]
        for (first, early), (second, late) in itertools.pairwise(known):
            assert early is not None and late is not None
            if late < early:
                return first, second
        return None


@dataclass(frozen=True, slots=True)
class NoticeDay:
    """The day a notice counts on, and why: ``used`` is the date it is (``None``: the
    ``recorded`` single date), ``missing`` the date the policy names when it is not recorded."""

    day: dt.date | None
    used: NoticeDate | None
    missing: NoticeDate | None


def notice_day(dates: NoticeDates, policy: NoticeDate) -> NoticeDay:
    """The day a notice counts on under ``policy``: the date it names; when missing, the
    nearest recorded one (:data:`NOTICE_FALLBACKS`); with none of the three, the single
    recorded date (policy ``notice-counts-on-the-recorded-day``)."""
    if not dates.detailed:
        return NoticeDay(dates.recorded, None, None)
    wanted = dates.get(policy)
    if wanted is not None:
        return NoticeDay(wanted, policy, None)
    for other in NOTICE_FALLBACKS[policy]:
        found = dates.get(other)
        if found is not None:
            return NoticeDay(found, other, policy)
    raise AssertionError("detailed dates hold one of the three")  # pragma: no cover


# -- findings -------------------------------------------------------------------------------------

#: The codes among :data:`RECORD_CODES` that are warnings: something is missing or disputed.
RECORD_WARNINGS = frozenset(
    {
        "confirmation_missing",
        "email_confirmation_missing",
        "receipt_disputed",
        "consult_undated",
        "notice_date_missing",
    }
)
#: Finding codes of this module (rendered by :func:`record_finding_text`).
RECORD_CODES = frozenset(
    {
        "received_recorded",
        "confirmation_missing",
        "signed_by_other",
        "email_receipt",
        "email_confirmed",
        "email_confirmation_missing",
        "receipt_disputed",
        "consult_undated",
        "notice_date_missing",
        "notice_policy_decided",
        "no_audit_day",
    }
)

_FIELD_NAMES = {
    NoticeDate.MADE: ("作出日期", "made date"),
    NoticeDate.SENT: ("寄出日期", "sent date"),
    NoticeDate.DELIVERED: ("送达日期", "delivered date"),
}


def _day(day: dt.date, zh: bool) -> str:
    if zh:
        return f"{iso_date(day)}({weekday_name(day, 'zh')})"
    return f"{iso_date(day)} ({weekday_name(day, 'en')})"


def _field(which: NoticeDate, zh: bool) -> str:
    return _FIELD_NAMES[which][0 if zh else 1]


def _late(late: int | None, zh: bool) -> str:
    if late is None:
        return "按时" if zh else "on time"
    return f"逾期{late}个工作日" if zh else f"late by {late} working day(s)"


def record_finding_text(code: str, args: tuple[Any, ...], zh: bool) -> str | None:
    """The text of a finding of this module (``None`` for another code)."""
    if code == "received_recorded":
        (day, channel, channel_day) = args
        channel_label = channel.label("zh" if zh else "en")
        if channel_day is None:
            return (
                f"收到申请日按记录的收到日期{_day(day, zh)}计算(渠道:{channel_label}),不按渠道推定。"
                if zh
                else f"The receipt is the recorded date of receipt, {_day(day, zh)} (channel: "
                f"{channel_label}), not derived from the channel."
            )
        return (
            f"收到申请日按记录的收到日期{_day(day, zh)}计算;按渠道({channel_label})推定的日期"
            f"{_day(channel_day, zh)}与之不同,未采用。"
            if zh
            else f"The receipt is the recorded date of receipt, {_day(day, zh)}; the date the "
            f"channel ({channel_label}) gives, {_day(channel_day, zh)}, differs and is not used."
        )
    if code == "signed_by_other":
        (signed, confirmed) = args
        signed_text = (
            _day(signed, zh)
            if signed is not None
            else ("签收日未记录" if zh else "date not recorded")
        )
        return (
            f"挂号信由门卫、收发室等代签({signed_text}):按国办公开办函〔2015〕207号,以政府"
            f"信息公开工作机构确认之日{_day(confirmed, zh)}为收到申请之日(本库政策 "
            "guard-signed-letter-received-on-confirmation)。"
            if zh
            else f"The registered letter was signed for by a guard room or mailroom "
            f"({signed_text}): under 国办公开办函〔2015〕207号 the receipt is the day the OGI "
            f"office confirmed it, {_day(confirmed, zh)} (the library's policy "
            "guard-signed-letter-received-on-confirmation)."
        )
    if code == "confirmation_missing":
        (signed,) = args
        return (
            f"挂号信由门卫、收发室等代签({_day(signed, zh)}),未记录政府信息公开工作机构确认收到的"
            "日期(确认日期):按国办公开办函〔2015〕207号应以确认之日为收到申请之日。期限暂按签收日"
            "计算,是最早可能的期限;确认日每晚一个工作日,各期限顺延一个工作日。请补录确认日期。"
            if zh
            else f"The registered letter was signed for by a guard room or mailroom "
            f"({_day(signed, zh)}) and the day the OGI office confirmed receipt is not recorded: "
            "under 国办公开办函〔2015〕207号 that day is the receipt. The limits are counted from "
            "the signature for now, the earliest they can be; each working day the confirmation "
            "came later moves every limit by one working day. Record the confirmation date."
        )
    if code == "email_receipt":
        (day, field, confirmed) = args
        basis = (
            ("邮件系统接收日期", "the mail system's date of receipt")
            if field == "email_received"
            else (
                "发送日期(邮件发出即到达邮件系统)",
                "the sending date (a message reaches the mail system when sent)",
            )
        )
        text = (
            f"电子邮件申请:按国办公开办函〔2015〕207号,以电子邮件系统接收之日为收到申请之日"
            f"(本库政策 email-received-by-the-mail-system),即{basis[0]}{_day(day, zh)}。"
            if zh
            else f"Application by e-mail: under 国办公开办函〔2015〕207号 the receipt is the day the "
            f"mail system received it (the library's policy email-received-by-the-mail-system), "
            f"{basis[1]} {_day(day, zh)}."
        )
        if confirmed is not None and confirmed != day:
            text += (
                f"记录的双方确认日期为{_day(confirmed, zh)}:按2019年条例第三十一条第(三)项(本库默认)"
                "以双方确认之日为收到申请之日,收到申请日为该日。"
                if zh
                else f" The recorded confirmation is {_day(confirmed, zh)}: read as an internet "
                "channel under art. 31(3) of the 2019 条例 (the day both sides confirm; the "
                "library's default), that day would be the receipt."
            )
        return text
    if code == "email_confirmed":
        (confirmed, mail) = args
        text = (
            f"电子邮件申请:按2019年条例第三十一条第(三)项(互联网渠道),以双方确认之日"
            f"{_day(confirmed, zh)}为收到申请之日(本库政策 email-received-by-the-mail-system)。"
            if zh
            else f"Application by e-mail: an internet channel under art. 31(3) of the 2019 条例, "
            f"received on the day both sides confirm, {_day(confirmed, zh)} (the library's "
            "policy email-received-by-the-mail-system)."
        )
        if mail is not None and mail != confirmed:
            text += (
                f"邮件系统接收(发送)日期为{_day(mail, zh)};按国办公开办函〔2015〕207号(可选政策)"
                "收到申请日为该日。"
                if zh
                else f" The mail system received it (or it was sent) on {_day(mail, zh)}: under "
                "国办公开办函〔2015〕207号 (a policy option) that day would be the receipt."
            )
        return text
    if code == "email_confirmation_missing":
        (day, field) = args
        what = (
            ("邮件系统接收日期", "the mail system's receipt")
            if field == "email_received"
            else ("发送日期", "the sending date")
        )
        return (
            f"电子邮件申请,未记录双方确认收到的日期(确认日期):按2019年条例第三十一条第(三)项"
            f"应以双方确认之日为收到申请之日。期限暂按{what[0]}{_day(day, zh)}计算,是最早可能的"
            "期限;确认日每晚一个工作日,各期限顺延一个工作日。请补录确认日期(本库政策 "
            "email-received-by-the-mail-system)。"
            if zh
            else "Application by e-mail and the day both sides confirmed receipt is not recorded: "
            "under art. 31(3) of the 2019 条例 that day is the receipt. The limits are counted "
            f"from {what[1]}, {_day(day, zh)}, for now, the earliest they can be; each working "
            "day the confirmation came later moves every limit by one working day. Record the "
            "confirmation date (the library's policy email-received-by-the-mail-system)."
        )
    if code == "receipt_disputed":
        (outcomes,) = args  # ((receipt, due or None, status zh, status en, status, late), …)
        parts = []
        for receipt, due, status_zh, status_en, *_ in outcomes:
            due_text = _day(due, zh) if due is not None else ("无法计算" if zh else "undetermined")
            parts.append(
                f"若以{iso_date(receipt)}为收到申请日:答复期限{due_text},{status_zh}"
                if zh
                else f"if received on {iso_date(receipt)}: reply due {due_text}, {status_en}"
            )
        joined = ";".join(parts) if zh else "; ".join(parts)
        return (
            f"收到申请日有争议:{joined}。" if zh else f"The date of receipt is disputed: {joined}."
        )
    if code == "consult_undated":
        (party, count, cap) = args
        party_label = party.label("zh" if zh else "en")
        cap_zh = f"(每次最多{cap}个工作日)" if cap is not None else ""
        cap_en = f" (at most {cap} per consultation)" if cap is not None else ""
        return (
            f"记录了{count}次征求{party_label}意见,但没有发出、答复日期:其时间无法从答复期限中扣除。"
            f"所示答复期限未扣除征求意见时间,是最早可能的期限;征求意见每占用一个工作日,期限顺延一个"
            f"工作日{cap_zh}。请补录发出与答复日期。"
            if zh
            else f"{count} consultation(s) of the {party_label} recorded without dates: their time "
            "cannot be left out of the reply limit. The reply due date shown excludes none, the "
            f"earliest it can be; each working day of consultation moves it by one{cap_en}. "
            "Record the dates sent and answered."
        )
    if code == "notice_date_missing":
        (kind_labels, policy, used, used_day, due, certain) = args
        kind_label = kind_labels[0 if zh else 1]
        head = (
            f"{kind_label}:按本库政策 notice-counts-when-sent,以{policy.label('zh')}为准,但未记录"
            f"{_field(policy, True)};按{_field(used, True)}{_day(used_day, True)}计算。"
            if zh
            else f"{kind_label}: by the library's policy notice-counts-when-sent, "
            f"{policy.label('en')} counts, and its {_field(policy, False)} is not recorded; "
            f"counted on the {_field(used, False)}, {_day(used_day, False)}."
        )
        if due is None:
            return head
        if certain:
            tail = (
                "无论该日期是哪一天,结论都不变。"
                if zh
                else " Whatever that date was, the outcome is the same."
            )
        elif used_day <= due:
            tail = (
                f"若{_field(policy, True)}晚于期限{iso_date(due)},则为逾期。请补录{_field(policy, True)}。"
                if zh
                else f" If the {_field(policy, False)} was after the due date {iso_date(due)}, it "
                f"was late. Record the {_field(policy, False)}."
            )
        else:
            tail = (
                f"若{_field(policy, True)}不晚于期限{iso_date(due)},则为按时。请补录{_field(policy, True)}。"
                if zh
                else f" If the {_field(policy, False)} was on or before the due date "
                f"{iso_date(due)}, it was on time. Record the {_field(policy, False)}."
            )
        return head + tail
    if code == "notice_policy_decided":
        (kind_labels, policy, outcomes) = args  # outcomes: ((NoticeDate, day, late or None), …)
        kind_label = kind_labels[0 if zh else 1]
        listed = ("、" if zh else ", ").join(
            f"{_field(which, zh)}{'' if zh else ' '}{iso_date(day)}" for which, day, _ in outcomes
        )
        chosen = [late for which, _, late in outcomes if which is policy]
        others = [(which, late) for which, _, late in outcomes if which is not policy]
        if zh:
            rest = ";".join(
                f"若以{which.label('zh')}为准,则{_late(late, True)}" for which, late in others
            )
            return (
                f"{kind_label}:{listed}分处期限两侧,由本库政策 notice-counts-when-sent 决定结论:"
                f"以{policy.label('zh')}为准,{_late(chosen[0] if chosen else None, True)};{rest}。"
            )
        rest = "; ".join(
            f"if {which.label('en')} counted, {_late(late, False)}" for which, late in others
        )
        return (
            f"{kind_label}: the {listed} fall on both sides of the due date, so the library's "
            f"policy notice-counts-when-sent decides: {policy.label('en')} counts, "
            f"{_late(chosen[0] if chosen else None, False)}; {rest}."
        )
    if code == "no_audit_day":
        return (
            "未给出核查日:尚未完成的职责只能标为“未到期”,无法判断是否已逾期;给出核查日"
            "(as_of,命令行 --as-of,默认今天)才能判断。"
            if zh
            else "No audit day given: a duty not done can only be marked pending, not judged "
            "overdue; give the audit day (as_of; on the command line --as-of, default today)."
        )
    return None
