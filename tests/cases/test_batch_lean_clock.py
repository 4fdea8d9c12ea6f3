"""The lean clock of the fast path judges every kind of case as the general clock does (issue 6, §3).

The fast path (:mod:`gov_deadlines.outputs.case_csv_fast`) audits rows over day indices — with 补正,
consultations, extensions, both versions of the 条例, receipts on rest days, replies
pending or late — and writes the per-case CSV without building verdicts. These tests
generate such rows, with every column filled or blank in any combination, near the
2019-05-15 boundary and the calendar's last official day, and check that the per-case CSV
and the summary are those of the general path, for both languages, with and without an
audit day (inside the calendar or past it), both rest-day policies and the provisional
calendar. Test names are sentences.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_deadlines import ReceiptPolicy, default_calendar
from gov_deadlines.calendar.day import ProvisionalDate
from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.cases import COLUMNS, AuditPolicy, CaseVerdict, audit_csv
from gov_deadlines.outputs import Summary, write_case_csv

D = dt.date
ZH = [c[1] for c in COLUMNS]

#: Receipt days: 2008 rules, both sides of 2019-05-15, ordinary 2026 days and rest days,
#: the last weeks of the calendar's official data, and a day before any OGI regulations.
ANCHORS = [
    D(2008, 4, 28), D(2008, 5, 1), D(2012, 9, 28), D(2018, 9, 3), D(2019, 4, 26),
    D(2019, 5, 10), D(2019, 5, 14), D(2019, 5, 15), D(2019, 5, 18), D(2025, 12, 27),
    D(2026, 3, 2), D(2026, 3, 20), D(2026, 9, 26), D(2026, 9, 28), D(2026, 11, 28),
    D(2026, 12, 10), D(2026, 12, 26),
]  # fmt: skip
AUDIT_DAYS = [None, D(2019, 6, 20), D(2026, 4, 20), D(2026, 10, 16), D(2026, 12, 30), D(2027, 2, 1)]


def receipt_policy(move: bool) -> ReceiptPolicy:
    return ReceiptPolicy.NEXT_WORKING_DAY if move else ReceiptPolicy.AS_RECORDED


def both_paths(
    text: str,
    *,
    as_of: dt.date | None,
    lang: str,
    keep: int,
    policy: AuditPolicy | None = None,
    calendar: WorkCalendar | None = None,
) -> None:
    """Assert that the fast and the general path write the same CSV and summary."""
    outputs, summaries = [], []
    for fast in (True, False):
        audit = audit_csv(
            io.StringIO(text, newline=""), as_of=as_of, policy=policy, calendar=calendar
        )
        target = io.StringIO(newline="")
        summary = write_case_csv(audit if fast else iter(audit), target, lang=lang, summary=Summary(keep=keep))  # fmt: skip
        outputs.append(target.getvalue())
        summaries.append(summary)
    fast_text, general_text = outputs
    assert fast_text.splitlines() == general_text.splitlines()
    assert fast_text == general_text
    s_fast, s_general = summaries
    assert s_fast.to_record(lang).model_dump(mode="json") == s_general.to_record(lang).model_dump(
        mode="json"
    )
    assert repr(s_fast.to_record(lang).model_dump(mode="json")) == repr(
        s_general.to_record(lang).model_dump(mode="json")
    )  # key order too
    assert s_fast.markdown(lang) == s_general.markdown(lang)
    assert [(line, case) for line, case, _ in s_fast.late_examples] == [
        (line, case) for line, case, _ in s_general.late_examples
    ]
    assert [v.explain(lang) for _, _, v in s_fast.late_examples] == [
        v.explain(lang) for _, _, v in s_general.late_examples
    ]


def to_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(ZH)
    writer.writerows(rows)
    return buffer.getvalue()


def _day(base: dt.date, offset: int) -> str:
    return (base + dt.timedelta(days=offset)).isoformat()


@st.composite
def case_row(draw: st.DrawFn) -> list[str]:
    """A case with any of 补正, consultation(s) and extension, dates mostly in order."""
    base = draw(st.sampled_from(ANCHORS))
    offset = st.integers(min_value=-2, max_value=45)
    maybe = st.booleans()
    row = [""] * len(ZH)
    row[0] = draw(st.sampled_from(["A-1", "B,2", 'C"3', "", "E5"]))
    row[1] = draw(st.sampled_from(["当面", "挂号信", "平信", "网络", "传真", "email", "飞鸽"]))
    row[2] = _day(base, 0) if draw(st.integers(0, 5)) else ""
    if draw(maybe):
        row[3] = _day(base, draw(st.integers(-1, 4)))
    if draw(maybe):
        row[4] = _day(base, draw(st.integers(-1, 4)))
    if draw(st.integers(0, 2)) == 0:  # 补正
        asked = draw(st.integers(0, 14))
        row[5] = _day(base, asked)
        if draw(st.integers(0, 4)):
            row[6] = _day(base, asked + draw(st.integers(-1, 20)))
    if draw(st.integers(0, 2)) == 0:  # consultation(s)
        sent = draw(st.integers(-1, 25))
        party = draw(st.sampled_from(["", "第三方", "其他机关", "agency", "third party"]))
        answer = _day(base, sent + draw(st.integers(-1, 40))) if draw(maybe) else ""
        row[7], row[8], row[9] = party, _day(base, sent), answer
        if draw(st.integers(0, 6)) == 0:  # a second one
            row[8] += ";" + _day(base, sent + 3)
    if draw(st.integers(0, 2)) == 0:  # extension
        approved = draw(st.integers(5, 40))
        row[10] = _day(base, approved)
        if draw(st.integers(0, 4)):
            row[11] = _day(base, approved + draw(st.integers(-1, 6)))
        row[12] = draw(st.sampled_from(["", "10", "15", "20", "25", "0", "20个工作日"]))
    elif draw(st.integers(0, 20)) == 0:
        row[11], row[12] = draw(st.sampled_from([("", "20"), (_day(base, 9), "")]))
    if draw(st.integers(0, 5)):
        row[13] = _day(base, draw(offset))
    return row


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(case_row(), min_size=1, max_size=30),
    repeat=st.integers(min_value=1, max_value=2),
    as_of=st.sampled_from(AUDIT_DAYS),
    lang=st.sampled_from(["zh", "en"]),
    keep=st.sampled_from([0, 3, 100]),
    move=st.booleans(),
    warn=st.sampled_from([0, 5, 30]),
)
def test_any_case_comes_out_of_the_lean_clock_as_out_of_the_general_one(
    rows: list[list[str]],
    repeat: int,
    as_of: dt.date | None,
    lang: str,
    keep: int,
    move: bool,
    warn: int,
) -> None:
    policy = AuditPolicy(receipt=receipt_policy(move), warn_within=warn)
    both_paths(to_csv(rows * repeat), as_of=as_of, lang=lang, keep=keep, policy=policy)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(case_row(), min_size=1, max_size=20),
    as_of=st.sampled_from(AUDIT_DAYS),
    lang=st.sampled_from(["zh", "en"]),
)
def test_a_provisional_calendar_leaves_the_days_past_the_official_data_to_the_general_path(
    rows: list[list[str]], as_of: dt.date | None, lang: str
) -> None:
    calendar = default_calendar(provisional=True)
    both_paths(to_csv(rows), as_of=as_of, lang=lang, keep=2, calendar=calendar)


def generated_year(rows: int, seed: int) -> str:
    """A year of cases in the benchmark's mix (benchmarks/bench_audit.py): mostly plain."""
    rnd = random.Random(seed)
    first = D(2025, 1, 2).toordinal()
    out = []
    for number in range(rows):
        submitted = D.fromordinal(first + rnd.randrange(600))
        channel = rnd.choice(["当面", "挂号信", "平信", "网络", "网络", "传真"])
        row = [f"Y-{number}", channel, submitted.isoformat()] + [""] * 11
        start = receipt = submitted
        if channel == "挂号信":
            receipt = submitted + dt.timedelta(days=rnd.randrange(1, 5))
            row[3] = receipt.isoformat()
        elif channel != "当面" and rnd.random() < 0.85:
            receipt = submitted + dt.timedelta(days=rnd.randrange(0, 3))
            row[4] = receipt.isoformat()
        kind = rnd.random()
        if kind < 0.1:
            asked = receipt + dt.timedelta(days=rnd.randrange(1, 12))
            start = asked + dt.timedelta(days=rnd.randrange(1, 15))
            row[5], row[6] = asked.isoformat(), start.isoformat()
        elif kind < 0.2:
            sent = receipt + dt.timedelta(days=rnd.randrange(1, 20))
            row[7], row[8] = rnd.choice(["第三方", "其他机关"]), sent.isoformat()
            if rnd.random() < 0.9:
                row[9] = (sent + dt.timedelta(days=rnd.randrange(1, 28))).isoformat()
        elif kind < 0.3:
            approved = receipt + dt.timedelta(days=rnd.randrange(14, 32))
            row[10] = approved.isoformat()
            row[11] = (approved + dt.timedelta(days=rnd.randrange(0, 3))).isoformat()
            row[12] = str(rnd.choice((10, 15, 20, 20, 25)))
            start = approved
        if rnd.random() < 0.92:
            late = rnd.random() < 0.2
            offset = rnd.randrange(25, 60) if late else rnd.randrange(1, 26)
            row[13] = (start + dt.timedelta(days=offset)).isoformat()
        out.append(row)
    return to_csv(out)


