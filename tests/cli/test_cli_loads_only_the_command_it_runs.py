"""A run of one command imports the module of that command only (start-up of ``due``), and
the table that says which module adds which command is the modules' own registrations."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from gov_deadlines.cli.app import COMMAND_MODULE, COMMAND_MODULES, build_parser, common_options

SRC = str(Path(__file__).resolve().parents[2] / "src")


def commands_of(module: str) -> set[str]:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers(dest="command")
    import_module(f"gov_deadlines.cli.{module}").register(subparsers, common_options())
    return set(subparsers.choices)


def test_the_command_table_names_the_module_that_adds_each_command() -> None:
    found = {name: module for module in COMMAND_MODULES for name in commands_of(module)}
    assert found == COMMAND_MODULE


@pytest.mark.parametrize("command", sorted(COMMAND_MODULE))
def test_a_parser_for_one_command_parses_it_as_the_full_parser_does(command: str) -> None:
    full = build_parser()
    one = build_parser(command)
    subparsers = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    assert command in subparsers.choices
    only = next(a for a in one._actions if isinstance(a, argparse._SubParsersAction))
    assert set(only.choices) == commands_of(COMMAND_MODULE[command])
    assert only.choices[command].format_help() == subparsers.choices[command].format_help()


def test_due_on_the_command_line_imports_no_other_commands_readers_or_writers() -> None:
    probe = (
        "import sys, json\n"
        "from gov_deadlines.cli import main\n"
        "code = main(['due', 'ogi.reply', '2026-09-30'])\n"
        "print(json.dumps([code, sorted(m for m in sys.modules if m.startswith('gov_deadlines'))]))\n"
    )
    env = {**os.environ, "PYTHONPATH": SRC}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    ).stdout
    code, modules = json.loads(out.strip().splitlines()[-1])
    assert code == 0
    for unwanted in (
        "gov_deadlines.cli.recurring",
        "gov_deadlines.cli.audit",
        "gov_deadlines.cli.case_cmd",
        "gov_deadlines.cli.calendar_cmd",
        "gov_deadlines.cli.recheck_cmd",
        "gov_deadlines.cli.tables",
        "gov_deadlines.cli.progress",
        "gov_deadlines.sheets",
        "gov_deadlines.dialect",
    ):
        assert unwanted not in modules
