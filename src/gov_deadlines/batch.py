"""The batch audit of OGI application cases: rows in, one result per row out, streaming.

:func:`audit_cases` audits any iterable of rows (mappings with the CSV layout's column
names, mappings shaped like :class:`~gov_deadlines.cases.Case`, or ``Case`` objects);
:func:`audit_csv` reads a CSV file with a header row. Both are generators yielding one
:class:`RowResult` per input row, in order, in constant memory: a malformed row yields a
result carrying its line number and the reason, and the batch goes on.

The writers turn the results into a per-case CSV (UTF-8 with BOM, for Excel and WPS),
JSON Lines, a Markdown summary, or the supervision form of seed 002; each returns the
:class:`Summary` it accumulated (counts that add up to the input).

The hot path parses rows with plain code into the clock's internal facts (no pydantic
per row), reuses one calendar and renders no explanation unless asked.
``docs/audit.md`` documents the layout, the outputs and the policy choices.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TextIO

from .cases import (
    DEFAULT_POLICY,
    AuditPolicy,
    Case,
    CaseError,
    CaseVerdict,
    Channel,
    DutyKind,
    Party,
    Status,
    _evaluate,
    _Facts,
    _norm,
    _problem,
    _versions,
    field_label,
    parse_case,
)
from .errors import DateParseError, GovDeadlinesError
from .supervision import SupervisionRow, render_markdown
from .supervision import write_csv as write_form_csv
from .textdates import parse_date
from .workcalendar import WorkCalendar, default_calendar

if TYPE_CHECKING:
    from .catalogue import Catalogue

__all__ = [
    "COLUMNS",
    "LayoutError",
    "RowResult",
    "Summary",
    "audit_cases",
    "audit_csv",
    "form_rows",
    "write_case_csv",
    "write_jsonl",
]

# -- the input layout ---------------------------------------------------------------------------

#: The input columns: field, Chinese name, English name, and other accepted spellings.
COLUMNS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("case_id", "编号", "case_id", ("案件编号", "申请编号", "序号", "id", "case", "case no")),
    ("channel", "渠道", "channel", ("提交方式", "申请方式", "提交渠道", "申请渠道")),
    ("submitted", "提交日期", "submitted", ("申请日期", "提交时间", "submission date")),
    ("signed_for", "签收日期", "signed_for", ("签收时间", "signed for")),
    ("confirmed", "确认日期", "confirmed", ("确认时间", "双方确认日期")),
    ("supplement_requested", "补正告知日期", "supplement_requested", ("告知补正日期", "补正告知")),
    ("supplement_received", "补正到达日期", "supplement_received", ("收到补正日期", "补正日期")),
    ("consultation_party", "征求意见对象", "consultation_party", ("征求对象", "consulted party")),
    ("consultation_sent", "征求意见发出日期", "consultation_sent", ("征求意见日期", "征求意见发出")),
    (
        "consultation_answered",
        "征求意见答复日期",
        "consultation_answered",
        ("征求意见回复日期", "征求意见答复"),
    ),
    ("extension_approved", "延期批准日期", "extension_approved", ("延期审批日期", "延期批准")),
    ("extension_told", "延期告知日期", "extension_told", ("告知延期日期", "延期告知")),
    ("extension_days", "延期工作日", "extension_days", ("延期天数", "延长工作日", "延期工作日数")),
    ("replied", "答复日期", "replied", ("答复时间", "reply date", "reply")),
)
FIELDS = tuple(column[0] for column in COLUMNS)
_F = {name: index for index, name in enumerate(FIELDS)}
_SENTINEL = len(FIELDS)  # the index of an always-blank cell, for absent columns
_ALIASES: dict[str, int] = {}
for _index, (_field, _zh, _en, _more) in enumerate(COLUMNS):
    for _alias in (_field, _zh, _en, *_more):
        _ALIASES[_norm(_alias)] = _index
#: Separator of several consultations in one cell: ``2026-04-01;2026-05-06``.
LIST_SEPARATORS = re.compile(r"[;；]")


class LayoutError(GovDeadlinesError, ValueError):
    """The input as a whole cannot be read: no header, a required column missing, a column
    given twice. Attributes: ``problem`` (English) and ``problem_zh``."""

    def __init__(self, problem: str, problem_zh: str) -> None:
        self.problem = problem
        self.problem_zh = problem_zh
        super().__init__(f"{problem}. The layout is described in docs/audit.md.")
        self.zh = f"{problem_zh}。格式说明见 docs/audit.md。"


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each field is in the CSV rows (``index[i]`` is the column of ``FIELDS[i]``)."""

    header: tuple[str, ...]
    index: tuple[int, ...]
    ignored: tuple[str, ...]

    @classmethod
    def from_header(cls, header: list[str]) -> Layout:
        if not header or not any(cell.strip() for cell in header):
            raise LayoutError(
                "the file has no header row (the first line must name the columns)",
                "文件没有表头(第一行应为列名)",
            )
        width = len(header)
        index = [width] * len(FIELDS)  # width: the blank cell appended to every row
        ignored: list[str] = []
        for column, name in enumerate(header):
            found = _ALIASES.get(_norm(name.lstrip("\ufeff")))
            if found is None:
                if name.strip():
                    ignored.append(name)
                continue
            if index[found] != width:
                zh, en = COLUMNS[found][1], COLUMNS[found][2]
                raise LayoutError(
                    f"the column {zh}/{en} is given twice (columns {index[found] + 1} and "
                    f"{column + 1})",
                    f"列 {zh}/{en} 出现了两次(第{index[found] + 1}列和第{column + 1}列)",
                )
            index[found] = column
        if index[_F["channel"]] == width:
            raise LayoutError(
                "the header has no channel column (渠道/channel)", "表头缺少“渠道/channel”列"
            )
        if all(index[_F[name]] == width for name in ("submitted", "signed_for", "confirmed")):
            raise LayoutError(
                "the header has no date of receipt: give at least one of 提交日期/submitted, "
                "签收日期/signed_for, 确认日期/confirmed",
                "表头缺少收到申请的日期列:至少需要 提交日期/submitted、签收日期/signed_for、"
                "确认日期/confirmed 之一",
            )
        return cls(tuple(header), tuple(index), tuple(ignored))