def test_a_generated_year_of_cases_comes_out_the_same_on_both_paths() -> None:
    text = generated_year(3000, seed=6)
    for as_of in (D(2026, 11, 20), None, D(2026, 5, 6)):
        for lang in ("zh", "en"):
            both_paths(text, as_of=as_of, lang=lang, keep=100)
    both_paths(text, as_of=D(2026, 9, 1), lang="zh", keep=0, policy=AuditPolicy(False, 10))


def test_columns_in_another_order_come_out_the_same_on_both_paths() -> None:
    rows = list(csv.reader(io.StringIO(generated_year(300, seed=7), newline="")))
    order = [13, 0, 2, 1, 4, 3, 5, 6, 7, 8, 9, 10, 11, 12]
    moved = [[row[i] for i in order] + ["x"] for row in rows]
    moved[0][-1] = "备注"
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(moved)
    both_paths(buffer.getvalue(), as_of=D(2026, 11, 20), lang="zh", keep=5)


def row(*cells: str) -> list[str]:
    return [*cells, *[""] * (len(ZH) - len(cells))]


#: A row for each finding of the clock, and for the rows the fast path leaves to the
#: general one (several consultations, a date it cannot read, text before the data).
# fmt: off
EVERY_FINDING = [
    row("plain", "当面", "2026-09-28", "", "", "", "", "", "", "", "", "", "", "2026-10-30"),
    row("rest day", "网络", "2026-10-03", "", "2026-10-04"),
    row("assumed", "挂号信", "2026-03-02", "", "", "", "", "", "", "", "", "", "", "2026-04-30"),
    row("补正", "当面", "2026-03-02", "", "", "2026-03-06", "2026-03-16", "", "", "", "", "", "", "2026-04-14"),
    row("补正 late", "当面", "2026-03-02", "", "", "2026-03-20", "2026-03-21"),
    row("awaiting", "当面", "2026-03-02", "", "", "2026-03-06", "", "", "", "", "", "", "", "2026-04-14"),
    row("2008 补正", "当面", "2018-09-03", "", "", "2018-09-06", "2018-09-10"),
    row("capped", "当面", "2026-03-20", "", "", "", "", "第三方", "2026-04-01", "2026-05-20"),
    row("unanswered", "当面", "2026-03-20", "", "", "", "", "其他机关", "2026-04-01"),
    row("consult late", "当面", "2026-03-20", "", "", "", "", "第三方", "2026-04-30", "2026-05-06"),
    row("2008 agency", "当面", "2018-09-03", "", "", "", "", "其他机关", "2018-09-10", "2018-09-20"),
    row("2008 open", "当面", "2018-09-03", "", "", "", "", "第三方", "2018-09-10", "", "", "", "", "2018-10-20"),
    row("2008 open", "当面", "2018-09-03", "", "", "", "", "", "2018-09-10"),
    row("two", "当面", "2026-03-20", "", "", "", "", "第三方", "2026-04-01;2026-04-03", "2026-04-10"),
    row("ext", "网络", "2026-03-20", "", "2026-03-20", "", "", "", "", "", "2026-04-16", "2026-04-17", "20", "2026-05-20"),
    row("ext over", "当面", "2026-03-09", "", "", "", "", "", "", "", "2026-04-01", "2026-04-02", "25", "2026-05-08"),
    row("ext assumed", "当面", "2026-03-09", "", "", "", "", "", "", "", "2026-04-01", "2026-04-02"),
    row("ext invalid", "当面", "2026-02-02", "", "", "", "", "", "", "", "2026-03-10", "2026-03-12", "15", "2026-03-30"),
    row("ext unused", "当面", "2026-02-02", "", "", "", "", "", "", "", "2026-02-20", "", "15", "2026-02-25"),
    row("ext not told", "当面", "2026-02-02", "", "", "", "", "", "", "", "2026-02-20", "", "15"),
    row("ext not told late", "当面", "2026-02-02", "", "", "", "", "", "", "", "2026-03-20", "", "15"),
    row("ext 2008", "当面", "2018-09-03", "", "", "", "", "", "", "", "2018-09-20", "2018-09-21", "20", "2018-10-30"),
    row("ext unit", "当面", "2026-03-09", "", "", "", "", "", "", "", "2026-04-01", "2026-04-02", "20个工作日"),
    row("all", "挂号信", "2026-03-02", "2026-03-04", "", "2026-03-09", "2026-03-14", "第三方", "2026-03-20", "", "2026-04-07", "2026-04-08", "10", "2026-05-25"),
    row("soon", "当面", "2026-11-20"),
    row("end of data", "当面", "2026-12-20"),
    row("slashes", "当面", "2026/3/2", "", "", "", "", "", "", "", "", "", "", "2026年4月1日"),
    row("before 2008", "当面", "2008-04-28"),
    row("today", "当面", "今天"),
    row("bad", "当面", "2026-02-30"),
    row("order", "当面", "2026-03-02", "2026-03-01"),
    row("nul", "当面", "2026-03-02\0"),
    row("huge", "当面", "2026-03-02", "", "", "", "", "", "", "", "", "", "", "x" * 140_000),
    row("who", "当面", "2026-03-20", "", "", "", "", "路人", "2026-04-01"),
    row("pairs", "当面", "2026-03-20", "", "", "", "", "", "2026-04-01", "2026-04-02;2026-04-03"),
    row("parties", "当面", "2026-03-20", "", "", "", "", "第三方;其他机关", "2026-04-01"),
    row("补正 at the end", "当面", "2026-12-28", "", "", "2026-12-29", "2026-12-30"),
    row("ext at the end", "当面", "2026-11-20", "", "", "", "", "", "", "", "2026-12-10", "2026-12-11", "20"),
    row("blank sent", "当面", "2026-03-20", "", "", "", "", "第三方", " ", "2026-04-10"),
]
# fmt: on


