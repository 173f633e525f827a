"""Which codes a `reader agree` filter names (`reading.comparing.codes_named`), and how a
shell's word becomes a query's (`annotations.query.shell_word`)."""

from __future__ import annotations

import pytest

from reader.annotations.query import shell_word
from reader.reading.comparing import codes_named

FOUND = {("theme", "trust"), ("theme", "cost"), ("theme", "housing"), ("source", "lisa tran")}


def test_each_term_names_its_own_codes_and_no_other() -> None:
    # two themes named: housing, carried by a passage one of them found, was shown and
    # counted in the mean kappa (an attack's finding)
    assert codes_named("theme:trust theme:cost", FOUND, FOUND) == {
        ("theme", "trust"),
        ("theme", "cost"),
    }
    assert codes_named("-theme:cost", FOUND, FOUND) == FOUND - {("theme", "cost")}
    assert codes_named('source:"Lisa Tran"', FOUND, FOUND) == {("source", "lisa tran")}


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("source:Lisa Tran", 'source:"Lisa Tran"'),  # bash took the quotes: a name
        ("-source:Mark Lee", '-source:"Mark Lee"'),
        # a whole query given as one word stays words and fields (it was read as one
        # value, and recode moved annotations the query left out: an attack's finding)
        ("theme:trust -theme:cost", "theme:trust -theme:cost"),
        ("-theme:cost kind:quote", "-theme:cost kind:quote"),
        ("theme:trust Lisa", "theme:trust Lisa"),
        ("source:Lisa budget", "source:Lisa budget"),
    ],
)
def test_a_shell_word_is_a_name_only_when_it_reads_as_one(word: str, read: str) -> None:
    assert shell_word(word) == read
