"""The batch audit of OGI application cases: rows in, one result per row out, streaming.

:func:`audit_cases` audits any iterable of rows (mappings with the CSV layout's column
names, mappings shaped like :class:`~gov_deadlines.cases.Case`, or ``Case`` objects);
:func:`audit_csv` reads a CSV file with a header row (:data:`~gov_deadlines.cases.columns.COLUMNS`
maps its Chinese or English column names to the case's fields). Both yield one
:class:`RowResult` per input row, in order, in constant memory: a malformed row yields a
result carrying its line number and the reason, and the batch goes on.

The hot path parses rows with plain code into the clock's receipt facts
(:mod:`gov_deadlines.cases.columns`; no pydantic per row), reuses one calendar and renders
no explanation unless asked. The writers of the results — per-case CSV, JSON Lines, the
Markdown summary, the supervision form — are :mod:`gov_deadlines.outputs`; this module
knows none of them. ``docs/audit.md`` documents the layout, the outputs and the policy
choices.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, Protocol

from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
from gov_deadlines.cases.clock import CaseClock
from gov_deadlines.cases.clock_record import CaseRecord
from gov_deadlines.cases.columns import (
    PLAIN_WIDTH,
    CellReader,
    Layout,
    LayoutError,
    MappingReader,
    facts_from_cells,
)
from gov_deadlines.cases.model import Case, CaseError, CaseFacts, parse_case_facts
from gov_deadlines.cases.policy import DEFAULT_POLICY, AuditPolicy
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.cases.versions import reply_versions
from gov_deadlines.errors import ArgumentTypeError, check_day_argument
from gov_deadlines.vocabulary import CaseResult, Lang, Recorded

if TYPE_CHECKING:
    from gov_deadlines.cases.records import CaseVerdictRecord, MalformedRowRecord
    from gov_deadlines.catalogue import Catalogue

__all__ = [
    "BLANK",
    "CaseAuditor",
    "CsvAudit",
    "RowResult",
    "audit_cases",
    "audit_csv",
]

# -- results ------------------------------------------------------------------------------------


class RowResult(Recorded):
    """The outcome of one input row: the clock's record of the case (its verdict on demand),
    or the reason the row could not be read."""

    __slots__ = ("_verdict", "case_id", "error", "line", "record")

    line: int
    case_id: str
    #: Why the row could not be read (``None``: it was audited).
    error: CaseError | None
    #: The clock's record of the case (``None``: the row could not be read).
    record: CaseRecord | None

    def __init__(
        self,
        line: int,
        case_id: str,
        verdict: CaseVerdict | None = None,
        error: CaseError | None = None,
        *,
        record: CaseRecord | None = None,
    ) -> None:
        self.line = line
        self.case_id = case_id
        self.error = error
        self.record = verdict.record if verdict is not None else record
        self._verdict = verdict

    @property
    def verdict(self) -> CaseVerdict | None:
        """The case's :class:`CaseVerdict` (``None`` for a row that could not be read)."""
        verdict = self._verdict
        if verdict is None and self.record is not None:
            verdict = self._verdict = CaseVerdict(self.record)
        return verdict

    @property
    def result(self) -> CaseResult:
        """``ok``, ``late``, ``problem``, ``open``, ``undetermined`` or ``malformed``."""
        record = self.record
        return record.result if record is not None else CaseResult.MALFORMED

    @property
    def late(self) -> bool:
        return self.record is not None and self.record.result is CaseResult.LATE

    def __repr__(self) -> str:
        return f"RowResult(line={self.line}, case_id={self.case_id!r}, result={self.result!r})"

    def to_record(
        self, lang: Lang = "zh", *, explanation: bool = False
    ) -> CaseVerdictRecord | MalformedRowRecord:
        """The row as its JSON record: the case's record with its ``line``, or (a row that
        could not be read) a :class:`~gov_deadlines.cases.records.MalformedRowRecord`."""
        # Imported here for cost: the records are pydantic models.
        from gov_deadlines.cases.records import row_result_to_record

        return row_result_to_record(self, lang, explanation=explanation)


