"""Re-checking stored results against a new calendar or catalogue (:func:`recheck`).

Every stored result carries its :class:`~gov_deadlines.stamps.Stamp`: the calendar years it
read and the rule documents it used, each with a hash. :func:`recheck` compares each stamp
with what the new calendar and catalogue hold for the same years and documents. A result
whose inputs are all the same cannot have changed, and is not recomputed
(``untouched``). Any other is recomputed from the inputs its record keeps, and reported
``changed`` (old and new date, and why: the notice loaded and the days it changed),
``unchanged``, or ``refused`` (the new data has no answer: the error says why). A record
that cannot be recomputed on its own (a window's verdict needs the whole log) is reported
``rerun`` when its inputs changed; one that cannot be read is ``unreadable``, with the
reason, and the re-check goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gov_deadlines.calendar.arrangement import YearArrangement
from gov_deadlines.calendar.day import DayKind
from gov_deadlines.calendar.fingerprint import arrangement_kind, known_arrangement
from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
from gov_deadlines.cases import CaseVerdict
from gov_deadlines.catalogue import Catalogue, ReceiptPolicy, default_catalogue, due
from gov_deadlines.counting import Deadline, Unit, Verdict, check, deadline
from gov_deadlines.counting.stamping import read_spans
from gov_deadlines.documents import json_problem_zh
from gov_deadlines.errors import ArgumentTypeError, GovDeadlinesError
from gov_deadlines.recurring import Occurrence, WindowVerdict, schedule
from gov_deadlines.stamps import DaySpan, RuleStamp, Stamp, StampError, YearStamp
from gov_deadlines.vocabulary import Lang, Recorded, Status, is_zh

if TYPE_CHECKING:
    from gov_deadlines.outputs.records import RecheckItemRecord, RecheckRecord

__all__ = ["Outcome", "Reason", "Recheck", "RecheckItem", "recheck"]

_ONE_DAY = dt.timedelta(days=1)
#: How many changed days a reason names before "and N more".
_DAYS_SHOWN = 5


class Outcome(enum.Enum):
    """What the re-check found for one stored record."""

    UNTOUCHED = "untouched"  # its stamped inputs are all the same: not recomputed
    UNCHANGED = "unchanged"  # inputs changed; recomputed, same result
    CHANGED = "changed"  # recomputed: the result is different
    CONFIRMED = "confirmed"  # recomputed: the same date, no longer provisional
    REFUSED = "refused"  # recomputed: the new data gives no answer (see the reason)
    RERUN = "rerun"  # inputs changed, but the record alone cannot be recomputed
    UNREADABLE = "unreadable"  # not a stored result this re-check knows

    def label(self, lang: str = "zh") -> str:
        return _OUTCOME_LABELS[self][0 if is_zh(lang) else 1]


_OUTCOME_LABELS = {
    Outcome.UNTOUCHED: ("数据未变", "inputs unchanged"),
    Outcome.UNCHANGED: ("重算结果不变", "recomputed, same result"),
    Outcome.CHANGED: ("结果改变", "changed"),
    Outcome.CONFIRMED: ("日期不变,已不再是临时推算", "same date, no longer provisional"),
    Outcome.REFUSED: ("无法重算", "no answer now"),
    Outcome.RERUN: ("需重新运行", "re-run needed"),
    Outcome.UNREADABLE: ("无法读取", "unreadable"),
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason, in Chinese and English."""

    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        return self.zh if is_zh(lang) else self.en


