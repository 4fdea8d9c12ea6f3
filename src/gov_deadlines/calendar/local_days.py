"""Local and agency rest days (地方休息日、停止办公): scoped overlays of the working-day calendar.

Agencies in 民族自治地方 keep rest days set by their region (新疆 肉孜节 and 古尔邦节, 西藏
藏历新年 …), and an agency may close on an announced day (台风停止办公). Such days move the
working-day deadlines of that region or agency only. A *local overlay* file records them
with their scope and legal basis (``docs/calendar.md``, "Local and agency rest days")::

    [scope]
    region = "65"                       # 行政区划代码 (GB/T 2260), first two digits
    region_name = "新疆维吾尔自治区"
    agency = ""                         # set for one agency only (a one-off closure)
    [basis]
    issuer = "新疆维吾尔自治区人民政府办公厅"
    title = "…关于2025年节假日放假和冬夏季作息时间安排的通知"
    number = ""                         # left empty when not confirmed, never guessed
    published = 2025-03-01              # optional
    read_at = "http://…"
    verified = false
    note = "…"
    [[off]]                             # 放假 / 停止办公
    name = "肉孜节"
    name_en = "Eid al-Fitr"             # optional
    from = 2025-03-29
    to = 2025-03-31
    quote = "(三)肉孜节:…3月29日(周六)至31日(周一)放假,共3天。"
    [[work]]                            # a rare extra working day
    date = …
    name = …
    quote = …

A local overlay also *bounds* what a scoped calendar may answer: it covers the years its
days are in (``years = [2025]`` may widen that to years it declares to have no local day).
An answer that needs a day of a year no local overlay of the scope covers is refused
(:class:`~gov_deadlines.errors.LocalCoverageError`): the region may have rest days that
year that are not loaded, and a wrong date is worse than no date.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from gov_deadlines.bundled import list_data, read_data
from gov_deadlines.calendar.holiday import Holiday
from gov_deadlines.documents import schema_problem_zh
from gov_deadlines.errors import OverlayError, check_path_argument, file_problem
from gov_deadlines.vocabulary import is_zh

#: 民族自治地方 at the provincial level (GB/T 2260 codes) and the names they go by.
REGIONS: Mapping[str, tuple[str, ...]] = {
    "15": ("内蒙古自治区", "内蒙古", "nei mongol", "inner mongolia"),
    "45": ("广西壮族自治区", "广西", "guangxi"),
    "54": ("西藏自治区", "西藏", "xizang", "tibet"),
    "64": ("宁夏回族自治区", "宁夏", "ningxia"),
    "65": ("新疆维吾尔自治区", "新疆", "xinjiang"),
}


def region_code(text: str) -> str:
    """The two-digit code of a region given by code (``65``, ``650000``) or name (``新疆``).

    Unknown regions give the text itself (stripped), so that a file may scope to any code.
    """
    value = text.strip()
    if value.isdigit() and len(value) == 6 and value.endswith("0000"):
        return value[:2]
    folded = value.casefold()
    for code, names in REGIONS.items():
        if folded == code or folded in (n.casefold() for n in names):
            return code
    return value


@dataclass(frozen=True, slots=True)
class Scope:
    """Where the local days apply: a region (code and name) and, optionally, one agency."""

    region: str
    region_name: str = ""
    agency: str = ""

    def label(self, lang: str = "zh") -> str:
        name = self.region_name or self.region
        if self.agency:
            return f"{name} {self.agency}" if name else self.agency
        return name


@dataclass(frozen=True, slots=True)
class LocalBasis:
    """The legal basis of local days: issuing body, document, number, date, where read."""

    issuer: str
    title: str
    number: str = ""
    published: dt.date | None = None
    read_at: str = ""
    verified: bool = True
    note: str = ""

    def cite(self, lang: str = "zh") -> str:
        number = f" {self.number}" if self.number else ""
        when = f"({self.published.isoformat()})" if self.published else ""
        if is_zh(lang):
            issuer = "" if self.title.startswith(self.issuer) else self.issuer
            return f"{issuer}《{self.title}》{number}{when}"
        return f"{self.issuer}, {self.title}{number}{' ' + when if when else ''}"


@dataclass(frozen=True, slots=True)
class LocalDay:
    """One local rest day (or extra working day), with its scope, basis and quoted words."""

    date: dt.date
    working: bool
    name: str
    holiday: Holiday
    scope: Scope
    basis: LocalBasis
    quote: str = ""


@dataclass(frozen=True, slots=True)
class LocalOverlay:
    """The local days of one document for one scope, and the years it covers."""

    scope: Scope
    basis: LocalBasis
    days: tuple[LocalDay, ...]
    years: frozenset[int]
    source: str

    def cite(self, lang: str = "zh") -> str:
        """A line for an explanation: scope, basis, and the days."""
        runs = ", ".join(
            f"{d.name} {d.date.isoformat()}" + (" 上班" if d.working else "") for d in self.days
        )
        if is_zh(lang):
            return f"{self.scope.label(lang)}地方休息日:{self.basis.cite(lang)}——{runs}"
        return f"local days of {self.scope.label(lang)}: {self.basis.cite(lang)} — {runs}"


class _ScopeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    region: str = Field(min_length=1)
    region_name: str = ""
    agency: str = ""


class _BasisSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    issuer: str = Field(min_length=1)
    title: str = Field(min_length=1)
    number: str = ""
    published: dt.date | None = None
    read_at: str = ""
    verified: bool = True
    note: str = ""


class _OffSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    name: str = Field(min_length=1)
    name_en: str = ""
    first: dt.date = Field(alias="from")
    last: dt.date | None = Field(default=None, alias="to")
    quote: str = ""


class _WorkSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: dt.date
    name: str = Field(min_length=1)
    name_en: str = ""
    quote: str = ""


class _LocalSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scope: _ScopeSpec
    basis: _BasisSpec
    years: list[int] = []
    off: list[_OffSpec] = []
    work: list[_WorkSpec] = []


def is_local_overlay(data: Mapping[str, Any]) -> bool:
    """Whether parsed overlay data is a local overlay (it has a ``scope``)."""
    return "scope" in data


def local_overlay_from_data(data: Mapping[str, Any], source: str = "<data>") -> LocalOverlay:
    """A local overlay from parsed TOML data; :class:`OverlayError` names a bad entry."""
    try:
        spec = _LocalSpec.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        entry = ".".join(str(part) for part in first.get("loc", ())) or None
        problem = first.get("msg", "invalid")
        raise OverlayError(
            source, problem, entry=entry, problem_zh=schema_problem_zh(problem)
        ) from None
    scope = Scope(region_code(spec.scope.region), spec.scope.region_name, spec.scope.agency)
    basis = LocalBasis(**spec.basis.model_dump())
    days: dict[dt.date, LocalDay] = {}

    def holiday(name: str, name_en: str) -> Holiday:
        place = scope.label("zh")
        return Holiday(
            key=f"local:{scope.region}:{scope.agency}:{name}",
            zh=f"{name}({place})" if place else name,
            en=f"{name_en or name} ({place})" if place else (name_en or name),
        )

    def put(day: LocalDay, entry: str) -> None:
        if day.date in days:
            raise OverlayError(
                source, "the same day is listed twice", entry=entry, problem_zh="同一天列了两次"
            )
        days[day.date] = day

    for position, off in enumerate(spec.off):
        last = off.last or off.first
        if last < off.first or (last - off.first).days > 31:
            raise OverlayError(
                source,
                "'to' must be 0–31 days after 'from'",
                entry=f"off[{position}]",
                problem_zh="“to”须在“from”之后0至31天内",
            )
        named = holiday(off.name, off.name_en)
        day = off.first
        while day <= last:
            put(LocalDay(day, False, off.name, named, scope, basis, off.quote), f"off[{position}]")
            day += dt.timedelta(days=1)
    for position, work in enumerate(spec.work):
        named = holiday(work.name, work.name_en)
        put(
            LocalDay(work.date, True, work.name, named, scope, basis, work.quote),
            f"work[{position}]",
        )
    years = frozenset(spec.years) | {d.year for d in days}
    if not years:
        raise OverlayError(
            source,
            "a local overlay needs at least one day or a 'years' list",
            problem_zh="地方日历文件至少要列出一天,或给出“years”年份列表",
        )
    ordered = tuple(days[d] for d in sorted(days))
    return LocalOverlay(scope, basis, ordered, years, source)


def load_local_overlay(path: str | PathLike[str]) -> LocalOverlay:
    """Read a local overlay file (TOML with ``[scope]``)."""
    name = check_path_argument("path", path)
    try:
        text = Path(name).read_bytes().decode("utf-8-sig")
    except OSError as error:
        english, chinese = file_problem(error)
        raise OverlayError(
            name, f"cannot read the file ({english})", problem_zh=f"无法读取该文件({chinese})"
        ) from None
    except UnicodeDecodeError:
        raise OverlayError(
            name, "the file is not UTF-8 text", problem_zh="文件不是UTF-8编码的文本"
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise OverlayError(
            name, f"not valid TOML ({error})", problem_zh=f"不是有效的TOML格式({error})"
        ) from None
    return local_overlay_from_data(data, name)


def bundled_local_overlays() -> tuple[LocalOverlay, ...]:
    """The local overlays shipped with the package (``data/calendar/local-*.toml``)."""
    overlays = []
    for name in list_data("calendar"):
        if name.startswith("local-") and name.endswith(".toml"):
            data = tomllib.loads(read_data("calendar", name).decode("utf-8"))
            overlays.append(local_overlay_from_data(data, f"gov_deadlines/data/calendar/{name}"))
    return tuple(overlays)
