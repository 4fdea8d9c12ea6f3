"""Every date and date-time form that ``docs/cli.md`` lists is read by the commands, and
anything else is refused with a message naming the input and the accepted forms."""

from __future__ import annotations

import datetime as dt

import pytest

from _cli import run_main
from gov_deadlines.dates import today

DATE_FORMS = {
    "2026-10-01": dt.date(2026, 10, 1),
    "2026/10/1": dt.date(2026, 10, 1),
    "2026.10.1": dt.date(2026, 10, 1),
    "2026年10月1日": dt.date(2026, 10, 1),
    "2026年10月1号": dt.date(2026, 10, 1),
    "20261001": dt.date(2026, 10, 1),
    "2026-9-8": dt.date(2026, 9, 8),
    " 2026-10-01 ": dt.date(2026, 10, 1),
}
TODAY_FORMS = ["今天", "today", "Today", "今日"]
DATETIME_FORMS = {
    "2026-10-01 09:30": "2026-10-01T09:30:00+08:00",
    "2026/10/1 9:30": "2026-10-01T09:30:00+08:00",
    "2026年10月1日 9:30": "2026-10-01T09:30:00+08:00",
    "2026年10月1日9时30分": "2026-10-01T09:30:00+08:00",
    "2026-10-01 09:30:15": "2026-10-01T09:30:15+08:00",
    "2026-10-01T09:30": "2026-10-01T09:30:00+08:00",
    "2026-10-01T09:30:00+08:00": "2026-10-01T09:30:00+08:00",
    "2026-10-01T01:30:00Z": "2026-10-01T09:30:00+08:00",
    "2026-10-01T03:30+02:00": "2026-10-01T09:30:00+08:00",
}


@pytest.mark.parametrize("text", sorted(DATE_FORMS))
def test_a_documented_date_form_is_read_as_that_day(text: str) -> None:
    result = run_main("add", text, "1个工作日", "--json")
    assert result.code == 0, result
    assert result.json()["trigger_date"] == DATE_FORMS[text].isoformat()


@pytest.mark.parametrize("text", TODAY_FORMS)
def test_today_in_chinese_or_english_is_beijing_today(text: str) -> None:
    before = today()
    for argv in (["add", text, "1个工作日"], ["due", "ogi.reply", text]):
        result = run_main(*argv, "--json", "--provisional")
        assert result.code == 0, result
        assert result.json()["trigger_date"] in {before.isoformat(), today().isoformat()}


def test_today_with_a_time_of_day_is_read() -> None:
    result = run_main("add", "today 09:30", "48小时", "--json")
    assert result.code == 0, result
    assert result.json()["trigger"].endswith("T09:30:00+08:00")


@pytest.mark.parametrize("text", sorted(DATETIME_FORMS))
def test_a_documented_date_time_form_is_read_as_that_beijing_instant(text: str) -> None:
    result = run_main("add", text, "48小时", "--json")
    assert result.code == 0, result
    payload = result.json()
    assert payload["trigger"] == DATETIME_FORMS[text]
    due_at = dt.datetime.fromisoformat(DATETIME_FORMS[text]) + dt.timedelta(hours=48)
    assert payload["due_at"] == due_at.isoformat()


@pytest.mark.parametrize("text", sorted(DATE_FORMS))
def test_every_command_taking_a_date_reads_every_form(text: str) -> None:
    day = DATE_FORMS[text].isoformat()
    runs = {
        "due": run_main("due", "ogi.reply", text, "--json"),
        "between": run_main("between", text, "2026-12-31", "--json"),
        "events": run_main("events", "document-issued", text, "--json", "--provisional"),
        "done": run_main("due", "ogi.reply", "2026-09-01", "--done", text, "--json"),
    }
    for name, result in runs.items():
        assert result.code in (0, 1), (name, result)
    assert runs["due"].json()["trigger_date"] == day
    assert runs["between"].json()["start"] == day
    assert runs["events"].json()["when"] == day
    assert runs["done"].json()["verdict"]["done_on"] == day
    assert runs["done"].json()["verdict"]["done_at"] is None  # a bare date gives no instant


def test_a_bare_year_is_read_for_yearly_rules() -> None:
    result = run_main("due", "ogi.annual-report", "2026", "--json")
    assert result.code == 0, result
    assert result.json()["due_date"] == "2026-01-31"


def test_the_month_of_cal_is_read_in_its_documented_forms() -> None:
    expected = run_main("cal", "2026-10").out
    for text in ("2026/10", "2026.10", "2026年10月", "2026-10"):
        result = run_main("cal", text)
        assert result.code == 0, result
        assert result.out == expected
    year = run_main("cal", "2026")
    assert year.code == 0
    assert year.out.count("休=休息日") == 12


BAD_DATES = [
    "2026-13-45",
    "2026-02-30",
    "2026/10/32",
    "明天",
    "10/1/2026",
    "2026-10",
    "2026-10-01 25:00",
    "2026-10-01 9:30pm",
    "2026-10-01T09:30:99",
    "yesterday",
    "",
]


@pytest.mark.parametrize("text", BAD_DATES)
def test_an_unreadable_date_exits_2_naming_it_and_the_accepted_forms(text: str) -> None:
    for argv in (["add", text, "1个工作日"], ["between", "2026-01-01", text]):
        for lang in ("zh", "en"):
            result = run_main(*argv, "--lang", lang)
            assert result.code == 2, result
            assert result.out == ""
            assert repr(text) in result.err, result
            assert "2026年10月1日" in result.err and "2026/10/1" in result.err, result
            assert "Traceback" not in result.err


def test_an_unreadable_done_time_exits_2_naming_it() -> None:
    result = run_main("due", "ogi.reply", "2026-09-28", "--done", "下周一")
    assert result.code == 2, result
    assert "'下周一'" in result.err
