"""What ``due("ogi.reply", received)`` must answer, stated from the law and the library's
rest-day receipt policy, not from another implementation:

- 条例 2019 art. 33 (in force 2019-05-15): 20 working days; 条例 2008 art. 24 (in force
  2008-05-01): 15 working days; the version is the one in force on the day the receipt
  counts from;
- policy ``rest-day-receipt-next-working-day``: a receipt on a rest day counts from the first
  working day after it (the result keeps the recorded trigger, names the day it counted
  from, and says so); ``ReceiptPolicy.AS_RECORDED`` counts from the recorded day.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from gov_deadlines import default_calendar, due
from gov_deadlines.catalogue import default_catalogue
from gov_deadlines.catalogue.receipt import ReceiptPolicy

IN_FORCE_2019 = dt.date(2019, 5, 15)
POLICY = "rest-day-receipt-next-working-day"


def first_working_day_from(day: dt.date) -> dt.date:
    cal = default_calendar()
    while not cal.is_workday(day):
        day += dt.timedelta(days=1)
    return day


def expected(start: dt.date) -> tuple[str, dt.date]:
    version, n = ("ogi-2019.reply", 20) if start >= IN_FORCE_2019 else ("ogi-2008.reply", 15)
    day = start
    for _ in range(n):
        day = first_working_day_from(day + dt.timedelta(days=1))
    return version, day


@settings(max_examples=300, deadline=None)
@given(day=st.dates(dt.date(2008, 5, 1), dt.date(2026, 11, 30)))
def test_a_reply_is_due_the_versions_working_days_after_the_day_the_receipt_counts_from(
    day: dt.date,
) -> None:
    start = first_working_day_from(day)
    version, due_date = expected(start)
    found = due("ogi.reply", day)
    assert (found.rule.id if found.rule else None, found.due_date) == (version, due_date)
    assert found.trigger == day
    assert found.receipt_date == (None if start == day else start)
    assert (POLICY in found.explain("en")) == (start != day)
    assert not found.receipt_as_recorded


@settings(max_examples=200, deadline=None)
@given(day=st.dates(dt.date(2008, 5, 1), dt.date(2026, 11, 30)))
def test_as_recorded_a_reply_counts_from_the_recorded_day_and_says_so(day: dt.date) -> None:
    version, due_date = expected(day)
    found = due("ogi.reply", day, receipt_policy=ReceiptPolicy.AS_RECORDED)
    assert (found.rule.id if found.rule else None, found.due_date) == (version, due_date)
    assert found.receipt_date is None
    assert found.receipt_as_recorded
    assert POLICY not in found.explain("en")


@settings(max_examples=100, deadline=None)
@given(
    day=st.dates(dt.date(2008, 5, 1), dt.date(2026, 11, 30)),
    policy=st.sampled_from(list(ReceiptPolicy)),
)
def test_giving_the_default_catalogue_and_calendar_changes_nothing(
    day: dt.date, policy: ReceiptPolicy
) -> None:
    plain = due("ogi.reply", day, receipt_policy=policy)
    given_defaults = due(
        "ogi.reply",
        day,
        receipt_policy=policy,
        catalogue=default_catalogue(),
        calendar=default_calendar(),
    )
    assert given_defaults == plain
    assert given_defaults.explain("zh") == plain.explain("zh")
    assert given_defaults.stamp == plain.stamp


def test_a_receipt_on_the_saturday_before_the_2019_regulations_counts_under_them_from_monday() -> (
    None
):
    # 2019-05-11 (Saturday) under 2008's rules; moved to Monday 2019-05-13, still 2008's.
    found = due("ogi.reply", dt.date(2019, 5, 11))
    assert found.rule is not None and found.rule.id == "ogi-2008.reply"
    assert found.receipt_date == dt.date(2019, 5, 13)


def test_a_timed_receipt_on_a_rest_day_keeps_its_time_and_counts_from_the_next_working_day() -> (
    None
):
    sunday_evening = dt.datetime(2026, 3, 8, 18, 30)
    found = due("ogi.reply", sunday_evening)
    assert found.trigger_date == dt.date(2026, 3, 8)
    assert isinstance(found.trigger, dt.datetime)
    assert found.receipt_date == dt.date(2026, 3, 9)
    assert found.due_date == dt.date(2026, 4, 7)
    assert POLICY in found.explain("en")
