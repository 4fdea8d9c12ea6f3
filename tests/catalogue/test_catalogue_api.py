"""The catalogue API (issue 4): ``rules``, ``rule``, ``due``, ``check``, ``deadlines_for`` and
local rule files. Test names are sentences.

Expected working-day dates are cross-checked with an independent oracle, :func:`nth_workday`,
which walks ``chinese_calendar.is_workday`` day by day. (``chinese_calendar.find_workday(n, d)``
is not used as the oracle: when ``d`` itself is a rest day it counts the first working day
after ``d`` as day 0, so from 2008-05-01 it lands one working day later than the law's
"the trigger day is not counted, the N-th working day after it".)
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import chinese_calendar
import pytest

import gov_deadlines as gd
from gov_deadlines import (
    Catalogue,
    GovDeadlinesError,
    NotInForceError,
    RuleFileError,
    RuleKindError,
    TriggerError,
    UnknownRuleError,
    UnquantifiedRuleError,
    deadlines_for,
    default_calendar,
    default_catalogue,
    due,
    rule,
    rules,
)
from gov_deadlines.catalogue import Rule
from gov_deadlines.counting.periods import FixedDate, Hours, WorkingDays

D = dt.date
T = dt.datetime
CAT = default_catalogue()
DUE_KINDS = ("deadline", "fixed-date", "min-duration")


def nth_workday(n: int, trigger: dt.date) -> dt.date:
    """The n-th working day after ``trigger`` (not counted), by ``chinese_calendar.is_workday``."""
    day = trigger
    while n:
        day += dt.timedelta(days=1)
        n -= chinese_calendar.is_workday(day)
    return day


# -- the acceptance items ------------------------------------------------------------------------


def test_the_bazhong_implementation_plan_is_due_on_17_april_2017() -> None:
    deadline = due("bz-2017.implementation-plan", D(2017, 3, 17))
    assert deadline.due_date == D(2017, 4, 17)
    assert deadline.due_date == nth_workday(20, D(2017, 3, 17))
    assert deadline.rule is not None and deadline.rule.id == "bz-2017.implementation-plan"


def test_its_chinese_explanation_cites_the_document_number_and_quotes_its_words() -> None:
    text = due("bz-2017.implementation-plan", D(2017, 3, 17)).explain("zh")
    assert "巴委办〔2017〕28号" in text
    assert "在本意见印发后的20个工作日内" in text


def test_the_explanation_opens_with_the_rule_its_document_clause_and_words() -> None:
    lines = due("bz-2017.implementation-plan", D(2017, 3, 17)).explain_lines("zh")
    assert lines[0].startswith("规则:bz-2017.implementation-plan")
    assert "巴委办〔2017〕28号" in lines[1] and "六、(二十二)之后结尾段" in lines[1]
    assert lines[2] == "原文:“在本意见印发后的20个工作日内制定具体实施方案”"
    english = due("bz-2017.implementation-plan", D(2017, 3, 17)).explain("en")
    assert english.startswith("Rule: bz-2017.implementation-plan")
    assert "巴委办〔2017〕28号" in english


def test_an_application_received_in_2018_is_answered_under_the_2008_regulation() -> None:
    deadline = due("ogi.reply", D(2018, 9, 28))
    assert deadline.rule is not None and deadline.rule.id == "ogi-2008.reply"
    assert deadline.period == WorkingDays(15)
    assert deadline.due_date == nth_workday(15, D(2018, 9, 28)) == D(2018, 10, 24)
    assert "ogi-2008.reply" in deadline.explain("zh")


def test_an_application_received_in_2026_is_answered_under_the_2019_regulation_by_30_october() -> (
    None
):
    deadline = due("ogi.reply", D(2026, 9, 28))
    assert deadline.rule is not None and deadline.rule.id == "ogi-2019.reply"
    assert deadline.period == WorkingDays(20)
    assert deadline.due_date == D(2026, 10, 30)
    assert deadline.due_date == nth_workday(20, D(2026, 9, 28))


# -- versions by effective date ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("family", "received", "version"),
    [
        ("ogi.reply", D(2008, 5, 1), "ogi-2008.reply"),
        ("ogi.reply", D(2019, 5, 14), "ogi-2008.reply"),
        ("ogi.reply", D(2019, 5, 15), "ogi-2019.reply"),
        ("ogi.reply", D(2019, 5, 16), "ogi-2019.reply"),
        ("ogi.proactive-disclosure", D(2008, 5, 1), "ogi-2008.proactive-disclosure"),
        ("ogi.proactive-disclosure", D(2019, 5, 14), "ogi-2008.proactive-disclosure"),
        ("ogi.proactive-disclosure", D(2019, 5, 15), "ogi-2019.proactive-disclosure"),
    ],
)
def test_the_version_in_force_on_the_trigger_date_applies(
    family: str, received: dt.date, version: str
) -> None:
    # As recorded: the version of the day given, counted from it (2008-05-01 is a holiday,
    # which the default rest-day receipt policy would move; see test_due_and_audit_agree).
    deadline = due(family, received, receipt_policy=gd.ReceiptPolicy.AS_RECORDED)
    assert deadline.rule is not None and deadline.rule.id == version
    n = 15 if version == "ogi-2008.reply" else 20
    assert deadline.due_date == nth_workday(n, received)
    assert f"版本:{family}" in deadline.explain("zh")


def test_the_version_boundary_is_midnight_in_beijing_not_utc() -> None:
    # 2019-05-14 16:30 UTC is 2019-05-15 00:30 in Beijing: the 2019 regulation applies.
    utc = due("ogi.reply", T(2019, 5, 14, 16, 30, tzinfo=dt.UTC))
    assert utc.rule is not None and utc.rule.id == "ogi-2019.reply"
    late_evening = due("ogi.reply", T(2019, 5, 14, 23, 59))
    assert late_evening.rule is not None and late_evening.rule.id == "ogi-2008.reply"


@pytest.mark.parametrize(
    ("year", "version", "due_date"),
    [
        (2009, "ogi-2008.annual-report", D(2009, 3, 31)),
        (2019, "ogi-2008.annual-report", D(2019, 3, 31)),
        (2020, "ogi-2019.annual-report", D(2020, 1, 31)),
        (2026, "ogi-2019.annual-report", D(2026, 1, 31)),
    ],
)
def test_the_annual_report_date_follows_the_version_of_its_year(
    year: int, version: str, due_date: dt.date
) -> None:
    deadline = due("ogi.annual-report", year)
    assert deadline.rule is not None and deadline.rule.id == version
    assert deadline.due_date == due_date
    in_the_year = due("ogi.annual-report", D(year, 6, 1))
    assert in_the_year.due_date == due_date


@pytest.mark.parametrize(
    ("family", "trigger"),
    [
        ("ogi.reply", D(2008, 4, 30)),
        ("ogi.reply", D(2004, 1, 2)),
        ("ogi.proactive-disclosure", D(2008, 4, 30)),
        ("ogi.annual-report", 2008),
    ],
)
def test_before_the_2008_regulation_no_version_is_in_force(family: str, trigger: object) -> None:
    with pytest.raises(NotInForceError) as caught:
        due(family, trigger)  # type: ignore[arg-type]
    error = caught.value
    assert isinstance(error, GovDeadlinesError) and isinstance(error, LookupError)
    assert error.rule_id == family
    assert len(error.versions) == 2
    assert family in error.message("zh")


def test_a_version_named_explicitly_out_of_its_time_is_computed_with_a_warning() -> None:
    deadline = due("ogi-2008.reply", D(2026, 9, 28))
    assert deadline.rule is not None and deadline.rule.id == "ogi-2008.reply"
    assert deadline.due_date == nth_workday(15, D(2026, 9, 28))
    assert "请使用 ogi.reply" in deadline.explain("zh")


def test_a_family_id_names_its_newest_version() -> None:
    assert rule("ogi.reply").id == "ogi-2019.reply"
    assert rule("ogi.annual-report").id == "ogi-2019.annual-report"


def test_a_statutory_reference_follows_the_version_in_force() -> None:
    old = due("sd-2018.ogi-reply", D(2018, 9, 28))
    new = due("sd-2018.ogi-reply", D(2026, 9, 28))
    assert (old.due_date, new.due_date) == (D(2018, 10, 24), D(2026, 10, 30))
    assert old.rule is not None and old.rule.id == "sd-2018.ogi-reply"
    assert "ogi-2008.reply" in old.explain("zh") and "ogi-2019.reply" in new.explain("zh")


# -- errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrong", "meant"),
    [
        ("ogi.repyl", "ogi.reply"),
        ("ogi-2019.replly", "ogi-2019.reply"),
        ("bz-2017.implementation-plna", "bz-2017.implementation-plan"),
        ("sd-2018.pilot-acceptence", "sd-2018.pilot-acceptance"),
    ],
)
def test_an_unknown_id_raises_an_error_suggesting_the_closest_ids(wrong: str, meant: str) -> None:
    for call in (lambda: rule(wrong), lambda: due(wrong, D(2020, 1, 2))):
        with pytest.raises(UnknownRuleError) as caught:
            call()
        error = caught.value
        assert isinstance(error, KeyError) and isinstance(error, GovDeadlinesError)
        assert error.rule_id == wrong
        assert meant in error.suggestions
        assert meant in str(error) and meant in error.message("zh")


def test_an_unquantified_rule_raises_an_error_naming_the_national_default() -> None:
    with pytest.raises(UnquantifiedRuleError) as caught:
        due("ah-checklist.timely-disclosure", D(2017, 3, 17))
    error = caught.value
    assert isinstance(error, GovDeadlinesError)
    assert error.national_default == "ogi-2019.proactive-disclosure"
    assert "ogi-2019.proactive-disclosure" in str(error)
    assert "ogi-2019.proactive-disclosure" in error.message("zh")
    assert "及时公开" in error.message("zh")


@pytest.mark.parametrize("rule_id", [r.id for r in rules(kind=("cadence", "quota"))])
def test_cadence_and_quota_rules_have_no_single_due_date(rule_id: str) -> None:
    with pytest.raises(RuleKindError) as caught:
        due(rule_id, D(2018, 7, 4))
    assert caught.value.rule_id == rule_id
    assert isinstance(caught.value, GovDeadlinesError)


@pytest.mark.parametrize("rule_id", [r.id for r in rules() if isinstance(r.typed_period, Hours)])
def test_an_hour_rule_refuses_a_bare_date(rule_id: str) -> None:
    with pytest.raises(TriggerError):
        due(rule_id, D(2018, 7, 4))


# -- due() for every rule that has a due date ------------------------------------------------------


def _trigger_for(item: Rule) -> dt.date | dt.datetime | int:
    """A trigger inside the calendar's 2004–2026 coverage, taken from the rule's own document."""
    source = item.source
    if item.kind == "fixed-date":
        if item.fixed_date is not None:
            return item.fixed_date.year
        year = source.date.year + 1 if source.date else 2020
        return max(year, item.first_year or year)
    day = source.effective_from or source.date or D(2018, 7, 4)
    if isinstance(item.typed_period, Hours):
        return T(day.year, day.month, day.day, 9, 30)
    return day


WITH_DUE_DATE = [r.id for r in rules(kind=DUE_KINDS)]


def test_every_kind_with_a_due_date_is_covered() -> None:
    assert len(WITH_DUE_DATE) == len(rules()) - len(
        rules(kind=("cadence", "quota", "unquantified"))
    )
    assert {CAT.rule(i).kind for i in WITH_DUE_DATE} == set(DUE_KINDS)


@pytest.mark.parametrize("rule_id", WITH_DUE_DATE)
def test_due_works_for_every_rule_whose_kind_has_a_due_date(rule_id: str) -> None:
    item = CAT.rule(rule_id)
    trigger = _trigger_for(item)
    deadline = due(rule_id, trigger)
    assert deadline.rule is item
    assert not deadline.provisional
    assert deadline.due_at.tzinfo is not None
    assert deadline.explain_lines("zh")[0].startswith(f"规则:{rule_id}")
    assert deadline.explain_lines("en")[0].startswith(f"Rule: {rule_id}")
    if item.delegates_to is None:
        assert deadline.period == item.typed_period
    if item.kind == "fixed-date":
        assert isinstance(deadline.period, FixedDate)
        assert deadline.due_date.year == trigger
    else:
        assert isinstance(trigger, dt.date)
        start = trigger.date() if isinstance(trigger, dt.datetime) else trigger
        assert deadline.due_date > start
    if isinstance(item.typed_period, WorkingDays):
        assert isinstance(trigger, dt.date)
        # A receipt on a rest day counts from the next working day (rest-day receipt policy).
        start = deadline.receipt_date or trigger
        if deadline.receipt_date is not None:
            assert not chinese_calendar.is_workday(trigger)
            assert deadline.receipt_date == nth_workday(1, trigger)
        assert deadline.due_date == nth_workday(item.typed_period.n, start)
    record = deadline.to_record()
    assert json.loads(record.model_dump_json())["due_date"] == deadline.due_date.isoformat()
    assert record is not None


def test_a_three_year_rule_lands_inside_the_official_calendar_from_its_own_date() -> None:
    deadline = due("bz-2017.staff-training", D(2017, 3, 17))
    assert deadline.due_date == D(2020, 3, 17)
    assert not deadline.provisional


def test_a_three_year_rule_past_2026_needs_the_provisional_calendar() -> None:
    with pytest.raises(gd.CalendarCoverageError):
        due("bz-2017.staff-training", D(2024, 3, 17))
    deadline = due(
        "bz-2017.staff-training", D(2024, 3, 17), calendar=default_calendar(provisional=True)
    )
    assert deadline.due_date == D(2027, 3, 17)
    assert deadline.provisional


def test_an_hour_rule_runs_day_and_night_from_the_instant() -> None:
    deadline = due("bz-2017.opinion-response", T(2017, 3, 17, 9, 30))
    assert deadline.due_at == T(2017, 3, 19, 9, 30, tzinfo=deadline.due_at.tzinfo)


def test_check_due_judges_completion_against_a_catalogue_rule() -> None:
    assert gd.check_due("bz-2017.implementation-plan", D(2017, 3, 17), D(2017, 4, 17)).on_time
    late = gd.check_due("bz-2017.implementation-plan", D(2017, 3, 17), D(2017, 4, 18))
    assert not late.on_time and late.late_by_workdays == 1


def test_check_refuses_a_rule_id_naming_check_due_instead_of_guessing_the_form() -> None:
    with pytest.raises(gd.ArgumentTypeError) as caught:
        gd.check("bz-2017.implementation-plan", D(2017, 3, 17))  # type: ignore[arg-type]
    assert isinstance(caught.value, TypeError)
    assert caught.value.argument == "deadline"
    assert "check_due(" in str(caught.value) and "check_due(" in caught.value.message("zh")


def test_check_due_is_due_then_check_with_the_same_options() -> None:
    # past the bundled calendar: only the provisional calendar given as an option answers
    calendar = gd.default_calendar(provisional=True)
    start, done = D(2026, 12, 10), D(2027, 1, 12)
    direct = gd.check(gd.due("ogi.reply", start, calendar=calendar), done)
    both = gd.check_due("ogi.reply", start, done, calendar=calendar)
    assert both.deadline.provisional
    assert (both.deadline.due_date, both.summary("en")) == (
        direct.deadline.due_date,
        direct.summary("en"),
    )


# -- rules() filters ---------------------------------------------------------------------------


def test_rules_lists_every_rule_of_every_file() -> None:
    assert len(rules()) == sum(len(f.rule) for f in CAT.files()) == 60


def test_rules_filter_by_source() -> None:
    found = rules(sources="sd-2018")
    assert len(found) == 25 and all(r.id.startswith("sd-2018.") for r in found)
    both = rules(sources=["ogi-2008", "ogi-2019"])
    assert {r.source.id for r in both} == {"ogi-2008", "ogi-2019"} and len(both) == 8


def test_rules_filter_by_an_unknown_source_suggests_the_closest() -> None:
    with pytest.raises(UnknownRuleError) as caught:
        rules(sources="sh-2019")
    assert "sh-2018" in caught.value.suggestions


def test_rules_filter_by_kind() -> None:
    cadence = rules(kind="cadence")
    assert len(cadence) == 7 and all(r.cadence in ("monthly", "quarterly") for r in cadence)
    assert {r.kind for r in rules(kind=["quota", "unquantified"])} == {"quota", "unquantified"}
    assert [r.id for r in rules(kind="unquantified")] == ["ah-checklist.timely-disclosure"]


def test_rules_filter_by_trigger_event() -> None:
    assert {r.id for r in rules(trigger="document-published")} == {
        "bz-2017.policy-interpretation",
        "sd-2018.policy-interpretation",
    }
    assert {r.id for r in rules(trigger="application-received")} == {
        "ogi-2008.reply",
        "ogi-2019.reply",
        "ogi-2019.supplement-notice",
        "sd-2018.ogi-reply",
    }


def test_rules_filter_by_chinese_words() -> None:
    assert {r.id for r in rules(words="解读")} == {
        "bz-2017.policy-interpretation",
        "bz-2017.leader-interpretation",
        "sd-2018.policy-interpretation",
    }
    assert {r.id for r in rules(words="新闻发布会")} == {
        "bz-2017.major-incident-press-conference",
        "gbf-2016-61.major-incident-press-conference",
    }


def test_rules_filter_by_english_words_ignoring_case() -> None:
    expected = {
        "bz-2017.major-incident-press-conference",
        "gbf-2016-61.major-incident-press-conference",
    }
    assert {r.id for r in rules(words="press conference")} == expected
    assert {r.id for r in rules(words="PRESS Conference")} == expected


def test_rules_filters_combine() -> None:
    found = rules(sources="bz-2017", kind="deadline", words="24小时")
    assert {r.id for r in found} == {
        "bz-2017.major-incident-press-conference",
        "bz-2017.policy-repost",
    }
    assert rules(sources="jy-2024", trigger="document-published") == []


# -- deadlines_for -------------------------------------------------------------------------------


def _expected_rules(event: str, when: dt.date) -> set[str]:
    """Rules the event starts, from the data: its trigger (or an implied one), one version."""
    start = CAT.event(event)
    wanted = {start.id, *start.implies}
    expected: set[str] = set()
    for item in rules(kind=("deadline", "min-duration")):
        if item.trigger not in wanted:
            continue
        if item.family:
            versions = CAT.family_versions(item.family)
            live = [
                v.rule.id
                for v in versions
                if v.start <= when and (v.until is None or when <= v.until)
            ]
            expected.update(live)
        elif item.source.in_force(when):
            expected.add(item.id)
    return expected


@pytest.mark.parametrize("when", [D(2017, 3, 17), D(2018, 7, 4), D(2026, 9, 28)])
def test_a_published_document_starts_the_deadlines_of_every_source_with_such_a_rule(
    when: dt.date,
) -> None:
    result = deadlines_for("document-published", when)
    expected = _expected_rules("document-published", when)
    sources = {rule_id.split(".")[0] for rule_id in expected}
    assert sources == {"bz-2017", "sd-2018"}
    assert all(d.rule is not None for d in result)
    assert {d.rule.id for d in result if d.rule} == expected
    assert set(result.by_source()) == sources
    assert not result.not_computed
    for deadline in result:
        assert deadline.due_date == nth_workday(3, when)


@pytest.mark.parametrize("event", sorted(CAT.events))
@pytest.mark.parametrize("when", [D(2018, 7, 4), T(2018, 7, 4, 9, 30), D(2019, 7, 4)])
def test_every_event_accounts_for_every_rule_it_starts(event: str, when: dt.date) -> None:
    result = deadlines_for(event, when)
    day = when.date() if isinstance(when, dt.datetime) else when
    expected = _expected_rules(event, day)
    computed = {d.rule.id for d in result if d.rule}
    skipped = {n.rule.id for n in result.not_computed}
    assert not computed & skipped
    assert computed | skipped == expected, "a rule the event starts was dropped"
    for item in result.not_computed:
        assert isinstance(item.error, TriggerError)
        assert item.reason("zh")


def test_hour_rules_given_a_bare_date_are_listed_as_not_computed() -> None:
    result = deadlines_for("public-opinion-emerged", D(2017, 3, 17))
    assert list(result) == []
    assert {n.rule.id for n in result.not_computed} == {
        "bz-2017.opinion-response",
        "bz-2017.major-incident-press-conference",
        "gbf-2016-61.opinion-response",
        "gbf-2016-61.major-incident-press-conference",
    }
    assert set(result.needs_time) == {n.rule for n in result.not_computed}
    with_time = deadlines_for("public-opinion-emerged", T(2017, 3, 17, 9, 30))
    assert len(with_time) == 4 and not with_time.not_computed


def test_a_document_issued_starts_its_own_documents_deadlines() -> None:
    result = deadlines_for("document-issued", D(2017, 3, 17), sources="bz-2017")
    assert {d.rule.id: d.due_date for d in result if d.rule} == {
        "bz-2017.normative-document": D(2017, 3, 22),
        "bz-2017.implementation-plan": D(2017, 4, 17),
        "bz-2017.staff-training": D(2020, 3, 17),
    }


def test_an_event_starts_only_rules_in_force_on_its_date() -> None:
    before = deadlines_for("application-received", D(2018, 7, 4))
    assert {d.rule.id for d in before if d.rule} == {"ogi-2008.reply", "sd-2018.ogi-reply"}
    after = deadlines_for("application-received", D(2019, 7, 4))
    assert {d.rule.id for d in after if d.rule} == {
        "ogi-2019.reply",
        "ogi-2019.supplement-notice",
        "sd-2018.ogi-reply",
    }


# -- local rule files ----------------------------------------------------------------------------

LOCAL = """\
# A bureau's own rules.
[source]
id = "demo-bureau"
issuer = "某市某局"
title = "政务公开工作细则"
title_en = "Open-government working rules"
number = "某局发〔2025〕1号"
date = 2025-03-03
jurisdiction = "某市"
jurisdiction_en = "a city"

