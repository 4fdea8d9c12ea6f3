"""Helpers of the command-line tests (``tests/test_cli_*.py``, ``tests/test_docs_cli.py``).

``run_main`` runs ``gov_deadlines.cli.main`` in this process with string streams;
``run_program`` runs it as a program, ``python -m gov_deadlines`` or the installed
``gov-deadlines`` script. Both start from a clean environment: no overlay files from
``GOV_DEADLINES_CALENDAR`` and no ``NO_COLOR`` unless a test sets them.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

#: Environment variables the command line reads; unset unless a test sets them.
CLI_ENV = ("GOV_DEADLINES_CALENDAR", "NO_COLOR")

#: Every command, with arguments that answer (exit 0) from the bundled data.
COMMANDS: dict[str, list[str]] = {
    "due": ["due", "ogi.reply", "2026-09-28"],
    "add": ["add", "2026-09-30", "20个工作日"],
    "between": ["between", "2026-09-30", "2026-10-12"],
    "cal": ["cal", "2026-10"],
    "rules": ["rules", "解读"],
    "rule": ["rule", "bz-2017.implementation-plan"],
    "events": ["events", "document-issued", "2026-03-02"],
    "case": [
        "case",
        "--channel",
        "挂号信",
        "--submitted",
        "2026-03-18",
        "--signed-for",
        "2026-03-20",
        "--consult",
        "2026-04-01:2026-04-10",
        "--replied",
        "2026-04-28",
        "--as-of",
        "2026-06-30",
    ],
    # stored with --provisional, rechecked on the same data: nothing to recompute (exit 0)
    "recheck": ["recheck", "docs/examples/results-2026-12.jsonl", "--provisional"],
}

#: The top-level keys of each command's ``--json`` object (docs/cli.md, "JSON output").
RECORD_KEYS = frozenset(
    json.loads((ROOT / "docs" / "cli-schema.json").read_text(encoding="utf-8"))["properties"]
)
JSON_KEYS: dict[str, frozenset[str]] = {
    "due": RECORD_KEYS,
    "add": RECORD_KEYS,
    "between": frozenset(
        {
            "start",
            "end",
            "workdays",
            "provisional",
            "holidays",
            "weekend_days",
            "makeup_workdays",
            "calendar_data",
        }
    ),
    "cal": frozenset({"months"}),
    "rules": frozenset({"rules"}),
    "events": frozenset({"event", "when", "deadlines", "not_computed"}),
    # `case` prints the case's CaseVerdictRecord (docs/audit.md) and three keys of its own
    "case": frozenset(
        json.loads(
            (ROOT / "docs" / "schemas" / "CaseVerdictRecord.json").read_text(encoding="utf-8")
        )["properties"]
    )
    | {"as_of_given", "note", "timeline"},
    # `calendar show` prints the `cal` object; import and diff print their own
    "calendar import": frozenset({"year", "notice", "missing", "sections", "output", "toml"}),
    "calendar diff": frozenset(
        {"year", "file", "baseline", "workdays_before", "workdays_after", "changes"}
    ),
    "recheck": frozenset({"records", "recomputed", "counts", "items"}),
    # "rule" prints the catalogue's Rule model: its keys are checked against the model
}
ERROR_KEYS = frozenset({"error"})


def registered_commands() -> list[str]:
    """Every command the parser knows (modules add theirs through ``COMMAND_MODULES``)."""
    import argparse

    from gov_deadlines.cli.app import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    raise AssertionError("the parser has no commands")


@dataclass(frozen=True)
class Result:
    """What one run printed, and its exit code."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def __str__(self) -> str:  # shown by pytest when an assertion about a run fails
        return f"exit {self.code}\n--- stdout\n{self.out}--- stderr\n{self.err}"


@contextlib.contextmanager
def environment(changes: Mapping[str, str | None]) -> Iterator[None]:
    """os.environ with ``changes`` applied (``None`` removes), restored afterwards."""
    saved = dict(os.environ)
    try:
        for name in CLI_ENV:
            os.environ.pop(name, None)
        for name, value in changes.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_main(*argv: str, env: Mapping[str, str | None] | None = None) -> Result:
    """``main(argv)`` in this process, with string streams (never a terminal)."""
    from gov_deadlines.cli import main

    out, err = io.StringIO(), io.StringIO()
    with environment(env or {}):
        code = main(list(argv), stdout=out, stderr=err)
    return Result(code, out.getvalue(), err.getvalue())


def program_env(env: Mapping[str, str | None] | None = None) -> dict[str, str]:
    result = {k: v for k, v in os.environ.items() if k not in CLI_ENV}
    result.update(PYTHONUTF8="1", PYTHONIOENCODING="utf-8")
    for name, value in (env or {}).items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = value
    return result


def script() -> str:
    """The ``gov-deadlines`` script installed beside this interpreter (not a shim on PATH)."""
    name = "gov-deadlines.exe" if os.name == "nt" else "gov-deadlines"
    path = Path(sysconfig.get_path("scripts")) / name
    if path.exists():
        return str(path)
    found = shutil.which("gov-deadlines")
    assert found, "the gov-deadlines script is not installed: run  pip install -e '.[test]'"
    return found


def run_program(
    *argv: str,
    via: str = "module",
    env: Mapping[str, str | None] | None = None,
    timeout: float = 120,
) -> Result:
    """Run the command line as a program: ``via="module"`` (python -m) or ``"script"``."""
    if via == "module":
        command = [sys.executable, "-m", "gov_deadlines", *argv]
    elif via == "script":
        command = [script(), *argv]
    else:  # pragma: no cover - a test's mistake
        raise ValueError(via)
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=program_env(env),
        timeout=timeout,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def holiday_cn_2027(directory: Path) -> Path:
    """A holiday-cn file for 2027 (illustrative days, not the real notice) in ``directory``."""
    path = directory / "2027.json"
    path.write_text(
        json.dumps(
            {
                "year": 2027,
                "papers": ["https://example.invalid/2027-notice"],
                "days": [
                    {"name": "元旦", "date": "2027-01-01", "isOffDay": True},
                    {"name": "春节", "date": "2027-02-05", "isOffDay": True},
                    {"name": "春节", "date": "2027-02-06", "isOffDay": True},
                    {"name": "春节", "date": "2027-02-07", "isOffDay": True},
                    {"name": "春节", "date": "2027-02-08", "isOffDay": True},
                    {"name": "春节", "date": "2027-02-20", "isOffDay": False},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return path