# -- reading one row ----------------------------------------------------------------------------

_DATES: dict[str, dt.date] = {}
_DATE_CACHE_LIMIT = 200_000
_CHANNELS: dict[str, Channel] = {}
_PARTIES: dict[str, Party] = {}


def _bad(field: str, text: object, what_en: str, what_zh: str) -> CaseError:
    return CaseError(
        f"{field_label(field, 'en')} ({field}): {what_en} {text!r}",
        f"{field_label(field)}:{what_zh} {text!r}",
        field=field,
    )


def _date_slow(value: object, field: str) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise _bad(field, value, "not a date:", "不是日期:")
    text = value.strip()
    if not text:
        return None
    try:
        day = parse_date(text)
    except DateParseError:
        raise _bad(
            field, value, "cannot read the date (write 2026-03-02 or 2026年3月2日)",
            "无法识别日期(请写作 2026-03-02 或 2026年3月2日)",
        ) from None
    if text[0].isdigit() and len(_DATES) < _DATE_CACHE_LIMIT:  # never cache 今天 / today
        _DATES[value] = day
    return day


def _channel(value: object) -> Channel:
    if isinstance(value, Channel):
        return value
    if not isinstance(value, str) or not value.strip():
        raise _bad("channel", value, "missing or unknown channel", "缺少或无法识别渠道")
    try:
        channel = Channel.parse(value)
    except ValueError:
        raise _bad(
            "channel", value,
            "unknown channel (use 当面/挂号信/平信/网络/传真 or in_person/registered_post/"
            "ordinary_letter/internet/fax)",
            "无法识别的渠道(应为 当面/挂号信/平信/网络/传真 之一)",
        ) from None
    if len(_CHANNELS) < 1000:
        _CHANNELS[value] = channel
    return channel


def _party(value: object) -> Party:
    if isinstance(value, Party):
        return value
    if not isinstance(value, str) or not value.strip():
        return Party.THIRD_PARTY
    party = _PARTIES.get(value)
    if party is None:
        try:
            party = Party.parse(value)
        except ValueError:
            raise _bad(
                "consultation_party", value,
                "unknown consulted party (use 第三方/其他机关 or third_party/agency)",
                "无法识别的征求意见对象(应为 第三方 或 其他机关)",
            ) from None
        if len(_PARTIES) < 1000:
            _PARTIES[value] = party
    return party


def _split(value: object) -> list[Any]:
    if isinstance(value, str):
        return [part.strip() for part in LIST_SEPARATORS.split(value)]
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _consultations(
    parties: object, sent: object, answered: object
) -> tuple[tuple[Party, dt.date, dt.date | None], ...]:
    sent_list = _split(sent)
    answered_list = _split(answered) if answered else []
    party_list = _split(parties) if parties else []
    count = len(sent_list)
    if len(answered_list) > count:
        raise CaseError(
            f"consultation_answered has {len(answered_list)} dates but consultation_sent has "
            f"{count}: give them in pairs, separated by ';'",
            f"征求意见答复日期有{len(answered_list)}个,发出日期只有{count}个:请按顺序成对填写,以“;”分隔",
            field="consultation_answered",
        )
    if len(party_list) > 1 and len(party_list) != count:
        raise CaseError(
            f"consultation_party has {len(party_list)} values for {count} consultations: give "
            "one for all or one each",
            f"征求意见对象有{len(party_list)}个,征求意见有{count}次:请填写一个(全部适用)或逐次填写",
            field="consultation_party",
        )
    items = []
    for number in range(count):
        day = _date(sent_list[number], "consultation_sent")
        if day is None:
            raise _bad(
                "consultation_sent", sent, "a consultation without its sent date:",
                "征求意见缺少发出日期:",
            )
        answer = _date(answered_list[number], "consultation_answered") if number < len(
            answered_list
        ) else None
        who = party_list[0 if len(party_list) == 1 else number] if party_list else ""
        items.append((_party(who), day, answer))
    return tuple(items)


