"""The word lists of quote finding live in data files, one entry a line, loaded once."""

from __future__ import annotations

from collections import Counter
from importlib.resources import files

from reader.quotes import lexicon

DATA = files("reader.quotes").joinpath("data")


def _lists() -> list[str]:
    return sorted(p.name.removesuffix(".txt") for p in DATA.iterdir() if p.name.endswith(".txt"))


def test_every_list_says_what_it_holds_and_is_not_empty() -> None:
    for name in _lists():
        text = DATA.joinpath(f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith("#"), f"{name}.txt: start with a comment saying what it holds"
        assert lexicon.entries(name), f"{name}.txt is empty"


def test_no_list_repeats_an_entry() -> None:
    for name in _lists():
        counts = Counter(e.casefold() for e in lexicon.entries(name))
        repeated = {e for e, count in counts.items() if count > 1}
        assert not repeated, f"{name}.txt repeats {sorted(repeated)[:5]}"


def test_comments_and_blank_lines_are_not_entries() -> None:
    assert all(not e.startswith("#") and e.strip() == e for e in lexicon.entries("titles"))
    assert "said" in lexicon.words("speech_verbs")


def test_lists_are_read_once() -> None:
    assert lexicon.words("titles") is lexicon.words("titles")


def test_given_names_carry_their_gender() -> None:
    table = lexicon.table("given_names")
    assert table["sarah"] == "f"
    assert set(table.values()) <= {"f", "m", "u"}
