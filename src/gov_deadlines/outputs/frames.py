"""The batch audit of a frame: the same kind of frame back, the per-case CSV's result
columns appended (:func:`audit_frame`), and the same for a stream of Arrow record batches,
what Spark's ``mapInArrow`` and Dask's ``map_partitions`` call (:func:`audit_record_batches`).

The frame is read by :mod:`gov_deadlines.cases.frames` into the cells the CSV audit reads,
audited by the one clock, and each result row is rendered by the per-case CSV's own cells
(:func:`~gov_deadlines.outputs.case_csv.case_cells`): a frame's result columns hold, row by
row, exactly the text of the same columns of ``gov-deadlines audit --format csv``. Nothing
is kept between calls (no state, no cache of this module's own): each call, each record
batch, stands alone, so partitions can be audited in any process in any order.
``docs/frames.md`` documents it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from gov_deadlines.cases.columns import LayoutError
from gov_deadlines.cases.frames import audit_frame_rows, frame_kind, read_frame
from gov_deadlines.errors import ArgumentTypeError
from gov_deadlines.outputs.case_csv import CASE_COLUMNS, DayTexts, case_cells
from gov_deadlines.vocabulary import Lang, is_zh

if TYPE_CHECKING:
    from gov_deadlines.calendar import WorkCalendar
    from gov_deadlines.cases.policy import AuditPolicy
    from gov_deadlines.catalogue import Catalogue

__all__ = ["RESULT_KEYS", "audit_frame", "audit_record_batches", "result_columns"]

#: The per-case CSV's columns a frame gets, by key: all but those that repeat the input row
#: (``line`` is the row's position, ``case_id``, ``channel`` and ``replied`` its own cells).
RESULT_KEYS: tuple[str, ...] = tuple(
    key for key, _, _ in CASE_COLUMNS if key not in ("line", "case_id", "channel", "replied")
)
#: A per-case CSV row's result cells, as a tuple.
_PICK = itemgetter(
    *(index for index, column in enumerate(CASE_COLUMNS) if column[0] in RESULT_KEYS)
)
#: Rows rendered at a time before they are turned into columns: small chunks stay in the
#: processor's cache and their tuples die young (65,536 at a time cost 3-4x more per row).
_CHUNK = 512

Frame = TypeVar("Frame")


def result_columns(lang: Lang = "zh") -> tuple[str, ...]:
    """The names of the result columns :func:`audit_frame` appends, in order: the per-case
    CSV's Chinese headers (``lang="zh"``) or its English keys (``"en"``)."""
    zh = is_zh(lang)
    return tuple(zh_name if zh else en for key, zh_name, en in CASE_COLUMNS if key in RESULT_KEYS)


def audit_frame(
    frame: Frame,
    *,
    as_of: dt.date | None = None,
    policy: AuditPolicy | None = None,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
    lang: Lang = "zh",
) -> Frame:
    """Audit every row of a pandas ``DataFrame``, a polars ``DataFrame``, a pyarrow ``Table``
    or ``RecordBatch`` holding the audit's columns (Chinese or English names, as a CSV
    header: ``docs/audit.md``); return a frame of the same kind, the same rows in the same
    order (a pandas frame keeps its index), with :func:`result_columns` appended as text.

    ``NaT``, ``NaN``, ``None``, ``pd.NA``, nulls and blank strings are not recorded. A row
    that cannot be read is a ``malformed`` row (结果 ``格式错误``) with its reason in the
    last column; the other rows are audited all the same. Raises
    :class:`~gov_deadlines.cases.columns.LayoutError` when the columns do not make a layout
    (no channel, no receipt date, a column given twice) or the frame already has a column
    named like a result column, :class:`~gov_deadlines.errors.ArgumentTypeError` for
    anything but such a frame.
    """
    zh = is_zh(lang)
    names = result_columns(lang)
    cells = read_frame(frame)
    taken = sorted(set(names) & set(cells.layout.header))
    if taken:
        listed = "、".join(taken)
        raise LayoutError(
            f"the frame already has the result column(s) {', '.join(taken)}: drop or rename "
            "them before auditing it (an audited frame's result columns are replaced by "
            "auditing its input columns again)",
            f"表中已有核查结果列 {listed}:请先删除或重命名这些列再核查",
        )
    columns: list[list[str]] = [[] for _ in names]
    chunk: list[tuple[str, ...]] = []
    results = audit_frame_rows(
        cells, as_of=as_of, calendar=calendar, policy=policy, catalogue=catalogue
    )
    pick = _PICK
    texts = DayTexts()  # this call's own memo of date texts
    for row in results:
        chunk.append(pick(case_cells(row, zh, lang, texts)))
        if len(chunk) == _CHUNK:
            _extend(columns, chunk)
            chunk = []
    _extend(columns, chunk)
    return _with_columns(frame, cells.kind, names, columns)  # type: ignore[no-any-return]


