"""Each command answers in process (``main([...])``) and as a program (``python -m
gov_deadlines`` and the installed ``gov-deadlines`` script), and the three print the same."""

from __future__ import annotations

import pytest

from _cli import COMMANDS, run_main, run_program

#: What each command's Chinese and English answers must contain.
EXPECTED: dict[str, tuple[list[str], list[str]]] = {
    "case": (
        ["答复期限:2026-04-28(周二)24时 · 按时", "第三方:2026-04-01发出,2026-04-10答复"],
        ["Reply due: 2026-04-28 (Tue) 24:00 · on time", "6 working day"],
    ),
    "due": (
        [
            "截止:2026-10-30(周五)24:00",
            "规则:ogi-2019.reply",
            "国庆节放假,7天",
            "第20个工作日为2026-10-30",
        ],
        ["Due: 2026-10-30 (Fri) 24:00", "ogi-2019.reply", "National Day"],
    ),
    "add": (
        ["截止:2026-11-03(周二)24:00", "期限:20个工作日"],
        ["Due: 2026-11-03 (Tue) 24:00", "Period: 20 working days"],
    ),
    "between": (
        [
            "2026-09-30 至 2026-10-12(不含起日,含止日):4 个工作日",
            "国庆节放假,7天",
            "2026-10-10(周六) 国庆节调休上班",
        ],
        ["4 working days", "National Day holiday, 7 days", "2026-10-10 (Sat) make-up working day"],
    ),
    "cal": (
        [
            "2026年10月",
            " 一   二   三   四   五   六   日",
            " 1休",
            "10班",
            "国庆节:1、2、3、4、5、6、7日",
        ],
        ["October 2026", " Mo   Tu", " 1 R", "10 W", "National Day: 1, 2, 3, 4, 5, 6, 7"],
    ),
    "rules": (
        ["bz-2017.policy-interpretation  [期限 · 3个工作日]  文件公开后发布解读材料", "共 3 条。"],
        ["[deadline · 3 working days]", "3 rule(s)."],
    ),
    "rule": (
        [
            "规则:bz-2017.implementation-plan 制定具体实施方案",
            "原文:“在本意见印发后的20个工作日内制定具体实施方案”",
            "期限:20个工作日",
        ],
        ["Kind: ", "Period: 20 working days", "在本意见印发后的20个工作日内制定具体实施方案"],
    ),
    "recheck": (
        ["5条记录,重新计算0条", "数据未变5"],
        ["5 records, 0 recomputed", "5 untouched"],
    ),
    "events": (
        [
            "文件印发:2026-03-02",
            "2026-03-30  bz-2017.implementation-plan  制定具体实施方案(20个工作日)",
        ],
        [
            "document issued (signed off): 2026-03-02",
            "2026-03-30  bz-2017.implementation-plan  Draw up an implementation plan",
        ],
    ),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_command_answers_in_chinese_by_default(command: str) -> None:
    result = run_main(*COMMANDS[command])
    assert result.code == 0, result
    assert result.err == ""
    for text in EXPECTED[command][0]:
        assert text in result.out, result


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_command_answers_in_english_with_lang_en(command: str) -> None:
    result = run_main(*COMMANDS[command], "--lang", "en")
    assert result.code == 0, result
    for text in EXPECTED[command][1]:
        assert text in result.out, result


@pytest.mark.parametrize("via", ["module", "script"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_command_prints_the_same_as_a_program_as_in_process(command: str, via: str) -> None:
    inside = run_main(*COMMANDS[command])
    outside = run_program(*COMMANDS[command], via=via)
    assert outside.code == inside.code == 0, outside
    assert "Traceback" not in outside.err
    assert outside.out == inside.out


@pytest.mark.parametrize("via", ["module", "script"])
def test_a_program_reports_bad_input_with_exit_2_and_no_traceback(via: str) -> None:
    result = run_program("due", "ogi.reply", "2026-13-45", via=via)
    assert result.code == 2, result
    assert result.out == ""
    assert "2026-13-45" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("via", ["module", "script"])
def test_a_program_reports_a_missed_deadline_with_exit_1(via: str) -> None:
    result = run_program("due", "ogi.reply", "2026-09-28", "--done", "2026-11-02", via=via)
    assert result.code == 1, result
    assert "核查:逾期3天(1个工作日)。" in result.out


def test_the_events_command_lists_the_events_without_arguments() -> None:
    result = run_main("events")
    assert result.code == 0, result
    assert "document-issued  文件印发" in result.out
    assert "application-received" in result.out


def test_the_rules_command_filters_by_source() -> None:
    result = run_main("rules", "--source", "ogi-2019")
    assert result.code == 0, result
    ids = [line.split()[0] for line in result.out.splitlines()[:-1]]
    assert ids, result
    assert all(rule_id.startswith("ogi-2019.") for rule_id in ids), ids


def test_without_a_command_the_program_prints_its_usage_and_exits_2() -> None:
    result = run_main()
    assert result.code == 2
    assert "usage: gov-deadlines" in result.out
    for command in COMMANDS:
        assert command in result.out


def test_an_unknown_command_exits_2_naming_the_commands() -> None:
    result = run_main("frob")
    assert result.code == 2
    assert "'frob'" in result.err
    assert "due" in result.err


def test_a_counting_option_that_does_not_fit_the_period_is_bad_input_not_a_bug() -> None:
    cases = [
        ["add", "2026-10-01 09:30", "48小时", "--cutoff", "17:00"],
        ["due", "ogi.reply", "2026-09-28", "--posting-day-counts"],
        ["add", "2026-01-01", "7月底前", "--no-roll"],
    ]
    for argv in cases:
        result = run_main(*argv)
        assert result.code == 2, result
        assert "--" in result.err, result
        assert "内部错误" not in result.err and "internal error" not in result.err, result


def test_an_answer_beyond_year_9999_is_bad_input_not_a_bug() -> None:
    for argv in (
        ["add", "2026-01-01", "99999999日"],
        ["add", "9999-12-31", "1年", "--provisional"],
    ):
        result = run_main(*argv, "--lang", "en")
        assert result.code == 2, result
        assert "years 1-9999" in result.err, result


def test_the_cutoff_option_moves_the_end_of_the_last_day() -> None:
    result = run_main("add", "2026-09-28", "10个工作日", "--cutoff", "17:00")
    assert result.code == 0, result
    assert result.out.startswith("截止:2026-10-16(周五)17:00")
    bad = run_main("add", "2026-09-28", "10个工作日", "--cutoff", "5pm")
    assert bad.code == 2
    assert "--cutoff" in bad.err
