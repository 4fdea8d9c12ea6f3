"""Where the command line writes: language, JSON or text, colour only on a terminal, and
nothing a console's encoding cannot hold."""

from __future__ import annotations

import contextlib
import io
import os
import unicodedata
from dataclasses import dataclass
from typing import Any, TextIO, cast

from gov_deadlines.vocabulary import Lang, is_zh

EXIT_OK = 0
EXIT_MISSED = 1
EXIT_USAGE = 2

_STYLES = {
    "bold": "1",
    "dim": "2",
    "underline": "4",
    "reverse": "7",
    "red": "31",
    "green": "32",
    "yellow": "33",
    "blue": "34",
    "magenta": "35",
    "cyan": "36",
}


@dataclass
class Console:
    """Output settings of one run, and the streams it writes to."""

    out: TextIO
    err: TextIO
    lang: Lang = "zh"
    as_json: bool = False
    color: bool = False
    #: colour of error messages, decided by whether *err* (not *out*) is a terminal
    err_color: bool = False

    @property
    def zh(self) -> bool:
        return is_zh(self.lang)

    def t(self, zh: str, en: str) -> str:
        """The text in the run's language."""
        return zh if self.zh else en

    def style(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        codes = ";".join(_STYLES[s] for s in styles)
        return f"\033[{codes}m{text}\033[0m"

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def emit_json(self, payload: Any) -> None:
        import json  # only --json runs need it

        text = json.dumps(payload, ensure_ascii=False, indent=2, default=str)
        if not can_encode(self.out, text):
            # A console that cannot hold every character (GBK): escape them, losing nothing.
            text = json.dumps(payload, ensure_ascii=True, indent=2, default=str)
        self.out.write(text + "\n")

    def error(self, message: str) -> None:
        prefix = self.t("错误:", "error: ")
        if self.err_color:
            prefix = f"\033[{_STYLES['red']};{_STYLES['bold']}m{prefix}\033[0m"
        self.err.write(f"{prefix}{message}\n")


def wants_color(stream: TextIO, requested: bool | None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if requested is not None:
        return requested
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


#: Stand-ins for the symbols of our output that legacy console encodings (GBK, cp936) lack.
_STAND_INS = str.maketrans({"✓": "√", "✔": "√", "✗": "×", "✘": "×", "−": "-"})


def _encoding(stream: Any) -> str | None:
    encoding = getattr(stream, "encoding", None)
    return encoding if isinstance(encoding, str) and encoding else None


def can_encode(stream: Any, text: str) -> bool:
    """Whether ``stream`` (a text stream with an ``encoding``, or one without) can take ``text``."""
    encoding = _encoding(stream)
    if encoding is None:
        return True
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:
        return True
    return True


def degrade(text: str, encoding: str) -> str:
    """``text`` with each character ``encoding`` cannot hold replaced by one it can: a
    stand-in (✓ → √), its compatibility form (NFKC), or ``?``."""
    text = text.translate(_STAND_INS)
    out: list[str] = []
    for char in text:
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            plain = unicodedata.normalize("NFKC", char)
            try:
                plain.encode(encoding)
            except UnicodeEncodeError:
                plain = "?"
            out.append(plain)
        else:
            out.append(char)
    return "".join(out)


class DegradingStream(io.TextIOBase):
    """A text stream that writes what its encoding cannot hold as the nearest it can.

    Standard output redirected on a Chinese Windows console is GBK (``cp936``), which has no
    ``✓``; a message must still be printed, not replaced by a ``UnicodeEncodeError``. The
    underlying stream's ``buffer`` stays reachable for data written as bytes (CSV as UTF-8).
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except UnicodeEncodeError:  # encoded before anything is written: nothing is doubled
            encoding = _encoding(self.stream)
            if encoding is None:
                raise
            return self.stream.write(degrade(text, encoding))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return _encoding(self.stream) or "utf-8"

    @property
    def buffer(self) -> Any:
        """The underlying binary stream, or ``None`` (a string stream has none)."""
        return getattr(self.stream, "buffer", None)

    def close(self) -> None:
        # The stream belongs to the caller: flush it, never close it (nor fail at exit).
        with contextlib.suppress(ValueError, OSError):
            self.stream.flush()


def degrading(stream: TextIO) -> TextIO:
    """``stream`` wrapped in a :class:`DegradingStream` (once)."""
    if isinstance(stream, DegradingStream):
        return cast(TextIO, stream)
    return cast(TextIO, DegradingStream(stream))


def underlying(stream: TextIO) -> TextIO:
    """The stream a :class:`DegradingStream` wraps (or ``stream`` itself)."""
    return stream.stream if isinstance(stream, DegradingStream) else stream
