"""A computed deadline (:class:`Deadline`) and the function that makes one (:func:`deadline`).

A Deadline carries the facts: the period, trigger, last day, the instant it ends, whether
it is provisional, the convention and the calendar data used, and (for catalogue rules)
the rule with its citation. The text explaining it is rendered only when asked for.
"""

from __future__ import annotations

import datetime as dt
import numbers
from dataclasses import field
from typing import TYPE_CHECKING, Protocol

from gov_deadlines.calendar.day import DayInfo, DayKind, weekday_name
from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
from gov_deadlines.counting.conventions import (
    ARTICLES,
    Convention,
    Details,
    Unit,
    convention_for,
    count,
    day_end,
)
from gov_deadlines.counting.periods import (
    FixedDate,
    Hours,
    MinimumDuration,
    Period,
    WorkingDays,
    as_period,
)
from gov_deadlines.counting.stamping import read_spans
from gov_deadlines.dates import format_instant
from gov_deadlines.errors import ArgumentTypeError, GovDeadlinesError
from gov_deadlines.stamps import DaySpan, Stamp
from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Lang, Recorded, is_zh

if TYPE_CHECKING:
    from gov_deadlines.catalogue import Catalogue, Rule
    from gov_deadlines.counting.records import DeadlineRecord


class Note(Protocol):
    """A remark added to an explanation (which version applied, a delegation …)."""

    def text(self, lang: str = "zh") -> str: ...


@frozen
class Bilingual:
    """A note in Chinese and English."""

    zh: str
    en: str

    def __init__(self, zh: str, en: str) -> None:
        object.__setattr__(self, "zh", zh)
        object.__setattr__(self, "en", en)

    def text(self, lang: str = "zh") -> str:
        return self.zh if is_zh(lang) else self.en


def _day(day: dt.date, lang: str) -> str:
    """``2026-10-30(周五)`` or ``2026-10-30 (Fri)``."""
    if is_zh(lang):
        return f"{day.isoformat()}({weekday_name(day, lang)})"
    return f"{day.isoformat()} ({weekday_name(day, lang)})"


def _fmt_trigger(trigger: object, lang: str) -> str:
    if isinstance(trigger, int):
        return f"{trigger}年" if is_zh(lang) else f"the year {trigger}"
    if isinstance(trigger, dt.datetime):
        wd = weekday_name(trigger.date(), lang)
        return (
            f"{format_instant(trigger)}({wd})"
            if is_zh(lang)
            else f"{format_instant(trigger)} ({wd})"
        )
    if isinstance(trigger, dt.date):
        return _day(trigger, lang)
    return str(trigger)


def rest_runs(days: list[DayInfo]) -> list[list[DayInfo]]:
    """Consecutive days of the same kind and holiday, grouped for a shorter explanation
    (the explanations of deadlines, of the case audit and of ``gov-deadlines cal``)."""
    runs: list[list[DayInfo]] = []
    for info in days:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and info.date - last.date == dt.timedelta(days=1)
            and info.kind == last.kind
            and info.holiday == last.holiday
        ):
            runs[-1].append(info)
        else:
            runs.append([info])
    return runs


def describe_run(run: list[DayInfo], lang: str) -> str:
    """One run of :func:`rest_runs` as a line: ``2026-10-01—2026-10-08(周四—周四) 国庆节放假,8天``."""
    zh = is_zh(lang)
    first, last = run[0], run[-1]
    span = first.date.isoformat()
    days = weekday_name(first.date, lang)
    if len(run) > 1:
        span = f"{span}—{last.date.isoformat()}"
        days = f"{days}—{weekday_name(last.date, lang)}"
    kind = first.kind.label(lang)
    if first.holiday is not None:
        name = first.holiday.zh if zh else first.holiday.en
        kind = f"{name}{kind}" if zh else f"{kind}, {name}"
        if first.kind is DayKind.HOLIDAY:
            kind = f"{name}放假" if zh else f"{name} holiday"
    count_text = (f",{len(run)}天" if zh else f", {len(run)} days") if len(run) > 1 else ""
    flag = " " + PROVISIONAL_MARK["zh" if zh else "en"] if first.provisional else ""
    days_text = f"({days})" if zh else f" ({days})"
    return f"{span}{days_text} {kind}{count_text}{flag}"


