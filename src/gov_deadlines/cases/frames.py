"""Frames as the batch audit's input: a pandas or polars ``DataFrame``, a pyarrow ``Table`` or
``RecordBatch`` read column by column into the rows of cells the CSV audit reads.

:func:`read_frame` finds the documented columns by their Chinese or English names
(:class:`~gov_deadlines.cases.columns.Layout`, as for a CSV header) and converts each
column at once: typed date columns (``datetime64``, pyarrow ``date32``/``timestamp``,
polars ``Date``/``Datetime``) become ``datetime.date`` values column-wise (an aware
date-time counts by its day in Beijing, a naive one is read as Beijing time, as
:func:`gov_deadlines.dates.parse_day` reads one), text columns stay text for the cell
readers of :mod:`~gov_deadlines.cases.columns`. ``NaT``, ``NaN``, ``None``, ``pd.NA`` and
nulls are blank cells: not recorded. Nothing is judged here: :func:`audit_frame_rows`
hands the rows to the one clock, one :class:`~gov_deadlines.cases.batch.RowResult` per
frame row, in order.

pandas, polars and pyarrow are never imported by this module: a frame's kind is told by
the module of its type, and a library is looked up (``importlib``) only when a frame of
its kind was given, so it is loaded already.
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import numbers
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gov_deadlines.cases.batch import CaseAuditor, RowResult
from gov_deadlines.cases.columns import FIELDS, Layout, not_recorded
from gov_deadlines.errors import ArgumentTypeError, shown

if TYPE_CHECKING:
    from gov_deadlines.calendar.workcalendar import WorkCalendar
    from gov_deadlines.cases.policy import AuditPolicy
    from gov_deadlines.catalogue import Catalogue

__all__ = [
    "BEIJING",
    "FRAME_KINDS",
    "FrameCells",
    "audit_frame_rows",
    "frame_cell",
    "frame_kind",
    "read_frame",
]

#: The kinds of frame read, by the (module prefix, type name) of the frame's type.
FRAME_KINDS: dict[tuple[str, str], str] = {
    ("pandas", "DataFrame"): "pandas",
    ("polars", "DataFrame"): "polars",
    ("pyarrow", "Table"): "arrow",
    ("pyarrow", "RecordBatch"): "arrow_batch",
}
#: Where a typed date-time's day is read (the register's days are Beijing days).
BEIJING = "Asia/Shanghai"


def frame_kind(frame: object) -> str | None:
    """``"pandas"``, ``"polars"``, ``"arrow"`` (a Table), ``"arrow_batch"`` (a RecordBatch),
    or ``None``: told from the type's module, without importing any of these libraries."""
    kind = type(frame)
    root = kind.__module__.partition(".")[0]
    return FRAME_KINDS.get((root, kind.__name__))


def _expected_frame(frame: object) -> ArgumentTypeError:
    return ArgumentTypeError(
        "frame",
        frame,
        "a pandas DataFrame, a polars DataFrame, a pyarrow Table or RecordBatch",
        "pandas DataFrame、polars DataFrame、pyarrow Table 或 RecordBatch",
    )


# -- cells ----------------------------------------------------------------------------------------


def frame_cell(value: Any) -> Any:
    """One value of a column that is not typed text or dates, as the cell readers take it:
    text, a ``date``/``datetime``, a list (several consultations), or ``""`` — not recorded
    (``None``, ``NaN``, ``NaT``, ``pd.NA``). A whole number is its digits (an extension's
    length, a case number, ``20260302``), also as a float (``20.0``: pandas stores a column
    of numbers with gaps as floats); anything else is its text."""
    kind = type(value)
    if kind is str or kind is dt.date:
        return value
    if not_recorded(value):
        return ""
    if isinstance(value, dt.date):  # a datetime, a pandas Timestamp
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        whole = int(value)
        # no field holds such a number; its digits may not even print (str() refuses them)
        return str(whole) if whole.bit_length() <= 64 else shown(whole)
    if isinstance(value, numbers.Real):
        number = float(value)
        return str(int(number)) if number.is_integer() else str(value)
    if kind.__name__ == "datetime64":  # a numpy scalar: a naive day (NaT is not recorded)
        return value.astype("datetime64[D]").item()
    if isinstance(value, (list, tuple)) or kind.__name__ == "ndarray":
        return [frame_cell(item) for item in value]
    return shown(value) if isinstance(value, int) else str(value)


def _cells(values: list[Any]) -> list[Any]:
    return [v if type(v) is str else frame_cell(v) for v in values]


def _days(array: Any) -> list[Any]:
    """A numpy ``datetime64`` array as ``date`` values (NaT: ``None``), at C speed."""
    return array.astype("datetime64[D]").tolist()  # type: ignore[no-any-return]


