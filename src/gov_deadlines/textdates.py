"""Reading dates and times the way clerks write them.

Dates: ``2026-10-01``, ``2026/10/1``, ``2026.10.1``, ``2026年10月1日``, ``20261001``,
``今天`` / ``today``. Date-times: ``2026-10-01 09:30``, ``2026年10月1日 9:30``, or ISO 8601
(``2026-10-01T09:30:00+08:00``); a time without a zone is Beijing time.
"""

from __future__ import annotations

import datetime as dt
import re

from .errors import DateParseError
from .timezone import beijing

DATE_FORMS = ("2026-10-01", "2026/10/1", "2026.10.1", "2026年10月1日", "今天 / today")
DATETIME_FORMS = (*DATE_FORMS, "2026-10-01 09:30", "2026年10月1日 9:30", "2026-10-01T09:30+08:00")
WHEN_FORMS = (*DATETIME_FORMS, "2026 (a year, for yearly rules)")

_DATE = re.compile(
    r"^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?|(\d{2})(\d{2}))$"
)
_TIME = re.compile(r"^(\d{1,2})(?::|时|点)(\d{2})?(?::(\d{2}))?分?$")
_TODAY = {"今天", "today", "今日"}
# ISO 8601 date-times: a "T" between digits, a UTC offset or a "Z" (not the "t" of "today")
_ISO = re.compile(r"\d[Tt]\d|\+|\d[Zz]$")


def today() -> dt.date:
    """Today's date in Beijing."""
    return dt.datetime.now(beijing()).date()


def _date(text: str, original: str, forms: tuple[str, ...]) -> dt.date:
    if text.casefold() in _TODAY:
        return today()
    match = _DATE.match(text)
    if not match:
        raise DateParseError(original, forms)
    groups = match.groups()
    year = int(groups[0])
    month = int(groups[1] or groups[3] or groups[5])
    day = int(groups[2] or groups[4] or groups[6])
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise DateParseError(original, forms, f"no such day: {error}") from None


def parse_date(text: str) -> dt.date:
    """A date from text; :class:`~gov_deadlines.errors.DateParseError` names the input."""
    if not isinstance(text, str):
        raise DateParseError(repr(text), DATE_FORMS)
    return _date(text.strip(), text, DATE_FORMS)


def parse_datetime(text: str) -> dt.date | dt.datetime:
    """A date, or an aware Beijing datetime when the text has a time of day."""
    if not isinstance(text, str):
        raise DateParseError(repr(text), DATETIME_FORMS)
    body = text.strip()
    if _ISO.search(body):
        try:
            moment = dt.datetime.fromisoformat(re.sub(r"[Zz]$", "+00:00", body))
        except ValueError:
            raise DateParseError(text, DATETIME_FORMS) from None
        if moment.tzinfo is None:
            return moment.replace(tzinfo=beijing())
        return moment.astimezone(beijing())
    day_text, _, time_text = body.replace("日", "日 ", 1).partition(" ")
    day = _date(day_text.strip(), text, DATETIME_FORMS)
    time_text = time_text.strip()
    if not time_text:
        return day
    match = _TIME.match(time_text)
    if not match:
        raise DateParseError(text, DATETIME_FORMS, f"cannot read the time {time_text!r}")
    hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=beijing())
    except ValueError as error:
        raise DateParseError(text, DATETIME_FORMS, f"no such time: {error}") from None


def parse_when(text: str) -> dt.date | dt.datetime | int:
    """A date, a datetime, or a bare year (``2026``) for yearly rules."""
    body = text.strip() if isinstance(text, str) else ""
    if re.fullmatch(r"\d{4}", body):
        year = int(body)
        if 1900 <= year <= 2200:
            return year
        raise DateParseError(text, WHEN_FORMS, "the year must be between 1900 and 2200")
    try:
        return parse_datetime(text)
    except DateParseError as error:
        raise DateParseError(text, WHEN_FORMS, error.problem) from None
