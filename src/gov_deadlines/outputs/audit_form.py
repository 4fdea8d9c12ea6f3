"""The batch audit's supervision form (seed 002, 全面推进政务公开工作督察表): one row per
duty of the agency — 补正告知, 延期, 答复 — with 存在问题 filled from the
:class:`~gov_deadlines.outputs.summary.Summary` of a batch, written by
:func:`gov_deadlines.outputs.supervision.write_form` under :func:`form_title`, followed by
:func:`form_note`.
"""

from __future__ import annotations

import io

from gov_deadlines.cases.duties import DutyKind
from gov_deadlines.cases.versions import reply_versions
from gov_deadlines.catalogue import Rule, default_catalogue
from gov_deadlines.outputs.summary import (
    Summary,
    problem_texts,
    provisional_among,
    provisional_note,
)
from gov_deadlines.outputs.supervision import SupervisionRow, write_form
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Status, is_zh

__all__ = ["form_markdown", "form_note", "form_rows", "form_title"]

#: The library's policy on when an extension must be told (named on the extension row).
_EXTENSION_POLICY = "extension-told-before-original-limit"


def _cite(rule: Rule, zh: bool) -> str:
    if zh:
        return f"{rule.title_zh}(《{rule.source.title}》{rule.clause})"
    return f"{rule.title_en} ({rule.source.title_en}, {rule.clause})"


def _task(kind: DutyKind, zh: bool) -> str:
    """The duty of a row, from the rules of the versions of the 条例 (newest first): their
    titles and citations, the extension's limit from the reply rules' data."""
    cat = default_catalogue()
    versions = reply_versions(cat).items[::-1]
    sep = ";" if zh else "; "
    if kind is DutyKind.SUPPLEMENT_NOTICE:
        return sep.join(_cite(v.supplement, zh) for v in versions if v.supplement is not None)
    if kind is DutyKind.REPLY:
        return sep.join(_cite(v.reply, zh) for v in versions)
    limits = sep.join(
        f"最长{v.ext_cap}个工作日(《{v.reply.source.title}》{v.reply.clause})"
        if zh
        else f"at most {v.ext_cap} working days ({v.reply.source.title_en}, {v.reply.clause})"
        for v in versions
    )
    policy = cat.policies[_EXTENSION_POLICY]
    return (
        f"延长答复期限:{limits};{policy.line('zh')}"
        if zh
        else f"Extension of the reply limit: {limits}; {policy.line('en')}"
    )


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
                task=_task(kind, zh),
                completed=completed,
                problems=text,
                responsible=responsible if not completed else "",
                materials_from=materials_from,
                provisional=any(summary.provisional_duties[kind].values()),
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
        f"\n核查日:{as_of};共核查{summary.rows}件。"
        if zh
        else f"\nAudit day: {as_of}; {summary.rows} cases audited."
    )
    if summary.provisional_rows:
        note += "\n" + provisional_note(summary.provisional_rows, lang)
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
