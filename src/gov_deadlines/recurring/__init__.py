"""Recurring duties (定期公开): the windows of yearly, quarterly and monthly rules, and an
office's activity log judged against them.

* :mod:`~gov_deadlines.recurring.windows` — :func:`schedule`, :func:`rule_windows`,
  :class:`Occurrence`;
* :mod:`~gov_deadlines.recurring.log` — the activity log: :func:`read_log`,
  :class:`LogEntry`, :class:`LogError`;
* :mod:`~gov_deadlines.recurring.compliance` — :func:`check_log`, :class:`WindowVerdict`,
  :class:`LogCheck`.

The last two load pydantic (``LogEntry`` is a model): their names are imported on first
use, so that a schedule needs no pydantic. The supervision form of a check is
:func:`gov_deadlines.outputs.supervision_rows`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gov_deadlines.lazy import lazy_exports
from gov_deadlines.recurring.windows import Occurrence, rule_windows, schedule

# name -> submodule, imported on first use: the log's reader loads pydantic
_LAZY: dict[str, str] = {
    "check_log": "compliance",
    "read_log": "log",
    "LogEntry": "log",
    "LogCheck": "compliance",
    "LogError": "log",
    "WindowVerdict": "compliance",
}

__all__ = [
    "Occurrence",
    "rule_windows",
    "schedule",
    *_LAZY,
]


__getattr__ = lazy_exports(__name__, _LAZY, globals())


if TYPE_CHECKING:
    from gov_deadlines.recurring.compliance import LogCheck as LogCheck
    from gov_deadlines.recurring.compliance import WindowVerdict as WindowVerdict
    from gov_deadlines.recurring.compliance import check_log as check_log
    from gov_deadlines.recurring.log import LogEntry as LogEntry
    from gov_deadlines.recurring.log import LogError as LogError
    from gov_deadlines.recurring.log import read_log as read_log
