"""A late or overdue duty whose working days cannot be counted (its lateness runs into a year
the holiday data do not cover) is never shown as 0 working days late in the per-case CSV:
its status says the working days are unknown and why, and 最长逾期工作日 is blank. The same
cells through both ways the writer renders a row (a row with nothing noted, and one with
findings), and in a frame's result columns (the per-case CSV's own cells)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from gov_deadlines.cases import audit_csv
from gov_deadlines.outputs import write_case_csv

# Received 2026-12-02 (in person): due 2026-12-30. A replied 2027-01-04 (late: 2027 has no
# holiday data), B replied on time, C never (overdue on an audit day in 2027).
REGISTER = (
    "编号,渠道,提交日期,答复日期\n"
    "A,当面,2026-12-02,2027-01-04\n"
    "B,当面,2026-12-02,2026-12-29\n"
    "C,当面,2026-12-02,\n"
)


def _rows(as_of: dt.date, lang: str = "zh") -> dict[str, dict[str, str]]:
    out = io.StringIO()
    write_case_csv(audit_csv(io.StringIO(REGISTER), as_of=as_of), out, lang=lang)
    reader = csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")))
    key = "编号" if lang == "zh" else "case_id"
    return {row[key]: row for row in reader}


# 2027-01-05: nothing noted on A (the writer's one-duty rows); 2026-12-31: A's reply date is
# after the audit day, a finding (the writer's general rows).
@pytest.mark.parametrize("as_of", [dt.date(2027, 1, 5), dt.date(2026, 12, 31)])
def test_a_late_reply_whose_working_days_cannot_be_counted_is_not_shown_as_0(
    as_of: dt.date,
) -> None:
    rows = _rows(as_of)
    late = rows["A"]
    assert late["结果"] == "有逾期"
    assert late["答复情况"] == "逾期5天(工作日数无法确定:日历数据未覆盖到完成日)"
    assert late["最长逾期工作日"] == ""
    assert rows["B"]["最长逾期工作日"] == "0"  # on time: 0, counted


def test_an_overdue_reply_past_the_holiday_data_says_so_in_english_too() -> None:
    rows = _rows(dt.date(2027, 1, 10), "en")
    overdue = rows["C"]
    assert overdue["reply_status"] == (
        "overdue by 11 day(s), not done (working days unknown: the calendar data do not "
        "reach the audit day)"
    )
    assert overdue["max_late_workdays"] == ""
    assert rows["A"]["reply_status"].startswith("late by 5 day(s) (working days unknown")


def test_a_late_reply_over_rest_days_only_is_0_working_days_late_and_says_its_days() -> None:
    # Received 2026-11-06 (Fri): due 2026-12-04 (Fri); replied on Sunday 2026-12-06, late by
    # 2 days and 0 working days — a count, so "0", unlike the uncountable ones above.
    register = "编号,渠道,提交日期,答复日期\nD,当面,2026-11-06,2026-12-06\n"
    out = io.StringIO()
    write_case_csv(audit_csv(io.StringIO(register), as_of=dt.date(2026, 12, 20)), out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")))
    assert (row["答复期限"], row["答复情况"], row["最长逾期工作日"]) == (
        "2026-12-04",
        "逾期2天",
        "0",
    )
