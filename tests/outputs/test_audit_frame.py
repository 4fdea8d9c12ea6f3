"""audit_frame: a pandas, polars or pyarrow frame in, the same kind of frame out with the
per-case CSV's result columns appended — one result row per input row, in order, whatever
the cells hold; the results are those of the CSV audit of the same rows."""

from __future__ import annotations

import datetime as dt
import importlib
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gov_deadlines
from frame_cases import AS_OF, csv_results, frame_results, generated_rows, header
from gov_deadlines.cases import LayoutError
from gov_deadlines.cases.columns import FIELDS
from gov_deadlines.errors import ArgumentTypeError
from gov_deadlines.outputs import audit_frame, result_columns
from gov_deadlines.outputs import frames as frames_module
from gov_deadlines.outputs.case_csv import RESULT_TEXT

ROOT = Path(__file__).resolve().parents[2]
ROWS = generated_rows(400)
#: The fields of the columns of the frame in test_whole_numbers_are_read_as_their_digits…
FIELDS_OF = (
    "case_id", "channel", "submitted", "extension_approved", "extension_told", "extension_days"
)  # fmt: skip
KINDS = ("pandas", "polars", "arrow")


def to_kind(columns: dict[str, list[Any]], kind: str) -> Any:
    """A frame of ``kind`` from columns of Python values (object columns for pandas)."""
    if kind == "pandas":
        return pd.DataFrame(
            {name: pd.Series(values, dtype=object) for name, values in columns.items()}
        )
    if kind == "polars":
        return pl.DataFrame(columns, strict=False)
    return pa.table(columns)


def records(frame: Any) -> list[dict[str, Any]]:
    if isinstance(frame, pd.DataFrame):
        return frame.to_dict("records")  # type: ignore[no-any-return]
    if isinstance(frame, pl.DataFrame):
        return frame.to_dicts()
    return frame.to_pylist()  # type: ignore[no-any-return]


def text_columns(rows: list[dict[str, str]], lang: str = "zh") -> dict[str, list[Any]]:
    names = dict(zip(FIELDS, header(lang), strict=True))
    return {names[field]: [row[field] for row in rows] for field in FIELDS}


# -- missing cells ----------------------------------------------------------------------------------

MISSING_PANDAS = [None, np.nan, pd.NA, pd.NaT, "", "  "]


def test_a_pandas_frame_with_nat_nan_none_and_na_cells_gives_one_result_row_per_input_row() -> None:
    # each kind of "not recorded" in every optional column, once per row
    rows = ROWS[:60]
    columns = text_columns(rows)
    for number, name in enumerate(columns):
        if name in ("编号", "渠道", "提交日期"):
            continue
        columns[name] = [
            value if value else MISSING_PANDAS[(number + line) % len(MISSING_PANDAS)]
            for line, value in enumerate(columns[name])
        ]
    frame = pd.DataFrame(
        {name: pd.Series(values, dtype=object) for name, values in columns.items()}
    )
    out = audit_frame(frame, as_of=AS_OF)
    assert list(out["编号"]) == [row["case_id"] for row in rows]
    assert frame_results(records(out)) == csv_results(rows)


def test_typed_pandas_columns_with_gaps_are_read_as_not_recorded() -> None:
    frame = pd.DataFrame(
        {
            "编号": pd.array(["a", None, "c"], dtype="string"),
            "渠道": ["当面", "当面", "当面"],
            "提交日期": pd.to_datetime(["2026-03-20", "2026-03-20", None]),
            "答复日期": pd.to_datetime([None, "2026-04-10", None]),
            "延期工作日": [np.nan, np.nan, np.nan],
            "征求意见对象": pd.Categorical([None, "第三方", None]),
        }
    )
    out = audit_frame(frame, as_of=AS_OF)
    assert len(out) == 3
    assert list(out["结果"])[:2] == ["有逾期", "全部按时"]
    assert list(out["答复情况"])[:2] == ["逾期未办,已逾期48个工作日", "按时"]
    # no receipt date at all: a malformed row saying so, not a lost batch
    assert out["结果"].iloc[2] == "数据有误"
    assert out["说明与问题"].iloc[2].startswith("缺少收到申请的日期")


