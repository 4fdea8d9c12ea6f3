"""Overlay files: a newly published notice or an amendment (project TOML or holiday-cn JSON).

A malformed file must fail with :class:`OverlayError` naming the file and the entry — never
with another exception from inside the loader.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from pathlib import Path

import pytest

from gov_deadlines import (
    CalendarCoverageError,
    DayKind,
    GovDeadlinesError,
    OverlayError,
    WorkCalendar,
    default_calendar,
    load_overlay,
)
from gov_deadlines.calendar.overlay import arrangement_from_holiday_cn, arrangement_from_own

D = dt.date

NOTICE = '[notice]\ntitle = "国务院办公厅关于2027年部分节假日安排的通知"\n'
HEAD = "year = 2027\n"


#: Every year's notice has a 春节 block; a file without one is refused as incomplete.
SPRING = '[[off]]\nholiday = "春节"\nfrom = 2027-02-06\nto = 2027-02-12'


def _toml(*tables: str, head: str = HEAD, notice: str = NOTICE) -> str:
    return head + "\n".join(tables) + "\n" + notice


def _json_day(name: str, date: str, off: bool) -> dict[str, object]:
    return {"name": name, "date": date, "isOffDay": off}


def _holiday_cn(*days: dict[str, object], year: object = 2027) -> str:
    return json.dumps({"year": year, "papers": [], "days": list(days)}, ensure_ascii=False)


def _spring(year: int = 2027) -> list[dict[str, object]]:
    """A 春节 block for a good holiday-cn file (the dates illustrate; they are no notice)."""
    first = D(year, 2, 6)
    return [_json_day("春节", (first + dt.timedelta(days=i)).isoformat(), True) for i in range(7)]


# (file name, content, words the entry must contain or None, words the problem must contain)
BAD_FILES: list[tuple[str, str | bytes, str | None, str]] = [
    # make-up day on a weekday
    (
        "weekday.toml",
        _toml('[[work]]\ndate = 2027-02-22\nholiday = "春节"'),
        "2027-02-22",
        "Saturday or a Sunday",
    ),
    (
        "weekday.json",
        _holiday_cn(_json_day("春节", "2027-02-22", False)),
        "2027-02-22",
        "Saturday or a Sunday",
    ),
    # a day both off and working
    (
        "both.toml",
        _toml(
            '[[off]]\nholiday = "春节"\nfrom = 2027-02-06\nto = 2027-02-08',
            '[[work]]\ndate = 2027-02-06\nholiday = "春节"',
        ),
        "2027-02-06",
        "both",
    ),
    (
        "both.json",
        _holiday_cn(_json_day("春节", "2027-02-06", True), _json_day("春节", "2027-02-06", False)),
        "2027-02-06",
        "both",
    ),
    # the same day twice
    (
        "twice.toml",
        _toml(
            '[[off]]\nholiday = "春节"\nfrom = 2027-02-06\nto = 2027-02-08',
            '[[off]]\nholiday = "春节"\nfrom = 2027-02-08',
        ),
        "2027-02-08",
        "twice",
    ),
    (
        "twice.json",
        _holiday_cn(_json_day("春节", "2027-02-06", True), _json_day("春节", "2027-02-06", True)),
        "2027-02-06",
        "twice",
    ),
    # dates outside the year
    (
        "next-year.toml",
        _toml('[[off]]\nholiday = "国庆节"\nfrom = 2028-10-01'),
        "2028-10-01",
        "outside 2027",
    ),
    (
        "block-over-new-year.toml",
        _toml('[[off]]\nholiday = "元旦"\nfrom = 2027-12-31\nto = 2028-01-01'),
        "2028-01-01",
        "outside 2027",
    ),
    (
        "december-not-new-year.json",
        _holiday_cn(_json_day("国庆节", "2026-12-30", True)),
        "2026-12-30",
        "outside 2027",
    ),
    (
        "early-december.json",
        _holiday_cn(_json_day("元旦", "2026-12-19", False)),
        "2026-12-19",
        "outside 2027",
    ),
    (
        "to-before-from.toml",
        _toml('[[off]]\nholiday = "春节"\nfrom = 2027-02-08\nto = 2027-02-06'),
        "off[0]",
        "before",
    ),
    # bad syntax
    ("syntax.toml", "year = = 2027\n", "line 1", "not valid TOML"),
    ("syntax.json", '{"year": 2027, "days": [', "line 1", "not valid JSON"),
    ("array.json", "[]", None, "must be an object"),
    ("empty.json", "", "line 1", "not valid JSON"),
    # missing fields
    ("no-notice.toml", HEAD, "notice", "required"),
    ("no-year.toml", NOTICE, "year", "required"),
    ("no-title.toml", HEAD + "[notice]\nnumber = 'x'\n", "notice.title", "required"),
    ("no-from.toml", _toml('[[off]]\nholiday = "春节"'), "off[0].from", "required"),
    ("no-holiday.toml", _toml("[[work]]\ndate = 2027-02-20"), "work[0].holiday", "required"),
    ("no-days.json", '{"year": 2027}', "days", "required"),
    ("no-year.json", '{"days": []}', "year", "required"),
    (
        "no-isoffday.json",
        _holiday_cn({"name": "春节", "date": "2027-02-06"}),
        "days[0].isOffDay",
        "required",
    ),
    # wrong types and values
    ("year-text.toml", _toml(head='year = "soon"\n'), "year", "integer"),
    ("year-range.toml", _toml(head="year = 1800\n"), "year", "greater than"),
    (
        "date-text.toml",
        _toml('[[off]]\nholiday = "春节"\nfrom = "tomorrow"'),
        "off[0].from",
        "date",
    ),
    (
        "holiday-number.toml",
        _toml("[[work]]\ndate = 2027-02-20\nholiday = 5"),
        "work[0].holiday",
        "string",
    ),
    (
        "holiday-empty.toml",
        _toml('[[work]]\ndate = 2027-02-20\nholiday = ""'),
        "work[0].holiday",
        "at least 1",
    ),
    ("off-not-a-list.toml", 'year = 2027\noff = "x"\n' + NOTICE, "off", "list"),
    (
        "unknown-key.toml",
        _toml('[[off]]\nholiday = "春节"\nfrom = 2027-02-06\nuntil = 2027-02-08'),
        "off[0].until",
        "Extra",
    ),
    ("notice-year.toml", HEAD + NOTICE + "year = 2026\n", "notice.year", "2026"),
    (
        "isoffday-text.json",
        _holiday_cn({"name": "春节", "date": "2027-02-06", "isOffDay": "perhaps"}),
        "days[0].isOffDay",
        "boolean",
    ),
    (
        "date-number.json",
        _holiday_cn({"name": "春节", "date": 20270206, "isOffDay": True}),
        "days[0].date",
        "date",
    ),
    (
        "date-invalid.json",
        _holiday_cn(_json_day("春节", "2027-02-30", True)),
        "days[0].date",
        "date",
    ),
    ("days-object.json", '{"year": 2027, "days": {}}', "days", "list"),
    ("day-number.json", '{"year": 2027, "days": [5]}', "days[0]", "dictionary"),
    ("year-nan.json", '{"year": NaN, "days": []}', "year", "finite"),
    ("year-text.json", _holiday_cn(year="soon"), "year", "integer"),
    # not UTF-8
    ("latin1.toml", (HEAD + '[notice]\ntitle = "caf\xe9"\n').encode("latin-1"), "line 3", "UTF-8"),
    (
        "gbk.json",
        _holiday_cn(_json_day("春节", "2027-02-06", True)).encode("gbk"),
        "line 1",
        "UTF-8",
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "entry", "problem"), BAD_FILES, ids=[case[0] for case in BAD_FILES]
)
def test_a_malformed_file_fails_with_an_overlay_error_naming_file_and_entry(
    tmp_path: Path, name: str, content: str | bytes, entry: str | None, problem: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(OverlayError) as caught:
        load_overlay(path)
    error = caught.value
    assert error.source == str(path)
    assert str(path) in str(error)
    assert problem in error.problem
    if entry is None:
        assert error.entry is None
    else:
        assert error.entry is not None and entry in error.entry
        assert error.entry in str(error)
    assert "docs/calendar.md" in str(error)
    assert str(path) in error.message("zh")
    # No chained traceback from inside the loader.
    assert error.__cause__ is None
    assert error.__context__ is None or error.__suppress_context__


def test_the_same_errors_come_through_with_overlays(tmp_path: Path) -> None:
    path = tmp_path / "weekday.toml"
    path.write_text(_toml('[[work]]\ndate = 2027-02-22\nholiday = "春节"'), encoding="utf-8")
    with pytest.raises(OverlayError, match=r"weekday\.toml"):
        default_calendar().with_overlays(path)


def test_an_overlay_error_is_a_value_error_and_a_gov_deadlines_error() -> None:
    with pytest.raises(ValueError) as caught:
        arrangement_from_holiday_cn({"year": 2027, "days": [5]})
    assert isinstance(caught.value, GovDeadlinesError)
    assert isinstance(caught.value, OverlayError)
    assert caught.value.source == "<data>"


def test_a_directory_is_an_unreadable_file(tmp_path: Path) -> None:
    directory = tmp_path / "2027.json"
    directory.mkdir()
    with pytest.raises(OverlayError, match="cannot read the file") as caught:
        load_overlay(directory)
    assert caught.value.source == str(directory)


def test_a_missing_file_is_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(OverlayError, match="cannot read the file"):
        load_overlay(tmp_path / "2027.toml")


def test_a_file_without_read_permission_is_an_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, which ignores chmod; simulate the OS refusing instead.
    path = tmp_path / "2027.toml"
    path.write_text(_toml(), encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    with pytest.raises(OverlayError, match="Permission denied") as caught:
        load_overlay(path)
    assert caught.value.source == str(path)


# -- good files ------------------------------------------------------------------------------


def test_a_minimal_toml_file_needs_only_the_year_and_the_notice_title(tmp_path: Path) -> None:
    path = tmp_path / "2027.toml"
    path.write_text(
        _toml(SPRING, '[[off]]\nholiday = "国庆节"\nfrom = 2027-10-01\nto = 2027-10-07'), "utf-8"
    )
    arrangement = load_overlay(path)
    assert arrangement.year == 2027
    assert arrangement.notice is not None and arrangement.notice.year == 2027
    assert len(arrangement.days_off) == 14
    assert arrangement.makeup_workdays == {}


def test_a_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "2027.json"
    path.write_bytes(
        b"\xef\xbb\xbf" + _holiday_cn(*_spring(), _json_day("国庆节", "2027-10-01", True)).encode()
    )
    assert D(2027, 10, 1) in load_overlay(path).days_off


def test_the_holiday_cn_papers_become_the_citation() -> None:
    arrangement = arrangement_from_holiday_cn(
        {"year": 2027, "papers": ["https://www.gov.cn/x"], "days": _spring()}
    )
    assert arrangement.notice is not None
    assert arrangement.notice.read_at == "https://www.gov.cn/x"
    assert not arrangement.notice.verified


def test_an_unknown_holiday_name_is_kept_verbatim() -> None:
    arrangement = arrangement_from_holiday_cn(
        {"year": 2027, "days": [*_spring(), _json_day("某纪念日", "2027-09-03", True)]}
    )
    holiday = arrangement.days_off[D(2027, 9, 3)]
    assert (holiday.zh, holiday.en) == ("某纪念日", "某纪念日")


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_new_year_block_spilling_into_late_december_is_accepted(tmp_path: Path, fmt: str) -> None:
    # Like the 2007, 2012 and 2019 notices: Thu 2026-12-31 off, Sat 2026-12-26 worked.
    if fmt == "toml":
        path = tmp_path / "2027.toml"
        path.write_text(
            _toml(
                '[[off]]\nholiday = "元旦"\nfrom = 2026-12-31\nto = 2027-01-03',
                '[[work]]\ndate = 2026-12-26\nholiday = "元旦"',
                SPRING,
            ),
            "utf-8",
        )
    else:
        path = tmp_path / "2027.json"
        days = [_json_day("元旦", "2026-12-26", False), *_spring()] + [
            _json_day("元旦", day, True)
            for day in ("2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03")
        ]
        path.write_text(_holiday_cn(*days), "utf-8")
    loaded = default_calendar().with_overlays(path)
    assert loaded.is_workday(D(2026, 12, 26))
    saturday = loaded.day_info(D(2026, 12, 26))
    assert saturday.kind is DayKind.MAKEUP_WORKDAY
    assert saturday.notice is not None and saturday.notice.year == 2027
    assert not loaded.is_workday(D(2026, 12, 31))
    assert loaded.day_info(D(2026, 12, 31)).holiday is not None
    assert loaded.add_workdays(D(2026, 12, 30), 1) == D(2027, 1, 4)
    # The default calendar, without the 2027 notice, still says otherwise.
    assert not default_calendar().is_workday(D(2026, 12, 26))
    assert default_calendar().is_workday(D(2026, 12, 31))


def _toml_of_year(cal: WorkCalendar, year: int, extra_off: dict[dt.date, str]) -> str:
    """The year's arrangement written back as an overlay, with extra days off added."""
    arrangement = cal.arrangements()[year]
    lines = [f"year = {year}"]
    for day, holiday in sorted(arrangement.days_off.items()):
        lines += ["[[off]]", f'holiday = "{holiday.zh}"', f"from = {day.isoformat()}"]
    for day, name in sorted(extra_off.items()):
        lines += ["[[off]]", f'holiday = "{name}"', f"from = {day.isoformat()}"]
    for day, holiday in sorted(arrangement.makeup_workdays.items()):
        lines += ["[[work]]", f"date = {day.isoformat()}", f'holiday = "{holiday.zh}"']
    lines += [
        "[notice]",
        f'title = "国务院办公厅关于{year}年部分节假日安排的通知(调整后)"',
        'number = "test amendment"',
    ]
    return "\n".join(lines) + "\n"


