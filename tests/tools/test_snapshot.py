"""The compiled snapshot of the bundled data: current, equal to validating the TOML, never stale."""

from __future__ import annotations

import datetime as dt
import tomllib
from typing import Any

import pytest
import tools.build_snapshot as snapshot
from tools.build_snapshot import build

import gov_deadlines.bundled as bundled
from gov_deadlines.bundled import SNAPSHOT, data_path, read_data, snapshot_payload
from gov_deadlines.calendar.notice import erratum_from_dict, notice_from_dict
from gov_deadlines.catalogue import Catalogue, RuleSet, default_catalogue
from gov_deadlines.catalogue.model import events_from_dict, rule_set_from_dict
from gov_deadlines.catalogue.schema import parse_event_file, parse_rule_file


def _payload() -> Any:
    payload = snapshot_payload()
    assert payload is not None, "run: python -m tools.build_snapshot"
    return payload


def _rule_files() -> tuple[list[RuleSet], list[str]]:
    """The rule files decoded from the snapshot, with their origins, as the catalogue does."""
    payload = _payload()
    names = sorted(payload["rules"])
    files = [rule_set_from_dict(payload["rules"][name]) for name in names]
    return files, [f"data/rules/{name}" for name in names]


def test_the_committed_snapshot_is_what_validating_the_toml_files_gives_now() -> None:
    with open(data_path(*SNAPSHOT), encoding="utf-8") as handle:
        assert handle.read() == build(), "run: python -m tools.build_snapshot"


def test_the_main_entry_point_reports_a_current_snapshot_with_exit_0() -> None:
    assert snapshot.main(["--check"]) == 0


def test_rules_rebuilt_from_the_snapshot_equal_the_validated_rules() -> None:
    files, origins = _rule_files()
    for file, origin in zip(files, origins, strict=True):
        name = origin.rsplit("/", 1)[-1]
        raw = tomllib.loads(read_data("rules", name).decode("utf-8"))
        validated = parse_rule_file(raw, origin)
        assert file == validated
        for a, b in zip(file.rule, validated.rule, strict=True):
            assert a.typed_period == b.typed_period
            assert a.max_extension == b.max_extension
            assert a.source == b.source
    events = [events_from_dict(item) for item in _payload()["events"]]
    raw_events = tomllib.loads(read_data("rules", "events.toml").decode("utf-8"))
    assert events == parse_event_file(raw_events)


def test_the_default_catalogue_holds_the_rule_files_of_the_snapshot() -> None:
    files, _ = _rule_files()
    assert list(default_catalogue().files()) == files


def test_notices_rebuilt_from_the_snapshot_keep_their_dates() -> None:
    payload = _payload()
    notices = [notice_from_dict(item) for item in payload["notices"]]
    errata = [erratum_from_dict(item) for item in payload["errata"]]
    assert {n.year for n in notices} == set(range(2004, 2027))
    assert all(isinstance(n.published, dt.date) for n in notices if n.published)
    assert errata[0].date == dt.date(2005, 12, 31)


def test_the_snapshot_reader_hands_out_a_payload_its_owners_cannot_change() -> None:
    with pytest.raises(TypeError):
        _payload()["rules"] = {}  # type: ignore[index]


def test_a_source_file_that_differs_from_the_snapshot_makes_the_loaders_validate_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = bundled.read_data

    def edited(*parts: str) -> bytes:
        data = real(*parts)
        return data + b"\n# edited by hand\n" if parts == ("rules", "bz-2017.toml") else data

    monkeypatch.setattr(bundled, "read_data", edited)
    snapshot_payload.cache_clear()
    try:
        assert snapshot_payload() is None
    finally:
        monkeypatch.undo()
        snapshot_payload.cache_clear()
    assert snapshot_payload() is not None


def test_a_catalogue_built_from_the_snapshot_answers_like_one_built_from_the_toml() -> None:
    files, origins = _rule_files()
    events = [events_from_dict(item) for item in _payload()["events"]]
    from_snapshot = Catalogue(files, events, origins=origins)
    validated = []
    for origin in origins:
        name = origin.rsplit("/", 1)[-1]
        raw = tomllib.loads(read_data("rules", name).decode("utf-8"))
        validated.append(parse_rule_file(raw, origin))
    from_toml = Catalogue(validated, events, origins=origins)
    assert [r.id for r in from_snapshot.rules()] == [r.id for r in from_toml.rules()]
    assert from_snapshot.families.keys() == from_toml.families.keys()
