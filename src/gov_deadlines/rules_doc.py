"""Documentation generated from the rule catalogue: ``docs/rules.md`` and ``docs/rule-schema.json``.

``python -m gov_deadlines.rules_doc`` rewrites both files and ``docs/policies.md``
(:mod:`gov_deadlines.catalogue.policies_doc`); ``--check`` only compares them and exits 1 when one is
stale (``tests/test_rules_docs.py`` does the same). Nothing in the
output depends on the clock or the machine, so the files are reproducible byte for byte.

``docs/rules.md`` lists every document of the catalogue — the five seed documents in seed
order, then the national rules (条例 2019, 条例 2008, 国办发〔2016〕61号) — with its
citation, every rule (id, titles, kind, strength, period or date, trigger event, quoted
words, clause, how it is counted), the passages recorded as not being timing rules, and one
worked example computed from the document's own dates (:data:`WORKED_EXAMPLES`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gov_deadlines.calendar.workcalendar import DayKind, weekday_name
from gov_deadlines.catalogue import (
    KIND_LABELS,
    STRENGTH_LABELS,
    Catalogue,
    Rule,
    Source,
    default_catalogue,
)
from gov_deadlines.catalogue.lookup import DelegationNote, VersionNote, due
from gov_deadlines.catalogue.schema import RuleFile
from gov_deadlines.counting.deadlines import Deadline
from gov_deadlines.counting.periods import FixedDate, Hours, WorkingDays
from gov_deadlines.errors import GovDeadlinesError

__all__ = [
    "NATIONAL_ORDER",
    "WORKED_EXAMPLES",
    "Step",
    "WorkedExample",
    "document_order",
    "main",
    "rule_schema_json",
    "rules_markdown",
    "worked_example_results",
]

#: The national documents, after the seed documents, in this order.
NATIONAL_ORDER = ("ogi-2019", "ogi-2008", "gbf-2016-61")

RULES_MD = "rules.md"
SCHEMA_JSON = "rule-schema.json"


# -- the JSON Schema -------------------------------------------------------------------------------


def rule_schema_json() -> str:
    """The JSON Schema of a rule file (``RuleFile.model_json_schema()``), as the docs hold it."""
    schema = RuleFile.model_json_schema()
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


# -- worked examples ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Step:
    """One computation of a worked example: ``due(rule_id, trigger, **options)``."""

    rule_id: str
    trigger: dt.date | dt.datetime | int
    zh: str
    en: str
    options: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class WorkedExample:
    """A story told with a document's own dates, and the deadlines it gives."""

    source: str
    zh: str
    en: str
    steps: tuple[Step, ...] = field(default=())


D = dt.date

