"""Recurring duties (定期公开): the windows of yearly, quarterly and monthly rules
(:func:`schedule`, :func:`rule_windows`, :class:`Occurrence`), and checking an activity
log against them (:func:`check_log`, :func:`read_log`, :class:`LogEntry`,
:class:`WindowVerdict`; imported on first use, as the log's reader loads pydantic).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from gov_deadlines.recurring.windows import Occurrence, rule_windows, schedule

# name -> submodule, imported on first use: the log's reader loads pydantic
_LAZY: dict[str, str] = {
    "check_log": "compliance",
    "read_log": "compliance",
    "supervision_rows": "compliance",
    "LogEntry": "compliance",
    "LogCheck": "compliance",
    "LogError": "compliance",
    "WindowVerdict": "compliance",
}

__all__ = [
    "Occurrence",
    "rule_windows",
    "schedule",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # no submodule is named like a name of _LAZY: never rebound
    return value


if TYPE_CHECKING:
    from gov_deadlines.recurring.compliance import LogCheck as LogCheck
    from gov_deadlines.recurring.compliance import LogEntry as LogEntry
    from gov_deadlines.recurring.compliance import LogError as LogError
    from gov_deadlines.recurring.compliance import WindowVerdict as WindowVerdict
    from gov_deadlines.recurring.compliance import check_log as check_log
    from gov_deadlines.recurring.compliance import read_log as read_log
    from gov_deadlines.recurring.compliance import supervision_rows as supervision_rows
