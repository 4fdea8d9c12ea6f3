"""Parsing the text of a data file (an overlay, a rule file) as JSON or TOML, safely.

The parsers' own failures are not all :class:`ValueError` with a position: a document
nested 100,000 deep raises :class:`RecursionError`, a 5000-digit number the interpreter's
int-digit :class:`ValueError`, and JSON silently keeps the last of two equal keys.
:func:`parse_document` turns each into a :class:`DocumentProblem` with the line it is on,
which the callers report as their own error naming the file and the entry.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from typing import Any

#: Nesting deeper than this is reported at the line where it is reached.
_REPORTED_DEPTH = 100


class DocumentProblem(Exception):
    """The text is not a valid document: ``problem`` (English), ``problem_zh`` (the same for
    a clerk, without the parser's English) and ``entry`` (``line N``, or ``None``)."""

    def __init__(self, problem: str, entry: str | None = None, problem_zh: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.entry = entry
        self.problem_zh = problem_zh or problem


def json_problem_zh(error: json.JSONDecodeError) -> str:
    """A JSON syntax error in Chinese: where it is (the decoder's words are English)."""
    return (
        f"不是有效的 JSON 文本(第{error.lineno}行第{error.colno}列附近有语法错误:"
        "常见原因是缺少或多了引号、逗号、括号)"
    )


def _line_of(text: str, position: int) -> str:
    return f"line {text.count(chr(10), 0, position) + 1}"


def _deep_line(text: str) -> str | None:
    """The line where brackets (outside strings) first nest deeper than the report limit."""
    depth = 0
    quote = ""
    escaped = False
    for position, char in enumerate(text):
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > _REPORTED_DEPTH:
                return _line_of(text, position)
        elif char in "]}":
            depth -= 1
    return None


def _long_number_line(text: str) -> str | None:
    limit = sys.get_int_max_str_digits() or 4300
    found = re.search(rf"\d{{{limit + 1},}}", text)
    return _line_of(text, found.start()) if found else None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DocumentProblem(
                f"the key {key!r} appears twice in one object",
                f"key {key!r}",
                f"同一对象中键 {key!r} 出现了两次",
            )
        result[key] = value
    return result


def parse_document(text: str, *, as_json: bool) -> Any:
    """The parsed document; raises :class:`DocumentProblem` for any failure of the text."""
    kind = "JSON" if as_json else "TOML"
    try:
        if as_json:
            return json.loads(text, object_pairs_hook=_no_duplicate_keys)
        return tomllib.loads(text)
    except json.JSONDecodeError as error:
        raise DocumentProblem(
            f"not valid JSON ({error.msg})", f"line {error.lineno}", json_problem_zh(error)
        ) from None
    except tomllib.TOMLDecodeError as error:
        at = re.search(r"at line (\d+)", str(error))
        raise DocumentProblem(
            f"not valid TOML ({error})",
            f"line {at.group(1)}" if at else None,
            "不是有效的 TOML 文本" + (f"(第{at.group(1)}行附近有语法错误)" if at else "(有语法错误)"),
        ) from None
    except RecursionError:
        raise DocumentProblem(
            f"not valid {kind}: arrays or tables nested too deeply",
            _deep_line(text),
            f"不是有效的 {kind} 文本:数组或表嵌套过深",
        ) from None
    except ValueError as error:  # the interpreter's limit on the digits of an int
        reason = str(error).split(";")[0]  # drop its advice, which names a Python function
        raise DocumentProblem(
            f"not valid {kind}: a number with too many digits ({reason})",
            _long_number_line(text),
            f"不是有效的 {kind} 文本:数字的位数过多",
        ) from None


# pydantic's most common messages, for the Chinese text of a data file's error.
_PYDANTIC_ZH = {
    "Field required": "缺少该项",
    "Input should be a valid date": "应为日期,如 2026-10-01",
    "Input should be a valid integer": "应为整数",
    "Input should be a valid string": "应为文字",
    "Input should be a valid boolean": "应为 true 或 false",
    "Extra inputs are not permitted": "不是文件格式中的项",
    "Input should be a valid list": "应为列表",
    "Input should be a valid dictionary": "应为表(键值对)",
}


def schema_problem_zh(problem: str) -> str:
    """The Chinese text of a schema (pydantic) problem in a data file, for clerks."""
    return f"该项不符合文件格式:{_PYDANTIC_ZH.get(problem, problem)}"
