"""The library's date fields read a datetime as ``Case`` and the CLI do, as its Beijing day
(naive: its date; aware, in any zone: its date in Beijing). pydantic alone refused one with
a time of day in English and read a midnight one by the date on its own clock."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import gov_deadlines as gd
from gov_deadlines.cases import Case

CAL = gd.default_calendar()
SHANGHAI = ZoneInfo("Asia/Shanghai")
EVENING_UTC = dt.datetime(2026, 9, 30, 20, 0, tzinfo=dt.UTC)  # 2026-10-01 04:00 in Beijing


class Application(BaseModel):
    received_on: gd.CoveredDate
    working_on: gd.WorkingDay | None = None
    later_on: Annotated[dt.date | None, gd.Covered(provisional=True)] = None
    working_or_not: Annotated[dt.date | None, gd.IsWorkingDay(lang="en")] = None
    replied_on: Annotated[dt.date | None, gd.MeetsRule("ogi.reply", trigger="received_on")] = None
    replied_at: Annotated[
        dt.datetime | None, gd.MeetsRule("ogi.reply", trigger="received_on")
    ] = None


@pytest.mark.parametrize("field", ["received_on", "later_on", "replied_on"])
def test_an_aware_datetime_with_a_time_in_a_date_field_is_its_beijing_day(field: str) -> None:
    data: dict[str, Any] = {"received_on": dt.date(2026, 9, 28), field: EVENING_UTC}
    assert getattr(Application.model_validate(data), field) == dt.date(2026, 10, 1)


def test_a_working_day_field_refuses_an_instant_whose_beijing_day_is_a_holiday() -> None:
    with pytest.raises(ValidationError) as caught:
        Application(received_on="2026-09-28", working_on=EVENING_UTC)
    [detail] = caught.value.errors()
    assert detail["loc"] == ("working_on",)
    assert detail["type"] == "not_working_day"
    assert detail["ctx"]["day"] == dt.date(2026, 10, 1)


def test_a_naive_datetime_in_a_date_field_is_its_date() -> None:
    model = Application(
        received_on=dt.datetime(2026, 9, 30, 23, 59),
        working_or_not=pd.Timestamp("2026-09-30 18:00"),
    )
    assert model.received_on == dt.date(2026, 9, 30)
    assert model.working_or_not == dt.date(2026, 9, 30)


def test_a_midnight_datetime_of_another_zone_is_its_beijing_day_not_its_own_date() -> None:
    tokyo_midnight = dt.datetime(2026, 10, 8, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=10)))
    # 2026-10-07 22:00 in Beijing, still the National Day holiday
    with pytest.raises(ValidationError) as caught:
        Application(received_on="2026-09-28", working_on=tokyo_midnight)
    assert caught.value.errors()[0]["ctx"]["day"] == dt.date(2026, 10, 7)


def test_a_datetime_field_keeps_its_instant() -> None:
    model = Application(received_on="2026-09-28", replied_at=EVENING_UTC)
    assert model.replied_at == EVENING_UTC


def test_a_pandas_timestamp_with_a_zone_is_its_beijing_day() -> None:
    model = Application(received_on=pd.Timestamp("2026-09-27 17:00", tz="UTC"))
    assert model.received_on == dt.date(2026, 9, 28)
    assert type(model.received_on) is dt.date


def test_nat_is_still_refused_as_no_date() -> None:
    with pytest.raises(ValidationError) as caught:
        Application(received_on=pd.NaT)
    assert caught.value.errors()[0]["type"] == "date_parse"


instants = st.builds(
    lambda naive, zone: naive.replace(tzinfo=dt.UTC).astimezone(zone),
    st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2026, 6, 30)),
    st.sampled_from(
        [dt.UTC, ZoneInfo("America/Los_Angeles"), ZoneInfo("Pacific/Kiritimati"), SHANGHAI]
    ),
)


@given(instants)
def test_case_pydantic_and_the_calendar_read_an_instant_as_the_same_day(
    moment: dt.datetime,
) -> None:
    day = moment.astimezone(SHANGHAI).date()
    case = Case(channel="in_person", submitted=moment)
    model = Application(received_on=moment, later_on=moment, working_or_not=None)
    assert case.submitted == model.received_on == model.later_on == day
    assert CAL.day_info(moment).date == day
    try:
        Application(received_on=moment, working_or_not=moment)
        accepted = True
    except ValidationError:
        accepted = False
    assert accepted == CAL.is_workday(moment) == CAL.is_workday(day)


@pytest.mark.parametrize(
    "text", ["2026-10-30 17:00", "2026年10月30日 17:00", "2026-10-30T09:00:00Z"]
)
def test_a_text_with_a_time_in_a_datetime_field_keeps_its_time_in_beijing(text: str) -> None:
    model = Application(received_on="2026-09-28", replied_at=text)
    assert model.replied_at == dt.datetime(2026, 10, 30, 17, 0, tzinfo=SHANGHAI)
