"""A verdict's findings read a row's cells again (into facts) only for what the clock's
record does not hold: who signed for a registered letter whose receipt was assumed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gov_deadlines.cases.batch import CaseAuditor
from gov_deadlines.cases.columns import FIELDS


class CountedCells(list[Any]):
    """A row's cells that count how often they are read."""

    reads = 0

    def __getitem__(self, index: Any) -> Any:
        CountedCells.reads += 1
        return super().__getitem__(index)

    def __iter__(self) -> Any:
        CountedCells.reads += 1
        return super().__iter__()


def _cells(**values: str) -> CountedCells:
    return CountedCells(values.get(name, "") for name in FIELDS)


def test_a_receipt_moved_off_a_rest_day_gives_its_findings_without_reading_the_cells() -> None:
    auditor = CaseAuditor(as_of=dt.date(2026, 11, 20))
    # 2026-03-07 is a Saturday: the receipt moves to Monday 2026-03-09
    row = auditor.cells(_cells(case_id="1", channel="当面", submitted="2026-03-07"), 2)
    assert row.verdict is not None
    CountedCells.reads = 0
    assert [finding.code for finding in row.verdict.findings] == ["receipt_moved"]
    assert CountedCells.reads == 0


def test_an_assumed_receipt_is_still_judged_on_the_rows_facts() -> None:
    auditor = CaseAuditor(as_of=dt.date(2026, 11, 20))
    # a registered letter without its signing date: its receipt is assumed from 提交日期
    row = auditor.cells(_cells(case_id="1", channel="挂号信", submitted="2026-03-02"), 2)
    assert row.verdict is not None and row.verdict.receipt_assumed
    assert [finding.code for finding in row.verdict.findings][:1] == ["receipt_assumed"]


def test_an_assumed_internet_receipt_gives_its_findings_without_reading_the_cells() -> None:
    auditor = CaseAuditor(as_of=dt.date(2026, 11, 20))
    # an internet application without its confirmation: its receipt is assumed from 提交日期
    row = auditor.cells(_cells(case_id="1", channel="网络", submitted="2026-03-02"), 2)
    assert row.verdict is not None and row.verdict.receipt_assumed
    CountedCells.reads = 0
    assert [finding.code for finding in row.verdict.findings][:1] == ["receipt_assumed"]
    assert CountedCells.reads == 0
