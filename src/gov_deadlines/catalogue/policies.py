"""The library's policies: the readings it applies where the text it counts by is silent.

A policy is not law: it is never inside a quote or on an "依据" (source) line. Each one is
named in ``data/policies.toml`` (validated by :mod:`gov_deadlines.catalogue.schema`, listed for
readers in ``docs/policies.md``) with the reading, its basis, its default and how to switch
it; a rule names the policies that apply to it (``Rule.policies``), and an explanation names
a policy whenever it decided a date (:meth:`~gov_deadlines.catalogue.model.Policy.line`).
"""

from __future__ import annotations

import threading

from gov_deadlines.bundled import read_toml, snapshot_payload
from gov_deadlines.catalogue.model import Policy, policy_from_dict

__all__ = ["POLICY_FILE", "default_policies"]

#: The policies' file, relative to the package's data folder.
POLICY_FILE = ("policies.toml",)

_LOADED: list[tuple[Policy, ...]] = []
_LOCK = threading.Lock()


def _read() -> tuple[Policy, ...]:
    payload = snapshot_payload()
    if payload is not None:
        return tuple(policy_from_dict(item) for item in payload["policies"])
    # Imported here for cost: the pydantic schema, needed only when the snapshot is stale.
    from gov_deadlines.catalogue.schema import parse_policy_file

    raw = read_toml(*POLICY_FILE)
    return tuple(parse_policy_file(raw, "data/" + "/".join(POLICY_FILE)))


def default_policies() -> dict[str, Policy]:
    """The bundled policies by id (``data/policies.toml``), read once."""
    if not _LOADED:
        with _LOCK:
            if not _LOADED:
                _LOADED.append(_read())
    return {item.id: item for item in _LOADED[0]}
