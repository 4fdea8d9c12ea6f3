"""How each kind of period is counted (民法典 arts. 200–204, 1259), one function per unit.

=====================  ===========================================  ==========  ============
unit                   last day                                     rolls?      ends
=====================  ===========================================  ==========  ============
working days, N        N-th working day after the trigger date      never       24:00
calendar days, N       trigger date + N                             art. 203    24:00
months / years, N      corresponding day or month end (art. 202)    art. 203    24:00
hours, N               trigger instant + N hours, day and night     no          that instant
fixed date             that date                                    no          24:00
minimum duration, N    posting day + N (posting day not counted)    art. 203    24:00
=====================  ===========================================  ==========  ============

The trigger day never counts (art. 201). "24:00 of day D" is the first instant of D+1 in
Asia/Shanghai; an office-hours cut-off (art. 203, second sentence) is an option.
"""

from __future__ import annotations

import datetime as dt
import enum
import numbers
from dataclasses import replace
from typing import NamedTuple

from gov_deadlines.calendar.day import is_provisional
from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.counting.periods import (
    CalendarDays,
    FixedDate,
    Hours,
    MinimumDuration,
    Months,
    Period,
    WorkingDays,
    Years,
)
from gov_deadlines.dates import (
    add_hours,
    beijing,
    beijing_day,
    is_not_a_time,
    start_of_day,
    to_beijing,
)
from gov_deadlines.errors import (
    ArgumentTypeError,
    CalendarCoverageError,
    DateRangeError,
    GovDeadlinesError,
    OptionError,
    TriggerError,
)
from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import is_zh


class Unit(enum.Enum):
    """The counting convention's unit; its value is the stable name stored in records."""

    WORKING_DAYS = "working_days"
    CALENDAR_DAYS = "calendar_days"
    MONTHS = "months"
    YEARS = "years"
    HOURS = "hours"
    FIXED_DATE = "fixed_date"
    MINIMUM_DURATION = "minimum_duration"


#: The articles each convention rests on, quoted (民法典, in force 2021-01-01).
ARTICLES: dict[str, str] = {
    "201": "民法典第二百零一条:按照年、月、日计算期间的,开始的当日不计入,自下一日开始计算。"
    "按照小时计算期间的,自法律规定或者当事人约定的时间开始计算。",
    "202": "民法典第二百零二条:按照年、月计算期间的,到期月的对应日为期间的最后一日;"
    "没有对应日的,月末日为期间的最后一日。",
    "203": "民法典第二百零三条:期间的最后一日是法定休假日的,以法定休假日结束的次日为期间的最后一日。"
    "期间的最后一日的截止时间为二十四时;有业务时间的,停止业务活动的时间为截止时间。",
    "1259": "民法典第一千二百五十九条:民法所称的“以上”、“以下”、“以内”、“届满”,包括本数;"
    "所称的“不满”、“超过”、“以外”,不包括本数。",
}


