"""The ``--json`` output: due/add validate against ``docs/cli-schema.json`` (generated from
the pydantic record models, and kept current here); every command prints one JSON object
whose top-level keys are the same whatever ``--lang``; errors are JSON too."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import jsonschema
import pytest

from _cli import COMMANDS, ERROR_KEYS, JSON_KEYS, ROOT, run_main, run_program
from gov_deadlines.counting.records import DeadlineRecord

SCHEMA_FILE = ROOT / "docs" / "cli-schema.json"
REGENERATE = (
    'python -c "import json; from gov_deadlines.counting.records import DeadlineRecord; '
    'print(json.dumps(DeadlineRecord.model_json_schema(), ensure_ascii=False, indent=2))" '
    "> docs/cli-schema.json"
)


def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def validate(payload: object) -> None:
    validator = jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(payload)


def test_the_schema_file_is_the_schema_of_the_record_models() -> None:
    assert schema() == DeadlineRecord.model_json_schema(), f"regenerate it: {REGENERATE}"


def test_the_schema_file_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


DUE_AND_ADD = [
    ["due", "ogi.reply", "2026-09-28"],
    ["due", "ogi.reply", "2026-09-28", "--done", "2026-11-02"],
    ["due", "ogi.reply", "2026-09-28", "--done", "2026-10-20 16:00"],
    ["due", "ogi.reply", "2026-12-20", "--provisional"],
    ["due", "ogi.annual-report", "2026"],
    ["due", "bz-2017.opinion-response", "2026-10-01 09:30"],
    ["add", "2026-09-30", "20个工作日"],
    ["add", "2024年9月13日", "1个工作日"],
    ["add", "2018-04-26", "30日"],
    ["add", "2026-10-01 09:30", "48小时"],
    ["add", "2026-01-01", "7月底前"],
    ["add", "2026-01-01", "不少于10天", "--posting-day-counts"],
    ["add", "2026-09-28", "10个工作日", "--cutoff", "17:00"],
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("argv", DUE_AND_ADD, ids=" ".join)
def test_due_and_add_print_a_record_valid_against_the_schema(argv: list[str], lang: str) -> None:
    result = run_main(*argv, "--json", "--lang", lang)
    assert result.code in (0, 1), result
    payload = result.json()
    validate(payload)
    assert set(payload) == set(schema()["properties"])
    record = DeadlineRecord.model_validate(payload)
    assert dt.date.fromisoformat(payload["due_date"]) == record.due_date
    assert record.due_at.utcoffset() == dt.timedelta(hours=8)
    assert (payload["verdict"] is not None) == ("--done" in argv)


def test_due_and_add_records_differ_between_languages_only_in_their_text() -> None:
    for argv in DUE_AND_ADD:
        zh = run_main(*argv, "--json").json()
        en = run_main(*argv, "--json", "--lang", "en").json()
        assert zh["explanation"] != en["explanation"]
        for payload in (zh, en):
            payload.pop("explanation")
            if payload["verdict"] is not None:
                payload["verdict"].pop("summary")
        assert zh == en, argv


def test_the_json_of_a_check_carries_the_verdict() -> None:
    late = run_main("due", "ogi.reply", "2026-09-28", "--done", "2026-11-02", "--json")
    assert late.code == 1
    verdict = late.json()["verdict"]
    assert verdict["on_time"] is False
    assert verdict["late_by_days"] == 3
    assert verdict["late_by_workdays"] == 1
    on_time = run_main("due", "ogi.reply", "2026-09-28", "--done", "2026-10-20", "--json")
    assert on_time.code == 0
    assert on_time.json()["verdict"]["on_time"] is True


def rule_keys() -> frozenset[str]:
    import dataclasses

    from gov_deadlines.catalogue import Rule

    return frozenset(f.name for f in dataclasses.fields(Rule) if f.init)


def expected_keys(command: str) -> frozenset[str]:
    return rule_keys() if command == "rule" else JSON_KEYS[command]


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_prints_one_object_with_the_same_keys_in_both_languages(
    command: str,
) -> None:
    keys = []
    for lang in ("zh", "en"):
        result = run_main(*COMMANDS[command], "--json", "--lang", lang)
        assert result.code == 0, result
        payload = result.json()
        assert isinstance(payload, dict)
        keys.append(frozenset(payload))
    assert keys[0] == keys[1] == expected_keys(command)


def test_the_events_list_in_json_has_one_key() -> None:
    payload = run_main("events", "--json").json()
    assert set(payload) == {"events"}
    assert {"id", "zh", "en"} <= set(payload["events"][0])


def test_nested_json_keys_do_not_depend_on_the_language() -> None:
    def shape(value: object) -> object:
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(v) for v in value[:1]]
        return type(value).__name__

    for argv in COMMANDS.values():
        zh = run_main(*argv, "--json").json()
        en = run_main(*argv, "--json", "--lang", "en").json()
        assert shape(zh) == shape(en), argv


BAD = [
    ["due", "ogi.reply", "2026-13-45"],
    ["due", "no-such-rule", "2026-01-01"],
    ["due", "ogi.reply", "2026-12-20"],
    ["add", "2026-09-30", "foo"],
    ["between", "2026-09-30"],
    ["cal", "2026-13"],
    ["rules", "--kind", "nonsense"],
    ["rule", "nope"],
    ["events", "document-issued"],
    ["frob"],
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("argv", BAD, ids=" ".join)
def test_an_error_with_json_is_an_object_with_its_type_and_message(
    argv: list[str], lang: str
) -> None:
    result = run_main(*argv, "--json", "--lang", lang)
    assert result.code == 2, result
    payload = result.json()
    assert set(payload) == ERROR_KEYS
    assert set(payload["error"]) == {"type", "message"}
    assert payload["error"]["message"] in result.err


def test_the_program_prints_the_same_json_as_in_process() -> None:
    argv = ["due", "ogi.reply", "2026-09-28", "--json"]
    outside = run_program(*argv, via="script")
    assert outside.code == 0, outside
    validate(outside.json())
    assert outside.json() == run_main(*argv).json()