def _date(value: Any, field: str) -> dt.date | None:
    if not value:
        return None
    day = _DATES.get(value) if type(value) is str else None
    if day is None:
        return _date_slow(value, field)
    return day


def _days(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    match = re.fullmatch(r"(\d{1,4})\s*(个?工作日|wd|working\s*days?)?", text, re.IGNORECASE)
    if not match:
        if not text:
            return None
        raise _bad(
            "extension_days", value, "not a whole number of working days",
            "不是工作日数(应为整数,如 20)",
        )
    return int(match.group(1))


def _facts(cells: Sequence[Any]) -> _Facts:
    """A row's facts from its cells in FIELDS order (raises :class:`CaseError`)."""
    (case_id, channel_text, submitted, signed, confirmed, requested, arrived, parties, sent,
     answered, approved, told, days, replied) = cells
    get = _DATES.get
    channel = _CHANNELS.get(channel_text) if type(channel_text) is str else None
    facts = _Facts(
        case_id if type(case_id) is str else str(case_id),
        channel if channel is not None else _channel(channel_text),
        (get(submitted) or _date_slow(submitted, "submitted")) if submitted else None,
        (get(signed) or _date_slow(signed, "signed_for")) if signed else None,
        (get(confirmed) or _date_slow(confirmed, "confirmed")) if confirmed else None,
        (get(requested) or _date_slow(requested, "supplement_requested")) if requested else None,
        (get(arrived) or _date_slow(arrived, "supplement_received")) if arrived else None,
        _consultations(parties, sent, answered) if sent else (),
        (get(approved) or _date_slow(approved, "extension_approved")) if approved else None,
        (get(told) or _date_slow(told, "extension_told")) if told else None,
        _days(days) if days else None,
        (get(replied) or _date_slow(replied, "replied")) if replied else None,
    )
    found = _problem(facts)
    if found is not None:
        field, problem, problem_zh = found
        raise CaseError(problem, problem_zh, field=field)
    return facts


# -- results ------------------------------------------------------------------------------------


@dataclass(slots=True)
class RowResult:
    """The outcome of one input row: a verdict, or the reason the row could not be read."""

    line: int
    case_id: str
    verdict: CaseVerdict | None = None
    error: CaseError | None = None

    @property
    def result(self) -> str:
        """``ok``, ``late``, ``problem``, ``open``, ``undetermined`` or ``malformed``."""
        verdict = self.verdict
        return verdict.result if verdict is not None else "malformed"

    @property
    def late(self) -> bool:
        return self.verdict is not None and self.verdict.late

    def to_dict(self, lang: str = "zh", *, explanation: bool = False) -> dict[str, Any]:
        if self.verdict is not None:
            return {"line": self.line, **self.verdict.to_dict(lang, explanation=explanation)}
        error = self.error
        assert error is not None
        return {
            "line": self.line,
            "case_id": self.case_id,
            "result": "malformed",
            "error": {"field": error.field, "message": error.message(lang)},
        }


class _Auditor:
    """One batch's settings, resolved once."""

    __slots__ = ("as_of", "calendar", "policy", "versions")

    def __init__(
        self,
        as_of: dt.date | None,
        calendar: WorkCalendar | None,
        policy: AuditPolicy | None,
        catalogue: Catalogue | None,
    ) -> None:
        self.as_of = as_of
        self.calendar = calendar if calendar is not None else default_calendar()
        self.policy = policy or DEFAULT_POLICY
        self.versions = _versions(catalogue)

    def cells(self, cells: Sequence[Any], line: int) -> RowResult:
        try:
            facts = _facts(cells)
            verdict = _evaluate(facts, self.calendar, self.as_of, self.policy, self.versions)
        except CaseError as error:
            case_id = cells[0] if isinstance(cells[0], str) else str(cells[0] or "")
            reported = error
            if not any(str(cell).strip() for cell in cells):
                reported = CaseError("the row is empty", "空行")
            return RowResult(line, case_id, None, reported.at(line=line, case_id=case_id))
        return RowResult(line, facts.case_id, verdict)

    def case(self, case: Case, line: int) -> RowResult:
        try:
            verdict = _evaluate(
                case._facts(), self.calendar, self.as_of, self.policy, self.versions
            )
        except CaseError as error:
            return RowResult(line, case.case_id, None, error.at(line=line, case_id=case.case_id))
        return RowResult(line, case.case_id, verdict)


_LIST_FIELDS = frozenset({_F["consultation_party"], _F["consultation_sent"], _F["consultation_answered"]})


def _mapping_cells(row: Mapping[Any, Any]) -> list[Any]:
    cells: list[Any] = [""] * _SENTINEL
    for key, value in row.items():
        index = _ALIASES.get(_norm(key)) if isinstance(key, str) else None
        if index is None or value is None:
            continue
        if not isinstance(value, (str, int, dt.date, Channel, Party)) and not (
            index in _LIST_FIELDS and isinstance(value, (list, tuple))
        ):
            value = str(value)
        cells[index] = value
    return cells


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
    auditor = _Auditor(as_of, calendar, policy, catalogue)
    line = first_line - 1
    for row in rows:
        line += 1
        if isinstance(row, Case):
            yield auditor.case(row, line)
        elif isinstance(row, Mapping):
            if "consultations" in row or "extension" in row:
                try:
                    case = parse_case(row)
                except CaseError as error:
                    case_id = str(row.get("case_id", "") or "")
                    yield RowResult(line, case_id, None, error.at(line=line, case_id=case_id))
                    continue
                yield auditor.case(case, line)
            else:
                yield auditor.cells(_mapping_cells(row), line)
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


class CsvAudit:
    """An audit of a CSV stream: the header is read at once (a :class:`LayoutError` is raised
    there), the rows as the object is iterated."""

    def __init__(
        self,
        stream: Iterable[str],
        *,
        as_of: dt.date | None = None,
        calendar: WorkCalendar | None = None,
        policy: AuditPolicy | None = None,
        catalogue: Catalogue | None = None,
    ) -> None:
        self._reader = csv.reader(stream)
        try:
            header = next(self._reader)
        except StopIteration:
            raise LayoutError("the file is empty", "文件为空") from None
        except csv.Error as error:
            raise LayoutError(f"cannot read the header row ({error})", f"无法读取表头({error})") from None
        self.layout = Layout.from_header(header)
        self._auditor = _Auditor(as_of, calendar, policy, catalogue)

    @property
    def ignored_columns(self) -> tuple[str, ...]:
        return self.layout.ignored

    def __iter__(self) -> Iterator[RowResult]:
        reader = self._reader
        auditor = self._auditor
        index = self.layout.index
        width = len(self.layout.header)
        i_id = index[0]
        pick = itemgetter(*index)
        cells = auditor.cells
        make_facts, evaluate = _facts, _evaluate
        cal, as_of, policy, versions = auditor.calendar, auditor.as_of, auditor.policy, auditor.versions
        previous = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                line = previous + 1
                previous = reader.line_num
                yield RowResult(
                    line, "", None,
                    CaseError(f"not valid CSV ({error})", f"CSV格式错误({error})", line=line),
                )
                continue
            line = previous + 1
            previous = reader.line_num
            size = len(row)
            if size != width:
                if size > width:
                    case_id = row[i_id] if i_id < size else ""
                    yield RowResult(
                        line, case_id, None,
                        CaseError(
                            f"the row has {size} cells, the header {width}: a value may hold an "
                            "unquoted comma",
                            f"该行有{size}个单元格,表头只有{width}列:可能有未加引号的逗号",
                            line=line,
                            case_id=case_id,
                        ),
                    )
                    continue
                if size == 0 or not any(cell.strip() for cell in row):
                    yield RowResult(
                        line, "", None,
                        CaseError("the row is empty", "空行", line=line),
                    )
                    continue
                row.extend([""] * (width - size))
            row.append("")
            picked = pick(row)
            try:
                facts = make_facts(picked)
                result = RowResult(line, facts.case_id, evaluate(facts, cal, as_of, policy, versions))
            except CaseError:
                result = cells(picked, line)  # the error path, with its message
            yield result


def audit_csv(
    stream: Iterable[str],
    *,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    policy: AuditPolicy | None = None,
    catalogue: Catalogue | None = None,
) -> CsvAudit:
    """Audit a CSV text stream with a header row (open files with ``newline=""``).

    Returns an iterable of :class:`RowResult`, one per data row, numbered by the input
    line each row starts on; :class:`LayoutError` is raised here if the header is unusable.
    """
    return CsvAudit(stream, as_of=as_of, calendar=calendar, policy=policy, catalogue=catalogue)


# -- the summary --------------------------------------------------------------------------------

RESULTS = ("ok", "late", "problem", "open", "undetermined", "malformed")
_RESULT_LABELS = {
    "ok": ("全部按时", "all on time"),
    "late": ("有逾期", "late"),
    "problem": ("有其他问题", "other problems"),
    "open": ("办理中", "open"),
    "undetermined": ("无法计算", "undetermined"),
    "malformed": ("数据有误", "malformed"),
}
_STATUSES = tuple(Status)
_KINDS = tuple(DutyKind)


def result_label(result: str, lang: str = "zh") -> str:
    return _RESULT_LABELS[result][0 if lang.startswith("zh") else 1]


class Summary:
    """Counts over a batch, accumulated row by row in constant memory.

    ``results`` counts rows by :attr:`RowResult.result` (they add up to ``total``);
    ``duties[kind][status]`` counts duties; examples of late cases and of malformed rows
    are kept up to ``keep`` each.
    """

    def __init__(self, as_of: dt.date | None = None, *, keep: int = 100) -> None:
        self.as_of = as_of
        self.keep = keep
        self.total = 0
        self.results = dict.fromkeys(RESULTS, 0)
        self.duties = {kind: dict.fromkeys(_STATUSES, 0) for kind in _KINDS}
        self.max_late = {kind: {Status.LATE: 0, Status.OVERDUE: 0} for kind in _KINDS}
        self.versions: dict[str, int] = {}
        self.extension_over_cap = 0
        self.warnings = 0
        self.late_examples: list[tuple[int, str, CaseVerdict]] = []
        self.malformed_examples: list[tuple[int, str, CaseError]] = []
        self.ignored_columns: tuple[str, ...] = ()

    def add(self, row: RowResult) -> None:
        self.total += 1
        verdict = row.verdict
        if verdict is None:
            self.results["malformed"] += 1
            if len(self.malformed_examples) < self.keep:
                assert row.error is not None
                self.malformed_examples.append((row.line, row.case_id, row.error))
            return
        if self.as_of is None:
            self.as_of = verdict.as_of
        result = verdict.result
        self.results[result] += 1
        version = verdict.version
        self.versions[version] = self.versions.get(version, 0) + 1
        late = False
        for duty in verdict.duties:
            status = duty.status
            self.duties[duty.kind][status] += 1
            if status is Status.LATE or status is Status.OVERDUE:
                late = True
                worst = self.max_late[duty.kind]
                if (duty.late_by or 0) > worst[status]:
                    worst[status] = duty.late_by or 0
        if verdict.notes:
            for finding in verdict.notes:
                if finding.code == "extension_over_cap":
                    self.extension_over_cap += 1
                elif finding.code == "due_soon":
                    self.warnings += 1
        if late and len(self.late_examples) < self.keep:
            self.late_examples.append((row.line, row.case_id, verdict))

    @property
    def late(self) -> bool:
        """Whether any duty was done late or is overdue."""
        return self.results["late"] > 0

    @property
    def malformed(self) -> int:
        return self.results["malformed"]

    def exit_code(self) -> int:
        """2 when a row was malformed, else 1 when any duty is late, else 0."""
        if self.malformed:
            return 2
        return 1 if self.late else 0

    # -- renderings --------------------------------------------------------------------------

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "total": self.total,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "results": dict(self.results),
            "versions": dict(self.versions),
            "duties": {
                kind.value: {status.value: count for status, count in counts.items()}
                for kind, counts in self.duties.items()
            },
            "max_late_workdays": {
                kind.value: {status.value: days for status, days in worst.items()}
                for kind, worst in self.max_late.items()
            },
            "extension_over_cap": self.extension_over_cap,
            "warnings": self.warnings,
            "malformed_rows": [
                {"line": line, "case_id": case_id, "field": error.field, "message": error.message(lang)}
                for line, case_id, error in self.malformed_examples
            ],
            "ignored_columns": list(self.ignored_columns),
        }

    def markdown(self, lang: str = "zh") -> str:
        """The summary as Markdown: counts by result and by duty, then examples."""
        zh = lang.startswith("zh")
        out: list[str] = []
        out.append("# 依申请公开案件核查汇总" if zh else "# Audit of OGI application cases")
        out.append("")
        as_of = self.as_of.isoformat() if self.as_of else ("未指定" if zh else "not given")
        out.append(f"核查日:{as_of}。输入{self.total}行(不含表头)。" if zh else f"Audit day: {as_of}. Input rows (header excluded): {self.total}.")
        if self.ignored_columns:
            names = "、".join(self.ignored_columns) if zh else ", ".join(self.ignored_columns)
            out.append(f"未使用的列:{names}。" if zh else f"Columns not used: {names}.")
        out.append("")
        out.append("| 结果 | 件数 |" if zh else "| Result | Cases |")
        out.append("|---|---:|")
        for key in RESULTS:
            out.append(f"| {result_label(key, lang)} | {self.results[key]} |")
        out.append(f"| **{'合计' if zh else 'Total'}** | **{sum(self.results.values())}** |")
        out.append("")
        if self.versions:
            parts = [
                (f"{label}年条例 {count} 件" if zh else f"{label} 条例: {count}")
                for label, count in sorted(self.versions.items())
            ]
            out.append(("适用版本:" if zh else "Versions: ") + ("," if zh else ", ").join(parts))
            out.append("")
        statuses = _STATUSES
        head = "| 职责 | " + " | ".join(s.label("zh") for s in statuses) + " | 合计 |" if zh else (
            "| Duty | " + " | ".join(s.label("en") for s in statuses) + " | Total |"
        )
        out.append(head)
        out.append("|---|" + "---:|" * (len(statuses) + 1))
        for kind in _KINDS:
            counts = self.duties[kind]
            cells = " | ".join(str(counts[s]) for s in statuses)
            out.append(f"| {kind.label(lang)} | {cells} | {sum(counts.values())} |")
        out.append("")
        if self.warnings:
            out.append(
                f"即将到期提示:{self.warnings} 项(见明细)。" if zh else f"Due-soon warnings: {self.warnings} (see the details)."
            )
            out.append("")
        problems = _problem_texts(self, lang)
        if any(problems.values()):
            out.append("## 存在问题" if zh else "## Problems found")
            out.append("")
            for kind in _KINDS:
                for text in problems[kind]:
                    out.append(f"- {kind.label(lang)}:{text}" if zh else f"- {kind.label(lang)}: {text}")
            out.append("")
        if self.late_examples:
            shown = len(self.late_examples)
            total_late = self.results["late"]
            out.append(
                f"## 逾期案件(列出{shown}件,共{total_late}件)" if zh else f"## Late cases ({shown} shown of {total_late})"
            )
            out.append("")
            out.append("| 行号 | 编号 | 情况 |" if zh else "| Line | Case | Finding |")
            out.append("|---:|---|---|")
            for line, case_id, verdict in self.late_examples:
                texts = [d.summary(lang) for d in verdict.duties if d.status.is_late]
                joined = ";".join(texts) if zh else "; ".join(texts)
                out.append(f"| {line} | {_md(case_id)} | {_md(joined)} |")
            out.append("")
        if self.malformed_examples:
            shown = len(self.malformed_examples)
            out.append(
                f"## 数据有误的行(列出{shown}行,共{self.malformed}行)" if zh else f"## Malformed rows ({shown} shown of {self.malformed})"
            )
            out.append("")
            out.append("| 行号 | 编号 | 原因 |" if zh else "| Line | Case | Reason |")
            out.append("|---:|---|---|")
            for line, case_id, error in self.malformed_examples:
                reason = error.problem_zh if zh else error.problem
                out.append(f"| {line} | {_md(case_id)} | {_md(reason)} |")
            out.append("")
        return "\n".join(out)


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def _problem_texts(summary: Summary, lang: str) -> dict[DutyKind, list[str]]:
    zh = lang.startswith("zh")
    as_of = summary.as_of.isoformat() if summary.as_of else ""
    texts: dict[DutyKind, list[str]] = {kind: [] for kind in _KINDS}
    for kind in _KINDS:
        counts, worst = summary.duties[kind], summary.max_late[kind]
        late, overdue = counts[Status.LATE], counts[Status.OVERDUE]
        undetermined = counts[Status.UNDETERMINED]
        if kind is DutyKind.REPLY:
            what_late = ("逾期答复", "replies late")
            what_overdue = ("逾期未答复", "not replied and overdue")
        elif kind is DutyKind.SUPPLEMENT_NOTICE:
            what_late = ("逾期告知补正", "corrections asked for late")
            what_overdue = ("逾期未告知补正", "corrections not asked for and overdue")
        else:
            what_late = (
                "延期晚于原答复期限批准或告知(延期无效)",
                "extensions approved or told after the original deadline (invalid)",
            )
            what_overdue = ("延期未告知申请人(延期无效)", "extensions never told to the applicant (invalid)")
        if late:
            texts[kind].append(
                f"{late}件{what_late[0]},最长逾期{worst[Status.LATE]}个工作日"
                if zh
                else f"{late} {what_late[1]}, the latest by {worst[Status.LATE]} working day(s)"
            )
        if overdue:
            until = f"(截至{as_of})" if zh and as_of else (f" (as of {as_of})" if as_of else "")
            texts[kind].append(
                f"{overdue}件{what_overdue[0]},最长已逾期{worst[Status.OVERDUE]}个工作日{until}"
                if zh
                else f"{overdue} {what_overdue[1]}, the longest by {worst[Status.OVERDUE]} "
                f"working day(s){until}"
            )
        if kind is DutyKind.EXTENSION and summary.extension_over_cap:
            n = summary.extension_over_cap
            texts[kind].append(
                f"{n}件延期超过最长期限(按上限计)" if zh else f"{n} extensions longer than allowed (capped)"
            )
        if undetermined:
            texts[kind].append(
                f"{undetermined}件因缺少日历数据无法计算"
                if zh
                else f"{undetermined} undetermined (no calendar data)"
            )
    return texts