[[rule]]
id = "demo-bureau.reply"
title_zh = "咨询留言3个工作日内答复"
title_en = "Answer consultation messages within 3 working days"
clause = "第五条"
quote = "对咨询留言,应当在3个工作日内答复"
kind = "deadline"
strength = "must"
binds_zh = "本局各处室"
binds_en = "every division of the bureau"
trigger = "message-received"
period = "3个工作日"
counting_zh = "收到之日不计入。"
counting_en = "The day of receipt is not counted."
"""


def _write(tmp_path: Path, text: str, name: str = "demo-bureau.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_local_rule_file_loads_and_its_rules_compute(tmp_path: Path) -> None:
    local = default_catalogue().with_rule_files(_write(tmp_path, LOCAL))
    assert isinstance(local, Catalogue)
    deadline = due("demo-bureau.reply", D(2025, 4, 30), catalogue=local)
    assert deadline.due_date == nth_workday(3, D(2025, 4, 30)) == D(2025, 5, 8)
    assert "某局发〔2025〕1号" in deadline.explain("zh")
    assert [r.id for r in rules(sources="demo-bureau", catalogue=local)] == ["demo-bureau.reply"]
    assert len(rules(catalogue=local)) == len(rules()) + 1
    found = deadlines_for("message-received", D(2025, 4, 30), catalogue=local)
    assert "demo-bureau.reply" in {d.rule.id for d in found if d.rule}
    # the built-in catalogue is untouched
    with pytest.raises(UnknownRuleError):
        due("demo-bureau.reply", D(2025, 4, 30))


def test_a_local_rule_file_may_be_json(tmp_path: Path) -> None:
    data = tomllib.loads(LOCAL)
    data["source"]["date"] = data["source"]["date"].isoformat()
    path = _write(tmp_path, json.dumps(data, ensure_ascii=False), "demo-bureau.json")
    local = default_catalogue().with_rule_files(path)
    assert due("demo-bureau.reply", D(2025, 4, 30), catalogue=local).due_date == D(2025, 5, 8)


def _duplicate(text: str) -> str:
    block = text[text.index("[[rule]]") :]
    return text + "\n" + block


INVALID = {
    "unknown kind": (
        lambda t: t.replace('kind = "deadline"', 'kind = "deadlin"'),
        "rule demo-bureau.reply field kind",
        "deadline",
    ),
    "missing quote": (
        lambda t: t.replace('quote = "对咨询留言,应当在3个工作日内答复"\n', ""),
        "rule demo-bureau.reply field quote",
        "required",
    ),
    "bad period text": (
        lambda t: t.replace('period = "3个工作日"', 'period = "三个工作周"'),
        "rule demo-bureau.reply",
        "三个工作周",
    ),
    "unknown trigger event": (
        lambda t: t.replace('trigger = "message-received"', 'trigger = "message-recieved"'),
        "rule demo-bureau.reply",
        "message-recieved",
    ),
    "id not prefixed by the source id": (
        lambda t: t.replace('id = "demo-bureau.reply"', 'id = "other-bureau.reply"'),
        "rule other-bureau.reply",
        "demo-bureau.",
    ),
    "duplicate id": (_duplicate, "rule demo-bureau.reply", "duplicate"),
    "bad TOML": (
        lambda t: t.replace('kind = "deadline"', "kind = deadline"),
        "line ",
        "TOML",
    ),
    "a built-in source id": (
        lambda t: t.replace('"demo-bureau', '"sh-2018'),
        "source.id",
        "sh-2018",
    ),
}


@pytest.mark.parametrize("case", sorted(INVALID))
def test_an_invalid_local_rule_file_raises_an_error_naming_the_file_and_entry(
    tmp_path: Path, case: str
) -> None:
    mutate, entry, words = INVALID[case]
    bad = mutate(LOCAL)
    assert bad != LOCAL
    path = _write(tmp_path, bad)
    with pytest.raises(RuleFileError) as caught:
        default_catalogue().with_rule_files(path)
    error = caught.value
    assert isinstance(error, GovDeadlinesError) and isinstance(error, ValueError)
    assert error.source == str(path)
    assert str(path) in str(error) and str(path) in error.message("zh")
    if entry is None:
        assert error.entry is None
    else:
        assert error.entry is not None and entry in error.entry
        assert entry in str(error)
    assert words in error.problem


def test_a_missing_local_rule_file_raises_an_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    with pytest.raises(RuleFileError) as caught:
        default_catalogue().with_rule_files(path)
    assert caught.value.source == str(path)
