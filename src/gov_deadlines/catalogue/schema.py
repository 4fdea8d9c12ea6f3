"""The rule-file schema: pydantic models that validate a rule file (``docs/rule-schema.json``).

A rule file (TOML, or JSON of the same shape) holds one ``[source]`` and its ``[[rule]]``
entries, each beside the document's own words. :func:`parse_rule_file` validates one —
the bundled files and a bureau's local files alike — and turns it into the catalogue's
plain, immutable objects (:mod:`gov_deadlines.catalogue.model`). Errors name the file and the
entry (:class:`~gov_deadlines.errors.RuleFileError`).

The runtime objects are not pydantic models: a one-shot command that only reads the
bundled, already validated data (the snapshot, :func:`gov_deadlines.bundled.snapshot_payload`) then never pays for
pydantic at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from gov_deadlines.catalogue.model import (
    Consultation,
    Event,
    Policy,
    RuleKind,
    RuleSet,
    Strength,
    events_from_dict,
    policy_from_dict,
    rule_set_from_dict,
)
from gov_deadlines.counting.periods import (
    CalendarDays,
    Hours,
    MinimumDuration,
    Months,
    WorkingDays,
    Years,
    parse_period,
)
from gov_deadlines.documents import DocumentProblem, parse_document
from gov_deadlines.errors import RuleFileError, check_path_argument


def _config(title: str) -> ConfigDict:
    return ConfigDict(frozen=True, extra="forbid", title=title)


class SourceSpec(BaseModel):
    """The document a rule comes from."""

    model_config = _config("Source")

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


class YearlyDateSpec(BaseModel):
    model_config = _config("YearlyDate")

    month: int = Field(ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)


class QuotaSpec(BaseModel):
    model_config = _config("Quota")

    count: int = Field(ge=1)
    window: Literal["year", "august"]


class RuleSpec(BaseModel):
    """One timing rule, with the words it encodes."""

    model_config = _config("Rule")

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
    note_zh: str = Field(default="", description="a note for the reader, in Chinese")
    note_en: str = Field(default="", description="the same note in English (both or neither)")
    verified: bool = Field(
        default=True,
        description="false: the quote could not be checked against the official text "
        "(shown as 未核对官方全文 with the reason)",
    )
    unverified_zh: str = Field(default="", description="why the quote is not checked (zh)")
    unverified_en: str = Field(default="", description="why the quote is not checked (en)")
    policies: list[str] = Field(
        default=[],
        description="ids of the library's policies (data/policies.toml) that apply to the rule",
    )
    fixed_date: dt.date | None = None
    every_year: YearlyDateSpec | None = None
    first_year: int | None = None
    cadence: Literal["monthly", "quarterly"] | None = None
    quota: QuotaSpec | None = None
    years: list[int] | None = None
    version_label: str | None = Field(
        default=None,
        min_length=1,
        description="the version's short name within its family (e.g. 2019); needs family",
    )
    excluded_consultations: list[Consultation] = Field(
        default=[],
        description="consultations whose time the period does not count (third-party, agency)",
    )
    receipt_by_analogy: bool = Field(
        default=False,
        description="the text fixes no receipt day by channel: it is found by analogy with a "
        "later text (policy receipt-by-channel-for-2008-cases)",
    )

    extension_clause: str | None = Field(
        default=None,
        min_length=1,
        description="the clause allowing the extension (needs extension)",
    )
    extension_clause_en: str | None = Field(
        default=None, min_length=1, description="the same clause in English, e.g. art. 33(2)"
    )

    excluded_clause: str | None = Field(
        default=None,
        min_length=1,
        description="the clause leaving the consultations' time out (needs excluded_consultations)",
    )
    excluded_clause_en: str | None = Field(
        default=None, min_length=1, description="the same clause in English, e.g. art. 33(3)"
    )

    @model_validator(mode="after")
    def _check_versions(self) -> RuleSpec:
        if (self.excluded_clause is None) != (self.excluded_clause_en is None):
            raise ValueError("excluded_clause needs excluded_clause_en (both or neither)")
        if self.excluded_clause is not None and not self.excluded_consultations:
            raise ValueError(
                "excluded_clause names where consultation time is left out: it needs "
                "excluded_consultations"
            )
        if (self.extension_clause is None) != (self.extension_clause_en is None):
            raise ValueError("extension_clause needs extension_clause_en (both or neither)")
        if self.extension_clause is not None and self.extension is None:
            raise ValueError(
                "extension_clause names where the extension is allowed: it needs extension"
            )
        if self.version_label is not None and self.family is None:
            raise ValueError("version_label names a version of a family: it needs family")
        if len(set(self.excluded_consultations)) != len(self.excluded_consultations):
            raise ValueError("excluded_consultations lists a party twice")
        if (self.excluded_consultations or self.receipt_by_analogy) and self.kind != "deadline":
            raise ValueError("excluded_consultations and receipt_by_analogy are for deadline rules")
        return self

    @model_validator(mode="after")
    def _check_texts(self) -> RuleSpec:
        # A note or a reason a user sees is shown in the user's language: both or neither.
        if bool(self.note_zh) != bool(self.note_en):
            raise ValueError("a note needs both note_zh and note_en (or neither)")
        if self.verified and (self.unverified_zh or self.unverified_en):
            raise ValueError("unverified_zh/unverified_en are only for verified = false")
        if not self.verified and not (self.unverified_zh and self.unverified_en):
            raise ValueError(
                "verified = false needs the reason in unverified_zh and unverified_en"
            )
        return self

    @model_validator(mode="after")
    def _check_kind(self) -> RuleSpec:
        period = parse_period(self.period) if self.period is not None else None
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
        if self.extension is not None and not isinstance(parse_period(self.extension), WorkingDays):
            raise ValueError("extension must be a number of working days")
        return self


class NotARuleSpec(BaseModel):
    """Words that look like a time limit but are not one, recorded so nobody hunts for them."""

    model_config = _config("NotARule")

    seed_line: int | None = None
    quote: str
    reason_zh: str
    reason_en: str


class RuleFile(BaseModel):
    """One document's rule file (the JSON Schema in docs/rule-schema.json is this model's)."""

    model_config = _config("RuleFile")

    source: SourceSpec
    rule: list[RuleSpec] = []
    not_a_rule: list[NotARuleSpec] = []

    @model_validator(mode="after")
    def _check_ids(self) -> RuleFile:
        for item in self.rule:
            if not item.id.startswith(self.source.id + "."):
                # ctx carries the id so that RuleFileError can name the entry (the error of a
                # model validator has no location of its own).
                raise PydanticCustomError(
                    "rule_id_prefix",
                    "rule id '{rule_id}' must start with the source id '{prefix}'",
                    {"rule_id": item.id, "prefix": self.source.id + "."},
                )
        return self

    def to_rule_set(self) -> RuleSet:
        """The validated file as the catalogue's immutable objects."""
        return rule_set_from_dict(self.model_dump())


