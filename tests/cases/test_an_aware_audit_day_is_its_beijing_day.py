"""An audit day given as an aware datetime is its Beijing day, as every other date argument
of the library is (dates.beijing_day): 2026-09-29 20:00 UTC is 2026-09-30 in Beijing, the
day after the reply was due — through audit_case and audit_cases alike, and in the "after
the audit day" warning, which names the Beijing day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gov_deadlines.cases import audit_case, audit_cases
from gov_deadlines.dates import beijing_day

# Received 2026-09-01 (in person): the reply is due 2026-09-29.
CASE = {"case_id": "1", "channel": "当面", "submitted": "2026-09-01"}
EVENING_UTC = dt.datetime(2026, 9, 29, 20, 0, tzinfo=dt.UTC)


def test_an_aware_audit_day_is_read_as_its_beijing_day_by_audit_case() -> None:
    verdict = audit_case(CASE, as_of=EVENING_UTC)
    assert verdict.reply.status.value == "overdue"
    assert verdict.to_record().as_of == dt.date(2026, 9, 30)
    assert audit_case(CASE, as_of=dt.datetime(2026, 9, 29, 20, 0)).reply.status.value == "pending"


def test_the_batch_reads_it_alike_and_its_warning_names_the_beijing_day() -> None:
    later = dict(CASE, replied="2026-10-09")  # after the audit day: a doubtful date
    (row,) = audit_cases([later], as_of=EVENING_UTC)
    texts = [finding.text("en") for finding in row.record.notes] if row.record else []
    assert any("after the audit day 2026-09-30" in text for text in texts), texts


@given(
    st.datetimes(
        min_value=dt.datetime(2008, 6, 1),
        max_value=dt.datetime(2026, 12, 1),
        timezones=st.sampled_from(
            [
                dt.UTC,
                dt.timezone(dt.timedelta(hours=-10)),
                dt.timezone(dt.timedelta(hours=14)),
            ]
        ),
    )
)
def test_an_aware_audit_day_gives_the_verdict_of_its_beijing_date(moment: dt.datetime) -> None:
    case = {"case_id": "1", "channel": "当面", "submitted": "2008-06-02"}
    aware = audit_case(case, as_of=moment).to_record()
    plain = audit_case(case, as_of=beijing_day(moment)).to_record()
    assert aware == plain
