"""The atomic writer every command writes its files with (issue 10, item 1).
Test names are sentences."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from gov_deadlines.atomic import atomic_binary, atomic_text, write_bytes


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_the_target_appears_only_when_the_writer_is_done(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with atomic_text(target) as stream:
        stream.write("行号,编号\r\n")
        stream.flush()
        assert not target.exists()  # the text is in a temporary file beside it
        assert len(names(tmp_path)) == 1 and names(tmp_path)[0].startswith(".out.csv.")
    assert target.read_bytes() == "行号,编号\r\n".encode()
    assert names(tmp_path) == ["out.csv"]


def test_an_error_in_the_writer_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_binary(target) as stream:
        stream.write(b"half of the new")
        raise RuntimeError("the writer failed")
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["out.csv"]


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="umask is POSIX")
def test_a_new_file_gets_the_permissions_open_would_give_it(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    write_bytes(tmp_path / "atomic", b"")
    assert stat.S_IMODE((tmp_path / "atomic").stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_symbolic_link_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_bytes(b"old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_bytes(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_is_written_to_not_replaced() -> None:
    before = os.stat("/dev/null")
    write_bytes("/dev/null", b"discarded")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_a_directory_is_not_a_file_to_write(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_bytes(tmp_path, b"x")
    assert names(tmp_path) == []


def test_a_very_long_file_name_still_gets_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / ("长" * 80 + ".csv")  # 244 bytes in UTF-8, near the usual limit
    write_bytes(target, b"x")
    assert target.read_bytes() == b"x"


def test_a_missing_directory_is_reported_with_the_name_asked_for(tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "out.csv"
    with pytest.raises(FileNotFoundError) as raised:
        write_bytes(target, b"x")
    assert raised.value.filename == str(target)
