"""Compliance over an activity log (issue 7): ``check_log``, ``read_log`` and the supervision form.

Test names are sentences.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines import default_calendar, default_catalogue
from gov_deadlines.outputs import supervision_rows, write_form
from gov_deadlines.outputs.supervision import HEADERS_ZH
from gov_deadlines.recurring import LogEntry, LogError, check_log, read_log
from gov_deadlines.recurring.windows import Occurrence, schedule
from gov_deadlines.vocabulary import Status

D = dt.date
CAT = default_catalogue()
SOURCES = sorted(CAT.sources)
PROVISIONAL = default_calendar(provisional=True)
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "log-example.csv"


def verdict_of(result: list, rule_id: str, start: dt.date | None = None):  # type: ignore[no-untyped-def]
    found = [
        v
        for v in result
        if v.rule_id == rule_id and (start is None or v.occurrence.window_start == start)
    ]
    assert len(found) == 1
    return found[0]


# -- acceptance -------------------------------------------------------------------------------------


@pytest.mark.parametrize("sources", [None, ["sd-2018"], ["jy-2024"], ["bz-2017", "jy-2024"]])
def test_an_empty_log_reports_every_quota_and_cadence_of_the_chosen_sources_missed(
    sources: list[str] | None,
) -> None:
    result = check_log([], 2026, sources=sources)
    expected = Counter(o.rule_id for o in schedule(2026, sources=sources))
    assert Counter(v.rule_id for v in result) == expected
    recurring = {r.id for r in CAT.rules(sources=sources, kind=("cadence", "quota"))}
    recurring -= {"sd-2018.meeting-attendance", "sh-2018.meeting-attendance"}  # 2018 only
    recurring -= {"sh-2018.leader-briefing", "sh-2018.self-inspection", "jy-2024.leader-briefing"}
    assert recurring <= {v.rule_id for v in result}
    assert all(v.status is Status.OVERDUE and v.found == 0 and not v.met for v in result)
    assert not result.all_met
    assert result.unmatched == ()


# -- examples ----------------------------------------------------------------------------------------------


def test_an_annual_report_published_on_tuesday_3_february_2026_is_3_days_and_2_working_days_late() -> (
    None
):
    result = check_log([("ogi.annual-report", "2026-02-03")], 2026, sources="ogi-2019")
    verdict = verdict_of(result, "ogi-2019.annual-report")
    assert verdict.status is Status.LATE
    assert (verdict.late_by_days, verdict.late_by_workdays) == (3, 2)
    assert verdict.missed and not verdict.met
    assert verdict.finding("zh") == "逾期3天(2个工作日):截止2026-01-31,2026-02-03完成"
    assert "late by 3 days (2 working days)" in verdict.finding("en")


def test_an_annual_report_on_the_last_working_day_before_the_saturday_is_on_time() -> None:
    result = check_log(
        [{"rule": "ogi-2019.annual-report", "date": D(2026, 1, 30)}], 2026, sources="ogi-2019"
    )
    assert verdict_of(result, "ogi-2019.annual-report").status is Status.ON_TIME


def test_an_act_on_the_saturday_due_date_itself_is_still_on_time() -> None:
    result = check_log([("ogi.annual-report", D(2026, 1, 31))], 2026, sources="ogi-2019")
    assert verdict_of(result, "ogi-2019.annual-report").met


def test_one_annual_report_satisfies_both_the_statute_and_the_juyuan_plan_that_delegates_to_it() -> (
    None
):
    result = check_log(
        [("jy-2024.annual-report", "2026-01-20")], 2026, sources=["ogi-2019", "jy-2024"]
    )
    assert verdict_of(result, "ogi-2019.annual-report").met
    assert verdict_of(result, "jy-2024.annual-report").met


def test_one_special_inspection_of_the_two_required_is_a_shortfall() -> None:
    result = check_log([("bz-2017.special-inspections", "2026-06-10")], 2026, sources="bz-2017")
    verdict = verdict_of(result, "bz-2017.special-inspections")
    assert (verdict.required, verdict.found, verdict.status, verdict.shortfall) == (
        2,
        1,
        Status.OVERDUE,
        1,
    )
    assert verdict.finding("zh") == "2026年应不少于2次,仅记录1次"


def test_the_august_open_month_needs_its_event_in_august() -> None:
    in_july = check_log([("jy-2024.open-month", "2026-07-31")], 2026, sources="jy-2024")
    assert verdict_of(in_july, "jy-2024.open-month").status is Status.OVERDUE
    assert [u.entry.done_on for u in in_july.unmatched] == [D(2026, 7, 31)]
    in_august = check_log([("jy-2024.open-month", "2026-08-01")], 2026, sources="jy-2024")
    assert verdict_of(in_august, "jy-2024.open-month").met


def test_a_missed_second_quarter_is_found_and_named_on_the_form() -> None:
    log = [
        ("jy-2024.quarterly-circular", "2026-03-27"),
        ("jy-2024.quarterly-circular", "2026-09-25"),
        ("jy-2024.quarterly-circular", "2026-12-25"),
        ("ogi.annual-report", "2026-01-29"),
        ("jy-2024.open-month", "2026-08-21"),
    ]
    result = check_log(log, 2026, sources="jy-2024")
    q2 = verdict_of(result, "jy-2024.quarterly-circular", D(2026, 4, 1))
    assert q2.status is Status.OVERDUE
    assert [v.status for v in result if v.rule_id == "jy-2024.quarterly-circular"] == [
        Status.ON_TIME,
        Status.OVERDUE,
        Status.ON_TIME,
        Status.ON_TIME,
    ]
    rows = supervision_rows(result, "zh")
    circular = next(r for r in rows if r.task.startswith("每季度通报"))
    assert circular.task == "每季度通报政务公开工作(2026年,按季度)"
    assert circular.completed is False
    assert circular.problems == "第二季度无记录"
    assert circular.cells(1, "zh")[2] == "未完成"
    others = [r for r in rows if r is not circular]
    assert all(r.completed and r.problems == "" for r in others)


def test_several_missed_windows_are_listed_together_and_per_window_rows_name_each() -> None:
    result = check_log([("sd-2018.housing-fund-quarterly", "2026-02-01")], 2026, sources="sd-2018")
    rows = supervision_rows([v for v in result if v.rule_id == "sd-2018.housing-fund-quarterly"])
    assert rows[0].problems == "第二季度、第三季度、第四季度无记录"
    per_window = supervision_rows(
        [v for v in result if v.rule_id == "sd-2018.housing-fund-quarterly"], "en", per_window=True
    )
    assert [r.completed for r in per_window] == [True, False, False, False]
    assert per_window[1].problems == "Q2 2026: no record"


def test_a_late_fixed_date_is_completed_on_the_form_with_the_delay_as_the_problem() -> None:
    result = check_log([("ogi.annual-report", "2026-02-03")], 2026, sources="ogi-2019")
    (row,) = supervision_rows(result, "zh")
    assert row.completed is True
    assert row.problems.startswith("逾期3天")
    assert row.responsible == CAT.rule("ogi-2019.annual-report").binds_zh


def test_the_form_renders_with_the_seven_columns_of_the_supervision_checklist() -> None:
    result = check_log([], 2026, sources="jy-2024")
    markdown = io.StringIO()
    assert write_form(supervision_rows(result), markdown, title="2026年").rows == 3
    table = markdown.getvalue()
    assert table.startswith("## 2026年\n")
    assert "| " + " | ".join(HEADERS_ZH) + " |" in table
    assert "| 1 | 按时发布政府信息公开年报(2026年,截至2026-01-31) | 未完成 |" in table
    stream = io.StringIO()
    assert write_form(supervision_rows(result), stream, format="csv").rows == 3
    assert stream.getvalue().startswith("\ufeff序号,工作任务,完成情况")


def test_entries_that_count_for_no_window_are_reported_with_the_reason() -> None:
    log = [
        ("document-issued", "2026-03-02"),
        ("bz-2017.normative-document", "2026-03-05"),
        ("sd-2018.soe-monthly", "2026-03-05"),
        ("jy-2024.quarterly-circular", "2025-12-30"),
    ]
    result = check_log(log, 2026, sources="jy-2024")
    reasons = {u.entry.rule: u.reason("en") for u in result.unmatched}
    assert "trigger event" in reasons["document-issued"]
    assert "runs from a trigger" in reasons["bz-2017.normative-document"]
    assert "chosen sources have no duty" in reasons["sd-2018.soe-monthly"]
    assert "in no window" in reasons["jy-2024.quarterly-circular"]
    assert len(result.unmatched) == len(log)


def test_windows_still_open_on_the_as_of_day_are_pending_not_missed() -> None:
    result = check_log([], 2026, sources="jy-2024", as_of=D(2026, 5, 15))
    statuses = {v.occurrence.window_label("en"): v.status for v in result}
    assert statuses["by 2026-01-31"] is Status.OVERDUE
    assert statuses["Q1 2026"] is Status.OVERDUE
    assert statuses["Q2 2026"] is Status.PENDING
    assert statuses["August 2026"] is Status.PENDING
    assert not result.all_met
    assert check_log(
        [("ogi.annual-report", "2026-01-05"), ("jy-2024.quarterly-circular", "2026-02-05")],
        2026,
        sources="jy-2024",
        as_of=D(2026, 3, 31),
    ).all_met


def test_a_late_act_past_the_official_calendar_has_its_working_days_unknown_or_provisional() -> (
    None
):
    official = check_log([("sd-2018.school-admission", "2027-08-03")], 2027, sources="sd-2018")
    verdict = verdict_of(official, "sd-2018.school-admission")
    assert (verdict.status, verdict.late_by_days, verdict.late_by_workdays) == (
        Status.LATE,
        3,
        None,
    )
    assert "工作日数未知" in verdict.finding("zh")
    provisional = check_log(
        [("sd-2018.school-admission", "2027-08-03")], 2027, sources="sd-2018", calendar=PROVISIONAL
    )
    verdict = verdict_of(provisional, "sd-2018.school-admission")
    assert (verdict.late_by_workdays, verdict.provisional) == (2, True)
    assert "[临时推算]" in verdict.finding("zh")


def test_log_entries_take_chinese_keys_clerk_dates_and_datetimes() -> None:
    entry = LogEntry.model_validate(
        {"规则": " jy-2024.open-month ", "日期": "2026年8月3日", "备注": "开放日"}
    )
    assert (entry.rule, entry.done_on, entry.note) == (
        "jy-2024.open-month",
        D(2026, 8, 3),
        "开放日",
    )
    aware = dt.datetime(2026, 7, 31, 17, 0, tzinfo=dt.UTC)  # 01:00 on 1 August in Beijing
    assert LogEntry(rule="jy-2024.open-month", date=aware).done_on == D(2026, 8, 1)  # type: ignore[arg-type]


def test_an_unknown_rule_id_in_the_log_is_refused_with_suggestions() -> None:
    with pytest.raises(LogError) as caught:
        check_log([("ogi.anual-report", "2026-01-05")], 2026)
    assert "ogi.annual-report" in str(caught.value)
    assert "没有编号为" in caught.value.message("zh")


def test_a_log_entry_that_is_not_a_pair_or_a_mapping_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="log entry 1"):
        check_log(["ogi.annual-report"], 2026)  # type: ignore[list-item]


# -- reading a log file ------------------------------------------------------------------------------------


def test_the_example_log_reads_with_chinese_headers_and_keeps_every_row() -> None:
    entries = read_log(EXAMPLE)
    assert len(entries) == len(EXAMPLE.read_text(encoding="utf-8").strip().splitlines()) - 1
    assert entries[0].line == 2
    assert entries[2].done_on == D(2026, 6, 26)  # written 2026年6月26日


def test_english_headers_in_any_order_with_a_bom_and_blank_lines() -> None:
    text = "\ufeffNote,Date,Rule\nfirst,2026-03-01,sd-2018.soe-monthly\n\n,2026-04-01,sd-2018.soe-monthly\n"
    entries = read_log(text=text)
    assert [(e.rule, e.done_on, e.line) for e in entries] == [
        ("sd-2018.soe-monthly", D(2026, 3, 1), 2),
        ("sd-2018.soe-monthly", D(2026, 4, 1), 4),
    ]
    assert entries[0].note == "first"


def test_a_gbk_file_from_excel_reads(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes("规则,日期\njy-2024.open-month,2026年8月3日\n".encode("gbk"))
    assert read_log(path)[0].done_on == D(2026, 8, 3)


def test_every_malformed_row_is_reported_with_its_line_number() -> None:
    text = (
        "rule,date\n"
        "ogi.annual-report,2026-13-01\n"
        ",2026-01-02\n"
        "ogi.anual-report,2026-01-05\n"
        "jy-2024.open-month,\n"
        "jy-2024.open-month,2026-08-03\n"
    )
    with pytest.raises(LogError) as caught:
        read_log(text=text)
    assert [p[0] for p in caught.value.problems] == [2, 3, 4, 5]
    message = caught.value.message("zh")
    for line in (2, 3, 4, 5):
        assert f"第{line}行" in message
    assert "line 4: unknown rule id 'ogi.anual-report'" in str(caught.value)


def test_a_header_without_rule_and_date_columns_is_refused() -> None:
    with pytest.raises(LogError, match="'rule'"):
        read_log(text="what,when\nx,2026-01-01\n")
    with pytest.raises(LogError, match="empty"):
        read_log(text="\n\n")


# -- properties ----------------------------------------------------------------------------------------------


def exact_log(occurrences: list[Occurrence], offsets: st.DataObject) -> list[tuple[str, dt.date]]:
    """Exactly the required acts: ``required`` entries per distinct duty and window."""
    log: list[tuple[str, dt.date]] = []
    seen: set[tuple[str, dt.date]] = set()
    for occ in occurrences:
        key = (occ.act, occ.window_start)
        if key in seen:
            continue
        seen.add(key)
        span = (occ.due_date - occ.window_start).days
        for _ in range(occ.required):
            day = occ.window_start + dt.timedelta(days=offsets.draw(st.integers(0, span)))
            log.append((occ.act, day))
    return log


years = st.integers(min_value=2005, max_value=2040)
source_sets = st.one_of(st.none(), st.lists(st.sampled_from(SOURCES), min_size=1, unique=True))


@given(years, source_sets, st.data())
def test_a_log_with_exactly_the_required_acts_meets_every_window(
    year: int, sources: list[str] | None, data: st.DataObject
) -> None:
    occurrences = schedule(year, sources=sources)
    log = exact_log(occurrences, data)
    result = check_log(log, year, sources=sources)
    assert len(result) == len(occurrences)
    assert all(v.met for v in result)
    assert result.all_met
    assert result.unmatched == ()


@given(years, source_sets, st.data())
def test_one_act_fewer_misses_exactly_that_window(
    year: int, sources: list[str] | None, data: st.DataObject
) -> None:
    occurrences = schedule(year, sources=sources)
    log = exact_log(occurrences, data)
    if not log:
        return
    removed = data.draw(st.integers(0, len(log) - 1))
    act, day = log.pop(removed)
    result = check_log(log, year, sources=sources)
    bad = [v for v in result if not v.met]
    assert bad
    for verdict in bad:
        occ = verdict.occurrence
        assert occ.act == act
        assert occ.window_start <= day <= occ.due_date
        assert verdict.status is Status.OVERDUE
        assert verdict.found == occ.required - 1
    # every occurrence of that duty and window is missed, and only those
    expected = {
        (o.rule_id, o.window_start)
        for o in occurrences
        if o.act == act and o.window_start <= day <= o.window_end
    }
    assert {(v.rule_id, v.occurrence.window_start) for v in bad} == expected


def test_a_duty_missed_in_every_window_is_one_short_finding_on_the_form() -> None:
    result = check_log([], 2026, sources="sd-2018")
    rows = {r.task: r for r in supervision_rows(result)}
    assert rows["按月发布全省环境空气质量状况及排名(2026年,按月)"].problems == "全年各月均无记录"
    assert rows["各县按季度公开饮用水水源监测信息(2026年,按季度)"].problems == "全年各季度均无记录"
    inspections = supervision_rows(check_log([], 2026, sources="bz-2017"), "en")
    assert inspections[1].problems == "2026: no record (at least 2 required)"


def test_an_aware_as_of_is_read_as_its_beijing_day() -> None:
    # 2026-01-31 17:00 UTC is 2026-02-01 01:00 in Beijing: the January window has ended
    evening = dt.datetime(2026, 1, 31, 17, 0, tzinfo=dt.UTC)
    statuses = {
        as_of: {
            v.occurrence.window_label("en"): v.status
            for v in check_log([], 2026, sources="jy-2024", as_of=as_of)
        }["by 2026-01-31"]
        for as_of in (D(2026, 1, 31), evening, D(2026, 2, 1))
    }
    assert statuses == {
        D(2026, 1, 31): Status.PENDING,
        evening: Status.OVERDUE,
        D(2026, 2, 1): Status.OVERDUE,
    }
