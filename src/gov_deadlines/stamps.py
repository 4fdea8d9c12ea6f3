"""What decided a result (数据版本戳): the calendar years it read and the rule data it used.

A :class:`Stamp` names, for each calendar year whose arrangement a result read, where that
arrangement came from (``official``, ``overlay``, ``provisional``, or ``none`` — no
arrangement loaded, which a count that touches late December reads too: the next year's
元旦 block may begin on 25 December), the notice it rests on and a short hash of its
days; and, for each rule document the result used, the document's id and a short hash of
its data. Stored beside a result, it tells :func:`gov_deadlines.recheck` which stored
results a newly published notice, an amendment or an edited rule file can change.

The text form (one CSV cell, one JSON string) is stable: the same data gives the same
text in every run, on every Python version, whatever the order of the dicts it came from.
``2026=official:国办发明电〔2025〕7号:3b5d0c2a1f;2027=none|ogi-2019:8e41c07d9a``: years
before the ``|``, each ``YEAR=KIND:NOTICE:HASH`` (``YEAR=none`` for no arrangement), rule
documents after it, each ``SOURCE:HASH``, separated by ``;``. A notice or source id
holding one of ``%;:=|`` writes it as ``%XX``.

This module is the bottom layer: it imports nothing of the package. The calendar hashes
its years (:mod:`gov_deadlines.calendar.fingerprint`), the catalogue its documents
(:mod:`gov_deadlines.catalogue.fingerprint`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from gov_deadlines.errors import GovDeadlinesError, shown
from gov_deadlines.values import frozen

__all__ = [
    "DIGEST_LENGTH",
    "KINDS",
    "DaySpan",
    "RuleStamp",
    "Stamp",
    "StampError",
    "YearStamp",
    "digest",
    "years_read",
]

#: Hex digits kept of a SHA-256: 40 bits, plenty to tell two versions of one year apart.
DIGEST_LENGTH = 10

#: Where a year's arrangement came from. ``none``: no arrangement was loaded for it.
#: A scoped calendar's year that has local rest days adds ``+local`` (``official+local``).
KINDS: tuple[str, ...] = ("official", "overlay", "provisional", "none")

#: The first day of December whose kind the next year's arrangement may set (a 元旦 block
#: beginning in the year before: see :mod:`gov_deadlines.calendar.checks`).
NEXT_YEAR_FROM_DECEMBER = 25

_ESCAPED = "%;:=|"


def digest(data: Any) -> str:
    """A short stable hash of JSON-ready ``data`` (keys sorted, no whitespace, UTF-8)."""
    # Imported on first use: loading OpenSSL's hashlib and json is ~4 ms that
    # `import gov_deadlines` (and a calendar that never stamps) need not pay.
    import hashlib
    import json

    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


_NEEDS_ESCAPE = re.compile(r"[%;:=|\x00-\x1f]")


def _escape(text: str) -> str:
    if _NEEDS_ESCAPE.search(text) is None:
        return text  # the common case: a document number, a source id
    return "".join(f"%{ord(c):02X}" if c in _ESCAPED or ord(c) < 32 else c for c in text)


def _unescape(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        code = text[i + 1 : i + 3]
        if text[i] == "%" and len(code) == 2 and all(c in "0123456789ABCDEFabcdef" for c in code):
            out.append(chr(int(code, 16)))
            i += 3
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


class StampError(GovDeadlinesError, ValueError):
    """A stamp's text that is not in the documented form (``docs/vocabulary.md#stamps``):
    ``Stamp.parse`` is public, and a stored record's stamp may be damaged.

    Attributes: ``text`` (what was given) and ``form`` (the form expected).
    """

    def __init__(self, form: str, text: object) -> None:
        self.text = text
        self.form = form
        super().__init__(f"not a stamp ({form}; docs/vocabulary.md#stamps): {shown(text)}")
        self.zh = f"不是数据版本戳(应为 {form},见 docs/vocabulary.md#stamps):{shown(text)}"


@frozen
class DaySpan:
    """The days ``first..last`` (both included) whose kind a result read."""

    first: dt.date
    last: dt.date

    def __init__(self, first: dt.date, last: dt.date) -> None:
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)


def years_read(spans: Iterable[DaySpan]) -> tuple[int, ...]:
    """The years whose arrangement decides the kind of some day of ``spans``, in order.

    A day's kind is set by its own year's arrangement and — from 25 December on — also by
    the next year's (a 元旦 block may begin then), so a span touching 25–31 December of a
    year reads the next year too, loaded or not.
    """
    years: set[int] = set()
    for span in spans:
        low, high = min(span.first, span.last), max(span.first, span.last)
        years.update(range(low.year, high.year + 1))
        # Every earlier year of the span ends inside it (its next year is already listed).
        if high.month == 12 and high.day >= NEXT_YEAR_FROM_DECEMBER and high.year < dt.MAXYEAR:
            years.add(high.year + 1)
    return tuple(sorted(years))


@frozen
class YearStamp:
    """One calendar year a result read: where its arrangement came from, its notice, its hash.

    ``kind`` is one of :data:`KINDS` (``+local`` on a scoped calendar's year with local
    days); ``notice`` the notice's document number (or its title when it has none; for a
    provisional year the decree of 全国年节及纪念日放假办法); ``digest`` the hash of the
    year's days (``""`` for ``none``).
    """

    year: int
    kind: str
    notice: str = ""
    digest: str = ""

    def __init__(self, year: int, kind: str, notice: str = "", digest: str = "") -> None:
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "notice", notice)
        object.__setattr__(self, "digest", digest)

    def text(self) -> str:
        if self.kind == "none":
            return f"{self.year}=none"
        return f"{self.year}={_escape(self.kind)}:{_escape(self.notice)}:{self.digest}"

    @classmethod
    def parse(cls, text: str) -> YearStamp:
        year_text, sep, rest = text.partition("=")
        if not sep or not year_text.strip().isdigit():
            raise StampError("YEAR=KIND:NOTICE:HASH", text)
        year = int(year_text)
        if rest == "none":
            return cls(year, "none")
        parts = rest.split(":")
        if len(parts) != 3:
            raise StampError("YEAR=KIND:NOTICE:HASH", text)
        return cls(year, _unescape(parts[0]), _unescape(parts[1]), parts[2])


@frozen
class RuleStamp:
    """One rule document a result used: its source id and the hash of its data."""

    source: str
    digest: str

    def __init__(self, source: str, digest: str) -> None:
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "digest", digest)

    def text(self) -> str:
        return f"{_escape(self.source)}:{self.digest}"

    @classmethod
    def parse(cls, text: str) -> RuleStamp:
        source, sep, hashed = text.rpartition(":")
        if not sep or not source:
            raise StampError("SOURCE:HASH", text)
        return cls(_unescape(source), hashed)


@frozen
class Stamp:
    """The data a result rests on: calendar years read and rule documents used (see the
    module's documentation for the text form, :meth:`text`)."""

    years: tuple[YearStamp, ...] = ()
    rules: tuple[RuleStamp, ...] = ()

    def __init__(
        self,
        years: tuple[YearStamp, ...] = (),
        rules: tuple[RuleStamp, ...] = (),
    ) -> None:
        object.__setattr__(self, "years", years)
        object.__setattr__(self, "rules", rules)

    def text(self) -> str:
        """The stable text form, e.g. ``2026=official:国办发明电〔2025〕7号:3b5d0c2a1f|ogi-2019:8e41c07d9a``."""
        years = ";".join(y.text() for y in self.years)
        rules = ";".join(r.text() for r in self.rules)
        return f"{years}|{rules}"

    def __str__(self) -> str:
        return self.text()

    @classmethod
    def parse(cls, text: str) -> Stamp:
        """Read :meth:`text` back; :class:`StampError` if it is not in that form."""
        if not isinstance(text, str) or text.count("|") != 1:
            raise StampError("YEARS|RULES, one '|' between them", text)
        years, rules = text.split("|")
        return cls(
            tuple(YearStamp.parse(part) for part in years.split(";") if part),
            tuple(RuleStamp.parse(part) for part in rules.split(";") if part),
        )

    def year(self, year: int) -> YearStamp | None:
        """The stamp of ``year``, if the result read it."""
        return next((y for y in self.years if y.year == year), None)

    def merged(self, other: Stamp) -> Stamp:
        """The data of both (a verdict: its deadline's, and the days it counted itself)."""
        years = {y.year: y for y in self.years} | {y.year: y for y in other.years}
        rules = {r.source: r for r in self.rules} | {r.source: r for r in other.rules}
        return Stamp(tuple(years[y] for y in sorted(years)), tuple(rules[s] for s in sorted(rules)))
