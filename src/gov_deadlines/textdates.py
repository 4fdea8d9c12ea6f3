"""The former name of :mod:`gov_deadlines.dates`, kept so that existing imports work."""

from __future__ import annotations

from gov_deadlines.dates import (
    DATE_FORMS,
    DATETIME_FORMS,
    WHEN_FORMS,
    parse_date,
    parse_datetime,
    parse_day,
    parse_when,
    today,
)

__all__ = [
    "DATETIME_FORMS",
    "DATE_FORMS",
    "WHEN_FORMS",
    "parse_date",
    "parse_datetime",
    "parse_day",
    "parse_when",
    "today",
]
