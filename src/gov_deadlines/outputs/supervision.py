"""The supervision form of seed 002 (全面推进政务公开工作督察表), one row per duty.

Columns: 序号 · 工作任务 · 完成情况 (已完成/未完成, or 未到期 for a duty not yet due) · 存在问题 · 整改措施 · 整改责任主体 ·
材料提供部门. The batch audit of applications and the compliance check of recurring duties
both report on this form through :func:`write_form`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TextIO

from gov_deadlines.outputs.written import WriteSummary
from gov_deadlines.vocabulary import Lang, Recorded, is_zh

if TYPE_CHECKING:
    from gov_deadlines.outputs.records import SupervisionRowRecord

__all__ = ["FormFormat", "SupervisionRow", "form_headers", "write_form"]

#: How :func:`write_form` writes: a Markdown table, or CSV with a UTF-8 BOM.
FormFormat = Literal["markdown", "csv"]

HEADERS_ZH = (
    "序号",
    "工作任务",
    "完成情况",
    "存在问题",
    "整改措施",
    "整改责任主体",
    "材料提供部门",
)
HEADERS_EN = (
    "No.",
    "Task",
    "Status",
    "Problems found",
    "Remedial measures",
    "Responsible for remedy",
    "Materials provided by",
)
DONE_ZH, NOT_DONE_ZH, NOT_DUE_ZH = "已完成", "未完成", "未到期"
DONE_EN, NOT_DONE_EN, NOT_DUE_EN = "completed", "not completed", "not yet due"


@dataclass(frozen=True, slots=True)
class SupervisionRow(Recorded):
    """One duty on the form. ``completed`` fills 完成情况; the rest are free text.

    ``not_due``: not completed, and not failed either: what is left of the duty is not yet
    due on the day of the check (a quarter still running). 完成情况 then reads 未到期, never
    未完成, which a supervisor reads as a failure. ``provisional``: a date the row judges
    rests on provisional calendar data (its ``problems`` text marks it).
    """

    task: str
    completed: bool
    problems: str = ""
    remedy: str = ""
    responsible: str = ""
    materials_from: str = ""
    not_due: bool = False
    provisional: bool = False

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> SupervisionRowRecord:
        """The row as its JSON record (``completion``: the 完成情况 text in ``lang``)."""
        from gov_deadlines.outputs.records import SupervisionRowRecord

        return SupervisionRowRecord(
            task=self.task,
            completed=self.completed,
            not_due=self.not_due,
            completion=self.status(lang),
            problems=self.problems,
            remedy=self.remedy,
            responsible=self.responsible,
            materials_from=self.materials_from,
            provisional=self.provisional,
        )

    def status(self, lang: str = "zh") -> str:
        """完成情况: 已完成 / 未到期 / 未完成."""
        zh = is_zh(lang)
        if self.completed:
            return DONE_ZH if zh else DONE_EN
        if self.not_due:
            return NOT_DUE_ZH if zh else NOT_DUE_EN
        return NOT_DONE_ZH if zh else NOT_DONE_EN

    def cells(self, number: int, lang: str = "zh") -> tuple[str, ...]:
        status = self.status(lang)
        return (
            str(number),
            self.task,
            status,
            self.problems,
            self.remedy,
            self.responsible,
            self.materials_from,
        )


def form_headers(lang: str = "zh") -> tuple[str, ...]:
    """The form's column headings."""
    return HEADERS_ZH if is_zh(lang) else HEADERS_EN


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", "<br>")


def write_form(
    rows: Iterable[SupervisionRow],
    stream: TextIO,
    *,
    lang: str = "zh",
    format: FormFormat = "markdown",
    title: str = "",
    note: str = "",
) -> WriteSummary:
    """Write the form of ``rows`` (a batch audit's :func:`~gov_deadlines.outputs.form_rows`
    or a log check's :func:`~gov_deadlines.outputs.supervision_rows`); return the rows
    written and how many of them are provisional.

    ``format="markdown"``: a table under the heading ``title`` (if any), then ``note`` as
    given. ``format="csv"``: the table only, with a UTF-8 BOM so that Excel and WPS read
    it; ``stream`` should then be opened with ``newline=""``.
    """
    head = form_headers(lang)
    written = WriteSummary()
    if format == "csv":
        stream.write("\ufeff")
        writer = csv.writer(stream)
        writer.writerow(head)
        for row in rows:
            written.rows += 1
            written.provisional_rows += row.provisional
            writer.writerow(row.cells(written.rows, lang))
        return written
    lines = [f"## {title}", ""] if title else []
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    for row in rows:
        written.rows += 1
        written.provisional_rows += row.provisional
        lines.append("| " + " | ".join(_md(c) for c in row.cells(written.rows, lang)) + " |")
    stream.write("\n".join(lines) + "\n" + note)
    return written
