"""Statute texts the explanations quote, held once as data (``data/statutes/*.toml``).

A rule's own words are its ``quote`` in the rule files; the articles an explanation quotes
beyond them — art. 31 (the receipt of an application by channel) and art. 34 (another
agency consulted) of the 2019 条例 — and the receipt item of each channel are here, verbatim
from the official text (``tests/catalogue/test_statute_quotes.py`` checks them character for
character). :func:`statute` reads a file once, checking its shape (a problem raises
:class:`~gov_deadlines.errors.RuleFileError`); the snapshot's hash covers these files.
"""

from __future__ import annotations

import threading
import tomllib
from dataclasses import dataclass
from typing import Any

from gov_deadlines.bundled import read_data
from gov_deadlines.errors import RuleFileError

__all__ = ["STATUTE_FOLDER", "Passage", "ReceiptClause", "StatuteText", "statute"]

#: The folder of the statute files, relative to the package's data folder.
STATUTE_FOLDER = "statutes"


@dataclass(frozen=True, slots=True)
class ReceiptClause:
    """The item of art. 31 that fixes a channel's receipt day, with its words.

    ``clause``/``quote`` are the statute's; ``clause_en``/``quote_en`` their English
    rendering for ``--lang en`` (not statute text).
    """

    clause: str
    clause_en: str
    quote: str
    quote_en: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence of an article an explanation quotes inside its own line: ``clause`` and
    ``text`` are the statute's, ``text_en`` their English rendering (not statute text)."""

    clause: str
    text: str
    text_en: str


@dataclass(frozen=True, slots=True)
class StatuteText:
    """The texts of one statute the explanations quote: its title, articles by clause
    (``第三十一条``), the passages quoted inside a line (by id), and the receipt item of
    each channel (by channel value)."""

    source: str
    title_zh: str
    title_en: str
    articles: dict[str, str]
    passages: dict[str, Passage]
    receipts: dict[str, ReceiptClause]

    def article(self, clause: str) -> str:
        """The words of an article (``第三十四条``); a ``KeyError`` names one not held."""
        return self.articles[clause]

    def title(self, lang: str) -> str:
        """The statute's title, in Chinese for ``"zh"``, else in English."""
        return self.title_zh if lang == "zh" else self.title_en


_LOADED: dict[str, StatuteText] = {}
_LOCK = threading.Lock()


def _text(entry: dict[str, Any], key: str, name: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise RuleFileError(name, f"{key} must be a non-empty text", entry=where)
    return value


def _parse(raw: dict[str, Any], name: str) -> StatuteText:
    """A statute file's content, its shape checked (every key a non-empty text)."""
    known = {"source", "title_zh", "title_en", "article", "passage", "receipt"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise RuleFileError(name, f"unknown keys {', '.join(unknown)}")
    articles: dict[str, str] = {}
    for index, entry in enumerate(raw.get("article", []), start=1):
        clause = _text(entry, "clause", name, f"article {index}")
        if clause in articles:
            raise RuleFileError(name, f"{clause} is given twice", entry=f"article {index}")
        articles[clause] = _text(entry, "text", name, clause)
    passages: dict[str, Passage] = {}
    for index, entry in enumerate(raw.get("passage", []), start=1):
        key = _text(entry, "id", name, f"passage {index}")
        if key in passages:
            raise RuleFileError(name, f"passage {key} is given twice", entry=key)
        passages[key] = Passage(*(_text(entry, item, name, key) for item in Passage.__slots__))
    receipts: dict[str, ReceiptClause] = {}
    for index, entry in enumerate(raw.get("receipt", []), start=1):
        channel = _text(entry, "channel", name, f"receipt {index}")
        if channel in receipts:
            raise RuleFileError(name, f"channel {channel} is given twice", entry=channel)
        receipts[channel] = ReceiptClause(
            *(_text(entry, key, name, channel) for key in ReceiptClause.__slots__)
        )
    return StatuteText(
        _text(raw, "source", name, "source"),
        _text(raw, "title_zh", name, "title_zh"),
        _text(raw, "title_en", name, "title_en"),
        articles,
        passages,
        receipts,
    )


def statute(source_id: str) -> StatuteText:
    """The bundled texts of a statute (``"ogi-2019"``), read once (thread-safe)."""
    found = _LOADED.get(source_id)
    if found is not None:
        return found
    with _LOCK:
        if source_id not in _LOADED:
            name = f"{source_id}.toml"
            raw = tomllib.loads(read_data(STATUTE_FOLDER, name).decode("utf-8"))
            text = _parse(raw, f"data/{STATUTE_FOLDER}/{name}")
            if text.source != source_id:
                raise RuleFileError(name, f"source is {text.source!r}, not {source_id!r}")
            _LOADED[source_id] = text
        return _LOADED[source_id]