_TASKS = {
    DutyKind.SUPPLEMENT_NOTICE: (
        "申请内容不明确的,自收到申请之日起7个工作日内一次性告知申请人作出补正(《政府信息公开条例》第三十条)",
        "Ask once for the correction of an unclear application within 7 working days of "
        "receipt (OGI Regulations art. 30)",
    ),
    DutyKind.EXTENSION: (
        "需要延长答复期限的,经政府信息公开工作机构负责人同意并在原答复期限届满前告知申请人,延长不超过20个工作日"
        "(第三十三条;2008年条例第二十四条为15个工作日)",
        "Extend the reply limit only with the approval of the head of the OGI office, told to "
        "the applicant before the original deadline, by at most 20 working days (art. 33; "
        "2008: art. 24, 15 working days)",
    ),
    DutyKind.REPLY: (
        "自收到申请之日起20个工作日内答复;补正的自收到补正的申请之日起计算,征求意见时间不计入"
        "(第三十条、第三十三条;2008年条例第二十四条为15个工作日)",
        "Reply within 20 working days of receipt (of the corrected application after a 补正), "
        "consultation time excluded (arts. 30, 33; 2008: art. 24, 15 working days)",
    ),
}


def form_rows(
    summary: Summary,
    *,
    lang: str = "zh",
    responsible: str = "",
    materials_from: str = "",
) -> list[SupervisionRow]:
    """The supervision form's rows (seed 002): 补正告知, 延期, 答复 — one per duty."""
    zh = lang.startswith("zh")
    problems = _problem_texts(summary, lang)
    rows = []
    for kind in _KINDS:
        counts = summary.duties[kind]
        items = problems[kind]
        if sum(counts.values()) == 0:
            text = "本批无此类事项" if zh else "none in this batch"
        elif items:
            text = (";" if zh else "; ").join(items)
        else:
            text = "无" if zh else "none"
        completed = not items
        rows.append(
            SupervisionRow(
                task=_TASKS[kind][0 if zh else 1],
                completed=completed,
                problems=text,
                responsible=responsible if not completed else "",
                materials_from=materials_from,
            )
        )
    return rows


