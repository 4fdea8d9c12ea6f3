"""The batch audit's input layout: the CSV columns and the readers of their cells.

:data:`COLUMNS` maps each field of a case to its Chinese and English column names and the
other spellings accepted; :class:`Layout` finds them in a header row (a problem with the
header as a whole is a :class:`LayoutError`). The cell readers turn a row's cells, in
:data:`FIELDS` order, into the clock's receipt facts (:func:`facts_from_cells`) with plain
code and caches: no pydantic per row. ``docs/audit.md`` documents the layout.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from types import MappingProxyType
from typing import Any

from gov_deadlines.cases.channels import Channel, Party, field_label, normalize_key
from gov_deadlines.cases.model import CaseError, CaseFacts, first_problem
from gov_deadlines.cases.record import NoticeDates, SignedBy
from gov_deadlines.dates import parse_day
from gov_deadlines.errors import DateParseError, GovDeadlinesError, shown

__all__ = [
    "CHANNEL_CELLS",
    "COLUMNS",
    "FIELDS",
    "LIST_SEPARATORS",
    "MISSING",
    "PARTY_CELLS",
    "PLAIN_WIDTH",
    "CellReader",
    "IndexedRow",
    "Layout",
    "LayoutError",
    "MappingReader",
    "RecordCells",
    "facts_from_cells",
    "mapping_cells",
    "not_recorded",
    "read_channel",
    "read_date",
    "read_party",
    "read_signed_by",
]

# -- the input layout ---------------------------------------------------------------------------

#: The input columns: field, Chinese name, English name, and other accepted spellings.
COLUMNS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("case_id", "编号", "case_id", ("案件编号", "申请编号", "序号", "id", "case", "case no")),
    ("channel", "渠道", "channel", ("提交方式", "申请方式", "提交渠道", "申请渠道")),
    ("submitted", "提交日期", "submitted", ("申请日期", "提交时间", "submission date")),
    ("signed_for", "签收日期", "signed_for", ("签收时间", "signed for")),
    ("confirmed", "确认日期", "confirmed", ("确认时间", "双方确认日期")),
    ("supplement_requested", "补正告知日期", "supplement_requested", ("告知补正日期", "补正告知")),
    ("supplement_received", "补正到达日期", "supplement_received", ("收到补正日期", "补正日期")),
    ("consultation_party", "征求意见对象", "consultation_party", ("征求对象", "consulted party")),
    (
        "consultation_sent",
        "征求意见发出日期",
        "consultation_sent",
        ("征求意见日期", "征求意见发出"),
    ),
    (
        "consultation_answered",
        "征求意见答复日期",
        "consultation_answered",
        ("征求意见回复日期", "征求意见答复"),
    ),
    ("extension_approved", "延期批准日期", "extension_approved", ("延期审批日期", "延期批准")),
    ("extension_told", "延期告知日期", "extension_told", ("告知延期日期", "延期告知")),
    ("extension_days", "延期工作日", "extension_days", ("延期天数", "延长工作日", "延期工作日数")),
    ("replied", "答复日期", "replied", ("答复时间", "reply date", "reply")),
    # -- the record as case files hold it (issue 15): every one optional
    ("received", "收到日期", "received", ("收到申请日期", "收到申请日", "date received")),
    ("signed_by", "签收人", "signed_by", ("签收机构", "签收单位", "signed by")),
    ("email_received", "邮件系统接收日期", "email_received", ("邮件接收日期", "邮箱接收日期")),
    ("receipt_disputed", "争议收到日期", "receipt_disputed", ("候选收到日期", "另一收到日期")),
    ("supplement_made", "补正告知作出日期", "supplement_made", ("补正告知书作出日期",)),
    ("supplement_sent", "补正告知寄出日期", "supplement_sent", ("补正告知书寄出日期",)),
    ("supplement_delivered", "补正告知送达日期", "supplement_delivered", ("补正告知书送达日期",)),
    ("extension_made", "延期告知作出日期", "extension_made", ("延期告知书作出日期",)),
    ("extension_sent", "延期告知寄出日期", "extension_sent", ("延期告知书寄出日期",)),
    ("extension_delivered", "延期告知送达日期", "extension_delivered", ("延期告知书送达日期",)),
    ("reply_made", "答复作出日期", "reply_made", ("答复书作出日期", "答复落款日期", "落款日期")),
    ("reply_sent", "答复寄出日期", "reply_sent", ("答复交邮日期", "交邮日期", "寄出日期")),
    ("reply_delivered", "答复送达日期", "reply_delivered", ("答复签收日期", "送达日期")),
)
#: The columns before the record's extra facts: what a row of every older layout holds.
PLAIN_WIDTH = 14
FIELDS = tuple(column[0] for column in COLUMNS)
_F = {name: index for index, name in enumerate(FIELDS)}
#: The index of an always-blank cell, where absent columns point.
MISSING = len(FIELDS)
_ALIASES: dict[str, int] = {}
for _index, (_field, _zh, _en, _more) in enumerate(COLUMNS):
    for _alias in (_field, _zh, _en, *_more):
        _ALIASES[normalize_key(_alias)] = _index
#: Separator of several consultations in one cell: ``2026-04-01;2026-05-06``.
LIST_SEPARATORS = re.compile(r"[;；]")


class LayoutError(GovDeadlinesError, ValueError):
    """The input as a whole cannot be read: no header, a required column missing, a column
    given twice. Attributes: ``problem`` (English), ``problem_zh`` and ``columns`` (the
    indices, from 0, of the header cells at fault: a column given twice; else empty)."""

    def __init__(self, problem: str, problem_zh: str, *, columns: tuple[int, ...] = ()) -> None:
        self.problem = problem
        self.problem_zh = problem_zh
        self.columns = columns
        super().__init__(f"{problem}. The layout is described in docs/audit.md.")
        self.zh = f"{problem_zh}。格式说明见 docs/audit.md。"


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each field is in the CSV rows (``index[i]`` is the column of ``FIELDS[i]``)."""

    header: tuple[str, ...]
    index: tuple[int, ...]
    ignored: tuple[str, ...]

    @classmethod
    def from_header(cls, header: list[str]) -> Layout:
        if not header or not any(cell.strip() for cell in header):
            raise LayoutError(
                "the file has no header row (the first line must name the columns)",
                "文件没有表头(第一行应为列名)",
            )
        width = len(header)
        index = [width] * len(FIELDS)  # width: the blank cell appended to every row
        ignored: list[str] = []
        for column, name in enumerate(header):
            found = _ALIASES.get(normalize_key(name.lstrip("\ufeff")))
            if found is None:
                if name.strip():
                    ignored.append(name)
                continue
            if index[found] != width:
                zh, en = COLUMNS[found][1], COLUMNS[found][2]
                raise LayoutError(
                    f"the column {zh}/{en} is given twice (columns {index[found] + 1} and "
                    f"{column + 1})",
                    f"列 {zh}/{en} 出现了两次(第{index[found] + 1}列和第{column + 1}列)",
                    columns=(index[found], column),
                )
            index[found] = column
        if index[_F["channel"]] == width and index[_F["received"]] == width:
            raise LayoutError(
                "the header has no channel column (渠道/channel), nor a date of receipt "
                "(收到日期/received)",
                "表头缺少“渠道/channel”列(或“收到日期/received”列)",
            )
        if all(
            index[_F[name]] == width
            for name in ("submitted", "signed_for", "confirmed", "received", "email_received")
        ):
            raise LayoutError(
                "the header has no date of receipt: give at least one of 提交日期/submitted, "
                "签收日期/signed_for, 确认日期/confirmed (or 收到日期/received)",
                "表头缺少收到申请的日期列:至少需要 提交日期/submitted、签收日期/signed_for、"
                "确认日期/confirmed 之一(或 收到日期/received)",
            )
        return cls(tuple(header), tuple(index), tuple(ignored))


