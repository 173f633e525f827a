"""An article opened for reading: its record, text, structure and headline.

Opening reads the file once; paragraphs, sentences and quotations are computed on first use
(`TextStructure`), so the article can be shown before its sentences are known.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.articles import ArticleContent
from reader.library import Library
from reader.store import ArticleRecord
from reader.text import TextStructure, clean_line


@dataclass
class Document:
    """One open article."""

    record: ArticleRecord
    content: ArticleContent
    structure: TextStructure

    @property
    def text(self) -> str:
        return self.content.text

    @property
    def headline(self) -> int | None:
        """Index of the paragraph that is the headline, if the text starts with its title."""
        paras = self.structure.paragraphs
        if paras and clean_line(self.text[paras[0].start : paras[0].end]) == self.content.title:
            return 0
        return None


def open_document(library: Library, record: ArticleRecord) -> Document:
    """Read an article for reading; raises `ArticleError` with a one-line message."""
    content = library.load(record)
    structure = TextStructure(content.text)
    _ = structure.paragraphs  # the layout needs them at once; the rest comes on demand
    return Document(record, content, structure)
