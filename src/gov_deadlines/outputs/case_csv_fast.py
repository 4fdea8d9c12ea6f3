"""The batch audit's fast path: an input CSV straight to the per-case CSV (removed with issue 14).

:func:`~gov_deadlines.outputs.audit.write_case_csv` hands a
:class:`~gov_deadlines.cases.batch.CsvAudit` to :func:`write_fast_case_rows`, which writes what the
general path writes (``case_cells`` of each ``RowResult``) and leaves the same
:class:`~gov_deadlines.outputs.summary.Summary`, building no ``CaseFacts``, ``Duty``,
``CaseVerdict`` or ``RowResult`` for a row that needs none. It works over day indices
(:class:`~gov_deadlines.cases.grid.DayGrid`), where a walk over working days, a date's text,
the version in force and a receipt moved off a rest day are list look-ups.

* **Plans** (:meth:`_Lean.plan`): a row's receipt, version and plain reply due date depend
  only on channel, submitted, signed for and confirmed; each combination is worked out once
  per file with the cells it fixes. A row without 补正, consultation or extension, replied
  on time or late, then costs a look-up, a comparison and one line.
* **The lean clock** (:meth:`_Lean.write`): the rules of :func:`gov_deadlines.cases.clock.evaluate` (2019
  条例) over day indices for the other rows with at most one consultation, with the clock's
  own findings and texts. The summary's counts are tallied and added at the end; a late
  case kept as an example gets its verdict from the general clock when first read.

The rest takes the general path, in order: a malformed row (for its message), several
consultations, 补正 or consultation under the 2008 条例, a date outside the calendar's
official span or in a form not read before, an audit day that is not a plain date.
``tests/cases/test_batch_fast_path.py`` and ``tests/cases/test_batch_lean_clock.py`` check that both
paths write the same bytes and summaries.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import TextIO, cast

from gov_deadlines.cases.batch import BLANK, CsvAudit, RowResult
from gov_deadlines.cases.clock import AuditPolicy, evaluate
from gov_deadlines.cases.columns import (
    CHANNEL_CELLS,
    MISSING,
    PARTY_CELLS,
    facts_from_cells,
    read_channel,
    read_date,
    read_party,
)
from gov_deadlines.cases.duties import Duty, DutyKind, Finding, finding_text
from gov_deadlines.cases.grid import DayGrid, day_grid
from gov_deadlines.cases.model import RECEIPT_FIELDS, CaseError, Channel, Party
from gov_deadlines.cases.verdict import CaseVerdict
from gov_deadlines.cases.versions import ReplyVersion
from gov_deadlines.catalogue.receipt import ReceiptPolicy
from gov_deadlines.outputs.case_csv import CHANNEL_TEXT, PROVISIONAL_TEXT, RESULT_TEXT, case_cells
from gov_deadlines.outputs.summary import Summary
from gov_deadlines.vocabulary import Status

__all__ = ["PLAN_LIMIT", "write_fast_case_rows"]

#: At most this many receipt situations are remembered per file (well under 1 kB each);
#: rows beyond are worked out one by one.
PLAN_LIMIT = 20_000
_INDEX_LIMIT = 200_000  # date texts remembered per calendar
_TALLY_LIMIT = 10_000  # outcomes tallied before they are added to the summary
_CHUNK = 511  # lines are written to the stream in chunks of about 512
_SEPARATORS = 18  # the commas of a per-case CSV line that needs no quoting

_ON_TIME, _LATE, _OVERDUE = Status.ON_TIME, Status.LATE, Status.OVERDUE
_PENDING, _WAITING = Status.PENDING, Status.WAITING
_SUPPLEMENT, _EXTENSION, _REPLY = DutyKind.SUPPLEMENT_NOTICE, DutyKind.EXTENSION, DutyKind.REPLY
_KINDS = (_SUPPLEMENT, _EXTENSION, _REPLY)
_IN_PERSON, _REGISTERED = Channel.IN_PERSON, Channel.REGISTERED_POST
#: Where to look for the receipt when the date art. 31 names is missing: positions in
#: (submitted, signed_for, confirmed), in the order of RECEIPT_FIELDS.
_FALLBACKS = {
    channel: tuple(("submitted", "signed_for", "confirmed").index(name) for name in fields[1:])
    for channel, fields in RECEIPT_FIELDS.items()
}

#: A duty judged: status, working days late, calendar days late, working days remaining.
_Judged = tuple[Status, int | None, int, int | None]
_DONE_ON_TIME: _Judged = (_ON_TIME, 0, 0, None)
_NOT_DUE: _Judged = (_PENDING, 0, 0, None)  # not done, and no audit day
_NO_CLOCK: _Judged = (_WAITING, None, 0, None)
#: A row as the summary counts it: result, version, the 补正 notice, extension and reply
#: judged (or None), an extension over its cap, how many warnings.
_Tally = tuple[str, str, _Judged | None, _Judged | None, _Judged, bool, int]


# -- texts --------------------------------------------------------------------------------------

#: Status texts by language and judged duty (a few thousand at most: the days are the
#: calendar's).
_STATUS: dict[bool, dict[_Judged, tuple[str, str]]] = {True: {}, False: {}}


def _status(zh: bool, judged: _Judged) -> tuple[str, str]:
    """``Duty.status_text`` of a judged duty, and as a CSV cell (quoted if need be)."""
    texts = _STATUS[zh]
    found = texts.get(judged)
    if found is None:
        text = Duty(_REPLY, None, None, *judged).status_text("zh" if zh else "en")
        found = texts[judged] = (text, _field(text))
    return found


def _field(text: str) -> str:
    """A cell as csv.writer writes it (minimal quoting)."""
    if "," in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


#: A row's receipt situation, worked out once per file (:meth:`_Lean.plan`): the recorded
#: receipt (a reply before it is an error), a plain case's reply due date and per-case CSV
#: cells from the channel up to the due date (joined), the version's label, the count of
#: plain rows of that version replied on time (one list per version, shared by its plans);
#: the channel, the receipt after the rest-day policy, whether it is assumed, the version.
_Plan = tuple[int, int, str, str, list[int], Channel, int, bool, ReplyVersion]


# -- the lean clock ---------------------------------------------------------------------------------


class _Lean:
    """The clock over day indices, writing a row's cells and counting it into the summary."""

    __slots__ = (
        "append",
        "auditor",
        "channels",
        "get",
        "grid",
        "late",
        "latest",
        "move",
        "notes",
        "now",
        "on_time",
        "received",
        "summary",
        "tally",
        "warn",
        "zh",
    )

    def __init__(
        self,
        audit: CsvAudit,
        grid: DayGrid,
        summary: Summary,
        append: Callable[[str], object],
        zh: bool,
    ) -> None:
        policy: AuditPolicy = audit.auditor.policy
        as_of = audit.auditor.as_of
        self.auditor = audit.auditor
        self.grid = grid
        self.summary = summary
        self.append = append
        self.zh = zh
        # The grid's ``moved`` table is effective_receipt over every day of the span.
        self.move = policy.receipt is ReceiptPolicy.NEXT_WORKING_DAY
        self.warn = policy.warn_within
        self.now = None if as_of is None else as_of.toordinal() - grid.base
        #: The last day a recorded date may fall on (the audit day): a row with a later
        #: date takes the general path, which warns of it (plausibility.date_findings).
        self.latest = sys.maxsize if self.now is None else self.now
        self.notes: dict[tuple[bool, int], str] = {}  # receipt notes, by (assumed, moved from)
        self.channels = CHANNEL_TEXT[zh]
        self.get = grid.index.get
        self.received = grid.moved if self.move else grid.same  # receipt by recorded day
        self.on_time: dict[str, list[int]] = {}  # plain rows replied on time, by version
        #: Plain rows replied late or overdue, by version, status and working days late.
        self.late: dict[tuple[str, Status, int], int] = {}
        #: The rows of the lean clock, counted by what Summary.add reads of their verdicts.
        self.tally: dict[_Tally, int] = {}

    def day(self, text: str) -> int:
        index = self.get(text)
        return self.parse(text) if index is None else index

    def parse(self, text: str) -> int:
        """The day index of a non-blank date cell not read before; ``-1`` for the general
        path (not a date, outside the official span, or a form like 今天 never remembered)."""
        g = self.grid
        if not text[:1].isdigit():
            return -1
        day: dt.date | None
        if (
            len(text) == 10
            and text.isascii()
            and text[4] == "-"
            and text[7] == "-"
            and (text[:4] + text[5:7] + text[8:]).isdigit()
        ):
            try:  # exactly what parse_date reads of YYYY-MM-DD, faster
                day = dt.date.fromisoformat(text)
            except ValueError:
                day = None
        else:
            try:
                day = read_date(text, "replied")
            except CaseError:
                day = None
        index = -1 if day is None else day.toordinal() - g.base
        if not g.lo <= index <= g.hi:
            index = -1
        if len(g.index) < _INDEX_LIMIT:
            g.index[text] = index
        return index

    def add(self, i: int, n: int) -> int:
        """The n-th working day after day i (n ≥ 1); -1 past the official span."""
        g = self.grid
        k = g.cum[i + 1] + n - 1
        return g.wdi[k] if k <= g.khi else -1

    def receipt_note(self, assumed: bool, raw: int, receipt: int) -> str:
        """The receipt_note column, as ``gov_deadlines.outputs.case_csv.receipt_note`` writes it."""
        key = (assumed, raw if receipt != raw else -1)
        note = self.notes.get(key)
        if note is None:
            zh = self.zh
            note = ("假定" if zh else "assumed") if assumed else ""
            if receipt != raw:
                recorded = self.grid.iso[raw]
                moved = f"顺延(记录为{recorded})" if zh else f"moved from {recorded}"
                note = f"{note};{moved}" if note else moved
            self.notes[key] = note
        return note

    def plan(self, channel_text: str, submitted: str, signed: str, confirmed: str) -> _Plan | None:
        """The plan of the rows with these receipt cells; ``None`` for the general path (a
        problem among these cells, a date it does not read, a receipt past the data)."""
        channel = CHANNEL_CELLS.get(channel_text)
        if channel is None:
            try:
                channel = read_channel(channel_text)
            except CaseError:
                return None
        get, parse = self.get, self.parse
        sub = sig = con = None
        if submitted:
            sub = get(submitted)
            if sub is None:
                sub = parse(submitted)
            if sub < 0:
                return None
        if signed:
            sig = get(signed)
            if sig is None:
                sig = parse(signed)
            if sig < 0 or (sub is not None and sig < sub):
                return None
        if confirmed:
            con = get(confirmed)
            if con is None:
                con = parse(confirmed)
            if con < 0 or (sub is not None and con < sub):
                return None
        latest = self.latest
        if (
            (sub is not None and sub > latest)
            or (sig is not None and sig > latest)
            or (con is not None and con > latest)
        ):
            return None  # a date after the audit day: the general path warns of it
        # The date art. 31 names for the channel (as CaseFacts reads it), else the next
        # recorded one in RECEIPT_FIELDS, assumed.
        raw = sub if channel is _IN_PERSON else sig if channel is _REGISTERED else con
        assumed = raw is None
        if raw is None:
            recorded = (sub, sig, con)
            raw = next((recorded[i] for i in _FALLBACKS[channel] if recorded[i] is not None), None)
            if raw is None:
                return None
        receipt = self.received[raw]
        found = self.grid.plain[receipt] if receipt >= 0 else None
        if found is None:
            return None
        due, ver, start, tail = found
        note = self.receipt_note(assumed, raw, receipt) if assumed or receipt != raw else ""
        middle = f"{self.channels[channel]},{start},{note}{tail}"
        label = ver.label
        counter = self.on_time.get(label)
        if counter is None:
            if _field(label) != label:
                return None  # a version label that needs quoting: never, but not here
            counter = self.on_time[label] = [0]
        return raw, due, middle, label, counter, channel, receipt, assumed, ver

    def judge(self, kind: DutyKind, due: int, now: int, found: list[Finding]) -> _Judged | None:
        """``case_clock._judge`` of a duty not done, on the audit day ``now`` (``None``:
        the audit day is outside the span)."""
        g = self.grid
        cum = g.cum
        if not g.lo <= now <= g.hi:
            return None
        if now <= due:
            remaining = cum[due + 1] - cum[now + 1]
            if remaining <= self.warn:
                found.append(Finding("due_soon", (kind, remaining, g.day[due])))
            return _PENDING, 0, 0, remaining
        return _OVERDUE, cum[now + 1] - cum[due + 1], now - due, None

    def done(self, due: int, done: int) -> _Judged:
        """``case_clock._judge`` of a duty done."""
        if done <= due:
            return _DONE_ON_TIME
        cum = self.grid.cum
        return _LATE, cum[done + 1] - cum[due + 1], done - due, None

    def shift(self, start: int, n: int, span: tuple[int, int] | None) -> tuple[int, int, bool]:
        """``case_clock._shift`` for at most one consultation, (low, end]: the due date, the
        working days excluded, whether the consultation moved it (-1: past the span)."""
        due = self.add(start, n)
        if span is not None and due >= 0:
            low, end = span
            if end > low and low < due:
                cum = self.grid.cum
                excluded = cum[end + 1] - cum[low + 1]
                return self.add(start, n + excluded), excluded, True
        return due, 0, False

    def write(self, picked: Sequence[str], line: int, plan: _Plan) -> bool:
        """Audit one row on the lean clock, write its line and count it; ``False`` (nothing
        written) when the row must take the general path. ``plan``: its receipt cells'."""
        (case_id, _, _, _, _, requested, arrived, parties, sent, answered, approved, told,
         days_text, replied) = picked  # fmt: skip
        raw, plain_due, _, label, _, channel, receipt, assumed, ver = plan
        day, add, now = self.day, self.add, self.now
        req = day(requested) if requested else None
        arr = day(arrived) if arrived else None
        app = day(approved) if approved else None
        tol = day(told) if told else None
        rep = day(replied) if replied else None
        # The consistency checks of case_model.first_problem (a date not read, -1, fails them),
        # and those of plausibility.date_findings (the general path words the warning).
        latest = self.latest
        if (
            (req is not None and (req < receipt or req > latest))
            or (arr is not None and (arr < 0 or req is None or arr < req or arr > latest))
            or (rep is not None and (rep < receipt or rep > latest))
            or (tol is not None and (tol < 0 or tol > latest))
            or (app is not None and (app < receipt or app > latest))
        ):
            return False
        ext_days = None
        if days_text:
            if not (days_text.isdecimal() and len(days_text) <= 4):
                return False
            ext_days = int(days_text)
        if app is None:
            if tol is not None or ext_days is not None:
                return False
        elif (
            app < raw or (tol is not None and tol < app) or (ext_days is not None and ext_days < 1)
        ):
            return False
        consulted: tuple[Party, int, int | None] | None = None
        if sent:
            if ";" in sent or "；" in sent or ";" in answered or "；" in answered:
                return False  # several consultations: the general path
            if ";" in parties or "；" in parties:
                return False
            sent_text, answered_text, party_text = sent.strip(), answered.strip(), parties.strip()
            if not sent_text:
                return False
            si = day(sent_text)
            ai = day(answered_text) if answered_text else None
            if si < receipt or si > latest or (ai is not None and (ai < si or ai > latest)):
                return False
            party = Party.THIRD_PARTY
            if party_text:
                known = PARTY_CELLS.get(party_text)
                if known is None:
                    try:
                        known = read_party(party_text)
                    except CaseError:
                        return False
                party = known
            consulted = (party, si, ai)
        g = self.grid
        dates = g.day
        findings: list[Finding] = []

        # 补正 notice (2019 art. 30)
        supplement: _Judged | None = None
        supplement_due = -1
        if req is not None:
            if ver.supplement_n is None:
                return False  # the 2008 rules: the general path
            supplement_due = add(receipt, ver.supplement_n)
            if supplement_due < 0:
                return False
            supplement = self.done(supplement_due, req)

        # the start of the reply clock, and the consultation
        start: int | None = receipt
        if req is not None:
            if arr is None:
                start = None
                findings.append(Finding("awaiting_supplement", (dates[req],)))
            else:
                start = arr
                if self.move and not g.work[arr]:
                    start = add(arr, 1)
                    if start < 0:
                        return False
                    findings.append(Finding("supplement_moved", (dates[arr], dates[start])))
        if start is not None and rep is not None and rep < start:
            return False  # a reply before the clock started: the general path warns of it
        span: tuple[int, int] | None = None
        if start is not None and consulted is not None:
            party, si, end = consulted
            cap = ver.consult_cap
            if cap is None or not ver.agency_excluded:
                return False  # the 2008 rules: the general path
            cap_end = add(si, cap)
            if cap_end < 0:
                return False
            if end is None:
                findings.append(
                    Finding("consult_unanswered", (party, dates[si], dates[cap_end], cap))
                )
                end = cap_end
            elif end > cap_end:
                capped = (party, dates[si], dates[end], dates[cap_end], cap)
                findings.append(Finding("consult_capped", capped))
                end = cap_end
            span = (max(si, start), end)

        # the reply clock, and the extension
        excluded = extension_days = 0
        extension: _Judged | None = None
        over_cap = False
        if start is None:
            due = -1
            reply = _NO_CLOCK
            if app is not None:
                extension = _NO_CLOCK
        else:
            if start == receipt and span is None:  # the plain due date, in the plan
                base_due, excluded, applied = plain_due, 0, False
            else:
                base_due, excluded, applied = self.shift(start, ver.n, span)
            if base_due < 0:
                return False
            due = base_due
            if app is not None:
                cap = ver.ext_cap
                wanted = ext_days
                if wanted is None:
                    wanted = cap
                    findings.append(Finding("extension_days_assumed", (cap,)))
                elif wanted > cap:
                    over_cap = True
                    findings.append(Finding("extension_over_cap", (wanted, cap)))
                if tol is not None:
                    extension = self.done(base_due, max(app, tol))
                    if extension is _DONE_ON_TIME:
                        extension_days = min(wanted, cap)
                    else:
                        invalid = (dates[app], dates[tol], dates[base_due])
                        findings.append(Finding("extension_invalid", invalid))
                elif rep is not None and rep <= base_due:
                    findings.append(Finding("extension_unused", (dates[rep], dates[base_due])))
                    extension = _DONE_ON_TIME
                else:
                    findings.append(Finding("extension_not_told", (dates[app], dates[base_due])))
                    if app > base_due:  # approved after the deadline: never valid
                        until = app if now is None or now < app else now
                        extension = self.judge(_EXTENSION, base_due, until, [])
                    elif now is None:
                        extension = _NOT_DUE
                    else:
                        extension = self.judge(_EXTENSION, base_due, now, findings)
                    if extension is None:
                        return False
                if extension_days:
                    due, excluded, applied = self.shift(start, ver.n + extension_days, span)
                    if due < 0:
                        return False
            if span is not None and not applied and span[1] > span[0]:
                party, si, _ = consulted  # type: ignore[misc]
                findings.append(Finding("consult_late", (party, dates[si], dates[base_due])))
            if rep is not None:
                reply = _DONE_ON_TIME if rep <= due else self.done(due, rep)
            elif now is None:
                reply = _NOT_DUE
            else:
                judged = self.judge(_REPLY, due, now, findings)
                if judged is None:
                    return False
                reply = judged

        # the verdict's result (gov_deadlines.cases.clock.evaluate) and the line (case_csv.case_cells)
        late = still_open = False
        worst = 0
        for judged in (supplement, extension, reply):
            if judged is None:
                continue
            status, late_by = judged[0], judged[1]
            if status is _LATE or status is _OVERDUE:
                late = True
                if late_by and late_by > worst:
                    worst = late_by
            elif status is _PENDING or status is _WAITING:
                still_open = True
        result = "late" if late else "problem" if over_cap else "open" if still_open else "ok"
        zh = self.zh
        warnings = notes = ""
        warned = 0
        if findings:
            warn_texts, note_texts = [], []
            for finding in findings:
                if finding.code == "due_soon":
                    warn_texts.append(finding_text(finding, zh))
                else:
                    note_texts.append(finding_text(finding, zh))
            warned = len(warn_texts)
            if warned:
                warnings = _field(" ".join(warn_texts))
            if note_texts:
                notes = _field(" ".join(note_texts))
        if extension is None:
            ext_text = ""
        elif extension is _DONE_ON_TIME and extension_days:
            ext_text = _field(
                f"有效,延长{extension_days}个工作日"
                if zh
                else f"valid, {extension_days} working days"
            )
        else:
            ext_text = _status(zh, extension)[0]
            if extension[0] is _LATE or extension[0] is _OVERDUE:
                ext_text = f"无效:{ext_text}" if zh else f"invalid: {ext_text}"
            ext_text = _field(ext_text)
        iso = g.iso
        if "," in case_id or '"' in case_id or "\n" in case_id or "\r" in case_id:
            case_id = _field(case_id)
        self.append(
            f"{line},{case_id},{RESULT_TEXT[zh][result]},{self.channels[channel]},"
            f"{iso[receipt]},{self.receipt_note(assumed, raw, receipt)},{label},"
            f"{iso[start] if start is not None else ''},"
            f"{iso[supplement_due] if supplement is not None else ''},"
            f"{_status(zh, supplement)[1] if supplement is not None else ''},{excluded},"
            f"{ext_text},{iso[due] if due >= 0 else ''},{PROVISIONAL_TEXT[zh][False]},"
            f"{iso[rep] if rep is not None else ''},"
            f"{_status(zh, reply)[1]},{worst},{warnings},{notes}\r\n"
        )

        # the summary, as Summary.add counts the verdict, tallied (see merge)
        counted = (result, label, supplement, extension, reply, over_cap, warned)
        tally = self.tally
        tally[counted] = tally.get(counted, 0) + 1
        if label not in self.summary.versions:  # in the order the versions come
            self.summary.versions[label] = 0
        if len(tally) > _TALLY_LIMIT:  # memory does not grow with the file
            self.merge()
        if late and len(self.summary.late_kept) < self.summary.keep:
            self.summary.keep_late(line, picked[0], partial(self.verdict, picked))
        return True

    def verdict(self, picked: Sequence[str]) -> CaseVerdict:
        """The general clock's verdict on a row, for the summary's examples."""
        auditor = self.auditor
        return evaluate(
            facts_from_cells(picked), auditor.calendar, auditor.as_of, auditor.policy, auditor.versions
        )

    def merge(self) -> None:
        """Add the rows counted so far to the summary, as :meth:`Summary.add` would have
        row by row: the lean clock's (``tally``), the plain rows replied on time
        (``on_time``, by version) and late (``late``, by version, status and delay). Each
        version is already in ``summary.versions``, from its first row on, as there."""
        tally = self.tally
        for label, counter in self.on_time.items():
            counted = ("ok", label, None, None, _DONE_ON_TIME, False, 0)
            tally[counted] = tally.get(counted, 0) + counter[0]
            counter[0] = 0
        for (label, status, late_by), count in self.late.items():
            counted = ("late", label, None, None, (status, late_by, 0, None), False, 0)
            tally[counted] = tally.get(counted, 0) + count
        self.late.clear()
        summary = self.summary
        results, versions, duties = summary.results, summary.versions, summary.duties
        for (result, label, *judged, over_cap, warned), count in tally.items():
            if not count:
                continue
            if summary.as_of is None:
                summary.as_of = self.auditor.as_of
            summary.rows += count
            results[result] += count
            versions[label] = versions.get(label, 0) + count
            for kind, duty in zip(_KINDS, judged, strict=True):
                if duty is not None:
                    status, days = duty[0], duty[1] or 0
                    duties[kind][status] += count
                    if status is _LATE or status is _OVERDUE:
                        worst = summary.max_late[kind]
                        worst[status] = max(worst[status], days)
            if over_cap:
                summary.extension_over_cap += count
            summary.warnings += warned * count
        tally.clear()


