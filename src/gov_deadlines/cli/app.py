"""Parser, dispatch and error handling of ``gov-deadlines``.

Commands register themselves from their own modules (:data:`COMMAND_MODULES`); each sets
``handler`` to a function ``(Context) -> int``. The library is imported inside handlers, so
that ``--help`` and simple commands start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from gov_deadlines.cli.console import (
    EXIT_OK,
    EXIT_USAGE,
    Console,
    degrading,
    underlying,
    wants_color,
)
from gov_deadlines.vocabulary import Lang, is_zh

if TYPE_CHECKING:
    from gov_deadlines.calendar import WorkCalendar

#: Modules under gov_deadlines.cli that add commands, in the order of the help listing.
COMMAND_MODULES = ("commands", "recurring", "audit", "case_cmd", "calendar_cmd", "recheck_cmd")

#: The module that adds each command (held to what the modules register by a test): a run
#: of one command imports that module only, not the readers and writers of the others
#: (``due`` needs no CSV, workbook or progress code).
COMMAND_MODULE = {
    "due": "commands",
    "add": "commands",
    "between": "commands",
    "cal": "commands",
    "rules": "commands",
    "rule": "commands",
    "events": "commands",
    "schedule": "recurring",
    "check-log": "recurring",
    "audit": "audit",
    "case": "case_cmd",
    "calendar": "calendar_cmd",
    "recheck": "recheck_cmd",
}

CALENDAR_ENV = "GOV_DEADLINES_CALENDAR"
REPORT_URL = "the project's issue tracker"


class UsageError(Exception):
    """A command line that cannot be run as given (the text is in the run's language)."""

    def message(self, lang: str) -> str:
        return str(self)


#: Between the English and the Chinese of an argument type's message: argparse passes a
#: type function's error on as text only (:func:`type_error`).
_ZH_PART = "\x1f"


def type_error(english: str, chinese: str) -> argparse.ArgumentTypeError:
    """The error a ``type=`` function raises, in both languages; argparse prefixes the
    argument's name, :class:`ArgumentsError` keeps the run's language."""
    return argparse.ArgumentTypeError(f"{english}{_ZH_PART}{chinese}")


_TYPE_ERROR = re.compile(f"argument (\\S+): (.*){_ZH_PART}(.*)", re.S)


class ArgumentsError(UsageError):
    """A command line that argparse could not read: its English message and the command."""

    def __init__(self, problem: str, prog: str) -> None:
        bilingual = _TYPE_ERROR.fullmatch(problem)
        self.problem_zh: str | None = None
        if bilingual:
            name, english, chinese = bilingual.groups()
            problem = f"argument {name}: {english}"
            self.problem_zh = f"参数 {name} 的值有误:{chinese}"
        self.problem = problem
        self.prog = prog
        super().__init__(f"{problem} ({prog} --help)")

    def message(self, lang: str) -> str:
        if not is_zh(lang):
            return str(self)
        zh = self.problem_zh or argparse_message_zh(self.problem)
        return f"{zh}(用法见 {self.prog} --help)"


# argparse's messages (Python 3.11-3.13), in the order they are tried; the groups are
# argument names and values, kept as typed.
_ARGPARSE_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.S), zh)
    for pattern, zh in (
        (r"the following arguments are required: (.*)", "缺少必需的参数:{0}"),
        (r"one of the arguments (.*) is required", "以下参数须给出其一:{0}"),
        (
            r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
            "参数 {0} 的取值 {1} 无效,可选:{2}",
        ),
        (r"argument (\S+): invalid (\w+) value: (.*)", "参数 {0} 的值 {2} 无效(应为{1}类型)"),
        (r"argument (\S+): expected one argument", "参数 {0} 后面需要一个值"),
        (r"argument (\S+): expected at least one argument", "参数 {0} 后面至少需要一个值"),
        (r"argument (\S+): expected (.*) arguments?", "参数 {0} 后面需要 {1} 个值"),
        (r"argument (\S+): ignored explicit argument (.*)", "参数 {0} 不接受值 {1}"),
        (r"argument (\S+): not allowed with argument (.*)", "参数 {0} 不能与 {1} 同时使用"),
        (r"unrecognized arguments: (.*)", "无法识别的参数:{0}"),
        (r"ambiguous option: (\S+) could match (.*)", "选项 {0} 不明确,可能是:{1}"),
    )
)
_INT_TYPES_ZH = {"int": "整数", "float": "数字"}


def argparse_message_zh(problem: str) -> str:
    """argparse's English error in Chinese; an unknown one is kept, marked as such."""
    for pattern, zh in _ARGPARSE_ZH:
        match = pattern.fullmatch(problem.strip())
        if match:
            groups = [_INT_TYPES_ZH.get(g, g) for g in match.groups()]
            return zh.format(*groups)
    return f"命令行有误({problem})"


