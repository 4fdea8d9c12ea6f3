"""JSON Lines of a batch audit: one JSON object per input row (``docs/audit.md``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TextIO

from gov_deadlines.outputs.summary import Summary, count_blank_rows
from gov_deadlines.vocabulary import Lang

if TYPE_CHECKING:
    from gov_deadlines.cases.batch import RowResult

__all__ = ["write_jsonl"]


def write_jsonl(
    results: Iterable[RowResult],
    stream: TextIO,
    *,
    lang: Lang = "zh",
    explanation: bool = False,
    summary: Summary | None = None,
) -> Summary:
    """One JSON object per line and per result; return the summary."""
    summary = summary if summary is not None else Summary()
    for row in results:
        summary.add(row)
        stream.write(row.to_record(lang, explanation=explanation).model_dump_json())
        stream.write("\n")
    count_blank_rows(results, summary)
    return summary