def form_markdown(
    summary: Summary, *, lang: str = "zh", responsible: str = "", materials_from: str = ""
) -> str:
    """The supervision form as Markdown, with a note on the rows that could not be read."""
    zh = lang.startswith("zh")
    title = "全面推进政务公开工作督察表 · 依申请公开" if zh else "Open-government supervision form · OGI applications"
    text = render_markdown(
        form_rows(summary, lang=lang, responsible=responsible, materials_from=materials_from),
        lang=lang,
        title=title,
    )
    as_of = summary.as_of.isoformat() if summary.as_of else ("未指定" if zh else "not given")
    note = (
        f"\n核查日:{as_of};共核查{summary.total}件。"
        if zh
        else f"\nAudit day: {as_of}; {summary.total} cases audited."
    )
    if summary.malformed:
        note += (
            f"另有{summary.malformed}行数据有误,未纳入核查(见明细)。"
            if zh
            else f" {summary.malformed} row(s) could not be read and are not counted above (see the details)."
        )
    return text + note + "\n"


def write_form(
    summary: Summary,
    stream: TextIO,
    *,
    lang: str = "zh",
    as_csv: bool = False,
    responsible: str = "",
    materials_from: str = "",
) -> None:
    """Write the supervision form: Markdown, or CSV with a BOM (``as_csv``)."""
    if as_csv:
        write_form_csv(
            form_rows(summary, lang=lang, responsible=responsible, materials_from=materials_from),
            stream,
            lang=lang,
        )
    else:
        stream.write(
            form_markdown(summary, lang=lang, responsible=responsible, materials_from=materials_from)
        )


