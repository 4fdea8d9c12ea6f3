"""Where the command line writes: language, JSON or text, colour only on a terminal."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, TextIO

EXIT_OK = 0
EXIT_MISSED = 1
EXIT_USAGE = 2

_STYLES = {"bold": "1", "red": "31", "green": "32", "yellow": "33", "dim": "2"}


@dataclass
class Console:
    """Output settings of one run, and the streams it writes to."""

    out: TextIO
    err: TextIO
    lang: str = "zh"
    as_json: bool = False
    color: bool = False
    #: colour of error messages, decided by whether *err* (not *out*) is a terminal
    err_color: bool = False

    @property
    def zh(self) -> bool:
        return self.lang.startswith("zh")

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

        self.out.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")

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
