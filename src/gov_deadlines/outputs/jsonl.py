"""JSON Lines of a batch audit: one JSON object per input row (``docs/audit.md``).

Each line is the row's record (:meth:`RowResult.to_record
<gov_deadlines.cases.RowResult.to_record>`) as ``model_dump_json()`` writes it. An audited
case's line is written straight from the clock's record (:class:`~gov_deadlines.cases.clock.CaseRecord`)
with the same keys in the same order, the same values and the same escaping — pydantic's
per-row cost alone made JSON Lines two and a half times slower than the per-case CSV;
``tests/outputs/test_jsonl_lines.py`` holds the two to the same bytes. With explanations,
a row that could not be read, or an audit day that is not a plain date, the record's own
JSON is written.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from json.encoder import encode_basestring
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, TextIO

from gov_deadlines.calendar.day import ProvisionalDate
from gov_deadlines.cases.channels import Channel, Party
from gov_deadlines.cases.duties import (
    PROBLEM_CODES,
    WARNING_CODES,
    DutyKind,
    Finding,
    finding_text,
)
from gov_deadlines.cases.stamping import case_stamp_text
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.outputs.case_csv import DayTexts
from gov_deadlines.outputs.summary import Summary, count_blank_rows
from gov_deadlines.vocabulary import CaseResult, Lang, Status, is_zh

if TYPE_CHECKING:
    from gov_deadlines.cases.batch import RowResult
    from gov_deadlines.cases.clock_record import CaseRecord, DutyRow
    from gov_deadlines.cases.versions import ReplyVersion

__all__ = ["case_json", "write_jsonl"]

#: A text as pydantic writes it in JSON: quoted, escaped, non-ASCII as it is.
_STR = encode_basestring
_BOOL = {True: "true", False: "false"}
#: The enum values the lines hold, as written (a dict read is ~4x faster than ``.value``)
_VALUE: Mapping[enum.Enum, str] = MappingProxyType(
    {m: format(m.value, "") for kind in (Channel, CaseResult, DutyKind, Status) for m in kind}
)


#: How many of its longer texts (findings, duties' ends, a line's stretches) a writer
#: keeps in each memo: a hundred bytes to a few hundred each, so that the memos of a
#: writer of millions of rows stay bounded (~30 MB at most)
_LONG_TEXTS = 20_000
#: The types of a finding's arguments that are plain values: its JSON follows from them (and
#: the language) alone. Others (a calendar's error, a tuple of dates) are not memoised.
_PLAIN_ARGS = frozenset(
    {str, int, bool, type(None), dt.date, ProvisionalDate, Channel, Party, DutyKind}
)


def _finding_json(finding: Finding, zh: bool) -> str:
    return (
        f'{{"code":{_STR(finding.code)},"problem":{_BOOL[finding.code in PROBLEM_CODES]},'
        f'"warning":{_BOOL[finding.code in WARNING_CODES]},'
        f'"text":{_STR(finding_text(finding, zh))}}}'
    )


def _num(value: int | None) -> str:
    return "null" if value is None else str(value)


#: A duty's JSON up to its due date, by kind
_DUTY_HEAD: Mapping[DutyKind, str] = MappingProxyType(
    {kind: f'{{"duty":"{kind.value}","due_date":' for kind in DutyKind}
)


def _duty_tail(
    status: Status,
    late_by_workdays: int | None,
    late_by_days: int,
    remaining: int | None,
    provisional: bool,
) -> str:
    """A duty's JSON after its ``done_on``: its status and counts."""
    return (
        f'"status":"{_VALUE[status]}","late_by_workdays":{_num(late_by_workdays)},'
        f'"late_by_days":{late_by_days},"remaining_workdays":{_num(remaining)},'
        f'"provisional":{_BOOL[provisional]}}}'
    )


