"""A period kept in a pydantic field comes back as the same period (issue 16)."""

from __future__ import annotations

import json
from typing import Annotated

import pytest
from hypothesis import given
from pydantic import BaseModel, TypeAdapter, ValidationError

import gov_deadlines as gd
from gov_deadlines.counting.conventions import convention_for
from gov_deadlines.counting.periods import PERIOD_TYPES, UNITS
from gov_deadlines.testing import periods


class Stored(BaseModel):
    period: gd.Period


class Typed(BaseModel):
    hours: gd.Hours
    maybe: gd.WorkingDays | gd.CalendarDays | None = None


@given(periods())
def test_every_period_round_trips_through_json_as_itself(period: gd.Period) -> None:
    stored = Stored(period=period)
    back = Stored.model_validate_json(stored.model_dump_json())
    assert back.period == period
    assert type(back.period) is type(period)


@given(periods())
def test_every_period_round_trips_through_python_dumps_and_its_text(period: gd.Period) -> None:
    assert Stored.model_validate(Stored(period=period).model_dump()).period == period
    text = period.text("zh")
    if isinstance(period, gd.FixedDate) and period.year is not None and period.year < 1000:
        return  # the text grammar reads four-digit years only ("1年1月底前" is not read)
    assert Stored(period=text).period == period


@given(periods())
def test_a_period_type_as_its_own_field_round_trips_too(period: gd.Period) -> None:
    adapter: TypeAdapter[object] = TypeAdapter(type(period))
    assert adapter.validate_json(adapter.dump_json(period)) == period


def test_hours_and_calendar_days_no_longer_come_back_as_working_days() -> None:
    # the reported bug: an untagged {"n": 48} was read as the union's first member
    for period in (gd.Hours(48), gd.CalendarDays(30), gd.Months(3), gd.MinimumDuration(10)):
        dumped = Stored(period=period).model_dump(mode="json")["period"]
        assert dumped["unit"] == UNITS[type(period)]
        assert Stored.model_validate({"period": dumped}).period == period


def test_the_tagged_json_form_is_the_convention_unit_with_the_fields() -> None:
    assert json.loads(Stored(period=gd.Hours(48)).model_dump_json()) == {
        "period": {"unit": "hours", "n": 48}
    }
    assert Stored(period="每年7月底前").model_dump(mode="json")["period"] == {
        "unit": "fixed_date",
        "month": 7,
        "day": None,
        "year": None,
        "every_year": True,
    }
    for kind in PERIOD_TYPES:
        assert UNITS[kind] == convention_for(kind(7)).unit.value


def test_chinese_text_is_read_on_input() -> None:
    assert Stored(period="20个工作日").period == gd.WorkingDays(20)
    assert Stored(period="48小时").period == gd.Hours(48)
    assert Stored.model_validate_json('{"period": "30日"}').period == gd.CalendarDays(30)


def test_a_period_without_its_unit_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValidationError) as caught:
        Stored.model_validate_json('{"period": {"n": 48}}')
    error = caught.value.errors()[0]
    assert error["loc"] == ("period",)
    assert error["type"] == "period_value"
    assert "单位" in error["msg"] and "unit" in error["ctx"]["en"]


def test_an_ambiguous_text_is_refused_with_both_readings_in_the_chosen_language() -> None:
    with pytest.raises(ValidationError) as caught:
        Stored.model_validate({"period": "15日前"}, context={"lang": "en"})
    error = caught.value.errors()[0]
    assert error["type"] == "period_parse"
    assert "ambiguous" in error["msg"]
    assert "有两种读法" in error["ctx"]["zh"]


def test_a_field_of_one_period_type_refuses_another_type_naming_both() -> None:
    with pytest.raises(ValidationError) as caught:
        Typed(hours="20个工作日")
    error = caught.value.errors()[0]
    assert error["loc"] == ("hours",)
    assert "hours" in error["ctx"]["en"] and "working_days" in error["ctx"]["en"]
    assert Typed(hours="48h", maybe="30天").maybe == gd.CalendarDays(30)
    assert Typed(hours="48h", maybe="3个工作日").maybe == gd.WorkingDays(3)


@pytest.mark.parametrize(
    "bad",
    [{"unit": "hours", "n": 0}, {"unit": "hours"}, {"unit": "hours", "n": 4, "days": 2}, 5, None],
)
def test_a_bad_tagged_value_is_a_validation_error_at_the_field(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Stored.model_validate({"period": bad})
    assert caught.value.errors()[0]["loc"] == ("period",)


def test_the_json_schema_lists_the_tagged_forms_and_the_text() -> None:
    schema = json.dumps(Stored.model_json_schema())
    for unit in UNITS.values():
        assert f'"const": "{unit}"' in schema
    assert '"type": "string"' in schema


def test_an_annotated_period_keeps_its_other_metadata() -> None:
    class Described(BaseModel):
        period: Annotated[gd.Period, "a note"]

    assert Described(period="3年").period == gd.Years(3)
