"""Every public result type and every record speaks the vocabulary of docs/vocabulary.md."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from gov_deadlines.outputs.schemas import RECORD_TYPES
from gov_deadlines.vocabulary import RESULT_TYPES

DOC = Path(__file__).resolve().parents[2] / "docs" / "vocabulary.md"
SYNONYMS = {"due", "done", "late_by", "late_days", "late_workdays", "remaining", "receipt"}


def table() -> dict[str, tuple[str, set[str]]]:
    """name -> (type, the types it appears on), from the doc's table."""
    rows: dict[str, tuple[str, set[str]]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or not cells[1].startswith("`"):
            continue
        name, kind = cells[1].strip("`"), cells[2].strip("`")
        rows[name] = (kind, {t.strip() for t in cells[3].split(",")})
    return rows


TABLE = table()


def result_type(dotted: str) -> type:
    module, _, name = dotted.rpartition(".")
    found = getattr(importlib.import_module(module), name)
    assert isinstance(found, type)
    return found


def members(cls: type) -> dict[str, str]:
    """Public fields, declared attributes and properties of a result type, with their
    annotations as written."""
    found: dict[str, str] = {}
    if dataclasses.is_dataclass(cls):
        for f in dataclasses.fields(cls):
            found[f.name] = str(f.type)
    for klass in reversed(cls.__mro__):
        for name, annotation in vars(klass).get("__annotations__", {}).items():
            if not name.startswith("_"):
                found.setdefault(name, str(annotation))
    for name, value in inspect.getmembers(cls):
        if isinstance(value, property) and not name.startswith("_") and value.fget is not None:
            found[name] = str(value.fget.__annotations__.get("return", ""))
    return found


def base_type(annotation: str) -> str:
    """``dt.date | None`` -> ``date``; ``Status`` -> ``Status``."""
    parts = [p.strip() for p in annotation.split("|") if p.strip() != "None"]
    return " | ".join(re.sub(r"^(dt|datetime)\.", "", p) for p in parts)


def test_the_table_names_the_shared_concepts() -> None:
    assert {"due_date", "due_at", "done_on", "done_at", "status", "late_by_days"} <= set(TABLE)
    assert {"late_by_workdays", "remaining_workdays", "provisional"} <= set(TABLE)


@pytest.mark.parametrize("dotted", RESULT_TYPES)
def test_a_result_type_uses_the_tables_names_and_types(dotted: str) -> None:
    cls = result_type(dotted)
    found = members(cls)
    assert not SYNONYMS & set(found), f"{cls.__name__}: synonyms {SYNONYMS & set(found)}"
    for name, annotation in found.items():
        if name in TABLE:
            kind, on = TABLE[name]
            assert base_type(annotation) == kind, (cls.__name__, name, annotation)
            assert cls.__name__ in on, f"docs/vocabulary.md: add {cls.__name__} to {name}"
    for name, (_, on) in TABLE.items():
        if cls.__name__ in on and name != "lang":
            assert name in found, f"{cls.__name__} lacks {name} (the table says it has it)"


@pytest.mark.parametrize("dotted", RESULT_TYPES)
def test_a_plain_result_types_attributes_are_all_declared(dotted: str) -> None:
    # An attribute set only in __init__ would escape the table: each must be declared.
    cls = result_type(dotted)
    if dataclasses.is_dataclass(cls):
        return
    try:
        instance = cls()
    except TypeError:
        pytest.skip(f"{cls.__name__} needs arguments")
    undeclared = {n for n in vars(instance) if not n.startswith("_")} - set(members(cls))
    assert not undeclared, f"{cls.__name__}: declare {undeclared} in the class body"


def test_the_audit_summary_counts_its_provisional_rows_under_another_name() -> None:
    # provisional is a bool on every result; the audit summary's count is provisional_rows.
    from gov_deadlines.outputs import IcsSummary, Summary, WriteSummary

    for cls in (Summary, WriteSummary, IcsSummary):
        found = members(cls)
        assert "provisional" not in found and base_type(found["provisional_rows"]) == "int"


@pytest.mark.parametrize("dotted", RESULT_TYPES)
def test_every_result_type_has_to_record(dotted: str) -> None:
    cls = result_type(dotted)
    method = getattr(cls, "to_record", None)
    assert callable(method), f"{cls.__name__} has no to_record()"
    parameters = inspect.signature(method).parameters
    assert list(parameters)[:2] == ["self", "lang"] and "explanation" in parameters


def keys(model: type[BaseModel]) -> set[str]:
    found = set(model.model_fields)
    for field in model.model_fields.values():
        for inner in re.findall(r"\w+Record", str(field.annotation)):
            if inner in RECORD_TYPES:
                found |= keys(RECORD_TYPES[inner])
    return found


@pytest.mark.parametrize("name", sorted(RECORD_TYPES))
def test_no_record_key_is_a_synonym(name: str) -> None:
    assert not SYNONYMS & keys(RECORD_TYPES[name])


def test_a_synonym_would_be_caught() -> None:
    @dataclasses.dataclass
    class Wrong:
        due: int
        late_by_days: str

    assert SYNONYMS & set(members(Wrong)) == {"due"}
    assert base_type(members(Wrong)["late_by_days"]) != TABLE["late_by_days"][0]


def test_a_count_named_provisional_would_be_caught() -> None:
    # The audit summary once counted its provisional rows as ``provisional: int``.
    class Counts:
        provisional: int

        def __init__(self) -> None:
            self.provisional = 0

    assert base_type(members(Counts)["provisional"]) != TABLE["provisional"][0]