# -- per-case writers ---------------------------------------------------------------------------

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
    ("replied", "答复日期", "replied"),
    ("reply_status", "答复情况", "reply_status"),
    ("max_late_workdays", "最长逾期工作日", "max_late_workdays"),
    ("warnings", "提示", "warnings"),
    ("notes", "说明与问题", "notes"),
)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


_RESULT_TEXT = {
    True: {key: labels[0] for key, labels in _RESULT_LABELS.items()},
    False: {key: labels[1] for key, labels in _RESULT_LABELS.items()},
}
_CHANNEL_TEXT = {
    True: {channel: channel.label("zh") for channel in Channel},
    False: {channel: channel.label("en") for channel in Channel},
}
_ON_TIME_TEXT = {True: Status.ON_TIME.label("zh"), False: Status.ON_TIME.label("en")}


_ISO: dict[dt.date, str] = {}


def _iso_text(day: dt.date) -> str:
    """``day.isoformat()``, remembered (a batch has few distinct dates)."""
    text = _ISO.get(day)
    if text is None:
        text = day.isoformat()
        if len(_ISO) < _DATE_CACHE_LIMIT:
            _ISO[day] = text
    return text


def _receipt_note(verdict: CaseVerdict, zh: bool) -> str:
    """The receipt_note column: assumed, and/or moved off a rest day."""
    note = ("假定" if zh else "assumed") if verdict.receipt_assumed else ""
    if verdict.receipt != verdict.receipt_recorded:
        recorded = verdict.receipt_recorded.isoformat()
        moved = f"顺延(记录为{recorded})" if zh else f"moved from {recorded}"
        note = f"{note};{moved}" if note else moved
    return note


