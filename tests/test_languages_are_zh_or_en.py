"""A language is "zh" or "en"; anything else is an error, never silently the other one."""

from __future__ import annotations

from datetime import date

import pytest

import gov_deadlines as gd
from gov_deadlines.errors import GovDeadlinesError, UnknownLanguageError
from gov_deadlines.vocabulary import PROVISIONAL_MARK, Status, is_zh, provisional_mark


def test_zh_and_en_are_the_two_languages() -> None:
    assert (is_zh("zh"), is_zh("en")) == (True, False)


@pytest.mark.parametrize("lang", ["zh-CN", "zh_CN", "ZH", "fr", "", "english"])
def test_an_unknown_language_is_refused_naming_it_in_both_languages(lang: str) -> None:
    with pytest.raises(UnknownLanguageError) as caught:
        is_zh(lang)
    error = caught.value
    assert isinstance(error, GovDeadlinesError) and isinstance(error, ValueError)
    assert error.lang == lang
    assert repr(lang) in str(error) and '"zh"' in str(error)
    assert "未知的语言" in error.message("zh")


def test_a_result_asked_for_in_an_unknown_language_raises_instead_of_answering_in_english() -> (
    None
):
    result = gd.due("ogi.reply", date(2026, 3, 9))
    with pytest.raises(UnknownLanguageError):
        result.explain("fr")
    with pytest.raises(UnknownLanguageError):
        Status.LATE.label("zh-CN")


def test_the_provisional_mark_is_one_text_per_language() -> None:
    assert provisional_mark("zh") == PROVISIONAL_MARK["zh"] == "[临时推算]"
    assert provisional_mark("en") == PROVISIONAL_MARK["en"] == "[provisional]"


def test_the_package_exports_the_shared_vocabulary() -> None:
    assert gd.Status is Status
    assert gd.UnknownLanguageError is UnknownLanguageError
