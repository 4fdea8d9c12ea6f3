"""Validation of the calendar's citation data (``data/calendar/notices.toml``) and of the
notice block of an overlay file: pydantic models that produce the plain objects of
:mod:`gov_deadlines.calendar.notice`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from gov_deadlines.calendar.notice import Erratum, Notice, erratum_from_dict, notice_from_dict

_STRICT = ConfigDict(frozen=True, extra="forbid")


class AmendmentSpec(BaseModel):
    model_config = _STRICT

    title: str
    number: str = ""
    published: dt.date | None = None
    summary_zh: str = ""
    summary_en: str = ""
    read_at: str = ""
    verified: bool = True
    note: str = ""


class NoticeSpec(BaseModel):
    """The notice of a year: title, 国办发明电 number, date, where it was read."""

    model_config = _STRICT

    year: int
    title: str
    number: str = ""
    published: dt.date | None = None
    read_at: str = ""
    verified: bool = True
    note: str = ""
    amendment: tuple[AmendmentSpec, ...] = ()

    def to_notice(self) -> Notice:
        return notice_from_dict(self.model_dump())


class ErratumSpec(BaseModel):
    model_config = _STRICT

    date: dt.date
    official_kind: str
    holiday: str | None = None
    upstream_says: str
    notice_number: str
    quote: str
    read_at: str = ""
    note: str = ""

    def to_erratum(self) -> Erratum:
        return erratum_from_dict(self.model_dump())


def validate_notices(raw: dict[str, Any]) -> tuple[list[Notice], list[Erratum]]:
    """Validate the content of ``notices.toml``."""
    notices = [NoticeSpec.model_validate(n).to_notice() for n in raw.get("notice", [])]
    errata = [ErratumSpec.model_validate(e).to_erratum() for e in raw.get("erratum", [])]
    return notices, errata
