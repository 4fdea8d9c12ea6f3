"""The case clock takes its versions of the 条例 from the rule data, not from the words.

Which consultations are excluded, the receipt by analogy and the version's label are fields
of the ``ogi.*.reply`` rules (``excluded_consultations``, ``receipt_by_analogy``,
``version_label``); the clock reads them and nothing else — a quote with other words, or a
source with another id, changes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from gov_deadlines.cases import audit_case
from gov_deadlines.cases.versions import reply_versions
from gov_deadlines.catalogue import Catalogue, RuleSet, default_catalogue

CAT = default_catalogue()
AGENCY_CASE = {
    "channel": "当面",
    "submitted": "2018-03-05",
    "consultations": [{"party": "其他机关", "sent": "2018-03-07", "answered": "2018-03-20"}],
}


def with_reply(source_id: str, **changes: object) -> Catalogue:
    """The bundled catalogue with the reply rule of ``source_id`` changed."""
    files: list[RuleSet] = []
    for file in CAT.files():
        if file.source.id == source_id:
            rules = tuple(
                dataclasses.replace(r, **changes) if r.id == f"{source_id}.reply" else r
                for r in file.rule
            )
            file = dataclasses.replace(file, rule=rules)
        files.append(file)
    return Catalogue(files, CAT.events.values(), policies=CAT.policies.values())


def test_the_bundled_versions_are_the_rule_fields() -> None:
    for version in reply_versions(CAT).items:
        assert version.label == version.reply.version_label
        assert version.agency_excluded is ("agency" in version.reply.excluded_consultations)
        assert version.receipt_by_analogy is version.reply.receipt_by_analogy
    labels = [v.label for v in reply_versions(CAT).items]
    assert labels == ["2008", "2019"]


def test_the_2008_clock_counts_agency_consultation_time_because_the_data_says_so() -> None:
    bundled = audit_case(AGENCY_CASE, catalogue=CAT)
    assert "agency_not_excluded" in {f.code for f in bundled.findings}
    # The same words, but the data excluding the agency too: the clock follows the data.
    changed = with_reply("ogi-2008", excluded_consultations=("third-party", "agency"))
    moved = audit_case(AGENCY_CASE, catalogue=changed)
    assert "agency_not_excluded" not in {f.code for f in moved.findings}
    assert moved.reply_due_date is not None and bundled.reply_due_date is not None
    assert moved.reply_due_date > bundled.reply_due_date


def test_other_words_in_the_quote_change_nothing() -> None:
    reworded = with_reply("ogi-2019", quote="行政机关征求其他机关意见")  # not a real text
    case = {"channel": "当面", "submitted": dt.date(2026, 3, 9)}
    assert audit_case(case, catalogue=reworded).reply_due_date == audit_case(case).reply_due_date
    reworded_2008 = with_reply("ogi-2008", quote="征求第三方和其他机关意见")
    assert "agency_not_excluded" in {
        f.code for f in audit_case(AGENCY_CASE, catalogue=reworded_2008).findings
    }


def test_the_2008_explanation_says_the_receipt_is_found_by_analogy_from_the_data() -> None:
    case = {"channel": "当面", "submitted": "2018-03-05"}
    assert "receipt-by-channel-for-2008-cases" in audit_case(case).explain()
    plain = with_reply("ogi-2008", receipt_by_analogy=False)
    assert "receipt-by-channel-for-2008-cases" not in audit_case(case, catalogue=plain).explain()


def test_the_findings_of_a_version_without_a_rule_name_the_version_from_its_data() -> None:
    relabelled = with_reply("ogi-2008", version_label="旧")
    verdict = audit_case(AGENCY_CASE, catalogue=relabelled)
    assert verdict.version == "旧"
    texts = [f.text("zh") for f in verdict.findings if f.code == "agency_not_excluded"]
    assert texts and "旧年条例第二十四条" in texts[0]
    supplement = {
        "channel": "当面",
        "submitted": "2018-03-05",
        "supplement_requested": "2018-03-09",
    }
    found = audit_case(supplement, catalogue=relabelled).findings
    assert any(f.code == "supplement_no_limit" and "旧 条例" in f.text("en") for f in found)


def test_the_extension_clause_an_explanation_cites_is_the_rule_data() -> None:
    case = {
        "channel": "当面",
        "submitted": "2018-03-05",
        "extension": {"approved": "2018-03-20", "told": "2018-03-20", "workdays": 10},
    }
    assert "延期(2008年条例第二十四条第二款:" in audit_case(case).explain()
    moved = with_reply("ogi-2008", extension_clause="第九十九条", extension_clause_en="art. 99")
    explained = audit_case(case, catalogue=moved)
    assert "延期(2008年条例第九十九条:" in explained.explain()
    assert "Extension (2008 条例 art. 99:" in explained.explain("en")
