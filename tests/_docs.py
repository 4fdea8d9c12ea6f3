"""Reading the documentation's examples (``tests/site/test_site_examples.py`` runs them all;
``tests/cli/test_docs_cli.py`` and ``tests/counting/test_docs_counting.py`` check their page).

A page's code is a sequence of :class:`Block` objects, in page order:

* ``<!-- cli: ARGS [(exit N)] -->`` directly followed by a fenced ``text`` block: what
  ``gov-deadlines ARGS`` prints (standard output, then standard error), exactly
  (:class:`CliExample`, :func:`render_cli`);
* ``<!-- example: EXPR -->`` / ``<!-- error: EXPR -->`` followed by a ``text`` block: a Python
  expression's ``explain()`` (or text), or the documented error it raises, exactly
  (:class:`ExprExample`, :func:`render_expr`);
* any other fenced block, with its info string (``python``, ``pycon``, ``console``, ``sh``,
  ``text``, ``toml`` …) and its first line's number.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

from _cli import run_main

CLI_EXAMPLE = re.compile(
    r"<!-- cli: (?P<args>.+?)(?: \(exit (?P<code>\d)\))? -->\n```text\n(?P<body>.*?)```\n",
    re.DOTALL,
)
EXPR_EXAMPLE = re.compile(
    r"<!-- (?P<kind>example|error): (?P<expr>.+?) -->\n```text\n(?P<body>.*?)```\n",
    re.DOTALL,
)
FENCE = re.compile(
    r"^(?P<indent> *)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.M | re.S
)
VERSION = re.compile(r"\[chinese-calendar [^\]\s]+\]")


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@dataclass(frozen=True)
class CliExample:
    """``<!-- cli: ARGS -->``: a command and exactly what it prints."""

    args: str
    code: int
    body: str
    line: int

    @property
    def argv(self) -> list[str]:
        return shlex.split(self.args)

    @property
    def id(self) -> str:
        return f"line {self.line}: {self.args}"


def cli_examples(text: str) -> list[CliExample]:
    return [
        CliExample(m["args"], int(m["code"] or 0), m["body"], line_of(text, m.start()))
        for m in CLI_EXAMPLE.finditer(text)
    ]


def render_cli(example: CliExample) -> tuple[int, str]:
    """The exit code and what the example prints (stdout, then stderr)."""
    result = run_main(*example.argv)
    return result.code, result.out + result.err


def normal(text: str) -> str:
    """The output with the cited chinese-calendar version left out (it may differ)."""
    return VERSION.sub("[chinese-calendar X]", text)


@dataclass(frozen=True)
class ExprExample:
    """``<!-- example: EXPR -->`` / ``<!-- error: EXPR -->`` and its output."""

    kind: str
    expr: str
    body: str
    line: int

    @property
    def id(self) -> str:
        return f"line {self.line}: {self.expr}"


def expr_examples(text: str) -> list[ExprExample]:
    return [
        ExprExample(m["kind"], m["expr"], m["body"], line_of(text, m.start()))
        for m in EXPR_EXAMPLE.finditer(text)
    ]


def expr_namespace() -> dict[str, object]:
    """The names an expression example may use: the package's exports and the date types."""
    import datetime
    from zoneinfo import ZoneInfo

    import gov_deadlines

    names: dict[str, object] = {
        name: getattr(gov_deadlines, name) for name in gov_deadlines.__all__
    }
    names.update(
        date=datetime.date,
        datetime=datetime.datetime,
        time=datetime.time,
        timedelta=datetime.timedelta,
        ZoneInfo=ZoneInfo,
    )
    return names


def render_expr(example: ExprExample) -> str:
    """What the example's block must contain (with its final newline)."""
    from gov_deadlines import Deadline, GovDeadlinesError, Verdict

    if example.kind == "error":
        try:
            eval(example.expr, expr_namespace())
        except GovDeadlinesError as error:
            return f"{type(error).__name__}: {error}\n"
        raise AssertionError(f"{example.expr} raised nothing")
    value = eval(example.expr, expr_namespace())
    if isinstance(value, Deadline | Verdict):
        value = value.explain()
    assert isinstance(value, str), f"{example.expr} gave {type(value).__name__}, not text"
    return value + "\n"


@dataclass(frozen=True)
class Block:
    """One piece of a page's code, in page order."""

    kind: str  # "cli", "expr", or a fence's language ("python", "console", "" …)
    body: str
    line: int
    cli: CliExample | None = None
    expr: ExprExample | None = None


def blocks(text: str) -> list[Block]:
    """Every example and fenced block of a page, in page order (an example's own ``text``
    block is part of the example, not a block of its own)."""
    found: list[tuple[int, Block]] = []
    claimed: set[int] = set()
    for m in CLI_EXAMPLE.finditer(text):
        example = CliExample(m["args"], int(m["code"] or 0), m["body"], line_of(text, m.start()))
        found.append((m.start(), Block("cli", m["body"], example.line, cli=example)))
        claimed.add(text.index("```", m.start()))
    for m in EXPR_EXAMPLE.finditer(text):
        expr = ExprExample(m["kind"], m["expr"], m["body"], line_of(text, m.start()))
        found.append((m.start(), Block("expr", m["body"], expr.line, expr=expr)))
        claimed.add(text.index("```", m.start()))
    for m in FENCE.finditer(text):
        fence = m.start() + len(m["indent"])
        if fence in claimed:
            continue
        language = m["info"].strip().split(" ", 1)[0].lower()
        body = "".join(line[len(m["indent"]) :] + "\n" for line in m["body"].splitlines())
        found.append((m.start(), Block(language, body, line_of(text, fence) + 1)))
    return [block for _, block in sorted(found, key=lambda item: item[0])]
