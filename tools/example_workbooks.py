"""Write the example workbooks of the docs (``docs/examples/*.xlsx``), as Excel saves them.

Run:  python -m tools.example_workbooks

* ``audit-example.xlsx`` — ``docs/audit-example.csv`` with its dates as date cells and its
  counts as numbers (its rows are the CSV's lines);
  ``tests/inputs/test_audit_reads_excel_workbooks.py`` checks that its audit is the CSV's.
* ``register-errors.xlsx`` — three cases under a title merged over the table (a register
  as clerks keep it), two of them with a cell that cannot be read (``docs/cli.md`` shows
  how the audit names those cells).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "docs" / "examples"
#: A fixed creation time: the same sources give the same workbook.
CREATED = dt.datetime(2026, 6, 30, 9, 0, 0)


def _typed(text: str, column: int) -> Any:
    if column >= 2 and len(text) == 10 and text[4] == "-":
        return dt.datetime.fromisoformat(text)
    if text.isdigit():
        return int(text)
    return text


def _write(path: Path, title: str | None, rows: list[list[Any]]) -> None:
    # Imported here: an optional dependency (the xlsx extra), untyped.
    xlsxwriter: Any = importlib.import_module("xlsxwriter")
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": CREATED})
    sheet = book.add_worksheet("登记表")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    bold = book.add_format({"bold": True})
    top = 0
    if title is not None:
        sheet.merge_range(0, 0, 0, len(rows[0]) - 1, title, bold)
        top = 1
    sheet.write_row(top, 0, rows[0], bold)
    for r, row in enumerate(rows[1:], start=top + 1):
        for c, value in enumerate(row):
            if isinstance(value, dt.datetime):
                sheet.write_datetime(r, c, value, dates)
            elif isinstance(value, int):
                sheet.write_number(r, c, value)
            elif value:
                sheet.write_string(r, c, value)
    sheet.freeze_panes(top + 1, 0)
    book.close()


def main() -> None:
    with (REPO / "docs" / "audit-example.csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    body = [[_typed(text, c) for c, text in enumerate(row)] for row in table[1:]]
    _write(EXAMPLES / "audit-example.xlsx", None, [table[0], *body])
    errors: list[list[Any]] = [
        ["编号", "渠道", "提交日期", "答复日期"],
        ["2026-101", "当面", dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 20)],
        ["2026-102", "电报", dt.datetime(2026, 3, 3), dt.datetime(2026, 3, 20)],
        ["2026-103", "网络", "三月五日", ""],
    ]
    _write(EXAMPLES / "register-errors.xlsx", "登记表(有误的行)", errors)
    for name in ("audit-example.xlsx", "register-errors.xlsx"):
        print(f"wrote docs/examples/{name}")


if __name__ == "__main__":
    main()
