"""Every example in docs/counting.md still prints exactly what the page shows.

An example is an HTML comment naming a Python expression, directly followed by a fenced
``text`` block with its output::

    <!-- example: deadline(date(2018, 4, 26), "30日") -->
    ```text
    期限:30日。…
    ```

A :class:`Deadline` or :class:`Verdict` shows its ``explain()``; a string is shown as is.
``<!-- error: EXPR -->`` shows the error the expression raises, as ``ErrorName: message``.

After a deliberate change to the explanations, regenerate the blocks with
``python tests/test_docs_counting.py --update`` and review the diff.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "counting.md"

EXAMPLE = re.compile(
    r"<!-- (?P<kind>example|error): (?P<expr>.+?) -->\n```text\n(?P<body>.*?)```\n",
    re.DOTALL,
)


@dataclass(frozen=True)
class Example:
    kind: str
    expr: str
    body: str
    line: int

    @property
    def id(self) -> str:
        return f"line {self.line}: {self.expr}"


def examples(text: str | None = None) -> list[Example]:
    text = DOC.read_text(encoding="utf-8") if text is None else text
    return [
        Example(m["kind"], m["expr"], m["body"], text.count("\n", 0, m.start()) + 1)
        for m in EXAMPLE.finditer(text)
    ]


def namespace() -> dict[str, object]:
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


def render(example: Example) -> str:
    """What the example's block must contain (with its final newline)."""
    from gov_deadlines import Deadline, GovDeadlinesError, Verdict

    if example.kind == "error":
        try:
            eval(example.expr, namespace())
        except GovDeadlinesError as error:
            return f"{type(error).__name__}: {error}\n"
        raise AssertionError(f"{example.expr} raised nothing")
    value = eval(example.expr, namespace())
    if isinstance(value, Deadline | Verdict):
        value = value.explain()
    assert isinstance(value, str), f"{example.expr} gave {type(value).__name__}, not text"
    return value + "\n"


ALL = examples() if DOC.exists() else []


def test_the_page_has_examples_for_every_unit() -> None:
    exprs = " ".join(e.expr for e in ALL)
    for form in ("个工作日", '日"', "个月", '年"', "小时", "底前", "不少于"):
        assert form in exprs, form
    assert len(ALL) >= 12


def test_every_example_comment_is_followed_by_its_block() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text.count("<!-- example:") + text.count("<!-- error:") == len(ALL)


@pytest.mark.parametrize("example", ALL, ids=[e.id for e in ALL])
def test_the_pasted_output_is_still_exact(example: Example) -> None:
    assert example.body == render(example)


def update() -> int:
    """Rewrite every block of docs/counting.md with the current output."""
    text = DOC.read_text(encoding="utf-8")

    def replace(match: re.Match[str]) -> str:
        example = Example(match["kind"], match["expr"], match["body"], 0)
        return f"<!-- {example.kind}: {example.expr} -->\n```text\n{render(example)}```\n"

    new = EXAMPLE.sub(replace, text)
    changed = new != text
    DOC.write_text(new, encoding="utf-8")
    print(f"{DOC}: {len(examples(new))} examples, {'updated' if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        sys.exit(update())
    sys.exit(pytest.main([__file__, "-q"]))
