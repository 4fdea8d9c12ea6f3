"""The summary of a batch audit: counts that add up to the input, and their Markdown.

:class:`Summary` accumulates the :class:`~gov_deadlines.cases.RowResult` stream row by row
in constant memory: counts by result (:data:`RESULTS`) and by duty, the worst lateness,
examples of late and malformed rows; :meth:`Summary.markdown` renders it. Every writer of
:mod:`gov_deadlines.outputs` of a batch audit returns the summary it accumulated (a
:class:`~gov_deadlines.outputs.WriteSummary`, as every writer returns); :func:`summarize` only
counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

from gov_deadlines.cases.due_soon import next_duty
from gov_deadlines.cases.duties import DutyKind, Finding
from gov_deadlines.cases.model import CaseError
from gov_deadlines.cases.plausibility import PLAUSIBILITY_CODES
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.outputs.written import WriteSummary
from gov_deadlines.vocabulary import PROVISIONAL_MARK, CaseResult, Lang, Status, is_zh

if TYPE_CHECKING:
    from gov_deadlines.cases.batch import RowResult
    from gov_deadlines.cases.clock_record import CaseRecord
    from gov_deadlines.outputs.records import AuditSummaryRecord

__all__ = [
    "RESULTS",
    "Summary",
    "SummaryLine",
    "count_blank_rows",
    "markdown_text",
    "problem_texts",
    "provisional_among",
    "provisional_note",
    "result_label",
    "summarize",
    "summary_lines",
]


# -- the summary --------------------------------------------------------------------------------

#: The results a row may have (:class:`~gov_deadlines.vocabulary.CaseResult`), in order.
RESULTS = tuple(CaseResult)
_STATUSES = tuple(Status)
_LATE, _OVERDUE = Status.LATE, Status.OVERDUE
_KINDS = tuple(DutyKind)


def result_label(result: str, lang: str = "zh") -> str:
    """The words for a result (:meth:`CaseResult.label <gov_deadlines.vocabulary.CaseResult.label>`)."""
    return CaseResult(result).label(lang)


class Summary(WriteSummary):
    """Counts over a batch, accumulated row by row in constant memory.

    ``results`` counts rows by :attr:`RowResult.result` (they add up to ``rows``, the
    record's ``rows`` and ``total``); ``provisional_rows`` counts the rows with a provisional date;
    ``duties[kind][status]`` counts duties; examples of late cases and of malformed rows
    are kept up to ``keep`` each; a late example's verdict is made when
    :attr:`late_examples` is first read.
    """

    # Declared here, so that the vocabulary test sees the attributes' names and types.
    as_of: dt.date | None
    keep: int
    results: dict[str, int]
    duties: dict[DutyKind, dict[Status, int]]
    max_late: dict[DutyKind, dict[Status, int]]
    uncounted_late: dict[DutyKind, dict[Status, int]]
    versions: dict[str, int]
    extension_over_cap: int
    warnings: int
    provisional_duties: dict[DutyKind, dict[Status, int]]
    doubtful: int
    doubtful_examples: list[tuple[int, str, tuple[Finding, ...]]]
    blank_rows: int
    late_kept: list[tuple[int, str, CaseVerdict | CaseRecord]]
    malformed_examples: list[tuple[int, str, CaseError]]
    ignored_columns: tuple[str, ...]
    due_within: int | None
    due_soon_kept: list[tuple[dt.date, int, str, DutyKind, int, bool]]

    def __init__(
        self, as_of: dt.date | None = None, *, keep: int = 100, due_within: int | None = None
    ) -> None:
        self.as_of = as_of
        self.keep = keep
        #: ``--due-within N``: the cases whose next duty falls due within N working days
        #: (:func:`gov_deadlines.cases.due_within`), kept as (due date, line, case id, duty,
        #: remaining working days, provisional); ``None``: not asked for.
        self.due_within = due_within
        self.due_soon_kept = []
        self.rows = 0
        self.results = dict.fromkeys(RESULTS, 0)
        self.duties = {kind: dict.fromkeys(_STATUSES, 0) for kind in _KINDS}
        self.max_late = {kind: {Status.LATE: 0, Status.OVERDUE: 0} for kind in _KINDS}
        #: Late or overdue duties whose working days cannot be counted (the calendar has no
        #: data for days between the due date and the day done, or the audit day): not in
        #: ``max_late``, which is the longest counted.
        self.uncounted_late = {kind: {Status.LATE: 0, Status.OVERDUE: 0} for kind in _KINDS}
        self.versions: dict[str, int] = {}
        self.extension_over_cap = 0
        self.warnings = 0
        #: Rows, and duties by kind and status, whose dates rest on provisional calendar data.
        self.provisional_rows = 0
        self.provisional_duties = {kind: dict.fromkeys(_STATUSES, 0) for kind in _KINDS}
        #: Rows with a date that cannot be right (plausibility warnings), and examples:
        #: (input line, case id, the warnings' texts in Chinese and English).
        self.doubtful = 0
        self.doubtful_examples: list[tuple[int, str, tuple[Finding, ...]]] = []
        #: Blank rows of the input (no value at all), skipped.
        self.blank_rows = 0
        #: The late examples as kept (a verdict, or the clock's record of the case, made
        #: into a verdict when first read): read :attr:`late_examples`.
        self.late_kept: list[tuple[int, str, CaseVerdict | CaseRecord]] = []
        self.malformed_examples: list[tuple[int, str, CaseError]] = []
        self.ignored_columns: tuple[str, ...] = ()

    def add(self, row: RowResult) -> None:
        self.rows += 1
        record = row.record
        if record is None:
            self.results["malformed"] += 1
            if len(self.malformed_examples) < self.keep:
                assert row.error is not None
                self.malformed_examples.append((row.line, row.case_id, row.error))
            return
        if self.as_of is None:
            self.as_of = record.clock.as_of
        self.results[record.result] += 1
        label = record.version.label
        self.versions[label] = self.versions.get(label, 0) + 1
        late = False
        if record.provisional:
            self.provisional_rows += 1
        for kind, _, _, status, late_by, _, _, provisional in record.duties:
            self.duties[kind][status] += 1
            if provisional:
                self.provisional_duties[kind][status] += 1
            if status is _LATE or status is _OVERDUE:
                late = True
                worst = self.max_late[kind]
                if late_by is None:
                    self.uncounted_late[kind][status] += 1
                elif late_by > worst[status]:
                    worst[status] = late_by
        if record.notes:
            doubtful: list[Finding] = []
            for finding in record.notes:
                if finding.code == "extension_over_cap":
                    self.extension_over_cap += 1
                elif finding.code == "due_soon":
                    self.warnings += 1
                elif finding.code in PLAUSIBILITY_CODES:
                    doubtful.append(finding)
            if doubtful:
                self.doubtful += 1
                if len(self.doubtful_examples) < self.keep:
                    self.doubtful_examples.append((row.line, row.case_id, tuple(doubtful)))
        if late and len(self.late_kept) < self.keep:
            self.late_kept.append((row.line, row.case_id, record))
        if self.due_within is not None:
            verdict = row.verdict
            assert verdict is not None
            nearest = next_duty(verdict, self.as_of)
            if nearest is not None and nearest[1] <= self.due_within:
                duty, remaining = nearest
                assert duty.due_date is not None
                self.due_soon_kept.append(
                    (duty.due_date, row.line, row.case_id, duty.kind, remaining, duty.provisional)
                )

    @property
    def due_soon(self) -> list[tuple[dt.date, int, str, DutyKind, int, bool]]:
        """The cases due within :attr:`due_within` working days, soonest first: (due date,
        input line, case id, duty, remaining working days, provisional)."""
        return sorted(self.due_soon_kept, key=lambda item: (item[0], item[1]))

    @property
    def late_examples(self) -> list[tuple[int, str, CaseVerdict]]:
        """The late cases kept as examples: (input line, case id, verdict), in input order."""
        kept = self.late_kept
        for index, (line, case_id, verdict) in enumerate(kept):
            if not isinstance(verdict, CaseVerdict):
                kept[index] = (line, case_id, CaseVerdict(verdict))
        return cast(list[tuple[int, str, CaseVerdict]], kept)

    @late_examples.setter
    def late_examples(self, examples: list[tuple[int, str, CaseVerdict]]) -> None:
        self.late_kept = list(examples)

    @property
    def late(self) -> bool:
        """Whether any duty was done late or is overdue."""
        return self.results["late"] > 0

    @property
    def malformed(self) -> int:
        return self.results["malformed"]

    def exit_code(self) -> int:
        """2 when a row was malformed or a case could not be computed (no calendar data for
        the days it needs: ``due`` refuses the same question with 2), else 1 when any duty
        is late, else 0."""
        if self.malformed or self.results["undetermined"]:
            return 2
        return 1 if self.late else 0

    # -- renderings --------------------------------------------------------------------------

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> AuditSummaryRecord:
        """The counts as their JSON record (``audit --json``; ``docs/audit.md``)."""
        from gov_deadlines.outputs.records import summary_to_record

        return summary_to_record(self, lang)

    def markdown(self, lang: str = "zh") -> str:
        """The summary as Markdown: counts by result and by duty, then examples — the
        lines of :func:`summary_lines`, as the workbook's summary sheet has them."""
        return markdown_text(summary_lines(self, lang))


# -- the summary's wording: its lines, and the lines as Markdown ---------------------------------


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One line of the summary (its Markdown, the workbook's summary sheet): a ``heading``
    (``level`` 1 the title, 2 a section), a ``text``, a ``table`` row (one cell each; an
    ``int`` is a number cell) or a ``blank`` line. A table's first row is its ``head``er,
    with each column's alignment (``align``: ``"right"`` for numbers); ``strong``: a row to
    stand out (the totals)."""

    kind: Literal["heading", "text", "table", "blank"]
    cells: tuple[str | int, ...] = ()
    level: int = 2
    align: tuple[Literal["left", "right"], ...] = ()
    strong: bool = False


def _heading(text: str, level: int = 2) -> SummaryLine:
    return SummaryLine("heading", (text,), level=level)


def _text(text: str) -> SummaryLine:
    return SummaryLine("text", (text,))


def _row(*cells: str | int) -> SummaryLine:
    return SummaryLine("table", cells)


def _head(*columns: tuple[str, Literal["left", "right"]]) -> SummaryLine:
    """A table's header row: each column's name and alignment."""
    return SummaryLine(
        "table", tuple(name for name, _ in columns), align=tuple(side for _, side in columns)
    )


_BLANK = SummaryLine("blank")


def summary_lines(summary: Summary, lang: str = "zh") -> list[SummaryLine]:
    """The summary's lines, from ``summary``'s data: what :meth:`Summary.markdown` and the
    workbook's summary sheet say, worded once."""
    zh = is_zh(lang)
    out = [
        _heading("依申请公开案件核查汇总" if zh else "Audit of OGI application cases", 1),
        _BLANK,
    ]
    as_of = summary.as_of.isoformat() if summary.as_of else ("未指定" if zh else "not given")
    out.append(
        _text(
            f"核查日:{as_of}。输入{summary.rows}行(不含表头)。"
            if zh
            else f"Audit day: {as_of}. Input rows (header excluded): {summary.rows}."
        )
    )
    if summary.blank_rows:
        out.append(
            _text(
                f"空行{summary.blank_rows}行,已跳过(不计入上述行数)。"
                if zh
                else f"Blank rows skipped (not counted above): {summary.blank_rows}."
            )
        )
    if summary.ignored_columns:
        names = ("、" if zh else ", ").join(summary.ignored_columns)
        out.append(_text(f"未使用的列:{names}。" if zh else f"Columns not used: {names}."))
    out += [
        _BLANK,
        _head(("结果" if zh else "Result", "left"), ("件数" if zh else "Cases", "right")),
    ]
    out += [_row(result_label(key, lang), summary.results[key]) for key in RESULTS]
    total = ("合计" if zh else "Total", sum(summary.results.values()))
    out += [SummaryLine("table", total, strong=True), _BLANK]
    if summary.versions:
        parts = [
            (f"{label}年条例 {count} 件" if zh else f"{label} 条例: {count}")
            for label, count in sorted(summary.versions.items())
        ]
        out += [_text(("适用版本:" if zh else "Versions: ") + ("," if zh else ", ").join(parts))]
        out.append(_BLANK)
    if summary.provisional_rows:
        out += [_text(provisional_note(summary.provisional_rows, lang)), _BLANK]
    out.append(
        _head(
            ("职责" if zh else "Duty", "left"),
            *((status.label(lang), "right") for status in _STATUSES),
            ("合计" if zh else "Total", "right"),
        )
    )
    for kind, counts in summary.duties.items():
        cells = [counts[status] for status in _STATUSES]
        out.append(_row(kind.label(lang), *cells, sum(counts.values())))
    out.append(_BLANK)
    if summary.warnings:
        out.append(
            _text(
                f"即将到期提示:{summary.warnings} 项(见明细)。"
                if zh
                else f"Due-soon warnings: {summary.warnings} (see the details)."
            )
        )
        out.append(_BLANK)
    if summary.due_within is not None:
        out += _due_soon_lines(summary, lang)
    out += _problem_lines(summary, lang)
    return out


def _due_soon_lines(summary: Summary, lang: str) -> list[SummaryLine]:
    zh = is_zh(lang)
    within, found = summary.due_within, summary.due_soon
    out = [
        _heading(
            f"{within}个工作日内到期的案件(共{len(found)}件,最先到期的在前)"
            if zh
            else f"Cases due within {within} working days ({len(found)}, soonest first)"
        ),
        _BLANK,
    ]
    if not found:
        return [*out, _text("无。" if zh else "None."), _BLANK]
    names = (
        ("行号", "编号", "职责", "期限", "剩余工作日")
        if zh
        else ("Line", "Case", "Duty", "Due", "Working days left")
    )
    sides: tuple[Literal["left", "right"], ...] = ("right", "left", "left", "left", "right")
    out.append(_head(*zip(names, sides, strict=True)))
    for due, line, case_id, kind, remaining, provisional in found[: summary.keep]:
        flag = ""
        if provisional:
            flag = PROVISIONAL_MARK["zh"] if zh else " " + PROVISIONAL_MARK["en"]
        left: str | int = remaining if remaining else ("0(今日到期)" if zh else "0 (due today)")
        out.append(_row(line, case_id, kind.label(lang), due.isoformat() + flag, left))
    if len(found) > summary.keep:
        more = len(found) - summary.keep
        out += [_BLANK, _text(f"另有{more}件未列出。" if zh else f"{more} more not listed.")]
    out.append(_BLANK)
    return out


def _problem_lines(summary: Summary, lang: str) -> list[SummaryLine]:
    zh = is_zh(lang)
    out: list[SummaryLine] = []
    problems = problem_texts(summary, lang)
    if any(problems.values()):
        out += [_heading("存在问题" if zh else "Problems found"), _BLANK]
        for kind, texts in problems.items():
            for text in texts:
                label = kind.label(lang)
                out.append(_text(f"- {label}:{text}" if zh else f"- {label}: {text}"))
        out.append(_BLANK)
    head = _examples_head(("行号", "编号", "情况") if zh else ("Line", "Case", "Finding"))
    if summary.doubtful_examples:
        shown = len(summary.doubtful_examples)
        out += [
            _heading(
                f"日期存疑的案件(列出{shown}件,共{summary.doubtful}件)"
                if zh
                else f"Cases with doubtful dates ({shown} shown of {summary.doubtful})"
            ),
            _BLANK,
            head,
        ]
        for line, case_id, found in summary.doubtful_examples:
            out.append(_row(line, case_id, " ".join(finding.text(lang) for finding in found)))
        out.append(_BLANK)
    if summary.late_examples:
        shown, total_late = len(summary.late_examples), summary.results["late"]
        out += [
            _heading(
                f"逾期案件(列出{shown}件,共{total_late}件)"
                if zh
                else f"Late cases ({shown} shown of {total_late})"
            ),
            _BLANK,
            head,
        ]
        for line, case_id, verdict in summary.late_examples:
            texts = [duty.summary(lang) for duty in verdict.duties if duty.status.is_late]
            out.append(_row(line, case_id, (";" if zh else "; ").join(texts)))
        out.append(_BLANK)
    if summary.malformed_examples:
        shown = len(summary.malformed_examples)
        out += [
            _heading(
                f"数据有误的行(列出{shown}行,共{summary.malformed}行)"
                if zh
                else f"Malformed rows ({shown} shown of {summary.malformed})"
            ),
            _BLANK,
            _examples_head(("行号", "编号", "原因") if zh else ("Line", "Case", "Reason")),
        ]
        for line, case_id, error in summary.malformed_examples:
            out.append(_row(line, case_id, error.problem_zh if zh else error.problem))
        out.append(_BLANK)
    return out


def _examples_head(names: tuple[str, str, str]) -> SummaryLine:
    line, case, text = names
    return _head((line, "right"), (case, "left"), (text, "left"))


def markdown_text(lines: Iterable[SummaryLine]) -> str:
    """Summary lines as Markdown: ``#``/``##`` headings, pipe tables (a header row with its
    alignment row; ``|`` in a cell escaped, a line break made a space), texts as they are."""
    out: list[str] = []
    for line in lines:
        kind = line.kind
        if kind == "blank":
            out.append("")
        elif kind == "heading":
            out.append("#" * line.level + " " + str(line.cells[0]))
        elif kind == "text":
            out.append(str(line.cells[0]))
        else:
            cells = [str(cell) if type(cell) is int else _md(str(cell)) for cell in line.cells]
            if line.strong:
                cells = [f"**{cell}**" for cell in cells]
            out.append("| " + " | ".join(cells) + " |")
            if line.align:
                out.append(
                    "|" + "".join("---:|" if side == "right" else "---|" for side in line.align)
                )
    return "\n".join(out)


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def provisional_note(rows: int, lang: str = "zh") -> str:
    """The note on the cases whose dates rest on provisional calendar data."""
    if is_zh(lang):
        return (
            f"{PROVISIONAL_MARK['zh']}{rows}件的日期依据临时推算的日历(该年尚无国务院办公厅"
            "节假日安排通知,按法定节日和周末推算,不含调休),正式通知发布后可能改变。"
        )
    return (
        f"{PROVISIONAL_MARK['en']} {rows} case(s) have dates that rest on provisional calendar "
        "data (no official holiday notice for that year yet: statutory holidays and weekends, "
        "no make-up days); they may change when the notice is published."
    )


def provisional_among(count: int, lang: str) -> str:
    """``(其中2件的期限为临时推算[临时推算])``, or "" when none is."""
    if not count:
        return ""
    if is_zh(lang):
        return f"(其中{count}件的期限为临时推算{PROVISIONAL_MARK['zh']})"
    return f" ({count} of them with a provisional due date {PROVISIONAL_MARK['en']})"


def _uncounted(count: int, of: int, lang: str) -> str:
    """The late duties whose working days cannot be counted (no holiday data for days in
    between): said, never counted as 0 nor left out of the longest silently."""
    if not count:
        return ""
    if is_zh(lang):
        which = "" if count == of else f"其中{count}件"
        return f"({which}逾期的工作日数无法计算:其间有尚未载入节假日安排的日期)"
    which = "" if count == of else f"for {count} of them, "
    return (
        f" ({which}the working days late cannot be counted: no holiday data for days in "
        "between)"
    )


def problem_texts(summary: Summary, lang: str) -> dict[DutyKind, list[str]]:
    """The 存在问题 of each duty: late, overdue, over the cap, undetermined (with the
    provisional due dates among them marked)."""
    zh = is_zh(lang)
    as_of = summary.as_of.isoformat() if summary.as_of else ""
    texts: dict[DutyKind, list[str]] = {kind: [] for kind in _KINDS}
    for kind in _KINDS:
        counts, worst = summary.duties[kind], summary.max_late[kind]
        marks = summary.provisional_duties[kind]
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
                "延期晚于原答复期限批准或告知(按本库政策 extension-told-before-original-limit 延期无效)",
                "extensions approved or told after the original deadline (invalid by the "
                "library's policy extension-told-before-original-limit)",
            )
            what_overdue = (
                "延期未告知申请人(延期无效)",
                "extensions never told to the applicant (invalid)",
            )
        uncounted = summary.uncounted_late[kind]
        if late:
            flag = provisional_among(marks[Status.LATE], lang)
            longest = ""
            if late > uncounted[Status.LATE]:  # some were counted: the longest of those
                n = worst[Status.LATE]
                longest = f",最长逾期{n}个工作日" if zh else f", the latest by {n} working day(s)"
            unknown = _uncounted(uncounted[Status.LATE], late, lang)
            texts[kind].append(
                f"{late}件{what_late[0]}{flag}{longest}{unknown}"
                if zh
                else f"{late} {what_late[1]}{flag}{longest}{unknown}"
            )
        if overdue:
            until = f"(截至{as_of})" if zh and as_of else (f" (as of {as_of})" if as_of else "")
            flag = provisional_among(marks[Status.OVERDUE], lang)
            longest = ""
            if overdue > uncounted[Status.OVERDUE]:
                n = worst[Status.OVERDUE]
                longest = (
                    f",最长已逾期{n}个工作日{until}"
                    if zh
                    else f", the longest by {n} working day(s){until}"
                )
            unknown = _uncounted(uncounted[Status.OVERDUE], overdue, lang)
            tail = f"{longest}{unknown}" if longest else f"{unknown}{until}"
            texts[kind].append(
                f"{overdue}件{what_overdue[0]}{flag}{tail}"
                if zh
                else f"{overdue} {what_overdue[1]}{flag}{tail}"
            )
        if kind is DutyKind.EXTENSION and summary.extension_over_cap:
            n = summary.extension_over_cap
            texts[kind].append(
                f"{n}件延期超过最长期限(按上限计)"
                if zh
                else f"{n} extensions longer than allowed (capped)"
            )
        if kind is DutyKind.REPLY and summary.doubtful:
            n = summary.doubtful
            shown = [str(line) for line, _, _ in summary.doubtful_examples[:10]]
            more = len(shown) < n
            texts[kind].append(
                f"{n}件记录的日期存疑(晚于核查日或早于起算日,见明细第{'、'.join(shown)}行"
                f"{'等' if more else ''}),判定待核实"
                if zh
                else f"{n} cases with doubtful dates (after the audit day or before the clock "
                f"started; see lines {', '.join(shown)}{' and others' if more else ''} of the "
                "details): to be checked"
            )
        if undetermined:
            texts[kind].append(
                f"{undetermined}件因缺少日历数据无法计算"
                if zh
                else f"{undetermined} undetermined (no calendar data)"
            )
    return texts


def count_blank_rows(results: Iterable[RowResult], summary: Summary) -> None:
    """Put the blank rows a CSV audit skipped into the summary."""
    blank = getattr(results, "blank_rows", None)
    if isinstance(blank, int):
        summary.blank_rows = blank


def summarize(results: Iterable[RowResult], *, summary: Summary | None = None) -> Summary:
    """Consume the results into a :class:`Summary`."""
    summary = summary if summary is not None else Summary()
    for row in results:
        summary.add(row)
    count_blank_rows(results, summary)
    return summary