@dataclass(frozen=True, slots=True)
class RecheckItem(Recorded):
    """The re-check of one stored record.

    ``position`` is its place in the input (1-based: the line of a JSON Lines file);
    ``kind`` ``deadline``, ``occurrence`` or ``window`` (``""`` when unreadable);
    ``subject`` names it (rule and trigger). ``old_date`` / ``new_date``: the due date
    stored and the one the new data gives (``new_date`` ``None`` unless recomputed).
    """

    position: int
    kind: str
    subject: str
    outcome: Outcome
    old_date: dt.date | None = None
    new_date: dt.date | None = None
    old_provisional: bool = False
    new_provisional: bool = False
    old_verdict: str | None = None
    new_verdict: str | None = None
    reasons: tuple[Reason, ...] = ()
    old_stamp: str = ""
    new_stamp: str = ""

    @property
    def changed(self) -> bool:
        return self.outcome is Outcome.CHANGED

    def summary(self, lang: str = "zh") -> str:
        """``第3条 ogi.reply 2026-12-20:2027-01-19 → 2027-01-20(原因…)``."""
        zh = is_zh(lang)
        head = f"第{self.position}条" if zh else f"#{self.position}"
        if self.subject:
            head = f"{head} {self.subject}"
        dates = ""
        if self.old_date is not None and self.outcome in (
            Outcome.CHANGED,
            Outcome.UNCHANGED,
            Outcome.CONFIRMED,
        ):
            new = self.new_date.isoformat() if self.new_date else "—"
            dates = (
                f"{self.old_date.isoformat()} → {new}"
                if self.outcome is Outcome.CHANGED
                else self.old_date.isoformat()
            )
        if self.old_verdict != self.new_verdict and self.new_verdict is not None:
            before, after = (
                _status_label(self.old_verdict, lang),
                _status_label(self.new_verdict, lang),
            )
            dates += f"(核查:{before} → {after})" if zh else f" (check: {before} → {after})"
        if (
            self.outcome is Outcome.CHANGED
            and self.old_provisional
            and not self.new_provisional
            and self.new_date is not None
        ):
            dates += "(不再是临时推算)" if zh else " (no longer provisional)"
        why = (
            ";".join(r.text(lang) for r in self.reasons)
            if zh
            else "; ".join(r.text(lang) for r in self.reasons)
        )
        label = self.outcome.label(lang)
        if zh:
            return (
                f"{head}:{label}"
                + (f",{dates}" if dates else "")
                + (f"。原因:{why}" if why else "")
            )
        return (
            f"{head}: {label}" + (f", {dates}" if dates else "") + (f". Why: {why}" if why else "")
        )

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> RecheckItemRecord:
        """The item as its JSON record (``reasons`` in ``lang``)."""
        from gov_deadlines.outputs.recheck_records import recheck_item_to_record

        return recheck_item_to_record(self, lang)


def _status_label(value: str | None, lang: str) -> str:
    try:
        return Status(value).label(lang)
    except ValueError:
        return str(value)


class Recheck(list[RecheckItem], Recorded):
    """The re-check of stored records: one item per record, in order, plus counts.

    ``recomputed`` counts the records recomputed (every other one was left alone).
    """

    recomputed: int = 0

    @property
    def changed(self) -> list[RecheckItem]:
        return [item for item in self if item.outcome is Outcome.CHANGED]

    @property
    def needs_attention(self) -> list[RecheckItem]:
        """Changed, refused, to re-run or unreadable: everything but a confirmed result."""
        quiet = (Outcome.UNTOUCHED, Outcome.UNCHANGED)
        return [item for item in self if item.outcome not in quiet]

    def counts(self) -> dict[Outcome, int]:
        found = dict.fromkeys(Outcome, 0)
        for item in self:
            found[item.outcome] += 1
        return found

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> RecheckRecord:
        """``records``, ``recomputed``, the count of each outcome and every item that is
        not ``untouched`` (``explanation``: the untouched ones too)."""
        is_zh(lang)  # a wrong language is refused, not ignored, as by every result
        from gov_deadlines.outputs.recheck_records import recheck_to_record

        return recheck_to_record(self, lang, everything=explanation)


# -- reading stored records ------------------------------------------------------------------


