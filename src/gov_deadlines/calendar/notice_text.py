"""Reading a State Council holiday notice (国务院办公厅关于X年部分节假日安排的通知) as published.

:func:`read_notice` turns the pasted text into a checked :class:`YearArrangement`;
:func:`read_notice_sections` also returns the sections it read, with the notice's own
sentences, for writing an overlay file (:mod:`gov_deadlines.calendar.notice_writer`).

What is read: the title, the document number (国办发明电〔YYYY〕N号), the signing date after the
signature 国务院办公厅, and every numbered section ``一、元旦:…``. Each wording used since 2007:

* ``1月1日—3日放假,共3天。…将2006年12月30日(星期六)、31日(星期日)两个公休日分别调至…,
  2006年12月30日(星期六)、31日(星期日)上班`` (2007: only the dates before 上班 are working days;
  the 调至 clause is checked for its weekdays and otherwise read as commentary);
* ``4月5日放假,4月7日(星期一)补休`` (2014: the block runs from the first day to the 补休 day);
* ``6月2日放假,与周末连休`` (the block is the stated day, as the official tables record it);
* ``1月31日至2月6日放假调休,共7天。1月26日(星期日)、2月8日(星期六)上班`` (the 2020s), with or
  without the weekday, with lunar dates in the parentheses (2026), across the year end
  (``2018年12月30日至2019年1月1日``).

Full-width and half-width punctuation, and traditional characters, are accepted (each
character is mapped one to one, so quoted sentences are the pasted words). A date without a
month takes the last month named before it in its section; without a year, the notice's
year — except a December date in the 元旦 section, which can only be the year before.

Checks (each failure is a :class:`~gov_deadlines.errors.NoticeTextError` quoting the
sentence): a stated length (共N天) equals the block's span; every 上班 day is a Saturday or a
Sunday; every stated weekday matches its date; every holiday the introduction names has a
section; the statutory holidays of the version of 全国年节及纪念日放假办法 in force that year
fall inside the blocks; no day is listed twice, or both off and working.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gov_deadlines.calendar.arrangement import YearArrangement
from gov_deadlines.calendar.checks import ListedDay, check_listed_days
from gov_deadlines.calendar.holiday import (
    LABOUR_DAY,
    NATIONAL_DAY,
    NEW_YEARS_DAY,
    Holiday,
    holiday_from_text,
)
from gov_deadlines.calendar.notice import Notice
from gov_deadlines.calendar.statutory import (
    provisional_years,
    statutory_holidays,
    statutory_version,
)
from gov_deadlines.errors import ArgumentTypeError, NoticeTextError, OverlayError

# One character for one character, so that positions in the normalised text are positions
# in the pasted text. Traditional forms of the characters the notices use, full-width
# punctuation and digits, and the dashes of date ranges.
_TRADITIONAL = (
    "國辦關於節發電號務廳將兩個調為勞動慶農曆臘補連週與經準現體後間區轄屬機構紀念勝戰爭"
    "題規這條應從給開實單歡計劃陽曆達鞦並衛過眾確處報時門"
)
_SIMPLIFIED = (
    "国办关于节发电号务厅将两个调为劳动庆农历腊补连周与经准现体后间区辖属机构纪念胜战争"
    "题规这条应从给开实单欢计划阳历达秋并卫过众确处报时门"
)
_PUNCTUATION = "，：（）；０１２３４５６７８９　—–－～~〜○［］【】"
_PLAIN = ",:();0123456789 ------〇〔〕〔〕"
_NORMAL = str.maketrans(_TRADITIONAL + _PUNCTUATION, _SIMPLIFIED + _PLAIN)

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CN_DIGITS |= {"八": 8, "九": 9}
_WEEKDAY_CHARS = "一二三四五六日"

_TITLE = re.compile(r"国务院办公厅关于\s*(\d{4})\s*年\s*部分节假日安排的通知")
_NUMBER = re.compile(r"国办发明?电\s*〔\s*(\d{4})\s*〕\s*(\d{1,3})\s*号")
_SECTION = re.compile(
    r"(?<![\u4e00-\u9fff\d])([一二三四五六七八九十]{1,3})、\s*([^:\n。,]{1,24}?)\s*:"
)
_DATE = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?:(?P<m>\d{1,2})\s*月\s*)?(?P<d>\d{1,2})\s*日(?:\s*\((?P<p>[^)]*)\))?"
)
_RANGE_SEPARATOR = re.compile(r"\s*(?:至|到|-+)\s*")
_WEEKDAY = re.compile(r"(?:星期|周)([一二三四五六日天])")
_LENGTH = re.compile(r"(?:共|放假)\s*(\d{1,2})\s*天")
_SIGNED_DIGITS = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_SIGNED_CHINESE = re.compile(
    r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_SECTION_END = ("节假日期间", "鼓励单位", "鼓励各单位和个人", "国务院办公厅")
_INTRODUCTION = re.compile(r"现将\s*\d{4}\s*年(.+?)(?:放假|的具体安排|具体安排)")

#: Section names the notices use for holidays whose usual name differs.
_SECTION_NAMES = {"五一": LABOUR_DAY, "十一": NATIONAL_DAY}


@dataclass(frozen=True, slots=True)
class NoticeSection:
    """One numbered section of a notice, and the days it produced."""

    number: str
    name: str
    holiday: Holiday
    text: str
    days_off: tuple[dt.date, ...]
    workdays: tuple[dt.date, ...]
    off_sentence: str
    work_sentence: str

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.name}"


@dataclass(frozen=True, slots=True)
class NoticeReading:
    """What :func:`read_notice_sections` read: the arrangement, its sections, what is missing.

    ``missing`` names the citation fields the pasted text lacks: ``"title"``, ``"number"``
    (文号) and ``"published"`` (成文日期).
    """

    arrangement: YearArrangement
    sections: tuple[NoticeSection, ...]
    missing: tuple[str, ...]


_MISSING_ZH = {"title": "标题", "number": "文号", "published": "成文日期"}


def read_notice(text: str, year: int | None = None, *, source: str = "") -> YearArrangement:
    """The checked arrangement of the notice ``text`` (see the module docstring).

    ``year`` is needed when the text has no title; when both are present they must agree.
    The arrangement's notice cites the title, number and signing date; if the text lacks
    any of them, ``notice.verified`` is ``False`` and ``notice.note`` names what is missing.
    """
    return read_notice_sections(text, year, source=source).arrangement


def read_notice_sections(text: str, year: int | None = None, *, source: str = "") -> NoticeReading:
    """Like :func:`read_notice`, with the sections read and the missing citation fields."""
    if not isinstance(text, str):
        raise ArgumentTypeError("text", text, "the notice's text (str)", "通知的文本")
    normal = text.translate(_NORMAL)
    title_match = _TITLE.search(normal)
    title_year = int(title_match.group(1)) if title_match else None
    if year is None and title_year is None:
        raise NoticeTextError(
            "the text has no title naming the year (国务院办公厅关于YYYY年部分节假日安排的通知); "
            "give the year (read_notice(text, year=2027) / --year 2027)",
            "文本中没有写明年份的标题(国务院办公厅关于某年部分节假日安排的通知);"
            "请指明年份(read_notice(text, year=2027) 或 --year 2027)",
            clerk=(
                "the text has no title naming the year (国务院办公厅关于YYYY年部分节假日安排的"
                "通知); paste the title too, or give the year with --year 2027",
                "文本中没有写明年份的标题(国务院办公厅关于某年部分节假日安排的通知);"
                "请连同标题一起粘贴,或用 --year 2027 指明年份",
            ),
        )
    if year is not None and title_year is not None and year != title_year:
        raise NoticeTextError(
            f"the title is the notice for {title_year}, not {year}",
            f"标题是{title_year}年的通知,不是{year}年",
            sentence=_quote(text, title_match.start(), title_match.end()) if title_match else "",
        )
    the_year = year if year is not None else title_year
    assert the_year is not None
    sections = _read_sections(text, normal, the_year)
    _check_introduction(text, normal, sections)
    days_off, workdays = _collect(sections, the_year)
    _check_statutory(the_year, days_off, sections)

    number_match = _NUMBER.search(normal)
    number = _quote(text, number_match.start(), number_match.end()) if number_match else ""
    number = number.translate(_NORMAL).replace(" ", "")
    published = _signing_date(normal)
    missing = tuple(
        name
        for name, present in (
            ("title", title_match is not None),
            ("number", bool(number)),
            ("published", published is not None),
        )
        if not present
    )
    note = ""
    if missing:
        listed_zh = "、".join(_MISSING_ZH[m] for m in missing)
        note = (
            f"所读文本缺少{listed_zh},引用不完整,请据中国政府网原文补全 / the text read lacks "
            f"{', '.join(missing)}: complete the citation from the notice on www.gov.cn"
        )
    notice = Notice(
        year=the_year,
        title=f"国务院办公厅关于{the_year}年部分节假日安排的通知",
        number=number,
        published=published,
        read_at=source,
        verified=not missing,
        note=note,
    )
    origin = f"notice text {source}" if source else "notice text"
    arrangement = YearArrangement(
        year=the_year,
        days_off=days_off,
        makeup_workdays=workdays,
        notice=notice,
        origin=origin,
    )
    return NoticeReading(arrangement, sections, missing)


# -- sections ------------------------------------------------------------------------------


def _quote(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _section_holiday(name: str) -> Holiday:
    bare = name.strip("“”\"'‘’「」 ")
    return _SECTION_NAMES.get(bare) or holiday_from_text(bare)


def _read_sections(text: str, normal: str, year: int) -> tuple[NoticeSection, ...]:
    headers = list(_SECTION.finditer(normal))
    if not headers:
        raise NoticeTextError(
            "no numbered section (一、元旦:…) was found",
            "没有找到编号的各节(如“一、元旦:…”)",
        )
    sections = []
    for position, header in enumerate(headers):
        start = header.end()
        end = headers[position + 1].start() if position + 1 < len(headers) else len(normal)
        while start < end and normal[start].isspace():
            start += 1
        stop = normal.find("\n", start, end)
        end = stop if stop != -1 else end
        for marker in _SECTION_END:
            found = normal.find(marker, start, end)
            if found != -1:
                end = found
        sections.append(_read_section(text, normal, header, start, end, year))
    return tuple(sections)


@dataclass
class _Block:
    days: list[dt.date]
    sentence: str
    stated: int | None = None
    stated_sentence: str = ""


def _read_section(
    text: str, normal: str, header: re.Match[str], start: int, end: int, year: int
) -> NoticeSection:
    number, name = header.group(1), header.group(2).strip()
    holiday = _section_holiday(name)
    heading = f"{number}、{name}"
    is_new_year = holiday == NEW_YEARS_DAY
    context_year, context_month = year, 0
    blocks: list[_Block] = []
    workdays: list[dt.date] = []
    work_sentence = ""
    for s_start, s_end in _spans(normal, start, end, "。"):
        sentence = _quote(text, s_start, s_end)
        for c_start, c_end in _clauses(normal, s_start, s_end):
            clause = normal[c_start:c_end]
            mentions: list[tuple[dt.date, re.Match[str]]] = []
            for found in _DATE.finditer(clause):
                explicit_year = found.group("y")
                if found.group("m"):
                    context_month = int(found.group("m"))
                    if explicit_year is None:
                        # A December date of the 元旦 section is the year before's.
                        context_year = year - 1 if is_new_year and context_month == 12 else year
                if explicit_year:
                    context_year = int(explicit_year)
                if not context_month:
                    raise NoticeTextError(
                        f"the date {found.group(0)!r} names no month, and no month comes before it",
                        f"日期“{found.group(0)}”没有写月份,前文也没有月份可承接",
                        sentence=sentence,
                        section=heading,
                    )
                try:
                    day = dt.date(context_year, context_month, int(found.group("d")))
                except ValueError:
                    raise NoticeTextError(
                        f"{context_year}-{context_month}-{found.group('d')} is not a real day",
                        f"{context_year}年{context_month}月{found.group('d')}日不是真实的日期",
                        sentence=sentence,
                        section=heading,
                    ) from None
                _check_weekday(day, found.group("p"), sentence, heading)
                mentions.append((day, found))
            if "上班" in clause:
                workdays.extend(day for day, _ in mentions)
                work_sentence = work_sentence or sentence
            elif "放假" in clause and mentions:
                blocks.append(_Block(_block_days(mentions, clause, sentence, heading), sentence))
            elif "补休" in clause and mentions and blocks:
                block = blocks[-1]
                last = max(day for day, _ in mentions)
                block.days = _span(block.days[0], last, sentence, heading)
            length = _LENGTH.search(clause)
            if length and blocks:
                blocks[-1].stated = int(length.group(1))
                blocks[-1].stated_sentence = sentence
    if not blocks:
        raise NoticeTextError(
            "the section names no day off (…放假)",
            "该节没有写明放假日期(……放假)",
            sentence=_quote(text, header.start(), end),
            section=heading,
        )
    days_off: list[dt.date] = []
    for block in blocks:
        if block.stated is not None and block.stated != len(block.days):
            raise NoticeTextError(
                f"the block {block.days[0].isoformat()}..{block.days[-1].isoformat()} spans "
                f"{len(block.days)} days, but the notice says 共{block.stated}天",
                f"{block.days[0].isoformat()}至{block.days[-1].isoformat()}共{len(block.days)}天,"
                f"与通知所写“共{block.stated}天”不符",
                sentence=block.stated_sentence,
                section=heading,
            )
        days_off.extend(block.days)
    return NoticeSection(
        number=number,
        name=name,
        holiday=holiday,
        text=_quote(text, header.start(), end),
        days_off=tuple(days_off),
        workdays=tuple(workdays),
        off_sentence=blocks[0].sentence,
        work_sentence=work_sentence,
    )


def _spans(normal: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    spans, here = [], start
    while here < end:
        stop = normal.find(separator, here, end)
        stop = end if stop == -1 else stop + len(separator)
        if normal[here:stop].strip():
            spans.append((here, stop))
        here = stop
    return spans


def _clauses(normal: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of a sentence, split at , and ; outside parentheses."""
    spans, here, depth = [], start, 0
    for i in range(start, end):
        char = normal[i]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char in ",;" and depth == 0:
            spans.append((here, i))
            here = i + 1
    spans.append((here, end))
    return spans