WORKED_EXAMPLES: tuple[WorkedExample, ...] = (
    WorkedExample(
        "sh-2018",
        "沪府办发〔2018〕16号于2018-04-26(周四)公布《2018年上海市政务公开工作要点》"
        "(假定公布日即通知日期)。各区、各部门的实施方案何时须在网站公开?同日形成的重大建设项目"
        "信息何时须公开?年底前的事项截至哪一天?",
        "沪府办发〔2018〕16号 made the 2018 work plan public on Thursday 2018-04-26 (taking the "
        "notice's date as the publication date). When must each unit's implementation plan be on "
        "its website, when must information on a major project formed that day be disclosed, and "
        "what does “by the end of the year” mean?",
        (
            Step(
                "sh-2018.implementation-plan",
                D(2018, 4, 26),
                "工作要点公布",
                "work plan made public",
            ),
            Step(
                "sh-2018.statutory-disclosure",
                D(2018, 4, 26),
                "重大建设项目信息形成",
                "information on a major project formed",
            ),
            Step("sh-2018.survey-report", 2018, "年度", "year"),
        ),
    ),
    WorkedExample(
        "bz-2017",
        "巴委办〔2017〕28号于2017-03-17(周五)印发。实施方案何时到期?同日印发的规范性文件"
        "何时须公开发布?“力争3年内”的轮训到哪一天?",
        "巴委办〔2017〕28号 was issued on Friday 2017-03-17. When was the implementation plan "
        "due, when must a normative document issued that day be published, and when do the "
        "“within 3 years” training rounds end?",
        (
            Step(
                "bz-2017.implementation-plan",
                D(2017, 3, 17),
                "本意见印发",
                "these Opinions issued",
            ),
            Step(
                "bz-2017.normative-document",
                D(2017, 3, 17),
                "规范性文件同日印发",
                "a normative document issued the same day",
            ),
            Step(
                "bz-2017.staff-training",
                D(2017, 3, 17),
                "本意见印发",
                "these Opinions issued",
            ),
        ),
    ),
    WorkedExample(
        "ah-checklist",
        "督察表没有日期,也没有数值时限:“及时公开”不计算,需要数字时适用全国默认——"
        "政府信息形成之日起20个工作日(ogi.proactive-disclosure,按形成日选用2008年或2019年条例)。"
        "例:表中机构名称所示年代的一项决策于2017-09-29(周五)作出;同样的决策若于2026-09-28(周一)作出。",
        "The checklist is undated and sets no number: “及时公开” is not computed; where a number "
        "is needed the national default applies — 20 working days from the information's "
        "formation (family ogi.proactive-disclosure, the 2008 or 2019 regulation by that date). "
        "Example: a decision taken on Friday 2017-09-29, in the period the form's agency names "
        "point to; the same decision taken on Monday 2026-09-28.",
        (
            Step(
                "ah-checklist.timely-disclosure",
                D(2017, 9, 29),
                "决策作出",
                "decision taken",
            ),
            Step(
                "ogi.proactive-disclosure",
                D(2017, 9, 29),
                "决策作出(全国默认)",
                "decision taken (national default)",
            ),
            Step(
                "ogi.proactive-disclosure",
                D(2026, 9, 28),
                "决策作出(全国默认)",
                "decision taken (national default)",
            ),
        ),
    ),
    WorkedExample(
        "sd-2018",
        "鲁政办发〔2018〕21号于2018-07-04(周三)印发并公布。试点验收、试点报告何时到期?"
        "当天张贴的扶贫资金项目公示至少保持到哪一天?本通知的解读材料何时须发布?",
        "鲁政办发〔2018〕21号 was issued and made public on Wednesday 2018-07-04. When were the "
        "pilot acceptance and the pilot report due, how long must a poverty-fund notice posted "
        "that day stay up, and when were interpretation materials for the notice due?",
        (
            Step("sd-2018.pilot-acceptance", 2018, "年度", "year"),
            Step("sd-2018.pilot-report", 2018, "年度", "year"),
            Step(
                "sd-2018.poverty-fund-notice",
                D(2018, 7, 4),
                "公示张贴",
                "notice posted",
            ),
            Step(
                "sd-2018.poverty-fund-notice",
                D(2018, 7, 4),
                "公示张贴(张贴当日计为第1天)",
                "notice posted (posting day counted as day 1)",
                (("posting_day_counts", True),),
            ),
            Step(
                "sd-2018.policy-interpretation",
                D(2018, 7, 4),
                "本通知公布",
                "this notice made public",
            ),
        ),
    ),
    WorkedExample(
        "jy-2024",
        "菊园新区工作要点于2024-04-19(周五)发布。当天收到的政策咨询留言最迟何时答复?"
        "简单问题呢?工作要点能约束的第一份政府信息公开年报何时到期?",
        "Juyuan's work plan is dated Friday 2024-04-19. By when must a policy-consultation "
        "message received that day be answered, and a simple question? When is the first annual "
        "OGI report the plan can govern due?",
        (
            Step(
                "jy-2024.policy-consultation-reply",
                D(2024, 4, 19),
                "收到留言",
                "message received",
            ),
            Step(
                "jy-2024.simple-question-reply",
                D(2024, 4, 19),
                "收到简单问题",
                "simple question received",
            ),
            Step("jy-2024.annual-report", 2025, "年度", "year"),
        ),
    ),
    WorkedExample(
        "ogi-2019",
        "2019年条例自2019-05-15(周三)施行。当天收到的申请何时答复、何时须一次性告知补正?"
        "前一天收到的申请仍适用2008年条例。按新条例的第一份年报何时到期?",
        "The 2019 regulation took effect on Wednesday 2019-05-15. By when must an application "
        "received that day be answered, and any request for correction be made? An application "
        "received the day before still falls under the 2008 regulation. When was the first "
        "annual report under the new regulation due?",
        (
            Step("ogi.reply", D(2019, 5, 15), "收到申请", "application received"),
            Step(
                "ogi-2019.supplement-notice",
                D(2019, 5, 15),
                "收到申请",
                "application received",
            ),
            Step(
                "ogi.reply", D(2019, 5, 14), "收到申请(前一天)", "application received (day before)"
            ),
            Step("ogi.annual-report", 2020, "年度", "year"),
        ),
    ),
    WorkedExample(
        "ogi-2008",
        "2008年条例自2008-05-01(周四,劳动节)施行。当天收到的申请何时答复?第一份年报何时到期?",
        "The 2008 regulation took effect on Thursday 2008-05-01, a Labour Day holiday. By when "
        "must an application received that day be answered? When was the first annual report due?",
        (
            Step("ogi.reply", D(2008, 5, 1), "收到申请", "application received"),
            Step("ogi.annual-report", 2009, "年度", "year"),
        ),
    ),
    WorkedExample(
        "gbf-2016-61",
        "国办发〔2016〕61号于2016-08-12(周五)发布。设当晚20:00监测发现一起涉及重大突发事件的政务舆情:"
        "新闻发布会和其他舆情的回应各自最迟何时?小时时限昼夜连续计算,周末不顺延。",
        "国办发〔2016〕61号 was published on Friday 2016-08-12. Say a public-opinion matter on a "
        "major incident is detected at 20:00 that evening: when are the press conference and the "
        "response to other public opinion due at the latest? Hour limits run day and night, "
        "weekends included.",
        (
            Step(
                "gbf-2016-61.major-incident-press-conference",
                dt.datetime(2016, 8, 12, 20, 0),
                "舆情监测发现",
                "public opinion detected",
            ),
            Step(
                "gbf-2016-61.opinion-response",
                dt.datetime(2016, 8, 12, 20, 0),
                "舆情监测发现",
                "public opinion detected",
            ),
        ),
    ),
)


