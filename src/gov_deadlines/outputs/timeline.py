"""One case's clock drawn as month calendars for the terminal (``gov-deadlines case --timeline``).

Two steps, both pure (no I/O, no global state):

* :func:`case_timeline` reads a :class:`~gov_deadlines.cases.CaseVerdict` — its dates and
  its calendar — into a :class:`Timeline`: each day of the case's months with its kind
  (working day, rest day, make-up working day, no data) and its marks (receipt, 补正 asked
  for and received, consultation days excluded, extension, due dates, reply, audit day),
  and the list of events in date order;
* :func:`render_timeline` draws it as text: one grid per month like ``gov-deadlines cal``,
  each day with one mark, then the events (every mark of every day, in words) and a legend.
  ``style`` colours the text (the command line passes its console's, which is off unless
  standard output is a terminal and ``NO_COLOR`` is unset); without it the marks and the
  legend carry everything.
"""

from __future__ import annotations

import calendar as stdcal
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gov_deadlines.calendar.day import DayKind, weekday_name
from gov_deadlines.errors import CalendarCoverageError, LocalCoverageError
from gov_deadlines.vocabulary import Status, is_zh

if TYPE_CHECKING:
    from gov_deadlines.cases.duties import Duty
    from gov_deadlines.cases.verdict import CaseVerdict

__all__ = [
    "MARKS",
    "Mark",
    "Timeline",
    "TimelineDay",
    "TimelineEvent",
    "case_timeline",
    "render_timeline",
]


@dataclass(frozen=True, slots=True)
class Mark:
    """How a mark is drawn: its one-cell sign in Chinese and English, its name in both, and
    its colour (styles of the console)."""

    sign_zh: str
    sign_en: str
    name_zh: str
    name_en: str
    styles: tuple[str, ...]

    def sign(self, zh: bool) -> str:
        return self.sign_zh if zh else self.sign_en

    def name(self, zh: bool) -> str:
        return self.name_zh if zh else self.name_en


#: Each mark by code. In a day's cell the first mark of this order that the day has is
#: shown; the events below the grid list every mark of every day.
MARKS: dict[str, Mark] = {
    "due": Mark("限", "D", "期限(届满日)", "due date (last day)", ("bold", "red")),
    "replied": Mark("答", "A", "答复", "reply", ("bold", "green")),
    "receipt": Mark("收", "R", "收到申请", "application received", ("bold", "blue")),
    "supplement_received": Mark(
        "正",
        "C",
        "收到补正",
        "corrected application received",
        ("bold", "magenta"),
    ),
    "supplement_requested": Mark(
        "补", "S", "告知补正", "correction asked for", ("bold", "magenta")
    ),
    "extension": Mark("延", "E", "延期", "extension", ("bold", "yellow")),
    "original_due": Mark("原", "O", "原答复期限", "original reply limit", ("yellow",)),
    "consultation_sent": Mark("询", "Q", "发出征求意见", "consultation sent", ("bold", "cyan")),
    "as_of": Mark("今", "T", "核查日", "audit day", ("reverse",)),
    "consultation": Mark("征", "c", "征求意见,不计入", "consultation, not counted", ("cyan",)),
    "rest": Mark("休", "-", "休息日,不计入", "rest day, not counted", ("dim",)),
    "makeup": Mark("班", "W", "调休上班日,计入", "make-up working day, counted", ("yellow",)),
    "unknown": Mark("?", "?", "无日历数据", "no calendar data", ("red",)),
}


@dataclass(frozen=True, slots=True)
class TimelineDay:
    """One day of the picture: its kind and marks (codes of :data:`MARKS`), best first."""

    day: dt.date
    kind: str  # "workday", "rest", "makeup" or "unknown"
    holiday_zh: str | None
    holiday_en: str | None
    marks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated fact of the case, in words; ``end`` closes a span (a consultation)."""

    day: dt.date
    mark: str
    text_zh: str
    text_en: str
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Timeline:
    """A case's months, day by day, and its events in date order."""

    case_id: str
    months: tuple[tuple[int, int], ...]
    days: dict[dt.date, TimelineDay] = field(default_factory=dict)
    events: tuple[TimelineEvent, ...] = ()
    as_of: dt.date | None = None


def _day(value: dt.date) -> dt.date:
    # Dates of the verdict may be provisional subclasses: the picture needs plain days.
    return dt.date(value.year, value.month, value.day)


def _duty_events(duty: Duty, label: tuple[str, str]) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    if duty.due_date is not None:
        zh, en = label
        events.append(
            TimelineEvent(
                _day(duty.due_date),
                "due",
                f"{zh}期限:{duty.status_text('zh')}",
                f"{en} due: {duty.status_text('en')}",
            )
        )
    return events


