"""The activity log of an office: what it did and when, read from CSV or ``.xlsx`` or given
as values.

:func:`read_log` reads a log file (columns ``rule``/``规则`` and ``date``/``日期``, optional
``note``/``备注``; CSV in UTF-8 or GBK, or a workbook's sheet) into :class:`LogEntry` values, reporting every bad row at
once in a :class:`LogError`. Judging the log against the year's duties is
:mod:`gov_deadlines.recurring.compliance`. This module loads pydantic (``LogEntry`` is a
model): :mod:`gov_deadlines.recurring` imports it on first use only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from gov_deadlines.catalogue import Catalogue, default_catalogue
from gov_deadlines.dates import parse_day
from gov_deadlines.dialect import sniffed
from gov_deadlines.errors import (
    ArgumentTypeError,
    GovDeadlinesError,
    UnknownRuleError,
    check_path_argument,
    file_problem,
)
from gov_deadlines.sheets import PROGRESS_ROWS, SHEET_SUFFIXES, Progress, Sheet, open_sheet
from gov_deadlines.textinput import InputEncodingError, decoded_lines
from gov_deadlines.vocabulary import is_zh

__all__ = [
    "DATE_HEADERS",
    "NOTE_HEADERS",
    "RULE_HEADERS",
    "LogEntry",
    "LogError",
    "entry_problem",
    "log_entry",
    "read_log",
    "unknown_ids",
]


# -- the activity log ------------------------------------------------------------------------------


RULE_HEADERS = ("rule", "规则", "规则编号", "rule_id", "duty", "任务")
DATE_HEADERS = ("date", "日期", "完成日期", "done", "when")
NOTE_HEADERS = ("note", "备注", "说明")


class LogEntry(BaseModel):
    """One thing an office did: the duty (a rule or family id) and the day it was done.

    ``rule`` may also be a trigger event id from the catalogue's vocabulary; such an entry
    satisfies no recurring duty and is reported as unmatched. ``done_on`` (the day it was
    done; given as ``date``, ``日期``, ``完成日期`` … like the log's column) takes a date, an ISO
    or clerk-written date text (``2026年3月5日``), or a datetime (converted to Beijing time).
    ``line`` is the line of the file the entry came from, for messages.
    """

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    rule: str = Field(min_length=1, validation_alias=AliasChoices(*RULE_HEADERS, "event", "事件"))
    done_on: dt.date = Field(validation_alias=AliasChoices("done_on", *DATE_HEADERS))
    note: str = Field(default="", validation_alias=AliasChoices(*NOTE_HEADERS))
    line: int | None = None

    @field_validator("rule", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("done_on", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        if isinstance(value, (str, dt.date)):
            return parse_day(value)  # DateParseError is a ValueError: reported per row
        return value

    def where(self, lang: str = "zh") -> str:
        if self.line is None:
            return ""
        return f"第{self.line}行" if is_zh(lang) else f"line {self.line}"


class LogError(GovDeadlinesError, ValueError):
    """Entries of an activity log that cannot be read; every one is listed.

    ``problems`` holds ``(line or None, message_en, message_zh)`` for each bad row;
    ``places`` maps a line to the cell at fault as Excel names it (``工作记录!B5``, a
    workbook's log), named instead of the line.
    """

    def __init__(
        self,
        source: str,
        problems: Sequence[tuple[int | None, str, str]],
        *,
        places: Mapping[int, str] | None = None,
    ) -> None:
        self.source = source
        self.problems = tuple(problems)
        self.places = dict(places or {})

        lines_en, lines_zh = [], []
        for line, en, zh in self.problems:
            place = self.places.get(line) if line is not None else None
            if place is not None:
                lines_en.append(f"{place}: {en}")
                lines_zh.append(f"{place}:{zh}")
                continue
            lines_en.append(f"line {line}: {en}" if line is not None else en)
            lines_zh.append(f"第{line}行:{zh}" if line is not None else zh)
        super().__init__(
            f"activity log {source}: {len(self.problems)} problem(s); fix them and run again:\n  "
            + "\n  ".join(lines_en)
        )
        self.zh = (
            f"工作记录 {source}:{len(self.problems)}处问题,请修改后重新运行:\n  "
            + "\n  ".join(lines_zh)
        )


def _match_header(name: str, choices: Sequence[str]) -> bool:
    return name.strip().casefold() in {c.casefold() for c in choices}


def _decode(data: bytes, source: str) -> str:
    """The log's text: UTF-8 or GB18030 (Excel and WPS in China save CSV in GBK), read
    strictly by :mod:`gov_deadlines.textinput`, as the audit reads its input."""
    try:
        return "".join(decoded_lines(io.BytesIO(data), source=source))
    except InputEncodingError as error:
        raise LogError(source, [(error.line, error.problem, error.problem_zh)]) from None


def _header_columns(row: Sequence[str]) -> tuple[int, int, int]:
    """The rule, date and note columns of a header row (-1: absent)."""
    rule_col = date_col = note_col = -1
    for index, name in enumerate(row):
        if rule_col < 0 and _match_header(name, RULE_HEADERS):
            rule_col = index
        elif date_col < 0 and _match_header(name, DATE_HEADERS):
            date_col = index
        elif note_col < 0 and _match_header(name, NOTE_HEADERS):
            note_col = index
    return rule_col, date_col, note_col


def _is_log_header(row: Sequence[str]) -> bool:
    rule_col, date_col, _note = _header_columns(row)
    return rule_col >= 0 and date_col >= 0


def _csv_rows(
    source: str, text: str, delimiter: str | None
) -> tuple[Iterator[list[str]], Callable[[], int], int]:
    """The CSV rows of ``text`` (its delimiter sniffed unless given), the reader's line
    number, and the lines in all."""
    lines = io.StringIO(text, newline="")
    found, stream = sniffed(lines, source=source, delimiter=delimiter)
    reader = csv.reader(stream, delimiter=found)
    return reader, lambda: reader.line_num, text.count("\n") + 1


def read_log(
    path: str | PathLike[str] | None = None,
    *,
    text: str | None = None,
    catalogue: Catalogue | None = None,
    sheet: str | None = None,
    delimiter: str | None = None,
    progress: Progress | None = None,
) -> list[LogEntry]:
    """Read an activity log (columns ``rule``/``规则`` and ``date``/``日期``, optional ``note``/``备注``).

    A CSV file (UTF-8 with or without BOM, or GBK; comma, semicolon or tab, sniffed unless
    ``delimiter`` is given: :mod:`gov_deadlines.dialect`) or an ``.xlsx`` workbook (its
    first sheet, or ``sheet``; Excel dates and date serials read as dates:
    :mod:`gov_deadlines.sheets`). Every malformed row — a missing rule or date, a date that
    cannot be read, an unknown rule id — is reported with its line number (in a workbook,
    its cell: ``工作记录!B5``) in one :class:`LogError`; no row is dropped. Blank lines are
    skipped. ``progress(rows done, rows in all)`` is called every thousand rows if given.
    """
    if (path is None) == (text is None):
        raise ArgumentTypeError(
            "path",
            path,
            "a path or text=, one of them (not both, not neither)",
            "文件路径或 text=,二者给出其一",
        )
    if text is not None and not isinstance(text, str):
        raise ArgumentTypeError("text", text, "the log's text (str)", "工作记录的文本")
    source = "<text>"
    table: Sheet | None = None
    if path is not None:
        source = check_path_argument("path", path)
        if os.path.splitext(source)[1].lower() in SHEET_SUFFIXES:
            table = open_sheet(source, sheet, accept=_is_log_header)
        else:
            text = _read_text(source)
    places: dict[int, str] = {}
    if table is not None:
        rule_col, date_col, note_col = _header_columns(table.header)
        text_rows = table.text_rows(date_columns=(date_col,), progress=progress)
        rows: Iterator[list[str]] = text_rows
        line_of: Callable[[], int] = lambda: text_rows.line_num  # noqa: E731
        total = len(table.grid)
    else:
        assert text is not None
        rows, line_of, total = _csv_rows(source, text.removeprefix("\ufeff"), delimiter)
    problems: list[tuple[int | None, str, str]] = []
    header: list[str] | None = None
    rule_col = date_col = note_col = -1
    entries: list[LogEntry] = []
    for row in rows:
        line = line_of()
        if progress is not None and table is None and not line % PROGRESS_ROWS:
            progress(line, total)
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = row
            rule_col, date_col, note_col = _header_columns(row)
            if rule_col < 0 or date_col < 0:
                if table is not None:
                    places[line] = table.header_range()
                raise LogError(
                    source,
                    [
                        (
                            line,
                            f"the header {row!r} needs a 'rule' (or 规则) column and a 'date' "
                            "(or 日期) column",
                            f"表头 {row!r} 须包含“规则”(rule)列和“日期”(date)列",
                        )
                    ],
                    places=places,
                )
            continue
        cells = {
            "rule": row[rule_col].strip() if rule_col < len(row) else "",
            "date": row[date_col].strip() if date_col < len(row) else "",
            "note": row[note_col].strip() if 0 <= note_col < len(row) else "",
            "line": line,
        }
        if not cells["rule"]:
            problems.append((line, "no rule id", "缺少规则编号"))
            column = rule_col
        elif not cells["date"]:
            problems.append((line, "no date", "缺少日期"))
            column = date_col
        else:
            try:
                entries.append(LogEntry.model_validate(cells))
                continue
            except ValidationError as error:
                first = error.errors()[0]
                cause = (first.get("ctx") or {}).get("error")
                if isinstance(cause, GovDeadlinesError):  # a date that cannot be read
                    problems.append((line, cause.message("en"), cause.message("zh")))
                else:
                    message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
                    problems.append((line, message, message))
                column = date_col
        if table is not None:
            places[line] = table.address(line, column)
    if header is None:
        raise LogError(
            source,
            [
                (
                    None,
                    "the file is empty (expected a header: rule,date)",
                    "文件为空(应有表头:规则,日期)",
                )
            ],
        )
    unknown = unknown_ids(entries, catalogue or default_catalogue())
    if table is not None:
        for where, _en, _zh in unknown:
            if where is not None:
                places[where] = table.address(where, rule_col)
    problems.extend(unknown)
    if problems:
        problems.sort(key=lambda p: p[0] or 0)
        raise LogError(source, problems, places=places)
    return entries


def _read_text(source: str) -> str:
    try:
        data = Path(source).read_bytes()
    except OSError as error:
        english, chinese = file_problem(error)
        raise LogError(
            source,
            [(None, f"cannot read the file ({english})", f"无法读取文件({chinese})")],
        ) from None
    return _decode(data, source)


def unknown_ids(entries: Iterable[LogEntry], cat: Catalogue) -> list[tuple[int | None, str, str]]:
    """The entries whose id is no rule, family or event of ``cat``: ``(line, en, zh)`` each."""
    problems: list[tuple[int | None, str, str]] = []
    events = cat.events
    for entry in entries:
        if entry.rule in events or cat.is_family(entry.rule):
            continue
        try:
            cat.rule(entry.rule)
        except UnknownRuleError as error:
            problems.append((entry.line, error.message("en"), error.message("zh")))
    return problems


def entry_problem(error: ValidationError) -> tuple[str, str]:
    """What is wrong with one log entry, in English and Chinese."""
    fields = sorted({str(e["loc"][0]) for e in error.errors() if e["loc"]}) or ["entry"]
    listed = ", ".join(fields)
    return (
        f"the entry's {listed} cannot be read (a rule id and a date are needed)",
        f"该条记录的 {listed} 无法识别(须有规则编号和日期)",
    )


def log_entry(item: LogEntry | Mapping[str, Any] | Sequence[Any], index: int) -> LogEntry:
    """A :class:`LogEntry` from an entry given to :func:`~gov_deadlines.recurring.check_log`
    (pydantic's ``ValidationError`` if it cannot be read; ``index`` names it otherwise)."""
    if isinstance(item, LogEntry):
        return item
    if isinstance(item, Mapping):
        return LogEntry.model_validate(item)
    if isinstance(item, Sequence) and not isinstance(item, str) and 2 <= len(item) <= 3:
        data: dict[str, Any] = {"rule": item[0], "date": item[1]}
        if len(item) == 3:
            data["note"] = item[2]
        return LogEntry.model_validate(data)
    raise ArgumentTypeError(
        f"log entry {index}",
        item,
        "a LogEntry, a dict with rule and date, or a (rule, date) pair",
        "LogEntry、含 rule 和 date 的字典,或(规则编号, 日期)二元组",
    )
