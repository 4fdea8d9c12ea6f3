"""The batch audit's fast path: an input CSV straight to the per-case CSV.

:func:`~gov_deadlines.audit_report.write_case_csv` hands a
:class:`~gov_deadlines.batch.CsvAudit` to :func:`write_case_rows`, which writes exactly what
the general path writes — the rows :func:`~gov_deadlines.audit_report._case_cells` makes of
the audit's :class:`~gov_deadlines.batch.RowResult` stream — and leaves the same
:class:`~gov_deadlines.audit_report.Summary`, without building a result object per row
where none is needed.

Most cases in a year's file are *plain*: no 补正, no consultation, no extension. The
receipt, the version and the reply's due date of a plain case depend only on four cells —
channel, submitted, signed for, confirmed — and a file holds few distinct combinations of
them. Each combination is audited once, by the clock itself (:func:`_plan`: a case with
those cells and no reply, through the same parser and ``_evaluate`` as every other row),
and its output cells are rendered once. A plain row then costs a dictionary look-up, the
comparison of its reply date with the due date (a late one judged by the clock's own
``_judge``), and one formatted line.

Every other row — not plain, a date or channel not seen before, a reply before the
receipt, a reply still pending, one of the late cases the summary keeps as examples, a
malformed row — goes through the general path, row by row, in order.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from typing import TextIO

from .audit_report import _ISO, _ON_TIME_TEXT, _RESULT_TEXT, Summary, _case_cells, _iso_text
from .batch import _DATES, CsvAudit, RowResult, _facts
from .case_clock import _evaluate, _judge
from .case_model import CaseError, _Facts
from .case_results import CaseVerdict, DutyKind, Finding, Status

__all__ = ["PLAN_LIMIT", "write_case_rows"]

#: At most this many receipt situations are remembered per file (well under 1 kB each);
#: rows beyond take the general path.
PLAN_LIMIT = 20_000
_CHUNK = 512  # lines written to the stream at once
_SEPARATORS = 17  # the commas of a per-case CSV line that needs no quoting
_BLANK = ("",) * 9  # the cells after "confirmed" of a plain case without its reply


class _Plan:
    """A plain row's receipt situation, audited once: the recorded receipt (a reply before
    it is an error), the reply's due date, the version, the per-case CSV's cells from the
    channel up to the due date (joined), and how many rows replied on time."""

    __slots__ = ("due", "middle", "on_time", "raw_receipt", "version")

    def __init__(self, raw_receipt: dt.date, due: dt.date, version: str, middle: str) -> None:
        self.raw_receipt = raw_receipt
        self.due = due
        self.version = version
        self.middle = middle
        self.on_time = 0


def _plan_of(facts: _Facts, verdict: CaseVerdict, cells: list[str]) -> _Plan | None:
    """The receipt situation a plain row's audit shows, for the other rows with the same
    receipt cells; ``None`` if such rows must take the general path (a calendar gap, a
    text that needs quoting)."""
    reply = verdict.duties[-1]
    if len(verdict.duties) != 1 or reply.due is None:
        return None
    assert facts.raw_receipt is not None
    middle = ",".join(cells[3:13])
    if middle.count(",") != 9 or '"' in middle or "\n" in middle or "\r" in middle:
        return None
    return _Plan(facts.raw_receipt, reply.due, verdict.version, middle)


def _field(text: str) -> str:
    """A cell as csv.writer writes it (minimal quoting)."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def write_case_rows(
    audit: CsvAudit, stream: TextIO, *, zh: bool, lang: str, summary: Summary
) -> None:
    """Write the per-case CSV rows of ``audit`` (the header is already written) and count
    them into ``summary``: the output of the general path, faster."""
    reader = audit._reader
    auditor = audit._auditor
    width, pick = audit._width, audit._pick
    cal, as_of = auditor.calendar, auditor.as_of
    policy, versions = auditor.policy, auditor.versions
    plans: dict[tuple[str, str, str, str], _Plan | None] = {}
    get_plan, get_date, get_iso = plans.get, _DATES.get, _ISO.get
    ok_text, late_text = _RESULT_TEXT[zh]["ok"], _RESULT_TEXT[zh]["late"]
    on_time_text = _ON_TIME_TEXT[zh]
    reply_kind, pending = DutyKind.REPLY, Status.PENDING
    examples, keep = summary.late_examples, summary.keep
    add = summary.add
    write = stream.write

    # Lines are gathered and written in chunks; csv.writer, for a line that needs quoting,
    # writes into the same chunk, so the order holds.
    chunk: list[str] = []
    append = chunk.append
    sink = _Sink(append)
    writerow = csv.writer(sink).writerow
    join = ",".join

    def general(result: RowResult) -> list[str]:
        add(result)
        cells = _case_cells(result, zh, lang)
        line = join(cells)
        if (
            line.count(",") == _SEPARATORS
            and '"' not in line
            and "\n" not in line
            and "\r" not in line
        ):
            append(line + "\r\n")
        else:
            writerow(cells)
        return cells

    # The late rows written here, counted by (version, status), and their worst delays;
    # the on-time ones are counted on their plans. All are added to the summary at the end.
    late: dict[tuple[str, Status], int] = {}
    worst: dict[Status, int] = {Status.LATE: 0, Status.OVERDUE: 0}
    status_cells: dict[str, str] = {}  # a late reply's status text, as a CSV cell
    previous = reader.line_num
    try:
        while True:
            if len(chunk) >= _CHUNK:
                write("".join(chunk))
                chunk.clear()
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                line = previous + 1
                previous = reader.line_num
                general(audit._bad_csv(error, line))
                continue
            line = previous + 1
            previous = reader.line_num
            if len(row) != width:
                misfit = audit._misfit(row, line)
                if misfit is not None:
                    general(misfit)
                    continue
            row.append("")
            picked = pick(row)
            (case_id, channel, submitted, signed, confirmed, requested, arrived, _, sent, _,
             approved, told, days, replied_text) = picked  # fmt: skip
            plan = replied = key = None
            if not (requested or arrived or sent or approved or told or days):
                key = (channel, submitted, signed, confirmed)
                plan = get_plan(key)
                if plan is not None and replied_text:
                    replied = get_date(replied_text)
                    if replied is None or replied < plan.raw_receipt:
                        plan = None  # a date not seen yet, or a reply before the receipt
            if plan is None:
                try:
                    facts = _facts(picked)
                    verdict = _evaluate(facts, cal, as_of, policy, versions)
                except CaseError:
                    general(auditor.cells(picked, line))  # the error path, with its message
                    continue
                cells = general(RowResult(line, facts.case_id, verdict))
                if key is not None and key not in plans and len(plans) < PLAN_LIMIT:
                    # The first plain row with these receipt cells: its audit is the plan of
                    # the next ones (None: they too take the general path).
                    plans[key] = _plan_of(facts, verdict, cells)
                continue
            due = plan.due
            if "," in case_id or '"' in case_id or "\n" in case_id or "\r" in case_id:
                case_id = _field(case_id)
            if replied is not None and replied <= due:
                plan.on_time += 1
                append(
                    f"{line},{case_id},{ok_text},{plan.middle},"
                    f"{get_iso(replied) or _iso_text(replied)},{on_time_text},0,,\r\n"
                )
                continue
            findings: list[Finding] = []
            duty = _judge(reply_kind, due, replied, cal, as_of, policy, findings)
            status = duty.status
            if status is pending or findings or len(examples) < keep:
                # Pending (perhaps due soon), or one of the late cases the summary keeps as
                # examples (with their verdicts): the general path.
                facts = _facts(picked)
                verdict = _evaluate(facts, cal, as_of, policy, versions)
                general(RowResult(line, facts.case_id, verdict))
                continue
            counted = (plan.version, status)
            late[counted] = late.get(counted, 0) + 1
            late_by = duty.late_by or 0
            if late_by > worst[status]:
                worst[status] = late_by
            status_text = duty.status_text(lang)
            cell = status_cells.get(status_text)
            if cell is None:
                cell = status_cells[status_text] = _field(status_text)
            done = (get_iso(replied) or _iso_text(replied)) if replied is not None else ""
            append(f"{line},{case_id},{late_text},{plan.middle},{done},{cell},{late_by},,\r\n")
    finally:
        if chunk:
            write("".join(chunk))
        _merge(summary, plans, late, worst, as_of)


class _Sink:
    """Where csv.writer writes a line that needs quoting: into the chunk."""

    __slots__ = ("write",)

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write = write


def _merge(
    summary: Summary,
    plans: dict[tuple[str, str, str, str], _Plan | None],
    late: dict[tuple[str, Status], int],
    worst: dict[Status, int],
    as_of: dt.date | None,
) -> None:
    """Add the counts of the rows written on the fast path to the summary, as
    :meth:`Summary.add` would have row by row (each such case has one duty, the reply)."""
    counts = dict(late)
    for plan in plans.values():
        if plan is not None and plan.on_time:
            counted = (plan.version, Status.ON_TIME)
            counts[counted] = counts.get(counted, 0) + plan.on_time
    if not counts:
        return
    if summary.as_of is None:
        summary.as_of = as_of
    reply = summary.duties[DutyKind.REPLY]
    for (version, status), count in counts.items():
        summary.total += count
        summary.results["ok" if status is Status.ON_TIME else "late"] += count
        summary.versions[version] = summary.versions.get(version, 0) + count
        reply[status] += count
    max_late = summary.max_late[DutyKind.REPLY]
    for status, days in worst.items():
        if days > max_late[status]:
            max_late[status] = days
