"""Every quote of a national text is the official text's words, in the paragraph its rule cites.

The texts are ``../shared/statutes/`` (see its README; read as :mod:`statute_texts` says). A
verified quote must be a contiguous substring of the cited paragraph(s) (款) — or item (项) —
of the cited article, character for character, full-width punctuation included; an article
with several paragraphs must be cited by paragraph. A quote that cannot be checked against an
official text (61号: only press reports of its time limits exist) carries ``verified = false``
with the reason, and is still checked against the stored second-hand text. The statute words
the explanations quote beyond the rules (``data/statutes/*.toml``: every article and the
receipt item of each channel) are checked the same way, and no Python source of the package
holds them.
"""

from __future__ import annotations

import pytest

from gov_deadlines import default_catalogue
from gov_deadlines.bundled import data_path, list_data
from gov_deadlines.catalogue import Rule
from gov_deadlines.catalogue.statutes import STATUTE_FOLDER, statute
from statute_texts import (
    SHARED,
    TEXT_FILES,
    articles,
    body_text,
    first_difference,
    full_width,
    parse_clause,
)

needs_texts = pytest.mark.skipif(
    not (SHARED / "statutes").is_dir(),
    reason=f"../shared/statutes not found (looked in {SHARED}); it sits beside the repository",
)

NATIONAL: list[Rule] = [
    item for sid in TEXT_FILES for item in default_catalogue().rules(sources=sid)
]
VERIFIED = [item for item in NATIONAL if item.verified]
UNVERIFIED = [item for item in NATIONAL if not item.verified]


def cited_text(source: str, clause: str) -> str:
    """The words of the cited article / paragraphs / item; fails naming what is wrong."""
    parsed = parse_clause(clause)
    assert parsed is not None, f"clause {clause!r} is not 第N条[第M款[、第K款]][第(一)项]"
    text = articles(TEXT_FILES[source])
    assert parsed.article in text, f"{source} has no article {parsed.article} ({clause})"
    paragraphs = text[parsed.article]
    if not parsed.paragraphs:
        chosen = paragraphs
    else:
        for number in parsed.paragraphs:
            assert 1 <= number <= len(paragraphs), (
                f"{clause}: article {parsed.article} has {len(paragraphs)} paragraph(s)"
            )
        chosen = [paragraphs[n - 1] for n in parsed.paragraphs]
    if parsed.item is not None:
        assert len(chosen) == 1, f"{clause}: an item is cited inside one paragraph"
        items = chosen[0].items
        assert 1 <= parsed.item <= len(items), f"{clause}: the paragraph has {len(items)} items"
        return items[parsed.item - 1]
    return "".join(p.text for p in chosen)


def check_quote(label: str, source: str, clause: str, quote: str) -> None:
    text = cited_text(source, clause)
    if quote not in text:
        index, char = first_difference(quote, text)
        whole = body_text(TEXT_FILES[source])
        where = "elsewhere in the text" if quote in whole else "nowhere in the text"
        raise AssertionError(
            f"{label}: quote not in {source} {clause} (it is {where}); first differing "
            f"character at index {index}: {char!r} (U+{ord(char):04X})\n"
            f"  quote:  {quote}\n  agrees: {quote[:index]}\n  cited:  {text[:300]}"
            if char
            else f"{label}: quote not in {source} {clause}"
        )
    parsed = parse_clause(clause)
    assert parsed is not None
    paragraphs = articles(TEXT_FILES[source])[parsed.article]
    if not parsed.paragraphs and parsed.item is None and len(paragraphs) > 1:
        # An article of several paragraphs is cited whole only by a quote spanning them all.
        assert quote == text, (
            f"{label}: {clause} has {len(paragraphs)} paragraphs: cite the paragraph (款)"
        )
    if len(parsed.paragraphs) > 1:
        first, last = (
            paragraphs[n - 1].text for n in (parsed.paragraphs[0], parsed.paragraphs[-1])
        )
        assert text.find(quote) < len(first) and text.find(quote) + len(quote) > len(text) - len(
            last
        ), f"{label}: the quote does not reach every paragraph {clause} cites"


@needs_texts
@pytest.mark.parametrize("item", VERIFIED, ids=[item.id for item in VERIFIED])
def test_the_quote_is_the_official_text_of_the_paragraph_it_cites(item: Rule) -> None:
    check_quote(item.id, item.source.id, item.clause, item.quote)


@needs_texts
@pytest.mark.parametrize("item", UNVERIFIED, ids=[item.id for item in UNVERIFIED])
def test_an_unverified_quote_is_the_second_hand_text_it_was_taken_from(item: Rule) -> None:
    text = full_width(body_text(TEXT_FILES[item.source.id]))
    if item.quote not in text:
        index, char = first_difference(item.quote, text)
        raise AssertionError(
            f"{item.id}: quote not in {TEXT_FILES[item.source.id]}; first differing character "
            f"at index {index}: {char!r}\n  quote:  {item.quote}\n  agrees: {item.quote[:index]}"
        )


