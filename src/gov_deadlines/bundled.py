"""Reading the package's bundled data files.

A plain path next to this module: ``importlib.resources`` would cost ~15 ms of imports on
every start of the command line, and the package is never run from a zip.
"""

from __future__ import annotations

import os

_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_path(*parts: str) -> str:
    """The path of a bundled data file, e.g. ``data_path("rules", "bz-2017.toml")``."""
    return os.path.join(_ROOT, *parts)


def read_data(*parts: str) -> bytes:
    """The bytes of a bundled data file."""
    with open(data_path(*parts), "rb") as handle:
        return handle.read()


def list_data(folder: str) -> list[str]:
    """The file names in a bundled data folder, sorted."""
    return sorted(os.listdir(data_path(folder)))
