"""The rule catalogue: every timing rule of the source documents, as validated, cited data.

Rules live in ``data/rules/<source>.toml``, one file per document, each rule beside the
document's own words. This module loads and validates them (pydantic), checks the cross
references (events, version families, delegations), and answers look-ups. Users load
their own files with :meth:`Catalogue.with_rule_files`; the schema is
``docs/rule-schema.json``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import threading
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from os import PathLike, fspath
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ._data import list_data, read_data
from .errors import RuleFileError, UnknownRuleError
from .periods import (
    CalendarDays,
    FixedDate,
    Hours,
    MinimumDuration,
    Months,
    Period,
    WorkingDays,
    Years,
    parse_period,
)

if TYPE_CHECKING:
    from .records import CitationRecord

RuleKind = Literal["deadline", "fixed-date", "min-duration", "cadence", "quota", "unquantified"]
Strength = Literal["must", "in-principle", "aspirational"]

KIND_LABELS: dict[str, tuple[str, str]] = {
    "deadline": ("期限", "deadline"),
    "fixed-date": ("固定日期", "fixed date"),
    "min-duration": ("最短期限", "minimum duration"),
    "cadence": ("周期", "cadence"),
    "quota": ("次数要求", "quota"),
    "unquantified": ("未量化", "unquantified"),
}
STRENGTH_LABELS: dict[str, tuple[str, str]] = {
    "must": ("必须(应/应当/要/最迟/不得)", "must"),
    "in-principle": ("原则上", "in principle"),
    "aspirational": ("力争", "aspirational"),
}

# defer_build: the bundled data is usually rebuilt from the validated snapshot without
# validation (see snapshot.py), so pydantic's schema is only built when a file is validated.
_STRICT = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Source(BaseModel):
    """The document a rule comes from."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    issuer: str
    title: str
    title_en: str
    number: str = ""
    date: dt.date | None = None
    jurisdiction: str
    jurisdiction_en: str
    seed: str | None = None
    traditional: bool = False
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None
    url: str | None = None

    def cite(self, lang: str = "zh") -> str:
        """``issuer《title》(number, date)``."""
        parts = [p for p in (self.number, self.date.isoformat() if self.date else "") if p]
        if lang.startswith("zh"):
            inner = ",".join(parts)
            issuer = f"{self.issuer}" if self.issuer else ""
            return f"{issuer}《{self.title}》" + (f"({inner})" if inner else "")
        inner = ", ".join(parts)
        return f"{self.title_en} ({self.title})" + (f", {inner}" if inner else "")

    def in_force(self, day: dt.date) -> bool:
        if self.effective_from is not None and day < self.effective_from:
            return False
        return not (self.effective_until is not None and day > self.effective_until)


class YearlyDate(BaseModel):
    model_config = _STRICT

    month: int = Field(ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)


class Quota(BaseModel):
    model_config = _STRICT

    count: int = Field(ge=1)
    window: Literal["year", "august"]


