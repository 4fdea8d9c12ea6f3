"""Property tests of the OGI case clock (issue 6, §4).

Oracles are independent of the code under test where they can be: working days are counted
by walking day by day over ``WorkCalendar.is_workday``; the plain reply deadline is
``due("ogi.reply", receipt)`` of the catalogue API.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from gov_deadlines import ReceiptPolicy, default_calendar, due
from gov_deadlines.cases import AuditPolicy, DutyKind, Status, audit_case
from gov_deadlines.testing import covered_dates

CAL = default_calendar()
ONE = dt.timedelta(days=1)
FIRST, LAST = dt.date(2008, 5, 1), dt.date(2026, 7, 31)  # every deadline stays in the data
BOUNDARY = dt.date(2019, 5, 15)
CHANNELS = ("当面", "挂号信", "平信", "网络", "传真")

days = covered_dates(min_value=FIRST, max_value=LAST)


def walk_count(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end], day by day."""
    count, day = 0, start
    while day < end:
        day += ONE
        count += CAL.is_workday(day)
    return count


def walk_add(start: dt.date, n: int) -> dt.date:
    day = start
    while n:
        day += ONE
        n -= CAL.is_workday(day)
    return day


def n_of(receipt: dt.date) -> tuple[int, int]:
    """The reply limit and the extension cap of the version in force."""
    return (20, 20) if receipt >= BOUNDARY else (15, 15)


@given(day=days, channel=st.sampled_from(CHANNELS), move=st.booleans())
def test_a_plain_case_is_due_when_due_ogi_reply_says(
    day: dt.date, channel: str, move: bool
) -> None:
    verdict = audit_case(
        {"channel": channel, "submitted": day, "signed_for": day, "confirmed": day},
        policy=AuditPolicy(receipt=ReceiptPolicy.NEXT_WORKING_DAY if move else ReceiptPolicy.AS_RECORDED),
    )
    # verdict.receipt_date is the day the audit counts from: counted as it is
    counted = due("ogi.reply", verdict.receipt_date, receipt_policy=ReceiptPolicy.AS_RECORDED)
    assert verdict.reply_due_date == counted.due_date
    if CAL.is_workday(day) or not move:
        assert verdict.receipt_date == day
    else:
        assert verdict.receipt_date == walk_add(day, 1)


@given(
    receipt=days,
    sent_offset=st.integers(min_value=0, max_value=40),
    answer_after=st.integers(min_value=0, max_value=60),
    party=st.sampled_from(("第三方", "其他机关")),
)
def test_excluded_consultation_days_shift_the_deadline_by_exactly_their_count(
    receipt: dt.date, sent_offset: int, answer_after: int, party: str
) -> None:
    assume(CAL.is_workday(receipt))
    n, _ = n_of(receipt)
    plain = walk_add(receipt, n)
    sent = receipt + dt.timedelta(days=sent_offset)
    assume(sent < plain)  # sent while the clock was running
    answered = sent + dt.timedelta(days=answer_after)
    verdict = audit_case(
        {
            "channel": "当面",
            "submitted": receipt,
            "consultations": [{"party": party, "sent": sent, "answered": answered}],
        }
    )
    if receipt >= BOUNDARY:
        expected = min(walk_count(sent, answered), 15)  # capped at the party's 15 working days
    elif party == "第三方":
        expected = walk_count(sent, answered)  # 2008: uncapped
    else:
        expected = 0  # 2008: only third-party time is excluded
    assert verdict.excluded_workdays == expected
    assert verdict.reply_due_date == walk_add(plain, expected)
    assert walk_count(receipt, verdict.reply_due_date) - expected == n


@given(
    first=days,
    second=days,
    gap=st.integers(min_value=0, max_value=30),
    request_gap=st.integers(min_value=0, max_value=10),
)
def test_a_correction_makes_the_deadline_depend_only_on_the_corrected_applications_arrival(
    first: dt.date, second: dt.date, gap: int, request_gap: int
) -> None:
    assume((first >= BOUNDARY) == (second >= BOUNDARY))  # the version follows the receipt
    arrived = max(first, second) + dt.timedelta(days=gap + request_gap)
    verdicts = [
        audit_case(
            {
                "channel": "网络",
                "confirmed": receipt,
                "supplement_requested": receipt + dt.timedelta(days=request_gap),
                "supplement_received": arrived,
            }
        )
        for receipt in (first, second)
    ]
    start = arrived if CAL.is_workday(arrived) else walk_add(arrived, 1)
    n, _ = n_of(first)
    assert verdicts[0].reply_due_date == verdicts[1].reply_due_date == walk_add(start, n)
    assert all(v.clock_start == start for v in verdicts)


@given(
    receipt=days,
    length=st.one_of(st.none(), st.integers(min_value=1, max_value=80)),
    approve_offset=st.integers(min_value=0, max_value=45),
    tell_after=st.integers(min_value=0, max_value=5),
)
def test_an_extension_never_exceeds_its_cap(
    receipt: dt.date, length: int | None, approve_offset: int, tell_after: int
) -> None:
    assume(CAL.is_workday(receipt))
    n, cap = n_of(receipt)
    approved = receipt + dt.timedelta(days=approve_offset)
    told = approved + dt.timedelta(days=tell_after)
    verdict = audit_case(
        {
            "channel": "当面",
            "submitted": receipt,
            "extension": {"approved": approved, "told": told, "workdays": length},
        }
    )
    base = walk_add(receipt, n)
    assert verdict.base_due_date == base
    assert verdict.reply_due_date is not None
    added = walk_count(base, verdict.reply_due_date)
    assert added == verdict.extension_workdays <= cap
    extension = verdict.duty(DutyKind.EXTENSION)
    assert extension is not None
    if told <= base:
        assert extension.status is Status.ON_TIME
        assert added == min(length if length is not None else cap, cap)
    else:
        assert extension.status is Status.LATE and added == 0


@given(
    receipt=days,
    replied_after=st.integers(min_value=0, max_value=60),
    as_of_after=st.integers(min_value=0, max_value=60),
    replied=st.booleans(),
)
def test_each_duty_status_agrees_with_its_due_date(
    receipt: dt.date, replied_after: int, as_of_after: int, replied: bool
) -> None:
    done = receipt + dt.timedelta(days=replied_after) if replied else None
    as_of = receipt + dt.timedelta(days=as_of_after)
    verdict = audit_case({"channel": "当面", "submitted": receipt, "replied": done}, as_of=as_of)
    reply = verdict.reply
    assert reply.due_date is not None
    if done is not None:
        assert (reply.status is Status.ON_TIME) == (done <= reply.due_date)
        if done > reply.due_date:
            assert reply.late_by_workdays == walk_count(reply.due_date, done)
    elif as_of > reply.due_date:
        assert reply.status is Status.OVERDUE and reply.late_by_workdays == walk_count(reply.due_date, as_of)
    else:
        assert reply.status is Status.PENDING and reply.remaining_workdays == walk_count(as_of, reply.due_date)
