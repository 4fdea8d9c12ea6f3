"""A case's stamp names the years its clock read: change any other year's arrangement and
the verdict stays the same (so recheck may leave the case alone)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import gov_deadlines as gd
from gov_deadlines.calendar.holiday import NATIONAL_DAY, NEW_YEARS_DAY
from gov_deadlines.cases import audit_case

DAYS = st.integers(0, 80)


def shifted(calendar: gd.WorkCalendar, year: int, seed: int, near: dt.date) -> gd.WorkCalendar:
    """``calendar`` with one more weekday off in ``year`` (or in the late December before,
    ``near`` when it lies there) and one of its days off less."""
    arrangement = calendar.arrangements()[year]
    days_off = dict(arrangement.days_off)
    # seed % 3: 0 adds a day off, 1 takes one away, 2 does both (a net change of one day,
    # or none: both kinds must leave a result that reads neither day alone)
    if days_off and seed % 3 != 0:
        days_off.pop(sorted(days_off)[seed % len(days_off)])
    if seed % 2 == 0 and dt.date(year - 1, 12, 25) <= near <= dt.date(year - 1, 12, 31):
        day, holiday = near, NEW_YEARS_DAY
    else:
        day, holiday = dt.date(year, 1, 1) + dt.timedelta(days=seed % 365), NATIONAL_DAY
    while day.weekday() >= 5 or day in arrangement.makeup_workdays:
        day += dt.timedelta(days=1)
    if day <= dt.date(year, 12, 31) and seed % 3 != 1:
        days_off[day] = holiday
    changed = dataclasses.replace(arrangement, days_off=days_off, origin="test")
    return calendar.with_arrangements(changed, replace_official=True)


def facts(verdict: gd.cases.CaseVerdict) -> object:
    return (
        verdict.result,
        verdict.receipt_date,
        verdict.clock_start,
        [
            (d.kind, d.due_date, d.status, d.late_by_workdays, d.remaining_workdays)
            for d in verdict.duties
        ],
    )


@given(
    st.dates(dt.date(2009, 1, 1), dt.date(2025, 10, 31)),
    st.one_of(st.none(), DAYS),
    st.one_of(st.none(), st.tuples(DAYS, st.one_of(st.none(), DAYS))),
    st.one_of(st.none(), st.integers(0, 200)),
    st.sampled_from([-1, 0, 1, 2, 3]),
    st.integers(0, 10_000),
)
# received 2024-11-25: due 2024-12-23; replied 2024-12-27 (late): the count reads to the
# 27th, which the 2025 notice's 元旦 block could reach
@example(dt.date(2024, 11, 25), 32, None, None, 3, 0)
# received 2024-11-01, never replied, audited 2025-03-31: overdue, its working days late
# counted into 2025
@example(dt.date(2024, 11, 1), None, None, 150, 1, 3)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_year_the_case_stamp_does_not_name_cannot_change_the_verdict(
    received: dt.date,
    replied: int | None,
    consultation: tuple[int, int | None] | None,
    as_of: int | None,
    offset: int,
    seed: int,
) -> None:
    case: dict[str, object] = {"channel": "当面", "submitted": received.isoformat()}
    if replied is not None:
        case["replied"] = (received + dt.timedelta(days=replied)).isoformat()
    if consultation is not None:
        sent = received + dt.timedelta(days=consultation[0] % 20)
        answer = consultation[1]
        case["consultations"] = [
            {
                "party": "third_party",
                "sent": sent.isoformat(),
                "answered": None
                if answer is None
                else (sent + dt.timedelta(days=answer)).isoformat(),
            }
        ]
    audit_day = None if as_of is None else received + dt.timedelta(days=as_of)
    calendar = gd.default_calendar()
    try:
        before = audit_case(case, as_of=audit_day, calendar=calendar)
    except gd.GovDeadlinesError:
        return  # an inconsistent history: nothing to stamp
    named = {y.year for y in before.stamp.years}
    year = max(named) + 1 if offset == 3 else received.year + offset
    year = min(max(year, 2005), 2026)
    if year in named:
        return
    high = max(named)
    other = shifted(calendar, year, seed, dt.date(high, 12, 31) if year == high + 1 else received)
    if offset == 3 and seed % 2 == 0:
        # aim at the last day the clock read, when it lies in late December
        last = max(
            [d for d in (before.reply_due_date, *(x.done_on for x in before.duties)) if d]
            or [received]
        )
        other = shifted(calendar, year, seed, last)
    after = audit_case(case, as_of=audit_day, calendar=other)
    assert facts(after) == facts(before)
