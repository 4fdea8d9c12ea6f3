"""The calendar's part of a result's stamp: one stable hash per year, worked out once."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import gov_deadlines as gd
from gov_deadlines.calendar.fingerprint import arrangement_digest, notice_id
from gov_deadlines.stamps import DaySpan, Stamp, YearStamp, years_read

OVERLAY_2027 = Path(__file__).parents[1] / "outputs" / "data" / "2027-hypothetical.toml"


def test_the_2026_arrangement_has_the_same_stamp_in_every_run() -> None:
    # A pinned value: the hash is of a canonical serialisation (sorted JSON, UTF-8), not of
    # Python's hash() or of a dict's order, so that it is the same on every run and version.
    assert gd.default_calendar().year_stamp(2026) == YearStamp(
        2026, "official", "国办发明电〔2025〕7号", "c7e9f4aa80"
    )


def test_a_years_hash_does_not_depend_on_the_order_of_its_days() -> None:
    arrangement = gd.default_calendar().arrangements()[2026]
    backwards = dataclasses.replace(
        arrangement,
        days_off=dict(reversed(list(arrangement.days_off.items()))),
        makeup_workdays=dict(reversed(list(arrangement.makeup_workdays.items()))),
    )
    assert arrangement_digest(backwards) == arrangement_digest(arrangement)


def test_a_years_hash_changes_with_its_days_but_not_with_its_citation() -> None:
    arrangement = gd.default_calendar().arrangements()[2026]
    recited = dataclasses.replace(arrangement, origin="elsewhere")
    assert arrangement_digest(recited) == arrangement_digest(arrangement)
    moved = dict(arrangement.makeup_workdays)
    moved.pop(dt.date(2026, 10, 10))
    changed = dataclasses.replace(arrangement, makeup_workdays=moved)
    assert arrangement_digest(changed) != arrangement_digest(arrangement)


def test_each_year_says_where_its_arrangement_came_from() -> None:
    official = gd.default_calendar()
    with_file = official.with_overlays(OVERLAY_2027)
    provisional = gd.default_calendar(provisional=True)
    assert official.year_stamp(2027) == YearStamp(2027, "none")
    assert with_file.year_stamp(2027).kind == "overlay"
    assert with_file.year_stamp(2027).notice == "国办发明电〔2026〕99号"
    assert provisional.year_stamp(2027).kind == "provisional"
    assert provisional.year_stamp(2027).notice == "全国年节及纪念日放假办法 国务院令第795号"
    assert with_file.year_stamp(2026) == official.year_stamp(2026)


def test_an_amended_year_names_its_amendment_and_a_local_year_says_so() -> None:
    cal = gd.default_calendar()
    assert notice_id(cal.arrangements()[2020]) == "国办发明电〔2019〕16号+国办发明电〔2020〕1号"
    xinjiang = cal.for_region("65")
    assert xinjiang.year_stamp(2025).kind == "official+local"
    assert xinjiang.year_stamp(2025).digest != cal.year_stamp(2025).digest
    assert xinjiang.year_stamp(2024) == cal.year_stamp(2024)


def test_a_calendar_works_its_year_stamps_out_once() -> None:
    cal = gd.default_calendar().with_overlays(OVERLAY_2027)
    assert cal.year_stamps() is cal.year_stamps()


def test_late_december_reads_the_next_years_arrangement() -> None:
    def years(first: dt.date, last: dt.date) -> tuple[int, ...]:
        return years_read([DaySpan(first, last)])

    assert years(dt.date(2026, 12, 20), dt.date(2027, 1, 19)) == (2026, 2027)
    assert years(dt.date(2026, 12, 1), dt.date(2026, 12, 24)) == (2026,)
    assert years(dt.date(2026, 12, 25), dt.date(2026, 12, 25)) == (2026, 2027)
    assert years(dt.date(2027, 1, 1), dt.date(2027, 1, 5)) == (2027,)


@given(
    st.text().filter(lambda k: k != "none"),
    st.text(alphabet="%;:=|ab国", max_size=8),
    st.integers(2000, 2100),
)
@settings(max_examples=200)
def test_a_stamps_text_reads_back_as_the_same_stamp(kind: str, notice: str, year: int) -> None:
    stamp = Stamp(
        (YearStamp(year, kind or "official", notice, "0123456789"), YearStamp(year + 1, "none")),
        (gd.RuleStamp(f"src{notice}", "abcdef0123"),),
    )
    assert Stamp.parse(stamp.text()) == stamp


def test_a_stamp_is_the_same_under_any_hash_seed() -> None:
    # str hashes (and so set and dict orders built from them) change with PYTHONHASHSEED.
    import os
    import subprocess
    import sys

    code = (
        "import datetime as dt, gov_deadlines as gd\n"
        "cal = gd.default_calendar().for_region('65')\n"
        "print(gd.due('ogi.reply', dt.date(2025, 3, 20), calendar=cal).stamp)\n"
    )
    texts = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(texts) == 1 and "2025=official+local:" in texts.pop()
