"""Calendar export (issue 7): ``.ics`` through ``icalendar``, round-tripped. Names are sentences."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

icalendar = pytest.importorskip("icalendar")

from gov_deadlines import default_calendar, default_catalogue  # noqa: E402
from gov_deadlines.outputs.ics import (  # noqa: E402
    IcsUnavailableError,
    build_calendar,
    occurrence_uid,
    reminder_for,
    to_ics,
    write_ics,
)
from gov_deadlines.recurring.windows import Occurrence, schedule  # noqa: E402

D = dt.date
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
OFFICIAL = default_calendar()
PROVISIONAL = default_calendar(provisional=True)
SOURCES = sorted(default_catalogue().sources)


def parse(data: bytes) -> tuple[list[Any], list[Any]]:
    """The events and alarms of an exported file, read back by icalendar."""
    cal = icalendar.Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    alarms = [a for e in events for a in e.walk("VALARM")]
    return events, alarms


def alarm_moment(event: Any) -> dt.datetime:
    """DTSTART (00:00 of the all-day date) plus the alarm's relative trigger."""
    (alarm,) = event.walk("VALARM")
    trigger = alarm.get("TRIGGER").dt
    assert isinstance(trigger, dt.timedelta)
    return dt.datetime.combine(event.get("DTSTART").dt, dt.time(0)) + trigger


def by_rule(events: list[Any], rule_id: str) -> list[Any]:
    return [e for e in events if str(e.get("X-GOV-DEADLINES-RULE")) == rule_id]


# -- acceptance ---------------------------------------------------------------------------------------


def test_the_2026_export_parses_back_with_the_same_number_of_events_and_reminders(
    tmp_path: Path,
) -> None:
    occurrences = schedule(2026)
    with (tmp_path / "2026.ics").open("wb") as stream:
        export = write_ics(occurrences, stream)
    events, alarms = parse((tmp_path / "2026.ics").read_bytes())
    assert len(events) == len(alarms) == len(occurrences) == export.events == export.alarms
    assert len({str(e.get("UID")) for e in events}) == len(events)


# -- examples -------------------------------------------------------------------------------------------


def test_the_annual_report_reminder_is_at_9_on_wednesday_28_january_three_working_days_before() -> (
    None
):
    events, _ = parse(to_ics(schedule(2026, sources="ogi-2019"), stamp=STAMP))
    (event,) = by_rule(events, "ogi-2019.annual-report")
    assert event.get("DTSTART").dt == D(2026, 1, 31)
    assert event.get("DTEND").dt == D(2026, 2, 1)
    assert alarm_moment(event) == dt.datetime(2026, 1, 28, 9, 0)
    assert OFFICIAL.add_workdays(D(2026, 1, 31), -3) == D(2026, 1, 28)


def test_five_working_days_before_28_february_2026_is_saturday_14_february_across_the_spring_festival() -> (
    None
):
    # 28 Feb 2026 (Sat) and 14 Feb (Sat) are make-up working days; 15–23 Feb are the holiday.
    occurrences = [
        o for o in schedule(2026, sources="sd-2018") if o.rule_id == "sd-2018.soe-monthly"
    ]
    events, _ = parse(to_ics(occurrences, reminder_days=5, stamp=STAMP))
    assert alarm_moment(events[1]) == dt.datetime(2026, 2, 14, 9, 0)
    for event, occ in zip(events, occurrences, strict=True):
        expected = OFFICIAL.add_workdays(occ.due_date, -5)
        assert alarm_moment(event) == dt.datetime.combine(expected, dt.time(9))
        # four working days strictly between, plus the due date when it is one
        assert OFFICIAL.workdays_between(expected, occ.due_date) == 4 + OFFICIAL.is_workday(
            occ.due_date
        )


def test_the_description_carries_title_citation_quote_and_reminder() -> None:
    events, _ = parse(to_ics(schedule(2026, sources="sd-2018"), stamp=STAMP))
    (event,) = by_rule(events, "sd-2018.school-admission")
    text = str(event.get("DESCRIPTION"))
    assert str(event.get("SUMMARY")) == "每年7月底前公开义务教育招生信息"
    assert "鲁政办发〔2018〕21号" in text
    assert "“各市、县(市、区)政府要在每年7月底前公开" in text
    assert "提醒:截止前3个工作日,2026-07-28(周二) 09:00" in text
    english, _ = parse(to_ics(schedule(2026, sources="sd-2018"), stamp=STAMP, lang="en"))
    assert "Reminder: 3 working days before" in str(
        by_rule(english, "sd-2018.school-admission")[0].get("DESCRIPTION")
    )


