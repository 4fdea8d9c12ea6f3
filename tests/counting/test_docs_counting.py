"""Every example in docs/counting.md still prints exactly what the page shows.

An example is an HTML comment naming a Python expression, directly followed by a fenced
``text`` block with its output::

    <!-- example: deadline(date(2018, 4, 26), "30日") -->
    ```text
    期限:30日。…
    ```

A :class:`Deadline` or :class:`Verdict` shows its ``explain()``; a string is shown as is.
``<!-- error: EXPR -->`` shows the error the expression raises, as ``ErrorName: message``.

The examples' machinery is ``tests/_docs.py``, shared with the site's test, which runs every
example of every page (``tests/site/test_site_examples.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from _docs import ExprExample, expr_examples, render_expr

DOC = Path(__file__).resolve().parents[2] / "docs" / "counting.md"


def examples(text: str | None = None) -> list[ExprExample]:
    return expr_examples(DOC.read_text(encoding="utf-8") if text is None else text)


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
def test_the_pasted_output_is_still_exact(example: ExprExample) -> None:
    assert example.body == render_expr(example)
