"""The supervision form of seed 002 (全面推进政务公开工作督察表), one row per duty.

Columns: 序号 · 工作任务 · 完成情况 (已完成/未完成, or 未到期 for a duty not yet due) · 存在问题 · 整改措施 · 整改责任主体 ·
材料提供部门. The batch audit of applications and the compliance check of recurring duties
both report on this form through the renderers here.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from gov_deadlines.vocabulary import is_zh

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
class SupervisionRow:
    """One duty on the form. ``completed`` fills 完成情况; the rest are free text.

    ``not_due``: not completed, and not failed either: what is left of the duty is not yet
    due on the day of the check (a quarter still running). 完成情况 then reads 未到期, never
    未完成, which a supervisor reads as a failure.
    """

    task: str
    completed: bool
    problems: str = ""
    remedy: str = ""
    responsible: str = ""
    materials_from: str = ""
    not_due: bool = False

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


def headers(lang: str = "zh") -> tuple[str, ...]:
    return HEADERS_ZH if is_zh(lang) else HEADERS_EN


def write_csv(rows: Iterable[SupervisionRow], stream: TextIO, *, lang: str = "zh") -> int:
    """Write the form as CSV with a UTF-8 BOM (so Excel and WPS read it); return the row count.

    ``stream`` should be opened with ``newline=""`` and encoding ``utf-8``.
    """
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow(headers(lang))
    count = 0
    for count, row in enumerate(rows, start=1):
        writer.writerow(row.cells(count, lang))
    return count


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", "<br>")


def render_markdown(rows: Iterable[SupervisionRow], *, lang: str = "zh", title: str = "") -> str:
    """The form as a Markdown table (with an optional heading)."""
    head = headers(lang)
    lines = [f"## {title}", ""] if title else []
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    for number, row in enumerate(rows, start=1):
        lines.append("| " + " | ".join(_md(c) for c in row.cells(number, lang)) + " |")
    return "\n".join(lines) + "\n"
