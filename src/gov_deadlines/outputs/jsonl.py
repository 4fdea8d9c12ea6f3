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
from typing import TYPE_CHECKING, TextIO

from gov_deadlines.cases.channels import Channel
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
    from gov_deadlines.cases.clock import CaseRecord

__all__ = ["case_json", "write_jsonl"]

#: A text as pydantic writes it in JSON: quoted, escaped, non-ASCII as it is.
_STR = encode_basestring
_BOOL = {True: "true", False: "false"}
#: The enum values the lines hold, as written (a dict read is ~4x faster than ``.value``)
_VALUE: Mapping[enum.Enum, str] = MappingProxyType(
    {m: format(m.value, "") for kind in (Channel, CaseResult, DutyKind, Status) for m in kind}
)


#: The findings that say how a receipt was read: their texts follow from their arguments alone
_RECEIPT_CODES = frozenset({"receipt_assumed", "receipt_moved"})


def _finding_json(finding: Finding, zh: bool) -> str:
    return (
        f'{{"code":{_STR(finding.code)},"problem":{_BOOL[finding.code in PROBLEM_CODES]},'
        f'"warning":{_BOOL[finding.code in WARNING_CODES]},'
        f'"text":{_STR(finding_text(finding, zh))}}}'
    )


def _num(value: int | None) -> str:
    return "null" if value is None else str(value)


class _Quoted:
    """The JSON texts of a writer's day indices, enum values and stamps, each made once."""

    __slots__ = ("days", "findings", "moved", "stamps", "texts")

    def __init__(self, texts: DayTexts) -> None:
        self.texts = texts
        #: A day index's JSON (``None``: ``null``), read inline by the line's writer
        self.days: dict[int | None, str] = {None: "null"}
        self.stamps: dict[str, str] = {}
        #: How a receipt was read (its code and arguments, with their types: a provisional
        #: date equals its plain date but is written with its mark) → its JSON, per language
        self.findings: dict[tuple[object, ...], str] = {}
        #: The findings' JSON of a case whose only finding is its receipt moved off a rest
        #: day: the clock, the two day indices and the language decide it
        self.moved: dict[tuple[object, int, int, bool], str] = {}

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
        code, args = finding.code, finding.args
        if code not in _RECEIPT_CODES:
            return _finding_json(finding, zh)
        key = (zh, code, args, tuple(map(type, args)))
        found = self.findings.get(key)
        if found is None:
            found = _finding_json(finding, zh)
            if len(self.findings) < 100_000:
                self.findings[key] = found
        return found

    def stamp(self, record: CaseRecord) -> str:
        text = case_stamp_text(record, self.texts.stamps)
        found = self.stamps.get(text)
        if found is None:
            found = self.stamps[text] = _STR(text)
        return found


def case_json(
    row: RowResult, record: CaseRecord, lang: Lang = "zh", texts: DayTexts | None = None
) -> str:
    """The JSON of an audited row, the bytes of ``row.to_record(lang).model_dump_json()``."""
    return _case_json(row, record, is_zh(lang), _Quoted(texts or DayTexts()))


def _findings_json(findings: tuple[Finding, ...], zh: bool, quoted: _Quoted) -> str:
    finding_json = quoted.finding
    return ",".join(finding_json(finding, zh) for finding in findings)


def _case_json(row: RowResult, record: CaseRecord, zh: bool, quoted: _Quoted) -> str:
    for finding in record.notes:
        if finding.code == "receipt_disputed":  # its alternatives: the record's own JSON
            return row.to_record("zh" if zh else "en").model_dump_json()
    day, known = quoted.day, quoted.days.get
    findings: tuple[Finding, ...] = record.notes
    found: str | None = None
    if record.assumed or record.receipt != record.raw:
        if not record.assumed and not findings:
            moved_key = (record.clock, record.raw, record.receipt, zh)
            found = quoted.moved.get(moved_key)
            if found is None:
                found = _findings_json(CaseVerdict(record).findings, zh, quoted)
                if len(quoted.moved) < 100_000:
                    quoted.moved[moved_key] = found
        else:
            findings = CaseVerdict(record).findings
    if found is None:
        found = _findings_json(findings, zh, quoted) if findings else ""
    as_of = record.clock.as_of
    as_of_json = "null" if as_of is None else '"' + as_of.isoformat() + '"'
    value = _VALUE
    duties = ",".join(
        f'{{"duty":"{value[kind]}","due_date":{known(due) or day(record, due)},'
        f'"done_on":{known(done) or day(record, done)},"status":"{value[status]}",'
        f'"late_by_workdays":{_num(late_by_workdays)},"late_by_days":{late_by_days},'
        f'"remaining_workdays":{_num(remaining)},"provisional":{_BOOL[provisional]}}}'
        for kind, due, done, status, late_by_workdays, late_by_days, remaining, provisional in record.duties
    )
    version = record.version
    return (
        f'{{"line":{row.line},"case_id":{_STR(record.case_id)},'
        f'"result":"{value[record.result]}","channel":"{value[record.channel]}",'
        f'"receipt_date":{known(record.receipt) or day(record, record.receipt)},'
        f'"recorded_receipt_date":{known(record.raw) or day(record, record.raw)},'
        f'"receipt_field":"{record.basis}","receipt_assumed":{_BOOL[record.assumed]},'
        f'"version":{_STR(version.label)},"rule":{_STR(version.reply.id)},'
        f'"clock_start":{known(record.start) or day(record, record.start)},'
        f'"base_due_date":{known(record.base_due) or day(record, record.base_due)},'
        f'"excluded_workdays":{record.excluded},"extension_workdays":{record.extension_days},'
        f'"as_of":{as_of_json},'
        f'"provisional":{_BOOL[record.provisional]},"stamp":{quoted.stamp(record)},'
        f'"duties":[{duties}],"findings":[{found}],"explanation":null,'
        '"receipt_alternatives":[]}'
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
    quoted = _Quoted(DayTexts())
    zh = is_zh(lang)
    add, write = summary.add, stream.write
    chunk: list[str] = []
    for row in results:
        add(row)
        record = row.record
        if (
            record is not None
            and not explanation
            and (record.clock.as_of is None or type(record.clock.as_of) is dt.date)
        ):
            chunk.append(_case_json(row, record, zh, quoted))
        else:
            chunk.append(row.to_record(lang, explanation=explanation).model_dump_json())
        if len(chunk) > 255:
            chunk.append("")
            write("\n".join(chunk))
            chunk.clear()
    if chunk:
        chunk.append("")
        write("\n".join(chunk))
    count_blank_rows(results, summary)
    return summary
