"""The catalogue's runtime objects: plain, immutable, no pydantic.

:class:`Source`, :class:`Rule`, :class:`NotARule`, :class:`RuleSet` (one rule file),
:class:`Event` (a trigger of the controlled vocabulary), :class:`Policy` (a reading of the
library, ``data/policies.toml``) and :class:`FamilyVersion` (one version of a versioned rule),
with the decoders that rebuild them from validated data — the pydantic schema's output
(:mod:`gov_deadlines.catalogue.schema`) or the bundled snapshot's JSON
(:func:`gov_deadlines.bundled.snapshot_payload`). Nothing here reads a file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field, fields
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from gov_deadlines.counting.periods import FixedDate, Period, WorkingDays, parse_period
from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import is_zh

if TYPE_CHECKING:
    from gov_deadlines.counting.records import CitationRecord

__all__ = [
    "KIND_LABELS",
    "STRENGTH_LABELS",
    "Consultation",
    "Event",
    "FamilyVersion",
    "NotARule",
    "Policy",
    "PolicyNote",
    "Quota",
    "Rule",
    "RuleKind",
    "RuleSet",
    "Source",
    "Strength",
    "YearlyDate",
    "events_from_dict",
    "policy_from_dict",
    "rule_set_from_dict",
]

#: A party consulted while an application is answered (2019 arts. 32, 34).
Consultation = Literal["third-party", "agency"]
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


@frozen
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

    def __init__(
        self,
        id: str,
        issuer: str,
        title: str,
        title_en: str,
        jurisdiction: str,
        jurisdiction_en: str,
        number: str = "",
        date: dt.date | None = None,
        seed: str | None = None,
        traditional: bool = False,
        effective_from: dt.date | None = None,
        effective_until: dt.date | None = None,
        url: str | None = None,
    ) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "issuer", issuer)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "title_en", title_en)
        object.__setattr__(self, "jurisdiction", jurisdiction)
        object.__setattr__(self, "jurisdiction_en", jurisdiction_en)
        object.__setattr__(self, "number", number)
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "seed", seed)
        object.__setattr__(self, "traditional", traditional)
        object.__setattr__(self, "effective_from", effective_from)
        object.__setattr__(self, "effective_until", effective_until)
        object.__setattr__(self, "url", url)

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


@frozen
class YearlyDate:
    """A date of every year (``every_year = { month = 7, day = 31 }``); no day = month end."""

    month: int
    day: int | None = None

    def __init__(self, month: int, day: int | None = None) -> None:
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@frozen
class Quota:
    """At least ``count`` acts inside each ``window`` ("year" or "august")."""

    count: int
    window: Literal["year", "august"]

    def __init__(self, count: int, window: Literal["year", "august"]) -> None:
        object.__setattr__(self, "count", count)
        object.__setattr__(self, "window", window)

    def to_dict(self) -> dict[str, Any]:
        return _to_dict(self)


@frozen(slots=False)
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
    #: The version's short name within its family (``"2019"``), e.g. the audit CSV's
    #: ``version`` cell.
    version_label: str | None = None
    #: The consultations whose time the period does not count (``"third-party"``,
    #: ``"agency"``): 2019 art. 33(3) names both, 2008 art. 24(3) only the third party.
    excluded_consultations: tuple[Consultation, ...] = ()
    #: The text fixes no receipt day by channel: the receipt is found by analogy with a later
    #: text (policy receipt-by-channel-for-2008-cases).
    receipt_by_analogy: bool = False
    #: Where the text allows the extension (``extension``): the clause, in Chinese and the
    #: English short form (``第三十三条第二款`` / ``art. 33(2)``).
    extension_clause: str | None = None
    extension_clause_en: str | None = None
    #: Where the text leaves the consultations' time out (``excluded_consultations``): the
    #: clause, in Chinese and the English short form (``第三十三条第三款`` / ``art. 33(3)``).
    excluded_clause: str | None = None
    excluded_clause_en: str | None = None

    def __init__(
        self,
        id: str,
        title_zh: str,
        title_en: str,
        clause: str,
        quote: str,
        kind: RuleKind,
        strength: Strength,
        binds_zh: str,
        binds_en: str,
        counting_zh: str,
        counting_en: str,
        source: Source,
        seed_line: int | None = None,
        trigger: str | None = None,
        period: str | None = None,
        extension: str | None = None,
        family: str | None = None,
        delegates_to: str | None = None,
        national_default: str | None = None,
        note_zh: str = "",
        note_en: str = "",
        verified: bool = True,
        unverified_zh: str = "",
        unverified_en: str = "",
        policies: tuple[str, ...] = (),
        fixed_date: dt.date | None = None,
        every_year: YearlyDate | None = None,
        first_year: int | None = None,
        cadence: Literal["monthly", "quarterly"] | None = None,
        quota: Quota | None = None,
        years: tuple[int, ...] | None = None,
        version_label: str | None = None,
        excluded_consultations: tuple[Consultation, ...] = (),
        receipt_by_analogy: bool = False,
        extension_clause: str | None = None,
        extension_clause_en: str | None = None,
        excluded_clause: str | None = None,
        excluded_clause_en: str | None = None,
    ) -> None:
        self.__dict__.update(
            {
                "id": id,
                "title_zh": title_zh,
                "title_en": title_en,
                "clause": clause,
                "quote": quote,
                "kind": kind,
                "strength": strength,
                "binds_zh": binds_zh,
                "binds_en": binds_en,
                "counting_zh": counting_zh,
                "counting_en": counting_en,
                "source": source,
                "seed_line": seed_line,
                "trigger": trigger,
                "period": period,
                "extension": extension,
                "family": family,
                "delegates_to": delegates_to,
                "national_default": national_default,
                "note_zh": note_zh,
                "note_en": note_en,
                "verified": verified,
                "unverified_zh": unverified_zh,
                "unverified_en": unverified_en,
                "policies": policies,
                "fixed_date": fixed_date,
                "every_year": every_year,
                "first_year": first_year,
                "cadence": cadence,
                "quota": quota,
                "years": years,
                "version_label": version_label,
                "excluded_consultations": excluded_consultations,
                "receipt_by_analogy": receipt_by_analogy,
                "extension_clause": extension_clause,
                "extension_clause_en": extension_clause_en,
                "excluded_clause": excluded_clause,
                "excluded_clause_en": excluded_clause_en,
            }
        )

    # Derived on first use, once per rule (the objects are immutable), not when a catalogue
    # is loaded: a start-up that asks for one rule parses one period. The data they come
    # from is validated before a Rule is built (schema, or the snapshot built from it).
    @cached_property
    def typed_period(self) -> Period | None:
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
        extension = parse_period(self.extension) if self.extension is not None else None
        return extension if isinstance(extension, WorkingDays) else None

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
        # Imported here for cost: the records are pydantic models, which `due` never loads.
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


@frozen
class NotARule:
    """Words that look like a time limit but are not one, recorded so nobody hunts for them."""

    quote: str
    reason_zh: str
    reason_en: str
    seed_line: int | None = None

    def __init__(
        self,
        quote: str,
        reason_zh: str,
        reason_en: str,
        seed_line: int | None = None,
    ) -> None:
        object.__setattr__(self, "quote", quote)
        object.__setattr__(self, "reason_zh", reason_zh)
        object.__setattr__(self, "reason_en", reason_en)
        object.__setattr__(self, "seed_line", seed_line)


@frozen
class RuleSet:
    """One document's validated rules (what a rule file holds)."""

    source: Source
    rule: tuple[Rule, ...] = ()
    not_a_rule: tuple[NotARule, ...] = ()

    def __init__(
        self,
        source: Source,
        rule: tuple[Rule, ...] = (),
        not_a_rule: tuple[NotARule, ...] = (),
    ) -> None:
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "not_a_rule", not_a_rule)


