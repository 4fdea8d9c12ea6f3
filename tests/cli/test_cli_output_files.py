"""Output files (issue 10, items 1 and 9): every command that writes a file writes it
atomically, never over its own input, and only with a suffix it can write.
Test names are sentences."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import gov_deadlines.outputs as outputs
from _cli import ROOT, program_env
from gov_deadlines.cli import main

EXAMPLE = ROOT / "docs" / "audit-example.csv"
LOG = ROOT / "docs" / "log-example.csv"
HEADER = "编号,渠道,提交日期,答复日期\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def register(path: Path, rows: int) -> bytes:
    """A register of ``rows`` plain cases, written to ``path``; its bytes."""
    lines = [HEADER] + [f"2026-{n:06d},当面,2026-03-02,2026-03-20\n" for n in range(rows)]
    data = "".join(lines).encode("utf-8")
    path.write_bytes(data)
    return data


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# -- never over the input -------------------------------------------------------------------------


def test_audit_refuses_to_write_its_output_over_its_input(tmp_path: Path) -> None:
    cases = tmp_path / "F.csv"
    before = register(cases, 200)
    code, out, err = run("audit", str(cases), "-o", str(cases), "--as-of", "2026-06-30")
    assert code == 2, err
    assert "就是输入文件" in err and str(cases) in err
    assert out == ""
    assert cases.read_bytes() == before


@pytest.mark.parametrize("spelling", ["dot-slash", "hard-link", "symlink"])
def test_audit_refuses_another_name_of_its_input_as_the_output(
    tmp_path: Path, spelling: str
) -> None:
    cases = tmp_path / "F.csv"
    before = register(cases, 20)
    other = tmp_path / "G.csv"
    if spelling == "dot-slash":
        target = os.path.join(str(tmp_path), ".", "F.csv")
    elif spelling == "hard-link":
        os.link(cases, other)
        target = str(other)
    else:
        other.symlink_to(cases)
        target = str(other)
    code, _, err = run("audit", str(cases), "-o", target, "--lang", "en")
    assert code == 2 and "is the input file" in err
    assert cases.read_bytes() == before


@pytest.mark.parametrize("command", ["audit", "calendar-import"])
def test_an_output_named_through_a_folder_that_does_not_exist_is_still_its_input(
    tmp_path: Path, command: str
) -> None:
    # `sub/../F.csv` with no `sub`: the writer resolves it to F.csv (os.path.realpath), so
    # the check must too; it used to compare the name as typed, found no such file, and let
    # the output replace the input.
    cases = tmp_path / "F.csv"
    before = register(cases, 20)
    target = os.path.join(str(tmp_path), "no-such-folder", "..", "F.csv")
    if command == "audit":
        code, _, err = run("audit", str(cases), "-o", target, "--as-of", "2026-06-30")
    else:
        toml = tmp_path / "F.toml"
        toml.write_bytes(before)
        target = os.path.join(str(tmp_path), "no-such-folder", "..", "F.toml")
        code, _, err = run("calendar", "import", str(toml), "-o", target)
        cases, before = toml, toml.read_bytes()
    assert code == 2 and "就是输入文件" in err, err
    assert cases.read_bytes() == before


def test_audit_refuses_to_write_over_the_file_on_its_standard_input(tmp_path: Path) -> None:
    cases = tmp_path / "F.csv"
    before = register(cases, 20)
    with cases.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "gov_deadlines", "audit", "-", "-o", str(cases)],
            stdin=stdin,
            capture_output=True,
            env=program_env(),
            timeout=120,
            check=False,
        )
    assert done.returncode == 2, done.stderr.decode("utf-8")
    assert "标准输入" in done.stderr.decode("utf-8")
    assert cases.read_bytes() == before


def test_check_log_refuses_to_write_its_form_over_its_log(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_bytes(LOG.read_bytes())
    code, _, err = run("check-log", str(log), "--year", "2026", "--form-csv", str(log))
    assert code == 2 and "就是输入文件" in err
    assert log.read_bytes() == LOG.read_bytes()


def test_schedule_refuses_to_export_over_a_calendar_file_it_reads(tmp_path: Path) -> None:
    overlay = tmp_path / "2027.ics"  # an odd name for a notice, but the file is still read
    overlay.write_text("x", encoding="utf-8")
    code, _, err = run("schedule", "2026", "--calendar", str(overlay), "--ics", str(overlay))
    assert code == 2 and "就是输入文件" in err
    assert overlay.read_text(encoding="utf-8") == "x"


# -- atomic -----------------------------------------------------------------------------------------

_DYING_WRITER = """
import os, signal, sys
import gov_deadlines.outputs as outputs

real = outputs.write_case_csv


class Dying:
    '''A stream that is SIGKILLed once it has taken enough lines (a power cut, an OOM kill).'''

    def __init__(self, stream):
        self.stream, self.lines = stream, 0

    def write(self, text):
        self.stream.write(text)
        self.lines += text.count("\\n")
        if self.lines >= 2000:
            self.stream.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        return len(text)