def worked_example_results(
    catalogue: Catalogue | None = None,
) -> list[tuple[WorkedExample, list[tuple[Step, Deadline | GovDeadlinesError]]]]:
    """Each worked example with the deadline (or the library's refusal) of each step."""
    results = []
    for example in WORKED_EXAMPLES:
        computed: list[tuple[Step, Deadline | GovDeadlinesError]] = []
        for step in example.steps:
            try:
                outcome: Deadline | GovDeadlinesError = due(
                    step.rule_id, step.trigger, catalogue=catalogue, **dict(step.options)
                )
            except GovDeadlinesError as error:
                outcome = error
            computed.append((step, outcome))
        results.append((example, computed))
    return results


# -- Markdown ----------------------------------------------------------------------------------


def document_order(catalogue: Catalogue) -> list[Source]:
    """Seed documents by seed file, then the national ones, then any other by id."""
    sources = catalogue.sources
    seeded = sorted((s for s in sources.values() if s.seed), key=lambda s: (s.seed or "", s.id))
    national = [sources[sid] for sid in NATIONAL_ORDER if sid in sources]
    placed = {s.id for s in (*seeded, *national)}
    rest = sorted((s for s in sources.values() if s.id not in placed), key=lambda s: s.id)
    return [*seeded, *national, *rest]


def _count(n: int) -> str:
    return f"{n} rule" if n == 1 else f"{n} rules"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _day(day: dt.date, lang: str = "zh") -> str:
    return f"{day.isoformat()}({weekday_name(day, lang)})"


def _trigger_text(trigger: dt.date | dt.datetime | int) -> str:
    if isinstance(trigger, int):
        return f"{trigger}年"
    if isinstance(trigger, dt.datetime):
        return f"{trigger:%Y-%m-%d %H:%M}({weekday_name(trigger.date())})"
    return _day(trigger)


