"""``audit --provisional`` marks every date that rests on provisional calendar data, in every
output format and row (issue 10, item 2). Test names are sentences.

The register holds December 2026 receipts: their reply deadlines fall in January 2027, a
year with no official holiday notice in the bundled data, so they are provisional; the
receipt of 1 December is due on 29 December 2026 and is official.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from gov_deadlines.cli import main

REGISTER = (
    "编号,渠道,提交日期,答复日期\n"
    "D-01,当面,2026-12-01,2026-12-10\n"  # due 2026-12-29: official
    "D-02,当面,2026-12-15,\n"  # due 2027-01-13, overdue on the audit day
    "D-03,当面,2026-12-20,2027-01-25\n"  # a Sunday, moved to 12-21; due 2027-01-19, late
    "D-04,当面,2026-12-28,2027-01-05\n"  # due 2027-01-26, on time
)
PROVISIONAL = {"D-02", "D-03", "D-04"}
AS_OF = "2027-02-15"


@pytest.fixture
def register(tmp_path: Path) -> str:
    path = tmp_path / "2026-12.csv"
    path.write_text(REGISTER, encoding="utf-8")
    return str(path)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def audit(register: str, *options: str) -> tuple[int, str, str]:
    return run("audit", register, "--provisional", "--as-of", AS_OF, *options)


def test_the_per_case_csv_has_a_provisional_column_filled_in_every_row(register: str) -> None:
    code, out, err = audit(register, "--format", "csv")
    assert code == 1, err
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    assert len(rows) == 4
    assert {row["编号"]: row["临时推算"] for row in rows} == {
        "D-01": "否",
        "D-02": "是",
        "D-03": "是",
        "D-04": "是",
    }
    assert "[临时推算]" in err  # the summary line on standard error says so too


def test_the_english_per_case_csv_says_yes_or_no_under_provisional(register: str) -> None:
    _, out, _ = audit(register, "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    assert {row["case_id"]: row["provisional"] for row in rows} == {
        "D-01": "no",
        "D-02": "yes",
        "D-03": "yes",
        "D-04": "yes",
    }


def test_a_csv_file_written_with_output_carries_the_same_column(
    register: str, tmp_path: Path
) -> None:
    target = tmp_path / "明细.csv"
    code, out, _ = audit(register, "-o", str(target))
    rows = list(csv.DictReader(io.StringIO(target.read_text("utf-8-sig"), newline="")))
    assert code == 1
    assert [row["编号"] for row in rows if row["临时推算"] == "是"] == sorted(PROVISIONAL)
    assert "[临时推算]3件" in out


def test_json_lines_flag_each_provisional_case_and_its_duties(register: str) -> None:
    _, out, _ = audit(register, "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["case_id"] for r in records if r["provisional"]} == PROVISIONAL
    for record in records:
        assert record["duties"][-1]["provisional"] is (record["case_id"] in PROVISIONAL)


def test_the_markdown_problems_mark_the_provisional_due_dates(register: str) -> None:
    code, out, _ = audit(register)
    assert code == 1
    problems = out.split("## 存在问题", 1)[1].split("##", 1)[0]
    lines = [line for line in problems.splitlines() if line.startswith("- ")]
    assert len(lines) == 2
    assert all("[临时推算]" in line for line in lines), lines
    assert "[临时推算]3件的日期依据临时推算的日历" in out


def test_the_english_markdown_marks_them_provisional(register: str) -> None:
    _, out, _ = audit(register, "--lang", "en")
    problems = out.split("## Problems found", 1)[1].split("##", 1)[0]
    lines = [line for line in problems.splitlines() if line.startswith("- ")]
    assert lines and all("[provisional]" in line for line in lines), lines


def test_the_supervision_form_marks_the_provisional_dates_on_the_reply_row(register: str) -> None:
    code, out, _ = audit(register, "--format", "form")
    assert code == 1
    reply = next(line for line in out.splitlines() if line.startswith("| 3 |"))
    assert reply.count("[临时推算]") == 3  # the late, the overdue and the on-time case
    assert "[临时推算]3件的日期依据临时推算的日历" in out


def test_the_supervision_form_as_csv_marks_them_too(register: str, tmp_path: Path) -> None:
    target = tmp_path / "督察表.csv"
    audit(register, "--format", "form", "-o", str(target))
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"), newline="")))
    assert "[临时推算]" in rows[3][3]
    assert "[临时推算]" not in rows[1][3] + rows[2][3]  # no 补正 or extension in the batch


def test_a_batch_judged_on_time_on_provisional_dates_still_says_so_on_the_form(
    tmp_path: Path,
) -> None:
    path = tmp_path / "on-time.csv"
    path.write_text("编号,渠道,提交日期,答复日期\nD-04,当面,2026-12-28,2027-01-05\n", "utf-8")
    code, out, _ = run("audit", str(path), "--provisional", "--format", "form", "--as-of", AS_OF)
    assert code == 0
    reply = next(line for line in out.splitlines() if line.startswith("| 3 |"))
    assert "| 已完成 | 无(其中1件的期限为临时推算[临时推算]) |" in reply


def test_the_json_summary_counts_the_provisional_cases(register: str) -> None:
    _, out, _ = audit(register, "--json")
    summary = json.loads(out)
    # A count is provisional_rows; provisional is a bool on every result (docs/vocabulary.md).
    assert summary["provisional_rows"] == 3 and "provisional" not in summary


def test_without_provisional_dates_nothing_is_marked(tmp_path: Path) -> None:
    path = tmp_path / "official.csv"
    path.write_text("编号,渠道,提交日期,答复日期\nD-01,当面,2026-12-01,2026-12-10\n", "utf-8")
    for fmt in ("markdown", "form", "csv"):
        code, out, err = run("audit", str(path), "--format", fmt, "--as-of", "2026-12-31")
        assert code == 0
        assert "临时推算]" not in out + err
