"""``gov-deadlines audit`` (issue 6, §2): formats, languages, exit codes, no tracebacks.
Test names are sentences."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from gov_deadlines.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "audit-example.csv"
HEADER = "编号,渠道,提交日期,签收日期,确认日期,答复日期\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, text: str, name: str = "cases.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_the_default_output_is_the_markdown_summary_in_chinese_and_late_cases_exit_1() -> None:
    code, out, err = run("audit", str(EXAMPLE), "--as-of", "2026-06-30")
    assert code == 1, err
    assert out.startswith("# 依申请公开案件核查汇总")
    assert "| **合计** | **14** |" in out
    assert not err


def test_lang_en_gives_the_summary_in_english() -> None:
    code, out, _ = run("audit", str(EXAMPLE), "--as-of", "2026-06-30", "--lang", "en")
    assert code == 1 and out.startswith("# Audit of OGI application cases")


def test_a_clean_file_exits_0(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "A,当面,2026-09-28,,,2026-10-30\n")
    code, out, _ = run("audit", path, "--as-of", "2026-11-02")
    assert code == 0 and "全部按时 | 1" in out


def test_the_csv_output_has_a_bom_one_row_per_input_and_a_summary_on_stdout(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code, out, err = run("audit", str(EXAMPLE), "--as-of", "2026-06-30", "-o", str(target))
    assert code == 1, err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 15 and rows[0][0] == "行号"
    assert "核查14行" in out and str(target) in out


def test_csv_to_stdout_keeps_the_summary_on_stderr() -> None:
    code, out, err = run("audit", str(EXAMPLE), "--as-of", "2026-06-30", "--format", "csv")
    assert code == 1
    assert out.startswith("\ufeff行号,编号")
    assert "核查14行" in err


def test_jsonl_gives_one_json_object_per_row_with_explanations_on_request() -> None:
    code, out, _ = run(
        "audit",
        str(EXAMPLE),
        "--as-of",
        "2026-06-30",
        "--format",
        "jsonl",
        "--explain",
        "--lang",
        "en",
    )
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(records) == 14
    assert records[0]["explanation"].startswith("Case 2026-001")


def test_the_form_is_markdown_on_stdout_and_csv_in_a_csv_file(tmp_path: Path) -> None:
    code, out, _ = run("audit", str(EXAMPLE), "--as-of", "2026-06-30", "--format", "form")
    assert code == 1 and "| 序号 | 工作任务 | 完成情况 | 存在问题 |" in out
    target = tmp_path / "督察表.csv"
    code, _, _ = run(
        "audit",
        str(EXAMPLE),
        "--as-of",
        "2026-06-30",
        "--format",
        "form",
        "-o",
        str(target),
        "--responsible",
        "政务公开科",
    )
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][:4] == ["序号", "工作任务", "完成情况", "存在问题"]
    assert len(rows) == 4 and rows[3][5] == "政务公开科"


def test_the_format_follows_the_output_files_suffix(tmp_path: Path) -> None:
    target = tmp_path / "cases.jsonl"
    run("audit", str(EXAMPLE), "--as-of", "2026-06-30", "-o", str(target))
    assert len(target.read_text(encoding="utf-8").splitlines()) == 14


def test_json_prints_the_summary_as_one_object() -> None:
    code, out, _ = run("audit", str(EXAMPLE), "--as-of", "2026-06-30", "--json")
    payload = json.loads(out)
    assert code == 1 and payload["exit_code"] == 1
    assert payload["total"] == 14 == sum(payload["results"].values())


def test_a_malformed_row_is_reported_in_the_output_and_exits_2_without_a_traceback(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path, HEADER + "A,当面,2026-09-28,,,\nB,当面,2026-02-30,,,\nC,鸽子,2026-09-28,,,\n"
    )
    code, out, err = run("audit", path, "--as-of", "2026-10-01")
    assert code == 2
    assert "| 3 | B |" in out and "| 4 | C |" in out
    assert "Traceback" not in out + err
    code, out, _ = run("audit", path, "--as-of", "2026-10-01", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    assert [r[0] for r in rows[1:]] == ["2", "3", "4"]
    # the reason is in 说明与问题 (the last column until issue 16 added 数据版本 after it)
    notes = rows[0].index("说明与问题")
    assert rows[2][2] == "数据有误" and "日期" in rows[2][notes] and rows[2][-1] == ""


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["audit", "no-such-file.csv"], "no-such-file.csv"),
        (["audit", str(EXAMPLE), "--as-of", "2026-13-01"], "2026-13-01"),
        (["audit", str(EXAMPLE), "--format", "xml"], "xml"),
    ],
)
def test_bad_input_exits_2_with_a_message(argv: list[str], words: str) -> None:
    code, _, err = run(*argv)
    assert code == 2 and words in err and "Traceback" not in err


def test_a_header_without_a_channel_exits_2_naming_the_column(tmp_path: Path) -> None:
    path = write(tmp_path, "编号,提交日期\nA,2026-03-02\n")
    code, _, err = run("audit", path)
    assert code == 2 and "渠道/channel" in err
    code, _, err = run("audit", path, "--lang", "en")
    assert code == 2 and "channel" in err


def test_a_gb18030_file_from_excel_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "A,当面,2026-09-28,,,2026-10-30\n", encoding="gb18030")
    code, out, _ = run("audit", path, "--as-of", "2026-11-02")
    assert code == 0 and "全部按时 | 1" in out


def test_a_receipt_on_a_rest_day_can_be_kept_as_recorded(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "A,网络,2026-02-27,,2026-03-01,\n")
    _, moved, _ = run("audit", path, "--as-of", "2026-03-02", "--format", "csv")
    _, kept, _ = run(
        "audit", path, "--as-of", "2026-03-02", "--format", "csv", "--receipt-as-recorded"
    )
    assert ",2026-03-02,顺延(记录为2026-03-01)," in moved and ",2026-03-30," in moved
    assert ",2026-03-01,," in kept and ",2026-03-27," in kept


def test_the_installed_program_audits_the_example() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "gov_deadlines",
            "audit",
            str(EXAMPLE),
            "--as-of",
            "2026-06-30",
            "--format",
            "form",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "全面推进政务公开工作督察表" in done.stdout


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [
        ("", "文件为空", "the file is empty"),
        (",,,\n", "文件没有表头", "the file has no header row"),
        ("a,b,c\n1,2,3\n", "表头缺少", "the header has no channel column"),
    ],
)
def test_a_file_whose_layout_cannot_be_read_is_named_in_the_error(
    tmp_path: Path, text: str, zh: str, en: str
) -> None:
    # The message used to say only "文件为空" / "the file has no header row": not which of the
    # files a clerk audits one after another.
    path = write(tmp_path, text, name="登记表.csv")
    code, out, err = run("audit", path)
    assert code == 2 and out == ""
    assert err.startswith(f"错误:{path}:{zh}"), err
    code, _, err = run("audit", path, "--lang", "en")
    assert code == 2 and err.startswith(f"error: {path}: {en}"), err


def test_a_case_past_the_calendar_exits_2_as_due_does_with_the_remedy_named(
    tmp_path: Path,
) -> None:
    # Received 2026-12-24: its 20 working days need 2027, which has no notice loaded. `due`
    # refuses with 2; `audit` and `case` used to say 0 ("all fine") with the case
    # 无法计算, and a tool branching on the exit code took it as answered.
    path = write(tmp_path, HEADER + "X-1,当面,2026-12-24,,,\n")
    due = run("due", "ogi.reply", "2026-12-24")
    assert due[0] == 2
    for fmt in ("markdown", "csv", "jsonl", "form"):
        code, out, err = run("audit", path, "--as-of", "2026-12-28", "--format", fmt, "-q")
        assert code == 2, (fmt, err)
        assert "--calendar" in err and "--provisional" in err, (fmt, err)
    code, out, _ = run("audit", path, "--as-of", "2026-12-28", "--json")
    assert code == 2 and json.loads(out)["exit_code"] == 2
    case = ("case", "--channel", "当面", "--submitted", "2026-12-24", "--as-of", "2026-12-28")
    assert run(*case)[0] == 2
    # With --json, exit 2 is an error object, as `due --json` prints for the same question.
    code, out, _ = run(*case, "--json")
    due_json = json.loads(run("due", "ogi.reply", "2026-12-24", "--json")[1])
    assert code == 2 and set(json.loads(out)) == {"error"}
    assert json.loads(out)["error"]["type"] == due_json["error"]["type"]
    # With --provisional there is an answer, marked: not yet due.
    assert run("audit", path, "--as-of", "2026-12-28", "--provisional", "-q")[0] == 0
    assert run(*case, "--provisional")[0] == 0


def test_an_overdue_lateness_that_cannot_be_counted_is_not_reported_as_0_working_days(
    tmp_path: Path,
) -> None:
    # Due 2026-03-30, not replied, audited 2027-06-01 with no 2027 notice: overdue by 428
    # days, its working days unknown. The summary said "最长已逾期0个工作日" and the JSON
    # max_late_workdays 0.
    path = write(tmp_path, HEADER + "X-1,当面,2026-03-02,,,\n")
    code, out, _ = run("audit", path, "--as-of", "2027-06-01", "-q")
    assert code == 1, out
    assert "最长已逾期0个工作日" not in out
    assert "1件逾期未答复(逾期的工作日数无法计算" in out
    code, out, _ = run("audit", path, "--as-of", "2027-06-01", "--json")
    assert json.loads(out)["uncounted_late"]["reply"] == {"late": 0, "overdue": 1}
    # One counted and one not: the longest is the counted one's, the other is named.
    rows = "X-1,当面,2026-03-02,,,2026-04-02\nX-2,当面,2026-11-02,,,2027-01-05\n"
    both = write(tmp_path, HEADER + rows, name="both.csv")
    code, out, _ = run("audit", both, "--as-of", "2027-06-01", "-q")
    assert "2件逾期答复,最长逾期3个工作日(其中1件逾期的工作日数无法计算" in out, out
    code, out, _ = run("audit", path, "--as-of", "2027-06-01", "--format", "form", "--lang", "en")
    assert "cannot be counted" in out and "by 0 working" not in out
    # Counted when the calendar has the days: the same case audited in 2026.
    code, out, _ = run("audit", path, "--as-of", "2026-04-01", "-q")
    assert "最长已逾期2个工作日" in out
