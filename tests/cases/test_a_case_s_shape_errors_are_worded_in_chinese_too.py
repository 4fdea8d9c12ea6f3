"""A case of the wrong shape (a field unknown, missing or of the wrong type) is refused with
pydantic's English as its English message, and Chinese words — not pydantic's English inside
the Chinese message — as its Chinese one (``CaseError.message("zh")``, what a clerk reads)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from gov_deadlines.cases import CaseError, audit_case

BASE = {"channel": "当面", "submitted": "2026-09-28"}


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ({**BASE, "bogus": 1}, "不是案件的字段"),
        ({**BASE, "extension": {"approved": "2026-10-09", "workdays": "abc"}}, "应为整数"),
        ({**BASE, "extension": {"approved": "2026-10-09", "workdays": 0}}, "应为不小于1"),
        ({**BASE, "extension": {"workdays": 5}}, "缺少该项"),
        ({**BASE, "consultations": "x"}, "应为列表"),
        ({**BASE, "case_id": 5}, "应为文字"),
        ({**BASE, "signed_by": 5}, "应为 'ogi_office'、'other' 之一"),
        ("not a case", "应为案件"),
    ],
)
def test_a_case_of_the_wrong_shape_is_refused_in_chinese_words(case: Any, words: str) -> None:
    with pytest.raises(CaseError) as caught:
        audit_case(case)
    chinese = caught.value.message("zh")
    assert words in chinese
    assert not re.search(r"[A-Za-z]{3,} [a-z]{3,}", chinese.replace("docs/audit.md", "")), chinese
    assert caught.value.problem  # the English stays pydantic's