class _Unreadable(Exception):
    """A record recheck cannot read (internal: becomes an ``unreadable`` item)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.reason = Reason(zh, en)


def _as_dict(record: object) -> dict[str, Any]:
    if isinstance(record, str | bytes):
        try:
            record = json.loads(record)
        except json.JSONDecodeError as error:
            raise _Unreadable(json_problem_zh(error), f"not JSON text ({error})") from None
        except ValueError as error:  # not text (bytes of another encoding), too many digits
            raise _Unreadable(f"不是 JSON 文本({error})", f"not JSON text ({error})") from None
        except RecursionError:  # arrays or objects nested deeper than the decoder goes
            raise _Unreadable(
                "不是可读的 JSON 文本(嵌套过深)", "not readable JSON text (nested too deeply)"
            ) from None
    if isinstance(record, Mapping):
        return dict(record)
    if isinstance(record, Deadline | Verdict | Occurrence | WindowVerdict | CaseVerdict):
        data: dict[str, Any] = record.to_record().model_dump(mode="json")
        if isinstance(record, Verdict):
            payload: dict[str, Any] = record.deadline.to_record().model_dump(mode="json")
            payload["verdict"] = data
            return payload
        return data
    dump = getattr(record, "model_dump", None)
    if callable(dump):
        dumped = dump(mode="json")
        if isinstance(dumped, dict):
            return dumped
    raise _Unreadable(
        f"不是可重新核查的结果记录({type(record).__name__})",
        f"not a stored result recheck reads ({type(record).__name__})",
    )


#: The per-case CSV's column names of the cells a re-check reads, in both languages.
_CASE_CELLS = {
    "stamp": ("stamp", "数据版本"),
    "case_id": ("case_id", "编号"),
    "reply_due": ("reply_due", "答复期限"),
    "provisional": ("provisional", "临时推算"),
    "line": ("line", "行号"),
}


def _cell(data: Mapping[str, Any], key: str) -> Any:
    for name in _CASE_CELLS[key]:
        if name in data:
            return data[name]
    return None


def _kind(data: Mapping[str, Any]) -> str:
    if "convention" in data and "due_at" in data and "trigger" in data:
        return "deadline"
    if "duties" in data and "receipt_date" in data and "result" in data:
        return "case"
    if _cell(data, "stamp") is not None and _cell(data, "case_id") is not None:
        return "case-row"  # a row of the per-case CSV
    if "window_start" in data and "entries" in data and "found" in data:
        return "window"
    if "window_start" in data and "applied_rule" in data:
        return "occurrence"
    if "on_time" in data and "done_on" in data and "status" in data:
        return "verdict"  # a Verdict's own record: it holds no trigger to recompute it from
    raise _Unreadable(
        "不是期限、定期任务时段、核查结果或案件核查结果的记录(缺少 due_at/convention、window_start、duties 或 stamp)",
        "not the record of a deadline, a recurring window or its verdict, or an audited "
        "case (no due_at/convention, window_start, duties or stamp)",
    )


def _date(data: Mapping[str, Any], key: str) -> dt.date | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise _Unreadable(
            f"字段 {key} 不是日期:{value!r}", f"{key} is not a date: {value!r}"
        ) from None


def _required(data: Mapping[str, Any], key: str) -> Any:
    if key not in data:
        raise _Unreadable(f"缺少字段 {key}", f"the field {key} is missing")
    return data[key]


def _convention(data: Mapping[str, Any]) -> Mapping[str, Any]:
    convention = _required(data, "convention")
    if not isinstance(convention, Mapping):
        raise _Unreadable(
            f"字段 convention 不是对象:{convention!r}", f"convention is no object: {convention!r}"
        )
    return convention


def _cutoff(text: object) -> dt.time:
    try:
        hour, minute = (int(part) for part in str(text).split(":"))
        return dt.time(hour, minute)
    except ValueError:
        raise _Unreadable(
            f"截止时间 cutoff 不是时刻(如 17:00):{text!r}",
            f"the cutoff is no time of day (such as 17:00): {text!r}",
        ) from None


def _trigger(text: object) -> dt.date | dt.datetime | int:
    value = str(text)
    try:
        if value.isdigit():
            return int(value)
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise _Unreadable(
            f"trigger 不是日期、日期时间或年份:{value!r}",
            f"trigger is no date, date-time or year: {value!r}",
        ) from None


def _stamp(data: Mapping[str, Any]) -> Stamp | None:
    text = data.get("stamp")
    if not text:
        return None
    try:
        return Stamp.parse(str(text))
    except StampError:
        raise _Unreadable(
            f"数据版本戳格式不对:{text!r}(见 docs/vocabulary.md#stamps)",
            f"the stamp is not in the documented form: {text!r} (docs/vocabulary.md#stamps)",
        ) from None


# -- comparing stamps ------------------------------------------------------------------------------


def _same_year(old: YearStamp, new: YearStamp) -> bool:
    """The same days, and provisional (or not) alike: no count over the year can differ."""
    return old.digest == new.digest and (old.kind == "provisional") == (new.kind == "provisional")


def _notice_text(stamp: YearStamp, zh: bool) -> str:
    if stamp.kind == "none":
        return ""
    return f"({stamp.notice})" if zh else f" ({stamp.notice})"


def _year_reason(old: YearStamp, new: YearStamp) -> Reason:
    year = old.year
    if new.kind == "none":
        return Reason(f"{year}年的安排不再载入", f"{year}: no arrangement is loaded any more")
    if new.kind.startswith("provisional"):
        return Reason(
            f"{year}年改为临时推算{_notice_text(new, True)}",
            f"{year} is now provisional{_notice_text(new, False)}",
        )
    if old.kind == "none" or old.kind.startswith("provisional"):
        extra_zh = ",取代临时推算" if old.kind.startswith("provisional") else ""
        extra_en = ", replacing the provisional arrangement" if extra_zh else ""
        return Reason(
            f"已载入{year}年通知{_notice_text(new, True)}{extra_zh}",
            f"{year} notice loaded{_notice_text(new, False)}{extra_en}",
        )
    return Reason(
        f"{year}年安排已变更{_notice_text(new, True)}",
        f"{year} arrangement changed{_notice_text(new, False)}",
    )


_KIND_WORDS = {
    DayKind.WORKDAY: ("工作日", "a working day"),
    DayKind.WEEKEND: ("休息日(周末)", "a weekend day"),
    DayKind.HOLIDAY: ("节假日", "a holiday"),
    DayKind.MAKEUP_WORKDAY: ("调休上班日", "a make-up working day"),
}


_KIND_PLURALS = {
    DayKind.WORKDAY: "working days",
    DayKind.WEEKEND: "weekend days",
    DayKind.HOLIDAY: "holidays",
    DayKind.MAKEUP_WORKDAY: "make-up working days",
}


def _day_reasons(
    year: int,
    old_year: tuple[bool, YearArrangement | None],
    old_next: tuple[bool, YearArrangement | None],
    calendar: WorkCalendar,
    spans: Iterable[DaySpan],
) -> list[Reason]:
    """The days of ``spans`` whose kind the change of ``year``'s arrangement changed."""
    if not (old_year[0] and old_next[0]):
        return []  # the old arrangement is not at hand: the days cannot be named
    new = calendar.arrangements()
    first, last = dt.date(year - 1, 12, 25), dt.date(year, 12, 31)
    changed: list[tuple[dt.date, DayKind]] = []
    for span in spans:
        day = max(span.first, first)
        while day <= min(span.last, last):
            own_year = day.year
            if own_year == year:
                old_kind = arrangement_kind(day, old_year[1], old_next[1])
            else:  # late December of the year before: its own arrangement is unchanged
                old_kind = arrangement_kind(day, new.get(own_year), old_year[1])
            new_kind = arrangement_kind(day, new.get(own_year), new.get(own_year + 1))
            # Only a day that stopped or started being a working day can move a date.
            moved = old_kind.is_workday != new_kind.is_workday
            if moved and (day, new_kind) not in changed:
                changed.append((day, new_kind))
            day += _ONE_DAY
    changed.sort()
    runs: list[list[tuple[dt.date, DayKind]]] = []
    for day, kind in changed:
        if runs and runs[-1][-1][1] is kind and runs[-1][-1][0] + _ONE_DAY == day:
            runs[-1].append((day, kind))
        else:
            runs.append([(day, kind)])
    reasons = [_run_reason(run[0][0], run[-1][0], run[0][1]) for run in runs[:_DAYS_SHOWN]]
    if len(runs) > _DAYS_SHOWN:
        more = sum(len(run) for run in runs[_DAYS_SHOWN:])
        reasons.append(Reason(f"另有{more}天", f"and {more} more day(s)"))
    return reasons


