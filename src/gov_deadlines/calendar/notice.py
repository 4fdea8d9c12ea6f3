"""Citations of the official documents the calendar rests on (国务院办公厅节假日安排通知).

Plain immutable objects; the files they come from are validated by
:mod:`gov_deadlines.calendar.schema`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import is_zh


@frozen
class Amendment:
    """A mid-year change to a year's arrangement (e.g. the 2020 Spring Festival extension)."""

    title: str
    number: str = ""
    published: dt.date | None = None
    summary_zh: str = ""
    summary_en: str = ""
    read_at: str = ""
    verified: bool = True
    note: str = ""

    def __init__(
        self,
        title: str,
        number: str = "",
        published: dt.date | None = None,
        summary_zh: str = "",
        summary_en: str = "",
        read_at: str = "",
        verified: bool = True,
        note: str = "",
    ) -> None:
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "number", number)
        object.__setattr__(self, "published", published)
        object.__setattr__(self, "summary_zh", summary_zh)
        object.__setattr__(self, "summary_en", summary_en)
        object.__setattr__(self, "read_at", read_at)
        object.__setattr__(self, "verified", verified)
        object.__setattr__(self, "note", note)


@frozen
class Notice:
    """The State Council General Office notice that fixes one year's holidays and 调休."""

    year: int
    title: str
    number: str = ""
    published: dt.date | None = None
    read_at: str = ""
    verified: bool = True
    note: str = ""
    amendment: tuple[Amendment, ...] = ()

    def __init__(
        self,
        year: int,
        title: str,
        number: str = "",
        published: dt.date | None = None,
        read_at: str = "",
        verified: bool = True,
        note: str = "",
        amendment: tuple[Amendment, ...] = (),
    ) -> None:
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "number", number)
        object.__setattr__(self, "published", published)
        object.__setattr__(self, "read_at", read_at)
        object.__setattr__(self, "verified", verified)
        object.__setattr__(self, "note", note)
        object.__setattr__(self, "amendment", amendment)

    def cite(self, lang: str = "zh") -> str:
        """A one-line citation: title, number and date."""
        number = f" {self.number}" if self.number else ""
        when = self.published.isoformat() if self.published else ""
        if is_zh(lang):
            text = f"《{self.title}》{number}"
            return f"{text}({when})" if when else text
        text = f"{self.title}{number}"
        return f"{text} ({when})" if when else text


@frozen
class Erratum:
    """A day on which the upstream table (chinese-calendar) disagrees with the notice.

    The notice wins; ``quote`` holds its words so a reviewer can check the correction.
    """

    date: dt.date
    official_kind: str
    upstream_says: str
    notice_number: str
    quote: str
    holiday: str | None = None
    read_at: str = ""
    note: str = ""

    def __init__(
        self,
        date: dt.date,
        official_kind: str,
        upstream_says: str,
        notice_number: str,
        quote: str,
        holiday: str | None = None,
        read_at: str = "",
        note: str = "",
    ) -> None:
        object.__setattr__(self, "date", date)
        object.__setattr__(self, "official_kind", official_kind)
        object.__setattr__(self, "upstream_says", upstream_says)
        object.__setattr__(self, "notice_number", notice_number)
        object.__setattr__(self, "quote", quote)
        object.__setattr__(self, "holiday", holiday)
        object.__setattr__(self, "read_at", read_at)
        object.__setattr__(self, "note", note)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def notice_from_dict(data: dict[str, Any]) -> Notice:
    """A :class:`Notice` from validated data (dates as dates or ISO text)."""
    amendments = tuple(
        Amendment(**{**a, "published": _date(a.get("published"))})
        for a in data.get("amendment", ())
    )
    return Notice(**{**data, "published": _date(data.get("published")), "amendment": amendments})


def erratum_from_dict(data: dict[str, Any]) -> Erratum:
    return Erratum(**{**data, "date": _date(data["date"])})
