"""What every writer of :mod:`gov_deadlines.outputs` returns: :class:`WriteSummary`.

Every writer has the signature ``write_X(results, stream, *, lang=…) -> WriteSummary`` (or
a subclass): the rows it wrote and how many of them rest on provisional calendar data. The
batch audit's writers return the audit :class:`~gov_deadlines.outputs.Summary`, the ``.ics``
writer an :class:`~gov_deadlines.outputs.IcsSummary` (events and reminders too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gov_deadlines.vocabulary import Lang, Recorded

if TYPE_CHECKING:
    from gov_deadlines.outputs.records import WriteSummaryRecord

__all__ = ["WriteSummary"]


class WriteSummary(Recorded):
    """The rows a writer wrote, and those among them whose dates are provisional
    (each row marks it itself: ``[临时推算]`` / ``provisional``)."""

    rows: int
    provisional_rows: int

    def __init__(self, rows: int = 0, provisional_rows: int = 0) -> None:
        self.rows = rows
        self.provisional_rows = provisional_rows

    def __repr__(self) -> str:
        return f"{type(self).__name__}(rows={self.rows}, provisional_rows={self.provisional_rows})"

    def to_record(self, lang: Lang = "zh", *, explanation: bool = False) -> WriteSummaryRecord:
        """The counts as their JSON record."""
        from gov_deadlines.outputs.records import WriteSummaryRecord

        return WriteSummaryRecord(rows=self.rows, provisional_rows=self.provisional_rows)
