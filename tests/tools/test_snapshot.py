"""The compiled snapshot of the bundled data: current, equal to validating the TOML, never stale."""

from __future__ import annotations

import datetime as dt

import pytest

import gov_deadlines.snapshot as snapshot
from gov_deadlines.catalogue.schema import parse_event_file, parse_rule_file
from gov_deadlines.catalogue.store import Catalogue
from gov_deadlines.snapshot import build, load_catalogue_parts, load_notices


def test_the_committed_snapshot_is_what_validating_the_toml_files_gives_now() -> None:
    with open(snapshot.data_path(*snapshot.SNAPSHOT), encoding="utf-8") as handle:
        assert handle.read() == build(), "run: python -m gov_deadlines.snapshot"


def test_the_main_entry_point_reports_a_current_snapshot_with_exit_0() -> None:
    assert snapshot.main(["--check"]) == 0


def test_rules_rebuilt_from_the_snapshot_equal_the_validated_rules() -> None:
    import tomllib

    parts = load_catalogue_parts()
    assert parts is not None
    files, origins, events = parts
    for file, origin in zip(files, origins, strict=True):
        name = origin.rsplit("/", 1)[-1]
        raw = tomllib.loads(snapshot.read_data("rules", name).decode("utf-8"))
        validated = parse_rule_file(raw, origin)
        assert file == validated
        for a, b in zip(file.rule, validated.rule, strict=True):
            assert a.typed_period == b.typed_period
            assert a.max_extension == b.max_extension
            assert a.source == b.source
    raw_events = tomllib.loads(snapshot.read_data("rules", "events.toml").decode("utf-8"))
    assert events == parse_event_file(raw_events)


def test_notices_rebuilt_from_the_snapshot_keep_their_dates() -> None:
    loaded = load_notices()
    assert loaded is not None
    notices, errata = loaded
    assert {n.year for n in notices} == set(range(2004, 2027))
    assert all(isinstance(n.published, dt.date) for n in notices if n.published)
    assert errata[0].date == dt.date(2005, 12, 31)


def test_a_source_file_that_differs_from_the_snapshot_makes_the_loaders_validate_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = snapshot.read_data

    def edited(*parts: str) -> bytes:
        data = real(*parts)
        return data + b"\n# edited by hand\n" if parts == ("rules", "bz-2017.toml") else data

    monkeypatch.setattr(snapshot, "read_data", edited)
    assert load_catalogue_parts() is None
    assert load_notices() is None


def test_a_catalogue_built_from_the_snapshot_answers_like_one_built_from_the_toml() -> None:
    import tomllib

    parts = load_catalogue_parts()
    assert parts is not None
    from_snapshot = Catalogue(parts[0], parts[2], origins=parts[1])
    files = []
    for origin in parts[1]:
        name = origin.rsplit("/", 1)[-1]
        raw = tomllib.loads(snapshot.read_data("rules", name).decode("utf-8"))
        files.append(parse_rule_file(raw, origin))
    from_toml = Catalogue(files, parts[2], origins=parts[1])
    assert [r.id for r in from_snapshot.rules()] == [r.id for r in from_toml.rules()]
    assert from_snapshot.families.keys() == from_toml.families.keys()
