"""The per-case CSV of a batch audit: one row per input row, columns :data:`CASE_COLUMNS`.

:func:`case_cells` gives the cells of one :class:`~gov_deadlines.cases.RowResult`;
:func:`write_case_rows` writes the rows of any result stream after the header;
:func:`gov_deadlines.outputs.write_case_csv` writes the whole file. The cells are read from
the clock's record of each case (:class:`~gov_deadlines.cases.clock.CaseRecord`): no
verdict, duty or date object is made for a row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from gov_deadlines.cases.duties import WARNING_CODES, DutyKind, finding_text, status_text
from gov_deadlines.cases.model import Channel
from gov_deadlines.cases.stamping import StampMemo, case_stamp_text
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.outputs.summary import RESULTS, Summary, count_blank_rows, result_label
from gov_deadlines.vocabulary import CaseResult, Status

if TYPE_CHECKING:
    from gov_deadlines.cases.batch import RowResult
    from gov_deadlines.cases.clock_record import CaseRecord

__all__ = [
    "CASE_COLUMNS",
    "CHANNEL_TEXT",
    "PROVISIONAL_TEXT",
    "RESULT_TEXT",
    "DayTexts",
    "case_cells",
    "csv_line",
    "receipt_note",
    "write_case_rows",
]


# -- the cells of a row ---------------------------------------------------------------------------

#: The per-case CSV's columns: key, Chinese header, English header.
CASE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("line", "行号", "line"),
    ("case_id", "编号", "case_id"),
    ("result", "结果", "result"),
    ("channel", "渠道", "channel"),
    ("receipt", "收到申请日", "receipt"),
    ("receipt_note", "收到日说明", "receipt_note"),
    ("version", "适用条例", "version"),
    ("clock_start", "答复起算日", "clock_start"),
    ("supplement_due", "补正告知期限", "supplement_due"),
    ("supplement_status", "补正告知情况", "supplement_status"),
    ("excluded_workdays", "排除工作日", "excluded_workdays"),
    ("extension_status", "延期情况", "extension_status"),
    ("reply_due", "答复期限", "reply_due"),
    ("provisional", "临时推算", "provisional"),
    ("replied", "答复日期", "replied"),
    ("reply_status", "答复情况", "reply_status"),
    ("max_late_workdays", "最长逾期工作日", "max_late_workdays"),
    ("warnings", "提示", "warnings"),
    ("notes", "说明与问题", "notes"),
    ("stamp", "数据版本", "stamp"),
)


#: The result column's text of each result, in Chinese (``True``) and English (``False``).
RESULT_TEXT: dict[bool, dict[str, str]] = {
    True: {key: result_label(key, "zh") for key in RESULTS},
    False: {key: result_label(key, "en") for key in RESULTS},
}
#: The channel column's text of each channel, in Chinese (``True``) and English (``False``).
CHANNEL_TEXT = {
    True: {channel: channel.label("zh") for channel in Channel},
    False: {channel: channel.label("en") for channel in Channel},
}
_ON_TIME_TEXT = {True: Status.ON_TIME.label("zh"), False: Status.ON_TIME.label("en")}
_ON_TIME, _LATE, _OVERDUE = Status.ON_TIME, Status.LATE, Status.OVERDUE
_SUPPLEMENT, _EXTENSION = DutyKind.SUPPLEMENT_NOTICE, DutyKind.EXTENSION
#: The ``provisional`` column: whether a date of the row rests on provisional calendar data.
PROVISIONAL_TEXT = {True: {True: "是", False: "否"}, False: {True: "yes", False: "no"}}


def _moved_note(assumed: bool, recorded: str | None, zh: bool) -> str:
    """The receipt_note column: assumed, and/or moved off a rest day (from ``recorded``)."""
    note = ("假定" if zh else "assumed") if assumed else ""
    if recorded is not None:
        moved = f"顺延(记录为{recorded})" if zh else f"moved from {recorded}"
        note = f"{note};{moved}" if note else moved
    return note


def receipt_note(verdict: CaseVerdict, zh: bool) -> str:
    """The receipt_note column: assumed, and/or moved off a rest day."""
    moved = verdict.receipt_date != verdict.recorded_receipt_date
    recorded = verdict.recorded_receipt_date.isoformat() if moved else None
    return _moved_note(verdict.receipt_assumed, recorded, zh)


class DayTexts:
    """The ISO texts of a batch's day indices, each worked out once (a batch has few
    distinct dates); one per writer, never shared. Indices count from one calendar's first
    day: :meth:`of` gives the memo for a record's days, emptied when a record counts from
    another first day than the records before it (a writer given the rows of audits over
    calendars of different spans)."""

    __slots__ = ("base", "memo", "stamps")

    def __init__(self) -> None:
        #: The first day (ordinal) the indices of :attr:`memo` count from
        self.base: int | None = None
        self.memo: dict[int, str] = {}
        #: The stamp column's texts (cases.stamping.case_stamp_text)
        self.stamps = StampMemo()

    def of(self, record: CaseRecord) -> dict[int, str]:
        """The memo of the texts of ``record``'s day indices."""
        base = record.clock.days.base
        if base != self.base:
            self.base = base
            self.memo = {}
        return self.memo

    def text(self, record: CaseRecord, i: int) -> str:
        memo = self.of(record)
        found = memo.get(i)
        if found is None:
            found = record.clock.days.date(i).isoformat()
            if len(memo) < 100_000:
                memo[i] = found
        return found


