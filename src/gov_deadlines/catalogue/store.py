"""The rule catalogue: every timing rule of the source documents, as cited data.

Rules live in ``data/rules/<source>.toml``, one file per document, each rule beside the
document's own words. They are validated by :mod:`gov_deadlines.catalogue.schema` (pydantic;
the schema is ``docs/rule-schema.json``) and held here as plain immutable objects:
:class:`Rule`, :class:`Source`, :class:`Event`. :class:`Catalogue` checks the cross
references (events, version families, delegations) and answers look-ups. Users add their
own files with :meth:`Catalogue.with_rule_files`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import threading
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from os import PathLike, fspath
from typing import TYPE_CHECKING, Any, Literal

from gov_deadlines.bundled import list_data, read_data
from gov_deadlines.counting.periods import FixedDate, Period, WorkingDays, parse_period
from gov_deadlines.errors import RuleFileError, UnknownRuleError
from gov_deadlines.vocabulary import is_zh

if TYPE_CHECKING:
    from gov_deadlines.catalogue.policies import Policy
    from gov_deadlines.counting.records import CitationRecord

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


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_json_value(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def _to_dict(obj: Any) -> dict[str, Any]:
    """The init fields of a dataclass as JSON-ready data (dates as ISO text)."""
    return {f.name: _json_value(getattr(obj, f.name)) for f in fields(obj) if f.init}


@dataclass(frozen=True, slots=True)
class Source:
    """The document a rule comes from."""

    id: str
    issuer: str
    title: str
    title_en: str
    jurisdiction: str
    jurisdiction_en: str
    number: str = ""
    date: dt.date | None = None
    seed: str | None = None
    traditional: bool = False
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None
    url: str | None = None

    def cite(self, lang: str = "zh") -> str:
        """``issuer《title》(number, date)``."""
        parts = [p for p in (self.number, self.date.isoformat() if self.date else "") if p]
        if is_zh(lang):
            inner = ",".join(parts)
            return f"{self.issuer}《{self.title}》" + (f"({inner})" if inner else "")
        inner = ", ".join(parts)
        return f"{self.title_en} ({self.title})" + (f", {inner}" if inner else "")

    def in_force(self, day: dt.date) -> bool:
        if self.effective_from is not None and day < self.effective_from:
            return False
        return not (self.effective_until is not None and day > self.effective_until)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True, slots=True)
class YearlyDate:
    """A date of every year (``every_year = { month = 7, day = 31 }``); no day = month end."""

    month: int
    day: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True, slots=True)
class Quota:
    """At least ``count`` acts inside each ``window`` ("year" or "august")."""

    count: int
    window: Literal["year", "august"]

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@dataclass(frozen=True)
class Rule:
    """One timing rule, with the words it encodes (fields as in ``docs/rule-schema.json``).

    ``typed_period`` is the period as a typed value (a fixed-date rule gets a
    :class:`~gov_deadlines.counting.periods.FixedDate`); ``max_extension`` the longest extension.
    """

    id: str
    title_zh: str
    title_en: str
    clause: str
    quote: str
    kind: RuleKind
    strength: Strength
    binds_zh: str
    binds_en: str
    counting_zh: str
    counting_en: str
    source: Source = field(repr=False)
    seed_line: int | None = None
    trigger: str | None = None
    period: str | None = None
    extension: str | None = None
    family: str | None = None
    delegates_to: str | None = None
    national_default: str | None = None
    note_zh: str = ""
    note_en: str = ""
    verified: bool = True
    unverified_zh: str = ""
    unverified_en: str = ""
    policies: tuple[str, ...] = ()
    fixed_date: dt.date | None = None
    every_year: YearlyDate | None = None
    first_year: int | None = None
    cadence: Literal["monthly", "quarterly"] | None = None
    quota: Quota | None = None
    years: tuple[int, ...] | None = None
    typed_period: Period | None = field(init=False, repr=False, compare=False)
    max_extension: WorkingDays | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once here (the objects are immutable), so due() reads plain attributes.
        typed: Period | None = None
        if self.period is not None:
            typed = parse_period(self.period)
        elif self.fixed_date is not None:
            day = self.fixed_date
            typed = FixedDate(day.month, day.day, day.year)
        elif self.every_year is not None:
            typed = FixedDate(self.every_year.month, self.every_year.day, every_year=True)
        extension = parse_period(self.extension) if self.extension is not None else None
        object.__setattr__(self, "typed_period", typed)
        object.__setattr__(
            self, "max_extension", extension if isinstance(extension, WorkingDays) else None
        )

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if is_zh(lang) else self.title_en

    def note(self, lang: str = "zh") -> str:
        """The rule's note for a reader, in ``lang`` ("" when it has none)."""
        return self.note_zh if is_zh(lang) else self.note_en

    def unverified_mark(self, lang: str = "zh") -> str:
        """What is shown beside a quote not checked against the official text ("" if checked)."""
        if self.verified:
            return ""
        if is_zh(lang):
            return f"(未核对官方全文:{self.unverified_zh})"
        return f" (not checked against the official text (未核对官方全文): {self.unverified_en})"

    def citation_lines(self, lang: str = "zh") -> list[str]:
        """Rule, document, clause, quoted words and strength: the opening of an explanation."""
        zh = is_zh(lang)
        src = self.source
        strength = STRENGTH_LABELS[self.strength][0 if zh else 1]
        line = f"(第{self.seed_line}行)" if zh and self.seed_line else ""
        if zh:
            return [
                f"规则:{self.id} {self.title_zh}",
                f"依据:{src.cite('zh')} {self.clause}{line}",
                f"原文:“{self.quote}”{self.unverified_mark('zh')}",
                f"要求:{strength}",
            ]
        return [
            f"Rule: {self.id} — {self.title_en}",
            f"Source: {src.cite('en')}, {self.clause}",
            f"Quoted: “{self.quote}”{self.unverified_mark('en')}",
            f"Strength: {strength}",
        ]

    def citation_record(self) -> CitationRecord:
        from gov_deadlines.counting.records import CitationRecord

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
            verified=self.verified,
            unverified_zh=self.unverified_zh,
            unverified_en=self.unverified_en,
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

    def to_dict(self) -> dict[str, Any]:
        """The rule as JSON-ready data: the rule file's fields, with the source as an object."""
        return _to_dict(self)


