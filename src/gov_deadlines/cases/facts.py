"""A case's facts as plain values, what the one clock reads (:class:`CaseFacts`), and the
rules that read them: the recorded receipt of each channel (:func:`receipt_by_channel`,
2019 art. 31, 国办公开办函〔2015〕207号 for e-mail under the 2008 条例 and letters signed for
by another body),
and the consistency checks (:func:`out_of_order`, :func:`first_problem`,
:func:`problem_detail`: dates in order, a receipt known). Built from a
:class:`~gov_deadlines.cases.Case` or straight from a CSV row
(:func:`~gov_deadlines.cases.columns.facts_from_cells`), without pydantic. Re-exported by
:mod:`gov_deadlines.cases.model`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from gov_deadlines.cases.channels import RECEIPT_FIELDS, Channel, Party, field_label
from gov_deadlines.cases.record import NoticeDate, NoticeDates, NoticeDay, SignedBy, notice_day
from gov_deadlines.dates import iso_date

__all__ = [
    "CaseFacts",
    "first_problem",
    "out_of_order",
    "problem_detail",
    "receipt_by_channel",
]

# -- plain facts: what the clock needs, from the model or straight from a CSV row ----------------


#: The first day of the 2019 条例 in the bundled catalogue: an e-mail received from then on is
#: an internet application under art. 31(三), received on the day both sides confirm. The
#: clock replaces it by its own catalogue's day (:meth:`CaseFacts.with_email_confirm_from`),
#: or by ``None`` under the 207号 option (AuditPolicy.email_received_by_mail_system).
EMAIL_CONFIRMED_FROM = dt.date(2019, 5, 15)


class CaseFacts:
    """A case's dates as plain values (no validation): the hot path's input.

    The record's extra facts (issue 15, :mod:`gov_deadlines.cases.record`) are keyword
    arguments: ``received`` (a receipt date with no channel needed), ``signed_by`` (who
    signed for a registered letter), ``email_received`` (the mail system's receipt),
    ``receipt_disputed`` (other candidate receipt dates), ``undated`` (the parties of
    consultations recorded without dates), the made/sent/delivered dates of each notice
    (``reply_dates``, ``supplement_dates``, ``extension_dates``) and ``notice_policy``, which
    of them counts. ``replied``, ``supplement_requested`` and ``ext_told`` hold the day the
    clock counts: the single recorded date, or the one the policy picks.
    """

    __slots__ = (
        "case_id",
        "channel",
        "confirmed",
        "consultations",
        "email_confirm_from",
        "email_received",
        "ext_approved",
        "ext_days",
        "ext_told",
        "extension_dates",
        "notice_days",
        "notice_policy",
        "raw_receipt",
        "receipt_assumed",
        "receipt_disputed",
        "receipt_field",
        "received",
        "replied",
        "reply_dates",
        "signed_by",
        "signed_for",
        "submitted",
        "supplement_dates",
        "supplement_received",
        "supplement_requested",
        "undated",
    )

    raw_receipt: dt.date | None
    receipt_field: str
    receipt_assumed: bool
    #: The notices whose day the policy picked among several dates: (duty value, the pick).
    notice_days: tuple[tuple[str, NoticeDates, NoticeDay], ...]

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
        *,
        received: dt.date | None = None,
        signed_by: SignedBy | None = None,
        email_received: dt.date | None = None,
        receipt_disputed: tuple[dt.date, ...] = (),
        undated: tuple[Party, ...] = (),
        reply_dates: NoticeDates | None = None,
        supplement_dates: NoticeDates | None = None,
        extension_dates: NoticeDates | None = None,
        notice_policy: NoticeDate = NoticeDate.SENT,
        email_confirm_from: dt.date | None = EMAIL_CONFIRMED_FROM,
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
        self.received = received
        self.signed_by = signed_by
        self.email_received = email_received
        self.receipt_disputed = receipt_disputed
        self.undated = undated
        self.reply_dates = reply_dates
        self.supplement_dates = supplement_dates
        self.extension_dates = extension_dates
        self.notice_policy = notice_policy
        self.email_confirm_from = email_confirm_from
        self.notice_days = ()
        if reply_dates is not None or supplement_dates is not None or extension_dates is not None:
            self._pick_notice_days()
        # The recorded receipt (art. 31), the field it comes from and whether it is
        # assumed, worked out once (from the arguments: _pick_receipt reads them back).
        self.raw_receipt, self.receipt_field, self.receipt_assumed = receipt_by_channel(
            channel,
            submitted,
            signed_for,
            confirmed,
            received,
            signed_by,
            email_received,
            email_confirm_from,
        )

    def _pick_receipt(self) -> None:
        self.raw_receipt, self.receipt_field, self.receipt_assumed = receipt_by_channel(
            self.channel,
            self.submitted,
            self.signed_for,
            self.confirmed,
            self.received,
            self.signed_by,
            self.email_received,
            self.email_confirm_from,
        )

    def _pick_notice_days(self) -> None:
        picked: list[tuple[str, NoticeDates, NoticeDay]] = []
        for kind, dates, attribute in (
            ("supplement_notice", self.supplement_dates, "supplement_requested"),
            ("extension", self.extension_dates, "ext_told"),
            ("reply", self.reply_dates, "replied"),
        ):
            if dates is None or not dates.detailed:
                continue
            day = notice_day(dates, self.notice_policy)
            setattr(self, attribute, day.day)
            picked.append((kind, dates, day))
        self.notice_days = tuple(picked)

    def get(self, name: str) -> dt.date | None:
        value: dt.date | None = getattr(self, name)
        return value

    def _copy(self) -> CaseFacts:
        twin = object.__new__(CaseFacts)
        for name in CaseFacts.__slots__:
            object.__setattr__(twin, name, getattr(self, name))
        return twin

    def with_notice_policy(self, policy: NoticeDate) -> CaseFacts:
        """The same facts with the notices' days picked by ``policy`` (itself when nothing
        changes: no notice has several dates, or the policy is the one applied)."""
        if policy is self.notice_policy or not self.notice_days:
            return self
        twin = self._copy()
        twin.notice_policy = policy
        twin._pick_notice_days()
        return twin

    def with_email_confirm_from(self, day: dt.date | None) -> CaseFacts:
        """The same facts with an e-mail's receipt read by the clock's rule: from ``day`` on
        (the 2019 条例's first day in the clock's catalogue) its confirmation (art. 31(三)),
        ``None``: the mail system's receipt throughout (207号, the policy option). Itself when
        nothing changes (not an e-mail, or the same rule)."""
        if self.channel is not Channel.EMAIL or day == self.email_confirm_from:
            return self
        twin = self._copy()
        twin.email_confirm_from = day
        twin._pick_receipt()
        return twin

    def with_receipt(self, day: dt.date) -> CaseFacts:
        """The same facts received on ``day`` (one candidate of a disputed receipt)."""
        twin = self._copy()
        twin.received = day
        twin.receipt_disputed = ()
        twin.raw_receipt, twin.receipt_field, twin.receipt_assumed = day, "received", False
        return twin


_T = TypeVar("_T", dt.date, int)


def receipt_by_channel(
    channel: Channel,
    submitted: _T | None,
    signed_for: _T | None,
    confirmed: _T | None,
    received: _T | None = None,
    signed_by: SignedBy | None = None,
    email_received: _T | None = None,
    email_confirm_from: _T | None = None,
) -> tuple[_T | None, str, bool]:
    """The recorded receipt (dates, or day indices), the field it comes from and whether it
    is assumed: a date of receipt the record gives (``received``); else the date art. 31
    names for the channel — for a registered letter signed for by another body (代签) the
    OGI office's confirmation (国办公开办函〔2015〕207号); for e-mail received from
    ``email_confirm_from`` on (the 2019 条例) the day both sides confirm (art. 31(三)),
    else, and before it (the 2008 条例, 207号), the mail system's receipt or its sending —;
    else the next recorded one in :data:`RECEIPT_FIELDS`, assumed (``None`` if there is
    none)."""
    if received is not None:
        return received, "received", False
    if channel is Channel.IN_PERSON:
        if submitted is not None:
            return submitted, "submitted", False
    elif channel is Channel.REGISTERED_POST:
        if signed_by is SignedBy.OTHER:
            # 代签: the OGI office's confirmation is the receipt (207号); without it the
            # signature is the earliest it can be, assumed (finding confirmation_missing).
            if confirmed is not None:
                return confirmed, "confirmed", False
            if signed_for is not None:
                return signed_for, "signed_for", True
        elif signed_for is not None:
            return signed_for, "signed_for", False
    elif channel is Channel.EMAIL:
        # The mail system's receipt, which a message sent reaches: the receipt under 207号,
        # the earliest the confirmation can be under art. 31(三).
        mail, field = (
            (email_received, "email_received")
            if email_received is not None
            else (submitted, "submitted")
        )
        earliest = mail if mail is not None else confirmed
        if email_confirm_from is None or earliest is None or earliest < email_confirm_from:
            if mail is not None:
                return mail, field, False
        elif confirmed is not None:
            return confirmed, "confirmed", False
        elif mail is not None:
            # No confirmation recorded: the earliest it can be, assumed (finding
            # email_confirmation_missing).
            return mail, field, True
    elif channel is not Channel.UNKNOWN and confirmed is not None:
        return confirmed, "confirmed", False
    fields = RECEIPT_FIELDS[channel]
    recorded = {
        "submitted": submitted,
        "signed_for": signed_for,
        "confirmed": confirmed,
        "received": received,
        "email_received": email_received,
    }
    for name in fields[1:]:
        value = recorded[name]
        if value is not None:
            return value, name, True
    return None, fields[0], True


def out_of_order(
    submitted: _T | None,
    signed_for: _T | None,
    confirmed: _T | None,
    receipt: _T,
    requested: _T | None,
    arrived: _T | None,
    consultations: Iterable[tuple[_T, _T | None]],
    approved: _T | None,
    told: _T | None,
    ext_days: int | None,
    replied: _T | None,
) -> bool:
    """Whether a case's dates (or day indices) are out of order: the consistency rule of
    :func:`first_problem`, as plain comparisons (:func:`problem_detail` words it)."""
    if (
        (
            submitted is not None
            and (
                (signed_for is not None and signed_for < submitted)
                or (confirmed is not None and confirmed < submitted)
            )
        )
        or (requested is not None and requested < receipt)
        or (arrived is not None and (requested is None or arrived < requested))
        or (replied is not None and replied < receipt)
    ):
        return True
    for sent, answered in consultations:
        if sent < receipt or (answered is not None and answered < sent):
            return True
    if approved is None:
        return told is not None or ext_days is not None
    return (
        approved < receipt
        or (told is not None and told < approved)
        or (ext_days is not None and ext_days < 1)
    )


def first_problem(f: CaseFacts) -> tuple[str, str, str] | None:
    """The first inconsistency of a case as (field, English, Chinese), or ``None``.

    A quick pass of plain comparisons that finds a problem exactly when
    :func:`problem_detail` does; that one, which words the problem, runs only then.
    """
    receipt = f.raw_receipt
    consultations = f.consultations
    if receipt is None or out_of_order(
        f.submitted,
        f.signed_for,
        f.confirmed,
        receipt,
        f.supplement_requested,
        f.supplement_received,
        ((sent, answered) for _, sent, answered in consultations) if consultations else (),
        f.ext_approved,
        f.ext_told,
        f.ext_days,
        f.replied,
    ):
        return problem_detail(f)
    if f.reply_dates or f.supplement_dates or f.extension_dates:
        for dates in (f.supplement_dates, f.extension_dates, f.reply_dates):
            if dates is not None and dates.out_of_order() is not None:
                return problem_detail(f)
    return None


def _notice_order(f: CaseFacts) -> tuple[str, str, str] | None:
    for prefix, dates in (
        ("supplement", f.supplement_dates),
        ("extension", f.extension_dates),
        ("reply", f.reply_dates),
    ):
        wrong = dates.out_of_order() if dates is not None else None
        if dates is None or wrong is None:
            continue
        first, second = (f"{prefix}_{which.value}" for which in wrong)
        early, late = dates.get(wrong[0]), dates.get(wrong[1])
        assert early is not None and late is not None
        return (
            second,
            f"{field_label(second, 'en')} {iso_date(late)} is before the "
            f"{field_label(first, 'en')} {iso_date(early)}: a notice is made, then sent, then "
            "delivered",
            f"{field_label(second)}{iso_date(late)}早于{field_label(first)}{iso_date(early)}:"
            "通知应先作出、再寄出、后送达",
        )
    return None


def problem_detail(f: CaseFacts) -> tuple[str, str, str] | None:
    found = _notice_order(f)
    if found is not None:
        return found
    sub = f.submitted
    for name in ("signed_for", "confirmed"):
        value = f.get(name)
        if sub is not None and value is not None and value < sub:
            return (
                name,
                f"{field_label(name, 'en')} {iso_date(value)} is before the submission date "
                f"{iso_date(sub)}: the dates must be in order",
                f"{field_label(name)}{iso_date(value)}早于提交日期{iso_date(sub)},日期先后顺序有误",
            )
    receipt, basis = f.raw_receipt, f.receipt_field
    if receipt is None and f.channel is Channel.UNKNOWN:
        return (
            "received",
            "no date of receipt: with no channel given, record the date of receipt (received), "
            "or the channel and the date it needs",
            "缺少收到申请的日期:未给出渠道时请填写收到日期,或填写渠道及该渠道所需的日期",
        )
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
                f"{field_label(name, 'en')} {iso_date(value)} is before the receipt "
                f"({basis_en} {iso_date(receipt)}): the dates must be in order",
                f"{field_label(name)}{iso_date(value)}早于收到申请日({basis_zh}{iso_date(receipt)}),"
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
                f"the corrected application arrived {iso_date(f.supplement_received)}, before the "
                f"correction was asked for ({iso_date(f.supplement_requested)})",
                f"补正到达日期{iso_date(f.supplement_received)}早于补正告知日期"
                f"{iso_date(f.supplement_requested)}",
            )
    for number, (_, sent, answered) in enumerate(f.consultations, start=1):
        found = before_receipt("consultation_sent", sent)
        if found:
            return found
        if answered is not None and answered < sent:
            return (
                "consultation_answered",
                f"consultation {number} was answered {iso_date(answered)}, before it was sent "
                f"({iso_date(sent)})",
                f"第{number}次征求意见的答复日期{iso_date(answered)}早于发出日期{iso_date(sent)}",
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
                f"the extension was told to the applicant {iso_date(f.ext_told)}, before it was "
                f"approved ({iso_date(f.ext_approved)})",
                f"延期告知日期{iso_date(f.ext_told)}早于延期批准日期{iso_date(f.ext_approved)}",
            )
        if f.ext_days is not None and f.ext_days < 1:
            return (
                "extension_days",
                f"an extension of {f.ext_days} working days: give a whole number of at least 1",
                f"延期{f.ext_days}个工作日:应为不小于1的整数",
            )
    return before_receipt("replied", f.replied)