@pytest.mark.parametrize("kind", ["polars", "arrow"])
def test_a_polars_or_arrow_frame_with_null_and_nan_cells_gives_one_result_row_per_input_row(
    kind: str,
) -> None:
    rows = ROWS[:80]
    columns: dict[str, list[Any]] = text_columns(rows)
    columns = {name: [value or None for value in values] for name, values in columns.items()}
    # an extension's length as a float column with NaN where it was not recorded
    columns["延期工作日"] = [
        float(v) if v and v.isdigit() else math.nan for v in columns["延期工作日"]
    ]
    expected_rows = [
        {**row, "extension_days": row["extension_days"] if row["extension_days"].isdigit() else ""}
        for row in rows
    ]
    out = audit_frame(to_kind(columns, kind), as_of=AS_OF)
    assert len(out) == len(rows)
    assert [r["编号"] for r in records(out)] == [row["case_id"] for row in rows]
    assert frame_results(records(out)) == csv_results(expected_rows)


# -- bad cells --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_bad_cell_gives_a_malformed_row_with_its_reason_and_the_batch_goes_on(kind: str) -> None:
    columns = {
        "case_id": ["ok-1", "bad-date", "bad-channel", "ok-2"],
        "channel": ["in_person", "in_person", "pigeon", "internet"],
        "submitted": ["2026-03-20", "2026-02-30", "2026-03-20", "2026-03-20"],
        "replied": ["2026-04-10", None, None, ""],
    }
    out = records(audit_frame(to_kind(columns, kind), as_of=AS_OF, lang="en"))
    assert [row["case_id"] for row in out] == columns["case_id"]
    assert [row["result"] for row in out] == ["all on time", "malformed", "malformed", "late"]
    assert "cannot read the date" in out[1]["notes"] and "2026-02-30" in out[1]["notes"]
    assert "unknown channel" in out[2]["notes"] and "pigeon" in out[2]["notes"]
    assert out[1]["reply_due"] == out[2]["reply_due"] == ""


def test_a_cell_of_a_type_no_column_holds_is_a_malformed_row_not_an_exception() -> None:
    frame = pd.DataFrame(
        {
            "渠道": pd.Series(["当面", 3.5, "当面", "当面", 10**5000], dtype=object),
            "提交日期": pd.Series(
                [b"2026-03-20", "2026-03-20", object(), True, "2026-03-20"], dtype=object
            ),
        }
    )
    out = audit_frame(frame, as_of=AS_OF)
    assert list(out["结果"]) == ["数据有误"] * 5
    assert "<a 16610-bit integer>" in out["说明与问题"].iloc[4]


def test_whole_numbers_are_read_as_their_digits_as_a_csv_holds_them() -> None:
    frame = pd.DataFrame(
        {
            "编号": [101, 102],
            "渠道": ["当面", "当面"],
            "提交日期": [20260302, 20260302],
            "延期批准日期": [None, "2026-03-20"],
            "延期告知日期": [None, "2026-03-20"],
            "延期工作日": [np.nan, 15.0],  # a column of numbers with a gap: floats
        }
    )
    out = audit_frame(frame, as_of=AS_OF)
    assert list(out["编号"]) == [101, 102]
    assert list(out["收到申请日"]) == ["2026-03-02", "2026-03-02"]
    text = frame.astype(object).where(frame.notna(), "").map(str)
    rows = [
        {**dict.fromkeys(FIELDS, ""), **dict(zip(FIELDS_OF, row, strict=True))}
        for row in text.itertuples(index=False)
    ]
    rows[1]["extension_days"] = "15"
    assert frame_results(records(out)) == csv_results(rows)


# -- names and kinds --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_chinese_and_english_column_names_give_the_same_results(kind: str) -> None:
    rows = ROWS[:100]
    zh = records(audit_frame(to_kind(text_columns(rows, "zh"), kind), as_of=AS_OF))
    en = records(audit_frame(to_kind(text_columns(rows, "en"), kind), as_of=AS_OF))
    assert frame_results(zh) == frame_results(en) == csv_results(rows)


def test_column_names_are_read_as_a_csv_header_reads_them() -> None:
    frame = pd.DataFrame(
        {"Channel": ["当面"], "提交 日期": ["2026-03-20"], "Case-ID": ["x"], "备注": ["y"]}
    )
    out = audit_frame(frame, as_of=AS_OF, lang="en")
    assert list(out.columns) == ["Channel", "提交 日期", "Case-ID", "备注", *result_columns("en")]
    assert out["reply_due"].iloc[0] == "2026-04-20"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_results_equal_the_csv_audit_of_the_same_rows(kind: str, lang: str) -> None:
    out = audit_frame(to_kind(text_columns(ROWS), kind), as_of=AS_OF, lang=lang)  # type: ignore[arg-type]
    assert type(out) is type(to_kind({"a": [1]}, kind))
    assert frame_results(records(out), lang) == csv_results(ROWS, lang=lang)


