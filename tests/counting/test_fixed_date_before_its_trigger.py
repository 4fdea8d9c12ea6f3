"""A fixed date that falls before its trigger (固定日期早于依据日期) is never answered
silently: "7月底前" from 2026-09-02 is 2026-07-31 marked overdue from the start, the same
in ``deadline()``, ``due()``, the CLI's ``add`` and ``due``, their ``--json``, zh and en."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from _cli import run_main
from gov_deadlines import deadline, due

LATE = dt.date(2026, 9, 2)


@pytest.mark.parametrize("period", ["7月底前", "每年7月底前", "2026年7月底前"])
def test_a_fixed_date_before_a_date_trigger_is_marked_overdue_from_the_start(
    period: str,
) -> None:
    result = deadline(LATE, period)
    assert result.due_date == dt.date(2026, 7, 31)
    assert result.before_trigger
    assert result.to_record().before_trigger
    zh, en = result.explain("zh"), result.explain("en")
    assert "固定日期早于依据日期" in zh and "自始即已逾期" in zh and "2027-07-31" in zh
    assert "fixed date before its trigger" in en and "overdue from the start" in en


def test_a_fixed_date_on_or_after_its_trigger_or_asked_by_year_is_not_marked() -> None:
    for trigger in (dt.date(2026, 7, 31), dt.date(2026, 1, 1), 2026):
        result = deadline(trigger, "7月底前")
        assert not result.before_trigger, trigger
        assert "固定日期早于依据日期" not in result.explain()


def test_due_on_a_yearly_rule_after_this_years_date_is_marked_and_names_next_year() -> None:
    result = due("sd-2018.school-admission", LATE)
    assert result.due_date == dt.date(2026, 7, 31)
    assert result.before_trigger
    assert "以年份2027查询" in result.explain()
    assert not due("sd-2018.school-admission", 2026).before_trigger


@pytest.mark.parametrize(
    "argv",
    [["add", "2026-09-02", "7月底前"], ["due", "sd-2018.school-admission", "2026-09-02"]],
)
def test_the_cli_marks_a_fixed_date_before_its_trigger_in_text_and_json(argv: list[str]) -> None:
    zh = run_main(*argv)
    assert zh.code == 0
    headline = zh.out.splitlines()[0]
    assert "2026-07-31" in headline and "早于依据日期,自始逾期" in headline
    en = run_main("--lang", "en", *argv)
    assert "before its trigger: overdue from the start" in en.out.splitlines()[0]
    payload = json.loads(run_main("--json", *argv).out)
    assert payload["due_date"] == "2026-07-31"
    assert payload["before_trigger"] is True
    assert any("固定日期早于依据日期" in line for line in payload["explanation"])
