"""Issue 10, items 13 and 15: the audit reads the dates clerks type (one date reader for
every input) and skips blank rows instead of failing the batch; a quote left open is
reported on the line where it opened."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from gov_deadlines.cases import audit_case, audit_cases, audit_csv
from gov_deadlines.cli import main
from gov_deadlines.dates import parse_date, parse_day
from gov_deadlines.outputs import Summary, write_case_csv
from gov_deadlines.recurring import read_log

HEADER = "编号,渠道,提交日期,签收日期,确认日期,答复日期\n"
AS_OF = dt.date(2026, 11, 20)
CLERK_DATES = [
    ("2026/9/30 10:00", dt.date(2026, 9, 30)),
    ("2026-09-30T10:00", dt.date(2026, 9, 30)),
    ("２０２６－０９－３０", dt.date(2026, 9, 30)),
    ("２０２６年９月３０日", dt.date(2026, 9, 30)),
    ("2026-09-30T20:00:00Z", dt.date(2026, 10, 1)),  # 04:00 on 1 October in Beijing
    ("2026年9月30日 9:30", dt.date(2026, 9, 30)),
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def both_paths(text: str) -> tuple[str, Summary]:
    fast, general = io.StringIO(newline=""), io.StringIO(newline="")
    summary = write_case_csv(audit_csv(io.StringIO(text, newline=""), as_of=AS_OF), fast)
    write_case_csv(iter(audit_csv(io.StringIO(text, newline=""), as_of=AS_OF)), general)
    assert fast.getvalue() == general.getvalue()
    return fast.getvalue(), summary


@pytest.mark.parametrize(("text", "day"), CLERK_DATES)
def test_date_times_and_full_width_digits_in_the_audit_csv_are_read_as_their_day(
    text: str, day: dt.date
) -> None:
    (row,) = audit_csv(io.StringIO(HEADER + f"A,当面,{text},,,{text}\n", newline=""), as_of=AS_OF)
    assert row.verdict is not None, row.error
    assert row.verdict.recorded_receipt_date == day
    assert row.verdict.duties[-1].done_on == day
    output, _ = both_paths(HEADER + f"A,当面,{text},,,\nB,当面,2026-09-30,,,{text}\n")
    assert "数据有误" not in output


@pytest.mark.parametrize(("text", "day"), CLERK_DATES)
def test_every_input_reads_a_date_the_same_way(text: str, day: dt.date, tmp_path: Path) -> None:
    assert parse_day(text) == day
    assert audit_case({"channel": "当面", "submitted": text}).recorded_receipt_date == day
    (row,) = audit_cases([{"渠道": "当面", "提交日期": text}])
    assert row.verdict is not None and row.verdict.recorded_receipt_date == day
    log = tmp_path / "log.csv"
    log.write_text(f"rule,date\nogi.annual-report,{text}\n", encoding="utf-8")
    assert read_log(log)[0].done_on == day


def test_the_command_line_reads_full_width_dates_too() -> None:
    assert parse_date("２０２６－０９－３０") == dt.date(2026, 9, 30)
    code, out, err = run("add", "２０２６－０９－３０", "20个工作日", "--json")
    assert code == 0, err
    assert json.loads(out)["trigger"].startswith("2026-09-30")


def test_blank_and_all_comma_rows_are_skipped_and_counted_not_failing_the_batch(
    tmp_path: Path,
) -> None:
    text = HEADER + "A,当面,2026-09-28,,,2026-10-30\n\n,,,,,\n , ,,,,\nB,当面,2026-09-28,,,2026-10-30\n"
    path = tmp_path / "cases.csv"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("audit", str(path), "--as-of", "2026-11-02")
    assert code == 0, out + err
    assert "空行3行" in out and "数据有误 | 0" in out and "全部按时 | 2" in out
    code, out, _ = run("audit", str(path), "--as-of", "2026-11-02", "--json")
    assert code == 0 and json.loads(out)["blank_rows"] == 3
    output, summary = both_paths(text)
    assert summary.blank_rows == 3 and summary.rows == 2
    assert output.count("\r\n") == 3  # the header and the two cases


def test_an_unclosed_quote_names_the_line_it_opened_on_in_both_paths() -> None:
    text = HEADER + 'A,当面,2026-09-28,,,2026-10-30\nB,"当面,2026-09-28,,,\nC,当面,2026-09-28,,,\n'
    output, summary = both_paths(text)
    assert summary.malformed == 1
    assert "本行的引号" in output and "第3—4行" in output
    assert "渠道" not in output.splitlines()[-1]


def test_consultation_cells_of_spaces_only_are_not_recorded_not_a_malformed_row() -> None:
    text = (
        "编号,渠道,提交日期,征求意见对象,征求意见发出日期,征求意见答复日期,答复日期\n"
        "a,当面,2026-09-01,,   ,,2026-09-20\n"
        "b,当面,2026-09-01,  ,\t, ,2026-09-20\n"
        "c,当面,2026-09-01,第三方,  ,  ,2026-09-20\n"
    )
    results = list(audit_csv(io.StringIO(text, newline=""), as_of=AS_OF))
    assert [row.error for row in results] == [None, None, None]
    plain = audit_case({"channel": "当面", "submitted": "2026-09-01", "replied": "2026-09-20"})
    for row in results[:2]:
        assert row.verdict is not None and row.verdict.spans == ()
        assert row.verdict.reply_due_date == plain.reply_due_date
    # a party with blank dates: a consultation without dates (issue 15), as with empty cells
    last = results[2].verdict
    assert last is not None and [f.code for f in last.findings if f.code == "consult_undated"]
