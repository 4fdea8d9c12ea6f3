"""Every Python example of docs/frames.md runs as shown: the blocks in order, in one
namespace, from the repository root; their ``assert`` lines are the page's claims. A block
whose first line is ``# spark`` needs a Spark cluster and is shown only; the function it
hands to Spark runs in the block before it, on record batches as Spark would pass them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "frames.md"
BLOCK = re.compile(r"```python\n(.*?)```\n", re.DOTALL)


def blocks() -> list[str]:
    return BLOCK.findall(DOC.read_text("utf-8"))


def test_the_page_shows_pandas_polars_arrow_dask_and_spark_examples() -> None:
    text = "\n".join(blocks())
    for needle in (
        "pd.DataFrame",
        "pl.DataFrame",
        "pa.table",
        "map_partitions",
        "mapInArrow",
        "applyInPandas",
    ):
        assert needle in text, needle
    assert sum(block.startswith("# spark") for block in blocks()) == 1


def test_every_example_of_the_page_runs_and_its_claims_hold(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "docs_frames"}
    ran = 0
    for block in blocks():
        if block.startswith("# spark"):
            compile(block, "docs/frames.md (spark)", "exec")  # shown, not run: it must parse
            continue
        exec(compile(block, "docs/frames.md", "exec"), namespace)
        ran += 1
    assert ran == 4
    printed = capsys.readouterr().out
    assert "2026-099" in printed and "无法识别日期" in printed


def test_the_page_lists_the_result_columns_as_they_are() -> None:
    from gov_deadlines.outputs import result_columns

    text = DOC.read_text("utf-8")
    assert " ".join(result_columns("zh")) in " ".join(text.split())
    assert f"`{' '.join(result_columns('en'))}`" in " ".join(text.split())