def test_every_finding_of_the_clock_comes_out_the_same_on_both_paths() -> None:
    text = to_csv(EVERY_FINDING * 2)
    for as_of in (*AUDIT_DAYS, D(2018, 10, 1), D(2026, 3, 25)):
        for lang in ("zh", "en"):
            for move in (True, False):
                policy = AuditPolicy(receipt=receipt_policy(move))
                both_paths(text, as_of=as_of, lang=lang, keep=4, policy=policy)
    provisional = default_calendar(provisional=True)
    both_paths(text, as_of=D(2027, 3, 1), lang="zh", keep=4, calendar=provisional)
    # An audit day that is not a plain date: the general path for every row.
    both_paths(text, as_of=ProvisionalDate(2026, 6, 30), lang="en", keep=4)


def test_the_late_examples_of_the_fast_path_are_made_when_read_and_can_be_replaced() -> None:
    text = to_csv([row(f"L{n}", "当面", "2026-03-02") for n in range(5)])
    summary = write_case_csv(
        audit_csv(io.StringIO(text, newline=""), as_of=D(2026, 6, 30)),
        io.StringIO(newline=""),
        summary=Summary(keep=3),
    )
    assert not any(isinstance(verdict, CaseVerdict) for _, _, verdict in summary.late_kept)
    assert [(line, case) for line, case, _ in summary.late_examples] == [
        (2, "L0"), (3, "L1"), (4, "L2"),
    ]  # fmt: skip
    assert all(verdict.late for _, _, verdict in summary.late_examples)
    assert summary.keep_late(9, "X", lambda: summary.late_examples[0][2]) is False
    summary.late_examples = summary.late_examples[:1]
    assert [case for _, case, _ in summary.late_examples] == ["L0"]


def test_outcomes_added_to_the_summary_along_the_way_count_as_at_the_end(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gov_deadlines.outputs.case_csv_fast as fast

    monkeypatch.setattr(fast, "_TALLY_LIMIT", 1)
    monkeypatch.setattr(fast, "PLAN_LIMIT", 3)
    both_paths(generated_year(400, seed=8), as_of=D(2026, 11, 20), lang="zh", keep=5)
