"""An article's text wrapped into screen lines, and the mapping between offsets and cells.

The layout is what the article view draws and what line-wise cursor motions move over:
each paragraph is word-wrapped to the width (single newlines inside a paragraph reflow like
spaces), paragraphs are separated by one blank line, and a line knows the text offsets it
shows. Widths are terminal cells: CJK and emoji take two, combining marks none. Only the
lines on screen are ever turned into strings; wrapping a 1 MB article takes a fraction of a
second.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from reader.core.text import Span
from reader.reading.graphemes import graphemes

BLANK, BODY, HEADLINE, SUBHEADING = 0, 1, 2, 3
_TOKEN = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True, slots=True)
class Cell:
    """One grapheme on a line: its text offsets and its starting column."""

    start: int
    end: int
    column: int
    width: int


class Layout:
    """Screen lines of one text at one width; lines are indexed from 0."""

    def __init__(
        self,
        text: str,
        paragraphs: list[Span],
        width: int,
        headline: int | None = None,
        subheadings: frozenset[int] = frozenset(),
    ) -> None:
        self.text = text
        self.width = max(8, width)
        self.starts = array("q")
        self.ends = array("q")
        self.kinds = bytearray()
        self.paragraph_of_line = array("q")
        for index, para in enumerate(paragraphs):
            if index:
                self._add(para.start, para.start, BLANK, index)
            kind = HEADLINE if index == headline else BODY
            if index in subheadings:
                kind = SUBHEADING
            line_starts = _wrap(text, para.start, para.end, self.width)
            for number, start in enumerate(line_starts):
                end = line_starts[number + 1] if number + 1 < len(line_starts) else para.end
                self._add(start, end, kind, index)

    def _add(self, start: int, end: int, kind: int, paragraph: int) -> None:
        self.starts.append(start)
        self.ends.append(end)
        self.kinds.append(kind)
        self.paragraph_of_line.append(paragraph)

    def __len__(self) -> int:
        return len(self.starts)

    def is_blank(self, line: int) -> bool:
        return self.kinds[line] == BLANK

    def line_of(self, offset: int) -> int:
        """The line showing `offset` (offsets between paragraphs belong to the line before)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def display(self, line: int) -> str:
        """The text of a line as shown: newlines inside a paragraph shown as spaces."""
        return self.text[self.starts[line] : self.ends[line]].replace("\n", " ")

    def cells(self, line: int) -> list[Cell]:
        """The graphemes of a line with their columns."""
        start = self.starts[line]
        shown = self.display(line)
        if shown.isascii():
            return [Cell(start + i, start + i + 1, i, 1) for i in range(len(shown))]
        spans = graphemes(shown)
        cells = []
        column = 0
        for first, last, width in spans:
            cells.append(Cell(start + first, start + last, column, width))
            column += width
        return cells

    def column_of(self, offset: int) -> int:
        """The column at which `offset` is drawn on its line."""
        line = self.line_of(offset)
        start = self.starts[line]
        before = self.text[start:offset].replace("\n", " ")
        return len(before) if before.isascii() else cell_len(before)

    def offset_at(self, line: int, column: int) -> int:
        """The offset of the grapheme at `column` of `line` (its last one if the line is short)."""
        if self.kinds[line] == BLANK:
            return self.starts[line]
        cells = self.cells(line)
        if not cells:
            return self.starts[line]
        for cell in cells:
            if cell.column + max(cell.width, 1) > column:
                return cell.start
        last = cells[-1]
        # A trailing blank belongs to the line only as a break; stop on the last visible grapheme.
        for cell in reversed(cells):
            if not self.text[cell.start].isspace():
                return cell.start
        return last.start


def _wrap(text: str, start: int, end: int, width: int) -> list[int]:
    """Start offsets of the lines of `text[start:end]` wrapped greedily to `width` cells."""
    segment = text[start:end]
    ascii_only = segment.isascii()
    measure = len if ascii_only else cell_len
    if measure(segment) <= width and "\n" not in segment:
        return [start]
    starts = [start]
    column = 0
    for match in _TOKEN.finditer(segment):
        token = match.group()
        word = token.rstrip()
        word_width = measure(word)
        if column and column + word_width > width:
            starts.append(start + match.start())
            column = 0
        if word_width > width:
            column = _split_long(starts, start + match.start(), word, width, ascii_only)
            column += len(token) - len(word)
            continue
        column += measure(token)
    return starts


def _split_long(starts: list[int], offset: int, word: str, width: int, ascii_only: bool) -> int:
    """Break a word wider than the line into chunks; returns the column after the last one."""
    if ascii_only:
        for position in range(width, len(word), width):
            starts.append(offset + position)
        return len(word) % width or width
    spans = graphemes(word)
    column = 0
    for first, _, cell_width in spans:
        if column + cell_width > width and column:
            starts.append(offset + first)
            column = 0
        column += cell_width
    return column