def test_only_the_61_notice_has_unverified_quotes_and_each_says_why() -> None:
    assert {item.source.id for item in UNVERIFIED} == {"gbf-2016-61"}
    assert len(UNVERIFIED) == len(default_catalogue().rules(sources="gbf-2016-61"))
    for item in UNVERIFIED:
        assert item.unverified_zh and item.unverified_en
        assert "未核对官方全文" in item.unverified_mark("zh")
        assert "未核对官方全文" in "\n".join(item.citation_lines("zh"))


def test_the_verified_national_rules_are_all_those_of_the_two_regulations() -> None:
    assert sorted(item.id for item in VERIFIED) == sorted(
        item.id
        for sid in ("ogi-2019", "ogi-2008")
        for item in default_catalogue().rules(sources=sid)
    )
    assert len(VERIFIED) == 8


STATUTES = [name.removesuffix(".toml") for name in list_data(STATUTE_FOLDER)]
DATA_QUOTES = [
    (f"{sid} {clause}", sid, clause, text)
    for sid in STATUTES
    for clause, text in statute(sid).articles.items()
] + [
    (f"{sid} passage {key}", sid, item.clause, item.text)
    for sid in STATUTES
    for key, item in statute(sid).passages.items()
] + [
    (f"{sid} receipt {channel}", sid, item.clause, item.quote)
    for sid in STATUTES
    for channel, item in statute(sid).receipts.items()
]


@needs_texts
@pytest.mark.parametrize(
    ("label", "source", "clause", "quote"), DATA_QUOTES, ids=[q[0] for q in DATA_QUOTES]
)
def test_statute_words_in_the_statute_data_are_the_official_text(
    label: str, source: str, clause: str, quote: str
) -> None:
    check_quote(label, source, clause, quote)


def test_the_statute_data_holds_art_31_and_34_and_every_channel() -> None:
    from gov_deadlines.cases import Channel

    texts = statute("ogi-2019")
    assert {"第三十一条", "第三十四条"} <= set(texts.articles)
    # Every channel art. 31 names; e-mail's receipt is 国办公开办函〔2015〕207号's (policy
    # email-received-by-the-mail-system), an unknown channel has none (issue 15).
    named = {channel.value for channel in Channel} - {Channel.EMAIL.value, Channel.UNKNOWN.value}
    assert set(texts.receipts) == named
    assert STATUTES == ["ogi-2019"] and data_path(STATUTE_FOLDER)


def test_no_python_source_of_the_package_holds_the_articles_the_data_holds() -> None:
    from pathlib import Path

    import gov_deadlines

    package = Path(gov_deadlines.__file__).parent
    texts = [t[:20] for sid in STATUTES for t in statute(sid).articles.values()]
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for text in texts:
            assert text not in source, f"{path.name} holds statute text {text!r}"


# -- the checker itself can fail --------------------------------------------------------------


@needs_texts
def test_one_changed_character_fails_naming_the_rule_and_the_character() -> None:
    item = default_catalogue().rule("ogi-2019.reply")
    changed = item.quote.replace("，", ",", 1)
    with pytest.raises(AssertionError, match=r"ogi-2019\.reply: quote not in .* index 11: ','"):
        check_quote(item.id, item.source.id, item.clause, changed)


@needs_texts
def test_a_wrong_paragraph_number_fails() -> None:
    item = default_catalogue().rule("ogi-2019.reply")
    with pytest.raises(
        AssertionError, match=r"ogi-2019\.reply: quote not in ogi-2019 第三十三条第一款"
    ):
        check_quote(item.id, item.source.id, "第三十三条第一款、第二款", item.quote)
    with pytest.raises(AssertionError, match="cite the paragraph"):
        check_quote(item.id, item.source.id, "第三十三条", item.quote[:20])


@needs_texts
def test_the_texts_are_read_into_the_paragraphs_the_readme_states() -> None:
    ogi = articles(TEXT_FILES["ogi-2019"])
    assert len(ogi[33]) == 3 and ogi[33][1].text.startswith("行政机关不能当场答复的")
    assert len(ogi[31]) == 1 and len(ogi[31][0].items) == 3
    assert len(articles(TEXT_FILES["ogi-2008"])[24]) == 3
    assert max(ogi) == 56


@needs_texts
def test_the_supreme_court_text_in_counting_md_is_cited_as_what_is_known_and_quoted_verbatim() -> (
    None
):
    from statute_texts import ROOT_DOCS

    page = (ROOT_DOCS / "counting.md").read_text(encoding="utf-8")
    quotes = [
        line[2:] for line in page.splitlines() if "节假日不予扣除" in line and line[:2] == "> "
    ]
    assert len(quotes) == 1, "counting.md quotes the 2014-12-12 text once, as a block quote"
    assert quotes[0] in body_text("spc-2014-12-12.txt")
    assert "2014-12-12" in page and "司法文件" in page
    assert "title and document number are not" in page
