"""A FastAPI app on gov_deadlines: one line of glue per rule, 422 at the field, results
returned as they are, a stored result read back (issue 16)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Annotated

import pytest
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.testclient import TestClient
from pydantic import BaseModel

import gov_deadlines as gd
from gov_deadlines.cases import Case, CaseVerdict, RowResult, audit_case, audit_cases
from gov_deadlines.outputs import write_jsonl

D = dt.date
AS_OF = D(2026, 11, 30)


class Application(BaseModel):
    received_on: gd.CoveredDate
    replied_on: Annotated[D | None, gd.MeetsRule("ogi.reply", trigger="received_on")] = None


class Registered(BaseModel):
    application: Application
    deadline: gd.Deadline


def results() -> dict[str, tuple[type, Callable[[], object]]]:
    """A result of each kind an endpoint may return, by route name."""
    case = Case(channel="网络", submitted=D(2026, 9, 28), replied=D(2026, 11, 2))
    log = gd.check_log([gd.LogEntry(rule="ogi.annual-report", done_on=D(2026, 1, 20))], 2026, as_of=AS_OF)
    return {
        "day": (gd.DayInfo, lambda: gd.default_calendar().day_info(D(2026, 10, 1))),
        "deadline": (gd.Deadline, lambda: gd.due("ogi.reply", D(2026, 9, 28))),
        "verdict": (gd.Verdict, lambda: gd.check_due("ogi.reply", D(2026, 9, 28), D(2026, 11, 2))),
        "event": (gd.EventDeadlines, lambda: gd.deadlines_for("application-received", D(2026, 9, 28))),
        "occurrence": (gd.Occurrence, lambda: gd.schedule(2026)[0]),
        "log": (gd.LogCheck, lambda: log),
        "window": (gd.WindowVerdict, lambda: log[0]),
        "case": (CaseVerdict, lambda: audit_case(case, as_of=AS_OF)),
        "row": (RowResult, lambda: next(audit_cases([case], as_of=AS_OF))),
    }


def make_app() -> FastAPI:
    app = FastAPI()
    stored: dict[str, gd.DeadlineRecord] = {}  # this app's storage, gone with it

    @app.post("/applications")
    def register(application: Application) -> Registered:
        return Registered(
            application=application, deadline=gd.due("ogi.reply", application.received_on)
        )

    @app.get("/due")
    def due(received_on: D) -> gd.Deadline:
        try:
            return gd.due("ogi.reply", received_on)
        except gd.CalendarCoverageError as error:
            raise RequestValidationError(
                gd.validation_error(error, loc=("query", "received_on"), value=str(received_on)).errors()
            ) from None

    @app.post("/cases")
    def audit(case: Case) -> CaseVerdict:
        return audit_case(case, as_of=AS_OF)

    @app.post("/cases/zh")
    def audit_zh(case: Annotated[Case, gd.InLanguage("zh")]) -> CaseVerdict:
        return audit_case(case, as_of=AS_OF)

    @app.put("/stored/{key}")
    def store(key: str, record: gd.DeadlineRecord) -> gd.DeadlineRecord:
        stored[key] = record
        return record

    @app.get("/stored/{key}")
    def read(key: str) -> gd.DeadlineRecord:
        return stored[key]

    for name, (kind, make) in results().items():
        app.get(f"/results/{name}", response_model=kind)(make)
    return app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(make_app())


def test_a_late_reply_is_a_422_at_the_fields_loc_with_the_due_date(client: TestClient) -> None:
    answer = client.post(
        "/applications", json={"received_on": "2026-09-28", "replied_on": "2026-11-02"}
    )
    assert answer.status_code == 422
    [error] = answer.json()["detail"]
    assert error["loc"] == ["body", "replied_on"]
    assert error["type"] == "deadline_missed"
    assert error["ctx"]["due_date"] == "2026-10-30" and error["ctx"]["rule"] == "ogi-2019.reply"


def test_a_valid_application_comes_back_with_its_deadlines_record(client: TestClient) -> None:
    answer = client.post(
        "/applications", json={"received_on": "2026-09-28", "replied_on": "2026-10-30"}
    )
    assert answer.status_code == 200
    body = answer.json()
    assert body["deadline"] == gd.due("ogi.reply", D(2026, 9, 28)).to_record().model_dump(mode="json")


def test_a_2027_receipt_is_a_422_naming_the_missing_notice_not_a_500(client: TestClient) -> None:
    answer = client.post("/applications", json={"received_on": "2027-01-04"})
    assert answer.status_code == 422
    [error] = answer.json()["detail"]
    assert error["loc"] == ["body", "received_on"] and error["type"] == "calendar_coverage"
    answer = client.get("/due", params={"received_on": "2026-12-20"})
    assert answer.status_code == 422
    [error] = answer.json()["detail"]
    assert error["loc"] == ["query", "received_on"] and error["ctx"]["year"] == 2027


def test_a_cases_cross_field_error_points_at_the_field_not_the_body(client: TestClient) -> None:
    answer = client.post(
        "/cases", json={"channel": "当面", "submitted": "2026-09-28", "replied": "2026-09-01"}
    )
    assert answer.status_code == 422
    [error] = answer.json()["detail"]
    assert error["loc"] == ["body", "replied"]
    assert "before the receipt" in error["msg"]
    assert "早于收到申请日" in error["ctx"]["zh"]
    answer = client.post(
        "/cases",
        json={
            "channel": "当面",
            "submitted": "2026-09-28",
            "consultations": [{"sent": "2026-10-09", "answered": "2026-10-01"}],
        },
    )
    assert answer.json()["detail"][0]["loc"] == ["body", "consultations", 0, "answered"]


def test_a_body_marked_in_chinese_answers_its_422_in_chinese(client: TestClient) -> None:
    answer = client.post(
        "/cases/zh", json={"channel": "当面", "submitted": "2026-09-28", "replied": "2026-09-01"}
    )
    assert answer.status_code == 422
    [error] = answer.json()["detail"]
    assert error["loc"] == ["body", "replied"] and error["type"] == "case_history"
    assert error["msg"].startswith("答复日期2026-09-01早于收到申请日")
    assert "before the receipt" in error["ctx"]["message"]
    answer = client.post("/cases/zh", json={"submitted": "2026-09-28"})
    assert answer.json()["detail"][0]["type"] == "missing"  # pydantic's own errors kept


@pytest.mark.parametrize("name", list(results()))
def test_each_result_returned_as_it_is_serialises_to_its_record(
    client: TestClient, name: str
) -> None:
    answer = client.get(f"/results/{name}")
    assert answer.status_code == 200, answer.text
    made = results()[name][1]()
    assert answer.json() == made.to_record().model_dump(mode="json")  # type: ignore[attr-defined]


def test_a_stored_result_round_trips(client: TestClient) -> None:
    first = client.get("/results/deadline").json()
    assert client.put("/stored/a", json=first).json() == first
    assert client.get("/stored/a").json() == first
    # and what came back is the library's own record of the result
    record = gd.DeadlineRecord.model_validate(client.get("/stored/a").json())
    assert record == gd.due("ogi.reply", D(2026, 9, 28)).to_record()


def test_the_openapi_schema_describes_results_by_their_records(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    names = set(schema["components"]["schemas"])
    assert {"DeadlineRecord", "CaseVerdictRecord", "OccurrenceRecord", "DayRecord"} <= names


def test_an_audit_summary_serialises_too() -> None:
    rows = list(audit_cases([Case(channel="当面", submitted=D(2026, 9, 28))], as_of=AS_OF))
    summary = write_jsonl(rows, io.StringIO())
    app = FastAPI()
    app.get("/summary", response_model=type(summary))(lambda: summary)
    assert TestClient(app).get("/summary").json() == summary.to_record().model_dump(mode="json")
