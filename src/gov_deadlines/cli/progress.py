"""Progress of long work on standard error — rows done, rows per second, time left — when
standard error is a terminal, and never otherwise (a pipe, a file, CI); ``--quiet`` silences
it.

The reporter costs nothing per row. A CSV input is followed through its byte stream
(:meth:`Progress.reading`): each chunk the decoder reads (256 kB, thousands of rows) looks
at the clock and may redraw the line from the reader's ``line_num`` and the share of the
file's bytes read.

When the line is drawn does not depend on the machine's speed where it matters: the first
report with a row done (after the first chunk, or at the end of an input shorter than one
chunk; the first thousand rows of a workbook or a list) always draws it; later reports
redraw it at most every :data:`INTERVAL` seconds; :meth:`Progress.finish` clears it. A workbook's rows report
through the library's ``progress`` callback (:meth:`Progress.rows`), which the library
calls every thousand rows; a list of records (``recheck``) through :func:`counted`. The
library itself never prints.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, TypeVar

from gov_deadlines.cli.app import Context

if TYPE_CHECKING:
    from gov_deadlines.cli.console import Console

__all__ = ["EVERY", "INTERVAL", "Progress", "add_progress_option", "counted", "progress_for"]

T = TypeVar("T")

#: Seconds between two redraws of the progress line, at least.
INTERVAL = 0.2
#: Items between two looks at the clock, for a list followed item by item (:func:`counted`).
EVERY = 1000


class _Lines(Protocol):
    @property
    def line_num(self) -> int: ...


def add_progress_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="不显示进度 no progress line on the terminal",
    )


def _is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def progress_for(ctx: Context) -> Progress | None:
    """A reporter on standard error if it is a terminal and ``--quiet`` was not given."""
    if getattr(ctx.args, "quiet", False) or not _is_terminal(ctx.console.err):
        return None
    return Progress(ctx.console)


def counted(items: Sequence[T], progress: Progress | None) -> Iterator[T]:
    """``items`` one by one, reporting every :data:`EVERY` of them to ``progress`` (a list
    of stored results handed to the library, ``recheck``'s records)."""
    if progress is None:
        yield from items
        return
    total = len(items)
    for done, item in enumerate(items):
        if done and not done % EVERY:
            progress.rows(done, total)
        yield item


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """One progress line, redrawn in place (``\\r``) and cleared by :meth:`finish`.

    ``interval``: the seconds between two redraws, at least (the first is drawn at once);
    ``clock``: where the seconds come from (:func:`time.monotonic`).
    """

    def __init__(
        self,
        console: Console,
        *,
        interval: float = INTERVAL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.console = console
        self.interval = interval
        self.clock = clock
        self.start = clock()
        # Due at once: the first report of a row done draws the line however fast the
        # machine (a short input would otherwise end before the first redraw was due).
        self.next_draw = self.start
        #: The row source whose ``line_num`` counts the rows read (a CSV input).
        self.lines: _Lines | None = None
        self.size: int | None = None
        self.read_bytes = 0
        self.drawn = 0  # the columns the line covers on the screen

    # -- sources ---------------------------------------------------------------------------

    def reading(self, binary: BinaryIO) -> BinaryIO:
        """``binary``, followed: every read may redraw the line."""
        try:
            info = os.fstat(binary.fileno())
            self.size = info.st_size if info.st_size > 0 else None
        except (OSError, ValueError, AttributeError):
            self.size = None
        return _Followed(binary, self)  # type: ignore[return-value]

    def read(self, count: int) -> None:
        """``count`` more bytes read from the input."""
        self.read_bytes += count
        now = self.clock()
        if now >= self.next_draw:
            # The rows decoded so far: none at the first read (the header is still unread).
            done = self.lines.line_num - 1 if self.lines is not None else 0
            if done > 0:
                self.next_draw = now + self.interval
                share = self.read_bytes / self.size if self.size else None
                self.draw(done, share, now)

    def rows(self, done: int, total: int | None) -> None:
        """The library's callback: ``done`` rows of ``total`` (``None``: not known)."""
        now = self.clock()
        if done and now >= self.next_draw:
            self.next_draw = now + self.interval
            self.draw(done, done / total if total else None, now)

    # -- the line --------------------------------------------------------------------------

    def draw(self, done: int, share: float | None, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = done / elapsed
        zh = self.console.zh
        text = (
            f"已处理 {done:,} 行 · {rate:,.0f} 行/秒"
            if zh
            else f"{done:,} rows · {rate:,.0f} rows/s"
        )
        if share is not None and share > 0:
            left = elapsed * (1 - min(share, 1.0)) / share
            text += f" · 剩余约 {_clock(left)}" if zh else f" · about {_clock(left)} left"
        pad = " " * max(self.drawn - _width(text), 0)
        err = self.console.err
        err.write("\r" + text + pad)
        err.flush()
        self.drawn = max(self.drawn, _width(text))  # what the line covers on the screen

    def finish(self) -> None:
        """Clear the line (the command's own messages follow on a clean line)."""
        if self.drawn:
            err = self.console.err
            err.write("\r" + " " * self.drawn + "\r")
            err.flush()
            self.drawn = 0


def _width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two."""
    return sum(2 if ord(char) >= 0x1100 else 1 for char in text)


class _Followed:
    """A binary stream whose reads report their size to a :class:`Progress`."""

    def __init__(self, binary: BinaryIO, progress: Progress) -> None:
        self._binary = binary
        self._progress = progress

    def read(self, size: int = -1) -> bytes:
        data = self._binary.read(size)
        self._progress.read(len(data))
        return data

    def close(self) -> None:
        self._binary.close()

    def fileno(self) -> int:
        return self._binary.fileno()
