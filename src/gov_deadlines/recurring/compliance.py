"""Compliance over an office's activity log: what it did against the duties of its year.

:func:`check_log` compares a log (rule or family ids with dates, read from CSV by
:func:`read_log`) with the windows :func:`~gov_deadlines.recurring.windows.schedule` lays out, and
gives one :class:`WindowVerdict` per window: required, found, met, late, missed or pending.
Duties with no entry at all are reported missed, never skipped; entries that count for
nothing are listed with the reason. :func:`supervision_rows` puts the result on the
supervision form of seed 002 (rendered by :mod:`gov_deadlines.outputs.supervision`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from os import PathLike, fspath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
from gov_deadlines.catalogue import STRENGTH_LABELS, Catalogue, default_catalogue
from gov_deadlines.errors import (
    ArgumentTypeError,
    CalendarCoverageError,
    GovDeadlinesError,
    UnknownRuleError,
    check_day_argument,
)

if TYPE_CHECKING:
    from gov_deadlines.outputs.supervision import SupervisionRow
    from gov_deadlines.recurring.records import (
        LogCheckRecord,
        UnmatchedEntryRecord,
        WindowVerdictRecord,
    )

from gov_deadlines.recurring.windows import (
    RECURRING_KINDS,
    Occurrence,
    act_of,
    schedule,
)
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Lang, Status, is_zh

# -- the activity log ------------------------------------------------------------------------------


RULE_HEADERS = ("rule", "规则", "规则编号", "rule_id", "duty", "任务")
DATE_HEADERS = ("date", "日期", "完成日期", "done", "when")
NOTE_HEADERS = ("note", "备注", "说明")


class LogEntry(BaseModel):
    """One thing an office did: the duty (a rule or family id) and the day it was done.

    ``rule`` may also be a trigger event id from the catalogue's vocabulary; such an entry
    satisfies no recurring duty and is reported as unmatched. ``date`` takes a date, an ISO
    or clerk-written date text (``2026年3月5日``), or a datetime (converted to Beijing time).
    ``line`` is the line of the file the entry came from, for messages.
    """

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    rule: str = Field(min_length=1, validation_alias=AliasChoices(*RULE_HEADERS, "event", "事件"))
    date: dt.date = Field(validation_alias=AliasChoices(*DATE_HEADERS))
    note: str = Field(default="", validation_alias=AliasChoices(*NOTE_HEADERS))
    line: int | None = None

    @field_validator("rule", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        if isinstance(value, (str, dt.date)):
            from gov_deadlines.dates import parse_day

            return parse_day(value)  # DateParseError is a ValueError: reported per row
        return value

    def where(self, lang: str = "zh") -> str:
        if self.line is None:
            return ""
        return f"第{self.line}行" if is_zh(lang) else f"line {self.line}"


class LogError(GovDeadlinesError, ValueError):
    """Entries of an activity log that cannot be read; every one is listed.

    ``problems`` holds ``(line or None, message_en, message_zh)`` for each bad row.
    """

    def __init__(self, source: str, problems: Sequence[tuple[int | None, str, str]]) -> None:
        self.source = source
        self.problems = tuple(problems)

        lines_en, lines_zh = [], []
        for line, en, zh in self.problems:
            lines_en.append(f"line {line}: {en}" if line is not None else en)
            lines_zh.append(f"第{line}行:{zh}" if line is not None else zh)
        super().__init__(
            f"activity log {source}: {len(self.problems)} problem(s); fix them and run again:\n  "
            + "\n  ".join(lines_en)
        )
        self.zh = (
            f"工作记录 {source}:{len(self.problems)}处问题,请修改后重新运行:\n  "
            + "\n  ".join(lines_zh)
        )


def _match_header(name: str, choices: Sequence[str]) -> bool:
    return name.strip().casefold() in {c.casefold() for c in choices}


def _decode(data: bytes, source: str) -> str:
    """The log's text: UTF-8 or GB18030 (Excel and WPS in China save CSV in GBK), read
    strictly by :mod:`gov_deadlines.textinput`, as the audit reads its input."""
    from gov_deadlines.textinput import InputEncodingError, decoded_lines

    try:
        return "".join(decoded_lines(io.BytesIO(data), source=source))
    except InputEncodingError as error:
        raise LogError(source, [(error.line, error.problem, error.problem_zh)]) from None


def read_log(
    path: str | PathLike[str] | None = None,
    *,
    text: str | None = None,
    catalogue: Catalogue | None = None,
) -> list[LogEntry]:
    """Read an activity log CSV (columns ``rule``/``规则`` and ``date``/``日期``, optional ``note``/``备注``).

    UTF-8 (with or without BOM) or GBK. Every malformed row — a missing rule or date, a date
    that cannot be read, an unknown rule id — is reported with its line number in one
    :class:`LogError`; no row is dropped. Blank lines are skipped.
    """
    if (path is None) == (text is None):
        raise TypeError("read_log takes a path or text=, not both")
    source = "<text>"
    if path is not None:
        source = fspath(path)
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            raise LogError(
                source,
                [
                    (
                        None,
                        f"cannot read the file ({error.strerror or error})",
                        f"无法读取文件({error.strerror or error})",
                    )
                ],
            ) from None
        text = _decode(data, source)
    assert text is not None
    text = text.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    problems: list[tuple[int | None, str, str]] = []
    header: list[str] | None = None
    rule_col = date_col = note_col = -1
    entries: list[LogEntry] = []
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = row
            for index, name in enumerate(row):
                if rule_col < 0 and _match_header(name, RULE_HEADERS):
                    rule_col = index
                elif date_col < 0 and _match_header(name, DATE_HEADERS):
                    date_col = index
                elif note_col < 0 and _match_header(name, NOTE_HEADERS):
                    note_col = index
            if rule_col < 0 or date_col < 0:
                raise LogError(
                    source,
                    [
                        (
                            line,
                            f"the header {row!r} needs a 'rule' (or 规则) column and a 'date' "
                            "(or 日期) column",
                            f"表头 {row!r} 须包含“规则”(rule)列和“日期”(date)列",
                        )
                    ],
                )
            continue
        cells = {
            "rule": row[rule_col].strip() if rule_col < len(row) else "",
            "date": row[date_col].strip() if date_col < len(row) else "",
            "note": row[note_col].strip() if 0 <= note_col < len(row) else "",
            "line": line,
        }
        if not cells["rule"]:
            problems.append((line, "no rule id", "缺少规则编号"))
            continue
        if not cells["date"]:
            problems.append((line, "no date", "缺少日期"))
            continue
        try:
            entries.append(LogEntry.model_validate(cells))
        except ValidationError as error:
            first = error.errors()[0]
            cause = (first.get("ctx") or {}).get("error")
            if isinstance(cause, GovDeadlinesError):  # a date that cannot be read
                problems.append((line, cause.message("en"), cause.message("zh")))
            else:
                message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
                problems.append((line, message, message))
    if header is None:
        raise LogError(
            source,
            [
                (
                    None,
                    "the file is empty (expected a header: rule,date)",
                    "文件为空(应有表头:规则,日期)",
                )
            ],
        )
    problems.extend(_unknown_ids(entries, catalogue or default_catalogue()))
    if problems:
        problems.sort(key=lambda p: p[0] or 0)
        raise LogError(source, problems)
    return entries


def _unknown_ids(entries: Iterable[LogEntry], cat: Catalogue) -> list[tuple[int | None, str, str]]:
    problems: list[tuple[int | None, str, str]] = []
    events = cat.events
    for entry in entries:
        if entry.rule in events or cat.is_family(entry.rule):
            continue
        try:
            cat.rule(entry.rule)
        except UnknownRuleError as error:
            problems.append((entry.line, error.message("en"), error.message("zh")))
    return problems


def _entry_problem(error: ValidationError) -> tuple[str, str]:
    """What is wrong with one log entry, in English and Chinese."""
    fields = sorted({str(e["loc"][0]) for e in error.errors() if e["loc"]}) or ["entry"]
    listed = ", ".join(fields)
    return (
        f"the entry's {listed} cannot be read (a rule id and a date are needed)",
        f"该条记录的 {listed} 无法识别(须有规则编号和日期)",
    )


def _as_entry(item: LogEntry | Mapping[str, Any] | Sequence[Any], index: int) -> LogEntry:
    if isinstance(item, LogEntry):
        return item
    if isinstance(item, Mapping):
        return LogEntry.model_validate(item)
    if isinstance(item, Sequence) and not isinstance(item, str) and 2 <= len(item) <= 3:
        data: dict[str, Any] = {"rule": item[0], "date": item[1]}
        if len(item) == 3:
            data["note"] = item[2]
        return LogEntry.model_validate(data)
    raise ArgumentTypeError(
        f"log entry {index}",
        item,
        "a LogEntry, a dict with rule and date, or a (rule, date) pair",
        "LogEntry、含 rule 和 date 的字典,或(规则编号, 日期)二元组",
    )


# -- verdicts -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WindowVerdict:
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

    @property
    def due_date(self) -> dt.date:
        return self.occurrence.due_date

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
            first = min(e.date for e in self.entries)
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
class UnmatchedEntry:
    """A log entry that counts for no window of the check, and why."""

    entry: LogEntry
    reason_zh: str
    reason_en: str

    def reason(self, lang: str = "zh") -> str:
        return self.reason_zh if is_zh(lang) else self.reason_en

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> UnmatchedEntryRecord:
        from gov_deadlines.recurring.records import unmatched_to_record

        return unmatched_to_record(self, lang)


class LogCheck(list[WindowVerdict]):
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
        from gov_deadlines.recurring.records import log_check_to_record

        return log_check_to_record(self, lang)


def _late_workdays(calendar: WorkCalendar, due: dt.date, done: dt.date) -> tuple[int | None, bool]:
    try:
        return calendar.workdays_between_info(due, done)
    except CalendarCoverageError:
        return None, False


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
        as_of = as_of.date()
    cat = catalogue or default_catalogue()
    cal = calendar if calendar is not None else default_calendar()
    entries: list[LogEntry] = []
    unreadable: list[tuple[int | None, str, str]] = []
    for index, item in enumerate(events, start=1):
        try:
            entries.append(_as_entry(item, index))
        except ValidationError as error:
            # Every unreadable entry is reported, with its position, in one LogError.
            unreadable.append((index, *_entry_problem(error)))
    if unreadable:
        raise LogError("<log>", unreadable)
    problems = _unknown_ids(entries, cat)
    if problems:
        raise LogError("<log>", problems)
    occurrences = schedule(year, sources=sources, calendar=cal, catalogue=cat)
    by_act: dict[str, list[LogEntry]] = {}
    event_ids = cat.events
    kinds: dict[str, str] = {}
    for entry in entries:
        if as_of is not None and entry.date > as_of:
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
        bucket.sort(key=lambda e: e.date)

    used: set[int] = set()
    verdicts: list[WindowVerdict] = []
    for occ in sorted(occurrences, key=lambda o: (o.rule.source.id, o.rule_id, o.window_start)):
        candidates = by_act.get(occ.act, [])
        if occ.kind == "fixed-date":
            year_end = dt.date(occ.year, 12, 31)
            inside = [e for e in candidates if occ.window_start <= e.date <= year_end]
            on_time = [e for e in inside if e.date <= occ.due_date]
        else:
            inside = [e for e in candidates if occ.window_start <= e.date <= occ.window_end]
            on_time = inside
        used.update(id(e) for e in inside)
        late_days = late_workdays = remaining = None
        done_on: dt.date | None = None
        provisional = False
        if len(on_time) >= occ.required:
            status = Status.ON_TIME
            done_on = on_time[occ.required - 1].date
        elif occ.kind == "fixed-date" and inside:
            status = Status.LATE
            first_late = inside[0].date
            done_on = first_late
            late_days = (first_late - occ.due_date).days
            late_workdays, provisional = _late_workdays(cal, occ.due_date, first_late)
        else:
            status = Status.OVERDUE
        if status is not Status.ON_TIME and as_of is not None and as_of <= occ.due_date:
            status = Status.PENDING
            late_days = late_workdays = None
            done_on = None
            remaining, provisional = _late_workdays(cal, as_of, occ.due_date)
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
            )
        )

    acts_scheduled = {occ.act for occ in occurrences}
    unmatched: list[UnmatchedEntry] = []
    for entry in entries:
        if id(entry) in used:
            continue
        if as_of is not None and entry.date > as_of:
            day, audit_day = entry.date.isoformat(), as_of.isoformat()
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
        f"{entry.date.isoformat()} 不在{year}年该任务的任何时段内",
        f"{entry.date.isoformat()} is in no window of this duty in {year}",
    )


# -- the supervision form ---------------------------------------------------------------------------


def _cadence_label(occ: Occurrence, lang: str) -> str:
    zh = is_zh(lang)
    labels = {
        "month": ("按月", "monthly"),
        "quarter": ("按季度", "quarterly"),
        "august": ("8月", "in August"),
        "year": ("年内", "in the year"),
        "fixed-date": (f"截至{occ.due_date.isoformat()}", f"by {occ.due_date.isoformat()}"),
    }
    label = labels[occ.window_kind][0 if zh else 1]
    return f"{occ.year}年,{label}" if zh else f"{occ.year}, {label}"


def supervision_rows(
    verdicts: Iterable[WindowVerdict], lang: str = "zh", *, per_window: bool = False
) -> list[SupervisionRow]:
    """The check on the supervision form of seed 002, one row per duty (or per window).

    工作任务 is the rule's title with the year and window; 完成情况 已完成 when every window
    was done (a fixed date done late is 已完成, with 逾期N天 under 存在问题), 未到期 when the
    windows not done are all still running on the ``as_of`` day (``pending``), else 未完成; 存在问题 lists the findings (``第二季度无记录``, ``逾期3天(1个工作日)…``);
    整改责任主体 is whom the rule binds. 整改措施 and 材料提供部门 are left for the supervisor.
    """
    from gov_deadlines.outputs.supervision import SupervisionRow

    zh = is_zh(lang)
    groups: dict[str, list[WindowVerdict]] = {}
    for verdict in verdicts:
        key = (
            f"{verdict.rule_id}|{verdict.occurrence.window_start}"
            if per_window
            else verdict.rule_id
        )
        groups.setdefault(key, []).append(verdict)
    rows: list[SupervisionRow] = []
    sep = ";" if zh else "; "
    for group in groups.values():
        occ = group[0].occurrence
        label = occ.window_label(lang) if per_window else _cadence_label(occ, lang)
        title = occ.title(lang)
        task = f"{title}({label})" if zh else f"{title} ({label})"
        bad = [v for v in group if not v.met]
        empty = [
            v
            for v in bad
            if v.status is Status.OVERDUE and v.found == 0 and v.occurrence.kind != "fixed-date"
        ]
        findings: list[str] = []
        if len(empty) > 1 and len(empty) == len(group):  # every month / quarter of the year
            unit = "月" if occ.window_kind == "month" else "季度"
            findings.append(
                f"全年各{unit}均无记录"
                if zh
                else f"no record in any {'month' if unit == '月' else 'quarter'} of the year"
            )
            bad = []
        elif len(empty) > 1:  # "第二季度、第四季度无记录" rather than one finding each
            names = ("、" if zh else ", ").join(
                v.occurrence.window_label(lang, with_year=False) for v in empty
            )
            findings.append(f"{names}无记录" if zh else f"no record for {names}")
            bad = [v for v in bad if v not in empty]
        running = [v for v in bad if v.status is Status.PENDING]
        if len(running) > 1:  # "第三季度、第四季度尚未结束", once
            names = ("、" if zh else ", ").join(
                v.occurrence.window_label(lang, with_year=False) for v in running
            )
            bad = [v for v in bad if v.status is not Status.PENDING]
        findings.extend(v.finding(lang, with_year=per_window) for v in bad)
        if len(running) > 1:
            findings.append(f"{names}尚未结束" if zh else f"{names}: not ended yet")
        completed = all((v.status is Status.ON_TIME or v.status is Status.LATE) for v in group)
        rows.append(
            SupervisionRow(
                task=task,
                completed=completed,
                problems=sep.join(findings),
                responsible=occ.rule.binds_zh if zh else occ.rule.binds_en,
                # Windows still running are not failures: 未到期, unless another was missed.
                not_due=not completed and all(v.status is not Status.OVERDUE for v in group),
            )
        )
    return rows


def strength_label(occ: Occurrence, lang: str = "zh") -> str:
    """必须 / 原则上 / 力争 (must / in principle / aspirational), short."""
    label = STRENGTH_LABELS[occ.strength][0 if is_zh(lang) else 1]
    return label.split("(")[0]