class CaseAuditor:
    """One batch's settings resolved once, and the audit of one row with them: the function
    every batch input (CSV rows, mappings, ``Case`` objects, frames) goes through.

    :meth:`cells` audits a row given as its cells in :data:`~gov_deadlines.cases.columns.FIELDS`
    order, :meth:`mapping` a mapping with the layout's column names, :meth:`case` a
    :class:`Case`; each returns one :class:`RowResult` (a malformed row carries its reason
    and never raises). Holds no state between rows.
    """

    __slots__ = ("as_of", "calendar", "clock", "mappings", "policy", "reader", "versions")

    def __init__(
        self,
        *,
        as_of: dt.date | None = None,
        calendar: WorkCalendar | None = None,
        policy: AuditPolicy | None = None,
        catalogue: Catalogue | None = None,
    ) -> None:
        check_day_argument("as_of", as_of)
        self.as_of = as_of
        self.calendar = calendar if calendar is not None else default_calendar()
        self.policy = policy if policy is not None else DEFAULT_POLICY
        self.versions = reply_versions(catalogue)
        self.clock = CaseClock(self.calendar, self.versions, self.policy, as_of)
        self.reader = CellReader(self.clock.days.base)
        #: Reads mappings into cells (one per batch)
        self.mappings = MappingReader()

    def cells(self, cells: Sequence[Any], line: int) -> RowResult:
        """The result of a row's cells in FIELDS order (blank cells: ``""`` or ``None``)."""
        try:
            record = self.clock.audit(cells, self.reader.read(cells))
        except CaseError:
            return self.refused(cells, line)
        return RowResult(line, record.case_id, record=record)

    def refused(self, cells: Sequence[Any], line: int) -> RowResult:
        """The result of a row the reader or the clock refused, with the problem worded as
        :func:`~gov_deadlines.cases.columns.facts_from_cells` words it."""
        try:
            facts = facts_from_cells(cells)
            record = self.clock.run(facts)
        except CaseError as error:
            case_id = cells[0] if isinstance(cells[0], str) else str(cells[0] or "")
            reported = error
            if not any(str(cell).strip() for cell in cells):
                reported = CaseError("the row is empty", "空行")
            return RowResult(line, case_id, None, reported.at(line=line, case_id=case_id))
        return RowResult(line, facts.case_id, record=record)

    def mapping(self, row: Mapping[str, Any], line: int) -> RowResult:
        """The result of a mapping: the layout's column names (zh or en) or a ``Case``'s
        fields (with ``consultations`` or ``extension``)."""
        if "consultations" in row or "extension" in row:
            try:
                case, facts = parse_case_facts(row)
            except CaseError as error:
                case_id = str(row.get("case_id", "") or "")
                return RowResult(line, case_id, None, error.at(line=line, case_id=case_id))
            return self.case(case, line, facts)
        return self.cells(self.mappings.cells(row), line)

    def case(self, case: Case, line: int, facts: CaseFacts | None = None) -> RowResult:
        """The result of a :class:`Case` (``facts``: its facts, when already built)."""
        try:
            record = self.clock.run(facts if facts is not None else case.facts())
        except CaseError as error:
            return RowResult(line, case.case_id, None, error.at(line=line, case_id=case.case_id))
        return RowResult(line, case.case_id, record=record)


