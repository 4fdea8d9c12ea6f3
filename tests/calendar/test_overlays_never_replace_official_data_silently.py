"""Issue 10, item 3: an overlay file cannot silently stand in for a year's official data.

Replacing official data needs ``replace_official=True`` (``--replace-official``), and the
result then names the overlay as its data. Overlays are checked with errors naming the file
and the entry: no 春节 block, a 上班 day on a weekday, a day twice, a JSON key twice, a day
outside the year's possible range. The checks live in one reusable function
(:func:`gov_deadlines.calendar.checks.check_listed_days`).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from _cli import run_main as run
from gov_deadlines import OverlayError, deadline, default_calendar, load_overlay
from gov_deadlines.calendar.checks import ListedDay, check_listed_days, expand_block
from gov_deadlines.calendar.holiday import NATIONAL_DAY, NEW_YEARS_DAY, SPRING_FESTIVAL

D = dt.date


def _write(path: Path, days: list[dict[str, object]], year: int = 2026) -> Path:
    path.write_text(json.dumps({"year": year, "days": days}, ensure_ascii=False), "utf-8")
    return path


def _partial_2026(tmp_path: Path) -> Path:
    """A 2026 file with a 春节 block but without the National Day block of the notice."""
    days: list[dict[str, object]] = [
        {"name": "春节", "date": f"2026-02-{day}", "isOffDay": True} for day in range(15, 24)
    ]
    return _write(tmp_path / "2026-partial.json", days)


def test_an_empty_overlay_for_a_year_with_official_data_is_refused_naming_the_file(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path / "2026.json", [])
    with pytest.raises(OverlayError) as caught:
        default_calendar().with_overlays(path)
    assert caught.value.source == str(path)
    assert caught.value.entry == "春节"


def test_a_partial_overlay_does_not_replace_the_official_year_without_replace_official(
    tmp_path: Path,
) -> None:
    path = _partial_2026(tmp_path)
    with pytest.raises(OverlayError, match="replace_official") as caught:
        default_calendar().with_overlays(path)
    assert caught.value.source == str(path)
    assert caught.value.entry == "year"
    assert "--replace-official" in caught.value.message("zh")
    assert "replace_official=True" not in caught.value.message("zh")
    # The official answer is untouched.
    assert deadline(D(2026, 9, 28), "20个工作日").due_date == D(2026, 10, 30)


def test_with_replace_official_the_result_names_the_overlay_as_its_data(tmp_path: Path) -> None:
    path = _partial_2026(tmp_path)
    cal = default_calendar().with_overlays(path, replace_official=True)
    result = deadline(D(2026, 9, 28), "20个工作日", calendar=cal)
    assert result.due_date == D(2026, 10, 26)  # the file has no National Day block
    (line,) = result.calendar_data
    assert str(path) in line and "replacing" in line


def test_a_later_overlay_replaces_an_earlier_overlay_of_the_same_year(tmp_path: Path) -> None:
    spring = [{"name": "春节", "date": "2027-02-06", "isOffDay": True}]
    first = _write(tmp_path / "a.json", [*spring], year=2027)
    second = _write(
        tmp_path / "b.json",
        [*spring, {"name": "国庆节", "date": "2027-10-04", "isOffDay": True}],
        year=2027,
    )
    cal = default_calendar().with_overlays(first).with_overlays(second)
    assert not cal.is_workday(D(2027, 10, 4))


def test_the_cli_refuses_to_replace_official_data_unless_given_replace_official(
    tmp_path: Path,
) -> None:
    path = _partial_2026(tmp_path)
    refused = run("add", "2026-09-28", "20个工作日", "--calendar", str(path))
    assert refused.code == 2
    assert str(path) in refused.err and "--replace-official" in refused.err
    assert "replace_official=True" not in refused.err
    allowed = run(
        "add", "2026-09-28", "20个工作日", "--calendar", str(path), "--replace-official", "--json"
    )
    assert allowed.code == 0, allowed.err
    data = json.loads(allowed.out)
    assert data["due_date"] == "2026-10-26"
    assert any(str(path) in line for line in data["calendar_data"])


@pytest.mark.parametrize("command", [["due", "ogi.reply", "2026-09-28"], ["cal", "2026-10"]])
def test_every_command_that_takes_calendar_takes_replace_official(
    tmp_path: Path, command: list[str]
) -> None:
    path = _partial_2026(tmp_path)
    result = run(*command, "--calendar", str(path), "--replace-official")
    assert result.code == 0, result.err


def test_a_json_key_given_twice_is_refused_naming_the_key(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"year": 2027, "year": 2026, "days": []}', "utf-8")
    with pytest.raises(OverlayError, match="twice") as caught:
        load_overlay(path)
    assert caught.value.entry == "key 'year'"


def test_a_day_listed_twice_names_both_entries(tmp_path: Path) -> None:
    days: list[dict[str, object]] = [
        {"name": "春节", "date": "2027-02-06", "isOffDay": True},
        {"name": "春节", "date": "2027-02-07", "isOffDay": True},
        {"name": "春节", "date": "2027-02-06", "isOffDay": True},
    ]
    with pytest.raises(OverlayError, match=r"first at days\[0\]") as caught:
        load_overlay(_write(tmp_path / "twice.json", days, year=2027))
    assert caught.value.entry is not None and caught.value.entry.startswith("days[2]")


# -- the reusable checks ---------------------------------------------------------------------


def _day(day: dt.date, off: bool = True, holiday: object = SPRING_FESTIVAL) -> ListedDay:
    assert holiday in (SPRING_FESTIVAL, NATIONAL_DAY, NEW_YEARS_DAY)
    return ListedDay(day, holiday, off, "第一条")  # type: ignore[arg-type]


def test_the_generic_checks_accept_a_sound_year_and_split_days_off_from_working_days() -> None:
    off, work = check_listed_days(
        2027,
        [
            _day(D(2027, 2, 6)),
            _day(D(2027, 2, 20), off=False),
            _day(D(2026, 12, 31), True, NEW_YEARS_DAY),
        ],
        "通知正文",
    )
    assert set(off) == {D(2027, 2, 6), D(2026, 12, 31)}
    assert work == {D(2027, 2, 20): SPRING_FESTIVAL}


@pytest.mark.parametrize(
    ("days", "words"),
    [
        ([_day(D(2027, 10, 1), True, NATIONAL_DAY)], "春节"),
        ([_day(D(2027, 2, 6)), _day(D(2027, 2, 22), off=False)], "Saturday or a Sunday"),
        ([_day(D(2027, 2, 6)), _day(D(2027, 2, 6))], "twice"),
        ([_day(D(2027, 2, 6)), _day(D(2027, 2, 6), off=False)], "both"),
        ([_day(D(2027, 2, 6)), _day(D(2026, 12, 30), True, NATIONAL_DAY)], "outside 2027"),
        ([_day(D(2027, 2, 6)), _day(D(2026, 12, 24), True, NEW_YEARS_DAY)], "outside 2027"),
        ([_day(D(2027, 2, 6)), _day(D(2028, 1, 1), True, NEW_YEARS_DAY)], "outside 2027"),
    ],
)
def test_the_generic_checks_refuse_what_no_notice_says_naming_source_and_entry(
    days: list[ListedDay], words: str
) -> None:
    with pytest.raises(OverlayError) as caught:
        check_listed_days(2027, days, "通知正文")
    assert words in caught.value.problem
    assert caught.value.source == "通知正文"
    assert caught.value.entry is not None


def test_a_block_is_bounded_before_its_days_are_listed() -> None:
    with pytest.raises(OverlayError, match="outside 2027") as caught:
        expand_block(
            2027,
            SPRING_FESTIVAL,
            D(2027, 2, 1),
            D(9999, 12, 31),
            off=True,
            entry="off[0]",
            source="x",
        )
    assert caught.value.entry == "off[0] (day off 9999-12-31)"