def _run_reason(first: dt.date, last: dt.date, kind: DayKind) -> Reason:
    """``2027-02-09至2027-02-12现为节假日`` / ``… are now holidays``."""
    zh, en = _KIND_WORDS[kind]
    if first == last:
        return Reason(f"{first.isoformat()}现为{zh}", f"{first.isoformat()} is now {en}")
    plural = _KIND_PLURALS[kind]
    return Reason(
        f"{first.isoformat()}至{last.isoformat()}现为{zh}",
        f"{first.isoformat()} to {last.isoformat()} are now {plural}",
    )


def _rules_reasons(old: tuple[RuleStamp, ...], new: tuple[RuleStamp, ...]) -> list[Reason]:
    before = {r.source: r.digest for r in old}
    after = {r.source: r.digest for r in new}
    reasons: list[Reason] = []
    for source in sorted(before.keys() | after.keys()):
        if source not in after:
            reasons.append(
                Reason(f"规则文件 {source} 已不在目录中", f"rule document {source} removed")
            )
        elif source not in before:
            reasons.append(
                Reason(f"新增相关规则文件 {source}", f"rule document {source} now bears on it")
            )
        elif before[source] != after[source]:
            reasons.append(
                Reason(
                    f"规则文件 {source} 的数据已变更", f"the data of rule document {source} changed"
                )
            )
    return reasons


