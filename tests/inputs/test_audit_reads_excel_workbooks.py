"""``.xlsx`` input (issue 17): a register kept in Excel is audited as its CSV export is, its
dates read as dates (typed cells and Excel serial numbers), its merged header cells and
blank trailing rows as Excel shows them, and every problem named by its cell. Test names
are sentences."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
import xlsxwriter
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.datetime import from_excel

from _workbooks import EXAMPLE, example_rows, example_workbook, write_workbook
from gov_deadlines.cases import LayoutError, audit_csv, audit_xlsx
from gov_deadlines.outputs import Summary, write_case_csv
from gov_deadlines.sheets import SheetError, cell_address, cell_text, excel_serial_date, open_sheet

AS_OF = dt.date(2026, 6, 30)
HEADER = ["编号", "渠道", "提交日期", "答复日期"]


def per_case_csv(results: object, lang: str) -> tuple[str, Summary]:
    out = io.StringIO()
    summary = write_case_csv(results, out, lang=lang)  # type: ignore[arg-type]
    return out.getvalue(), summary


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_audit_of_an_xlsx_made_from_the_example_csv_equals_the_csv_audit(
    tmp_path: Path, lang: str
) -> None:
    book = example_workbook(tmp_path / "example.xlsx")
    with EXAMPLE.open(encoding="utf-8-sig", newline="") as stream:
        from_csv, csv_summary = per_case_csv(audit_csv(stream, as_of=AS_OF), lang)
    from_xlsx, xlsx_summary = per_case_csv(audit_xlsx(book, as_of=AS_OF), lang)
    assert from_xlsx == from_csv
    assert xlsx_summary.to_record(lang) == csv_summary.to_record(lang)


def test_a_date_stored_as_a_plain_number_reads_as_its_excel_serial_date(tmp_path: Path) -> None:
    # 46083 is 2026-03-02 and 46101 2026-03-20, as Excel shows them formatted as dates.
    book = write_workbook(tmp_path / "r.xlsx", [HEADER, ["A-1", "当面", 46083, 46101.5]])
    [row] = list(audit_xlsx(book, as_of=AS_OF))
    assert row.verdict is not None
    assert row.verdict.receipt_date == dt.date(2026, 3, 2)
    assert row.verdict.duties[-1].done_on == dt.date(2026, 3, 20)


def test_a_number_read_as_a_serial_is_named_as_such_when_its_date_is_refused(
    tmp_path: Path,
) -> None:
    # A year typed as a number (2026) is serial 2026, 1905-07-18: before the 条例.
    book = write_workbook(tmp_path / "r.xlsx", [HEADER, ["A-1", "当面", 2026, ""]])
    [row] = list(audit_xlsx(book, as_of=AS_OF))
    assert row.error is not None
    assert "the cell holds the number 2026, read as an Excel date serial: 1905-07-18" in (
        row.error.problem
    )
    assert "单元格中是数字 2026,按Excel日期序列号读作 1905-07-18" in row.error.problem_zh


def test_a_number_outside_the_date_columns_stays_a_number(tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "r.xlsx", [HEADER, [1001, "当面", 46083, ""]])
    [row] = list(audit_xlsx(book, as_of=AS_OF))
    assert row.case_id == "1001"


def test_a_date_and_time_cell_reads_as_its_day(tmp_path: Path) -> None:
    book = write_workbook(
        tmp_path / "r.xlsx", [HEADER, ["A-1", "当面", dt.datetime(2026, 3, 2, 16, 45), ""]]
    )
    [row] = list(audit_xlsx(book, as_of=AS_OF))
    assert row.verdict is not None and row.verdict.receipt_date == dt.date(2026, 3, 2)


def test_excel_serials_count_the_1900_date_system_with_its_phantom_leap_day() -> None:
    assert excel_serial_date(1) == dt.date(1900, 1, 1)
    assert excel_serial_date(59) == dt.date(1900, 2, 28)
    assert excel_serial_date(61) == dt.date(1900, 3, 1)
    assert excel_serial_date(46083.99) == dt.date(2026, 3, 2)
    with pytest.raises(ValueError, match="1900-02-29"):
        excel_serial_date(60)
    for impossible in (0, -1, 2_958_466):
        with pytest.raises(ValueError):
            excel_serial_date(impossible)


@given(st.integers(min_value=61, max_value=2_958_465))
def test_every_serial_from_march_1900_on_is_the_day_openpyxl_reads(serial: int) -> None:
    assert excel_serial_date(serial) == from_excel(serial).date()


@given(st.integers(min_value=0, max_value=2_957_003))
def test_in_the_1904_date_system_serial_zero_is_new_year_1904(serial: int) -> None:
    assert excel_serial_date(serial, date1904=True) == dt.date(1904, 1, 1) + dt.timedelta(serial)


def test_a_workbook_in_the_1904_date_system_reads_its_serials_in_that_system(
    tmp_path: Path,
) -> None:
    # 44621 in the 1904 system is 2026-03-02 (1462 days fewer than in the 1900 system).
    book = write_workbook(
        tmp_path / "mac.xlsx",
        [HEADER, ["A-1", "当面", 46083 - 1462, dt.date(2026, 3, 20)]],
        options={"date_1904": True},
    )
    [row] = list(audit_xlsx(book, as_of=AS_OF))
    assert row.verdict is not None
    assert row.verdict.receipt_date == dt.date(2026, 3, 2)
    assert row.verdict.duties[-1].done_on == dt.date(2026, 3, 20)


def test_a_cell_text_of_a_number_has_no_trailing_point_zero() -> None:
    assert cell_text(1001.0) == "1001"
    assert cell_text(15.5) == "15.5"
    assert cell_text(True) == "TRUE"
    assert cell_text(46083, date=True) == "2026-03-02"
    assert cell_text(20260302, date=True) == "20260302"  # no serial: the date reader decides


def test_a_title_over_a_merged_two_row_header_is_read_as_excel_shows_it(tmp_path: Path) -> None:
    # Row 1: a title merged over the table; rows 2-3: 编号, 渠道 and 提交日期 merged down,
    # 征求意见 merged across over 发出日期 and 答复日期.
    rows = [
        [],
        [None, None, "征求意见", None],
        [None, None, "发出日期", "答复日期"],
        ["A-1", "当面", dt.date(2026, 4, 1), dt.date(2026, 4, 10)],
    ]
    book = write_workbook(
        tmp_path / "merged.xlsx",
        rows,
        merges=[
            (0, 0, 0, 4, "2026年依申请公开登记表"),
            (1, 0, 2, 0, "编号"),
            (1, 1, 2, 1, "渠道"),
            (1, 2, 1, 3, "征求意见"),
            (1, 4, 2, 4, "提交日期"),
        ],
    )
    sheet = open_sheet(book)
    assert sheet.header == ["编号", "渠道", "征求意见发出日期", "征求意见答复日期", "提交日期"]
    assert sheet.header_row == 3


def test_a_line_of_two_values_above_the_header_is_passed_over(tmp_path: Path) -> None:
    rows = [
        ["填报单位:某某区政府办公室", None, "填报日期:2026年6月30日"],
        HEADER,
        ["A-1", "当面", dt.date(2026, 3, 2), dt.date(2026, 3, 20)],
    ]
    audit = audit_xlsx(write_workbook(tmp_path / "t.xlsx", rows), as_of=AS_OF)
    [row] = list(audit)
    assert row.line == 3 and row.error is None and audit.sheet.header_row == 2


def test_a_merged_data_cell_counts_for_every_row_it_covers(tmp_path: Path) -> None:
    rows = [HEADER, ["A-1", None, dt.date(2026, 3, 2)], ["A-2", None, dt.date(2026, 3, 3)]]
    book = write_workbook(tmp_path / "m.xlsx", rows, merges=[(1, 1, 2, 1, "网络")])
    results = list(audit_xlsx(book, as_of=AS_OF))
    assert [r.error for r in results] == [None, None]
    assert {r.verdict.channel.value for r in results if r.verdict} == {"internet"}


def test_blank_rows_at_the_end_of_a_sheet_are_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "trailing.xlsx"
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet("登记表")
    ws.write_row(0, 0, HEADER)
    ws.write_row(1, 0, ["A-1", "当面", "2026-03-02", "2026-03-20"])
    yellow = book.add_format({"bg_color": "#FFFF00", "num_format": "yyyy-mm-dd"})
    for row in range(2, 200):  # formatted, empty: Excel keeps such rows in the sheet
        ws.write_blank(row, 2, None, yellow)
    book.close()
    audit = audit_xlsx(path, as_of=AS_OF)
    assert len(list(audit)) == 1 and audit.blank_rows == 0


def test_a_blank_row_between_data_rows_is_skipped_and_counted_keeping_excel_row_numbers(
    tmp_path: Path,
) -> None:
    rows = [HEADER, ["A-1", "当面", "2026-03-02"], [], ["A-2", "当面", "2026-03-02"]]
    audit = audit_xlsx(write_workbook(tmp_path / "b.xlsx", rows), as_of=AS_OF)
    assert [r.line for r in audit] == [2, 4] and audit.blank_rows == 1


def test_a_bad_date_is_named_by_its_cell_as_excel_shows_it_in_both_languages(
    tmp_path: Path,
) -> None:
    rows = [HEADER, ["A-1", "当面", "2026-03-02", ""], ["A-2", "当面", "三月二日", ""]]
    [_, bad] = list(audit_xlsx(write_workbook(tmp_path / "e.xlsx", rows), as_of=AS_OF))
    assert bad.error is not None and bad.line == 3
    assert bad.error.problem.startswith("登记表!C3: ")
    assert bad.error.problem_zh.startswith("登记表!C3:")


def test_cells_keep_their_excel_address_when_the_table_does_not_start_at_a1(
    tmp_path: Path,
) -> None:
    rows = [HEADER, ["A-1", "电报", "2026-03-02", ""]]
    book = write_workbook(tmp_path / "o.xlsx", rows, sheet="Sheet 1", first_row=4, first_column=2)
    [bad] = list(audit_xlsx(book, as_of=AS_OF))
    assert bad.line == 6
    assert bad.error is not None and bad.error.problem.startswith("'Sheet 1'!D6: ")


def test_a_value_beyond_the_header_is_named_by_its_cell(tmp_path: Path) -> None:
    rows = [HEADER, ["A-1", "当面", "2026-03-02", "", "", "多出的值"]]
    [bad] = list(audit_xlsx(write_workbook(tmp_path / "x.xlsx", rows), as_of=AS_OF))
    assert bad.error is not None and bad.error.problem_zh.startswith("登记表!F2:")
    assert "没有表头" in bad.error.problem_zh


def test_a_header_without_a_channel_names_the_header_cells(tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "h.xlsx", [["编号", "提交日期"], ["A-1", "2026-03-02"]])
    with pytest.raises(LayoutError) as caught:
        audit_xlsx(book)
    assert "登记表!A1:B1" in str(caught.value) and "登记表!A1:B1" in caught.value.zh


def test_a_column_given_twice_names_both_header_cells(tmp_path: Path) -> None:
    book = write_workbook(tmp_path / "d.xlsx", [["编号", "渠道", "提交日期", "申请日期"]])
    with pytest.raises(LayoutError) as caught:
        audit_xlsx(book)
    assert "登记表!C1, 登记表!D1" in str(caught.value)


def test_an_unknown_sheet_is_refused_listing_the_sheets_of_the_workbook(tmp_path: Path) -> None:
    book = example_workbook(tmp_path / "s.xlsx", extra_sheets=["说明"])
    with pytest.raises(SheetError) as caught:
        audit_xlsx(book, sheet="Sheet9")
    assert "说明、登记表" in caught.value.zh and "说明, 登记表" in str(caught.value)


def test_sheet_names_the_sheet_to_read_instead_of_the_first(tmp_path: Path) -> None:
    book = example_workbook(tmp_path / "s.xlsx", extra_sheets=["说明"])
    audit = audit_xlsx(book, sheet="登记表", as_of=AS_OF)
    assert len(list(audit)) == len(example_rows()) - 1


def test_a_file_that_is_no_workbook_is_refused_as_such(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("编号,渠道\n", encoding="utf-8")
    with pytest.raises(SheetError) as caught:
        audit_xlsx(path)
    assert "另存为 .xlsx" in caught.value.zh


def test_cell_addresses_are_written_as_excel_writes_them() -> None:
    assert cell_address("Sheet1", 17, 2) == "Sheet1!C17"
    assert cell_address("登记表", 1, 27) == "登记表!AB1"
    assert cell_address("2026", 3, 0) == "'2026'!A3"
    assert cell_address("Bob's", 3, 25) == "'Bob''s'!Z3"


def test_the_example_workbook_of_the_docs_is_audited_as_the_example_csv() -> None:
    book = EXAMPLE.parent / "examples" / "audit-example.xlsx"
    with EXAMPLE.open(encoding="utf-8-sig", newline="") as stream:
        from_csv, _ = per_case_csv(audit_csv(stream, as_of=AS_OF), "zh")
    from_xlsx, _ = per_case_csv(audit_xlsx(book, as_of=AS_OF), "zh")
    assert from_xlsx == from_csv
    # Its cells are typed as Excel keeps them: dates, not texts that look like dates.
    assert isinstance(open_sheet(book).grid[1][2], dt.date)
