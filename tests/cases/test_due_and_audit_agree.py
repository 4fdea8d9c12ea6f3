"""One answer to one question: ``due("ogi.reply", received)`` and ``audit_case`` agree.

The receipt of an application belongs to the OGI rules, not to the audit: for a plain case
(any channel, the channel's own receipt date recorded, nothing else) the reply the audit
computes and the deadline ``due`` computes are the same date under each rest-day receipt
policy — or both refuse (before the 2008 条例), or both are undetermined (past the calendar).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_deadlines import due
from gov_deadlines.cases import RECEIPT_FIELDS, AuditPolicy, CaseError, Channel, audit_case
from gov_deadlines.catalogue.receipt import ReceiptPolicy
from gov_deadlines.errors import CalendarCoverageError, NotInForceError

REFUSED = "refused"
UNDETERMINED = "undetermined"


def by_due(day: dt.date, policy: ReceiptPolicy) -> dt.date | str:
    try:
        return due("ogi.reply", day, receipt_policy=policy).due_date
    except NotInForceError:
        return REFUSED
    except CalendarCoverageError:
        return UNDETERMINED


def by_audit(channel: Channel, day: dt.date, policy: ReceiptPolicy) -> dt.date | str:
    case = {"channel": channel.value, RECEIPT_FIELDS[channel][0]: day}
    try:
        verdict = audit_case(case, policy=AuditPolicy(receipt=policy))
    except CaseError:
        return REFUSED
    if verdict.result == "undetermined":
        return UNDETERMINED
    assert verdict.reply_due_date is not None
    return verdict.reply_due_date


@settings(max_examples=300, deadline=None)
@given(
    channel=st.sampled_from(list(Channel)),
    day=st.dates(dt.date(2004, 1, 1), dt.date(2026, 12, 31)),
    policy=st.sampled_from(list(ReceiptPolicy)),
)
def test_due_and_the_audit_give_one_reply_date_for_every_plain_case(
    channel: Channel, day: dt.date, policy: ReceiptPolicy
) -> None:
    assert by_due(day, policy) == by_audit(channel, day, policy)


def test_a_sunday_receipt_counts_from_monday_in_both_by_default() -> None:
    sunday = dt.date(2026, 3, 8)
    assert due("ogi.reply", sunday).due_date == dt.date(2026, 4, 7)
    verdict = audit_case({"channel": "in_person", "submitted": sunday})
    assert verdict.reply_due_date == dt.date(2026, 4, 7)


def test_a_sunday_receipt_counts_from_sunday_in_both_as_recorded() -> None:
    sunday, recorded = dt.date(2026, 3, 8), ReceiptPolicy.AS_RECORDED
    assert due("ogi.reply", sunday, receipt_policy=recorded).due_date == dt.date(2026, 4, 3)
    verdict = audit_case(
        {"channel": "in_person", "submitted": sunday}, policy=AuditPolicy(receipt=recorded)
    )
    assert verdict.reply_due_date == dt.date(2026, 4, 3)


def test_both_refuse_a_receipt_before_the_2008_regulations() -> None:
    for policy in ReceiptPolicy:
        assert by_due(dt.date(2008, 4, 30), policy) == REFUSED
        assert by_audit(Channel.FAX, dt.date(2008, 4, 30), policy) == REFUSED
