"""The generated documentation: the rule catalogue (``docs/rules.md`` and one page per
document, ``docs/rules/<source id>.md``), ``docs/rule-schema.json``, ``docs/policies.md`` and
the JSON Schemas of the records (``docs/schemas/*.json``, also shipped in the package as
``gov_deadlines/data/schemas/*.json``: :mod:`gov_deadlines.outputs.schemas`).

``python -m tools.gen_docs`` rewrites them from the catalogue (the rule files, their pydantic
schema and ``data/policies.toml``) and removes the page of a document the catalogue no
longer has; ``--check`` only compares and exits 1 when one is stale
(``tests/tools/test_rules_docs.py`` does the same). Nothing in the output depends on the
clock or the machine, so the files are reproducible byte for byte.

``docs/rules.md`` lists every document of the catalogue — the five seed documents in seed
order, then the national rules (条例 2019, 条例 2008, 国办发〔2016〕61号) — each linking
its page; a document's page has its citation, every rule (id, titles, kind, strength,
period or date, trigger event, citation, quoted words, how it is counted), the passages
recorded as not being timing rules, and one worked example computed from the document's own
dates (:data:`tools.worked_examples.WORKED_EXAMPLES`). ``docs/policies.md`` states each of
the library's readings with its basis, default and the rules that name it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from gov_deadlines.calendar.day import DayKind, weekday_name
from gov_deadlines.catalogue import (
    KIND_LABELS,
    STRENGTH_LABELS,
    Catalogue,
    Rule,
    Source,
    default_catalogue,
)
from gov_deadlines.catalogue.lookup import DelegationNote, VersionNote
from gov_deadlines.catalogue.receipt import REST_DAY_RECEIPT_POLICY
from gov_deadlines.catalogue.schema import RuleFile
from gov_deadlines.counting import Deadline
from gov_deadlines.counting.periods import FixedDate, Hours, WorkingDays
from gov_deadlines.errors import GovDeadlinesError
from gov_deadlines.outputs.schemas import RECORD_TYPES, schema_json
from tools.worked_examples import (
    RuleOutcome,
    Step,
    WorkedExample,
    rule_example_results,
    story_rule_ids,
    worked_example_results,
)

__all__ = [
    "NATIONAL_ORDER",
    "POLICIES_MD",
    "RULES_DIR",
    "RULES_MD",
    "SCHEMA_JSON",
    "document_order",
    "main",
    "policies_markdown",
    "rule_pages",
    "rule_schema_json",
    "rules_markdown",
    "source_markdown",
    "source_page",
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


def _rule_section(
    item: Rule, catalogue: Catalogue, example: tuple[Step, RuleOutcome] | None
) -> list[str]:
    kind_zh, kind_en = KIND_LABELS[item.kind]
    strength_zh, strength_en = STRENGTH_LABELS[item.strength]
    period_zh, period_en = _period_texts(item)
    clause = item.clause + (f"(种子文件第{item.seed_line}行 seed line)" if item.seed_line else "")
    source = item.source
    rows = [
        ("类型 Kind", f"{kind_zh} · {kind_en}"),
        ("要求 Strength", f"{strength_zh} · {strength_en}"),
        ("时限 Limit", f"{period_zh} · {period_en}"),
    ]
    if item.trigger is not None:
        event = catalogue.event(item.trigger)
        rows.append(("起算事件 Trigger", f"{event.zh} · {event.en} (`{event.id}`)"))
    rows.append(("依据 Citation", f"{source.cite('zh')} {clause}"))
    rows.append(("约束对象 Binds", f"{item.binds_zh} · {item.binds_en}"))
    if item.family:
        rows.append(("版本族 Family", f"`{item.family}` (按施行日期选用版本 · version by date)"))
    if item.delegates_to:
        rows.append(("引用 Applies", f"`{item.delegates_to}`"))
    if item.national_default:
        rows.append(("全国默认 National default", f"`{item.national_default}`"))
    lines = [
        f"## {item.id}",
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
        named = ", ".join(f"[`{name}`](../policies.md#{name})" for name in item.policies)
        lines += [f"本库政策 Policies: {named}", ""]
    return lines + _rule_example_lines(item.id, example)


def _rule_example_lines(rule_id: str, example: tuple[Step, RuleOutcome] | None) -> list[str]:
    """A rule's own example, or a pointer to its document's story, or nothing (a rule with
    neither fails tests/catalogue/test_worked_examples.py)."""
    if example is None:
        if rule_id not in story_rule_ids():
            return []
        return [
            f"**算例 Example**: 见本页[算例](#{STORY_ANCHOR}) · in the page's worked example",
            "",
        ]
    step, outcome = example
    when = "" if isinstance(step.trigger, int) else f" {_trigger_text(step.trigger)}"
    head = f"**算例 Example**: {step.zh}{when} · {step.en}"
    if isinstance(outcome, list):
        lines = [
            head,
            "",
            "| 时段 Window | 截止 Due | 要求 Requirement | 工作日 Working day |",
            "|---|---|---|---|",
        ]
        for window in outcome:
            lines.append(
                f"| {window.window_label('zh')} · {window.window_label('en')} | "
                f"{_day(window.due_date)} | "
                f"{_cell(window.requirement('zh'))} · {_cell(window.requirement('en'))} | "
                f"{_cell(window.workday_line('zh'))} {_cell(window.workday_line('en'))} |"
            )
        return [*lines, ""]
    due_text, zh, en = _outcome_texts(step, outcome)
    return [
        head,
        "",
        "| 截止 Due | 说明 | Notes |",
        "|---|---|---|",
        f"| {_cell(due_text)} | {_cell(zh)} | {_cell(en)} |",
        "",
    ]


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
    if outcome.receipt_date is not None:
        moved = outcome.receipt_date
        zh.append(
            f"收到申请日为休息日,按政策 {REST_DAY_RECEIPT_POLICY} 自其后第一个工作日{_day(moved)}起算"
        )
        en.append(
            f"received on a rest day: counted from the next working day {_day(moved, 'en')} "
            f"(policy {REST_DAY_RECEIPT_POLICY})"
        )
    zh.append(f"期限:{outcome.period.text('zh')}")
    en.append(f"limit: {outcome.period.text('en')}")
    if isinstance(outcome.period, WorkingDays):
        start = outcome.receipt_date or outcome.trigger_date
        makeup = [
            info.date
            for info in outcome.calendar.notable_days(start, outcome.due_date)
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


#: The anchor of a page's "## 算例 Worked example" heading (GitHub's and the site's slug).
STORY_ANCHOR = "算例-worked-example"


def _example_section(
    example: WorkedExample, computed: Sequence[tuple[Step, Deadline | GovDeadlinesError]]
) -> list[str]:
    lines = [
        "## 算例 Worked example",
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


#: The folder of the documents' pages, beside ``docs/rules.md``.
RULES_DIR = "rules"


def source_page(source_id: str) -> str:
    """The page of one document, relative to ``docs/``: ``rules/<source id>.md``."""
    return f"{RULES_DIR}/{source_id}.md"


def rules_markdown(catalogue: Catalogue | None = None) -> str:
    """``docs/rules.md``: what the catalogue is, and one line per document linking its page."""
    cat = catalogue or default_catalogue()
    files = {file.source.id: file for file in cat.files()}
    order = document_order(cat)
    total = sum(len(f.rule) for f in files.values())
    out = [
        "# 规则目录 Rule catalogue",
        "",
        "<!-- Generated by `python -m tools.gen_docs` from "
        "src/gov_deadlines/data/rules/*.toml. Do not edit by hand: "
        "tests/tools/test_rules_docs.py fails when this file is stale. -->",
        "",
        f"Every timing rule of the five source documents and of the national rules they rely on: "
        f"{total} rules in {len(order)} documents, each with the document's own words. "
        "Ids are those of `../shared/RULES.md`; the rule-file schema is "
        "[`rule-schema.json`](rule-schema.json). Compute any of them with "
        "`gov_deadlines.due(rule_id, trigger)`.",
        "",
        "Each document has its page: its citation, every rule (id, titles, kind, strength, "
        "period or date, trigger event, citation, quoted words, how it is counted, an "
        "example), the passages recorded as not being timing rules, and a worked example "
        "computed from the document's own dates.",
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
            f"- [{source.id}]({source_page(source.id)}) — 《{source.title}》"
            + (f" {label}" if source.number else "")
            + f" ({_count(len(files[source.id].rule))})"
        )
    return "\n".join(out).rstrip("\n") + "\n"


def source_markdown(
    source_id: str,
    catalogue: Catalogue | None = None,
    examples: Mapping[
        str, tuple[WorkedExample, Sequence[tuple[Step, Deadline | GovDeadlinesError]]]
    ]
    | None = None,
    own: Mapping[str, tuple[Step, RuleOutcome]] | None = None,
) -> str:
    """``docs/rules/<id>.md``: one document, its rules with their words, its worked example."""
    cat = catalogue or default_catalogue()
    file = next(f for f in cat.files() if f.source.id == source_id)
    if examples is None:
        examples = {ex.source: (ex, computed) for ex, computed in worked_example_results(cat)}
    if own is None:
        own = rule_example_results(cat)
    source = file.source
    out = [
        f"# {source.id} — 《{source.title}》",
        "",
        "<!-- Generated by `python -m tools.gen_docs` from "
        "src/gov_deadlines/data/rules/*.toml. Do not edit by hand: "
        "tests/tools/test_rules_docs.py fails when this file is stale. -->",
        "",
        *_source_lines(source),
        f"- {_count(len(file.rule))}; [all documents · 全部文件](../rules.md)",
        "",
    ]
    for item in file.rule:
        out += _rule_section(item, cat, own.get(item.id))
    if file.not_a_rule:
        out += [
            "## 不是时限 Not timing rules",
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


def rule_pages(catalogue: Catalogue | None = None) -> dict[str, str]:
    """Every page of the catalogue, by path relative to ``docs/``: the index, then each document."""
    cat = catalogue or default_catalogue()
    examples = {ex.source: (ex, computed) for ex, computed in worked_example_results(cat)}
    own = rule_example_results(cat)
    pages = {RULES_MD: rules_markdown(cat)}
    for source in document_order(cat):
        pages[source_page(source.id)] = source_markdown(source.id, cat, examples, own)
    return pages


# -- docs/policies.md ----------------------------------------------------------------------------

POLICIES_MD = "policies.md"

_WHERE = {
    "due": "`due`(计算单条规则的期限 · computing one rule)",
    "audit": "案件核查 · the case audit",
}


def policies_markdown(catalogue: Catalogue | None = None) -> str:
    """The page: what a policy is, then each policy with its reading, basis, default, rules."""
    cat = catalogue or default_catalogue()
    users: dict[str, list[str]] = {}
    for file in cat.files():
        for item in file.rule:
            for name in item.policies:
                users.setdefault(name, []).append(item.id)
    out = [
        "# 本库的政策 · The library's policies",
        "",
        "<!-- Generated from src/gov_deadlines/data/policies.toml by "
        "`python -m tools.gen_docs`; do not edit by hand. -->",
        "",
        "条文没有规定、而计算日期又必须作出选择之处,本库采用下列理解。它们是本库的政策,"
        "不是法律:不出现在任何引文(原文)或“依据”行中;每当某项政策决定了一个日期,"
        "说明(`--explain` / `explain()`)都会写出它的编号。",
        "",
        "Where the text is silent and a date needs a choice, the library applies the readings "
        "below. They are the library's policies, not law: never inside a quote or on a "
        "source (“依据”) line; whenever one decides a date, the explanation names it by id.",
        "",
        "| 编号 Id | 政策 Policy | 默认 Default |",
        "|---|---|---|",
    ]
    policies = cat.policies
    for policy in policies.values():
        out.append(
            f"| [`{policy.id}`](#{policy.id}) | {policy.title_zh} · {policy.title_en} | "
            f"{policy.default_zh} · {policy.default_en} |"
        )
    out.append("")
    for policy in policies.values():
        rules = ", ".join(f"`{name}`" for name in users.get(policy.id, [])) or "—"
        where = "; ".join(_WHERE[name] for name in policy.applies_in)
        out += [
            f'<a id="{policy.id}"></a>',
            "",
            f"## {policy.id}",
            "",
            f"**{policy.title_zh}** — {policy.title_en}",
            "",
            f"- 做法:{policy.reading_zh}",
            f"- Reading: {policy.reading_en}",
            f"- 理由:{policy.basis_zh}",
            f"- Basis: {policy.basis_en}",
            f"- 默认 Default: {policy.default_zh} · {policy.default_en}",
        ]
        if policy.switch_zh:
            out.append(f"- 更改 Switch: {policy.switch_zh} · {policy.switch_en}")
        if policy.switch_python:
            out.append(f"- Python: `{policy.switch_python}`")
        out += [f"- 决定日期之处 Decides dates in: {where}", f"- 规则 Rules: {rules}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


# -- command line ---------------------------------------------------------------------------------


#: ``docs/`` of the repository this module sits in.
DOCS = Path(__file__).resolve().parents[1] / "docs"
#: Where the wheel carries the record schemas (``bundled.data_path("schemas", …)``).
PACKAGE_SCHEMAS = Path(__file__).resolve().parents[1] / "src" / "gov_deadlines" / "data" / "schemas"


def main(argv: Sequence[str] | None = None) -> int:
    """Rewrite docs/rules.md, docs/rule-schema.json and docs/policies.md (``--check``: compare)."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.gen_docs",
        description="Generate docs/rules.md, docs/rule-schema.json and docs/policies.md.",
    )
    parser.add_argument(
        "--docs", type=Path, default=None, help="the docs folder (default: the repository's docs/)"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is stale"
    )
    args = parser.parse_args(argv)
    docs: Path = args.docs or DOCS
    wanted: dict[Path, str] = {docs / name: text for name, text in rule_pages().items()}
    wanted[docs / SCHEMA_JSON] = rule_schema_json()
    wanted[docs / POLICIES_MD] = policies_markdown()
    # The record schemas, in the docs and (the same bytes) in the package data.
    for name in RECORD_TYPES:
        text = schema_json(name)
        wanted[docs / "schemas" / f"{name}.json"] = text
        if args.docs is None:
            wanted[PACKAGE_SCHEMAS / f"{name}.json"] = text
    stale = []
    for path, text in wanted.items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    # a page of a document the catalogue no longer has
    folder = docs / RULES_DIR
    gone = sorted(set(folder.glob("*.md")) - set(wanted)) if folder.is_dir() else []
    for path in gone:
        if not args.check:
            path.unlink()
    for path in stale:
        verb = "stale" if args.check else "wrote"
        sys.stdout.write(f"{verb}: {path}\n")
    for path in gone:
        verb = "no such document" if args.check else "removed"
        sys.stdout.write(f"{verb}: {path}\n")
    return 1 if args.check and (stale or gone) else 0


if __name__ == "__main__":
    raise SystemExit(main())
