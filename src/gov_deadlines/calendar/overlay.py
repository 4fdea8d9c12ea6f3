"""Loading a year's arrangement from a file: a newly published notice, or an amendment.

Two formats are read:

* the project's own TOML (``.toml``)::

    year = 2027
    [notice]
    title = "国务院办公厅关于2027年部分节假日安排的通知"
    number = "国办发明电〔2026〕N号"
    published = 2026-11-05
    read_at = "https://www.gov.cn/…"
    [[off]]                        # 放假: one entry per block (or per day)
    holiday = "春节"
    from = 2027-02-05
    to = 2027-02-11                # optional, defaults to `from`
    [[work]]                       # 调休上班
    date = 2027-02-20
    holiday = "春节"

* holiday-cn's JSON (``.json``): ``{"year": 2027, "papers": [url, …], "days": [{"name":
  "春节", "date": "2027-02-05", "isOffDay": true}, …]}``.

Both are validated (see :mod:`gov_deadlines.calendar.checks`: the year's range, 调休
on weekends only, no day twice, a 春节 block); a bad file raises
:class:`~gov_deadlines.errors.OverlayError` naming the file and the entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gov_deadlines.calendar.arrangement import YearArrangement
from gov_deadlines.calendar.checks import ListedDay, check_listed_days, expand_block
from gov_deadlines.calendar.holiday import holiday_from_text
from gov_deadlines.calendar.notice import Notice
from gov_deadlines.calendar.schema import NoticeSpec
from gov_deadlines.documents import DocumentProblem, parse_document, schema_problem_zh
from gov_deadlines.errors import OverlayError, check_path_argument, file_problem


class _OffBlock(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    holiday: str = Field(min_length=1)
    first: dt.date = Field(alias="from")
    last: dt.date | None = Field(default=None, alias="to")


class _WorkDay(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: dt.date
    holiday: str = Field(min_length=1)


class _OwnFormat(BaseModel):
    model_config = ConfigDict(extra="forbid")

    year: int = Field(ge=1949, le=2200)
    notice: NoticeSpec
    off: list[_OffBlock] = []
    work: list[_WorkDay] = []


class _HolidayCnDay(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str = Field(min_length=1)
    date: dt.date
    isOffDay: bool  # holiday-cn's own key


class _HolidayCnFormat(BaseModel):
    model_config = ConfigDict(extra="ignore")

    year: int = Field(ge=1949, le=2200)
    papers: list[str] = []
    days: list[_HolidayCnDay]


def _problem(error: ValidationError) -> tuple[str, str | None]:
    first = error.errors()[0]
    location = first.get("loc", ())
    entry = "".join(
        f"[{part}]" if isinstance(part, int) else (f".{part}" if i else str(part))
        for i, part in enumerate(location)
    )
    return first.get("msg", "invalid"), entry or None


def arrangement_from_own(data: Mapping[str, Any], source: str = "<data>") -> YearArrangement:
    """An arrangement from the project's own format, already parsed into a mapping.

    ``notice.year`` may be omitted (as in the documented format): it is the file's ``year``.
    """
    notice = data.get("notice")
    if isinstance(notice, Mapping) and "year" not in notice and "year" in data:
        data = {**data, "notice": {**notice, "year": data["year"]}}
    try:
        parsed = _OwnFormat.model_validate(data)
    except ValidationError as error:
        problem, entry = _problem(error)
        raise OverlayError(
            source, problem, entry=entry, problem_zh=schema_problem_zh(problem)
        ) from None
    if parsed.notice.year != parsed.year:
        raise OverlayError(
            source,
            f"notice.year {parsed.notice.year} differs from year {parsed.year}",
            entry="notice.year",
            problem_zh=f"notice.year({parsed.notice.year})与 year({parsed.year})不一致",
        )
    listed: list[ListedDay] = []
    for position, block in enumerate(parsed.off):
        listed += expand_block(
            parsed.year,
            holiday_from_text(block.holiday),
            block.first,
            block.last or block.first,
            off=True,
            entry=f"off[{position}]",
            source=source,
        )
    listed += [
        ListedDay(work_day.date, holiday_from_text(work_day.holiday), False, f"work[{position}]")
        for position, work_day in enumerate(parsed.work)
    ]
    days_off, makeup = check_listed_days(parsed.year, listed, source)
    return YearArrangement(
        year=parsed.year,
        days_off=days_off,
        makeup_workdays=makeup,
        notice=parsed.notice.to_notice(),
        origin=f"overlay {source}",
    )


def arrangement_from_holiday_cn(data: Mapping[str, Any], source: str = "<data>") -> YearArrangement:
    """An arrangement from a holiday-cn JSON document, already parsed into a mapping."""
    try:
        parsed = _HolidayCnFormat.model_validate(data)
    except ValidationError as error:
        problem, entry = _problem(error)
        raise OverlayError(
            source, problem, entry=entry, problem_zh=schema_problem_zh(problem)
        ) from None
    days_off, makeup = check_listed_days(
        parsed.year,
        (
            ListedDay(listed.date, holiday_from_text(listed.name), listed.isOffDay, f"days[{i}]")
            for i, listed in enumerate(parsed.days)
        ),
        source,
    )
    notice = Notice(
        year=parsed.year,
        title=f"国务院办公厅关于{parsed.year}年部分节假日安排的通知",
        read_at=parsed.papers[0] if parsed.papers else "",
        verified=False,
        note="loaded from a holiday-cn file, which records no document number",
    )
    return YearArrangement(
        year=parsed.year,
        days_off=days_off,
        makeup_workdays=makeup,
        notice=notice,
        origin=f"overlay {source} (holiday-cn)",
    )


def load_overlay(path: str | PathLike[str]) -> YearArrangement:
    """Read one overlay file: ``.json`` as holiday-cn, anything else as the project's TOML."""
    name = check_path_argument("path", path)
    file = Path(name)
    try:
        raw = file.read_bytes()
    except OSError as error:
        english, chinese = file_problem(error)
        raise OverlayError(
            name, f"cannot read the file ({english})", problem_zh=f"无法读取该文件({chinese})"
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise OverlayError(
            name,
            "the file is not UTF-8 text",
            entry=f"line {line}",
            problem_zh="文件不是 UTF-8 编码的文本,请用 UTF-8 保存",
        ) from None
    as_json = file.suffix.lower() == ".json"
    try:
        data = parse_document(text, as_json=as_json)
    except DocumentProblem as problem:
        raise OverlayError(
            name,
            problem.problem,
            entry=problem.entry,
            problem_zh=problem.problem_zh,
        ) from None
    if as_json:
        if not isinstance(data, dict):
            raise OverlayError(
                name,
                "the JSON document must be an object with 'year' and 'days'",
                problem_zh="JSON 文件应是含 year 和 days 的对象",
            )
        return arrangement_from_holiday_cn(data, name)
    return arrangement_from_own(data, name)