def case_timeline(verdict: CaseVerdict) -> Timeline:
    """The picture of one audited case: its months, each day's kind and marks, its events."""
    facts = verdict.facts
    events: list[TimelineEvent] = []
    receipt = _day(verdict.receipt_date)
    recorded = _day(verdict.recorded_receipt_date)
    if recorded != receipt:
        events.append(
            TimelineEvent(
                recorded,
                "receipt",
                "记录的收到日(休息日,顺延至下一个工作日)",
                "recorded receipt (a rest day: moved to the next working day)",
            )
        )
    events.append(
        TimelineEvent(receipt, "receipt", "收到申请日", "the application counts as received")
    )
    for other in facts.receipt_disputed:
        events.append(
            TimelineEvent(
                _day(other),
                "receipt",
                "争议的另一收到申请日(各自的结论见提示)",
                "another date of receipt in dispute (each outcome under the warnings)",
            )
        )
    supplement = verdict.duty("supplement_notice")
    if facts.supplement_requested is not None:
        events.append(
            TimelineEvent(
                _day(facts.supplement_requested),
                "supplement_requested",
                "告知补正(答复期限待收到补正后重新起算)",
                "correction asked for (the reply limit restarts when it arrives)",
            )
        )
    if supplement is not None:
        events += _duty_events(supplement, ("补正告知", "Request for correction"))
    if facts.supplement_received is not None:
        start = verdict.clock_start
        events.append(
            TimelineEvent(
                _day(facts.supplement_received),
                "supplement_received",
                "收到补正的申请,答复期限重新起算"
                + (
                    f"(起算日{start.isoformat()})"
                    if start and start != facts.supplement_received
                    else ""
                ),
                "corrected application received: the reply limit restarts"
                + (
                    f" (from {start.isoformat()})"
                    if start and start != facts.supplement_received
                    else ""
                ),
            )
        )
    consult_days: set[dt.date] = set()
    cal = verdict.calendar
    start_day = verdict.clock_start
    # A consultation sent on or after the deadline as it stood excluded nothing (policy
    # consultation-after-the-deadline-not-excluded): its days are not marked as excluded.
    not_excluded = {
        (finding.args[0], finding.args[1])
        for finding in verdict.notes
        if finding.code == "consult_late"
    }
    for span in verdict.spans:
        low = span.sent if start_day is None else max(span.sent, start_day)
        if (span.party, span.sent) in not_excluded:
            low = span.end
        party_zh, party_en = span.party.label("zh"), span.party.label("en")
        answered_zh = (
            f"{span.answered.isoformat()}答复" if span.answered is not None else "未记录答复"
        )
        answered_en = (
            f"answered {span.answered.isoformat()}"
            if span.answered is not None
            else "no answer recorded"
        )
        capped_zh = f",只排除至{span.end.isoformat()}" if span.capped else ""
        capped_en = f", excluded only to {span.end.isoformat()}" if span.capped else ""
        events.append(
            TimelineEvent(
                _day(span.sent),
                "consultation_sent",
                f"征求{party_zh}意见({answered_zh}{capped_zh}),其间工作日不计入",
                f"{party_en} consulted ({answered_en}{capped_en}): its working days do not count",
                _day(span.end),
            )
        )
        day = low + dt.timedelta(days=1)
        while day <= span.end:
            consult_days.add(_day(day))
            day += dt.timedelta(days=1)
    if facts.ext_approved is not None:
        events.append(
            TimelineEvent(
                _day(facts.ext_approved),
                "extension",
                f"批准延期({verdict.extension_workdays}个工作日计入)",
                f"extension approved ({verdict.extension_workdays} working days applied)",
            )
        )
    if facts.ext_told is not None:
        events.append(
            TimelineEvent(
                _day(facts.ext_told),
                "extension",
                "告知申请人延期",
                "extension told to the applicant",
            )
        )
    extension = verdict.duty("extension")
    if extension is not None and extension.status is not Status.ON_TIME:
        events += _duty_events(extension, ("延期告知", "Extension notice"))
    reply = verdict.reply
    if verdict.extension_workdays and verdict.base_due_date is not None:
        events.append(
            TimelineEvent(
                _day(verdict.base_due_date),
                "original_due",
                "原答复期限(延期前)",
                "original reply limit (before the extension)",
            )
        )
    events += _duty_events(reply, ("答复", "Reply"))
    if facts.replied is not None:
        events.append(
            TimelineEvent(
                _day(facts.replied),
                "replied",
                f"答复:{reply.status_text('zh')}",
                f"reply: {reply.status_text('en')}",
            )
        )
    dated = [e.day for e in events] + [e.end for e in events if e.end is not None]
    first, last = min(dated), max(dated)
    as_of = verdict.as_of
    if as_of is not None:
        as_of = _day(as_of)
        if first <= as_of <= last or (as_of > last and (as_of - last).days <= 31):
            last = max(last, as_of)
        shown = first <= as_of <= last
        events.append(
            TimelineEvent(
                as_of,
                "as_of",
                "核查日" if shown else "核查日(不在图中)",
                "audit day" if shown else "audit day (outside the months shown)",
            )
        )
    events.sort(key=lambda e: (e.day, list(MARKS).index(e.mark)))
    months = _months(first, last)
    by_day: dict[dt.date, list[str]] = {}
    for event in events:
        by_day.setdefault(event.day, []).append(event.mark)
    for day in consult_days:
        by_day.setdefault(day, []).append("consultation")
    days: dict[dt.date, TimelineDay] = {}
    order = list(MARKS)
    for year, month in months:
        for number in range(1, stdcal.monthrange(year, month)[1] + 1):
            day = dt.date(year, month, number)
            try:
                info = cal.day_info(day)
            except (CalendarCoverageError, LocalCoverageError):
                kind, holiday_zh, holiday_en = "unknown", None, None
            else:
                if info.kind is DayKind.MAKEUP_WORKDAY:
                    kind = "makeup"
                elif not info.is_workday:
                    kind = "rest"
                else:
                    kind = "workday"
                holiday_zh = info.holiday.zh if info.holiday else None
                holiday_en = info.holiday.en if info.holiday else None
            marks = set(by_day.get(day, ()))
            if kind == "rest":
                marks.discard("consultation")  # a rest day is not counted anyway
            if kind != "workday":
                marks.add(kind)
            days[day] = TimelineDay(
                day, kind, holiday_zh, holiday_en, tuple(sorted(marks, key=order.index))
            )
    return Timeline(verdict.case_id, months, days, tuple(events), as_of)


