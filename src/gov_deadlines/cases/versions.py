"""The versions of the 条例 (2008, 2019) as the case clock reads them from the catalogue.

:func:`reply_versions` reads each version of the ``ogi.reply`` family and its sibling rules
(the 补正 notice, the consultation of a third party) once per catalogue into a
:class:`ReplyVersion`; :class:`ReplyVersions` finds the one in force on a day of receipt.
:class:`ExcludedSpan` is a consultation whose time the clock excludes from the reply limit.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gov_deadlines.cases.model import CaseError, Party
from gov_deadlines.catalogue import Catalogue, default_catalogue
from gov_deadlines.counting.periods import WorkingDays
from gov_deadlines.dates import iso_date
from gov_deadlines.errors import ArgumentTypeError

if TYPE_CHECKING:
    from gov_deadlines.catalogue import Rule, Source

__all__ = ["ExcludedSpan", "ReplyVersion", "ReplyVersions", "reply_versions"]


@dataclass(frozen=True, slots=True)
class ReplyVersion:
    """What the clock needs from one version of the 条例 (numbers from the catalogue)."""

    label: str
    start: dt.date
    until: dt.date | None
    reply: Rule
    n: int
    ext_cap: int
    supplement: Rule | None
    supplement_n: int | None
    consult: Rule | None
    consult_cap: int | None
    agency_excluded: bool
    #: The version fixes no receipt day by channel (2008): art. 31 of 2019 by analogy.
    receipt_by_analogy: bool
    #: The day that divides this version from its neighbour (its own start when it is the
    #: one in force now, else the next version's start), and the text in force from it.
    boundary: dt.date
    boundary_source: Source
    #: Where the extension is allowed, as an explanation cites it: ``(zh, en)``; a version
    #: no longer in force is named (``2008年条例第二十四条第二款``).
    extension_clause: tuple[str, str]


class ReplyVersions:
    """The versions of the 条例 in order; :meth:`at` finds the one in force on a day.

    ``open_last`` is the last version when it has no end (``None`` otherwise) and
    ``open_last_start`` its first day: the clock's shortcut for the common case.
    ``receipt_fixed_from`` is the first day of the first version that fixes the day of
    receipt by channel itself (2019 art. 31; ``None`` if none does).
    ``catalogue``: the catalogue they were read from (for a case's stamp).
    ``excluded_citation`` cites, newest first, where each version leaves the consultations'
    time out (``(zh, en)``; an older version named: ``2008年条例第二十四条第三款``).
    """

    __slots__ = (
        "catalogue",
        "excluded_citation",
        "items",
        "open_last",
        "open_last_start",
        "receipt_fixed_from",
    )

    def __init__(
        self, items: tuple[ReplyVersion, ...], catalogue: Catalogue | None = None
    ) -> None:
        self.items = items
        self.catalogue = catalogue
        last = items[-1]
        self.open_last = last if last.until is None else None
        self.open_last_start = last.start
        self.receipt_fixed_from = next(
            (version.start for version in items if not version.receipt_by_analogy), None
        )
        zh, en = [], []
        for index, version in enumerate(reversed(items)):
            rule = version.reply
            if rule.excluded_clause is None or rule.excluded_clause_en is None:
                continue
            if index == 0:
                zh.append(rule.excluded_clause)
                en.append(rule.excluded_clause_en)
            else:
                zh.append(f"{version.label}年条例{rule.excluded_clause}")
                en.append(f"{version.label}: {rule.excluded_clause_en}")
        self.excluded_citation = (";".join(zh), "; ".join(en))

    def at(self, day: dt.date) -> ReplyVersion:
        """The version in force on ``day``; before the 2008 条例, :class:`CaseError`."""
        if self.open_last is not None and day >= self.open_last_start:
            return self.open_last
        for version in reversed(self.items):
            if version.start <= day and (version.until is None or day <= version.until):
                return version
        first = self.items[0].start
        raise CaseError(
            f"received {iso_date(day)}: no OGI regulations were in force (the 2008 条例 took effect "
            f"{iso_date(first)})",
            f"收到申请日{iso_date(day)}:当时政府信息公开条例尚未施行({iso_date(first)}起施行)",
            field="submitted",
        )


#: The bundled catalogue's versions, read once (like the default calendar).
_BUNDLED: list[ReplyVersions] = []
_BUNDLED_LOCK = threading.Lock()


def reply_versions(catalogue: Catalogue | None = None) -> ReplyVersions:
    """The versions of the 条例 read from ``catalogue`` (default: the bundled one, read
    once; another catalogue is read on each call: a batch reads it once)."""
    if catalogue is None and _BUNDLED:
        return _BUNDLED[0]
    if catalogue is not None and not isinstance(catalogue, Catalogue):
        raise ArgumentTypeError("catalogue", catalogue, "a Catalogue or None", "Catalogue 对象(或不填)")
    bundled = default_catalogue()
    cat = catalogue or bundled
    if cat is not bundled:
        return _read_versions(cat)
    if not _BUNDLED:
        with _BUNDLED_LOCK:
            if not _BUNDLED:
                _BUNDLED.append(_read_versions(cat))
    return _BUNDLED[0]


def _read_versions(cat: Catalogue) -> ReplyVersions:
    items: list[ReplyVersion] = []
    family = cat.family_versions("ogi.reply")
    for index, family_version in enumerate(family):
        reply = family_version.rule
        if reply.version_label is None:
            raise ValueError(f"{reply.id}: a version of ogi.reply needs a version_label")
        # Each version is told apart from the next by the next one's entry into force.
        following = family[index + 1] if index + 1 < len(family) else None
        source = reply.source
        period, extension = reply.typed_period, reply.max_extension
        assert isinstance(period, WorkingDays) and extension is not None
        by_id = {r.id: r for r in cat.rules(sources=source.id)}
        supplement = by_id.get(f"{source.id}.supplement-notice")
        consult = by_id.get(f"{source.id}.third-party-opinion")
        sup_period = supplement.typed_period if supplement else None
        con_period = consult.typed_period if consult else None
        items.append(
            ReplyVersion(
                label=reply.version_label,
                start=family_version.start,
                until=family_version.until,
                reply=reply,
                n=period.n,
                ext_cap=extension.n,
                supplement=supplement,
                supplement_n=sup_period.n if isinstance(sup_period, WorkingDays) else None,
                consult=consult,
                consult_cap=con_period.n if isinstance(con_period, WorkingDays) else None,
                agency_excluded="agency" in reply.excluded_consultations,
                receipt_by_analogy=reply.receipt_by_analogy,
                extension_clause=_extension_clause(reply, current=following is None),
                boundary=family_version.start if following is None else following.start,
                boundary_source=source if following is None else following.rule.source,
            )
        )
    return ReplyVersions(tuple(items), cat)


def _extension_clause(reply: Rule, *, current: bool) -> tuple[str, str]:
    zh = reply.extension_clause or reply.clause
    en = reply.extension_clause_en or reply.clause
    if current:
        return zh, en
    return f"{reply.version_label}年条例{zh}", f"{reply.version_label} 条例 {en}"


@dataclass(slots=True)
class ExcludedSpan:
    """A consultation whose time is excluded: (sent, end] after capping."""

    party: Party
    sent: dt.date
    answered: dt.date | None
    end: dt.date
    capped: bool
