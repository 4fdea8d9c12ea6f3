"""Which days the official data covers: one or more spans of whole years, with gaps between.

A calendar built from the bundled data covers one span (2004–2026); an overlay for a year
that is not next to it (2000, or 2028 before 2027 is published) adds a span of its own,
and the years between stay uncovered. :class:`Coverage` keeps every span, so that a
refusal can name the real gap instead of a false "covered" range.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import is_zh


@frozen
class Span:
    """The days ``first..last``, both included."""

    first: dt.date
    last: dt.date

    def __init__(self, first: dt.date, last: dt.date) -> None:
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    def text(self, lang: str = "en") -> str:
        """``2004-01-01 .. 2026-12-31`` (``2004-01-01至2026-12-31`` in Chinese)."""
        joint = "至" if is_zh(lang) else " .. "
        return f"{self.first.isoformat()}{joint}{self.last.isoformat()}"


@frozen
class Coverage:
    """The days backed by an official notice: ``spans`` in order, none touching another.

    ``first`` and ``last`` are the first and the last covered day (kept for code written
    when coverage was one span); ``day in coverage`` is true only inside a span, and
    :attr:`gaps` lists the uncovered days between the spans.
    """

    spans: tuple[Span, ...]

    def __init__(self, spans: tuple[Span, ...]) -> None:
        object.__setattr__(self, "spans", spans)

    @classmethod
    def of_years(cls, years: Iterable[int]) -> Coverage:
        """The coverage of these whole years, runs of consecutive years joined into spans."""
        spans: list[Span] = []
        run_start: int | None = None
        previous: int | None = None
        for year in sorted(set(years)):
            if previous is not None and year == previous + 1:
                previous = year
                continue
            if run_start is not None and previous is not None:
                spans.append(Span(dt.date(run_start, 1, 1), dt.date(previous, 12, 31)))
            run_start = previous = year
        if run_start is not None and previous is not None:
            spans.append(Span(dt.date(run_start, 1, 1), dt.date(previous, 12, 31)))
        return cls(tuple(spans))

    @property
    def first(self) -> dt.date:
        """The first covered day."""
        return self.spans[0].first

    @property
    def last(self) -> dt.date:
        """The last covered day (there may be gaps before it: see :attr:`gaps`)."""
        return self.spans[-1].last

    @property
    def gaps(self) -> tuple[Span, ...]:
        """The uncovered days between the spans."""
        return tuple(
            Span(before.last + dt.timedelta(days=1), after.first - dt.timedelta(days=1))
            for before, after in zip(self.spans, self.spans[1:], strict=False)
        )

    def gap_of(self, day: dt.date) -> Span | None:
        """The gap between two spans that ``day`` lies in (``None``: covered, or outside)."""
        return next((gap for gap in self.gaps if day in gap), None)

    def __contains__(self, day: object) -> bool:
        return any(day in span for span in self.spans)

    def text(self, lang: str = "en") -> str:
        """``2000-01-01 .. 2000-12-31 and 2004-01-01 .. 2026-12-31`` (``、`` in Chinese)."""
        parts = [span.text(lang) for span in self.spans]
        if is_zh(lang):
            return "、".join(parts)
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