def _period_texts(item: Rule) -> tuple[str, str]:
    """What the rule requires, in numbers: (zh, en)."""
    if item.kind in ("deadline", "min-duration", "fixed-date"):
        period = item.typed_period
        if period is None:
            target = item.delegates_to
            return f"法定时限,见 `{target}`", f"the statutory limit: see `{target}`"
        zh, en = period.text("zh"), period.text("en")
        if isinstance(period, FixedDate) and item.first_year is not None:
            zh, en = f"{zh}(自{item.first_year}年起)", f"{en} (from {item.first_year})"
        if item.max_extension is not None:
            zh += f";经批准可延长,最长{item.max_extension.text('zh')}"
            en += f"; may be extended, by at most {item.max_extension.text('en')}"
        return zh, en
    if item.kind == "cadence":
        return (
            ("按月(每个自然月至少1次)", "monthly (at least once in each calendar month)")
            if item.cadence == "monthly"
            else (
                "按季度(每个自然季度至少1次)",
                "quarterly (at least once in each calendar quarter)",
            )
        )
    if item.kind == "quota" and item.quota is not None:
        count = item.quota.count
        years = "、".join(str(y) for y in item.years or ())
        if item.quota.window == "august":
            zh, en = f"每年8月内至少{count}次", f"at least {count} in August each year"
        elif years:
            zh = f"{years}年内至少{count}次"
            en = f"at least {count} in {', '.join(str(y) for y in item.years or ())}"
        else:
            zh, en = f"每年至少{count}次", f"at least {count} each calendar year"
        return zh, en
    default = item.national_default
    zh = "无数值,不计算"
    en = "no number: not computed"
    if default:
        zh += f";全国默认见 `{default}`"
        en += f"; national default: `{default}`"
    return zh, en


def _rule_section(item: Rule, catalogue: Catalogue) -> list[str]:
    kind_zh, kind_en = KIND_LABELS[item.kind]
    strength_zh, strength_en = STRENGTH_LABELS[item.strength]
    period_zh, period_en = _period_texts(item)
    clause = item.clause + (f"(种子文件第{item.seed_line}行 seed line)" if item.seed_line else "")
    rows = [
        ("类型 Kind", f"{kind_zh} · {kind_en}"),
        ("要求 Strength", f"{strength_zh} · {strength_en}"),
        ("时限 Limit", f"{period_zh} · {period_en}"),
    ]
    if item.trigger is not None:
        event = catalogue.event(item.trigger)
        rows.append(("起算事件 Trigger", f"{event.zh} · {event.en} (`{event.id}`)"))
    rows.append(("条款 Clause", clause))
    rows.append(("约束对象 Binds", f"{item.binds_zh} · {item.binds_en}"))
    if item.family:
        rows.append(("版本族 Family", f"`{item.family}` (按施行日期选用版本 · version by date)"))
    if item.delegates_to:
        rows.append(("引用 Applies", f"`{item.delegates_to}`"))
    if item.national_default:
        rows.append(("全国默认 National default", f"`{item.national_default}`"))
    lines = [
        f"### {item.id}",
        "",
        f"**{item.title_zh}** — {item.title_en}",
        "",
        "| | |",
        "|---|---|",
        *(f"| {name} | {_cell(value)} |" for name, value in rows),
        "",
        f"> {item.quote}",
        "",
        *(
            [
                f"**未核对官方全文** — {item.unverified_zh}",
                "",
                f"**Not checked against the official text** — {item.unverified_en}",
                "",
            ]
            if not item.verified
            else []
        ),
        f"计算:{item.counting_zh}",
        "",
        f"Counting: {item.counting_en}",
        "",
    ]
    if item.note_zh:
        lines += [f"备注:{item.note_zh}", "", f"Note: {item.note_en}", ""]
    if item.policies:
        named = ", ".join(f"[`{name}`](policies.md#{name})" for name in item.policies)
        lines += [f"本库政策 Policies: {named}", ""]
    return lines


