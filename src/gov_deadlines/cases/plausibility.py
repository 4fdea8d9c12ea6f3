"""Dates of a case that the clock can count but that cannot be right: warnings, never a
silent pass.

* a date recorded **after the audit day** (a reply on 2026-12-20 in an audit of
  2026-11-01 has not happened yet: the register holds a planned date or a typing error);
* an act **before the day its clock starts**: a reply, a 补正 notice, a consultation or an
  extension approval dated before the receipt (after a rest-day receipt was moved to the
  next working day), or a reply before the corrected application arrived.

Each is a :class:`~gov_deadlines.cases.duties.Finding` whose ``warning`` is true: the
per-case CSV's 提示 column, the JSON ``findings``, the Markdown summary's 日期存疑 list and
the supervision form show it. A date before the *recorded* receipt is not a warning but an
error (``gov_deadlines.cases.model.first_problem``): the row is malformed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from gov_deadlines.cases.duties import Finding

__all__ = ["PLAUSIBILITY_CODES", "DatedAct", "date_findings"]

#: The codes of the findings made here (all warnings).
PLAUSIBILITY_CODES = frozenset({"after_audit_day", "before_receipt", "before_clock"})

#: The agency's acts, which its clock says cannot come before the receipt.
_ACTS = frozenset({"supplement_requested", "consultation_sent", "extension_approved", "replied"})
#: A recorded date of a case: its field and its day index (the clock's days).
DatedAct = tuple[str, int]


def date_findings(
    dated: Sequence[DatedAct],
    receipt: int,
    start: int | None,
    replied: int | None,
    now: int | None,
    as_of: dt.date | None,
    date: Callable[[int], dt.date],
    findings: list[Finding],
) -> None:
    """Append the plausibility warnings of a case to ``findings``.

    ``dated``: the case's recorded dates as the clock reads them (day indices), in the order
    the warnings list them (submitted, signed for, confirmed, the 补正 notice and arrival,
    each consultation's sending and answer, the extension's approval and telling, the
    reply); ``receipt`` the day the clock counts from (after the rest-day policy), ``start``
    the reply clock's start (the corrected application's arrival after a 补正; ``None``: not
    started), ``now`` the audit day (``as_of``) as an index; ``date`` gives an index's date.
    """
    if now is not None:
        for name, value in dated:
            if value > now:
                findings.append(Finding("after_audit_day", (name, date(value), as_of)))
    for name, value in dated:
        if value < receipt and name in _ACTS:
            findings.append(Finding("before_receipt", (name, date(value), date(receipt))))
    if replied is not None and start is not None and receipt <= replied < start:
        findings.append(Finding("before_clock", ("replied", date(replied), date(start))))
