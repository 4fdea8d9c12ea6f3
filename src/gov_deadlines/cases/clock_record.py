"""The clock's output: a flat record per case (:class:`CaseRecord`).

:class:`~gov_deadlines.cases.clock.CaseClock` makes one per case: day indices of its days,
codes and the findings, no date or duty object. :class:`~gov_deadlines.cases.CaseVerdict`,
the explanation, the per-case CSV, the JSON and the summary are all made from it, each only
when asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gov_deadlines.cases.columns import facts_from_cells
from gov_deadlines.cases.duties import DutyKind, Finding
from gov_deadlines.cases.model import Case, CaseFacts, Channel, Party
from gov_deadlines.vocabulary import CaseResult, Status

if TYPE_CHECKING:
    from gov_deadlines.cases.clock import CaseClock
    from gov_deadlines.cases.versions import ReplyVersion

__all__ = ["CaseRecord", "DutyRow", "Source", "SpanRow", "source_facts"]

#: A duty judged, as the clock records it: kind, due (a day index, ``None``: no due date),
#: done (a day index or ``None``), status, working days late (``None``: unknown), calendar
#: days late, working days remaining, provisional. :class:`~gov_deadlines.cases.duties.Duty`
#: is made from it on demand.
DutyRow = tuple[DutyKind, int | None, int | None, Status, int | None, int, int | None, bool]
#: A consultation whose time is excluded: party, sent, answered (or ``None``), end of the
#: excluded time after capping (day indices), capped.
SpanRow = tuple[Party, int, int | None, int, bool]
#: What the clock audits: the case's facts as dates, or a row's cells (read into facts
#: only when they are asked for).
Source = CaseFacts | Case | Sequence[Any]


class CaseRecord:
    """What the clock worked out for one case: plain values (day indices of
    :attr:`clock`'s days, codes, the findings). Treat as read-only.

    ``raw`` is the recorded receipt (from the field ``basis``, ``assumed`` when it is not
    the one the channel names), ``receipt`` the day it counts from (after the rest-day
    policy); ``start`` the reply clock's start (``None``: not started); ``base_due`` the
    reply's due date before an extension; ``duties`` the 补正 notice, the extension and the
    reply as :data:`DutyRow` (those the case has, in that order); ``notes`` the clock's
    findings; ``result`` the case summed up (see :class:`~gov_deadlines.cases.CaseVerdict`).
    :class:`~gov_deadlines.cases.CaseVerdict`, the per-case CSV, the JSON and the summary are
    all made from it.
    """

    __slots__ = (
        "_source",
        "assumed",
        "base_due",
        "basis",
        "case_id",
        "channel",
        "clock",
        "duties",
        "excluded",
        "extension_days",
        "notes",
        "provisional",
        "raw",
        "receipt",
        "result",
        "spans",
        "start",
        "version",
    )

    #: Whether a date of the case rests on provisional calendar data: a due date, the
    #: receipt moved off a rest day, the start of the reply clock.
    provisional: bool

    def __init__(
        self,
        clock: CaseClock,
        source: Source,
        case_id: str,
        channel: Channel,
        basis: str,
        assumed: bool,
        raw: int,
        receipt: int,
        version: ReplyVersion,
        start: int | None,
        base_due: int | None,
        excluded: int,
        extension_days: int,
        duties: tuple[DutyRow, ...],
        notes: tuple[Finding, ...],
        result: CaseResult,
        spans: tuple[SpanRow, ...],
    ) -> None:
        self.clock = clock
        self._source = source
        self.case_id = case_id
        self.channel = channel
        self.basis = basis
        self.assumed = assumed
        self.raw = raw
        self.receipt = receipt
        self.version = version
        self.start = start
        self.base_due = base_due
        self.excluded = excluded
        self.extension_days = extension_days
        self.duties = duties
        self.notes = notes
        self.result = result
        self.spans = spans
        provisional = (
            type(receipt) is not int
            or (start is not None and type(start) is not int)
            or (base_due is not None and type(base_due) is not int)
        )
        if not provisional:
            for duty in duties:
                if duty[7]:
                    provisional = True
                    break
        self.provisional = provisional

    @property
    def facts(self) -> CaseFacts:
        """The case's facts as dates (a row's cells are read again only now)."""
        source = self._source
        if not isinstance(source, CaseFacts):
            source = source_facts(source)
            if source.channel is Channel.EMAIL:
                source = source.with_email_confirm_from(self.clock.email_from_day)
            self._source = source
        return source


def source_facts(source: Source) -> CaseFacts:
    """The facts of what the clock audited: the facts themselves, a ``Case``'s, or a row's
    cells read into facts (raises :class:`~gov_deadlines.cases.CaseError`)."""
    if isinstance(source, CaseFacts):
        return source
    if isinstance(source, Case):
        return source.facts()
    return facts_from_cells(source)
