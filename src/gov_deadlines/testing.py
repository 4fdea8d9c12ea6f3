"""Hypothesis strategies for tests of code built on gov_deadlines (``docs/testing.md``).

Each strategy draws only values the library answers for: dates inside the calendar's
official data (``calendar.coverage``, gaps between spans left out), and — with
``provisional=True`` — the later years it can answer provisionally too. A downstream suite
does not have to learn the valid range from failures::

    from hypothesis import given
    from gov_deadlines.testing import triggers

    @given(triggers("ogi.reply"))
    def test_my_app_stores_the_due_date(received_on): ...

- :func:`covered_dates`, :func:`working_days`, :func:`rest_days` — days of a calendar;
- :func:`periods` — every period type (``WorkingDays`` … ``MinimumDuration``), or some;
- :func:`triggers` — triggers of a catalogue rule whose deadline the calendar can answer
  (dates, instants for an hours rule, years for a fixed-date rule);
- :func:`cases` — valid application histories (:class:`~gov_deadlines.cases.Case`),
  optionally with 补正, consultations and an extension, whose whole clock lies inside the
  calendar's data.

This module needs hypothesis (``pip install hypothesis``, or the ``test`` extra); nothing
else in gov_deadlines imports it. The strategies take the calendar (and catalogue) to
respect, the bundled ones by default.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st

from gov_deadlines.calendar import WorkCalendar, default_calendar
from gov_deadlines.calendar.statutory import provisional_years
from gov_deadlines.cases import Case
from gov_deadlines.catalogue import Catalogue, default_catalogue, due
from gov_deadlines.counting.periods import (
    PERIOD_TYPES,
    CalendarDays,
    FixedDate,
    Hours,
    MinimumDuration,
    Months,
    Period,
    WorkingDays,
    Years,
)
from gov_deadlines.errors import CalendarCoverageError, NotInForceError

__all__ = [
    "cases",
    "covered_dates",
    "periods",
    "rest_days",
    "triggers",
    "working_days",
]

_CHANNELS = ("当面", "挂号信", "平信", "网络", "传真")
_DAY = dt.timedelta(days=1)


def _spans(
    calendar: WorkCalendar, provisional: bool, low: dt.date | None, high: dt.date | None
) -> list[tuple[dt.date, dt.date]]:
    """The covered spans (plus the provisional years after them), clipped to low..high."""
    spans = [(span.first, span.last) for span in calendar.coverage.spans]
    if provisional:
        last = dt.date(provisional_years()[-1], 12, 31)
        if last > spans[-1][1]:
            spans.append((spans[-1][1] + _DAY, last))
    clipped = [
        (max(first, low) if low else first, min(last, high) if high else last)
        for first, last in spans
    ]
    found = [(first, last) for first, last in clipped if first <= last]
    if not found:
        raise ValueError(
            f"no day of the calendar's data lies in {low or '…'}..{high or '…'} "
            f"(it covers {calendar.coverage.text('en')})"
        )
    return found


def covered_dates(
    calendar: WorkCalendar | None = None,
    *,
    provisional: bool = False,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
) -> st.SearchStrategy[dt.date]:
    """Days inside the official data of ``calendar`` (the bundled one by default), between
    ``min_value`` and ``max_value``; with ``provisional=True`` the provisional years after
    it too (those days come as plain dates; the calendar answers them provisionally)."""
    cal = calendar or default_calendar()
    return st.one_of(
        [st.dates(first, last) for first, last in _spans(cal, provisional, min_value, max_value)]
    )


def _calendar(calendar: WorkCalendar | None, provisional: bool) -> WorkCalendar:
    cal = calendar or default_calendar()
    return cal.with_provisional() if provisional else cal


def working_days(
    calendar: WorkCalendar | None = None,
    *,
    provisional: bool = False,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
) -> st.SearchStrategy[dt.date]:
    """Working days (工作日, make-up working days included) of ``calendar``."""
    cal = _calendar(calendar, provisional)
    days = covered_dates(
        calendar, provisional=provisional, min_value=min_value, max_value=max_value
    )
    return days.filter(cal.is_workday)


def rest_days(
    calendar: WorkCalendar | None = None,
    *,
    provisional: bool = False,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
) -> st.SearchStrategy[dt.date]:
    """Rest days (weekends and holidays, not the make-up working days) of ``calendar``."""
    cal = _calendar(calendar, provisional)
    days = covered_dates(
        calendar, provisional=provisional, min_value=min_value, max_value=max_value
    )
    return days.filter(lambda day: not cal.is_workday(day))


@st.composite
def _fixed_dates(draw: st.DrawFn) -> FixedDate:
    month = draw(st.integers(1, 12))
    every_year = draw(st.booleans())
    year = None if every_year else draw(st.none() | st.integers(1, 9999))
    longest = _stdcal.monthrange(year if year is not None else 2000, month)[1]
    day = draw(st.none() | st.integers(1, longest))
    return FixedDate(month, day, year, every_year=every_year)


def periods(
    kinds: Sequence[type] = PERIOD_TYPES, *, max_count: int = 400
) -> st.SearchStrategy[Period]:
    """Periods of ``kinds`` (every period type by default), counts 1..``max_count``
    (hours up to 24 times that); fixed dates of every form (a month end, a day, a year,
    every year)."""
    unknown = [kind for kind in kinds if kind not in PERIOD_TYPES]
    if unknown or not kinds:
        raise ValueError(f"kinds must be period types ({', '.join(k.__name__ for k in PERIOD_TYPES)})")
    counts = st.integers(1, max_count)
    by_kind: dict[type, st.SearchStrategy[Period]] = {
        WorkingDays: st.builds(WorkingDays, counts),
        CalendarDays: st.builds(CalendarDays, counts),
        Months: st.builds(Months, counts),
        Years: st.builds(Years, st.integers(1, max(1, max_count // 12))),
        Hours: st.builds(Hours, st.integers(1, 24 * max_count)),
        FixedDate: _fixed_dates(),
        MinimumDuration: st.builds(MinimumDuration, counts),
    }
    return st.one_of([by_kind[kind] for kind in kinds])


def _answers(rule_id: str, trigger: object, calendar: WorkCalendar, catalogue: Catalogue) -> bool:
    try:
        due(rule_id, trigger, calendar=calendar, catalogue=catalogue)  # type: ignore[arg-type]
    except (CalendarCoverageError, NotInForceError):
        return False
    return True


def triggers(
    rule_id: str,
    *,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
    provisional: bool = False,
) -> st.SearchStrategy[dt.date | dt.datetime | int]:
    """Triggers of catalogue rule ``rule_id`` whose deadline ``calendar`` answers
    (``due(rule_id, trigger)`` gives a date, no coverage or in-force error): dates for a
    day-counted rule, Beijing instants (naive) for an hours rule, years for a fixed-date
    rule. A rule that cannot be computed at all (unquantified) raises its error when drawn."""
    cat = catalogue or default_catalogue()
    rule = cat.rule(rule_id)
    cal = _calendar(calendar, provisional)
    low = high = None
    if rule.id == rule_id:  # one version (not a family id): its source's time in force
        low, high = rule.source.effective_from, rule.source.effective_until
    days = covered_dates(calendar, provisional=provisional, min_value=low, max_value=high)
    drawn: st.SearchStrategy[dt.date | dt.datetime | int]
    if rule.trigger is None:  # a fixed date: the trigger is the year
        drawn = days.map(lambda day: day.year)
    elif isinstance(rule.typed_period, Hours):
        drawn = st.builds(dt.datetime.combine, days, st.times())
    else:
        drawn = days
    return drawn.filter(lambda trigger: _answers(rule_id, trigger, cal, cat))


@st.composite
def _cases(
    draw: st.DrawFn,
    calendar: WorkCalendar | None,
    catalogue: Catalogue | None,
    provisional: bool,
    supplements: bool,
    consultations: bool,
    extensions: bool,
    min_value: dt.date | None,
    max_value: dt.date | None,
) -> Case:
    cal = calendar or default_calendar()
    # An application is valid from the first 条例 on (2008-05-01): none existed before.
    first = (catalogue or default_catalogue()).family_versions("ogi.reply")[0].start
    spans = _spans(cal, provisional, max(min_value or first, first), max_value)
    # The whole history lies within 180 days of the submission, and every deadline it can
    # start (20 + 20 working days, plus the excluded time) within a year of it: inside the
    # data when the submission is a year before its end.
    last = spans[-1][1] - dt.timedelta(days=365)
    starts = [(first, min(end, last)) for first, end in spans if first <= min(end, last)]
    if not starts:
        raise ValueError("the calendar's data is too short for a whole case (a year is needed)")
    submitted = draw(st.one_of([st.dates(first, end) for first, end in starts]))

    def after(day: dt.date, most: int) -> dt.date:
        return day + dt.timedelta(days=draw(st.integers(0, most)))

    channel = draw(st.sampled_from(_CHANNELS))
    signed_for = draw(st.none() | st.just(after(submitted, 7)))
    confirmed = draw(st.none() | st.just(after(submitted, 7)))
    if channel != "当面" and signed_for is None and confirmed is None and draw(st.booleans()):
        confirmed = after(submitted, 7)
    data: dict[str, object] = {
        "case_id": draw(st.text("ABC0123456789-", min_size=1, max_size=8)),
        "channel": channel,
        "submitted": submitted,
        "signed_for": signed_for,
        "confirmed": confirmed,
    }
    receipt = max(d for d in (submitted, signed_for, confirmed) if d is not None)
    latest = receipt
    if supplements and draw(st.booleans()):
        requested = after(receipt, 7)
        data["supplement_requested"] = requested
        latest = requested
        if draw(st.booleans()):
            latest = data["supplement_received"] = after(requested, 30)
    if consultations:
        found = []
        for _ in range(draw(st.integers(0, 2))):
            sent = after(receipt, 20)
            answered = draw(st.none() | st.just(after(sent, 30)))
            found.append({"party": draw(st.sampled_from(("第三方", "其他机关"))), "sent": sent, "answered": answered})
            latest = max(latest, answered or sent)
        data["consultations"] = found
    if extensions and draw(st.booleans()):
        approved = after(receipt, 25)
        data["extension"] = {
            "approved": approved,
            "told": draw(st.none() | st.just(after(approved, 3))),
            "workdays": draw(st.none() | st.integers(1, 20)),
        }
        latest = max(latest, approved)
    if draw(st.booleans()):
        data["replied"] = after(latest, 60)
    return Case.model_validate(data)


def cases(
    calendar: WorkCalendar | None = None,
    *,
    catalogue: Catalogue | None = None,
    provisional: bool = False,
    supplements: bool = False,
    consultations: bool = False,
    extensions: bool = False,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
) -> st.SearchStrategy[Case]:
    """Valid application histories (:class:`~gov_deadlines.cases.Case`): a channel, the
    dates of receipt in order, a reply or none; with ``supplements`` a request for 补正
    (and the corrected application, or none), ``consultations`` up to two (answered or
    not), ``extensions`` an extension (approved, told, its working days). The submission
    lies in ``min_value..max_value``, on or after the first 条例's entry into force (of
    ``catalogue``'s ``ogi.reply``, 2008-05-01); every date and every deadline the case starts lies
    inside the calendar's data (a year before its end at the latest)."""
    return _cases(
        calendar, catalogue, provisional, supplements, consultations, extensions, min_value, max_value
    )
