"""Which delimiter a CSV file uses: comma, semicolon (Excel in a European locale) or tab
(a copy from a spreadsheet, a ``.tsv`` export).

:func:`sniff_delimiter` looks at the header and the lines after it. A delimiter that
splits the header into columns is a candidate; one candidate is the answer. Several (a
header name holding a ``;``) are told apart by :class:`csv.Sniffer`, restricted to them,
and the answer is kept only if the rows split into as many cells as the header under it
and under no other candidate: otherwise a :class:`DelimiterError` asks for the delimiter
rather than guessing (a wrong delimiter would read every row as malformed, or worse, put
values in the wrong columns). A header that no candidate splits is read as comma-separated
(the layout's own error then says which columns are missing).
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator, Sequence

from gov_deadlines.errors import GovDeadlinesError

__all__ = [
    "DELIMITERS",
    "SAMPLE_LINES",
    "DelimiterError",
    "delimiter_name",
    "parse_delimiter",
    "sniff_delimiter",
    "sniffed",
]

#: The delimiters recognised, with their names (English, Chinese).
DELIMITERS: dict[str, tuple[str, str]] = {
    ",": ("comma", "逗号"),
    ";": ("semicolon", "分号"),
    "\t": ("tab", "制表符"),
}
#: Lines looked at (the header included).
SAMPLE_LINES = 50
#: The spellings of each delimiter accepted from the command line (``--delimiter tab``).
_SPELLED = {
    ",": ",",
    "comma": ",",
    ";": ";",
    "semicolon": ";",
    "\t": "\t",
    "\\t": "\t",
    "tab": "\t",
}


def delimiter_name(delimiter: str, lang: str = "en") -> str:
    """``comma (,)`` / ``逗号(,)``; ``tab`` / ``制表符``."""
    en, zh = DELIMITERS[delimiter]
    shown = "" if delimiter == "\t" else delimiter
    if lang == "zh":
        return f"{zh}({shown})" if shown else zh
    return f"{en} ({shown})" if shown else en


class DelimiterError(GovDeadlinesError, ValueError):
    """The delimiter of a CSV file cannot be told, or the one asked for is not known.

    Attributes: ``source`` (the file), ``candidates`` (the delimiters that split its header).
    """

    def __init__(
        self, source: str, candidates: Sequence[str], problem: str, problem_zh: str
    ) -> None:
        self.source = source
        self.candidates = tuple(candidates)
        super().__init__(f"{source}: {problem}")
        self.zh = f"{source}:{problem_zh}"


def parse_delimiter(text: str) -> str:
    """The delimiter a user wrote: ``,`` ``;`` ``tab`` (or ``\\t``, ``comma``, ``semicolon``);
    ``ValueError`` for any other."""
    found = _SPELLED.get(text.strip().lower() if text.strip() else text)
    if found is None:
        raise ValueError(f"{text!r} is not a delimiter: use ',' ';' or tab")
    return found


def _cells(line: str, delimiter: str) -> int:
    return len(next(csv.reader([line], delimiter=delimiter), []))


def _consistent(rows: Sequence[str], delimiter: str, width: int) -> bool:
    """Whether every non-blank line after the header splits into ``width`` cells."""
    reader = csv.reader(rows, delimiter=delimiter)
    return all(len(row) == width for row in reader if any(cell.strip() for cell in row))


def sniff_delimiter(sample: Sequence[str], *, source: str = "<input>") -> str:
    """The delimiter of the CSV text whose first lines are ``sample`` (the header first,
    line ends kept); raises :class:`DelimiterError` when it cannot be told."""
    lines = [line for line in sample if line.strip()]
    if not lines:
        return ","
    header, rest = lines[0].lstrip("\ufeff"), lines[1:]
    widths = {d: _cells(header, d) for d in DELIMITERS}
    candidates = [d for d, width in widths.items() if width >= 2]
    if not candidates:
        return ","
    if len(candidates) == 1:
        return candidates[0]
    fits = [d for d in candidates if rest and _consistent(rest, d, widths[d])]
    try:
        chosen = csv.Sniffer().sniff("".join(lines), delimiters="".join(candidates)).delimiter
    except csv.Error:
        chosen = None
    if chosen is not None and fits == [chosen]:
        return chosen
    names_en = " and ".join(delimiter_name(d, "en") for d in candidates)
    names_zh = "和".join(delimiter_name(d, "zh") for d in candidates)
    raise DelimiterError(
        source,
        candidates,
        f"cannot tell the delimiter: the header splits into columns on {names_en}, and the "
        "rows below do not settle it; give it with --delimiter (',' ';' or tab; "
        "delimiter= in Python)",
        f"无法判断分隔符:表头按{names_zh}都能分成多列,其下各行也无法确定;"
        "请用 --delimiter 指定(, ; 或 tab;Python 中为 delimiter=)",
    )


def sniffed(
    lines: Iterable[str], *, source: str = "<input>", delimiter: str | None = None
) -> tuple[str, Iterator[str]]:
    """The delimiter of a CSV text stream (``delimiter`` if given, else
    :func:`sniff_delimiter` over its first :data:`SAMPLE_LINES` lines) and the stream's
    lines, all of them, the ones looked at included."""
    stream = iter(lines)
    if delimiter is not None:
        return delimiter, stream
    head: list[str] = []
    failure: Exception | None = None
    try:
        for line in stream:
            head.append(line)
            if len(head) >= SAMPLE_LINES:
                break
    except GovDeadlinesError as error:  # a line that cannot be decoded: raised when reached
        failure = error
    found = sniff_delimiter(head, source=source)
    if failure is not None:
        return found, itertools.chain(head, _raising(failure))
    return found, itertools.chain(head, stream)


def _raising(error: Exception) -> Iterator[str]:
    raise error
    yield ""  # a generator: raises when the lines before it have been read