def _check_weekday(day: dt.date, parenthesis: str | None, sentence: str, heading: str) -> None:
    if not parenthesis:
        return
    stated = _WEEKDAY.findall(parenthesis)
    if not stated:
        return
    char = stated[-1].replace("天", "日")
    actual = _WEEKDAY_CHARS[day.weekday()]
    if char != actual:
        raise NoticeTextError(
            f"{day.isoformat()} is a {day.strftime('%A')}, but the notice says 周{char}",
            f"{day.isoformat()}是周{actual},通知写的是“周{char}”",
            sentence=sentence,
            section=heading,
        )


def _span(first: dt.date, last: dt.date, sentence: str, heading: str) -> list[dt.date]:
    if last < first or (last - first).days > 20:
        raise NoticeTextError(
            f"the days off {first.isoformat()}..{last.isoformat()} do not make a block",
            f"放假日期{first.isoformat()}至{last.isoformat()}不构成一个连续的假期",
            sentence=sentence,
            section=heading,
        )
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _block_days(
    mentions: list[tuple[dt.date, re.Match[str]]], clause: str, sentence: str, heading: str
) -> list[dt.date]:
    """The days of a ``…放假`` clause: a range ``A至B`` or the single day (days) named."""
    if len(mentions) >= 2:
        (first, first_match), (last, last_match) = mentions[0], mentions[1]
        between = clause[first_match.end() : last_match.start()]
        if _RANGE_SEPARATOR.fullmatch(between):
            return _span(first, last, sentence, heading)
    days = sorted(day for day, _ in mentions)
    return _span(days[0], days[-1], sentence, heading) if len(days) > 1 else days


