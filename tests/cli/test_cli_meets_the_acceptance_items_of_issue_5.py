"""The acceptance items of issue 5 (the clerk's command line), each run as the clerk types
it: through the installed ``gov-deadlines`` script, and in process where that is quicker."""

from __future__ import annotations

from pathlib import Path

import pytest

from _cli import holiday_cn_2027, run_main, run_program


def test_due_ogi_reply_2026_09_28_json_is_due_on_2026_10_30() -> None:
    result = run_program("due", "ogi.reply", "2026-09-28", "--json", via="script")
    assert result.code == 0, result
    assert '"due_date": "2026-10-30"' in result.out
    assert result.json()["due_date"] == "2026-10-30"
    assert result.json()["provisional"] is False


def test_add_one_working_day_to_2024_09_13_lands_on_a_make_up_saturday() -> None:
    result = run_program("add", "2024年9月13日", "1个工作日", via="script")
    assert result.code == 0, result
    first = result.out.splitlines()[0]
    assert first.startswith("截止:2024-09-14(周六,调休上班日)")
    assert "2024-09-14(周六) 中秋节调休上班" in result.out
    english = run_main("add", "2024年9月13日", "1个工作日", "--lang", "en")
    assert english.out.startswith("Due: 2024-09-14 (Sat, a make-up working day (调休上班))")


def test_past_the_official_calendar_it_exits_2_naming_the_year_and_both_remedies() -> None:
    result = run_program("due", "ogi.reply", "2026-12-20", via="script")
    assert result.code == 2, result
    assert result.out == ""
    assert "2027" in result.err
    assert "--calendar" in result.err
    assert "--provisional" in result.err
    assert "GOV_DEADLINES_CALENDAR" in result.err
    assert "Traceback" not in result.err
    english = run_main("due", "ogi.reply", "2026-12-20", "--lang", "en")
    assert english.code == 2
    assert all(word in english.err for word in ("2027", "--calendar", "--provisional"))


def test_with_provisional_it_answers_and_marks_the_answer_provisional() -> None:
    text = run_program("due", "ogi.reply", "2026-12-20", "--provisional", via="script")
    assert text.code == 0, text
    assert text.out.splitlines()[0] == "截止:2027-01-19(周二)24:00 [临时推算]"
    assert "2027: 全国年节及纪念日放假办法 (provisional)" in text.out
    english = run_main("due", "ogi.reply", "2026-12-20", "--provisional", "--lang", "en")
    assert english.out.splitlines()[0].endswith("[provisional]")
    data = run_main("due", "ogi.reply", "2026-12-20", "--provisional", "--json").json()
    assert data["provisional"] is True
    # 2026-12-20 is a Sunday: the receipt counts from Monday 12-21 (rest-day receipt policy),
    # as in the audit; counted as recorded it is one working day earlier.
    assert data["due_date"] == "2027-01-19"
    assert data["receipt_date"] == "2026-12-21"
    recorded = run_main(
        "due", "ogi.reply", "2026-12-20", "--provisional", "--receipt-as-recorded", "--json"
    ).json()
    assert recorded["due_date"] == "2027-01-18"
    assert recorded["receipt_date"] is None


def test_a_calendar_file_makes_it_answer_without_provisional(tmp_path: Path) -> None:
    overlay = holiday_cn_2027(tmp_path)
    result = run_program("due", "ogi.reply", "2026-12-20", "--calendar", str(overlay), via="script")
    assert result.code == 0, result
    assert result.out.startswith("截止:2027-01-19(周二)24:00\n")
    assert "[临时推算]" not in result.out
    data = run_main("due", "ogi.reply", "2026-12-20", "--calendar", str(overlay), "--json").json()
    assert data["provisional"] is False
    assert any(line.startswith("2027:") for line in data["calendar_data"])


def test_the_calendar_environment_variable_does_the_same(tmp_path: Path) -> None:
    overlay = holiday_cn_2027(tmp_path)
    env = {"GOV_DEADLINES_CALENDAR": str(overlay)}
    result = run_program("due", "ogi.reply", "2026-12-20", "--json", via="script", env=env)
    assert result.code == 0, result
    assert result.json()["provisional"] is False
    assert result.json()["due_date"] == "2027-01-19"
    inside = run_main("due", "ogi.reply", "2026-12-20", "--json", env=env)
    assert inside.json() == result.json()


def test_the_calendar_file_changes_the_answer_where_its_days_fall(tmp_path: Path) -> None:
    overlay = str(holiday_cn_2027(tmp_path))
    # The file's make-up working Saturday 2027-02-20 counts only with the file; a provisional
    # answer knows no make-up days.
    with_file = run_main("add", "2027-02-12", "6个工作日", "--calendar", overlay)
    provisional = run_main("add", "2027-02-12", "6个工作日", "--provisional")
    assert with_file.code == provisional.code == 0
    assert with_file.out.startswith("截止:2027-02-20(周六,调休上班日)24:00\n")
    assert provisional.out.startswith("截止:2027-02-22(周一)24:00 [临时推算]\n")


def test_a_bad_calendar_file_exits_2_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "2027.json"
    broken.write_text("{not json", encoding="utf-8")
    for argv in (["--calendar", str(broken)], []):
        env = {} if argv else {"GOV_DEADLINES_CALENDAR": str(broken)}
        result = run_main("due", "ogi.reply", "2026-12-20", *argv, env=env)
        assert result.code == 2, result
        assert str(broken) in result.err
    missing = run_main("due", "ogi.reply", "2026-12-20", "--calendar", str(tmp_path / "none.json"))
    assert missing.code == 2
    assert "none.json" in missing.err


@pytest.mark.parametrize("via", ["module", "script"])
def test_an_unknown_rule_exits_2_suggesting_close_ids(via: str) -> None:
    result = run_program("due", "no-such-rule", "2026-01-01", via=via)
    assert result.code == 2, result
    assert "'no-such-rule'" in result.err
    assert "您是否要找" in result.err
    assert "Traceback" not in result.err
    close = run_main("due", "ogi.replay", "2026-01-01", "--lang", "en")
    assert close.code == 2
    assert "ogi.reply" in close.err


@pytest.mark.parametrize("via", ["module", "script"])
def test_an_impossible_date_exits_2_naming_it(via: str) -> None:
    result = run_program("due", "ogi.reply", "2026-13-45", via=via)
    assert result.code == 2, result
    assert "'2026-13-45'" in result.err
    assert "Traceback" not in result.err
    assert result.out == ""


def test_done_late_exits_1_and_done_on_time_exits_0() -> None:
    late = run_program("due", "ogi.reply", "2026-09-28", "--done", "2026-11-02", via="script")
    assert late.code == 1, late
    assert "核查:逾期3天(1个工作日)。" in late.out
    on_time = run_program("due", "ogi.reply", "2026-09-28", "--done", "2026-10-30", via="script")
    assert on_time.code == 0, on_time
    assert "核查:按时完成" in on_time.out
    last_minute = run_main("due", "ogi.reply", "2026-09-28", "--done", "2026-10-30 23:59")
    assert last_minute.code == 0, last_minute
    a_minute_late = run_main("due", "ogi.reply", "2026-09-28", "--done", "2026-10-31 00:01")
    assert a_minute_late.code == 1, a_minute_late
    added = run_main("add", "2026-09-30", "20个工作日", "--done", "2026-11-04", "--lang", "en")
    assert added.code == 1
    assert "Check: " in added.out