@frozen
class Event:
    """A trigger event of the controlled vocabulary (``data/rules/events.toml``)."""

    id: str
    zh: str
    en: str
    note: str = ""
    implies: tuple[str, ...] = ()
    #: The event is the receipt of an application (条例 art. 31): the rest-day receipt
    #: policy applies to the rules it starts (:mod:`gov_deadlines.catalogue.receipt`).
    receipt: bool = False

    def __init__(
        self,
        id: str,
        zh: str,
        en: str,
        note: str = "",
        implies: tuple[str, ...] = (),
        receipt: bool = False,
    ) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "zh", zh)
        object.__setattr__(self, "en", en)
        object.__setattr__(self, "note", note)
        object.__setattr__(self, "implies", implies)
        object.__setattr__(self, "receipt", receipt)

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
        fields["excluded_consultations"] = tuple(fields.get("excluded_consultations", ()))
        rules.append(Rule(source=source, **fields))
    not_rules = tuple(NotARule(**n) for n in data.get("not_a_rule", []))
    return RuleSet(source=source, rule=tuple(rules), not_a_rule=not_rules)


def events_from_dict(data: dict[str, Any]) -> Event:
    return Event(**{**data, "implies": tuple(data.get("implies", ()))})


@frozen
class FamilyVersion:
    """One version of a versioned rule, with the span it governs (precomputed for speed)."""

    rule: Rule
    start: dt.date
    until: dt.date | None
    first_year: int
    fixed: bool

    def __init__(
        self,
        rule: Rule,
        start: dt.date,
        until: dt.date | None,
        first_year: int,
        fixed: bool,
    ) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "until", until)
        object.__setattr__(self, "first_year", first_year)
        object.__setattr__(self, "fixed", fixed)

    def due_on(self, year: int) -> dt.date:
        period = self.rule.typed_period
        assert isinstance(period, FixedDate)
        return period.on(year)


