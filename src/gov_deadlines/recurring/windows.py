"""Recurring duties and quotas: an office's year of due dates, and a compliance check of its log.

:func:`schedule` lays out a year: every fixed-date, yearly, cadence and quota rule that
applies in it, one :class:`Occurrence` per window (12 for "按月", 4 for "按季度", August for
the open month, the calendar year for "年内不少于N次", and a single date for "7月底前").
:func:`check_log` compares what an office did (a log of rule ids and dates) with those
windows and gives one :class:`WindowVerdict` per window: required, found, met, late or
missed; :func:`gov_deadlines.outputs.supervision_rows` puts the result on the supervision form of seed 002.

What applies in a year:

* a rule with ``years`` only in those years; a rule with ``first_year`` from that year; a
  one-off fixed date ("2018年底前") only in its year;
* nothing before its document: a window (or fixed date) that ends before the source's
  ``effective_from`` (or, without one, its date) is not a duty of that document, and
  nothing after ``effective_until``. The 2024 Juyuan plan (2024-04-19) therefore has no
  first-quarter window in 2024, and its "按时发布年报" first falls due on 2025-01-31;
* of a versioned family (``ogi.annual-report``) only the version in force: 2008 条例 (31
  March) up to 2019, 2019 条例 (31 January) from 2020;
* a rule that delegates its date ("按时发布政府信息公开年报") gets the date of the rule it
  delegates to, version included.

Working-day facts (the last working day on or before a due date) come from the calendar. In
a year it does not cover they are ``None``, and the explanation says why; with a calendar made
with ``provisional=True`` they are provisional dates, and the occurrence is flagged.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, YEARLY, rrule

from gov_deadlines.calendar.day import is_provisional, weekday_name
from gov_deadlines.calendar.workcalendar import WorkCalendar, calendar_or_default
from gov_deadlines.catalogue import (
    KIND_LABELS,
    Catalogue,
    Rule,
    RuleKind,
    Strength,
    default_catalogue,
    due,
)
from gov_deadlines.catalogue.loading import catalogue_or_default
from gov_deadlines.catalogue.lookup import DelegationNote
from gov_deadlines.errors import (
    ArgumentTypeError,
    CalendarCoverageError,
    DateRangeError,
    NotInForceError,
    RuleKindError,
)
from gov_deadlines.stamps import DaySpan, Stamp, YearStamp
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Lang, Recorded, is_zh

if TYPE_CHECKING:
    from gov_deadlines.counting.deadlines import Deadline, Note
    from gov_deadlines.recurring.records import OccurrenceRecord

RECURRING_KINDS: tuple[RuleKind, ...] = ("fixed-date", "cadence", "quota")

WindowKind = Literal["month", "quarter", "august", "year", "fixed-date"]

_QUARTERS_ZH = ("第一季度", "第二季度", "第三季度", "第四季度")
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ONE_DAY = dt.timedelta(days=1)


def _day(day: dt.date, lang: str) -> str:
    """``2026-01-31(周六)`` or ``2026-01-31 (Sat)``."""
    if is_zh(lang):
        return f"{day.isoformat()}({weekday_name(day, lang)})"
    return f"{day.isoformat()} ({weekday_name(day, lang)})"


# -- occurrences ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Occurrence(Recorded):
    """One window (or fixed date) of a recurring duty in one year.

    ``due_date`` is the last day to act (the fixed date, or the window's last day), until 24:00.
    ``window_start``..``window_end`` is the span the act must fall in (for a fixed date: from
    1 January of its year to the date). ``required`` is the number of acts required in the
    window (1 for fixed dates and cadences; the quota's count). ``last_workday`` is the last
    working day on or before ``due_date``: ``None`` when the calendar does not cover that year,
    a provisional date (``provisional`` true) when a provisional calendar answered.
    ``applied_rule_id`` is the rule whose date applies (the version in force, or the rule a
    delegating rule points to); ``act`` is the duty a log entry must name to count here
    (a family id such as ``ogi.annual-report`` when the duty is versioned or delegated).
    """

    rule_id: str
    kind: RuleKind
    year: int
    window_kind: WindowKind
    window_start: dt.date
    window_end: dt.date
    due_date: dt.date
    required: int
    last_workday: dt.date | None
    provisional: bool
    strength: Strength
    applied_rule_id: str
    act: str
    rule: Rule = field(compare=False, repr=False)
    deadline: Deadline | None = field(default=None, compare=False, repr=False)
    notes: tuple[Note, ...] = field(default=(), compare=False, repr=False)
    #: The calendar and catalogue the window was laid out over (for :attr:`stamp`).
    calendar: WorkCalendar | None = field(default=None, compare=False, repr=False)
    catalogue: Catalogue | None = field(default=None, compare=False, repr=False)

    @property
    def stamp(self) -> Stamp:
        """The data the window rests on: the calendar years read for its last working day
        and the rule documents of its rule (a fixed date: its deadline's)."""
        if self.deadline is not None:
            return self.deadline.stamp
        years: tuple[YearStamp, ...] = ()
        if self.calendar is not None:
            span = DaySpan(self.last_workday or self.due_date, self.due_date)
            years = self.calendar.stamp_years([span])
        rules = self.catalogue.rule_stamps(self.rule) if self.catalogue is not None else ()
        return Stamp(years, rules)

    # -- labels ----------------------------------------------------------------------------

    def title(self, lang: str = "zh") -> str:
        return self.rule.title(lang)

    def window_label(self, lang: str = "zh", *, with_year: bool = True) -> str:
        """``2026年第二季度`` / ``Q2 2026``, ``2026年3月``, ``2026年``, ``截至2026-01-31``."""
        zh = is_zh(lang)
        start, year = self.window_start, self.year
        kind = self.window_kind
        if kind == "quarter":
            q = (start.month - 1) // 3
            if zh:
                return f"{year}年{_QUARTERS_ZH[q]}" if with_year else _QUARTERS_ZH[q]
            return f"Q{q + 1} {year}" if with_year else f"Q{q + 1}"
        if kind in ("month", "august"):
            if zh:
                return f"{year}年{start.month}月" if with_year else f"{start.month}月"
            name = _MONTHS_EN[start.month - 1]
            return f"{name} {year}" if with_year else name
        if kind == "year":
            return f"{year}年" if zh else str(year)
        return f"截至{self.due_date.isoformat()}" if zh else f"by {self.due_date.isoformat()}"

    def requirement(self, lang: str = "zh") -> str:
        """What the window requires, in words."""
        zh = is_zh(lang)
        span = (
            f"{self.window_start.isoformat()}至{self.window_end.isoformat()}"
            if zh
            else f"{self.window_start.isoformat()} to {self.window_end.isoformat()}"
        )
        if self.kind == "fixed-date":
            return (
                f"于{_day(self.due_date, lang)}24时前完成"
                if zh
                else f"done by 24:00 of {_day(self.due_date, lang)}"
            )
        plural = "s" if self.required > 1 else ""
        times = f"{self.required}次" if zh else f"{self.required} time{plural}"
        if zh:
            return f"{self.window_label('zh')}({span})内至少{times}"
        return f"at least {times} in {self.window_label('en')} ({span})"

    # -- explanation ---------------------------------------------------------------------------

    def workday_line(self, lang: str = "zh") -> str:
        """The last working day on or before the due date, or why it is unknown."""
        zh = is_zh(lang)
        if self.last_workday is None:
            # Clerks read this line (schedule --explain, the .ics export): the option, not
            # the Python call (default_calendar(provisional=True), docs/recurring.md).
            return (
                f"{self.due_date.year}年尚无官方节假日安排,无法确定{self.due_date.isoformat()}前最后一个工作日"
                "(临时推算的日历,命令行选项 --provisional,可给出标注“临时”的估计)。"
                if zh
                else f"No official holiday arrangement is loaded for {self.due_date.year}: the last "
                f"working day on or before {self.due_date.isoformat()} is unknown (a provisional "
                "calendar, command-line option --provisional, gives a flagged estimate)."
            )
        flag = (
            (PROVISIONAL_MARK["zh"] if zh else " " + PROVISIONAL_MARK["en"])
            if self.provisional
            else ""
        )
        if self.last_workday == self.due_date:
            return (
                f"{_day(self.due_date, lang)}是工作日{flag}。"
                if zh
                else f"{_day(self.due_date, lang)} is a working day{flag}."
            )
        return (
            f"{_day(self.due_date, lang)}不是工作日;其前最后一个工作日为{_day(self.last_workday, lang)}{flag}。"
            if zh
            else f"{_day(self.due_date, lang)} is not a working day; the last working day on or "
            f"before it is {_day(self.last_workday, lang)}{flag}."
        )

    def explain_lines(self, lang: str = "zh") -> list[str]:
        """The rule's citation, the window, the due date and the working-day facts."""
        zh = is_zh(lang)
        if self.deadline is not None:
            return self.deadline.explain_lines(lang)
        lines = list(self.rule.citation_lines(lang))
        lines.extend(note.text(lang) for note in self.notes)
        lines.append(
            ("时段:" if zh else "Window: ") + self.requirement(lang) + ("。" if zh else ".")
        )
        lines.append(
            f"截止:{_day(self.due_date, lang)}24时(时段最后一日)。"
            if zh
            else f"Due: 24:00 of {_day(self.due_date, lang)} (the window's last day)."
        )
        lines.append(self.workday_line(lang))
        counting = self.rule.counting_zh if zh else self.rule.counting_en
        lines.append(("计算说明:" if zh else "Counting: ") + counting)
        return lines

    def explain(self, lang: str = "zh") -> str:
        return "\n".join(self.explain_lines(lang))

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> OccurrenceRecord:
        """The window as its JSON record (a frozen pydantic model)."""
        # Imported here for cost: the records are pydantic models.
        from gov_deadlines.recurring.records import occurrence_to_record

        return occurrence_to_record(self, lang, explanation=explanation)


def _window_starts(kind: WindowKind, year: int) -> Iterator[tuple[dt.date, dt.date]]:
    """The windows of ``year`` (first and last day), by ``dateutil.rrule``."""
    first = dt.datetime(year, 1, 1)
    if kind == "month":
        starts, step = rrule(MONTHLY, dtstart=first, count=12), relativedelta(months=1)
    elif kind == "quarter":
        starts, step = rrule(MONTHLY, interval=3, dtstart=first, count=4), relativedelta(months=3)
    elif kind == "august":
        starts, step = rrule(YEARLY, bymonth=8, dtstart=first, count=1), relativedelta(months=1)
    else:
        starts, step = rrule(YEARLY, dtstart=first, count=1), relativedelta(years=1)
    for start in starts:
        day = start.date()
        yield day, day + step - _ONE_DAY


def _window_kind(item: Rule) -> WindowKind:
    if item.kind == "cadence":
        return "month" if item.cadence == "monthly" else "quarter"
    if item.kind == "quota":
        assert item.quota is not None
        return "august" if item.quota.window == "august" else "year"
    return "fixed-date"


def _source_span(item: Rule) -> tuple[dt.date | None, dt.date | None]:
    """From when to when the rule's document can impose duties."""
    src = item.source
    return (src.effective_from or src.date), src.effective_until


def _year_allowed(item: Rule, year: int) -> bool:
    if item.years is not None and year not in item.years:
        return False
    if item.first_year is not None and year < item.first_year:
        return False
    return not (item.fixed_date is not None and item.fixed_date.year != year)


def act_of(item: Rule, catalogue: Catalogue | None = None) -> str:
    """The duty a rule stands for, as log entries name it.

    A versioned rule stands for its family (``ogi-2019.annual-report`` → ``ogi.annual-report``);
    a rule that delegates its date stands for the duty it delegates to
    (``jy-2024.annual-report`` → ``ogi.annual-report``): one publication of the annual
    report satisfies both. Any other rule stands for itself.
    """
    cat = catalogue or default_catalogue()
    current = item
    seen = {item.id}
    while current.delegates_to is not None:
        target = current.delegates_to
        if cat.is_family(target):
            return target
        current = cat.rule(target)
        if current.id in seen:
            break
        seen.add(current.id)
    return current.family or current.id


def _last_workday(calendar: WorkCalendar, day: dt.date) -> dt.date | None:
    try:
        return calendar.workday_on_or_before(day)
    except CalendarCoverageError:
        return None


def _wanted_rules(
    cat: Catalogue, sources: str | Iterable[str] | None, rules: Iterable[str | Rule] | None
) -> list[Rule]:
    candidates = cat.rules(sources=sources, kind=RECURRING_KINDS)
    if rules is None:
        return candidates
    wanted: set[str] = set()
    for entry in rules:
        rule_id = entry.id if isinstance(entry, Rule) else entry
        members = list(cat.families[rule_id]) if cat.is_family(rule_id) else [cat.rule(rule_id)]
        for found in members:  # cat.rule raised UnknownRuleError, with suggestions, if unknown
            if found.kind not in RECURRING_KINDS:
                raise RuleKindError(
                    rule_id,
                    found.kind,
                    kind_zh=KIND_LABELS[found.kind][0],
                    kind_en=KIND_LABELS[found.kind][1],
                    operation="schedule of the year",
                    operation_zh="年度日程",
                    hint="it runs from its trigger: ask for its due date with "
                    "`gov-deadlines due RULE DATE`",
                    hint_zh="该规则自触发事件起算,请用 gov-deadlines due 规则编号 起算日 查看截止日期",
                )
            wanted.add(found.id)
    return [item for item in candidates if item.id in wanted]


def schedule(
    year: int,
    *,
    sources: str | Iterable[str] | None = None,
    rules: Iterable[str | Rule] | None = None,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
) -> list[Occurrence]:
    """Every window and due date of ``year`` of the fixed-date, cadence and quota rules.

    ``sources`` limits to the rules of those documents, ``rules`` to those rule (or family)
    ids. Sorted by due date, then rule id. See the module docstring for what applies when.
    """
    if isinstance(year, bool) or not isinstance(year, numbers.Integral):
        raise ArgumentTypeError("year", year, "a whole year such as 2026", "年份,如 2026")
    if not 1 <= year <= 9998:
        raise DateRangeError(year, "the year must be 1..9998", "年份须在1至9998之间")
    year = int(year)
    cat = catalogue_or_default(catalogue)
    cal = calendar_or_default(calendar)
    chosen = _wanted_rules(cat, sources, rules)
    chosen_ids = {item.id for item in chosen}
    found: list[Occurrence] = []
    families_done: set[str] = set()
    for item in chosen:
        if not _year_allowed(item, year):
            continue
        start, until = _source_span(item)
        if item.kind == "fixed-date":
            asked = item.id
            if item.family is not None:
                if item.family in families_done:
                    continue
                families_done.add(item.family)
                asked = item.family
            try:
                result = due(asked, year, calendar=cal, catalogue=cat)
            except NotInForceError:
                continue
            version = result.rule
            assert version is not None
            if version.id not in chosen_ids or not _year_allowed(version, year):
                continue  # the version in force is not among the rules asked for
            due_date = result.due_date
            start, until = _source_span(version)
            if (start is not None and due_date < start) or (until is not None and due_date > until):
                continue
            # the rule whose date applies: the last delegation's target (the version in force)
            applied = next(
                (n.target for n in reversed(result.notes) if isinstance(n, DelegationNote)),
                version,
            )
            last = result.last_workday
            found.append(
                Occurrence(
                    rule_id=version.id,
                    kind="fixed-date",
                    year=year,
                    window_kind="fixed-date",
                    window_start=dt.date(year, 1, 1),
                    window_end=due_date,
                    due_date=due_date,
                    required=1,
                    last_workday=last,
                    provisional=result.last_workday_provisional or is_provisional(last),
                    strength=version.strength,
                    applied_rule_id=applied.id,
                    act=act_of(version, cat),
                    rule=version,
                    deadline=result,
                    notes=result.notes,
                    calendar=cal,
                    catalogue=cat,
                )
            )
            continue
        kind = _window_kind(item)
        required = item.quota.count if item.quota is not None else 1
        act = act_of(item, cat)
        for first, last_day in _window_starts(kind, year):
            if (start is not None and last_day < start) or (until is not None and first > until):
                continue
            last = _last_workday(cal, last_day)
            found.append(
                Occurrence(
                    rule_id=item.id,
                    kind=item.kind,
                    year=year,
                    window_kind=kind,
                    window_start=first,
                    window_end=last_day,
                    due_date=last_day,
                    required=required,
                    last_workday=last,
                    provisional=is_provisional(last),
                    strength=item.strength,
                    applied_rule_id=item.id,
                    act=act,
                    rule=item,
                    calendar=cal,
                    catalogue=cat,
                )
            )
    found.sort(key=lambda o: (o.due_date, o.rule_id, o.window_start))
    return found


def rule_windows(
    rule_id: str,
    year: int,
    *,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
) -> list[Occurrence]:
    """The windows (or due date) of one recurring rule (or family) in ``year``."""
    return schedule(year, rules=[rule_id], calendar=calendar, catalogue=catalogue)
