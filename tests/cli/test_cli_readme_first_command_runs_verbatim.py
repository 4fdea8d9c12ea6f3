"""The README's first command — install, then one real ``gov-deadlines due …`` — runs
verbatim and answers.

It runs in a copy of the project and in a throw-away virtual environment that sees this
environment's packages (``--system-site-packages``): ``pip install .`` then installs only
gov-deadlines itself, into the throw-away environment, and leaves the developer's editable
install alone; ``gov-deadlines`` is the script that command installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from _cli import ROOT, program_env

README = ROOT / "README.md"
IGNORED = shutil.ignore_patterns(
    ".git", "__pycache__", "*.egg-info", "build", "dist", ".venv", ".*_cache", ".hypothesis"
)


def first_command() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"```sh\n(.*?)```", text, re.DOTALL)
    assert match, "README.md has no ```sh block"
    return match.group(1).strip()


def test_the_first_command_installs_and_asks_a_real_question() -> None:
    command = first_command()
    assert command.startswith("pip install ")
    assert "gov-deadlines due " in command


def test_the_readme_first_command_runs_verbatim(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=IGNORED)
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", str(venv)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    env = program_env({"PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"})
    env.pop("PYTHONHOME", None)
    env["VIRTUAL_ENV"] = str(venv)
    done = subprocess.run(
        first_command(),
        shell=True,
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert "截止:2026-10-30(周五)24:00" in done.stdout, done.stdout
    assert "第20个工作日为2026-10-30" in done.stdout
    installed = list((venv / "lib").glob("python3*/site-packages/gov_deadlines")) + list(
        (venv / "Lib" / "site-packages").glob("gov_deadlines")
    )
    assert installed, "pip install . did not install into the throw-away environment"
