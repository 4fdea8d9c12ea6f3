"""The library's policies: one documented list, named wherever one decides a date.

A policy is a reading of the library where the text is silent (``data/policies.toml``,
``docs/policies.md``). These tests state: every policy is documented with its basis and its
default; the explanation of a case names a policy exactly when that policy decided a date of
the case; ``rule ogi-2019.reply`` shows the policies that apply to it; no quote and no "依据"
line carries a policy's words; no user-facing text says a quote was written "from memory".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from tools.gen_docs import policies_markdown

from _cli import run_main
from gov_deadlines import ReceiptPolicy, default_catalogue, due
from gov_deadlines.cases import AuditPolicy, audit_case
from gov_deadlines.catalogue import Catalogue
from gov_deadlines.catalogue.policies import default_policies
from gov_deadlines.catalogue.schema import parse_policy_file, parse_rule_file
from gov_deadlines.errors import RuleFileError

ROOT = Path(__file__).resolve().parents[2]
NAMES = {
    "extension-told-before-original-limit",
    "notice-counts-on-the-recorded-day",
    "rest-day-receipt-next-working-day",
    "consultation-time-capped-at-the-party-limit",
    "receipt-by-channel-for-2008-cases",
    "opinion-clock-from-detection",
    "receipt-assumed-from-another-recorded-date",
    "consultation-after-the-deadline-not-excluded",
    "notice-counts-when-sent",
    "email-received-by-the-mail-system",
    "guard-signed-letter-received-on-confirmation",
}


def explained(fields: dict[str, Any], policy: AuditPolicy | None = None) -> str:
    verdict = audit_case(fields, policy=policy) if policy else audit_case(fields)
    return verdict.explain("zh") + "\n" + verdict.explain("en")


def test_the_list_holds_each_named_policy_with_its_basis_and_default_in_both_languages() -> None:
    policies = default_policies()
    assert set(policies) == NAMES
    for policy in policies.values():
        for text in (policy.reading_zh, policy.basis_zh, policy.default_zh, policy.title_zh):
            assert text and any("\u4e00" <= ch <= "\u9fff" for ch in text)
        assert policy.reading_en and policy.basis_en and policy.default_en
        assert policy.applies_in
    assert default_catalogue().policies == policies


def test_docs_policies_md_is_what_the_data_gives() -> None:
    page = (ROOT / "docs" / "policies.md").read_text(encoding="utf-8")
    assert page == policies_markdown(), "run: python -m tools.gen_docs"
    for name in NAMES:
        assert f"## {name}" in page


def test_every_policy_is_named_by_some_rule_and_every_rule_names_known_policies() -> None:
    named = {name for item in default_catalogue().rules() for name in item.policies}
    assert named == NAMES


# -- each policy appears in the explanation of a case it decides ----------------------------------


def test_a_rest_day_receipt_names_its_policy_and_switched_off_it_does_not() -> None:
    fields = {"channel": "网络", "confirmed": "2026-03-01"}
    assert "rest-day-receipt-next-working-day" in explained(fields)
    off = explained(fields, AuditPolicy(receipt=ReceiptPolicy.AS_RECORDED))
    assert "rest-day-receipt-next-working-day" not in off
    assert "rest-day-receipt-next-working-day" not in explained(
        {"channel": "网络", "confirmed": "2026-03-02"}
    )


def test_due_names_the_rest_day_receipt_policy_exactly_when_it_moved_the_receipt() -> None:
    sunday, monday = dt.date(2026, 3, 1), dt.date(2026, 3, 2)
    for lang in ("zh", "en"):
        moved = due("ogi.reply", sunday).explain(lang)
        assert "rest-day-receipt-next-working-day" in moved
        assert "2026-03-02" in moved
        as_recorded = due("ogi.reply", sunday, receipt_policy=ReceiptPolicy.AS_RECORDED)
        assert "rest-day-receipt-next-working-day" not in as_recorded.explain(lang)
        assert "rest-day-receipt-next-working-day" not in due("ogi.reply", monday).explain(lang)


def test_due_and_the_audit_state_a_moved_receipt_in_the_same_words() -> None:
    sunday = dt.date(2026, 3, 8)
    verdict = audit_case({"channel": "当面", "submitted": sunday})
    deadline = due("ogi.reply", sunday)
    for lang in ("zh", "en"):
        moved = [f.text(lang) for f in verdict.findings if f.code == "receipt_moved"]
        assert len(moved) == 1
        assert moved[0] in deadline.explain_lines(lang)
        policy_line = default_policies()["rest-day-receipt-next-working-day"].line(lang)
        assert policy_line in deadline.explain_lines(lang)
        assert policy_line in verdict.explain(lang)


def test_the_old_audit_policy_keyword_still_switches_the_receipt_policy_with_a_warning() -> None:
    with pytest.warns(DeprecationWarning, match="receipt=ReceiptPolicy"):
        old = AuditPolicy(move_rest_day_receipt=False)
    assert old == AuditPolicy(receipt=ReceiptPolicy.AS_RECORDED)


def test_an_extension_names_the_notice_before_the_original_limit_policy() -> None:
    fields = {
        "channel": "当面",
        "submitted": "2026-03-02",
        "extension": {"approved": "2026-03-20", "told": "2026-03-23", "workdays": 10},
    }
    text = explained(fields)
    assert "extension-told-before-original-limit" in text
    assert "notice-counts-on-the-recorded-day" in text
    plain = explained({"channel": "当面", "submitted": "2026-03-02"})
    assert "extension-told-before-original-limit" not in plain
    assert "notice-counts-on-the-recorded-day" not in plain


def test_a_late_extension_is_refused_by_the_policy_and_the_explanation_says_which() -> None:
    verdict = audit_case(
        {
            "channel": "当面",
            "submitted": "2026-03-02",
            "extension": {"approved": "2026-04-20", "told": "2026-04-21", "workdays": 10},
        }
    )
    assert verdict.extension_workdays == 0
    assert "extension-told-before-original-limit" in verdict.explain("zh")


def test_a_recorded_supplement_notice_names_the_recorded_day_policy() -> None:
    text = explained(
        {"channel": "当面", "submitted": "2026-03-02", "supplement_requested": "2026-03-05"}
    )
    assert "notice-counts-on-the-recorded-day" in text


def test_a_capped_consultation_names_the_cap_policy() -> None:
    capped = {
        "channel": "当面",
        "submitted": "2026-03-20",
        "consultations": [{"sent": "2026-04-01", "answered": "2026-06-10"}],
    }
    assert "consultation-time-capped-at-the-party-limit" in explained(capped)
    quick = {
        "channel": "当面",
        "submitted": "2026-03-20",
        "consultations": [{"sent": "2026-04-01", "answered": "2026-04-03"}],
    }
    assert "consultation-time-capped-at-the-party-limit" not in explained(quick)


def test_an_assumed_receipt_names_its_policy() -> None:
    assumed = {"channel": "网络", "submitted": "2026-03-02"}
    assert audit_case(assumed).receipt_assumed
    assert "receipt-assumed-from-another-recorded-date" in explained(assumed)
    recorded = {"channel": "网络", "submitted": "2026-03-02", "confirmed": "2026-03-03"}
    assert "receipt-assumed-from-another-recorded-date" not in explained(recorded)


def test_a_consultation_sent_after_the_deadline_names_its_policy() -> None:
    late = {
        "channel": "当面",
        "submitted": "2026-03-02",
        "consultations": [{"sent": "2026-04-10", "answered": "2026-04-15"}],
    }
    verdict = audit_case(late)
    assert "consult_late" in [f.code for f in verdict.findings]
    assert "consultation-after-the-deadline-not-excluded" in explained(late)
    assert "consultation-after-the-deadline-not-excluded" not in explained(
        {
            "channel": "当面",
            "submitted": "2026-03-02",
            "consultations": [{"sent": "2026-03-05", "answered": "2026-03-06"}],
        }
    )


def test_a_2008_case_names_the_receipt_by_analogy_policy() -> None:
    assert "receipt-by-channel-for-2008-cases" in explained(
        {"channel": "当面", "submitted": "2018-03-01"}
    )
    assert "receipt-by-channel-for-2008-cases" not in explained(
        {"channel": "当面", "submitted": "2026-03-02"}
    )


def test_the_public_opinion_clock_names_its_policy_in_due() -> None:
    start = dt.datetime(2026, 10, 1, 9, 30)
    for rule_id in ("gbf-2016-61.opinion-response", "bz-2017.opinion-response"):
        result = due(rule_id, start)
        assert "opinion-clock-from-detection" in result.explain("zh")
        assert "opinion-clock-from-detection" in result.explain("en")
    assert "opinion-clock-from-detection" not in due("ogi.reply", dt.date(2026, 9, 28)).explain()


def test_the_61_quotes_are_marked_unchecked_in_due_and_in_the_rules_page() -> None:
    text = due("gbf-2016-61.opinion-response", dt.datetime(2026, 10, 1, 9, 30)).explain("zh")
    quoted = next(line for line in text.splitlines() if line.startswith("原文:"))
    assert "未核对官方全文" in quoted
    pages = sorted((ROOT / "docs" / "rules").glob("*.md"))
    marked = {p.name: p.read_text(encoding="utf-8").count("**未核对官方全文** — ") for p in pages}
    assert {name: n for name, n in marked.items() if n} == {"gbf-2016-61.md": 2}


# -- the rule command and the 依据 lines ------------------------------------------------------------


def test_rule_ogi_2019_reply_cites_paragraphs_two_and_three_and_shows_its_policies() -> None:
    result = run_main("rule", "ogi-2019.reply")
    assert result.code == 0, result
    basis = [line for line in result.out.splitlines() if line.startswith("依据:")]
    assert basis == [
        "依据:国务院《中华人民共和国政府信息公开条例(2019年修订)》(国务院令第711号,2019-04-03) "
        "第三十三条第二款、第三款"
    ]
    for name in default_catalogue().rule("ogi-2019.reply").policies:
        assert f"政策 {name}" in result.out
    assert "第一款、第二款" not in result.out
    english = run_main("rule", "ogi-2019.reply", "--lang", "en")
    assert "Policy extension-told-before-original-limit" in english.out


def test_no_basis_line_of_an_explanation_carries_the_extension_condition() -> None:
    text = explained(
        {
            "channel": "当面",
            "submitted": "2026-03-02",
            "extension": {"approved": "2026-03-20", "told": "2026-03-23", "workdays": 10},
        }
    )
    basis = [
        line
        for line in text.splitlines()
        if line.strip().startswith(("依据:", "原文", "Source:", "Quoted", "Rule:"))
    ]
    assert len(basis) >= 4
    for line in basis:
        assert "届满前" not in line and "before the original" not in line, line
    step = next(line for line in text.splitlines() if "延期(" in line)
    assert "第三十三条第二款" in step and "届满前" not in step


def test_no_user_facing_text_says_a_quote_is_from_memory() -> None:
    texts = [
        (ROOT / "docs" / name).read_text(encoding="utf-8")
        for name in ("rules.md", "cli.md", "policies.md", "counting.md")
    ]
    texts += [page.read_text(encoding="utf-8") for page in (ROOT / "docs" / "rules").glob("*.md")]
    for item in default_catalogue().rules():
        texts += [item.note_zh, item.note_en, item.counting_zh, item.counting_en, item.clause]
    for text in texts:
        assert "from memory" not in text.lower()
        assert "as given in the brief" not in text


# -- validation ------------------------------------------------------------------------------------


def _rule_file(**rule: Any) -> dict[str, Any]:
    return {
        "source": {
            "id": "local",
            "issuer": "某局",
            "title": "某规定",
            "title_en": "A rule",
            "jurisdiction": "某市",
            "jurisdiction_en": "a city",
        },
        "rule": [
            {
                "id": "local.reply",
                "title_zh": "回应",
                "title_en": "Respond",
                "clause": "第一条",
                "quote": "48小时内回应",
                "kind": "deadline",
                "strength": "must",
                "binds_zh": "某局",
                "binds_en": "the bureau",
                "trigger": "public-opinion-emerged",
                "period": "48小时",
                "counting_zh": "按小时",
                "counting_en": "hours",
                **rule,
            }
        ],
    }


def test_a_rule_naming_an_unknown_policy_is_refused_naming_it() -> None:
    file = parse_rule_file(_rule_file(policies=["no-such-policy"]), "local.toml")
    with pytest.raises(RuleFileError, match="no-such-policy"):
        default_catalogue().with_rule_data(file)
    ok = parse_rule_file(_rule_file(policies=["opinion-clock-from-detection"]), "local.toml")
    assert isinstance(default_catalogue().with_rule_data(ok), Catalogue)


def test_an_unverified_quote_needs_its_reason_and_a_note_needs_both_languages() -> None:
    with pytest.raises(RuleFileError, match="unverified_zh"):
        parse_rule_file(_rule_file(verified=False), "local.toml")
    with pytest.raises(RuleFileError, match="note_zh and note_en"):
        parse_rule_file(_rule_file(note_zh="只有中文"), "local.toml")
    with pytest.raises(RuleFileError, match="only for verified = false"):
        parse_rule_file(_rule_file(unverified_en="why"), "local.toml")


def test_a_policy_file_with_a_duplicate_id_or_no_basis_is_refused() -> None:
    one = default_policies()["opinion-clock-from-detection"].to_dict()
    with pytest.raises(RuleFileError, match="duplicate policy id"):
        parse_policy_file({"policy": [one, one]})
    with pytest.raises(RuleFileError):
        parse_policy_file({"policy": [{**one, "basis_zh": ""}]})


def test_the_version_fields_of_a_rule_are_checked_when_the_file_is_read() -> None:
    with pytest.raises(RuleFileError, match="needs family"):
        parse_rule_file(_rule_file(version_label="2026"), "local.toml")
    with pytest.raises(RuleFileError, match="excluded_consultations"):
        parse_rule_file(_rule_file(excluded_consultations=["third-party", "third-party"]), "x")
    with pytest.raises(RuleFileError, match="'third-party' or 'agency'"):
        parse_rule_file(_rule_file(excluded_consultations=["the-press"]), "local.toml")
    ok = parse_rule_file(
        _rule_file(family="local.reply", version_label="2026", excluded_consultations=["agency"]),
        "local.toml",
    )
    with pytest.raises(RuleFileError, match="both or neither"):
        parse_rule_file(_rule_file(extension_clause="第一条"), "local.toml")
    with pytest.raises(RuleFileError, match="needs extension"):
        parse_rule_file(_rule_file(extension_clause="第一条", extension_clause_en="art. 1"), "x")
    assert ok.rule[0].version_label == "2026"
    assert ok.rule[0].excluded_consultations == ("agency",)
