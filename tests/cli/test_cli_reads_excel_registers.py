"""``audit`` and ``check-log`` read ``.xlsx`` files (issue 17): the same answers as from the
CSV export, options that do not apply refused, spreadsheet formats that are not read named
with the fix. Test names are sentences."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from _cli import ROOT
from _workbooks import EXAMPLE, example_workbook, write_workbook
from gov_deadlines.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "markdown", "form"])
def test_audit_of_the_example_as_a_workbook_prints_what_the_csv_audit_prints(
    tmp_path: Path, fmt: str
) -> None:
    book = example_workbook(tmp_path / "example.xlsx")
    options = ("--as-of", "2026-06-30", "--format", fmt)
    assert run("audit", str(book), *options) == run("audit", str(EXAMPLE), *options)


def test_a_bad_cell_of_a_workbook_is_named_in_the_per_case_output(tmp_path: Path) -> None:
    rows = [["编号", "渠道", "提交日期"], ["A-1", "电报", dt.date(2026, 3, 2)]]
    book = write_workbook(tmp_path / "r.xlsx", rows)
    code, out, _ = run("audit", str(book), "--format", "csv", "--lang", "en")
    assert code == 2 and "登记表!B2: " in out


def test_sheet_is_refused_for_a_csv_input(tmp_path: Path) -> None:
    code, _, err = run("audit", str(EXAMPLE), "--sheet", "登记表")
    assert code == 2 and "--sheet 只适用于 .xlsx" in err


@pytest.mark.parametrize("option", [["--encoding", "gbk"], ["--delimiter", ";"]])
def test_csv_options_are_refused_for_a_workbook(tmp_path: Path, option: list[str]) -> None:
    book = example_workbook(tmp_path / "example.xlsx")
    code, _, err = run("audit", str(book), *option, "--lang", "en")
    assert code == 2 and "applies to CSV files only" in err


@pytest.mark.parametrize("name", ["register.xls", "register.et", "register.ods"])
def test_a_spreadsheet_format_that_is_not_read_is_named_with_the_fix(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run("audit", str(path))
    assert code == 2 and "另存为 .xlsx 或 CSV UTF-8" in err


def test_a_missing_workbook_is_named_in_the_message(tmp_path: Path) -> None:
    missing = tmp_path / "登记表.xlsx"
    code, _, err = run("audit", str(missing))
    assert code == 2 and str(missing) in err and "Traceback" not in err


def test_check_log_reads_a_workbook_as_its_csv_export(tmp_path: Path) -> None:
    log = ROOT / "docs" / "log-example.csv"
    with log.open(encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream))
    # ISO dates as date cells; the clerk-written ones (2026年6月26日) stay text.
    rows = [lines[0]] + [
        [rule, dt.date.fromisoformat(day) if day[:4].isdigit() and "-" in day else day, *rest]
        for rule, day, *rest in lines[1:]
    ]
    book = write_workbook(tmp_path / "log.xlsx", rows, sheet="工作记录")
    options = ("--year", "2026", "--as-of", "2026-12-31", "--json")
    code, out, _ = run("check-log", str(book), *options)
    code_csv, out_csv, _ = run("check-log", str(log), *options)
    assert code == code_csv
    assert out.replace(str(book), "LOG") == out_csv.replace(str(log), "LOG")


def test_check_log_names_the_cell_of_an_unreadable_date_in_both_languages(
    tmp_path: Path,
) -> None:
    rows = [["规则", "日期"], ["ogi.annual-report", "一月底"]]
    book = write_workbook(tmp_path / "log.xlsx", rows, sheet="工作记录")
    code, _, err = run("check-log", str(book), "--year", "2026")
    assert code == 2 and "工作记录!B2:" in err
    code, _, err = run("check-log", str(book), "--year", "2026", "--lang", "en")
    assert code == 2 and "工作记录!B2: " in err