class PolicySpec(BaseModel):
    """A reading of the library where the text is silent (``data/policies.toml``)."""

    model_config = _config("Policy")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title_zh: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    reading_zh: str = Field(min_length=1)
    reading_en: str = Field(min_length=1)
    basis_zh: str = Field(min_length=1)
    basis_en: str = Field(min_length=1)
    default_zh: str = Field(min_length=1)
    default_en: str = Field(min_length=1)
    applies_in: list[Literal["due", "audit"]] = Field(min_length=1)
    # What a clerk is told: options, never a Python call with keyword arguments.
    switch_zh: str = Field(default="", pattern=r"^[^=]*$")
    switch_en: str = Field(default="", pattern=r"^[^=]*$")
    #: Python keywords (docs only): the clerk-facing switch fields name no Python call.
    switch_python: str = ""


class PolicyFile(BaseModel):
    model_config = _config("PolicyFile")

    policy: list[PolicySpec]

    @model_validator(mode="after")
    def _check_ids(self) -> PolicyFile:
        seen: set[str] = set()
        for item in self.policy:
            if item.id in seen:
                raise ValueError(f"duplicate policy id {item.id!r}")
            seen.add(item.id)
        return self


class EventSpec(BaseModel):
    """A trigger event of the controlled vocabulary (``data/rules/events.toml``)."""

    model_config = _config("Event")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    zh: str
    en: str
    note: str = ""
    implies: list[str] = []
    receipt: bool = False


class EventFile(BaseModel):
    model_config = _config("EventFile")

    event: list[EventSpec]

    def to_events(self) -> list[Event]:
        return [events_from_dict(e.model_dump()) for e in self.event]


# -- validation ----------------------------------------------------------------------------------


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


def validate_rule_file(data: Any, source: str = "<data>") -> RuleFile:
    """Validate an already parsed rule file; raise :class:`RuleFileError` naming the entry."""
    try:
        return RuleFile.model_validate(data)
    except ValidationError as error:
        message, entry = _location(error, data)
        raise RuleFileError(source, message, entry=entry) from None


def parse_rule_file(data: Any, source: str = "<data>") -> RuleSet:
    """Validate an already parsed rule file and return its rules."""
    return validate_rule_file(data, source).to_rule_set()


def parse_event_file(data: Any, source: str = "<data>") -> list[Event]:
    try:
        return EventFile.model_validate(data).to_events()
    except ValidationError as error:
        message, entry = _location(error, data)
        raise RuleFileError(source, message, entry=entry) from None


def parse_policy_file(data: Any, source: str = "<data>") -> list[Policy]:
    """Validate an already parsed policy file and return its policies."""
    try:
        checked = PolicyFile.model_validate(data)
    except ValidationError as error:
        message, entry = _location(error, data)
        raise RuleFileError(source, message, entry=entry) from None
    return [policy_from_dict(item.model_dump()) for item in checked.policy]


def load_rule_file(path: str | PathLike[str]) -> RuleSet:
    """Read and validate one rule file (TOML, or JSON with the same structure)."""
    name = check_path_argument("path", path)
    try:
        text = Path(name).read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise RuleFileError(name, f"cannot read the file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise RuleFileError(name, "the file is not UTF-8 text") from None
    try:
        data = parse_document(text, as_json=name.lower().endswith(".json"))
    except DocumentProblem as problem:
        raise RuleFileError(name, problem.problem, entry=problem.entry) from None
    return parse_rule_file(data, name)
