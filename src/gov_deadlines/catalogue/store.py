"""The rule catalogue: an immutable, cross-checked set of rules with their sources and events.

:class:`Catalogue` holds the plain objects of :mod:`gov_deadlines.catalogue.model`, checks
the cross references (events, version families, delegations, policies) and answers
look-ups. Users add their own files with :meth:`Catalogue.with_rule_files`; the built-in
catalogue is :func:`gov_deadlines.catalogue.loading.default_catalogue`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from os import PathLike, fspath

from gov_deadlines.catalogue.fingerprint import rule_sources, source_stamps
from gov_deadlines.catalogue.model import (
    Event,
    FamilyVersion,
    Policy,
    PolicyNote,
    Rule,
    RuleSet,
    Source,
)
from gov_deadlines.catalogue.policies import default_policies
from gov_deadlines.catalogue.receipt import REST_DAY_RECEIPT_POLICY
from gov_deadlines.errors import ArgumentTypeError, RuleFileError, UnknownRuleError
from gov_deadlines.stamps import RuleStamp

__all__ = ["Catalogue"]


class Catalogue:
    """An immutable, validated set of rules with their sources and events."""

    __slots__ = (
        "_by_id",
        "_due_notes",
        "_events",
        "_families",
        "_files",
        "_moved_notes",
        "_origins",
        "_policies",
        "_receipt_started",
        "_rule_stamps",
        "_sources",
        "_stamps",
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
            policies = default_policies().values()
        self._policies: dict[str, Policy] = {item.id: item for item in policies}
        self._stamps: dict[str, RuleStamp] | None = None  # worked out on first use
        self._rule_stamps: dict[str, tuple[RuleStamp, ...]] = {}  # filled as asked for
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
        # The policy notes `due` adds for each rule (all but the rest-day receipt policy,
        # which `due` adds only when it moved the date): worked out once, not per call.
        self._due_notes: dict[str, tuple[PolicyNote, ...]] = {
            item.id: tuple(
                PolicyNote(self._policies[name])
                for name in item.policies
                if "due" in self._policies[name].applies_in and name != REST_DAY_RECEIPT_POLICY
            )
            for item in self._by_id.values()
        }
        # … and after a receipt the rest-day receipt policy moved, that policy first.
        rest_day = self._policies.get(REST_DAY_RECEIPT_POLICY)
        moved = (PolicyNote(rest_day),) if rest_day is not None else ()
        self._moved_notes: dict[str, tuple[PolicyNote, ...]] = {
            rule_id: moved + notes for rule_id, notes in self._due_notes.items()
        }
        # Rules (and families, by their first version) started by a receipt: `due` asks for
        # every call, so it is worked out once here.
        self._receipt_started = frozenset(
            rule_id
            for rule_id in (*self._by_id, *self._versions)
            if (first := self._first_version(rule_id)).trigger is not None
            and self._events[first.trigger].receipt
        )

    # -- derived catalogues --------------------------------------------------------------

    def with_rule_files(self, *paths: str | PathLike[str]) -> Catalogue:
        """This catalogue plus local rule files (same schema, same validation).

        A problem found across files (an unknown trigger event, a duplicate id, a source id
        declared twice) names the local file it is in.
        """
        # Imported here for cost: the pydantic schema (~55 ms), which bundled data never needs.
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

    def policy(self, policy_id: str) -> Policy | None:
        """One of the library's readings by id, or ``None``."""
        return self._policies.get(policy_id)

    def due_policy_notes(
        self, item: Rule, *, moved_receipt: bool = False
    ) -> tuple[PolicyNote, ...]:
        """The notes naming the policies that decide ``item``'s date in ``due``: the
        rest-day receipt policy only where it moved the date (``moved_receipt``), first."""
        return (self._moved_notes if moved_receipt else self._due_notes)[item.id]

    def is_receipt_started(self, rule_id: str) -> bool:
        """Whether the rule (or the family's first version) is started by a receipt event
        (``receipt = true`` in events.toml), so that the rest-day receipt policy applies."""
        return rule_id in self._receipt_started

    def source_stamps(self) -> dict[str, RuleStamp]:
        """The stamp (source id, hash of its data) of every rule document, worked out once."""
        stamps = self._stamps
        if stamps is None:
            # Built whole, then published by one assignment (a racing thread builds the same).
            stamps = source_stamps(self._files, self._events, self._policies)
            self._stamps = stamps
        return stamps

    def rule_stamps(self, item: Rule) -> tuple[RuleStamp, ...]:
        """The rule documents whose data decides a result under ``item``: its own, those
        of the rules it delegates to and of every version of its family (sorted)."""
        found = self._rule_stamps.get(item.id)
        if found is None:
            stamps = self.source_stamps()
            found = tuple(
                stamps[source]
                for source in rule_sources(item, self._by_id, self._families)
                if source in stamps
            )
            # The same value whoever computes it: a racing thread only repeats the work.
            self._rule_stamps[item.id] = found
        return found

    def _first_version(self, rule_id: str) -> Rule:
        versions = self._versions.get(rule_id)
        return versions[0].rule if versions else self._by_id[rule_id]

    def policies_for(self, item: Rule) -> list[Policy]:
        """The policies that apply to a rule, in the order the rule names them."""
        return [self._policies[name] for name in item.policies]

    @property
    def families(self) -> dict[str, tuple[Rule, ...]]:
        return {name: tuple(items) for name, items in self._families.items()}

    def files(self) -> tuple[RuleSet, ...]:
        return self._files

    def event(self, event_id: str) -> Event:
        if not isinstance(event_id, str):
            raise ArgumentTypeError(
                "event",
                event_id,
                "an event id (str), e.g. 'application-received'",
                "事件编号,如 application-received",
            )
        try:
            return self._events[event_id]
        except KeyError:
            raise UnknownRuleError(
                event_id, self._close(event_id, self._events), kind="event"
            ) from None

    def _close(self, wanted: str, pool: Iterable[str]) -> list[str]:
        """Up to five known names closest to ``wanted`` (always some, if any exist)."""
        # Imported here: only an unknown name needs it, and every start-up would pay ~1.5 ms.
        import difflib

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
        if type(rule_id) is not str and not isinstance(rule_id, str):
            raise ArgumentTypeError(
                "rule_id", rule_id, "a rule id (str), e.g. 'ogi.reply'", "规则编号,如 ogi.reply"
            )
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
        sources: str | Iterable[str] | None = None,
        kind: str | Iterable[str] | None = None,
        trigger: str | None = None,
        words: str | None = None,
    ) -> list[Rule]:
        """Rules filtered by source id(s), kind(s), trigger event and words (zh or en)."""
        wanted = {sources} if isinstance(sources, str) else (set(sources) if sources else None)
        kinds = {kind} if isinstance(kind, str) else (set(kind) if kind else None)
        if wanted:
            unknown = wanted - self._sources.keys()
            if unknown:
                name = sorted(unknown)[0]
                raise UnknownRuleError(name, self._close(name, self._sources), kind="source")
        found = []
        for item in self._by_id.values():
            if wanted and item.source.id not in wanted:
                continue
            if kinds and item.kind not in kinds:
                continue
            if trigger and item.trigger != trigger:
                continue
            if words and not item.matches(words):
                continue
            found.append(item)
        return found
