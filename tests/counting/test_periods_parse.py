"""Reading periods from text (issue 3, §1): one type per meaning, Chinese and short forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines import (
    ArgumentTypeError,
    CalendarDays,
    FixedDate,
    Hours,
    MinimumDuration,
    Months,
    PeriodParseError,
    PeriodValueError,
    WorkingDays,
    Years,
    parse_period,
)
from gov_deadlines.counting.periods import ACCEPTED_FORMS, PERIOD_TYPES

# -- every form the issue names, and then some --------------------------------------------

ISSUE_FORMS = [
    ("20wd", WorkingDays(20)),
    ("20个工作日", WorkingDays(20)),
    ("30d", CalendarDays(30)),
    ("30日", CalendarDays(30)),
    ("30天", CalendarDays(30)),
    ("48h", Hours(48)),
    ("48小时", Hours(48)),
    ("3个月", Months(3)),
    ("3年", Years(3)),
    ("7月底前", FixedDate(7)),
    ("年底前", FixedDate(12)),
    ("不少于10天", MinimumDuration(10)),
]

MORE_FORMS = [
    ("每年7月底前", FixedDate(7, every_year=True)),
    ("2018年9月底前", FixedDate(9, year=2018)),
    ("每年1月31日前", FixedDate(1, 31, every_year=True)),
    ("2018年底前", FixedDate(12, year=2018)),
    ("不得少于10天", MinimumDuration(10)),
    ("20个工作日内", WorkingDays(20)),
    ("30日以内", CalendarDays(30)),
    ("48小时内", Hours(48)),
    ("3年内", Years(3)),
    ("20WD", WorkingDays(20)),
    ("  20 working days ", WorkingDays(20)),
    ("3mo", Months(3)),
    ("3y", Years(3)),
    ("48 hours", Hours(48)),
    ("1 working day", WorkingDays(1)),
    ("at least 10 days", MinimumDuration(10)),
]

CHINESE_NUMERALS = [
    ("三个工作日", WorkingDays(3)),
    ("二十个工作日", WorkingDays(20)),
    ("十五个工作日内", WorkingDays(15)),
    ("十日", CalendarDays(10)),
    ("三十日", CalendarDays(30)),
    ("四十八小时", Hours(48)),
    ("二十四小时内", Hours(24)),
    ("三个月", Months(3)),
    ("两个月", Months(2)),
    ("两年", Years(2)),
    ("不少于十天", MinimumDuration(10)),
    ("不得少于五日", MinimumDuration(5)),
    ("九十九日", CalendarDays(99)),
]


@pytest.mark.parametrize(("text", "expected"), ISSUE_FORMS, ids=[t for t, _ in ISSUE_FORMS])
def test_every_form_the_issue_names_parses_to_its_own_type(text: str, expected: object) -> None:
    parsed = parse_period(text)
    assert parsed == expected
    assert type(parsed) is type(expected)


@pytest.mark.parametrize(("text", "expected"), MORE_FORMS, ids=[t for t, _ in MORE_FORMS])
def test_yearly_dated_and_suffixed_forms_parse(text: str, expected: object) -> None:
    parsed = parse_period(text)
    assert parsed == expected
    assert type(parsed) is type(expected)


@pytest.mark.parametrize(
    ("text", "expected"), CHINESE_NUMERALS, ids=[t for t, _ in CHINESE_NUMERALS]
)
def test_chinese_numerals_are_read(text: str, expected: object) -> None:
    assert parse_period(text) == expected


def test_every_advertised_accepted_form_parses() -> None:
    for form in ACCEPTED_FORMS:
        assert isinstance(parse_period(form), PERIOD_TYPES), form


def test_a_yearly_fixed_date_is_not_the_same_as_a_one_off_one() -> None:
    assert parse_period("每年7月底前") != parse_period("7月底前")
    assert parse_period("每年7月底前").every_year  # type: ignore[union-attr]
    assert parse_period("2018年9月底前").year == 2018  # type: ignore[union-attr]


# -- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "soon",
        "及时",
        "30",
        "0日",
        "0个工作日",
        "三周",
        "13月底前",
        "2月30号前",
        "一百个工作日",
        "20 fortnights",
    ],
)
def test_unknown_text_raises_an_error_listing_the_accepted_forms(text: str) -> None:
    with pytest.raises(PeriodParseError) as caught:
        parse_period(text)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.text == text
    assert error.accepted == ACCEPTED_FORMS
    for form in ("20个工作日", "30日", "48小时", "3个月", "3年", "7月底前", "年底前", "不少于10天"):
        assert form in str(error)
        assert form in error.message("zh")
    assert "accepted forms" in str(error)
    assert "可用的写法" in error.message("zh")


def test_a_non_string_is_refused_with_the_same_error() -> None:
    with pytest.raises(PeriodParseError):
        parse_period(20)  # type: ignore[arg-type]


# -- the types are distinct -----------------------------------------------------------------


def test_period_types_are_distinct_classes_none_a_subclass_of_another() -> None:
    assert len(set(PERIOD_TYPES)) == 7
    for a in PERIOD_TYPES:
        for b in PERIOD_TYPES:
            if a is not b:
                assert not issubclass(a, b), (a, b)


def test_a_working_day_period_is_not_an_hour_period() -> None:
    wd = WorkingDays(48)
    assert not isinstance(wd, Hours)
    assert wd != Hours(48)
    assert parse_period("48个工作日") != parse_period("48小时")


@given(st.integers(min_value=1, max_value=10_000))
def test_equal_numbers_of_different_units_are_never_equal(n: int) -> None:
    periods = [WorkingDays(n), CalendarDays(n), Months(n), Years(n), Hours(n), MinimumDuration(n)]
    for i, a in enumerate(periods):
        for j, b in enumerate(periods):
            assert (a == b) is (i == j)


@pytest.mark.parametrize("kind", [WorkingDays, CalendarDays, Months, Years, Hours, MinimumDuration])
@pytest.mark.parametrize("bad", [0, -1])
def test_a_period_needs_a_whole_number_of_at_least_one(kind: type, bad: object) -> None:
    with pytest.raises(PeriodValueError):
        kind(bad)


@pytest.mark.parametrize("kind", [WorkingDays, CalendarDays, Months, Years, Hours, MinimumDuration])
@pytest.mark.parametrize("bad", [True, 1.5, "3", None])
def test_a_period_count_of_the_wrong_type_is_a_type_error_naming_the_argument(
    kind: type, bad: object
) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        kind(bad)
    assert isinstance(caught.value, TypeError)
    assert caught.value.argument in str(caught.value)
    assert caught.value.argument in caught.value.message("zh")


def test_a_fixed_date_checks_its_month_and_day() -> None:
    with pytest.raises(ValueError):
        FixedDate(13)
    with pytest.raises(ValueError):
        FixedDate(2, 29, year=2019)
    with pytest.raises(ValueError):
        FixedDate(7, year=2018, every_year=True)
    assert FixedDate(2, 29, year=2024).on(2024).day == 29


# -- text() round-trips ---------------------------------------------------------------------

counts = st.integers(min_value=1, max_value=100_000)
fixed_dates = st.builds(
    FixedDate,
    month=st.integers(1, 12),
    day=st.none() | st.integers(1, 31),
    year=st.none(),
    every_year=st.booleans(),
) | st.builds(
    FixedDate,
    month=st.integers(1, 12),
    day=st.none() | st.integers(1, 28),
    year=st.integers(1949, 2100),
)
periods = st.one_of(
    st.builds(WorkingDays, counts),
    st.builds(CalendarDays, counts),
    st.builds(Months, counts),
    st.builds(Years, counts),
    st.builds(Hours, counts),
    st.builds(MinimumDuration, counts),
    fixed_dates,
)


@given(periods)
def test_text_round_trips_through_parse_period(period: object) -> None:
    text = period.text()  # type: ignore[attr-defined]
    parsed = parse_period(text)
    assert parsed == period
    assert type(parsed) is type(period)


@given(
    st.one_of(
        st.builds(WorkingDays, counts),
        st.builds(CalendarDays, counts),
        st.builds(Months, counts),
        st.builds(Years, counts),
        st.builds(Hours, counts),
        st.builds(MinimumDuration, counts),
    )
)
def test_english_text_of_counted_periods_round_trips_too(period: object) -> None:
    assert parse_period(period.text("en")) == period  # type: ignore[attr-defined]


# -- 前 is never silently ignored (issue 10, item 6) --------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7月15日前", FixedDate(7, 15)),
        ("每年1月31日前", FixedDate(1, 31, every_year=True)),
        ("2026年3月1日之前", FixedDate(3, 1, year=2026)),
        ("7月底以前", FixedDate(7)),
    ],
)
def test_qian_after_a_date_means_by_that_day(text: str, expected: object) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text", ["15日前", "3天前", "3个月前", "48小时前", "20个工作日前", "十五日之前", "3天以前"]
)
def test_qian_after_a_bare_period_is_refused_with_both_readings(text: str) -> None:
    with pytest.raises(PeriodParseError) as caught:
        parse_period(text)
    error = caught.value
    assert error.readings, "the refusal offers the unambiguous forms"
    for lang in ("zh", "en"):
        message = error.message(lang)
        assert "两种读法" in message if lang == "zh" else "ambiguous" in message
        for reading in error.readings:
            assert reading in message
    # Both readings are there: a date of the month or "before an event", and "within".
    assert any(r.endswith("内") for r in error.readings)
    assert "以前" in error.message("zh") or "每月" in error.message("zh")


def test_fifteen_ri_qian_offers_the_day_of_the_month_and_the_fifteen_day_period() -> None:
    with pytest.raises(PeriodParseError) as caught:
        parse_period("15日前")
    assert caught.value.readings == ("X月15日前", "每月15日前", "15日内")


def test_by_a_day_of_every_month_is_refused_as_a_monthly_duty_not_read_as_a_period() -> None:
    with pytest.raises(PeriodParseError) as caught:
        parse_period("每月15日前")
    assert "每月15日前" in caught.value.message("zh")
    assert caught.value.readings == ("1月15日前",)


@given(
    st.integers(min_value=1, max_value=99),
    st.sampled_from(["日", "天", "个月", "年", "小时", "个工作日", "d", "h"]),
    st.sampled_from(["前", "之前", "以前"]),
)
def test_no_period_followed_by_qian_parses(n: int, unit: str, suffix: str) -> None:
    with pytest.raises(PeriodParseError):
        parse_period(f"{n}{unit}{suffix}")


# Full-width digits, as a Chinese input method types them: read as dates read them.
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize(
    "text",
    ["20个工作日", "30日", "48小时", "3个月", "不少于10天", "7月底前", "每年1月31日前", "20wd"],
)
def test_a_period_typed_with_full_width_digits_is_the_period_with_ascii_ones(text: str) -> None:
    # '２０个工作日' was refused ("cannot read the period") while '２０２６-０３-０２' was read.
    assert parse_period(text.translate(FULL_WIDTH)) == parse_period(text)


def test_a_full_width_period_that_cannot_be_read_is_quoted_as_typed() -> None:
    with pytest.raises(PeriodParseError) as caught:
        parse_period("２０个工作X")
    assert caught.value.text == "２０个工作X"