# argparse's own headings, shown in both languages like the rest of the help.
_HELP_HEADINGS = (
    ("\npositional arguments:\n", "\n位置参数 / positional arguments:\n"),
    ("\noptions:\n", "\n选项 / options:\n"),
    ("show this help message and exit", "显示本帮助并退出 / show this help message and exit"),
    ("show program's version number and exit", "显示版本号并退出 / show the version and exit"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ArgumentsError(message, self.prog)

    def format_help(self) -> str:
        text = super().format_help()
        for english, both in _HELP_HEADINGS:
            text = text.replace(english, both)
        return text

    def _get_formatter(self) -> argparse.HelpFormatter:
        formatter = super()._get_formatter()
        add_usage = formatter.add_usage

        def bilingual_usage(usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
            add_usage(usage, actions, groups, "用法 / usage: " if prefix is None else prefix)

        formatter.add_usage = bilingual_usage  # type: ignore[method-assign]
        return formatter


@dataclass
class Context:
    """One run: its parsed arguments and its console, with the calendar built on demand."""

    args: argparse.Namespace
    console: Console
    _calendar: Any = field(default=None, repr=False)

    def calendar(self) -> WorkCalendar:
        """The default calendar with --provisional and overlay files applied."""
        if self._calendar is None:
            from gov_deadlines.calendar import default_calendar

            calendar = default_calendar(provisional=bool(getattr(self.args, "provisional", False)))
            files = self.overlay_files()
            if files:
                replace = bool(getattr(self.args, "replace_official", False))
                calendar = calendar.with_overlays(*files, replace_official=replace)
            region = getattr(self.args, "region", None)
            if region:
                calendar = calendar.for_region(region)
            self._calendar = calendar
        result: WorkCalendar = self._calendar
        return result

    def overlay_files(self) -> list[str]:
        """The holiday-notice files this run reads: ${GOV_DEADLINES_CALENDAR}, then --calendar."""
        files = [p for p in os.environ.get(CALENDAR_ENV, "").split(os.pathsep) if p]
        return files + list(getattr(self.args, "calendar", None) or [])


def common_options() -> argparse.ArgumentParser:
    """Options every command takes."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("common options / 通用选项")
    group.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="output language (default zh) / 输出语言"
    )
    group.add_argument(
        "--json", action="store_true", help="print a JSON object (see docs/cli.md) / 输出JSON"
    )
    group.add_argument(
        "--calendar",
        action="append",
        metavar="FILE",
        help=f"load a year's holiday notice (TOML or holiday-cn JSON); repeatable; also ${CALENDAR_ENV} / 载入节假日安排文件",
    )
    group.add_argument(
        "--replace-official",
        action="store_true",
        help="let a --calendar file replace a year that has official data (a mid-year amendment, written as the whole year) / 允许补充日历文件替换已有官方数据的年份",
    )
    group.add_argument(
        "--region",
        metavar="CODE",
        help="apply a region's local rest days (65 / 新疆; see docs/calendar.md) / 适用地方休息日",
    )
    group.add_argument(
        "--provisional",
        action="store_true",
        help="allow provisional answers past the official calendar, marked as such / 允许临时推算",
    )
    group.add_argument(
        "--color",
        dest="color",
        action="store_true",
        default=None,
        help="colour even when not on a terminal (NO_COLOR still wins)",
    )
    group.add_argument("--no-color", dest="color", action="store_false", help="never colour")
    return parent


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser: with every command, or only ``command``'s when it is one
    of :data:`COMMAND_MODULE` (a run of that command; its help and errors are the same)."""
    from gov_deadlines import __version__

    parser = _Parser(
        prog="gov-deadlines",
        description=(
            "政务公开时限计算与核查(按国务院节假日安排,含调休)。\n"
            "Deadlines of China's open-government rules over the official working-day calendar."
        ),
        epilog="例 / example:  gov-deadlines due ogi.reply 2026-09-28",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"gov-deadlines {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parent = common_options()
    only = COMMAND_MODULE.get(command) if command is not None else None
    for name in COMMAND_MODULES if only is None else (only,):
        import_module(f"{__package__}.{name}").register(subparsers, parent)
    return parser


def common_first(argv: Sequence[str]) -> list[str]:
    """``argv`` with the options every command takes, when given before the command
    (``gov-deadlines --lang en due …``, as other tools allow), moved after it.

    argparse reads them only after the command (they belong to each command's parser), and
    would take ``en`` for the command. They go to the end (before a ``--``), where each
    command's parser, ``calendar``'s actions included, reads them.
    """
    takes_value: dict[str, bool] = {}
    for action in common_options()._actions:
        for option in action.option_strings:
            takes_value[option] = action.nargs != 0
    moved: list[str] = []
    i = 0
    while i < len(argv):
        name, equals, _ = argv[i].partition("=")
        if name not in takes_value:
            break
        if takes_value[name] and not equals:
            if i + 1 >= len(argv):
                break
            moved += argv[i : i + 2]
            i += 2
        else:
            moved.append(argv[i])
            i += 1
    rest = list(argv[i:])
    if not moved:
        return list(argv)
    if not rest:  # no command: the usage, as without any argument
        return []
    end = rest.index("--") if "--" in rest else len(rest)
    return rest[:end] + moved + rest[end:]


def _lang_from_argv(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "zh"


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line; return the exit code (0 ok, 1 missed deadline, 2 bad input)."""
    # A one-shot command has no use for pydantic plugins, and discovering them scans the
    # metadata of every installed distribution (tens of milliseconds at each start).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    given = list(sys.argv[1:] if argv is None else argv)
    args_list = common_first(given)
    # A console whose encoding lacks a character (GBK has no ✓) gets the nearest it has.
    out = degrading(stdout or sys.stdout)
    err = degrading(stderr or sys.stderr)
    lang: Lang = "en" if _lang_from_argv(given) == "en" else "zh"
    console = Console(out, err, lang=lang, as_json="--json" in given)
    try:
        parser = build_parser(args_list[0] if args_list else None)
        try:
            # argparse prints --help and --version to sys.stdout: send them to this run's stream
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                args = parser.parse_args(args_list)
        except SystemExit as done:  # --help and --version print and "exit"
            code = done.code if isinstance(done.code, int) else EXIT_USAGE
            return code
        if args.command is None:
            if console.as_json:  # `gov-deadlines --json`: the answer must be JSON
                raise UsageError(
                    console.t(
                        "缺少命令(如 due、audit;命令列表见 gov-deadlines --help)",
                        "no command given (such as due, audit; gov-deadlines --help lists them)",
                    )
                )
            parser.print_help(out)
            return EXIT_USAGE
        console = Console(
            out,
            err,
            lang="en" if args.lang == "en" else "zh",  # argparse allows only these two
            as_json=bool(args.json),
            color=wants_color(out, args.color) and not args.json,
            err_color=wants_color(err, args.color),
        )
        result: int = args.handler(Context(args, console))
        return result
    except BrokenPipeError:
        # The reader stopped early (`gov-deadlines cal 2026 | head`): stop quietly, as other
        # command-line tools do, instead of reporting a file error.
        _silence(out)
        return EXIT_OK
    except UsageError as problem:
        text = problem.message(console.lang)
        console.error(text)
        if console.as_json:
            console.emit_json({"error": {"type": "UsageError", "message": text}})
        return EXIT_USAGE
    except Exception as problem:
        return _report(problem, console)


def _silence(stream: TextIO) -> None:
    """Point a broken standard output at os.devnull, so that the interpreter's final flush
    does not complain about the closed pipe (see the ``signal`` module's documentation)."""
    stream = underlying(stream)
    if stream is not sys.stdout:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())


def _report(problem: Exception, console: Console) -> int:
    from gov_deadlines.errors import GovDeadlinesError

    if isinstance(problem, GovDeadlinesError):
        # A message may name the Python API in its remedy (a CalendarCoverageError's
        # with_overlays, a NoticeTextError's year=): a clerk needs the options instead.
        message = problem.clerk_message(console.lang)
        kind = type(problem).__name__
    elif isinstance(problem, OSError):
        message = file_error_message(problem, console.lang)
        kind = "OSError"
    else:
        message = console.t(
            f"内部错误({type(problem).__name__}: {problem})。这是程序缺陷,请将所用命令和本信息报告至{REPORT_URL}。",
            f"internal error ({type(problem).__name__}: {problem}). This is a bug: please "
            f"report the command line and this message to {REPORT_URL}.",
        )
        kind = "InternalError"
    console.error(message)
    if console.as_json:
        console.emit_json({"error": {"type": kind, "message": message}})
    return EXIT_USAGE



def file_error_message(problem: OSError, lang: str) -> str:
    """A file error as the clerk reads it: the file named, what is wrong in ``lang``."""
    from gov_deadlines.errors import file_problem

    english, chinese = file_problem(problem)
    name = problem.filename if problem.filename is not None else ""
    shown = f" {name}" if name != "" else ""
    if not is_zh(lang):
        return f"cannot read or write the file{shown}: {english}"
    return f"无法读写文件{shown}:{chinese}"
