"""The verdict on one case: its receipt, version, duties and findings, and their texts.

A :class:`CaseVerdict` gathers the duties and findings (:mod:`gov_deadlines.cases.duties`)
the clock (:mod:`gov_deadlines.cases.clock`) worked out for one case; its step-by-step
explanation is rendered on demand by :mod:`gov_deadlines.cases.explain`. The public names
are re-exported by :mod:`gov_deadlines.cases`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gov_deadlines.calendar.day import is_provisional
from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.cases.duties import Duty, DutyKind, Finding
from gov_deadlines.cases.explain import explain_lines
from gov_deadlines.cases.model import RECEIPT_FIELDS, CaseFacts, Channel
from gov_deadlines.cases.versions import ExcludedSpan, ReplyVersion
from gov_deadlines.vocabulary import Lang, Recorded, is_zh

if TYPE_CHECKING:
    from gov_deadlines.cases.records import CaseVerdictRecord

__all__ = ["CaseVerdict"]


# -- the verdict on a case ------------------------------------------------------------------------


@dataclass(slots=True)
class CaseVerdict(Recorded):
    """The audit of one case: its receipt, version, duties and findings. Treat as read-only.

    ``notes`` holds the findings of the clock; :attr:`findings` adds, first, the notes on
    how the receipt date was read (assumed from another date, moved off a rest day).

    ``result`` sums the case up, worst first: ``late`` (a duty done late or overdue),
    ``problem`` (no lateness, but an extension longer than allowed), ``undetermined`` (the
    calendar lacks data), ``open`` (a duty pending or its clock not running) or ``ok``.

    ``duties`` holds the 补正 notice (when a correction was asked for, 2019 only), the
    extension (when one is recorded) and the reply, in that order. The explanation is
    rendered on demand by :meth:`explain`.
    """

    case_id: str
    channel: Channel
    receipt_date: dt.date
    recorded_receipt_date: dt.date
    receipt_field: str
    receipt_assumed: bool
    version: str
    clock_start: dt.date | None
    base_due_date: dt.date | None
    excluded_workdays: int
    extension_workdays: int
    duties: tuple[Duty, ...]
    notes: tuple[Finding, ...]
    result: str
    as_of: dt.date | None
    facts: CaseFacts
    calendar: WorkCalendar
    reply_version: ReplyVersion
    spans: tuple[ExcludedSpan, ...]

    # -- looking things up ------------------------------------------------------------------

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding: how the receipt was read (assumed, moved), then :attr:`notes`."""
        derived: list[Finding] = []
        if self.receipt_assumed:
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
        return (
            any(d.provisional for d in self.duties)
            or is_provisional(self.receipt_date)
            or is_provisional(self.clock_start)
            or is_provisional(self.base_due_date)
        )

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
        # Imported here for cost: the records are pydantic models.
        from gov_deadlines.cases.records import case_verdict_to_record

        return case_verdict_to_record(self, lang, explanation=explanation)