def _case_cells(row: RowResult, zh: bool, lang: str) -> list[str]:
    verdict = row.verdict
    if verdict is None:
        error = row.error
        assert error is not None
        reason = error.problem_zh if zh else error.problem
        label = _RESULT_TEXT[zh]["malformed"]
        return [str(row.line), row.case_id, label, "", "", "", "", "", "", "", "", "", "", "", "", "", "", reason]
    duties = verdict.duties
    reply = duties[-1]
    receipt = verdict.receipt
    iso = _ISO.get
    receipt_text = iso(receipt) or _iso_text(receipt)
    due = reply.due
    done = reply.done
    status = reply.status
    if len(duties) == 1 and not verdict.notes:
        # The common case: a reply only, nothing to note.
        start = verdict.clock_start
        return [
            str(row.line),
            verdict.case_id,
            _RESULT_TEXT[zh][verdict.result],
            _CHANNEL_TEXT[zh][verdict.channel],
            receipt_text,
            _receipt_note(verdict, zh)
            if verdict.receipt_assumed or receipt is not verdict.receipt_recorded
            else "",
            verdict.version,
            receipt_text if start is receipt else (_iso_text(start) if start is not None else ""),
            "",
            "",
            str(verdict.excluded_workdays),
            "",
            (iso(due) or _iso_text(due)) if due is not None else "",
            (iso(done) or _iso_text(done)) if done is not None else "",
            _ON_TIME_TEXT[zh] if status is Status.ON_TIME else reply.status_text(lang),
            str(reply.late_by) if reply.late_by and status.is_late else "0",
            "",
            "",
        ]
    if len(duties) == 1:
        supplement = extension = None
        worst = reply.late_by if reply.late_by and reply.status.is_late else 0
    else:
        supplement = extension = None
        worst = 0
        for duty in duties:
            kind = duty.kind
            if kind is DutyKind.SUPPLEMENT_NOTICE:
                supplement = duty
            elif kind is DutyKind.EXTENSION:
                extension = duty
            if duty.late_by and duty.status.is_late and duty.late_by > worst:
                worst = duty.late_by
    note = _receipt_note(verdict, zh)
    warnings = notes = ""
    if verdict.notes:  # the receipt's own notes are in the receipt_note column
        warn, other = [], []
        for finding in verdict.notes:
            if finding.code == "due_soon":
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
        _RESULT_TEXT[zh][verdict.result],
        _CHANNEL_TEXT[zh][verdict.channel],
        receipt_text,
        note,
        verdict.version,
        receipt_text if start is receipt else (_iso_text(start) if start is not None else ""),
        _iso_text(supplement.due) if supplement is not None and supplement.due else "",
        supplement.status_text(lang) if supplement is not None else "",
        str(verdict.excluded_workdays),
        ext_text,
        (iso(due) or _iso_text(due)) if due is not None else "",
        (iso(done) or _iso_text(done)) if done is not None else "",
        _ON_TIME_TEXT[zh] if reply.status is Status.ON_TIME else reply.status_text(lang),
        str(worst),
        warnings,
        notes,
    ]


