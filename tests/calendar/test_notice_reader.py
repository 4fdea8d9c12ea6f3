"""Reading the State Council holiday notices as published (../shared/notices, copied under
tests/notices): every one reads into the official tables of its year, in every spelling a
copy may have, and a notice that disagrees with itself or with the law is refused, quoting
the sentence."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest
from hanziconv import HanziConv  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

from _cli import ROOT, run_main
from gov_deadlines.calendar.arrangement import YearArrangement
from gov_deadlines.calendar.notice_text import read_notice, read_notice_sections
from gov_deadlines.calendar.notice_writer import notice_toml
from gov_deadlines.calendar.official import official_arrangements
from gov_deadlines.calendar.overlay import arrangement_from_own
from gov_deadlines.errors import GovDeadlinesError, NoticeTextError

NOTICES = Path(__file__).resolve().parent.parent / "notices"
YEARS = (2007, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024, 2026)
EXAMPLE = ROOT / "docs" / "examples" / "notice-2027-example.txt"

#: 国办发明电〔2020〕1号 extended the 2020 Spring Festival to 2 February after the notice:
#: Friday 31 January became a day off, and so did Saturday 1 February, which the notice had
#: made a working day (Sunday 2 February was a rest day before and after). The official
#: tables include the extension, the notice does not: they must differ on these days and
#: on no other.
EXTENSION_2020 = frozenset({dt.date(2020, 1, 31), dt.date(2020, 2, 1)})


def notice_text(year: int) -> str:
    """The notice as printed: the file without its ``#`` provenance lines."""
    raw = (NOTICES / f"{year}.txt").read_text(encoding="utf-8")
    return "".join(line for line in raw.splitlines(True) if not line.startswith("#"))


def rest_days(arrangement: YearArrangement, year: int) -> set[dt.date]:
    """Every rest day of ``year`` under the arrangement: days off and unworked weekends."""
    days = set()
    day = dt.date(year, 1, 1)
    while day.year == year:
        weekend = day.weekday() >= 5 and day not in arrangement.makeup_workdays
        if day in arrangement.days_off or weekend:
            days.add(day)
        day += dt.timedelta(days=1)
    return days


def differences(read: YearArrangement, official: YearArrangement) -> set[dt.date]:
    """The days on which the two arrangements disagree about working or resting, or about
    which weekdays are declared days off and which weekend days working days.

    Weekend days inside or beside a block are named inconsistently by chinese-calendar
    (2012-06-23 is left unnamed, 2023-12-30/31 are named for the 2024 元旦 "与周末连休"
    while 2016-01-02/03 are not); they are rest days either way, so they are compared as
    rest days only.
    """
    year = read.year
    diff = rest_days(read, year) ^ rest_days(official, year)
    diff |= set(read.makeup_workdays) ^ set(official.makeup_workdays)
    weekday_off = {d for d in read.days_off if d.weekday() < 5}
    official_weekday_off = {d for d in official.days_off if d.weekday() < 5}
    return diff | (weekday_off ^ official_weekday_off)


@pytest.mark.parametrize("year", YEARS)
def test_every_notice_reads_into_the_official_tables_of_its_year(year: int) -> None:
    read = read_notice(notice_text(year))
    official = official_arrangements()[year]
    expected = EXTENSION_2020 if year == 2020 else set()
    assert differences(read, official) == expected
    assert read.year == year
    assert set(read.makeup_workdays) | set(official.makeup_workdays) != set() or year == 2026


def test_the_2020_notice_differs_from_the_tables_exactly_on_the_days_its_extension_changed() -> (
    None
):
    read = read_notice(notice_text(2020))
    official = official_arrangements()[2020]
    assert dt.date(2020, 2, 1) in read.makeup_workdays  # the notice: 2月1日(星期六)上班
    assert dt.date(2020, 2, 1) not in official.makeup_workdays
    assert differences(read, official) == EXTENSION_2020


