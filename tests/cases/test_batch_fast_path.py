"""The fast path of the per-case CSV writes what the general path writes (issue 6, §3).

``write_case_csv(audit_csv(...))`` takes the fast path (:mod:`gov_deadlines.outputs.case_csv_fast`);
``write_case_csv(iter(audit_csv(...)))`` the general one, row by row through
``RowResult`` and ``case_cells``. Their output and summaries must be the same for any
input: generated batches of realistic rows with repeats (where the fast path's plans are
used), malformed rows, odd cells, both languages, with and without an audit day. Test
names are sentences.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines.cases import COLUMNS, audit_csv
from gov_deadlines.cases.model import CaseFacts, Channel, Party, first_problem, problem_detail
from gov_deadlines.outputs import Summary, write_case_csv
from gov_deadlines.outputs.case_csv_fast import write_fast_case_rows

D = dt.date
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "audit-example.csv"
ZH = [c[1] for c in COLUMNS]
EN = [c[2] for c in COLUMNS]


def both_paths(text: str, *, as_of: dt.date | None, lang: str, keep: int = 100) -> None:
    """Assert that the fast and the general path write the same CSV and summary."""
    fast, general = io.StringIO(newline=""), io.StringIO(newline="")
    s_fast = write_case_csv(
        audit_csv(io.StringIO(text, newline=""), as_of=as_of), fast, lang=lang,
        summary=Summary(keep=keep),
    )  # fmt: skip
    general_audit = audit_csv(io.StringIO(text, newline=""), as_of=as_of)
    s_general = write_case_csv(
        iter(general_audit), general, lang=lang, summary=Summary(keep=keep),
    )  # fmt: skip
    s_general.blank_rows = general_audit.blank_rows  # iter() hides the count from the writer
    assert fast.getvalue() == general.getvalue()
    assert s_fast.to_record(lang).model_dump(mode="json") == s_general.to_record(lang).model_dump(
        mode="json"
    )
    assert s_fast.markdown(lang) == s_general.markdown(lang)
    assert [(line, case) for line, case, _ in s_fast.late_examples] == [
        (line, case) for line, case, _ in s_general.late_examples
    ]
    rows = len(list(csv.reader(io.StringIO(text, newline="")))) - 1
    assert s_fast.total + s_fast.blank_rows == rows
    assert s_fast.total == sum(s_fast.results.values())


def to_csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def test_the_example_file_comes_out_the_same_on_both_paths() -> None:
    text = EXAMPLE.read_text(encoding="utf-8-sig")
    for as_of in (D(2026, 6, 30), None, D(2026, 3, 1)):
        for lang in ("zh", "en"):
            both_paths(text, as_of=as_of, lang=lang)


def test_rows_beyond_the_plan_limit_take_the_general_path_with_the_same_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gov_deadlines.outputs.case_csv_fast as fast

    monkeypatch.setattr(fast, "PLAN_LIMIT", 1)
    text = EXAMPLE.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    both_paths(to_csv(rows[0], rows[1:] * 3), as_of=D(2026, 6, 30), lang="zh", keep=0)


def test_the_fast_path_is_taken_for_an_audit_read_from_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    import gov_deadlines.outputs.case_csv_fast as fast

    calls: list[int] = []
    original = fast.write_fast_case_rows

    def spy(*args: object, **kwargs: object) -> None:
        calls.append(1)
        original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fast, "write_fast_case_rows", spy)
    write_case_csv(audit_csv(io.StringIO("渠道,提交日期\n当面,2026-09-28\n")), io.StringIO())
    write_case_csv(list(audit_csv(io.StringIO("渠道,提交日期\n当面,2026-09-28\n"))), io.StringIO())
    assert calls == [1]
    assert callable(write_fast_case_rows)


DAYS = [D(2019, 5, 10) + dt.timedelta(days=n) for n in range(0, 12)] + [
    D(2026, 4, 1) + dt.timedelta(days=n) for n in range(0, 40, 3)
]
date_text = st.sampled_from([d.isoformat() for d in DAYS] + ["", "", "2026/4/7", "2026-02-30"])
channel_text = st.sampled_from(["当面", "挂号信", "平信", "网络", "传真", "fax", "飞鸽", ""])
case_id = st.sampled_from(["A-1", "B,2", 'C"3', "D\n4", "", "E5"])


# A few receipt situations, so that plain rows share them (the fast path's plans), some on
# rest days, some assumed, some malformed, on both sides of 2019-05-15.
RECEIPTS = [
    ("当面", "2026-04-01", "", ""),
    ("当面", "2026-04-04", "", ""),
    ("挂号信", "2026-04-01", "2026-04-03", ""),
    ("挂号信", "2026-04-01", "", ""),
    ("网络", "2026-04-07", "", "2026-04-08"),
    ("传真", "2019-05-11", "", "2019-05-14"),
    ("平信", "2019-05-13", "", ""),
    ("平信", "2026-04-10", "2026-04-09", ""),
    ("当面", "2026-02-30", "", ""),
    ("飞鸽", "2026-04-01", "", ""),
    ("当面", "", "", ""),
]


@st.composite
def plain_row(draw: st.DrawFn) -> list[str]:
    """A row without 补正, consultation or extension: the fast path's rows, reply included."""
    row = [""] * len(ZH)
    row[0] = draw(case_id)
    if draw(st.integers(0, 4)):
        row[1], row[2], row[3], row[4] = draw(st.sampled_from(RECEIPTS))
    else:
        row[1] = draw(channel_text)
        row[2], row[3], row[4] = draw(date_text), draw(date_text), draw(date_text)
    row[13] = draw(st.sampled_from(["", "", *[d.isoformat() for d in DAYS[::2]], "2027-01-05"]))
    return row


