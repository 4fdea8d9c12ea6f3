"""The catalogue-level API: ``rules``, ``rule``, ``due``, ``check_due`` and ``deadlines_for``.

``due("ogi.reply", received)`` picks the version of the rule in force on the trigger date
(2008 or 2019), follows delegations ("the statutory limit"), and returns a
:class:`~gov_deadlines.deadline.Deadline` whose explanation opens with the rule's document,
clause and quoted words.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gov_deadlines.calendar.workcalendar import WorkCalendar, default_calendar
from gov_deadlines.catalogue.loading import default_catalogue
from gov_deadlines.catalogue.model import KIND_LABELS, PolicyNote, Rule
from gov_deadlines.catalogue.receipt import (
    ReceiptNote,
    ReceiptPolicy,
    effective_receipt,
)
from gov_deadlines.catalogue.store import Catalogue
from gov_deadlines.counting.conventions import split_trigger
from gov_deadlines.counting.deadlines import Deadline, Note, deadline
from gov_deadlines.counting.periods import FixedDate, Period
from gov_deadlines.counting.verdict import Verdict, check
from gov_deadlines.errors import (
    ArgumentTypeError,
    CalendarCoverageError,
    GovDeadlinesError,
    NotInForceError,
    RuleKindError,
    TriggerError,
    UnquantifiedRuleError,
)
from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import Lang, Recorded, is_zh

if TYPE_CHECKING:
    from gov_deadlines.catalogue.records import EventDeadlinesRecord


def rules(
    *,
    sources: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    trigger: str | None = None,
    words: str | None = None,
    catalogue: Catalogue | None = None,
) -> list[Rule]:
    """All rules, or those of the given source(s), kind(s), trigger event, or words."""
    return (catalogue or default_catalogue()).rules(
        sources=sources, kind=kind, trigger=trigger, words=words
    )


def rule(rule_id: str, *, catalogue: Catalogue | None = None) -> Rule:
    """The rule with this id (a family id such as ``ogi.reply`` gives its newest version)."""
    return (catalogue or default_catalogue()).rule(rule_id)


def _year_of(trigger: object) -> int:
    if isinstance(trigger, numbers.Integral) and not isinstance(trigger, bool):
        return int(trigger)
    return split_trigger(trigger)[0].year


@frozen(slots=False)
class VersionNote:
    """Which version of a versioned rule applied, and on what basis (rendered on demand)."""

    family: str
    chosen: Rule
    basis: dt.date | int
    #: ``basis`` is a receipt the rest-day receipt policy moved off a rest day.
    moved_receipt: bool = False

    def __init__(
        self, family: str, chosen: Rule, basis: dt.date | int, moved_receipt: bool = False
    ) -> None:
        # One update of the instance dict, not object.__setattr__ per field (as Deadline:
        # one is built by every due()); fields and parameters held equal by a test.
        self.__dict__.update(
            {"family": family, "chosen": chosen, "basis": basis, "moved_receipt": moved_receipt}
        )

    def text(self, lang: str = "zh") -> str:
        src = self.chosen.source
        if isinstance(self.basis, int):
            basis_zh, basis_en = f"{self.basis}年", f"the year {self.basis}"
        elif self.moved_receipt:
            day = self.basis.isoformat()
            basis_zh = f"顺延后的收到申请日{day}"
            basis_en = f"the receipt date {day} (moved off a rest day)"
        else:
            day = self.basis.isoformat()
            basis_zh, basis_en = f"起算日{day}", f"the trigger date {day}"
        start = src.effective_from or "…"
        if is_zh(lang):
            until = f",{src.effective_until}止" if src.effective_until else ""
            return (
                f"版本:{self.family} 按{basis_zh}适用 {self.chosen.id}"
                f"({src.title},{start}起施行{until})。"
            )
        until = f" until {src.effective_until}" if src.effective_until else ""
        return (
            f"Version: {self.family} for {basis_en} is {self.chosen.id} "
            f"({src.title_en}, in force from {start}{until})."
        )


@frozen
class DelegationNote:
    """The rule applies the limit of another (national) rule."""

    target: Rule

    def __init__(self, target: Rule) -> None:
        object.__setattr__(self, "target", target)

    def text(self, lang: str = "zh") -> str:
        target = self.target
        if is_zh(lang):
            return (
                f"该规则适用法定时限,见 {target.id}:{target.source.cite('zh')} {target.clause}"
                f"“{target.quote}”{target.unverified_mark('zh')}"
            )
        return (
            f"This rule applies the statutory limit of {target.id}: "
            f"{target.source.cite('en')}, {target.clause}."
        )


@frozen
class NotInForceNote:
    """A version was asked for by id on a date it was not in force."""

    rule: Rule
    when: dt.date

    def __init__(self, rule: Rule, when: dt.date) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "when", when)

    def text(self, lang: str = "zh") -> str:
        rule, day = self.rule, self.when.isoformat()
        if is_zh(lang):
            return (
                f"注意:{rule.id} 在{day}尚未施行或已失效;"
                f"如需按当时有效的版本计算,请使用 {rule.family or rule.id}。"
            )
        return (
            f"Note: {rule.id} was not in force on {day}; use {rule.family or rule.id} "
            "for the version in force then."
        )


def _version(
    cat: Catalogue, family: str, trigger: object, moved_receipt: bool = False
) -> tuple[Rule, VersionNote]:
    """The version of ``family`` in force for ``trigger``, and a note saying why
    (``moved_receipt``: ``trigger`` is a receipt the rest-day receipt policy moved)."""
    chosen: Rule | None = None
    basis: dt.date | int
    versions = cat.family_versions(family)
    if versions[0].fixed:
        basis = year = _year_of(trigger)
        for version in versions:
            if version.first_year <= year and (
                version.until is None or version.due_on(year) <= version.until
            ):
                chosen = version.rule
    else:
        basis = when = trigger if type(trigger) is dt.date else split_trigger(trigger)[0]
        for version in versions:
            if version.start <= when and (version.until is None or when <= version.until):
                chosen = version.rule
    if chosen is None:
        raise NotInForceError(family, trigger, [v.rule.id for v in versions])
    return chosen, VersionNote(family, chosen, basis, moved_receipt)


def _resolve(
    cat: Catalogue, rule_id: str, trigger: object, moved_receipt: bool = False
) -> tuple[Rule, Rule, tuple[Note, ...]]:
    """The rule asked for, the rule whose period applies, and the notes on how it was found
    (``moved_receipt``: as :func:`_version`, for every version chosen)."""
    notes: list[Note] = []
    if cat.is_family(rule_id):
        asked, note = _version(cat, rule_id, trigger, moved_receipt)
        if asked.delegates_to is None:
            return asked, asked, (note,)  # the commonest answer: no list, no loop
        notes.append(note)
    else:
        asked = cat.rule(rule_id)
        if asked.family is not None and asked.kind != "fixed-date" and not isinstance(trigger, int):
            when = split_trigger(trigger)[0]
            if not asked.source.in_force(when):
                notes.append(NotInForceNote(asked, when))
    applied = asked
    seen = {asked.id}
    while applied.delegates_to is not None:
        target_id = applied.delegates_to
        version_note: VersionNote | None = None
        if cat.is_family(target_id):
            target, version_note = _version(cat, target_id, trigger, moved_receipt)
        else:
            target = cat.rule(target_id)
        if target.id in seen:
            raise RuleKindError(
                asked.id,
                asked.kind,
                kind_zh=KIND_LABELS[asked.kind][0],
                kind_en=KIND_LABELS[asked.kind][1],
                operation="deadline",
                operation_zh="期限",
                hint="its delegations form a loop",
                hint_zh="其引用关系形成循环",
            )
        seen.add(target.id)
        notes.append(DelegationNote(target))
        if version_note is not None:
            notes.append(version_note)
        applied = target
    return asked, applied, tuple(notes)


#: Looked up once, not per due() (an enum member through its class costs two look-ups).
_NEXT_WORKING_DAY = ReceiptPolicy.NEXT_WORKING_DAY
_AS_RECORDED = ReceiptPolicy.AS_RECORDED


def due(
    rule_id: str,
    trigger: dt.date | dt.datetime | int,
    *,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
    roll: bool | None = None,
    posting_day_counts: bool | None = None,
    cutoff: dt.time | None = None,
    receipt_policy: ReceiptPolicy = ReceiptPolicy.NEXT_WORKING_DAY,
) -> Deadline:
    """The deadline of a catalogue rule from ``trigger``.

    Deadline and minimum-duration rules take the triggering date or datetime; fixed-date
    rules take the year (or a date in it). ``roll``, ``posting_day_counts`` and ``cutoff``
    are those of :func:`~gov_deadlines.counting.deadline` (``None``: the convention's
    default). Unquantified rules raise :class:`~gov_deadlines.errors.UnquantifiedRuleError`;
    cadence and quota rules have windows, not a deadline (see :func:`rule_windows`).
    A rule started by a receipt (``ogi.reply``: the application received) follows the
    rest-day receipt policy, as the case audit does: by default a receipt dated on a rest
    day counts from the next working day — the version is chosen and the period counted
    from there, ``receipt_date`` says so and the explanation names the policy;
    ``receipt_policy=ReceiptPolicy.AS_RECORDED`` counts from the date given.
    """
    # The arguments, checked and normalised once (identity and type tests first: a plain
    # date, the built-in catalogue and the default policy pass them at once) ...
    if type(rule_id) is not str and not isinstance(rule_id, str):
        raise ArgumentTypeError(
            "rule_id", rule_id, "a rule id (str), e.g. 'ogi.reply'", "规则编号,如 ogi.reply"
        )
    day: dt.date | None
    if type(trigger) is dt.date:
        day = trigger
    elif isinstance(trigger, dt.date):
        day = None  # its Beijing date, once the other arguments are known to be sound
    elif isinstance(trigger, numbers.Integral) and not isinstance(trigger, bool):
        trigger = int(trigger)  # a numpy year from a data frame is the year itself
        day = None
    else:
        raise ArgumentTypeError(
            "trigger",
            trigger,
            "a datetime.date, a datetime.datetime, or a year (int) for yearly rules",
            "日期、日期时间,或年度规则的年份",
        )
    if catalogue is None:
        cat = default_catalogue()
    elif isinstance(catalogue, Catalogue):
        cat = catalogue
    else:
        raise ArgumentTypeError("catalogue", catalogue, "a Catalogue", "规则目录(Catalogue)")
    if receipt_policy is not _NEXT_WORKING_DAY and receipt_policy is not _AS_RECORDED:
        raise ArgumentTypeError(
            "receipt_policy",
            receipt_policy,
            "a ReceiptPolicy (NEXT_WORKING_DAY or AS_RECORDED)",
            "收到日政策(ReceiptPolicy.NEXT_WORKING_DAY 或 ReceiptPolicy.AS_RECORDED)",
        )
    if day is None and not isinstance(trigger, int):
        day = split_trigger(trigger)[0]
    # ... then the same steps for every question: the receipt, the version, the notes,
    # the rule's kind, the count.
    cal = default_calendar() if calendar is None else calendar
    receipt_started = cat.is_receipt_started(rule_id)
    moved = None
    if receipt_started and day is not None:
        moved = _moved_receipt(cat, rule_id, day, cal, receipt_policy)
    start = trigger if moved is None else moved
    asked, applied, notes = _resolve(cat, rule_id, start, moved is not None)
    notes += _policy_notes(cat, asked, day, moved)
    period = _countable_period(cat, rule_id, asked, applied, trigger)
    return deadline(
        start,
        period,
        calendar=cal,
        roll=roll,
        posting_day_counts=posting_day_counts,
        cutoff=cutoff,
        rule=asked,
        notes=notes,
        catalogue=cat,
        asked_rule=rule_id,
        recorded=None if moved is None else _as_recorded(trigger, day),
        receipt_as_recorded=receipt_started and receipt_policy is _AS_RECORDED,
    )


def _as_recorded(trigger: object, day: dt.date | None) -> dt.date | dt.datetime:
    """The receipt as given: its Beijing instant when it has a time, else its date."""
    moment = None if type(trigger) is dt.date else split_trigger(trigger)[1]
    assert day is not None  # a moved receipt is a date or a datetime
    return moment or day


def _moved_receipt(
    cat: Catalogue, rule_id: str, day: dt.date, calendar: object, policy: ReceiptPolicy
) -> dt.date | None:
    """The day a receipt on ``day`` counts from, for a rule started by a receipt (data:
    ``receipt = true`` on its trigger event), if the policy moves it; else ``None``."""
    if not isinstance(calendar, WorkCalendar):
        raise ArgumentTypeError(
            "calendar", calendar, "a WorkCalendar (default_calendar())", "工作日历(WorkCalendar)"
        )
    try:
        moved, was_moved = effective_receipt(day, policy, calendar)
    except CalendarCoverageError:
        # Whether that day was a rest day is unknown: no answer — unless no version of the
        # rule was in force then at all (the case audit refuses such a receipt too).
        _resolve(cat, rule_id, day)
        raise
    return moved if was_moved else None


def _policy_notes(
    cat: Catalogue, rule: Rule, recorded: dt.date | None, moved: dt.date | None
) -> tuple[PolicyNote | ReceiptNote, ...]:
    """The library's policies that decide this rule's date in ``due``: the rest-day receipt
    policy when it moved the receipt ``recorded`` to ``moved``, and the rule's other ``due``
    policies always (both worked out once per catalogue)."""
    if moved is None:
        return cat.due_policy_notes(rule)
    assert recorded is not None  # only a date is moved
    return (ReceiptNote(recorded, moved), *cat.due_policy_notes(rule, moved_receipt=True))


def _countable_period(
    cat: Catalogue, rule_id: str, asked: Rule, applied: Rule, trigger: object
) -> Period:
    """The period of ``applied`` that ``due`` counts, or the error saying why there is none
    (no period, a rule of windows, a yearly duty before its rule existed)."""
    kind = applied.kind
    if kind == "unquantified":
        raise UnquantifiedRuleError(asked.id, asked.quote, applied.national_default)
    if kind == "cadence" or kind == "quota":
        raise RuleKindError(
            asked.id,
            kind,
            kind_zh=KIND_LABELS[kind][0],
            kind_en=KIND_LABELS[kind][1],
            operation="single due date",
            operation_zh="单一的截止日期",
            hint="it sets windows of the year: see each window's due date with "
            "`gov-deadlines schedule YEAR`",
            hint_zh="该规则按年度内的各期窗口要求,请用 gov-deadlines schedule 年份 查看各期截止日期",
        )
    period = applied.typed_period
    assert period is not None
    if isinstance(period, FixedDate) and period.every_year:
        year = _year_of(trigger)
        if not cat.is_family(rule_id):
            first = applied.first_year or (
                applied.source.date.year if applied.source.date else year
            )
            if year < first:
                raise NotInForceError(asked.id, year, [f"{applied.id} (from {first})"])
        # A yearly duty of a local document starts with the document: the 2024 Juyuan plan
        # (2024-04-19) cannot have required the report due 2024-01-31.
        if asked.source.date is not None and period.on(year) < asked.source.date:
            raise NotInForceError(asked.id, year, [f"{asked.id} (from {asked.source.date})"])
    return period


def check_due(
    rule_id: str,
    trigger: dt.date | dt.datetime | int,
    done_at: dt.date | dt.datetime,
    *,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
    roll: bool | None = None,
    posting_day_counts: bool | None = None,
    cutoff: dt.time | None = None,
    receipt_policy: ReceiptPolicy = ReceiptPolicy.NEXT_WORKING_DAY,
) -> Verdict:
    """Judge ``done_at`` against the deadline of a catalogue rule from ``trigger``:
    :func:`due`, then :func:`~gov_deadlines.counting.check` (same arguments as ``due``)."""
    found = due(
        rule_id,
        trigger,
        calendar=calendar,
        catalogue=catalogue,
        roll=roll,
        posting_day_counts=posting_day_counts,
        cutoff=cutoff,
        receipt_policy=receipt_policy,
    )
    return check(found, done_at)


@frozen
class NotComputed:
    """A rule an event starts whose deadline could not be computed, and why."""

    rule: Rule
    error: GovDeadlinesError

    def __init__(self, rule: Rule, error: GovDeadlinesError) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "error", error)

    def reason(self, lang: str = "zh") -> str:
        return self.error.message(lang)


class EventDeadlines(list[Deadline], Recorded):
    """The deadlines an event starts (a list), plus the rules that could not be computed.

    ``not_computed`` holds, with the reason, every rule the event starts whose deadline
    has no answer here: an hour rule (e.g. "24小时内转载") when the event was given as a
    bare date, or a deadline past the calendar's horizon. They are reported, never dropped.
    """

    not_computed: tuple[NotComputed, ...] = ()
    #: The event and its time, as asked (set by :func:`deadlines_for`).
    event: str = ""
    trigger: dt.date | dt.datetime = dt.date.min

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> EventDeadlinesRecord:
        """``event``, ``when``, ``deadlines`` (their records) and ``not_computed``."""
        is_zh(lang)  # a wrong language is refused, not ignored, as by every result
        from gov_deadlines.catalogue.records import event_deadlines_to_record

        return event_deadlines_to_record(self, lang, explanation=explanation)

    @property
    def needs_time(self) -> tuple[Rule, ...]:
        return tuple(n.rule for n in self.not_computed if isinstance(n.error, TriggerError))

    def by_source(self) -> dict[str, list[Deadline]]:
        grouped: dict[str, list[Deadline]] = {}
        for item in self:
            assert item.rule is not None
            grouped.setdefault(item.rule.source.id, []).append(item)
        return grouped


def deadlines_for(
    event: str,
    trigger: dt.date | dt.datetime,
    *,
    sources: str | Iterable[str] | None = None,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
    receipt_policy: ReceiptPolicy = ReceiptPolicy.NEXT_WORKING_DAY,
) -> EventDeadlines:
    """Every deadline that ``event`` starts at ``trigger``, grouped by source.

    Versioned national rules contribute only the version in force; an event also starts
    the rules of the events it implies (a document issued is information formed).
    ``receipt_policy`` is that of :func:`due` (an application received on a rest day).
    """
    cat = catalogue or default_catalogue()
    start = cat.event(event)
    wanted = {start.id, *start.implies}
    day = split_trigger(trigger)[0]
    chosen: list[Rule] = []
    families_done: set[str] = set()
    for item in cat.rules(sources=sources, kind=("deadline", "min-duration")):
        if item.trigger not in wanted:
            continue
        if not item.family and not item.source.in_force(day):
            # A rule of a regulation not (yet, or no longer) in force starts nothing, e.g.
            # ogi-2019.supplement-notice for an application received in 2018.
            continue
        if item.family:
            if item.family in families_done:
                continue
            families_done.add(item.family)
            chosen.append(item)  # resolved to the version in force below
        else:
            chosen.append(item)
    result = EventDeadlines()
    skipped: list[NotComputed] = []
    for item in sorted(chosen, key=lambda r: (r.source.id, r.id)):
        rule_id = item.family or item.id
        try:
            # A family stands for the version in force then: name that one if it fails.
            applies = _version(cat, item.family, trigger)[0] if item.family else item
            result.append(
                due(
                    rule_id,
                    trigger,
                    calendar=calendar,
                    catalogue=cat,
                    receipt_policy=receipt_policy,
                )
            )
        except NotInForceError:
            continue  # no version of this national rule existed then: it starts nothing
        except (TriggerError, CalendarCoverageError) as error:
            skipped.append(NotComputed(applies, error))
    result.sort(key=lambda d: (d.rule.source.id if d.rule else "", d.due_at))
    result.not_computed = tuple(skipped)
    result.event, result.trigger = event, trigger
    return result
