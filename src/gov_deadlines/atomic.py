"""Atomic file output: write beside the target, then rename the finished file over it.

A reader, or the next run, sees either the old file or the complete new one, never a
part: the data goes to a temporary file in the target's own directory (so that the rename
stays on one file system), is flushed to disk, and replaces the target with
:func:`os.replace` only when the writer finished without error. An error leaves the target
as it was and removes the temporary file; a process killed mid-way leaves the target as it
was and a stray ``.NAME.XXXXXXXX.tmp`` beside it.

A target that exists and is not a regular file (``/dev/null``, ``/dev/stdout``, a named
pipe) cannot be replaced and is written directly. A symbolic link is followed: the file it
names is replaced, the link kept. An existing file keeps its permission bits; a new one
gets those :func:`open` would give it (the process umask applies).

Every command of the CLI that writes a file writes it through this module (it sits below
every subpackage: the CLI's ``due`` path must not load the writers, nor pydantic with them).
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from collections.abc import Iterator
from os import PathLike
from typing import BinaryIO, TextIO

__all__ = ["atomic_binary", "atomic_text", "target_path", "write_bytes"]

#: Bytes of the target's name kept in the temporary file's name (names are at most 255
#: bytes on common file systems; the prefix and suffix add 15).
_NAME_KEPT = 120


def _temporary(directory: str, name: str) -> tuple[int, str]:
    """Create a new, empty temporary file beside the target; its descriptor and path."""
    kept = os.fsencode(name)[:_NAME_KEPT].decode(errors="ignore") if name else "output"
    for _ in range(100):
        path = os.path.join(directory, f".{kept}.{os.urandom(4).hex()}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        try:
            # 0o666 as open() uses: the umask applies, without reading it (os.umask sets it).
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"cannot create a temporary file beside {name!r} in {directory!r}")


def target_path(path: str | PathLike[str]) -> str:
    """The file a write to ``path`` replaces: links followed, ``..`` resolved as
    :func:`os.path.realpath` does, also through folders that do not exist (``sub/../F``
    is ``F`` when there is no ``sub``). A check that an output is not an input must compare
    this path, not ``path`` as typed."""
    return os.path.realpath(os.fspath(path))


@contextlib.contextmanager
def atomic_binary(path: str | PathLike[str]) -> Iterator[BinaryIO]:
    """A binary stream whose bytes replace ``path`` when the ``with`` block ends normally.

    If the block raises, ``path`` is left untouched and the temporary file removed.
    """
    target = target_path(path)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        if stat.S_ISDIR(existing.st_mode):
            raise IsADirectoryError(21, "is a directory", os.fspath(path))
        with open(target, "wb") as device:  # a device or a pipe: nothing to replace
            yield device
        return
    directory, name = os.path.split(target)
    try:
        descriptor, temporary = _temporary(directory or ".", name)
    except OSError as error:  # name the file asked for, not the temporary one
        raise type(error)(error.errno, error.strerror, os.fspath(path)) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def atomic_text(
    path: str | PathLike[str], *, encoding: str = "utf-8", newline: str | None = ""
) -> Iterator[TextIO]:
    """A text stream (``encoding``, ``newline`` as :func:`open` takes them) whose text
    replaces ``path`` when the ``with`` block ends normally; see :func:`atomic_binary`."""
    with atomic_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline=newline)
        try:
            yield text
            text.flush()
        finally:
            # Leave the binary stream to atomic_binary, which closes (or removes) it.
            with contextlib.suppress(ValueError, OSError):
                text.detach()


def write_bytes(path: str | PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data``, atomically."""
    with atomic_binary(path) as stream:
        stream.write(data)