def test_the_audit_example_gives_the_rows_of_the_per_case_csv_in_a_frame() -> None:
    example = pd.read_csv(ROOT / "docs" / "audit-example.csv", dtype=str, keep_default_na=False)
    out = audit_frame(example, as_of=AS_OF)
    rows = [{field: "" for field in FIELDS} for _ in range(len(example))]
    for row, record in zip(rows, example.to_dict("records"), strict=True):
        for field, name in zip(FIELDS, header("zh"), strict=True):
            row[field] = record.get(name, "")  # the example has no column of the record's extras
    assert frame_results(records(out)) == csv_results(rows)
    assert out["答复期限"].iloc[0] == "2026-10-30"


# -- typed dates ------------------------------------------------------------------------------------

DAYS = [dt.date(2026, 3, 20), None, dt.date(2019, 5, 14), dt.date(2026, 9, 28)]
#: 16:30 UTC on 2026-03-19 is 00:30 on 2026-03-20 in Beijing: the day that counts.
INSTANTS = [
    dt.datetime(2026, 3, 19, 16, 30, tzinfo=dt.UTC),
    None,
    dt.datetime(2019, 5, 14, 1, 0, tzinfo=dt.UTC),
    dt.datetime(2026, 9, 27, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=-1))),
]


def typed_frames() -> dict[str, Any]:
    channel = ["当面"] * 4
    naive = [
        dt.datetime(2026, 3, 20, 18, 0),
        None,
        dt.datetime(2019, 5, 14),
        dt.datetime(2026, 9, 28, 9),
    ]
    return {
        "pandas datetime64": pd.DataFrame({"渠道": channel, "提交日期": pd.to_datetime(naive)}),
        "pandas date objects": pd.DataFrame(
            {"渠道": channel, "提交日期": pd.Series(DAYS, dtype=object)}
        ),
        "pandas tz-aware": pd.DataFrame(
            {"渠道": channel, "提交日期": pd.to_datetime(INSTANTS, utc=True)}
        ),
        "pandas arrow date32": pd.DataFrame(
            {"渠道": channel, "提交日期": pd.Series(DAYS, dtype=pd.ArrowDtype(pa.date32()))}
        ),
        "arrow date32": pa.table({"渠道": channel, "提交日期": pa.array(DAYS, pa.date32())}),
        "arrow date64": pa.table({"渠道": channel, "提交日期": pa.array(DAYS, pa.date64())}),
        "arrow timestamp": pa.table(
            {"渠道": channel, "提交日期": pa.array(naive, pa.timestamp("ms"))}
        ),
        "arrow timestamp tz": pa.table(
            {"渠道": channel, "提交日期": pa.array(INSTANTS, pa.timestamp("us", "UTC"))}
        ),
        "arrow dictionary": pa.table(
            {
                "渠道": pa.array(channel).dictionary_encode(),
                "提交日期": pa.array([d and d.isoformat() for d in DAYS]).dictionary_encode(),
            }
        ),
        "polars Date": pl.DataFrame({"渠道": channel, "提交日期": pl.Series(DAYS, dtype=pl.Date)}),
        "polars Datetime": pl.DataFrame(
            {"渠道": channel, "提交日期": pl.Series(naive, dtype=pl.Datetime("us"))}
        ),
        "polars Datetime tz": pl.DataFrame(
            {
                "渠道": pl.Series(channel, dtype=pl.Categorical),
                "提交日期": pl.Series(INSTANTS, dtype=pl.Datetime("us", "UTC")),
            }
        ),
    }


@pytest.mark.parametrize("name", list(typed_frames()))
def test_typed_date_columns_are_read_as_their_beijing_days(name: str) -> None:
    frame = typed_frames()[name]
    out = records(audit_frame(frame, as_of=AS_OF))
    texts = [{"channel": "当面", "submitted": d.isoformat() if d else ""} for d in DAYS]
    expected = csv_results([{**dict.fromkeys(FIELDS, ""), **row} for row in texts])
    assert frame_results(out) == expected
    assert [row["收到申请日"] for row in out] == ["2026-03-20", "", "2019-05-14", "2026-09-28"]
    assert [row["适用条例"] for row in out] == ["2019", "", "2008", "2019"]


# -- the frame given and the frame returned ---------------------------------------------------------


