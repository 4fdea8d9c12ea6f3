"""An ``.xlsx`` written by a program (openpyxl, never opened in Excel) holds formulas with
no saved value; calamine reads such a cell as empty. The audit makes it a malformed row
naming the cell, its column and the fix — never a blank (a reply date ``=DATE(2026,3,20)``
read as "not replied"). Test names are sentences."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import xlsxwriter

from gov_deadlines.cases import audit_xlsx
from gov_deadlines.cli import main
from gov_deadlines.sheets import open_sheet, uncached_formulas

AS_OF = dt.date(2026, 6, 30)
HEADER = ["编号", "渠道", "提交日期", "答复日期", "备注"]


def openpyxl_book(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "登记表"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_reply_date_formula_without_a_saved_value_makes_its_row_malformed(
    tmp_path: Path,
) -> None:
    book = openpyxl_book(
        tmp_path / "r.xlsx",
        [
            HEADER,
            ["A-1", "当面", dt.date(2026, 3, 2), "=DATE(2026,3,20)", ""],
            ["A-2", "当面", dt.date(2026, 3, 2), dt.date(2026, 3, 20), "=A2"],
        ],
    )
    first, second = list(audit_xlsx(book, as_of=AS_OF))
    assert first.verdict is None and first.error is not None
    assert first.case_id == "A-1" and first.error.field == "replied"
    zh, en = first.error.message("zh"), first.error.message("en")
    assert "登记表!D2(答复日期)" in zh and "=DATE(2026,3,20)" in zh and "打开并保存" in zh
    assert "登记表!D2 (答复日期)" in en and "open the file in Excel or WPS" in en
    # A formula in a column the audit does not read is no problem of its row.
    assert second.error is None and second.verdict is not None


def test_the_cli_audit_names_the_formula_cell_and_exits_2(tmp_path: Path) -> None:
    book = openpyxl_book(
        tmp_path / "r.xlsx",
        [HEADER, ["A-1", "当面", dt.date(2026, 3, 2), "=DATE(2026,3,20)", ""]],
    )
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["audit", str(book), "--as-of", "2026-06-30", "--format", "csv"], stdout=out, stderr=err
    )
    assert code == 2 and "登记表!D2" in out.getvalue() and "=DATE(2026,3,20)" in out.getvalue()


def test_a_formula_with_a_saved_value_or_an_empty_text_result_is_read_as_saved(
    tmp_path: Path,
) -> None:
    written = tmp_path / "written.xlsx"
    with xlsxwriter.Workbook(str(written)) as book:
        sheet = book.add_worksheet("登记表")
        sheet.write_row(0, 0, ["a", "b", "c"])
        sheet.write_formula(1, 0, "=1+1", None, 2)
        sheet.write_formula(1, 2, "=A1", None, "x")
    assert uncached_formulas(str(written), "登记表") == {}
    # As Excel saves a formula whose result is the empty text: t="str", an empty value.
    path = tmp_path / "saved.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"<row ", b'<row r="3"><c r="B3" t="str"><f>""</f><v></v></c></row><row ', 1
                )
                data = data.replace(b'<row r="3"><c r="B3"', b'<row r="5"><c r="B5"', 1)
            target.writestr(item, data)
    assert uncached_formulas(str(path), "登记表") == {}
    assert open_sheet(path).uncached == {}


def test_a_formula_without_a_value_is_found_by_its_cell(tmp_path: Path) -> None:
    book = openpyxl_book(tmp_path / "r.xlsx", [["a", "b"], ["x", "=DATE(2026,3,20)"]])
    assert uncached_formulas(str(book), "登记表") == {2: {1: "DATE(2026,3,20)"}}
