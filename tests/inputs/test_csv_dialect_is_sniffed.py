"""CSV dialects (issue 17): a register or a log separated by commas, semicolons or tabs is
read alike; a header that splits on two of them and rows that do not settle it are refused
with a clear message, never guessed. Test names are sentences."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from _workbooks import EXAMPLE, csv_text, example_rows
from gov_deadlines.cli import main
from gov_deadlines.dialect import DelimiterError, sniff_delimiter, sniffed


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def lines(text: str) -> list[str]:
    return io.StringIO(text, newline="").readlines()


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter_of_the_example_is_recognised(delimiter: str) -> None:
    assert sniff_delimiter(lines(csv_text(example_rows(), delimiter))) == delimiter


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_semicolon_or_tab_register_is_audited_as_the_comma_one(
    tmp_path: Path, delimiter: str
) -> None:
    path = tmp_path / "register.csv"
    path.write_text(csv_text(example_rows(), delimiter), encoding="utf-8")
    options = ("--as-of", "2026-06-30", "--format", "csv")
    assert run("audit", str(path), *options) == run("audit", str(EXAMPLE), *options)


def test_semicolons_between_consultation_dates_do_not_make_a_comma_file_semicolon() -> None:
    text = "编号,渠道,提交日期,征求意见发出日期\nA-1,当面,2026-03-02,2026-03-05;2026-03-10\n"
    assert sniff_delimiter(lines(text)) == ","


def test_a_header_name_holding_a_semicolon_is_settled_by_the_rows() -> None:
    text = "编号,渠道,提交日期(年;月;日)\nA-1,当面,2026-03-02\nA-2,当面,2026-03-03\n"
    assert sniff_delimiter(lines(text)) == ","


def test_a_header_that_splits_on_two_delimiters_with_no_rows_to_settle_it_is_refused() -> None:
    with pytest.raises(DelimiterError) as caught:
        sniff_delimiter(["编号,渠道;提交日期,答复日期;备注\n"], source="r.csv")
    error = caught.value
    assert error.candidates == (",", ";")
    assert "--delimiter" in str(error) and "comma (,) and semicolon (;)" in str(error)
    assert "--delimiter" in error.zh and "逗号(,)和分号(;)" in error.zh


def test_the_cli_refuses_an_ambiguous_register_in_chinese_and_delimiter_settles_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r.csv"
    # Both split every line alike: ',' into 2 cells, ';' into 5.
    path.write_text(
        "编号;渠道;提交日期;答复日期;备注,说明\nA-1;当面;2026-03-02;2026-03-20;已办,结\n",
        encoding="utf-8",
    )
    code, out, err = run("audit", str(path), "--as-of", "2026-06-30")
    assert code == 2 and out == "" and "无法判断分隔符" in err and "Traceback" not in err
    code, _, err = run("audit", str(path), "--as-of", "2026-06-30", "--delimiter", ";")
    assert code == 0, err


def test_a_header_with_no_delimiter_is_read_as_comma_separated() -> None:
    assert sniff_delimiter(["编号\n", "A-1\n"]) == ","


def test_sniffing_gives_back_every_line_it_looked_at() -> None:
    text = csv_text(example_rows(), ";")
    found, stream = sniffed(lines(text))
    assert found == ";" and "".join(stream) == text


def test_a_semicolon_activity_log_is_checked_as_the_comma_one(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    comma = (EXAMPLE.parent / "log-example.csv").read_text(encoding="utf-8-sig")
    log.write_text(comma.replace(",", ";"), encoding="utf-8")
    options = ("--year", "2026", "--as-of", "2026-12-31", "--json")
    code, out, _ = run("check-log", str(log), *options)
    code_comma, out_comma, _ = run("check-log", str(EXAMPLE.parent / "log-example.csv"), *options)
    assert code == code_comma
    assert out.replace(str(log), "LOG") == out_comma.replace(
        str(EXAMPLE.parent / "log-example.csv"), "LOG"
    )