# -- reading one row ----------------------------------------------------------------------------


def _names_table(kinds: Iterable[Channel] | Iterable[Party]) -> Mapping[str, Any]:
    """Each kind's names as a cell holds them (the value, the zh and en labels), for a
    plain dict read before the general reader; read-only, made once at import."""
    table: dict[str, Any] = {}
    for kind in kinds:
        for name in (kind.value, kind.label("zh"), kind.label("en")):
            try:
                if type(kind).parse(name) is kind:
                    table[name] = kind
            except ValueError:
                continue  # a label the reader does not take as input (渠道不明)
    return MappingProxyType(table)


#: The channel of each channel name as a cell holds it (当面, in_person, in person …): a
#: read-only table; other spellings go through :func:`read_channel`.
CHANNEL_CELLS: Mapping[str, Channel] = _names_table(Channel)
#: The party of each consulted-party name as a cell holds it (第三方, agency …): a read-only
#: table; other spellings go through :func:`read_party`.
PARTY_CELLS: Mapping[str, Party] = _names_table(Party)


def _bad(field: str, text: object, what_en: str, what_zh: str) -> CaseError:
    return CaseError(
        f"{field_label(field, 'en')} ({field}): {what_en} {text!r}",
        f"{field_label(field)}:{what_zh} {text!r}",
        field=field,
    )


