"""Where a command writes: a file of a kind it can write, never over its own input, atomically
(:mod:`gov_deadlines.atomic`); data to standard output as UTF-8 bytes.

Every command that takes an output file checks it with :func:`check_output` before it
reads or writes anything, and writes it through :func:`open_output`.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from gov_deadlines.atomic import atomic_text, target_path
from gov_deadlines.cli.app import Context, UsageError
from gov_deadlines.cli.console import Console


def suffix(path: str) -> str:
    """The file name's suffix, lower-case (``""`` when it has none): ``.csv``, ``.xlsx``."""
    return os.path.splitext(os.path.basename(path))[1].lower()


def _listed(suffixes: Iterable[str], console: Console) -> str:
    return ("、" if console.zh else ", ").join(dict.fromkeys(suffixes))


def refuse_suffix(
    console: Console, option: str, path: str, supported: Sequence[str], what: str = ""
) -> UsageError:
    """The error for an output file whose suffix the command cannot write.

    ``what`` names what is written (``--format jsonl``); default the command.
    """
    command_zh = f"{what} " if what else "该命令"
    command_en = what or "this command"
    return UsageError(
        console.t(
            f"{option} {path}:不能写入 {suffix(path)} 文件;{command_zh}可写入的文件类型为 "
            f"{_listed(supported, console)}(或不带扩展名的文件名)。",
            f"{option} {path}: cannot write a {suffix(path)} file; {command_en} writes "
            f"{_listed(supported, console)} (or a name without a suffix).",
        )
    )


def check_suffix(console: Console, option: str, path: str, supported: Sequence[str]) -> None:
    """Refuse (exit 2) an output file whose suffix is not among ``supported``."""
    found = suffix(path)
    if found and found not in supported:
        raise refuse_suffix(console, option, path, supported)


def _same(path: str, other: str) -> bool:
    """Whether writing ``path`` replaces the file ``other``: ``path`` as the writer
    resolves it (``sub/../F`` is ``F`` even when ``sub`` does not exist)."""
    try:
        return os.path.samefile(target_path(path), other)
    except (OSError, ValueError):  # either does not exist (yet), or cannot be looked at
        return False


def _is_stdin(path: str) -> bool:
    """Whether ``path`` is the file standard input reads (``audit - -o F < F``)."""
    try:
        return os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(target_path(path)))
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False


def check_output(
    ctx: Context,
    option: str,
    path: str,
    *,
    inputs: Sequence[str] = (),
    supported: Sequence[str] | None = None,
) -> None:
    """Refuse (exit 2) an output file the command cannot write, or one that is an input.

    ``inputs``: the files the command reads (``-`` for standard input); the holiday-notice
    files of the run are added. Two names for one file (a link, ``./F`` and ``F``) are the
    same file (:func:`os.path.samefile`). Called before anything is opened for writing.
    """
    console = ctx.console
    if supported is not None:
        check_suffix(console, option, path, supported)
    for source in [*inputs, *ctx.overlay_files()]:
        clash = _is_stdin(path) if source == "-" else _same(path, source)
        if clash:
            shown = console.t("标准输入", "standard input") if source == "-" else source
            raise UsageError(
                console.t(
                    f"{option} {path} 就是输入文件 {shown}:写入会毁掉输入。请另选输出文件名。",
                    f"{option} {path} is the input file {shown}: writing it would destroy the "
                    "input. Choose another output file.",
                )
            )


@contextlib.contextmanager
def open_output(path: str) -> Iterator[TextIO]:
    """The output file as UTF-8 text (``newline=""``), replacing ``path`` only when the
    writing is complete; an error or a kill mid-way leaves ``path`` as it was."""
    with atomic_text(path, encoding="utf-8", newline="") as stream:
        yield stream


@contextlib.contextmanager
def data_to_stdout(console: Console) -> Iterator[TextIO]:
    """Standard output for data (CSV, JSON Lines): UTF-8 bytes whatever the console's
    encoding, through its binary ``buffer``; a string stream (no buffer) as it is.

    A redirected Chinese Windows console is GBK: CSV for Excel must still be UTF-8 with its
    BOM, and no character of the data may be lost to the console's encoding.
    """
    out = console.out
    binary = getattr(out, "buffer", None)
    if binary is None:
        yield out
        return
    out.flush()
    stream = io.TextIOWrapper(binary, encoding="utf-8", newline="", write_through=False)
    try:
        yield stream
        stream.flush()
    finally:
        with contextlib.suppress(ValueError, OSError):
            stream.detach()  # standard output stays open