def _outcome_texts(step: Step, outcome: Deadline | GovDeadlinesError) -> tuple[str, str, str]:
    """(due, notes zh, notes en) of one worked-example step."""
    if isinstance(outcome, GovDeadlinesError):
        return "—", outcome.message("zh"), outcome.message("en")
    zh: list[str] = []
    en: list[str] = []
    delegated: set[str] = set()
    for note in outcome.notes:
        if isinstance(note, DelegationNote):
            delegated.add(note.target.id)
            zh.append(f"适用法定时限 {note.target.id}")
            en.append(f"applies the statutory limit {note.target.id}")
        elif isinstance(note, VersionNote) and note.chosen.id not in delegated:
            zh.append(f"适用 {note.chosen.id}")
            en.append(f"applies {note.chosen.id}")
    zh.append(f"期限:{outcome.period.text('zh')}")
    en.append(f"limit: {outcome.period.text('en')}")
    if isinstance(outcome.period, WorkingDays):
        makeup = [
            info.date
            for info in outcome.calendar.notable_days(outcome.trigger_date, outcome.due_date)
            if info.kind is DayKind.MAKEUP_WORKDAY
        ]
        if makeup:
            zh.append("期间内调休上班日计入:" + "、".join(_day(d) for d in makeup))
            en.append("make-up working days counted: " + ", ".join(_day(d, "en") for d in makeup))
    if dict(step.options).get("posting_day_counts"):
        zh.append("张贴当日计为第1天")
        en.append("posting day counted as day 1")
    if outcome.unrolled_date is not None:
        last = outcome.unrolled_date
        zh.append(f"末日{_day(last)}为休息日,顺延至{_day(outcome.due_date)}")
        en.append(
            f"the last day {_day(last, 'en')} is a rest day, moved to {_day(outcome.due_date, 'en')}"
        )
    if outcome.last_workday is not None:
        if outcome.last_workday != outcome.due_date:
            zh.append(f"该日非工作日,其前最后一个工作日为{_day(outcome.last_workday)}")
            en.append(
                "not a working day; the last working day before it is "
                f"{_day(outcome.last_workday, 'en')}"
            )
        elif outcome.calendar.day_info(outcome.due_date).kind is DayKind.MAKEUP_WORKDAY:
            zh.append("该日为调休上班日")
            en.append("a make-up working day")
        else:
            zh.append("该日为工作日")
            en.append("a working day")
    if outcome.earliest_removal is not None:
        zh.append(f"最早撤除日{_day(outcome.earliest_removal)}")
        en.append(f"may come down from {_day(outcome.earliest_removal, 'en')}")
    if isinstance(outcome.period, Hours):
        due_text = f"{outcome.due_at:%Y-%m-%d %H:%M}({weekday_name(outcome.due_at.date())})"
    else:
        due_text = f"{_day(outcome.due_date)} 24:00"
    return due_text, ";".join(zh), "; ".join(en)


def _example_section(
    example: WorkedExample, computed: Sequence[tuple[Step, Deadline | GovDeadlinesError]]
) -> list[str]:
    lines = [
        "#### 算例 Worked example",
        "",
        example.zh,
        "",
        example.en,
        "",
        "| 规则 Rule | 起算 Trigger | 截止 Due | 说明 | Notes |",
        "|---|---|---|---|---|",
    ]
    for step, outcome in computed:
        due_text, zh, en = _outcome_texts(step, outcome)
        trigger = f"{step.zh} {_trigger_text(step.trigger)}"
        lines.append(
            f"| `{step.rule_id}` | {_cell(trigger)} | {_cell(due_text)} | {_cell(zh)} | {_cell(en)} |"
        )
    lines.append("")
    return lines


def _source_lines(source: Source) -> list[str]:
    lines = [
        f"- 文件:{source.cite('zh')}",
        f"- Document: {source.cite('en')}",
        f"- 适用地域 Jurisdiction: {source.jurisdiction} · {source.jurisdiction_en}",
    ]
    if source.seed:
        flag = "(繁体印刷,引文为简体 · printed in traditional characters; quotes in simplified)"
        lines.append(
            f"- 种子文件 Seed: `../shared/seeds/{source.seed}`"
            + (flag if source.traditional else "")
        )
    if source.effective_from or source.effective_until:
        start = source.effective_from.isoformat() if source.effective_from else "…"
        until = source.effective_until.isoformat() if source.effective_until else "…"
        lines.append(f"- 施行 In force: {start} — {until}")
    if source.url:
        lines.append(f"- URL: <{source.url}>")
    return lines


