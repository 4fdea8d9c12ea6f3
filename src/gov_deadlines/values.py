"""Immutable value classes, as ``@dataclass(frozen=True)`` makes them, at a fraction of the cost.

A frozen dataclass compiles six methods for each class when its module is imported
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``):
about half a millisecond a class, and the ~40 value classes a ``due()`` start-up imports
made that a fifth of its time. :func:`frozen` keeps the dataclass's bookkeeping (its
fields, so ``dataclasses.fields``, ``dataclasses.replace`` and ``match`` work as before)
and gives every class the same methods written once here, not generated per class; each
class writes its ``__init__`` (a test holds it to the fields: their names, order and
defaults). What the methods do is the frozen dataclass's, to the byte: the same ``repr``,
equality of the same type over the compared fields, the same hash (of the same tuple),
:class:`dataclasses.FrozenInstanceError` on assignment or deletion, and pickling of a
slotted class by its fields' values.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["frozen", "is_frozen_value"]

_C = TypeVar("_C", bound=type)


# Equality and hash by the number of compared fields, each the dataclass's own expression:
# the tuple of the fields (``attrgetter`` of two or more names gives that tuple itself).
# ``_value_compared`` / ``_value_hashed`` are the class's attrgetters (not descriptors: read
# from an instance, they stay unbound).


def _eq_many(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        get = self._value_compared
        return get(self) == get(other)
    return NotImplemented


def _eq_one(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        get = self._value_compared
        return (get(self),) == (get(other),)
    return NotImplemented


def _eq_none(self: Any, other: Any) -> Any:
    return True if other.__class__ is self.__class__ else NotImplemented


def _hash_many(self: Any) -> int:
    return hash(self._value_hashed(self))


def _hash_one(self: Any) -> int:
    return hash((self._value_hashed(self),))


def _hash_none(self: Any) -> int:
    return hash(())


_EQ = {0: _eq_none, 1: _eq_one}
_HASH = {0: _hash_none, 1: _hash_one}


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._value_shown)
    return f"{self.__class__.__qualname__}({shown})"


def _setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, name) for name in self._value_fields]


def _setstate(self: Any, state: list[Any]) -> None:
    for name, item in zip(self._value_fields, state, strict=False):
        object.__setattr__(self, name, item)


def _make(cls: _C, slots: bool) -> _C:
    made: Any = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=slots)
    fields = dataclasses.fields(made)
    made._value_fields = tuple(f.name for f in fields)
    made._value_shown = tuple(f.name for f in fields if f.repr)
    compared = tuple(f.name for f in fields if f.compare)
    hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
    made._value_compared = attrgetter(*compared) if compared else None
    made._value_hashed = attrgetter(*hashed) if hashed else None
    own = made.__dict__
    if "__init__" not in own:
        raise TypeError(f"{made.__qualname__}: a value class writes its own __init__")
    made.__repr__ = own.get("__repr__", _repr)
    made.__eq__ = own.get("__eq__", _EQ.get(len(compared), _eq_many))
    own_hash = own.get("__hash__")
    made.__hash__ = own_hash if own_hash is not None else _HASH.get(len(hashed), _hash_many)
    made.__setattr__ = _setattr
    made.__delattr__ = _delattr
    if slots:
        made.__getstate__ = _getstate
        made.__setstate__ = _setstate
    result: _C = made
    return result


@overload
def frozen(cls: _C, /) -> _C: ...
@overload
def frozen(*, slots: bool = True) -> Callable[[_C], _C]: ...
@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: _C | None = None, /, *, slots: bool = True) -> _C | Callable[[_C], _C]:
    """A frozen value class (``slots=True`` by default, as ``@dataclass(frozen=True, slots=True)``).

    The class writes ``__init__`` (setting its fields with ``object.__setattr__``, or one
    ``self.__dict__.update`` when ``slots=False``) and calls its own ``__post_init__``.
    """

    def wrap(target: _C) -> _C:
        return _make(target, slots)

    return wrap if cls is None else wrap(cls)


def is_frozen_value(cls: type) -> bool:
    """Whether ``cls`` was made by :func:`frozen` (the tests find every such class by it)."""
    return isinstance(cls, type) and cls.__dict__.get("__setattr__") is _setattr
