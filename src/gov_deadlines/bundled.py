"""Reading the package's bundled data files.

A plain path next to this module: ``importlib.resources`` would cost ~15 ms of imports on
every start of the command line, and the package is never run from a zip. Also the reader
of the compiled snapshot of that data (:func:`snapshot_payload`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

__all__ = [
    "FORMAT",
    "SNAPSHOT",
    "data_path",
    "list_data",
    "read_data",
    "read_toml",
    "snapshot_payload",
    "snapshot_sources",
    "source_hashes",
]

_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_path(*parts: str) -> str:
    """The path of a bundled data file, e.g. ``data_path("rules", "bz-2017.toml")``."""
    return os.path.join(_ROOT, *parts)


def read_data(*parts: str) -> bytes:
    """The bytes of a bundled data file."""
    with open(data_path(*parts), "rb") as handle:
        return handle.read()


def read_toml(*parts: str) -> dict[str, Any]:
    """The data of a bundled TOML file (read where the snapshot cannot stand in for it)."""
    # Imported here: a start-up that reads the snapshot parses no TOML, and tomllib (with
    # the patterns it compiles on import) would add ~2-3 ms to every start.
    import tomllib

    return tomllib.loads(read_data(*parts).decode("utf-8"))


def list_data(folder: str) -> list[str]:
    """The file names in a bundled data folder, sorted."""
    return sorted(os.listdir(data_path(folder)))


# -- the compiled snapshot (data/snapshot.json) ---------------------------------------------
#
# ``python -m tools.build_snapshot`` validates every source file below with pydantic and
# writes their content, with each file's SHA-256, to ``data/snapshot.json``. The reader here
# knows no domain type: it hands back the JSON, and each owner decodes its own part (the
# catalogue its rules, events and policies; the calendar its notices and errata).

#: The snapshot's file, relative to the data folder.
SNAPSHOT = ("snapshot.json",)
#: The snapshot's format; a snapshot of another format is ignored (read as stale).
FORMAT = 1


def snapshot_sources() -> list[tuple[str, ...]]:
    """The data files the snapshot is built from, each as path parts under ``data/``."""
    rules = [("rules", name) for name in list_data("rules") if name.endswith(".toml")]
    # The statute texts are read from their files (catalogue.statutes), not from the
    # snapshot; hashed all the same, so that one changed text is one stale snapshot.
    statutes = [("statutes", name) for name in list_data("statutes") if name.endswith(".toml")]
    return [*rules, ("calendar", "notices.toml"), ("policies.toml",), *statutes]


def source_hashes() -> dict[str, str]:
    """The SHA-256 of every snapshot source file on disk, by ``data/``-relative path."""
    return {
        "/".join(parts): hashlib.sha256(read_data(*parts)).hexdigest()
        for parts in snapshot_sources()
    }


@cache
def snapshot_payload() -> Mapping[str, Any] | None:
    """The snapshot's JSON, or ``None`` when any source file differs from what it was built from.

    Read once per process and shared by its owners, who decode their part and never change
    it (the top level is read-only). ``None`` tells the caller to validate the TOML files
    itself, so the snapshot never stands in for data it was not built from.
    """
    try:
        payload: dict[str, Any] = json.loads(read_data(*SNAPSHOT))
    except (OSError, ValueError):
        return None
    if payload.get("format") != FORMAT or payload.get("hashes") != source_hashes():
        return None
    return MappingProxyType(payload)
