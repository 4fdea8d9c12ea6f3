"""Beyond one machine: the frame audit on Dask partitions in worker processes and on Arrow
record batches as Spark's ``mapInArrow`` passes them gives, row for row, the CSV audit of
the same rows; a batch's result depends on nothing but the batch."""

from __future__ import annotations

import datetime as dt
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import dask
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
import pytest

from frame_cases import AS_OF, csv_results, frame_results, generated_rows, header
from gov_deadlines.cases.columns import FIELDS
from gov_deadlines.errors import ArgumentTypeError
from gov_deadlines.outputs import audit_frame, audit_record_batches, result_columns

ROWS = generated_rows(600, seed=1414)
DATE_FIELDS = ("submitted", "signed_for", "confirmed", "replied", "extension_told")


def text_frame(rows: list[dict[str, str]], lang: str = "zh") -> pd.DataFrame:
    names = dict(zip(FIELDS, header(lang), strict=True))
    return pd.DataFrame({names[f]: [row[f] for row in rows] for f in FIELDS})


def typed_table(rows: list[dict[str, str]]) -> pa.Table:
    """The rows as Spark hands a table over: readable date columns as ``date32`` (nulls
    where not recorded), the rest as text."""
    columns: dict[str, Any] = {}
    for field, name in zip(FIELDS, header("en"), strict=True):
        values = [row[field] for row in rows]
        if field in DATE_FIELDS and all(_iso(v) for v in values if v):
            columns[name] = pa.array([_iso(v) for v in values], pa.date32())
        else:
            columns[name] = pa.array([v or None for v in values], pa.string())
    return pa.table(columns)


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def test_dask_partitions_audited_in_worker_processes_equal_the_csv_audit_of_the_same_rows() -> None:
    source = text_frame(ROWS)
    ddf = dd.from_pandas(source, npartitions=4)
    meta = audit_frame(source.iloc[:0], as_of=AS_OF)
    audited = ddf.map_partitions(audit_frame, as_of=AS_OF, meta=meta)
    # Worker processes forked (Linux): the partitions and their results still cross the
    # process boundary pickled; spawned ones would add ~3.5 s of interpreter start-up.
    with dask.config.set({"multiprocessing.context": "fork"}):
        result = audited.compute(scheduler="processes", num_workers=2)
    assert list(result.index) == list(source.index)
    assert list(result["编号"]) == [row["case_id"] for row in ROWS]
    assert frame_results(result.to_dict("records")) == csv_results(ROWS)


def test_record_batches_audited_as_spark_map_in_arrow_calls_the_function_equal_the_csv_audit() -> (
    None
):
    table = typed_table(ROWS)
    typed = [f for f in table.schema if pa.types.is_date32(f.type)]
    assert len(typed) >= 3  # typed dates are read (a column with an impossible date is text)
    batches = table.to_batches(max_chunksize=97)
    assert len(batches) > 1
    task = functools.partial(audit_record_batches, as_of=AS_OF, lang="en")
    out = list(task(iter(batches)))  # what mapInArrow does with the function it is given
    assert [b.num_rows for b in out] == [b.num_rows for b in batches]
    # the schema mapInArrow is told in advance: the input's, then the result columns as text
    declared = table.schema
    for name in result_columns("en"):
        declared = declared.append(pa.field(name, pa.string()))
    assert all(b.schema.equals(declared) for b in out)
    records = pa.Table.from_batches(out).to_pylist()
    assert frame_results(records, "en") == csv_results(ROWS, lang="en")


def test_a_batch_audits_alike_alone_in_any_order_and_in_threads_at_once() -> None:
    batches = typed_table(ROWS).to_batches(max_chunksize=50)
    alone = [audit_frame(batch, as_of=AS_OF) for batch in batches]
    backwards = [audit_frame(batch, as_of=AS_OF) for batch in reversed(batches)][::-1]
    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(functools.partial(audit_frame, as_of=AS_OF), batches))
    assert all(
        a.equals(b) and a.equals(c) for a, b, c in zip(alone, backwards, threaded, strict=True)
    )


def test_an_item_of_the_stream_that_is_not_a_record_batch_is_refused_naming_it() -> None:
    stream = audit_record_batches([pa.table({"渠道": ["当面"], "提交日期": ["2026-03-20"]})])
    with pytest.raises(ArgumentTypeError) as caught:
        next(stream)
    assert caught.value.argument == "batches" and "RecordBatch" in str(caught.value)
