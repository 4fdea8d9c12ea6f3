"""``--help`` for every command shows real examples (each is run here and answers), the
version is printed, and colour appears only on a terminal and never with ``NO_COLOR``."""

from __future__ import annotations

import io
import os
import select
import shlex
import subprocess
import sys

import pytest

import gov_deadlines
from _cli import COMMANDS, program_env, registered_commands, run_main, run_program, script

ESC = "\x1b["


def examples(help_text: str) -> list[list[str]]:
    """The example command lines of a help text (its epilog, after "例 / example")."""
    _, _, epilog = help_text.partition("例 / example")
    found = []
    for line in epilog.splitlines():
        text = line.strip().removeprefix("s:").removeprefix(":").strip()
        if text.startswith("gov-deadlines "):
            found.append(shlex.split(text)[1:])
    return found


def test_version_prints_the_package_version_and_exits_0() -> None:
    result = run_main("--version")
    assert result.code == 0
    assert result.out == f"gov-deadlines {gov_deadlines.__version__}\n"
    program = run_program("--version", via="script")
    assert program.code == 0
    assert program.out == result.out


@pytest.mark.parametrize("command", [None, *sorted(COMMANDS)])
def test_help_exits_0_and_shows_real_examples(command: str | None) -> None:
    argv = ["--help"] if command is None else [command, "--help"]
    result = run_main(*argv)
    assert result.code == 0, result
    assert result.err == ""
    assert "例 / example" in result.out
    found = examples(result.out)
    assert found, result.out
    for example in found:
        if command is not None:
            assert example[0] == command, example
        answer = run_main(*example)
        assert answer.code in (0, 1), (example, answer)
        assert answer.out and not answer.err, (example, answer)


@pytest.mark.parametrize("command", registered_commands())
def test_help_of_every_registered_command_exits_0_with_an_example(command: str) -> None:
    result = run_main(command, "--help")
    assert result.code == 0, result
    found = examples(result.out)
    assert found and all(example[0] == command for example in found), result.out


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_short_help_is_the_same_as_long_help(command: str) -> None:
    assert run_main(command, "-h").out == run_main(command, "--help").out


def test_help_through_the_script_prints_on_stdout() -> None:
    result = run_program("due", "--help", via="script")
    assert result.code == 0
    assert "gov-deadlines due ogi.reply 2026-09-28" in result.out
    assert result.err == ""


def test_help_lists_the_common_options_for_every_command() -> None:
    for command in COMMANDS:
        text = run_main(command, "--help").out
        for option in ("--lang", "--json", "--calendar", "--provisional", "--no-color"):
            assert option in text, (command, option)


class Terminal(io.StringIO):
    """A string stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def run_on_terminal(*argv: str, env: dict[str, str | None] | None = None) -> tuple[int, str, str]:
    from _cli import environment
    from gov_deadlines.cli import main

    out, err = Terminal(), Terminal()
    with environment(env or {}):
        code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


COLOURED = [
    ["due", "ogi.reply", "2026-09-28"],
    ["due", "ogi.reply", "2026-09-28", "--done", "2026-11-02"],
    ["cal", "2026-10"],
    ["rules", "解读"],
    ["events", "document-issued", "2026-03-02"],
    ["between", "2026-09-30", "2026-10-12"],
]


@pytest.mark.parametrize("argv", COLOURED, ids=" ".join)
def test_output_that_is_not_a_terminal_has_no_colour(argv: list[str]) -> None:
    result = run_main(*argv)
    assert result.code in (0, 1)
    assert ESC not in result.out


@pytest.mark.parametrize("argv", COLOURED, ids=" ".join)
def test_a_terminal_gets_colour_unless_no_color_is_set(argv: list[str]) -> None:
    _, coloured, _ = run_on_terminal(*argv)
    assert ESC in coloured
    _, plain, _ = run_on_terminal(*argv, env={"NO_COLOR": "1"})
    assert ESC not in plain
    assert plain == run_main(*argv).out


def test_no_color_wins_over_the_color_option() -> None:
    assert ESC in run_main("cal", "2026-10", "--color").out
    assert ESC not in run_main("cal", "2026-10", "--color", env={"NO_COLOR": "1"}).out
    _, out, _ = run_on_terminal("cal", "2026-10", "--no-color")
    assert ESC not in out


def test_json_is_never_coloured() -> None:
    _, out, _ = run_on_terminal("due", "ogi.reply", "2026-09-28", "--json")
    assert ESC not in out
    _, out, _ = run_on_terminal("due", "ogi.reply", "2026-09-28", "--json", "--color")
    assert ESC not in out


def test_error_messages_are_coloured_only_when_stderr_is_a_terminal() -> None:
    from _cli import environment
    from gov_deadlines.cli import main

    out, err = Terminal(), io.StringIO()
    with environment({}):
        assert main(["due", "ogi.reply", "2026-13-45"], stdout=out, stderr=err) == 2
    assert ESC not in err.getvalue()
    _, _, err_text = run_on_terminal("due", "ogi.reply", "2026-13-45")
    assert ESC in err_text
    _, _, err_text = run_on_terminal("due", "ogi.reply", "2026-13-45", env={"NO_COLOR": "1"})
    assert ESC not in err_text


@pytest.mark.parametrize("via", ["module", "script"])
def test_a_program_writing_to_a_pipe_has_no_colour(via: str) -> None:
    result = run_program("cal", "2026-10", via=via)
    assert result.code == 0
    assert ESC not in result.out


@pytest.mark.skipif(os.name == "nt", reason="needs a POSIX pseudo-terminal")
def test_a_program_on_a_real_terminal_is_coloured_unless_no_color_is_set() -> None:
    import pty

    def on_terminal(env: dict[str, str | None]) -> str:
        leader, follower = pty.openpty()
        try:
            process = subprocess.Popen(
                [script(), "cal", "2026-10"],
                stdout=follower,
                stderr=subprocess.DEVNULL,
                env=program_env(env),
            )
            # The follower stays open until everything is read: once its last copy closes,
            # Linux may drop what the program wrote and nobody has read yet.
            chunks = []
            while True:
                ready, _, _ = select.select([leader], [], [], 0.05)
                if ready:
                    chunks.append(os.read(leader, 4096))
                elif process.poll() is not None:
                    break
            assert process.wait(timeout=60) == 0
        finally:
            os.close(follower)
            os.close(leader)
        return b"".join(chunks).decode("utf-8", errors="replace")

    assert ESC in on_terminal({})
    assert ESC not in on_terminal({"NO_COLOR": "1"})


def test_a_closed_pipe_ends_the_program_quietly() -> None:
    if os.name == "nt":
        pytest.skip("POSIX pipes")
    command = f"{shlex.quote(sys.executable)} -m gov_deadlines cal 2026 | head -n 1"
    done = subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, env=program_env(), timeout=60
    )
    assert done.stdout.strip() == "2026年1月"
    assert done.stderr == ""