@dataclass
class _Context:
    """The new data, and what a re-check needs to find the old arrangements."""

    calendar: WorkCalendar
    catalogue: Catalogue
    previous: tuple[Mapping[int, YearArrangement], ...]
    recomputed: int = 0
    known: dict[YearStamp, tuple[bool, YearArrangement | None]] = field(default_factory=dict)

    def old_arrangement(self, stamp: YearStamp | None) -> tuple[bool, YearArrangement | None]:
        if stamp is None:
            return False, None
        found = self.known.get(stamp)
        if found is None:
            found = self.known[stamp] = known_arrangement(stamp, self.previous)
        return found


def _changed_years(old: Stamp, ctx: _Context) -> list[tuple[YearStamp, YearStamp]]:
    """The stamped years whose arrangement is not the same now: (old stamp, new stamp)."""
    pairs = [(stamp, ctx.calendar.year_stamp(stamp.year)) for stamp in old.years]
    return [(before, now) for before, now in pairs if not _same_year(before, now)]


def _reasons(
    old: Stamp,
    years: list[tuple[YearStamp, YearStamp]],
    new_rules: tuple[RuleStamp, ...],
    ctx: _Context,
    spans: Iterable[DaySpan],
) -> list[Reason]:
    """Why the stamped inputs differ now: each year (and the days it changed in ``spans``,
    where the old arrangement is at hand), then the rule documents."""
    listed = tuple(spans)
    reasons: list[Reason] = []
    for before, now in years:
        reasons.append(_year_reason(before, now))
        following = old.year(before.year + 1)
        old_next = (
            ctx.old_arrangement(following)
            if following is not None
            else (True, ctx.calendar.arrangements().get(before.year + 1))
        )
        reasons.extend(
            _day_reasons(before.year, ctx.old_arrangement(before), old_next, ctx.calendar, listed)
        )
    reasons.extend(_rules_reasons(old.rules, new_rules))
    return reasons


# -- re-checking each kind of record ------------------------------------------------------------


def _deadline_spans(data: Mapping[str, Any], unit: Unit, ctx: _Context) -> tuple[DaySpan, ...]:
    convention = data.get("convention") or {}
    rule_id = data.get("rule")
    checked = bool(
        rule_id
        and not data.get("receipt_as_recorded")
        and _known_rule(ctx.catalogue, str(rule_id))
        and ctx.catalogue.is_receipt_started(str(rule_id))
    )
    trigger_date = _date(data, "trigger_date") or dt.date.min
    due_date = _date(data, "due_date") or dt.date.min
    return read_spans(
        unit,
        trigger_date,
        due_date,
        roll=bool(convention.get("roll")),
        receipt_checked=checked,
        receipt_date=_date(data, "receipt_date"),
        unrolled_date=_date(data, "unrolled_date"),
        last_workday=_date(data, "last_workday"),
    )


def _known_rule(catalogue: Catalogue, rule_id: str) -> bool:
    try:
        catalogue.rule(rule_id)
    except GovDeadlinesError:
        return False
    return True


def _recompute_deadline(data: Mapping[str, Any], ctx: _Context) -> Deadline:
    convention = _convention(data)
    unit = Unit(convention.get("unit"))
    options: dict[str, Any] = {}
    if unit in (Unit.CALENDAR_DAYS, Unit.MONTHS, Unit.YEARS, Unit.MINIMUM_DURATION):
        options["roll"] = bool(convention.get("roll"))
    if unit is Unit.MINIMUM_DURATION:
        options["posting_day_counts"] = bool(convention.get("posting_day_counts"))
    cutoff = convention.get("cutoff")
    if cutoff:
        options["cutoff"] = _cutoff(cutoff)
    trigger = _trigger(_required(data, "trigger"))
    ctx.recomputed += 1
    rule_id = data.get("asked_rule") or data.get("rule")
    if rule_id:
        policy = (
            ReceiptPolicy.AS_RECORDED
            if data.get("receipt_as_recorded")
            else ReceiptPolicy.NEXT_WORKING_DAY
        )
        return due(
            str(rule_id),
            trigger,
            calendar=ctx.calendar,
            catalogue=ctx.catalogue,
            receipt_policy=policy,
            **options,
        )
    return deadline(trigger, str(_required(data, "period")), calendar=ctx.calendar, **options)


