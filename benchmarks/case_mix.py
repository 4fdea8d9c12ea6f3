"""Generated OGI application cases in a realistic mix, for the audit's benchmarks and the
byte-identity fixture of its outputs (``tests/cases/golden/``).

:func:`write_cases` writes ``rows`` cases (a header first) with, deterministically from
``seed``:

* receipts spread over 2008-05-01 … 2026-12-31 (both versions of the 条例, weighted to
  recent years), on any day (rest days included), by every channel, with the date art. 31
  names sometimes missing (the receipt is then assumed from another date);
* about 5 % with a 补正 (some not yet corrected, some corrected on a rest day);
* about 7 % with one to three consultations (third parties or other agencies; some
  overlapping, some unanswered, some answered past the party's limit, some sent late);
* about 6 % with an extension (told in time, too late, not at all; of a length too long or
  not recorded; some approved after the original limit);
* about 9 % never replied, and replies spread so that about a fifth are late;
* dates after the audit day now and then, dates written ``2026年3月2日`` or ``2026/3/2``,
  case ids that need quoting;
* about 0.5 % malformed rows (a day that does not exist, an unknown channel, dates out of
  order, an unreadable number of days, consultations that do not pair, an unquoted comma),
  and a few blank rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from typing import TextIO

__all__ = ["AS_OF", "HEADER", "write_cases"]

#: The audit day the fixtures and benchmarks use.
AS_OF = dt.date(2026, 11, 20)
HEADER = (
    "编号", "渠道", "提交日期", "签收日期", "确认日期", "补正告知日期", "补正到达日期",
    "征求意见对象", "征求意见发出日期", "征求意见答复日期", "延期批准日期", "延期告知日期",
    "延期工作日", "答复日期",
)  # fmt: skip
_CHANNELS = ("当面",) * 6 + ("挂号信",) * 3 + ("平信",) * 2 + ("网络",) * 8 + ("传真",)
_FIRST = dt.date(2008, 5, 1).toordinal()
_RECENT = dt.date(2024, 1, 1).toordinal()
_LAST = dt.date(2026, 12, 31).toordinal()
_BOUNDARY = dt.date(2019, 5, 15).toordinal()


def _text(day: dt.date, rnd: random.Random) -> str:
    roll = rnd.random()
    if roll < 0.01:
        return f"{day.year}年{day.month}月{day.day}日"
    if roll < 0.015:
        return f"{day.year}/{day.month}/{day.day}"
    return day.isoformat()


def _receipt_ordinal(rnd: random.Random) -> int:
    roll = rnd.random()
    if roll < 0.6:
        return rnd.randrange(_RECENT, _LAST + 1)
    if roll < 0.63:  # near the 2019-05-15 boundary
        return _BOUNDARY + rnd.randrange(-20, 20)
    return rnd.randrange(_FIRST, _LAST + 1)


def _row(number: int, rnd: random.Random) -> list[str]:
    day = dt.date.fromordinal
    plus = dt.timedelta
    submitted = day(_receipt_ordinal(rnd))
    channel = _CHANNELS[rnd.randrange(len(_CHANNELS))]
    case_id = f"{submitted.year}-{number:07d}"
    if rnd.random() < 0.002:
        case_id = f'"{case_id}", 附件'
    row = [case_id, channel, _text(submitted, rnd)] + [""] * 11
    receipt = submitted
    if channel == "挂号信":
        if rnd.random() < 0.95:
            receipt = submitted + plus(days=rnd.randrange(1, 5))
            row[3] = _text(receipt, rnd)
    elif channel != "当面":
        if rnd.random() < 0.85:
            receipt = submitted + plus(days=rnd.randrange(0, 3))
            row[4] = _text(receipt, rnd)
        elif rnd.random() < 0.3:
            receipt = submitted + plus(days=rnd.randrange(0, 3))
            row[3] = _text(receipt, rnd)
    start = receipt
    kind = rnd.random()
    if kind < 0.05:  # 补正
        asked = receipt + plus(days=rnd.randrange(0, 14))
        row[5] = _text(asked, rnd)
        if rnd.random() < 0.9:
            start = asked + plus(days=rnd.randrange(0, 20))
            row[6] = _text(start, rnd)
    if 0.04 < kind < 0.11:  # consultations, one to three (a few with a 补正 too)
        count = 1 if rnd.random() < 0.7 else rnd.choice((2, 2, 3))
        sent_days, answers, parties = [], [], []
        sent = start + plus(days=rnd.randrange(1, 20))
        for _ in range(count):
            sent_days.append(_text(sent, rnd))
            roll = rnd.random()
            if roll < 0.12:
                answers.append("")
            else:
                answers.append(_text(sent + plus(days=rnd.randrange(0, 40)), rnd))
            parties.append("第三方" if rnd.random() < 0.7 else "其他机关")
            sent = sent + plus(days=rnd.randrange(0, 25))  # overlapping or after
        if count > 1 and rnd.random() < 0.2 and answers[-1] == "":
            answers.pop()  # fewer answers than consultations: the last unanswered
        row[7] = ";".join(parties) if len(set(parties)) > 1 else parties[0]
        row[8] = ";".join(sent_days)
        row[9] = ";".join(answers) if any(answers) else ""
    if 0.10 < kind < 0.16:  # extension
        approved = start + plus(days=rnd.randrange(10, 35))
        row[10] = _text(approved, rnd)
        roll = rnd.random()
        if roll < 0.8:
            row[11] = _text(approved + plus(days=rnd.randrange(0, 4)), rnd)
        days = rnd.choice((10, 15, 15, 20, 20, 20, 25, 0))
        row[12] = "" if days == 0 else (str(days) if rnd.random() < 0.95 else f"{days}个工作日")
        start = approved
    if rnd.random() < 0.91:
        late = rnd.random() < 0.2
        offset = rnd.randrange(25, 70) if late else rnd.randrange(0, 28)
        row[13] = _text(start + plus(days=offset), rnd)
    roll = rnd.random()
    if roll < 0.005:  # malformed
        which = rnd.randrange(7)
        if which == 0:
            row[2] = f"{submitted.year}-02-30"
        elif which == 1:
            row[1] = "飞鸽传书"
        elif which == 2:
            row[13] = (submitted - plus(days=3)).isoformat()
            row[3] = row[4] = ""
        elif which == 3:
            row[12] = "二十天"
            row[10] = row[10] or submitted.isoformat()
        elif which == 4:
            row[8] = (submitted + plus(days=2)).isoformat()
            row[9] = (
                f"{(submitted + plus(days=3)).isoformat()};{(submitted + plus(days=4)).isoformat()}"
            )
        elif which == 5:
            row[0] = row[0] + ",unquoted"  # written unquoted below
        else:
            row[11] = (submitted + plus(days=5)).isoformat()
            row[10] = ""
    return row


def write_cases(stream: TextIO, rows: int, seed: int = 14) -> None:
    """Write a header and ``rows`` generated cases to ``stream`` (open with ``newline=""``)."""
    rnd = random.Random(seed)
    writer = csv.writer(stream)
    writer.writerow(HEADER)
    for number in range(rows):
        row = _row(number, rnd)
        if row[0].endswith(",unquoted"):
            stream.write(",".join(row) + "\r\n")  # a comma the CSV reader splits on
            continue
        writer.writerow(row)
        if rnd.random() < 0.0005:
            stream.write(",,,,\r\n")  # a blank row, skipped and counted
