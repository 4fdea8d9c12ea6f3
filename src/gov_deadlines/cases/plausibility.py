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

from gov_deadlines.cases.duties import Finding
from gov_deadlines.cases.model import CaseFacts

__all__ = ["PLAUSIBILITY_CODES", "date_findings"]

#: The codes of the findings made here (all warnings).
PLAUSIBILITY_CODES = frozenset({"after_audit_day", "before_receipt", "before_clock"})

_RECEIPT_FIELDS = ("submitted", "signed_for", "confirmed")
_LATER_FIELDS = ("supplement_requested", "supplement_received")
#: The agency's acts, which its clock says cannot come before the receipt.
_ACTS = frozenset({"supplement_requested", "consultation_sent", "extension_approved", "replied"})
_EXTENSION_FIELDS = (("extension_approved", "ext_approved"), ("extension_told", "ext_told"))


def date_findings(
    f: CaseFacts,
    receipt: dt.date,
    start: dt.date | None,
    as_of: dt.date | None,
    findings: list[Finding],
) -> None:
    """Append the plausibility warnings of a case to ``findings``: ``receipt`` is the day
    the clock counts from (after the rest-day policy), ``start`` the reply clock's start
    (the corrected application's arrival after a 补正; ``None``: not started)."""
    # A quick pass first (this runs for every case the general clock audits): the acts are
    # never before the recorded receipt (gov_deadlines.cases.model.first_problem), so only a moved receipt or
    # a later clock start can put one before its clock; and the latest date is found by
    # plain comparisons.
    replied = f.replied
    day = as_of.date() if isinstance(as_of, dt.datetime) else as_of
    early = receipt != f.raw_receipt or (
        replied is not None and start is not None and start != receipt
    )
    if not early and (day is None or not _any_after(f, day)):
        return
    dated: list[tuple[str, dt.date]] = []
    for name in _RECEIPT_FIELDS + _LATER_FIELDS:
        value = getattr(f, name)
        if value is not None:
            dated.append((name, value))
    for _, sent, answered in f.consultations:
        dated.append(("consultation_sent", sent))
        if answered is not None:
            dated.append(("consultation_answered", answered))
    for name, attribute in _EXTENSION_FIELDS:
        value = getattr(f, attribute)
        if value is not None:
            dated.append((name, value))
    if replied is not None:
        dated.append(("replied", replied))
    if day is not None:
        for name, value in dated:
            if value > day:
                findings.append(Finding("after_audit_day", (name, value, day)))
    for name, value in dated:
        if name in _ACTS and value < receipt:
            findings.append(Finding("before_receipt", (name, value, receipt)))
    if replied is not None and start is not None and receipt <= replied < start:
        findings.append(Finding("before_clock", ("replied", replied, start)))


def _any_after(f: CaseFacts, day: dt.date) -> bool:
    """Whether any date of the case is after ``day``."""
    for value in (
        f.submitted,
        f.signed_for,
        f.confirmed,
        f.supplement_requested,
        f.supplement_received,
        f.ext_approved,
        f.ext_told,
        f.replied,
    ):
        if value is not None and value > day:
            return True
    for _, sent, answered in f.consultations:
        if sent > day or (answered is not None and answered > day):
            return True
    return False
