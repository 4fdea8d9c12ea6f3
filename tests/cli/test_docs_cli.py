"""Every example in docs/cli.md still prints exactly what the page shows, and the page
documents every JSON field.

An example is an HTML comment naming the arguments of ``gov-deadlines``, directly followed
by a fenced ``text`` block with what the command prints (standard output, then standard
error), run in process with a clean environment::

    <!-- cli: due ogi.reply 2026-09-28 -->
    ```text
    截止:2026-10-30(周五)24:00
    …
    ```

The example must exit 0 unless the comment ends with ``(exit N)``:
``<!-- cli: due ogi.reply 2026-12-20 (exit 2) -->``. The version of chinese-calendar cited
in calendar-data lines (``[chinese-calendar 1.11.0]``) may differ from the page's.

After a deliberate change to the output, regenerate the blocks with
``UPDATE_DOCS=1 python -m pytest tests/site`` (every page) and review the diff. The
examples' machinery is ``tests/_docs.py``, shared with the site's test, which runs every
example of every page (``tests/site/test_site_examples.py``).
"""

from __future__ import annotations

import json
import re

import pytest

from _cli import COMMANDS, JSON_KEYS, ROOT
from _docs import CliExample, cli_examples, normal, render_cli

DOC = ROOT / "docs" / "cli.md"
SCHEMA = ROOT / "docs" / "cli-schema.json"

def examples(text: str | None = None) -> list[CliExample]:
    return cli_examples(DOC.read_text(encoding="utf-8") if text is None else text)


ALL = examples() if DOC.exists() else []


def test_the_page_shows_every_command_with_chinese_and_english_output() -> None:
    shown = {e.argv[0] for e in ALL}
    assert set(COMMANDS) <= shown
    for command in COMMANDS:
        chinese = [e for e in ALL if e.argv[0] == command and "en" not in e.argv]
        assert chinese, command
    assert any("--lang" in e.argv and "en" in e.argv for e in ALL)
    assert any("--json" in e.argv for e in ALL)


def test_every_example_comment_is_followed_by_its_block() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text.count("<!-- cli:") == len(ALL)


@pytest.mark.parametrize("example", ALL, ids=[e.id for e in ALL])
def test_the_pasted_output_is_still_exact(example: CliExample) -> None:
    code, output = render_cli(example)
    assert code == example.code, output
    assert normal(example.body) == normal(output)


def backticked(text: str) -> set[str]:
    return set(re.findall(r"`([^`\s]+)`", text))


def test_the_page_documents_every_field_of_the_due_and_add_record() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    names = backticked(DOC.read_text(encoding="utf-8"))
    missing = [name for name in schema["properties"] if name not in names]
    for definition in schema["$defs"].values():
        # an object's fields, or an enum's values (Status)
        fields = definition.get("properties", definition.get("enum", []))
        missing += [name for name in fields if name not in names]
    assert not missing, f"docs/cli.md does not describe: {missing}"


def test_the_page_documents_the_keys_of_every_other_command() -> None:
    names = backticked(DOC.read_text(encoding="utf-8"))
    for command, keys in JSON_KEYS.items():
        assert keys <= names, (command, sorted(keys - names))
    assert {"error", "type", "message", "events", "not_computed", "holidays"} <= names


def test_the_page_lists_every_date_form_and_exit_code() -> None:
    text = DOC.read_text(encoding="utf-8")
    for form in (
        "2026-10-01",
        "2026/10/1",
        "2026.10.1",
        "2026年10月1日",
        "今天",
        "today",
        "2026-10-01 09:30",
        "2026-10-01T09:30+08:00",
    ):
        assert f"`{form}`" in text, form
    for phrase in (
        "GOV_DEADLINES_CALENDAR",
        "--calendar",
        "--provisional",
        "NO_COLOR",
        "[临时推算]",
        "docs/cli-schema.json",
    ):
        assert phrase in text, phrase
    for code in ("| 0 ", "| 1 ", "| 2 "):
        assert code in text, code
