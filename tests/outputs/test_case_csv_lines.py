"""The per-case CSV writes its lines itself (outputs.case_csv.csv_line): they are the lines
csv.writer writes, for any cells — the file format is csv.writer's, whoever writes it."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines.outputs.case_csv import csv_line

#: Texts rich in what quoting turns on: commas, quotes, line breaks, Chinese, blanks.
_CELL = st.text(alphabet=st.sampled_from(list(',"\r\n ;a1-日期:，“')), max_size=12)


def _csv_writer_line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(cells)
    return out.getvalue()


@given(st.lists(_CELL, min_size=1, max_size=22))
def test_a_line_is_what_csv_writer_writes_for_the_same_cells(cells: list[str]) -> None:
    assert csv_line(cells) == _csv_writer_line(cells)


def test_a_cell_with_a_comma_or_a_quote_is_quoted_and_its_quotes_doubled() -> None:
    assert csv_line(["1", 'a,"b"', "c"]) == '1,"a,""b""",c\r\n'


def test_a_row_of_one_blank_cell_is_written_as_two_quotes_not_as_a_blank_line() -> None:
    # A blank line would be read back as no row at all.
    assert csv_line([""]) == '""\r\n'
