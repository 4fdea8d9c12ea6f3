"""The batch audit's supervision form (seed 002, 全面推进政务公开工作督察表): one row per
duty of the agency — 补正告知, 延期, 答复 — with 存在问题 filled from the
:class:`~gov_deadlines.outputs.summary.Summary` of a batch, written by
:func:`gov_deadlines.outputs.supervision.write_form` under :func:`form_title`, followed by
:func:`form_note`.
"""

from __future__ import annotations

import io

from gov_deadlines.cases.duties import DutyKind
from gov_deadlines.outputs.summary import (
    Summary,
    problem_texts,
    provisional_among,
    provisional_note,
)
from gov_deadlines.outputs.supervision import SupervisionRow, write_form
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Status, is_zh

__all__ = ["form_markdown", "form_note", "form_rows", "form_title"]

_TASKS = {
    DutyKind.SUPPLEMENT_NOTICE: (
        "申请内容不明确的,自收到申请之日起7个工作日内一次性告知申请人作出补正(《政府信息公开条例》第三十条)",
        "Ask once for the correction of an unclear application within 7 working days of "
        "receipt (OGI Regulations art. 30)",
    ),
    DutyKind.EXTENSION: (
        "需要延长答复期限的,经政府信息公开工作机构负责人同意并告知申请人,延长不超过20个工作日"
        "(第三十三条第二款;2008年条例第二十四条第二款为15个工作日);"
        "本库另要求在原答复期限届满前告知(政策 extension-told-before-original-limit,条文未作规定)",
        "Extend the reply limit only with the approval of the head of the OGI office, told to "
        "the applicant, by at most 20 working days (art. 33(2); 2008: art. 24(2), 15 working "
        "days); the library also requires the notice before the original deadline (policy "
        "extension-told-before-original-limit; the text does not say so)",
    ),
    DutyKind.REPLY: (
        "自收到申请之日起20个工作日内答复;补正的自收到补正的申请之日起计算,征求意见时间不计入"
        "(第三十条、第三十三条第二款、第三款;2008年条例第二十四条为15个工作日)",
        "Reply within 20 working days of receipt (of the corrected application after a 补正), "
        "consultation time excluded (arts. 30, 33(2), 33(3); 2008: art. 24, 15 working days)",
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
    zh = is_zh(lang)
    problems = problem_texts(summary, lang)
    rows = []
    for kind in DutyKind:
        counts = summary.duties[kind]
        items = problems[kind]
        # Duties judged on provisional due dates that the problems above do not name.
        unnamed = sum(
            count
            for status, count in summary.provisional_duties[kind].items()
            if status not in (Status.LATE, Status.OVERDUE)
        )
        if sum(counts.values()) == 0:
            text = "本批无此类事项" if zh else "none in this batch"
        elif items:
            text = (";" if zh else "; ").join(items)
            if unnamed:
                text += (
                    f";另有{unnamed}件的期限为临时推算{PROVISIONAL_MARK['zh']}"
                    if zh
                    else f"; {unnamed} more with a provisional due date {PROVISIONAL_MARK['en']}"
                )
        else:
            text = ("无" if zh else "none") + provisional_among(unnamed, lang)
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


def form_title(lang: str = "zh") -> str:
    """The heading of the batch audit's form."""
    if is_zh(lang):
        return "全面推进政务公开工作督察表 · 依申请公开"
    return "Open-government supervision form · OGI applications"


def form_note(summary: Summary, lang: str = "zh") -> str:
    """What follows the batch audit's form: the audit day, the count, the provisional dates
    and the rows that could not be read."""
    zh = is_zh(lang)
    as_of = summary.as_of.isoformat() if summary.as_of else ("未指定" if zh else "not given")
    note = (
        f"\n核查日:{as_of};共核查{summary.total}件。"
        if zh
        else f"\nAudit day: {as_of}; {summary.total} cases audited."
    )
    if summary.provisional:
        note += "\n" + provisional_note(summary.provisional, lang)
    if summary.malformed:
        note += (
            f"另有{summary.malformed}行数据有误,未纳入核查(见明细)。"
            if zh
            else f" {summary.malformed} row(s) could not be read and are not counted above (see the details)."
        )
    return note + "\n"


def form_markdown(
    summary: Summary, *, lang: str = "zh", responsible: str = "", materials_from: str = ""
) -> str:
    """The supervision form as Markdown, with a note on the rows that could not be read."""
    stream = io.StringIO()
    write_form(
        form_rows(summary, lang=lang, responsible=responsible, materials_from=materials_from),
        stream,
        lang=lang,
        title=form_title(lang),
        note=form_note(summary, lang),
    )
    return stream.getvalue()
