"""gov-deadlines recheck: stored results against a newly loaded notice, in Chinese by default,
exit 1 when a stored result changes, 2 when the file cannot be read."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from _cli import ROOT, run_main
from gov_deadlines.bundled import data_path

RESULTS = ROOT / "docs" / "examples" / "results-2026-12.jsonl"
NOTICE = ROOT / "docs" / "examples" / "2027-example.toml"


def test_recheck_lists_the_changed_results_in_chinese_and_exits_1() -> None:
    result = run_main("recheck", str(RESULTS), "--calendar", str(NOTICE))
    assert result.code == 1, result
    assert "5条记录,重新计算4条" in result.out
    assert "第3条 ogi.reply 2027-01-04:结果改变,2027-02-01 → 2027-01-30" in result.out
    assert "2027-01-30现为调休上班日" in result.out
    assert "第1条" not in result.out  # untouched: not listed without --explain


def test_recheck_with_nothing_changed_exits_0() -> None:
    result = run_main("recheck", str(RESULTS), "--provisional", "--lang", "en")
    assert result.code == 0, result
    assert "5 records, 0 recomputed" in result.out


def test_recheck_json_follows_its_schema() -> None:
    result = run_main("recheck", str(RESULTS), "--calendar", str(NOTICE), "--json", "--explain")
    data = json.loads(result.out)
    with open(data_path("schemas", "RecheckRecord.json"), encoding="utf-8") as handle:
        jsonschema.validate(data, json.load(handle))
    assert data["records"] == 5 and data["recomputed"] == 4 and len(data["items"]) == 5
    assert data["counts"]["changed"] == 3 and data["counts"]["untouched"] == 1


def test_recheck_reads_a_commands_json_document_and_the_per_case_csv(tmp_path: Path) -> None:
    stored = run_main("schedule", "2027", "--provisional", "--json")
    path = tmp_path / "schedule.json"
    path.write_text(stored.out, encoding="utf-8")
    result = run_main("recheck", str(path), "--calendar", str(NOTICE), "--lang", "en")
    assert result.code == 1 and "recomputed" in result.out, result
    audit = tmp_path / "audit.csv"
    made = run_main(
        "audit", str(ROOT / "docs" / "audit-example.csv"), "--as-of", "2026-06-30", "-o", str(audit)
    )
    assert made.code in (0, 1), made
    rechecked = run_main("recheck", str(audit), "--calendar", str(NOTICE))
    assert rechecked.code == 0 and "14条记录" in rechecked.out, rechecked


def test_a_results_file_that_cannot_be_read_is_named_with_exit_2(tmp_path: Path) -> None:
    result = run_main("recheck", str(tmp_path / "missing.jsonl"))
    assert result.code == 2 and "missing.jsonl" in result.err and "Traceback" not in result.err
    bad = tmp_path / "gbk.jsonl"
    bad.write_bytes("编号".encode("gbk"))
    result = run_main("recheck", str(bad), "--lang", "en")
    assert result.code == 2 and "not UTF-8" in result.err


def test_an_unreadable_line_is_reported_and_the_others_rechecked(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = RESULTS.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], "{oops", lines[2]]) + "\n", encoding="utf-8")
    result = run_main("recheck", str(path), "--calendar", str(NOTICE))
    assert result.code == 1
    assert "第2条:无法读取" in result.out and "第3条 ogi.reply 2027-01-04:结果改变" in result.out
