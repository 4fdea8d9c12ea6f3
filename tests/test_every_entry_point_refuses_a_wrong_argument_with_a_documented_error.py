"""A wrong argument to a public function is refused with a documented error (docs/errors.md),
never a bare ``TypeError`` from deep inside, nor accepted and ignored: found by a hostile
sweep of the Python API. Each case here escaped or was ignored before its fix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import gov_deadlines as gd
from gov_deadlines.cases import audit_case
from gov_deadlines.errors import ArgumentTypeError, UnknownLanguageError

DAY = dt.date(2026, 9, 28)


@pytest.mark.parametrize(
    ("argument", "call"),
    [
        ("rule_id", lambda: gd.rule(None)),  # type: ignore[arg-type]
        ("rule_id", lambda: gd.rule(["ogi.reply"])),  # type: ignore[arg-type]
        ("rule_id", lambda: gd.default_catalogue().rule(5)),  # type: ignore[arg-type]
        ("event", lambda: gd.deadlines_for(None, DAY)),  # type: ignore[arg-type]
        ("path", lambda: gd.load_overlay(b"2027.toml")),  # type: ignore[arg-type]
        ("path", lambda: gd.load_overlay(None)),  # type: ignore[arg-type]
        # "no" is true: a provisional calendar was built (and cached) for it
        ("provisional", lambda: gd.default_calendar(provisional="no")),  # type: ignore[arg-type]
        ("provisional", lambda: gd.default_calendar(provisional=[True])),  # type: ignore[arg-type]
        ("provisional", lambda: gd.default_calendar().with_provisional("no")),  # type: ignore[arg-type]
    ],
)
def test_a_wrong_argument_is_an_argument_type_error_naming_it(
    argument: str, call: Callable[[], Any]
) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        call()
    assert caught.value.argument == argument


def _results() -> dict[str, Any]:
    deadline = gd.due("ogi.reply", DAY)
    case = audit_case({"channel": "当面", "submitted": DAY.isoformat()})
    return {
        "Deadline": deadline,
        "DayInfo": gd.default_calendar().day_info(DAY),
        "EventDeadlines": gd.deadlines_for("application-received", DAY),
        "CaseVerdict": case,
        "Duty": case.reply,
        "Recheck": gd.recheck([deadline]),
    }


@pytest.mark.parametrize("name", sorted(_results()))
def test_every_result_refuses_an_unknown_language_for_its_record(name: str) -> None:
    # these six ignored lang="fr"; every other result type refused it
    with pytest.raises(UnknownLanguageError):
        _results()[name].to_record("fr")
