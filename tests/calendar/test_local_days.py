"""Local and agency rest days: a region's overlay moves a deadline by exactly its local rest
days inside the period, names them with their basis, and refuses years it has no data for."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _cli import ROOT, run_main
from gov_deadlines import deadline, default_calendar
from gov_deadlines.calendar import ScopedCalendar
from gov_deadlines.calendar.day import DayKind
from gov_deadlines.calendar.local_days import (
    bundled_local_overlays,
    local_overlay_from_data,
    region_code,
)
from gov_deadlines.errors import GovDeadlinesError, LocalCoverageError, OverlayError

NATIONAL = default_calendar()
XINJIANG = NATIONAL.for_region("新疆")
REGIONAL_NOTICE = (
    Path(__file__).resolve().parent.parent / "notices" / "regional" / "xinjiang-2025.txt"
)
CLOSURE = ROOT / "docs" / "examples" / "closure-example.toml"
#: 肉孜节 3月29日至31日 and 古尔邦节 6月6日至10日: the weekdays among them are the working
#: days a 新疆 agency does not have.
LOCAL_WEEKDAYS = frozenset(
    {dt.date(2025, 3, 31), dt.date(2025, 6, 6), dt.date(2025, 6, 9), dt.date(2025, 6, 10)}
)


def lost_in(after: dt.date, through: dt.date) -> int:
    return sum(1 for day in LOCAL_WEEKDAYS if after < day <= through)


def test_a_regional_overlay_moves_a_deadline_by_exactly_its_local_rest_days_and_names_them() -> (
    None
):
    trigger = dt.date(2025, 3, 20)
    national = deadline(trigger, "20个工作日", calendar=NATIONAL)
    local = deadline(trigger, "20个工作日", calendar=XINJIANG)
    assert national.due_date == dt.date(2025, 4, 18)
    # One local rest weekday (Monday 31 March, 肉孜节) inside the period: one working day later.
    assert local.due_date == NATIONAL.add_workdays(national.due_date, 1) == dt.date(2025, 4, 21)
    text = local.explain("zh")
    assert "2025-03-29—2025-03-31(周六—周一) 肉孜节(新疆维吾尔自治区)放假,3天" in text
    assert "新疆维吾尔自治区人民政府办公厅关于2025年节假日放假和冬夏季作息时间安排的通知" in text
    assert "肉孜节 2025-03-29至2025-03-31放假" in text
    assert "古尔邦节" not in text  # not inside the period
    english = local.explain("en")
    assert "Eid al-Fitr (新疆维吾尔自治区)" in english


@given(
    st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 10, 31)),
    st.integers(min_value=1, max_value=40),
)
def test_the_regional_count_is_the_national_count_less_the_local_rest_weekdays(
    trigger: dt.date, n: int
) -> None:
    result = XINJIANG.add_workdays(trigger, n)
    assert NATIONAL.workdays_between(trigger, result) == n + lost_in(trigger, result)
    assert XINJIANG.workdays_between(trigger, result) == n
    assert XINJIANG.is_workday(result)


def test_a_local_day_carries_its_basis_and_the_words_that_set_it() -> None:
    info = XINJIANG.day_info(dt.date(2025, 6, 9))
    assert info.kind is DayKind.HOLIDAY and not info.is_workday
    assert info.local is not None
    assert info.local.name == "古尔邦节" and info.local.scope.region == "65"
    assert info.local.quote in REGIONAL_NOTICE.read_text(encoding="utf-8")
    assert NATIONAL.day_info(dt.date(2025, 6, 9)).local is None


def test_every_bundled_local_quote_is_the_regional_notice_s_own_words() -> None:
    text = REGIONAL_NOTICE.read_text(encoding="utf-8")
    overlays = bundled_local_overlays()
    assert overlays
    for overlay in overlays:
        assert not overlay.basis.number  # not in the reprint: left empty, not guessed
        for day in overlay.days:
            assert day.quote in text, day


def test_a_regional_calendar_refuses_a_year_whose_local_days_are_not_loaded() -> None:
    with pytest.raises(LocalCoverageError) as refused:
        XINJIANG.add_workdays(dt.date(2025, 12, 20), 20)
    assert refused.value.year == 2026 and refused.value.covered == (2025,)
    assert isinstance(refused.value, LookupError) and "2026" in refused.value.message("zh")
    with pytest.raises(LocalCoverageError):
        XINJIANG.is_workday(dt.date(2024, 6, 10))


def test_a_region_without_bundled_local_days_is_refused_with_the_remedy() -> None:
    with pytest.raises(LocalCoverageError, match="--calendar"):
        NATIONAL.for_region("西藏")


def test_region_codes_and_names_are_the_same_region() -> None:
    assert {region_code(x) for x in ("65", "650000", "新疆", "新疆维吾尔自治区", "Xinjiang")} == {
        "65"
    }


def test_derived_calendars_keep_the_local_days() -> None:
    provisional = XINJIANG.with_provisional()
    assert isinstance(provisional, ScopedCalendar)
    assert not provisional.is_workday(dt.date(2025, 3, 31))
    assert NATIONAL.is_workday(dt.date(2025, 3, 31))


def test_the_scoped_tables_cover_only_the_locally_covered_span_and_agree_with_is_workday() -> None:
    tables = XINJIANG.official_tables()
    assert dt.date.fromordinal(tables.first_ordinal) == dt.date(2025, 1, 1)
    assert tables.last_index == 364
    for i in range(tables.last_index + 1):
        day = dt.date.fromordinal(tables.first_ordinal + i)
        working = tables.workdays_before[i + 1] - tables.workdays_before[i] == 1
        assert working == XINJIANG.is_workday(day), day
    assert all(
        XINJIANG.is_workday(dt.date.fromordinal(tables.first_ordinal + i))
        for i in tables.workday_indices
    )


def test_an_agency_closure_moves_only_that_agency_s_deadline_and_names_its_basis() -> None:
    closed = NATIONAL.with_overlays(CLOSURE)
    assert not closed.is_workday(dt.date(2026, 9, 15))
    result = deadline(dt.date(2026, 9, 10), "10个工作日", calendar=closed)
    plain = deadline(dt.date(2026, 9, 10), "10个工作日", calendar=NATIONAL)
    assert result.due_date == NATIONAL.add_workdays(plain.due_date, 1)
    text = result.explain("zh")
    assert "台风停止办公(广东省 示例市人民政府办公室)" in text
    assert "示例〔2026〕1号(2026-09-14)" in text
    # A closure adds a day; it does not bound the calendar to its year.
    assert closed.add_workdays(dt.date(2024, 1, 2), 1) == dt.date(2024, 1, 3)


def test_the_cli_applies_a_region_and_a_closure_file() -> None:
    regional = run_main("add", "2025-03-20", "20个工作日", "--region", "65")
    assert regional.code == 0, regional
    assert regional.out.startswith("截止:2025-04-21")
    assert "新疆维吾尔自治区地方日历" in regional.out
    refused = run_main("add", "2026-03-20", "20个工作日", "--region", "新疆", "--lang", "en")
    assert refused.code == 2 and "not loaded" in refused.err and "Traceback" not in refused.err
    closure = run_main("add", "2026-09-10", "10个工作日", "--calendar", str(CLOSURE), "--json")
    assert closure.code == 0
    assert any("台风停止办公" in line for line in closure.json()["calendar_data"])


def test_a_malformed_local_overlay_names_the_entry() -> None:
    data = tomllib.loads(CLOSURE.read_text(encoding="utf-8"))
    data["off"][0]["to"] = dt.date(2026, 9, 1)
    with pytest.raises(OverlayError) as refused:
        local_overlay_from_data(data, "closure.toml")
    assert refused.value.entry == "off[0]"
    assert isinstance(refused.value, GovDeadlinesError)


def test_local_days_in_a_year_without_a_national_notice_are_refused() -> None:
    data = tomllib.loads(CLOSURE.read_text(encoding="utf-8"))
    data["off"][0]["from"] = dt.date(2027, 9, 15)
    with pytest.raises(OverlayError, match="2027"):
        NATIONAL.with_local(local_overlay_from_data(data, "closure.toml"))


def test_calendar_show_and_diff_take_a_local_file_and_compare_it_with_the_national_days() -> None:
    bundled = ROOT / "src" / "gov_deadlines" / "data" / "calendar" / "local-xinjiang-2025.toml"
    diff = run_main("calendar", "diff", str(bundled), "--json")
    assert diff.code == 0, diff
    assert diff.json()["baseline"] == "national"
    changed = {c["date"] for c in diff.json()["changes"] if c["before"] == "workday"}
    assert changed == {d.isoformat() for d in LOCAL_WEEKDAYS}
    assert diff.json()["workdays_before"] - diff.json()["workdays_after"] == len(LOCAL_WEEKDAYS)
    shown = run_main("calendar", "show", str(bundled))
    assert shown.code == 0 and "古尔邦节(新疆维吾尔自治区):6、7、8、9、10日" in shown.out