@pytest.mark.parametrize("year", YEARS)
def test_every_notice_cites_its_number_and_signing_date(year: int) -> None:
    raw = (NOTICES / f"{year}.txt").read_text(encoding="utf-8")
    number = re.search(r"^# number: (.+)$", raw, re.M)
    date = re.search(r"^# date: (.+)$", raw, re.M)
    assert number and date
    reading = read_notice_sections(notice_text(year))
    notice = reading.arrangement.notice
    assert notice is not None
    assert notice.published == dt.date.fromisoformat(date.group(1))
    if number.group(1) in notice_text(year):
        assert notice.number == number.group(1)
        assert reading.missing == ()
        assert notice.verified
    else:  # the copies of 2020 and 2026 print no number
        assert reading.missing == ("number",)
        assert not notice.verified
        assert "文号" in notice.note


@pytest.mark.parametrize("year", YEARS)
def test_traditional_characters_read_the_same(year: int) -> None:
    text = notice_text(year)
    traditional = HanziConv.toTraditional(text)
    assert traditional != text
    assert read_notice(traditional) == read_notice(text)


@pytest.mark.parametrize("year", YEARS)
def test_full_width_and_half_width_punctuation_read_the_same(year: int) -> None:
    text = notice_text(year)
    full = text.translate(str.maketrans(",:()", "，：（）"))
    half = full.translate(str.maketrans("，：（）；", ",:();"))
    assert read_notice(full) == read_notice(half) == read_notice(text)


@pytest.mark.parametrize("year", YEARS)
def test_weekdays_in_parentheses_are_optional(year: int) -> None:
    text = notice_text(year)
    bare = re.sub(r"[(（](?:星期|周)[一二三四五六日][)）]", "", text)
    assert bare != text or year == 2026
    assert read_notice(bare).days_off == read_notice(text).days_off
    assert read_notice(bare).makeup_workdays == read_notice(text).makeup_workdays


NOTICE_2019 = """一、元旦:2018年12月30日至2019年1月1日放假调休,共3天。2018年12月29日(星期六)上班。
二、春节:2月4日至10日放假调休,共7天。2月2日(星期六)、2月3日(星期日)上班。
三、清明节:4月5日放假,与周末连休。
四、劳动节:5月1日放假。
五、端午节:6月7日放假,与周末连休。
六、中秋节:9月13日放假,与周末连休。
七、国庆节:10月1日至7日放假调休,共7天。9月29日(星期日)、10月12日(星期六)上班。
"""