def dying(results, stream, **options):
    return real(results, Dying(stream), **options)


outputs.write_case_csv = dying
from gov_deadlines.cli import main

sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_an_audit_killed_while_writing_leaves_the_previous_output_untouched(
    tmp_path: Path,
) -> None:
    cases = tmp_path / "cases.csv"
    register(cases, 5000)
    target = tmp_path / "out.csv"
    target.write_bytes(b"last month's results, still needed\r\n")
    done = subprocess.run(
        [sys.executable, "-c", _DYING_WRITER, "audit", str(cases), "-o", str(target)],
        capture_output=True,
        env=program_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode("utf-8", "replace")
    assert target.read_bytes() == b"last month's results, still needed\r\n"
    # The partial output went to a temporary file beside the target, and only there.
    stray = leftovers(tmp_path)
    assert len(stray) == 1 and stray[0].startswith(".out.csv.")
    assert (tmp_path / stray[0]).read_bytes().count(b"\r\n") >= 2000


def test_a_completed_audit_replaces_the_output_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    cases = tmp_path / "cases.csv"
    register(cases, 50)
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    code, _, err = run("audit", str(cases), "-o", str(target), "--as-of", "2026-06-30")
    assert code == 0, err
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert target.read_bytes().count(b"\r\n") == 51
    assert leftovers(tmp_path) == []


def test_a_check_log_form_that_fails_midway_leaves_the_previous_form_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "form.csv"
    target.write_bytes(b"the form sent last week")

    def failing(rows: object, stream: io.TextIOBase, **options: object) -> int:
        stream.write("\ufeff序号,工作任务\r\n1,半行")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs, "write_form", failing)
    code, _, err = run(
        "check-log", str(LOG), "--year", "2026", "--as-of", "2027-01-15",
        "--form-csv", str(target),
    )  # fmt: skip
    assert code == 2 and "磁盘空间不足" in err  # the system's words, in the run's language
    assert target.read_bytes() == b"the form sent last week"
    assert leftovers(tmp_path) == []


def test_an_ics_export_that_fails_midway_leaves_the_previous_export_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("icalendar")
    from gov_deadlines import atomic

    target = tmp_path / "duties.ics"
    target.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:  # the data is written; the disk then fails
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    code, _, err = run("schedule", "2026", "--ics", str(target))
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert code == 2 and "Input/output error" in err
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert leftovers(tmp_path) == []
    code, _, _ = run("schedule", "2026", "--ics", str(target))
    assert code == 0 and target.read_bytes().count(b"BEGIN:VEVENT") == 66


# -- suffixes -------------------------------------------------------------------------------------


def test_a_pdf_output_is_refused_in_chinese_naming_the_suffixes_audit_writes(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out.pdf"
    code, out, err = run("audit", str(EXAMPLE), "-o", str(target), "--as-of", "2026-06-30")
    assert code == 2 and out == ""
    assert "不能写入 .pdf 文件" in err
    for supported in (".csv", ".xlsx", ".jsonl", ".md"):
        assert supported in err
    assert not target.exists()


def test_a_pdf_output_is_refused_in_english_under_lang_en(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    code, _, err = run("audit", str(EXAMPLE), "-o", str(target), "--lang", "en")
    assert code == 2
    assert "cannot write a .pdf file; audit writes .csv, .xlsx, .jsonl" in err
    assert not target.exists()


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("jsonl", "cases.csv"),
        ("csv", "cases.md"),
        ("markdown", "summary.jsonl"),
        ("jsonl", "f.xlsx"),
        ("markdown", "f.xlsx"),
    ],
)
def test_a_suffix_that_does_not_fit_the_chosen_format_is_refused(
    tmp_path: Path, fmt: str, name: str
) -> None:
    target = tmp_path / name
    code, _, err = run("audit", str(EXAMPLE), "--format", fmt, "-o", str(target))
    assert code == 2 and f"--format {fmt}" in err
    assert not target.exists()


def test_check_log_writes_its_form_only_to_a_csv_or_xlsx_file(tmp_path: Path) -> None:
    target = tmp_path / "督察表.pdf"
    code, _, err = run("check-log", str(LOG), "--year", "2026", "--form-csv", str(target))
    assert code == 2 and ".csv" in err and ".xlsx" in err and not target.exists()


def test_schedule_exports_only_to_an_ics_file(tmp_path: Path) -> None:
    target = tmp_path / "2026.xlsx"
    code, _, err = run("schedule", "2026", "--ics", str(target), "--lang", "en")
    assert code == 2 and "writes .ics" in err and not target.exists()


def test_a_name_without_a_suffix_is_written_in_the_chosen_format(tmp_path: Path) -> None:
    target = tmp_path / "cases"
    code, _, _ = run("audit", str(EXAMPLE), "--format", "jsonl", "-o", str(target))
    assert code == 1 and len(target.read_text(encoding="utf-8").splitlines()) == 14
