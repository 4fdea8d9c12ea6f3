"""The one date reader (gov_deadlines.dates): every documented form of a day reads as that
day, with or without a time of day, in ASCII or full-width; a day that does not exist is
refused as such in every form. (Issue 14, the cost of one case: parse_day reads YYYY-MM-DD
with date.fromisoformat, parse_datetime a date alone before it looks for a time.)"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines.dates import DATETIME_FORMS, parse_date, parse_datetime, parse_day
from gov_deadlines.errors import DateParseError

DAYS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


def forms(day: dt.date) -> list[str]:
    y, m, d = day.year, day.month, day.day
    return [
        f"{y:04d}-{m:02d}-{d:02d}",
        f"{y:04d}-{m}-{d}",
        f"{y:04d}/{m}/{d}",
        f"{y:04d}.{m:02d}.{d}",
        f"{y:04d}年{m}月{d}日",
        f"{y:04d}年{m:02d}月{d:02d}号",
        f"{y:04d}年{m}月{d}",
        f"{y:04d}{m:02d}{d:02d}",
    ]


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@given(DAYS)
def test_every_form_of_a_day_reads_as_that_day(day: dt.date) -> None:
    for text in forms(day):
        for written in (text, f"  {text} ", full_width(text)):
            assert unicodedata.normalize("NFKC", full_width(text)) == text
            assert parse_day(written) == day
            assert parse_date(written) == day
            found = parse_datetime(written)
            assert type(found) is dt.date and found == day


@given(DAYS, st.integers(0, 23), st.integers(0, 59))
def test_a_day_with_a_time_of_day_reads_as_its_day(day: dt.date, hour: int, minute: int) -> None:
    iso = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    zh = f"{day.year:04d}年{day.month}月{day.day}日"
    for text in (
        f"{iso} {hour}:{minute:02d}",
        f"{zh} {hour}:{minute:02d}",
        f"{iso}T{hour:02d}:{minute:02d}",
    ):
        assert parse_day(text) == day
        moment = parse_datetime(text)
        assert isinstance(moment, dt.datetime)
        assert (moment.date(), moment.hour, moment.minute) == (day, hour, minute)


@pytest.mark.parametrize(
    "text",
    ["2026-02-30", "2026/2/29", "2026.13.1", "2026年4月31日", "20260230", "２０２６－０２－３０"],
)
def test_a_day_that_does_not_exist_is_refused_as_such_in_every_form(text: str) -> None:
    for read in (parse_day, parse_datetime):
        with pytest.raises(DateParseError) as refused:
            read(text)
        assert "no such day" in str(refused.value) and repr(text) in str(refused.value)
        assert "没有这一天" in refused.value.message("zh")
        assert DATETIME_FORMS[-1] in str(refused.value)  # the date-time forms are offered
