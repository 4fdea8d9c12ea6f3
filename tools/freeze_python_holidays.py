"""Write python-holidays' answers for China into ``tests/calendar/python_holidays_china.json``.

The calendar is cross-checked, day by day, against python-holidays (``holidays.China``, which
cites each State Council notice) and its lunisolar calendar. ``holidays`` pins
``python-dateutil<3`` while ``pip install .`` gives users dateutil 4, so it cannot be in the test
extra without the tests running against a dateutil no user has. Its answers are frozen here
instead, with the version they came from. Regenerate in a throw-away environment:

    python -m venv /tmp/h && /tmp/h/bin/pip install holidays chinese-calendar
    /tmp/h/bin/python tools/freeze_python_holidays.py
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "calendar" / "python_holidays_china.json"
YEARS = range(2004, 2027)
LUNAR_YEARS = range(2004, 2101)


def main() -> None:
    # Not installed by the project (see above): mypy runs without it.
    import holidays  # type: ignore[import-not-found, unused-ignore]
    from holidays.calendars.chinese import (  # type: ignore[import-not-found, unused-ignore]
        _ChineseLunisolar,
    )

    rest_weekdays: dict[str, list[str]] = {}
    working_weekend_days: dict[str, list[str]] = {}
    for year in YEARS:
        china = holidays.China(years=year)
        day, rest, work = dt.date(year, 1, 1), [], []
        while day.year == year:
            working = china.is_working_day(day)
            if day.weekday() < 5 and not working:
                rest.append(day.isoformat())
            elif day.weekday() >= 5 and working:
                work.append(day.isoformat())
            day += dt.timedelta(days=1)
        rest_weekdays[str(year)] = rest
        working_weekend_days[str(year)] = work
    lunisolar = _ChineseLunisolar()
    lunar = {
        str(year): {
            "spring_festival": lunisolar.lunar_new_year_date(year)[0].isoformat(),
            "dragon_boat": lunisolar.dragon_boat_date(year)[0].isoformat(),
            "mid_autumn": lunisolar.mid_autumn_date(year)[0].isoformat(),
            "qingming": lunisolar.qingming_date(year)[0].isoformat(),
        }
        for year in LUNAR_YEARS
    }
    document = {
        "source": f"python-holidays {holidays.__version__} (holidays.China, _ChineseLunisolar)",
        "generated_by": "python tools/freeze_python_holidays.py",
        "rest_weekdays": rest_weekdays,
        "working_weekend_days": working_weekend_days,
        "lunar": lunar,
    }
    OUT.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