def _pandas_column(series: Any) -> list[Any]:
    dtype = series.dtype
    if hasattr(dtype, "pyarrow_dtype"):  # pd.ArrowDtype: read as the Arrow array it is
        return _arrow_column(importlib.import_module("pyarrow").array(series.array))
    if getattr(dtype, "kind", None) == "M":
        if getattr(dtype, "tz", None) is not None:
            series = series.dt.tz_convert(BEIJING).dt.tz_localize(None)
        return _days(series.to_numpy())
    try:
        values = series.to_numpy(dtype=object, na_value="").tolist()
    except (TypeError, ValueError):
        values = series.tolist()
    if getattr(dtype, "name", "") in ("str", "string"):
        return values  # type: ignore[no-any-return]  # text, the gaps filled with ""
    return _cells(values)


def _arrow_column(array: Any) -> list[Any]:
    pa = importlib.import_module("pyarrow")
    types = pa.types
    kind = array.type
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if types.is_dictionary(kind):
        return _arrow_column(array.dictionary_decode())
    if types.is_null(kind):
        return [""] * len(array)
    if types.is_date(kind) or types.is_timestamp(kind):
        if types.is_timestamp(kind) and kind.tz is not None:
            compute = importlib.import_module("pyarrow.compute")
            try:
                array = compute.local_timestamp(array.cast(pa.timestamp(kind.unit, BEIJING)))
            except pa.ArrowException:  # no time zone database for Arrow (Windows): by value
                return _cells(array.to_pylist())
        return _days(array.to_numpy(zero_copy_only=False))
    if types.is_string(kind) or types.is_large_string(kind) or types.is_string_view(kind):
        compute = importlib.import_module("pyarrow.compute")
        return compute.fill_null(array, "").to_numpy(zero_copy_only=False).tolist()  # type: ignore[no-any-return]
    return _cells(array.to_pylist())


def _polars_column(series: Any) -> list[Any]:
    pl = importlib.import_module("polars")
    dtype = series.dtype
    if dtype == pl.Date or isinstance(dtype, pl.Datetime):
        if isinstance(dtype, pl.Datetime) and dtype.time_zone is not None:
            series = series.dt.convert_time_zone(BEIJING).dt.replace_time_zone(None)
        return _days(series.to_numpy())
    if dtype == pl.Null:
        return [""] * len(series)
    if dtype == pl.Categorical or isinstance(dtype, pl.Enum):
        series = series.cast(pl.String)
        dtype = pl.String
    if dtype == pl.String:
        return series.fill_null("").to_list()  # type: ignore[no-any-return]
    return _cells(series.to_list())


# -- the frame ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FrameCells:
    """A frame's documented columns as cells: ``columns[i]`` holds the values of
    ``FIELDS[i]`` (``None``: the frame has no such column), ``length`` the number of rows."""

    kind: str
    layout: Layout
    length: int
    columns: tuple[list[Any] | None, ...]

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """Each row's cells in :data:`FIELDS` order (an absent column's cells are blank)."""
        length = self.length
        return zip(
            *(itertools.repeat("", length) if c is None else c for c in self.columns),
            strict=False,
        )


def read_frame(frame: object) -> FrameCells:
    """The cells of a frame's documented columns (:class:`FrameCells`).

    Raises :class:`~gov_deadlines.cases.columns.LayoutError` when the column names do not
    make a layout (no channel, no receipt date, a column given twice), as for a CSV header,
    and :class:`~gov_deadlines.errors.ArgumentTypeError` for anything but a frame.
    """
    kind = frame_kind(frame)
    if kind is None:
        raise _expected_frame(frame)
    handle: Any = frame
    if kind == "pandas":
        names = [str(name) for name in handle.columns]
        length = len(handle.index)

        def column(index: int) -> list[Any]:
            return _pandas_column(handle.iloc[:, index])

    elif kind == "polars":
        names = [str(name) for name in handle.columns]
        length = handle.height

        def column(index: int) -> list[Any]:
            return _polars_column(handle.to_series(index))

    else:
        names = [str(name) for name in handle.schema.names]
        length = handle.num_rows

        def column(index: int) -> list[Any]:
            return _arrow_column(handle.column(index))

    layout = Layout.from_header(names)
    width = len(names)
    columns: list[list[Any] | None] = []
    for field, index in zip(FIELDS, layout.index, strict=True):
        if index == width:
            columns.append(None)
            continue
        values = column(index)
        if field == "case_id":
            values = [v if type(v) is str else ("" if v is None else str(v)) for v in values]
        columns.append(values)
    return FrameCells(kind, layout, length, tuple(columns))


def audit_frame_rows(
    cells: FrameCells,
    *,
    as_of: dt.date | None = None,
    calendar: WorkCalendar | None = None,
    policy: AuditPolicy | None = None,
    catalogue: Catalogue | None = None,
) -> Iterator[RowResult]:
    """One :class:`RowResult` per row of ``cells``, in order, numbered from 1: each row goes
    through :meth:`CaseAuditor.cells <gov_deadlines.cases.batch.CaseAuditor.cells>`, as a
    CSV row does (a row whose facts cannot be read is a malformed result with its reason,
    and the batch goes on)."""
    audit = CaseAuditor(as_of=as_of, calendar=calendar, policy=policy, catalogue=catalogue).cells
    for line, row in enumerate(cells.rows(), start=1):
        yield audit(row, line)
