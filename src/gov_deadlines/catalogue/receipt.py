"""The receipt of an application and the rest-day receipt policy, in one place.

条例 art. 31 fixes the day an application counts as received by channel; it is silent on a
day the office is closed. The library's policy ``rest-day-receipt-next-working-day``
(``data/policies.toml``, ``docs/policies.md``) counts such a receipt from the next working
day; :class:`ReceiptPolicy` switches it. Which events are receipts is data (``receipt =
true`` in ``data/rules/events.toml``: an application, a corrected application), so the
same reading applies to every rule they start — in :func:`gov_deadlines.due` and in the
case audit alike. :func:`effective_receipt` is the only code that moves a receipt, and
:func:`moved_sentence` the only words that say so.
"""

from __future__ import annotations

import datetime as dt
import enum

from gov_deadlines.calendar.day import is_provisional, weekday_name
from gov_deadlines.calendar.workcalendar import WorkCalendar
from gov_deadlines.values import frozen
from gov_deadlines.vocabulary import is_zh, provisional_mark

__all__ = [
    "REST_DAY_RECEIPT_POLICY",
    "ReceiptNote",
    "ReceiptPolicy",
    "effective_receipt",
    "moved_sentence",
]

#: The id of the rest-day receipt policy in ``data/policies.toml``.
REST_DAY_RECEIPT_POLICY = "rest-day-receipt-next-working-day"


class ReceiptPolicy(enum.Enum):
    """How a receipt dated on a rest day counts (policy ``rest-day-receipt-next-working-day``)."""

    #: The default: an office that is closed receives nothing; the receipt counts from the
    #: first working day after it.
    NEXT_WORKING_DAY = "next-working-day"
    #: The recorded date counts as it is (``--receipt-as-recorded``).
    AS_RECORDED = "as-recorded"


def effective_receipt(
    day: dt.date, policy: ReceiptPolicy, calendar: WorkCalendar
) -> tuple[dt.date, bool]:
    """The day a receipt recorded on ``day`` counts from, and whether the policy moved it.

    Needs the calendar to know the day (:class:`~gov_deadlines.errors.CalendarCoverageError`
    past its data: whether it was a rest day is then unknown).
    """
    if policy is ReceiptPolicy.NEXT_WORKING_DAY and not calendar.is_workday(day):
        return calendar.add_workdays(day, 1), True
    return day, False


# The switch as a clerk gives it; docs/policies.md names the Python keyword for developers.
_SWITCH_ZH = "可关闭此政策,按记录的日期计算:选项 --receipt-as-recorded"
_SWITCH_EN = "switch off to count from the recorded date: option --receipt-as-recorded"


def _day(day: dt.date, lang: str) -> str:
    zh = is_zh(lang)
    flag = ("" if zh else " ") + provisional_mark(lang) if is_provisional(day) else ""
    if zh:
        return f"{day.isoformat()}({weekday_name(day, lang)}){flag}"
    return f"{day.isoformat()} ({weekday_name(day, lang)}){flag}"


def moved_sentence(
    recorded: dt.date, moved: dt.date, lang: str = "zh", *, corrected: bool = False
) -> str:
    """The sentence stating that the policy moved a receipt (``corrected``: the corrected
    application's arrival, 条例 art. 30), the same in ``due`` and in the audit."""
    zh = is_zh(lang)
    if zh:
        what = "补正到达日" if corrected else "收到申请日"
        return (
            f"{what}{_day(recorded, lang)}是休息日,机关不办公:按本库政策 "
            f"{REST_DAY_RECEIPT_POLICY} 顺延至其后第一个工作日{_day(moved, lang)},"
            f"期间自该日起算({_SWITCH_ZH})。"
        )
    what = "The corrected application's arrival" if corrected else "The receipt date"
    return (
        f"{what} {_day(recorded, lang)} is a rest day, when the office is closed: by the "
        f"library's policy {REST_DAY_RECEIPT_POLICY} it moves to the first working day after "
        f"it, {_day(moved, lang)}, and the period counts from there ({_SWITCH_EN})."
    )


@frozen(slots=False)
class ReceiptNote:
    """A note of :func:`gov_deadlines.due`: the rest-day receipt policy moved the trigger."""

    recorded: dt.date
    moved: dt.date

    def __init__(self, recorded: dt.date, moved: dt.date) -> None:
        # One update of the instance dict, not object.__setattr__ per field (as Deadline:
        # one is built by every due() of a moved receipt); held to the fields by a test.
        self.__dict__.update({"recorded": recorded, "moved": moved})

    def text(self, lang: str = "zh") -> str:
        return moved_sentence(self.recorded, self.moved, lang)