@frozen
class Policy:
    """One named reading of the library (fields as in ``data/policies.toml``)."""

    id: str
    title_zh: str
    title_en: str
    reading_zh: str
    reading_en: str
    basis_zh: str
    basis_en: str
    default_zh: str
    default_en: str
    applies_in: tuple[str, ...] = ()
    #: How a clerk switches it (command-line options): shown by ``rule`` and explanations.
    switch_zh: str = ""
    switch_en: str = ""
    #: How a developer switches it (Python keywords): docs/policies.md only.
    switch_python: str = ""

    def __init__(
        self,
        id: str,
        title_zh: str,
        title_en: str,
        reading_zh: str,
        reading_en: str,
        basis_zh: str,
        basis_en: str,
        default_zh: str,
        default_en: str,
        applies_in: tuple[str, ...] = (),
        switch_zh: str = "",
        switch_en: str = "",
        switch_python: str = "",
    ) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "title_zh", title_zh)
        object.__setattr__(self, "title_en", title_en)
        object.__setattr__(self, "reading_zh", reading_zh)
        object.__setattr__(self, "reading_en", reading_en)
        object.__setattr__(self, "basis_zh", basis_zh)
        object.__setattr__(self, "basis_en", basis_en)
        object.__setattr__(self, "default_zh", default_zh)
        object.__setattr__(self, "default_en", default_en)
        object.__setattr__(self, "applies_in", applies_in)
        object.__setattr__(self, "switch_zh", switch_zh)
        object.__setattr__(self, "switch_en", switch_en)
        object.__setattr__(self, "switch_python", switch_python)

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if is_zh(lang) else self.title_en

    def line(self, lang: str = "zh") -> str:
        """``政策 <id>:<title>(本库的解释,见 docs/policies.md)`` — how explanations name it."""
        if is_zh(lang):
            return f"政策 {self.id}:{self.title_zh}(本库的解释,非条文原文;见 docs/policies.md)"
        return (
            f"Policy {self.id}: {self.title_en} (the library's reading, not the text's words; "
            "see docs/policies.md)"
        )

    def describe_lines(self, lang: str = "zh") -> list[str]:
        """The policy in full: reading, basis, default and switch."""
        zh = is_zh(lang)
        lines = [
            self.line(lang),
            ("   做法:" if zh else "   Reading: ") + (self.reading_zh if zh else self.reading_en),
            ("   理由:" if zh else "   Basis: ") + (self.basis_zh if zh else self.basis_en),
            ("   默认:" if zh else "   Default: ") + (self.default_zh if zh else self.default_en),
        ]
        switch = self.switch_zh if zh else self.switch_en
        if switch:
            lines.append(("   更改:" if zh else "   Switch: ") + switch)
        return lines

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["applies_in"] = list(self.applies_in)
        return data


@frozen
class PolicyNote:
    """A note of an explanation naming a policy that decided the date (:meth:`Policy.line`)."""

    policy: Policy

    def __init__(self, policy: Policy) -> None:
        object.__setattr__(self, "policy", policy)

    def text(self, lang: str = "zh") -> str:
        return self.policy.line(lang)


def policy_from_dict(data: dict[str, Any]) -> Policy:
    """A :class:`Policy` from already validated data."""
    return Policy(**{**data, "applies_in": tuple(data.get("applies_in", ()))})
