"""The batch audit's results as Excel workbooks (``.xlsx``, written with the optional
``xlsxwriter``: the ``xlsx`` extra).

* :func:`write_audit_xlsx` — the per-case sheet (明细): the per-case CSV's columns and
  cells (:func:`~gov_deadlines.outputs.case_csv.case_cells`, so that both say the same),
  dates as typed date cells and counts as numbers, the header frozen and filtered, columns
  as wide as their Chinese text, late cases in red, due dates resting on provisional
  calendar data in yellow (and 临时推算 = 是), malformed rows in grey; then the summary
  (汇总) on a second sheet.
* :func:`write_form_xlsx` — the supervision form of seed 002 (督察表): its title, the
  督察对象 / 督察时间 line, the seven columns, one row per duty, 未完成 in red and a
  provisional row in yellow, the note below; the summary on a second sheet if given.

Both write the whole workbook to a binary stream (the CLI's is atomic:
:mod:`gov_deadlines.atomic`), in constant memory for the rows.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, BinaryIO

from gov_deadlines.errors import GovDeadlinesError
from gov_deadlines.outputs.case_csv import CASE_COLUMNS, PROVISIONAL_TEXT, RESULT_TEXT, case_cells
from gov_deadlines.outputs.summary import Summary, SummaryLine, count_blank_rows, summary_lines
from gov_deadlines.outputs.supervision import SupervisionRow, form_headers
from gov_deadlines.outputs.written import WriteSummary
from gov_deadlines.sheets import XlsxUnavailableError
from gov_deadlines.vocabulary import PROVISIONAL_MARK, is_zh

if TYPE_CHECKING:
    from gov_deadlines.cases.batch import RowResult

__all__ = [
    "DATE_FORMAT",
    "MAX_ROWS",
    "WorkbookTooLargeError",
    "display_width",
    "write_audit_xlsx",
    "write_form_xlsx",
]

#: How date cells show (Excel's own ISO form, the same text as the CSV).
DATE_FORMAT = "yyyy-mm-dd"
_DATE_KEYS = frozenset({"receipt", "clock_start", "supplement_due", "reply_due", "replied"})
#: What a provisional calendar moves (the due dates), and its flag: marked on such a row.
_MARKED_KEYS = frozenset({"supplement_due", "reply_due", "provisional"})
#: The cases a per-case sheet holds: Excel's 1,048,576 rows, less the header.
MAX_ROWS = 1_048_575
_NUMBER_KEYS = frozenset({"line", "excluded_workdays", "max_late_workdays"})
_LATE_FILL, _PROVISIONAL_FILL, _MALFORMED_FILL = "#FFC7CE", "#FFEB9C", "#E7E6E6"
_HEADER_FILL = "#DDEBF7"
_MAX_WIDTH = 60  # wider columns wrap
_WRAPPED = frozenset({"receipt_note", "extension_status", "warnings", "notes"})


class WorkbookTooLargeError(GovDeadlinesError, ValueError):
    """More results than a worksheet holds (Excel's limit). Attributes: ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(
            f"the per-case workbook holds at most {limit:,} cases (Excel's limit of "
            f"{limit + 1:,} rows a sheet) and this audit has more; write the details as CSV "
            "(-o 明细.csv), which has no limit, or split the register"
        )
        self.zh = (
            f"明细工作簿最多容纳{limit:,}件(Excel每张工作表最多{limit + 1:,}行),本次核查的行数"
            "更多:请输出为CSV(-o 明细.csv,无行数限制),或将登记表拆分"
        )


def _xlsxwriter() -> Any:
    try:
        # Imported here: an optional dependency (the xlsx extra), needed only for a workbook.
        module = importlib.import_module("xlsxwriter")
    except ImportError:
        raise XlsxUnavailableError("xlsxwriter", "write") from None
    return module


def display_width(text: str) -> int:
    """The columns ``text`` takes in a spreadsheet cell: a Chinese character (three bytes
    of UTF-8, as every CJK character and full-width sign is) two, others one."""
    if text.isascii():
        return len(text)
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