def audit_cases(
    rows: Iterable[Mapping[str, Any] | Case],
    *,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    policy: AuditPolicy | None = None,
    catalogue: Catalogue | None = None,
    first_line: int = 2,
) -> Iterator[RowResult]:
    """Audit rows one by one, yielding one :class:`RowResult` per row (malformed ones too).

    A row is a mapping with the CSV layout's column names (zh or en, see :data:`COLUMNS`),
    a mapping shaped like :class:`~gov_deadlines.cases.Case` (with ``consultations`` or
    ``extension``), or a ``Case``. ``first_line`` numbers the rows (2: the first row after
    a CSV header). Nothing is held back: memory does not grow with the input.
    """
    if isinstance(rows, str | bytes | Mapping) or not isinstance(rows, Iterable):
        # A text would be audited a character a row, a mapping a key a row.
        raise ArgumentTypeError(
            "rows",
            rows,
            "an iterable of mappings or Cases (one per case)",
            "由映射或 Case 组成的可迭代对象(每个案件一项)",
        )
    auditor = CaseAuditor(as_of=as_of, calendar=calendar, policy=policy, catalogue=catalogue)
    line = first_line - 1
    for row in rows:
        line += 1
        if type(row) is dict:  # csv.DictReader's, a frame's records: no ABC check
            yield auditor.mapping(row, line)
        elif isinstance(row, Case):
            yield auditor.case(row, line)
        elif isinstance(row, Mapping):
            yield auditor.mapping(row, line)
        else:
            yield RowResult(
                line,
                "",
                None,
                CaseError(
                    f"not a row: expected a mapping of column names to values, got "
                    f"{type(row).__name__}",
                    f"不是一行数据:应为列名到取值的映射,实为 {type(row).__name__}",
                    line=line,
                ),
            )


