"""The lean path of ``due`` (a family from a plain date, built-in data, no option) gives
the general path's answer: the same Deadline, the same notes and explanation, or the same
refusal. The general path is the one taken when a catalogue is passed explicitly.

Also: the hand-written ``__init__`` of the result types built on every call (kept for
speed, see ``Deadline.__init__``) takes exactly the dataclass fields, in order, with their
defaults, and sets each one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_deadlines import WorkingDays, deadline, default_calendar, due
from gov_deadlines.catalogue import default_catalogue
from gov_deadlines.catalogue.lookup import VersionNote
from gov_deadlines.catalogue.receipt import ReceiptNote, ReceiptPolicy
from gov_deadlines.counting import Deadline
from gov_deadlines.errors import GovDeadlinesError

FAMILIES = sorted(default_catalogue().families)


def outcome(rule_id: str, day: dt.date, policy: ReceiptPolicy, *, general: bool) -> object:
    extra = {"catalogue": default_catalogue()} if general else {}
    try:
        found = due(rule_id, day, receipt_policy=policy, **extra)
    except GovDeadlinesError as error:
        return type(error), str(error)
    return (
        found,
        found.explain("zh"),
        found.explain("en"),
        found.receipt_date,
        found.asked_rule,
        found.receipt_as_recorded,
        found.catalogue is default_catalogue(),
        found.stamp,
    )


@settings(max_examples=300, deadline=None)
@given(
    rule_id=st.sampled_from(FAMILIES),
    day=st.dates(dt.date(2003, 1, 1), dt.date(2028, 12, 31)),
    policy=st.sampled_from(list(ReceiptPolicy)),
)
def test_the_lean_due_gives_the_general_answer_for_every_family_and_date(
    rule_id: str, day: dt.date, policy: ReceiptPolicy
) -> None:
    assert outcome(rule_id, day, policy, general=False) == outcome(
        rule_id, day, policy, general=True
    )


def test_a_rest_day_receipt_on_the_lean_path_names_the_policy_and_keeps_the_recorded_date() -> None:
    sunday = dt.date(2026, 3, 8)
    found = due("ogi.reply", sunday)
    assert found.trigger == sunday
    assert found.receipt_date == dt.date(2026, 3, 9)
    assert "rest-day-receipt-next-working-day" in found.explain("en")
    assert [type(note) for note in found.notes][:2] == [VersionNote, ReceiptNote]


@settings(max_examples=200, deadline=None)
@given(day=st.dates(dt.date(2004, 1, 1), dt.date(2026, 11, 30)), n=st.integers(1, 60))
def test_the_lean_deadline_equals_the_counted_one(day: dt.date, n: int) -> None:
    def counted(period: WorkingDays | str) -> object:
        try:
            found = deadline(day, period, calendar=default_calendar())
        except GovDeadlinesError as error:  # past the calendar: the same refusal
            return type(error), str(error)
        return found, found.explain("zh")

    assert counted(WorkingDays(n)) == counted(f"{n}个工作日")


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
def test_a_hand_written_init_sets_every_field_and_the_result_stays_frozen(cls: type) -> None:
    values = {f.name: object() for f in dataclasses.fields(cls)}
    built = cls(**values)
    assert all(getattr(built, name) is value for name, value in values.items())
    assert dataclasses.replace(built) == built
    name = next(iter(values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(built, name, None)
