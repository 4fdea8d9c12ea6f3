"""A wrong argument to a public function is refused with a documented error (docs/errors.md),
never a bare ``TypeError`` from deep inside, nor accepted and ignored: found by a hostile
sweep of the Python API. Each case here escaped or was ignored before its fix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import gov_deadlines as gd
from gov_deadlines.cases import audit_case, audit_xlsx, due_within, next_duty
from gov_deadlines.errors import ArgumentTypeError, GovDeadlinesError, UnknownLanguageError

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
        ("path", lambda: gd.load_rule_file(None)),  # type: ignore[arg-type]
        ("path", lambda: gd.load_local_overlay(5)),  # type: ignore[arg-type]
        ("paths", lambda: gd.default_calendar().with_overlays(None)),  # type: ignore[arg-type]
        ("path", lambda: gd.read_log(None)),
        ("text", lambda: gd.read_log(text=5)),  # type: ignore[arg-type]
        ("path", lambda: audit_xlsx(None)),  # type: ignore[arg-type]
        ("region", lambda: gd.default_calendar().for_region(None)),  # type: ignore[arg-type]
        ("text", lambda: gd.read_notice(None)),  # type: ignore[arg-type]
        ("reading", lambda: gd.notice_toml(None)),  # type: ignore[arg-type]
        ("verdicts", lambda: gd.supervision_rows([None])),  # type: ignore[list-item]
        ("results", lambda: due_within([{"channel": "当面"}], 5)),  # type: ignore[list-item]
        ("verdict", lambda: next_duty(None, DAY)),  # type: ignore[arg-type]
        ("error", lambda: gd.validation_error(ValueError("x"), loc=("a",))),  # type: ignore[arg-type]
        ("model", lambda: gd.provisional_fields(None)),  # type: ignore[arg-type]
        ("verdicts", lambda: gd.supervision_rows(None)),  # type: ignore[arg-type]
        ("events", lambda: gd.check_log(None, 2026)),  # type: ignore[arg-type]
        ("calendar", lambda: gd.check_log([], 2026, calendar="bundled")),  # type: ignore[arg-type]
        ("catalogue", lambda: gd.check_log([], 2026, catalogue="x")),  # type: ignore[arg-type]
        ("calendar", lambda: gd.schedule(2026, calendar="bundled")),  # type: ignore[arg-type]
        ("catalogue", lambda: gd.schedule(2026, catalogue="x")),  # type: ignore[arg-type]
        # a marker's options are refused when the model is defined, not as a 500 later
        ("calendar", lambda: gd.IsWorkingDay(calendar="bundled")),  # type: ignore[arg-type]
        ("calendar", lambda: gd.Covered(calendar="bundled")),  # type: ignore[arg-type]
        ("provisional", lambda: gd.Covered(provisional="no")),  # type: ignore[arg-type]
        ("catalogue", lambda: gd.MeetsRule("ogi.reply", trigger="r", catalogue="x")),  # type: ignore[arg-type]
        ("rule_id", lambda: gd.MeetsRule(None, trigger="r")),  # type: ignore[arg-type]
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


def test_due_within_takes_a_numpy_count_of_working_days() -> None:
    assert due_within([], np.int64(5)) == []


@pytest.mark.parametrize("text", [None, "garbage", "2026=official|", "x|y"])
def test_a_stamp_that_is_not_in_its_form_is_a_documented_error(text: Any) -> None:
    # StampError was a bare ValueError subclass, with no Chinese and no GovDeadlinesError
    with pytest.raises(GovDeadlinesError) as caught:
        gd.Stamp.parse(text)
    assert isinstance(caught.value, ValueError)
    assert "docs/vocabulary.md#stamps" in caught.value.message("zh")
