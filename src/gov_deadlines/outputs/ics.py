"""Calendar export: a year's recurring duties as an ``.ics`` file, through ``icalendar``.

One all-day event per due date (a fixed date, or the last day of a window) with the rule's
title, its citation and quoted words in the description, and a reminder (``VALARM``) at
09:00 on the N-th working day before the due date — the working days counted by our
calendar, 调休 included. The trigger is written as a duration relative to the event's
start (``TRIGGER:-P3DT15H``), which every common client reads.

UIDs are a hash of the rule id, the year and the window, so re-importing a new export
(after a calendar or catalogue update) updates the events instead of duplicating them;
SEQUENCE and LAST-MODIFIED grow with the export time, for clients that compare them.

``icalendar`` is an optional dependency (``pip install gov-deadlines[ics]``); it is imported
only here, and only when an export is made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, BinaryIO

from gov_deadlines.calendar.day import is_provisional, weekday_name
from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
from gov_deadlines.catalogue import KIND_LABELS
from gov_deadlines.errors import CalendarCoverageError, GovDeadlinesError
from gov_deadlines.outputs.written import WriteSummary
from gov_deadlines.vocabulary import Lang, is_zh

if TYPE_CHECKING:
    from gov_deadlines.outputs.records import IcsSummaryRecord
    from gov_deadlines.recurring.windows import Occurrence

DEFAULT_REMINDER_DAYS = 3
DEFAULT_REMINDER_TIME = dt.time(9, 0)
PRODID = "-//gov_deadlines//recurring duties//ZH"
UID_DOMAIN = "gov-deadlines"
_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


class IcsUnavailableError(GovDeadlinesError, ImportError):
    """The optional ``icalendar`` package, needed for ``.ics`` export, is not installed."""

    def __init__(self) -> None:
        super().__init__(
            "exporting .ics needs the icalendar package: pip install 'gov-deadlines[ics]' "
            "(or pip install icalendar)"
        )
        self.zh = "导出 .ics 需要 icalendar 软件包:pip install 'gov-deadlines[ics]'(或 pip install icalendar)"


def _icalendar() -> Any:
    try:
        # Imported here: an optional dependency (the ics extra), needed only by an export.
        import icalendar
    except ImportError:
        raise IcsUnavailableError() from None
    return icalendar


def occurrence_uid(occurrence: Occurrence) -> str:
    """A stable UID: the same rule and window give the same UID in every export."""
    key = f"{occurrence.rule_id}|{occurrence.year}|{occurrence.window_kind}|{occurrence.window_start.isoformat()}"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


@dataclass(frozen=True, slots=True)
class Reminder:
    """When to remind: ``workdays`` working days before the due date, at ``at`` (Beijing time).

    ``provisional`` is true when the day rests on provisional calendar data.
    """

    day: dt.date
    at: dt.datetime
    workdays: int
    provisional: bool


def _calendars(calendar: WorkCalendar) -> Iterator[WorkCalendar]:
    """The calendar, then (built only if needed, once) its provisional twin."""
    yield calendar
    if not calendar.provisional:
        yield _provisional_twin(calendar)


@lru_cache(maxsize=8)
def _provisional_twin(calendar: WorkCalendar) -> WorkCalendar:
    return calendar.with_provisional(True)


def reminder_for(
    occurrence: Occurrence,
    workdays: int = DEFAULT_REMINDER_DAYS,
    calendar: WorkCalendar | None = None,
    *,
    time: dt.time = DEFAULT_REMINDER_TIME,
) -> Reminder | None:
    """The reminder ``workdays`` working days before the due date (0: the last working day
    on or before it), or ``None`` when no calendar, provisional included, covers the days.

    When ``calendar`` does not cover the days (a year with no official notice yet), the
    provisional calendar is asked and the reminder flagged ``provisional``: a reminder is
    advice, not a legal result, and an early one costs nothing.
    """
    if isinstance(workdays, bool) or not isinstance(workdays, int) or workdays < 0:
        raise ValueError(f"reminder working days must be a whole number ≥ 0, got {workdays!r}")
    cal = calendar if calendar is not None else default_calendar()
    for candidate in _calendars(cal):
        try:
            if workdays == 0:
                day = candidate.workday_on_or_before(occurrence.due_date)
            else:
                day = candidate.add_workdays(occurrence.due_date, -workdays)
        except CalendarCoverageError:
            continue
        plain = dt.date(day.year, day.month, day.day)
        return Reminder(
            day=plain,
            at=dt.datetime.combine(plain, time),
            workdays=workdays,
            provisional=is_provisional(day),
        )
    return None


def _day(day: dt.date, lang: str) -> str:
    if is_zh(lang):
        return f"{day.isoformat()}({weekday_name(day, lang)})"
    return f"{day.isoformat()} ({weekday_name(day, lang)})"


def _summary(occurrence: Occurrence, lang: str) -> str:
    title = occurrence.title(lang)
    if occurrence.window_kind == "fixed-date":
        return title
    label = occurrence.window_label(lang)
    return f"{title}({label})" if is_zh(lang) else f"{title} ({label})"


def _reminder_text(reminder: Reminder | None, occurrence: Occurrence, lang: str) -> str:
    zh = is_zh(lang)
    if reminder is None:
        return (
            f"未设置提醒:{occurrence.due_date.year}年的工作日无法推算(官方和临时日历均未覆盖)。"
            if zh
            else f"No reminder: the working days of {occurrence.due_date.year} cannot be counted "
            "(neither the official nor the provisional calendar covers them)."
        )
    flag = (
        "[临时推算:该年尚无官方节假日安排]"
        if zh
        else " [provisional: no official holiday arrangement for that year yet]"
    )
    flag = flag if reminder.provisional else ""
    when = f"{_day(reminder.day, lang)} {reminder.at.strftime('%H:%M')}"
    if reminder.workdays == 0:
        return (
            f"提醒:截止日当天或之前最后一个工作日,{when}{flag}。"
            if zh
            else f"Reminder: the last working day on or before the due date, {when}{flag}."
        )
    return (
        f"提醒:截止前{reminder.workdays}个工作日,{when}(按国务院节假日安排计算,含调休){flag}。"
        if zh
        else f"Reminder: {reminder.workdays} working days before the due date, {when} "
        f"(State Council holiday arrangement, make-up days included){flag}."
    )


def description(
    occurrence: Occurrence,
    reminder: Reminder | None,
    lang: str = "zh",
    *,
    reminders: bool = True,
) -> str:
    """The event's description: due date, requirement, citation with quoted words, reminder.

    ``reminders=False``: the export has no reminders, so none is mentioned.
    """
    zh = is_zh(lang)
    lines = [
        (
            f"截止:{_day(occurrence.due_date, lang)}24时。"
            if zh
            else f"Due: 24:00 of {_day(occurrence.due_date, lang)}."
        )
        + (" " if not zh else "")
        + occurrence.workday_line(lang),
    ]
    if occurrence.window_kind != "fixed-date":
        lines.append(
            ("时段:" if zh else "Window: ") + occurrence.requirement(lang) + ("。" if zh else ".")
        )
    lines.extend(occurrence.rule.citation_lines(lang))
    lines.extend(note.text(lang) for note in occurrence.notes)
    if reminders:
        lines.append(_reminder_text(reminder, occurrence, lang))
    lines.append(
        "由 gov-deadlines 生成;请以原文和官方通知为准。"
        if zh
        else "Generated by gov-deadlines; the source documents and official notices prevail."
    )
    return "\n".join(lines)


def build_calendar(
    occurrences: Iterable[Occurrence],
    *,
    reminder_days: int | None = DEFAULT_REMINDER_DAYS,
    reminder_time: dt.time = DEFAULT_REMINDER_TIME,
    calendar: WorkCalendar | None = None,
    lang: str = "zh",
    stamp: dt.datetime | None = None,
    name: str | None = None,
) -> Any:
    """An ``icalendar.Calendar`` with one event per occurrence (``reminder_days=None``: no alarms).

    ``stamp`` is the DTSTAMP written on every event (default: now, UTC).
    """
    ical = _icalendar()
    zh = is_zh(lang)
    when = stamp or dt.datetime.now(dt.UTC)
    if when.tzinfo is None:
        raise ValueError("stamp must be an aware datetime")
    # SEQUENCE grows with the export time (minutes since 2020), so that clients which keep
    # the higher sequence of a UID take a newer export as an update of the same event.
    sequence = max(0, int((when - _EPOCH).total_seconds()) // 60)
    cal = ical.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    items = list(occurrences)
    if name is None:
        years = sorted({o.year for o in items})
        span = f"{years[0]}" if len(years) == 1 else (f"{years[0]}–{years[-1]}" if years else "")
        name = (
            f"政务公开定期任务 {span}".strip() if zh else f"Open-government duties {span}".strip()
        )
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    for occ in items:
        reminder = (
            reminder_for(occ, reminder_days, calendar, time=reminder_time)
            if reminder_days is not None
            else None
        )
        event = ical.Event()
        event.add("uid", occurrence_uid(occ))
        event.add("dtstamp", when)
        event.add("last-modified", when)
        event.add("sequence", sequence)
        event.add("dtstart", occ.due_date)
        event.add("dtend", occ.due_date + dt.timedelta(days=1))
        event.add("summary", _summary(occ, lang))
        event.add(
            "description",
            description(occ, reminder, lang, reminders=reminder_days is not None),
        )
        event.add(
            "categories",
            [KIND_LABELS[occ.kind][0 if zh else 1], occ.rule.source.id],
        )
        event.add("transp", "TRANSPARENT")
        if occ.rule.source.url:
            event.add("url", occ.rule.source.url)
        event.add("x-gov-deadlines-rule", occ.rule_id)
        event.add(
            "x-gov-deadlines-window",
            f"{occ.window_start.isoformat()}/{occ.window_end.isoformat()}",
        )
        if reminder is not None:
            alarm = ical.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", _summary(occ, lang))
            # Relative to DTSTART (00:00 of the due date, floating): 09:00 N working days before.
            alarm.add("trigger", reminder.at - dt.datetime.combine(occ.due_date, dt.time(0)))
            event.add_component(alarm)
        cal.add_component(event)
    return cal


def to_ics(occurrences: Iterable[Occurrence], **options: Any) -> bytes:
    """The ``.ics`` text (UTF-8 bytes, CRLF lines); options as :func:`build_calendar`."""
    data: bytes = build_calendar(occurrences, **options).to_ical()
    return data


class IcsSummary(WriteSummary):
    """What an export wrote: ``rows`` occurrences (``provisional_rows`` of them on
    provisional calendar data) as ``events`` events with ``alarms`` reminders."""

    events: int
    alarms: int

    def __init__(
        self, rows: int = 0, provisional_rows: int = 0, *, events: int = 0, alarms: int = 0
    ) -> None:
        super().__init__(rows, provisional_rows)
        self.events = events
        self.alarms = alarms

    def __repr__(self) -> str:
        return (
            f"IcsSummary(rows={self.rows}, provisional_rows={self.provisional_rows}, "
            f"events={self.events}, alarms={self.alarms})"
        )

    def summary(self, lang: str = "zh", *, path: str = "") -> str:
        """``已写入 2026.ics:66个事件,66个提醒。`` (the file named when ``path`` is given)."""
        if is_zh(lang):
            where = f" {path}:" if path else ""
            return f"已写入{where}{self.events}个事件,{self.alarms}个提醒。"
        where = f" {path}:" if path else ""
        return f"Wrote{where} {self.events} events, {self.alarms} reminders."

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> IcsSummaryRecord:
        """The counts as their JSON record."""
        from gov_deadlines.outputs.records import IcsSummaryRecord

        return IcsSummaryRecord(
            rows=self.rows,
            provisional_rows=self.provisional_rows,
            events=self.events,
            alarms=self.alarms,
        )


def write_ics(
    occurrences: Iterable[Occurrence],
    stream: BinaryIO,
    *,
    reminder_days: int | None = DEFAULT_REMINDER_DAYS,
    reminder_time: dt.time = DEFAULT_REMINDER_TIME,
    calendar: WorkCalendar | None = None,
    lang: str = "zh",
    stamp: dt.datetime | None = None,
    name: str | None = None,
) -> IcsSummary:
    """Write the ``.ics`` bytes of ``occurrences`` to ``stream`` (options as
    :func:`build_calendar`); return how many occurrences, events and reminders it holds. The command
    line writes a file atomically (:func:`gov_deadlines.atomic.atomic_binary`)."""
    occurrences = list(occurrences)
    cal = build_calendar(
        occurrences,
        reminder_days=reminder_days,
        reminder_time=reminder_time,
        calendar=calendar,
        lang=lang,
        stamp=stamp,
        name=name,
    )
    stream.write(cal.to_ical())
    events = list(cal.walk("VEVENT"))
    return IcsSummary(
        len(occurrences),
        sum(o.provisional for o in occurrences),
        events=len(events),
        alarms=sum(len(e.walk("VALARM")) for e in events),
    )