def rules_markdown(catalogue: Catalogue | None = None) -> str:
    """``docs/rules.md``: every document and rule of the catalogue, with worked examples."""
    cat = catalogue or default_catalogue()
    files = {file.source.id: file for file in cat.files()}
    order = document_order(cat)
    examples = {ex.source: (ex, computed) for ex, computed in worked_example_results(cat)}
    total = sum(len(f.rule) for f in files.values())
    out = [
        "# 规则目录 Rule catalogue",
        "",
        "<!-- Generated by `python -m gov_deadlines.rules_doc` from "
        "src/gov_deadlines/data/rules/*.toml. Do not edit by hand: "
        "tests/test_rules_docs.py fails when this file is stale. -->",
        "",
        f"Every timing rule of the five source documents and of the national rules they rely on: "
        f"{total} rules in {len(order)} documents, each with the document's own words. "
        "Ids are those of `../shared/RULES.md`; the rule-file schema is "
        "[`rule-schema.json`](rule-schema.json). Compute any of them with "
        "`gov_deadlines.due(rule_id, trigger)`.",
        "",
        "Quotes of a seed document are checked against the seed, line by line; quotes of the "
        "national texts against the official texts in `../shared/statutes/`, article and "
        "paragraph (款), full-width punctuation as printed. A quote that could not be checked "
        "against an official text is marked **未核对官方全文** with the reason. Where a text is "
        "silent the library applies named readings — its [policies](policies.md), never part "
        "of a quote.",
        "",
        "Kinds: " + ", ".join(f"{zh} · {en}" for zh, en in KIND_LABELS.values()) + ".",
        "Strength: " + ", ".join(f"{zh} · {en}" for zh, en in STRENGTH_LABELS.values()) + ".",
        "",
        "## 目录 Contents",
        "",
    ]
    for source in order:
        label = source.number or source.title
        out.append(
            f"- [{source.id}](#{source.id}) — 《{source.title}》"
            + (f" {label}" if source.number else "")
            + f" ({_count(len(files[source.id].rule))})"
        )
    out.append("")
    for source in order:
        file = files[source.id]
        out += [f'<a id="{source.id}"></a>', "", f"## {source.id} — 《{source.title}》", ""]
        out += _source_lines(source)
        out.append("")
        for item in file.rule:
            out += _rule_section(item, cat)
        if file.not_a_rule:
            out += [
                "#### 不是时限 Not timing rules",
                "",
                "| 行 Line | 原文 Words | 理由 Why |",
                "|---|---|---|",
            ]
            for entry in file.not_a_rule:
                line = str(entry.seed_line) if entry.seed_line else "—"
                out.append(
                    f"| {line} | {_cell(entry.quote)} | "
                    f"{_cell(entry.reason_zh)} {_cell(entry.reason_en)} |"
                )
            out.append("")
        if source.id in examples:
            out += _example_section(*examples[source.id])
    return "\n".join(out).rstrip("\n") + "\n"


# -- command line ---------------------------------------------------------------------------------


def _default_docs() -> Path:
    """``docs/`` of the source checkout this module sits in, else of the working directory."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file():
        return root / "docs"
    return Path.cwd() / "docs"


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite docs/rules.md, docs/rule-schema.json and docs/policies.md (``--check``: compare)."""
    parser = argparse.ArgumentParser(
        prog="python -m gov_deadlines.rules_doc",
        description="Generate docs/rules.md and docs/rule-schema.json from the rule catalogue.",
    )
    parser.add_argument("--docs", type=Path, default=None, help="the docs folder (default: ./docs)")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is stale"
    )
    args = parser.parse_args(argv)
    docs: Path = args.docs or _default_docs()
    from gov_deadlines.catalogue.policies_doc import POLICIES_MD, policies_markdown

    wanted = {
        RULES_MD: rules_markdown(),
        SCHEMA_JSON: rule_schema_json(),
        POLICIES_MD: policies_markdown(),
    }
    stale = []
    for name, text in wanted.items():
        path = docs / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            docs.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    for path in stale:
        verb = "stale" if args.check else "wrote"
        sys.stdout.write(f"{verb}: {path}\n")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