def write_case_csv(
    results: Iterable[RowResult],
    stream: TextIO,
    *,
    lang: str = "zh",
    summary: Summary | None = None,
) -> Summary:
    """One CSV row per result (UTF-8 BOM first, so Excel and WPS read it); return the summary.

    Open ``stream`` with ``newline=""`` and ``encoding="utf-8"``. The output is what
    ``csv.writer`` writes (minimal quoting, CRLF line ends).
    """
    zh = lang.startswith("zh")
    summary = summary if summary is not None else Summary()
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow([c[1] if zh else c[2] for c in CASE_COLUMNS])
    add = summary.add
    write = stream.write
    writerow = writer.writerow
    separators = len(CASE_COLUMNS) - 1
    join = ",".join
    for row in results:
        add(row)
        cells = _case_cells(row, zh, lang)
        line = join(cells)
        # Most rows hold nothing that needs quoting: write them joined, as csv.writer
        # would; hand the others to csv.writer.
        if line.count(",") == separators and '"' not in line and "\n" not in line and "\r" not in line:
            write(line + "\r\n")
        else:
            writerow(cells)
    return summary


def write_jsonl(
    results: Iterable[RowResult],
    stream: TextIO,
    *,
    lang: str = "zh",
    explanation: bool = False,
    summary: Summary | None = None,
) -> Summary:
    """One JSON object per line and per result; return the summary."""
    summary = summary if summary is not None else Summary()
    dumps = json.dumps
    for row in results:
        summary.add(row)
        stream.write(dumps(row.to_dict(lang, explanation=explanation), ensure_ascii=False))
        stream.write("\n")
    return summary


def summarize(results: Iterable[RowResult], *, summary: Summary | None = None) -> Summary:
    """Consume the results into a :class:`Summary`."""
    summary = summary if summary is not None else Summary()
    for row in results:
        summary.add(row)
    return summary
