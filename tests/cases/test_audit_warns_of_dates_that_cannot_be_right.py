"""Issue 10, item 16: dates the clock can count but that cannot be right are warnings on
the result, in every output, on both paths of the batch audit — never a silent pass."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from gov_deadlines.cases import audit_case, audit_csv
from gov_deadlines.cli import main
from gov_deadlines.outputs import Summary, form_rows, write_case_csv, write_jsonl

AS_OF = dt.date(2026, 11, 1)
HEADER = "编号,渠道,提交日期,补正告知日期,补正到达日期,征求意见发出日期,延期批准日期,答复日期\n"
# 2026-10-17 is a Saturday: the receipt moves to Monday 2026-10-19.
DOUBTFUL = {
    "reply-before-moved-receipt": ("A,当面,2026-10-17,,,,,2026-10-18", "before_receipt"),
    "consultation-before-receipt": ("A,当面,2026-10-17,,,2026-10-17,,", "before_receipt"),
    "reply-after-audit-day": ("A,当面,2026-09-30,,,,,2026-12-20", "after_audit_day"),
    "receipt-after-audit-day": ("A,当面,2026-11-10,,,,,", "after_audit_day"),
    "extension-after-audit-day": ("A,当面,2026-10-08,,,,2026-11-03,", "after_audit_day"),
    "reply-before-correction-arrived": (
        "A,当面,2026-09-01,2026-09-02,2026-09-10,,,2026-09-05",
        "before_clock",
    ),
}


def outputs(text: str, lang: str = "zh") -> tuple[str, str, Summary]:
    fast, general = io.StringIO(newline=""), io.StringIO(newline="")
    summary = write_case_csv(audit_csv(io.StringIO(text, newline=""), as_of=AS_OF), fast, lang=lang)
    general_summary = write_case_csv(
        iter(audit_csv(io.StringIO(text, newline=""), as_of=AS_OF)), general, lang=lang
    )
    assert fast.getvalue() == general.getvalue()
    assert summary.to_record(lang).model_dump(mode="json") == general_summary.to_record(
        lang
    ).model_dump(mode="json")
    assert summary.markdown(lang) == general_summary.markdown(lang)
    jsonl = io.StringIO()
    write_jsonl(audit_csv(io.StringIO(text, newline=""), as_of=AS_OF), jsonl, lang=lang)
    return fast.getvalue(), jsonl.getvalue(), summary


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_replies_on_the_rest_day_a_receipt_was_moved_from_come_out_the_same_on_both_paths(
    lang: str,
) -> None:
    rows = [f"C{i},当面,2026-10-{17 + i % 2},,,,,2026-10-{17 + i % 3}" for i in range(12)] + [
        "D,网络,2026-10-01,,,,,2026-10-03",
        "E,当面,2026-10-17,,,,,2026-10-19",
    ]
    case_csv, _, summary = outputs(HEADER + "\n".join(rows) + "\n", lang)
    assert summary.doubtful > 0 and case_csv.count("2026-10-19") > 1


@pytest.mark.parametrize("name", DOUBTFUL)
def test_a_date_that_cannot_be_right_is_a_warning_in_every_output_on_both_paths(name: str) -> None:
    row, code = DOUBTFUL[name]
    text = HEADER + row + "\n" + "B,当面,2026-09-30,,,,,2026-10-20\n"
    case_csv, jsonl, summary = outputs(text)
    cells = list(csv.DictReader(io.StringIO(case_csv.lstrip("\ufeff"), newline="")))
    assert "日期存疑" in cells[0]["提示"] and cells[1]["提示"] == ""
    record = json.loads(jsonl.splitlines()[0])
    assert code in [f["code"] for f in record["findings"] if f["warning"]]
    assert summary.doubtful == 1 and summary.doubtful_examples[0][0] == 2
    assert "日期存疑的案件" in summary.markdown("zh") and "doubtful dates" in summary.markdown("en")
    assert "日期存疑" in form_rows(summary)[2].problems
    assert not form_rows(summary)[2].completed
    assert summary.to_record().model_dump(mode="json")["doubtful_rows"][0]["line"] == 2


def test_the_case_audit_names_a_reply_dated_after_the_audit_day() -> None:
    verdict = audit_case(
        {"channel": "当面", "submitted": "2026-09-30", "replied": "2026-12-20"}, as_of=AS_OF
    )
    assert [w.code for w in verdict.warnings] == ["after_audit_day"]
    assert "2026-12-20" in verdict.warnings[0].text("en")


def test_plausible_dates_give_no_warning() -> None:
    verdict = audit_case(
        {"channel": "当面", "submitted": "2026-10-19", "replied": "2026-10-20"}, as_of=AS_OF
    )
    assert verdict.warnings == ()


def test_a_log_entry_dated_after_the_audit_day_counts_for_nothing_and_is_named(
    tmp_path: Path,
) -> None:
    from gov_deadlines.recurring import check_log

    entries = [("ogi.annual-report", "2026-01-20"), ("jy-2024.quarterly-circular", "2026-12-05")]
    result = check_log(entries, 2026, sources="jy-2024", as_of=dt.date(2026, 11, 20))
    q4 = [v for v in result if v.occurrence.window_label("en") == "Q4 2026"]
    assert q4 and q4[0].found == 0
    (unmatched,) = result.unmatched
    assert unmatched.entry.done_on == dt.date(2026, 12, 5)
    assert "after the audit day 2026-11-20" in unmatched.reason("en")
    assert "日期存疑" in unmatched.reason("zh")
    log = tmp_path / "log.csv"
    log.write_text(
        "rule,date\nogi.annual-report,2026-01-20\njy-2024.quarterly-circular,2026-12-05\n",
        encoding="utf-8",
    )
    for extra in ([], ["--json"], ["--form"]):
        out, err = io.StringIO(), io.StringIO()
        main(
            ["check-log", str(log), "--year", "2026", "--source", "jy-2024",
             "--as-of", "2026-11-20", *extra],
            stdout=out, stderr=err,
        )  # fmt: skip
        assert "日期存疑" in out.getvalue() + err.getvalue()


def test_completion_before_the_trigger_is_a_warning_not_a_silent_on_time() -> None:
    from gov_deadlines import due
    from gov_deadlines.counting import check

    deadline = due("ogi.reply", dt.date(2026, 10, 20))
    early = check(deadline, dt.date(2026, 10, 10))
    assert early.before_trigger and early.warnings("en")
    assert "before the trigger, 2026-10-20" in early.summary("en")
    assert "日期存疑" in early.summary("zh")
    assert not check(deadline, dt.date(2026, 10, 21)).warnings()
    out, err = io.StringIO(), io.StringIO()
    main(
        ["due", "ogi.reply", "2026-10-20", "--done", "2026-10-10", "--json"], stdout=out, stderr=err
    )
    assert json.loads(out.getvalue())["verdict"]["warnings"]
