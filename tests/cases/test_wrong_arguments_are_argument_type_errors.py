"""audit_case, audit_cases and audit_frame refuse a wrong as_of, calendar, policy or
catalogue as ArgumentTypeError (a TypeError naming the argument, in Chinese too) — the
documented error (docs/errors.md) — not an AttributeError from inside the clock. The checks
are the clock's own, so every entry point makes them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gov_deadlines.cases import audit_case, audit_cases
from gov_deadlines.errors import ArgumentTypeError

CASE = {"case_id": "1", "channel": "当面", "submitted": "2026-03-02", "replied": "2026-03-20"}
WRONG: list[tuple[str, Any]] = [
    ("as_of", "2026-12-01"),
    ("as_of", 20261201),
    ("as_of", float("nan")),
    ("calendar", 5),
    ("calendar", "official"),
    ("policy", "x"),
    ("policy", 0),
    ("catalogue", 1),
]


@pytest.mark.parametrize(("argument", "value"), WRONG)
def test_audit_case_refuses_a_wrong_argument_naming_it(argument: str, value: Any) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        audit_case(CASE, **{argument: value})
    assert caught.value.argument == argument
    assert f"参数 {argument}" in caught.value.zh


@pytest.mark.parametrize(("argument", "value"), WRONG)
def test_audit_cases_refuses_a_wrong_argument_naming_it(argument: str, value: Any) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        list(audit_cases([CASE], **{argument: value}))
    assert caught.value.argument == argument


def test_the_defaults_are_taken_only_for_none() -> None:
    # A falsy wrong value (policy=0) is refused above, not read as "the default".
    verdict = audit_case(CASE, as_of=None, calendar=None, policy=None, catalogue=None)
    assert verdict.reply_due_date == dt.date(2026, 3, 30)
