"""The batch audit of a register kept in Excel: one worksheet of an ``.xlsx`` workbook.

:func:`audit_xlsx` reads the sheet with :func:`gov_deadlines.sheets.open_sheet` (merged
cells, a title above the header, blank rows at the end: see there) and audits its rows by
the CSV audit's own path — a :class:`~gov_deadlines.cases.batch.CsvAudit` over the sheet's
rows as text, the date columns reading Excel's dates and date serials — so that a register
gives the same results saved as ``.xlsx`` or as CSV. The rows are numbered by their Excel
row; each problem names its cell as Excel shows it (``登记表!C17``): a row's problem the cell
of the field at fault, a header's problem the header's cells.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from os import PathLike
from typing import TYPE_CHECKING

from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.cases.batch import CsvAudit, RowResult
from gov_deadlines.cases.columns import FIELDS, Layout, LayoutError
from gov_deadlines.cases.model import CaseError
from gov_deadlines.cases.policy import AuditPolicy
from gov_deadlines.sheets import (
    Progress,
    Sheet,
    TextRows,
    cell_text,
    open_sheet,
    sheet_prefix,
    uncached_problem,
)

if TYPE_CHECKING:
    from gov_deadlines.catalogue import Catalogue

__all__ = ["DATE_FIELDS", "SheetAudit", "audit_xlsx"]

#: The fields whose cells hold dates: a number there is an Excel date serial.
DATE_FIELDS = frozenset(
    {
        "submitted",
        "signed_for",
        "confirmed",
        "supplement_requested",
        "supplement_received",
        "consultation_sent",
        "consultation_answered",
        "extension_approved",
        "extension_told",
        "replied",
    }
)


def _usable(header: list[str]) -> bool:
    """Whether a row's names make the audit's header (a row above it is passed over)."""
    try:
        Layout.from_header(header)
    except LayoutError:
        return False
    return True


def _placed(error: LayoutError, sheet: Sheet) -> LayoutError:
    """A header's problem, named by the header's cells (the cells at fault, if known)."""
    if error.columns:
        where = ", ".join(sheet.address(sheet.header_row, column) for column in error.columns)
    else:
        where = sheet.header_range()
    return LayoutError(
        f"{sheet.source} {where}: {error.problem}",
        f"{sheet.source} {where}:{error.problem_zh}",
        columns=error.columns,
    )


class SheetAudit:
    """The audit of a worksheet's rows, one :class:`RowResult` per row below the header
    (blank rows skipped and counted, as in a CSV file), in order, numbered by Excel row.

    ``sheet`` is the sheet read; :attr:`ignored_columns` and :attr:`blank_rows` are the
    CSV audit's.
    """

    def __init__(
        self,
        sheet: Sheet,
        *,
        as_of: dt.date | None = None,
        calendar: WorkCalendar | None = None,
        policy: AuditPolicy | None = None,
        catalogue: Catalogue | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.sheet = sheet
        try:
            self.layout = Layout.from_header(list(sheet.header))
        except LayoutError as error:
            raise _placed(error, sheet) from None
        width = len(sheet.header)
        dates = {
            column
            for name, column in zip(FIELDS, self.layout.index, strict=True)
            if name in DATE_FIELDS and column < width
        }
        self.rows: TextRows = sheet.text_rows(date_columns=dates, progress=progress)
        self._audit = CsvAudit(
            (), as_of=as_of, calendar=calendar, policy=policy, catalogue=catalogue, rows=self.rows
        )
        self._column = dict(zip(FIELDS, self.layout.index, strict=True))
        self._fields = {
            column: name for name, column in self._column.items() if 0 <= column < width
        }

    @property
    def ignored_columns(self) -> tuple[str, ...]:
        return self._audit.ignored_columns

    @property
    def blank_rows(self) -> int:
        return self._audit.blank_rows

    def where(self, line: int, field: str | None) -> str:
        """The cell of ``field`` in Excel row ``line`` (``登记表!C17``), or the row
        (``登记表!17:17``) when the field has no column of its own."""
        column = self._column.get(field) if field is not None else None
        if column is not None and column < len(self.sheet.header):
            return self.sheet.address(line, column)
        return f"{sheet_prefix(self.sheet.name)}{line}:{line}"

    def _serial(self, line: int, field: str | None) -> tuple[str, str] | None:
        """The number and the day it was read as, when the cell of ``field`` in row
        ``line`` is a plain number read as an Excel date serial; else ``None``."""
        column = self._column.get(field) if field in DATE_FIELDS else None
        if column is None or column >= len(self.sheet.header):
            return None
        cells = self.sheet.grid[line - 1] if line - 1 < len(self.sheet.grid) else []
        at = self.sheet.first_column + column
        raw = cells[at] if at < len(cells) else None
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            return None
        day = cell_text(raw, date=True, date1904=self.sheet.date1904)
        if day == cell_text(raw):  # not a serial: read as the digits it shows
            return None
        return cell_text(raw), day

    def _addressed(self, result: RowResult) -> RowResult:
        error = result.error
        assert error is not None
        line = result.line
        overflow = self.rows.overflow.get(line)
        if overflow is not None:
            where = self.sheet.address(line, overflow)
            problem = (
                "the cell holds a value but its column has no header: name the column in the "
                "header row, or move the value"
            )
            problem_zh = "该单元格有值,但所在列没有表头:请在表头行写明列名,或移走该值"
        else:
            where = self.where(line, error.field)
            problem, problem_zh = error.problem, error.problem_zh
            serial = self._serial(line, error.field)
            if serial is not None:
                number, day = serial
                problem += (
                    f" (the cell holds the number {number}, read as an Excel date serial: "
                    f"{day}; format the cell as a date, or write the date as text)"
                )
                problem_zh += (
                    f"(单元格中是数字 {number},按Excel日期序列号读作 {day};"
                    "请把单元格设为日期格式,或把日期写成文字)"
                )
        placed = CaseError(
            f"{where}: {problem}",
            f"{where}:{problem_zh}",
            field=error.field,
            case_id=error.case_id,
            line=line,
        )
        return RowResult(line, result.case_id, None, placed)

    def _uncached(self, result: RowResult) -> RowResult | None:
        """The row as malformed when a cell the audit reads holds a formula with no saved
        value: it reads as empty, and an empty reply date is a case not replied."""
        used = self._fields
        for column, formula in self.sheet.uncached_in(result.line):
            field_name = used.get(column)
            if field_name is None:
                continue  # a column the audit does not read
            where = self.sheet.address(result.line, column)
            problem, problem_zh = uncached_problem(formula)
            header = self.sheet.header[column]
            placed = CaseError(
                f"{where} ({header}): {problem}",
                f"{where}({header}):{problem_zh}",
                field=field_name,
                case_id=result.case_id,
                line=result.line,
            )
            return RowResult(result.line, result.case_id, None, placed)
        return None

    def __iter__(self) -> Iterator[RowResult]:
        checked = bool(self.sheet.uncached)
        for result in self._audit:
            if checked:
                malformed = self._uncached(result)
                if malformed is not None:
                    yield malformed
                    continue
            yield result if result.error is None else self._addressed(result)


def audit_xlsx(
    path: str | PathLike[str],
    *,
    sheet: str | None = None,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    policy: AuditPolicy | None = None,
    catalogue: Catalogue | None = None,
    progress: Progress | None = None,
) -> SheetAudit:
    """Audit the cases of a workbook's first sheet (or the sheet named ``sheet``).

    Needs the optional ``xlsx`` extra (:class:`gov_deadlines.sheets.XlsxUnavailableError`
    without it). Raises :class:`~gov_deadlines.sheets.SheetError` for a workbook or sheet
    that cannot be read and :class:`LayoutError` (naming the header's cells) for an
    unusable header, here; the rows are audited as the result is iterated, and
    ``progress(rows done, rows in all)`` is called every thousand rows if given.
    """
    return SheetAudit(
        open_sheet(path, sheet, accept=_usable),
        as_of=as_of,
        calendar=calendar,
        policy=policy,
        catalogue=catalogue,
        progress=progress,
    )
