"""OGI applications (依申请公开): the case, its clock and its audit — the public entry point.

Import from here::

    from gov_deadlines.cases import Case, audit_case

    verdict = audit_case({"channel": "当面", "submitted": "2026-09-28"})
    verdict.reply_due  # date(2026, 10, 30)

A :class:`Case` is the history of one application: how it came in (:class:`Channel`), when
it was submitted, signed for or confirmed, the request for correction (补正) and the
corrected application's arrival, the consultations of third parties or other agencies, an
extension, and the reply. :func:`audit_case` computes every duty the agency had — the 补正
notice, the extension, the reply — with its due date and its status on a given day, and
explains each step in Chinese or English, citing the catalogue's rules.

Each idea has its own module; this one gathers their public names:

* :mod:`gov_deadlines.cases.model` — the application: :class:`Channel`, :class:`Party`,
  :class:`Case`, :class:`Consultation`, :class:`Extension`, :func:`parse_case`,
  :class:`CaseError`, and the receipt facts the clock reads (the recorded date of receipt
  by channel, :data:`RECEIPT_FIELDS`; the consistency checks).
* :mod:`gov_deadlines.cases.clock` — the clock: the versions of the 条例 read from the
  catalogue, :class:`AuditPolicy`, the computation of each duty and :func:`audit_case`.
  Its docstring states the rules.
* :mod:`gov_deadlines.cases.results` — what the audit finds: :class:`DutyKind`,
  :class:`Status`, :class:`Duty`, :class:`Finding` (with its texts), :class:`CaseVerdict`.
* :mod:`gov_deadlines.cases.explain` — the step-by-step explanation
  (:meth:`CaseVerdict.explain`), quoting arts. 31 and 34 (:data:`ART_31`, :data:`ART_34`).

The batch audit over many cases is :mod:`gov_deadlines.cases.batch` (reading) and
:mod:`gov_deadlines.outputs.audit_report` (writing); ``docs/audit.md`` documents the rules and the
choices where the law is silent.
"""

from __future__ import annotations

from gov_deadlines.cases.clock import DEFAULT_POLICY as DEFAULT_POLICY
from gov_deadlines.cases.clock import AuditPolicy, audit_case
from gov_deadlines.cases.explain import ART_31, ART_34
from gov_deadlines.cases.model import RECEIPT_FIELDS as RECEIPT_FIELDS
from gov_deadlines.cases.model import (
    Case,
    CaseError,
    Channel,
    Consultation,
    Extension,
    Party,
    parse_case,
)
from gov_deadlines.cases.model import field_label as field_label
from gov_deadlines.cases.results import PROBLEM_CODES as PROBLEM_CODES
from gov_deadlines.cases.results import CaseVerdict, Duty, DutyKind, Finding, Status

__all__ = [
    "ART_31",
    "ART_34",
    "AuditPolicy",
    "Case",
    "CaseError",
    "CaseVerdict",
    "Channel",
    "Consultation",
    "Duty",
    "DutyKind",
    "Extension",
    "Finding",
    "Party",
    "Status",
    "audit_case",
    "parse_case",
]