def test_an_overlay_for_a_covered_year_replaces_it_like_a_mid_year_amendment(
    tmp_path: Path,
) -> None:
    cal = default_calendar()
    path = tmp_path / "2024-amended.toml"
    path.write_text(_toml_of_year(cal, 2024, {D(2024, 9, 13): "中秋节"}), "utf-8")
    amended = cal.with_overlays(path, replace_official=True)
    assert cal.is_workday(D(2024, 9, 13))
    assert not amended.is_workday(D(2024, 9, 13))
    assert amended.add_workdays(D(2024, 9, 12), 1) == D(2024, 9, 14)
    info = amended.day_info(D(2024, 9, 13))
    assert info.kind is DayKind.HOLIDAY
    assert info.notice is not None and info.notice.number == "test amendment"
    assert amended.coverage == cal.coverage
    # Everything else is as before, including 2024's own late-December spill.
    for day in (D(2023, 12, 30), D(2024, 2, 4), D(2024, 9, 14), D(2024, 10, 1), D(2025, 1, 26)):
        assert amended.is_workday(day) == cal.is_workday(day), day
    assert amended.workdays_between(D(2024, 1, 1), D(2024, 12, 31)) == (
        cal.workdays_between(D(2024, 1, 1), D(2024, 12, 31)) - 1
    )


