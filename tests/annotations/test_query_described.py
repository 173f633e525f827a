"""A query said in words, as the Markdown draft's heading says it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.annotations.query import described


@pytest.mark.parametrize(
    ("query", "heading"),
    [
        ('theme:"public safety"', "Quotes on public safety"),
        (
            'source:"Doug King" theme:policing theme:"public safety"',
            "Quotes from Doug King on policing and public safety",
        ),
        (
            "kind:quote after:2026-01 -theme:sports housing",
            "Quotations matching “housing”, from 2026-01 on, not on sports",
        ),
        ('source:"" coder:alice article:ice', "Quotes in “ice” by alice, with no source"),
        ("-kind:passage", "Quotations"),
        ("kind:paraphrase date:2026-03-02", "Passages, of 2026-03-02"),
        ('note:check -source:""', "Quotes noted “check”, with a source"),
        ("-source:Trump -source:Vance", "Quotes, not from Trump or Vance"),
        ("colour:red", "Quotes matching “colour:red”"),
        ('coder:""', "Quotes, by no known coder"),
        ('source:=""', "Quotes, with no source"),
        ('source:="Doug King" -theme:=policing', "Quotes from Doug King, not on policing"),
        ("kind:quote -kind:quote", "Quotations"),
        ("-kind:quote kind:quote", "Quotations"),
        ("", ""),
        ("  -  ", ""),
    ],
)
def test_a_query_reads_as_words(query: str, heading: str) -> None:
    assert described(query) == heading


@given(st.text())
def test_any_query_is_said_as_a_heading_or_not_at_all(query: str) -> None:
    said = described(query)
    assert said == "" or said.startswith(("Quotes", "Quotations", "Passages"))
