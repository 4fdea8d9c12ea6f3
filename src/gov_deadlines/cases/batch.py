"""The batch audit of OGI application cases, reading: rows in, one result per row out, streaming.

:func:`audit_cases` audits any iterable of rows (mappings with the CSV layout's column
names, mappings shaped like :class:`~gov_deadlines.cases.Case`, or ``Case`` objects);
:func:`audit_csv` reads a CSV file with a header row (:data:`COLUMNS` maps its Chinese or
English column names to the case's fields). Both yield one :class:`RowResult` per input
row, in order, in constant memory: a malformed row yields a result carrying its line
number and the reason, and the batch goes on.

The hot path parses rows with plain code into the clock's receipt facts (no pydantic per
row), reuses one calendar and renders no explanation unless asked.

The writers — per-case CSV (UTF-8 with BOM), JSON Lines, the Markdown summary, the
supervision form — and the :class:`Summary` they accumulate are
:mod:`gov_deadlines.outputs.audit_report`; they are re-exported here. ``docs/audit.md`` documents
the layout, the outputs and the policy choices.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
from gov_deadlines.cases.clock import DEFAULT_POLICY, AuditPolicy, _evaluate, _versions
from gov_deadlines.cases.model import (
    Case,
    CaseError,
    Channel,
    Party,
    _Facts,
    _norm,
    _problem,
    field_label,
    parse_case,
)
from gov_deadlines.cases.results import CaseVerdict
from gov_deadlines.dates import parse_day
from gov_deadlines.errors import DateParseError, GovDeadlinesError, check_day_argument, shown

# The writers live in audit_report; re-exported so that ``gov_deadlines.cases.batch`` keeps offering
# them (the names outside __all__ are re-exported with "as").
from gov_deadlines.outputs.audit_report import CASE_COLUMNS as CASE_COLUMNS
from gov_deadlines.outputs.audit_report import RESULTS as RESULTS
from gov_deadlines.outputs.audit_report import Summary, form_rows, write_case_csv, write_jsonl
from gov_deadlines.outputs.audit_report import form_markdown as form_markdown
from gov_deadlines.outputs.audit_report import result_label as result_label
from gov_deadlines.outputs.audit_report import summarize as summarize
from gov_deadlines.outputs.audit_report import write_form as write_form

if TYPE_CHECKING:
    from gov_deadlines.catalogue import Catalogue

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
    (
        "consultation_sent",
        "征求意见发出日期",
        "consultation_sent",
        ("征求意见日期", "征求意见发出"),
    ),
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
    if isinstance(value, dt.date):
        return parse_day(value)
    if not isinstance(value, str):
        raise _bad(field, value, "not a date:", "不是日期:")
    text = value.strip()
    if not text:
        return None
    try:
        day = parse_day(text)
    except DateParseError:
        raise _bad(
            field,
            value,
            "cannot read the date (write 2026-03-02 or 2026年3月2日)",
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
            "channel",
            value,
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
                "consultation_party",
                value,
                "unknown consulted party (use 第三方/其他机关 or third_party/agency)",
                "无法识别的征求意见对象(应为 第三方 或 其他机关)",
            ) from None
        if len(_PARTIES) < 1000:
            _PARTIES[value] = party
    return party


def _split(value: object) -> list[Any]:
    if isinstance(value, str):
        if ";" not in value and "；" not in value:
            return [value.strip()]  # one item: the common case
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
                "consultation_sent",
                sent,
                "a consultation without its sent date:",
                "征求意见缺少发出日期:",
            )
        answer = (
            _date(answered_list[number], "consultation_answered")
            if number < len(answered_list)
            else None
        )
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


_WORKING_DAYS = re.compile(r"(\d{1,4})\s*(个?工作日|wd|working\s*days?)?", re.IGNORECASE)


def _days(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if text.isdecimal() and len(text) <= 4:
        return int(text)  # what _WORKING_DAYS matches without a unit
    match = _WORKING_DAYS.fullmatch(text)
    if not match:
        if not text:
            return None
        raise _bad(
            "extension_days",
            value,
            "not a whole number of working days",
            "不是工作日数(应为整数,如 20)",
        )
    return int(match.group(1))


def _facts(cells: Sequence[Any]) -> _Facts:
    """A row's facts from its cells in FIELDS order (raises :class:`CaseError`)."""
    (
        case_id,
        channel_text,
        submitted,
        signed,
        confirmed,
        requested,
        arrived,
        parties,
        sent,
        answered,
        approved,
        told,
        days,
        replied,
    ) = cells
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
        check_day_argument("as_of", as_of)
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