def read_date(value: object, field: str) -> dt.date | None:
    """A date cell of ``field`` (blank: ``None``; unreadable: :class:`CaseError`)."""
    if isinstance(value, dt.date):
        return parse_day(value)
    if not isinstance(value, str):
        raise _bad(field, value, "not a date:", "不是日期:")
    text = value.strip()
    if not text:
        return None
    try:
        day = parse_day(text)
    except DateParseError:
        raise _bad(
            field,
            value,
            "cannot read the date (write 2026-03-02 or 2026年3月2日)",
            "无法识别日期(请写作 2026-03-02 或 2026年3月2日)",
        ) from None
    return day


def read_channel(value: object) -> Channel:
    """A channel cell (zh or en name, any spelling :meth:`Channel.parse` reads; unknown or
    blank: :class:`CaseError`)."""
    if isinstance(value, Channel):
        return value
    if type(value) is str:
        found = CHANNEL_CELLS.get(value)
        if found is not None:
            return found
    if not isinstance(value, str) or not value.strip():
        raise _bad("channel", value, "missing or unknown channel", "缺少或无法识别渠道")
    try:
        channel = Channel.parse(value)
    except ValueError:
        raise _bad(
            "channel",
            value,
            "unknown channel (use 当面/挂号信/平信/网络/传真/电子邮件 or in_person/registered_post/"
            "ordinary_letter/internet/fax/email)",
            "无法识别的渠道(应为 当面/挂号信/平信/网络/传真/电子邮件 之一)",
        ) from None
    return channel


def read_party(value: object) -> Party:
    """A consulted-party cell (blank: the third party; any spelling :meth:`Party.parse`
    reads)."""
    if isinstance(value, Party):
        return value
    if not isinstance(value, str) or not value.strip():
        return Party.THIRD_PARTY
    party = PARTY_CELLS.get(value)
    if party is None:
        try:
            party = Party.parse(value)
        except ValueError:
            raise _bad(
                "consultation_party",
                value,
                "unknown consulted party (use 第三方/其他机关 or third_party/agency)",
                "无法识别的征求意见对象(应为 第三方 或 其他机关)",
            ) from None
    return party


def _blank_as_empty(value: Any) -> Any:
    """A cell of spaces only is not recorded, like an empty one: ``""`` for it, else the
    value (the consultation cells, whose truth says whether a consultation is recorded)."""
    if type(value) is str and value and not value.strip():
        return ""
    return value


def _split(value: object) -> list[Any]:
    if isinstance(value, str):
        if ";" not in value and "；" not in value:
            return [value.strip()]  # one item: the common case
        return [part.strip() for part in LIST_SEPARATORS.split(value)]
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _consultations(
    parties: object, sent: object, answered: object
) -> tuple[tuple[Party, dt.date, dt.date | None], ...]:
    sent_list = _split(sent)
    answered_list = _split(answered) if answered else []
    party_list = _split(parties) if parties else []
    count = len(sent_list)
    if len(answered_list) > count:
        raise CaseError(
            f"consultation_answered has {len(answered_list)} dates but consultation_sent has "
            f"{count}: give them in pairs, separated by ';'",
            f"征求意见答复日期有{len(answered_list)}个,发出日期只有{count}个:请按顺序成对填写,以“;”分隔",
            field="consultation_answered",
        )
    if len(party_list) > 1 and len(party_list) != count:
        raise CaseError(
            f"consultation_party has {len(party_list)} values for {count} consultations: give "
            "one for all or one each",
            f"征求意见对象有{len(party_list)}个,征求意见有{count}次:请填写一个(全部适用)或逐次填写",
            field="consultation_party",
        )
    items = []
    for number in range(count):
        day = _date(sent_list[number], "consultation_sent")
        if day is None:
            raise _bad(
                "consultation_sent",
                sent,
                "a consultation without its sent date:",
                "征求意见缺少发出日期:",
            )
        answer = (
            _date(answered_list[number], "consultation_answered")
            if number < len(answered_list)
            else None
        )
        who = party_list[0 if len(party_list) == 1 else number] if party_list else ""
        items.append((read_party(who), day, answer))
    return tuple(items)


