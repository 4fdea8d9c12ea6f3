"""The options every command takes may come before the command (`gov-deadlines --lang en due
…`), as a clerk copying another tool's habit types them: the same answer as after it.
Test names are sentences."""

from __future__ import annotations

import pytest

from _cli import run_main

DUE = ("due", "ogi.reply", "2026-09-28")


@pytest.mark.parametrize(
    "before",
    [
        ("--lang", "en"),
        ("--lang=en",),
        ("--json", "--lang", "en"),
        ("--provisional", "--lang", "en", "--no-color"),
    ],
)
def test_common_options_before_the_command_give_the_answer_they_give_after_it(
    before: tuple[str, ...],
) -> None:
    first = run_main(*before, *DUE)
    after = run_main(*DUE, *before)
    assert first.code == after.code == 0, first
    assert first.out == after.out and first.err == after.err


def test_a_language_before_the_command_is_the_language_of_its_errors() -> None:
    # It used to be read as the command itself: "argument COMMAND: invalid choice: 'en'".
    done = run_main("--lang", "en", "due", "ogi.reply", "2026-13-45")
    assert done.code == 2
    assert "cannot read the date '2026-13-45'" in done.err and "COMMAND" not in done.err


def test_common_options_before_a_command_with_actions_reach_the_action() -> None:
    done = run_main("--lang", "en", "calendar", "show", "no-such-notice.toml")
    assert done.code == 2
    assert "no-such-notice.toml" in done.err and "COMMAND" not in done.err
    assert "错误" not in done.err


def test_common_options_without_a_command_print_the_usage_and_exit_2() -> None:
    done = run_main("--lang", "en")
    assert done.code == 2 and "usage" in done.out and "invalid choice" not in done.err


def test_json_without_a_command_is_a_json_error() -> None:
    done = run_main("--json", "--lang", "en")
    assert done.code == 2 and done.json()["error"]["message"].startswith("no command given")