_LIST_FIELDS = frozenset(
    {_F["consultation_party"], _F["consultation_sent"], _F["consultation_answered"]}
)


def _mapping_cells(row: Mapping[Any, Any]) -> list[Any]:
    cells: list[Any] = [""] * _SENTINEL
    for key, value in row.items():
        index = _ALIASES.get(_norm(key)) if isinstance(key, str) else None
        if index is None or value is None:
            continue
        if isinstance(value, int) and value.bit_length() > 64:
            value = shown(value)  # no field holds such a number; its digits may not even print
        elif not isinstance(value, (str, int, dt.date, Channel, Party)) and not (
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


#: What :meth:`CsvAudit._misfit` returns for a blank row (skipped, counted).
BLANK = RowResult(0, "")


class CsvAudit:
    """An audit of a CSV stream: the header is read at once (a :class:`LayoutError` is raised
    there), the rows as the object is iterated.

    :func:`~gov_deadlines.outputs.audit_report.write_case_csv` given a ``CsvAudit`` takes a fast path
    (:mod:`gov_deadlines.outputs.case_csv_fast`) with the same output and summary.
    """

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
            raise LayoutError(
                f"cannot read the header row ({error})", f"无法读取表头({error})"
            ) from None
        self.layout = Layout.from_header(header)
        self._auditor = _Auditor(as_of, calendar, policy, catalogue)
        self._width = len(self.layout.header)
        #: The row's cells in FIELDS order, from a row padded to the header's width plus
        #: one blank cell (where absent columns point).
        self._pick = itemgetter(*self.layout.index)
        #: Rows with no value at all, skipped (the summary counts them).
        self.blank_rows = 0

    @property
    def ignored_columns(self) -> tuple[str, ...]:
        return self.layout.ignored

    def _bad_csv(self, error: csv.Error, line: int) -> RowResult:
        """The result of a line the CSV reader refused."""
        return RowResult(
            line,
            "",
            None,
            CaseError(f"not valid CSV ({error})", f"CSV格式错误({error})", line=line),
        )

    def _misfit(self, row: list[str], line: int) -> RowResult | None:
        """A row whose length is not the header's: its malformed result (too many cells),
        :data:`BLANK` (a blank row, counted), or ``None`` after padding it with blank cells
        to the header's width."""
        size, width = len(row), self._width
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
        reader = self._reader
        auditor = self._auditor
        width = self._width
        pick = self._pick
        cells = auditor.cells
        make_facts, evaluate = _facts, _evaluate
        cal, as_of = auditor.calendar, auditor.as_of
        policy, versions = auditor.policy, auditor.versions
        previous = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                line = previous + 1
                previous = reader.line_num
                yield self._bad_csv(error, line)
                continue
            line = previous + 1
            previous = reader.line_num
            if previous != line:  # a row over several lines: a quoted line break
                spanned = self.spanned(row, line, previous)
                if spanned is not None:
                    yield spanned
                    continue
            if len(row) != width:
                misfit = self._misfit(row, line)
                if misfit is BLANK:
                    continue
                if misfit is not None:
                    yield misfit
                    continue
            row.append("")
            picked = pick(row)
            try:
                facts = make_facts(picked)
                result = RowResult(
                    line, facts.case_id, evaluate(facts, cal, as_of, policy, versions)
                )
            except CaseError:
                if self.blank(row):
                    continue
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
