"""``gov-deadlines case`` (issue 15, §2): one application's clock at the terminal — from
options or a JSON/TOML file, its due dates, its status on the audit day (today unless
``--as-of``), the explanation, ``--timeline``; the CLI's conventions and exit codes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from _cli import run_main
from gov_deadlines.cases import audit_case
from gov_deadlines.dates import today

ISSUE_EXAMPLE = [
    "case",
    "--channel",
    "挂号信",
    "--submitted",
    "2026-03-18",
    "--signed-for",
    "2026-03-20",
    "--consult",
    "2026-04-01:2026-04-10",
    "--replied",
    "2026-04-28",
]


def test_the_issues_example_prints_the_due_date_the_status_and_the_explanation_in_chinese() -> None:
    result = run_main(*ISSUE_EXAMPLE, "--as-of", "2026-06-30")
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert lines[0] == "答复期限:2026-04-28(周二)24时 · 按时"
    assert "第三十一条第(二)项:“以行政机关签收之日为收到申请之日”" in result.out
    assert "合计排除6个工作日,答复期限顺延6个工作日至2026-04-28(周二)。" in result.out
    assert result.err == ""


def test_without_as_of_the_audit_day_is_today() -> None:
    result = run_main(*ISSUE_EXAMPLE, "--json")
    assert result.json()["as_of"] == today().isoformat()
    assert result.json()["as_of_given"] is False


def test_lang_en_gives_the_same_case_in_english() -> None:
    result = run_main(*ISSUE_EXAMPLE, "--as-of", "2026-06-30", "--lang", "en")
    assert result.code == 0, result
    assert result.out.startswith("Reply due: 2026-04-28 (Tue) 24:00 · on time\n")
    assert "6 working day" in result.out


def test_json_is_the_verdict_record_of_audit_case_with_its_explanation() -> None:
    result = run_main(*ISSUE_EXAMPLE, "--as-of", "2026-06-30", "--json")
    payload = result.json()
    verdict = audit_case(
        {
            "channel": "挂号信",
            "submitted": "2026-03-18",
            "signed_for": "2026-03-20",
            "consultations": [{"sent": "2026-04-01", "answered": "2026-04-10"}],
            "replied": "2026-04-28",
        },
        as_of=dt.date(2026, 6, 30),
    )
    expected = verdict.to_record("zh", explanation=True).model_dump(mode="json")
    assert {k: payload[k] for k in expected} == expected
    assert payload["as_of_given"] is True and payload["note"] is None
    assert payload["timeline"] is None


def test_a_historical_case_with_no_reply_is_judged_on_today_and_says_the_reply_is_missing() -> None:
    # issue 15, point 8: not silently "pending"
    result = run_main("case", "--channel", "当面", "--submitted", "2025-03-03")
    assert result.code == 1, result
    assert "逾期未办" in result.out.splitlines()[0]
    assert f"未记录答复日期:按今天({today().isoformat()})判断为“逾期未办" in result.out
    assert "--as-of" in result.out
    english = run_main("case", "--channel", "当面", "--submitted", "2025-03-03", "--lang", "en")
    assert "No reply date recorded: judged as of today" in english.out


def test_a_case_with_no_reply_judged_on_a_given_day_names_that_day() -> None:
    result = run_main(
        "case", "--channel", "当面", "--submitted", "2026-05-25", "--as-of", "2026-06-10"
    )
    assert result.code == 0, result
    assert "未记录答复日期:按核查日2026-06-10判断为“未到期,剩余8个工作日”" in result.out


def test_a_late_reply_exits_1_and_an_in_time_one_exits_0() -> None:
    late = run_main(
        "case", "--channel", "当面", "--submitted", "2026-05-25", "--replied", "2026-06-25"
    )
    assert late.code == 1 and "逾期2个工作日" in late.out.splitlines()[0]
    fine = run_main(
        "case", "--channel", "当面", "--submitted", "2026-05-25", "--replied", "2026-06-23"
    )
    assert fine.code == 0


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_toml_file_a_json_file_and_the_options_give_the_same_verdict(tmp_path: Path) -> None:
    toml = write(
        tmp_path / "case.toml",
        'channel = "挂号信"\nsubmitted = 2026-03-18\nsigned_for = "2026-03-20"\n'
        "replied = 2026-04-28\n[[consultations]]\nsent = 2026-04-01\nanswered = 2026-04-10\n",
    )
    as_json = write(
        tmp_path / "case.json",
        json.dumps(
            {
                "channel": "挂号信",
                "submitted": "2026-03-18",
                "signed_for": "2026年3月20日",
                "consultations": [
                    {"party": "第三方", "sent": "2026-04-01", "answered": "2026-04-10"}
                ],
                "replied": "2026-04-28",
            },
            ensure_ascii=False,
        ),
    )
    options = run_main(*ISSUE_EXAMPLE, "--as-of", "2026-06-30").out
    assert run_main("case", toml, "--as-of", "2026-06-30").out == options
    assert run_main("case", as_json, "--as-of", "2026-06-30").out == options


def test_an_option_replaces_the_value_in_the_case_file(tmp_path: Path) -> None:
    path = write(tmp_path / "case.toml", 'channel = "当面"\nsubmitted = 2026-05-25\n')
    result = run_main("case", path, "--replied", "2026-06-25", "--as-of", "2026-06-30")
    assert result.code == 1 and "完成于2026-06-25" in result.out
    other = run_main("case", path, "--submitted", "2026-05-26", "--as-of", "2026-06-01", "--json")
    assert other.json()["receipt_date"] == "2026-05-26"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--channel", "飞鸽", "--submitted", "2026-03-18"], ["无法识别的渠道", "--channel"]),
        (["--submitted", "2026-03-18"], ["缺少渠道", "--channel"]),
        (["--channel", "当面", "--submitted", "2026-02-30"], ["2026-02-30", "--submitted"]),
        (
            ["--channel", "挂号信", "--submitted", "2026-03-18", "--signed-for", "2026-03-17"],
            ["签收日期2026-03-17早于提交日期2026-03-18", "--signed-for"],
        ),
        (["--channel", "当面", "--submitted", "2026-05-25", "--consult", "a:b:c:d"], ["--consult"]),
        (
            ["--channel", "当面", "--submitted", "2026-05-25", "--consult", "2026-05-20"],
            ["征求意见发出日期2026-05-20早于收到申请日", "--consult"],
        ),
        (
            ["--channel", "当面", "--submitted", "2026-05-25", "--extension-days", "3"],
            ["缺少该项", "--extension-approved"],
        ),
        (["--channel", "当面", "--submitted", "2026-05-25", "--extension-days", "x"], ["整数"]),
        (["--channel", "当面"], ["缺少收到申请的日期"]),
        (["--channel", "当面", "--submitted", "2026-05-25", "--as-of", "昨天x"], ["昨天x"]),
        (
            ["--channel", "当面", "--submitted", "2026-05-25", "--warn-within", "-1"],
            ["--warn-within"],
        ),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message_naming_the_option_and_no_traceback(
    argv: list[str], words: list[str]
) -> None:
    result = run_main("case", *argv)
    assert result.code == 2, result
    assert result.out == ""
    assert result.err.startswith("错误:")
    for word in words:
        assert word in result.err, result
    assert "Traceback" not in result.err and "Extra inputs" not in result.err


def test_a_bad_case_file_exits_2_naming_the_file_and_the_line_or_field(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.json", '{"channel": "当面",\n "submitted": }')
    result = run_main("case", broken)
    assert result.code == 2 and "broken.json(第2行)" in result.err
    unknown = write(
        tmp_path / "unknown.toml", 'channel = "当面"\nsubmitted = 2026-05-25\nfoo = 1\n'
    )
    result = run_main("case", unknown)
    assert result.code == 2 and "foo" in result.err and "不是案件的字段" in result.err
    english = run_main("case", unknown, "--lang", "en")
    assert "foo: not a field of a case" in english.err
    listed = write(tmp_path / "list.json", "[1, 2]")
    assert "一个对象" in run_main("case", listed).err
    text = write(tmp_path / "case.txt", "channel = 1")
    assert ".json 或 .toml" in run_main("case", text).err
    missing = run_main("case", str(tmp_path / "missing.toml"))
    assert missing.code == 2 and "missing.toml" in missing.err
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"channel": "当面"}'.encode("gb18030"))
    assert "不是UTF-8" in run_main("case", str(latin)).err


def test_json_errors_are_one_object_with_the_error() -> None:
    result = run_main("case", "--channel", "飞鸽", "--submitted", "2026-03-18", "--json")
    assert result.code == 2
    assert set(result.json()) == {"error"}


def test_the_timeline_is_drawn_under_the_duties_and_in_json_as_plain_text() -> None:
    result = run_main(*ISSUE_EXAMPLE, "--as-of", "2026-06-30", "--timeline")
    assert " 1询  2征  3征  4休  5休" in result.out
    assert "27   28限 29   30" in result.out
    assert "\x1b[" not in result.out  # not a terminal: no colour
    payload = run_main(*ISSUE_EXAMPLE, "--as-of", "2026-06-30", "--timeline", "--json").json()
    assert "20收" in payload["timeline"] and "\x1b[" not in payload["timeline"]


def test_the_timeline_is_coloured_with_color_and_never_with_no_color() -> None:
    coloured = run_main(*ISSUE_EXAMPLE, "--as-of", "2026-06-30", "--timeline", "--color")
    assert "\x1b[1;34m20收\x1b[0m" in coloured.out
    plain = run_main(
        *ISSUE_EXAMPLE, "--as-of", "2026-06-30", "--timeline", "--color", env={"NO_COLOR": "1"}
    )
    assert plain.out == run_main(*ISSUE_EXAMPLE, "--as-of", "2026-06-30", "--timeline").out
    assert "\x1b[" not in plain.out


# -- the record as case files hold it (issue 15, §1) -------------------------------------------


def test_a_receipt_date_needs_no_channel_at_the_terminal() -> None:
    result = run_main(
        "case", "--received", "2026-03-20", "--replied", "2026-04-20", "--as-of", "2026-06-30"
    )
    assert result.code == 0, result
    assert "依据:案件记录的收到日期" in result.out
    assert result.out.splitlines()[0] == "答复期限:2026-04-20(周一)24时 · 按时"


def test_a_guard_signed_letter_runs_from_the_confirmation_and_without_it_says_what_is_missing() -> (
    None
):
    guard = ["case", "--channel", "挂号信", "--signed-for", "2026-03-20", "--signed-by", "门卫"]
    confirmed = run_main(
        *guard, "--confirmed", "2026-03-24", "--replied", "2026-04-22", "--as-of", "2026-06-30"
    )
    assert confirmed.code == 0 and "答复期限:2026-04-22(周三)24时 · 按时" in confirmed.out
    missing = run_main(*guard, "--replied", "2026-04-22", "--as-of", "2026-06-30")
    assert missing.code == 1
    assert "提示:挂号信由门卫、收发室等代签" in missing.out and "请补录确认日期" in missing.out
    bad = run_main(*guard[:5], "--signed-by", "邮差")
    assert bad.code == 2 and "--signed-by" in bad.err


def test_two_candidate_receipt_dates_give_both_outcomes_at_the_terminal_and_in_json() -> None:
    argv = ["case", "--channel", "当面", "--submitted", "2026-03-20", "--disputed", "2026-03-24"]
    argv += ["--replied", "2026-04-22", "--as-of", "2026-06-30"]
    text = run_main(*argv).out
    assert (
        "若以2026-03-20为收到申请日:答复期限2026-04-20(周一),逾期2个工作日" in text.splitlines()[2]
    )
    assert "若以2026-03-24为收到申请日:答复期限2026-04-22(周三),按时" in text.splitlines()[2]
    payload = run_main(*argv, "--json").json()
    assert [(a["receipt_date"], a["reply_status"]) for a in payload["receipt_alternatives"]] == [
        ("2026-03-20", "late"),
        ("2026-03-24", "on_time"),
    ]


def test_notice_date_chooses_which_date_of_the_reply_counts() -> None:
    argv = ["case", "--channel", "当面", "--submitted", "2026-03-20", "--reply-made", "2026-04-17"]
    argv += ["--reply-sent", "2026-04-21", "--as-of", "2026-06-30"]
    assert run_main(*argv).code == 1
    made = run_main(*argv, "--notice-date", "made")
    assert made.code == 0 and "由本库政策 notice-counts-when-sent 决定结论" in made.out


def test_a_consultation_known_without_its_dates_is_entered_as_its_party_alone() -> None:
    result = run_main(
        "case",
        "--channel",
        "当面",
        "--submitted",
        "2026-03-20",
        "--consult",
        "第三方",
        "--as-of",
        "2026-04-01",
    )
    assert result.code == 0 and "提示:记录了1次征求第三方意见,但没有发出、答复日期" in result.out
