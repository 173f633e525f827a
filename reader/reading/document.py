"""An article opened for reading: its record, text, structure, headline and layouts.

Opening reads the file once; paragraphs, sentences and quotations are computed on first use
(`TextStructure`), and a `Layout` per width on request, so a caller on a worker thread can
prepare all of it before the UI shows the article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.records import ArticleRecord
from reader.core.text import TextStructure, clean_line
from reader.library.article_files import ArticleContent
from reader.library.folder import Library
from reader.reading.layout import Layout

BIG_TEXT = 200_000  # characters: above this, layouts and structure are built off the UI thread


@dataclass
class Document:
    """One open article."""

    record: ArticleRecord
    content: ArticleContent
    structure: TextStructure
    _layouts: dict[int, Layout] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.content.text

    @property
    def big(self) -> bool:
        return len(self.content.text) > BIG_TEXT

    @property
    def headline(self) -> int | None:
        """Index of the paragraph that is the headline, if the text starts with its title."""
        paras = self.structure.paragraphs
        if paras and clean_line(self.text[paras[0].start : paras[0].end]) == self.content.title:
            return 0
        return None

    @property
    def subheadings(self) -> frozenset[int]:
        """Indexes of the paragraphs that are subheadings of the story."""
        headings = self.content.headings
        if not headings:
            return frozenset()
        text = self.text
        return frozenset(
            index
            for index, para in enumerate(self.structure.paragraphs)
            if clean_line(text[para.start : para.end]) in headings
        )

    def layout(self, width: int) -> Layout:
        """The text wrapped to `width` cells (kept for the last two widths asked)."""
        layout = self._layouts.get(width)
        if layout is None:
            layout = Layout(
                self.text, self.structure.paragraphs, width, self.headline, self.subheadings
            )
            if len(self._layouts) >= 2:
                self._layouts.pop(next(iter(self._layouts)))
            self._layouts[width] = layout
        return layout

    def cached_layout(self, width: int) -> Layout | None:
        return self._layouts.get(width)

    def prepare(self) -> None:
        """Compute sentences and quotations now (call from a worker for big texts)."""
        _ = self.structure.sentences
        _ = self.structure.quotations


def open_document(library: Library, record: ArticleRecord, width: int | None = None) -> Document:
    """Read an article (and lay it out for `width`); raises `ArticleError` for the user."""
    content = library.load(record)
    document = Document(record, content, TextStructure(content.text))
    if width:
        document.layout(width)
    return document
