"""What falls due soon (issue 15, §3): the cases whose next duty falls due within N working
days of the audit day, soonest first, with the remaining working days — from the library
(:func:`gov_deadlines.cases.due_within`) and from ``audit --due-within N``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _cli import run_main
from gov_deadlines.calendar import default_calendar
from gov_deadlines.cases import (
    DutyKind,
    audit_case,
    audit_cases,
    audit_csv,
    due_within,
    due_within_rows,
    next_duty,
)
from gov_deadlines.errors import ArgumentTypeError, GovDeadlinesError

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "audit-example.csv"
AS_OF = dt.date(2026, 6, 30)


def example_results(as_of: dt.date = AS_OF) -> list:
    with EXAMPLE.open(encoding="utf-8", newline="") as stream:
        return list(audit_csv(stream, as_of=as_of))


def test_due_within_5_on_the_audit_example_gives_the_one_reply_due_on_the_audit_day() -> None:
    found = due_within(example_results(), 5)
    assert [(f.line, f.case_id, f.duty, f.due_date, f.remaining_workdays) for f in found] == [
        (9, "2026-008", DutyKind.REPLY, dt.date(2026, 6, 30), 0)
    ]


def test_due_within_10_adds_the_fax_case_due_in_10_working_days_soonest_first() -> None:
    found = due_within(example_results(), 10)
    assert [(f.case_id, f.due_date, f.remaining_workdays) for f in found] == [
        ("2026-008", dt.date(2026, 6, 30), 0),
        ("2026-006", dt.date(2026, 7, 14), 10),
    ]


def test_a_case_done_or_overdue_is_never_due_soon() -> None:
    found = {f.case_id for f in due_within(example_results(), 1000)}
    # 2026-011 is overdue on the audit day, the others are answered (2026-001 is answered
    # in October, after the audit day, a doubtful date, but answered all the same).
    assert found == {"2026-008", "2026-006"}


def test_the_next_duty_is_the_earliest_undone_one_the_extension_notice_before_the_reply() -> None:
    verdict = audit_case(
        {"channel": "当面", "submitted": "2026-06-01", "extension": {"approved": "2026-06-10"}},
        as_of=dt.date(2026, 6, 15),
    )
    nearest = next_duty(verdict)
    assert nearest is not None
    duty, remaining = nearest
    assert duty.kind is DutyKind.EXTENSION
    assert duty.due_date == verdict.base_due_date
    assert remaining == default_calendar().workdays_between(dt.date(2026, 6, 15), duty.due_date)


def test_due_soon_needs_an_audit_day_and_says_so_as_a_documented_error() -> None:
    verdict = audit_case({"channel": "当面", "submitted": "2026-06-01"})
    with pytest.raises(ArgumentTypeError) as caught:
        next_duty(verdict)
    assert isinstance(caught.value, GovDeadlinesError) and "as_of" in str(caught.value)
    assert next_duty(verdict, dt.date(2026, 6, 2)) is not None


def test_a_negative_or_non_integer_number_of_working_days_is_refused() -> None:
    for bad in (-1, 2.5, "5", True):
        with pytest.raises(ArgumentTypeError):
            due_within([], bad)  # type: ignore[arg-type]


def test_the_filter_keeps_malformed_rows_after_the_due_ones_because_they_may_be_due() -> None:
    rows = [
        {"case_id": "A", "channel": "当面", "submitted": "2026-06-01"},
        {"case_id": "B", "channel": "飞鸽", "submitted": "2026-06-01"},
        {"case_id": "C", "channel": "当面", "submitted": "2026-06-20"},
        {"case_id": "D", "channel": "当面", "submitted": "2026-06-01", "replied": "2026-06-02"},
    ]
    kept = due_within_rows(audit_cases(rows, as_of=dt.date(2026, 6, 25)), 5)
    assert [(r.case_id, r.result) for r in kept] == [("A", "open"), ("B", "malformed")]


dates = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 10, 31))


@settings(max_examples=60, deadline=None)
@given(
    received=st.lists(dates, min_size=1, max_size=6),
    as_of=dates,
    within=st.integers(min_value=0, max_value=30),
)
def test_every_case_listed_is_undone_and_due_within_n_working_days_and_a_larger_n_drops_none(
    received: list[dt.date], as_of: dt.date, within: int
) -> None:
    rows = [{"case_id": str(i), "channel": "当面", "submitted": d} for i, d in enumerate(received)]
    results = list(audit_cases(rows, as_of=as_of))
    cal = default_calendar()
    found = due_within(results, within)
    for item in found:
        assert item.due_date >= as_of
        assert item.remaining_workdays == cal.workdays_between(as_of, item.due_date) <= within
    assert [f.due_date for f in found] == sorted(f.due_date for f in found)
    wider = {f.case_id for f in due_within(results, within + 5)}
    assert {f.case_id for f in found} <= wider
    # nothing due within N is left out: each case left out is due later, or not undone
    listed = {f.case_id for f in found}
    for row in results:
        if row.case_id in listed or row.verdict is None:
            continue
        reply = row.verdict.reply
        assert (
            reply.done_on is not None
            or reply.due_date is None
            or reply.due_date < as_of
            or cal.workdays_between(as_of, reply.due_date) > within
        )


# -- the command line -----------------------------------------------------------------------------


def test_audit_due_within_5_puts_its_own_section_in_the_markdown_summary() -> None:
    result = run_main("audit", str(EXAMPLE), "--as-of", "2026-06-30", "--due-within", "5")
    assert result.code == 1, result
    section = result.out.split("## 5个工作日内到期的案件(共1件,最先到期的在前)\n", 1)[1]
    table = section.strip().split("\n\n", 1)[0]
    assert table.splitlines() == [
        "| 行号 | 编号 | 职责 | 期限 | 剩余工作日 |",
        "|---:|---|---|---|---:|",
        "| 9 | 2026-008 | 答复 | 2026-06-30 | 0(今日到期) |",
    ]
    # the rest of the summary still counts every row
    assert "| **合计** | **14** |" in result.out


def test_audit_due_within_filters_the_csv_and_jsonl_soonest_first_and_says_so() -> None:
    csv_run = run_main(
        "audit", str(EXAMPLE), "--as-of", "2026-06-30", "--due-within", "10", "--format", "csv"
    )
    rows = list(csv.reader(io.StringIO(csv_run.out.lstrip("\ufeff"))))
    assert [row[1] for row in rows[1:]] == ["2026-008", "2026-006"]
    assert "按 --due-within 10 筛选:输出2件10个工作日内到期的案件" in csv_run.err
    assert "核查14行" in csv_run.err
    assert csv_run.code == 1  # the exit code is that of every row, not of the ones written
    jsonl = run_main(
        "audit", str(EXAMPLE), "--as-of", "2026-06-30", "--due-within", "10", "--format", "jsonl"
    )
    records = [json.loads(line) for line in jsonl.out.splitlines()]
    assert [(r["case_id"], r["duties"][-1]["remaining_workdays"]) for r in records] == [
        ("2026-008", 0),
        ("2026-006", 10),
    ]


def test_audit_due_within_in_json_lists_the_cases_due() -> None:
    result = run_main(
        "audit", str(EXAMPLE), "--as-of", "2026-06-30", "--due-within", "10", "--json"
    )
    payload = result.json()
    assert payload["due_within"] == 10
    assert [(d["case_id"], d["remaining_workdays"]) for d in payload["due_soon"]] == [
        ("2026-008", 0),
        ("2026-006", 10),
    ]


def test_audit_due_within_with_the_form_or_a_negative_number_is_refused_with_exit_2() -> None:
    form = run_main("audit", str(EXAMPLE), "--due-within", "5", "--format", "form")
    assert form.code == 2 and "--due-within" in form.err and "Traceback" not in form.err
    negative = run_main("audit", str(EXAMPLE), "--due-within", "-1", "--lang", "en")
    assert negative.code == 2 and "--due-within must be 0 or more" in negative.err


# -- frames ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["pandas", "polars", "arrow"])
def test_due_within_frame_gives_the_due_rows_of_a_frame_soonest_first_with_days_left(
    kind: str,
) -> None:
    import pandas as pd

    from gov_deadlines.outputs import due_columns, due_within_frame, result_columns

    table = pd.read_csv(EXAMPLE, dtype=str, keep_default_na=False)
    frame: object = table
    if kind == "polars":
        import polars as pl

        frame = pl.from_pandas(table)
    elif kind == "arrow":
        import pyarrow as pa

        frame = pa.Table.from_pandas(table, preserve_index=False)
    due = due_within_frame(frame, 10, as_of=AS_OF)
    assert type(due) is type(frame)
    rows = (
        due.to_dict("records")
        if kind == "pandas"
        else (due.to_dicts() if kind == "polars" else due.to_pylist())
    )
    assert [(r["编号"], r["下一职责"], r["下一期限"], r["剩余工作日"]) for r in rows] == [
        ("2026-008", "答复", "2026-06-30", 0),
        ("2026-006", "答复", "2026-07-14", 10),
    ]
    assert list(rows[0])[-6:] == [*list(result_columns())[-3:], *due_columns()]
    if kind == "pandas":
        assert list(due.index) == [7, 5]  # the input's own rows
    assert len(due_within_frame(frame, 5, as_of=AS_OF, lang="en")) == 1


def test_due_within_frame_keeps_malformed_rows_at_the_end_with_no_days_left() -> None:
    import pandas as pd

    from gov_deadlines.outputs import due_within_frame

    frame = pd.DataFrame(
        {
            "case_id": ["A", "B", "C"],
            "channel": ["当面", "飞鸽", "当面"],
            "submitted": ["2026-06-01", "2026-06-01", "2026-01-05"],
        }
    )
    due = due_within_frame(frame, 5, as_of=dt.date(2026, 6, 25), lang="en")
    assert list(due["case_id"]) == ["A", "B"]
    assert due["remaining_workdays"].isna().tolist() == [False, True]