class _Quoted:
    """The JSON texts a writer writes again and again, each made once: day indices, receipt
    findings, duties' statuses, and the stretches of a line between its dates, which follow
    from a few of the case's values (a batch has few distinct ones).

    Day indices count from one calendar's first day (``base``): a writer meeting a record
    of another calendar starts a new one."""

    __slots__ = ("base", "days", "duty_tails", "findings", "frames", "moved", "texts")

    def __init__(self, texts: DayTexts, base: int) -> None:
        self.texts = texts
        self.base = base
        #: A day index's JSON (``None``: ``null``), read inline by the line's writer
        self.days: dict[int | None, str] = {None: "null"}
        #: A finding of plain values (its code and arguments, with their types: a provisional
        #: date equals its plain date but is written with its mark) → its JSON, per language
        self.findings: dict[tuple[object, ...], str] = {}
        #: The findings' JSON of a case whose only finding is its receipt moved off a rest
        #: day: the clock, the two day indices and the language decide it
        self.moved: dict[tuple[object, int, int, bool], str] = {}
        #: A duty's status and counts (the last five values of its row) → its JSON's end
        self.duty_tails: dict[tuple[object, ...], str] = {}
        #: A line's texts between its dates (:meth:`frame`), by the values they hold
        self.frames: dict[tuple[object, ...], _Frame] = {}

    def day(self, record: CaseRecord, i: int | None) -> str:
        if i is None:
            return "null"
        found = self.days.get(i)
        if found is None:
            found = f'"{self.texts.text(record, i)}"'
            if len(self.days) < 100_000:
                self.days[i] = found
        return found

    def finding(self, finding: Finding, zh: bool) -> str:
        args = finding.args
        types = tuple(map(type, args))
        if not _PLAIN_ARGS.issuperset(types):
            return _finding_json(finding, zh)
        key = (zh, finding.code, args, types)
        found = self.findings.get(key)
        if found is None:
            found = _finding_json(finding, zh)
            if len(self.findings) < _LONG_TEXTS:
                self.findings[key] = found
        return found

    def duty_tail(self, duty: DutyRow) -> str:
        key = duty[3:]
        found = self.duty_tails.get(key)
        if found is None:
            found = _duty_tail(*key)
            if len(self.duty_tails) < _LONG_TEXTS:
                self.duty_tails[key] = found
        return found

    def frame(self, record: CaseRecord) -> _Frame:
        """The texts of a line from ``result`` to ``receipt_date``, from ``receipt_field``
        to ``clock_start`` and from ``excluded_workdays`` to the ``duties`` list."""
        stamp = case_stamp_text(record, self.texts.stamps)
        version, as_of = record.version, record.clock.as_of
        key = (
            record.result,
            record.channel,
            record.basis,
            record.assumed,
            id(version),
            record.excluded,
            record.extension_days,
            record.provisional,
            stamp,
            as_of,
        )
        found = self.frames.get(key)
        if found is None:
            value = _VALUE
            as_of_json = "null" if as_of is None else f'"{as_of.isoformat()}"'
            found = _Frame(
                f'"result":"{value[record.result]}","channel":"{value[record.channel]}",'
                '"receipt_date":',
                f',"receipt_field":"{record.basis}","receipt_assumed":{_BOOL[record.assumed]},'
                f'"version":{_STR(version.label)},"rule":{_STR(version.reply.id)},'
                '"clock_start":',
                f',"excluded_workdays":{record.excluded},'
                f'"extension_workdays":{record.extension_days},"as_of":{as_of_json},'
                f'"provisional":{_BOOL[record.provisional]},"stamp":{_STR(stamp)},"duties":[',
                version,  # held: its id in the key is not reused while the memo lives
            )
            if len(self.frames) < _LONG_TEXTS:
                self.frames[key] = found
        return found


class _Frame(NamedTuple):
    """A line's texts between its dates (see :meth:`_Quoted.frame`)."""

    head: str
    receipt: str
    tail: str
    version: ReplyVersion


def case_json(
    row: RowResult, record: CaseRecord, lang: Lang = "zh", texts: DayTexts | None = None
) -> str:
    """The JSON of an audited row, the bytes of ``row.to_record(lang).model_dump_json()``."""
    quoted = _Quoted(texts or DayTexts(), record.clock.days.base)
    return _case_json(row, record, is_zh(lang), quoted)


