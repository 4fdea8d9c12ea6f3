"""Reading a 100k-row case register from .xlsx: python-calamine against openpyxl.

Run:  PYTHONPATH=src python benchmarks/bench_xlsx_reader.py [ROWS]

Writes a register of ROWS (default 100,000) rows made from docs/audit-example.csv with
xlsxwriter (typed date cells, as Excel saves a register), then times reading every row's
values, best of 3, with calamine and with openpyxl (read-only mode, values only). The
figure chose the reader of ``gov_deadlines.sheets`` (issue 17).
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make(path: Path, rows: int) -> None:
    import xlsxwriter

    with (ROOT / "docs" / "audit-example.csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    header, body = table[0], table[1:]
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("登记表")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, header)
    for n in range(rows):
        source = body[n % len(body)]
        for column, text in enumerate(source):
            if not text:
                continue
            if column >= 2 and text[:1].isdigit() and "-" in text:
                sheet.write_datetime(n + 1, column, dt.datetime.fromisoformat(text), dates)
            elif text.isdigit():
                sheet.write_number(n + 1, column, int(text))
            else:
                sheet.write_string(n + 1, column, f"{text}-{n}" if column == 0 else text)
    book.close()


def with_calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    count = 0
    for _row in book.get_sheet_by_index(0).iter_rows():
        count += 1
    return count


def with_openpyxl(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for _row in book.worksheets[0].iter_rows(values_only=True):
        count += 1
    book.close()
    return count


def best(func: object, path: Path) -> tuple[float, int]:
    times, count = [], 0
    for _ in range(3):
        start = time.perf_counter()
        count = func(path)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times), count


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.xlsx"
        make(path, rows)
        print(f"{rows} rows, {path.stat().st_size / 1e6:.1f} MB")
        cal, n1 = best(with_calamine, path)
        opx, n2 = best(with_openpyxl, path)
        print(f"  python-calamine   {cal:7.2f} s  {n1 / cal:10,.0f} rows/s")
        print(f"  openpyxl (r/o)    {opx:7.2f} s  {n2 / opx:10,.0f} rows/s")
        print(f"  openpyxl / calamine: {opx / cal:.1f}x")


if __name__ == "__main__":
    main()
