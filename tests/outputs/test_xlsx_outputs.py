"""``.xlsx`` output (issue 17): ``-o 明细.xlsx`` and ``--format form -o 督察表.xlsx`` write real
workbooks — typed cells, a frozen header, late rows and provisional dates marked, the
summary on a second sheet, the form laid out as seed 002's table — atomically, never over
the input, and say how to install xlsxwriter when it is missing. Test names are sentences."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import sys
from pathlib import Path

import openpyxl
import pytest

from _cli import ROOT
from _workbooks import EXAMPLE, example_workbook
from gov_deadlines.cli import main
from gov_deadlines.outputs.summary import Summary

SEED_002 = next((ROOT.parent / "shared" / "seeds").glob("002_*.txt"), None)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def details(tmp_path: Path, *options: str, source: Path = EXAMPLE) -> openpyxl.Workbook:
    target = tmp_path / "明细.xlsx"
    code, _, err = run("audit", str(source), "--as-of", "2026-06-30", "-o", str(target), *options)
    assert code == 1, err
    return openpyxl.load_workbook(target)


def per_case_rows(lang: str = "zh") -> list[dict[str, str]]:
    out = io.StringIO()
    main(
        ["audit", str(EXAMPLE), "--as-of", "2026-06-30", "--format", "csv", "--lang", lang],
        stdout=out,
        stderr=io.StringIO(),
    )
    return list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))


def test_the_per_case_workbook_holds_the_csv_cells_with_dates_and_counts_typed(
    tmp_path: Path,
) -> None:
    sheet = details(tmp_path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    expected = per_case_rows()
    assert list(rows[0]) == list(expected[0].keys())
    assert len(rows) == len(expected) + 1
    for got, want in zip(rows[1:], expected, strict=True):
        for value, (key, text) in zip(got, want.items(), strict=True):
            if isinstance(value, dt.datetime):
                assert value.date().isoformat() == text, key
            elif isinstance(value, int):
                assert str(value) == text, key
            else:
                assert (value or "") == text, key
    first = sheet["E2"]  # 收到申请日 of 2026-001
    assert first.is_date and first.value == dt.datetime(2026, 9, 28)
    assert first.number_format == "yyyy-mm-dd"
    assert sheet["A2"].value == 2 and sheet["K4"].value == 6  # 行号, 排除工作日: numbers


def test_the_per_case_workbook_freezes_and_filters_its_header_and_fits_chinese_text(
    tmp_path: Path,
) -> None:
    sheet = details(tmp_path).worksheets[0]
    # 20 columns: the last, 数据版本 (stamp), since issue 16
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:T15"
    # 说明与问题 / 提示 hold long Chinese sentences: wider than a date column, capped.
    widths = {key: dim.width for key, dim in sheet.column_dimensions.items()}
    assert widths["R"] > 40 >= widths["E"] >= len("2026-09-28")


def test_late_rows_are_highlighted_and_on_time_rows_are_not(tmp_path: Path) -> None:
    sheet = details(tmp_path).worksheets[0]
    fills = {row[1].value: row[1].fill.fgColor.rgb for row in sheet.iter_rows(min_row=2)}
    assert fills["2026-005"].endswith("FFC7CE")  # late
    assert fills["2026-002"] in ("00000000", None) or not fills["2026-002"].endswith("FFC7CE")


def test_provisional_due_dates_are_marked_in_the_workbook(tmp_path: Path) -> None:
    register = tmp_path / "2026-12.csv"
    register.write_text(
        "编号,渠道,提交日期,答复日期\nD-01,当面,2026-12-01,2026-12-10\nD-02,当面,2026-12-15,\n",
        encoding="utf-8",
    )
    target = tmp_path / "p.xlsx"
    code, _, err = run(
        "audit", str(register), "--provisional", "--as-of", "2027-02-15", "-o", str(target)
    )
    assert code == 1, err
    sheet = openpyxl.load_workbook(target).worksheets[0]
    due = {row[1].value: row[12] for row in sheet.iter_rows(min_row=2)}  # 答复期限
    marked = {row[1].value: row[13].value for row in sheet.iter_rows(min_row=2)}  # 临时推算
    assert marked == {"D-01": "否", "D-02": "是"}
    assert due["D-02"].fill.fgColor.rgb.endswith("FFEB9C") and due["D-02"].is_date
    assert not due["D-01"].fill.fgColor.rgb.endswith("FFEB9C")


def test_the_summary_is_on_the_second_sheet(tmp_path: Path) -> None:
    book = details(tmp_path)
    assert book.sheetnames == ["明细", "汇总"]
    cells = {row[0]: row[1] for row in book["汇总"].iter_rows(values_only=True) if row[0]}
    assert cells["有逾期"] == 5 and cells["合计"] == 14


def test_the_summary_sheet_does_not_change_when_only_the_markdowns_wording_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = [list(row) for row in details(tmp_path)["汇总"].iter_rows(values_only=True)]
    reworded = Summary.markdown

    def markdown(self: Summary, lang: str = "zh") -> str:
        # Another wording of the same counts: the sheet is built from the counts.
        text = reworded(self, lang).replace(" | ", " ¦ ").replace("# ", "#### 标题:")
        return text.replace("有逾期", "存在逾期").replace("合计", "总计")

    monkeypatch.setattr(Summary, "markdown", markdown)
    after = [list(row) for row in details(tmp_path)["汇总"].iter_rows(values_only=True)]
    assert after == before
    cells = {row[0]: row[1] for row in after if row[0]}
    assert cells["有逾期"] == 5 and cells["合计"] == 14


def test_a_case_id_of_digits_stays_text_on_the_summary_sheet(tmp_path: Path) -> None:
    register = tmp_path / "登记.csv"
    register.write_text(
        "编号,渠道,提交日期,答复日期\n00123,当面,2026-13-02,\n", encoding="utf-8"
    )
    target = tmp_path / "明细.xlsx"
    code, _, err = run("audit", str(register), "--as-of", "2026-06-30", "-o", str(target))
    assert code == 2, err
    rows = list(openpyxl.load_workbook(target)["汇总"].iter_rows(values_only=True))
    example = next(row for row in rows if row[0] == 2)  # the malformed row's line
    assert example[1] == "00123"


def test_the_english_workbook_has_english_sheets_and_headers(tmp_path: Path) -> None:
    book = details(tmp_path, "--lang", "en")
    assert book.sheetnames == ["Cases", "Summary"]
    assert book["Cases"]["C1"].value == "result"


def test_the_form_workbook_is_laid_out_as_seed_002s_table(tmp_path: Path) -> None:
    target = tmp_path / "督察表.xlsx"
    code, _, err = run(
        "audit",
        str(EXAMPLE),
        "--as-of",
        "2026-06-30",
        "--format",
        "form",
        "-o",
        str(target),
        "--responsible",
        "市政府办公室",
    )
    assert code == 1, err
    book = openpyxl.load_workbook(target)
    sheet = book.worksheets[0]
    assert book.sheetnames == ["督察表", "汇总"]
    assert "A1:G1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A1"].value.startswith("全面推进政务公开工作督察表")
    assert sheet["A2"].value.startswith("督察对象:") and "督察时间:2026-06-30" in sheet["A2"].value
    header = [cell.value for cell in sheet[3]]
    assert header == [
        "序号",
        "工作任务",
        "完成情况",
        "存在问题",
        "整改措施",
        "整改责任主体",
        "材料提供部门",
    ]
    if SEED_002 is not None:  # the seed writes the headings with line breaks inside them
        seed = SEED_002.read_text(encoding="utf-8").replace(" ", "")
        assert "".join(header) in seed
    assert sheet.freeze_panes == "A4"
    assert [sheet.cell(row, 1).value for row in (4, 5, 6)] == [1, 2, 3]
    assert sheet["C4"].value == "未完成" and sheet["C4"].fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet["F4"].value == "市政府办公室"


def test_check_log_writes_its_form_as_a_workbook(tmp_path: Path) -> None:
    target = tmp_path / "督察表.xlsx"
    log = ROOT / "docs" / "log-example.csv"
    code, _, err = run(
        "check-log", str(log), "--year", "2026", "--as-of", "2026-12-31", "--form-csv", str(target)
    )
    assert code in (0, 1), err
    sheet = openpyxl.load_workbook(target).worksheets[0]
    assert sheet["A1"].value == "2026年政务公开定期任务督察表"
    assert sheet["A3"].value == "序号" and sheet["A4"].value == 1


def test_an_xlsx_output_is_never_written_over_its_xlsx_input(tmp_path: Path) -> None:
    book = example_workbook(tmp_path / "登记表.xlsx")
    before = book.read_bytes()
    code, _, err = run("audit", str(book), "-o", str(book))
    assert code == 2 and "写入会毁掉输入" in err
    assert book.read_bytes() == before


def test_a_failed_write_leaves_the_previous_workbook_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gov_deadlines.outputs.xlsx as writer

    target = tmp_path / "明细.xlsx"
    target.write_bytes(b"previous")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_summary_sheet", broken)
    code, _, _ = run("audit", str(EXAMPLE), "--as-of", "2026-06-30", "-o", str(target))
    assert code == 2
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["明细.xlsx"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "写入 .xlsx 文件需要可选软件包 xlsxwriter"),
        ("en", "writing .xlsx files needs the optional package xlsxwriter"),
    ],
)
def test_without_xlsxwriter_the_cli_exits_2_saying_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "xlsxwriter" else real(name, *a),
    )
    target = tmp_path / "明细.xlsx"
    code, _, err = run("audit", str(EXAMPLE), "-o", str(target), "--lang", lang)
    assert code == 2 and said in err and "pip install 'gov-deadlines[xlsx]'" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "读取 .xlsx 文件需要可选软件包 python-calamine"),
        ("en", "reading .xlsx files needs the optional package python-calamine"),
    ],
)
def test_without_calamine_an_xlsx_input_exits_2_saying_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    book = example_workbook(tmp_path / "登记表.xlsx")
    monkeypatch.setitem(sys.modules, "python_calamine", None)  # import fails
    code, _, err = run("audit", str(book), "--lang", lang)
    assert code == 2 and said in err and "pip install 'gov-deadlines[xlsx]'" in err
    assert "Traceback" not in err


def test_more_cases_than_a_sheet_holds_are_refused_not_cut_and_the_file_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gov_deadlines.outputs.xlsx as writer

    monkeypatch.setattr(writer, "MAX_ROWS", 10)  # Excel's is 1,048,575: the example has 14
    target = tmp_path / "明细.xlsx"
    code, _, err = run("audit", str(EXAMPLE), "--as-of", "2026-06-30", "-o", str(target))
    assert code == 2 and "最多容纳10件" in err and "-o 明细.csv" in err
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_chinese_character_is_two_columns_wide_and_a_latin_one_one() -> None:
    from gov_deadlines.outputs.xlsx import display_width

    assert display_width("2026-03-02") == 10
    assert display_width("逾期未办") == 8
    assert display_width("\uff08条例\uff09") == 8  # full-width brackets: two each
    assert display_width("答复:期限2026-06-04") == 4 * 2 + 1 + 10
