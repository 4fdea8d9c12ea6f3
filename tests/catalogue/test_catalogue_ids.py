"""The catalogue against ``../shared/RULES.md``: the same ids, kinds, strengths and numbers.

RULES.md lists every timing rule of the source documents in Markdown tables whose rows
start ``| id | ...``. The tables are parsed by their header row (so a column added or moved
in RULES.md does not break the parse); a row is a rule when its first cell is an id
(``source.name``). The catalogue must contain exactly those ids: none of its rule files
records a reason for an id RULES.md lacks, so the two sets must be equal.

``../shared`` sits beside the repository (``Path(__file__).resolve().parents[2].parent``);
without it these tests are skipped, saying so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from gov_deadlines import default_catalogue
from gov_deadlines.catalogue import Rule
from gov_deadlines.counting.periods import (
    CalendarDays,
    FixedDate,
    Hours,
    MinimumDuration,
    Period,
    WorkingDays,
    Years,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
RULES_MD = SHARED / "RULES.md"

pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason=f"../shared not found (looked for {SHARED}); it sits beside the repository in CI",
)

KINDS = ("deadline", "fixed-date", "min-duration", "cadence", "quota", "unquantified")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$")


@dataclass(frozen=True)
class Row:
    """One rule row of RULES.md, with the section it sits in."""

    id: str
    section: str
    cells: dict[str, str]

    @property
    def kind_text(self) -> str:
        return self.cells["kind"]

    @property
    def kind(self) -> str:
        found = re.match(r"[a-z-]+", self.kind_text.strip())
        return found.group(0) if found else ""


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def parse_rules_md(text: str) -> list[Row]:
    rows: list[Row] = []
    section = ""
    header: list[str] | None = None
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("## "):
            section, header = line[3:].strip(), None
            continue
        if not line.startswith("|"):
            header = None
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if header is None and re.match(r"^\|\s*-", following):
            header = [cell.lower() for cell in _cells(line)]
            continue
        cells = _cells(line)
        if header is None or not cells or not ID.match(cells[0]):
            continue
        assert len(cells) == len(header), f"RULES.md row with a stray '|': {line}"
        rows.append(Row(cells[0], section, dict(zip(header, cells, strict=True))))
    return rows


ROWS = parse_rules_md(RULES_MD.read_text(encoding="utf-8")) if RULES_MD.is_file() else []
BY_ID = {row.id: row for row in ROWS}
CATALOGUE = default_catalogue()
RULES = {item.id: item for item in CATALOGUE.rules()}


def test_the_tables_of_rules_md_are_parsed() -> None:
    assert RULES_MD.is_file(), f"{RULES_MD} is missing from ../shared"
    assert len(ROWS) >= 60
    assert len(BY_ID) == len(ROWS), "an id appears twice in RULES.md"
    assert {row.kind for row in ROWS} == set(KINDS)


def test_every_id_of_rules_md_is_in_the_catalogue() -> None:
    missing = sorted(BY_ID.keys() - RULES.keys())
    assert not missing, f"ids of RULES.md missing from the catalogue: {missing}"


def test_no_catalogue_id_is_missing_from_rules_md() -> None:
    # No rule file records a reason for an id that RULES.md lacks, so the sets are equal.
    extra = sorted(RULES.keys() - BY_ID.keys())
    assert not extra, f"catalogue ids absent from RULES.md: {extra}"
    assert RULES.keys() == BY_ID.keys()


def test_every_id_sits_in_the_section_of_its_source() -> None:
    for row in ROWS:
        declared = re.findall(r"`([a-z0-9-]+)`", row.section)
        assert declared, f"section {row.section!r} names no source id"
        assert row.id.split(".")[0] in declared, (row.id, row.section)


def test_each_seed_section_names_the_seed_file_of_its_source() -> None:
    for row in ROWS:
        seed = re.match(r"Seed (\d{3})", row.section)
        source = RULES[row.id].source
        if seed is None:
            assert source.seed is None, f"{row.id}: a national rule with a seed file"
        else:
            assert source.seed is not None
            assert source.seed.startswith(seed.group(1) + "_"), (row.id, source.seed)


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_the_kind_matches_the_kind_column(rule_id: str) -> None:
    row = BY_ID[rule_id]
    assert row.kind in KINDS, f"{rule_id}: unreadable kind {row.kind_text!r}"
    assert RULES[rule_id].kind == row.kind


@pytest.mark.parametrize("rule_id", sorted(i for i, r in BY_ID.items() if "strength" in r.cells))
def test_the_strength_matches_the_strength_column(rule_id: str) -> None:
    assert RULES[rule_id].strength == BY_ID[rule_id].cells["strength"]


def test_every_seed_rule_has_a_strength_in_rules_md() -> None:
    without = [
        row.id for row in ROWS if row.section.startswith("Seed") and not row.cells.get("strength")
    ]
    assert not without


# -- the numbers of the kind column ("deadline, 20 wd", "quota, ≥2 per year" …) ----------------

MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
UNITS: dict[str, type[WorkingDays | CalendarDays | Hours | Years]] = {
    "wd": WorkingDays,
    "days": CalendarDays,
    "hours": Hours,
    "years": Years,
}


def _expected_deadline(detail: str) -> tuple[Period | None, WorkingDays | None, bool]:
    """(period, extension, statutory) from e.g. ``20 wd, +≤20 wd extension``."""
    if detail.startswith("statutory"):
        return None, None, True
    found = re.match(r"(\d+) (wd|days|hours|years)\b", detail)
    assert found, f"unreadable deadline {detail!r}"
    period = UNITS[found.group(2)](int(found.group(1)))
    extension = re.search(r"\+≤(\d+) wd extension", detail)
    return period, (WorkingDays(int(extension.group(1))) if extension else None), False


def _expected_fixed(detail: str) -> FixedDate | None:
    """FixedDate from ``end of 2018``, ``30 Sep 2018``, ``every year by 31 July``; None = statutory."""
    if detail.startswith("statutory"):
        return None
    if found := re.fullmatch(r"end of (\d{4})", detail):
        return FixedDate(12, 31, int(found.group(1)))
    if found := re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", detail):
        return FixedDate(
            MONTHS[found.group(2)[:3].lower()], int(found.group(1)), int(found.group(3))
        )
    if found := re.fullmatch(r"every year by (\d{1,2}) ([A-Za-z]+)", detail):
        return FixedDate(MONTHS[found.group(2)[:3].lower()], int(found.group(1)), every_year=True)
    raise AssertionError(f"unreadable fixed date {detail!r}")


def _check_quantity(item: Rule, row: Row) -> None:
    detail = row.kind_text.split(",", 1)[1].strip() if "," in row.kind_text else ""
    if row.kind == "deadline":
        period, extension, statutory = _expected_deadline(detail)
        if statutory:
            assert item.delegates_to is not None and item.typed_period is None
        else:
            assert item.typed_period == period
            assert item.max_extension == extension
    elif row.kind == "min-duration":
        days = re.match(r"(\d+) days", detail)
        assert days and item.typed_period == MinimumDuration(int(days.group(1)))
    elif row.kind == "fixed-date":
        expected = _expected_fixed(detail)
        if expected is None:
            assert item.delegates_to is not None
        else:
            assert item.typed_period == expected
            if expected.year is not None:
                assert item.fixed_date == dt.date(expected.year, expected.month, expected.day or 31)
    elif row.kind == "cadence":
        assert item.cadence == detail
    elif row.kind == "quota":
        count = re.match(r"≥(\d+) (per year|in August each year)", detail)
        assert count, f"unreadable quota {detail!r}"
        assert item.quota is not None
        assert item.quota.count == int(count.group(1))
        assert item.quota.window == ("year" if count.group(2) == "per year" else "august")
    else:
        assert item.typed_period is None


@pytest.mark.parametrize("rule_id", sorted(BY_ID))
def test_the_number_of_the_kind_column_is_the_rules_number(rule_id: str) -> None:
    _check_quantity(RULES[rule_id], BY_ID[rule_id])


def test_unquantified_rules_name_the_national_default_rules_md_gives() -> None:
    for row in ROWS:
        if row.kind == "unquantified":
            named = re.findall(r"`([a-z0-9.-]+)`", row.cells["rule"])
            assert RULES[row.id].national_default in named
