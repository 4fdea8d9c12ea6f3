"""The batch audit: one result per input row, malformed rows reported, outputs that add up
(issue 6, §2 and §4). Test names are sentences."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines.cases import (
    COLUMNS,
    Case,
    LayoutError,
    RowResult,
    Status,
    audit_case,
    audit_cases,
    audit_csv,
)
from gov_deadlines.outputs import (
    CASE_COLUMNS,
    Summary,
    form_markdown,
    form_rows,
    summarize,
    write_case_csv,
    write_form,
    write_jsonl,
)
from gov_deadlines.outputs.case_csv import case_cells

D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "audit-example.csv"
AS_OF = D(2026, 6, 30)
ZH = [c[1] for c in COLUMNS]
EN = [c[2] for c in COLUMNS]


def run_csv(text: str, **options: Any) -> list[RowResult]:
    return list(audit_csv(io.StringIO(text, newline=""), **options))


def example_rows() -> list[RowResult]:
    with EXAMPLE.open(newline="", encoding="utf-8-sig") as stream:
        return list(audit_csv(stream, as_of=AS_OF))


# -- reading --------------------------------------------------------------------------------------


def test_the_example_file_gives_one_result_per_row_with_its_line_number() -> None:
    rows = example_rows()
    assert [r.line for r in rows] == list(range(2, 16))
    assert all(r.verdict is not None for r in rows)
    by_id = {r.case_id: r.verdict for r in rows}
    assert by_id["2026-001"] is not None and by_id["2026-001"].reply_due_date == D(2026, 10, 30)
    assert by_id["2026-002"] is not None and by_id["2026-002"].reply_due_date == D(2026, 4, 14)
    assert by_id["2026-003"] is not None and by_id["2026-003"].reply_due_date == D(2026, 4, 28)
    assert by_id["2026-004"] is not None and by_id["2026-004"].reply_due_date == D(2026, 5, 20)


def test_english_and_chinese_headers_give_the_same_results() -> None:
    body = "A1,平信,2026-05-06,,2026-05-08,,,,,,,,,2026-06-12\n"
    zh = run_csv(",".join(ZH) + "\n" + body, as_of=AS_OF)
    en = run_csv(",".join(EN) + "\n" + body, as_of=AS_OF)
    assert [r.to_record().model_dump(mode="json") for r in zh] == [
        r.to_record().model_dump(mode="json") for r in en
    ]


def test_columns_may_come_in_any_order_and_unknown_ones_are_ignored() -> None:
    audit = audit_csv(
        io.StringIO("备注,答复日期,Channel,Submitted\nx,2026-10-28,当面,2026-09-28\n")
    )
    assert audit.ignored_columns == ("备注",)
    (row,) = list(audit)
    assert row.verdict is not None and row.verdict.reply.status is Status.ON_TIME


def test_dict_rows_from_a_dict_reader_give_the_same_results_as_the_csv_reader() -> None:
    with EXAMPLE.open(newline="", encoding="utf-8-sig") as stream:
        from_dicts = list(audit_cases(csv.DictReader(stream), as_of=AS_OF))
    assert [r.to_record().model_dump(mode="json") for r in from_dicts] == [
        r.to_record().model_dump(mode="json") for r in example_rows()
    ]


def test_rows_may_be_case_models_or_case_shaped_mappings() -> None:
    shaped = {
        "case_id": "X",
        "channel": "当面",
        "submitted": "2026-03-20",
        "consultations": [{"sent": "2026-04-01", "answered": "2026-04-10"}],
    }
    model = Case(channel="internet", confirmed=D(2026, 9, 28))  # type: ignore[arg-type]
    rows = list(audit_cases([shaped, model]))
    assert rows[0].verdict is not None and rows[0].verdict.reply_due_date == D(2026, 4, 28)
    assert rows[1].verdict is not None and rows[1].verdict.reply_due_date == D(2026, 10, 30)


def test_several_consultations_share_a_cell_separated_by_semicolons() -> None:
    text = (
        "编号,渠道,提交日期,征求意见对象,征求意见发出日期,征求意见答复日期\n"
        "A,当面,2026-03-20,第三方;其他机关,2026-04-01;2026-04-08,2026-04-10;2026-04-15\n"
    )
    (row,) = run_csv(text)
    assert row.verdict is not None and row.verdict.excluded_workdays == 9


def test_a_batch_is_a_lazy_stream() -> None:
    def endless() -> Iterator[dict[str, Any]]:
        for number in itertools.count():
            yield {"编号": str(number), "渠道": "当面", "提交日期": "2026-03-02"}

    taken = list(itertools.islice(audit_cases(endless()), 3))
    assert [r.case_id for r in taken] == ["0", "1", "2"]


# -- malformed rows -------------------------------------------------------------------------------

MALFORMED = [
    ("A,当面,2026-02-30,,,,,,,,,,,", "submitted", "无法识别日期"),
    ("A,飞鸽,2026-03-02,,,,,,,,,,,", "channel", "渠道"),
    ("A,挂号信,2026-03-05,2026-03-01,,,,,,,,,,", "signed_for", "早于"),
    ("A,当面,2026-03-05,,,,,,,,,,,2026-03-01", "replied", "早于"),
    ("A,当面,2026-03-05,,,,2026-03-09,,,,,,,", "supplement_received", "补正"),
    ("A,当面,2026-03-05,,,,,,,,,,abc,", "extension_days", "工作日"),
    ("A,当面,,,,,,,,,,,,", "submitted", "缺少"),
    ("A,当面,2007-03-05,,,,,,,,,,,", "submitted", "尚未施行"),
]


@pytest.mark.parametrize(("body", "field", "words"), MALFORMED)
def test_a_malformed_row_is_reported_with_its_line_and_reason(
    body: str, field: str, words: str
) -> None:
    text = (
        ",".join(ZH)
        + "\nOK,当面,2026-03-02,,,,,,,,,,,\n"
        + body
        + "\nOK2,当面,2026-03-02,,,,,,,,,,,\n"
    )
    rows = run_csv(text)
    assert [r.line for r in rows] == [2, 3, 4]
    assert [r.result for r in rows] == ["open", "malformed", "open"]
    error = rows[1].error
    assert error is not None and error.line == 3 and error.field == field
    assert words in error.message("zh")
    assert "line 3" in error.message("en")


def test_too_many_cells_and_bad_quoting_are_reported_and_blank_rows_skipped() -> None:
    text = (
        "编号,渠道,提交日期\n"
        "A,当面,2026-03-02,extra\n"
        "\n"
        ",,\n"
        'B,"当面\n面",2026-03-02\n'
        "C,当面,2026-03-02\n"
    )
    audit = audit_csv(io.StringIO(text, newline=""), as_of=dt.date(2026, 3, 3))
    rows = list(audit)
    assert [r.line for r in rows] == [2, 5, 7]
    assert [r.result for r in rows] == ["malformed", "malformed", "open"]
    assert rows[0].error is not None and "cells" in str(rows[0].error)
    assert audit.blank_rows == 2


def test_an_unclosed_quote_is_reported_on_the_line_where_it_opened() -> None:
    text = (
        "编号,渠道,提交日期\n"
        "A,当面,2026-03-02\n"
        'B,"当面,2026-03-02\n'
        "C,当面,2026-03-02\n"
        "D,当面,2026-03-02\n"
    )
    rows = run_csv(text, as_of=dt.date(2026, 3, 3))
    assert [(r.line, r.result) for r in rows] == [(2, "open"), (3, "malformed")]
    error = rows[1].error
    assert error is not None
    assert "quote" in error.message("en") and "lines 3–5" in error.message("en")
    assert "第3—5行" in error.message("zh")
    assert "channel" not in error.message("en")


def test_a_row_that_is_not_a_mapping_is_reported() -> None:
    (row,) = list(audit_cases([["A", "当面"]]))  # type: ignore[list-item]
    assert row.result == "malformed" and row.line == 2


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("", "empty"),
        ("编号,提交日期\n", "channel"),
        ("编号,渠道\n", "date of receipt"),
        ("渠道,channel,提交日期\n", "twice"),
    ],
)
def test_an_unusable_header_stops_the_batch_at_once(header: str, words: str) -> None:
    with pytest.raises(LayoutError, match=words) as caught:
        audit_csv(io.StringIO(header))
    assert caught.value.message("zh") != str(caught.value)


cell = st.one_of(
    st.sampled_from(
        [
            "",
            "2026-03-02",
            "2026-04-30",
            "2019-05-14",
            "2026-13-01",
            "当面",
            "网络",
            "x",
            "20",
            "第三方",
        ]
    ),
    st.text(alphabet='ab,"\n;2026-', max_size=6),
)
row_strategy = st.lists(cell, min_size=0, max_size=16)


@given(st.lists(row_strategy, max_size=25))
def test_the_output_has_exactly_one_row_per_input_row_for_any_batch(rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(ZH)
    writer.writerows(rows)
    text = buffer.getvalue()
    expected = len(list(csv.reader(io.StringIO(text, newline="")))) - 1
    audit = audit_csv(io.StringIO(text, newline=""), as_of=AS_OF)
    results = list(audit)
    assert len(results) + audit.blank_rows == expected
    lines = [r.line for r in results]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    summary = summarize(results)
    assert summary.rows == len(results) == sum(summary.results.values())
    dict_rows = [dict(zip(ZH, r, strict=False)) for r in rows]
    assert len(list(audit_cases(dict_rows, as_of=AS_OF))) == len(rows)


# -- outputs --------------------------------------------------------------------------------------


def test_the_case_csv_starts_with_a_bom_and_matches_the_cells_of_each_result() -> None:
    rows = example_rows() + run_csv(",".join(ZH) + "\nBAD,x,2026-03-02,,,,,,,,,,,\n")
    for lang in ("zh", "en"):
        stream = io.StringIO(newline="")
        summary = write_case_csv(rows, stream, lang=lang)
        text = stream.getvalue()
        assert text.startswith("\ufeff")
        parsed = list(csv.reader(io.StringIO(text[1:], newline="")))
        header = [c[1] if lang == "zh" else c[2] for c in CASE_COLUMNS]
        assert parsed[0] == header
        assert parsed[1:] == [case_cells(r, lang == "zh", lang) for r in rows]
        assert summary.rows == len(rows)


def test_json_lines_give_one_object_per_row_with_stable_keys() -> None:
    rows = example_rows()
    stream = io.StringIO()
    write_jsonl(rows, stream, lang="en", explanation=True)
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(records) == len(rows)
    assert {
        "line",
        "case_id",
        "result",
        "receipt_date",
        "version",
        "duties",
        "findings",
        "explanation",
    } <= set(records[0])
    assert records[0]["duties"][-1]["due_date"] == "2026-10-30"


def test_the_summary_counts_add_up_to_the_input() -> None:
    rows = example_rows()
    summary = summarize(rows)
    assert summary.rows == 14 == sum(summary.results.values())
    assert summary.results == {
        "ok": 6,
        "late": 5,
        "problem": 1,
        "open": 2,
        "undetermined": 0,
        "malformed": 0,
    }
    text = summary.markdown("zh")
    assert "| **合计** | **14** |" in text
    assert "3件逾期答复,最长逾期16个工作日" in text
    assert "Late cases" in summary.markdown("en")
    assert summary.exit_code() == 1


def test_the_supervision_form_has_one_row_per_duty_filled_from_the_findings() -> None:
    summary = summarize(example_rows())
    rows = form_rows(summary, lang="zh", responsible="办公室", materials_from="政务公开科")
    # the duties in order, each named by its rules' titles and citations (rule data)
    assert [r.task[:4] for r in rows] == ["申请内容", "延长答复", "依申请公"]
    assert "第三十三条第二款" in rows[2].task and "第二十四条" in rows[2].task
    assert [r.completed for r in rows] == [False, False, False]
    assert rows[0].problems == "1件逾期告知补正,最长逾期2个工作日"
    assert "1件延期超过最长期限" in rows[1].problems
    # Case 2026-001 of the example was received 2026-09-28, after the audit day 2026-06-30.
    assert rows[2].problems == (
        "3件逾期答复,最长逾期16个工作日;1件逾期未答复,最长已逾期5个工作日(截至2026-06-30);"
        "1件记录的日期存疑(晚于核查日或早于起算日,见明细第2行),判定待核实"
    )
    stream = io.StringIO(newline="")
    write_form(form_rows(summary, responsible="办公室"), stream, format="csv")
    parsed = list(csv.reader(io.StringIO(stream.getvalue()[1:], newline="")))
    assert parsed[0] == [
        "序号",
        "工作任务",
        "完成情况",
        "存在问题",
        "整改措施",
        "整改责任主体",
        "材料提供部门",
    ]
    assert [p[2] for p in parsed[1:]] == ["未完成"] * 3


def test_a_clean_batch_fills_the_form_as_completed() -> None:
    good = [audit_case({"channel": "当面", "submitted": "2026-09-28", "replied": "2026-10-28"})]
    summary = Summary()
    for verdict in good:
        summary.add(RowResult(2, "", verdict))
    rows = form_rows(summary)
    assert [r.completed for r in rows] == [True, True, True]
    assert rows[2].problems == "无" and rows[0].problems == "本批无此类事项"
    assert summary.exit_code() == 0


def test_a_malformed_row_makes_the_exit_code_2_and_is_noted_under_the_form() -> None:
    summary = summarize(run_csv(",".join(ZH) + "\nBAD,x,2026-03-02,,,,,,,,,,,\n"))
    assert summary.exit_code() == 2
    assert "另有1行数据有误" in form_markdown(summary)


def test_every_example_case_explains_itself_in_both_languages() -> None:
    for row in example_rows():
        verdict = row.verdict
        assert verdict is not None
        zh, en = verdict.explain("zh"), verdict.explain("en")
        assert verdict.case_id in zh and verdict.case_id in en
        assert verdict.reply.status.label("zh") in zh or verdict.reply.status_text("zh") in zh
        assert "结果:" in zh and "Result: " in en


_MAPPINGS: tuple[dict[str, Any], ...] = (
    # a DictReader's row: every plain column, texts only
    {name: "" for _, name, _, _ in COLUMNS[:14]} | {"编号": "A", "渠道": "当面", "提交日期": "2026-03-02"},
    # the same keys, a reply late
    {name: "" for _, name, _, _ in COLUMNS[:14]}
    | {"编号": "B", "渠道": "网络", "确认日期": "2019-05-14", "答复日期": "2019-07-01"},
    # the same keys, a short row of a DictReader (None for the cells it lacks)
    {name: None for _, name, _, _ in COLUMNS[:14]} | {"编号": "C", "渠道": "平信", "确认日期": "2026-09-30"},
    # other keys: English names, a date object, a number of days
    {
        "case_id": "D",
        "channel": "registered post",
        "signed_for": dt.date(2026, 4, 30),
        "extension_approved": "2026-05-20",
        "extension_told": "2026-05-21",
        "extension_days": 10,
        "replied": "2026-06-30",
    },
    # a record's extra facts (issue 15) beside the plain columns
    {name: "" for _, name, _, _ in COLUMNS[:14]}
    | {"编号": "E", "渠道": "挂号信", "签收日期": "2026-03-07", "收到日期": "2026-03-09"},
    # an unknown channel: malformed
    {name: "" for _, name, _, _ in COLUMNS[:14]} | {"编号": "F", "渠道": "飞鸽", "提交日期": "2026-03-02"},
)


@given(st.lists(st.sampled_from(range(len(_MAPPINGS))), min_size=1, max_size=12))
def test_a_mapping_row_gives_the_same_result_whatever_rows_come_before_it(
    order: list[int],
) -> None:
    """A batch reads mappings with what its rows share worked out once (their keys); a row's
    result is still the one it has alone, however the rows before it were keyed."""
    rows = [_MAPPINGS[i] for i in order]
    batch = [r.to_record().model_dump(mode="json") for r in audit_cases(rows, as_of=AS_OF)]
    alone = [
        next(audit_cases([row], as_of=AS_OF, first_line=line)).to_record().model_dump(mode="json")
        for line, row in enumerate(rows, start=2)
    ]
    assert batch == alone
