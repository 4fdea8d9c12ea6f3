"""audit_cases over a frame's records (``df.to_dict("records")``: NaN, NaT, pd.NA and numpy's
NaT where a cell is blank) reads those values as not recorded, as audit_frame does and as a
blank CSV cell is — never a malformed 'nan' row, never an exception that stops the batch. And
audit_cases/audit_csv refuse what is not rows or a stream, instead of auditing a text one
character at a time."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest

from gov_deadlines.cases import audit_cases, audit_csv
from gov_deadlines.cases.columns import not_recorded
from gov_deadlines.errors import ArgumentTypeError

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

AS_OF = dt.date(2026, 6, 1)


def _results(rows: list[dict[str, Any]]) -> list[tuple[str, str, dt.date | None]]:
    found = []
    for row in audit_cases(rows, as_of=AS_OF):
        verdict = row.verdict
        found.append((row.case_id, row.result.value, verdict and verdict.reply_due_date))
    return found


def test_missing_values_of_a_frame_s_records_are_not_recorded_cells() -> None:
    blank = [
        {"编号": "1", "渠道": "网络", "提交日期": "2026-03-02", "确认日期": "", "答复日期": ""},
        {"编号": "2", "渠道": "当面", "提交日期": "2026-03-02", "答复日期": "", "延期工作日": ""},
    ]
    missing = [
        {"编号": "1", "渠道": "网络", "提交日期": "2026-03-02", "确认日期": pd.NaT,
         "答复日期": float("nan")},
        {"编号": "2", "渠道": "当面", "提交日期": pd.Timestamp("2026-03-02"),
         "答复日期": np.datetime64("NaT"), "延期工作日": pd.NA},
    ]  # fmt: skip
    assert _results(missing) == _results(blank)
    assert [result for _, result, _ in _results(missing)] == ["late", "late"]


def test_a_frame_with_gaps_audits_alike_through_its_records_and_as_a_frame() -> None:
    from gov_deadlines import audit_frame

    frame = pd.DataFrame(
        {
            "编号": ["a", "b", "c"],
            "渠道": ["当面", "网络", "挂号信"],
            "提交日期": ["2026-03-02", None, "2026-03-04"],
            "签收日期": [np.nan, np.nan, "2026-03-06"],
            "确认日期": [None, "2026-03-03", None],
            "答复日期": [np.nan, "2026-03-10", "2026-04-30"],
        }
    )
    audited = audit_frame(frame, as_of=AS_OF)
    by_records = [row.result.value for row in audit_cases(frame.to_dict("records"), as_of=AS_OF)]
    assert by_records == ["late", "ok", "late"]
    assert list(audited["结果"]) == ["有逾期", "全部按时", "有逾期"]


@pytest.mark.parametrize(
    "value", [None, float("nan"), pd.NaT, pd.NA, np.datetime64("NaT"), np.float32("nan")]
)
def test_each_missing_value_is_not_recorded(value: object) -> None:
    assert not_recorded(value)


@pytest.mark.parametrize(
    "value", ["", "nan", 0, 0.0, dt.date(2026, 3, 2), np.datetime64("2026-03-02")]
)
def test_a_value_is_recorded_however_falsy(value: object) -> None:
    # "" is a blank cell, read as such by the cell readers themselves
    assert not not_recorded(value)


@pytest.mark.parametrize("rows", [None, "a,b\n1,2", {"编号": "1"}, 5])
def test_audit_cases_refuses_what_is_not_rows(rows: Any) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        list(audit_cases(rows))
    assert caught.value.argument == "rows"


@pytest.mark.parametrize("stream", [None, "cases.csv", b"a,b"])
def test_audit_csv_refuses_a_path_or_a_text_for_its_stream(stream: Any) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        audit_csv(stream)
    assert caught.value.argument == "stream"
    assert audit_csv(io.StringIO("编号,渠道,提交日期\n1,当面,2026-03-02\n")) is not None
