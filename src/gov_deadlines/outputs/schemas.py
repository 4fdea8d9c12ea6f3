"""The JSON Schema of every record type, with its ``schema_version``.

Every result's ``to_record()`` returns one of :data:`RECORD_TYPES` (frozen pydantic models);
``model_dump(mode="json")`` is the documented JSON. :func:`schema_json` gives the schema of
one of them as the files in ``docs/schemas/`` and in the package
(``gov_deadlines/data/schemas/``, read with
``gov_deadlines.bundled.data_path("schemas", "<Name>.json")``) hold it; ``python -m
tools.gen_docs`` writes both and ``--check`` fails when one is stale.

:data:`SCHEMA_VERSION` goes up whenever a field of a record is renamed or removed (the
CHANGELOG says so); new optional fields keep it. This module imports pydantic: it is not
imported by :mod:`gov_deadlines.outputs` itself.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from gov_deadlines.calendar.records import DayRecord
from gov_deadlines.cases.records import (
    CaseVerdictRecord,
    DutyRecord,
    FindingRecord,
    MalformedRowRecord,
)
from gov_deadlines.catalogue.records import EventDeadlinesRecord
from gov_deadlines.counting.records import DeadlineRecord, VerdictRecord
from gov_deadlines.outputs.recheck_records import RecheckItemRecord, RecheckRecord
from gov_deadlines.outputs.records import (
    AuditSummaryRecord,
    IcsSummaryRecord,
    SupervisionRowRecord,
    WriteSummaryRecord,
)
from gov_deadlines.recurring.records import (
    LogCheckRecord,
    OccurrenceRecord,
    UnmatchedEntryRecord,
    WindowVerdictRecord,
)

__all__ = ["RECORD_TYPES", "SCHEMA_BASE", "SCHEMA_VERSION", "schema", "schema_json"]

#: The version of the records' field names (see the module docstring).
SCHEMA_VERSION = 1
SCHEMA_BASE = "https://gov-deadlines.invalid/schemas"

#: Every record type, by name: the result types' ``to_record()`` return these.
RECORD_TYPES: dict[str, type[BaseModel]] = {
    model.__name__: model
    for model in (
        DeadlineRecord,
        VerdictRecord,
        EventDeadlinesRecord,
        OccurrenceRecord,
        WindowVerdictRecord,
        UnmatchedEntryRecord,
        LogCheckRecord,
        DutyRecord,
        FindingRecord,
        CaseVerdictRecord,
        MalformedRowRecord,
        WriteSummaryRecord,
        AuditSummaryRecord,
        IcsSummaryRecord,
        SupervisionRowRecord,
        DayRecord,
        RecheckItemRecord,
        RecheckRecord,
    )
}


def schema(name: str) -> dict[str, object]:
    """The JSON Schema of the record type ``name``, with ``$id`` and ``schema_version``."""
    model = RECORD_TYPES[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}/{SCHEMA_VERSION}/{name}.json",
        "schema_version": SCHEMA_VERSION,
        **model.model_json_schema(),
    }


def schema_json(name: str) -> str:
    """:func:`schema` as the text of its file."""
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"
