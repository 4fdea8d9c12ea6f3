"""The supervision form (seed 002) of an activity-log check: one row per recurring duty
(or per window), with 存在问题 filled from the :class:`~gov_deadlines.recurring.WindowVerdict`
values of :func:`~gov_deadlines.recurring.check_log`; rendered by
:mod:`gov_deadlines.outputs.supervision`.
"""

from __future__ import annotations

from collections.abc import Iterable

from gov_deadlines.catalogue import STRENGTH_LABELS
from gov_deadlines.errors import ArgumentTypeError
from gov_deadlines.outputs.supervision import SupervisionRow
from gov_deadlines.recurring.compliance import WindowVerdict
from gov_deadlines.recurring.windows import Occurrence
from gov_deadlines.vocabulary import Status, is_zh

__all__ = ["strength_label", "supervision_rows"]


def _cadence_label(occ: Occurrence, lang: str) -> str:
    zh = is_zh(lang)
    labels = {
        "month": ("按月", "monthly"),
        "quarter": ("按季度", "quarterly"),
        "august": ("8月", "in August"),
        "year": ("年内", "in the year"),
        "fixed-date": (f"截至{occ.due_date.isoformat()}", f"by {occ.due_date.isoformat()}"),
    }
    label = labels[occ.window_kind][0 if zh else 1]
    return f"{occ.year}年,{label}" if zh else f"{occ.year}, {label}"


def supervision_rows(
    verdicts: Iterable[WindowVerdict], lang: str = "zh", *, per_window: bool = False
) -> list[SupervisionRow]:
    """The check on the supervision form of seed 002, one row per duty (or per window).

    工作任务 is the rule's title with the year and window; 完成情况 已完成 when every window
    was done (a fixed date done late is 已完成, with 逾期N天 under 存在问题), 未到期 when the
    windows not done are all still running on the ``as_of`` day (``pending``), else 未完成; 存在问题 lists the findings (``第二季度无记录``, ``逾期3天(1个工作日)…``);
    整改责任主体 is whom the rule binds. 整改措施 and 材料提供部门 are left for the supervisor.
    """
    zh = is_zh(lang)
    if not isinstance(verdicts, Iterable):
        raise ArgumentTypeError(
            "verdicts", verdicts, "WindowVerdict values (from check_log)", "定期任务核查结果"
        )
    groups: dict[str, list[WindowVerdict]] = {}
    for verdict in verdicts:
        if not isinstance(verdict, WindowVerdict):
            raise ArgumentTypeError(
                "verdicts", verdict, "WindowVerdict values (from check_log)", "定期任务核查结果"
            )
        key = (
            f"{verdict.rule_id}|{verdict.occurrence.window_start}"
            if per_window
            else verdict.rule_id
        )
        groups.setdefault(key, []).append(verdict)
    rows: list[SupervisionRow] = []
    sep = ";" if zh else "; "
    for group in groups.values():
        occ = group[0].occurrence
        label = occ.window_label(lang) if per_window else _cadence_label(occ, lang)
        title = occ.title(lang)
        task = f"{title}({label})" if zh else f"{title} ({label})"
        bad = [v for v in group if not v.met]
        empty = [
            v
            for v in bad
            if v.status is Status.OVERDUE and v.found == 0 and v.occurrence.kind != "fixed-date"
        ]
        findings: list[str] = []
        if len(empty) > 1 and len(empty) == len(group):  # every month / quarter of the year
            unit = "月" if occ.window_kind == "month" else "季度"
            findings.append(
                f"全年各{unit}均无记录"
                if zh
                else f"no record in any {'month' if unit == '月' else 'quarter'} of the year"
            )
            bad = []
        elif len(empty) > 1:  # "第二季度、第四季度无记录" rather than one finding each
            names = ("、" if zh else ", ").join(
                v.occurrence.window_label(lang, with_year=False) for v in empty
            )
            findings.append(f"{names}无记录" if zh else f"no record for {names}")
            bad = [v for v in bad if v not in empty]
        running = [v for v in bad if v.status is Status.PENDING]
        if len(running) > 1:  # "第三季度、第四季度尚未结束", once
            names = ("、" if zh else ", ").join(
                v.occurrence.window_label(lang, with_year=False) for v in running
            )
            bad = [v for v in bad if v.status is not Status.PENDING]
        findings.extend(v.finding(lang, with_year=per_window) for v in bad)
        if len(running) > 1:
            findings.append(f"{names}尚未结束" if zh else f"{names}: not ended yet")
        completed = all((v.status is Status.ON_TIME or v.status is Status.LATE) for v in group)
        rows.append(
            SupervisionRow(
                task=task,
                completed=completed,
                problems=sep.join(findings),
                responsible=occ.rule.binds_zh if zh else occ.rule.binds_en,
                # Windows still running are not failures: 未到期, unless another was missed.
                not_due=not completed and all(v.status is not Status.OVERDUE for v in group),
                provisional=any(v.provisional for v in group),
            )
        )
    return rows


def strength_label(occ: Occurrence, lang: str = "zh") -> str:
    """必须 / 原则上 / 力争 (must / in principle / aspirational), short."""
    label = STRENGTH_LABELS[occ.strength][0 if is_zh(lang) else 1]
    return label.split("(")[0]