@st.composite
def other_row(draw: st.DrawFn) -> list[str]:
    """A row with anything in any column (odd cells and lengths included)."""
    cells = st.one_of(date_text, channel_text, st.sampled_from(["20", "第三方", "其他机关", " "]))
    return draw(st.lists(cells, min_size=0, max_size=len(ZH) + 1))


batch = st.lists(st.one_of(plain_row(), plain_row(), plain_row(), other_row()), max_size=40)


@given(
    rows=batch,
    repeat=st.integers(min_value=1, max_value=3),
    as_of=st.sampled_from([None, D(2019, 6, 1), D(2026, 4, 20), D(2026, 6, 30)]),
    lang=st.sampled_from(["zh", "en"]),
    english=st.booleans(),
    keep=st.sampled_from([0, 2, 100]),
)
def test_any_batch_comes_out_the_same_on_both_paths(
    rows: list[list[str]],
    repeat: int,
    as_of: dt.date | None,
    lang: str,
    english: bool,
    keep: int,
) -> None:
    both_paths(to_csv(EN if english else ZH, rows * repeat), as_of=as_of, lang=lang, keep=keep)


def test_late_rows_on_the_fast_path_count_their_worst_delay_as_the_general_path_does() -> None:
    replies = ["2026-05-06", "2026-06-01", "2026-06-02", "2026-05-29", ""]
    rows = [[f"C{n}", "当面", "2026-04-01"] + [""] * 10 + [day] for n, day in enumerate(replies)]
    for keep in (0, 1):
        for as_of in (D(2026, 6, 30), D(2026, 7, 30)):
            both_paths(to_csv(ZH, rows), as_of=as_of, lang="zh", keep=keep)
            both_paths(to_csv(ZH, rows[::-1]), as_of=as_of, lang="en", keep=keep)


def test_a_header_only_file_and_broken_csv_come_out_the_same_on_both_paths() -> None:
    both_paths(",".join(ZH) + "\n", as_of=D(2026, 6, 30), lang="zh")
    text = ",".join(ZH) + '\nA,当面,2026-04-01,,,,,,,,,,,2026-04-20\n"B,当面\n'
    both_paths(text, as_of=D(2026, 6, 30), lang="en")


# -- the quick consistency check agrees with the detailed one ----------------------------------

maybe_day = st.one_of(st.none(), st.sampled_from(DAYS))


@given(
    channel=st.sampled_from(list(Channel)),
    dates=st.lists(maybe_day, min_size=9, max_size=9),
    consultations=st.lists(
        st.tuples(st.sampled_from(list(Party)), st.sampled_from(DAYS), maybe_day), max_size=2
    ),
    days=st.one_of(st.none(), st.integers(min_value=-1, max_value=30)),
)
def test_the_quick_check_finds_a_problem_exactly_when_the_detailed_one_does(
    channel: Channel,
    dates: list[dt.date | None],
    consultations: list[tuple[Party, dt.date, dt.date | None]],
    days: int | None,
) -> None:
    sub, signed, confirmed, requested, arrived, approved, told, replied, _ = dates
    facts = CaseFacts(
        "x", channel, sub, signed, confirmed, requested, arrived, tuple(consultations),
        approved, told, days, replied,
    )  # fmt: skip
    assert first_problem(facts) == problem_detail(facts)
