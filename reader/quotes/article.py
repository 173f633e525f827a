"""Quote finding for a whole article as Reader holds it: its headline and the codebook."""

from __future__ import annotations

from collections.abc import Iterable

from reader.core.collector import collector_paused
from reader.core.text import TextStructure, clean_line
from reader.quotes.attribution import find_quotes
from reader.quotes.finding import MAX_CHARACTERS, QuoteFinding


def headline_index(structure: TextStructure, title: str) -> int | None:
    """0 when the article's first paragraph is its title (a headline), else None."""
    paras = structure.paragraphs
    if paras and title and clean_line(structure.text[paras[0].start : paras[0].end]) == title:
        return 0
    return None


def article_quotes(
    structure: TextStructure, title: str, known_sources: Iterable[str] = ()
) -> list[QuoteFinding]:
    """Every quotation of an article, with its suggested speaker in the codebook's spelling.

    Nothing for a text over `MAX_CHARACTERS`.
    """
    if len(structure.text) > MAX_CHARACTERS:
        return []
    with collector_paused():
        return find_quotes(structure, known_sources, headline_index(structure, title))
