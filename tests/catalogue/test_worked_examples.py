"""One worked example per document, with the document's own dates (issue 4, §3).

The examples are defined once, in :data:`tools.worked_examples.WORKED_EXAMPLES`, and
each document's page (``docs/rules/<source id>.md``) shows what they compute. This file states the expected answers
independently — worked out by hand from the State Council holiday notices and cross-checked
for working-day rules with :func:`nth_workday` (a day-by-day walk over
``chinese_calendar.is_workday``) — and checks ``due()``, the generator's results and the
generated page against them. Every step of every example must have an expected answer here.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest
from tools.gen_docs import rule_pages, source_page
from tools.worked_examples import (
    RULE_EXAMPLES,
    WORKED_EXAMPLES,
    Step,
    rule_example_results,
    story_rule_ids,
    worked_example_results,
)

from gov_deadlines import UnquantifiedRuleError, default_catalogue, due
from gov_deadlines.counting.periods import FixedDate, Hours, WorkingDays

D = dt.date
T = dt.datetime
DOCS = Path(__file__).resolve().parents[2] / "docs"


def nth_workday(n: int, trigger: dt.date) -> dt.date:
    """The n-th working day after ``trigger`` (not counted), by ``chinese_calendar.is_workday``."""
    day = trigger
    while n:
        day += dt.timedelta(days=1)
        n -= chinese_calendar.is_workday(day)
    return day


@dataclass(frozen=True)
class Expect:
    """What one step must give (``due`` is None when the library must refuse)."""

    applied: str  # the rule whose limit applies (a version or the delegated rule)
    due: dt.date | None
    due_at: T | None = None  # hour rules: the instant, Beijing time
    unrolled: dt.date | None = None  # art. 203 moved the last day off this rest day
    last_workday: dt.date | None = None  # fixed dates
    earliest_removal: dt.date | None = None  # minimum durations


Key = tuple[str, str, object, tuple[tuple[str, Any], ...]]

EXPECTED: dict[Key, Expect] = {
    # 沪府办发〔2018〕16号, made public 2018-04-26 (Thu)
    ("sh-2018", "sh-2018.implementation-plan", D(2018, 4, 26), ()): Expect(
        "sh-2018.implementation-plan", D(2018, 5, 28), unrolled=D(2018, 5, 26)
    ),  # +30 days = Sat 26 May; rolled to Mon 28 May
    ("sh-2018", "sh-2018.statutory-disclosure", D(2018, 4, 26), ()): Expect(
        "ogi-2008.proactive-disclosure", D(2018, 5, 25)
    ),  # 20 wd; Sat 28 Apr is a make-up working day, 29 Apr–1 May Labour Day
    ("sh-2018", "sh-2018.survey-report", 2018, ()): Expect(
        "sh-2018.survey-report", D(2018, 12, 31), last_workday=D(2018, 12, 29)
    ),  # 31 Dec 2018 is a New Year holiday; Sat 29 Dec was a make-up working day
    # 巴委办〔2017〕28号, issued 2017-03-17 (Fri)
    ("bz-2017", "bz-2017.implementation-plan", D(2017, 3, 17), ()): Expect(
        "bz-2017.implementation-plan", D(2017, 4, 17)
    ),
    ("bz-2017", "bz-2017.normative-document", D(2017, 3, 17), ()): Expect(
        "bz-2017.normative-document", D(2017, 3, 22)
    ),
    ("bz-2017", "bz-2017.staff-training", D(2017, 3, 17), ()): Expect(
        "bz-2017.staff-training", D(2020, 3, 17)
    ),  # 3 years, corresponding day (Tue): no roll
    # 督察表: undated, "及时公开" → the national default
    ("ah-checklist", "ah-checklist.timely-disclosure", D(2017, 9, 29), ()): Expect(
        "ogi-2019.proactive-disclosure", None
    ),
    ("ah-checklist", "ogi.proactive-disclosure", D(2017, 9, 29), ()): Expect(
        "ogi-2008.proactive-disclosure", D(2017, 11, 2)
    ),  # Sat 30 Sep make-up day counts; 1–8 Oct National Day / Mid-Autumn skipped
    ("ah-checklist", "ogi.proactive-disclosure", D(2026, 9, 28), ()): Expect(
        "ogi-2019.proactive-disclosure", D(2026, 10, 30)
    ),
    # 鲁政办发〔2018〕21号, 2018-07-04 (Wed)
    ("sd-2018", "sd-2018.pilot-acceptance", 2018, ()): Expect(
        "sd-2018.pilot-acceptance", D(2018, 9, 30), last_workday=D(2018, 9, 30)
    ),  # Sun 30 Sep 2018 was a make-up working day before National Day
    ("sd-2018", "sd-2018.pilot-report", 2018, ()): Expect(
        "sd-2018.pilot-report", D(2018, 10, 31), last_workday=D(2018, 10, 31)
    ),
    ("sd-2018", "sd-2018.poverty-fund-notice", D(2018, 7, 4), ()): Expect(
        "sd-2018.poverty-fund-notice",
        D(2018, 7, 16),
        unrolled=D(2018, 7, 14),
        earliest_removal=D(2018, 7, 17),
    ),  # day 10 = Sat 14 Jul → stays up through Mon 16 Jul
    ("sd-2018", "sd-2018.poverty-fund-notice", D(2018, 7, 4), (("posting_day_counts", True),)): (
        Expect("sd-2018.poverty-fund-notice", D(2018, 7, 13), earliest_removal=D(2018, 7, 14))
    ),  # posting day = day 1 → day 10 = Fri 13 Jul
    ("sd-2018", "sd-2018.policy-interpretation", D(2018, 7, 4), ()): Expect(
        "sd-2018.policy-interpretation", D(2018, 7, 9)
    ),
    # 菊园新区 2024-04-19 (Fri)
    ("jy-2024", "jy-2024.policy-consultation-reply", D(2024, 4, 19), ()): Expect(
        "jy-2024.policy-consultation-reply", D(2024, 4, 26)
    ),
    ("jy-2024", "jy-2024.simple-question-reply", D(2024, 4, 19), ()): Expect(
        "jy-2024.simple-question-reply", D(2024, 4, 22)
    ),
    ("jy-2024", "jy-2024.annual-report", 2025, ()): Expect(
        "ogi-2019.annual-report", D(2025, 1, 31), last_workday=D(2025, 1, 27)
    ),  # Spring Festival 2025: 28 Jan – 4 Feb off
    # 条例 2019, in force 2019-05-15 (Wed)
    ("ogi-2019", "ogi.reply", D(2019, 5, 15), ()): Expect("ogi-2019.reply", D(2019, 6, 13)),
    ("ogi-2019", "ogi-2019.supplement-notice", D(2019, 5, 15), ()): Expect(
        "ogi-2019.supplement-notice", D(2019, 5, 24)
    ),
    ("ogi-2019", "ogi.reply", D(2019, 5, 14), ()): Expect("ogi-2008.reply", D(2019, 6, 4)),
    ("ogi-2019", "ogi.annual-report", 2020, ()): Expect(
        "ogi-2019.annual-report", D(2020, 1, 31), last_workday=D(2020, 1, 23)
    ),  # Spring Festival 2020, extended to 2 Feb
    # 条例 2008, in force 2008-05-01 (Thu, Labour Day)
    # received on the holiday: counts from Sun 2008-05-04, a make-up working day (rest-day
    # receipt policy, as the case audit counts it)
    ("ogi-2008", "ogi.reply", D(2008, 5, 1), ()): Expect("ogi-2008.reply", D(2008, 5, 23)),
    ("ogi-2008", "ogi.annual-report", 2009, ()): Expect(
        "ogi-2008.annual-report", D(2009, 3, 31), last_workday=D(2009, 3, 31)
    ),
    # 国办发〔2016〕61号, 2016-08-12 (Fri), public opinion detected 20:00
    ("gbf-2016-61", "gbf-2016-61.major-incident-press-conference", T(2016, 8, 12, 20), ()): (
        Expect(
            "gbf-2016-61.major-incident-press-conference",
            D(2016, 8, 13),
            due_at=T(2016, 8, 13, 20),
        )
    ),
    ("gbf-2016-61", "gbf-2016-61.opinion-response", T(2016, 8, 12, 20), ()): Expect(
        "gbf-2016-61.opinion-response", D(2016, 8, 14), due_at=T(2016, 8, 14, 20)
    ),
}


def _key(source: str, step: Step) -> Key:
    return (source, step.rule_id, step.trigger, step.options)


KEYS = list(EXPECTED)


def test_every_document_has_a_worked_example() -> None:
    assert [ex.source for ex in WORKED_EXAMPLES] == [
        "sh-2018",
        "bz-2017",
        "ah-checklist",
        "sd-2018",
        "jy-2024",
        "ogi-2019",
        "ogi-2008",
        "gbf-2016-61",
    ]
    assert {ex.source for ex in WORKED_EXAMPLES} == set(default_catalogue().sources)


def test_every_step_of_every_example_has_an_expected_answer_here() -> None:
    steps = [_key(ex.source, step) for ex in WORKED_EXAMPLES for step in ex.steps]
    assert len(steps) == len(set(steps))
    assert set(steps) == set(EXPECTED)


def test_each_example_starts_from_its_documents_own_date() -> None:
    sources = default_catalogue().sources
    for example in WORKED_EXAMPLES:
        source = sources[example.source]
        own = {d for d in (source.date, source.effective_from) if d is not None}
        if not own:  # the Anhui checklist is undated: its example says so
            assert "undated" in example.en and "没有日期" in example.zh
            continue
        triggers = {
            s.trigger.date() if isinstance(s.trigger, dt.datetime) else s.trigger
            for s in example.steps
        }
        assert own & triggers or {d.year for d in own} & triggers, example.source


@pytest.mark.parametrize("key", KEYS, ids=[f"{k[0]}:{k[1]}:{k[2]}:{len(k[3])}" for k in KEYS])
def test_the_worked_example_step_gives_the_expected_answer(key: Key) -> None:
    _source, rule_id, trigger, options = key
    expect = EXPECTED[key]
    if expect.due is None:
        with pytest.raises(UnquantifiedRuleError) as caught:
            due(rule_id, trigger, **dict(options))  # type: ignore[arg-type]
        assert caught.value.national_default == expect.applied
        return
    deadline = due(rule_id, trigger, **dict(options))  # type: ignore[arg-type]
    assert deadline.due_date == expect.due
    assert deadline.unrolled_date == expect.unrolled
    assert deadline.last_workday == expect.last_workday
    assert deadline.earliest_removal == expect.earliest_removal
    assert not deadline.provisional
    if expect.due_at is not None:
        assert deadline.due_at == expect.due_at.replace(tzinfo=deadline.due_at.tzinfo)
    applied = [getattr(n, "target", None) or getattr(n, "chosen", None) for n in deadline.notes]
    applied_ids = {r.id for r in applied if r is not None}
    assert deadline.rule is not None
    assert expect.applied == deadline.rule.id or expect.applied in applied_ids
    if isinstance(deadline.period, WorkingDays):
        assert isinstance(trigger, dt.date)
        start = (
            deadline.receipt_date or trigger
        )  # a rest-day receipt counts from the next working day
        assert deadline.due_date == nth_workday(deadline.period.n, start)


def test_the_generator_computes_the_same_answers() -> None:
    for example, computed in worked_example_results():
        for step, outcome in computed:
            expect = EXPECTED[_key(example.source, step)]
            if expect.due is None:
                assert isinstance(outcome, UnquantifiedRuleError)
            else:
                assert not isinstance(outcome, Exception)
                assert outcome.due_date == expect.due


def test_each_documents_page_shows_its_example() -> None:
    pages = rule_pages()
    for example in WORKED_EXAMPLES:
        section = pages[source_page(example.source)]
        assert (DOCS / source_page(example.source)).read_text(encoding="utf-8") == section
        assert "## 算例 Worked example" in section
        assert example.zh in section and example.en in section
        for step in example.steps:
            expect = EXPECTED[_key(example.source, step)]
            assert f"`{step.rule_id}`" in section
            if expect.due_at is not None:
                assert f"{expect.due_at:%Y-%m-%d %H:%M}" in section
            elif expect.due is not None:
                assert f"{expect.due.isoformat()}(" in section


def test_the_brief_s_examples() -> None:
    # 巴委办〔2017〕28号 issued 2017-03-17: plan 2017-04-17, normative documents 2017-03-22
    assert due("bz-2017.implementation-plan", D(2017, 3, 17)).due_date == D(2017, 4, 17)
    assert due("bz-2017.normative-document", D(2017, 3, 17)).due_date == D(2017, 3, 22)
    # 沪府办发〔2018〕16号 published 2018-04-26: 30日 → 2018-05-28
    assert due("sh-2018.implementation-plan", D(2018, 4, 26)).due_date == D(2018, 5, 28)
    # 鲁政办发〔2018〕21号: pilot acceptance 2018-09-30; notice posted 2018-07-04 stays through …
    assert due("sd-2018.pilot-acceptance", 2018).due_date == D(2018, 9, 30)
    assert due("sd-2018.poverty-fund-notice", D(2018, 7, 4)).due_date == D(2018, 7, 16)
    # 菊园 2024-04-19: consultation answered within 5 wd
    assert due("jy-2024.policy-consultation-reply", D(2024, 4, 19)).due_date == D(2024, 4, 26)


# -- each rule's own example -------------------------------------------------------------------


def last_workday_on_or_before(day: dt.date) -> dt.date:
    """By ``chinese_calendar.is_workday``, walking back one day at a time."""
    while not chinese_calendar.is_workday(day):
        day -= dt.timedelta(days=1)
    return day


OWN = rule_example_results()


def test_every_rule_has_exactly_one_example_its_documents_story_or_its_own() -> None:
    ids = [step.rule_id for step in RULE_EXAMPLES]
    assert len(ids) == len(set(ids))
    story = story_rule_ids()
    assert not story & set(ids), sorted(story & set(ids))
    every = {item.id for item in default_catalogue().rules()}
    assert every - story - set(ids) == set(), "add an example to tools/worked_examples.py"
    assert set(ids) <= every


@pytest.mark.parametrize("rule_id", sorted(OWN))
def test_the_rules_own_example_gives_what_an_independent_count_gives(rule_id: str) -> None:
    step, outcome = OWN[rule_id]
    assert not isinstance(outcome, Exception), outcome
    if isinstance(outcome, list):  # the windows of a year
        assert isinstance(step.trigger, int) and outcome
        for window in outcome:
            assert window.year == step.trigger and not window.provisional
            assert window.window_start <= window.window_end == window.due_date
            assert window.last_workday == last_workday_on_or_before(window.due_date)
        for before, after in itertools.pairwise(outcome):
            assert after.window_start == before.window_end + dt.timedelta(days=1)
        return
    assert not outcome.provisional
    period = outcome.period
    if isinstance(period, WorkingDays):
        assert isinstance(step.trigger, dt.date) and chinese_calendar.is_workday(step.trigger)
        assert outcome.due_date == nth_workday(period.n, step.trigger)
    elif isinstance(period, Hours):
        assert isinstance(step.trigger, dt.datetime)
        expected = step.trigger + dt.timedelta(hours=period.n)
        assert outcome.due_at == expected.replace(tzinfo=outcome.due_at.tzinfo)
    else:
        assert isinstance(period, FixedDate) and isinstance(step.trigger, int)
        assert outcome.due_date == D(step.trigger, period.month, period.day)
        assert outcome.last_workday == last_workday_on_or_before(outcome.due_date)


def test_each_rules_example_is_shown_under_the_rule() -> None:
    pages = rule_pages()
    for item in default_catalogue().rules():
        page = pages[source_page(item.source.id)]
        block = page.split(f"## {item.id}\n", 1)[1].split("\n## ", 1)[0]
        assert "**算例 Example**" in block, item.id
        if item.id not in OWN:
            assert "(#算例-worked-example)" in block and "## 算例 Worked example" in page
            continue
        _step, outcome = OWN[item.id]
        dates = [w.due_date for w in outcome] if isinstance(outcome, list) else [outcome.due_date]
        for day in dates:  # 2018-07-31(周二) 24:00, or an hour: 2017-03-19 16:00(周日)
            assert f"{day.isoformat()}(" in block or f"{day.isoformat()} " in block, item.id