class _Formats:
    """The cell formats of one workbook, made once each."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.made: dict[tuple[str, ...], Any] = {}

    def get(self, *traits: str) -> Any:
        key = tuple(sorted(traits))
        found = self.made.get(key)
        if found is None:
            spec: dict[str, Any] = {"valign": "top", "font_name": "等线", "font_size": 11}
            for trait in key:
                if trait == "date":
                    spec["num_format"] = DATE_FORMAT
                elif trait == "header":
                    spec.update(bold=True, bg_color=_HEADER_FILL, border=1, text_wrap=True)
                elif trait == "late":
                    spec["bg_color"] = _LATE_FILL
                elif trait == "malformed":
                    spec.update(bg_color=_MALFORMED_FILL, italic=True)
                elif trait == "provisional":
                    spec.update(bg_color=_PROVISIONAL_FILL, italic=True)
                elif trait == "wrap":
                    spec["text_wrap"] = True
                elif trait == "border":
                    spec["border"] = 1
                elif trait == "title":
                    spec.update(bold=True, font_size=16, align="center", valign="vcenter")
                elif trait == "bold":
                    spec["bold"] = True
            found = self.made[key] = self.book.add_format(spec)
        return found


def _workbook(stream: BinaryIO) -> tuple[Any, _Formats]:
    book = _xlsxwriter().Workbook(
        stream, {"constant_memory": True, "strings_to_numbers": False, "strings_to_urls": False}
    )
    return book, _Formats(book)


def write_audit_xlsx(
    results: Iterable[RowResult],
    stream: BinaryIO,
    *,
    lang: str = "zh",
    summary: Summary | None = None,
) -> Summary:
    """The per-case workbook of ``results`` (one row per result) and its summary sheet;
    return the summary (see the module's docstring)."""
    zh = is_zh(lang)
    summary = summary if summary is not None else Summary()
    book, formats = _workbook(stream)
    sheet = book.add_worksheet("明细" if zh else "Cases")
    keys = [key for key, _zh, _en in CASE_COLUMNS]
    header = [column[1] if zh else column[2] for column in CASE_COLUMNS]
    widths = [display_width(text) for text in header]
    sheet.write_row(0, 0, header, formats.get("header"))
    sheet.freeze_panes(1, 0)
    late_text = RESULT_TEXT[zh]["late"]
    malformed_text = RESULT_TEXT[zh]["malformed"]
    provisional_yes = PROVISIONAL_TEXT[zh][True]
    result_at, provisional_at = keys.index("result"), keys.index("provisional")
    # How each column is written (text, date, number) and its format for each kind of row
    # (plain, late, malformed; provisional or not), made once: nothing is looked up per cell.
    kinds = [1 if key in _DATE_KEYS else 2 if key in _NUMBER_KEYS else 0 for key in keys]
    layouts: dict[tuple[tuple[str, ...], bool], list[Any]] = {}
    for row_kind in ((), ("late",), ("malformed",)):
        for provisional in (False, True):
            layouts[row_kind, provisional] = [
                formats.get(
                    *row_kind,
                    *(("wrap",) if key in _WRAPPED else ()),
                    *(("provisional",) if provisional and key in _MARKED_KEYS else ()),
                    *(("date",) if key in _DATE_KEYS else ()),
                )
                for key in keys
            ]
    write_string, write_number = sheet.write_string, sheet.write_number
    write_datetime, write_blank = sheet.write_datetime, sheet.write_blank
    as_datetime = dt.datetime.fromisoformat
    late, malformed = ("late",), ("malformed",)
    number = 0
    for number, row in enumerate(results, start=1):
        if number > MAX_ROWS:
            raise WorkbookTooLargeError(MAX_ROWS)
        summary.add(row)
        cells = case_cells(row, zh, lang)
        result = cells[result_at]
        kind = late if result == late_text else malformed if result == malformed_text else ()
        row_formats = layouts[kind, cells[provisional_at] == provisional_yes]
        for column, text in enumerate(cells):
            if not text:
                if kind:  # the row's colour runs through its blank cells
                    write_blank(number, column, None, row_formats[column])
                continue
            if len(text) * 2 > widths[column]:  # a text is at most twice as wide as long
                width = display_width(text)
                if width > widths[column]:
                    widths[column] = width
            how = kinds[column]
            if how == 1:
                write_datetime(number, column, as_datetime(text), row_formats[column])
            elif how == 2 and text.isdigit():
                write_number(number, column, int(text), row_formats[column])
            else:
                write_string(number, column, text, row_formats[column])
    count_blank_rows(results, summary)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, min(width, _MAX_WIDTH) + 2)
    sheet.autofilter(0, 0, max(number, 1), len(keys) - 1)
    _summary_sheet(book, formats, summary, lang, legend=True)
    book.close()
    return summary