# -- the writer ------------------------------------------------------------------------------------


class _Sink:
    """Where csv.writer writes a line that needs quoting: into the chunk."""

    __slots__ = ("write",)

    def __init__(self, write: Callable[[str], object]) -> None:
        self.write = write


def write_fast_case_rows(
    audit: CsvAudit, stream: TextIO, *, zh: bool, lang: str, summary: Summary
) -> None:
    """Write the per-case CSV rows of ``audit`` (the header is already written) and count
    them into ``summary``: the output of the general path, faster."""
    reader, auditor = audit.reader, audit.auditor
    width, pick = audit.width, audit.pick
    as_of = auditor.as_of
    write = stream.write

    # Lines are gathered and written in chunks; csv.writer, for a line that needs quoting,
    # writes into the same chunk, so the order holds.
    chunk: list[str] = []
    append = chunk.append
    writerow = csv.writer(_Sink(append)).writerow
    add = summary.add

    def general(result: RowResult) -> None:
        add(result)
        cells = case_cells(result, zh, lang)
        line = ",".join(cells)
        if line.count(",") == _SEPARATORS and not ('"' in line or "\n" in line or "\r" in line):
            append(line + "\r\n")
        else:
            writerow(cells)

    def audited(picked: Sequence[str], line: int) -> None:
        """A row through the general path (a malformed one too, with its message)."""
        general(auditor.cells(picked, line))

    grid = day_grid(auditor.calendar, auditor.versions)
    lean = _Lean(audit, grid, summary, append, zh)
    plans: dict[tuple[str, str, str, str], _Plan | None] = {}  # by receipt cells
    get_plan, get_index, parse = plans.get, grid.index.get, lean.parse
    make_plan, lean_write, verdict, late = lean.plan, lean.write, lean.verdict, lean.late
    iso, cum, day = grid.iso, grid.cum, grid.day
    now, latest = lean.now, lean.latest
    today = now if now is not None and grid.lo <= now <= grid.hi else -1  # the audit day
    ok_text, late_text = RESULT_TEXT[zh]["ok"], RESULT_TEXT[zh]["late"]
    # The official span only (plain dates): no date of this path is provisional.
    official = PROVISIONAL_TEXT[zh][False]
    on_time_cell = _status(zh, _DONE_ON_TIME)[1]
    examples, keep, versions = summary.late_kept, summary.keep, summary.versions
    unseen = cast(_Plan, ())  # a key not looked at yet
    # A header in the order of FIELDS: a row is its cells in that order.
    direct = width == MISSING and audit.layout.index == tuple(range(MISSING))
    previous = reader.line_num
    try:
        if not (as_of is None or type(as_of) is dt.date):
            # The lean clock reads the audit day as a plain date (not a subclass, a datetime).
            for result in audit:
                general(result)
            return
        while True:  # once, and again after each line the CSV reader refuses
            try:
                for row in reader:
                    line = previous + 1
                    previous = reader.line_num
                    if not line & _CHUNK:  # now and then
                        write("".join(chunk))
                        chunk.clear()
                    if previous != line:  # a row over several lines: a quoted line break
                        spanned = audit.spanned(row, line, previous)
                        if spanned is not None:
                            general(spanned)
                            continue
                    if len(row) != width:
                        misfit = audit.misfit(row, line)
                        if misfit is BLANK:
                            continue
                        if misfit is not None:
                            general(misfit)
                            continue
                    if direct:
                        picked: Sequence[str] = row
                    else:
                        row.append("")
                        picked = pick(row)
                    (case_id, channel, submitted, signed, confirmed, requested, arrived, _, sent,
                     _, approved, told, days, replied_text) = picked  # fmt: skip
                    key = (channel, submitted, signed, confirmed)
                    plan = get_plan(key, unseen)
                    if plan is unseen:
                        plan = make_plan(channel, submitted, signed, confirmed)
                        if len(plans) < PLAN_LIMIT:
                            plans[key] = plan
                    if plan is None:
                        if not audit.blank(row):
                            audited(picked, line)
                        continue
                    if requested or arrived or sent or approved or told or days:
                        if not lean_write(picked, line, plan):
                            audited(picked, line)
                        continue

                    # A plain row: the reply on time, late or overdue from its plan.
                    raw, due, middle, label, on_time, _, receipt, _, _ = plan
                    if "," in case_id or '"' in case_id or "\n" in case_id or "\r" in case_id:
                        case_id = _field(case_id)
                    if replied_text:
                        replied = get_index(replied_text)
                        if replied is None:
                            replied = parse(replied_text)
                        warning = ""
                        # not read, before the receipt, or after the audit day
                        if replied < receipt or replied > latest:
                            if not raw <= replied < receipt or replied > latest:
                                audited(picked, line)
                                continue
                            # A reply on the rest day the receipt was moved from: on time,
                            # with the warning plausibility.date_findings gives it.
                            finding = Finding("before_receipt", ("replied", day[replied], day[receipt]))
                            warning = _field(finding_text(finding, zh))
                            summary.doubtful += 1
                            if len(summary.doubtful_examples) < keep:
                                summary.doubtful_examples.append((line, picked[0], (finding,)))
                        if replied <= due:
                            if not on_time[0] and label not in versions:
                                versions[label] = 0  # in the order the versions come
                            on_time[0] += 1
                            append(
                                f"{line},{case_id},{ok_text},{middle},{official},{iso[replied]},"
                                f"{on_time_cell},0,{warning},\r\n"
                            )
                            continue
                        judged = (_LATE, cum[replied + 1] - cum[due + 1], replied - due, None)
                        done = iso[replied]
                    elif today > due:
                        judged = (_OVERDUE, cum[today + 1] - cum[due + 1], today - due, None)
                        done = ""
                    else:  # pending (due soon, perhaps), or the audit day past the data
                        if not lean_write(picked, line, plan):
                            audited(picked, line)
                        continue
                    append(
                        f"{line},{case_id},{late_text},{middle},{official},{done},"
                        f"{_status(zh, judged)[1]},{judged[1]},,\r\n"
                    )
                    counted = (label, judged[0], judged[1])
                    late[counted] = late.get(counted, 0) + 1
                    if label not in versions:
                        versions[label] = 0
                    if len(examples) < keep:
                        summary.keep_late(line, picked[0], partial(verdict, picked))
                break
            except csv.Error as error:
                line = previous + 1
                previous = reader.line_num
                general(audit.bad_csv(error, line))
    finally:
        if chunk:
            write("".join(chunk))
        lean.merge()
