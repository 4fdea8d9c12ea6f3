"""Whatever the argument list — real commands and options, dates in every form, periods,
random text, Chinese text — the command line exits 0, 1 or 2, never shows a traceback, and
never calls its own failure an internal error; with ``--json`` what it prints is JSON.

Runs in process for speed; choose the number of examples with the hypothesis profile
(``HYPOTHESIS_PROFILE=ci``: 200, derandomized; see tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import tempfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from _cli import registered_commands, run_main
from gov_deadlines.catalogue import default_catalogue

CATALOGUE = default_catalogue()
RULE_IDS = [*sorted(r.id for r in CATALOGUE.rules())[:40], "ogi.reply", "ogi.annual-report"]
EVENT_IDS = sorted(CATALOGUE.events)
SOURCE_IDS = sorted(CATALOGUE.sources)


COMMANDS = registered_commands()
COMMAND_NAMES = [*COMMANDS, "audit", "frob", "Due"]
OPTIONS = [
    "--json",
    "--lang",
    "--lang=en",
    "--lang=zh",
    "--provisional",
    "--calendar",
    "--done",
    "--no-roll",
    "--posting-day-counts",
    "--cutoff",
    "--source",
    "--kind",
    "--trigger",
    "--color",
    "--no-color",
    "--version",
    "-h",
    "--",
    "-",
    "--js",
]
VALUES = [
    "en",
    "zh",
    "fr",
    "17:00",
    "25:61",
    "9",
    "deadline",
    "cadence",
    "解读",
    "答复",
    "ogi.replay",
    "no-such-rule",
    "",
    " ",
]
DATE_FORMATS = [
    "{y:04d}-{m:02d}-{d:02d}",
    "{y}/{m}/{d}",
    "{y}.{m}.{d}",
    "{y}年{m}月{d}日",
    "{y:04d}{m:02d}{d:02d}",
    "{y:04d}-{m:02d}-{d:02d} {H:02d}:{M:02d}",
    "{y:04d}-{m:02d}-{d:02d}T{H:02d}:{M:02d}:00+08:00",
    "{y}年{m}月{d}日 {H}:{M:02d}",
    "{y:04d}-{m:02d}",
    "{y}",
]
PERIOD_UNITS = ["个工作日", "工作日", "日", "天", "小时", "个月", "年", "wd", "d", "h", "mo", "y"]

# argv cannot hold NUL (nor, on most systems, unpaired surrogates from valid UTF-8)
TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=12)
CHINESE = st.text(
    st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("年月日号个工作天小时前底不少于每今明"),
    ),
    min_size=1,
    max_size=8,
)


@st.composite
def dates(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        day = draw(
            st.one_of(
                st.dates(dt.date(2003, 1, 1), dt.date(2028, 12, 31)),
                st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
            )
        )
        y, m, d = day.year, day.month, day.day
    else:  # possibly impossible numbers
        y = draw(st.integers(0, 99999))
        m = draw(st.integers(0, 13))
        d = draw(st.integers(0, 32))
    hour, minute = draw(st.integers(0, 25)), draw(st.integers(0, 61))
    form = draw(st.sampled_from(DATE_FORMATS))
    return form.format(y=y, m=m, d=d, H=hour, M=minute)


@st.composite
def periods(draw: st.DrawFn) -> str:
    n = draw(st.one_of(st.integers(0, 40), st.integers(0, 10**9)))
    shape = draw(
        st.sampled_from(["{n}{u}", "不少于{n}天", "{m}月底前", "每年{m}月{n}日前", "年底前"])
    )
    unit = draw(st.sampled_from(PERIOD_UNITS))
    return shape.format(n=n, u=unit, m=draw(st.integers(0, 13)))


TOKENS = st.one_of(
    st.sampled_from(COMMAND_NAMES),
    st.sampled_from(OPTIONS),
    st.sampled_from(VALUES),
    st.sampled_from(RULE_IDS + EVENT_IDS + SOURCE_IDS),
    st.sampled_from(["今天", "today", "今日"]),
    dates(),
    periods(),
    TEXT,
    CHINESE,
)

ARGV = st.one_of(
    st.lists(TOKENS, max_size=8),
    st.builds(
        lambda command, rest: [command, *rest],
        st.sampled_from(COMMANDS),
        st.lists(TOKENS, max_size=7),
    ),
)


def helps(argv: list[str]) -> bool:
    """Whether argparse may print help or the version instead of running a command."""
    return any(a.startswith(("-h", "--h", "--v")) for a in argv)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(ARGV)
@example(["due", "ogi.reply", "2026-13-45"])
@example(["add", "9999-12-31", "1年", "--provisional"])
@example(["add", "2026-01-01", "99999999日"])
@example(["add", "2026-10-01 09:30", "48小时", "--cutoff", "17:00"])
@example(["due", "ogi.reply", "today"])
@example(["cal", "0001-01", "--json"])
@example(["cal", "0000"])
@example(["between", "0001-01-01", "9999-12-31", "--provisional", "--json"])
@example(["due", "--done", "--json"])
def test_any_argument_list_exits_0_1_or_2_without_a_traceback(argv: list[str]) -> None:
    # in an empty directory: a command that writes files (schedule --ics) writes them there
    with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
        result = run_main(*argv)
    assert result.code in (0, 1, 2), result
    assert "Traceback" not in result.err, result
    assert "内部错误" not in result.err and "internal error" not in result.err, result
    if "--json" in argv and "--" not in argv and not helps(argv) and result.out:
        payload = json.loads(result.out)
        assert isinstance(payload, dict)
        if result.code == 2:
            assert set(payload) == {"error"}
