"""What clerks read is in Chinese under --lang zh and names no Python function (issue 10, item 17)."""

from __future__ import annotations

import json
import re

import pytest

from _cli import run_main

PYTHON_NAMES = re.compile(r"[a-z_]+\(|datetime\.date\(|gov_deadlines\.")
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}")


def in_chinese(message: str) -> bool:
    """Chinese text, and no English sentence in it (option names and ids are fine)."""
    return bool(re.search(r"[\u4e00-\u9fff]{4}", message)) and not ENGLISH_WORDS.search(message)


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