# -- checks across sections ----------------------------------------------------------------


def _collect(
    sections: tuple[NoticeSection, ...], year: int
) -> tuple[dict[dt.date, Holiday], dict[dt.date, Holiday]]:
    """The days of every section, through the generic checks of every arrangement source
    (:func:`~gov_deadlines.calendar.checks.check_listed_days`), a failure reported in the
    notice's terms: its sentence and section."""
    listed: list[ListedDay] = []
    sentence_of: dict[str, tuple[NoticeSection, str]] = {}
    for section in sections:
        off_entry, work_entry = f"{section.heading} 放假", f"{section.heading} 上班"
        sentence_of[off_entry] = (section, section.off_sentence)
        sentence_of[work_entry] = (section, section.work_sentence)
        listed += [ListedDay(d, section.holiday, True, off_entry) for d in section.days_off]
        listed += [ListedDay(d, section.holiday, False, work_entry) for d in section.workdays]
    try:
        return check_listed_days(year, listed, "<notice text>", require_spring_festival=False)
    except OverlayError as error:
        failed = next(i for i in listed if i.where() == error.entry)
        section, sentence = sentence_of[failed.entry]
        raise NoticeTextError(
            error.problem,
            _problem_zh(failed, listed, year),
            sentence=sentence,
            section=section.heading,
        ) from None


