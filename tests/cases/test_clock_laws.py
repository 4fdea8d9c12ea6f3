"""Laws of the one case clock (issue 14), stated over the calendar itself.

Each property draws cases over both versions of the 条例 and checks one rule of law against
the calendar's own walks (``add_workdays``, ``workdays_between``), not against another
implementation of the clock:

* an extension never moves the reply's due date by more than the version's limit (2008: 15,
  2019: 20 working days), and a valid one moves it by exactly its length, capped;
* a consultation sent inside the period moves the due date by exactly its working days,
  capped under 2019 at the consulted party's 15;
* a 补正 restarts the full period from the corrected application's arrival;
* overlapping consultations count each working day once.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines import ReceiptPolicy, default_calendar
from gov_deadlines.cases import AuditPolicy, audit_case
from gov_deadlines.cases.versions import reply_versions

CAL = default_calendar()
VERSIONS = reply_versions()
AS_RECORDED = AuditPolicy(receipt=ReceiptPolicy.AS_RECORDED)
#: Receipts on working days, under either version, far enough from the calendar's end that
#: every due date is official.
FIRST, LAST = dt.date(2008, 5, 5), dt.date(2026, 3, 31)


def _working(day: dt.date) -> dt.date:
    return CAL.workday_on_or_after(day)


receipts = st.dates(FIRST, LAST).map(_working)


def _version_of(receipt: dt.date) -> tuple[int, int, int | None]:
    """(reply limit, extension limit, consultation cap) of the version in force."""
    ver = VERSIONS.at(receipt)
    return ver.n, ver.ext_cap, ver.consult_cap


@given(receipt=receipts, days=st.integers(1, 40), told_after=st.integers(0, 30))
def test_an_extension_never_moves_the_due_date_by_more_than_the_versions_limit(
    receipt: dt.date, days: int, told_after: int
) -> None:
    n, cap, _ = _version_of(receipt)
    plain_due = CAL.add_workdays(receipt, n)
    told = receipt + dt.timedelta(days=told_after)
    verdict = audit_case(
        {
            "channel": "当面",
            "submitted": receipt,
            "extension": {"approved": receipt, "told": told, "workdays": days},
        }
    )
    due = verdict.reply_due_date
    assert due is not None
    moved = CAL.workdays_between(plain_due, due)
    assert 0 <= moved <= cap
    if told <= plain_due:  # approved and told in time: valid, its length capped
        assert moved == min(days, cap)
    else:
        assert moved == 0


@given(
    receipt=receipts,
    sent_after=st.integers(0, 30),
    answer_after=st.integers(0, 45),
    party=st.sampled_from(["第三方", "其他机关"]),
)
def test_a_consultation_inside_the_period_moves_the_due_date_by_exactly_its_working_days(
    receipt: dt.date, sent_after: int, answer_after: int, party: str
) -> None:
    n, _, consult_cap = _version_of(receipt)
    plain_due = CAL.add_workdays(receipt, n)
    sent = receipt + dt.timedelta(days=sent_after)
    answered = sent + dt.timedelta(days=answer_after)
    verdict = audit_case(
        {
            "channel": "当面",
            "submitted": receipt,
            "consultations": [{"party": party, "sent": sent, "answered": answered}],
        }
    )
    due = verdict.reply_due_date
    assert due is not None
    excluded_by_law = "agency" in verdict.reply_version.reply.excluded_consultations or (
        party == "第三方"
    )
    if sent >= plain_due or not excluded_by_law:
        expected = 0  # sent once the period had run out, or time that counts (2008, agency)
    else:
        end = answered
        if consult_cap is not None:
            end = min(answered, CAL.add_workdays(sent, consult_cap))
        expected = CAL.workdays_between(sent, end)
        if consult_cap is not None:
            assert expected <= consult_cap
    assert CAL.workdays_between(plain_due, due) == expected
    assert verdict.excluded_workdays == expected


@given(
    receipt=receipts,
    asked_after=st.integers(0, 20),
    arrived_after=st.integers(0, 60),
    move=st.booleans(),
)
def test_a_supplement_restarts_the_full_period_from_the_corrected_applications_arrival(
    receipt: dt.date, asked_after: int, arrived_after: int, move: bool
) -> None:
    n, _, _ = _version_of(receipt)
    asked = receipt + dt.timedelta(days=asked_after)
    arrived = asked + dt.timedelta(days=arrived_after)
    verdict = audit_case(
        {
            "channel": "当面",
            "submitted": receipt,
            "supplement_requested": asked,
            "supplement_received": arrived,
        },
        policy=None if move else AS_RECORDED,
    )
    # The rest-day policy moves an arrival on a rest day to the next working day.
    start = CAL.add_workdays(arrived, 1) if move and not CAL.is_workday(arrived) else arrived
    assert verdict.clock_start == start
    assert verdict.reply_due_date == CAL.add_workdays(start, n)


def _union_workdays(spans: list[tuple[dt.date, dt.date]]) -> int:
    """Working days in the union of the (low, high] spans, counted one by one."""
    days: set[dt.date] = set()
    for low, high in spans:
        day = low + dt.timedelta(days=1)
        while day <= high:
            if CAL.is_workday(day):
                days.add(day)
            day += dt.timedelta(days=1)
    return len(days)


@given(
    receipt=st.dates(dt.date(2019, 5, 15), LAST).map(_working),
    offsets=st.lists(st.tuples(st.integers(0, 20), st.integers(0, 15)), min_size=2, max_size=3),
)
def test_overlapping_consultations_count_each_working_day_once(
    receipt: dt.date, offsets: list[tuple[int, int]]
) -> None:
    n, _, consult_cap = _version_of(receipt)
    assert consult_cap is not None
    plain_due = CAL.add_workdays(receipt, n)
    consultations = []
    spans = []
    for sent_after, answered_workdays in offsets:
        sent = receipt + dt.timedelta(days=sent_after)  # inside the period: before plain_due
        answered = CAL.add_workdays(sent, answered_workdays) if answered_workdays else sent
        consultations.append({"party": "第三方", "sent": sent, "answered": answered})
        spans.append((sent, answered))
    verdict = audit_case({"channel": "当面", "submitted": receipt, "consultations": consultations})
    expected = _union_workdays(spans)
    assert all(sent < plain_due for sent, _ in spans)
    assert verdict.excluded_workdays == expected
    assert verdict.reply_due_date == CAL.add_workdays(receipt, n + expected)
