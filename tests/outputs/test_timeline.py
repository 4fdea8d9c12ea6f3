"""One case's timeline (issue 15, §2, ``--timeline``): the months of the case as calendars
with the receipt, the 补正 and consultation spans, the excluded days, the extension and the
due date marked; plain marks and a legend without colour, the same text with it."""

from __future__ import annotations

import datetime as dt
import io
import re

from gov_deadlines.cases import audit_case
from gov_deadlines.cli.console import Console
from gov_deadlines.outputs import case_timeline, render_timeline
from gov_deadlines.outputs.timeline import MARKS

ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: The command line's colouring (what `case --timeline` passes on a terminal).
paint = Console(io.StringIO(), io.StringIO(), color=True).style


def consulted() -> object:
    return audit_case(
        {
            "channel": "挂号信",
            "submitted": "2026-03-18",
            "signed_for": "2026-03-20",
            "consultations": [{"sent": "2026-04-01", "answered": "2026-04-10"}],
            "replied": "2026-04-28",
        },
        as_of=dt.date(2026, 4, 30),
    )


def corrected_and_extended() -> object:
    return audit_case(
        {
            "channel": "网络",
            "submitted": "2026-04-10",
            "confirmed": "2026-04-12",
            "supplement_requested": "2026-04-24",
            "supplement_received": "2026-04-30",
            "extension": {"approved": "2026-05-20", "told": "2026-05-21", "workdays": 10},
            "replied": "2026-06-29",
        },
        as_of=dt.date(2026, 6, 30),
    )


def test_the_months_of_the_case_are_drawn_from_the_receipt_to_the_last_date() -> None:
    timeline = case_timeline(consulted())
    assert timeline.months == ((2026, 3), (2026, 4))


def test_each_excluded_working_day_of_the_consultation_is_marked_and_rest_days_inside_are_rest() -> (
    None
):
    timeline = case_timeline(consulted())
    consultation = [d for d, info in timeline.days.items() if "consultation" in info.marks]
    # (2026-04-01, 2026-04-10]: the 6 working days the clock excluded
    assert len(consultation) == 6 == consulted().excluded_workdays
    assert timeline.days[dt.date(2026, 4, 6)].marks == ("rest",)  # 清明节, not counted anyway
    assert timeline.days[dt.date(2026, 4, 6)].holiday_zh == "清明节"
    # the day it was sent is not excluded ((sent, answered]): it has a mark of its own
    assert timeline.days[dt.date(2026, 4, 1)].marks == ("consultation_sent",)


def test_the_receipt_the_due_date_the_reply_and_the_audit_day_are_marked_on_their_days() -> None:
    timeline = case_timeline(consulted())
    assert timeline.days[dt.date(2026, 3, 20)].marks[0] == "receipt"
    assert timeline.days[dt.date(2026, 4, 28)].marks == ("due", "replied")
    assert timeline.days[dt.date(2026, 4, 30)].marks == ("as_of",)
    text = render_timeline(timeline)
    assert "20收 21休 22休" in text
    assert "27   28限 29   30今" in text


def test_a_correction_an_extension_and_a_moved_receipt_are_marked_and_listed() -> None:
    verdict = corrected_and_extended()
    timeline = case_timeline(verdict)
    marks = {day: info.marks for day, info in timeline.days.items()}
    assert marks[dt.date(2026, 4, 12)][0] == "receipt"  # recorded on a Sunday
    assert marks[dt.date(2026, 4, 13)][0] == "receipt"  # counted from the Monday
    assert marks[dt.date(2026, 4, 24)] == ("supplement_requested",)
    assert marks[dt.date(2026, 4, 30)] == ("supplement_received",)
    assert marks[dt.date(2026, 5, 20)] == ("extension",)
    assert marks[dt.date(2026, 6, 1)] == ("original_due",)
    assert marks[dt.date(2026, 6, 15)] == ("due",)
    assert marks[dt.date(2026, 5, 9)] == ("makeup",)  # 劳动节调休上班
    text = render_timeline(timeline, "en")
    assert "2026-04-12 (Sun) recorded receipt (a rest day: moved to the next working day)" in text
    assert "2026-06-15 (Mon) Reply due: late by 9 working day(s)" in text


def test_every_mark_shown_is_explained_in_the_legend_and_every_event_is_listed() -> None:
    for verdict in (consulted(), corrected_and_extended()):
        timeline = case_timeline(verdict)
        for lang in ("zh", "en"):
            text = render_timeline(timeline, lang)
            legend = text.splitlines()[-2]
            used = {mark for info in timeline.days.values() for mark in info.marks}
            for code in used:
                mark = MARKS[code]
                assert f"{mark.sign(lang == 'zh')}={mark.name(lang == 'zh')}" in legend
            for event in timeline.events:
                assert (event.text_zh if lang == "zh" else event.text_en) in text


def test_colour_changes_nothing_but_the_escape_codes() -> None:
    timeline = case_timeline(corrected_and_extended())
    for lang in ("zh", "en"):
        plain = render_timeline(timeline, lang)
        coloured = render_timeline(timeline, lang, style=paint)
        assert "\x1b[" not in plain and "\x1b[" in coloured
        assert ANSI.sub("", coloured) == plain


def test_a_day_past_the_calendar_is_drawn_as_unknown_not_as_a_working_day() -> None:
    verdict = audit_case({"channel": "当面", "submitted": "2026-12-01"}, as_of=dt.date(2026, 12, 2))
    timeline = case_timeline(verdict)
    assert timeline.months == ((2026, 12),)
    assert all(info.kind != "unknown" for info in timeline.days.values())
    provisional = audit_case(
        {"channel": "当面", "submitted": "2026-12-20"},
        as_of=dt.date(2026, 12, 21),
    )
    assert provisional.reply.status.value == "undetermined"
    later = case_timeline(provisional)
    assert later.months == ((2026, 12),)
