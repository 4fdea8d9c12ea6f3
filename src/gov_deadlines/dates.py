"""Dates and Beijing time: the one date reader of every input (CLI arguments, the audit
CSV, the activity log, the Python API) and the normalisation of moments to Asia/Shanghai.

Dates: ``2026-10-01``, ``2026/10/1``, ``2026.10.1``, ``2026年10月1日``, ``20261001``,
``今天`` / ``today``. Date-times: ``2026-10-01 09:30``, ``2026年10月1日 9:30``, or ISO 8601
(``2026-10-01T09:30:00+08:00``); a time without a zone is Beijing time. Full-width digits
and punctuation (``２０２６－０９－３０``, as Chinese input methods type them) read as their
ASCII forms (Unicode NFKC).

:func:`parse_day` is what every register field uses: a date, or the Beijing date of a
date-time (``2026/9/30 10:00`` is 2026-09-30). :func:`beijing_day` is the one rule by which
every entry point (the calendar's day methods, triggers, ``Case``, the pydantic types, the
CLI) reads a date-like value as a day: a date is that day; a naive datetime is its date (it
is Beijing wall time); an aware datetime, in any zone, is the date it is in Beijing
(``2026-09-30 20:00 UTC`` is 2026-10-01).

Times: naive datetimes mean Beijing time. Aware ones are converted with the tz database,
not a fixed +08:00: Beijing observed daylight saving time from 1986 to 1991
(:func:`to_beijing`, :func:`start_of_day`, :func:`add_hours`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from gov_deadlines.errors import DateParseError, shown

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

__all__ = [
    "DATETIME_FORMS",
    "DATE_FORMS",
    "WHEN_FORMS",
    "add_hours",
    "beijing",
    "beijing_day",
    "format_instant",
    "is_not_a_time",
    "parse_date",
    "parse_datetime",
    "parse_day",
    "parse_when",
    "start_of_day",
    "to_beijing",
    "today",
]

DATE_FORMS = ("2026-10-01", "2026/10/1", "2026.10.1", "2026年10月1日", "今天 / today")
DATETIME_FORMS = (*DATE_FORMS, "2026-10-01 09:30", "2026年10月1日 9:30", "2026-10-01T09:30+08:00")
WHEN_FORMS = (*DATETIME_FORMS, "2026 (年份 / a year)")

_DATE = re.compile(
    r"^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})[日号]?|(\d{2})(\d{2}))$"
)
_TIME = re.compile(r"^(\d{1,2})(?::|时|点)(\d{2})?(?::(\d{2}))?分?$")
_TODAY = {"今天", "today", "今日"}
# ISO 8601 date-times: a "T" between digits, a UTC offset or a "Z" (not the "t" of "today")
_ISO = re.compile(r"\d[Tt]\d|\+|\d[Zz]$")


@cache
def beijing() -> ZoneInfo:
    """The Asia/Shanghai zone, loaded on first use (no I/O at import)."""
    # Imported here: zoneinfo reads sysconfig when imported (~3 ms of every start), and a
    # count over dates never needs a zone.
    from zoneinfo import ZoneInfo

    return ZoneInfo("Asia/Shanghai")


def to_beijing(moment: dt.datetime) -> dt.datetime:
    """An aware datetime in Asia/Shanghai; a naive one is taken as Beijing wall time.

    A naive wall time that Beijing skipped (the spring-forward hour of 1986–1991, e.g.
    1986-05-04 02:30) is normalised, not refused: it is read with the offset in force just
    before the change (PEP 495, ``fold=0``), which is the instant the clocks then showed as
    03:30 summer time, and the result shows that real wall time. A repeated autumn hour means
    its first occurrence (summer time) unless ``fold=1`` is given.
    """
    zone = beijing()
    # A tzinfo whose utcoffset() is None makes the datetime naive (astimezone would read it
    # as the machine's local time): Beijing wall time, as beijing_day reads it.
    if moment.tzinfo is None or moment.utcoffset() is None:
        local = moment.replace(tzinfo=zone)
        try:
            # Round-trip through UTC so that a skipped wall time becomes the real one.
            return local.astimezone(dt.UTC).astimezone(zone)
        except OverflowError:  # within hours of 0001-01-01 or 9999-12-31: no summer time there
            return local
    return moment.astimezone(zone)


def beijing_day(value: dt.date) -> dt.date:
    """The Beijing day of a date-like value: a ``date`` is itself; a naive ``datetime`` (a
    pandas ``Timestamp`` too) is its date, being Beijing wall time; an aware one, in any
    zone, is its date in Asia/Shanghai (``datetime(2026, 9, 30, 20, tzinfo=UTC)`` is
    2026-10-01, 04:00 in Beijing).

    The caller refuses what names no day (pandas' ``NaT``: :func:`is_not_a_time`). An aware
    value within hours of 0001-01-01 or 9999-12-31 whose Beijing date Python cannot hold
    raises ``OverflowError``, as ``astimezone`` does.
    """
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.date()
        return value.astimezone(beijing()).date()
    return value


def is_not_a_time(value: object) -> bool:
    """pandas' ``NaT``: a missing value that is an instance of ``datetime`` but names no
    moment (its ``toordinal``, ``astimezone`` … raise ``ValueError``); like NaN it is not
    equal to itself, which no real date or datetime is."""
    return isinstance(value, dt.date) and value != value


def format_instant(moment: dt.datetime) -> str:
    """``2026-10-09 00:00``: an instant as explanations and messages show it (no zone)."""
    return moment.strftime("%Y-%m-%d %H:%M")


def start_of_day(day: dt.date) -> dt.datetime:
    """00:00 of ``day`` in Beijing, i.e. 24:00 of the day before."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=beijing())


def add_hours(moment: dt.datetime, hours: int) -> dt.datetime:
    """Exactly ``hours`` of elapsed time later, in Beijing time (DST-safe: via UTC)."""
    utc = moment.astimezone(dt.UTC) + dt.timedelta(hours=hours)
    return utc.astimezone(beijing())


def _normal(text: str) -> str:
    """Full-width digits and punctuation as ASCII, surrounding blanks removed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return text.strip()


def today() -> dt.date:
    """Today's date in Beijing."""
    return dt.datetime.now(beijing()).date()


def _date(text: str, original: str, forms: tuple[str, ...]) -> dt.date:
    if text.casefold() in _TODAY:
        return today()
    match = _DATE.match(text)
    if not match:
        raise DateParseError(original, forms)
    return _matched_date(match, original, forms)


def _matched_date(match: re.Match[str], original: str, forms: tuple[str, ...]) -> dt.date:
    groups = match.groups()
    year = int(groups[0])
    month = int(groups[1] or groups[3] or groups[5])
    day = int(groups[2] or groups[4] or groups[6])
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        zh = f"{year}年没有{month}月" if not 1 <= month <= 12 else f"{year}年{month}月没有{day}日"
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            zh = "年份超出范围"
        raise DateParseError(original, forms, f"no such day: {error}", f"没有这一天:{zh}") from None


def parse_date(text: str) -> dt.date:
    """A date from text; :class:`~gov_deadlines.errors.DateParseError` names the input."""
    if not isinstance(text, str):
        raise DateParseError(shown(text), DATE_FORMS)
    return _date(_normal(text), text, DATE_FORMS)


def parse_datetime(text: str) -> dt.date | dt.datetime:
    """A date, or an aware Beijing datetime when the text has a time of day."""
    if not isinstance(text, str):
        raise DateParseError(shown(text), DATETIME_FORMS)
    body = _normal(text)
    match = _DATE.match(body)
    if match is not None:
        # A date alone, the common case, read at once: such a text has no time of day and
        # nothing _ISO finds, and the steps below would read it as _date(body) too.
        return _matched_date(match, text, DATETIME_FORMS)
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
        raise DateParseError(
            text,
            DATETIME_FORMS,
            f"cannot read the time {time_text!r}",
            f"无法识别时刻“{time_text}”,请写作 时:分,如 09:30",
        )
    hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=beijing())
    except ValueError as error:
        raise DateParseError(
            text,
            DATETIME_FORMS,
            f"no such time: {error}",
            "没有这一时刻:时须在0至23、分和秒须在0至59之间",
        ) from None