def case_cells(row: RowResult, zh: bool, lang: str, texts: DayTexts | None = None) -> list[str]:
    """The per-case CSV's cells of one row, in :data:`CASE_COLUMNS` order."""
    record = row.record
    if record is None:
        error = row.error
        assert error is not None
        reason = error.problem_zh if zh else error.problem
        label = RESULT_TEXT[zh][CaseResult.MALFORMED]
        return [str(row.line), row.case_id, label, *[""] * 15, reason, ""]
    if texts is None:
        texts = DayTexts()
    memo = texts.of(record)
    text = texts.text
    receipt, raw = record.receipt, record.raw
    receipt_text = memo.get(receipt) or text(record, receipt)
    if receipt != raw:
        note = _moved_note(record.assumed, memo.get(raw) or text(record, raw), zh)
    elif record.assumed:
        note = "假定" if zh else "assumed"
    else:
        note = ""
    supplement = extension = None
    worst: int | None = 0  # None: a late duty's working days cannot be counted
    duties = record.duties
    for duty in duties:
        kind = duty[0]
        if kind is _SUPPLEMENT:
            supplement = duty
        elif kind is _EXTENSION:
            extension = duty
        if duty[3] is _LATE or duty[3] is _OVERDUE:
            late_by = duty[4]
            if late_by is None:
                worst = None
            elif worst is not None and late_by > worst:
                worst = late_by
    reply = duties[-1]
    warnings = notes = ""
    if record.notes:  # the receipt's own notes are in the receipt_note column
        warn, other = [], []
        for finding in record.notes:
            if finding.code in WARNING_CODES:
                warn.append(finding_text(finding, zh))
            else:
                other.append(finding_text(finding, zh))
        warnings = " ".join(warn)
        notes = " ".join(other)
    if extension is None:
        ext_text = ""
    elif extension[3] is _ON_TIME and record.extension_days:
        days = record.extension_days
        ext_text = f"有效,延长{days}个工作日" if zh else f"valid, {days} working days"
    else:
        ext_text = status_text(extension[3], extension[4], extension[5], extension[6], lang)
        if extension[3] is _LATE or extension[3] is _OVERDUE:
            ext_text = f"无效:{ext_text}" if zh else f"invalid: {ext_text}"
    start = record.start
    due, done, status = reply[1], reply[2], reply[3]
    return [
        str(row.line),
        record.case_id,
        RESULT_TEXT[zh][record.result],
        CHANNEL_TEXT[zh][record.channel],
        receipt_text,
        note,
        record.version.label,
        "" if start is None else receipt_text if start == receipt else text(record, start),
        text(record, supplement[1]) if supplement is not None and supplement[1] is not None else "",
        status_text(supplement[3], supplement[4], supplement[5], supplement[6], lang)
        if supplement is not None
        else "",
        str(record.excluded),
        ext_text,
        "" if due is None else memo.get(due) or text(record, due),
        PROVISIONAL_TEXT[zh][record.provisional],
        "" if done is None else memo.get(done) or text(record, done),
        _ON_TIME_TEXT[zh]
        if status is _ON_TIME
        else status_text(status, reply[4], reply[5], reply[6], lang),
        "" if worst is None else str(worst),
        warnings,
        notes,
        case_stamp_text(record, texts.stamps),
    ]


