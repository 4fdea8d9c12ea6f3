"""``docs/policies.md``: the library's policies (``data/policies.toml``) as a page for readers.

Written by ``python -m gov_deadlines.rules_doc`` together with docs/rules.md; a test fails when
the page differs from what the data gives.
"""

from __future__ import annotations

from gov_deadlines.catalogue import Catalogue, default_catalogue

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
        "`python -m gov_deadlines.rules_doc`; do not edit by hand. -->",
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
        out += [f"- 决定日期之处 Decides dates in: {where}", f"- 规则 Rules: {rules}", ""]
    return "\n".join(out).rstrip("\n") + "\n"