def parse_day(value: object) -> dt.date:
    """The day of a register field: a date, or the Beijing date of a date-time.

    Takes a ``datetime.date``, a ``datetime.datetime`` (an aware one converted to Beijing
    time, a naive one read as Beijing time) or any text :func:`parse_datetime` reads.
    """
    if isinstance(value, str):  # the common case first (a text is never a date)
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            # YYYY-MM-DD, what most registers hold: date.fromisoformat reads it as the
            # general reader does, faster; a day that does not exist (2026-02-30) or other
            # characters go on to the general reader, which says why.
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        parsed = parse_datetime(value)
        return parsed.date() if isinstance(parsed, dt.datetime) else parsed
    if isinstance(value, dt.datetime):
        if is_not_a_time(value):
            raise DateParseError(
                shown(value),
                DATETIME_FORMS,
                "NaT is a missing value, not a date",
                "NaT 是缺失值,不是日期",
            )
        return beijing_day(value)
    if isinstance(value, dt.date):
        return value
    raise DateParseError(shown(value), DATETIME_FORMS)


def parse_when(text: str) -> dt.date | dt.datetime | int:
    """A date, a datetime, or a bare year (``2026``) for yearly rules."""
    body = _normal(text) if isinstance(text, str) else ""
    if re.fullmatch(r"\d{4}", body):
        year = int(body)
        if 1900 <= year <= 2200:
            return year
        raise DateParseError(
            text, WHEN_FORMS, "the year must be between 1900 and 2200", "年份须在1900至2200之间"
        )
    try:
        return parse_datetime(text)
    except DateParseError as error:
        raise DateParseError(text, WHEN_FORMS, error.problem, error.problem_zh) from None


def iso_date(day: dt.date) -> str:
    """A date as ``YYYY-MM-DD`` (the form of every date the library writes)."""
    return day.isoformat()
