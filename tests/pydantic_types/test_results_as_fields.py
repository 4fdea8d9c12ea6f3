"""Every result type is a pydantic type whose JSON is its record (one serialiser)."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

import gov_deadlines as gd
from gov_deadlines.vocabulary import RESULT_TYPES, Recorded, record_type


def result_type(dotted: str) -> type:
    module, _, name = dotted.rpartition(".")
    found = getattr(importlib.import_module(module), name)
    assert isinstance(found, type)
    return found


@pytest.mark.parametrize("dotted", RESULT_TYPES)
def test_a_result_types_json_schema_is_its_records(dotted: str) -> None:
    cls = result_type(dotted)
    assert issubclass(cls, Recorded)
    record = record_type(cls)
    written = cls.to_record.__annotations__["return"]  # type: ignore[attr-defined]
    names = {getattr(t, "__name__", "") for t in getattr(record, "__args__", (record,))}
    assert names == {part.strip() for part in written.split("|")}
    assert TypeAdapter(cls).json_schema(mode="serialization") == TypeAdapter(record).json_schema(
        mode="serialization"
    )


@pytest.mark.parametrize("dotted", RESULT_TYPES)
def test_a_result_is_not_rebuilt_from_json_and_the_error_names_its_record(dotted: str) -> None:
    cls = result_type(dotted)
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(cls).validate_json("{}")
    error = caught.value.errors()[0]
    assert error["type"] == "result_from_json"
    assert str(error["ctx"]["record"]).endswith("Record")


def test_a_field_holding_a_deadline_dumps_its_record_in_the_language_asked_for() -> None:
    class Holder(BaseModel):
        deadline: gd.Deadline

    holder = Holder(deadline=gd.due("ogi.reply", dt.date(2026, 9, 28)))
    assert holder.model_dump(mode="json")["deadline"] == holder.deadline.to_record().model_dump(
        mode="json"
    )
    english = holder.model_dump(mode="json", context={"lang": "en", "explanation": True})
    assert english["deadline"]["explanation"] == holder.deadline.explain_lines("en")
    with pytest.raises(ValidationError):
        Holder(deadline="2026-10-30")  # type: ignore[arg-type]
