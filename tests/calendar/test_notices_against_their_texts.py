"""The notice data (``data/calendar/notices.toml``) agrees with the notice texts we hold.

``../shared/notices/<year>.txt`` is the text of the State Council's holiday notice for ten
years; each file's ``#`` header names its number and signing date, and the text prints both
(the number under the title, the date at the foot, in figures or in Chinese numerals). For
each of those years the data's ``number`` and ``published`` must equal them (the number is
checked against the text where the copy prints it: the 2020 and 2026 copies do not), and the entry
is ``verified``. The years whose number or date no text of ours confirms (2004, 2005, 2008
numbers; 2009 date) stay ``verified = false``.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from gov_deadlines.bundled import read_data

NOTICES = Path(__file__).resolve().parents[2].parent / "shared" / "notices"
TEXTS = sorted(NOTICES.glob("[0-9][0-9][0-9][0-9].txt")) if NOTICES.is_dir() else []
DATA: dict[int, dict[str, Any]] = {
    item["year"]: item
    for item in tomllib.loads(read_data("calendar", "notices.toml").decode("utf-8"))["notice"]
}
FIGURES = "〇一二三四五六七八九"


def chinese_date(day: dt.date) -> str:
    """``二〇〇六年十二月十四日`` (the foot of the older notices)."""

    def small(n: int) -> str:
        tens, units = divmod(n, 10)
        return (("" if tens == 1 else FIGURES[tens]) + "十" if tens else "") + (
            FIGURES[units] if units else ""
        )

    year = "".join(FIGURES[int(d)] for d in str(day.year))
    return f"{year}年{small(day.month)}月{small(day.day)}日"


def header(path: Path, key: str) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"# {key}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"{path.name} has no '# {key}:' line")


def body(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return re.sub(r"\s", "", "".join(line for line in lines if not line.startswith("#")))


@pytest.mark.skipif(not TEXTS, reason=f"no notice texts in {NOTICES}")
def test_ten_notice_texts_are_held() -> None:
    assert len(TEXTS) == 10


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_the_data_has_the_number_and_signing_date_the_notice_prints(path: Path) -> None:
    year = int(path.stem)
    number, signed = header(path, "number"), dt.date.fromisoformat(header(path, "date"))
    text = body(path)
    if "国办发明电" in text:  # some copies (2020, 2026) do not print the number
        assert number in text, f"{path.name}: the text prints another number than its header"
    figures = f"{signed.year}年{signed.month}月{signed.day}日"
    # Some copies print the Chinese zero as ○ (U+25CB) instead of 〇 (U+3007).
    assert figures in text or chinese_date(signed) in text.replace("○", "〇"), (
        f"{path.name}: the foot date {signed} is not printed in the text"
    )
    entry = DATA[year]
    assert (entry["number"], entry["published"]) == (number, signed), year
    assert entry["verified"] is True, year


def test_the_unconfirmed_numbers_and_date_stay_unverified() -> None:
    for year in (2004, 2005, 2008):
        assert DATA[year]["number"] == "" and DATA[year]["verified"] is False, year
    assert DATA[2009]["verified"] is False
    assert not (NOTICES / "2009.txt").exists() or pytest.fail("a 2009 text exists: check it")


def test_the_chinese_foot_date_is_written_as_the_notices_write_it() -> None:
    assert chinese_date(dt.date(2006, 12, 14)) == "二〇〇六年十二月十四日"
    assert chinese_date(dt.date(2011, 12, 5)) == "二〇一一年十二月五日"
    assert chinese_date(dt.date(2010, 10, 20)) == "二〇一〇年十月二十日"