def _summary_sheet(
    book: Any, formats: _Formats, summary: Summary, lang: str, *, legend: bool
) -> None:
    """The summary (:func:`~gov_deadlines.outputs.summary.summary_lines`) as a sheet:
    its headings in bold, its tables as bordered cells (counts as numbers), its notes as
    text."""
    zh = is_zh(lang)
    sheet = book.add_worksheet("汇总" if zh else "Summary")
    widths: dict[int, int] = {}
    lines = summary_lines(summary, lang)
    if legend:
        lines.append(
            SummaryLine(
                "text",
                (
                    "说明:红色底纹为逾期案件;黄色底纹为依临时推算日历得出的期限(尚无官方节假日安排,"
                    f"正式通知发布后可能改变,标注{PROVISIONAL_MARK['zh']});灰色为数据有误的行。"
                    if zh
                    else "Legend: red rows are late cases; yellow due dates rest on provisional "
                    f"calendar data {PROVISIONAL_MARK['en']} (no official holiday notice yet; "
                    "they may change); grey rows could not be read.",
                ),
            )
        )
    border, bold = formats.get("border"), formats.get("bold")
    for row, line in enumerate(lines):
        if line.kind == "table":
            for column, cell in enumerate(line.cells):
                if isinstance(cell, int):
                    sheet.write_number(row, column, cell, border)
                else:
                    sheet.write_string(row, column, cell, border)
                width = min(display_width(str(cell)), _MAX_WIDTH)
                widths[column] = max(widths.get(column, 0), width)
        elif line.kind == "heading":
            sheet.write_string(row, 0, str(line.cells[0]), bold)
        elif line.kind == "text":
            sheet.write_string(row, 0, str(line.cells[0]))
    for column, width in widths.items():
        sheet.set_column(column, column, width + 2)


#: The supervision form's column widths (seed 002's proportions), in characters.
_FORM_WIDTHS = (6, 48, 10, 48, 24, 16, 16)


def write_form_xlsx(
    rows: Iterable[SupervisionRow],
    stream: BinaryIO,
    *,
    lang: str = "zh",
    title: str = "",
    note: str = "",
    as_of: dt.date | None = None,
    summary: Summary | None = None,
) -> WriteSummary:
    """The supervision form (seed 002) as a workbook: ``title`` over the table (default
    the seed's 全面推进政务公开工作督察表), the 督察对象 / 督察时间 line (``as_of``, else the
    summary's audit day), the rows, ``note`` below; the summary on a second sheet when
    ``summary`` is given. Returns the rows written and how many are provisional."""
    zh = is_zh(lang)
    book, formats = _workbook(stream)
    sheet = book.add_worksheet("督察表" if zh else "Supervision form")
    head = form_headers(lang)
    last = len(head) - 1
    heading = title or ("全面推进政务公开工作督察表" if zh else "Open-government supervision form")
    sheet.merge_range(0, 0, 0, last, heading, formats.get("title"))
    sheet.set_row(0, 30)
    day = as_of or (summary.as_of if summary is not None else None)
    when = day.isoformat() if day is not None else "____"
    sheet.merge_range(
        1,
        0,
        1,
        last,
        f"督察对象:________    督察时间:{when}"
        if zh
        else f"Supervised body: ________    Date of supervision: {when}",
        formats.get(),
    )
    sheet.write_row(2, 0, head, formats.get("header"))
    sheet.freeze_panes(3, 0)
    for column, width in enumerate(_FORM_WIDTHS):
        sheet.set_column(column, column, width)
    written = WriteSummary()
    line = 3
    for written.rows, row in enumerate(rows, start=1):
        written.provisional_rows += row.provisional
        cells = row.cells(written.rows, lang)
        traits: tuple[str, ...] = ("wrap", "border")
        if row.provisional:
            traits += ("provisional",)
        sheet.write_number(line, 0, written.rows, formats.get(*traits))
        for column, text in enumerate(cells[1:], start=1):
            cell_traits = traits
            if column == 2 and not row.completed and not row.not_due:
                cell_traits = ("wrap", "border", "late")
            sheet.write_string(line, column, text, formats.get(*cell_traits))
        line += 1
    for text in note.strip().splitlines():
        line += 1
        sheet.merge_range(line, 0, line, last, text, formats.get("wrap"))
    if summary is not None:
        _summary_sheet(book, formats, summary, lang, legend=False)
    book.close()
    return written
