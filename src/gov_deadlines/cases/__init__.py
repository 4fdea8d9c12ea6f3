"""OGI applications (依申请公开): the case, its clock and its audit — the public entry point.

Import from here::

    from gov_deadlines.cases import Case, audit_case

    verdict = audit_case({"channel": "当面", "submitted": "2026-09-28"})
    verdict.reply_due_date  # date(2026, 10, 30)

A :class:`Case` is the history of one application: how it came in (:class:`Channel`), when
it was submitted, signed for or confirmed, the request for correction (补正) and the
corrected application's arrival, the consultations of third parties or other agencies, an
extension, and the reply. :func:`audit_case` computes every duty the agency had — the 补正
notice, the extension, the reply — with its due date and its status on a given day, and
explains each step in Chinese or English, citing the catalogue's rules. :func:`audit_csv`
and :func:`audit_cases` do it for many cases, one :class:`RowResult` per input row.

Each idea has its own module, in the order they build on each other:

* :mod:`~gov_deadlines.cases.model` — the application: :class:`Channel`, :class:`Party`,
  :class:`Case`, :class:`Consultation`, :class:`Extension`, :func:`parse_case`,
  :class:`CaseError`, and the receipt facts the clock reads (the recorded date of receipt
  by channel, :data:`RECEIPT_FIELDS`; the consistency checks).
* :mod:`~gov_deadlines.cases.record` — the record as case files hold it (issue 15):
  :class:`SignedBy` (who signed for a letter), :class:`NoticeDate` (which date of a notice
  counts: policy ``notice-counts-when-sent``) and the texts of the record's findings,
  worked out by :mod:`~gov_deadlines.cases.record_notes`; the vocabularies are
  :mod:`~gov_deadlines.cases.channels`, the facts the clock reads and their checks
  :mod:`~gov_deadlines.cases.facts`.
* :mod:`~gov_deadlines.cases.versions` — the versions of the 条例 read from the catalogue.
* :mod:`~gov_deadlines.cases.duties` — what the audit finds duty by duty:
  :class:`DutyKind`, :class:`Duty`, :class:`Finding` (with its texts); a duty's
  :class:`Status` is :class:`gov_deadlines.vocabulary.Status`, re-exported here.
* :mod:`~gov_deadlines.cases.explain` — the step-by-step explanation
  (:meth:`CaseVerdict.explain`), quoting arts. 31 and 34 from ``data/statutes/``.
* :mod:`~gov_deadlines.cases.verdict` — :class:`CaseVerdict`, the audit of one case.
* :mod:`~gov_deadlines.cases.plausibility` — dates that cannot be right (warnings).
* :mod:`~gov_deadlines.cases.days` — the calendar's days as integer indices.
* :mod:`~gov_deadlines.cases.clock` — the one clock:
  :class:`~gov_deadlines.cases.clock.CaseClock` (every branch, over day indices) and
  :func:`audit_case`. Its docstring states the rules. Its flat record per case is
  :mod:`~gov_deadlines.cases.clock_record`'s; the choices the law leaves open are
  :class:`AuditPolicy` (:mod:`~gov_deadlines.cases.policy`).
* :mod:`~gov_deadlines.cases.due_soon` — what falls due soon: :func:`due_within` (the
  cases whose next duty is due within N working days, soonest first), :func:`next_duty`.
* :mod:`~gov_deadlines.cases.columns` — the batch input layout (:data:`COLUMNS`) and its
  cell readers; :mod:`~gov_deadlines.cases.batch` — the batch audit, reading;
  :mod:`~gov_deadlines.cases.workbook` — the same audit of an ``.xlsx`` sheet
  (:func:`audit_xlsx`).

The writers of the results (per-case CSV, JSON Lines, summary, supervision form) are
:mod:`gov_deadlines.outputs`; ``docs/audit.md`` documents the rules and the choices where
the law is silent.
"""

from __future__ import annotations

from gov_deadlines.cases.batch import CsvAudit, RowResult, audit_cases, audit_csv
from gov_deadlines.cases.clock import audit_case
from gov_deadlines.cases.columns import COLUMNS, LayoutError
from gov_deadlines.cases.due_soon import DueSoon, due_within, due_within_rows, next_duty
from gov_deadlines.cases.duties import PROBLEM_CODES, WARNING_CODES, Duty, DutyKind, Finding
from gov_deadlines.cases.model import (
    RECEIPT_FIELDS,
    Case,
    CaseError,
    Channel,
    Consultation,
    Extension,
    Party,
    field_label,
    parse_case,
)
from gov_deadlines.cases.policy import DEFAULT_POLICY, AuditPolicy
from gov_deadlines.cases.record import NoticeDate, SignedBy
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.cases.workbook import SheetAudit, audit_xlsx
from gov_deadlines.vocabulary import CaseResult, Status

__all__ = [
    "COLUMNS",
    "DEFAULT_POLICY",
    "PROBLEM_CODES",
    "RECEIPT_FIELDS",
    "WARNING_CODES",
    "AuditPolicy",
    "Case",
    "CaseError",
    "CaseResult",
    "CaseVerdict",
    "Channel",
    "Consultation",
    "CsvAudit",
    "DueSoon",
    "Duty",
    "DutyKind",
    "Extension",
    "Finding",
    "LayoutError",
    "NoticeDate",
    "Party",
    "RowResult",
    "SheetAudit",
    "SignedBy",
    "Status",
    "audit_case",
    "audit_cases",
    "audit_csv",
    "audit_xlsx",
    "due_within",
    "due_within_rows",
    "field_label",
    "next_duty",
    "parse_case",
]