def _months(first: dt.date, last: dt.date) -> tuple[tuple[int, int], ...]:
    months: list[tuple[int, int]] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def _plain(text: str, *styles: str) -> str:
    return text


def render_timeline(
    timeline: Timeline,
    lang: str = "zh",
    *,
    style: Callable[..., str] | None = None,
) -> str:
    """The timeline as text: a grid per month (Monday first), the events, the legend.

    ``style(text, *styles)`` colours a piece of text (styles: ``bold``, ``red``, ``green``,
    ``yellow``, ``blue``, ``magenta``, ``cyan``, ``dim``, ``reverse``); default: none.
    """
    zh = is_zh(lang)
    paint = style or _plain
    out: list[str] = []
    head = (
        ["一", "二", "三", "四", "五", "六", "日"]
        if zh
        else ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    )
    used: set[str] = set()
    for year, month in timeline.months:
        title = f"{year}年{month}月" if zh else f"{stdcal.month_name[month]} {year}"
        out.append(paint(title.center(34).rstrip(), "bold"))
        out.append(" ".join(f" {h} " for h in head).rstrip())
        cells = ["    "] * dt.date(year, month, 1).weekday()
        named: dict[str, list[int]] = {}
        for number in range(1, stdcal.monthrange(year, month)[1] + 1):
            info = timeline.days[dt.date(year, month, number)]
            sign = "  "
            styles: tuple[str, ...] = ()
            if info.marks:
                mark = info.marks[0]
                used.update(info.marks)
                drawn = MARKS[mark]
                styles = drawn.styles
                sign = drawn.sign_zh if zh else f" {drawn.sign_en}"
            text = f"{number:>2}{sign}"
            if "consultation" in info.marks and info.marks[0] != "consultation":
                styles = (*styles, "underline")
            cells.append(paint(text, *styles) if styles else text)
            holiday = info.holiday_zh if zh else info.holiday_en
            if holiday:
                label = holiday + (
                    ("(调休上班)" if zh else " (make-up working day)")
                    if info.kind == "makeup"
                    else ""
                )
                named.setdefault(label, []).append(number)
        for week in range(0, len(cells), 7):
            out.append(" ".join(cells[week : week + 7]).rstrip())
        for label, numbers in named.items():
            listed = ("、" if zh else ", ").join(str(n) for n in numbers)
            out.append(f"  {label}:{listed}日" if zh else f"  {label}: {listed}")
        out.append("")
    out.append("经过:" if zh else "What happened:")
    for event in timeline.events:
        sign = MARKS[event.mark].sign(zh)
        when = _when(event.day, zh)
        if event.end is not None:
            when += "—" + _when(event.end, zh)
        text = event.text_zh if zh else event.text_en
        out.append(f"  {paint(sign, *MARKS[event.mark].styles)} {when} {text}")
    out.append("")
    legend = [f"{MARKS[code].sign(zh)}={MARKS[code].name(zh)}" for code in MARKS if code in used]
    out.append(("图例:" if zh else "Legend: ") + ("  ".join(legend)))
    out.append(
        "每格只显示一个标记(按图例顺序);同一天的其他标记见“经过”。"
        if zh
        else "Each day shows one mark (the first in the legend's order); the others are under "
        "“What happened”."
    )
    return "\n".join(out) + "\n"


def _when(day: dt.date, zh: bool) -> str:
    if zh:
        return f"{day.isoformat()}({weekday_name(day, 'zh')})"
    return f"{day.isoformat()} ({weekday_name(day, 'en')})"
