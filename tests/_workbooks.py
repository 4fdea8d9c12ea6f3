"""Workbooks for the tests of ``.xlsx`` input and output, written with xlsxwriter as Excel
would save them: dates as typed date cells, counts as numbers, text as text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

from _cli import ROOT

EXAMPLE = ROOT / "docs" / "audit-example.csv"


def example_rows() -> list[list[str]]:
    """docs/audit-example.csv, header first."""
    with EXAMPLE.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def typed(text: str, column: int) -> Any:
    """The value Excel keeps for a cell of the example: a date, a number or text."""
    if column >= 2 and len(text) == 10 and text[4] == "-":
        return dt.date.fromisoformat(text)
    if text.isdigit():
        return int(text)
    return text


def write_workbook(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    sheet: str = "登记表",
    first_row: int = 0,
    first_column: int = 0,
    merges: Sequence[tuple[int, int, int, int, Any]] = (),
    options: dict[str, Any] | None = None,
    extra_sheets: Sequence[str] = (),
) -> Path:
    """A workbook whose sheet holds ``rows`` from (``first_row``, ``first_column``), counted
    from 0; ``merges`` are (first row, first column, last row, last column, value)."""
    book = xlsxwriter.Workbook(str(path), options or {})
    for name in extra_sheets:
        book.add_worksheet(name)
    ws = book.add_worksheet(sheet)
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            at = (first_row + r, first_column + c)
            if value is None or value == "":
                continue
            if isinstance(value, dt.datetime):
                ws.write_datetime(*at, value, dates)
            elif isinstance(value, dt.date):
                ws.write_datetime(*at, dt.datetime.combine(value, dt.time()), dates)
            elif isinstance(value, (int, float)):
                ws.write_number(*at, value)
            else:
                ws.write_string(*at, str(value))
    for top, left, bottom, right, value in merges:
        ws.merge_range(top, left, bottom, right, value)
    book.close()
    return path


def example_workbook(path: Path, **options: Any) -> Path:
    """docs/audit-example.csv as a workbook, its dates typed."""
    rows = example_rows()
    body = [[typed(text, c) for c, text in enumerate(row)] for row in rows[1:]]
    return write_workbook(path, [rows[0], *body], **options)


def csv_text(rows: Sequence[Sequence[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()