def _problem_zh(failed: ListedDay, listed: list[ListedDay], year: int) -> str:
    """The Chinese words for the check ``failed`` did not pass."""
    day = failed.day.isoformat()
    if not failed.off and failed.day.weekday() < 5:
        weekday = _WEEKDAY_CHARS[failed.day.weekday()]
        return f"{day}是周{weekday},调休上班日只能是周六或周日"
    earlier = next((i for i in listed if i.day == failed.day and i is not failed), None)
    if earlier is not None:
        if earlier.off != failed.off:
            return f"{day}既是放假日又是上班日(另见“{earlier.entry}”)"
        return f"{day}重复出现(另见“{earlier.entry}”)"
    return f"{day}不在{year}年内;只有元旦假期可以从上一年12月下旬开始"


def _check_introduction(text: str, normal: str, sections: tuple[NoticeSection, ...]) -> None:
    """Every holiday the introduction (现将…放假调休日期…通知如下) names has a section."""
    found = _INTRODUCTION.search(normal)
    if not found:
        return
    named = re.split(r"[、,和及]", found.group(1))
    covered = {s.holiday.key for s in sections}
    for name in (n.strip() for n in named):
        if not name:
            continue
        holiday = _section_holiday(name)
        if holiday.key not in covered and not any(name in s.name for s in sections):
            raise NoticeTextError(
                f"the introduction names {name}, but no section sets its days",
                f"引言列出了“{name}”,但没有一节写明其放假安排",
                sentence=_quote(text, found.start(), found.end()),
            )


