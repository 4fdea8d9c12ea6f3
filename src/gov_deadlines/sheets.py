"""Reading one worksheet of an ``.xlsx`` workbook as a table: a header, then rows of text.

Clerks keep their registers in Excel and WPS. :func:`open_sheet` opens a workbook's first
sheet (or the one named) with ``python-calamine`` (the optional ``xlsx`` extra; measured
against openpyxl on 100,000 rows: ``benchmarks/bench_xlsx_reader.py``) and finds its
table as Excel shows it:

* **the header** is the first row with two or more values that the caller takes as its
  header (a title above it, one merged cell, is not data, nor a line such as
  填报单位:… 填报日期:…); a header cell merged down over the row below makes a two-row
  header, each column named by its cells top to bottom (``征求意见`` over ``发出日期``
  reads ``征求意见发出日期``);
* **merged cells** count for every cell they cover, in the header and below it, as Excel
  shows them;
* **blank rows at the end** (formatted but empty, as Excel often keeps them) are no rows;
  blank rows between data rows are given, as empty rows, so that row numbers stay Excel's.

:meth:`Sheet.text_rows` gives the rows as the ``csv`` module would read them from a CSV
export: lists of text, numbered by their Excel row (``line_num``). A cell Excel stores as a
date (or a date and time) reads as its ISO date; a number in a column the caller names as
a date column reads as an Excel serial date (:func:`excel_serial_date`, the workbook's 1900
or 1904 date system). Every problem names the cell as Excel shows it (``登记表!C17``,
:func:`cell_address`) in a :class:`SheetError`.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib
import re
import zipfile
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from os import PathLike
from typing import Any
from xml.etree import ElementTree

from gov_deadlines.errors import GovDeadlinesError, check_path_argument

__all__ = [
    "HEADER_SEARCH",
    "INSTALL",
    "PROGRESS_ROWS",
    "SHEET_SUFFIXES",
    "Progress",
    "Sheet",
    "SheetError",
    "TextRows",
    "XlsxUnavailableError",
    "cell_address",
    "cell_text",
    "column_letters",
    "excel_serial_date",
    "open_sheet",
    "sheet_prefix",
    "uncached_formulas",
    "uncached_problem",
]

#: The file names read as workbooks.
SHEET_SUFFIXES = (".xlsx", ".xlsm")
#: How to install the optional packages that read and write workbooks.
INSTALL = "pip install 'gov-deadlines[xlsx]'"
#: What a reader calls to report progress: ``(rows done, rows in all)``.
Progress = Callable[[int, int], None]
#: Rows between two calls of a progress callback.
PROGRESS_ROWS = 1000
#: The rows looked at for the header.
HEADER_SEARCH = 20
#: The last serial of Excel's calendar (9999-12-31 in the 1900 date system).
_LAST_SERIAL = 2_958_465
_SIMPLE_NAME = re.compile(r"[^\W\d]\w*")


class XlsxUnavailableError(GovDeadlinesError, ImportError):
    """An optional package that reads or writes ``.xlsx`` files is not installed.

    Attributes: ``package`` (the one missing) and ``what`` (``"read"`` or ``"write"``).
    """

    def __init__(self, package: str, what: str = "read") -> None:
        self.package = package
        self.what = what
        verb_en = "reading" if what == "read" else "writing"
        verb_zh = "读取" if what == "read" else "写入"
        super().__init__(
            f"{verb_en} .xlsx files needs the optional package {package}: {INSTALL} "
            f"(or pip install {package}); or save the sheet as CSV"
        )
        self.zh = (
            f"{verb_zh} .xlsx 文件需要可选软件包 {package}:请运行 {INSTALL}"
            f"(或 pip install {package});也可将工作表另存为CSV"
        )


class SheetError(GovDeadlinesError, ValueError):
    """A workbook, a sheet or a cell that cannot be read.

    Attributes: ``source`` (the file), ``sheet`` (the sheet's name, or ``None`` for the
    workbook), ``cell`` (the address as Excel shows it, ``登记表!C17``, or ``None``),
    ``problem`` and ``problem_zh``.
    """

    def __init__(
        self,
        source: str,
        problem: str,
        problem_zh: str,
        *,
        sheet: str | None = None,
        cell: str | None = None,
    ) -> None:
        self.source = source
        self.sheet = sheet
        self.cell = cell
        self.problem = problem
        self.problem_zh = problem_zh
        where = cell or (f"sheet {sheet!r}" if sheet is not None else "")
        where_zh = cell or (f"工作表“{sheet}”" if sheet is not None else "")
        super().__init__(f"{source}{' ' + where if where else ''}: {problem}")
        self.zh = f"{source}{' ' + where_zh if where_zh else ''}:{problem_zh}"


def column_letters(column: int) -> str:
    """Excel's name of a column, from its index counted from 0: ``0`` → ``A``, ``27`` → ``AB``."""
    if column < 0:
        raise ValueError(f"a column index counts from 0, not {column}")
    letters = ""
    number = column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def sheet_prefix(sheet: str) -> str:
    """``登记表!``, or ``'Sheet 1'!`` for a name Excel quotes (spaces, signs, a leading digit)."""
    if _SIMPLE_NAME.fullmatch(sheet):
        return f"{sheet}!"
    return "'" + sheet.replace("'", "''") + "'!"


