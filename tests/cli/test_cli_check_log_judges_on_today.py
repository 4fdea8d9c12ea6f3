"""``check-log`` without ``--as-of`` judges on today in Beijing, as ``audit`` does: a window
not yet closed is pending (未到期), not missed, in every output (issue 10, item 7).
Test names are sentences. "Today" is fixed by replacing ``dates.today``."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from gov_deadlines import dates
from gov_deadlines.cli import main

#: Every jy-2024 duty of 2026 done, except the fourth quarter's circular, not yet due on
#: 1 December 2026.
LOG = (
    "rule,date\n"
    "ogi.annual-report,2026-01-30\n"
    "jy-2024.quarterly-circular,2026-03-27\n"
    "jy-2024.quarterly-circular,2026-06-26\n"
    "jy-2024.quarterly-circular,2026-09-25\n"
    "jy-2024.open-month,2026-08-21\n"
)


@pytest.fixture
def log(tmp_path: Path) -> str:
    path = tmp_path / "log.csv"
    path.write_text(LOG, encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def first_of_december(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: dt.date(2026, 12, 1))


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def check(log: str, *options: str) -> tuple[int, str, str]:
    return run("check-log", log, "--year", "2026", "--source", "jy-2024", *options)


def test_the_running_fourth_quarter_is_pending_not_missed_and_exits_0(log: str) -> None:
    code, out, _ = check(log)
    assert code == 0, out
    assert "核查日2026-12-01" in out
    assert "已完成5,逾期0,未完成0,未到期1" in out
    line = next(x for x in out.splitlines() if "jy-2024.quarterly-circular" in x)
    assert line.startswith("○ ") and "3/4个时段按时完成,1个未到期" in line


def test_the_json_names_the_day_and_the_window_pending(log: str) -> None:
    code, out, _ = check(log, "--json")
    payload = json.loads(out)
    assert code == 0 and payload["as_of"] == "2026-12-01"
    assert payload["all_met"] is True
    statuses = {(v["rule"], v["window_start"]): v["status"] for v in payload["verdicts"]}
    assert statuses[("jy-2024.quarterly-circular", "2026-10-01")] == "pending"
    assert sorted(set(statuses.values())) == ["on_time", "pending"]


def test_the_form_says_not_yet_due_instead_of_not_completed(log: str) -> None:
    code, out, _ = check(log, "--form")
    assert code == 0
    row = next(x for x in out.splitlines() if "每季度通报政务公开工作" in x)
    assert "| 未到期 | 第四季度尚未结束 |" in row
    assert "未完成" not in out
    assert "核查日:2026-12-01" in out


def test_the_form_as_csv_says_not_yet_due_too(log: str, tmp_path: Path) -> None:
    target = tmp_path / "form.csv"
    code, _, _ = check(log, "--form-csv", str(target), "--lang", "en")
    assert code == 0
    text = target.read_text(encoding="utf-8-sig")
    assert ",not yet due," in text and "not completed" not in text


def test_a_later_year_has_nothing_missed_yet(log: str) -> None:
    code, out, _ = run("check-log", log, "--year", "2027", "--form")
    assert code == 0
    assert "未完成" not in out
    assert "| 未到期 | 第一季度、第二季度、第三季度、第四季度尚未结束 |" in out


def test_a_missed_window_beside_a_running_one_is_still_not_completed(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(LOG.replace("jy-2024.quarterly-circular,2026-06-26\n", ""), "utf-8")
    code, out, _ = check(str(path), "--form")
    assert code == 1
    row = next(x for x in out.splitlines() if "每季度通报政务公开工作" in x)
    assert "| 未完成 | 第二季度无记录;第四季度尚未结束 |" in row


def test_as_of_still_chooses_the_day(log: str) -> None:
    code, out, _ = check(log, "--as-of", "2027-01-15")
    assert code == 1
    assert "核查日2027-01-15" in out and "未完成1" in out
