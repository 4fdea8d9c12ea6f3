"""The error contract (docs/errors.md): whatever the input, the public API gives a result or a
documented error — a GovDeadlinesError subclass — and nothing else (issue 10, item 10).

Inputs are arbitrary: values of every type, extreme dates and counts, rule ids real and
made up, texts close to the accepted forms and random ones, overlay files of random bytes
and of nearly valid TOML/JSON, audit rows and log entries with random cells.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

import gov_deadlines as gd
from gov_deadlines import GovDeadlinesError
from gov_deadlines.cases import audit_cases

RULE_IDS = sorted(
    {r.id for r in gd.rules()} | {r.family for r in gd.rules() if r.family is not None}
)
PERIOD_TEXTS = [
    "20个工作日",
    "30日",
    "30天",
    "48小时",
    "3个月",
    "3年",
    "7月底前",
    "年底前",
    "不少于10天",
    "每年1月31日前",
    "2018年9月底前",
    "15日前",
    "每月15日前",
    "0日",
    "二十个工作日",
    "2月30日前",
]
ZONES = [
    dt.UTC,
    ZoneInfo("Asia/Shanghai"),
    ZoneInfo("America/New_York"),
    dt.timezone(dt.timedelta(hours=14)),
]

dates = st.one_of(
    st.dates(),
    st.dates(min_value=dt.date(2003, 1, 1), max_value=dt.date(2028, 12, 31)),
    st.sampled_from([dt.date.min, dt.date.max, dt.date(9999, 12, 31), dt.date(2026, 12, 31)]),
)
datetimes = st.one_of(
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from(ZONES)),
    st.datetimes(
        min_value=dt.datetime(2003, 1, 1),
        max_value=dt.datetime(2028, 12, 31),
        timezones=st.sampled_from(ZONES),
    ),
    st.sampled_from([dt.datetime.min, dt.datetime.max]),
)
integers = st.one_of(
    st.integers(),
    st.integers(min_value=-3, max_value=10_000),
    st.sampled_from([2026, 9999]),
    st.sampled_from([20, 5000]).map(lambda digits: 10**digits),  # past int() limits
)
texts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(PERIOD_TEXTS),
    st.builds(lambda a, b: a + b, st.sampled_from(PERIOD_TEXTS), st.text(max_size=3)),
    st.builds(
        lambda n, u: f"{n}{u}",
        st.integers(),
        st.sampled_from(["日", "个工作日", "小时", "个月", "年"]),
    ),
)
periods = st.one_of(
    texts,
    st.builds(gd.WorkingDays, st.integers(min_value=1, max_value=10**6)),
    st.builds(gd.CalendarDays, st.integers(min_value=1, max_value=10**7)),
    st.builds(gd.Months, st.integers(min_value=1, max_value=10**6)),
    st.builds(gd.Years, st.integers(min_value=1, max_value=10**5)),
    st.builds(gd.Hours, st.integers(min_value=1, max_value=10**9)),
    st.builds(gd.MinimumDuration, st.integers(min_value=1, max_value=10**7)),
    st.builds(gd.FixedDate, st.integers(1, 12), st.none() | st.integers(1, 31)),
)
anything = st.one_of(
    st.none(),
    st.booleans(),
    integers,
    st.floats(),
    texts,
    dates,
    datetimes,
    periods,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
)
triggers = st.one_of(dates, datetimes, integers, anything)
rule_ids = st.one_of(st.sampled_from(RULE_IDS), st.text(max_size=20), anything)
options = st.fixed_dictionaries(
    {},
    optional={
        "roll": st.one_of(st.booleans(), anything),
        "posting_day_counts": st.one_of(st.booleans(), anything),
        "cutoff": st.one_of(st.times(), anything),
    },
)


def only_results_or_documented_errors(call: Callable[[], Any]) -> None:
    try:
        result = call()
        if hasattr(result, "__iter__") and not isinstance(result, str | bytes | dict):
            list(result)
    except GovDeadlinesError:
        pass


def explained(result: Any) -> Any:
    """A result is only a result if it can also be explained and stored."""
    if isinstance(result, gd.Deadline):
        result.explain("zh")
        result.explain("en")
        result.to_record("zh", explanation=True).model_dump(mode="json")
    return result


@given(triggers, periods, options)
def test_deadline_gives_a_result_or_a_documented_error(
    trigger: Any, period: Any, kwargs: dict[str, Any]
) -> None:
    only_results_or_documented_errors(lambda: explained(gd.deadline(trigger, period, **kwargs)))


@given(rule_ids, triggers, options)
# A yearly rule given a year no date can hold (found by the random profile).
@example("ogi.annual-report", 10000, {})
@example("ogi.annual-report", 2_147_483_648, {})
def test_due_gives_a_result_or_a_documented_error(
    rule_id: Any, trigger: Any, kwargs: dict[str, Any]
) -> None:
    only_results_or_documented_errors(lambda: explained(gd.due(rule_id, trigger, **kwargs)))


@given(rule_ids, triggers, st.one_of(dates, datetimes, anything))
@example("ogi.annual-report", 10000, dt.date(2026, 1, 1))
@example("ogi.annual-report", 2_147_483_648, dt.date(2026, 1, 1))
def test_check_due_gives_a_result_or_a_documented_error(
    rule_id: Any, trigger: Any, done: Any
) -> None:
    def run() -> Any:
        verdict = gd.check_due(rule_id, trigger, done)
        verdict.summary("zh")
        return verdict

    only_results_or_documented_errors(run)


@given(st.one_of(dates, datetimes), periods, st.one_of(dates, datetimes, anything))
def test_check_of_a_deadline_gives_a_result_or_a_documented_error(
    trigger: Any, period: Any, done: Any
) -> None:
    def run() -> Any:
        return gd.check(gd.deadline(trigger, period), done).summary("en")

    only_results_or_documented_errors(run)


@given(st.one_of(texts, anything))
def test_parse_period_gives_a_period_or_a_documented_error(text: Any) -> None:
    only_results_or_documented_errors(lambda: gd.parse_period(text))


overlay_toml = st.one_of(
    st.text(max_size=200),
    st.builds(
        lambda year, block: f"year = {year}\n{block}",
        st.one_of(st.integers(-3, 10_000).map(str), st.just("9" * 5000), st.text(max_size=6)),
        st.sampled_from(
            [
                "",
                "[[off]]\nstart = 2026-01-01\nend = 2026-01-03\nname = '元旦'\n",
                "[[off]]\nstart = 2026-01-01\nend = 9999-12-31\nname = '元旦'\n",
                "[[work]]\ndate = 2026-01-04\n",
                "days = 3\n",
                "[[off]]\n",
            ]
        ),
    ),
)
overlay_json = st.one_of(
    st.text(max_size=200),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=10) | dates.map(str),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(
                st.sampled_from(["year", "days", "name", "date", "isOffDay", "x"]),
                inner,
                max_size=4,
            )
        ),
        max_leaves=12,
    ).map(lambda value: json.dumps(value, ensure_ascii=False)),
    st.just("[" * 100_000 + "]" * 100_000),
    st.just('{"year": ' + "9" * 5000 + ', "days": []}'),
)


@given(
    st.one_of(overlay_toml.map(lambda t: (".toml", t)), overlay_json.map(lambda t: (".json", t)))
)
def test_load_overlay_gives_an_arrangement_or_a_documented_error(file: tuple[str, str]) -> None:
    suffix, text = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"2026{suffix}"
        path.write_text(text, encoding="utf-8")
        only_results_or_documented_errors(lambda: gd.load_overlay(path))


@given(st.binary(max_size=100))
def test_load_overlay_of_random_bytes_gives_a_documented_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "2026.toml"
        path.write_bytes(data)
        only_results_or_documented_errors(lambda: gd.load_overlay(path))


AUDIT_FIELDS = [
    "编号",
    "渠道",
    "提交日期",
    "签收日期",
    "补正告知日期",
    "补正到达日期",
    "征求意见对象",
    "征求意见发出日期",
    "延期工作日",
    "答复日期",
    "x",
]
cells = st.one_of(
    st.none(),
    st.text(max_size=12),
    dates.map(str),
    datetimes.map(str),
    st.sampled_from(["当面", "网络", "挂号信", "第三方", "20", "-1", "10" * 30]),
    anything,
)
audit_rows = st.lists(st.dictionaries(st.sampled_from(AUDIT_FIELDS), cells, max_size=8), max_size=4)


@given(audit_rows, st.one_of(st.none(), dates, anything))
def test_audit_cases_gives_a_result_per_row_or_a_documented_error(
    rows: list[dict[str, Any]], as_of: Any
) -> None:
    def run() -> Any:
        results = list(audit_cases(rows, as_of=as_of))
        assert len(results) == len(rows)
        return results

    only_results_or_documented_errors(run)


log_entries = st.lists(
    st.one_of(
        st.tuples(
            st.one_of(st.sampled_from(RULE_IDS), anything), st.one_of(dates, datetimes, anything)
        ),
        st.fixed_dictionaries(
            {
                "rule": st.one_of(st.sampled_from(RULE_IDS), anything),
                "date": st.one_of(dates, anything),
            }
        ),
        anything,
    ),
    max_size=4,
)


@given(
    log_entries,
    st.one_of(st.integers(2000, 2030), integers, anything),
    st.one_of(st.none(), dates, anything),
)
def test_check_log_gives_a_verdict_or_a_documented_error(
    events: list[Any], year: Any, as_of: Any
) -> None:
    only_results_or_documented_errors(lambda: gd.check_log(events, year, as_of=as_of))


def test_every_exported_error_is_in_the_documented_contract_and_is_a_builtin_too() -> None:
    text = (Path(__file__).parents[1] / "docs" / "errors.md").read_text("utf-8")
    exported = [
        getattr(gd, name)
        for name in gd.__all__
        if isinstance(getattr(gd, name), type) and issubclass(getattr(gd, name), GovDeadlinesError)
    ]
    assert len(exported) > 10
    for error in exported:
        if error is GovDeadlinesError:
            continue
        assert f"| `{error.__name__}` |" in text, error
        builtins = [
            b
            for b in error.__mro__
            if b.__module__ == "builtins" and b not in (object, BaseException, Exception)
        ]
        assert builtins, f"{error.__name__} subclasses no natural builtin"
