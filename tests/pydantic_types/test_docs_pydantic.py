"""The examples of docs/pydantic.md run as written."""

from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "pydantic.md"


def test_the_examples_of_docs_pydantic_run_in_order() -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text("utf-8"), re.S)
    assert len(blocks) >= 3
    namespace: dict[str, object] = {"__name__": "docs_pydantic"}
    for block in blocks:
        exec(compile(block, str(DOC), "exec", dont_inherit=True), namespace)
    assert "client" in namespace
