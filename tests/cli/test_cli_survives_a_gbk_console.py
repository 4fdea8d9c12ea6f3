"""Output on a GBK console (``PYTHONIOENCODING=cp936``: a redirected Chinese-Windows console)
never crashes: text degrades to what the stream can encode, and data (CSV, JSON Lines) goes
out as UTF-8 bytes whatever the console's encoding (issue 10, item 8).
Test names are sentences."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from _cli import ROOT, program_env

EXAMPLE = ROOT / "docs" / "audit-example.csv"
LOG = ROOT / "docs" / "log-example.csv"


def gbk(*argv: str) -> subprocess.CompletedProcess[bytes]:
    """The program run with standard streams in cp936, its output kept as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "gov_deadlines", *argv],
        capture_output=True,
        env=program_env({"PYTHONIOENCODING": "cp936", "PYTHONUTF8": None}),
        timeout=120,
        check=False,
    )


def test_check_log_prints_its_marks_as_characters_gbk_has() -> None:
    done = gbk(
        "check-log", str(LOG), "--year", "2026", "--source", "jy-2024", "--as-of", "2027-01-15"
    )
    err = done.stderr.decode("cp936")
    assert done.returncode == 1, err
    assert "Traceback" not in err
    out = done.stdout.decode("cp936")
    assert "√ jy-2024.open-month" in out
    assert "× jy-2024.quarterly-circular" in out
    assert "2026年定期任务核查" in out


def test_check_log_form_and_json_print_on_a_gbk_console() -> None:
    for extra in (["--form"], ["--json"]):
        done = gbk("check-log", str(LOG), "--year", "2026", "--as-of", "2027-01-15", *extra)
        assert done.returncode == 1, done.stderr.decode("cp936")
    assert json.loads(done.stdout.decode("cp936"))["year"] == 2026


def test_audit_csv_to_stdout_is_utf8_with_a_bom_byte_for_byte_the_file(tmp_path: Path) -> None:
    target = tmp_path / "cases.csv"
    written = gbk("audit", str(EXAMPLE), "--as-of", "2026-06-30", "-o", str(target))
    assert written.returncode == 1, written.stderr.decode("cp936")
    done = gbk("audit", str(EXAMPLE), "--as-of", "2026-06-30", "--format", "csv")
    assert done.returncode == 1, done.stderr.decode("cp936")
    assert done.stdout.startswith(b"\xef\xbb\xbf\xe8\xa1\x8c\xe5\x8f\xb7")  # BOM, 行号
    assert done.stdout == target.read_bytes()
    assert "核查14行" in done.stderr.decode("cp936")  # the summary, in the console's encoding


def test_audit_json_lines_to_stdout_are_utf8() -> None:
    done = gbk("audit", str(EXAMPLE), "--as-of", "2026-06-30", "--format", "jsonl")
    assert done.returncode == 1, done.stderr.decode("cp936")
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(records) == 14


def test_the_audit_summary_and_form_print_in_gbk() -> None:
    for fmt in ("markdown", "form"):
        done = gbk("audit", str(EXAMPLE), "--as-of", "2026-06-30", "--format", fmt)
        assert done.returncode == 1, done.stderr.decode("cp936")
        assert "核查" in done.stdout.decode("cp936")


def test_an_error_message_prints_in_gbk() -> None:
    done = gbk("audit", "no-such-file.csv")
    assert done.returncode == 2
    assert "错误" in done.stderr.decode("cp936")


def test_a_character_a_stream_cannot_encode_becomes_one_it_can() -> None:
    from gov_deadlines.cli.console import DegradingStream, degrade

    assert degrade("✓ ✗ − ﬁ 😀 第一季度", "cp936") == "√ × - fi ? 第一季度"
    raw = io.BytesIO()
    stream = DegradingStream(io.TextIOWrapper(raw, encoding="cp936"))
    stream.write("✓ 已完成\n")
    stream.flush()
    assert raw.getvalue().decode("cp936") == "√ 已完成\n"
