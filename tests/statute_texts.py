"""The official texts in ``../shared/statutes/``, split into articles, paragraphs (款) and items (项).

How a text file is read (the layout of the stored copies):

* lines starting with ``#`` (headers, chapter titles) and blank lines are not text;
* an article starts on a line ``第…条 `` (the article number, one space or U+3000, the text);
  every following text line up to the next article is one paragraph (款) of it;
* a line starting with an item number — ``(一)`` or ``（一）`` — is an item (项) of the
  paragraph before it, not a paragraph of its own;
* the text of a paragraph is its line(s) joined without a break (items included); a quote
  spanning paragraphs is compared with the paragraphs joined the same way.

A clause (``Rule.clause``) is read as ``第N条`` optionally followed by ``第M款`` /
``第M款、第K款`` and / or ``第(一)项``. Only whitespace is normalised, and only for sources
whose stored copy is second-hand with ASCII punctuation (the 61号 press text): there ``,;:``
are compared as ``，；：``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
STATUTES = SHARED / "statutes"
ROOT_DOCS = Path(__file__).resolve().parents[1] / "docs"

#: Which stored text each national source is checked against.
TEXT_FILES = {
    "ogi-2019": "ogi-2019.txt",
    "ogi-2008": "ogi-2008.txt",
    "gbf-2016-61": "gbf-2016-61-partial.txt",
}

DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
NUMERAL = "[零一二三四五六七八九十百]+"
ARTICLE_LINE = re.compile(rf"^第({NUMERAL})条[ \u3000](.*)$")
ITEM_LINE = re.compile(rf"^[(（]({NUMERAL})[)）]")
CLAUSE = re.compile(
    rf"^第(?P<article>{NUMERAL})条"
    rf"(?P<paragraphs>(?:第{NUMERAL}款(?:、)?)*)"
    rf"(?:第[(（](?P<item>{NUMERAL})[)）]项)?$"
)


def chinese_number(text: str) -> int:
    """``三十三`` → 33, ``十八`` → 18, ``一百零五`` → 105 (the numerals of article numbers)."""
    total, digit = 0, 0
    for ch in text:
        if ch == "百":
            total += (digit or 1) * 100
            digit = 0
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = DIGITS[ch]
    return total + digit


@dataclass(frozen=True)
class Paragraph:
    lead: str
    items: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.lead + "".join(self.items)


@dataclass(frozen=True)
class Clause:
    article: int
    paragraphs: tuple[int, ...]
    item: int | None


def parse_clause(clause: str) -> Clause | None:
    match = CLAUSE.match(clause)
    if match is None:
        return None
    paragraphs = tuple(
        chinese_number(n) for n in re.findall(rf"第({NUMERAL})款", match["paragraphs"])
    )
    item = chinese_number(match["item"]) if match["item"] else None
    return Clause(chinese_number(match["article"]), paragraphs, item)


def articles(file_name: str) -> dict[int, list[Paragraph]]:
    """The articles of a stored text: number → paragraphs."""
    found: dict[int, list[Paragraph]] = {}
    current: list[Paragraph] | None = None
    for raw in (STATUTES / file_name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("<!--"):
            continue
        article = ARTICLE_LINE.match(line)
        if article:
            current = found.setdefault(chinese_number(article[1]), [])
            current.append(Paragraph(article[2].strip(), ()))
        elif current is not None:
            if ITEM_LINE.match(line) and current:
                last = current[-1]
                current[-1] = Paragraph(last.lead, (*last.items, line))
            else:
                current.append(Paragraph(line, ()))
    return found


def body_text(file_name: str) -> str:
    """A stored text's lines that are not comments, joined without breaks."""
    lines = (STATUTES / file_name).read_text(encoding="utf-8").splitlines()
    return "".join(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def full_width(text: str) -> str:
    """``,;:`` as ``，；：`` (for a second-hand copy that prints the official punctuation in ASCII)."""
    return text.replace(",", "，").replace(";", "；").replace(":", "：")


def first_difference(quote: str, text: str) -> tuple[int, str]:
    """(index, character) of the first character of ``quote`` after its longest prefix in ``text``."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low, quote[low] if low < len(quote) else ""
