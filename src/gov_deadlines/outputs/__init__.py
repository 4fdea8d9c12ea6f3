"""The writers of every result: the batch audit's per-case CSV, JSON Lines, summary and
supervision form, the recurring duties' supervision form and ``.ics`` calendar.

Each writer (``write_X(results, stream, *, lang=…)``) consumes its results once and returns
what it counted on the way, a :class:`WriteSummary` (rows, provisional rows) or a subclass:

* :func:`write_case_csv` — the per-case CSV (UTF-8 with BOM), columns :data:`CASE_COLUMNS`
  (:mod:`~gov_deadlines.outputs.case_csv`);
* :func:`write_jsonl` — one JSON object per row (:mod:`~gov_deadlines.outputs.jsonl`);
* :func:`audit_frame` — a pandas/polars/Arrow frame with the per-case CSV's result columns
  (:func:`result_columns`) appended, and :func:`audit_record_batches` for Spark and Dask
  (:mod:`~gov_deadlines.outputs.frames`; ``docs/frames.md``);
* :class:`Summary` and :func:`summarize` — the counts of a batch and their Markdown
  (:mod:`~gov_deadlines.outputs.summary`);
* :func:`write_form` — the supervision form of seed 002 (:class:`SupervisionRow`) as
  Markdown or CSV (:mod:`~gov_deadlines.outputs.supervision`), for a batch from
  :func:`form_rows` with :func:`form_title` and :func:`form_note` (or :func:`form_markdown`
  at once; :mod:`~gov_deadlines.outputs.audit_form`), for a log check from
  :func:`supervision_rows` (:mod:`~gov_deadlines.outputs.log_form`);
* :func:`due_within_frame` — the rows of a frame due within N working days, soonest first
  (:mod:`~gov_deadlines.outputs.due_frame`; ``audit --due-within`` for frames);
* :func:`case_timeline` and :func:`render_timeline` — one case's months drawn as a calendar
  for the terminal (:mod:`~gov_deadlines.outputs.timeline`);
* :func:`write_audit_xlsx`, :func:`write_form_xlsx` — the per-case workbook with its
  summary sheet, and the supervision form as a workbook (:mod:`~gov_deadlines.outputs.xlsx`;
  needs the optional ``xlsxwriter``);
* :func:`write_ics`, :func:`to_ics` — the recurring duties as calendar events
  (:mod:`~gov_deadlines.outputs.ics`; needs the optional ``icalendar``);
* :func:`recheck` — which stored results a new calendar or catalogue changes, read back
  from their records' stamps (:mod:`~gov_deadlines.outputs.rechecking`).

``docs/audit.md`` and ``docs/recurring.md`` document the formats.
"""

from __future__ import annotations

from gov_deadlines.outputs.audit import write_case_csv
from gov_deadlines.outputs.audit_form import form_markdown, form_note, form_rows, form_title
from gov_deadlines.outputs.case_csv import CASE_COLUMNS
from gov_deadlines.outputs.due_frame import due_columns, due_within_frame
from gov_deadlines.outputs.frames import audit_frame, audit_record_batches, result_columns
from gov_deadlines.outputs.ics import IcsSummary, IcsUnavailableError, to_ics, write_ics
from gov_deadlines.outputs.jsonl import write_jsonl
from gov_deadlines.outputs.log_form import strength_label, supervision_rows
from gov_deadlines.outputs.rechecking import Outcome, Reason, Recheck, RecheckItem, recheck
from gov_deadlines.outputs.summary import (
    RESULTS,
    Summary,
    provisional_note,
    result_label,
    summarize,
)
from gov_deadlines.outputs.supervision import FormFormat, SupervisionRow, form_headers, write_form
from gov_deadlines.outputs.timeline import (
    Timeline,
    TimelineDay,
    TimelineEvent,
    case_timeline,
    render_timeline,
)
from gov_deadlines.outputs.written import WriteSummary
from gov_deadlines.outputs.xlsx import write_audit_xlsx, write_form_xlsx

__all__ = [
    "CASE_COLUMNS",
    "RESULTS",
    "FormFormat",
    "IcsSummary",
    "IcsUnavailableError",
    "Outcome",
    "Reason",
    "Recheck",
    "RecheckItem",
    "Summary",
    "SupervisionRow",
    "Timeline",
    "TimelineDay",
    "TimelineEvent",
    "WriteSummary",
    "audit_frame",
    "audit_record_batches",
    "case_timeline",
    "due_columns",
    "due_within_frame",
    "form_headers",
    "form_markdown",
    "form_note",
    "form_rows",
    "form_title",
    "provisional_note",
    "recheck",
    "render_timeline",
    "result_columns",
    "result_label",
    "strength_label",
    "summarize",
    "supervision_rows",
    "to_ics",
    "write_audit_xlsx",
    "write_case_csv",
    "write_form",
    "write_form_xlsx",
    "write_ics",
    "write_jsonl",
]
