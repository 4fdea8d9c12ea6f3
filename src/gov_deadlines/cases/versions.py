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
from gov_deadlines.catalogue import default_catalogue
from gov_deadlines.counting.periods import WorkingDays
from gov_deadlines.dates import iso_date

if TYPE_CHECKING:
    from gov_deadlines.catalogue import Catalogue, Rule

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


class ReplyVersions:
    """The versions of the 条例 in order; :meth:`at` finds the one in force on a day.

    ``open_last`` is the last version when it has no end (``None`` otherwise) and
    ``open_last_start`` its first day: the clock's shortcut for the common case.
    """

    __slots__ = ("items", "open_last", "open_last_start")

    def __init__(self, items: tuple[ReplyVersion, ...]) -> None:
        self.items = items
        last = items[-1]
        self.open_last = last if last.until is None else None
        self.open_last_start = last.start

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


_VERSIONS: dict[int, tuple[Catalogue, ReplyVersions]] = {}
_VERSIONS_LOCK = threading.Lock()


def reply_versions(catalogue: Catalogue | None = None) -> ReplyVersions:
    """The versions of the 条例 read from ``catalogue`` (default: the bundled one), cached."""
    cat = catalogue or default_catalogue()
    cached = _VERSIONS.get(id(cat))
    if cached is not None and cached[0] is cat:
        return cached[1]
    items: list[ReplyVersion] = []
    for family_version in cat.family_versions("ogi.reply"):
        reply = family_version.rule
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
                label=source.id.rsplit("-", 1)[-1],
                start=family_version.start,
                until=family_version.until,
                reply=reply,
                n=period.n,
                ext_cap=extension.n,
                supplement=supplement,
                supplement_n=sup_period.n if isinstance(sup_period, WorkingDays) else None,
                consult=consult,
                consult_cap=con_period.n if isinstance(con_period, WorkingDays) else None,
                # The reply rule's own words say which consultations are excluded: the 2019
                # text names 第三方和其他机关, the 2008 text only 第三方.
                agency_excluded="其他机关" in reply.quote,
            )
        )
    versions = ReplyVersions(tuple(items))
    with _VERSIONS_LOCK:
        _VERSIONS[id(cat)] = (cat, versions)
    return versions


@dataclass(slots=True)
class ExcludedSpan:
    """A consultation whose time is excluded: (sent, end] after capping."""

    party: Party
    sent: dt.date
    answered: dt.date | None
    end: dt.date
    capped: bool
