"""`events` for an application received on a rest day: its dates count from the next working
day (policy rest-day-receipt-next-working-day), as `due` and `audit` count them; the text
names the policy, and `--receipt-as-recorded` switches it off as it does for `due`.
Test names are sentences."""

from __future__ import annotations

from _cli import run_main

SUNDAY = "2026-12-20"
POLICY = "rest-day-receipt-next-working-day"


def test_events_names_the_policy_that_moved_a_rest_day_receipt() -> None:
    # The supplement notice was listed as due 2026-12-30 (counted from Monday 12-21) with
    # no word that a policy, not the text, had moved the receipt.
    done = run_main("events", "application-received", SUNDAY)
    assert done.code == 0, done
    assert "2026-12-30  ogi-2019.supplement-notice" in done.out
    assert done.out.count(f"按本库政策 {POLICY} 顺延至其后第一个工作日2026-12-21") == 1
    assert f"政策 {POLICY}:" in done.out
    english = run_main("events", "application-received", SUNDAY, "--lang", "en")
    assert f"by the library's policy {POLICY}" in english.out


def test_events_counts_a_receipt_as_recorded_when_asked_as_due_does() -> None:
    done = run_main("events", "application-received", SUNDAY, "--receipt-as-recorded")
    due = run_main("due", "ogi-2019.supplement-notice", SUNDAY, "--receipt-as-recorded")
    assert done.code == due.code == 0, done
    assert "2026-12-29  ogi-2019.supplement-notice" in done.out
    assert due.out.startswith("截止:2026-12-29")
    assert POLICY not in done.out


def test_events_on_a_working_day_names_no_receipt_policy() -> None:
    done = run_main("events", "application-received", "2026-03-02")
    assert done.code == 0 and POLICY not in done.out
