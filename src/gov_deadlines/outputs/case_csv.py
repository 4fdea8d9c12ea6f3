"""The per-case CSV of a batch audit: one row per input row, columns :data:`CASE_COLUMNS`.

:func:`case_cells` gives the cells of one :class:`~gov_deadlines.cases.RowResult`;
:func:`write_case_rows` writes the rows of any result stream after the header (the general
path). :func:`gov_deadlines.outputs.write_case_csv` writes the whole file, and takes the
fast path (:mod:`gov_deadlines.outputs.case_csv_fast`) for a
:class:`~gov_deadlines.cases.CsvAudit`: both write the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from gov_deadlines.cases.duties import DutyKind
from gov_deadlines.cases.model import Channel
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.outputs.summary import RESULTS, Summary, count_blank_rows, result_label
from gov_deadlines.vocabulary import Status

if TYPE_CHECKING:
    from gov_deadlines.cases.batch import RowResult

__all__ = [
    "CASE_COLUMNS",
    "CHANNEL_TEXT",
    "PROVISIONAL_TEXT",
    "RESULT_TEXT",
    "case_cells",
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
)


#: The result column's text of each result, in Chinese (``True``) and English (``False``).
RESULT_TEXT = {
    True: {key: result_label(key, "zh") for key in RESULTS},
    False: {key: result_label(key, "en") for key in RESULTS},
}
#: The channel column's text of each channel, in Chinese (``True``) and English (``False``).
CHANNEL_TEXT = {
    True: {channel: channel.label("zh") for channel in Channel},
    False: {channel: channel.label("en") for channel in Channel},
}
_ON_TIME_TEXT = {True: Status.ON_TIME.label("zh"), False: Status.ON_TIME.label("en")}
#: The ``provisional`` column: whether a date of the row rests on provisional calendar data.
PROVISIONAL_TEXT = {True: {True: "是", False: "否"}, False: {True: "yes", False: "no"}}


_ISO: dict[dt.date, str] = {}
_ISO_CACHE_LIMIT = 200_000


def _iso_text(day: dt.date) -> str:
    """``day.isoformat()``, remembered (a batch has few distinct dates)."""
    text = _ISO.get(day)
    if text is None:
        text = day.isoformat()
        if len(_ISO) < _ISO_CACHE_LIMIT:
            _ISO[day] = text
    return text


def receipt_note(verdict: CaseVerdict, zh: bool) -> str:
    """The receipt_note column: assumed, and/or moved off a rest day."""
    note = ("假定" if zh else "assumed") if verdict.receipt_assumed else ""
    if verdict.receipt_date != verdict.recorded_receipt_date:
        recorded = verdict.recorded_receipt_date.isoformat()
        moved = f"顺延(记录为{recorded})" if zh else f"moved from {recorded}"
        note = f"{note};{moved}" if note else moved
    return note


def case_cells(row: RowResult, zh: bool, lang: str) -> list[str]:
    """The per-case CSV's cells of one row, in :data:`CASE_COLUMNS` order."""
    verdict = row.verdict
    if verdict is None:
        error = row.error
        assert error is not None
        reason = error.problem_zh if zh else error.problem
        label = RESULT_TEXT[zh]["malformed"]
        return [
            str(row.line),
            row.case_id,
            label,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            reason,
        ]
    duties = verdict.duties
    reply = duties[-1]
    receipt = verdict.receipt_date
    iso = _ISO.get
    receipt_text = iso(receipt) or _iso_text(receipt)
    due = reply.due_date
    done = reply.done_on
    status = reply.status
    if len(duties) == 1 and not verdict.notes:
        # The common case: a reply only, nothing to note.
        start = verdict.clock_start
        return [
            str(row.line),
            verdict.case_id,
            RESULT_TEXT[zh][verdict.result],
            CHANNEL_TEXT[zh][verdict.channel],
            receipt_text,
            receipt_note(verdict, zh)
            if verdict.receipt_assumed or receipt is not verdict.recorded_receipt_date
            else "",
            verdict.version,
            receipt_text if start is receipt else (_iso_text(start) if start is not None else ""),
            "",
            "",
            str(verdict.excluded_workdays),
            "",
            (iso(due) or _iso_text(due)) if due is not None else "",
            PROVISIONAL_TEXT[zh][verdict.provisional],
            (iso(done) or _iso_text(done)) if done is not None else "",
            _ON_TIME_TEXT[zh] if status is Status.ON_TIME else reply.status_text(lang),
            str(reply.late_by_workdays) if reply.late_by_workdays and status.is_late else "0",
            "",
            "",
        ]
    if len(duties) == 1:
        supplement = extension = None
        worst = reply.late_by_workdays if reply.late_by_workdays and reply.status.is_late else 0
    else:
        supplement = extension = None
        worst = 0
        for duty in duties:
            kind = duty.kind
            if kind is DutyKind.SUPPLEMENT_NOTICE:
                supplement = duty
            elif kind is DutyKind.EXTENSION:
                extension = duty
            if duty.late_by_workdays and duty.status.is_late and duty.late_by_workdays > worst:
                worst = duty.late_by_workdays
    note = receipt_note(verdict, zh)
    warnings = notes = ""
    if verdict.notes:  # the receipt's own notes are in the receipt_note column
        warn, other = [], []
        for finding in verdict.notes:
            if finding.warning:
                warn.append(finding.text(lang))
            else:
                other.append(finding.text(lang))
        warnings = " ".join(warn)
        notes = " ".join(other)
    if extension is None:
        ext_text = ""
    elif extension.status is Status.ON_TIME and verdict.extension_workdays:
        ext_text = (
            f"有效,延长{verdict.extension_workdays}个工作日"
            if zh
            else f"valid, {verdict.extension_workdays} working days"
        )
    else:
        ext_text = extension.status_text(lang)
        if extension.status.is_late:
            ext_text = f"无效:{ext_text}" if zh else f"invalid: {ext_text}"
    start = verdict.clock_start
    return [
        str(row.line),
        verdict.case_id,
        RESULT_TEXT[zh][verdict.result],
        CHANNEL_TEXT[zh][verdict.channel],
        receipt_text,
        note,
        verdict.version,
        receipt_text if start is receipt else (_iso_text(start) if start is not None else ""),
        _iso_text(supplement.due_date) if supplement is not None and supplement.due_date else "",
        supplement.status_text(lang) if supplement is not None else "",
        str(verdict.excluded_workdays),
        ext_text,
        (iso(due) or _iso_text(due)) if due is not None else "",
        PROVISIONAL_TEXT[zh][verdict.provisional],
        (iso(done) or _iso_text(done)) if done is not None else "",
        _ON_TIME_TEXT[zh] if reply.status is Status.ON_TIME else reply.status_text(lang),
        str(worst),
        warnings,
        notes,
    ]


def write_case_rows(
    results: Iterable[RowResult], stream: TextIO, *, zh: bool, lang: str, summary: Summary
) -> None:
    """Write the per-case CSV's rows of ``results`` (after the header), adding each to
    ``summary``: the general path, for any result stream."""
    writer = csv.writer(stream)
    add = summary.add
    write = stream.write
    writerow = writer.writerow
    separators = len(CASE_COLUMNS) - 1
    join = ",".join
    for row in results:
        add(row)
        cells = case_cells(row, zh, lang)
        line = join(cells)
        # Most rows hold nothing that needs quoting: write them joined, as csv.writer
        # would; hand the others to csv.writer.
        if (
            line.count(",") == separators
            and '"' not in line
            and "\n" not in line
            and "\r" not in line
        ):
            write(line + "\r\n")
        else:
            writerow(cells)
    count_blank_rows(results, summary)
