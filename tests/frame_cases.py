"""Cases for the frame audit's tests: generated rows of CSV cells, and the result columns the
CSV audit gives for them (the reference a frame's results are compared with)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from typing import Any

from gov_deadlines.cases import audit_csv
from gov_deadlines.cases.columns import COLUMNS, FIELDS
from gov_deadlines.outputs import result_columns, write_case_csv

AS_OF = dt.date(2026, 6, 30)
CHANNELS = ("当面", "挂号信", "平信", "网络", "传真", "in_person", "internet", "EMS")


def _day(rng: random.Random, start: dt.date, within: int) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(within))


def generated_rows(count: int, seed: int = 14) -> list[dict[str, str]]:
    """``count`` rows of cells (keys: FIELDS), receipts over 2008–2026, with 补正,
    consultations (up to three, some overlapping), extensions, replies, and about 4 %
    rows that cannot be read."""
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        row = dict.fromkeys(FIELDS, "")
        row["case_id"] = f"G-{number:05d}"
        row["channel"] = rng.choice(CHANNELS)
        submitted = _day(rng, dt.date(2008, 1, 2), 6700)
        row["submitted"] = submitted.isoformat()
        receipt = submitted
        if rng.random() < 0.3:
            receipt = submitted + dt.timedelta(days=rng.randrange(4))
            row[rng.choice(("signed_for", "confirmed"))] = receipt.isoformat()
        start = receipt
        if rng.random() < 0.1:
            asked = receipt + dt.timedelta(days=rng.randrange(1, 12))
            row["supplement_requested"] = asked.isoformat()
            if rng.random() < 0.8:
                start = asked + dt.timedelta(days=rng.randrange(1, 20))
                row["supplement_received"] = start.isoformat()
        if rng.random() < 0.12:
            sent, answered, parties = [], [], []
            day = start
            for _ in range(rng.choice((1, 1, 2, 3))):
                day = day + dt.timedelta(days=rng.randrange(0, 10))
                sent.append(day.isoformat())
                back = day + dt.timedelta(days=rng.randrange(1, 30))
                answered.append(back.isoformat() if rng.random() < 0.8 else "")
                parties.append(rng.choice(("第三方", "其他机关", "third_party")))
            row["consultation_sent"] = ";".join(sent)
            row["consultation_answered"] = ";".join(answered).rstrip(";")
            row["consultation_party"] = rng.choice((parties[0], ";".join(parties)))
        if rng.random() < 0.1:
            approved = start + dt.timedelta(days=rng.randrange(5, 30))
            row["extension_approved"] = approved.isoformat()
            row["extension_told"] = (approved + dt.timedelta(days=rng.randrange(3))).isoformat()
            row["extension_days"] = rng.choice(("", "20", "15", "25", "10个工作日"))
        if rng.random() < 0.8:
            row["replied"] = (start + dt.timedelta(days=rng.randrange(5, 60))).isoformat()
        if rng.random() < 0.04:
            field, text = rng.choice(
                (
                    ("submitted", "2026-02-30"),
                    ("channel", "信鸽"),
                    ("replied", "1999-01-01"),
                    ("extension_days", "二十"),
                    ("consultation_party", "邻居"),
                )
            )
            row[field] = text
        rows.append(row)
    return rows


def header(lang: str) -> list[str]:
    """The input columns' names in ``lang`` (the layout's Chinese or English names)."""
    return [zh if lang == "zh" else en for _, zh, en, _ in COLUMNS]


def csv_results(
    rows: list[dict[str, str]], *, lang: str = "zh", as_of: dt.date = AS_OF
) -> list[dict[str, str]]:
    """The result columns of the per-case CSV that ``gov-deadlines audit`` writes for these
    rows (read back from its text), one dict per row."""
    source = io.StringIO(newline="")
    writer = csv.writer(source)
    writer.writerow(header("zh"))
    writer.writerows([row[field] for field in FIELDS] for row in rows)
    source.seek(0)
    target = io.StringIO(newline="")
    write_case_csv(audit_csv(source, as_of=as_of), target, lang=lang)
    read = list(csv.DictReader(io.StringIO(target.getvalue().lstrip("\ufeff"), newline="")))
    names = result_columns(lang)  # type: ignore[arg-type]
    return [{name: record[name] for name in names} for record in read]


def frame_results(records: list[dict[str, Any]], lang: str = "zh") -> list[dict[str, str]]:
    """The result columns of an audited frame's rows (``to_dict("records")``-like input)."""
    names = result_columns(lang)  # type: ignore[arg-type]
    return [{name: record[name] for name in names} for record in records]