def _date(value: Any, field: str) -> dt.date | None:
    return read_date(value, field) if value else None


_WORKING_DAYS = re.compile(r"(\d{1,4})\s*(个?工作日|wd|working\s*days?)?", re.IGNORECASE)


def _days(value: object) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if text.isdecimal() and len(text) <= 4:
        return int(text)  # what _WORKING_DAYS matches without a unit
    match = _WORKING_DAYS.fullmatch(text)
    if not match:
        if not text:
            return None
        raise _bad(
            "extension_days",
            value,
            "not a whole number of working days",
            "不是工作日数(应为整数,如 20)",
        )
    return int(match.group(1))


def facts_from_cells(cells: Sequence[Any]) -> CaseFacts:
    """A row's facts from its cells in FIELDS order (raises :class:`CaseError`)."""
    (
        case_id,
        channel_text,
        submitted,
        signed,
        confirmed,
        requested,
        arrived,
        parties,
        sent,
        answered,
        approved,
        told,
        days,
        replied,
    ) = cells[:PLAIN_WIDTH]
    parties, sent = _blank_as_empty(parties), _blank_as_empty(sent)
    answered = _blank_as_empty(answered)
    extra = cells[PLAIN_WIDTH:]
    record: dict[str, Any] = (
        _record(extra, parties if not sent else "") if any(extra) or (parties and not sent) else {}
    )
    if type(channel_text) is str and not channel_text.strip() and record.get("received"):
        channel: Channel | None = Channel.UNKNOWN  # a date of receipt needs no channel
    else:
        channel = CHANNEL_CELLS.get(channel_text) if type(channel_text) is str else None
    facts = CaseFacts(
        case_id if type(case_id) is str else str(case_id),
        channel if channel is not None else read_channel(channel_text),
        read_date(submitted, "submitted") if submitted else None,
        read_date(signed, "signed_for") if signed else None,
        read_date(confirmed, "confirmed") if confirmed else None,
        read_date(requested, "supplement_requested") if requested else None,
        read_date(arrived, "supplement_received") if arrived else None,
        _consultations(parties, sent, answered) if sent else (),
        read_date(approved, "extension_approved") if approved else None,
        read_date(told, "extension_told") if told else None,
        _days(days) if days else None,
        read_date(replied, "replied") if replied else None,
        **record,
    )
    found = first_problem(facts)
    if found is not None:
        field, problem, problem_zh = found
        raise CaseError(problem, problem_zh, field=field)
    return facts


def read_signed_by(value: object) -> SignedBy | None:
    """A 签收人 cell: blank ``None``; the OGI office or another body (代签)."""
    if isinstance(value, SignedBy) or value is None:
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return SignedBy.parse(text)
    except ValueError:
        raise _bad(
            "signed_by",
            value,
            "unknown signer (use 政府信息公开工作机构 or 门卫/收发室, ogi_office or other)",
            "无法识别的签收人(应为 政府信息公开工作机构 或 门卫/收发室)",
        ) from None


def _notice_cells(made: object, sent: object, delivered: object, field: str) -> NoticeDates | None:
    if not (made or sent or delivered):
        return None
    return NoticeDates(
        _date(made, f"{field}_made"),
        _date(sent, f"{field}_sent"),
        _date(delivered, f"{field}_delivered"),
    )


def _record(extra: Sequence[Any], undated_parties: object) -> dict[str, Any]:
    """The record's extra facts of a row (the cells after the plain ones), as the keyword
    arguments of :class:`CaseFacts`; only what is recorded."""
    (
        received,
        signed_by,
        email_received,
        disputed,
        s_made,
        s_sent,
        s_delivered,
        e_made,
        e_sent,
        e_delivered,
        r_made,
        r_sent,
        r_delivered,
    ) = (list(extra) + [""] * (len(FIELDS) - PLAIN_WIDTH))[: len(FIELDS) - PLAIN_WIDTH]
    found: dict[str, Any] = {}
    if received:
        found["received"] = _date(received, "received")
    if signed_by:
        found["signed_by"] = read_signed_by(signed_by)
    if email_received:
        found["email_received"] = _date(email_received, "email_received")
    if disputed:
        days = [_date(item, "receipt_disputed") for item in _split(disputed)]
        found["receipt_disputed"] = tuple(day for day in days if day is not None)
    for key, dates in (
        ("supplement_dates", _notice_cells(s_made, s_sent, s_delivered, "supplement")),
        ("extension_dates", _notice_cells(e_made, e_sent, e_delivered, "extension")),
        ("reply_dates", _notice_cells(r_made, r_sent, r_delivered, "reply")),
    ):
        if dates is not None:
            found[key] = dates
    if undated_parties:
        found["undated"] = tuple(read_party(who) for who in _split(undated_parties) if who)
    return found


