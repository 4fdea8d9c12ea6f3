"""WorkCalendar.official_tables(): the arrays the batch audit builds its tables from."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines import default_calendar

CAL = default_calendar()
TABLES = CAL.official_tables()


def test_the_tables_span_exactly_the_official_coverage() -> None:
    assert dt.date.fromordinal(TABLES.first_ordinal) == CAL.coverage.first
    assert dt.date.fromordinal(TABLES.first_ordinal + TABLES.last_index) == CAL.coverage.last
    assert len(TABLES.workdays_before) == TABLES.last_index + 2


@given(st.dates(dt.date(2004, 1, 1), dt.date(2026, 12, 31)))
def test_each_listed_working_day_is_a_working_day_and_the_counts_agree(day: dt.date) -> None:
    i = day.toordinal() - TABLES.first_ordinal
    before = TABLES.workdays_before
    assert before[i + 1] - before[i] == int(CAL.is_workday(day))
    if CAL.is_workday(day):
        assert TABLES.workday_indices[before[i]] == i
    assert before[i + 1] - before[0] == CAL.workdays_between(CAL.coverage.first, day) + int(
        CAL.is_workday(CAL.coverage.first)
    )
