"""Compliance over an office's activity log: what it did against the duties of its year.

:func:`check_log` compares a log (rule or family ids with dates, read from CSV by
:func:`~gov_deadlines.recurring.log.read_log`) with the windows
:func:`~gov_deadlines.recurring.windows.schedule` lays out, and gives one
:class:`WindowVerdict` per window: required, found, met, late, missed or pending. Duties
with no entry at all are reported missed, never skipped; entries that count for nothing are
listed with the reason (:class:`UnmatchedEntry`). The supervision form of the result is
:func:`gov_deadlines.outputs.supervision_rows`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from gov_deadlines.calendar.workcalendar import WorkCalendar, calendar_or_default
from gov_deadlines.catalogue import Catalogue
from gov_deadlines.catalogue.loading import catalogue_or_default
from gov_deadlines.dates import beijing_day
from gov_deadlines.errors import ArgumentTypeError, CalendarCoverageError, check_day_argument
from gov_deadlines.recurring.log import LogEntry, LogError, entry_problem, log_entry, unknown_ids
from gov_deadlines.recurring.windows import (
    RECURRING_KINDS,
    Occurrence,
    act_of,
    schedule,
)
from gov_deadlines.stamps import DaySpan, Stamp
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Lang, Recorded, Status, is_zh

if TYPE_CHECKING:
    from gov_deadlines.recurring.records import (
        LogCheckRecord,
        UnmatchedEntryRecord,
        WindowVerdictRecord,
    )

__all__ = ["LogCheck", "UnmatchedEntry", "WindowVerdict", "check_log"]


# -- verdicts -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WindowVerdict(Recorded):
    """What the log shows for one window of one duty.

    ``status`` (the shared :class:`~gov_deadlines.vocabulary.Status`): ``ON_TIME`` (enough
    acts in time), ``LATE`` (a fixed date: done, but only after the date, later in the same
    year), ``OVERDUE`` (not enough acts — none at all included — and the window has closed),
    ``PENDING`` (the window had not closed on the ``as_of`` day of the check).
    ``found`` counts the log entries that fell in the window (for a fixed date, up to the
    end of its year, late ones included). ``done_on``: the day of the act that fulfilled the
    window (the required-th act in time, or a late fixed date's first act), else ``None``.
    ``late_by_days`` / ``late_by_workdays``: for a late fixed date, from the date to the
    first act (working days ``None`` where the calendar does not cover them).
    ``remaining_workdays``: for a pending window, the working days in (as_of, due_date]
    (``None`` where the calendar does not cover them).
    """

    occurrence: Occurrence
    status: Status
    found: int
    entries: tuple[LogEntry, ...] = ()
    late_by_days: int | None = None
    late_by_workdays: int | None = None
    provisional: bool = False
    done_on: dt.date | None = None
    remaining_workdays: int | None = None
    #: The days whose working days the verdict counted (late by, remaining), if any.
    counted: DaySpan | None = None

    @property
    def due_date(self) -> dt.date:
        return self.occurrence.due_date

    @property
    def stamp(self) -> Stamp:
        """The data the verdict rests on: its window's, and the years of the working days
        it counted (``late_by_workdays``, ``remaining_workdays``)."""
        own = self.occurrence.stamp
        calendar = self.occurrence.calendar
        if self.counted is None or calendar is None:
            return own
        return own.merged(Stamp(calendar.stamp_years([self.counted])))

    @property
    def rule_id(self) -> str:
        return self.occurrence.rule_id

    @property
    def required(self) -> int:
        return self.occurrence.required

    @property
    def met(self) -> bool:
        return self.status is Status.ON_TIME

    @property
    def missed(self) -> bool:
        """Not done as required: overdue, or (a fixed date) done late."""
        return self.status is Status.OVERDUE or self.status is Status.LATE

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.found) if self.status is not Status.LATE else 0

    def finding(self, lang: str = "zh", *, with_year: bool = True) -> str:
        """The problem found, for the form's 存在问题 column ("" when met)."""
        zh = is_zh(lang)
        occ = self.occurrence
        label = occ.window_label(lang, with_year=with_year)
        if self.status is Status.ON_TIME:
            return ""
        if self.status is Status.PENDING:
            return f"{label}尚未结束" if zh else f"{label} has not ended yet"
        if self.status is Status.LATE:
            assert self.late_by_days is not None and self.entries
            first = min(e.done_on for e in self.entries)
            if self.late_by_workdays is not None:
                wd = (
                    f"{self.late_by_workdays}个工作日"
                    if zh
                    else f"{self.late_by_workdays} working days"
                )
            else:
                wd = (
                    "工作日数未知:该年尚无官方节假日安排"
                    if zh
                    else "working days unknown: no official calendar"
                )
            flag = (
                (PROVISIONAL_MARK["zh"] if zh else " " + PROVISIONAL_MARK["en"])
                if self.provisional
                else ""
            )
            if zh:
                return f"逾期{self.late_by_days}天({wd}{flag}):截止{occ.due_date.isoformat()},{first.isoformat()}完成"
            return (
                f"late by {self.late_by_days} days ({wd}{flag}): due {occ.due_date.isoformat()}, "
                f"done {first.isoformat()}"
            )
        if occ.kind == "fixed-date":
            return (
                f"截至{occ.due_date.isoformat()}未完成({occ.year}年无记录)"
                if zh
                else f"not done by {occ.due_date.isoformat()} (no record in {occ.year})"
            )
        if self.found == 0:
            if self.required > 1:
                return (
                    f"{label}无记录(应不少于{self.required}次)"
                    if zh
                    else f"{label}: no record (at least {self.required} required)"
                )
            return f"{label}无记录" if zh else f"{label}: no record"
        return (
            f"{label}应不少于{self.required}次,仅记录{self.found}次"
            if zh
            else f"{label}: at least {self.required} required, {self.found} recorded"
        )

    def summary(self, lang: str = "zh") -> str:
        zh = is_zh(lang)
        status = _WINDOW_LABELS[self.status][0 if zh else 1]
        counted = (
            f"记录{self.found}次/要求{self.required}次"
            if zh
            else f"{self.found} of {self.required} recorded"
        )
        finding = self.finding(lang)
        tail = (f";{finding}" if zh else f"; {finding}") if finding else ""
        return f"{status}({counted}){tail}" if zh else f"{status} ({counted}){tail}"

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> WindowVerdictRecord:
        """The verdict as its JSON record (``explanation`` is accepted for the common
        signature: the record's ``finding`` and ``summary`` are its explanation)."""
        # Imported here for cost: the records are pydantic models.
        from gov_deadlines.recurring.records import window_verdict_to_record

        return window_verdict_to_record(self, lang)


#: The labels of a window's status (a window's words, not a case duty's: 已完成, 未完成).
_WINDOW_LABELS = {
    Status.ON_TIME: ("已完成", "met"),
    Status.LATE: ("逾期完成", "late"),
    Status.OVERDUE: ("未完成", "missed"),
    Status.PENDING: ("未到期", "pending"),
}


@dataclass(frozen=True, slots=True)
class UnmatchedEntry(Recorded):
    """A log entry that counts for no window of the check, and why."""

    entry: LogEntry
    reason_zh: str
    reason_en: str

    def reason(self, lang: str = "zh") -> str:
        return self.reason_zh if is_zh(lang) else self.reason_en

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> UnmatchedEntryRecord:
        # Imported here for cost: the records are pydantic models.
        from gov_deadlines.recurring.records import unmatched_to_record

        return unmatched_to_record(self, lang)


class LogCheck(list[WindowVerdict], Recorded):
    """The verdicts of a check (a list, one per window), plus the entries that matched none.

    ``unmatched`` holds every log entry that counted for no window, with the reason (a
    trigger event, a deadline rule, a duty outside the chosen sources or year, a date outside
    every window): reported, never dropped.
    """

    unmatched: tuple[UnmatchedEntry, ...] = ()
    year: int = 0

    @property
    def all_met(self) -> bool:
        return not any(v.missed for v in self)

    @property
    def missed(self) -> list[WindowVerdict]:
        return [v for v in self if v.missed]

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> LogCheckRecord:
        """The whole check as its JSON record: ``year``, ``all_met``, ``verdicts``,
        ``unmatched``."""
        # Imported here for cost: the records are pydantic models.
        from gov_deadlines.recurring.records import log_check_to_record

        return log_check_to_record(self, lang)


def _late_workdays(calendar: WorkCalendar, due: dt.date, done: dt.date) -> tuple[int | None, bool]:
    try:
        return calendar.workdays_between_info(due, done)
    except CalendarCoverageError:
        return None, False


def _span(after: dt.date, through: dt.date) -> DaySpan | None:
    """The days (after, through] a working-day count read, ``None`` when there are none."""
    return DaySpan(after + dt.timedelta(days=1), through) if after < through else None


def check_log(
    events: Iterable[LogEntry | Mapping[str, Any] | Sequence[Any]],
    year: int,
    *,
    sources: str | Iterable[str] | None = None,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
    as_of: dt.date | None = None,
) -> LogCheck:
    """Judge an office's activity log against the recurring duties of ``year``.

    ``events`` are :class:`LogEntry` values, dicts (``{"rule": ..., "date": ...}``, zh keys
    ``规则``/``日期`` too) or ``(rule, date)`` pairs. A rule id counts for its own duty; a
    family id (``ogi.annual-report``) for whichever version is in force; a rule that
    delegates its date and the rule it delegates to count for each other (see
    :func:`act_of`). Every window of the year's schedule gets a verdict, including those
    with no entry at all (missed). ``as_of``: windows not yet ended on that day and not yet
    met are ``pending`` instead of missed. Unknown ids raise :class:`LogError`.
    """
    check_day_argument("as_of", as_of)
    if isinstance(as_of, dt.datetime):
        as_of = beijing_day(as_of)
    cat = catalogue_or_default(catalogue)
    cal = calendar_or_default(calendar)
    if isinstance(events, str | bytes) or not isinstance(events, Iterable):
        raise ArgumentTypeError(
            "events",
            events,
            "an iterable of log entries (LogEntry, dicts or (rule, date) pairs)",
            "工作记录条目的序列",
        )
    entries: list[LogEntry] = []
    unreadable: list[tuple[int | None, str, str]] = []
    for index, item in enumerate(events, start=1):
        try:
            entries.append(log_entry(item, index))
        except ValidationError as error:
            # Every unreadable entry is reported, with its position, in one LogError.
            unreadable.append((index, *entry_problem(error)))
    if unreadable:
        raise LogError("<log>", unreadable)
    problems = unknown_ids(entries, cat)
    if problems:
        raise LogError("<log>", problems)
    occurrences = schedule(year, sources=sources, calendar=cal, catalogue=cat)
    by_act: dict[str, list[LogEntry]] = {}
    event_ids = cat.events
    kinds: dict[str, str] = {}
    for entry in entries:
        if as_of is not None and entry.done_on > as_of:
            continue  # not done yet on the audit day: counts for nothing (see below)
        if entry.rule in event_ids:
            key = f"event:{entry.rule}"
        elif cat.is_family(entry.rule):
            key = entry.rule
        else:
            found_rule = cat.rule(entry.rule)
            key = act_of(found_rule, cat)
            kinds[entry.rule] = found_rule.kind
        by_act.setdefault(key, []).append(entry)
    for bucket in by_act.values():
        bucket.sort(key=lambda e: e.done_on)

    used: set[int] = set()
    verdicts: list[WindowVerdict] = []
    for occ in sorted(occurrences, key=lambda o: (o.rule.source.id, o.rule_id, o.window_start)):
        candidates = by_act.get(occ.act, [])
        if occ.kind == "fixed-date":
            year_end = dt.date(occ.year, 12, 31)
            inside = [e for e in candidates if occ.window_start <= e.done_on <= year_end]
            on_time = [e for e in inside if e.done_on <= occ.due_date]
        else:
            inside = [e for e in candidates if occ.window_start <= e.done_on <= occ.window_end]
            on_time = inside
        used.update(id(e) for e in inside)
        late_days = late_workdays = remaining = None
        done_on: dt.date | None = None
        counted: DaySpan | None = None
        provisional = False
        if len(on_time) >= occ.required:
            status = Status.ON_TIME
            done_on = on_time[occ.required - 1].done_on
        elif occ.kind == "fixed-date" and inside:
            status = Status.LATE
            first_late = inside[0].done_on
            done_on = first_late
            late_days = (first_late - occ.due_date).days
            late_workdays, provisional = _late_workdays(cal, occ.due_date, first_late)
            counted = _span(occ.due_date, first_late)
        else:
            status = Status.OVERDUE
        if status is not Status.ON_TIME and as_of is not None and as_of <= occ.due_date:
            status = Status.PENDING
            late_days = late_workdays = None
            done_on = None
            remaining, provisional = _late_workdays(cal, as_of, occ.due_date)
            counted = _span(as_of, occ.due_date)
        verdicts.append(
            WindowVerdict(
                occurrence=occ,
                status=status,
                found=len(inside),
                entries=tuple(inside),
                late_by_days=late_days,
                late_by_workdays=late_workdays,
                provisional=provisional,
                done_on=done_on,
                remaining_workdays=remaining,
                counted=counted,
            )
        )

    acts_scheduled = {occ.act for occ in occurrences}
    unmatched: list[UnmatchedEntry] = []
    for entry in entries:
        if id(entry) in used:
            continue
        if as_of is not None and entry.done_on > as_of:
            day, audit_day = entry.done_on.isoformat(), as_of.isoformat()
            unmatched.append(
                UnmatchedEntry(
                    entry,
                    f"日期存疑:{day}晚于核查日{audit_day},尚未到来,不计入;请核对",
                    f"doubtful date: {day} is after the audit day {audit_day}, which has not "
                    "come yet; not counted, check it",
                )
            )
            continue
        unmatched.append(_why_unmatched(entry, year, cat, kinds, acts_scheduled))
    result = LogCheck(verdicts)
    result.unmatched = tuple(unmatched)
    result.year = year
    return result


def _why_unmatched(
    entry: LogEntry, year: int, cat: Catalogue, kinds: Mapping[str, str], acts: set[str]
) -> UnmatchedEntry:
    if entry.rule in cat.events:
        return UnmatchedEntry(
            entry,
            f"“{entry.rule}”是起算事件,不是定期任务;其引起的期限请用 gov-deadlines events 查看",
            f"{entry.rule!r} is a trigger event, not a recurring duty; see the deadlines it "
            "starts with `gov-deadlines events`",
        )
    kind = kinds.get(entry.rule)
    if kind is not None and kind not in RECURRING_KINDS:
        return UnmatchedEntry(
            entry,
            f"{entry.rule} 是自触发事件起算的规则,不是定期任务;请用 gov-deadlines due 规则 起算日 --done 核查",
            f"{entry.rule} runs from a trigger and is not a recurring duty; check it with "
            "`gov-deadlines due RULE TRIGGER --done WHEN`",
        )
    key = entry.rule if cat.is_family(entry.rule) else act_of(cat.rule(entry.rule), cat)
    if key not in acts:
        return UnmatchedEntry(
            entry,
            f"所选来源在{year}年没有该项任务({entry.rule})",
            f"the chosen sources have no duty {entry.rule} in {year}",
        )
    return UnmatchedEntry(
        entry,
        f"{entry.done_on.isoformat()} 不在{year}年该任务的任何时段内",
        f"{entry.done_on.isoformat()} is in no window of this duty in {year}",
    )
