"""The OGI case clock, example by example (issue 6, §1 and the acceptance items).

Expected dates are worked out by hand from the State Council holiday notices (2026:
Qingming 4–6 April, Labour Day 1–5 May with Saturday 9 May worked, National Day 1–7
October with Saturday 10 October worked) and cross-checked with a day-by-day walk over
``chinese_calendar.is_workday`` (:func:`nth_workday`). Test names are sentences.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import chinese_calendar
import pytest
from pydantic import ValidationError

from gov_deadlines import ReceiptPolicy, default_calendar, due
from gov_deadlines.cases import (
    AuditPolicy,
    Case,
    CaseError,
    Channel,
    DutyKind,
    Status,
    audit_case,
    parse_case,
)

D = dt.date


def nth_workday(n: int, after: dt.date) -> dt.date:
    """The n-th working day after ``after``, walking day by day over chinese_calendar."""
    day = after
    while n:
        day += dt.timedelta(days=1)
        n -= chinese_calendar.is_workday(day)
    return day


def case(**fields: Any) -> dict[str, Any]:
    return {"channel": "当面", **fields}


# -- acceptance -----------------------------------------------------------------------------------


def test_received_in_person_on_2026_09_28_with_nothing_else_the_reply_is_due_2026_10_30() -> None:
    verdict = audit_case(case(submitted="2026-09-28"))
    assert verdict.reply_due_date == D(2026, 10, 30) == nth_workday(20, D(2026, 9, 28))
    assert [d.kind for d in verdict.duties] == [DutyKind.REPLY]
    assert verdict.version == "2019"


def test_received_2026_03_02_the_supplement_notice_is_due_2026_03_11() -> None:
    verdict = audit_case(case(submitted="2026-03-02", supplement_requested="2026-03-05"))
    assert verdict.supplement_due_date == D(2026, 3, 11)


def test_a_corrected_application_arriving_2026_03_16_makes_the_reply_due_2026_04_14() -> None:
    verdict = audit_case(
        case(
            submitted="2026-03-02",
            supplement_requested="2026-03-05",
            supplement_received="2026-03-16",
        )
    )
    assert verdict.supplement_due_date == D(2026, 3, 11)
    assert verdict.clock_start == D(2026, 3, 16)
    assert verdict.reply_due_date == D(2026, 4, 14) == nth_workday(20, D(2026, 3, 16))


def test_a_third_party_consulted_from_04_01_to_04_10_excludes_6_days_and_moves_the_reply_to_04_28() -> (
    None
):
    verdict = audit_case(
        case(
            submitted="2026-03-20", consultations=[{"sent": "2026-04-01", "answered": "2026-04-10"}]
        )
    )
    assert verdict.excluded_workdays == 6
    assert verdict.reply_due_date == D(2026, 4, 28) == nth_workday(26, D(2026, 3, 20))


def test_an_extension_of_20_working_days_instead_makes_the_reply_due_2026_05_20() -> None:
    verdict = audit_case(
        case(
            submitted="2026-03-20",
            extension={"approved": "2026-04-15", "told": "2026-04-16", "workdays": 20},
        )
    )
    assert verdict.base_due_date == D(2026, 4, 20)
    assert verdict.extension_workdays == 20
    assert verdict.reply_due_date == D(2026, 5, 20) == nth_workday(40, D(2026, 3, 20))
    extension = verdict.duty(DutyKind.EXTENSION)
    assert extension is not None and extension.status is Status.ON_TIME


# -- receipt by channel (art. 31) -----------------------------------------------------------------


def test_in_person_the_receipt_is_the_day_it_was_handed_in() -> None:
    verdict = audit_case({"channel": "当面", "submitted": "2026-03-02"})
    assert (verdict.receipt_date, verdict.receipt_field, verdict.receipt_assumed) == (
        D(2026, 3, 2),
        "submitted",
        False,
    )


def test_by_registered_post_the_receipt_is_the_day_the_agency_signed_for_it() -> None:
    verdict = audit_case(
        {"channel": "挂号信", "submitted": "2026-03-02", "signed_for": "2026-03-05"}
    )
    assert verdict.receipt_date == D(2026, 3, 5) and verdict.receipt_field == "signed_for"
    assert verdict.reply_due_date == nth_workday(20, D(2026, 3, 5))


def test_by_ordinary_letter_the_receipt_is_the_day_the_agency_confirmed_with_the_applicant() -> (
    None
):
    verdict = audit_case(
        {"channel": "ordinary_letter", "submitted": "2026-03-02", "confirmed": "2026-03-06"}
    )
    assert verdict.receipt_date == D(2026, 3, 6) and verdict.receipt_field == "confirmed"


@pytest.mark.parametrize("channel", ["网络", "internet", "传真", "fax"])
def test_by_internet_or_fax_the_receipt_is_the_day_both_sides_confirmed(channel: str) -> None:
    verdict = audit_case({"channel": channel, "submitted": "2026-03-02", "confirmed": "2026-03-04"})
    assert verdict.receipt_date == D(2026, 3, 4) and not verdict.receipt_assumed


def test_a_confirmation_channel_with_only_the_submission_assumes_it_and_says_so() -> None:
    verdict = audit_case({"channel": "网络", "submitted": "2026-03-03"})
    assert verdict.receipt_date == D(2026, 3, 3)
    assert verdict.receipt_assumed and verdict.receipt_field == "submitted"
    # no audit day: the reply can only be pending, and the verdict says so (issue 15, point 8)
    assert [f.code for f in verdict.findings] == ["receipt_assumed", "no_audit_day"]
    assert "假定" in verdict.explain("zh")
    assert "assumed" in verdict.explain("en")


def test_registered_post_without_the_signed_for_date_assumes_the_submission() -> None:
    verdict = audit_case({"channel": "registered_post", "submitted": "2026-03-03"})
    assert verdict.receipt_assumed and verdict.receipt_date == D(2026, 3, 3)


def test_a_receipt_on_a_sunday_moves_to_monday_and_the_explanation_says_so() -> None:
    verdict = audit_case({"channel": "网络", "submitted": "2026-02-27", "confirmed": "2026-03-01"})
    assert verdict.recorded_receipt_date == D(2026, 3, 1)
    assert verdict.receipt_date == D(2026, 3, 2)
    assert verdict.reply_due_date == nth_workday(20, D(2026, 3, 2)) == D(2026, 3, 30)
    assert "receipt_moved" in [f.code for f in verdict.findings]
    assert "顺延" in verdict.explain("zh") and "moves to the first working day" in verdict.explain(
        "en"
    )


def test_the_rest_day_policy_can_be_switched_off() -> None:
    verdict = audit_case(
        {"channel": "网络", "confirmed": "2026-03-01"},
        policy=AuditPolicy(receipt=ReceiptPolicy.AS_RECORDED),
    )
    assert verdict.receipt_date == D(2026, 3, 1)
    assert verdict.reply_due_date == nth_workday(20, D(2026, 3, 1)) == D(2026, 3, 27)
    assert "receipt_moved" not in [f.code for f in verdict.findings]


def test_a_receipt_on_a_make_up_saturday_is_a_working_day_and_does_not_move() -> None:
    verdict = audit_case({"channel": "当面", "submitted": "2026-10-10"})
    assert verdict.receipt_date == D(2026, 10, 10)


# -- versions and the 2019-05-15 boundary ---------------------------------------------------------


def test_received_2019_05_14_the_2008_rules_give_15_working_days() -> None:
    verdict = audit_case({"channel": "当面", "submitted": "2019-05-14"})
    assert verdict.version == "2008"
    assert verdict.reply_due_date == nth_workday(15, D(2019, 5, 14)) == D(2019, 6, 4)
    assert verdict.reply_due_date == due("ogi.reply", D(2019, 5, 14)).due_date


def test_received_2019_05_15_the_2019_rules_give_20_working_days() -> None:
    verdict = audit_case({"channel": "当面", "submitted": "2019-05-15"})
    assert verdict.version == "2019"
    assert verdict.reply_due_date == nth_workday(20, D(2019, 5, 15)) == D(2019, 6, 13)


def test_under_the_2008_rules_no_supplement_notice_duty_is_judged() -> None:
    verdict = audit_case(
        case(
            submitted="2018-03-01",
            supplement_requested="2018-03-20",
            supplement_received="2018-03-22",
        )
    )
    assert verdict.duty(DutyKind.SUPPLEMENT_NOTICE) is None
    assert "supplement_no_limit" in [f.code for f in verdict.findings]
    assert verdict.reply_due_date == nth_workday(15, D(2018, 3, 22))


def test_under_the_2008_rules_an_extension_is_capped_at_15_working_days() -> None:
    verdict = audit_case(
        case(
            submitted="2018-03-01",
            extension={"approved": "2018-03-15", "told": "2018-03-15", "workdays": 20},
        )
    )
    assert verdict.extension_workdays == 15
    assert verdict.reply_due_date == nth_workday(30, D(2018, 3, 1))
    assert verdict.result == "problem"


def test_under_the_2008_rules_third_party_time_is_uncapped() -> None:
    verdict = audit_case(
        case(
            submitted="2018-09-03",
            consultations=[{"sent": "2018-09-10", "answered": "2018-10-15"}],
            replied="2018-10-25",
        )
    )
    assert verdict.excluded_workdays == 21
    assert verdict.reply_due_date == D(2018, 10, 29)


def test_under_the_2008_rules_consulting_another_agency_is_not_excluded() -> None:
    verdict = audit_case(
        case(
            submitted="2018-03-01",
            consultations=[{"party": "其他机关", "sent": "2018-03-05", "answered": "2018-03-20"}],
        )
    )
    assert verdict.excluded_workdays == 0
    assert "agency_not_excluded" in [f.code for f in verdict.findings]


def test_under_the_2008_rules_an_unanswered_consultation_runs_to_the_audit_day() -> None:
    verdict = audit_case(
        case(submitted="2018-03-01", consultations=[{"sent": "2018-03-05"}]),
        as_of=D(2018, 4, 2),
    )
    calendar = default_calendar()
    assert verdict.excluded_workdays == calendar.workdays_between(D(2018, 3, 5), D(2018, 4, 2))


def test_under_the_2008_rules_an_unanswered_consultation_without_an_audit_day_stops_the_clock() -> (
    None
):
    verdict = audit_case(case(submitted="2018-03-01", consultations=[{"sent": "2018-03-05"}]))
    assert verdict.reply.status is Status.WAITING and verdict.reply_due_date is None


def test_an_application_before_the_2008_rules_took_effect_is_refused_with_a_reason() -> None:
    with pytest.raises(CaseError, match="no OGI regulations") as caught:
        audit_case(case(submitted="2008-04-30"))
    assert "尚未施行" in caught.value.message("zh")


# -- consultations, extensions, statuses ------------------------------------------------------------


def test_an_unanswered_2019_consultation_counts_the_partys_15_working_days() -> None:
    verdict = audit_case(
        case(submitted="2026-05-11", consultations=[{"party": "agency", "sent": "2026-05-20"}])
    )
    assert verdict.excluded_workdays == 15
    assert verdict.reply_due_date == nth_workday(35, D(2026, 5, 11))


def test_a_late_answer_under_2019_is_capped_at_15_working_days() -> None:
    verdict = audit_case(
        case(
            submitted="2026-03-20", consultations=[{"sent": "2026-04-01", "answered": "2026-06-10"}]
        )
    )
    assert verdict.excluded_workdays == 15
    assert "consult_capped" in [f.code for f in verdict.findings]


def test_overlapping_consultations_count_each_day_once() -> None:
    verdict = audit_case(
        case(
            submitted="2026-03-20",
            consultations=[
                {"sent": "2026-04-01", "answered": "2026-04-10"},
                {"party": "其他机关", "sent": "2026-04-08", "answered": "2026-04-15"},
            ],
        )
    )
    assert verdict.excluded_workdays == 9  # Apr 2, 3, 7–10, 13–15
    assert verdict.reply_due_date == nth_workday(29, D(2026, 3, 20))


def test_a_consultation_sent_after_the_deadline_is_not_excluded() -> None:
    verdict = audit_case(
        case(
            submitted="2026-03-20", consultations=[{"sent": "2026-04-25", "answered": "2026-05-06"}]
        )
    )
    assert verdict.excluded_workdays == 0 and verdict.reply_due_date == D(2026, 4, 20)
    assert "consult_late" in [f.code for f in verdict.findings]


def test_an_extension_told_after_the_original_deadline_is_invalid_and_not_applied() -> None:
    verdict = audit_case(
        case(
            submitted="2026-03-20",
            extension={"approved": "2026-04-20", "told": "2026-04-21", "workdays": 20},
            replied="2026-05-10",
        )
    )
    extension = verdict.duty(DutyKind.EXTENSION)
    assert extension is not None and extension.status is Status.LATE and extension.late_by_workdays == 1
    assert verdict.extension_workdays == 0 and verdict.reply_due_date == D(2026, 4, 20)
    assert verdict.reply.status is Status.LATE
    assert "延期无效" in verdict.explain("zh")


def test_an_extension_approved_but_not_yet_told_does_not_count() -> None:
    verdict = audit_case(
        case(submitted="2026-03-20", extension={"approved": "2026-04-10"}), as_of=D(2026, 4, 14)
    )
    assert verdict.extension_workdays == 0 and verdict.reply_due_date == D(2026, 4, 20)
    extension = verdict.duty(DutyKind.EXTENSION)
    assert extension is not None and extension.status is Status.PENDING


def test_an_extension_never_told_is_not_a_fault_when_the_reply_came_in_time() -> None:
    verdict = audit_case(
        case(submitted="2026-03-20", extension={"approved": "2026-04-10"}, replied="2026-04-17"),
        as_of=D(2026, 6, 30),
    )
    assert verdict.result == "ok"
    assert "extension_unused" in [f.code for f in verdict.findings]


def test_a_reply_after_its_deadline_is_late_by_the_working_days_between() -> None:
    verdict = audit_case(case(submitted="2026-09-28", replied="2026-11-04"))
    assert verdict.reply.status is Status.LATE
    assert verdict.reply.late_by_workdays == 3 and verdict.reply.late_by_days == 5
    assert verdict.late and verdict.result == "late"


def test_an_undone_reply_past_its_deadline_is_overdue_as_of_the_audit_day() -> None:
    verdict = audit_case(case(submitted="2026-05-25"), as_of=D(2026, 6, 30))
    assert verdict.reply.status is Status.OVERDUE and verdict.reply.late_by_workdays == 5


def test_a_pending_reply_due_soon_is_warned_about() -> None:
    verdict = audit_case(case(submitted="2026-09-28"), as_of=D(2026, 10, 27))
    assert verdict.reply.status is Status.PENDING and verdict.reply.remaining_workdays == 3
    assert [w.code for w in verdict.warnings] == ["due_soon"]
    assert "3个工作日内到期" in verdict.explain("zh")
    assert "due within 3 working day(s)" in verdict.explain("en")


def test_without_an_audit_day_an_undone_reply_is_pending_without_warnings() -> None:
    verdict = audit_case(case(submitted="2026-09-28"))
    assert verdict.reply.status is Status.PENDING and verdict.reply.remaining_workdays is None
    assert not verdict.warnings


def test_a_correction_asked_for_but_not_received_leaves_the_reply_waiting() -> None:
    verdict = audit_case(case(submitted="2026-03-02", supplement_requested="2026-03-13"))
    notice = verdict.duty(DutyKind.SUPPLEMENT_NOTICE)
    assert notice is not None and notice.status is Status.LATE and notice.late_by_workdays == 2
    assert verdict.reply.status is Status.WAITING


def test_a_deadline_past_the_calendar_is_undetermined_unless_provisional() -> None:
    verdict = audit_case({"channel": "当面", "submitted": "2026-12-21"})
    assert verdict.reply.status is Status.UNDETERMINED and verdict.result == "undetermined"
    provisional = audit_case(
        {"channel": "当面", "submitted": "2026-12-21"}, calendar=default_calendar(provisional=True)
    )
    assert provisional.reply.provisional and provisional.reply_due_date is not None


# -- explanations cite the rules ----------------------------------------------------------------


def test_the_explanation_cites_the_rules_by_id_and_quote_in_both_languages() -> None:
    verdict = audit_case(
        case(
            submitted="2026-03-02",
            supplement_requested="2026-03-05",
            supplement_received="2026-03-16",
            consultations=[{"sent": "2026-03-20", "answered": "2026-03-25"}],
        )
    )
    zh, en = verdict.explain("zh"), verdict.explain("en")
    for rule_id in ("ogi-2019.reply", "ogi-2019.supplement-notice", "ogi-2019.third-party-opinion"):
        assert rule_id in zh and rule_id in en
    assert "第三十一条" in zh and "art. 31" in en
    assert "以提交之日为收到申请之日" in zh
    assert "日历数据" in zh and "Calendar data" in en


# -- validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"channel": "当面"}, "submitted"),
        (
            {"channel": "挂号信", "submitted": "2026-03-05", "signed_for": "2026-03-01"},
            "signed_for",
        ),
        ({"channel": "当面", "submitted": "2026-03-05", "replied": "2026-03-01"}, "replied"),
        (
            {"channel": "当面", "submitted": "2026-03-05", "supplement_received": "2026-03-09"},
            "supplement_received",
        ),
        ({"channel": "当面", "submitted": "2026-02-30"}, "submitted"),
        ({"channel": "鸽子", "submitted": "2026-03-05"}, "channel"),
        (
            {
                "channel": "当面",
                "submitted": "2026-03-05",
                "extension": {"approved": "2026-03-09", "told": "2026-03-06"},
            },
            "extension_told",
        ),
    ],
)
def test_an_inconsistent_history_is_refused_naming_the_field(
    fields: dict[str, Any], field: str
) -> None:
    with pytest.raises(CaseError) as caught:
        parse_case(fields)
    assert caught.value.field == field
    assert caught.value.message("zh") != caught.value.message("en")
    assert isinstance(caught.value, ValueError)


def test_the_model_raises_pydantics_validation_error_with_a_clear_message() -> None:
    with pytest.raises(ValidationError, match="before the receipt"):
        Case(channel=Channel.IN_PERSON, submitted=D(2026, 3, 5), replied=D(2026, 3, 1))


def test_dates_may_be_written_the_chinese_way() -> None:
    model = parse_case({"channel": "当面", "submitted": "2026年3月2日", "replied": "2026/3/20"})
    assert model.submitted == D(2026, 3, 2) and model.replied == D(2026, 3, 20)


SPECIAL = [
    case(submitted="2026-03-02", supplement_requested="2026-03-13"),
    case(submitted="2018-03-01", consultations=[{"sent": "2018-03-05"}]),
    case(
        submitted="2018-03-01",
        consultations=[{"party": "agency", "sent": "2018-03-05", "answered": "2018-03-09"}],
    ),
    case(submitted="2026-12-21"),
    case(submitted="2026-03-20", consultations=[{"sent": "2026-04-25", "answered": "2026-05-06"}]),
    case(submitted="2026-03-20", extension={"approved": "2026-04-20", "told": "2026-04-21"}),
    case(submitted="2026-03-20", extension={"approved": "2026-04-10"}, replied="2026-04-17"),
    {"channel": "平信", "submitted": "2026-03-07", "signed_for": "2026-03-08"},
]


@pytest.mark.parametrize("fields", SPECIAL)
def test_unusual_cases_explain_themselves_in_both_languages(fields: dict[str, Any]) -> None:
    verdict = audit_case(fields, as_of=D(2026, 11, 20))
    for lang in ("zh", "en"):
        text = verdict.explain(lang)
        assert "None" not in text and text.splitlines()[-1]
        assert verdict.summary(lang) in text


def test_a_cases_result_is_a_case_result_equal_to_its_json_value() -> None:
    from gov_deadlines.cases import CaseResult

    verdict = audit_case({"channel": "当面", "submitted": "2026-09-28"})
    assert verdict.result is CaseResult.OPEN and verdict.result == "open"
    assert verdict.to_record().model_dump(mode="json")["result"] == "open"


def test_the_explanation_cites_the_consultation_clauses_from_the_rule_data() -> None:
    from gov_deadlines.catalogue import default_catalogue

    cat = default_catalogue()
    new, old = cat.rule("ogi-2019.reply"), cat.rule("ogi-2008.reply")
    verdict = audit_case(
        {
            "channel": "当面",
            "submitted": "2026-03-02",
            "consultations": [{"sent": "2026-03-05", "answered": "2026-03-12"}],
        }
    )
    zh, en = verdict.explain("zh"), verdict.explain("en")
    assert f"({new.excluded_clause};2008年条例{old.excluded_clause})" in zh
    assert f"({new.excluded_clause_en}; 2008: {old.excluded_clause_en})" in en


def test_an_audit_day_given_as_a_datetime_counts_as_its_date() -> None:
    # Before the one clock a datetime audit day raised TypeError (date vs datetime).
    case = {"channel": "当面", "submitted": "2026-03-02"}
    at_ten = audit_case(case, as_of=dt.datetime(2026, 6, 1, 10, 0))
    plain = audit_case(case, as_of=dt.date(2026, 6, 1))
    assert at_ten.result == plain.result == "late"
    assert at_ten.reply.late_by_workdays == plain.reply.late_by_workdays
