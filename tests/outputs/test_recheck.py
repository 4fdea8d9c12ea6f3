"""recheck: which stored results a new calendar changes, recomputing only those it touches."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import gov_deadlines as gd
from gov_deadlines.cases import audit_case
from gov_deadlines.outputs import Outcome, recheck
from gov_deadlines.outputs import rechecking as module

OVERLAY_2027 = Path(__file__).parent / "data" / "2027-hypothetical.toml"


def provisional() -> gd.WorkCalendar:
    return gd.default_calendar(provisional=True)


def with_2027() -> gd.WorkCalendar:
    return gd.default_calendar().with_overlays(OVERLAY_2027)


#: The inputs of the stored results: (rule or None, period, trigger, options).
Inputs = tuple[str | None, str, dt.date | dt.datetime, dict[str, Any]]


def thousand_inputs() -> list[Inputs]:
    """1,000 results of receipts and triggers from 2026-11-15 to 2026-12-31: replies to
    applications (some counted as recorded), ad-hoc working days and calendar days."""
    inputs: list[Inputs] = []
    start = dt.date(2026, 11, 15)
    kinds: list[tuple[str | None, str, dict[str, Any]]] = [
        ("ogi.reply", "", {}),
        ("ogi.reply", "", {"receipt_policy": gd.ReceiptPolicy.AS_RECORDED}),
        (None, "15个工作日", {}),
        (None, "30日", {}),
        (None, "10日", {"roll": False}),
    ]
    i = 0
    while len(inputs) < 1000:
        day = start + dt.timedelta(days=i % 47)
        rule, period, options = kinds[i % len(kinds)]
        trigger: dt.date | dt.datetime = day
        if i % 7 == 3:
            trigger = dt.datetime(day.year, day.month, day.day, 9 + i % 8, 30)
        inputs.append((rule, period, trigger, options))
        i += 1
    return inputs


def compute(inputs: Inputs, calendar: gd.WorkCalendar) -> gd.Deadline:
    rule, period, trigger, options = inputs
    if rule is not None:
        return gd.due(rule, trigger, calendar=calendar, **options)
    return gd.deadline(trigger, period, calendar=calendar, **options)


def test_recheck_of_1000_stored_deadlines_lists_exactly_those_a_2027_overlay_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inputs = thousand_inputs()
    stored = [compute(i, provisional()).to_record().model_dump_json() for i in inputs]
    calls = {"n": 0}
    real_due, real_deadline = module.due, module.deadline

    def counting_due(*args: Any, **kwargs: Any) -> gd.Deadline:
        calls["n"] += 1
        return real_due(*args, **kwargs)

    def counting_deadline(*args: Any, **kwargs: Any) -> gd.Deadline:
        calls["n"] += 1
        return real_deadline(*args, **kwargs)

    monkeypatch.setattr(module, "due", counting_due)
    monkeypatch.setattr(module, "deadline", counting_deadline)
    new = with_2027()
    result = recheck(stored, calendar=new)

    from_scratch = [compute(i, new) for i in inputs]
    old = [json.loads(text) for text in stored]
    moved = {
        n + 1
        for n, (o, d) in enumerate(zip(old, from_scratch, strict=True))
        if o["due_date"] != d.due_date.isoformat()
    }
    listed = {item.position for item in result if item.outcome is Outcome.CHANGED}
    assert listed == moved
    assert len(result) == 1000 and 0 < len(moved) < 1000
    for item, fresh in zip(result, from_scratch, strict=True):
        if item.outcome is Outcome.CHANGED:
            assert item.new_date == fresh.due_date and item.reasons
        elif item.outcome is Outcome.CONFIRMED:
            assert item.old_provisional and not fresh.provisional
            assert item.old_date == fresh.due_date
        else:
            assert item.outcome in (Outcome.UNTOUCHED, Outcome.UNCHANGED)
            assert item.old_date == fresh.due_date
            assert item.old_provisional == fresh.provisional
    untouched = [item for item in result if item.outcome is Outcome.UNTOUCHED]
    # Counts that end before 25 December 2026 read nothing of 2027: left alone.
    assert len(untouched) > 100
    assert result.recomputed == calls["n"] == 1000 - len(untouched)


def test_recheck_says_which_notice_and_which_days_moved_a_date() -> None:
    stored = gd.due("ogi.reply", dt.date(2026, 12, 10), calendar=provisional())
    [item] = recheck([stored], calendar=with_2027())
    assert item.outcome is Outcome.CHANGED
    assert (item.old_date, item.new_date) == (dt.date(2027, 1, 8), dt.date(2027, 1, 9))
    zh = [reason.text("zh") for reason in item.reasons]
    en = [reason.text("en") for reason in item.reasons]
    assert zh[0] == "已载入2027年通知(国办发明电〔2026〕99号),取代临时推算"
    assert (
        en[0]
        == "2027 notice loaded (国办发明电〔2026〕99号), replacing the provisional arrangement"
    )
    assert "2027-01-09现为调休上班日" in zh and "2026-12-31现为节假日" in zh
    assert "2027-01-09 is now a make-up working day" in en


def test_a_make_up_working_day_that_ends_a_period_sooner_turns_an_act_on_time_into_a_late_one() -> (
    None
):
    # 2027-02-13 (Saturday) becomes a working day: a 30-day period ending on it no longer rolls.
    stored = gd.check(
        gd.deadline(dt.date(2027, 1, 14), "30日", calendar=provisional()), dt.date(2027, 2, 15)
    )
    [item] = recheck([stored], calendar=with_2027())
    assert item.outcome is Outcome.CHANGED
    assert item.old_date == dt.date(2027, 2, 15) and item.new_date == dt.date(2027, 2, 13)
    assert (item.old_verdict, item.new_verdict) == ("on_time", "late")
    assert any(r.text("en") == "2027-02-13 is now a make-up working day" for r in item.reasons)


def test_a_result_whose_years_are_untouched_is_not_recomputed() -> None:
    stored = gd.due("ogi.reply", dt.date(2026, 9, 28))
    result = recheck([stored.to_record().model_dump(mode="json")], calendar=with_2027())
    assert [item.outcome for item in result] == [Outcome.UNTOUCHED]
    assert result.recomputed == 0


def test_a_count_ending_on_24_december_reads_no_2027_and_one_ending_on_the_25th_does() -> None:
    on_24 = gd.deadline(dt.date(2026, 12, 14), "8个工作日")
    on_25 = gd.deadline(dt.date(2026, 12, 14), "9个工作日")
    assert on_24.due_date == dt.date(2026, 12, 24) and on_25.due_date == dt.date(2026, 12, 25)
    assert [y.year for y in on_24.stamp.years] == [2026]
    assert [y.year for y in on_25.stamp.years] == [2026, 2027]
    assert on_25.stamp.year(2027) == gd.YearStamp(2027, "none")
    result = recheck([on_24, on_25], calendar=with_2027())
    assert [item.outcome for item in result] == [Outcome.UNTOUCHED, Outcome.UNCHANGED]


def test_recheck_goes_on_past_records_it_cannot_read_and_says_why() -> None:
    good = gd.due("ogi.reply", dt.date(2026, 9, 28)).to_record().model_dump_json()
    result = recheck(["not json", {"rule": "ogi.reply"}, good, 42], calendar=with_2027())
    assert [item.outcome for item in result] == [
        Outcome.UNREADABLE,
        Outcome.UNREADABLE,
        Outcome.UNTOUCHED,
        Outcome.UNREADABLE,
    ]
    assert "JSON" in result[0].reasons[0].text("en")
    assert "due_at" in result[1].reasons[0].text("zh")


def test_a_record_stored_without_a_stamp_is_recomputed() -> None:
    record = gd.due("ogi.reply", dt.date(2026, 9, 28)).to_record().model_dump(mode="json")
    del record["stamp"]
    result = recheck([record])
    assert result[0].outcome is Outcome.UNCHANGED and result.recomputed == 1


def test_a_record_counted_as_recorded_is_recomputed_as_recorded() -> None:
    # Saturday 2026-10-10 was a make-up working day; Sunday 2026-10-11 a rest day.
    kept = gd.due("ogi.reply", dt.date(2026, 10, 11), receipt_policy=gd.ReceiptPolicy.AS_RECORDED)
    assert kept.receipt_as_recorded and kept.receipt_date is None
    record = kept.to_record().model_dump(mode="json")
    del record["stamp"]  # forces a recomputation
    [item] = recheck([record])
    assert item.outcome is Outcome.UNCHANGED and item.new_date == kept.due_date


def test_an_occurrence_is_rechecked_and_a_window_verdict_asks_for_a_rerun() -> None:
    cal = provisional()
    [occ] = gd.schedule(2027, rules=["ogi.annual-report"], calendar=cal)
    log = gd.check_log([("ogi.annual-report", dt.date(2027, 2, 3))], 2027, calendar=cal)
    window = next(v for v in log if v.rule_id == occ.rule_id)
    quarterly = gd.schedule(2027, rules=["jy-2024.quarterly-circular"], calendar=cal)[0]
    result = recheck([occ, window, quarterly], calendar=with_2027())
    assert [item.kind for item in result] == ["occurrence", "window", "occurrence"]
    assert result[0].outcome in (Outcome.CONFIRMED, Outcome.CHANGED)
    assert result[1].outcome is Outcome.RERUN
    assert result[2].outcome in (Outcome.CONFIRMED, Outcome.CHANGED, Outcome.UNCHANGED)


def test_a_new_rule_version_in_the_catalogue_touches_the_results_of_its_family() -> None:
    from gov_deadlines.catalogue import RuleSet

    cat = gd.default_catalogue()
    stored = gd.due("ogi.reply", dt.date(2026, 9, 28))
    old = cat.rule("ogi-2019.reply")
    source = gd.Source(
        **{
            **old.source.to_dict(),
            "id": "ogi-2027",
            "date": None,
            "effective_from": dt.date(2027, 1, 1),
            "effective_until": None,
        }
    )
    import dataclasses

    newer = dataclasses.replace(old, id="ogi-2027.reply", source=source, period="15个工作日")
    bigger = cat.with_rule_data(RuleSet(source=source, rule=(newer,)))
    [item] = recheck([stored], catalogue=bigger)
    assert item.outcome is Outcome.UNCHANGED  # the new version is not in force in 2026
    assert any("ogi-2027" in r.text("en") for r in item.reasons)


def test_recheck_refuses_arguments_of_the_wrong_type() -> None:
    with pytest.raises(gd.ArgumentTypeError):
        recheck("results.jsonl")
    with pytest.raises(gd.ArgumentTypeError):
        recheck([], calendar="2027.toml")  # type: ignore[arg-type]


def test_an_audited_case_whose_years_changed_is_to_be_audited_again_and_the_others_are_left() -> (
    None
):
    from gov_deadlines.cases import audit_cases

    cases = [
        {"case_id": "early", "channel": "当面", "submitted": "2026-11-02", "replied": "2026-11-20"},
        {"case_id": "late", "channel": "当面", "submitted": "2026-12-14", "replied": "2027-01-12"},
    ]
    rows = list(audit_cases(cases, as_of=dt.date(2027, 1, 20), calendar=provisional()))
    stamps = [row.verdict.stamp for row in rows if row.verdict is not None]
    assert [[y.year for y in s.years] for s in stamps] == [[2026], [2026, 2027]]
    records = [row.to_record().model_dump(mode="json") for row in rows]
    result = recheck([*records, rows[0].verdict], calendar=with_2027())
    assert [item.outcome for item in result] == [
        Outcome.UNTOUCHED,
        Outcome.RERUN,
        Outcome.UNTOUCHED,
    ]
    assert result[1].old_date == dt.date(2027, 1, 12) and result.recomputed == 0
    assert "audit" in result[1].reasons[-1].text("en")


def test_a_row_of_the_per_case_csv_is_rechecked_by_its_stamp_column() -> None:
    import csv
    import io

    from gov_deadlines.cases import audit_cases
    from gov_deadlines.outputs import write_case_csv

    cases = [{"case_id": "late", "channel": "当面", "submitted": "2026-12-14"}]
    out = io.StringIO()
    write_case_csv(audit_cases(cases, calendar=provisional()), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert gd.Stamp.parse(rows[0]["数据版本"]).year(2027) is not None
    [item] = recheck(rows, calendar=with_2027())
    assert item.outcome is Outcome.RERUN and item.old_provisional


def test_a_verdicts_own_record_is_left_alone_with_the_same_data_and_rerun_after_a_notice() -> None:
    # Verdict.to_record() as a program stores it was "unreadable" (no trigger, no convention)
    provisional = gd.default_calendar(provisional=True)
    late_2026 = gd.check_due(
        "ogi.reply", dt.date(2026, 12, 20), dt.date(2027, 1, 9), calendar=provisional
    )
    official = gd.check_due("ogi.reply", dt.date(2026, 9, 28), dt.date(2026, 10, 9))
    stored = [json.loads(v.to_record().model_dump_json()) for v in (late_2026, official)]
    same = recheck(stored, calendar=provisional)
    assert [item.outcome for item in same] == [Outcome.UNTOUCHED, Outcome.UNTOUCHED]
    assert same[0].kind == "verdict" and same[0].old_date == dt.date(2027, 1, 19)
    new = gd.default_calendar().with_overlays(
        Path(__file__).resolve().parents[2] / "docs" / "examples" / "2027-example.toml"
    )
    after = recheck(stored, calendar=new)
    assert [item.outcome for item in after] == [Outcome.RERUN, Outcome.UNTOUCHED]
    assert any("2027" in reason.en for reason in after[0].reasons)


def _damaged() -> list[dict[str, Any]]:
    deadline = json.loads(gd.due("ogi.reply", dt.date(2026, 9, 28)).to_record().model_dump_json())
    verdict = json.loads(
        gd.check_due("ogi.reply", dt.date(2026, 9, 28), dt.date(2026, 10, 9))
        .to_record()
        .model_dump_json()
    )
    deadline_with_verdict = {**deadline, "verdict": verdict}
    audited = audit_case({"channel": "当面", "submitted": "2026-09-28"})
    case = json.loads(audited.to_record().model_dump_json())
    occurrence = json.loads(gd.schedule(2026)[0].to_record().model_dump_json())
    return [
        {**deadline, "convention": "working_days"},
        {**deadline, "stamp": None, "convention": {**deadline["convention"], "cutoff": "5 pm"}},
        {**deadline_with_verdict, "stamp": None, "verdict": {**verdict, "done_at": "yesterday"}},
        {**case, "stamp": None, "duties": 3},
        {**occurrence, "stamp": None, "year": "twenty-six"},
    ]


@pytest.mark.parametrize("damaged", range(5))
def test_a_damaged_record_is_unreadable_with_a_reason_and_the_recheck_goes_on(damaged: int) -> None:
    # each raised (AttributeError, ValueError, TypeError) and stopped the whole re-check
    good = gd.due("ogi.reply", dt.date(2026, 9, 28))
    found = recheck([_damaged()[damaged], good])
    assert found[0].outcome in (Outcome.UNREADABLE, Outcome.RERUN)
    assert found[0].reasons
    assert found[1].outcome is Outcome.UNTOUCHED


def test_json_nested_too_deeply_is_an_unreadable_record() -> None:
    found = recheck(["[" * 100_000 + "]" * 100_000])
    assert found[0].outcome is Outcome.UNREADABLE
    assert "nested too deeply" in found[0].reasons[0].en


@pytest.mark.parametrize("records", [None, 5, "a.jsonl"])
def test_recheck_refuses_what_is_no_sequence_of_records(records: Any) -> None:
    with pytest.raises(gd.ArgumentTypeError):
        recheck(records)