@frozen(slots=False)
class Deadline(Recorded):
    """The result of counting a period from a trigger, with everything needed to explain it.

    ``due_date`` is the last day; ``due_at`` the aware instant (Asia/Shanghai) the period
    ends — 24:00 of the last day, i.e. 00:00 of the next, unless a cut-off was chosen.
    ``provisional`` is true when the answer rests on a year with no official notice.
    ``trigger`` is the date, the aware Beijing datetime, or (fixed dates) the year given.
    ``receipt_date`` is set when the trigger is a receipt dated on a rest day that the
    rest-day receipt policy moved (:mod:`gov_deadlines.catalogue.receipt`): the day the
    period counts from; ``trigger`` keeps the recorded date.
    """

    period: Period
    trigger: dt.date | dt.datetime | int
    due_date: dt.date
    provisional: bool
    convention: Convention
    calendar: WorkCalendar = field(repr=False, compare=False)
    rule: Rule | None = None
    notes: tuple[Note, ...] = ()
    details: Details | None = None
    receipt_date: dt.date | None = None
    catalogue: Catalogue | None = field(default=None, repr=False, compare=False)
    asked_rule: str | None = None
    receipt_as_recorded: bool = False

    def __init__(
        self,
        period: Period,
        trigger: dt.date | dt.datetime | int,
        due_date: dt.date,
        provisional: bool,
        convention: Convention,
        calendar: WorkCalendar,
        rule: Rule | None = None,
        notes: tuple[Note, ...] = (),
        details: Details | None = None,
        receipt_date: dt.date | None = None,
        catalogue: Catalogue | None = None,
        asked_rule: str | None = None,
        receipt_as_recorded: bool = False,
    ) -> None:
        # Written out rather than generated: a frozen dataclass's own __init__ calls
        # object.__setattr__ once per field, two thirds of a working-day deadline()'s time;
        # one update of the instance dict sets them all. The fields above and these
        # parameters are held equal by a test (tests/catalogue/test_hand_written_inits.py).
        self.__dict__.update(
            {
                "period": period,
                "trigger": trigger,
                "due_date": due_date,
                "provisional": provisional,
                "convention": convention,
                "calendar": calendar,
                "rule": rule,
                "notes": notes,
                "details": details,
                "receipt_date": receipt_date,
                "catalogue": catalogue,
                "asked_rule": asked_rule,
                "receipt_as_recorded": receipt_as_recorded,
            }
        )

    @property
    def unit(self) -> Unit:
        return self.convention.unit

    @property
    def due_at(self) -> dt.datetime:
        """The instant the period ends (aware, Asia/Shanghai)."""
        details = self.details
        if details is not None and details.due_at is not None:
            return details.due_at
        return day_end(self.due_date, self.convention)

    @property
    def trigger_date(self) -> dt.date:
        """The trigger's day in Beijing (1 January for a year)."""
        trigger = self.trigger
        if isinstance(trigger, dt.datetime):
            return trigger.date()
        if isinstance(trigger, dt.date):
            return trigger
        return dt.date(trigger, 1, 1)

    @property
    def unrolled_date(self) -> dt.date | None:
        """The last day before art. 203 moved it off a rest day (``None`` if it did not)."""
        return self.details.unrolled_date if self.details else None

    @property
    def earliest_removal(self) -> dt.date | None:
        """Minimum durations: the first day the notice may come down."""
        return self.details.earliest_removal if self.details else None

    @property
    def last_workday(self) -> dt.date | None:
        """Fixed dates: the last working day on or before the date (``None`` if unknown)."""
        return self.details.last_workday if self.details else None

    @property
    def last_workday_provisional(self) -> bool:
        return self.details.last_workday_provisional if self.details else False

    @property
    def before_trigger(self) -> bool:
        """Fixed dates: the date falls before the trigger date given (固定日期早于依据日期):
        the duty is overdue from the start; the explanation says so and names the next
        year's date."""
        return self.details.before_trigger if self.details else False

    @property
    def calendar_data(self) -> tuple[str, ...]:
        """Citations of the calendar data the result rests on (one line per year)."""
        if self.unit is Unit.HOURS:
            return ()
        last = self.last_workday or self.due_date
        first = min(self.trigger_date, last)
        return self.calendar.notices_used(first, max(self.due_date, last))

    def read_spans(self) -> tuple[DaySpan, ...]:
        """The days whose kind decided this result (:func:`~gov_deadlines.counting.stamping.read_spans`)."""
        rule, catalogue = self.rule, self.catalogue
        checked = (
            rule is not None
            and catalogue is not None
            and not self.receipt_as_recorded
            and catalogue.is_receipt_started(rule.id)
        )
        details = self.details
        return read_spans(
            self.convention.unit,
            self.trigger_date,
            self.due_date,
            roll=self.convention.roll,
            receipt_checked=checked,
            receipt_date=self.receipt_date,
            unrolled_date=details.unrolled_date if details else None,
            last_workday=details.last_workday if details else None,
        )

    @property
    def stamp(self) -> Stamp:
        """The data this result rests on: each calendar year it read (kind, notice, hash of
        the year's days) and the rule documents it used (source id, hash of the data).
        Worked out when asked for, from the calendar's and the catalogue's own tables."""
        years = self.calendar.stamp_years(self.read_spans())
        rule, catalogue = self.rule, self.catalogue
        rules = catalogue.rule_stamps(rule) if rule is not None and catalogue is not None else ()
        return Stamp(years, rules)

    # -- explanation -------------------------------------------------------------------------

    def explain(self, lang: str = "zh") -> str:
        """The steps as text a clerk can check, in ``"zh"`` (default) or ``"en"``."""
        return "\n".join(self.explain_lines(lang))

    def explain_lines(self, lang: str = "zh") -> list[str]:
        zh = is_zh(lang)
        lines: list[str] = []
        if self.rule is not None:
            lines.extend(self.rule.citation_lines(lang))
            lines.extend(note.text(lang) for note in self.notes)
        period_text = self.period.text(lang)
        lines.append(
            f"期限:{period_text}。计算方法:{self.convention.describe(lang)}。"
            if zh
            else f"Period: {period_text}. Convention: {self.convention.describe(lang)}."
        )
        lines.extend(self._steps(lang))
        if self.provisional:
            lines.append(
                "注意:本结果依据临时推算的日历数据(该年尚无官方节假日安排通知),正式通知发布后可能改变。"
                if zh
                else "Note: this result rests on provisional calendar data (no official "
                "notice for that year yet) and may change when the notice is published."
            )
        data = self.calendar_data
        if data:
            lines.append("日历数据:" if zh else "Calendar data:")
            lines.extend(f"  {line}" for line in data)
        return lines

    def _steps(self, lang: str) -> list[str]:
        zh = is_zh(lang)
        unit = self.unit
        trigger = _fmt_trigger(self.trigger, lang)
        start = self.trigger_date
        if self.receipt_date is not None:
            start = self.receipt_date
            moved = _day(start, lang)
            trigger = (
                f"{moved}(记录的收到申请日{trigger}是休息日,见上)"
                if zh
                else f"{moved} (the recorded receipt, {trigger}, is a rest day: see above)"
            )
        steps: list[str] = []
        if unit is Unit.HOURS:
            steps.append(
                f"1. 起算时刻:{trigger}(北京时间)。按小时计算的期间自该时刻起算"
                "(民法典第二百零一条第二款),昼夜连续计算,节假日不扣除。"
                if zh
                else f"1. Trigger instant: {trigger} (Beijing time). An hour period runs "
                "from that instant (Civil Code art. 201(2)), day and night; holidays are not "
                "deducted."
            )
            assert isinstance(self.period, Hours)
            steps.append(
                f"2. 加{self.period.n}小时:期限届满于{format_instant(self.due_at)}(北京时间)。"
                if zh
                else f"2. Plus {self.period.n} hours: the period ends at "
                f"{format_instant(self.due_at)} (Beijing time)."
            )
            return steps
        if unit is Unit.FIXED_DATE:
            assert isinstance(self.period, FixedDate)
            steps.append(
                f"1. 依据:{trigger}。固定日期不是期间,不计算起算日,也不因休息日顺延。"
                if zh
                else f"1. Reference: {trigger}. A fixed date is not a period: nothing is "
                "counted and it does not roll off a rest day."
            )
            due = _day(self.due_date, lang)
            steps.append(
                f"2. 截止日期:{due},到该日24时止。"
                if zh
                else f"2. Due date: {due}, until 24:00 of that day."
            )
            if self.before_trigger:
                steps.append(self._before_trigger_line(lang))
            if self.last_workday is not None:
                flag = (
                    (PROVISIONAL_MARK["zh"] if zh else " " + PROVISIONAL_MARK["en"])
                    if self.last_workday_provisional
                    else ""
                )
                lw = _day(self.last_workday, lang)
                if self.last_workday != self.due_date:
                    steps.append(
                        f"3. 该日不是工作日;其前最后一个工作日为{lw}{flag},宜在此前办结。"
                        if zh
                        else f"3. That day is not a working day; the last working day on or "
                        f"before it is {lw}{flag}: act by then to be safe."
                    )
                else:
                    steps.append(
                        f"3. 该日是工作日{flag}。" if zh else f"3. That day is a working day{flag}."
                    )
            else:
                steps.append(
                    "3. 该年尚无官方节假日安排,无法确定其前最后一个工作日。"
                    if zh
                    else "3. No official arrangement is loaded for that year, so the last "
                    "working day before it is not known."
                )
            steps.append(self._end_line(lang, 4))
            return steps

        steps.append(
            f"1. 起算日:{trigger}。开始的当日不计入,自次日起算(民法典第二百零一条)。"
            if zh
            else f"1. Trigger date: {trigger}. The trigger day is not counted; counting "
            "starts the next day (Civil Code art. 201)."
        )
        if unit is Unit.WORKING_DAYS:
            assert isinstance(self.period, WorkingDays)
            notable = self.calendar.notable_days(start, self.due_date)
            skipped = [d for d in notable if not d.is_workday]
            makeup = [d for d in notable if d.kind is DayKind.MAKEUP_WORKDAY]
            if skipped:
                steps.append(
                    "2. 期间内以下日期不是工作日,不计入:"
                    if zh
                    else "2. These days in the period are not working days and are skipped:"
                )
                steps.extend(f"   - {describe_run(run, lang)}" for run in rest_runs(skipped))
            else:
                steps.append(
                    "2. 期间内没有休息日。" if zh else "2. No rest day falls inside the period."
                )
            if makeup:
                steps.append(
                    "   以下周末为调休上班日,计为工作日:"
                    if zh
                    else "   These weekend days were make-up working days (调休上班) and count:"
                )
                steps.extend(f"   - {describe_run(run, lang)}" for run in rest_runs(makeup))
            due = _day(self.due_date, lang)
            steps.append(
                f"3. 第{self.period.n}个工作日为{due}。"
                if zh
                else f"3. The {_ordinal(self.period.n)} working day is {due}."
            )
            steps.append(self._end_line(lang, 4))
            return steps

        # Calendar days, months, years, minimum durations: count, then maybe roll.
        last = self.unrolled_date or self.due_date
        last_text = _day(last, lang)
        if unit is Unit.MINIMUM_DURATION:
            assert isinstance(self.period, MinimumDuration)
            if self.convention.posting_day_counts:
                steps[0] = (
                    f"1. 公示日:{trigger}。按选定的惯例,公示当日计为第1天。"
                    if zh
                    else f"1. Posting day: {trigger}. By the chosen convention the posting "
                    "day counts as day 1."
                )
            else:
                steps[0] = (
                    f"1. 公示日:{trigger}。公示当日不计入,自次日起算(民法典第二百零一条)。"
                    if zh
                    else f"1. Posting day: {trigger}. The posting day is not counted; "
                    "counting starts the next day (Civil Code art. 201)."
                )
            steps.append(
                f"2. 第{self.period.days}天为{last_text};“不少于”包括本数(民法典第一千二百五十九条)。"
                if zh
                else f"2. Day {self.period.days} is {last_text}; 'at least' includes the "
                "number itself (Civil Code art. 1259)."
            )
        elif unit is Unit.CALENDAR_DAYS:
            steps.append(
                f"2. 起算日加{self.period.text(lang)}为{last_text};期间中的休息日不扣除。"
                if zh
                else f"2. Trigger date + {self.period.text(lang)} is {last_text}; rest days "
                "inside the period are not deducted."
            )
        else:
            steps.append(
                f"2. 到期月的对应日(无对应日取月末日,民法典第二百零二条)为{last_text}。"
                if zh
                else f"2. The corresponding day of the final month (or its last day, Civil "
                f"Code art. 202) is {last_text}."
            )
        n = 3
        if self.unrolled_date is not None:
            rest = self.calendar.notable_days(
                self.unrolled_date - dt.timedelta(days=1), self.due_date
            )
            reasons = "、".join(
                describe_run(r, lang) for r in rest_runs([d for d in rest if not d.is_workday])
            )
            due = _day(self.due_date, lang)
            steps.append(
                f"{n}. 末日为法定休假日({reasons}),以休假日结束的次日{due}为最后一日"
                "(民法典第二百零三条)。"
                if zh
                else f"{n}. The last day is a rest day ({reasons}); the period ends on the "
                f"day after the rest days, {due} (Civil Code art. 203)."
            )
            n += 1
        elif self.convention.roll:
            steps.append(
                f"{n}. 末日是工作日,无需顺延。"
                if zh
                else f"{n}. The last day is a working day: no roll."
            )
            n += 1
        steps.append(self._end_line(lang, n))
        if self.earliest_removal is not None:
            removal = _day(self.earliest_removal, lang)
            steps.append(
                f"{n + 1}. 公示须保持至{format_instant(self.due_at)}前;最早可于{removal}撤下。"
                if zh
                else f"{n + 1}. The notice must stay up until {format_instant(self.due_at)}; "
                f"the earliest day it may come down is {removal}."
            )
        return steps

    def _before_trigger_line(self, lang: str) -> str:
        """The convention "fixed date before its trigger", said where the due date is."""
        zh = is_zh(lang)
        assert isinstance(self.period, FixedDate)
        due, trigger = self.due_date.isoformat(), self.trigger_date.isoformat()
        try:
            following: str | None = self.period.on(self.due_date.year + 1).isoformat()
        except GovDeadlinesError:  # no such day next year (29 February), or past 9999
            following = None
        if zh:
            text = (
                f"   注意(固定日期早于依据日期):截止日期{due}早于依据日期{trigger},"
                "该义务自始即已逾期"
            )
            if following is None:
                return text + "。"
            if self.period.every_year:
                return (
                    text + f";如问的是下一年度,其截止日期为{following}(以年份{following[:4]}查询)。"
                )
            return text + f";如指下一年的日期({following}),请写明年份。"
        text = (
            f"   Note (fixed date before its trigger): the due date {due} is before the "
            f"trigger date {trigger}: the duty is overdue from the start"
        )
        if following is None:
            return text + "."
        if self.period.every_year:
            return text + (
                f"; the next year's due date is {following} (ask with the year {following[:4]})."
            )
        return text + f"; if next year's date ({following}) is meant, write the year."

    def _end_line(self, lang: str, n: int) -> str:
        zh = is_zh(lang)
        due = self.due_date.isoformat()
        if self.convention.cutoff is not None:
            cut = self.convention.cutoff.strftime("%H:%M")
            return (
                f"{n}. 期限于{due} {cut}(业务时间截止,民法典第二百零三条第二款)届满。"
                if zh
                else f"{n}. The period ends at {due} {cut} (office-hours cut-off, Civil "
                "Code art. 203(2))."
            )
        nxt = format_instant(self.due_at)
        return (
            f"{n}. 期限于{due} 24:00(即{nxt},北京时间)届满(民法典第二百零三条第二款)。"
            if zh
            else f"{n}. The period ends at 24:00 of {due} (that is {nxt} Beijing time; "
            "Civil Code art. 203(2))."
        )

    # -- storage -------------------------------------------------------------------------------

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> DeadlineRecord:
        """The result as its JSON record, a frozen pydantic model (``model_dump(mode="json")``
        is the documented JSON); ``explanation``: include the steps in ``lang``."""
        is_zh(lang)  # a wrong language is refused, not ignored, as by every result
        from gov_deadlines.counting.records import deadline_to_record

        return deadline_to_record(self, lang, explanation=explanation)

    def articles(self) -> dict[str, str]:
        """The quoted articles of the convention applied."""
        return {key: ARTICLES[key] for key in self.convention.articles()}


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def deadline(
    trigger: dt.date | dt.datetime | int,
    period: Period | str,
    *,
    calendar: WorkCalendar | None = None,
    roll: bool | None = None,
    posting_day_counts: bool | None = None,
    cutoff: dt.time | None = None,
    rule: Rule | None = None,
    notes: tuple[Note, ...] = (),
    catalogue: Catalogue | None = None,
    asked_rule: str | None = None,
    recorded: dt.date | dt.datetime | None = None,
    receipt_as_recorded: bool = False,
) -> Deadline:
    """Count ``period`` from ``trigger`` and explain it.

    ``period`` is a typed period or its text (``"20个工作日"``, ``"30日"``, ``"48小时"`` …).
    A naive datetime trigger means Beijing time; an aware one is converted. Options:
    ``roll`` (art. 203 roll for calendar days/months/years/minimum durations, default on),
    ``posting_day_counts`` (minimum durations: the posting day is day 1; default off),
    ``cutoff`` (an office-hours end time instead of 24:00). ``rule``, ``notes``,
    ``catalogue`` and ``asked_rule`` are for :func:`gov_deadlines.due`: the catalogue rule
    counted, the notes of its explanation, the catalogue and the id it was asked by (they
    go into the result's explanation and :attr:`Deadline.stamp`); ``recorded``, the receipt
    as recorded when the rest-day receipt policy moved it to ``trigger`` (it is then the
    result's ``trigger``, and ``trigger`` its ``receipt_date``), and ``receipt_as_recorded``
    (the policy was switched off for a receipt) are :class:`Deadline`'s fields of that name.

    >>> from datetime import date
    >>> deadline(date(2017, 3, 17), "20个工作日").due_date
    datetime.date(2017, 4, 17)
    """
    cal = calendar if calendar is not None else default_calendar()
    if (
        type(period) is WorkingDays
        and type(trigger) is dt.date
        and roll is None
        and posting_day_counts is None
        and cutoff is None
        and type(cal) is WorkCalendar
    ):
        # The common case, kept lean: a plain date, the default convention, no option.
        due = cal.add_workdays(trigger, period.n)
        return Deadline(
            period,
            trigger if recorded is None else recorded,
            due,
            type(due) is not dt.date,
            _WORKING_DAYS,
            cal,
            rule,
            notes,
            None,
            None if recorded is None else trigger,
            catalogue,
            asked_rule,
            receipt_as_recorded,
        )
    if isinstance(trigger, numbers.Integral) and not isinstance(trigger, bool):
        trigger = int(trigger)  # a numpy year from a data frame is the year itself
    if not isinstance(cal, WorkCalendar):
        raise ArgumentTypeError(
            "calendar", calendar, "a WorkCalendar (default_calendar())", "工作日历(WorkCalendar)"
        )
    for name, flag in (("roll", roll), ("posting_day_counts", posting_day_counts)):
        if flag is not None and not isinstance(flag, bool):
            raise ArgumentTypeError(name, flag, "True, False or None", "True、False 或 None")
    typed = as_period(period)
    convention = convention_for(
        typed, roll=roll, posting_day_counts=posting_day_counts, cutoff=cutoff
    )
    counted = count(typed, trigger, convention, cal)
    start = trigger if isinstance(trigger, int) else counted.trigger
    receipt_date: dt.date | None = None
    if recorded is not None:
        assert not isinstance(start, int)  # only a receipt on a day is moved
        receipt_date = start.date() if isinstance(start, dt.datetime) else start
    return Deadline(
        typed,
        start if recorded is None else recorded,
        counted.due_date,
        counted.provisional,
        convention,
        cal,
        rule,
        notes,
        counted.details,
        receipt_date,
        catalogue,
        asked_rule,
        receipt_as_recorded,
    )


_WORKING_DAYS = convention_for(WorkingDays(1))
