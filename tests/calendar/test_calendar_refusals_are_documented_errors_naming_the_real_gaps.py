"""Issue 10, items 4, 5, 10 and 11: past the data, only documented errors, and true ones.

* a walk off 9999-12-31 is a :class:`CalendarCoverageError`, not an ``OverflowError``;
* hostile overlay and rule files (a 5000-digit year, a 100,000-deep array, a block to
  9999-12-31) raise the file's own error naming the file and the entry, and fast;
* coverage is a set of spans: an overlay for a year not next to the covered span adds a
  span, and a refusal names the real gap;
* the audit reports a receipt past the calendar as undetermined (无法计算), with the
  command line's remedies;
* ``deadlines_for`` names the version of a rule it could not compute.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from _cli import run_main
from gov_deadlines import (
    CalendarCoverageError,
    OverlayError,
    RuleFileError,
    deadline,
    deadlines_for,
    default_calendar,
    due,
    load_overlay,
)
from gov_deadlines.calendar import checks
from gov_deadlines.catalogue.schema import load_rule_file

D = dt.date
LAST = D(9999, 12, 31)


# -- item 10: walks off the end of the dates Python has ----------------------------------------


@pytest.mark.parametrize("period", ["20个工作日", "20日", "1个月", "3年", "不少于10天"])
def test_a_period_from_the_last_representable_day_is_a_coverage_error(period: str) -> None:
    with pytest.raises(CalendarCoverageError) as caught:
        deadline(LAST, period)
    assert caught.value.year == 9999


def test_an_hour_period_past_the_last_representable_moment_is_a_coverage_error() -> None:
    with pytest.raises(CalendarCoverageError):
        deadline(dt.datetime(9999, 12, 31, 12, 0), "48小时")


def test_due_from_the_last_representable_day_is_a_coverage_error() -> None:
    with pytest.raises(CalendarCoverageError):
        due("ogi.reply", LAST)


def test_walks_of_the_calendar_off_either_end_of_the_dates_are_coverage_errors() -> None:
    cal = default_calendar(provisional=True)
    for call in (
        lambda: cal.add_workdays(LAST, 1),
        lambda: cal.add_workdays(D(1, 1, 1), -1),
        lambda: cal.workdays_between(D(1, 1, 1), LAST),
        lambda: cal.workday_on_or_after(LAST),
        lambda: cal.workday_on_or_before(D(1, 1, 1)),
    ):
        with pytest.raises(CalendarCoverageError):
            call()


# -- item 10: hostile overlay and rule files ---------------------------------------------------

HOSTILE: list[tuple[str, str, str]] = [
    ("digits.toml", "year = " + "9" * 5000 + '\n[notice]\ntitle = "t"\n', "line 1"),
    ("digits.json", '{"year": ' + "9" * 5000 + ', "days": []}', "line 1"),
    ("deep.json", "[" * 100_000 + "]" * 100_000, "line 1"),
    ("deep-days.json", '{"year": 2027,\n"days": ' + "[" * 100_000 + "]" * 100_000 + "}", "line 2"),
    ("deep.toml", "year = 2027\nx = " + "[" * 100_000 + "]" * 100_000 + "\n", "line 2"),
    (
        "to-the-end.toml",
        'year = 2027\n[notice]\ntitle = "t"\n[[off]]\nholiday = "春节"\n'
        "from = 2027-02-01\nto = 9999-12-31\n",
        "off[0]",
    ),
]


def test_a_block_to_9999_is_refused_before_any_of_its_days_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The work counted, not timed (a time limit fails on a loaded machine): the block's
    # bounds are checked before its days are made, so the work is bounded by a year's
    # length whatever the file says (made day by day, it took 9 s before failing).
    made: list[dt.date] = []
    real = checks.ListedDay

    def counted(day: dt.date, *args: Any) -> checks.ListedDay:
        made.append(day)
        return real(day, *args)

    monkeypatch.setattr(checks, "ListedDay", counted)
    name, text, _ = HOSTILE[-1]
    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(OverlayError):
        load_overlay(path)
    assert made == []
    path.write_text(text.replace("9999-12-31", "2027-02-07"), "utf-8")
    load_overlay(path)  # the same block within its year: its seven days are made
    assert len(made) == 7


@pytest.mark.parametrize(("name", "text", "entry"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_overlay_is_an_overlay_error_naming_file_and_entry_at_once(
    tmp_path: Path, name: str, text: str, entry: str
) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(OverlayError) as caught:
        load_overlay(path)
    assert caught.value.source == str(path)
    assert caught.value.entry is not None and entry in caught.value.entry
    assert "set_int_max_str_digits" not in str(caught.value)


@pytest.mark.parametrize(
    ("name", "text", "entry"),
    [
        ("digits.toml", "x = " + "9" * 5000 + "\n", "line 1"),
        ("deep.json", '{"source":\n' + "[" * 100_000 + "]" * 100_000 + "}", "line 2"),
        ("dup.json", '{"source": {}, "source": {}}', "key 'source'"),
        ("syntax.toml", "a = 1\nb = = 2\n", "line 2"),
    ],
    ids=["digits.toml", "deep.json", "dup.json", "syntax.toml"],
)
def test_a_hostile_rule_file_is_a_rule_file_error_naming_file_and_entry(
    tmp_path: Path, name: str, text: str, entry: str
) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_file(path)
    assert caught.value.source == str(path)
    assert caught.value.entry == entry


# -- item 11: coverage is a set of spans -------------------------------------------------------


def _overlay_2000(tmp_path: Path) -> Path:
    path = tmp_path / "2000.json"
    days = [{"name": "春节", "date": f"2000-02-{d:02d}", "isOffDay": True} for d in range(4, 11)]
    path.write_text(json.dumps({"year": 2000, "days": days}, ensure_ascii=False), "utf-8")
    return path


def test_an_overlay_for_a_distant_year_adds_a_span_and_keeps_the_covered_one(
    tmp_path: Path,
) -> None:
    cal = default_calendar().with_overlays(_overlay_2000(tmp_path))
    assert [(s.first, s.last) for s in cal.coverage.spans] == [
        (D(2000, 1, 1), D(2000, 12, 31)),
        (D(2004, 1, 1), D(2026, 12, 31)),
    ]
    assert (cal.coverage.first, cal.coverage.last) == (D(2000, 1, 1), D(2026, 12, 31))
    assert [(g.first, g.last) for g in cal.coverage.gaps] == [(D(2001, 1, 1), D(2003, 12, 31))]
    assert D(2002, 6, 1) not in cal.coverage and D(2026, 6, 1) in cal.coverage
    # The covered years answer as before, the new one too.
    assert cal.add_workdays(D(2026, 9, 28), 20) == D(2026, 10, 30)
    assert not cal.is_workday(D(2000, 2, 7))
    assert cal.official_tables() == default_calendar().official_tables()


def test_a_refusal_in_a_gap_names_the_gap_and_every_covered_span(tmp_path: Path) -> None:
    cal = default_calendar().with_overlays(_overlay_2000(tmp_path))
    with pytest.raises(CalendarCoverageError) as caught:
        cal.add_workdays(D(2002, 3, 1), 3)
    error = caught.value
    assert error.gap is not None and (error.gap.first, error.gap.last) == (
        D(2001, 1, 1),
        D(2003, 12, 31),
    )
    for text in (str(error), error.clerk_message("en")):
        assert "2000-01-01 .. 2000-12-31" in text
        assert "2004-01-01 .. 2026-12-31" in text
        assert "2001-01-01 .. 2003-12-31" in text
    for text in (error.message("zh"), error.clerk_message("zh")):
        assert "2000-01-01至2000-12-31" in text
        assert "2004-01-01至2026-12-31" in text
        assert "2001-01-01至2003-12-31" in text
    with pytest.raises(CalendarCoverageError) as late:
        cal.add_workdays(D(2026, 12, 20), 20)
    assert late.value.gap is None and "2000-01-01 .. 2000-12-31" in str(late.value)


# -- item 4: the audit's receipt past the calendar ---------------------------------------------

AUDIT = (
    "编号,渠道,提交日期,补正告知日期,答复日期\n"
    "A1,网络,2027-01-05,,\n"
    "A2,网络,2026-12-20,,\n"
    "A3,当面,2027-03-01,2027-03-02,\n"
)


def test_a_receipt_past_the_calendar_is_undetermined_with_the_command_line_remedy(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(AUDIT, "utf-8")
    result = run_main("audit", str(path), "--as-of", "2026-12-01", "--format", "jsonl")
    # Not malformed, but not answered either: exit 2, as `due` gives for the same question.
    assert result.code == 2, result
    assert "--calendar" in result.err and "--provisional" in result.err
    rows = [json.loads(line) for line in result.out.splitlines() if line.startswith("{")]
    assert [row["result"] for row in rows] == ["undetermined"] * 3
    for row in rows:
        texts = " ".join(finding["text"] for finding in row["findings"])
        assert "--calendar" in texts and "--provisional" in texts
        assert "with_overlays" not in texts and "default_calendar(" not in texts
    as_csv = run_main("audit", str(path), "--as-of", "2026-12-01", "--format", "csv")
    table = list(csv.reader(io.StringIO(as_csv.out.lstrip("\ufeff"))))
    assert [row[2] for row in table[1:]] == ["无法计算"] * 3
    assert "calendar.with_overlays" not in as_csv.out


def test_a_receipt_past_the_calendar_is_answered_provisionally_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(AUDIT, "utf-8")
    result = run_main(
        "audit", str(path), "--as-of", "2026-12-01", "--format", "jsonl", "--provisional"
    )
    rows = [json.loads(line) for line in result.out.splitlines() if line.startswith("{")]
    assert rows[0]["result"] == "open" and rows[0]["duties"][-1]["provisional"] is True


# -- item 5: the version named for a rule not computed -----------------------------------------


def test_events_names_the_version_in_force_for_a_rule_it_could_not_compute() -> None:
    found = deadlines_for("application-received", D(2026, 12, 20))
    missing = [n.rule.id for n in found.not_computed]
    assert "ogi-2019.reply" in missing
    assert "ogi-2008.reply" not in missing
    shown = run_main("events", "application-received", "2026-12-20")
    assert "未计算 ogi-2019.reply" in shown.out and "ogi-2008.reply" not in shown.out
    assert "with_overlays" not in shown.out


def test_a_year_before_the_bundled_data_is_not_told_to_load_a_notice_of_that_year() -> None:
    import datetime as _dt

    import gov_deadlines as _gd

    try:
        _gd.deadline(_dt.date(1990, 1, 5), "20个工作日")
    except _gd.CalendarCoverageError as error:
        for text in (str(error), error.clerk_message("zh"), error.clerk_message("en")):
            assert "notice for 1990" not in text and "1990年的国务院办公厅" not in text, text
        assert "--calendar" in error.clerk_message("zh")
        assert "1990年实际执行的放假与调休安排" in error.clerk_message("zh")
    else:
        raise AssertionError("1990 is outside the bundled data")
    later = None
    try:
        _gd.deadline(_dt.date(2026, 12, 20), "20个工作日")
    except _gd.CalendarCoverageError as error:
        later = error.clerk_message("zh")
    assert later is not None and "2027年的国务院办公厅节假日安排通知" in later