def _done(verdict: Mapping[str, Any]) -> dt.date | dt.datetime | None:
    moment = verdict.get("done_at")
    if moment:
        try:
            return dt.datetime.fromisoformat(str(moment))
        except ValueError:
            raise _Unreadable(
                f"字段 done_at 不是日期时间:{moment!r}", f"done_at is no date-time: {moment!r}"
            ) from None
    return _date(verdict, "done_on")


def _subject(data: Mapping[str, Any], kind: str) -> str:
    rule = data.get("asked_rule") or data.get("rule") or data.get("period") or "?"
    if kind == "deadline":
        return f"{rule} {data.get('trigger', '?')}"
    return f"{rule} {data.get('window_start', '?')}"


def _outcome(different: bool, was_provisional: bool, provisional: bool) -> Outcome:
    """Changed (a date or a verdict, or official data turned provisional), confirmed (the
    same date, official now), or unchanged."""
    if different or (provisional and not was_provisional):
        return Outcome.CHANGED
    if was_provisional and not provisional:
        return Outcome.CONFIRMED
    return Outcome.UNCHANGED


def _check_deadline(position: int, data: Mapping[str, Any], ctx: _Context) -> RecheckItem:
    convention = _convention(data)
    try:
        unit = Unit(convention.get("unit"))
    except ValueError:
        raise _Unreadable(
            f"未知的计算单位 {convention.get('unit')!r}", f"unknown unit {convention.get('unit')!r}"
        ) from None
    old_date = _date(data, "due_date")
    if old_date is None:
        raise _Unreadable("缺少字段 due_date", "the field due_date is missing")
    verdict = data.get("verdict") if isinstance(data.get("verdict"), Mapping) else None
    item = RecheckItem(
        position,
        "deadline",
        _subject(data, "deadline"),
        Outcome.UNTOUCHED,
        old_date=old_date,
        old_provisional=bool(data.get("provisional")),
        old_verdict=str(verdict.get("status")) if verdict else None,
        old_stamp=str(data.get("stamp") or ""),
    )
    old = _stamp(data)
    rule_id = data.get("rule")
    new_rules: tuple[RuleStamp, ...] = ()
    if rule_id and _known_rule(ctx.catalogue, str(rule_id)):
        new_rules = ctx.catalogue.rule_stamps(ctx.catalogue.rule(str(rule_id)))
    years = _changed_years(old, ctx) if old is not None else []
    if old is not None and not years and old.rules == new_rules:
        return item
    spans = _deadline_spans(data, unit, ctx)
    try:
        result = _recompute_deadline(data, ctx)
        done = _done(verdict) if verdict else None
        new_verdict = check(result, done).status.value if done is not None else None
    except GovDeadlinesError as error:
        reasons = _reasons(old, years, new_rules, ctx, spans) if old is not None else []
        return dataclasses.replace(
            item,
            outcome=Outcome.REFUSED,
            reasons=(*reasons, Reason(error.message("zh"), error.message("en"))),
        )
    if old is None:
        reasons = [Reason("记录没有数据版本戳,已重新计算", "the record has no stamp: recomputed")]
    else:
        reasons = _reasons(old, years, new_rules, ctx, (*spans, *result.read_spans()))
    outcome = _outcome(
        result.due_date != old_date
        or (new_verdict is not None and new_verdict != item.old_verdict),
        item.old_provisional,
        result.provisional,
    )
    return dataclasses.replace(
        item,
        outcome=outcome,
        new_date=result.due_date,
        new_provisional=result.provisional,
        new_verdict=new_verdict,
        reasons=tuple(reasons),
        new_stamp=result.stamp.text(),
    )


