"""A compiled snapshot of the bundled data, so that a one-shot command starts fast.

The TOML files under ``data/`` are the source a reviewer reads and edits. This module
validates all of them with pydantic — exactly as a user's rule file is validated — and
writes the result to ``data/snapshot.json`` together with the SHA-256 of every source file
(``python -m gov_deadlines.snapshot``; a test fails when the snapshot is stale).

At load time :func:`load` compares those hashes with the files on disk. When every file is
the one that was validated, the content is rebuilt as the catalogue's plain objects —
no second validation, and no pydantic import at all (about 60 ms of every start).
When any file differs (an installed file edited by hand), :func:`load` returns ``None`` and
the callers validate the TOML files as usual. The snapshot therefore never stands in for
data it was not built from.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gov_deadlines.bundled import data_path, list_data, read_data

if TYPE_CHECKING:
    from gov_deadlines.calendar.notice import Erratum, Notice
    from gov_deadlines.catalogue.policies import Policy
    from gov_deadlines.catalogue.store import Event, RuleSet

SNAPSHOT = ("snapshot.json",)
FORMAT = 1


def _sources() -> list[tuple[str, ...]]:
    rules = [("rules", name) for name in list_data("rules") if name.endswith(".toml")]
    return [*rules, ("calendar", "notices.toml"), ("policies.toml",)]


def _hashes() -> dict[str, str]:
    return {"/".join(parts): hashlib.sha256(read_data(*parts)).hexdigest() for parts in _sources()}


def build() -> str:
    """Validate every bundled file and return the snapshot's text."""
    from gov_deadlines.calendar.schema import ErratumSpec, NoticeSpec
    from gov_deadlines.catalogue.schema import EventFile, PolicyFile, validate_rule_file

    rules: dict[str, Any] = {}
    events: list[Any] = []
    for name in list_data("rules"):
        if not name.endswith(".toml"):
            continue
        data = tomllib.loads(read_data("rules", name).decode("utf-8"))
        if name == "events.toml":
            events = EventFile.model_validate(data).model_dump(mode="json")["event"]
        else:
            rules[name] = validate_rule_file(data, f"data/rules/{name}").model_dump(mode="json")
    raw = tomllib.loads(read_data("calendar", "notices.toml").decode("utf-8"))
    notices = [NoticeSpec.model_validate(n).model_dump(mode="json") for n in raw.get("notice", [])]
    errata = [ErratumSpec.model_validate(e).model_dump(mode="json") for e in raw.get("erratum", [])]
    raw_policies = tomllib.loads(read_data("policies.toml").decode("utf-8"))
    policies = PolicyFile.model_validate(raw_policies).model_dump(mode="json")["policy"]
    payload = {
        "format": FORMAT,
        "policies": policies,
        "hashes": _hashes(),
        "rules": rules,
        "events": events,
        "notices": notices,
        "errata": errata,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _load_payload() -> dict[str, Any] | None:
    try:
        payload: dict[str, Any] = json.loads(read_data(*SNAPSHOT))
    except (OSError, ValueError):
        return None
    if payload.get("format") != FORMAT or payload.get("hashes") != _hashes():
        return None
    return payload


def load_catalogue_parts() -> tuple[list[RuleSet], list[str], list[Event]] | None:
    """The bundled rule files (with their origins) and events, or ``None`` if stale."""
    bundle = load_catalogue_bundle()
    return None if bundle is None else bundle[:3]


def load_catalogue_bundle() -> (
    tuple[list[RuleSet], list[str], list[Event], list[Policy]] | None
):
    """The rule files, their origins, the events and the policies, read from one parse."""
    from gov_deadlines.catalogue.policies import policy_from_dict
    from gov_deadlines.catalogue.store import events_from_dict, rule_set_from_dict

    payload = _load_payload()
    if payload is None:
        return None
    names = sorted(payload["rules"])
    files = [rule_set_from_dict(payload["rules"][name]) for name in names]
    events = [events_from_dict(event) for event in payload["events"]]
    policies = [policy_from_dict(item) for item in payload["policies"]]
    return files, [f"data/rules/{name}" for name in names], events, policies


def load_notices() -> tuple[list[Notice], list[Erratum]] | None:
    """The calendar notices and errata, or ``None`` if the snapshot is stale."""
    from gov_deadlines.calendar.notice import erratum_from_dict, notice_from_dict

    payload = _load_payload()
    if payload is None:
        return None
    notices = [notice_from_dict(item) for item in payload["notices"]]
    errata = [erratum_from_dict(item) for item in payload["errata"]]
    return notices, errata


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``data/snapshot.json`` (``--check``: exit 1 if it is stale, write nothing)."""
    args = list(sys.argv[1:] if argv is None else argv)
    text = build()
    path = data_path(*SNAPSHOT)
    try:
        with open(path, encoding="utf-8") as handle:
            current = handle.read()
    except OSError:
        current = None
    if current == text:
        return 0
    if "--check" in args:
        sys.stderr.write(f"stale: {path} (run python -m gov_deadlines.snapshot)\n")
        return 1
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    sys.stdout.write(f"wrote: {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
