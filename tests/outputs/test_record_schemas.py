"""Every record type has a JSON Schema, in the docs and in the installed package, and a real
record of each type is valid against the installed one."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel, ValidationError

import gov_deadlines as gd
from gov_deadlines.bundled import data_path
from gov_deadlines.calendar.workcalendar import default_calendar
from gov_deadlines.cases import audit_case, audit_cases
from gov_deadlines.outputs import IcsSummary, Summary, form_rows, supervision_rows, write_form
from gov_deadlines.outputs.schemas import RECORD_TYPES, SCHEMA_VERSION, schema_json
from gov_deadlines.recurring.compliance import check_log

DOCS = Path(__file__).resolve().parents[2] / "docs" / "schemas"
AS_OF = dt.date(2026, 6, 30)


def records() -> dict[str, list[BaseModel]]:
    """Real records of every type, from real results (late, pending, provisional, malformed)."""
    deadline = gd.due("ogi.reply", dt.date(2026, 3, 8))
    verdicts = [
        gd.check(deadline, dt.date(2026, 4, 20)),
        gd.check(deadline, dt.datetime(2026, 4, 1, 9, 30)),
        gd.check(gd.deadline(dt.date(2026, 3, 2), "不少于10天"), dt.date(2026, 3, 5)),
    ]
    provisional = gd.deadline(
        dt.date(2026, 12, 20), "20个工作日", calendar=default_calendar(provisional=True)
    )
    log = check_log(
        [("ogi.annual-report", "2026-02-03"), ("document-issued", "2026-03-01")],
        2026,
        sources="jy-2024",
        as_of=AS_OF,
    )
    cases = [
        {"case_id": "A", "channel": "当面", "submitted": "2026-03-06", "replied": "2026-04-20"},
        {"case_id": "B", "channel": "网络", "submitted": "2026-06-01"},
        {"case_id": "C", "channel": "当面", "submitted": "不是日期"},
    ]
    rows = list(audit_cases(cases, as_of=AS_OF))
    summary = Summary(AS_OF)
    for row in rows:
        summary.add(row)
    verdict = audit_case(
        {"case_id": "D", "channel": "当面", "submitted": "2026-03-08", "replied": "2026-03-20"},
        as_of=AS_OF,
    )
    stored = [
        provisional.to_record().model_dump(mode="json"),
        deadline,
        gd.schedule(2026)[0],
        "not a record",
    ]
    rechecked = gd.recheck(stored, calendar=default_calendar())
    found: dict[str, list[BaseModel]] = {
        "DeadlineRecord": [deadline.to_record(explanation=True), provisional.to_record()],
        "VerdictRecord": [v.to_record("en", explanation=True) for v in verdicts],
        "DayRecord": [
            default_calendar().day_info(dt.date(2026, 10, 1)).to_record(),
            default_calendar(provisional=True).day_info(dt.date(2027, 1, 1)).to_record("en"),
        ],
        "EventDeadlinesRecord": [
            gd.deadlines_for("document-issued", dt.date(2026, 3, 2)).to_record(explanation=True),
            gd.deadlines_for("document-issued", dt.date(2026, 12, 20)).to_record("en"),
        ],
        "OccurrenceRecord": [o.to_record(explanation=True) for o in gd.schedule(2026)[:5]],
        "WindowVerdictRecord": [v.to_record() for v in log],
        "UnmatchedEntryRecord": [u.to_record() for u in log.unmatched],
        "LogCheckRecord": [log.to_record("en")],
        "DutyRecord": [d.to_record() for d in verdict.duties],
        "FindingRecord": [f.to_record() for f in verdict.findings],
        "CaseVerdictRecord": [r.to_record(explanation=True) for r in rows if r.verdict]
        + [verdict.to_record()],
        "MalformedRowRecord": [r.to_record() for r in rows if r.verdict is None],
        "AuditSummaryRecord": [summary.to_record("en")],
        "WriteSummaryRecord": [write_form(form_rows(summary), io.StringIO()).to_record()],
        "IcsSummaryRecord": [IcsSummary(66, 2, events=66, alarms=66).to_record()],
        "SupervisionRowRecord": [r.to_record("en") for r in form_rows(summary)]
        + [r.to_record() for r in supervision_rows(log)],
        "RecheckItemRecord": [item.to_record("en") for item in rechecked],
        "RecheckRecord": [rechecked.to_record(), rechecked.to_record("en", explanation=True)],
    }
    return found


RECORDS = records()


def installed_schema(name: str) -> Any:
    with open(data_path("schemas", f"{name}.json"), encoding="utf-8") as handle:
        return json.load(handle)


def test_a_real_record_of_every_type_is_at_hand() -> None:
    assert set(RECORDS) == set(RECORD_TYPES)
    assert all(RECORDS[name] for name in RECORD_TYPES), [n for n, r in RECORDS.items() if not r]


@pytest.mark.parametrize("name", sorted(RECORD_TYPES))
def test_every_record_is_valid_against_the_installed_schema(name: str) -> None:
    schema = installed_schema(name)
    assert schema["schema_version"] == SCHEMA_VERSION
    assert schema["$id"].endswith(f"/{SCHEMA_VERSION}/{name}.json")
    for record in RECORDS[name]:
        assert type(record).__name__ == name
        data = record.model_dump(mode="json")
        jsonschema.validate(data, schema)
        # Built without re-validation on the audit's path: a validated copy is the same.
        assert type(record).model_validate(data).model_dump(mode="json") == data


@pytest.mark.parametrize("name", sorted(RECORD_TYPES))
def test_the_docs_copy_the_package_copy_and_the_models_agree(name: str) -> None:
    package = Path(data_path("schemas", f"{name}.json")).read_text(encoding="utf-8")
    assert (DOCS / f"{name}.json").read_text(encoding="utf-8") == package
    assert package == schema_json(name), "stale: run python -m tools.gen_docs"


def test_no_schema_file_is_left_over_from_a_removed_record_type() -> None:
    names = {f"{name}.json" for name in RECORD_TYPES}
    assert {p.name for p in DOCS.glob("*.json")} == names
    assert {p.name for p in Path(data_path("schemas")).glob("*.json")} == names


def test_records_are_frozen() -> None:
    record = RECORDS["DutyRecord"][0]
    with pytest.raises(ValidationError, match="frozen"):
        record.status = None  # type: ignore[misc]