def _check_window(position: int, data: Mapping[str, Any], ctx: _Context, kind: str) -> RecheckItem:
    old_date = _date(data, "due_date")
    rule_id = str(_required(data, "rule"))
    item = RecheckItem(
        position,
        kind,
        _subject(data, kind),
        Outcome.UNTOUCHED,
        old_date=old_date,
        old_provisional=bool(data.get("provisional")),
        old_stamp=str(data.get("stamp") or ""),
    )
    old = _stamp(data)
    new_rules = (
        ctx.catalogue.rule_stamps(ctx.catalogue.rule(rule_id))
        if _known_rule(ctx.catalogue, rule_id)
        else ()
    )
    last = _date(data, "last_workday")
    spans = (DaySpan(last or old_date, old_date),) if old_date is not None else ()
    if old is None:
        reasons = [Reason("记录没有数据版本戳,已重新计算", "the record has no stamp: recomputed")]
    else:
        years = _changed_years(old, ctx)
        if not years and old.rules == new_rules:
            return item
        reasons = _reasons(old, years, new_rules, ctx, spans)
    if kind == "window":
        reasons.append(
            Reason(
                "核查结果取决于整份工作记录,请用新日历重新运行 check-log",
                "a window's verdict depends on the whole log: run check-log again",
            )
        )
        return dataclasses.replace(item, outcome=Outcome.RERUN, reasons=tuple(reasons))
    year = _year(_required(data, "year"))
    start = _date(data, "window_start")
    try:
        ctx.recomputed += 1
        found = [
            occ
            for occ in schedule(
                year, rules=[rule_id], calendar=ctx.calendar, catalogue=ctx.catalogue
            )
            if occ.window_start == start
        ]
    except GovDeadlinesError as error:
        return dataclasses.replace(
            item,
            outcome=Outcome.REFUSED,
            reasons=(*reasons, Reason(error.message("zh"), error.message("en"))),
        )
    if not found:
        reasons.append(
            Reason("按新数据该时段已不是一项任务", "with the new data the window is no duty")
        )
        return dataclasses.replace(item, outcome=Outcome.CHANGED, reasons=tuple(reasons))
    occ = found[0]
    outcome = _outcome(
        occ.due_date != old_date or occ.last_workday != last, item.old_provisional, occ.provisional
    )
    return dataclasses.replace(
        item,
        outcome=outcome,
        new_date=occ.due_date,
        new_provisional=occ.provisional,
        reasons=tuple(reasons),
        new_stamp=occ.stamp.text(),
    )


