"""The verdict on one case: its receipt, version, duties and findings, and their texts.

A :class:`CaseVerdict` gathers the duties and findings (:mod:`gov_deadlines.cases.duties`)
the clock (:mod:`gov_deadlines.cases.clock`) worked out for one case; its step-by-step
explanation is rendered on demand by :mod:`gov_deadlines.cases.explain`. The public names
are re-exported by :mod:`gov_deadlines.cases`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.cases.duties import Duty, DutyKind, Finding
from gov_deadlines.cases.explain import explain_lines
from gov_deadlines.cases.model import RECEIPT_FIELDS, CaseFacts, Channel
from gov_deadlines.cases.record import SignedBy
from gov_deadlines.cases.stamping import case_stamp
from gov_deadlines.cases.versions import ExcludedSpan, ReplyVersion
from gov_deadlines.stamps import Stamp
from gov_deadlines.vocabulary import CaseResult, Lang, Recorded, is_zh

if TYPE_CHECKING:
    from gov_deadlines.cases.clock_record import CaseRecord
    from gov_deadlines.cases.records import CaseVerdictRecord

__all__ = ["CaseVerdict"]


# -- the verdict on a case ------------------------------------------------------------------------


class CaseVerdict(Recorded):
    """The audit of one case: its receipt, version, duties and findings. Read-only: a view of
    the clock's :class:`~gov_deadlines.cases.clock_record.CaseRecord`, whose values it turns into
    dates, :class:`Duty` and :class:`ExcludedSpan` objects when they are read.

    ``notes`` holds the findings of the clock; :attr:`findings` adds, first, the notes on
    how the receipt date was read (assumed from another date, moved off a rest day).

    ``result`` sums the case up, worst first: ``late`` (a duty done late or overdue),
    ``problem`` (no lateness, but an extension longer than allowed), ``undetermined`` (the
    calendar lacks data), ``open`` (a duty pending or its clock not running) or ``ok``.

    ``duties`` holds the 补正 notice (when a correction was asked for, 2019 only), the
    extension (when one is recorded) and the reply, in that order. The explanation is
    rendered on demand by :meth:`explain`.
    """

    __slots__ = ("_duties", "record")

    #: What the clock worked out (:class:`~gov_deadlines.cases.clock_record.CaseRecord`).
    record: CaseRecord

    def __init__(self, record: CaseRecord) -> None:
        self.record = record
        self._duties: tuple[Duty, ...] | None = None

    def __repr__(self) -> str:
        # the reply's due date as its type shows it: ProvisionalDate(…) when provisional
        return (
            f"CaseVerdict(case_id={self.case_id!r}, result={self.result.value!r}, "
            f"reply_due_date={self.reply_due_date!r}, provisional={self.provisional})"
        )

    # -- the record's values, as dates and objects ---------------------------------------------

    @property
    def case_id(self) -> str:
        return self.record.case_id

    @property
    def stamp(self) -> Stamp:
        """The data the verdict rests on: the calendar years the clock read and the rule
        documents of the 条例 (:func:`~gov_deadlines.cases.stamping.case_stamp`)."""
        return case_stamp(self.record)

    @property
    def channel(self) -> Channel:
        return self.record.channel

    @property
    def receipt_date(self) -> dt.date:
        """The day the application counts as received (after the rest-day policy)."""
        record = self.record
        if record.receipt == record.raw:
            return self.recorded_receipt_date
        return record.clock.days.date(record.receipt)

    @property
    def recorded_receipt_date(self) -> dt.date:
        record = self.record
        return record.clock.days.date(record.raw)

    @property
    def receipt_field(self) -> str:
        return self.record.basis

    @property
    def receipt_assumed(self) -> bool:
        return self.record.assumed

    @property
    def version(self) -> str:
        return self.record.version.label

    @property
    def reply_version(self) -> ReplyVersion:
        return self.record.version

    @property
    def clock_start(self) -> dt.date | None:
        record = self.record
        if record.start is not None and record.start == record.receipt:
            return self.receipt_date
        return record.clock.days.maybe_date(record.start)

    @property
    def base_due_date(self) -> dt.date | None:
        record = self.record
        return record.clock.days.maybe_date(record.base_due)

    @property
    def excluded_workdays(self) -> int:
        return self.record.excluded

    @property
    def extension_workdays(self) -> int:
        return self.record.extension_days

    @property
    def duties(self) -> tuple[Duty, ...]:
        duties = self._duties
        if duties is None:
            days = self.record.clock.days
            duties = self._duties = tuple(
                Duty(
                    kind,
                    days.maybe_date(due),
                    days.maybe_date(done),
                    status,
                    late_by_workdays,
                    late_by_days,
                    remaining,
                    provisional,
                )
                for kind, due, done, status, late_by_workdays, late_by_days, remaining, provisional in self.record.duties
            )
        return duties

    @property
    def notes(self) -> tuple[Finding, ...]:
        return self.record.notes

    @property
    def result(self) -> CaseResult:
        return self.record.result

    @property
    def as_of(self) -> dt.date | None:
        return self.record.clock.as_of

    @property
    def facts(self) -> CaseFacts:
        return self.record.facts

    @property
    def calendar(self) -> WorkCalendar:
        return self.record.clock.calendar

    @property
    def spans(self) -> tuple[ExcludedSpan, ...]:
        """The consultations whose time the clock excluded."""
        date = self.record.clock.days.date
        return tuple(
            ExcludedSpan(
                party, date(sent), None if answered is None else date(answered), date(end), capped
            )
            for party, sent, answered, end, capped in self.record.spans
        )

    # -- looking things up ------------------------------------------------------------------

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding: how the receipt was read (assumed, moved), then :attr:`notes`."""
        derived: list[Finding] = []
        record = self.record
        channel = record.channel
        if record.assumed and not (
            # a guard-signed letter without its confirmation: finding confirmation_missing
            # (who signed is read from the row's facts: only here are its cells read again)
            (channel is Channel.REGISTERED_POST and record.facts.signed_by is SignedBy.OTHER)
            # an e-mail under 2019 without its confirmation: email_confirmation_missing
            or (channel is Channel.EMAIL and record.basis in ("email_received", "submitted"))
        ):
            derived.append(
                Finding(
                    "receipt_assumed",
                    (
                        self.channel,
                        RECEIPT_FIELDS[self.channel][0],
                        self.receipt_field,
                        self.recorded_receipt_date,
                    ),
                )
            )
        if self.receipt_date != self.recorded_receipt_date:
            derived.append(
                Finding("receipt_moved", (self.recorded_receipt_date, self.receipt_date))
            )
        return (*derived, *self.notes) if derived else self.notes

    def duty(self, kind: DutyKind | str) -> Duty | None:
        wanted = DutyKind(kind) if isinstance(kind, str) else kind
        for item in self.duties:
            if item.kind is wanted:
                return item
        return None

    @property
    def reply(self) -> Duty:
        found = self.duty(DutyKind.REPLY)
        assert found is not None
        return found

    @property
    def reply_due_date(self) -> dt.date | None:
        return self.reply.due_date

    @property
    def supplement_due_date(self) -> dt.date | None:
        found = self.duty(DutyKind.SUPPLEMENT_NOTICE)
        return found.due_date if found else None

    @property
    def late(self) -> bool:
        """Whether any duty was done late or is overdue."""
        return any(d.status.is_late for d in self.duties)

    @property
    def provisional(self) -> bool:
        """Whether a date of the case rests on provisional calendar data (``--provisional``:
        no official holiday notice yet): a due date, the receipt moved off a rest day, the
        start of the reply clock. Every output marks such a case."""
        return self.record.provisional

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.warning)

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.problem)

    # -- text ---------------------------------------------------------------------------------

    def summary(self, lang: str = "zh") -> str:
        zh = is_zh(lang)
        head = self.case_id or ("(无编号)" if zh else "(no id)")
        sep = ";" if zh else "; "
        return f"{head}{':' if zh else ': '}" + sep.join(d.summary(lang) for d in self.duties)

    def explain(self, lang: str = "zh") -> str:
        """Every step, citing the rules, in ``"zh"`` (default) or ``"en"``."""
        return "\n".join(self.explain_lines(lang))

    def explain_lines(self, lang: str = "zh") -> list[str]:
        """The explanation line by line (what :meth:`explain` joins)."""
        return explain_lines(self, lang)

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> CaseVerdictRecord:
        """The case as its JSON record, a frozen pydantic model (``model_dump(mode="json")``
        is the documented JSON); ``explanation``: include :meth:`explain` in ``lang``."""
        is_zh(lang)  # a wrong language is refused, not ignored, as by every result
        # Imported here for cost: the records are pydantic models.
        from gov_deadlines.cases.records import case_verdict_to_record

        return case_verdict_to_record(self, lang, explanation=explanation)
