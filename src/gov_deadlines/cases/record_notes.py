"""The findings of a case's record (issue 15): what the clock's one run cannot say by itself —
how the receipt was read from the record (a recorded date of receipt, a letter signed for by
a guard room, an e-mail), a consultation without dates, which date of a notice counted and
whether that decided the outcome, a disputed receipt's outcome under each candidate, and a
case audited with no audit day.

:func:`record_notes` works them out from the facts and the duties the clock judged (rows of
day indices, :data:`gov_deadlines.cases.clock_record.DutyRow`); the clock appends them to its own
findings, so that every output — the explanation, the per-case CSV, the JSON, the summary —
shows them. Their texts are :func:`gov_deadlines.cases.record.record_finding_text`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from gov_deadlines.cases.channels import RECEIPT_FIELDS, Channel, Party
from gov_deadlines.cases.days import DayIndex
from gov_deadlines.cases.duties import DutyKind, Finding, status_text
from gov_deadlines.cases.model import CaseFacts
from gov_deadlines.cases.record import NoticeDate, SignedBy
from gov_deadlines.errors import CalendarCoverageError
from gov_deadlines.vocabulary import Status

__all__ = ["disputed_outcome", "record_notes"]

_ORDER = (NoticeDate.MADE, NoticeDate.SENT, NoticeDate.DELIVERED)
_KIND_LABELS = {
    "supplement_notice": ("补正告知", "The request for correction"),
    "extension": ("延期告知", "The extension notice"),
    "reply": ("答复", "The reply"),
}


def _late(days: DayIndex, due: int, day: dt.date) -> int | None:
    """Working days late of a notice done on ``day`` (``None``: on time)."""
    done = days.index(day)
    if done <= due:
        return None
    try:
        return days.between(due, done)
    except CalendarCoverageError:
        return (day - days.date(due)).days


def _receipt_notes(f: CaseFacts, receipt_by_analogy: bool) -> list[Finding]:
    notes: list[Finding] = []
    field = f.receipt_field
    if field == "received":
        channel_day = None
        if f.channel is not Channel.UNKNOWN:
            channel_day = f.get(RECEIPT_FIELDS[f.channel][0])
            if channel_day == f.received:
                channel_day = None
        notes.append(Finding("received_recorded", (f.received, f.channel, channel_day)))
    elif f.channel is Channel.REGISTERED_POST and f.signed_by is SignedBy.OTHER:
        if field == "confirmed":
            notes.append(Finding("signed_by_other", (f.signed_for, f.confirmed)))
        elif field == "signed_for":
            notes.append(Finding("confirmation_missing", (f.signed_for,)))
    elif f.channel is Channel.EMAIL:
        if field == "confirmed" and not f.receipt_assumed:
            mail = f.email_received if f.email_received is not None else f.submitted
            notes.append(Finding("email_confirmed", (f.confirmed, mail)))
        elif field in ("email_received", "submitted") and f.receipt_assumed:
            notes.append(Finding("email_confirmation_missing", (f.raw_receipt, field)))
        elif field in ("email_received", "submitted"):
            # 207号: the 2008 条例 (no receipt rule of its own), or the option under 2019's,
            # where the confirmation recorded would be the receipt by default.
            other = None if receipt_by_analogy else f.confirmed
            notes.append(Finding("email_receipt", (f.raw_receipt, field, other)))
    return notes


def _notice_notes(f: CaseFacts, duties: Sequence[Sequence[Any]], days: DayIndex) -> list[Finding]:
    notes: list[Finding] = []
    due_of = {row[0].value: row[1] for row in duties}
    for kind, dates, day in f.notice_days:
        due = due_of.get(kind)
        label = _KIND_LABELS[kind]
        due_on = None if due is None else days.date(due)
        if day.missing is not None and day.used is not None and day.day is not None:
            upper = _ORDER.index(day.used) > _ORDER.index(day.missing)
            certain = due_on is not None and (
                (upper and day.day <= due_on) or (not upper and day.day > due_on)
            )
            notes.append(
                Finding(
                    "notice_date_missing",
                    (label, day.missing, day.used, day.day, due_on, certain),
                )
            )
        if due is None or due_on is None:
            continue
        recorded = [(which, dates.get(which)) for which in _ORDER if dates.get(which) is not None]
        sides = {when <= due_on for _, when in recorded if when is not None}
        if len(sides) == 2:
            outcomes = tuple(
                (which, when, _late(days, due, when)) for which, when in recorded if when
            )
            notes.append(Finding("notice_policy_decided", (label, f.notice_policy, outcomes)))
    return notes


def _undated_notes(f: CaseFacts, cap: int | None) -> list[Finding]:
    counts: dict[Party, int] = {}
    for party in f.undated:
        counts[party] = counts.get(party, 0) + 1
    return [Finding("consult_undated", (party, count, cap)) for party, count in counts.items()]


def disputed_outcome(
    receipt: dt.date, reply: Sequence[Any], days: DayIndex
) -> tuple[dt.date, dt.date | None, str, str, Status, int | None]:
    """One candidate's outcome, for the finding ``receipt_disputed``: the receipt, the reply's
    due date, its status in both languages, the status and the working days late."""
    _, due, _, status, late_wd, late_days, remaining, _ = reply
    texts = tuple(status_text(status, late_wd, late_days, remaining, lang) for lang in ("zh", "en"))
    return (receipt, days.maybe_date(due), texts[0], texts[1], status, late_wd)


def record_notes(
    f: CaseFacts,
    duties: Sequence[Sequence[Any]],
    days: DayIndex,
    as_of: dt.date | None,
    consult_cap: int | None,
    disputed: Sequence[tuple[dt.date, dt.date | None, str, str, Status, int | None]] = (),
    receipt_by_analogy: bool = False,
) -> list[Finding]:
    """The findings of the record of one case, in the order the explanation reads them;
    ``receipt_by_analogy``: the version in force fixes no receipt day itself (2008)."""
    notes = _receipt_notes(f, receipt_by_analogy)
    if f.undated:
        notes += _undated_notes(f, consult_cap)
    if f.notice_days:
        notes += _notice_notes(f, duties, days)
    if disputed:
        notes.append(Finding("receipt_disputed", (tuple(disputed),)))
    if as_of is None and any(
        row[3] is Status.PENDING and row[2] is None and row[0] is not DutyKind.EXTENSION
        for row in duties
    ):
        notes.append(Finding("no_audit_day", ()))
    return notes