def test_windows_are_events_on_their_last_day_naming_the_window() -> None:
    events, _ = parse(to_ics(schedule(2026, sources="jy-2024"), stamp=STAMP))
    quarters = by_rule(events, "jy-2024.quarterly-circular")
    assert [e.get("DTSTART").dt for e in quarters] == [
        D(2026, 3, 31),
        D(2026, 6, 30),
        D(2026, 9, 30),
        D(2026, 12, 31),
    ]
    assert str(quarters[1].get("SUMMARY")) == "每季度通报政务公开工作(2026年第二季度)"
    assert str(quarters[1].get("X-GOV-DEADLINES-WINDOW")) == "2026-04-01/2026-06-30"


def test_uids_are_stable_across_exports_and_differ_between_windows_and_years() -> None:
    first, _ = parse(to_ics(schedule(2026), stamp=STAMP))
    again, _ = parse(
        to_ics(schedule(2026), stamp=dt.datetime(2026, 6, 1, tzinfo=dt.UTC), lang="en")
    )
    assert [str(e.get("UID")) for e in first] == [str(e.get("UID")) for e in again]
    uids_2027 = {occurrence_uid(o) for o in schedule(2027)}
    assert not uids_2027 & {str(e.get("UID")) for e in first}


def test_past_the_official_calendar_the_reminder_is_provisional_and_says_so() -> None:
    occurrences = schedule(2027, sources="sd-2018", rules=["sd-2018.school-admission"])
    reminder = reminder_for(occurrences[0], 3, OFFICIAL)
    assert reminder is not None and reminder.provisional
    assert reminder.day == D(2027, 7, 28)  # Sat 31 July: Fri 30, Thu 29, Wed 28
    events, alarms = parse(to_ics(occurrences, stamp=STAMP))
    assert len(alarms) == 1
    text = str(events[0].get("DESCRIPTION"))
    assert "临时推算" in text
    assert "2027年尚无官方节假日安排" in text


def test_zero_reminder_days_reminds_on_the_last_working_day_and_none_drops_the_alarms() -> None:
    occurrences = schedule(2026, sources="ogi-2019")
    events, _ = parse(to_ics(occurrences, reminder_days=0, stamp=STAMP))
    assert alarm_moment(events[0]) == dt.datetime(2026, 1, 30, 9, 0)
    events, alarms = parse(to_ics(occurrences, reminder_days=None, stamp=STAMP))
    assert len(events) == 1 and alarms == []
    assert "提醒" not in str(events[0].get("DESCRIPTION"))


def test_a_negative_reminder_is_refused() -> None:
    with pytest.raises(ValueError, match="≥ 0"):
        to_ics(schedule(2026, sources="ogi-2019"), reminder_days=-1)


def test_a_naive_stamp_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        build_calendar(schedule(2026, sources="ogi-2019"), stamp=dt.datetime(2026, 1, 1))


def test_without_icalendar_the_export_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    with pytest.raises(IcsUnavailableError, match=r"gov-deadlines\[ics\]") as caught:
        to_ics(schedule(2026, sources="ogi-2019"))
    assert "icalendar" in caught.value.message("zh")
    assert isinstance(caught.value, ImportError)


# -- properties --------------------------------------------------------------------------------------------


@given(
    st.integers(min_value=2009, max_value=2032),
    st.lists(st.sampled_from(SOURCES), min_size=1, max_size=3, unique=True),
    st.integers(min_value=0, max_value=10),
    st.sampled_from([OFFICIAL, PROVISIONAL]),
)
def test_every_export_round_trips_with_one_event_and_one_alarm_per_occurrence(
    year: int, sources: list[str], days: int, calendar: Any
) -> None:
    occurrences: list[Occurrence] = schedule(year, sources=sources, calendar=calendar)
    events, alarms = parse(to_ics(occurrences, reminder_days=days, calendar=calendar, stamp=STAMP))
    assert len(events) == len(occurrences)
    assert len(alarms) == len(occurrences)
    for event, occ in zip(events, occurrences, strict=True):
        assert str(event.get("UID")) == occurrence_uid(occ)
        assert event.get("DTSTART").dt == occ.due_date
        moment = alarm_moment(event)
        assert moment.time() == dt.time(9, 0)
        assert moment.date() <= occ.due_date
        reminder = reminder_for(occ, days, calendar)
        assert reminder is not None and moment == reminder.at


def test_a_later_export_has_a_higher_sequence_so_clients_take_it_as_an_update() -> None:
    occurrences = schedule(2026, sources="ogi-2019")
    early, _ = parse(to_ics(occurrences, stamp=STAMP))
    late, _ = parse(to_ics(occurrences, stamp=STAMP + dt.timedelta(days=1)))
    assert str(early[0].get("UID")) == str(late[0].get("UID"))
    assert int(late[0].get("SEQUENCE")) > int(early[0].get("SEQUENCE"))
