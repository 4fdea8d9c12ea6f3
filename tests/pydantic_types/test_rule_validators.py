"""A model says "replied_on must meet ogi.reply from received_on" in one line (issue 16)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import pytest
from pydantic import BaseModel, ValidationError

import gov_deadlines as gd
from gov_deadlines.pydantic_types import Covered, CoveredDate, IsWorkingDay, MeetsRule, WorkingDay

D = dt.date


class Application(BaseModel):
    received_on: CoveredDate
    replied_on: Annotated[dt.date | None, MeetsRule("ogi.reply", trigger="received_on")] = None


class ProvisionalApplication(BaseModel):
    received_on: dt.date
    replied_on: Annotated[
        dt.date | None,
        MeetsRule("ogi.reply", trigger="received_on", provisional=True, lang="en"),
    ] = None


def errors_of(model: type[BaseModel], **data: object) -> list[dict[str, object]]:
    with pytest.raises(ValidationError) as caught:
        model(**data)
    return [dict(e) for e in caught.value.errors()]


def test_a_reply_by_the_due_date_passes_and_stays_an_official_date() -> None:
    app = Application(received_on="2026-09-28", replied_on="2026-10-30")
    assert app.replied_on == D(2026, 10, 30)
    assert not gd.is_provisional(app.replied_on)
    assert gd.provisional_fields(app) == ()


def test_a_late_reply_fails_at_its_field_with_the_due_date_and_rule_in_ctx() -> None:
    [error] = errors_of(Application, received_on="2026-09-28", replied_on="2026-11-02")
    assert error["loc"] == ("replied_on",)
    assert error["type"] == "deadline_missed"
    ctx = error["ctx"]
    assert isinstance(ctx, dict)
    assert ctx["due_date"] == gd.due("ogi.reply", D(2026, 9, 28)).due_date == D(2026, 10, 30)
    assert ctx["rule"] == "ogi-2019.reply"
    assert ctx["trigger"] == "received_on" and ctx["late_by_workdays"] == 1
    assert "2026-10-30" in str(error["msg"]) and "逾期" in str(error["msg"])
    assert "Late by" in ctx["en"]


def test_the_message_is_english_where_the_author_or_the_caller_says_so() -> None:
    [error] = errors_of(
        ProvisionalApplication, received_on="2026-09-28", replied_on="2026-11-02"
    )
    assert str(error["msg"]).startswith("replied_on 2026-11-02 does not meet ogi.reply")
    with pytest.raises(ValidationError) as caught:
        Application.model_validate(
            {"received_on": "2026-09-28", "replied_on": "2026-11-02"}, context={"lang": "en"}
        )
    assert "due by 2026-10-30" in caught.value.errors()[0]["msg"]


def test_a_trigger_whose_deadline_falls_in_2027_fails_with_the_coverage_error_type() -> None:
    [error] = errors_of(Application, received_on="2026-12-20", replied_on="2027-01-05")
    assert error["loc"] == ("replied_on",)
    assert error["type"] == "calendar_coverage"
    ctx = error["ctx"]
    assert isinstance(ctx, dict)
    assert ctx["year"] == 2027 and ctx["provisional_available"] is True
    assert ctx["coverage_last"] == D(2026, 12, 31) and ctx["rule"] == "ogi.reply"
    assert "2027" in str(error["msg"])


def test_where_the_author_chose_provisional_a_2027_reply_passes_flagged_on_the_model() -> None:
    app = ProvisionalApplication(received_on="2026-12-20", replied_on="2027-01-05")
    assert app.replied_on == D(2027, 1, 5)
    assert gd.is_provisional(app.replied_on)
    assert gd.provisional_fields(app) == ("replied_on",)
    assert app.model_dump(mode="json")["replied_on"] == "2027-01-05"
    # read back, the flag is worked out again from the calendar of the day
    again = ProvisionalApplication.model_validate_json(app.model_dump_json())
    assert gd.provisional_fields(again) == ("replied_on",)


def test_a_provisional_check_still_fails_a_late_reply_and_says_it_is_provisional() -> None:
    [error] = errors_of(
        ProvisionalApplication, received_on="2026-12-20", replied_on="2027-03-01"
    )
    ctx = error["ctx"]
    assert isinstance(ctx, dict)
    assert error["type"] == "deadline_missed" and ctx["provisional"] is True
    assert ctx["due_date"] == gd.due(
        "ogi.reply", D(2026, 12, 20), calendar=gd.default_calendar(provisional=True)
    ).due_date


def test_no_reply_yet_passes_and_a_missing_trigger_is_named_not_ignored() -> None:
    assert Application(received_on="2026-09-28").replied_on is None
    errors = errors_of(Application, replied_on="2026-10-01")
    assert [e["type"] for e in errors] == ["missing", "rule_trigger_missing"]
    assert errors[1]["loc"] == ("replied_on",)


def test_a_trigger_declared_after_the_field_is_a_loud_error_not_a_silent_pass() -> None:
    class Backwards(BaseModel):
        replied_on: Annotated[dt.date, MeetsRule("ogi.reply", trigger="received_on")]
        received_on: dt.date

    [error] = errors_of(Backwards, replied_on="2026-10-01", received_on="2026-09-28")
    assert error["type"] == "rule_trigger_missing"
    assert "declare received_on before replied_on" in error["ctx"]["en"]  # type: ignore[index]


def test_an_unknown_rule_is_refused_when_the_model_is_defined() -> None:
    with pytest.raises(gd.UnknownRuleError):

        class Wrong(BaseModel):
            received_on: dt.date
            replied_on: Annotated[dt.date, MeetsRule("ogi.rpely", trigger="received_on")]


def test_dates_are_read_in_the_libraries_forms_too() -> None:
    app = Application(received_on="2026-09-28", replied_on="2026年10月9日")
    assert app.replied_on == D(2026, 10, 9)
    assert Days(covered="2026年9月28日").covered == D(2026, 9, 28)


class Days(BaseModel):
    working: WorkingDay | None = None
    covered: CoveredDate | None = None
    maybe: Annotated[dt.date | None, Covered(provisional=True)] = None
    working_en: Annotated[dt.date | None, IsWorkingDay(lang="en")] = None


def test_a_working_day_field_refuses_a_holiday_naming_it_and_the_next_working_day() -> None:
    assert Days(working="2026-09-30").working == D(2026, 9, 30)
    [error] = errors_of(Days, working="2026-10-01")
    assert error["type"] == "not_working_day" and error["loc"] == ("working",)
    ctx = error["ctx"]
    assert isinstance(ctx, dict)
    assert ctx["kind"] == "holiday" and ctx["next_working_day"] == D(2026, 10, 8)
    assert "国庆节" in str(error["msg"])
    # a make-up Saturday is a working day
    assert Days(working="2026-10-10").working == D(2026, 10, 10)
    [error] = errors_of(Days, working_en="2026-10-03")
    assert "is not a working day" in str(error["msg"])


def test_a_covered_date_refuses_2027_and_a_provisional_one_keeps_the_flag() -> None:
    assert not gd.is_provisional(Days(covered="2026-12-31").covered)
    [error] = errors_of(Days, covered="2027-01-04")
    assert error["type"] == "calendar_coverage" and error["loc"] == ("covered",)
    days = Days(maybe="2027-01-04")
    assert gd.is_provisional(days.maybe) and gd.provisional_fields(days) == ("maybe",)
    assert not gd.is_provisional(Days(maybe="2026-01-05").maybe)
    [error] = errors_of(Days, maybe="2300-01-01")  # past the provisional years too
    assert error["type"] == "calendar_coverage"


def test_an_error_raised_in_an_endpoints_own_code_maps_to_a_validation_error() -> None:
    with pytest.raises(gd.CalendarCoverageError) as caught:
        gd.due("ogi.reply", D(2026, 12, 20))
    error = gd.validation_error(caught.value, loc=("body", "received_on"), value="2026-12-20")
    [detail] = error.errors()
    assert detail["loc"] == ("body", "received_on") and detail["type"] == "calendar_coverage"
    assert detail["ctx"]["year"] == 2027 and detail["input"] == "2026-12-20"
    assert "2027" in detail["msg"]


def test_past_the_provisional_years_the_refusal_does_not_offer_a_provisional_answer() -> None:
    [error] = errors_of(Days, maybe="2300-01-01")
    ctx = error["ctx"]
    assert isinstance(ctx, dict)
    assert ctx["provisional_available"] is False
    assert "--provisional" not in str(error["msg"])


def test_a_marker_with_an_unknown_language_is_refused_when_it_is_made() -> None:
    with pytest.raises(gd.UnknownLanguageError):
        MeetsRule("ogi.reply", trigger="received_on", lang="fr")  # type: ignore[arg-type]
    with pytest.raises(gd.UnknownLanguageError):
        Covered(lang="de")  # type: ignore[arg-type]


def test_in_language_turns_every_translated_message_of_a_model_into_one_language() -> None:
    from pydantic import TypeAdapter

    english = TypeAdapter(Annotated[Application, gd.InLanguage("en")])
    with pytest.raises(ValidationError) as caught:
        english.validate_python({"received_on": "2027-01-04", "replied_on": "2026-11-02"})
    errors = caught.value.errors()
    assert [e["type"] for e in errors] == ["calendar_coverage", "rule_trigger_missing"]
    assert errors[0]["msg"].startswith("no official holiday arrangement is loaded for 2027")
    assert errors[1]["msg"].startswith("replied_on cannot be checked against ogi.reply")
    assert errors[0]["ctx"]["year"] == 2027 and errors[0]["loc"] == ("received_on",)
    with pytest.raises(gd.UnknownLanguageError):
        gd.InLanguage("fr")  # type: ignore[arg-type]


def test_a_reply_before_the_receipt_fails_as_out_of_order_not_as_on_time() -> None:
    # It passed: 2026-02-01 is "by" the due date 2026-03-30, and the verdict's doubt (done
    # before the trigger) was dropped; `Case` refuses such a reply.
    [error] = errors_of(Application, received_on="2026-03-02", replied_on="2026-02-01")
    assert error["loc"] == ("replied_on",) and error["type"] == "date_before_trigger"
    ctx = error["ctx"]
    assert isinstance(ctx, dict) and ctx["trigger_date"] == D(2026, 3, 2)
    assert "日期先后顺序有误" in str(error["msg"]) and "out of order" in ctx["en"]
    # A reply on the day of receipt, even a rest day the policy moves, is on time.
    assert Application(received_on="2026-03-07", replied_on="2026-03-07").replied_on