def _findings_json(findings: tuple[Finding, ...], zh: bool, quoted: _Quoted) -> str:
    if len(findings) == 1:  # the most common: no generator
        return quoted.finding(findings[0], zh)
    finding_json = quoted.finding
    return ",".join([finding_json(finding, zh) for finding in findings])


def _case_json(row: RowResult, record: CaseRecord, zh: bool, quoted: _Quoted) -> str:
    findings: tuple[Finding, ...] = record.notes
    for finding in findings:
        if finding.code == "receipt_disputed":  # its alternatives: the record's own JSON
            return row.to_record("zh" if zh else "en").model_dump_json()
    day, known = quoted.day, quoted.days.get
    receipt, raw = record.receipt, record.raw
    receipt_json = known(receipt) or day(record, receipt)
    found = ""
    if record.assumed or receipt != raw:
        raw_json = known(raw) or day(record, raw)
        if not record.assumed and not findings:
            moved_key = (record.clock, raw, receipt, zh)
            moved = quoted.moved.get(moved_key)
            if moved is None:
                moved = _findings_json(CaseVerdict(record).findings, zh, quoted)
                if len(quoted.moved) < _LONG_TEXTS:
                    quoted.moved[moved_key] = moved
            found = moved
        else:
            found = _findings_json(CaseVerdict(record).findings, zh, quoted)
    else:
        raw_json = receipt_json
        if findings:
            found = _findings_json(findings, zh, quoted)
    start, base_due = record.start, record.base_due
    start_json = receipt_json if start == receipt else known(start) or day(record, start)
    base_json = known(base_due) or day(record, base_due)
    duty_tail, duty_head = quoted.duty_tail, _DUTY_HEAD
    duties = record.duties
    if len(duties) == 1:
        duty = duties[0]
        due, done = duty[1], duty[2]
        duties_json = (
            f"{duty_head[duty[0]]}"
            f"{base_json if due == base_due else known(due) or day(record, due)}"
            f',"done_on":{known(done) or day(record, done)},{duty_tail(duty)}'
        )
    else:
        duties_json = ",".join(
            [
                f"{duty_head[duty[0]]}{known(duty[1]) or day(record, duty[1])},"
                f'"done_on":{known(duty[2]) or day(record, duty[2])},{duty_tail(duty)}'
                for duty in duties
            ]
        )
    head, receipt_text, tail, _ = quoted.frame(record)
    return (
        f'{{"line":{row.line},"case_id":{_STR(record.case_id)},{head}{receipt_json},'
        f'"recorded_receipt_date":{raw_json}{receipt_text}{start_json},'
        f'"base_due_date":{base_json}{tail}{duties_json}],"findings":[{found}],'
        '"explanation":null,"receipt_alternatives":[]}'
    )


def write_jsonl(
    results: Iterable[RowResult],
    stream: TextIO,
    *,
    lang: Lang = "zh",
    explanation: bool = False,
    summary: Summary | None = None,
) -> Summary:
    """One JSON object per line and per result; return the summary."""
    summary = summary if summary is not None else Summary()
    quoted: _Quoted | None = None
    zh = is_zh(lang)
    add, write = summary.add, stream.write
    chunk: list[str] = []
    append = chunk.append
    clock: object = None
    # Whether the lines of the clock's records are written straight from them: not with
    # explanations, nor for an audit day that is not a plain date (their records' JSON)
    direct = False
    for row in results:
        add(row)
        record = row.record
        if record is not None and record.clock is not clock:
            clock = record.clock
            as_of = record.clock.as_of
            direct = not explanation and (as_of is None or type(as_of) is dt.date)
            base = record.clock.days.base
            if direct and (quoted is None or quoted.base != base):
                quoted = _Quoted(DayTexts(), base)
        if record is not None and direct and quoted is not None:
            append(_case_json(row, record, zh, quoted))
        else:
            append(row.to_record(lang, explanation=explanation).model_dump_json())
        if len(chunk) > 255:
            chunk.append("")
            write("\n".join(chunk))
            chunk.clear()
    if chunk:
        chunk.append("")
        write("\n".join(chunk))
    count_blank_rows(results, summary)
    return summary
