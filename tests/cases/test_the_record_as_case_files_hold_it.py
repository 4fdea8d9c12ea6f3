"""Issue 15, §1: the application record as agencies and courts actually have it — one test
(or more), named as a sentence, for each of the issue's eight points, on the receipt rules of
2019 art. 31 and 国办公开办函〔2015〕207号, and the acceptance items: a guard-signed letter
with and without its confirmation, and two candidate receipt dates giving both outcomes in
text, JSON and CSV.

The words relied on, quoted (``WORDS``) and checked here against their sources: art. 31 of
the 2019 条例 from ``../shared/statutes/ogi-2019.txt``; 207号 as quoted in issue 15 (not in
``../shared/statutes``: second-hand, and the policy that applies it says so).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from gov_deadlines.cases import (
    AuditPolicy,
    CaseError,
    Channel,
    NoticeDate,
    SignedBy,
    audit_case,
    audit_cases,
    audit_csv,
    parse_case,
)
from gov_deadlines.cases.duties import WARNING_CODES
from gov_deadlines.catalogue.policies import default_policies
from gov_deadlines.cli import main
from gov_deadlines.outputs import write_case_csv, write_jsonl
from statute_texts import STATUTES, TEXT_FILES, body_text

D = dt.date
AS_OF = D(2026, 6, 30)

#: 2019 art. 31 (2): registered post is received on the day the agency signs for it.
ART_31_POST = "申请人以邮寄方式提交政府信息公开申请的，以行政机关签收之日为收到申请之日"
#: 2019 art. 31 (3): internet channels are received on the day both sides confirm.
ART_31_INTERNET = "以双方确认之日为收到申请之日"
#: 2019 art. 31 (3) in full, which governs e-mail under the 2019 条例 (lead's decision).
ART_31_INTERNET_ITEM = (
    "申请人通过互联网渠道或者政府信息公开工作机构的传真提交政府信息公开申请的，"
    "以双方确认之日为收到申请之日"
)
#: 207号, as quoted in issue 15 (second-hand).
EMAIL_207 = "自电子邮件系统接收之日为收到申请之日"


@pytest.mark.skipif(
    not STATUTES.is_dir(), reason="../shared/statutes not found; it sits beside the repository"
)
def test_the_words_relied_on_are_art_31_as_officially_worded_and_207_marked_second_hand() -> None:
    text = body_text(TEXT_FILES["ogi-2019"])
    assert ART_31_POST in text and ART_31_INTERNET in text
    basis = default_policies()["email-received-by-the-mail-system"].basis_zh
    assert f"“{ART_31_INTERNET_ITEM}”" in basis and ART_31_INTERNET_ITEM in text
    assert f"“{EMAIL_207}”" in basis and "二手引用" in basis and "未核对官方全文" in basis
    guard = default_policies()["guard-signed-letter-received-on-confirmation"].basis_zh
    assert "二手" in guard and "第三十一条第(二)项" in guard


# -- 1. a receipt date with no channel ---------------------------------------------------------


def test_point_1_a_record_with_a_receipt_date_and_no_channel_is_counted_from_that_date_and_says_so() -> (
    None
):
    verdict = audit_case({"received": "2026-03-20", "replied": "2026-04-20"}, as_of=AS_OF)
    assert verdict.channel is Channel.UNKNOWN
    assert verdict.receipt_date == D(2026, 3, 20) and verdict.receipt_field == "received"
    assert not verdict.receipt_assumed
    assert verdict.reply_due_date == D(2026, 4, 20) and verdict.result == "ok"
    text = verdict.explain("zh")
    assert "依据:案件记录的收到日期(收到申请之日已由记录确定,不按递交渠道推定)" in text
    assert "Rule: the date of receipt the record gives" in verdict.explain("en")


def test_point_1_a_recorded_receipt_date_wins_over_the_channels_date_and_the_difference_is_stated() -> (
    None
):
    verdict = audit_case(
        {"channel": "挂号信", "signed_for": "2026-03-19", "received": "2026-03-20"}, as_of=AS_OF
    )
    assert verdict.receipt_date == D(2026, 3, 20)
    (note,) = [f for f in verdict.findings if f.code == "received_recorded"]
    assert "2026-03-19" in note.text("zh") and "未采用" in note.text("zh")


def test_point_1_a_csv_with_a_receipt_date_column_and_no_channel_column_is_audited() -> None:
    rows = list(
        audit_csv(io.StringIO("编号,收到日期,答复日期\nA,2026-03-20,2026-04-21\n"), as_of=AS_OF)
    )
    assert rows[0].verdict is not None and rows[0].verdict.reply.late_by_workdays == 1


# -- 2. the reply's three dates ---------------------------------------------------------------

REPLY = {"channel": "当面", "submitted": "2026-03-20"}  # reply due 2026-04-20 (Mon)


def test_point_2_a_reply_with_made_sent_and_delivered_dates_counts_the_day_it_was_sent_by_default() -> (
    None
):
    verdict = audit_case(
        {
            **REPLY,
            "reply_made": "2026-04-17",
            "reply_sent": "2026-04-20",
            "reply_delivered": "2026-04-22",
        },
        as_of=AS_OF,
    )
    assert verdict.reply.done_on == D(2026, 4, 20) and verdict.reply.status.value == "on_time"


def test_point_2_when_the_three_dates_straddle_the_due_date_the_policy_decided_and_the_explanation_says_so() -> (
    None
):
    case = {
        **REPLY,
        "reply_made": "2026-04-17",
        "reply_sent": "2026-04-21",
        "reply_delivered": "2026-04-23",
    }
    sent = audit_case(case, as_of=AS_OF)
    assert sent.reply.status.value == "late" and sent.reply.late_by_workdays == 1
    (decided,) = [f for f in sent.findings if f.code == "notice_policy_decided"]
    text = decided.text("zh")
    assert "由本库政策 notice-counts-when-sent 决定结论" in text
    assert "若以作出之日为准,则按时" in text and "若以送达之日为准,则逾期3个工作日" in text
    assert "政策 notice-counts-when-sent" in sent.explain("zh")
    made = audit_case(case, as_of=AS_OF, policy=AuditPolicy(notice_date=NoticeDate.MADE))
    assert made.reply.status.value == "on_time"
    delivered = audit_case(case, as_of=AS_OF, policy=AuditPolicy(notice_date=NoticeDate.DELIVERED))
    assert delivered.reply.late_by_workdays == 3


def test_point_2_a_missing_sent_date_is_counted_from_the_nearest_one_and_says_what_it_would_change() -> (
    None
):
    late = audit_case({**REPLY, "reply_delivered": "2026-04-22"}, as_of=AS_OF)
    assert late.reply.done_on == D(2026, 4, 22)
    (missing,) = [f for f in late.findings if f.code == "notice_date_missing"]
    assert missing.warning
    assert "若寄出日期不晚于期限2026-04-20,则为按时" in missing.text("zh")
    # delivered in time: it was sent in time, whatever the day
    sure = audit_case({**REPLY, "reply_delivered": "2026-04-20"}, as_of=AS_OF)
    (certain,) = [f for f in sure.findings if f.code == "notice_date_missing"]
    assert "无论该日期是哪一天,结论都不变" in certain.text("zh")
    # made late: late, whatever the day it was sent
    made_late = audit_case({**REPLY, "reply_made": "2026-04-21"}, as_of=AS_OF)
    assert made_late.reply.status.value == "late"
    missing_made = next(f for f in made_late.findings if f.code == "notice_date_missing")
    assert "Whatever that date was" in missing_made.text("en")


def test_point_2_the_old_single_reply_date_keeps_its_meaning() -> None:
    verdict = audit_case({**REPLY, "replied": "2026-04-21"}, as_of=AS_OF)
    assert verdict.reply.done_on == D(2026, 4, 21)
    assert not [f for f in verdict.findings if f.code.startswith("notice_")]


def test_point_2_a_notice_delivered_before_it_was_sent_is_refused_naming_the_field() -> None:
    with pytest.raises(CaseError) as caught:
        parse_case({**REPLY, "reply_sent": "2026-04-20", "reply_delivered": "2026-04-18"})
    assert caught.value.field == "reply_delivered"
    assert "通知应先作出、再寄出、后送达" in caught.value.zh


# -- 3. the 补正 and extension notices' dates ------------------------------------------------------


def test_point_3_the_correction_notice_counts_the_day_it_was_sent() -> None:
    verdict = audit_case(
        {
            **REPLY,
            "supplement_made": "2026-03-27",
            "supplement_sent": "2026-03-31",
            "supplement_received": "2026-04-08",
        },
        as_of=AS_OF,
    )
    notice = verdict.duty("supplement_notice")
    assert notice is not None and notice.done_on == D(2026, 3, 31)
    assert notice.due_date == D(2026, 3, 31) and notice.status.value == "on_time"


def test_point_3_the_extension_notice_counts_the_day_it_was_sent_and_its_made_date_alone_is_flagged() -> (
    None
):
    base = {**REPLY, "replied": "2026-05-12"}
    sent = audit_case(
        {
            **base,
            "extension": {
                "approved": "2026-04-14",
                "sent": "2026-04-16",
                "delivered": "2026-04-22",
            },
        },
        as_of=AS_OF,
    )
    assert sent.extension_workdays == 20
    assert sent.duty("extension").done_on == D(2026, 4, 16)  # type: ignore[union-attr]
    delivered = audit_case(
        {
            **base,
            "extension": {
                "approved": "2026-04-14",
                "sent": "2026-04-16",
                "delivered": "2026-04-22",
            },
        },
        as_of=AS_OF,
        policy=AuditPolicy(notice_date=NoticeDate.DELIVERED),
    )
    assert delivered.extension_workdays == 0  # told after the original limit (2026-04-20)
    assert any(f.code == "notice_policy_decided" for f in delivered.findings)


# -- 4. a letter signed for by a guard room ----------------------------------------------------

GUARD = {
    "channel": "挂号信",
    "submitted": "2026-03-17",
    "signed_for": "2026-03-20",
    "signed_by": "门卫",
}


def test_point_4_a_guard_signed_letter_with_a_later_confirmation_runs_from_the_confirmation() -> (
    None
):
    verdict = audit_case({**GUARD, "confirmed": "2026-03-24", "replied": "2026-04-22"}, as_of=AS_OF)
    assert verdict.receipt_date == D(2026, 3, 24) and verdict.receipt_field == "confirmed"
    assert verdict.reply_due_date == D(2026, 4, 22) and verdict.result == "ok"
    (note,) = [f for f in verdict.findings if f.code == "signed_by_other"]
    assert "国办公开办函〔2015〕207号" in note.text("zh")
    assert "政策 guard-signed-letter-received-on-confirmation" in verdict.explain("zh")
    assert SignedBy.parse("收发室") is SignedBy.OTHER


def test_point_4_a_guard_signed_letter_without_the_confirmation_says_what_is_missing() -> None:
    verdict = audit_case({**GUARD, "replied": "2026-04-22"}, as_of=AS_OF)
    assert verdict.receipt_date == D(2026, 3, 20) and verdict.receipt_assumed
    assert verdict.reply_due_date == D(2026, 4, 20)  # the earliest it can be
    codes = [f.code for f in verdict.findings]
    assert "confirmation_missing" in codes and "receipt_assumed" not in codes
    (missing,) = [f for f in verdict.findings if f.code == "confirmation_missing"]
    assert missing.warning
    text = missing.text("zh")
    assert "未记录政府信息公开工作机构确认收到的日期(确认日期)" in text
    assert "确认日每晚一个工作日,各期限顺延一个工作日" in text and "请补录确认日期" in text


def test_point_4_a_letter_signed_for_by_the_ogi_office_is_received_on_the_signature_as_art_31_says() -> (
    None
):
    verdict = audit_case({**GUARD, "signed_by": "ogi_office"}, as_of=AS_OF)
    assert verdict.receipt_date == D(2026, 3, 20) and not verdict.receipt_assumed
    assert "以行政机关签收之日为收到申请之日" in verdict.explain("zh")


# -- 5. e-mail ---------------------------------------------------------------------------------


def test_a_2018_email_receipt_counts_from_the_mail_systems_receipt() -> None:
    # The 2008 条例 had no receipt rule: 207号 fixes it, whatever the confirmation says.
    verdict = audit_case(
        {
            "channel": "email",
            "submitted": "2018-03-19",
            "email_received": "2018-03-20",
            "confirmed": "2018-03-23",
        },
        as_of=AS_OF,
    )
    assert verdict.version == "2008"
    assert verdict.receipt_date == D(2018, 3, 20) and verdict.receipt_field == "email_received"
    assert not verdict.receipt_assumed
    (note,) = [f for f in verdict.findings if f.code.startswith("email_")]
    assert note.code == "email_receipt" and "第三十一条第(三)项" not in note.text("zh")
    text = verdict.explain("zh")
    assert f"“{EMAIL_207}”" in text and "政策 email-received-by-the-mail-system" in text


def test_a_2018_email_with_its_sending_date_only_is_received_that_day_not_assumed() -> None:
    verdict = audit_case({"channel": "电子邮件", "submitted": "2018-03-20"}, as_of=AS_OF)
    assert verdict.receipt_date == D(2018, 3, 20) and not verdict.receipt_assumed
    assert "receipt_assumed" not in [f.code for f in verdict.findings]


def test_a_2026_email_with_a_confirmation_counts_from_the_confirmation() -> None:
    verdict = audit_case(
        {
            "channel": "email",
            "submitted": "2026-03-19",
            "email_received": "2026-03-20",
            "confirmed": "2026-03-23",
        },
        as_of=AS_OF,
    )
    assert verdict.version == "2019"
    assert verdict.receipt_date == D(2026, 3, 23) and verdict.receipt_field == "confirmed"
    assert not verdict.receipt_assumed
    assert verdict.reply_due_date == D(2026, 4, 21)
    (note,) = [f for f in verdict.findings if f.code.startswith("email_")]
    assert note.code == "email_confirmed" and "2026-03-20" in note.text("zh")
    text = verdict.explain("zh")
    assert ART_31_INTERNET in text and "电子邮件为互联网渠道" in text


def test_a_2026_email_without_a_confirmation_counts_from_the_mail_systems_receipt_naming_the_missing_confirmation() -> (
    None
):
    verdict = audit_case(
        {"channel": "email", "submitted": "2026-03-19", "email_received": "2026-03-20"},
        as_of=AS_OF,
    )
    assert verdict.receipt_date == D(2026, 3, 20) and verdict.receipt_field == "email_received"
    assert verdict.receipt_assumed and verdict.reply_due_date == D(2026, 4, 20)
    codes = [f.code for f in verdict.findings]
    assert "email_confirmation_missing" in codes and "receipt_assumed" not in codes
    (note,) = [f for f in verdict.findings if f.code == "email_confirmation_missing"]
    assert note.code in WARNING_CODES
    zh, en = note.text("zh"), note.text("en")
    assert "未记录双方确认收到的日期" in zh and "最早可能" in zh and "顺延一个工作日" in zh
    assert "confirmation" in en and "earliest" in en


def test_the_option_restores_207_for_a_2026_email() -> None:
    policy = AuditPolicy(email_received_by_mail_system=True)
    verdict = audit_case(
        {
            "channel": "email",
            "submitted": "2026-03-19",
            "email_received": "2026-03-20",
            "confirmed": "2026-03-23",
        },
        as_of=AS_OF,
        policy=policy,
    )
    assert verdict.receipt_date == D(2026, 3, 20) and verdict.receipt_field == "email_received"
    assert not verdict.receipt_assumed
    (note,) = [f for f in verdict.findings if f.code.startswith("email_")]
    assert note.code == "email_receipt"
    assert "第三十一条第(三)项" in note.text("zh") and "2026-03-23" in note.text("zh")
    assert f"“{EMAIL_207}”" in verdict.explain("zh")


def test_the_email_rule_is_the_same_for_a_csv_row_as_for_a_case() -> None:
    rows = (
        "编号,渠道,提交日期,确认日期\n"
        "a,电子邮件,2026-03-19,2026-03-23\n"
        "b,电子邮件,2026-03-19,\n"
        "c,电子邮件,2018-03-19,2018-03-23\n"
    )
    audit = audit_csv(io.StringIO(rows), as_of=AS_OF)
    verdicts = [row.verdict for row in audit]
    got = {v.case_id: (v.receipt_date, v.receipt_assumed) for v in verdicts if v is not None}
    assert got == {
        "a": (D(2026, 3, 23), False),
        "b": (D(2026, 3, 19), True),
        "c": (D(2018, 3, 19), False),
    }


# -- 6. a consultation without dates --------------------------------------------------------------


def test_point_6_a_consultation_without_dates_is_entered_and_the_output_says_its_time_was_not_excluded() -> (
    None
):
    verdict = audit_case(
        {**REPLY, "consultations": [{"party": "第三方"}], "replied": "2026-04-22"}, as_of=AS_OF
    )
    assert verdict.excluded_workdays == 0 and verdict.reply_due_date == D(2026, 4, 20)
    (note,) = [f for f in verdict.findings if f.code == "consult_undated"]
    assert note.warning
    assert "其时间无法从答复期限中扣除" in note.text("zh") and "每次最多15个工作日" in note.text(
        "zh"
    )
    csv_rows = list(
        audit_csv(
            io.StringIO("渠道,提交日期,征求意见对象\n当面,2026-03-20,其他机关\n"), as_of=AS_OF
        )
    )
    assert [f.code for f in csv_rows[0].verdict.findings if f.code == "consult_undated"]  # type: ignore[union-attr]


# -- 7. competing receipt dates -----------------------------------------------------------------

DISPUTED = {
    "channel": "当面",
    "submitted": "2026-03-20",
    "receipt_disputed": ["2026-03-24"],
    "replied": "2026-04-22",
}
BOTH = (
    "若以2026-03-20为收到申请日:答复期限2026-04-20(周一),逾期2个工作日",
    "若以2026-03-24为收到申请日:答复期限2026-04-22(周三),按时",
)


def test_point_7_two_candidate_receipt_dates_give_both_outcomes_in_the_text() -> None:
    verdict = audit_case(DISPUTED, as_of=AS_OF)
    text = verdict.explain("zh")
    for outcome in BOTH:
        assert outcome in text
    assert "if received on 2026-03-24: reply due 2026-04-22 (Wed), on time" in verdict.explain("en")


def test_point_7_two_candidate_receipt_dates_give_both_outcomes_in_json() -> None:
    record = audit_case(DISPUTED, as_of=AS_OF).to_record("en").model_dump(mode="json")
    assert record["receipt_alternatives"] == [
        {
            "receipt_date": "2026-03-20",
            "reply_due_date": "2026-04-20",
            "reply_status": "late",
            "late_by_workdays": 2,
        },
        {
            "receipt_date": "2026-03-24",
            "reply_due_date": "2026-04-22",
            "reply_status": "on_time",
            "late_by_workdays": 0,
        },
    ]
    out = io.StringIO()
    write_jsonl(audit_cases([DISPUTED], as_of=AS_OF), out)
    line = json.loads(out.getvalue())
    assert [a["reply_due_date"] for a in line["receipt_alternatives"]] == [
        "2026-04-20",
        "2026-04-22",
    ]


def test_point_7_two_candidate_receipt_dates_give_both_outcomes_in_the_per_case_csv() -> None:
    source = "编号,渠道,提交日期,争议收到日期,答复日期\nX,当面,2026-03-20,2026-03-24,2026-04-22\n"
    out = io.StringIO()
    write_case_csv(audit_csv(io.StringIO(source), as_of=AS_OF), out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    for outcome in BOTH:
        assert outcome in row["提示"]


# -- 8. no audit day ------------------------------------------------------------------------------


def test_point_8_a_case_with_no_reply_audited_without_an_audit_day_says_it_cannot_tell_overdue() -> (
    None
):
    verdict = audit_case({"channel": "当面", "submitted": "2019-06-03"})
    assert verdict.reply.status.value == "pending"
    (note,) = [f for f in verdict.findings if f.code == "no_audit_day"]
    assert "无法判断是否已逾期" in note.text("zh") and "--as-of" in note.text("zh")
    assert "no_audit_day" not in [
        f.code
        for f in audit_case({"channel": "当面", "submitted": "2019-06-03"}, as_of=AS_OF).findings
    ]


# -- existing files keep working -------------------------------------------------------------------


def test_existing_layouts_and_mappings_give_the_same_results_as_before() -> None:
    # the example file has none of the new columns; its results are pinned by
    # tests/cases/test_outputs_are_byte_identical.py, and a mapping of the old fields too:
    verdict = audit_case({"channel": "网络", "submitted": "2026-03-02", "confirmed": "2026-03-04"})
    assert verdict.receipt_date == D(2026, 3, 4) and verdict.receipt_field == "confirmed"


def test_point_1_without_a_channel_or_a_date_of_receipt_the_case_is_refused_naming_the_channel() -> None:
    with pytest.raises(CaseError) as caught:
        parse_case({"submitted": "2026-03-20"})
    assert caught.value.field == "channel"
    with pytest.raises(CaseError) as unknown:
        parse_case({"channel": "渠道不明"})
    assert "未给出渠道时请填写收到日期" in unknown.value.zh


@pytest.mark.parametrize(
    ("option", "receipt"), [((), "2026-03-23"), (("--email-receipt", "mail-system"), "2026-03-20")]
)
def test_case_and_audit_take_the_email_receipt_option(
    option: tuple[str, ...], receipt: str, tmp_path: Path
) -> None:
    out, err = io.StringIO(), io.StringIO()
    argv = ["case", "--channel", "电子邮件", "--email-received", "2026-03-20"]
    argv += ["--confirmed", "2026-03-23", "--as-of", "2026-06-30", "--json", *option]
    assert main(argv, stdout=out, stderr=err) == 1, err.getvalue()  # the reply is overdue
    assert json.loads(out.getvalue())["receipt_date"] == receipt
    source = tmp_path / "cases.csv"
    source.write_text("编号,渠道,提交日期,确认日期\na,电子邮件,2026-03-20,2026-03-23\n", "utf-8")
    target = tmp_path / "out.csv"
    code = main(
        ["audit", str(source), "-o", str(target), "--as-of", "2026-06-30", *option],
        stdout=io.StringIO(),
        stderr=err,
    )
    assert code in (0, 1), err.getvalue()
    assert receipt in target.read_text("utf-8-sig").splitlines()[1]
