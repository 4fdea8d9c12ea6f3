"""A date that ``MeetsRule`` counts on provisional calendar data is marked as such in the
error's message, as in every other output — not only in its ``ctx``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

import gov_deadlines as gd


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
