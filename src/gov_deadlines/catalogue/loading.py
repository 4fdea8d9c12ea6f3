"""The built-in catalogue: the bundled rule files, read once per process.

From the compiled snapshot when every bundled file is the one it was built from (no
pydantic at all, which keeps a one-shot ``due`` fast), else by validating each TOML file
with :mod:`gov_deadlines.catalogue.schema` — the same validation a user's rule file gets.
"""

from __future__ import annotations

import threading

from gov_deadlines.bundled import list_data, read_toml, snapshot_payload
from gov_deadlines.catalogue.model import Event, RuleSet, events_from_dict, rule_set_from_dict
from gov_deadlines.catalogue.policies import default_policies
from gov_deadlines.catalogue.store import Catalogue
from gov_deadlines.errors import ArgumentTypeError

__all__ = ["default_catalogue"]

_DEFAULT: list[Catalogue] = []
_LOCK = threading.Lock()


def _from_snapshot() -> tuple[list[RuleSet], list[str], list[Event]] | None:
    payload = snapshot_payload()
    if payload is None:
        return None
    names = sorted(payload["rules"])
    files = [rule_set_from_dict(payload["rules"][name]) for name in names]
    events = [events_from_dict(event) for event in payload["events"]]
    return files, [f"data/rules/{name}" for name in names], events


def _from_toml() -> tuple[list[RuleSet], list[str], list[Event]]:
    # Imported here for cost: the pydantic schema, needed only when the snapshot is stale.
    from gov_deadlines.catalogue.schema import parse_event_file, parse_rule_file

    files = []
    origins = []
    events: list[Event] = []
    for file_name in list_data("rules"):
        if not file_name.endswith(".toml"):
            continue
        data = read_toml("rules", file_name)
        name = f"data/rules/{file_name}"
        if file_name == "events.toml":
            events = parse_event_file(data, name)
        else:
            files.append(parse_rule_file(data, name))
            origins.append(name)
    return files, origins, events


def catalogue_or_default(catalogue: object) -> Catalogue:
    """``catalogue``, or the built-in one for ``None``; anything else is refused with
    :class:`~gov_deadlines.errors.ArgumentTypeError`."""
    if catalogue is None:
        return default_catalogue()
    if not isinstance(catalogue, Catalogue):
        raise ArgumentTypeError("catalogue", catalogue, "a Catalogue", "规则目录(Catalogue)")
    return catalogue


def default_catalogue() -> Catalogue:
    """The built-in catalogue (the five documents and the national rules), loaded once."""
    if _DEFAULT:
        return _DEFAULT[0]
    with _LOCK:
        if not _DEFAULT:
            files, origins, events = _from_snapshot() or _from_toml()
            policies = default_policies().values()
            _DEFAULT.append(Catalogue(files, events, origins=origins, policies=policies))
        return _DEFAULT[0]
