"""The audit's settings: the choices the law leaves open (:class:`AuditPolicy`)."""

from __future__ import annotations

import warnings
from dataclasses import InitVar, dataclass

from gov_deadlines.cases.record import NoticeDate
from gov_deadlines.catalogue.receipt import ReceiptPolicy

__all__ = ["DEFAULT_POLICY", "AuditPolicy"]


@dataclass(frozen=True, slots=True)
class AuditPolicy:
    """Choices the law leaves open, each stated in the explanation when it applies.

    ``receipt``: the rest-day receipt policy, the same as ``due(..., receipt_policy=)``
    (:class:`~gov_deadlines.catalogue.receipt.ReceiptPolicy`): by default a receipt (or
    corrected application) dated on a rest day counts as received on the first working day
    after it; ``ReceiptPolicy.AS_RECORDED`` keeps the recorded date.
    ``warn_within``: warn about pending duties due within this many working days of the
    audit day (default 5).
    ``move_rest_day_receipt`` (deprecated, accepted for one release): ``False`` is
    ``receipt=ReceiptPolicy.AS_RECORDED``.
    ``notice_date``: which date of a notice (补正 notice, extension notice, reply) counts when
    the record gives it made, sent or delivered (:class:`~gov_deadlines.cases.NoticeDate`;
    default the day it is sent, policy ``notice-counts-when-sent``).
    ``email_received_by_mail_system``: an e-mail received under the 2019 条例 counts as
    received when the mail system receives it (国办公开办函〔2015〕207号, policy
    ``email-received-by-the-mail-system``) instead of on the day both sides confirm (art.
    31(三), the default); under the 2008 条例 207号 applies either way.
    """

    receipt: ReceiptPolicy = ReceiptPolicy.NEXT_WORKING_DAY
    warn_within: int = 5
    move_rest_day_receipt: InitVar[bool | None] = None
    #: Which date of a notice counts when it has several (policy notice-counts-when-sent).
    notice_date: NoticeDate = NoticeDate.SENT
    #: 207号 for e-mail under the 2019 条例 too (policy email-received-by-the-mail-system).
    email_received_by_mail_system: bool = False

    def __post_init__(self, move_rest_day_receipt: bool | None) -> None:
        if move_rest_day_receipt is not None:
            warnings.warn(
                "AuditPolicy(move_rest_day_receipt=...) is deprecated: use "
                "AuditPolicy(receipt=ReceiptPolicy.NEXT_WORKING_DAY / AS_RECORDED)",
                DeprecationWarning,
                stacklevel=3,
            )
            receipt = (
                ReceiptPolicy.NEXT_WORKING_DAY
                if move_rest_day_receipt
                else ReceiptPolicy.AS_RECORDED
            )
            object.__setattr__(self, "receipt", receipt)


DEFAULT_POLICY = AuditPolicy()
