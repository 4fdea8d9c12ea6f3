"""Checking a deadline against when the act was done (:class:`Verdict`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from gov_deadlines.counting.conventions import Unit
from gov_deadlines.counting.deadlines import Deadline
from gov_deadlines.dates import beijing_day, format_instant, is_not_a_time, to_beijing
from gov_deadlines.errors import (
    ArgumentTypeError,
    CalendarCoverageError,
    CompletionTimeError,
    DateRangeError,
)
from gov_deadlines.stamps import DaySpan, Stamp
from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import Lang, Recorded, Status, is_zh

if TYPE_CHECKING:
    from gov_deadlines.counting.records import VerdictRecord


def _utc(moment: dt.datetime) -> dt.datetime:
    """The same instant in UTC.

    Aware datetimes that share a tzinfo are compared and subtracted by wall time, with
    ``fold`` ignored; in Beijing's repeated hour of 1986–1991 that gets the order wrong.
    Instants are therefore compared and subtracted in UTC.
    """
    return moment.astimezone(dt.UTC)


@frozen
class Verdict(Recorded):
    """Whether an act met its deadline, and by how much.

    ``done_on`` is the day the act was done (in Beijing), ``done_at`` the instant when a
    time was given (``None`` for a bare date). ``status`` is :attr:`Status.ON_TIME`,
    :attr:`Status.LATE`, or — for a minimum duration (a notice that must stay posted, whose
    ``done_on`` is when it came down) — :attr:`Status.SHORT` when it came down
    ``short_by_days`` too early.

    ``late_by_days`` counts calendar days after the last day; ``late_by_workdays`` the
    working days in (last day, done day] (``None`` where the calendar has no data);
    ``late_by_time`` the exact time past ``due_at`` when the completion instant is known.
    """

    deadline: Deadline
    done_on: dt.date
    done_at: dt.datetime | None
    status: Status
    late_by_days: int = 0
    late_by_workdays: int | None = 0
    late_by_time: dt.timedelta | None = None
    early_by_workdays: int | None = None
    short_by_days: int = 0
    #: Done before the trigger (the event the period counts from): the date cannot be
    #: right, or the act belongs to another case; a warning, never a silent "on time".
    before_trigger: bool = False

    def __init__(
        self,
        deadline: Deadline,
        done_on: dt.date,
        done_at: dt.datetime | None,
        status: Status,
        late_by_days: int = 0,
        late_by_workdays: int | None = 0,
        late_by_time: dt.timedelta | None = None,
        early_by_workdays: int | None = None,
        short_by_days: int = 0,
        before_trigger: bool = False,
    ) -> None:
        object.__setattr__(self, "deadline", deadline)
        object.__setattr__(self, "done_on", done_on)
        object.__setattr__(self, "done_at", done_at)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "late_by_days", late_by_days)
        object.__setattr__(self, "late_by_workdays", late_by_workdays)
        object.__setattr__(self, "late_by_time", late_by_time)
        object.__setattr__(self, "early_by_workdays", early_by_workdays)
        object.__setattr__(self, "short_by_days", short_by_days)
        object.__setattr__(self, "before_trigger", before_trigger)

    @property
    def on_time(self) -> bool:
        """Done by the deadline (for a minimum duration: stayed up long enough)."""
        return self.status is Status.ON_TIME

    @property
    def due_date(self) -> dt.date:
        return self.deadline.due_date

    @property
    def due_at(self) -> dt.datetime:
        return self.deadline.due_at

    @property
    def provisional(self) -> bool:
        return self.deadline.provisional

    @property
    def stamp(self) -> Stamp:
        """The data the verdict rests on: its deadline's, and the years of the working days
        it counted between the due date and the day done (``late_by_workdays`` …)."""
        own = self.deadline.stamp
        low, high = sorted((self.done_on, self.deadline.due_date))
        if self.deadline.unit is Unit.MINIMUM_DURATION or low == high:
            return own
        span = DaySpan(low + dt.timedelta(days=1), high)
        return own.merged(Stamp(self.deadline.calendar.stamp_years([span])))

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> VerdictRecord:
        """The verdict as its JSON record (``explanation``: the deadline's steps too)."""
        from gov_deadlines.counting.records import verdict_to_record

        return verdict_to_record(self, lang, explanation=explanation)

    def warnings(self, lang: str = "zh") -> list[str]:
        """The warnings on the dates checked (empty when they are plausible)."""
        if not self.before_trigger:
            return []
        trigger = self.deadline.trigger_date.isoformat()
        return [
            f"日期存疑:完成时间早于起算日{trigger},请核对。"
            if is_zh(lang)
            else f"Doubtful date: done before the trigger, {trigger}: check it."
        ]

    def summary(self, lang: str = "zh") -> str:
        """One sentence: on time / late by … / came down too early by …, and the warnings."""
        text = self._summary(lang)
        for warning in self.warnings(lang):
            text = f"{text}{warning}" if is_zh(lang) else f"{text} {warning}"
        return text

    def _summary(self, lang: str) -> str:
        zh = is_zh(lang)
        unit = self.deadline.unit
        if unit is Unit.MINIMUM_DURATION:
            if self.on_time:
                return "公示时间符合要求。" if zh else "The notice stayed up long enough."
            return (
                f"公示时间不足:提前{self.short_by_days}天撤下。"
                if zh
                else f"The notice came down {self.short_by_days} day(s) too early."
            )
        if self.on_time:
            spare = self.early_by_workdays
            if unit is Unit.HOURS and self.done_at is not None:
                left = _utc(self.deadline.due_at) - _utc(self.done_at)
                hours = left.total_seconds() / 3600
                return (
                    f"按时完成(提前{hours:.1f}小时)。"
                    if zh
                    else f"On time ({hours:.1f} hours to spare)."
                )
            if spare:
                return (
                    f"按时完成(距截止还有{spare}个工作日)。"
                    if zh
                    else f"On time ({spare} working day(s) to spare)."
                )
            return "按时完成。" if zh else "On time."
        if self.late_by_time is not None and (unit is Unit.HOURS or self.late_by_days == 0):
            # Hours, or late on the last day itself (after an office-hours cut-off).
            hours = self.late_by_time.total_seconds() / 3600
            return f"逾期{hours:.1f}小时。" if zh else f"Late by {hours:.1f} hours."
        if self.late_by_workdays is None:  # the calendar does not reach the completion day
            if zh:
                return f"逾期{self.late_by_days}天(工作日数无法确定:日历数据未覆盖到完成日)。"
            return (
                f"Late by {self.late_by_days} day(s) (working days unknown: the calendar data "
                "do not reach the completion day)."
            )
        if zh:
            return f"逾期{self.late_by_days}天({self.late_by_workdays}个工作日)。"
        return f"Late by {self.late_by_days} day(s) ({self.late_by_workdays} working day(s))."

    def explain(self, lang: str = "zh") -> str:
        """The deadline's explanation followed by the verdict."""
        zh = is_zh(lang)
        done = (
            format_instant(self.done_at) if self.done_at is not None else self.done_on.isoformat()
        )
        label = "撤下时间" if self.deadline.unit is Unit.MINIMUM_DURATION else "完成时间"
        label_en = "Taken down" if self.deadline.unit is Unit.MINIMUM_DURATION else "Done"
        head = (
            f"{label}:{done}。{self.summary(lang)}"
            if zh
            else f"{label_en}: {done}. {self.summary(lang)}"
        )
        return f"{self.deadline.explain(lang)}\n{head}"


def _workdays(deadline: Deadline, start: dt.date, end: dt.date) -> int | None:
    try:
        return deadline.calendar.workdays_between(start, end)
    except CalendarCoverageError:
        return None


def check(deadline: Deadline, done_at: dt.date | dt.datetime, /) -> Verdict:
    """Judge ``done_at`` against ``deadline``.

    A bare date is compared by day (an act on the last day is on time); a datetime is
    compared with ``due_at`` (an act at exactly 24:00, i.e. 00:00 the next day, is late).
    An hour limit needs a time unless the date alone decides. For a catalogue rule, use
    :func:`gov_deadlines.check_due` (``check_due(rule_id, trigger, done_at)``).
    """
    if isinstance(deadline, str):
        # no silent dispatch on the argument's type: the rule-id form has its own name
        raise ArgumentTypeError(
            "deadline",
            deadline,
            "a Deadline (from deadline() or due()); for a rule id use "
            "check_due(rule_id, trigger, done_at)",
            "期限结果(Deadline);按规则编号判断请用 check_due(规则编号, 起算时间, 完成时间)",
        )
    if not isinstance(deadline, Deadline):
        raise ArgumentTypeError(
            "deadline", deadline, "a Deadline (from deadline() or due())", "期限结果(Deadline)"
        )
    try:
        return _checked(deadline, done_at)
    except OverflowError:
        raise DateRangeError(
            done_at, "the completion time cannot be compared", "完成时间无法比较"
        ) from None


def _checked(deadline: Deadline, done_at: dt.date | dt.datetime) -> Verdict:
    if not isinstance(done_at, dt.date) or is_not_a_time(done_at):
        raise ArgumentTypeError(
            "done_at",
            done_at,
            "a datetime.date or datetime.datetime",
            "日期或日期时间(如 2026-10-30 或 2026-10-30 17:00)",
        )
    moment: dt.datetime | None = None
    done_date: dt.date = done_at
    if isinstance(done_at, dt.datetime):
        moment = to_beijing(done_at)
        done_date = beijing_day(done_at)
    trigger = deadline.trigger
    if isinstance(trigger, dt.datetime):
        before = _utc(moment) < _utc(trigger) if moment is not None else done_date < trigger.date()
    elif isinstance(trigger, dt.date):
        before = done_date < trigger
    else:  # a year (fixed dates): no day to be before
        before = False
    verdict = _judge(deadline, done_at, moment, done_date)
    if before:
        return replace(verdict, before_trigger=True)
    return verdict


def _judge(
    deadline: Deadline,
    done_at: dt.date | dt.datetime,
    moment: dt.datetime | None,
    done_date: dt.date,
) -> Verdict:
    due_at = deadline.due_at
    if deadline.unit is Unit.MINIMUM_DURATION:
        removal = deadline.earliest_removal
        assert removal is not None
        ok = _utc(moment) >= _utc(due_at) if moment is not None else done_date >= removal
        short = 0 if ok else max(1, (removal - done_date).days)
        return Verdict(
            deadline,
            done_date,
            moment,
            Status.ON_TIME if ok else Status.SHORT,
            short_by_days=short,
        )
    if moment is None and deadline.unit is Unit.HOURS:
        if done_date < due_at.date():
            on_time = True
        elif done_date > due_at.date() or due_at.time() == dt.time(0):
            # Ending at 00:00 of that day, any moment of the day is at or after the end.
            on_time = False
        else:
            raise CompletionTimeError(
                done_at,
                f"the limit ends at {format_instant(due_at)} on that very day; give the time "
                "of completion (e.g. '2026-10-03 08:00')",
                f"期限于当日{format_instant(due_at)}届满,请给出完成的具体时刻",
            )
    elif moment is None:
        on_time = done_date <= deadline.due_date
        if deadline.convention.cutoff is not None and done_date == deadline.due_date:
            on_time = True  # a bare date on the last day cannot be after the cut-off knowingly
    else:
        on_time = _utc(moment) < _utc(due_at)
    if on_time:
        early = (
            _workdays(deadline, done_date, deadline.due_date)
            if done_date <= deadline.due_date
            else 0
        )
        return Verdict(deadline, done_date, moment, Status.ON_TIME, early_by_workdays=early)
    late_days = max((done_date - deadline.due_date).days, 0)
    late_workdays = _workdays(deadline, deadline.due_date, done_date) if late_days else 0
    exact = (_utc(moment) - _utc(due_at)) if moment is not None else None
    return Verdict(
        deadline,
        done_date,
        moment,
        Status.LATE,
        late_by_days=late_days,
        late_by_workdays=late_workdays,
        late_by_time=exact,
    )
