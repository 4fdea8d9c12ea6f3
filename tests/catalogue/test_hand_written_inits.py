"""The result types built on every ``due()`` set their fields in a hand-written ``__init__``
(one update of the instance dict, for speed: see ``Deadline.__init__``): it takes exactly
the dataclass fields, in order, with their defaults, sets each one, and leaves the result
frozen."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from gov_deadlines.catalogue.lookup import VersionNote
from gov_deadlines.catalogue.receipt import ReceiptNote
from gov_deadlines.counting import Deadline


@pytest.mark.parametrize("cls", [Deadline, VersionNote, ReceiptNote])
def test_a_hand_written_init_takes_exactly_the_fields_in_order_with_their_defaults(
    cls: type,
) -> None:
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]


@pytest.mark.parametrize("cls", [Deadline, VersionNote, ReceiptNote])
def test_a_hand_written_init_sets_every_field_and_the_result_stays_frozen(
    cls: type,
) -> None:
    values = {f.name: object() for f in dataclasses.fields(cls)}
    built = cls(**values)
    assert all(getattr(built, name) is value for name, value in values.items())
    assert dataclasses.replace(built) == built
    name = next(iter(values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(built, name, None)