@dataclass(frozen=True, slots=True)
class NotARule:
    """Words that look like a time limit but are not one, recorded so nobody hunts for them."""

    quote: str
    reason_zh: str
    reason_en: str
    seed_line: int | None = None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """One document's validated rules (what a rule file holds)."""

    source: Source
    rule: tuple[Rule, ...] = ()
    not_a_rule: tuple[NotARule, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A trigger event of the controlled vocabulary (``data/rules/events.toml``)."""

    id: str
    zh: str
    en: str
    note: str = ""
    implies: tuple[str, ...] = ()

    def label(self, lang: str = "zh") -> str:
        return self.zh if is_zh(lang) else self.en

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


# -- from plain data (validated, or read back from the snapshot) ---------------------------


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def rule_set_from_dict(data: dict[str, Any]) -> RuleSet:
    """Rebuild a :class:`RuleSet` from a validated file's data (dates as dates or ISO text)."""
    raw = dict(data["source"])
    for key in ("date", "effective_from", "effective_until"):
        raw[key] = _date(raw.get(key))
    source = Source(**raw)
    rules = []
    for item in data.get("rule", []):
        fields = dict(item)
        fields["fixed_date"] = _date(fields.get("fixed_date"))
        if fields.get("every_year") is not None:
            fields["every_year"] = YearlyDate(**fields["every_year"])
        if fields.get("quota") is not None:
            fields["quota"] = Quota(**fields["quota"])
        if fields.get("years") is not None:
            fields["years"] = tuple(fields["years"])
        fields["policies"] = tuple(fields.get("policies", ()))
        rules.append(Rule(source=source, **fields))
    not_rules = tuple(NotARule(**n) for n in data.get("not_a_rule", []))
    return RuleSet(source=source, rule=tuple(rules), not_a_rule=not_rules)


def events_from_dict(data: dict[str, Any]) -> Event:
    return Event(**{**data, "implies": tuple(data.get("implies", ()))})


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
        "_policies",
        "_sources",
        "_versions",
    )

    def __init__(
        self,
        files: Sequence[RuleSet],
        events: Iterable[Event],
        *,
        origins: Sequence[str | None] | None = None,
        policies: Iterable[Policy] | None = None,
    ) -> None:
        """``origins``, parallel to ``files``, names the file each was read from (for errors).

        ``policies``: the library's readings the rules may name (default: those of the
        built-in catalogue, ``data/policies.toml``); a rule naming an unknown policy is an error.
        """
        if policies is None:
            policies = default_catalogue().policies.values()
        self._policies: dict[str, Policy] = {item.id: item for item in policies}
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
            for name in item.policies:
                if name not in self._policies:
                    known = ", ".join(sorted(self._policies))
                    raise RuleFileError(
                        where, f"unknown policy {name!r} (known: {known})", entry=entry
                    )
        self._versions: dict[str, tuple[FamilyVersion, ...]] = {}
        for family, members in self._families.items():
            kinds = {m.kind for m in members}
            if len(kinds) != 1:
                raise RuleFileError(
                    self._origin(members[-1].source.id),
                    f"the versions of family {family!r} must share one kind "
                    f"(found {', '.join(sorted(kinds))})",
                    entry=f"rule {members[-1].id} field kind",
                )
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
        from gov_deadlines.catalogue.schema import load_rule_file

        loaded = [load_rule_file(path) for path in paths]
        return Catalogue(
            [*self._files, *loaded],
            self._events.values(),
            origins=[*self._file_origins(), *(fspath(path) for path in paths)],
            policies=self._policies.values(),
        )

    def with_rule_data(self, *files: RuleSet) -> Catalogue:
        return Catalogue(
            [*self._files, *files],
            self._events.values(),
            origins=self._file_origins(),
            policies=self._policies.values(),
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
    def policies(self) -> dict[str, Policy]:
        """The library's readings (``data/policies.toml``) by id."""
        return dict(self._policies)

    def policies_for(self, item: Rule) -> list[Policy]:
        """The policies that apply to a rule, in the order the rule names them."""
        return [self._policies[name] for name in item.policies]

    @property
    def families(self) -> dict[str, tuple[Rule, ...]]:
        return {name: tuple(items) for name, items in self._families.items()}

    def files(self) -> tuple[RuleSet, ...]:
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
            from gov_deadlines.snapshot import load_catalogue_bundle

            bundle = load_catalogue_bundle()
            if bundle is not None:
                files, origins, events, policies = bundle
                _DEFAULT.append(Catalogue(files, events, origins=origins, policies=policies))
                return _DEFAULT[0]
            from gov_deadlines.catalogue.policies import POLICY_FILE
            from gov_deadlines.catalogue.schema import (
                parse_event_file,
                parse_policy_file,
                parse_rule_file,
            )

            raw = tomllib.loads(read_data(*POLICY_FILE).decode("utf-8"))
            policies = parse_policy_file(raw, "data/" + "/".join(POLICY_FILE))
            files = []
            origins = []
            events = []
            for file_name in list_data("rules"):
                if not file_name.endswith(".toml"):
                    continue
                data = tomllib.loads(read_data("rules", file_name).decode("utf-8"))
                if file_name == "events.toml":
                    events = parse_event_file(data, f"data/rules/{file_name}")
                else:
                    name = f"data/rules/{file_name}"
                    files.append(parse_rule_file(data, name))
                    origins.append(name)
            _DEFAULT.append(Catalogue(files, events, origins=origins, policies=policies))
        return _DEFAULT[0]