def _check_statutory(
    year: int, days_off: dict[dt.date, Holiday], sections: tuple[NoticeSection, ...]
) -> None:
    if year not in provisional_years():
        return
    version = statutory_version(year)
    for day, holiday in sorted(statutory_holidays(year).items()):
        if day in days_off:
            continue
        own = next((s for s in sections if s.holiday == holiday), None)
        raise NoticeTextError(
            f"{day.isoformat()} is a statutory holiday ({holiday.en}) under 全国年节及纪念日"
            f"放假办法 as in force in {year} ({version.decree}), but no block of the notice "
            "includes it" + ("" if own else f"; the notice has no {holiday.zh} section"),
            f"{day.isoformat()}是{year}年施行的《全国年节及纪念日放假办法》({version.decree})"
            f"规定的{holiday.zh}假日,但通知的放假日期不含该日"
            + ("" if own else f";通知缺少“{holiday.zh}”一节"),
            sentence=own.text if own else "",
            section=own.heading if own else "",
        )


def _chinese_number(text: str) -> int:
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _signing_date(normal: str) -> dt.date | None:
    """The date under the signature 国务院办公厅 (the last one, not the title's)."""
    signer = max((m.end() for m in re.finditer(r"国务院办公厅(?!关于)", normal)), default=-1)
    if signer == -1:
        return None
    tail = normal[signer : signer + 40]
    try:
        digits = _SIGNED_DIGITS.search(tail)
        if digits:
            return dt.date(*(int(g) for g in digits.groups()))
        chinese = _SIGNED_CHINESE.search(tail)
        if chinese:
            year = int("".join(str(_CN_DIGITS[c]) for c in chinese.group(1)))
            return dt.date(
                year, _chinese_number(chinese.group(2)), _chinese_number(chinese.group(3))
            )
    except (ValueError, KeyError):
        return None
    return None
