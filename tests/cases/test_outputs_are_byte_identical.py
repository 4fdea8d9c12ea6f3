"""Every output of the batch audit is byte for byte what it was before the one clock
(issue 14): the per-case CSV, JSON Lines (with and without explanations), the Markdown
summary, the supervision form and the JSON summary, in Chinese and English, of
``docs/audit-example.csv`` and of 10,000 generated cases (``tests/cases/golden/``).

The digests were made from main at 1950e71, before the clock was rewritten; a deliberate
change regenerates them (``make_golden.py --update``) and names its reason in the commit.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

HERE = Path(__file__).resolve().parent / "golden"


def _golden() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_golden", HERE / "make_golden.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLDEN = _golden()
KNOWN: dict[str, str] = json.loads((HERE / "digests.json").read_text(encoding="utf-8"))
MAKERS = dict(GOLDEN.outputs())


def test_every_output_has_a_recorded_digest() -> None:
    assert set(MAKERS) == set(KNOWN)


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_the_output_is_byte_identical_to_the_recorded_one(name: str) -> None:
    assert GOLDEN.digest(MAKERS[name]()) == KNOWN[name], name