def _extend(columns: list[list[str]], chunk: list[tuple[str, ...]]) -> None:
    if chunk:
        for column, values in zip(columns, zip(*chunk, strict=True), strict=True):
            column.extend(values)


def _with_columns(frame: Any, kind: str, names: tuple[str, ...], columns: list[list[str]]) -> Any:
    if kind == "pandas":
        return frame.assign(**dict(zip(names, _pandas_texts(frame, columns), strict=True)))
    if kind == "polars":
        pl = importlib.import_module("polars")
        return frame.with_columns(
            [
                pl.Series(name, values, dtype=pl.String)
                for name, values in zip(names, columns, strict=True)
            ]
        )
    pa = importlib.import_module("pyarrow")
    arrays = [pa.array(values, pa.string()) for values in columns]
    if kind == "arrow":
        for name, array in zip(names, arrays, strict=True):
            frame = frame.append_column(name, array)
        return frame
    return pa.RecordBatch.from_arrays(
        [*frame.columns, *arrays], schema=_appended(pa, frame.schema, names)
    )


def _pandas_texts(frame: Any, columns: list[list[str]]) -> list[Any]:
    """The columns as pandas holds text by default (``str`` in pandas 3, ``object`` before),
    built through Arrow where pyarrow is installed: 2–3× faster than from the lists."""
    try:
        pa = importlib.import_module("pyarrow")
    except ImportError:
        pd = importlib.import_module("pandas")
        return [pd.Series(column, index=frame.index, dtype=None) for column in columns]
    # .array: the values by position (a Series would be aligned on the frame's index)
    return [pa.array(column, pa.large_string()).to_pandas().array for column in columns]


def _appended(pa: Any, schema: Any, names: tuple[str, ...]) -> Any:
    for name in names:
        schema = schema.append(pa.field(name, pa.string()))
    return schema


def audit_record_batches(
    batches: Iterable[Any],
    *,
    as_of: dt.date | None = None,
    policy: AuditPolicy | None = None,
    calendar: WorkCalendar | None = None,
    catalogue: Catalogue | None = None,
    lang: Lang = "zh",
) -> Iterator[Any]:
    """Audit a stream of pyarrow ``RecordBatch`` es, one output batch per input batch (its
    columns, then :func:`result_columns`): the function Spark's ``mapInArrow`` takes
    (``functools.partial`` it with the audit's settings). Each batch is audited on its own,
    as :func:`audit_frame` does; ``docs/frames.md`` shows Spark and Dask calling it."""
    for batch in batches:
        if frame_kind(batch) != "arrow_batch":
            raise ArgumentTypeError(
                "batches", batch, "pyarrow RecordBatch objects", "pyarrow RecordBatch 对象"
            )
        yield audit_frame(
            batch, as_of=as_of, policy=policy, calendar=calendar, catalogue=catalogue, lang=lang
        )