@frozen
class Convention:
    """The counting choices applied to one result, named so that a stored result says them.

    ``roll``: a last day that is a rest day moves to the next working day (art. 203).
    ``posting_day_counts``: for minimum durations, whether the posting day is day 1.
    ``cutoff``: an office-hours cut-off time instead of 24:00 (art. 203, second sentence).
    """

    unit: Unit
    roll: bool = False
    posting_day_counts: bool = False
    cutoff: dt.time | None = None

    def __init__(
        self,
        unit: Unit,
        roll: bool = False,
        posting_day_counts: bool = False,
        cutoff: dt.time | None = None,
    ) -> None:
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "roll", roll)
        object.__setattr__(self, "posting_day_counts", posting_day_counts)
        object.__setattr__(self, "cutoff", cutoff)

    @property
    def name(self) -> str:
        return self.unit.value

    def articles(self) -> tuple[str, ...]:
        """The articles this convention applies (keys of :data:`ARTICLES`)."""
        if self.unit is Unit.HOURS:
            return ("201",)
        keys = ["201"]
        if self.unit in (Unit.MONTHS, Unit.YEARS):
            keys.append("202")
        if self.roll or self.unit is not Unit.FIXED_DATE:
            keys.append("203")
        keys.append("1259")
        return tuple(keys)

    def describe(self, lang: str = "zh") -> str:
        """One line naming the convention and its options."""
        zh = is_zh(lang)
        names = {
            Unit.WORKING_DAYS: (
                "工作日:起算日不计入,数第N个工作日",
                "working days: trigger day not counted, the N-th working day after it",
            ),
            Unit.CALENDAR_DAYS: (
                "日:起算日不计入,起算日加N日",
                "calendar days: trigger day not counted, trigger date + N",
            ),
            Unit.MONTHS: (
                "月:到期月的对应日,无对应日取月末日",
                "months: the corresponding day, or the month's last day",
            ),
            Unit.YEARS: (
                "年:到期年的对应日,无对应日取月末日",
                "years: the corresponding day, or the month's last day",
            ),
            Unit.HOURS: (
                "小时:自起算时刻起连续计算,不分昼夜和节假日",
                "hours: elapsed time from the trigger instant, day and night, holidays included",
            ),
            Unit.FIXED_DATE: (
                "固定日期:到该日24时止,不顺延",
                "fixed date: until 24:00 of that date, never rolled",
            ),
            Unit.MINIMUM_DURATION: (
                "最短期限:公示当日不计入",
                "minimum duration: the posting day is not counted",
            ),
        }
        text = names[self.unit][0 if zh else 1]
        if self.unit is Unit.MINIMUM_DURATION and self.posting_day_counts:
            text = (
                "最短期限:公示当日计为第1天"
                if zh
                else "minimum duration: the posting day counts as day 1"
            )
        if self.unit in _ROLLING_UNITS:
            if self.roll:
                text += (
                    ";末日为法定休假日的顺延至休假日结束的次日"
                    if zh
                    else "; a last day that is a rest day rolls to the next working day"
                )
            else:
                text += ";末日不顺延(已关闭)" if zh else "; rolling off a rest day turned off"
        if self.unit is not Unit.HOURS:
            if self.cutoff is None:
                text += ";截止于末日24时" if zh else "; ends at 24:00 of the last day"
            else:
                cut = self.cutoff.strftime("%H:%M")
                text += (
                    f";截止于末日{cut}(业务时间)"
                    if zh
                    else f"; ends at {cut} of the last day (office hours)"
                )
        return text


_UNIT_ZH = {
    Unit.WORKING_DAYS: "按工作日计算的期限",
    Unit.CALENDAR_DAYS: "按日计算的期间",
    Unit.MONTHS: "按月计算的期间",
    Unit.YEARS: "按年计算的期间",
    Unit.HOURS: "按小时计算的期限",
    Unit.FIXED_DATE: "固定日期",
    Unit.MINIMUM_DURATION: "最短期限",
}

_ROLLING_UNITS = (Unit.CALENDAR_DAYS, Unit.MONTHS, Unit.YEARS, Unit.MINIMUM_DURATION)

_DEFAULTS: dict[type, Convention] = {
    WorkingDays: Convention(Unit.WORKING_DAYS),
    CalendarDays: Convention(Unit.CALENDAR_DAYS, roll=True),
    Months: Convention(Unit.MONTHS, roll=True),
    Years: Convention(Unit.YEARS, roll=True),
    Hours: Convention(Unit.HOURS),
    FixedDate: Convention(Unit.FIXED_DATE),
    MinimumDuration: Convention(Unit.MINIMUM_DURATION, roll=True),
}


def convention_for(
    period: Period,
    *,
    roll: bool | None = None,
    posting_day_counts: bool | None = None,
    cutoff: dt.time | None = None,
) -> Convention:
    """The default convention of ``period``'s unit, with the given options applied.

    Options that make no sense for the unit are refused rather than ignored.
    """
    convention = _DEFAULTS[type(period)]
    if roll is None and posting_day_counts is None and cutoff is None:
        return convention
    unit = convention.unit
    if roll is not None and unit not in _ROLLING_UNITS:
        raise OptionError(
            "roll",
            unit.value,
            f"does not apply to {unit.value}: only calendar days, months, years and "
            "minimum durations roll off a rest day",
            "只适用于按日、月、年计算的期间和最短期限(末日为休息日时顺延),"
            f"不适用于{_UNIT_ZH[unit]}",
        )
    if posting_day_counts is not None and unit is not Unit.MINIMUM_DURATION:
        raise OptionError(
            "posting_day_counts",
            unit.value,
            "applies only to minimum durations (不少于N天)",
            f"只适用于最短期限(不少于N天),不适用于{_UNIT_ZH[unit]}",
        )
    if cutoff is not None and unit is Unit.HOURS:
        raise OptionError(
            "cutoff",
            unit.value,
            "does not apply to hours: an hour period ends at its instant",
            "不适用于按小时计算的期限:小时期限在起算时刻加N小时时届满",
        )
    if cutoff is not None and not isinstance(cutoff, dt.time):
        raise ArgumentTypeError(
            "cutoff", cutoff, "a datetime.time (e.g. time(17, 0))", "时刻(如 17:00)"
        )
    return replace(
        convention,
        roll=convention.roll if roll is None else roll,
        posting_day_counts=(
            convention.posting_day_counts if posting_day_counts is None else posting_day_counts
        ),
        cutoff=cutoff,
    )


