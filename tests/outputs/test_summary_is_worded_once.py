"""The audit summary is worded once (:func:`summary_lines`): its Markdown and the
workbook's summary sheet are two renderings of the same lines. Test names are sentences."""

from __future__ import annotations

import datetime as dt
import io

from gov_deadlines.cases import audit_csv
from gov_deadlines.outputs import summarize
from gov_deadlines.outputs.summary import SummaryLine, markdown_text, summary_lines

CSV = "编号,渠道,提交日期,答复日期\nA|1,当面,2026-03-02,2026-04-30\nB,当面,2026-03-02,\nC,飞鸽,,\n"


def test_every_line_of_the_summary_sheet_is_a_line_of_the_markdown() -> None:
    summary = summarize(audit_csv(io.StringIO(CSV), as_of=dt.date(2026, 11, 20)))
    markdown = summary.markdown("zh").splitlines()
    for line in summary_lines(summary, "zh"):
        if line.kind in ("heading", "text"):
            assert any(str(line.cells[0]) in text for text in markdown), line


def test_markdown_tables_have_their_alignment_row_and_escape_a_pipe_in_a_cell() -> None:
    lines = [
        SummaryLine("heading", ("Title",), level=1),
        SummaryLine("table", ("Line", "Case"), align=("right", "left")),
        SummaryLine("table", (2, "A|1")),
        SummaryLine("table", ("Total", 1), strong=True),
        SummaryLine("blank"),
    ]
    assert markdown_text(lines) == (
        "# Title\n| Line | Case |\n|---:|---|\n| 2 | A\\|1 |\n| **Total** | **1** |\n"
    )
