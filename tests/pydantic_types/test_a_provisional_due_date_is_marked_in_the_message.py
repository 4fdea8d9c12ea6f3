"""A date counted on provisional calendar data is marked as such where it is shown: in
``MeetsRule``'s error message (not only in its ``ctx``) and in a case verdict's ``repr``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

import gov_deadlines as gd
from gov_deadlines.cases import audit_case


class Provisional(BaseModel):
    received_on: dt.date
    replied_on: Annotated[
        dt.date, gd.MeetsRule("ogi.reply", trigger="received_on", provisional=True)
    ]


def test_a_missed_provisional_due_date_is_marked_in_the_message_not_only_in_ctx() -> None:
    with pytest.raises(ValidationError) as caught:
        Provisional(received_on="2026-12-20", replied_on="2027-02-26")
    [detail] = caught.value.errors()
    assert detail["ctx"]["provisional"] is True
    assert "期限为2027-01-19(临时推算)" in detail["msg"]
    assert "due by 2027-01-19 (provisional)" in detail["ctx"]["en"]


def test_a_case_verdicts_repr_shows_its_reply_due_date_and_whether_it_is_provisional() -> None:
    # it was <gov_deadlines.cases.verdict.CaseVerdict object at 0x…>: no date, no mark
    verdict = audit_case(
        {"case_id": "A1", "channel": "当面", "submitted": "2026-12-20"},
        calendar=gd.default_calendar(provisional=True),
    )
    assert repr(verdict) == (
        "CaseVerdict(case_id='A1', result='open', "
        "reply_due_date=ProvisionalDate(2027, 1, 19), provisional=True)"
    )
