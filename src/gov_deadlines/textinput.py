"""Reading CSV bytes as text, strictly and in constant memory.

Excel and WPS in China save CSV in GB18030 (GBK) unless told otherwise, other tools in
UTF-8 (with or without a BOM). :func:`decoded_lines` decodes a binary stream chunk by
chunk, never replacing a byte it cannot read:

* without an explicit encoding it starts as UTF-8 and switches to GB18030 at the first
  byte that is not UTF-8, as long as everything before was ASCII (where both agree);
  bytes that are neither, or UTF-8 text that turns into something else later, stop the
  reading with an :class:`InputEncodingError` naming the line;
* with an explicit encoding (``--encoding``) a byte that does not decode stops the
  reading, naming the line and the encoding;
* a UTF-16 or UTF-32 file (a BOM, or NUL bytes in an eighth of its head) is named as such
  unless that encoding was asked for; a stray NUL is left to the cell it is in.

The lines come out as ``open(..., newline="")`` gives them (line ends kept, untranslated),
for :mod:`csv`; the chunks are decoded and split in C.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from itertools import chain
from typing import BinaryIO

from gov_deadlines.errors import GovDeadlinesError

__all__ = ["CHUNK", "DecodedInput", "InputEncodingError", "decoded_lines"]

#: Bytes read and decoded at a time.
CHUNK = 1 << 18

_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


class InputEncodingError(GovDeadlinesError, ValueError):
    """The input's bytes are not text in the encoding it is read in.

    Attributes: ``source`` (the file), ``line`` (the first line that cannot be read, or
    ``None`` for the file as a whole), ``encoding`` (what it was read as), ``problem`` and
    ``problem_zh``.
    """

    def __init__(
        self,
        source: str,
        line: int | None,
        encoding: str,
        problem: str,
        problem_zh: str,
    ) -> None:
        self.source = source
        self.line = line
        self.encoding = encoding
        self.problem = problem
        self.problem_zh = problem_zh
        where = f", line {line}" if line is not None else ""
        where_zh = f"第{line}行" if line is not None else ""
        super().__init__(f"{source}{where}: {problem}")
        self.zh = f"{source}{where_zh}:{problem_zh}"


def _wide(head: bytes) -> str | None:
    """``UTF-16`` / ``UTF-32`` when the head of a file shows such text, else ``None``."""
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            return name
    # Without a BOM, UTF-16 text shows NULs in a good part of its bytes (every ASCII
    # character has one: the CSV's commas, digits, line ends); a stray NUL in a UTF-8 or
    # GB18030 file (an export's glitch) is one cell's problem, not the file's encoding.
    sample = head[:4096]
    if sample.count(b"\x00") * 8 >= len(sample) > 0:
        return "UTF-16"
    return None


def decoded_lines(
    binary: BinaryIO, *, encoding: str | None = None, source: str = "<input>"
) -> Iterator[str]:
    """The lines of ``binary`` as text (see the module's docstring); raises
    :class:`InputEncodingError` when a line cannot be read, as it is reached (the lines
    before it have been given)."""
    return chain.from_iterable(_chunks(binary, encoding, source))


def _chunks(binary: BinaryIO, encoding: str | None, source: str) -> Iterator[io.StringIO]:
    chosen = encoding if encoding is not None else "utf-8-sig"
    name = codecs.lookup(chosen).name
    auto = encoding is None
    first = binary.read(CHUNK)
    wide = _wide(first)
    if wide is not None and not (name.startswith("utf-16") or name.startswith("utf-32")):
        raise InputEncodingError(
            source,
            None,
            chosen,
            f"the file is {wide} text (as Excel's 'Unicode text' saves it), not UTF-8 or "
            f"GB18030 CSV: save it as 'CSV UTF-8 (comma delimited)', or read it with "
            f"--encoding {wide.lower()}",
            f"文件是{wide}编码的文本(Excel“Unicode 文本”的格式),不是UTF-8或GB18030的CSV:"
            f"请另存为“CSV UTF-8(逗号分隔)”,或加 --encoding {wide.lower()}",
        )
    decoder = codecs.getincrementaldecoder(chosen)("strict")
    ascii_so_far = True
    lines_before = 0  # line ends in the bytes decoded before this chunk
    pending = ""
    chunk = first
    while True:
        final = not chunk
        try:
            text = decoder.decode(chunk, final=final)
        except UnicodeDecodeError as error:
            before = error.object[: error.start]
            line = lines_before + before.count(b"\n") + 1
            if auto and chosen == "utf-8-sig" and ascii_so_far and before.isascii():
                # ASCII so far: UTF-8 and GB18030 agree on every byte read; switch.
                chosen = "gb18030"
                decoder = codecs.getincrementaldecoder(chosen)("strict")
                try:
                    text = decoder.decode(chunk, final=final)
                except UnicodeDecodeError as again:
                    line = lines_before + again.object[: again.start].count(b"\n") + 1
                    raise _unreadable(source, line, None) from None
            elif auto and chosen == "utf-8-sig":
                raise _unreadable(source, line, "mixed") from None
            else:
                raise _unreadable(source, line, encoding) from None
        if final:
            if pending or text:
                yield io.StringIO(pending + text, newline="")
            return
        if ascii_so_far and not chunk.isascii():
            ascii_so_far = False
        lines_before += chunk.count(b"\n")
        text = pending + text
        cut = text.rfind("\n") + 1
        pending = text[cut:]
        if cut:
            yield io.StringIO(text[:cut], newline="")
        chunk = binary.read(CHUNK)


def _unreadable(source: str, line: int, explicit: str | None) -> InputEncodingError:
    """The error for an undecodable line: ``explicit`` is the encoding asked for, ``None``
    (detected: neither UTF-8 nor GB18030) or ``"mixed"`` (UTF-8 text, then not)."""
    if explicit is None:
        return InputEncodingError(
            source,
            line,
            "utf-8/gb18030",
            "this line is neither UTF-8 nor GB18030 (GBK) text, or the file mixes both: "
            "save the file again as 'CSV UTF-8', or give its encoding with --encoding",
            "该行既不是UTF-8也不是GB18030(GBK)编码,或文件混用了两种编码:请将文件另存为"
            "“CSV UTF-8”,或用 --encoding 指定其编码",
        )
    if explicit == "mixed":
        return InputEncodingError(
            source,
            line,
            "utf-8",
            "this line is not UTF-8 text although the lines before it are: the file mixes "
            "encodings; save it again in one encoding (e.g. as 'CSV UTF-8')",
            "该行不是UTF-8编码,而前面各行是:文件混用了多种编码,请统一编码后另存(如“CSV UTF-8”)",
        )
    return InputEncodingError(
        source,
        line,
        explicit,
        f"this line cannot be read as {explicit} (--encoding {explicit}): the file is in "
        "another encoding; run without --encoding (UTF-8 and GB18030 are detected) or name "
        "the right one",
        f"该行无法按{explicit}编码读取(--encoding {explicit}):文件是其他编码;请去掉 --encoding"
        "(自动识别UTF-8和GB18030)或指定正确的编码",
    )


class DecodedInput:
    """A binary stream's lines as text (:func:`decoded_lines`), with :meth:`close`."""

    def __init__(
        self, binary: BinaryIO, *, encoding: str | None = None, source: str = "<input>"
    ) -> None:
        self._binary = binary
        self.encoding = encoding
        self._lines = decoded_lines(binary, encoding=encoding, source=source)

    def __iter__(self) -> Iterator[str]:
        return self._lines

    def close(self) -> None:
        self._binary.close()