class RowSource(Protocol):
    """What :class:`CsvAudit` reads rows from: ``csv.reader``'s interface (lists of cell
    texts; ``line_num``, the input line of the last row given)."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


#: What :meth:`CsvAudit.misfit` returns for a blank row (skipped, counted).
BLANK = RowResult(0, "")


class CsvAudit:
    """An audit of a CSV stream: the header is read at once (a :class:`LayoutError` is raised
    there), the rows as the object is iterated, one :class:`RowResult` each."""

    def __init__(
        self,
        stream: Iterable[str],
        *,
        as_of: dt.date | None = None,
        calendar: WorkCalendar | None = None,
        policy: AuditPolicy | None = None,
        catalogue: Catalogue | None = None,
        delimiter: str = ",",
        rows: RowSource | None = None,
    ) -> None:
        if rows is None and (isinstance(stream, str | bytes | os.PathLike) or stream is None):
            # A path or a text would be read a character a line.
            raise ArgumentTypeError(
                "stream",
                stream,
                "a text stream of CSV lines (open(path, encoding=..., newline=''))",
                "CSV 文本流(用 open(路径, encoding=…, newline='') 打开文件)",
            )
        #: The rows: ``rows`` if given (a workbook's, :mod:`gov_deadlines.sheets`), else the
        #: CSV rows of ``stream``.
        self.reader: RowSource = (
            rows if rows is not None else csv.reader(stream, delimiter=delimiter)
        )
        try:
            header = next(self.reader)
        except StopIteration:
            raise LayoutError("the file is empty", "文件为空") from None
        except csv.Error as error:
            raise LayoutError(
                f"cannot read the header row ({error})", f"无法读取表头({error})"
            ) from None
        self.layout = Layout.from_header(header)
        self.auditor = CaseAuditor(
            as_of=as_of, calendar=calendar, policy=policy, catalogue=catalogue
        )
        self.width = len(self.layout.header)
        #: The row's cells in FIELDS order, from a row padded to the header's width plus
        #: one blank cell (where absent columns point). A header without the record's
        #: extra columns (issue 15) picks only the plain ones: no row can hold them.
        index = self.layout.index
        if all(column == self.width for column in index[PLAIN_WIDTH:]):
            index = index[:PLAIN_WIDTH]
        self.pick = itemgetter(*index)
        #: Rows with no value at all, skipped (the summary counts them).
        self.blank_rows = 0

    @property
    def ignored_columns(self) -> tuple[str, ...]:
        return self.layout.ignored

    def bad_csv(self, error: csv.Error, line: int) -> RowResult:
        """The result of a line the CSV reader refused."""
        return RowResult(
            line,
            "",
            None,
            CaseError(f"not valid CSV ({error})", f"CSV格式错误({error})", line=line),
        )

    def misfit(self, row: list[str], line: int) -> RowResult | None:
        """A row whose length is not the header's: its malformed result (too many cells),
        :data:`BLANK` (a blank row, counted), or ``None`` after padding it with blank cells
        to the header's width."""
        size, width = len(row), self.width
        if size > width:
            i_id = self.layout.index[0]
            case_id = row[i_id] if i_id < size else ""
            return RowResult(
                line,
                case_id,
                None,
                CaseError(
                    f"the row has {size} cells, the header {width}: a value may hold an "
                    "unquoted comma",
                    f"该行有{size}个单元格,表头只有{width}列:可能有未加引号的逗号",
                    line=line,
                    case_id=case_id,
                ),
            )
        if size == 0 or not any(cell.strip() for cell in row):
            self.blank_rows += 1
            return BLANK
        row.extend([""] * (width - size))
        return None

    def blank(self, row: Sequence[str]) -> bool:
        """Whether a row has no value at all (an empty line, or only commas): such a row is
        skipped and counted (:attr:`blank_rows`), not reported as malformed."""
        if any(cell.strip() for cell in row):
            return False
        self.blank_rows += 1
        return True

    def spanned(self, row: Sequence[str], line: int, end: int) -> RowResult | None:
        """The malformed result of a row read from lines ``line``–``end`` when a quote opened
        on ``line`` swallowed the lines after it (a cell holding a line break and a comma:
        the rows it swallowed); ``None`` for a row whose multi-line cell looks meant (a line
        break typed into a cell, with no comma)."""
        for cell in row:
            if ("\n" in cell or "\r" in cell) and "," in cell:
                break
        else:
            return None
        return RowResult(
            line,
            "",
            None,
            CaseError(
                f'a quote (") opened on this line is not closed on it: lines {line}–{end} '
                f"were read as one row and lines {line + 1}–{end} were not audited; close the "
                'quote on this line (a quote inside a value is written twice: "")',
                f'本行的引号(")没有在本行闭合,第{line}—{end}行被读成了一行,第{line + 1}—{end}行'
                '未核查:请在本行补上闭合的引号(值中的引号应写作两个引号 "")',
                line=line,
            ),
        )

    def __iter__(self) -> Iterator[RowResult]:
        reader = self.reader
        auditor = self.auditor
        width = self.width
        pick = self.pick
        read, audit = auditor.reader.read, auditor.clock.audit
        previous = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                line = previous + 1
                previous = reader.line_num
                yield self.bad_csv(error, line)
                continue
            line = previous + 1
            previous = reader.line_num
            if previous != line:  # a row over several lines: a quoted line break
                spanned = self.spanned(row, line, previous)
                if spanned is not None:
                    yield spanned
                    continue
            if len(row) != width:
                misfit = self.misfit(row, line)
                if misfit is BLANK:
                    continue
                if misfit is not None:
                    yield misfit
                    continue
            row.append("")
            picked = pick(row)
            try:
                record = audit(picked, read(picked))
                result = RowResult(line, record.case_id, record=record)
            except CaseError:
                if self.blank(row):
                    continue
                result = auditor.refused(picked, line)  # the error path, with its message
            yield result


def audit_csv(
    stream: Iterable[str],
    *,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    policy: AuditPolicy | None = None,
    catalogue: Catalogue | None = None,
    delimiter: str = ",",
) -> CsvAudit:
    """Audit a CSV text stream with a header row (open files with ``newline=""``).

    Returns an iterable of :class:`RowResult`, one per data row, numbered by the input
    line each row starts on; :class:`LayoutError` is raised here if the header is unusable.
    ``delimiter``: ``,`` (default), ``;`` or a tab (:func:`gov_deadlines.dialect.sniffed`
    tells which a file uses).
    """
    return CsvAudit(
        stream,
        as_of=as_of,
        calendar=calendar,
        policy=policy,
        catalogue=catalogue,
        delimiter=delimiter,
    )
