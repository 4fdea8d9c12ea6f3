"""What clerks read is in Chinese under --lang zh and names no Python function (issue 10, item 17)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from _cli import run_main
from gov_deadlines.calendar import read_notice
from gov_deadlines.errors import NoticeTextError

PYTHON_NAMES = re.compile(r"[a-z_]+\(|datetime\.date\(|gov_deadlines\.")
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}")


def in_chinese(message: str) -> bool:
    """Chinese text, and no English sentence in it (option names and ids are fine)."""
    chinese = re.findall(r"[\u4e00-\u9fff]", message.removeprefix("错误:"))
    return len(chinese) >= 4 and not ENGLISH_WORDS.search(message)


def test_a_minimum_posting_period_is_headed_by_its_earliest_removal_not_as_a_deadline() -> None:
    result = run_main("due", "sd-2018.poverty-fund-notice", "2026-09-28")
    assert result.code == 0, result
    first = result.out.splitlines()[0]
    assert first.startswith("最早可撤下:2026-10-09 00:00"), first
    assert "截止" not in first
    english = run_main("due", "sd-2018.poverty-fund-notice", "2026-09-28", "--lang", "en")
    assert english.out.startswith("Earliest removal: 2026-10-09 00:00"), english


def test_the_json_of_a_minimum_posting_period_names_its_earliest_removal() -> None:
    result = run_main("due", "sd-2018.poverty-fund-notice", "2026-09-28", "--json")
    payload = json.loads(result.out)
    assert payload["earliest_removal"] == "2026-10-09"
    assert payload["earliest_removal_at"] == "2026-10-09T00:00:00+08:00"
    deadline = json.loads(run_main("due", "ogi.reply", "2026-09-28", "--json").out)
    assert deadline["earliest_removal_at"] is None


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["add", "2026-09-28", "20个工作日", "--no-roll"], "--no-roll"),
        (["add", "2026-10-01 09:30", "48小时", "--cutoff", "17:00"], "--cutoff"),
        (["add", "2026-09-28", "10个工作日", "--cutoff", "5pm"], "--cutoff"),
        (["add", "2026-09-28", "20个工作日", "--posting-day-counts"], "--posting-day-counts"),
    ],
)
def test_a_counting_option_error_is_in_chinese_and_names_the_option(
    argv: list[str], words: str
) -> None:
    result = run_main(*argv)
    assert result.code == 2, result
    assert words in result.err
    assert in_chinese(result.err), result.err
    assert "=" not in result.err and not PYTHON_NAMES.search(result.err), result.err


@pytest.mark.parametrize(
    "argv",
    [
        ["due"],  # missing arguments
        ["rules", "--kind", "no-such-kind"],  # invalid choice
        ["no-such-command"],
        ["due", "ogi.reply", "2026-09-28", "--bogus"],  # unrecognised
        ["due", "ogi.reply", "2026-09-28", "--lang"],  # expected one argument
        ["audit", "x.csv", "--warn-within", "abc"],  # invalid int value
    ],
)
def test_argparse_errors_are_in_chinese_with_the_help_hint(argv: list[str]) -> None:
    result = run_main(*argv)
    assert result.code == 2, result
    assert in_chinese(result.err), result.err
    assert "用法见 gov-deadlines" in result.err, result.err
    english = run_main(*argv, "--lang", "en") if "--lang" not in argv else None
    if english is not None:
        assert "--help" in english.err and not in_chinese(english.err), english.err


def test_the_help_headings_are_bilingual() -> None:
    result = run_main("due", "--help")
    assert "用法 / usage: gov-deadlines due" in result.out
    assert "选项 / options:" in result.out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["audit", "{csv}", "--warn-within", "-1"], "--warn-within"),
        (["audit", "{csv}", "--encoding", "no-such-codec"], "--encoding"),
        (["due", "ogi.reply", "2026-02-30"], "2026年2月没有30日"),
        (["due", "ogi.reply", "3000"], "年份须在1900至2200之间"),
        (["add", "2026-10-01 25:00", "48小时"], "没有这一时刻"),
        (["cal", "2026-13"], "无法识别月份"),
        (["events", "document-issued"], "请给出该事件的日期"),
    ],
)
def test_option_and_date_details_are_in_chinese(argv: list[str], words: str, tmp_path: Any) -> None:
    register = tmp_path / "cases.csv"
    register.write_text("编号,渠道,提交日期\nA,当面,2026-03-02\n", encoding="utf-8")
    result = run_main(*(a.replace("{csv}", str(register)) for a in argv))
    assert result.code == 2, result
    assert words in result.err, result.err
    assert in_chinese(result.err), result.err


@pytest.mark.parametrize(
    ("name", "text", "words"),
    [
        ("2026.toml", "year = 2026\n[[work]]\ndate = 2026-01-05\n", "缺少该项"),
        ("2026.json", '{"year": 2026', "不是有效的 JSON 文本"),
        ("2026.json", "[1, 2]", "JSON 文件应是含 year 和 days 的对象"),
    ],
)
def test_the_problem_part_of_an_overlay_error_is_in_chinese(
    name: str, text: str, words: str, tmp_path: Any
) -> None:
    overlay = tmp_path / name
    overlay.write_text(text, encoding="utf-8")
    result = run_main("due", "ogi.reply", "2026-09-28", "--calendar", str(overlay))
    assert result.code == 2, result
    assert words in result.err, result.err
    assert in_chinese(result.err), result.err


def test_no_clerk_facing_message_names_a_python_function() -> None:
    for argv in (
        ["due", "ogi.reply", "2027-12-01"],
        ["due", "bz-2017.policy-briefing-monthly", "2026-09-28"],
        ["events", "application-received", "2026-12-20"],
        ["add", "2026-10-01", "48小时"],
    ):
        result = run_main(*argv)
        text = result.out + result.err
        for name in ("rule_windows(", "with_overlays(", "parse_date(", "datetime.date("):
            assert name not in text, (argv, text)


@pytest.mark.parametrize(
    "argv",
    [
        ["due", "sd-2018.air-quality-monthly", "2026-01-01"],
        ["schedule", "2026", "--rule", "ogi.reply"],
    ],
)
def test_asking_a_rule_for_what_its_kind_cannot_answer_names_the_command_that_can(
    argv: list[str],
) -> None:
    result = run_main(*argv)
    assert result.code == 2, result
    assert in_chinese(result.err), result.err
    assert "gov-deadlines " in result.err
    english = run_main(*argv, "--lang", "en")
    assert english.code == 2, english
    for message in (result.err, english.err):
        assert not PYTHON_NAMES.search(message), message


def test_the_rest_day_receipt_explanation_names_the_clerks_switch_not_a_python_keyword() -> None:
    for lang in ("zh", "en"):
        result = run_main("due", "ogi.reply", "2026-03-08", "--lang", lang)
        assert result.code == 0, result
        assert "--receipt-as-recorded" in result.out
        assert "ReceiptPolicy" not in result.out and "AuditPolicy" not in result.out, result.out


def test_the_policies_the_rule_command_shows_name_options_not_python_keywords() -> None:
    for lang in ("zh", "en"):
        result = run_main("rule", "ogi-2019.reply", "--lang", lang)
        assert result.code == 0, result
        assert "--receipt-as-recorded" in result.out
        assert "ReceiptPolicy" not in result.out and "receipt_policy=" not in result.out


def test_a_local_rest_day_file_missing_its_basis_is_refused_in_chinese(tmp_path: Any) -> None:
    bad = tmp_path / "local.toml"
    bad.write_text('[scope]\nregion = "65"\n', encoding="utf-8")
    result = run_main("add", "2025-03-20", "20个工作日", "--calendar", str(bad))
    assert result.code == 2, result
    assert "local.toml" in result.err and "basis" in result.err
    assert "缺少该项" in result.err and "Field required" not in result.err
    assert in_chinese(result.err), result.err


@pytest.mark.parametrize(
    "command",
    [
        ("audit", "{}.csv"),
        ("case", "{}.json"),
        ("check-log", "{}.csv", "--year", "2026"),
        ("recheck", "{}.jsonl"),
        ("cal", "--calendar", "{}.toml"),
    ],
)
def test_a_file_that_is_not_there_is_named_in_chinese(command: tuple[str, ...], tmp_path: Any) -> None:
    # It used to be "无法读写文件:[Errno 2] No such file or directory: '…'" (or "无法读取文件
    # (No such file or directory)"): the system's English inside the Chinese message.
    stem = str(tmp_path / "没有这个文件")
    argv = [a.format(stem) for a in command]
    missing = next(a for a in argv if a.startswith(stem))
    result = run_main(*argv)
    assert result.code == 2, result
    message = result.err.strip()
    assert missing in message and "文件或文件夹不存在" in message, message
    assert "Errno" not in message and "No such" not in message, message
    assert in_chinese(message.replace(missing, "")), message
    english = run_main(*argv, "--lang", "en")
    assert english.code == 2 and "No such file or directory" in english.err, english


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (("schedule", "abc"), "'abc' 不是年份", "'abc' is not a year such as 2026"),
        (("check-log", "x.csv", "--year", "1800"), "'1800' 不是年份", "'1800' is not a year"),
        (("schedule", "2026", "--reminder-days", "x"), "工作日数", "whole number of working"),
        (("audit", "x.csv", "--delimiter", "x"), "分隔符应为", "give ',' ';' or tab"),
    ],
)
def test_an_option_value_of_the_wrong_form_is_refused_in_the_runs_language(
    argv: tuple[str, ...], zh: str, en: str
) -> None:
    # These were "命令行有误(argument YEAR: 'abc' is not a year such as 2026 …)": argparse's
    # English inside the Chinese message (or both languages in either).
    chinese = run_main(*argv)
    assert chinese.code == 2 and zh in chinese.err, chinese
    assert in_chinese(chinese.err.strip()) and "argument" not in chinese.err, chinese
    english = run_main(*argv, "--lang", "en")
    assert english.code == 2 and en in english.err, english
    assert not re.search(r"[\u4e00-\u9fff]", english.err), english


def test_a_notice_without_its_title_is_refused_with_the_option_not_the_python_call(
    tmp_path: Any,
) -> None:
    # It said "请指明年份(read_notice(text, year=2027) 或 --year 2027)": a Python call.
    notice = tmp_path / "notice.txt"
    notice.write_text("一、元旦:1月1日(周五)至3日(周日)放假,共3天。\n", encoding="utf-8")
    for lang in ("zh", "en"):
        result = run_main("calendar", "import", str(notice), "--lang", lang)
        assert result.code == 2 and "--year 2027" in result.err, result
        assert "read_notice" not in result.err and not PYTHON_NAMES.search(result.err), result
    payload = json.loads(run_main("calendar", "import", str(notice), "--json").out)
    assert "read_notice" not in payload["error"]["message"]
    # The library keeps naming its own argument.
    with pytest.raises(NoticeTextError, match=r"year=2027"):
        read_notice(notice.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (("rules", "--source", "sd-2019"), "没有编号为 'sd-2019' 的来源文件", "unknown source id"),
        (("schedule", "2026", "--source", "sd-2019"), "的来源文件", "unknown source id"),
        (("events", "no-such-event", "2026-03-02"), "的事件", "unknown event id"),
        (("rule", "no-such-rule"), "的规则", "unknown rule id"),
    ],
)
def test_an_unknown_id_is_named_as_what_it_is(argv: tuple[str, ...], zh: str, en: str) -> None:
    # An unknown source or event was "没有编号为 … 的规则" / "unknown rule id".
    result = run_main(*argv)
    assert result.code == 2 and zh in result.err, result
    english = run_main(*argv, "--lang", "en")
    assert english.code == 2 and en in english.err, english


@pytest.mark.parametrize(
    ("argv", "name", "text"),
    [
        (("case", "{}"), "case.json", '{"channel": "当面",, }'),
        (("case", "{}"), "case.toml", "channel = \n"),
        (("cal", "--calendar", "{}"), "2027.json", '{"year": 2027, "days": [}'),
        (("recheck", "{}"), "results.jsonl", '{"bad json\n'),
    ],
)
def test_a_file_that_is_not_valid_json_or_toml_is_refused_in_chinese(
    argv: tuple[str, ...], name: str, text: str, tmp_path: Any
) -> None:
    # The decoder's English was inside the Chinese message: "无法读取:not valid JSON
    # (Expecting property name enclosed in double quotes)", "不是 JSON 文本(Unterminated …)".
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run_main(*(a.format(path) for a in argv))
    message = (result.err + result.out).replace(str(path), "")
    assert result.code in (1, 2), result
    assert "不是有效的" in message, message
    assert "Expecting" not in message and "Unterminated" not in message, message
    assert "not valid" not in message and "line " not in message, message
