"""Recurring duties (定期公开): the windows of yearly, quarterly and monthly rules
(:func:`schedule`, :func:`rule_windows`, :class:`Occurrence`), and checking an activity
log against them (:mod:`.compliance`: ``check_log``, ``read_log``, ``LogEntry`` — it loads
pydantic, so it is imported from its module or lazily from :mod:`gov_deadlines`).
"""

from __future__ import annotations

from gov_deadlines.recurring.windows import Occurrence, rule_windows, schedule

__all__ = ["Occurrence", "rule_windows", "schedule"]