def test_a_pandas_frame_keeps_its_index_and_the_input_frame_is_not_changed() -> None:
    frame = pd.DataFrame(
        {"渠道": ["当面", "当面"], "提交日期": ["2026-03-20", "2026-09-28"]}, index=[10, 3]
    )
    before = frame.copy()
    out = audit_frame(frame, as_of=AS_OF)
    pd.testing.assert_frame_equal(frame, before)
    assert list(out.index) == [10, 3]
    assert list(out["答复期限"]) == ["2026-04-20", "2026-10-30"]


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_frame_gives_an_empty_frame_with_the_result_columns(kind: str) -> None:
    out = audit_frame(to_kind({"渠道": [], "提交日期": []}, kind))
    names = list(out.columns) if kind != "arrow" else out.schema.names
    assert names == ["渠道", "提交日期", *result_columns()]
    assert len(out) == 0


def test_a_frame_without_the_required_columns_is_refused_as_a_csv_header_is() -> None:
    with pytest.raises(LayoutError) as caught:
        audit_frame(pd.DataFrame({"提交日期": ["2026-03-20"]}))
    assert "渠道" in caught.value.zh


def test_a_frame_that_already_has_a_result_column_is_refused_naming_it() -> None:
    frame = audit_frame(pd.DataFrame({"渠道": ["当面"], "提交日期": ["2026-03-20"]}), as_of=AS_OF)
    with pytest.raises(LayoutError) as caught:
        audit_frame(frame)
    assert "结果" in caught.value.zh and "drop or rename" in str(caught.value)
    # its input columns audit again
    again = audit_frame(frame[["渠道", "提交日期"]], as_of=AS_OF)
    pd.testing.assert_frame_equal(again, frame)


@pytest.mark.parametrize("value", [[{"渠道": "当面"}], "渠道,提交日期", None, pa.array([1])])
def test_anything_but_a_frame_is_refused_with_an_argument_type_error(value: object) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        audit_frame(value)
    assert caught.value.argument == "frame" and "pandas" in str(caught.value)


def test_the_package_exports_audit_frame_and_imports_no_frame_library_until_a_frame_comes() -> None:
    assert gov_deadlines.audit_frame is audit_frame
    code = (
        "import sys, io, gov_deadlines, gov_deadlines.outputs.frames\n"
        "from gov_deadlines.cases import audit_csv\n"
        "from gov_deadlines.outputs import write_case_csv\n"
        "write_case_csv(audit_csv(io.StringIO('渠道,提交日期\\n当面,2026-03-20\\n')), io.StringIO())\n"
        "print([m for m in ('pandas', 'polars', 'pyarrow', 'numpy') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- whatever the cells hold ------------------------------------------------------------------------

CELL_VALUES = st.one_of(
    st.none(),
    st.just(math.nan),
    st.just(pd.NA),
    st.just(pd.NaT),
    st.sampled_from(["", " ", "当面", "internet", "2026-03-20", "2026-02-30", "20", "今天", ";"]),
    st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True),
    st.text(max_size=12),
)


@settings(max_examples=40)
@given(st.lists(st.lists(CELL_VALUES, min_size=len(FIELDS), max_size=len(FIELDS)), max_size=8))
def test_any_cells_give_one_result_row_per_input_row_in_order_and_never_an_exception(
    rows: list[list[Any]],
) -> None:
    columns = {
        name: pd.Series([row[index] for row in rows], dtype=object)
        for index, name in enumerate(header("en"))
    }
    frame = pd.DataFrame(columns, index=range(len(rows)))
    out = audit_frame(frame, as_of=AS_OF, lang="en")
    assert len(out) == len(rows)
    assert list(out.index) == list(range(len(rows)))
    assert set(out["result"]) <= set(RESULT_TEXT[False].values())
    malformed = out[out["result"] == "malformed"]
    assert all(note for note in malformed["notes"])


def test_a_pandas_frame_is_audited_alike_where_pyarrow_is_not_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frame = pd.DataFrame(text_columns(ROWS[:50]), index=range(100, 150))
    with_arrow = audit_frame(frame, as_of=AS_OF)
    real = importlib.import_module

    def without_pyarrow(name: str, package: str | None = None) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(frames_module.importlib, "import_module", without_pyarrow)
    without = audit_frame(frame, as_of=AS_OF)
    assert list(without.index) == list(range(100, 150))
    assert frame_results(records(without)) == frame_results(records(with_arrow))


