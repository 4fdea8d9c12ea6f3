"""Every value class made by ``gov_deadlines.values.frozen`` is the frozen dataclass it
replaces: its hand-written ``__init__`` takes exactly the fields, in order, with their
defaults, and sets each one; ``repr``, equality, hash, ``__match_args__``, pickling and the
refusal to assign or delete are those of ``@dataclass(frozen=True)`` with the same fields."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pickle
import pkgutil
from typing import Any

import pytest

import gov_deadlines
from gov_deadlines.values import frozen, is_frozen_value


def _value_classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(gov_deadlines.__path__, "gov_deadlines."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra (xlsx, hypothesis) not installed
            continue
        for item in vars(module).values():
            if is_frozen_value(item) and item.__module__ == module.__name__:
                found[f"{item.__module__}.{item.__qualname__}"] = item
    return [found[name] for name in sorted(found)]


VALUE_CLASSES = _value_classes()


def test_the_start_up_path_value_classes_are_all_found() -> None:
    names = {cls.__qualname__ for cls in VALUE_CLASSES}
    assert {"Rule", "Source", "WorkingDays", "FixedDate", "DayInfo", "Deadline", "Stamp"} <= names


def _unset(cls: type) -> Any:
    """An instance with the field values 0, 1, 2, … set directly (past any validation)."""
    obj = object.__new__(cls)
    for index, item in enumerate(dataclasses.fields(cls)):
        object.__setattr__(obj, item.name, index)
    return obj


def _reference(cls: type) -> type:
    """The frozen dataclass with the same fields (repr, compare, hash flags) and name."""
    ref = dataclasses.make_dataclass(
        cls.__name__,
        [
            (f.name, Any, dataclasses.field(repr=f.repr, compare=f.compare, hash=f.hash))
            for f in dataclasses.fields(cls)
        ],
        frozen=True,
    )
    ref.__qualname__ = cls.__qualname__
    return ref


@pytest.mark.parametrize("cls", VALUE_CLASSES, ids=lambda c: c.__qualname__)
def test_a_value_class_init_takes_exactly_the_fields_in_order_with_their_defaults(
    cls: type,
) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]
    assert [p.kind for p in params] == [inspect.Parameter.POSITIONAL_OR_KEYWORD] * len(params)


@pytest.mark.parametrize("cls", VALUE_CLASSES, ids=lambda c: c.__qualname__)
def test_a_value_class_init_sets_every_field_it_is_given(cls: type) -> None:
    values = {f.name: object() for f in dataclasses.fields(cls)}
    try:
        built = cls(**values)
    except (TypeError, ValueError):  # a class that checks its fields (a period's count)
        pytest.skip("validates its fields: set by the examples of its own tests")
    assert all(getattr(built, name) is value for name, value in values.items())
    assert dataclasses.replace(built) == built


@pytest.mark.parametrize("cls", VALUE_CLASSES, ids=lambda c: c.__qualname__)
def test_a_value_class_behaves_as_the_frozen_dataclass_of_its_fields(cls: type) -> None:
    ref = _reference(cls)
    obj = _unset(cls)
    twin = ref(*range(len(dataclasses.fields(cls))))
    assert repr(obj) == repr(twin)
    assert hash(obj) == hash(twin)
    assert cls.__match_args__ == ref.__match_args__
    assert obj == _unset(cls) and obj != twin
    for index, item in enumerate(dataclasses.fields(cls)):
        other = _unset(cls)
        object.__setattr__(other, item.name, -1)
        changed = ref(*(-1 if i == index else i for i in range(len(dataclasses.fields(cls)))))
        assert (obj == other) is (twin == changed)
        with pytest.raises(
            dataclasses.FrozenInstanceError, match=f"cannot assign to field '{item.name}'"
        ):
            setattr(obj, item.name, -1)
        with pytest.raises(
            dataclasses.FrozenInstanceError, match=f"cannot delete field '{item.name}'"
        ):
            delattr(obj, item.name)
    assert pickle.loads(pickle.dumps(obj)) == obj


def test_a_value_class_without_its_own_init_is_refused() -> None:
    with pytest.raises(TypeError, match="writes its own __init__"):

        @frozen
        class Bare:
            n: int
