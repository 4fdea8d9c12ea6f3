"""Every quoted passage of a seed-derived rule occurs in its seed, on the line the data cites.

How the quote and the seed line are compared:

* the seed file is ``../shared/seeds/<source.seed>`` (beside the repository, found from this
  file: ``Path(__file__).resolve().parents[2].parent / "shared"``); ``seed_line`` is 1-based
  and counts lines as ``str.splitlines()`` does;
* seed 003 (sd-2018, ``traditional = true``) is printed in traditional characters and its
  quotes are written in simplified ones: the **seed line** is converted with
  ``hanziconv.HanziConv.toSimplified`` before comparing (the quote is not converted; it must
  already be simplified, which is checked too). Only the sources flagged ``traditional`` are
  converted;
* whitespace only is normalised: every character for which ``str.isspace()`` is true
  (ASCII spaces, tabs, U+3000 ideographic space, no-break space …) is deleted from both the
  quote and the line — the seeds come from web pages and a PDF whose extraction put spaces
  inside sentences. Punctuation is compared as it is (full-width ,、“” etc.);
* the quote must then be a contiguous substring of the line.

The same holds for every ``[[not_a_rule]]`` entry of a seed-derived file. The national
statutes (ogi-2019, ogi-2008, gbf-2016-61) have no seed: their rules carry no ``seed_line``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hanziconv import HanziConv

from gov_deadlines import default_catalogue
from gov_deadlines.catalogue import NotARule, Rule, RuleSet

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"

needs_seeds = pytest.mark.skipif(
    not SHARED.is_dir(),
    reason=f"../shared not found (looked for {SHARED}); it sits beside the repository in CI",
)

FILES: dict[str, RuleSet] = {file.source.id: file for file in default_catalogue().files()}
SEEDED = sorted(sid for sid, file in FILES.items() if file.source.seed)
STATUTES = sorted(sid for sid, file in FILES.items() if not file.source.seed)


def squeeze(text: str) -> str:
    """The text with every whitespace character removed (the only normalisation besides 繁→简)."""
    return "".join(ch for ch in text if not ch.isspace())


def seed_lines(file: RuleSet) -> list[str]:
    assert file.source.seed is not None
    return (SEEDS / file.source.seed).read_text(encoding="utf-8").splitlines()


def comparable_line(file: RuleSet, number: int) -> str:
    line = seed_lines(file)[number - 1]
    if file.source.traditional:
        line = HanziConv.toSimplified(line)
    return squeeze(line)


def _entries() -> list[tuple[str, str, int]]:
    found = []
    for sid in SEEDED:
        file = FILES[sid]
        found += [(sid, f"rule {item.id}", index) for index, item in enumerate(file.rule)]
        found += [(sid, f"not_a_rule #{index}", index) for index, _ in enumerate(file.not_a_rule)]
    return found


def _entry(sid: str, label: str, index: int) -> Rule | NotARule:
    file = FILES[sid]
    return file.rule[index] if label.startswith("rule ") else file.not_a_rule[index]


ENTRIES = _entries()


@needs_seeds
def test_the_five_seeds_are_the_seeded_sources() -> None:
    assert SEEDED == ["ah-checklist", "bz-2017", "jy-2024", "sd-2018", "sh-2018"]
    assert STATUTES == ["gbf-2016-61", "ogi-2008", "ogi-2019"]
    for sid in SEEDED:
        assert (SEEDS / str(FILES[sid].source.seed)).is_file()


def test_only_seed_003_is_traditional() -> None:
    assert [sid for sid in SEEDED if FILES[sid].source.traditional] == ["sd-2018"]
    assert str(FILES["sd-2018"].source.seed).startswith("003_")


@needs_seeds
@pytest.mark.parametrize(
    ("sid", "label", "index"), ENTRIES, ids=[f"{s}:{lab}" for s, lab, _ in ENTRIES]
)
def test_the_quote_occurs_in_the_seed_at_its_line(sid: str, label: str, index: int) -> None:
    file = FILES[sid]
    entry = _entry(sid, label, index)
    assert entry.seed_line is not None, f"{sid} {label}: a seed-derived entry needs seed_line"
    lines = seed_lines(file)
    assert 1 <= entry.seed_line <= len(lines), f"{sid} {label}: line {entry.seed_line} past the end"
    line = comparable_line(file, entry.seed_line)
    assert squeeze(entry.quote) in line, (
        f"{sid} {label}: quote not found on seed line {entry.seed_line}\n"
        f"  quote: {entry.quote}\n  line:  {line[:400]}"
    )


@pytest.mark.parametrize(
    ("sid", "label", "index"), ENTRIES, ids=[f"{s}:{lab}" for s, lab, _ in ENTRIES]
)
def test_the_quote_is_written_in_simplified_characters(sid: str, label: str, index: int) -> None:
    quote = _entry(sid, label, index).quote
    assert HanziConv.toSimplified(quote) == quote


@needs_seeds
def test_the_traditional_seed_is_really_converted() -> None:
    # Guard against a vacuous pass: some sd-2018 quotes are not in the raw (traditional) line.
    file = FILES["sd-2018"]
    lines = seed_lines(file)
    raw_misses = [
        item.id
        for item in file.rule
        if squeeze(item.quote) not in squeeze(lines[(item.seed_line or 1) - 1])
    ]
    assert len(raw_misses) > len(file.rule) // 2


@pytest.mark.parametrize("sid", STATUTES)
def test_statute_rules_have_no_seed_line(sid: str) -> None:
    file = FILES[sid]
    assert file.source.seed is None
    assert file.rule, f"{sid} has no rules"
    for item in file.rule:
        assert item.seed_line is None, f"{item.id} is a statute rule with a seed_line"
    for entry in file.not_a_rule:
        assert entry.seed_line is None
