"""The missing values of pandas and numpy (``NaT``, ``NaN``, ``pd.NA``, ``datetime64('NaT')``)
reach the API from a frame's records (``df.to_dict("records")``, ``df.loc[i, "date"]``).

``NaT`` is an instance of ``datetime`` whose every method raises ``ValueError``: it went
through every ``isinstance(x, date)`` check and escaped as ``ValueError`` / ``TypeError``
from ``due``, ``check``, the calendar, ``audit_case`` and the pydantic types (a 500, not a
422). Each now gets a documented answer: a parameter is refused with
:class:`ArgumentTypeError` naming it, a pydantic field fails validation, and a ``Case``
reads a missing value as not recorded — as ``audit_frame`` reads the same cell.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import numpy as np
import pandas as pd
import pytest
from pydantic import BaseModel, ValidationError

import gov_deadlines as gd
from gov_deadlines.cases import CaseError, audit_case, audit_cases
from gov_deadlines.errors import ArgumentTypeError, GovDeadlinesError, PeriodValueError, is_zh

RECEIVED = dt.date(2026, 9, 28)
AS_OF = dt.date(2026, 12, 1)
MISSING = [pd.NaT, float("nan"), pd.NA, np.datetime64("NaT")]


@pytest.mark.parametrize(
    ("argument", "call"),
    [
        ("trigger", lambda: gd.due("ogi.reply", pd.NaT)),
        ("trigger", lambda: gd.deadline(pd.NaT, "20个工作日")),
        ("trigger", lambda: gd.deadlines_for("application-received", pd.NaT)),
        ("done_at", lambda: gd.check(gd.due("ogi.reply", RECEIVED), pd.NaT)),
        ("done_at", lambda: gd.check_due("ogi.reply", RECEIVED, pd.NaT)),
        ("day", lambda: gd.default_calendar().day_info(pd.NaT)),
        ("day", lambda: gd.default_calendar().is_workday(pd.NaT)),
        ("day", lambda: gd.default_calendar().add_workdays(pd.NaT, 3)),
        ("day", lambda: gd.default_calendar().workdays_between(RECEIVED, pd.NaT)),
        ("as_of", lambda: list(audit_cases([{"channel": "当面"}], as_of=pd.NaT))),
        (
            "as_of",
            lambda: gd.audit_frame(
                pd.DataFrame({"channel": ["当面"], "submitted": ["2026-09-28"]}), as_of=pd.NaT
            ),
        ),
    ],
)
def test_a_nat_argument_is_refused_naming_the_argument(argument: str, call: Any) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        call()
    assert caught.value.argument == argument
    assert "NaT" in str(caught.value)


@pytest.mark.parametrize("missing", MISSING, ids=repr)
def test_a_case_reads_a_frames_missing_date_as_not_recorded_as_audit_frame_does(
    missing: Any,
) -> None:
    row = {"channel": "当面", "submitted": RECEIVED.isoformat(), "replied": missing}
    verdict = audit_case(row, as_of=AS_OF)
    plain = audit_case({"channel": "当面", "submitted": RECEIVED.isoformat()}, as_of=AS_OF)
    assert verdict.to_record() == plain.to_record()
    frame = gd.audit_frame(pd.DataFrame([row]), as_of=AS_OF)
    assert frame.loc[0, "答复期限"] == plain.reply_due_date.isoformat()  # type: ignore[union-attr]
    assert frame.loc[0, "答复情况"] == plain.reply.status_text()


def test_a_case_reads_a_numpy_day_as_that_day() -> None:
    day = audit_case({"channel": "当面", "submitted": np.datetime64("2026-09-28")})
    assert day.reply_due_date == gd.due("ogi.reply", RECEIVED).due_date


@pytest.mark.parametrize("value", [1789948800, 20260928, b"2026-09-28", 2.5, np.int64(5)], ids=repr)
def test_a_case_refuses_a_number_or_bytes_as_a_date_as_the_batch_readers_do(value: Any) -> None:
    # pydantic's lax mode read 1789948800 as Unix seconds: 2026-09-21, silently
    with pytest.raises(CaseError) as caught:
        audit_case({"channel": "当面", "submitted": value})
    assert caught.value.field == "submitted"
    assert "not a date" in str(caught.value)
    assert "不是日期" in caught.value.message("zh")
    [row] = audit_cases([{"channel": "当面", "submitted": value}])
    assert row.result == "malformed"


class Application(BaseModel):
    received_on: gd.CoveredDate
    working_on: gd.WorkingDay | None = None
    replied_on: Annotated[dt.date | None, gd.MeetsRule("ogi.reply", trigger="received_on")] = None


@pytest.mark.parametrize("field", ["received_on", "working_on", "replied_on"])
def test_a_nat_field_fails_validation_instead_of_raising_type_error(field: str) -> None:
    data: dict[str, Any] = {"received_on": RECEIVED, field: pd.NaT}
    with pytest.raises(ValidationError) as caught:
        Application.model_validate(data)
    [detail] = caught.value.errors()
    assert detail["loc"][0] == field
    assert detail["type"] == "date_parse"


def test_add_workdays_takes_a_numpy_count_and_refuses_others_with_documented_errors() -> None:
    calendar = gd.default_calendar()
    assert calendar.add_workdays(RECEIVED, np.int64(3)) == calendar.add_workdays(RECEIVED, 3)
    for bad in (2.5, None, "3", True):
        with pytest.raises(ArgumentTypeError) as caught:
            calendar.add_workdays(RECEIVED, bad)  # type: ignore[arg-type]
        assert caught.value.argument == "n"
    with pytest.raises(PeriodValueError, match="workday_on_or_after"):
        calendar.add_workdays(dt.date(2026, 10, 4), 0)  # a Sunday of the National Day week


@pytest.mark.parametrize("lang", [pd.NA, np.array(["zh"]), None, 1], ids=repr)
def test_a_language_that_is_no_text_is_an_unknown_language(lang: Any) -> None:
    with pytest.raises(GovDeadlinesError):
        is_zh(lang)