class Rule(BaseModel):
    """One timing rule, with the words it encodes. See ``docs/rule-schema.json``."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$")
    title_zh: str
    title_en: str
    clause: str
    seed_line: int | None = Field(default=None, ge=1)
    quote: str = Field(min_length=1)
    kind: RuleKind
    strength: Strength
    binds_zh: str
    binds_en: str
    trigger: str | None = None
    period: str | None = None
    extension: str | None = None
    family: str | None = None
    delegates_to: str | None = None
    national_default: str | None = None
    counting_zh: str
    counting_en: str
    note: str = ""
    fixed_date: dt.date | None = None
    every_year: YearlyDate | None = None
    first_year: int | None = None
    cadence: Literal["monthly", "quarterly"] | None = None
    quota: Quota | None = None
    years: list[int] | None = None

    _source: Source | None = PrivateAttr(default=None)
    _period: Period | None = PrivateAttr(default=None)
    _extension: WorkingDays | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _check_kind(self) -> Rule:
        period = None
        if self.period is not None:
            period = parse_period(self.period)
        kind = self.kind
        if kind == "deadline":
            if self.trigger is None:
                raise ValueError("a deadline rule needs a trigger (an event id)")
            if period is None and self.delegates_to is None:
                raise ValueError("a deadline rule needs a period or delegates_to")
            if period is not None and not isinstance(
                period, WorkingDays | CalendarDays | Months | Years | Hours
            ):
                raise ValueError(f"period {self.period!r} is not a deadline period")
        elif kind == "min-duration":
            if self.trigger is None or not isinstance(period, MinimumDuration):
                raise ValueError("a min-duration rule needs a trigger and a period like 不少于10天")
        elif kind == "fixed-date":
            given = [x for x in (self.fixed_date, self.every_year, self.delegates_to) if x]
            if len(given) != 1:
                raise ValueError(
                    "a fixed-date rule needs exactly one of fixed_date, every_year, delegates_to"
                )
            if self.fixed_date is not None:
                day = self.fixed_date
                period = FixedDate(day.month, day.day, day.year)
            elif self.every_year is not None:
                period = FixedDate(self.every_year.month, self.every_year.day, every_year=True)
        elif kind == "cadence":
            if self.cadence is None:
                raise ValueError("a cadence rule needs cadence = 'monthly' or 'quarterly'")
        elif kind == "quota":
            if self.quota is None:
                raise ValueError("a quota rule needs quota = { count = N, window = ... }")
        elif kind == "unquantified" and period is not None:
            raise ValueError("an unquantified rule cannot have a period")
        if kind not in ("deadline", "min-duration") and self.period is not None:
            raise ValueError(f"a {kind} rule takes no period")
        self._period = period
        if self.extension is not None:
            extension = parse_period(self.extension)
            if not isinstance(extension, WorkingDays):
                raise ValueError("extension must be a number of working days")
            self._extension = extension
        return self

    # -- derived -------------------------------------------------------------------------

    # cached_property keeps these to one dictionary look-up after the first call: pydantic's
    # private attributes cost a microsecond each, too much on the due() hot path.
    @cached_property
    def source(self) -> Source:
        if self._source is None:  # pragma: no cover - set by the loader
            raise RuntimeError(f"rule {self.id} was not loaded through a catalogue")
        return self._source

    @cached_property
    def typed_period(self) -> Period | None:
        """The period as a typed value (fixed-date rules get a :class:`FixedDate`)."""
        if self._period is not None:
            return self._period
        if self.period is not None:
            return parse_period(self.period)
        if self.fixed_date is not None:
            day = self.fixed_date
            return FixedDate(day.month, day.day, day.year)
        if self.every_year is not None:
            return FixedDate(self.every_year.month, self.every_year.day, every_year=True)
        return None

    @cached_property
    def max_extension(self) -> WorkingDays | None:
        if self._extension is not None or self.extension is None:
            return self._extension
        extension = parse_period(self.extension)
        return extension if isinstance(extension, WorkingDays) else None

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang.startswith("zh") else self.title_en

    def citation_lines(self, lang: str = "zh") -> list[str]:
        """Rule, document, clause, quoted words and strength: the opening of an explanation."""
        zh = lang.startswith("zh")
        src = self.source
        strength = STRENGTH_LABELS[self.strength][0 if zh else 1]
        line = f"(第{self.seed_line}行)" if zh and self.seed_line else ""
        if zh:
            return [
                f"规则:{self.id} {self.title_zh}",
                f"依据:{src.cite('zh')} {self.clause}{line}",
                f"原文:“{self.quote}”",
                f"要求:{strength}",
            ]
        return [
            f"Rule: {self.id} — {self.title_en}",
            f"Source: {src.cite('en')}, {self.clause}",
            f"Quoted: “{self.quote}”",
            f"Strength: {strength}",
        ]

    def citation_record(self) -> CitationRecord:
        from .records import CitationRecord

        src = self.source
        return CitationRecord(
            rule=self.id,
            title_zh=self.title_zh,
            title_en=self.title_en,
            source=src.id,
            document=f"{src.issuer}《{src.title}》" if src.issuer else f"《{src.title}》",
            number=src.number,
            date=src.date,
            clause=self.clause,
            quote=self.quote,
            strength=self.strength,
            kind=self.kind,
        )

    def matches(self, words: str) -> bool:
        """Whether every word occurs in the id, titles, quote, clause or source names."""
        src = self.source
        haystack = " ".join(
            (
                self.id,
                self.title_zh,
                self.title_en,
                self.quote,
                self.clause,
                src.title,
                src.title_en,
                src.number,
                self.binds_zh,
                self.binds_en,
            )
        ).casefold()
        return all(word.casefold() in haystack for word in words.split())


class NotARule(BaseModel):
    """Words that look like a time limit but are not one, recorded so nobody hunts for them."""

    model_config = _STRICT

    seed_line: int | None = None
    quote: str
    reason_zh: str
    reason_en: str


class RuleFile(BaseModel):
    """One document's rule file (the JSON Schema in docs/rule-schema.json is this model's)."""

    model_config = _STRICT

    source: Source
    rule: list[Rule] = []
    not_a_rule: list[NotARule] = []

    @model_validator(mode="after")
    def _attach(self) -> RuleFile:
        for item in self.rule:
            if not item.id.startswith(self.source.id + "."):
                # ctx carries the id so that RuleFileError can name the entry (the error of a
                # model validator has no location of its own).
                raise PydanticCustomError(
                    "rule_id_prefix",
                    "rule id '{rule_id}' must start with the source id '{prefix}'",
                    {"rule_id": item.id, "prefix": self.source.id + "."},
                )
            item._source = self.source
        return self


class Event(BaseModel):
    """A trigger event of the controlled vocabulary (``data/rules/events.toml``)."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    zh: str
    en: str
    note: str = ""
    implies: list[str] = []

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


