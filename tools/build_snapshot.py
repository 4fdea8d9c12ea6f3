"""The builder of the compiled snapshot of the bundled data (``data/snapshot.json``).

The TOML files under ``data/`` are the source a reviewer reads and edits. This tool
validates all of them with pydantic — exactly as a user's rule file is validated — and
writes the result to ``data/snapshot.json`` together with the SHA-256 of every source file
(``python -m tools.build_snapshot``; ``--check`` exits 1 if it is stale, and
``tests/tools/test_snapshot.py`` fails then).

The reader is :func:`gov_deadlines.bundled.snapshot_payload`: it compares those hashes with
the files on disk and hands the JSON to its owners (the catalogue, the calendar), who decode
their part as plain objects — no second validation, and no pydantic import at all (about
60 ms of every start). When any file differs it returns ``None`` and the owners validate the
TOML files as usual, so the snapshot never stands in for data it was not built from.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections.abc import Sequence
from typing import Any

from gov_deadlines.bundled import FORMAT, SNAPSHOT, data_path, list_data, read_data, source_hashes
from gov_deadlines.calendar.schema import ErratumSpec, NoticeSpec
from gov_deadlines.catalogue.schema import EventFile, PolicyFile, validate_rule_file

__all__ = ["build", "main"]


def build() -> str:
    """Validate every bundled file and return the snapshot's text."""
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
        "hashes": source_hashes(),
        "rules": rules,
        "events": events,
        "notices": notices,
        "errata": errata,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


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
        sys.stderr.write(f"stale: {path} (run python -m tools.build_snapshot)\n")
        return 1
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    sys.stdout.write(f"wrote: {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
