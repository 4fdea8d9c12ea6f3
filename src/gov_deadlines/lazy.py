"""Names a package exports but loads on first use (PEP 562), from one table per package.

The top level and the subpackages whose names would otherwise load pydantic or large
tables at import each keep a table ``name -> submodule``; :func:`lazy_exports` makes the
module ``__getattr__`` that imports the submodule on first access and binds the name, so
later lookups never come back here. No submodule is named like a name of its table
(tests/test_package.py), so an import never rebinds one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from importlib import import_module
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, table: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> Callable[[str], Any]:
    """The ``__getattr__`` of ``package``: ``table`` maps each lazy name to the submodule
    (relative to ``package``) that defines it; ``namespace`` is the package's ``globals()``."""

    def __getattr__(name: str) -> Any:
        module = table.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__