#: A row read for the clock: case id, channel, submitted, signed for, confirmed, 补正 asked
#: and arrived, the consultations (party, sent, answered), extension approved, told and its
#: working days, replied — every date as a day index (:class:`CellReader`).
IndexedRow = tuple[
    str,
    Channel,
    int | None,
    int | None,
    int | None,
    int | None,
    int | None,
    tuple[tuple[Party, int, int | None], ...],
    int | None,
    int | None,
    int | None,
    int | None,
]
_MEMO_LIMIT = 200_000


class RecordCells(CaseError):
    """Raised by :meth:`CellReader.read` for a row that holds the record's extra facts (issue
    15: a date of receipt, who signed, an e-mail, disputed receipts, a notice's dates, a
    consultation without dates): the caller reads it as facts instead
    (:func:`facts_from_cells`, the clock's :meth:`~gov_deadlines.cases.clock.CaseClock.run`).
    Never leaves the library: every caller of ``read`` catches :class:`CaseError`."""

    def __init__(self) -> None:
        super().__init__("the row holds the record's extra facts", "该行含有案件记录的其他日期")


class CellReader:
    """Reads rows' cells (in :data:`FIELDS` order) as the clock counts them: every date as a
    day index from ``base`` (``DayIndex.base``), the index of each date text remembered for
    the next row that holds it. One per batch; :func:`facts_from_cells` reads the same
    cells into dates (and words the problem of a row this reader refuses)."""

    __slots__ = ("base", "memo")

    def __init__(self, base: int) -> None:
        self.base = base
        self.memo: dict[str, int] = {}

    def day(self, value: object, field: str) -> int | None:
        """A date cell's index (blank: ``None``; unreadable: :class:`CaseError`)."""
        if not value:
            return None
        if type(value) is str:
            found = self.memo.get(value)
            if found is not None:
                return found
            day = read_date(value, field)
            if day is None:
                return None
            index = day.toordinal() - self.base
            if value[0].isdigit() and len(self.memo) < _MEMO_LIMIT:  # never 今天 / today
                self.memo[value] = index
            return index
        day = read_date(value, field)
        return None if day is None else day.toordinal() - self.base

    def read(self, cells: Sequence[Any]) -> IndexedRow:
        """A row's values for the clock (raises :class:`CaseError` for a cell it cannot read)."""
        (
            case_id,
            channel_text,
            submitted,
            signed,
            confirmed,
            requested,
            arrived,
            parties,
            sent,
            answered,
            approved,
            told,
            days,
            replied,
        ) = cells[:PLAIN_WIDTH]
        if parties or sent or answered:
            parties, sent = _blank_as_empty(parties), _blank_as_empty(sent)
            answered = _blank_as_empty(answered)
            if parties and not sent:
                raise RecordCells
        if len(cells) > PLAIN_WIDTH and any(cells[PLAIN_WIDTH:]):
            raise RecordCells
        channel = CHANNEL_CELLS.get(channel_text) if type(channel_text) is str else None
        if channel is None:
            channel = read_channel(channel_text)
        if channel is Channel.EMAIL:
            raise RecordCells  # its receipt finding is the record's (207号)
        consultations: tuple[tuple[Party, int, int | None], ...] = ()
        if sent:
            base = self.base
            consultations = tuple(
                (party, on.toordinal() - base, None if by is None else by.toordinal() - base)
                for party, on, by in _consultations(parties, sent, answered)
            )
        # Every row has these two: a date text seen before is one dict read; day() reads
        # (and remembers) the others.
        known = self.memo.get
        day = self.day
        submitted_on = replied_on = None
        if submitted:
            if type(submitted) is str:
                submitted_on = known(submitted)
            if submitted_on is None:
                submitted_on = day(submitted, "submitted")
        if replied:
            if type(replied) is str:
                replied_on = known(replied)
            if replied_on is None:
                replied_on = day(replied, "replied")
        return (
            case_id if type(case_id) is str else str(case_id),
            channel,
            submitted_on,
            day(signed, "signed_for") if signed else None,
            day(confirmed, "confirmed") if confirmed else None,
            day(requested, "supplement_requested") if requested else None,
            day(arrived, "supplement_received") if arrived else None,
            consultations,
            day(approved, "extension_approved") if approved else None,
            day(told, "extension_told") if told else None,
            _days(days) if days else None,
            replied_on,
        )