@frozen
class Details:
    """The facts of a result beyond its last day, for units that have them.

    ``due_at`` is set only where it is not 24:00 of the last day (hours, a cut-off).
    ``before_trigger`` (fixed dates): the date (of its own year, or of the trigger's) falls
    before the trigger date given — the convention "fixed date before its trigger", named
    in every output (see :func:`count`).
    """

    due_at: dt.datetime | None = None
    unrolled_date: dt.date | None = None
    earliest_removal: dt.date | None = None
    last_workday: dt.date | None = None
    last_workday_provisional: bool = False
    before_trigger: bool = False

    def __init__(
        self,
        due_at: dt.datetime | None = None,
        unrolled_date: dt.date | None = None,
        earliest_removal: dt.date | None = None,
        last_workday: dt.date | None = None,
        last_workday_provisional: bool = False,
        before_trigger: bool = False,
    ) -> None:
        object.__setattr__(self, "due_at", due_at)
        object.__setattr__(self, "unrolled_date", unrolled_date)
        object.__setattr__(self, "earliest_removal", earliest_removal)
        object.__setattr__(self, "last_workday", last_workday)
        object.__setattr__(self, "last_workday_provisional", last_workday_provisional)
        object.__setattr__(self, "before_trigger", before_trigger)


class Counted(NamedTuple):
    """What counting produced (internal; wrapped into a Deadline)."""

    trigger: dt.date | dt.datetime
    due_date: dt.date
    provisional: bool
    details: Details | None