def cell_address(sheet: str, row: int, column: int) -> str:
    """A cell as Excel names it: ``cell_address("Sheet1", 17, 2)`` → ``Sheet1!C17`` (``row``
    counts from 1 as Excel's rows do, ``column`` from 0)."""
    return f"{sheet_prefix(sheet)}{column_letters(column)}{row}"


def excel_serial_date(serial: float, *, date1904: bool = False) -> dt.date:
    """The day of an Excel serial date (the integer part; the fraction is the time of day).

    In the 1900 date system (Excel's default) serial 1 is 1900-01-01 and Excel counts a
    29 February 1900 that never was (serial 60): serials from 61 on are days since
    1899-12-30, serials 1–59 days since 1899-12-31, and 60 is refused. In the 1904 system
    (old Mac workbooks) serial 0 is 1904-01-01. Raises ``ValueError`` for a serial outside
    Excel's calendar.
    """
    whole = int(serial // 1)
    if date1904:
        if not 0 <= whole <= _LAST_SERIAL - 1462:
            raise ValueError(f"{serial} is not an Excel date serial (1904 date system)")
        return dt.date(1904, 1, 1) + dt.timedelta(days=whole)
    if not 1 <= whole <= _LAST_SERIAL:
        raise ValueError(f"{serial} is not an Excel date serial")
    if whole == 60:
        raise ValueError("serial 60 is 1900-02-29, a day Excel counts that never was")
    base = dt.date(1899, 12, 30) if whole > 60 else dt.date(1899, 12, 31)
    return base + dt.timedelta(days=whole)


def _number_text(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def cell_text(value: Any, *, date: bool = False, date1904: bool = False) -> str:
    """A cell's value as the text a CSV export would hold, for the readers of CSV cells.

    A date or date-and-time cell gives its ISO date (``2026-03-02``; a time of day is no
    part of a time limit); a number gives its digits (``1001``, not ``1001.0``), or, with
    ``date=True`` (a date column), the day of its Excel serial (``46083`` → ``2026-03-02``)
    when it is one. Text is given as it is; a blank cell gives ``""``.
    """
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: a bool is an int
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        if date:
            try:
                return excel_serial_date(value, date1904=date1904).isoformat()
            except ValueError:
                return _number_text(value)  # not a serial: the date reader says why
        return _number_text(value)
    return str(value)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _date1904(path: str) -> bool:
    """Whether the workbook counts dates in the 1904 system (``<workbookPr date1904="1"/>``)."""
    try:
        with zipfile.ZipFile(path) as archive:
            text = archive.read("xl/workbook.xml")[:4096].decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    found = re.search(r"date1904\s*=\s*[\"'](1|true)[\"']", text)
    return found is not None


_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
#: A cell whose first child is a formula (``<f>…</f>`` or a shared ``<f …/>``), with the
#: cached value after it if any: group 1 the cell's attributes, 2 the formula, 3 the value
#: element, 4 its text.
_FORMULA_CELL = re.compile(
    rb"<"
    + _PREFIX
    + rb"c\b([^>]*)>\s*<"
    + _PREFIX
    + rb"f\b[^>]*?(?:/>|>(.*?)</"
    + _PREFIX
    + rb"f>)\s*(<"
    + _PREFIX
    + rb"v\b[^>]*?(?:/>|>(.*?)</"
    + _PREFIX
    + rb"v>))?",
    re.DOTALL,
)
_FORMULA_TAG = re.compile(rb"<" + _PREFIX + rb"f[\s>/]")
_CELL_REF = re.compile(rb"\br\s*=\s*[\"']([A-Z]+)([0-9]+)[\"']")
_CELL_TYPE = re.compile(rb"\bt\s*=\s*[\"']([a-zA-Z]+)[\"']")
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheet_part(archive: zipfile.ZipFile, name: str) -> str | None:
    """The archive member holding the worksheet ``name`` (``xl/worksheets/sheet1.xml``)."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rid = next(
        (
            node.get(_DOC_REL)
            for node in workbook.iter()
            if node.tag.endswith("}sheet") and node.get("name") == name
        ),
        None,
    )
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(
        (
            node.get("Target")
            for node in rels.iter(f"{_RELS_NS}Relationship")
            if rid is not None and node.get("Id") == rid
        ),
        None,
    )
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


def uncached_formulas(path: str, name: str) -> dict[int, dict[int, str]]:
    """The cells of sheet ``name`` holding a formula with no saved value: by Excel row, by
    column index from 0, each with its formula text.

    A workbook written by a program (openpyxl, a script) and never opened in Excel or WPS
    holds its formulas without the values they compute; calamine reads such a cell as
    empty, which no one can tell from a cell left blank. The sheet's XML says it: an
    ``<f>`` without a ``<v>``, or with an empty one (an empty value is a computed empty
    text only for a text result, ``t="str"``). Read only when the XML holds a formula at
    all; a file that cannot be read so (not a zip, no such part) gives none: calamine has
    read it already or refused it.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, name)
            if part is None:
                return {}
            data = archive.read(part)
    except (OSError, KeyError, zipfile.BadZipFile, SyntaxError):
        # SyntaxError: ElementTree's ParseError, a workbook.xml calamine read but we cannot.
        return {}
    if _FORMULA_TAG.search(data) is None:
        return {}
    found: dict[int, dict[int, str]] = {}
    for match in _FORMULA_CELL.finditer(data):
        attributes, formula, value_tag, value = match.groups()
        if value_tag is not None and value:
            continue
        kind = _CELL_TYPE.search(attributes)
        if value_tag is not None and kind is not None and kind.group(1) == b"str":
            continue  # a formula whose saved result is the empty text
        ref = _CELL_REF.search(attributes)
        if ref is None:
            continue  # a cell without its address (never written by Excel, WPS, openpyxl)
        text = html.unescape((formula or b"").decode("utf-8", "replace"))
        found.setdefault(int(ref.group(2)), {})[_column_index(ref.group(1))] = text
    return found


def uncached_problem(formula: str) -> tuple[str, str]:
    """What is wrong with a formula cell without a saved value, and how to fix it (en, zh)."""
    shown = f"={formula}" if formula else "a formula"
    return (
        f"the cell holds the formula {shown} but no saved value (the workbook was written "
        "by a program and never opened in Excel or WPS): open the file in Excel or WPS and "
        "save it so that the values are stored, or write the value instead of the formula",
        f"该单元格是公式 {shown},但没有保存计算结果(工作簿由程序生成,未经Excel或WPS打开保存):"
        "请用Excel或WPS打开并保存该文件,使计算结果存入文件,或直接填写数值而不是公式",
    )


@dataclass
class Sheet:
    """One worksheet's table: its header and the rows below it (see the module docstring).

    ``header_row`` is the Excel row of the header's last row; ``first_column`` the index
    (from 0) of the table's first column; ``header`` the column names, from there on;
    ``grid`` the sheet's cells from A1 (``grid[r][c]`` is row ``r + 1``), merged ranges
    filled; ``uncached`` the cells holding a formula with no saved value (read as empty in
    ``grid``), by Excel row and column index (from 0, of the sheet), with the formula
    (:func:`uncached_formulas`).
    """

    source: str
    name: str
    header_row: int
    first_column: int
    header: list[str]
    date1904: bool
    grid: list[list[Any]] = field(repr=False)
    uncached: dict[int, dict[int, str]] = field(default_factory=dict, repr=False)

    def address(self, row: int, column: int) -> str:
        """The Excel address of the ``column``-th cell (from 0) of the table in ``row``."""
        return cell_address(self.name, row, self.first_column + column)

    def header_range(self) -> str:
        """The header's cells as an Excel range: ``登记表!A1:N1``."""
        last = self.first_column + max(len(self.header) - 1, 0)
        return (
            f"{sheet_prefix(self.name)}{column_letters(self.first_column)}{self.header_row}:"
            f"{column_letters(last)}{self.header_row}"
        )

    def uncached_in(self, row: int) -> list[tuple[int, str]]:
        """The table's columns (from 0) in Excel row ``row`` whose cell holds a formula with
        no saved value, with the formula, left to right."""
        cells = self.uncached.get(row)
        if not cells:
            return []
        first, width = self.first_column, len(self.header)
        return sorted(
            (column - first, formula)
            for column, formula in cells.items()
            if first <= column < first + width
        )

    def text_rows(
        self, *, date_columns: Collection[int] = (), progress: Progress | None = None
    ) -> TextRows:
        """The header, then every row below it as text (:func:`cell_text`; the table's
        columns in ``date_columns`` read numbers as Excel serial dates). ``progress`` is
        called every :data:`PROGRESS_ROWS` rows with the rows given and the rows in all."""
        return TextRows(self, frozenset(date_columns), progress)


class TextRows:
    """The rows of a :class:`Sheet` as ``csv.reader`` gives a CSV file's: an iterator of
    lists of text, the header first, with ``line_num`` the Excel row of the last row given.

    Rows are cut to the header's width; a row with a value beyond it is kept whole (the
    caller reports it: :attr:`overflow` maps its row to the first such column's index).
    """

    def __init__(
        self, sheet: Sheet, date_columns: frozenset[int], progress: Progress | None = None
    ) -> None:
        self.sheet = sheet
        self._progress = progress
        self._total = len(sheet.grid) - sheet.header_row
        self.line_num = 0
        self.overflow: dict[int, int] = {}
        self._dates = date_columns
        self._started = False
        self._next_row = sheet.header_row + 1

    def __iter__(self) -> Iterator[list[str]]:
        return self

    def __next__(self) -> list[str]:
        sheet = self.sheet
        if not self._started:
            self._started = True
            self.line_num = sheet.header_row
            return list(sheet.header)
        index = self._next_row - 1
        if index >= len(sheet.grid):
            raise StopIteration
        self._next_row += 1
        self.line_num = index + 1
        if self._progress is not None and not (index - self.sheet.header_row) % PROGRESS_ROWS:
            self._progress(index - self.sheet.header_row, self._total)
        raw = sheet.grid[index]
        start, width = sheet.first_column, len(sheet.header)
        cells = raw[start:]
        if len(cells) > width:
            extra = next((n for n in range(width, len(cells)) if not _blank(cells[n])), None)
            if extra is None:
                cells = cells[:width]
            else:
                self.overflow[index + 1] = extra
        dates, date1904 = self._dates, sheet.date1904
        return [
            cell_text(value, date=column in dates, date1904=date1904)
            for column, value in enumerate(cells)
        ]


def _calamine() -> Any:
    try:
        # Imported here: an optional dependency (the xlsx extra), needed only for a workbook.
        module = importlib.import_module("python_calamine")
    except ImportError:
        raise XlsxUnavailableError("python-calamine", "read") from None
    return module


def _fill_merged(rows: list[list[Any]], merged: Sequence[Any]) -> set[tuple[int, int]]:
    """Copy each merged range's value into every cell it covers; return the cells of the
    ranges that span more than one row, by their top-left cell."""
    tall: set[tuple[int, int]] = set()
    for (top, left), (bottom, right) in merged:
        if top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else ""
        if bottom > top:
            tall.add((top, left))
        for row in range(top, min(bottom, len(rows) - 1) + 1):
            cells = rows[row]
            if len(cells) <= right:
                cells.extend([""] * (right + 1 - len(cells)))
            for column in range(left, right + 1):
                cells[column] = value
    return tall


def _read_rows(sheet: Any) -> list[list[Any]]:
    """The sheet's rows from A1 (calamine gives rows from row 1 and columns from the first
    used one), trailing blank rows dropped."""
    start = sheet.start
    if start is None:
        return []
    pad = [""] * start[1]
    rows = [pad + row for row in sheet.iter_rows()]
    while rows and all(_blank(value) for value in rows[-1]):
        rows.pop()
    return rows


def open_sheet(
    path: str | PathLike[str],
    sheet: str | None = None,
    *,
    accept: Callable[[list[str]], bool] | None = None,
) -> Sheet:
    """The table of the workbook's first sheet, or of the sheet named ``sheet``.

    The header is the first row with two or more values whose column names ``accept``
    takes (the caller's layout: a line such as 填报单位:… 填报日期:… above the header is
    passed over), among the first :data:`HEADER_SEARCH` rows; if ``accept`` takes none,
    the first such row (so that the caller's own error names what it lacks).

    Raises :class:`XlsxUnavailableError` without ``python-calamine``, :class:`SheetError`
    for a file that is no workbook, a sheet that does not exist (the sheets are listed) or
    a sheet without a header row, and ``OSError`` for a file that cannot be opened.
    """
    source = check_path_argument("path", path)
    calamine = _calamine()
    # Opened first so that a missing or unreadable file is an OSError naming it (calamine's
    # own names no file).
    with open(source, "rb"):
        pass
    try:
        book = calamine.CalamineWorkbook.from_path(source)
    except calamine.CalamineError as error:
        raise SheetError(
            source,
            f"not an Excel workbook that can be read ({error}): save it again as .xlsx",
            f"不是可读取的Excel工作簿({error}):请重新另存为 .xlsx",
        ) from None
    with book:
        names = list(book.sheet_names)
        if sheet is None:
            if not names:
                raise SheetError(source, "the workbook has no sheet", "工作簿中没有工作表")
            name = names[0]
        elif sheet in names:
            name = sheet
        else:
            listed = ", ".join(names)
            raise SheetError(
                source,
                f"there is no sheet {sheet!r}; the workbook's sheets are: {listed} "
                "(--sheet names one of them)",
                f"没有名为“{sheet}”的工作表;工作簿中的工作表有:{'、'.join(names)}"
                "(--sheet 应为其中之一)",
            )
        data = book.get_sheet_by_name(name)
        rows = _read_rows(data)
        merged = data.merged_cell_ranges or []
    # Rows with two or more values (before merged cells are filled: a merged title is one).
    candidates = [
        n for n, row in enumerate(rows[:HEADER_SEARCH]) if sum(not _blank(v) for v in row) >= 2
    ]
    tall = _fill_merged(rows, merged)
    if not candidates:
        raise SheetError(
            source,
            "the sheet has no header row (a row naming the columns, above the data)"
            if rows
            else "the sheet is empty",
            "工作表没有表头(数据上方应有一行列名)" if rows else "工作表为空",
            sheet=name,
        )
    tables = (_header(rows, merged, tall, n) for n in candidates)
    found = next((t for t in tables if accept is None or accept(t[2])), None)
    header_row, first, header = found or _header(rows, merged, tall, candidates[0])
    return Sheet(
        source=source,
        name=name,
        header_row=header_row,
        first_column=first,
        header=header,
        date1904=_date1904(source),
        grid=rows,
        uncached=uncached_formulas(source, name),
    )


def _header(
    rows: list[list[Any]], merged: Sequence[Any], tall: set[tuple[int, int]], index: int
) -> tuple[int, int, list[str]]:
    """The header starting on row ``index`` (from 0): the Excel row of its last row, its
    first column's index and the column names."""
    top = rows[index]
    first = next(n for n, value in enumerate(top) if not _blank(value))
    # A header cell merged down over the rows below it makes a header of several rows.
    depth = max(
        (
            bottom - index
            for (row, left), (bottom, _right) in merged
            if row == index and (row, left) in tall
        ),
        default=0,
    )
    header_rows = rows[index : index + depth + 1]
    width = max(len(row) for row in header_rows)
    while width > first and all(
        width - 1 >= len(row) or _blank(row[width - 1]) for row in header_rows
    ):
        width -= 1
    header = []
    for column in range(first, width):
        parts: list[str] = []
        for row in header_rows:
            text = cell_text(row[column]).strip() if column < len(row) else ""
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        header.append("".join(parts))
    return index + depth + 1, first, header