def write_case_rows(
    results: Iterable[RowResult], stream: TextIO, *, zh: bool, lang: str, summary: Summary
) -> None:
    """Write the per-case CSV's rows of ``results`` (after the header), adding each to
    ``summary``: the general path, for any result stream."""
    chunk: list[str] = []
    add = summary.add
    write = stream.write
    texts = DayTexts()
    memo, text, stamps = texts.memo, texts.text, texts.stamps
    results_text, channels, provisional_text = (
        RESULT_TEXT[zh],
        CHANNEL_TEXT[zh],
        PROVISIONAL_TEXT[zh],
    )
    statuses: dict[tuple[Status, int | None, int, int | None], str] = {}
    quoted_stamps: dict[str, str] = {}  # a stamp's cell, quoted once (its hash is cached)
    on_time = _ON_TIME_TEXT[zh]
    assumed_text = "假定" if zh else "assumed"
    clock = None
    for row in results:
        add(row)
        record = row.record
        if record is not None and record.clock is not clock:
            clock = record.clock
            memo = texts.of(record)  # another clock: its indices may count from another day
        if record is not None and not record.notes and len(record.duties) == 1:
            # A reply only, nothing noted: the cells of case_cells, without its lists.
            receipt, raw = record.receipt, record.raw
            receipt_text = memo.get(receipt) or text(record, receipt)
            if receipt != raw:
                note = _moved_note(record.assumed, memo.get(raw) or text(record, raw), zh)
            else:
                note = assumed_text if record.assumed else ""
            _, due, done, status, late_by, late_days, remaining, _ = record.duties[0]
            late_cell: int | str
            if status is _ON_TIME:
                status_cell, late_cell = on_time, 0
            else:
                key = (status, late_by, late_days, remaining)
                status_cell = statuses.get(key) or statuses.setdefault(
                    key, _quoted(status_text(status, late_by, late_days, remaining, lang))
                )
                late_cell = _late_cell(status, late_by)
            start = record.start
            stamp = case_stamp_text(record, stamps)
            stamp_cell = quoted_stamps.get(stamp)
            if stamp_cell is None:
                stamp_cell = quoted_stamps[stamp] = _quoted(stamp)
            line = (
                f"{row.line},{record.case_id},{results_text[record.result]},"
                f"{channels[record.channel]},{receipt_text},{note},{record.version.label},"
                f"{'' if start is None else receipt_text if start == receipt else text(record, start)}"
                f",,,{record.excluded},,{'' if due is None else memo.get(due) or text(record, due)},"
                f"{provisional_text[record.provisional]},"
                f"{'' if done is None else memo.get(done) or text(record, done)},{status_cell},"
                f"{late_cell},,,"
                f"{stamp_cell}"
            )
            case_id = record.case_id
            if "," in case_id or '"' in case_id or "\n" in case_id or "\r" in case_id:
                chunk.append(csv_line(case_cells(row, zh, lang, texts)))
            else:
                chunk.append(line + "\r\n")
        else:
            chunk.append(csv_line(case_cells(row, zh, lang, texts)))
        if len(chunk) > 511:
            write("".join(chunk))
            chunk.clear()
    write("".join(chunk))
    count_blank_rows(results, summary)


def _late_cell(status: Status, late_by: int | None) -> int | str:
    """The max_late_workdays cell of a row whose only duty is the reply: its working days
    late, blank when they cannot be counted (never 0 for want of holiday data)."""
    if status is _LATE or status is _OVERDUE:
        return "" if late_by is None else late_by
    return 0  # pending, waiting, undetermined: not late


def csv_line(cells: list[str]) -> str:
    """The line ``csv.writer`` writes for ``cells`` (minimal quoting, CRLF): most rows hold
    nothing to quote and are written joined; in the others only the cells that need it are
    quoted (csv.writer itself took a third longer on such rows)."""
    line = ",".join(cells)
    if (
        line.count(",") == len(cells) - 1
        and '"' not in line
        and "\n" not in line
        and "\r" not in line
    ):
        return line + "\r\n" if line or len(cells) != 1 else '""\r\n'
    return ",".join(map(_quoted, cells)) + "\r\n"


def _quoted(cell: str) -> str:
    """A cell as csv.writer writes it (minimal quoting)."""
    if "," in cell or '"' in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell
