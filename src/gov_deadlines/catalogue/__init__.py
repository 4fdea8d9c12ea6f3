"""The rule catalogue: every timing rule of the source documents, as cited data.

Rules live in ``data/rules/<source>.toml``, one file per document, each rule beside the
document's own words; ``data/policies.toml`` names the library's readings where a text is
silent. The subpackage, bottom up:

- :mod:`~gov_deadlines.catalogue.model` — the plain runtime objects (:class:`Rule`,
  :class:`Source`, :class:`Event`, :class:`RuleSet`, :class:`Policy`, …) and their decoders;
- :mod:`~gov_deadlines.catalogue.schema` — the pydantic rule-file schema
  (``docs/rule-schema.json``), imported only when a file must be validated;
- :mod:`~gov_deadlines.catalogue.policies` — the bundled policies;
- :mod:`~gov_deadlines.catalogue.store` — :class:`Catalogue`, cross-checked look-ups;
- :mod:`~gov_deadlines.catalogue.loading` — :func:`default_catalogue`, the built-in one;
- :mod:`~gov_deadlines.catalogue.receipt` — the receipt of an application and the rest-day
  receipt policy (:class:`ReceiptPolicy`, :func:`effective_receipt`), one for ``due`` and
  the case audit;
- :mod:`~gov_deadlines.catalogue.lookup` — ``rules``, ``rule``, ``due``, ``check_due``,
  ``deadlines_for`` over a catalogue.

Importing the subpackage loads no pydantic (``due`` stays cheap): the schema's names are
not exported here; import them from :mod:`gov_deadlines.catalogue.schema`.
"""

from gov_deadlines.catalogue.loading import default_catalogue
from gov_deadlines.catalogue.lookup import (
    EventDeadlines,
    NotComputed,
    check_due,
    deadlines_for,
    due,
    rule,
    rules,
)
from gov_deadlines.catalogue.model import (
    KIND_LABELS,
    STRENGTH_LABELS,
    Event,
    FamilyVersion,
    NotARule,
    Policy,
    PolicyNote,
    Quota,
    Rule,
    RuleKind,
    RuleSet,
    Source,
    Strength,
    YearlyDate,
)
from gov_deadlines.catalogue.policies import default_policies
from gov_deadlines.catalogue.receipt import ReceiptNote, ReceiptPolicy, effective_receipt
from gov_deadlines.catalogue.store import Catalogue

__all__ = [
    "KIND_LABELS",
    "STRENGTH_LABELS",
    "Catalogue",
    "Event",
    "EventDeadlines",
    "FamilyVersion",
    "NotARule",
    "NotComputed",
    "Policy",
    "PolicyNote",
    "Quota",
    "ReceiptNote",
    "ReceiptPolicy",
    "Rule",
    "RuleKind",
    "RuleSet",
    "Source",
    "Strength",
    "YearlyDate",
    "check_due",
    "deadlines_for",
    "default_catalogue",
    "default_policies",
    "due",
    "effective_receipt",
    "rule",
    "rules",
]
