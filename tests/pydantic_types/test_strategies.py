"""The strategies of gov_deadlines.testing draw only what the library answers."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gov_deadlines as gd
from gov_deadlines.cases import audit_case
from gov_deadlines.counting.periods import PERIOD_TYPES
from gov_deadlines.testing import (
    cases,
    covered_dates,
    periods,
    rest_days,
    triggers,
    working_days,
)

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "testing.md"
CAL = gd.default_calendar()
PROVISIONAL = gd.default_calendar(provisional=True)
OVERLAID = CAL.with_overlays(ROOT / "docs" / "examples" / "2027-example.toml")


@given(covered_dates())
def test_covered_dates_are_answered_officially(day: dt.date) -> None:
    assert day in CAL.coverage
    assert not CAL.day_info(day).provisional


@given(covered_dates(provisional=True))
def test_provisional_dates_are_answered_by_a_provisional_calendar(day: dt.date) -> None:
    assert PROVISIONAL.day_info(day).provisional == (day not in CAL.coverage)


@given(covered_dates(OVERLAID, min_value=dt.date(2026, 12, 1)))
def test_the_dates_follow_the_calendar_given_an_overlays_year_included(day: dt.date) -> None:
    assert day in OVERLAID.coverage and day.year in (2026, 2027)


@given(working_days(), rest_days())
def test_working_and_rest_days_are_what_the_calendar_says(work: dt.date, rest: dt.date) -> None:
    assert CAL.is_workday(work) and not CAL.is_workday(rest)


def test_a_range_outside_the_data_is_refused_when_the_strategy_is_made() -> None:
    with pytest.raises(ValueError, match="covers 2004-01-01"):
        covered_dates(min_value=dt.date(2030, 1, 1))


@given(st.data())
def test_periods_draw_every_type_and_only_the_kinds_asked_for(data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(PERIOD_TYPES))
    assert type(data.draw(periods([kind]))) is kind
    assert type(data.draw(periods())) in PERIOD_TYPES


@pytest.mark.parametrize(
    "rule_id", ["ogi.reply", "ogi-2008.reply", "ogi-2019.annual-report", "sd-2018.recall-publication"]
)
@given(data=st.data())
def test_triggers_are_answered_by_due(rule_id: str, data: st.DataObject) -> None:
    trigger = data.draw(triggers(rule_id))
    result = gd.due(rule_id, trigger)
    assert not result.provisional


@given(triggers("ogi.reply", provisional=True))
def test_provisional_triggers_are_answered_by_a_provisional_calendar(trigger: dt.date) -> None:
    gd.due("ogi.reply", trigger, calendar=PROVISIONAL)  # type: ignore[arg-type]


@given(cases(supplements=True, consultations=True, extensions=True))
def test_every_case_drawn_is_valid_and_its_clock_stays_inside_the_data(case: object) -> None:
    verdict = audit_case(case)  # type: ignore[arg-type]
    assert verdict.result != "undetermined"


def test_the_example_of_docs_testing_runs_and_its_tests_pass() -> None:
    [block] = re.findall(r"```python\n(.*?)```", DOC.read_text("utf-8"), re.S)
    namespace: dict[str, object] = {"__name__": "docs_testing"}
    exec(compile(block, str(DOC), "exec", dont_inherit=True), namespace)
    tests = [value for name, value in namespace.items() if name.startswith("test_")]
    assert len(tests) == 3
    for test in tests:
        test()  # type: ignore[operator]


def test_hypothesis_is_imported_by_gov_deadlines_testing_only() -> None:
    found = []
    for path in sorted((ROOT / "src" / "gov_deadlines").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            if any(n.split(".")[0] == "hypothesis" for n in names):
                found.append(path.relative_to(ROOT).as_posix())
    assert sorted(set(found)) == ["src/gov_deadlines/testing.py"]


def test_the_projects_own_property_tests_draw_from_the_strategies() -> None:
    for folder in ("calendar", "counting", "cases"):
        texts = [p.read_text("utf-8") for p in (ROOT / "tests" / folder).glob("test_*propert*.py")]
        assert any("from gov_deadlines.testing import" in t for t in texts), folder
