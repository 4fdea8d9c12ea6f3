"""Issue 14, one case: ``audit_case`` validates a case once and builds its facts once — the
model's own consistency check builds them and hands them to the caller that asked
(:func:`parse_case_facts`) — with nothing kept between calls, threads, policies or models."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines.calendar.workcalendar import default_calendar
from gov_deadlines.cases import AuditPolicy, Case, CaseError, audit_case, parse_case
from gov_deadlines.cases.channels import Channel, Party, normalize_key
from gov_deadlines.cases.clock import CaseClock
from gov_deadlines.cases.facts import CaseFacts
from gov_deadlines.cases.model import parse_case_facts
from gov_deadlines.cases.versions import reply_versions

D = dt.date
AS_OF = D(2026, 11, 20)

#: Cases with every kind of fact the model turns into facts.
CASES: list[dict[str, Any]] = [
    {"case_id": "1", "channel": "当面", "submitted": "2026-03-02", "replied": "2026-03-20"},
    {
        "case_id": "2",
        "channel": "挂号信",
        "submitted": "2025-06-03",
        "signed_for": "2025-06-05",
        "signed_by": "门卫",
        "confirmed": "2025-06-06",
        "supplement_requested": "2025-06-09",
        "supplement_received": "2025-06-16",
        "consultations": [
            {"party": "第三方", "sent": "2025-06-17", "answered": "2025-06-30"},
            {"party": "其他机关"},
        ],
        "extension": {"approved": "2025-07-10", "told": "2025-07-11", "workdays": 10},
        "reply_made": "2025-08-01",
        "reply_sent": "2025-08-04",
    },
    {
        "channel": "电子邮件",
        "submitted": "2026-03-19",
        "email_received": "2026-03-20",
        "confirmed": "2026-03-23",
        "receipt_disputed": "2026-03-24",
    },
    {"received": "2012-04-05", "replied": "2012-04-20"},
]


def slots(facts: CaseFacts) -> dict[str, Any]:
    return {name: getattr(facts, name) for name in CaseFacts.__slots__}


@pytest.mark.parametrize("data", CASES)
def test_the_facts_handed_over_are_the_facts_of_the_case_validated(data: dict[str, Any]) -> None:
    case, facts = parse_case_facts(data)
    assert case == parse_case(data)
    assert slots(facts) == slots(case.facts())


def test_a_case_given_as_a_model_gives_its_own_facts() -> None:
    case = parse_case(CASES[1])
    again, facts = parse_case_facts(case)
    assert again is case
    assert slots(facts) == slots(case.facts())


def test_facts_are_not_kept_on_the_model_so_a_copy_gives_its_own() -> None:
    # A memo on the model would survive model_copy(update=...), which does not validate.
    case = parse_case(CASES[0])
    later = case.model_copy(update={"replied": D(2026, 3, 27)})
    assert later.facts().replied == D(2026, 3, 27)
    assert audit_case(later).duties[-1].done_on == D(2026, 3, 27)
    assert case.facts().replied == D(2026, 3, 20)


def test_a_callers_own_validation_context_is_not_written_to() -> None:
    context = {"lang": "zh"}
    Case.model_validate(CASES[0], context=context)
    assert context == {"lang": "zh"}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"channel": "当面", "submitted": "2026-03-02", "replied": "2026-03-01"}, "replied"),
        ({"channel": "当面", "submitted": "2026-02-30"}, "submitted"),
        ({"channel": "飞鸽", "submitted": "2026-03-02"}, "channel"),
    ],
)
def test_a_bad_case_raises_the_same_case_error_as_parse_case(
    data: dict[str, Any], field: str
) -> None:
    with pytest.raises(CaseError) as expected:
        parse_case(data)
    with pytest.raises(CaseError) as found:
        parse_case_facts(data)
    with pytest.raises(CaseError) as audited:
        audit_case(data)
    for error in (found.value, audited.value):
        assert (error.field, str(error), error.zh) == (
            expected.value.field,
            str(expected.value),
            expected.value.zh,
        )
    assert expected.value.field == field


def test_cases_parsed_at_once_in_threads_each_get_their_own_facts() -> None:
    first = D(2008, 6, 2).toordinal()
    days = [D.fromordinal(first + 3 * i) for i in range(2000)]
    data = [{"case_id": str(i), "channel": "当面", "submitted": d} for i, d in enumerate(days)]
    with ThreadPoolExecutor(8) as pool:
        found = list(pool.map(parse_case_facts, data))
    assert [(f.case_id, f.submitted) for _, f in found] == [(str(i), d) for i, d in enumerate(days)]


@given(st.dates(min_value=D(2008, 5, 1), max_value=D(2026, 11, 30)))
def test_audit_case_gives_what_the_clock_gives_on_the_models_facts(day: dt.date) -> None:
    data = {"channel": "当面", "submitted": day.isoformat()}
    clock = CaseClock(default_calendar(), reply_versions(), as_of=AS_OF)
    record = clock.run(parse_case(data).facts())
    verdict = audit_case(data, as_of=AS_OF)
    assert verdict.record.receipt == record.receipt
    assert verdict.record.duties == record.duties
    assert verdict.record.notes == record.notes


def test_two_audits_of_a_case_agree_and_a_policy_does_not_stay_behind() -> None:
    data = CASES[2]
    first = audit_case(data, as_of=AS_OF)
    other = audit_case(data, as_of=AS_OF, policy=AuditPolicy(email_received_by_mail_system=True))
    again = audit_case(data, as_of=AS_OF)
    assert first.receipt_field == again.receipt_field == "confirmed"
    assert other.receipt_field == "email_received"
    assert first.explain("zh") == again.explain("zh") != other.explain("zh")


def test_the_first_version_fixing_the_receipt_by_channel_is_the_2019_one() -> None:
    versions = reply_versions()
    assert versions.receipt_fixed_from == D(2019, 5, 15)
    calendar = default_calendar()
    assert CaseClock(calendar, versions).email_from_day == D(2019, 5, 15)
    policy = AuditPolicy(email_received_by_mail_system=True)
    assert CaseClock(calendar, versions, policy).email_from_day is None


@given(st.text())
def test_a_normalised_name_normalises_to_itself(text: str) -> None:
    # Channel.parse and Party.parse look a name up as written before normalising it: the
    # same answer because each key of their tables, a normalised name, is its own normal form.
    key = normalize_key(text)
    assert normalize_key(key) == key


def test_channel_and_party_names_are_read_with_or_without_blanks_case_and_dashes() -> None:
    assert Channel.parse(" In_Person ") is Channel.IN_PERSON is Channel.parse("当面")
    assert Channel.parse("registered post") is Channel.REGISTERED_POST is Channel.parse("挂号信")
    assert Party.parse("Third-Party") is Party.THIRD_PARTY is Party.parse("第三方")
    with pytest.raises(ValueError, match="unknown channel"):
        Channel.parse("飞鸽")
