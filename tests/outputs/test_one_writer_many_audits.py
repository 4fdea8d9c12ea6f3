"""One writer may be handed the rows of several audits (other calendars, other spans): each
row's cells are the ones it has alone — its dates read from its own calendar's days, its
stamp naming its own calendar's data. Test names are sentences."""

from __future__ import annotations

import csv
import datetime as dt
import io

from gov_deadlines import default_calendar
from gov_deadlines.calendar.official import official_arrangements
from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.cases.batch import CaseAuditor, RowResult
from gov_deadlines.outputs import write_case_csv, write_jsonl

AS_OF = dt.date(2026, 11, 20)


def _alone(row: RowResult) -> list[str]:
    out = io.StringIO()
    write_case_csv([row], out)
    return list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))[1]


def _together(rows: list[RowResult]) -> list[list[str]]:
    out = io.StringIO()
    write_case_csv(rows, out)
    return list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))[1:]


def test_the_per_case_csv_and_json_lines_read_each_rows_dates_from_its_own_calendars_days() -> None:
    # Day indices count from a calendar's first day: the same index is another date in a
    # calendar that starts later.
    whole = CaseAuditor(as_of=AS_OF)
    recent = CaseAuditor(
        as_of=AS_OF,
        calendar=WorkCalendar(a for a in official_arrangements().values() if a.year >= 2020),
    )
    shift = recent.clock.days.base - whole.clock.days.base
    assert shift > 0
    early = dt.date(2009, 3, 2)
    late = dt.date.fromordinal(early.toordinal() + shift)  # the same index in ``recent``
    rows = [
        auditor.mapping({"编号": str(line), "渠道": "当面", "提交日期": day.isoformat()}, line)
        for line, (auditor, day) in enumerate(
            [(whole, early), (recent, late), (whole, early), (recent, late)], start=2
        )
    ]
    together = _together(rows)
    # 2025-03-02 is a Sunday: received on Monday 2025-03-03 (the rest-day policy)
    assert [cells[4] for cells in together] == ["2009-03-02", "2025-03-03"] * 2
    assert together == [_alone(row) for row in rows]
    out = io.StringIO()
    write_jsonl(rows, out)
    assert out.getvalue().splitlines() == [row.to_record("zh").model_dump_json() for row in rows]


def test_each_rows_stamp_names_its_own_calendars_data() -> None:
    # The same years and version, two calendars: without data for 2027 (none) and with the
    # provisional one (provisional): one writer must not give one's stamp to the other.
    official = CaseAuditor(as_of=AS_OF)
    provisional = CaseAuditor(as_of=AS_OF, calendar=default_calendar(provisional=True))
    case = {"编号": "A", "渠道": "当面", "提交日期": "2026-12-21"}
    rows = [official.mapping(case, 2), provisional.mapping(case, 3)]
    together = _together(rows)
    assert "2027=none" in together[0][-1] and "2027=provisional" in together[1][-1]
    assert together == [_alone(row) for row in rows]
    out = io.StringIO()
    write_jsonl(rows, out)
    lines = out.getvalue().splitlines()
    assert lines == [row.to_record("zh").model_dump_json() for row in rows]
