"""The per-case CSV of a batch audit, whole: the header, then the rows (:func:`write_case_csv`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from gov_deadlines.cases.batch import RowResult
from gov_deadlines.outputs.case_csv import CASE_COLUMNS, write_case_rows
from gov_deadlines.outputs.summary import Summary
from gov_deadlines.vocabulary import is_zh

__all__ = ["write_case_csv"]


def write_case_csv(
    results: Iterable[RowResult],
    stream: TextIO,
    *,
    lang: str = "zh",
    summary: Summary | None = None,
) -> Summary:
    """One CSV row per result (UTF-8 BOM first, so Excel and WPS read it); return the summary.

    Open ``stream`` with ``newline=""`` and ``encoding="utf-8"``. The output is what
    ``csv.writer`` writes (minimal quoting, CRLF line ends).
    """
    zh = is_zh(lang)
    summary = summary if summary is not None else Summary()
    stream.write("\ufeff")
    writer = csv.writer(stream)
    writer.writerow([c[1] if zh else c[2] for c in CASE_COLUMNS])
    write_case_rows(results, stream, zh=zh, lang=lang, summary=summary)
    return summary