@given(
    st.sampled_from(YEARS),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_how_a_copy_is_printed_never_changes_what_is_read(
    year: int, full_width: bool, traditional: bool, bare: bool, newline: str
) -> None:
    text = notice_text(year)
    expected = read_notice(text)
    copy = text.replace("\n", newline)
    if bare:
        copy = re.sub(r"\((?:星期|周)[一二三四五六日]\)", "", copy)
    if full_width:
        copy = copy.translate(str.maketrans(",:()", "，：（）"))
    if traditional:
        copy = HanziConv.toTraditional(copy)
    read = read_notice(copy)
    assert read.days_off == expected.days_off
    assert read.makeup_workdays == expected.makeup_workdays
    assert read.notice == expected.notice


def test_a_year_crossing_block_is_read_across_the_year_end() -> None:
    arrangement = read_notice(NOTICE_2019, year=2019)
    assert min(arrangement.days_off) == dt.date(2018, 12, 30)
    assert min(arrangement.makeup_workdays) == dt.date(2018, 12, 29)
    assert arrangement.days_off[dt.date(2018, 12, 31)].zh == "元旦"


def test_a_pasted_copy_without_title_number_or_signature_reads_with_the_year_given() -> None:
    text = notice_text(2026)
    body = text[text.index("一、") : text.index("鼓励")]
    with pytest.raises(NoticeTextError) as refused:
        read_notice(body)
    assert "year" in str(refused.value) and "年份" in refused.value.message("zh")
    reading = read_notice_sections(body, year=2026)
    assert reading.missing == ("title", "number", "published")
    assert reading.arrangement.days_off == read_notice(text).days_off
    assert reading.arrangement.notice is not None
    assert not reading.arrangement.notice.verified


def test_a_year_that_disagrees_with_the_title_is_refused() -> None:
    with pytest.raises(NoticeTextError, match="2026"):
        read_notice(notice_text(2026), year=2027)


# -- mutations -------------------------------------------------------------------------------


def refused(text: str) -> NoticeTextError:
    with pytest.raises(NoticeTextError) as caught:
        read_notice(text)
    error = caught.value
    assert isinstance(error, GovDeadlinesError) and isinstance(error, ValueError)
    assert error.message("zh") != str(error)
    return error


def test_a_wrong_stated_length_is_refused_quoting_its_sentence() -> None:
    text = notice_text(2026).replace("放假调休,共9天", "放假调休,共8天")
    error = refused(text)
    assert error.sentence.startswith("2月15日(农历腊月二十八、周日)至23日")
    assert "共8天" in error.sentence and "共8天" in str(error) and "9 days" in str(error)
    assert error.section == "二、春节"


def test_a_weekday_that_does_not_match_its_date_is_refused_quoting_its_sentence() -> None:
    text = notice_text(2026).replace("5月9日(周六)上班", "5月9日(周日)上班")
    error = refused(text)
    assert error.sentence == "5月9日(周日)上班。"
    assert "Saturday" in str(error) and "周六" in error.message("zh")


def test_a_working_day_on_a_wednesday_is_refused_quoting_its_sentence() -> None:
    text = notice_text(2014).replace("5月4日(星期日)上班", "5月7日上班")
    error = refused(text)
    assert error.sentence == "5月7日上班。"
    assert "Wednesday" in str(error)
    assert error.section == "四、劳动节"


def test_a_missing_section_is_refused_quoting_the_introduction_that_names_it() -> None:
    text = re.sub(r"五、端午节:[^\n]*\n", "", notice_text(2022))
    error = refused(text)
    assert "端午节" in str(error)
    assert error.sentence.startswith("现将2022年元旦、春节、清明节、劳动节、端午节")


def test_a_statutory_holiday_outside_every_block_is_refused() -> None:
    # 2026 春节 under 国务院令第795号 is 除夕 to 初三: 16–19 February. A block ending on the
    # 17th leaves two statutory days out.
    text = notice_text(2026).replace(
        "至23日(农历正月初七、周一)放假调休,共9天", "至17日放假调休,共3天"
    )
    error = refused(text)
    assert "2026-02-18" in str(error) and "国务院令第795号" in str(error)
    assert error.section == "二、春节"


def test_a_day_both_off_and_working_is_refused() -> None:
    text = notice_text(2026).replace("1月4日(周日)上班", "1月3日(周六)上班")
    error = refused(text)
    assert "2026-01-03" in str(error)
    assert error.sentence == "1月3日(周六)上班。"


# -- the overlay file ------------------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
def test_the_written_overlay_loads_back_to_the_notice_with_its_sentences_beside_the_days(
    year: int,
) -> None:
    reading = read_notice_sections(notice_text(year))
    text = notice_toml(reading)
    loaded = arrangement_from_own(tomllib.loads(text))
    assert loaded.days_off == reading.arrangement.days_off
    assert loaded.makeup_workdays == reading.arrangement.makeup_workdays
    for section in reading.sections:
        comment = "# " + section.text
        assert comment in text
        assert text.index(comment) < text.index(
            f"from = {section.days_off[0].isoformat()}", text.index(comment)
        )


def test_calendar_import_then_due_answers_for_2027_without_provisional_citing_the_notice(
    tmp_path: Path,
) -> None:
    target = tmp_path / "2027.toml"
    imported = run_main("calendar", "import", str(EXAMPLE), "-o", str(target))
    assert imported.code == 0, imported
    assert target.exists() and not list(tmp_path.glob(".*.tmp"))
    without = run_main("due", "ogi.reply", "2026-12-20")
    assert without.code == 2  # 2027 is not in any package: refused, not guessed
    answer = run_main("due", "ogi.reply", "2026-12-20", "--calendar", str(target))
    assert answer.code == 0, answer
    # a Sunday receipt: counted from Monday 12-21 (rest-day receipt policy, as in audit)
    assert answer.out.startswith("截止:2027-01-19(周二)24:00")
    assert "临时" not in answer.out
    assert "国办发明电〔2026〕9号(2026-11-06)" in answer.out
    record = run_main("due", "ogi.reply", "2026-12-20", "--calendar", str(target), "--json")
    assert record.json()["provisional"] is False


def test_calendar_import_refuses_to_write_its_output_over_its_input(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_main("calendar", "import", str(notice), "-o", str(notice))
    assert result.code == 2
    assert notice.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_calendar_import_of_a_bad_notice_exits_2_quoting_the_sentence(tmp_path: Path) -> None:
    notice = tmp_path / "bad.txt"
    notice.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("共9天", "共10天"), encoding="utf-8"
    )
    target = tmp_path / "2027.toml"
    result = run_main("calendar", "import", str(notice), "-o", str(target), "--lang", "en")
    assert result.code == 2
    assert "共10天" in result.err and "Traceback" not in result.err
    assert not target.exists()


def test_calendar_show_marks_rest_and_working_days_and_diff_lists_the_changes() -> None:
    example = ROOT / "docs" / "examples" / "2027-example.toml"
    shown = run_main("calendar", "show", str(example))
    assert shown.code == 0
    assert shown.out.count("年") >= 12 and "30班" in shown.out and "\x1b[" not in shown.out
    diff = run_main("calendar", "diff", str(example), "--json")
    changes = {c["date"]: c for c in diff.json()["changes"]}
    assert changes["2027-02-09"]["after"] == "holiday"
    assert changes["2027-01-30"]["after"] == "makeup_workday"
    assert diff.json()["baseline"] == "provisional"


def test_calendar_import_and_diff_json_have_the_documented_keys(tmp_path: Path) -> None:
    from _cli import JSON_KEYS

    imported = run_main("calendar", "import", str(EXAMPLE), "--json")
    assert imported.code == 0, imported
    assert set(imported.json()) == JSON_KEYS["calendar import"]
    assert imported.json()["output"] is None and "[[off]]" in imported.json()["toml"]
    diff = run_main(
        "calendar", "diff", str(ROOT / "docs" / "examples" / "2027-example.toml"), "--json"
    )
    assert set(diff.json()) == JSON_KEYS["calendar diff"]


def test_calendar_import_reads_a_notice_without_its_title_when_given_the_year(
    tmp_path: Path,
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    pasted = tmp_path / "pasted.txt"
    pasted.write_text(text[text.index("一、") : text.index("鼓励")], encoding="utf-8")
    refused = run_main("calendar", "import", str(pasted))
    assert refused.code == 2 and "--year" in refused.err
    result = run_main(
        "calendar", "import", str(pasted), "--year", "2027", "-o", str(tmp_path / "x.toml")
    )
    assert result.code == 0, result
    assert "标题、文号、成文日期" in result.err
    assert "verified = false" in (tmp_path / "x.toml").read_text(encoding="utf-8")


def test_a_day_outside_the_notice_s_year_is_refused_quoting_its_sentence() -> None:
    text = notice_text(2026).replace(
        "4月4日(周六)至6日(周一)放假,共3天", "2025年4月4日至6日放假,共3天"
    )
    error = refused(text)
    assert error.sentence == "2025年4月4日至6日放假,共3天。"
    assert "outside 2026" in str(error) and "不在2026年内" in error.message("zh")


def test_a_day_listed_in_two_sections_is_refused() -> None:
    text = notice_text(2026).replace("9月20日(周日)、10月10日(周六)上班", "5月9日(周六)上班")
    error = refused(text)
    assert "listed twice" in str(error) and "重复" in error.message("zh")


def test_calendar_diff_previews_a_file_for_a_year_with_official_data(tmp_path: Path) -> None:
    target = tmp_path / "2026.toml"
    source = tmp_path / "2026.txt"
    source.write_text(notice_text(2026), encoding="utf-8")
    assert run_main("calendar", "import", str(source), "-o", str(target)).code == 0
    diff = run_main("calendar", "diff", str(target), "--json")
    assert diff.code == 0, diff
    assert diff.json()["baseline"] == "official"
    assert diff.json()["workdays_before"] == diff.json()["workdays_after"]
