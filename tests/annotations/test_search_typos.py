"""Typos forgiven by the length of the word, names matched as names, and no false friends."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotations.search import SearchIndex
from reader.annotations.vocabulary import is_slip
from reader.core.records import Annotation, ArticleRecord

ROWS = [
    ("Doug King", "The authority of agents is limited to assisting police", ["public safety"]),
    ("Heather McPherson", "Canada must not engage with fascist violence", ["sovereignty"]),
    ("François Legault", "Quebec will hold its ground on immigration", ["immigration"]),
    ("Wade Bassi", "The parts of the boat came from all over the world", ["economy"]),
    ("Jane Roe", "We will assist every family that asks", ["cross-border cooperation"]),
    ("Ana Ruiz", "The beltway talks went nowhere", ["policing/oversight"]),
]


def _index() -> SearchIndex:
    annotations = [
        Annotation(
            id=f"{n:032x}",
            article_id=1 + n % 2,
            start=0,
            end=len(quote),
            quote=quote,
            source=source,
            themes=tuple(themes),
            created=f"2026-0{1 + n}-15T10:00:00+00:00",
            kind="quotation" if n % 2 == 0 else "passage",
        )
        for n, (source, quote, themes) in enumerate(ROWS)
    ]
    records = [
        ArticleRecord(1, "a.txt", "ICE in Canada", "", published="2026-03-01"),
        ArticleRecord(2, "b.txt", "Quebec and its budget", "", published="2026-05-01"),
    ]
    return SearchIndex.of(annotations, records)


def sources(index: SearchIndex, query: str, **options: object) -> list[str | None]:
    return [hit.annotation.source for hit in index.search(query, **options).hits]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "query",
    ["dug king", "doug kng", "dug", "source:dug", "doug", "kng", "mcpherson", "mcphersn"],
)
def test_a_name_with_a_typo_in_a_short_word_is_found_first(query: str) -> None:
    found = sources(_index(), query)
    assert found and found[0] in {"Doug King", "Heather McPherson"}
    assert ("mcpher" in query) == (found[0] == "Heather McPherson")


def test_accents_and_case_fold() -> None:
    assert sources(_index(), "francois legault")[0] == "François Legault"
    assert sources(_index(), "FRANÇOIS")[0] == "François Legault"


def test_a_name_typed_whole_is_matched_whole_even_when_a_word_is_a_word() -> None:
    assert sources(_index(), "jade bassi") == ["Wade Bassi"]  # "jade" is a word


def test_long_words_forgive_two_edits() -> None:
    assert sources(_index(), "sovreignty") == ["Heather McPherson"]
    assert sources(_index(), "immigartoin") == ["François Legault"]  # a swap and a swap


def test_a_word_that_is_there_is_never_a_typo_of_another() -> None:
    index = _index()
    assert sources(index, "fascist") == ["Heather McPherson"]  # not Jane Roe's "assist"
    assert sources(index, "assist") == ["Jane Roe"]


@pytest.mark.parametrize("word", ["pants", "belt", "sing", "pale", "jade"])
def test_a_real_word_that_no_annotation_holds_finds_nothing(word: str) -> None:
    assert _index().search(word).total == 0  # not "parts", "beltway", "King", ...


def test_the_last_word_is_a_beginning_only_while_typing() -> None:
    index = _index()
    assert sources(index, "belt", typing=True) == ["Ana Ruiz"]
    assert sources(index, "belt") == []
    assert sources(index, "immigra") == ["François Legault"]  # not a word: cut short


def test_a_long_word_being_typed_finds_what_it_begins_but_for_one_slip() -> None:
    """ "prime ministr", typed, found the quotes of "ministry" alone (it begins that word),
    and "minister" only once a space was typed, while the shell and the export found both
    (a researcher's finding): a word begun with one slip is found while typing too."""
    rows = [
        ("A Minister", "the prime minister said so", []),
        ("A Ministry", "the ministry of housing said so", []),
        ("A Mint", "the mint made coins", []),
        ("A Controller", "the controller spoke of contracts", []),
        ("An Electrician", "the electronic vote failed", []),
    ]
    annotations = [
        Annotation(id=f"{n:032x}", article_id=1, start=0, end=len(q), quote=q, source=s)
        for n, (s, q, _) in enumerate(rows)
    ]
    index = SearchIndex.of(annotations, [ArticleRecord(1, "a.txt", "Title", "")])
    assert sorted(sources(index, "ministr", typing=True)) == ["A Minister", "A Ministry"]
    assert sorted(sources(index, "ministr")) == ["A Minister", "A Ministry"]  # (as the shell)
    assert "A Mint" not in sources(index, "ministe", typing=True)
    assert sources(index, "minsite", typing=True) == ["A Minister"]  # (two letters swapped)
    # a letter changed is no slip of a word begun: "contra" is not "contro(ller)"
    assert sources(index, "contra", typing=True) == ["A Controller"]  # (contracts, begun)
    assert sources(index, "electio", typing=True) == []


def test_filters_alone_give_the_newest_whatever_the_limit() -> None:
    """A query of filters ranks nothing: its results were any few of the matching ones, not
    the newest, and changed with --limit; "what did I tag today" missed the latest (a power
    user's finding)."""
    index = _index()
    assert sources(index, "-source:nobody", limit=2) == ["Ana Ruiz", "Jane Roe"]
    assert sources(index, "after:2026-01", limit=1) == ["Ana Ruiz"]
    assert sources(index, "kind:quote", limit=2) == sources(index, "kind:quote")[:2]


def test_kind_dates_and_exclusions() -> None:
    index = _index()
    assert len(sources(index, "kind:quote")) == 3
    assert set(sources(index, "kind:passage -source:bassi")) == {"Heather McPherson", "Ana Ruiz"}
    assert sources(index, "after:2026-06-01") == ["Ana Ruiz"]
    # `after:` a day takes that day in ("what I tagged since this morning" found nothing)
    assert sources(index, "after:2026-06-15") == sources(index, "after:2026-06") == ["Ana Ruiz"]
    assert sources(index, "before:2026-06-15 after:2026-06-15") == []
    assert set(sources(index, "date:2026-02")) == {"Heather McPherson"}
    assert "Doug King" not in sources(index, "-theme:public")
    assert len(sources(index, "-theme:public")) == 5
    # a phrase left out is left out where all its words are (a newcomer's finding:
    # `-theme:transit/fares` left out every transit theme, `-theme:"public safety"` any
    # theme of either word)
    assert len(sources(index, '-theme:"public order"')) == 6
    assert len(sources(index, "-theme:policing/budget")) == 6
    assert "Ana Ruiz" not in sources(index, "-theme:policing/oversight")
    assert len(sources(index, '-"the beltway" -"every family"')) == 4
    assert len(sources(index, '-"the world"')) == 5


def test_results_sort_by_date_tagged_or_by_article_date() -> None:
    index = _index()
    newest = sources(index, "", sort="newest")
    assert newest[0] == "Ana Ruiz" and newest[-1] == "Doug King"
    published = sources(index, "", sort="published")
    assert set(published[:3]) == {"Heather McPherson", "Wade Bassi", "Ana Ruiz"}  # May's article


def test_a_slip_of_the_fingers() -> None:
    assert is_slip("dug", "doug") and is_slip("angle", "angel") and is_slip("nest", "best")
    assert not is_slip("pale", "pate") and not is_slip("epic", "eric")


def test_only_words_written_as_names_are_names() -> None:
    """A description in a source ("a law professor") holds words, not names: a real word
    one slip from them ("lawn") finds nothing; a source written in lower case is all name."""
    rows = [("Patrick Lee, a law professor", "Courts move slowly"), ("doug king", "Agents")]
    annotations = [
        Annotation(id=f"{n:032x}", article_id=1, start=0, end=5, quote=q, source=s)
        for n, (s, q) in enumerate(rows)
    ]
    index = SearchIndex.of(annotations, [ArticleRecord(1, "a.txt", "A title", "")])
    assert sources(index, "lawn") == []
    assert sources(index, "law") == ["Patrick Lee, a law professor"]
    assert sources(index, "lees") == ["Patrick Lee, a law professor"]  # Lee is a name
    assert sources(index, "dug") == ["doug king"]


@given(
    st.sets(st.text(alphabet="abcéz’-", min_size=1, max_size=6), max_size=40),
    st.lists(st.text(alphabet="abcéz’-\n", max_size=7), max_size=20),
)
def test_the_compact_word_list_holds_exactly_its_words(held: set[str], asked: list[str]) -> None:
    from reader.annotations.vocabulary import WordList

    words = WordList("".join(f"{w}\n" for w in sorted(held)))
    assert len(words) == len(held)
    for word in [*held, *asked]:
        assert (word in words) == (word in held)


def test_the_bundled_english_words_are_sorted_lower_case_words_once_each() -> None:
    import gzip

    from reader.annotations.vocabulary import _WORD_LIST, english_words

    lines = gzip.decompress(_WORD_LIST.read_bytes()).decode().splitlines()
    comments = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    listed = lines[comments:]  # comments above, then one word a line (as it is read)
    assert listed == sorted(set(listed))  # the bisection of `WordList` relies on it
    assert all(w.isascii() and w.isalpha() and w.islower() for w in listed)
    words = english_words()
    assert len(words) == len(listed) > 100_000
    assert "parts" in words and "pants" in words and "immigra" not in words
