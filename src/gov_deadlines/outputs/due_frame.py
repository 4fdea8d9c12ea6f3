"""What falls due soon, for frames: :func:`due_within_frame`, the ``audit --due-within N``
filter of :func:`~gov_deadlines.outputs.audit_frame`.

The frame's rows are audited once by the one clock (:mod:`gov_deadlines.cases.frames`);
:func:`gov_deadlines.cases.due_within` picks the rows whose next duty falls due within N
working days, soonest first; those rows — then every malformed row, which cannot be placed
and may be due — are audited by :func:`audit_frame` (each row stands alone, so the result
columns are those of the whole frame's audit) and get three columns more: the next duty,
its due date and the working days left (:func:`due_columns`).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from gov_deadlines.cases.batch import RowResult
from gov_deadlines.cases.due_soon import due_within
from gov_deadlines.cases.frames import audit_frame_rows, read_frame
from gov_deadlines.outputs.frames import audit_frame
from gov_deadlines.vocabulary import Lang, is_zh

if TYPE_CHECKING:
    from gov_deadlines.calendar import WorkCalendar
    from gov_deadlines.cases.policy import AuditPolicy
    from gov_deadlines.catalogue import Catalogue

__all__ = ["due_columns", "due_within_frame"]

Frame = TypeVar("Frame")

_DUE_COLUMNS = (
    ("下一职责", "next_duty"),
    ("下一期限", "next_due"),
    ("剩余工作日", "remaining_workdays"),
)


def due_columns(lang: Lang = "zh") -> tuple[str, ...]:
    """The three columns :func:`due_within_frame` appends after the result columns: the next
    duty (its name), its due date (ISO text) and the working days left (an integer; null
    on a malformed row)."""
    zh = is_zh(lang)
    return tuple(zh_name if zh else en for zh_name, en in _DUE_COLUMNS)


def due_within_frame(
    frame: Frame,
    workdays: int,
    *,
    as_of: dt.date | None = None,
    policy: AuditPolicy | None = None,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
    lang: Lang = "zh",
) -> Frame:
    """The rows of ``frame`` whose next duty falls due within ``workdays`` working days of
    ``as_of``, soonest first, then the malformed rows; a frame of the same kind with
    :func:`~gov_deadlines.outputs.result_columns` and :func:`due_columns` appended (a
    pandas frame keeps its index, so each row can be found in the input).

    Raises what :func:`audit_frame` raises, and
    :class:`~gov_deadlines.errors.ArgumentTypeError` for ``workdays`` that is not a whole
    number ≥ 0 or an audit day that is not given (``as_of=None``: "soon" needs a day).
    """
    zh = is_zh(lang)
    cells = read_frame(frame)
    malformed: list[int] = []

    def readable() -> Iterator[RowResult]:
        for row in audit_frame_rows(
            cells, as_of=as_of, calendar=calendar, policy=policy, catalogue=catalogue
        ):
            if row.verdict is None:
                malformed.append(row.line - 1)
            else:
                yield row

    found = due_within(readable(), workdays, as_of=as_of)
    positions = [item.line - 1 for item in found if item.line is not None] + malformed
    audited = audit_frame(
        _take(frame, cells.kind, positions),
        as_of=as_of,
        policy=policy,
        calendar=calendar,
        catalogue=catalogue,
        lang=lang,
    )
    blanks: list[Any] = [None] * len(malformed)
    duties: list[Any] = [item.duty.label("zh" if zh else "en") for item in found] + blanks
    dues: list[Any] = [item.due_date.isoformat() for item in found] + blanks
    remaining: list[Any] = [item.remaining_workdays for item in found] + blanks
    return _append(audited, cells.kind, due_columns(lang), (duties, dues, remaining))  # type: ignore[no-any-return]


def _take(frame: Any, kind: str, positions: list[int]) -> Any:
    if kind == "pandas":
        return frame.iloc[positions]
    if kind == "polars":
        return frame[positions] if positions else frame.clear()
    pa = importlib.import_module("pyarrow")
    return frame.take(pa.array(positions, pa.int64()))


def _append(frame: Any, kind: str, names: tuple[str, ...], columns: tuple[list[Any], ...]) -> Any:
    texts, counts = columns[:2], columns[2]
    if kind == "pandas":
        pd = importlib.import_module("pandas")
        values: dict[str, Any] = {
            name: pd.array(column, dtype="string")
            for name, column in zip(names, texts, strict=False)
        }
        values[names[2]] = pd.array(counts, dtype="Int64")
        return frame.assign(**values)
    if kind == "polars":
        pl = importlib.import_module("polars")
        series = [
            pl.Series(name, column, dtype=pl.String)
            for name, column in zip(names, texts, strict=False)
        ]
        return frame.with_columns([*series, pl.Series(names[2], counts, dtype=pl.Int64)])
    pa = importlib.import_module("pyarrow")
    arrays = [pa.array(column, pa.string()) for column in texts] + [pa.array(counts, pa.int64())]
    for name, array in zip(names, arrays, strict=True):
        frame = frame.append_column(name, array)
    return frame
