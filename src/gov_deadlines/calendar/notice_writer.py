"""Writing a notice read by :mod:`gov_deadlines.calendar.notice_text` as the project's overlay file.

The file is the format of :mod:`gov_deadlines.calendar.overlay` (``docs/calendar.md``), with each
entry preceded by a comment quoting the section of the notice that sets it, so that a
reviewer can check the encoding against the law line by line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from gov_deadlines.calendar.notice_text import NoticeReading
from gov_deadlines.errors import ArgumentTypeError


def _string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c >= " " or c == "\t" else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _comment(text: str) -> str:
    return "# " + " ".join(text.split())


def _runs(days: Sequence[dt.date]) -> Iterator[tuple[dt.date, dt.date]]:
    """Consecutive days as (first, last) pairs."""
    ordered = sorted(days)
    if not ordered:
        return
    first = last = ordered[0]
    for day in ordered[1:]:
        if day == last + dt.timedelta(days=1):
            last = day
            continue
        yield first, last
        first = last = day
    yield first, last


def notice_toml(reading: NoticeReading) -> str:
    """The overlay file's text for ``reading``."""
    if not isinstance(reading, NoticeReading):
        raise ArgumentTypeError(
            "reading", reading, "a NoticeReading (read_notice_sections(text))", "通知的读取结果"
        )
    arrangement = reading.arrangement
    notice = arrangement.notice
    assert notice is not None  # a reading always cites its notice
    lines = [
        f"# {notice.title}",
        "# Read from the notice's text by `gov-deadlines calendar import`; each entry follows the",
        "# notice's own words. Check it against the notice (`gov-deadlines calendar show FILE`).",
    ]
    if reading.missing:
        lines.append(f"# Citation incomplete: {', '.join(reading.missing)} missing from the text.")
    lines += ["", f"year = {arrangement.year}", "", "[notice]", f"title = {_string(notice.title)}"]
    if notice.number:
        lines.append(f"number = {_string(notice.number)}")
    if notice.published is not None:
        lines.append(f"published = {notice.published.isoformat()}")
    if notice.read_at:
        lines.append(f"read_at = {_string(notice.read_at)}")
    lines.append(f"verified = {'true' if notice.verified else 'false'}")
    if notice.note:
        lines.append(f"note = {_string(notice.note)}")
    for section in reading.sections:
        lines += ["", _comment(section.text)]
        for first, last in _runs(section.days_off):
            lines += ["[[off]]", f"holiday = {_string(section.holiday.zh)}"]
            lines.append(f"from = {first.isoformat()}")
            if last != first:
                lines.append(f"to = {last.isoformat()}")
        for day in section.workdays:
            lines += ["[[work]]", f"date = {day.isoformat()}"]
            lines.append(f"holiday = {_string(section.holiday.zh)}")
    return "\n".join(lines) + "\n"
