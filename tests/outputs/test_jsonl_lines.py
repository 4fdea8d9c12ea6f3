"""JSON Lines written straight from the clock's records are the bytes of the records' own
JSON (``RowResult.to_record().model_dump_json()``), for every kind of case and any text."""

from __future__ import annotations

import datetime as dt
import gzip
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines.cases import audit_csv
from gov_deadlines.cases.batch import CaseAuditor
from gov_deadlines.outputs.jsonl import case_json

GENERATED = Path(__file__).resolve().parent.parent / "cases" / "golden" / "cases-10000.csv.gz"
AS_OF = dt.date(2026, 11, 20)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_generated_rows_line_is_its_records_json(lang: str) -> None:
    text = gzip.decompress(GENERATED.read_bytes()).decode("utf-8")
    checked = 0
    for row in audit_csv(io.StringIO(text, newline=""), as_of=AS_OF):
        if row.record is None or row.line % 7:  # a seventh of the file: every kind of case
            continue
        assert case_json(row, row.record, lang) == row.to_record(lang).model_dump_json()
        checked += 1
    assert checked > 1000


@given(
    case_id=st.text(),
    replied=st.sampled_from(["", "2026-03-20", "2026-06-01"]),
    party=st.text(max_size=4),
    as_of=st.sampled_from([None, AS_OF]),
)
def test_a_line_is_its_records_json_whatever_the_case_id(
    case_id: str, replied: str, party: str, as_of: dt.date | None
) -> None:
    auditor = CaseAuditor(as_of=as_of)
    row = auditor.mapping(
        {
            "编号": case_id,
            "渠道": "网络",
            "提交日期": "2026-03-01",
            "征求意见对象": party or "第三方",
            "征求意见发出日期": "2026-03-05",
            "答复日期": replied,
        },
        2,
    )
    if row.record is None:
        return
    for lang in ("zh", "en"):
        assert case_json(row, row.record, lang) == row.to_record(lang).model_dump_json()