def test_a_later_overlay_for_the_same_year_wins(tmp_path: Path) -> None:
    first = tmp_path / "a.json"
    second = tmp_path / "b.json"
    first.write_text(_holiday_cn(*_spring(), _json_day("国庆节", "2027-10-01", True)), "utf-8")
    second.write_text(_holiday_cn(*_spring(), _json_day("国庆节", "2027-10-02", True)), "utf-8")
    loaded = default_calendar().with_overlays(first, second)
    assert not loaded.is_workday(D(2027, 10, 2))
    assert loaded.day_info(D(2027, 10, 1)).kind is DayKind.WORKDAY


def test_an_overlay_for_a_later_year_leaves_the_gap_uncovered(tmp_path: Path) -> None:
    path = tmp_path / "2028.json"
    path.write_text(
        _holiday_cn(*_spring(2028), _json_day("国庆节", "2028-10-02", True), year=2028), "utf-8"
    )
    loaded = default_calendar().with_overlays(path)
    assert not loaded.is_workday(D(2028, 10, 2))
    # Two spans, 2027 between them uncovered (the coverage was one span before issue 10).
    assert [(s.first, s.last) for s in loaded.coverage.spans] == [
        (D(2004, 1, 1), D(2026, 12, 31)),
        (D(2028, 1, 1), D(2028, 12, 31)),
    ]
    assert D(2027, 6, 1) not in loaded.coverage
    with pytest.raises(CalendarCoverageError, match="2027"):
        loaded.add_workdays(D(2026, 12, 20), 300)


def test_arrangement_from_own_accepts_parsed_data() -> None:
    arrangement = arrangement_from_own(
        {
            "year": 2027,
            "notice": {"title": "t"},
            "off": [{"holiday": "春节", "from": "2027-02-06", "to": "2027-02-12"}],
            "work": [{"date": "2027-02-20", "holiday": "春节"}],
        }
    )
    assert D(2027, 2, 20) in arrangement.makeup_workdays
