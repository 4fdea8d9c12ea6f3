"""The cell readers keep no state of their own between batches (no global mutable state):
what a batch learns (its date texts, its mappings' keys) lives in objects of that batch.
Test names are sentences."""

from __future__ import annotations

import datetime as dt
import io
from types import MappingProxyType, ModuleType

import pytest

from gov_deadlines.cases import audit_cases, audit_csv, columns
from gov_deadlines.cases.channels import Channel, Party

CSV = (
    "编号,渠道,提交日期,签收日期,确认日期,答复日期\n"
    "A,当面,2026-03-02,,,2026-03-20\n"
    "B, 挂号信 ,,2026年3月7日,,2026/4/1\n"
    "C,In Person,2019-05-14,,,2019-06-20\n"
)


def _mutable_globals(module: ModuleType) -> dict[str, int]:
    return {
        name: len(value)
        for name, value in vars(module).items()
        if isinstance(value, (dict, list, set)) and not name.startswith("__")
    }


def test_auditing_a_batch_changes_no_table_of_the_cell_readers() -> None:
    before = _mutable_globals(columns)
    list(audit_csv(io.StringIO(CSV), as_of=dt.date(2026, 11, 20)))
    list(audit_cases([{"渠道": "传真", "确认日期": "2024-02-08"}]))
    assert _mutable_globals(columns) == before


@pytest.mark.parametrize(
    ("table", "parse"), [(columns.CHANNEL_CELLS, Channel.parse), (columns.PARTY_CELLS, Party.parse)]
)
def test_the_name_tables_are_read_only_and_agree_with_the_parsers(
    table: MappingProxyType[str, object], parse: object
) -> None:
    assert isinstance(table, MappingProxyType)
    assert table, "the table lists the names cells hold"
    for name, kind in table.items():
        assert parse(name) is kind  # type: ignore[operator]