def split_trigger(trigger: object) -> tuple[dt.date, dt.datetime | None]:
    """The trigger's Beijing day (:func:`~gov_deadlines.dates.beijing_day`) and, when a
    time was given, its instant in Beijing time: an hour period (48小时) runs from that
    instant, and a cut-off compares with it, so the time is kept, not only the day."""
    if isinstance(trigger, dt.date) and not is_not_a_time(trigger):
        if isinstance(trigger, dt.datetime):
            return beijing_day(trigger), to_beijing(trigger)
        return trigger, None
    raise ArgumentTypeError(
        "trigger",
        trigger,
        "a datetime.date or datetime.datetime (read text with gov_deadlines.dates.parse_datetime)",
        "日期或日期时间(如 2026-10-01 或 2026-10-01 09:30)",
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding day ``months`` later, or that month's last day (art. 202).

    31 January + 1 month is 28 (29) February; a year is twelve months, so 29 February + 1
    year is 28 February (``dateutil.relativedelta`` clamps to the month's end).
    """
    year = (day.year * 12 + day.month - 1 + months) // 12
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError("date value out of range")  # as date + timedelta does
    # Imported here, not at the top: `import gov_deadlines` and a working-day `due` never
    # need dateutil.
    from dateutil.relativedelta import relativedelta

    result: dt.date = day + relativedelta(months=months)
    return result


def day_end(day: dt.date, convention: Convention) -> dt.datetime:
    """When a day-based period whose last day is ``day`` ends: 24:00, or the cut-off."""
    if convention.cutoff is None:
        return start_of_day(day + dt.timedelta(days=1))
    return dt.datetime.combine(day, convention.cutoff, tzinfo=beijing())


def _rolled(
    last: dt.date, convention: Convention, calendar: WorkCalendar
) -> tuple[dt.date, dt.date | None, bool]:
    """Art. 203: the due day, the unrolled day if it moved, and whether provisional."""
    if not convention.roll:
        return last, None, False
    due = calendar.workday_on_or_after(last)
    provisional = is_provisional(due)
    return due, (last if due != last else None), provisional


def _last_day(
    period: CalendarDays | Months | Years | MinimumDuration,
    trigger_date: dt.date,
    convention: Convention,
) -> dt.date:
    """The last day of a period counted in calendar days, months or years, before rolling."""
    if isinstance(period, CalendarDays):
        return trigger_date + dt.timedelta(days=period.n)
    if isinstance(period, Months | Years):
        return add_months(trigger_date, period.n if isinstance(period, Months) else 12 * period.n)
    days = period.days - 1 if convention.posting_day_counts else period.days
    return trigger_date + dt.timedelta(days=days)


def count(
    period: Period,
    trigger: object,
    convention: Convention,
    calendar: WorkCalendar,
) -> Counted:
    """Apply ``convention`` to ``period`` from ``trigger`` over ``calendar``.

    A fixed date may also take a year (an ``int``) as its trigger. A fixed date without a
    year is the date in the trigger's year; when a date trigger falls after it, the answer
    stays that date (a duty overdue from the start, or for a yearly date this year's,
    already passed) and ``Details.before_trigger`` says so, never silently. An answer past
    9999-12-31 is the calendar's refusal (:class:`CalendarCoverageError` with
    ``past_the_last_date``); a year, or an aware trigger, that no Beijing date can hold is a
    :class:`DateRangeError`.
    """
    if isinstance(period, FixedDate) and isinstance(trigger, numbers.Integral):
        if isinstance(trigger, bool):
            split_trigger(trigger)  # refused as a trigger of the wrong type
        if not dt.MINYEAR <= int(trigger) <= dt.MAXYEAR:
            raise DateRangeError(trigger, "the year is out of range", "年份超出范围")
        trigger = dt.date(int(trigger), 1, 1)
    try:
        counted = _count(period, trigger, convention, calendar)
    except OverflowError as error:
        if isinstance(error, GovDeadlinesError):
            raise
        # Only an aware trigger within hours of 0001-01-01 or 9999-12-31 gets here: its
        # Beijing time is no date.
        raise DateRangeError(
            trigger,
            "the trigger in Beijing time lies outside 0001-01-01 .. 9999-12-31",
            "起算时间换算为北京时间后超出0001-01-01至9999-12-31",
        ) from None
    if (
        counted.due_date == dt.date.max
        and convention.cutoff is None
        and not isinstance(period, Hours)
    ):
        # 24:00 of 9999-12-31 is an instant no datetime can hold.
        raise calendar.refusal(dt.date.max, past_the_last_date=True)
    return counted


def _count(
    period: Period,
    trigger: object,
    convention: Convention,
    calendar: WorkCalendar,
) -> Counted:
    trigger_date, trigger_at = split_trigger(trigger)
    normalized = trigger_at or trigger_date
    if isinstance(period, WorkingDays):
        due = calendar.add_workdays(trigger_date, period.n)
        cut = Details(due_at=day_end(due, convention)) if convention.cutoff else None
        return Counted(normalized, due, is_provisional(due), cut)
    if isinstance(period, Hours):
        if trigger_at is None:
            raise TriggerError(
                trigger,
                f"an hour period ({period.n}小时) needs the time of the trigger; "
                "give a datetime, e.g. datetime(2026, 10, 1, 9, 30) or '2026-10-01 09:30'",
                f"按小时计算的期限({period.n}小时)需要起算的具体时刻,请给出日期和时间,"
                "例如 2026-10-01 09:30",
            )
        try:
            due_at = add_hours(trigger_at, period.n)
        except OverflowError:  # past 9999-12-31: no day, let alone a notice, exists
            if trigger_at.year == dt.MINYEAR:  # … or, from year 1, before 0001-01-01 in UTC
                raise DateRangeError(
                    trigger, "the trigger lies before 0001-01-01 in UTC", "起算时间早于公元1年"
                ) from None
            raise calendar.refusal(dt.date.max, past_the_last_date=True) from None
        return Counted(normalized, due_at.date(), False, Details(due_at=due_at))
    if isinstance(period, CalendarDays | Months | Years | MinimumDuration):
        try:
            last = _last_day(period, trigger_date, convention)
        except OverflowError:  # past 9999-12-31
            raise calendar.refusal(dt.date.max, past_the_last_date=True) from None
        due, unrolled, provisional = _rolled(last, convention, calendar)
        removal = due + dt.timedelta(days=1) if isinstance(period, MinimumDuration) else None
        details = Details(
            due_at=day_end(due, convention) if convention.cutoff else None,
            unrolled_date=unrolled,
            earliest_removal=removal,
        )
        return Counted(normalized, due, provisional, details)
    # FixedDate: a date, not a period; it never rolls, but say the last working day before it.
    year = period.year or trigger_date.year
    due = period.on(year)
    try:
        last_workday: dt.date | None = calendar.workday_on_or_before(due)
    except CalendarCoverageError:
        last_workday = None
    details = Details(
        due_at=day_end(due, convention) if convention.cutoff else None,
        last_workday=last_workday,
        last_workday_provisional=is_provisional(last_workday),
        # A year given as the trigger became its 1 January: never after the date.
        before_trigger=due < trigger_date,
    )
    return Counted(normalized, due, False, details)