@pytest.mark.parametrize("kind", ["polars", "arrow"])
def test_several_consultations_may_come_as_list_columns(kind: str) -> None:
    sent = [[dt.date(2026, 4, 1), dt.date(2026, 4, 8)], [], None]
    answered = [[dt.date(2026, 4, 10), None], [], None]
    columns: dict[str, Any] = {
        "渠道": ["当面"] * 3,
        "提交日期": ["2026-03-20"] * 3,
        "征求意见发出日期": sent,
        "征求意见答复日期": answered,
    }
    if kind == "polars":
        frame: Any = pl.DataFrame(columns, schema_overrides={"征求意见发出日期": pl.List(pl.Date)})
    else:
        frame = pa.table(columns)
        assert pa.types.is_list(frame.schema.field("征求意见发出日期").type)
    text = [
        {"consultation_sent": "2026-04-01;2026-04-08", "consultation_answered": "2026-04-10;"},
        {},
        {},
    ]
    rows = [
        {**dict.fromkeys(FIELDS, ""), "channel": "当面", "submitted": "2026-03-20", **row}
        for row in text
    ]
    out = frame_results(records(audit_frame(frame, as_of=AS_OF)))
    assert out == csv_results(rows)
    assert out[0]["排除工作日"] != "0" and out[1]["排除工作日"] == "0"


#: Rows with the record's columns of issue 15: a date of receipt without a channel, a
#: guard-signed letter with and without its confirmation, an e-mail (2018, 2026 with and
#: without confirmation), a disputed receipt, and notices with made/sent/delivered dates.
RECORD_ROWS = [
    {"case_id": "r1", "received": "2026-03-20", "replied": "2026-04-20"},
    {"case_id": "r2", "channel": "挂号信", "signed_for": "2026-03-20", "signed_by": "门卫"},
    {
        "case_id": "r3",
        "channel": "挂号信",
        "signed_for": "2026-03-20",
        "signed_by": "门卫",
        "confirmed": "2026-03-24",
        "replied": "2026-04-21",
    },
    {
        "case_id": "r4",
        "channel": "电子邮件",
        "submitted": "2018-03-19",
        "email_received": "2018-03-20",
    },
    {
        "case_id": "r5",
        "channel": "电子邮件",
        "email_received": "2026-03-20",
        "confirmed": "2026-03-23",
    },
    {"case_id": "r6", "channel": "电子邮件", "email_received": "2026-03-20"},
    {
        "case_id": "r7",
        "channel": "当面",
        "submitted": "2026-03-20",
        "receipt_disputed": "2026-03-24",
        "replied": "2026-04-21",
    },
    {
        "case_id": "r8",
        "channel": "当面",
        "submitted": "2026-03-02",
        "supplement_made": "2026-03-06",
        "supplement_sent": "2026-03-09",
        "supplement_delivered": "2026-03-12",
        "supplement_received": "2026-03-16",
        "extension_approved": "2026-04-08",
        "extension_made": "2026-04-08",
        "extension_sent": "2026-04-09",
        "extension_delivered": "2026-04-13",
        "extension_days": "20",
        "reply_made": "2026-05-06",
        "reply_sent": "2026-05-08",
        "reply_delivered": "2026-05-12",
    },
]


@pytest.mark.parametrize("kind", KINDS)
def test_the_issue_15_record_columns_are_read_by_audit_frame_as_by_the_csv_audit(kind: str) -> None:
    rows = [{**dict.fromkeys(FIELDS, ""), **row} for row in RECORD_ROWS]
    assert {name for row in RECORD_ROWS for name in row} >= {
        "received", "signed_by", "receipt_disputed", "email_received",
        "supplement_made", "supplement_sent", "supplement_delivered",
        "extension_made", "extension_sent", "extension_delivered",
        "reply_made", "reply_sent", "reply_delivered",
    }  # fmt: skip
    expected = csv_results(rows)
    # the record's columns are read at all: each row's CSV result says what they held
    assert all(row["结果"] != RESULT_TEXT[True]["malformed"] for row in expected), expected
    for lang in ("zh", "en"):
        out = audit_frame(to_kind(text_columns(rows, lang), kind), as_of=AS_OF)
        assert frame_results(records(out)) == expected


def test_a_consultation_date_cell_of_spaces_in_a_frame_is_not_recorded_as_in_a_csv() -> None:
    rows = [
        {**dict.fromkeys(FIELDS, ""), "channel": "当面", "submitted": "2026-03-20", **row}
        for row in (
            {"consultation_sent": "   "},
            {"consultation_sent": " ", "consultation_party": "第三方"},
        )
    ]
    out = frame_results(records(audit_frame(to_kind(text_columns(rows), "pandas"), as_of=AS_OF)))
    assert out == csv_results(rows)
    assert out[0]["排除工作日"] == "0"
