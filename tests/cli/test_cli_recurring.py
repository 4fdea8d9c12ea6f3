"""The ``schedule`` and ``check-log`` commands (issue 7). Test names are sentences."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from gov_deadlines.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "log-example.csv"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def run_json(*argv: str) -> tuple[int, Any]:
    code, out, _ = run(*argv, "--json")
    return code, json.loads(out)


# -- schedule ------------------------------------------------------------------------------------------


def test_schedule_2026_lists_the_annual_report_with_its_last_working_day() -> None:
    code, out, _ = run("schedule", "2026")
    assert code == 0
    assert "2026年定期任务与固定日期(全部来源):66项" in out
    line = next(x for x in out.splitlines() if "ogi-2019.annual-report" in x)
    assert "2026-01-31 周六" in line and "最后工作日 2026-01-30 周五" in line


def test_schedule_2027_warns_that_last_working_days_are_not_computed() -> None:
    code, out, _ = run(
        "schedule", "2027", "--source", "sd-2018", "--rule", "sd-2018.school-admission"
    )
    assert code == 0
    assert "2027-07-31 周六  最后工作日未知" in out
    assert "--provisional" in out
    code, out, _ = run(
        "schedule", "2027", "--rule", "sd-2018.school-admission", "--provisional", "--lang", "en"
    )
    assert "last working day 2027-07-30 Fri [provisional]" in out


def test_schedule_json_gives_records_with_windows_and_citations() -> None:
    code, payload = run_json("schedule", "2026", "--source", "jy-2024,sd-2018")
    assert code == 0
    assert payload["sources"] == ["jy-2024", "sd-2018"]
    circulars = [o for o in payload["occurrences"] if o["rule"] == "jy-2024.quarterly-circular"]
    assert [o["window_start"] for o in circulars] == [
        "2026-01-01",
        "2026-04-01",
        "2026-07-01",
        "2026-10-01",
    ]
    assert circulars[0]["citation"]["quote"] == "坚持每季度通报工作"
    assert payload["ics"] is None


def test_schedule_writes_an_ics_file_with_reminders(tmp_path: Path) -> None:
    pytest.importorskip("icalendar")
    target = tmp_path / "duties.ics"
    code, out, _ = run(
        "schedule", "2026", "--ics", str(target), "--reminder-days", "5", "--lang", "en"
    )
    assert code == 0
    assert f"Wrote {target}: 66 events, 66 reminders." in out
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR") and data.count(b"BEGIN:VALARM") == 66


def test_schedule_without_icalendar_explains_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)
    code, _, err = run("schedule", "2026", "--ics", str(tmp_path / "x.ics"))
    assert code == 2
    assert "gov-deadlines[ics]" in err
    assert not (tmp_path / "x.ics").exists()


@pytest.mark.parametrize(
    "argv", [["schedule", "20x6"], ["schedule", "2026", "--reminder-days", "-1"]]
)
def test_schedule_refuses_bad_input_with_exit_2(argv: list[str]) -> None:
    code, _, err = run(*argv)
    assert code == 2
    assert err


def test_schedule_of_an_unknown_source_suggests_the_right_one() -> None:
    code, _, err = run("schedule", "2026", "--source", "sd-2019")
    assert code == 2
    assert "sd-2018" in err


# -- check-log ---------------------------------------------------------------------------------------------


def test_the_example_log_finds_the_missed_third_quarter_and_the_late_report_and_exits_1() -> None:
    code, out, _ = run(
        "check-log",
        str(EXAMPLE),
        "--year",
        "2026",
        "--source",
        "jy-2024",
        "--source",
        "ogi-2019",
        "--as-of",
        "2027-01-15",
    )
    assert code == 1
    assert "7个时段,已完成4,逾期2,未完成1" in out
    assert "第三季度无记录" in out
    assert "逾期3天(2个工作日)" in out
    assert "第7行 jy-2024.policy-consultation-reply" in out  # reported, not dropped


def test_the_form_comes_out_as_the_supervision_checklist() -> None:
    code, out, err = run(
        "check-log",
        str(EXAMPLE),
        "--year",
        "2026",
        "--source",
        "jy-2024",
        "--form",
        "--as-of",
        "2027-01-15",
    )
    assert code == 1
    assert (
        "| 序号 | 工作任务 | 完成情况 | 存在问题 | 整改措施 | 整改责任主体 | 材料提供部门 |" in out
    )
    assert "| 3 | 每季度通报政务公开工作(2026年,按季度) | 未完成 | 第三季度无记录 |" in out
    assert "jy-2024.policy-consultation-reply" in err


def test_the_form_is_written_as_csv_with_a_bom(tmp_path: Path) -> None:
    target = tmp_path / "form.csv"
    code, out, _ = run(
        "check-log",
        str(EXAMPLE),
        "--year",
        "2026",
        "--source",
        "jy-2024",
        "--form-csv",
        str(target),
        "--lang",
        "en",
        "--as-of",
        "2027-01-15",
    )
    assert code == 1
    text = target.read_text(encoding="utf-8")
    assert text.startswith("\ufeffNo.,Task,Status,Problems found")
    assert f"Form written to {target} (3 rows)." in out


def test_check_log_json_has_every_window_and_the_unmatched_entries() -> None:
    code, payload = run_json(
        "check-log",
        str(EXAMPLE),
        "--year",
        "2026",
        "--source",
        "jy-2024",
        "--form",
        "--as-of",
        "2027-01-15",
    )
    assert code == 1
    assert payload["all_met"] is False
    assert len(payload["verdicts"]) == 6
    assert payload["unmatched"][0]["line"] == 7
    assert payload["form"]["headers"][0] == "序号"


def test_a_log_meeting_every_duty_exits_0(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "rule,date\n"
        "ogi.annual-report,2026-01-30\n"
        "jy-2024.quarterly-circular,2026-03-27\n"
        "jy-2024.quarterly-circular,2026-06-26\n"
        "jy-2024.quarterly-circular,2026-09-25\n"
        "jy-2024.quarterly-circular,2026-12-25\n"
        "jy-2024.open-month,2026-08-21\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        "check-log",
        str(log),
        "--year",
        "2026",
        "--source",
        "jy-2024",
        "--lang",
        "en",
        "--as-of",
        "2027-01-15",
    )
    assert code == 0
    assert "6 windows, 6 met, 0 late, 0 missed" in out


def test_an_empty_log_misses_everything_and_exits_1(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("规则,日期\n", encoding="utf-8")
    code, payload = run_json(
        "check-log", str(log), "--year", "2026", "--source", "sd-2018", "--as-of", "2027-01-15"
    )
    assert code == 1
    assert payload["verdicts"] and all(v["status"] == "overdue" for v in payload["verdicts"])


def test_windows_not_ended_on_the_as_of_day_are_pending(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "rule,date\nogi.annual-report,2026-01-30\njy-2024.quarterly-circular,2026-03-02\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        "check-log", str(log), "--year", "2026", "--source", "jy-2024", "--as-of", "2026-04-15"
    )
    assert code == 0
    assert "未到期4" in out


def test_malformed_rows_are_each_reported_with_their_line_number_and_exit_2(tmp_path: Path) -> None:
    log = tmp_path / "bad.csv"
    log.write_text(
        "rule,date\nogi.annual-report,2026-13-01\n,2026-01-02\nogi.anual-report,2026-01-05\njy-2024.open-month,\n",
        encoding="utf-8",
    )
    code, out, err = run("check-log", str(log), "--year", "2026")
    assert code == 2
    assert out == ""
    for line in (2, 3, 4, 5):
        assert f"第{line}行" in err
    code, payload = run_json("check-log", str(log), "--year", "2026", "--lang", "en")
    assert code == 2
    assert payload["error"]["type"] == "LogError"
    assert "line 4: unknown rule id 'ogi.anual-report'" in payload["error"]["message"]


def test_a_missing_log_file_or_header_is_bad_input(tmp_path: Path) -> None:
    code, _, err = run("check-log", str(tmp_path / "none.csv"), "--year", "2026")
    assert code == 2 and "无法读取文件" in err
    log = tmp_path / "log.csv"
    log.write_text("what,when\n", encoding="utf-8")
    code, _, err = run("check-log", str(log), "--year", "2026", "--lang", "en")
    assert code == 2 and "'rule'" in err


def test_check_log_needs_the_year() -> None:
    code, _, err = run("check-log", str(EXAMPLE))
    assert code == 2
    assert "--year" in err
