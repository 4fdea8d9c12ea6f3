"""Every code example of the documentation site runs, and prints what the page shows.

The site is every Markdown page under ``docs/`` (mkdocs' ``docs_dir``). Each page runs as
one session, its blocks in page order, in a fresh folder holding a copy of ``docs/`` and the
files the pages name (:data:`FILES`), so that ``docs/audit-example.csv`` and ``2027.toml``
mean what they say and nothing an example writes lands in the repository:

* ``<!-- cli: ARGS -->`` + ``text`` block: ``gov-deadlines ARGS`` prints exactly the block
  (exit 0, or the ``(exit N)`` the comment states; the chinese-calendar version cited may
  differ). ``UPDATE_DOCS=1 python -m pytest tests/site`` rewrites these blocks on every
  page instead of comparing them (and those below); review the diff.
* ``<!-- example: EXPR -->`` / ``<!-- error: EXPR -->`` + ``text`` block: the expression's
  explanation, or the error it raises, exactly (docs/counting.md).
* ``python`` blocks run, one namespace per page, so a later block uses an earlier one's
  names; a block that begins ``# spark`` needs a Spark cluster and is compiled, not run.
* ``pycon`` blocks: each ``>>>`` statement runs; the lines under it are its ``repr``, or the
  error it raises as ``ErrorName: message`` (line breaks in the message do not matter).
* ``console`` blocks: each ``$ gov-deadlines …`` runs through the command line in this
  process (``NAME=value`` before it sets the environment; ``| sed -n A,Bp`` and
  ``| head -n N`` keep those lines); the lines under it are what it prints, where a line
  ``…`` or ``… (words) …`` stands for any lines. ``$ echo $?`` prints the last exit code.
  A command shown without its output must exit 0 or 1 (1: something is late).
* ``sh`` blocks: every ``gov-deadlines …`` command runs (exit 0 or 1); the other commands
  must be ones CI runs itself (:data:`NOT_RUN`: installing, the test suite, the generators).
* ``text``, ``json``, ``toml``, ``csv`` blocks are listings and data, not code.

A block of any other kind fails the test: say what it is, or make it one of these.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from _cli import ROOT, holiday_cn_2027, run_main
from _docs import (
    CLI_EXAMPLE,
    EXPR_EXAMPLE,
    Block,
    CliExample,
    ExprExample,
    blocks,
    normal,
    render_cli,
    render_expr,
)

DOCS = ROOT / "docs"
MKDOCS = ROOT / "mkdocs.yml"

#: Languages of fenced blocks that are listings or data, never run.
LISTINGS = frozenset({"", "text", "json", "toml", "csv", "yaml"})
#: Commands of ``sh``/``console`` blocks that CI runs in its own steps (.ci/run,
#: .ci/package_check.py, tests/cli/test_cli_readme_first_command_runs_verbatim.py): shown,
#: not run here. Anything else must be a ``gov-deadlines`` command.
NOT_RUN = (
    "pip install ",
    "python -m pytest",
    "python -m build",
    "python -m tools.",
    "python -c ",
    "mkdocs build",
    "bash .ci/run",
)
ELLIPSIS = re.compile(r"^…(?: .* …)?$")


def _copy(name: str, to: str) -> Callable[[Path], object]:
    return lambda folder: shutil.copyfile(DOCS / "examples" / name, folder / to)


def _bad_log(folder: Path) -> object:
    # docs/recurring.md: the activity log with four bad rows, as its listing shows them
    return (folder / "bad.csv").write_text(
        "规则,日期\n"
        "ogi.annual-report,2026-13-01\n"
        ",2026-03-27\n"
        "ogi.anual-report,2026-02-03\n"
        "jy-2024.open-month,\n",
        encoding="utf-8",
    )


def _year_2000(folder: Path) -> object:
    # docs/calendar.md: an overlay for a year before the official data (holiday-cn format)
    days = [("元旦", "2000-01-01", True), ("春节", "2000-02-05", True)]
    data = {
        "year": 2000,
        "papers": ["https://example.invalid/2000-notice"],
        "days": [{"name": n, "date": d, "isOffDay": off} for n, d, off in days],
    }
    return (folder / "2000.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")


#: The files the pages name by a short name (a clerk's 2027.toml, 通知.txt …), made in each
#: page's folder before it runs.
FILES: dict[str, Callable[[Path], object]] = {
    "2027.toml": _copy("2027-example.toml", "2027.toml"),
    "通知.txt": _copy("notice-2027-example.txt", "通知.txt"),
    "closure.toml": _copy("closure-example.toml", "closure.toml"),
    "2027.json": holiday_cn_2027,
    "2000.json": _year_2000,
    "bad.csv": _bad_log,
}


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def page_id(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


@dataclass
class Session:
    """One page's run: its folder, its Python names, the last command's exit code."""

    page: str
    namespace: dict[str, object] = field(default_factory=dict)
    last_code: int | None = None
    ran: int = 0

    def where(self, block: Block) -> str:
        return f"docs/{self.page}:{block.line}"


# -- matching printed output -------------------------------------------------------------------


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` is ``expected`` line by line, an ellipsis line standing for any lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if ELLIPSIS.match(head):
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and actual[0] == head and matches(rest, actual[1:])


# -- shell commands ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    line: str
    output: list[str]


def console_commands(body: str) -> list[Command]:
    commands: list[Command] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            commands.append(Command(line[2:], []))
        else:
            assert commands, f"output before any command: {line!r}"
            commands[-1].output.append(line)
    return commands


def run_command(session: Session, line: str) -> tuple[int | None, list[str]]:
    """Run one shell line of a page; (exit code, printed lines), or (None, []) when not run."""
    if line.strip() == "echo $?":
        assert session.last_code is not None, "echo $? before any command"
        return 0, [str(session.last_code)]
    if line.startswith(NOT_RUN):
        return None, []
    command, _, pipe = line.partition(" | ")
    words = shlex.split(command, comments=True)
    env: dict[str, str | None] = {}
    while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    assert words and words[0] == "gov-deadlines", (
        f"not a gov-deadlines command, nor one CI runs itself (NOT_RUN): {line!r}"
    )
    result = run_main(*words[1:], env=env)
    printed = (result.out + result.err).splitlines()
    if pipe:
        kept = re.fullmatch(r"sed -n (\d+),(\d+)p|head -n (\d+)", pipe.strip())
        assert kept, f"a pipe this test does not know: {pipe!r}"
        if kept[3]:
            printed = (result.out.splitlines())[: int(kept[3])]
        else:
            printed = result.out.splitlines()[int(kept[1]) - 1 : int(kept[2])]
    session.last_code = result.code
    session.ran += 1
    return result.code, printed


def run_console(session: Session, block: Block) -> None:
    for command in console_commands(block.body):
        code, printed = run_command(session, command.line)
        if code is None:
            continue
        shown = [normal(line) for line in command.output]
        if shown:
            assert matches(shown, [normal(line) for line in printed]), (
                f"{session.where(block)}: `{command.line}` printed\n" + "\n".join(printed)
            )
        else:
            assert code in (0, 1), f"{session.where(block)}: `{command.line}` exited {code}"


def run_sh(session: Session, block: Block) -> None:
    for raw in block.body.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        for line in raw.split(" && "):
            code, printed = run_command(session, line.strip())
            assert code in (None, 0, 1), (
                f"{session.where(block)}: `{line}` exited {code}\n" + "\n".join(printed)
            )


# -- Python ------------------------------------------------------------------------------------


def run_python(session: Session, block: Block) -> None:
    code = compile(block.body, session.where(block), "exec")
    if block.body.startswith("# spark"):
        return  # needs a Spark cluster: shown, and it must compile
    exec(code, session.namespace)
    session.ran += 1


def pycon_statements(body: str) -> list[tuple[str, list[str]]]:
    statements: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith(">>> "):
            statements.append((line[4:], []))
        elif line.startswith("... ") and statements:
            source, out = statements[-1]
            statements[-1] = (source + "\n" + line[4:], out)
        else:
            assert statements, f"output before any >>> line: {line!r}"
            statements[-1][1].append(line)
    return statements


def run_pycon(session: Session, block: Block) -> None:
    for source, expected in pycon_statements(block.body):
        shown = " ".join(" ".join(expected).split())
        try:
            try:
                value = eval(compile(source, session.where(block), "eval"), session.namespace)
            except SyntaxError:
                exec(compile(source, session.where(block), "exec"), session.namespace)
                value = None
        except Exception as error:  # the page shows which error, and its message
            got = " ".join(f"{type(error).__name__}: {error}".split())
            assert got == shown, f"{session.where(block)}: `{source}` raised\n{got}"
        else:
            got = "" if value is None else " ".join(repr(value).split())
            assert got == shown, f"{session.where(block)}: `{source}` gave\n{got}"
        session.ran += 1


# -- the examples ------------------------------------------------------------------------------


def run_block(session: Session, block: Block) -> None:
    if block.kind == "cli":
        assert block.cli is not None
        code, output = render_cli(block.cli)
        assert code == block.cli.code, f"{session.where(block)}: exit {code}\n{output}"
        assert normal(block.cli.body) == normal(output), f"{session.where(block)}:\n{output}"
        session.ran += 1
    elif block.kind == "expr":
        assert block.expr is not None
        assert block.expr.body == render_expr(block.expr), session.where(block)
        session.ran += 1
    elif block.kind == "python":
        run_python(session, block)
    elif block.kind == "pycon":
        run_pycon(session, block)
    elif block.kind == "console":
        run_console(session, block)
    elif block.kind in ("sh", "bash", "shell"):
        run_sh(session, block)
    else:
        assert block.kind in LISTINGS, (
            f"{session.where(block)}: a ```{block.kind} block: this test does not know how to "
            "run it (see the test's docstring for the kinds)"
        )


def test_the_site_is_the_docs_folder_and_it_has_pages() -> None:
    config = MKDOCS.read_text(encoding="utf-8")
    assert re.search(r"^docs_dir: docs$", config, re.M)
    assert len(pages()) >= 10


@pytest.mark.parametrize("page", pages(), ids=page_id)
def test_every_example_of_the_page_runs_as_shown(
    page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(DOCS, tmp_path / "docs")
    for make in FILES.values():
        make(tmp_path)
    monkeypatch.chdir(tmp_path)
    session = Session(page_id(page), {"__name__": f"docs.{page.stem}"})
    if os.environ.get("UPDATE_DOCS") == "1":
        update(page)
    found = blocks(page.read_text(encoding="utf-8"))
    for block in found:
        run_block(session, block)
    code = [b for b in found if b.kind not in LISTINGS]
    assert bool(code) == bool(session.ran), f"docs/{session.page}: code shown, none ran"


def test_a_listing_with_an_ellipsis_matches_any_lines_there_and_nothing_else() -> None:
    assert matches(["a", "… (the listing) …", "z"], ["a", "b", "c", "z"])
    assert matches(["a", "…", "z"], ["a", "z"])
    assert not matches(["a", "…", "z"], ["a", "b"])
    assert not matches(["a", "z"], ["a", "b", "z"])


def test_a_command_this_test_cannot_run_is_refused_not_skipped() -> None:
    session = Session("x.md")
    with pytest.raises(AssertionError, match="not a gov-deadlines command"):
        run_command(session, "gov-deadline due ogi.reply 2026-09-28")
    with pytest.raises(AssertionError, match="a pipe this test does not know"):
        run_command(session, "gov-deadlines due ogi.reply 2026-09-28 | grep 截止")
    with pytest.raises(AssertionError, match="does not know how to run it"):
        run_block(session, Block("ruby", "puts 1\n", 1))


def test_a_wrong_output_fails_the_page() -> None:
    session = Session("x.md")
    shown = Block("console", "$ gov-deadlines due ogi.reply 2026-09-28\n截止:2026-10-31\n", 1)
    with pytest.raises(AssertionError, match="printed"):
        run_console(session, shown)
    with pytest.raises(AssertionError, match="gave"):
        run_pycon(session, Block("pycon", ">>> 1 + 1\n3\n", 1))


def update(page: Path) -> None:
    """Rewrite the page's ``<!-- cli: -->`` and ``<!-- example: -->`` blocks with what they
    print now."""
    text = page.read_text(encoding="utf-8")

    def cli(match: re.Match[str]) -> str:
        example = CliExample(match["args"], int(match["code"] or 0), match["body"], 0)
        code, output = render_cli(example)
        suffix = f" (exit {code})" if code else ""
        return f"<!-- cli: {example.args}{suffix} -->\n```text\n{output}```\n"

    def expr(match: re.Match[str]) -> str:
        example = ExprExample(match["kind"], match["expr"], match["body"], 0)
        return f"<!-- {example.kind}: {example.expr} -->\n```text\n{render_expr(example)}```\n"

    new = EXPR_EXAMPLE.sub(expr, CLI_EXAMPLE.sub(cli, text))
    if new != text:
        page.write_text(new, encoding="utf-8")
