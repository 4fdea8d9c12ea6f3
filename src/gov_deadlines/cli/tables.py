"""The tabular inputs of ``audit`` and ``check-log``: a CSV file (its delimiter sniffed or
given with ``--delimiter``) or an ``.xlsx`` workbook (``--sheet`` names the sheet)."""

from __future__ import annotations

import argparse
import importlib.util
from typing import Any

from gov_deadlines.cli.app import Context, UsageError, type_error
from gov_deadlines.cli.console import Console
from gov_deadlines.cli.output import suffix
from gov_deadlines.dialect import parse_delimiter
from gov_deadlines.sheets import SHEET_SUFFIXES, XlsxUnavailableError

#: Spreadsheet files that are not read: saved again as .xlsx (or CSV), they are.
OTHER_SHEETS = (".xls", ".xlsb", ".et", ".ods", ".numbers")


def _delimiter(text: str) -> str:
    try:
        return parse_delimiter(text)
    except ValueError:
        raise type_error(
            f"{text!r}: give ',' ';' or tab", f"'{text}':分隔符应为 , ; 或 tab"
        ) from None


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """``--sheet`` (a workbook's sheet) and ``--delimiter`` (a CSV file's)."""
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help=".xlsx:读取的工作表(默认第一个)the sheet to read (default: the first)",
    )
    parser.add_argument(
        "--delimiter",
        type=_delimiter,
        metavar="SEP",
        help="CSV分隔符 , ; 或 tab(默认自动识别)CSV delimiter (default: detected)",
    )


def is_workbook(ctx: Context, path: str) -> bool:
    """Whether ``path`` is read as a workbook (by its suffix); refuse (exit 2) a spreadsheet
    format that is not read, and options that do not apply to the input's kind."""
    args: Any = ctx.args
    console = ctx.console
    found = suffix(path) if path != "-" else ""
    if found in OTHER_SHEETS:
        raise UsageError(
            console.t(
                f"{path}:不能读取 {found} 文件;请在Excel或WPS中另存为 .xlsx 或 CSV UTF-8。",
                f"{path}: {found} files are not read; save it from Excel or WPS as .xlsx or "
                "as CSV UTF-8.",
            )
        )
    workbook = found in SHEET_SUFFIXES
    if workbook:
        for name in ("encoding", "delimiter"):
            if getattr(args, name, None) is not None:
                raise UsageError(
                    console.t(
                        f"--{name} 只适用于CSV文件;{path} 是Excel工作簿(用 --sheet 选择工作表)。",
                        f"--{name} applies to CSV files only; {path} is an Excel workbook "
                        "(--sheet chooses its sheet).",
                    )
                )
    elif getattr(args, "sheet", None) is not None:
        raise UsageError(
            console.t(
                f"--sheet 只适用于 .xlsx 工作簿;{path} 按CSV读取。",
                f"--sheet applies to .xlsx workbooks only; {path} is read as CSV.",
            )
        )
    return workbook


def check_xlsx_writer(console: Console) -> None:
    """Refuse (exit 2, saying how to install it) an .xlsx output without ``xlsxwriter``,
    before any input is read."""
    del console  # the error speaks both languages; the console picks
    if importlib.util.find_spec("xlsxwriter") is None:
        raise XlsxUnavailableError("xlsxwriter", "write")