class EventFile(BaseModel):
    model_config = _STRICT

    event: list[Event]


def _location(error: ValidationError, data: Any) -> tuple[str, str | None]:
    first = error.errors()[0]
    loc = list(first.get("loc", ()))
    entry: str | None = ".".join(str(p) for p in loc) or None
    if len(loc) >= 2 and loc[0] == "rule" and isinstance(loc[1], int):
        with contextlib.suppress(KeyError, IndexError, TypeError, AttributeError):
            entry = f"rule {data['rule'][loc[1]].get('id', loc[1])}" + (
                f" field {'.'.join(str(p) for p in loc[2:])}" if loc[2:] else ""
            )
    context = first.get("ctx") or {}
    if entry is None and "rule_id" in context:
        entry = f"rule {context['rule_id']} field id"
    message = first.get("msg", "invalid").removeprefix("Value error, ")
    return message, entry


def parse_rule_file(data: Any, source: str = "<data>") -> RuleFile:
    """Validate an already parsed rule file; raise :class:`RuleFileError` naming the entry."""
    try:
        return RuleFile.model_validate(data)
    except ValidationError as error:
        message, entry = _location(error, data)
        raise RuleFileError(source, message, entry=entry) from None


def load_rule_file(path: str | PathLike[str]) -> RuleFile:
    """Read and validate one rule file (TOML, or JSON with the same structure)."""
    name = fspath(path)
    try:
        text = Path(name).read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise RuleFileError(name, f"cannot read the file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise RuleFileError(name, "the file is not UTF-8 text") from None
    try:
        if name.lower().endswith(".json"):
            import json

            data = json.loads(text)
        else:
            data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError) as error:
        raise RuleFileError(name, f"not valid TOML/JSON ({error})") from None
    return parse_rule_file(data, name)


