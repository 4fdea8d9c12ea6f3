"""The summary sheet of an audit's workbook (汇总), built from the :class:`Summary`'s counts
and examples themselves — never from its Markdown, whose wording may change without a
workbook's cells changing with it.

:func:`summary_lines` gives the sheet as lines: headings, notes, and table rows whose
counts and line numbers are numbers (case ids stay text, as the register has them). The
sheet holds what :meth:`Summary.markdown` says, in the same order: the per-result and
per-duty tables, the versions, the provisional note, the problems found and the examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gov_deadlines.outputs.summary import (
    RESULTS,
    Summary,
    problem_texts,
    provisional_note,
    result_label,
)
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Status, is_zh

__all__ = ["SummaryLine", "summary_lines"]

_STATUSES = tuple(Status)


@dataclass(frozen=True, slots=True)
class SummaryLine:
    """One line of the summary sheet: a ``heading`` (bold), a ``text``, a ``table`` row
    (one cell each, bordered; an ``int`` is a number cell), or a ``blank`` line."""

    kind: Literal["heading", "text", "table", "blank"]
    cells: tuple[str | int, ...] = ()


def _heading(text: str) -> SummaryLine:
    return SummaryLine("heading", (text,))


def _text(text: str) -> SummaryLine:
    return SummaryLine("text", (text,))


def _row(*cells: str | int) -> SummaryLine:
    return SummaryLine("table", cells)


_BLANK = SummaryLine("blank")


def summary_lines(summary: Summary, lang: str = "zh") -> list[SummaryLine]:
    """The summary sheet's lines, from ``summary``'s data."""
    zh = is_zh(lang)
    out = [_heading("依申请公开案件核查汇总" if zh else "Audit of OGI application cases"), _BLANK]
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
    out += [_BLANK, _row("结果", "件数") if zh else _row("Result", "Cases")]
    out += [_row(result_label(key, lang), summary.results[key]) for key in RESULTS]
    out += [_row("合计" if zh else "Total", sum(summary.results.values())), _BLANK]
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
        _row(
            "职责" if zh else "Duty",
            *(status.label(lang) for status in _STATUSES),
            "合计" if zh else "Total",
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
    out.append(
        _row("行号", "编号", "职责", "期限", "剩余工作日")
        if zh
        else _row("Line", "Case", "Duty", "Due", "Working days left")
    )
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
    head = _row("行号", "编号", "情况") if zh else _row("Line", "Case", "Finding")
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
            _row("行号", "编号", "原因") if zh else _row("Line", "Case", "Reason"),
        ]
        for line, case_id, error in summary.malformed_examples:
            out.append(_row(line, case_id, error.problem_zh if zh else error.problem))
        out.append(_BLANK)
    return out
