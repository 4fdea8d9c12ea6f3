"""Issue 10, item 14: the audit's input and the activity log are decoded strictly, in
constant memory: a GBK file whose first megabytes are ASCII is read as GBK to its end, and
a UTF-16 file, mixed encodings or a wrong ``--encoding`` are named, with the line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from gov_deadlines.cli import main
from gov_deadlines.recurring import LogError, read_log
from gov_deadlines.textinput import CHUNK, InputEncodingError, decoded_lines

HEADER = "case_id,channel,submitted,replied\n"
ROW = "A{},fax,2026-09-28,2026-10-30\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def ascii_then_gbk() -> bytes:
    """A GBK register whose first 64 KiB and first chunk are ASCII."""
    rows = [ROW.format(i) for i in range(CHUNK // len(ROW) + 2000)]
    return (HEADER + "".join(rows) + "Z1,当面,2026-09-28,2026-10-30\n").encode("gb18030")


def test_a_gbk_file_whose_first_megabyte_is_ascii_is_read_as_gbk_to_its_end(
    tmp_path: Path,
) -> None:
    data = ascii_then_gbk()
    assert data[: CHUNK + (1 << 16)].isascii()
    assert "".join(decoded_lines(io.BytesIO(data))) == data.decode("gb18030")
    path = tmp_path / "cases.csv"
    path.write_bytes(data)
    code, out, err = run("audit", str(path), "--as-of", "2026-11-02", "--format", "csv")
    assert code == 0, err
    assert out.rstrip().splitlines()[-1].split(",")[1:4] == ["Z1", "全部按时", "当面"]
    assert "\ufffd" not in out


@pytest.mark.parametrize("split", [1, 2, 3, 7, 100])
def test_decoding_in_chunks_gives_the_text_exactly_wherever_a_chunk_ends(
    split: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gov_deadlines.textinput as textinput

    monkeypatch.setattr(textinput, "CHUNK", split)
    text = '\ufeff编号,渠道\r\nA,当面\rB,网络\n\nC,"x\r\ny"\n末行'
    lines = list(decoded_lines(io.BytesIO(text.encode("utf-8"))))
    assert "".join(lines) == text[1:]
    assert lines == io.StringIO(text[1:], newline="").readlines()
    gbk = list(decoded_lines(io.BytesIO(text[1:].encode("gb18030"))))
    assert gbk == lines


def test_a_utf16_file_is_named_as_such_not_as_a_header_without_a_channel(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes("编号,渠道,提交日期\nA,当面,2026-09-28\n".encode("utf-16"))
    code, _, err = run("audit", str(path), "--as-of", "2026-11-02")
    assert code == 2 and "UTF-16" in err and "渠道" not in err
    code, out, err = run("audit", str(path), "--as-of", "2026-11-02", "--encoding", "utf-16")
    assert code == 1 and "逾期未答复" in out, err  # read: the case is overdue


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_without_a_bom_is_named_as_such(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes("编号,渠道,提交日期\nA,当面,2026-09-28\n".encode(codec))
    code, _, err = run("audit", str(path), "--as-of", "2026-11-02")
    assert code == 2 and "UTF-16" in err


def test_a_stray_nul_byte_is_one_cells_problem_not_the_files_encoding(tmp_path: Path) -> None:
    # One NUL in a UTF-8 register (an export's glitch) made the whole file "UTF-16 text":
    # nothing audited, and a wrong remedy (save as CSV UTF-8, which it already was).
    path = tmp_path / "cases.csv"
    rows = [ROW.format(i) for i in range(50)]
    rows[7] = "A7,fax,2026-09-28\x00,2026-10-30\n"
    path.write_bytes((HEADER + "".join(rows)).encode("utf-8"))
    code, out, err = run("audit", str(path), "--as-of", "2026-11-02", "--format", "csv", "-q")
    assert code == 2 and "UTF-16" not in err, err
    lines = out.lstrip("\ufeff").splitlines()
    assert len(lines) == 51  # the header and one row per case
    assert [line.split(",")[2] for line in lines[1:]].count("数据有误") == 1
    assert "A7,数据有误" in lines[8]


def test_a_wrong_encoding_option_is_named_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_bytes(ascii_then_gbk())
    code, _, err = run("audit", str(path), "--encoding", "utf-8", "--lang", "en")
    assert code == 2 and "--encoding utf-8" in err
    last_line = ascii_then_gbk().count(b"\n")
    assert f"line {last_line}" in err
    utf8 = tmp_path / "utf8.csv"
    utf8.write_bytes("编号,渠道,提交日期\nA,当面,2026-09-28\n".encode())
    code, _, err = run("audit", str(utf8), "--encoding", "latin-1", "--lang", "en")
    assert code == 2 and "latin-1" in err and "without --encoding" in err


def test_utf8_text_that_turns_into_gbk_later_stops_naming_the_line() -> None:
    data = "编号,渠道\nA,当面\n".encode() + "B,当面\n".encode("gbk")
    with pytest.raises(InputEncodingError) as caught:
        list(decoded_lines(io.BytesIO(data), source="x.csv"))
    assert caught.value.line == 3 and "第3行" in caught.value.message("zh")


def test_the_activity_log_names_the_undecodable_line(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_bytes("rule,date\nogi.annual-report,2026年1月5日\n".encode())
    assert len(read_log(path)) == 1
    path.write_bytes(b"rule,date\nogi.annual-report,2026-01-05\n\xff\xfe\xfa,2026-01-05\n")
    with pytest.raises(LogError) as caught:
        read_log(path)
    assert caught.value.problems[0][0] == 3