@dataclass(frozen=True, slots=True)
class FamilyVersion:
    """One version of a versioned rule, with the span it governs (precomputed for speed)."""

    rule: Rule
    start: dt.date
    until: dt.date | None
    first_year: int
    fixed: bool

    def due_on(self, year: int) -> dt.date:
        period = self.rule.typed_period
        assert isinstance(period, FixedDate)
        return period.on(year)


class Catalogue:
    """An immutable, validated set of rules with their sources and events."""

    __slots__ = (
        "_by_id",
        "_events",
        "_families",
        "_files",
        "_origins",
        "_sources",
        "_versions",
    )

    def __init__(
        self,
        files: Sequence[RuleFile],
        events: Iterable[Event],
        *,
        origins: Sequence[str | None] | None = None,
    ) -> None:
        """``origins``, parallel to ``files``, names the file each was read from (for errors)."""
        self._files = tuple(files)
        events = tuple(events)
        self._events = {event.id: event for event in events}
        names = tuple(origins or ())
        self._origins: dict[str, str] = {}
        self._sources: dict[str, Source] = {}
        self._by_id: dict[str, Rule] = {}
        self._families: dict[str, list[Rule]] = {}
        for index, file in enumerate(self._files):
            where = (names[index] if index < len(names) else None) or file.source.id
            if file.source.id in self._sources:
                raise RuleFileError(
                    where, f"two files declare the source id {file.source.id!r}", entry="source.id"
                )
            self._sources[file.source.id] = file.source
            self._origins[file.source.id] = where
            for item in file.rule:
                if item.id in self._by_id:
                    raise RuleFileError(where, "duplicate rule id", entry=f"rule {item.id}")
                self._by_id[item.id] = item
                if item.family:
                    self._families.setdefault(item.family, []).append(item)
        for event in events:
            for implied in event.implies:
                if implied not in self._events:
                    raise RuleFileError(
                        "events", f"implies unknown event {implied!r}", entry=event.id
                    )
        for item in self._by_id.values():
            where = self._origin(item.source.id)
            entry = f"rule {item.id}"
            if item.trigger is not None and item.trigger not in self._events:
                raise RuleFileError(where, f"unknown trigger event {item.trigger!r}", entry=entry)
            for ref in (item.delegates_to, item.national_default):
                if ref is not None and ref not in self._by_id and ref not in self._families:
                    raise RuleFileError(where, f"refers to unknown rule {ref!r}", entry=entry)
            if item.family is not None and item.family in self._by_id:
                raise RuleFileError(where, "a family id cannot also be a rule id", entry=entry)
        self._versions: dict[str, tuple[FamilyVersion, ...]] = {}
        for family, members in self._families.items():
            kinds = {m.kind for m in members}
            if len(kinds) != 1:
                raise RuleFileError(family, "the versions of a family must share one kind")
            spans = []
            for member in members:
                src = member.source
                start = src.effective_from or dt.date.min
                spans.append(
                    FamilyVersion(
                        member,
                        start,
                        src.effective_until,
                        member.first_year or (start.year if src.effective_from else 1),
                        member.kind == "fixed-date" and member.typed_period is not None,
                    )
                )
            self._versions[family] = tuple(sorted(spans, key=lambda v: v.start))

    # -- derived catalogues --------------------------------------------------------------

    def with_rule_files(self, *paths: str | PathLike[str]) -> Catalogue:
        """This catalogue plus local rule files (same schema, same validation).

        A problem found across files (an unknown trigger event, a duplicate id, a source id
        declared twice) names the local file it is in.
        """
        loaded = [load_rule_file(path) for path in paths]
        return Catalogue(
            [*self._files, *loaded],
            self._events.values(),
            origins=[*self._file_origins(), *(fspath(path) for path in paths)],
        )

    def with_rule_data(self, *files: RuleFile) -> Catalogue:
        return Catalogue(
            [*self._files, *files], self._events.values(), origins=self._file_origins()
        )

    def _file_origins(self) -> list[str]:
        return [self._origin(file.source.id) for file in self._files]

    def _origin(self, source_id: str) -> str:
        """The file a source was read from (its id when it was given as data)."""
        return self._origins.get(source_id, source_id)

    # -- look-ups ------------------------------------------------------------------------

    @property
    def sources(self) -> dict[str, Source]:
        return dict(self._sources)

    @property
    def events(self) -> dict[str, Event]:
        return dict(self._events)

    @property
    def families(self) -> dict[str, tuple[Rule, ...]]:
        return {name: tuple(items) for name, items in self._families.items()}

    def files(self) -> tuple[RuleFile, ...]:
        return self._files

    def event(self, event_id: str) -> Event:
        try:
            return self._events[event_id]
        except KeyError:
            raise UnknownRuleError(event_id, self._close(event_id, self._events)) from None

    def _close(self, wanted: str, pool: Iterable[str]) -> list[str]:
        """Up to five known names closest to ``wanted`` (always some, if any exist)."""
        names = list(pool)
        close = difflib.get_close_matches(wanted, names, n=5, cutoff=0.6)
        if close:
            return close
        tail = wanted.rsplit(".", 1)[-1]
        close = [name for name in names if tail and tail in name][:5]
        if close:
            return close
        return difflib.get_close_matches(wanted, names, n=3, cutoff=0.0)

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; a family id gives its newest version."""
        found = self._by_id.get(rule_id)
        if found is not None:
            return found
        versions = self._families.get(rule_id)
        if versions:
            return max(versions, key=lambda r: r.source.effective_from or dt.date.min)
        raise UnknownRuleError(rule_id, self._close(rule_id, [*self._by_id, *self._families]))

    def family_versions(self, family: str) -> tuple[FamilyVersion, ...]:
        """The versions of a family, oldest first."""
        return self._versions[family]

    def is_family(self, rule_id: str) -> bool:
        return rule_id in self._families

    def rules(
        self,
        *,
        source: str | Iterable[str] | None = None,
        kind: str | Iterable[str] | None = None,
        trigger: str | None = None,
        words: str | None = None,
    ) -> list[Rule]:
        """Rules filtered by source id(s), kind(s), trigger event and words (zh or en)."""
        sources = {source} if isinstance(source, str) else (set(source) if source else None)
        kinds = {kind} if isinstance(kind, str) else (set(kind) if kind else None)
        if sources:
            unknown = sources - self._sources.keys()
            if unknown:
                name = sorted(unknown)[0]
                raise UnknownRuleError(name, self._close(name, self._sources))
        found = []
        for item in self._by_id.values():
            if sources and item.source.id not in sources:
                continue
            if kinds and item.kind not in kinds:
                continue
            if trigger and item.trigger != trigger:
                continue
            if words and not item.matches(words):
                continue
            found.append(item)
        return found


_DEFAULT: list[Catalogue] = []
_LOCK = threading.Lock()


def default_catalogue() -> Catalogue:
    """The built-in catalogue (the five documents and the national rules), loaded once."""
    if _DEFAULT:
        return _DEFAULT[0]
    with _LOCK:
        if not _DEFAULT:
            from .snapshot import load_catalogue_parts

            parts = load_catalogue_parts()
            if parts is not None:
                _DEFAULT.append(Catalogue(parts[0], parts[2], origins=parts[1]))
                return _DEFAULT[0]
            files = []
            origins: list[str] = []
            events: list[Event] = []
            for file_name in list_data("rules"):
                if not file_name.endswith(".toml"):
                    continue
                data = tomllib.loads(read_data("rules", file_name).decode("utf-8"))
                if file_name == "events.toml":
                    events = EventFile.model_validate(data).event
                else:
                    name = f"data/rules/{file_name}"
                    files.append(parse_rule_file(data, name))
                    origins.append(name)
            _DEFAULT.append(Catalogue(files, events, origins=origins))
        return _DEFAULT[0]