_LIST_FIELDS = frozenset(
    {
        _F["consultation_party"],
        _F["consultation_sent"],
        _F["consultation_answered"],
        _F["receipt_disputed"],
    }
)


class MappingReader:
    """Reads a batch's mappings into cells in :data:`FIELDS` order: :func:`mapping_cells`,
    with what the rows of a batch share worked out once. Rows with the same keys as the row
    before (``csv.DictReader``'s, a frame's records) holding only texts are
    picked by one ``itemgetter``; any other row is read by :func:`mapping_cells`. One per
    batch; not shared between threads."""

    __slots__ = ("columns", "keys", "pick")

    def __init__(self) -> None:
        #: The field of each key read (mapping_cells)
        self.columns: dict[str, int | None] = {}
        #: The keys of the last row whose fields were planned, and the getter of its plain
        #: fields in FIELDS order (``None``: its keys name other fields too, or not all of
        #: the plain ones).
        self.keys: tuple[Any, ...] | None = None
        self.pick: Callable[[Mapping[Any, Any]], tuple[Any, ...]] | None = None

    def cells(self, row: Mapping[Any, Any]) -> Sequence[Any]:
        """The row's cells in FIELDS order (the plain ones only, when it holds no other)."""
        keys = tuple(row)
        if keys != self.keys:
            self.keys, self.pick = keys, self._plan(keys)
        pick = self.pick
        if pick is not None:
            values = pick(row)
            if _TEXT_ONLY.issuperset(map(type, values)):
                return values
        return mapping_cells(row, self.columns)

    def _plan(self, keys: tuple[Any, ...]) -> Callable[[Mapping[Any, Any]], tuple[Any, ...]] | None:
        found: dict[int, Any] = {}
        for key in keys:
            if type(key) is not str:
                return None
            index = self.columns.get(key, -1)
            if index == -1:
                index = self.columns[key] = _ALIASES.get(normalize_key(key))
            if index is None:
                continue
            if index >= PLAIN_WIDTH or index in found:
                return None  # the record's extra facts, or a field named twice
            found[index] = key
        if len(found) != PLAIN_WIDTH:
            return None
        return itemgetter(*(found[index] for index in range(PLAIN_WIDTH)))


_TEXT_ONLY = frozenset({str})


def not_recorded(value: object) -> bool:
    """Whether a value a program holds means "not recorded": ``None``, ``NaN``, pandas'
    ``NaT`` and ``pd.NA``, numpy's ``NaT`` — as a blank cell does."""
    if value is None:
        return True
    name = type(value).__name__
    if name in ("NAType", "NaTType"):
        return True
    if name == "datetime64":
        return bool(value != value)
    return isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral) and (
        value != value
    )


def mapping_cells(
    row: Mapping[Any, Any], columns: dict[str, int | None] | None = None
) -> list[Any]:
    """A mapping's values in :data:`FIELDS` order, its keys read as column names.

    ``columns`` remembers the field of each key read (one per batch: the rows of a batch
    have the same few keys)."""
    cells: list[Any] = [""] * MISSING
    for key, value in row.items():
        if value is None:
            continue
        if columns is not None and type(key) is str:
            index = columns.get(key, -1)
            if index == -1:
                index = columns[key] = _ALIASES.get(normalize_key(key))
        else:
            index = _ALIASES.get(normalize_key(key)) if isinstance(key, str) else None
        if index is None:
            continue
        if type(value) is str:
            cells[index] = value
            continue
        if not_recorded(value):  # a frame's records (df.to_dict("records")) hold NaN, NaT
            continue
        if isinstance(value, int) and value.bit_length() > 64:
            value = shown(value)  # no field holds such a number; its digits may not even print
        elif not isinstance(value, (str, int, dt.date, Channel, Party, SignedBy)) and not (
            index in _LIST_FIELDS and isinstance(value, (list, tuple))
        ):
            value = str(value)
        cells[index] = value
    return cells
