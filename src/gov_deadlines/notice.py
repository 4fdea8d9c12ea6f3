"""Citations of the official documents the calendar rests on (国务院办公厅节假日安排通知)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class Amendment(BaseModel):
    """A mid-year change to a year's arrangement (e.g. the 2020 Spring Festival extension)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    title: str
    number: str = ""
    published: dt.date | None = None
    summary_zh: str = ""
    summary_en: str = ""
    read_at: str = ""
    verified: bool = True
    note: str = ""


class Notice(BaseModel):
    """The State Council General Office notice that fixes one year's holidays and 调休."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    year: int
    title: str
    number: str = ""
    published: dt.date | None = None
    read_at: str = ""
    verified: bool = True
    note: str = ""
    amendment: tuple[Amendment, ...] = ()

    def cite(self, lang: str = "zh") -> str:
        """A one-line citation: title, number and date."""
        number = f" {self.number}" if self.number else ""
        when = self.published.isoformat() if self.published else ""
        if lang.startswith("zh"):
            text = f"《{self.title}》{number}"
            return f"{text}({when})" if when else text
        text = f"{self.title}{number}"
        return f"{text} ({when})" if when else text


class Erratum(BaseModel):
    """A day on which the upstream table (chinese-calendar) disagrees with the notice.

    The notice wins; ``quote`` holds its words so a reviewer can check the correction.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    date: dt.date
    official_kind: str
    holiday: str | None = None
    upstream_says: str
    notice_number: str
    quote: str
    read_at: str = ""
    note: str = ""
