"""The library's date fields refuse a number or bytes as no date, as its other readers do:
pydantic's lax mode read ``1789948800`` as Unix seconds — 2026-09-21, a plausible date
nobody wrote — and ``b"2026-09-28"`` as text."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import numpy as np
import pytest
from pydantic import BaseModel, ValidationError

import gov_deadlines as gd


class Application(BaseModel):
    received_on: gd.CoveredDate
    working_on: gd.WorkingDay | None = None
    later_on: Annotated[dt.date | None, gd.Covered(provisional=True)] = None
    replied_on: Annotated[dt.date | None, gd.MeetsRule("ogi.reply", trigger="received_on")] = None


@pytest.mark.parametrize("field", ["received_on", "working_on", "later_on", "replied_on"])
@pytest.mark.parametrize(
    "value", [1789948800, 20260928, np.int64(1789948800), 1.5, b"2026-09-28"], ids=repr
)
def test_a_number_or_bytes_in_a_date_field_is_refused_as_no_date(field: str, value: Any) -> None:
    data: dict[str, Any] = {"received_on": "2026-09-28", field: value}
    with pytest.raises(ValidationError) as caught:
        Application.model_validate(data)
    [detail] = caught.value.errors()
    assert detail["loc"] == (field,)
    assert detail["type"] == "date_parse"


def test_a_number_in_json_is_refused_too() -> None:
    with pytest.raises(ValidationError) as caught:
        Application.model_validate_json('{"received_on": 1789948800}')
    assert caught.value.errors()[0]["type"] == "date_parse"
