"""The catalogue's part of a result's stamp: the rule documents a result used, each with a
short stable hash of its data (:class:`~gov_deadlines.stamps.RuleStamp`).

A document's hash covers everything of the catalogue that can move a date counted under
one of its rules: the source (its dates in force), every rule of the file, the trigger
events those rules name (whether an event is a receipt) and the policies they apply. A
result names the document of its rule, of every rule it delegates to, and of every
version of a versioned family it belongs to or delegates to (a new or re-dated version
can change which one applies).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gov_deadlines.stamps import RuleStamp, digest

if TYPE_CHECKING:
    from gov_deadlines.catalogue.model import Event, Policy, Rule, RuleSet

__all__ = ["rule_sources", "source_stamps"]


def source_stamps(
    files: tuple[RuleSet, ...], events: dict[str, Event], policies: dict[str, Policy]
) -> dict[str, RuleStamp]:
    """The stamp of every rule document, by source id."""
    stamps: dict[str, RuleStamp] = {}
    for file in files:
        triggers = sorted({r.trigger for r in file.rule if r.trigger is not None})
        named = sorted({name for r in file.rule for name in r.policies})
        data = {
            "source": file.source.to_dict(),
            "rules": [r.to_dict() for r in file.rule],
            "events": {e: events[e].to_dict() for e in triggers if e in events},
            "policies": {p: policies[p].to_dict() for p in named if p in policies},
        }
        stamps[file.source.id] = RuleStamp(file.source.id, digest(data))
    return stamps


def rule_sources(
    rule: Rule, by_id: dict[str, Rule], families: dict[str, list[Rule]]
) -> tuple[str, ...]:
    """The source ids whose data decides a result under ``rule`` (see the module's
    documentation), sorted."""
    found: set[str] = set()
    pending: list[Rule] = [rule]
    seen: set[str] = set()
    while pending:
        current = pending.pop()
        if current.id in seen:
            continue
        seen.add(current.id)
        found.add(current.source.id)
        if current.family is not None:
            found.update(member.source.id for member in families.get(current.family, ()))
        target = current.delegates_to
        if target is not None:
            if target in families:
                pending.extend(families[target])
            elif target in by_id:
                pending.append(by_id[target])
    return tuple(sorted(found))