def _year(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise _Unreadable(f"字段 year 不是年份:{value!r}", f"year is no year: {value!r}") from None


def _check_case(position: int, data: Mapping[str, Any], ctx: _Context, kind: str) -> RecheckItem:
    """An audited case: left alone when its stamp is untouched, else to audit again (the
    record does not hold the whole history the clock needs)."""
    if kind == "case":
        listed = data.get("duties")
        duties = [d for d in listed if isinstance(d, Mapping)] if isinstance(listed, list) else []
        reply = next((d for d in reversed(duties) if d.get("duty") == "reply"), None)
        old_date = _date(reply, "due_date") if reply is not None else None
        subject = f"{data.get('case_id', '?')} {data.get('receipt_date', '?')}"
        provisional = bool(data.get("provisional"))
        stamped = data.get("stamp")
    else:
        old_date = _date({"reply_due": _cell(data, "reply_due")}, "reply_due")
        subject = f"{_cell(data, 'case_id')}"
        provisional = str(_cell(data, "provisional")) in ("是", "yes", "True", "true")
        stamped = _cell(data, "stamp")
    item = RecheckItem(
        position,
        "case",
        subject,
        Outcome.UNTOUCHED,
        old_date=old_date,
        old_provisional=provisional,
        old_stamp=str(stamped or ""),
    )
    reply_rules = (
        ctx.catalogue.rule_stamps(ctx.catalogue.rule("ogi.reply"))
        if _known_rule(ctx.catalogue, "ogi.reply")
        else ()
    )
    return _untouched_or_rerun(
        item,
        _stamp({"stamp": stamped}),
        lambda _: reply_rules,
        ctx,
        Reason(
            "案件的核查取决于其全部办理记录,请用新日历重新运行 audit",
            "a case's audit depends on its whole history: run audit again",
        ),
    )


def _check_verdict(position: int, data: Mapping[str, Any], ctx: _Context) -> RecheckItem:
    """A verdict stored as its own record (``Verdict.to_record()``): left alone when its
    stamp is untouched, else to check again — its record names neither the rule nor the
    trigger (the deadline's record, with its ``verdict``, can be recomputed)."""
    item = RecheckItem(
        position,
        "verdict",
        f"{data.get('due_date', '?')} {data.get('done_on', '?')}",
        Outcome.UNTOUCHED,
        old_date=_date(data, "due_date"),
        old_provisional=bool(data.get("provisional")),
        old_verdict=str(data.get("status") or "") or None,
        old_stamp=str(data.get("stamp") or ""),
    )
    sources = ctx.catalogue.source_stamps()
    return _untouched_or_rerun(
        item,
        _stamp(data),
        lambda old: tuple(sources[r.source] for r in old.rules if r.source in sources),
        ctx,
        Reason(
            "核查结果的记录不含规则与起算日,请用新日历重新核查(或保存期限的记录及其 verdict)",
            "a verdict's record holds neither the rule nor the trigger: check it again with the "
            "new data (or store the deadline's record, with its verdict)",
        ),
    )


def _untouched_or_rerun(
    item: RecheckItem,
    old: Stamp | None,
    new_rules_of: Callable[[Stamp], tuple[RuleStamp, ...]],
    ctx: _Context,
    why: Reason,
) -> RecheckItem:
    """A stored result that cannot be recomputed from its record: ``item`` itself (untouched)
    when its stamp's years and rule documents are today's (``new_rules_of(old)``), else to
    be rerun, with the reasons and ``why``."""
    if old is None:
        reasons = [Reason("记录没有数据版本戳,无法判断", "the record has no stamp to compare")]
    else:
        new_rules = new_rules_of(old)
        years = _changed_years(old, ctx)
        if not years and old.rules == new_rules:
            return item
        reasons = _reasons(old, years, new_rules, ctx, ())
    reasons.append(why)
    return dataclasses.replace(item, outcome=Outcome.RERUN, reasons=tuple(reasons))


def recheck(
    records: Iterable[object],
    *,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
    previous: Iterable[WorkCalendar] = (),
) -> Recheck:
    """Which stored results the new ``calendar`` and ``catalogue`` change, and why.

    ``records`` are results (``Deadline``, ``Verdict``, ``Occurrence``, ``WindowVerdict``,
    ``CaseVerdict``), their JSON records as dicts (``result.to_record().model_dump(
    mode="json")``; a ``Verdict``'s own record, which names no trigger, is reported
    ``rerun`` when its data changed) or as JSON text (a line of the JSON Lines a program
    stored), or rows of the audit's per-case CSV as dicts (a case is reported ``rerun`` when its data changed:
    its record does not hold the whole history to recompute it). A record whose stamped calendar years and rule
    documents are all the same in the new data is not recomputed; every other one is (see
    the module's documentation). ``previous``: calendars the results may have been made
    with (overlays no longer at hand), so that a reason can name the days that changed;
    the bundled data and the provisional years are always known.
    """
    cal = calendar if calendar is not None else default_calendar()
    if not isinstance(cal, WorkCalendar):
        raise ArgumentTypeError(
            "calendar", calendar, "a WorkCalendar (default_calendar())", "工作日历(WorkCalendar)"
        )
    cat = catalogue if catalogue is not None else default_catalogue()
    if not isinstance(cat, Catalogue):
        raise ArgumentTypeError("catalogue", catalogue, "a Catalogue", "规则目录(Catalogue)")
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        raise ArgumentTypeError(
            "records",
            records,
            "an iterable of results or of their JSON records (dicts)",
            "结果或其JSON记录的序列",
        )
    ctx = _Context(cal, cat, tuple(p.arrangements() for p in previous))
    result = Recheck()
    for position, record in enumerate(records, start=1):
        try:
            data = _as_dict(record)
            kind = _kind(data)
            if kind == "deadline":
                item = _check_deadline(position, data, ctx)
            elif kind in ("case", "case-row"):
                item = _check_case(position, data, ctx, kind)
            elif kind == "verdict":
                item = _check_verdict(position, data, ctx)
            else:
                item = _check_window(position, data, ctx, kind)
        except _Unreadable as problem:
            item = RecheckItem(position, "", "", Outcome.UNREADABLE, reasons=(problem.reason,))
        result.append(item)
    result.recomputed = ctx.recomputed
    return result
