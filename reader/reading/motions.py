"""Cursor motions and selections over an article, as pure functions of offsets.

The cursor is an offset of the normalised text that always rests on a grapheme inside a
paragraph (never in the blank between paragraphs, never inside a combining sequence). Each
motion takes the text's structure (and, for line-wise ones, its `Layout`) and returns the
new offset. Sentence and paragraph motions follow vim: `)` goes to the next sentence's
start, `(` to the current sentence's start or, from there, the previous one's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from reader.core.text import Span, TextStructure
from reader.reading.graphemes import graphemes, pair_start
from reader.reading.layout import Layout

_WORD_START = re.compile(r"\w+")
_REACH = 48  # code points looked at around an offset to find its grapheme


def grapheme_end(text: str, offset: int) -> int:
    """The end of the grapheme starting at `offset` (as the screen draws it: combining marks,
    emoji with joiners, skin tones, keycaps and flags stay whole)."""
    spans = graphemes(text[offset : offset + _REACH])
    return offset + spans[0][1] if spans else min(offset + 1, len(text))


def grapheme_start(text: str, offset: int) -> int:
    """The start of the grapheme holding `offset`."""
    low = pair_start(text, max(0, offset - _REACH))  # (never inside a flag's pair)
    spans = graphemes(text[low : offset + 1])
    for first, last, _width in spans:
        if low + first <= offset < low + last:
            return low + first
    return offset


def clamp(structure: TextStructure, offset: int) -> int:
    """The nearest resting place for the cursor at or after `offset`."""
    paras = structure.paragraphs
    if not paras:
        return 0
    index = bisect_right([p.start for p in paras], offset) - 1
    if index < 0:
        return paras[0].start
    para = paras[index]
    if offset < para.end:
        return grapheme_start(structure.text, offset)
    if index + 1 < len(paras):
        return paras[index + 1].start
    return grapheme_start(structure.text, para.end - 1)


def char_right(structure: TextStructure, offset: int) -> int:
    nxt = grapheme_end(structure.text, offset)
    return clamp(structure, nxt) if nxt < _last_end(structure) else offset


def char_left(structure: TextStructure, offset: int) -> int:
    paras = structure.paragraphs
    index = _index_containing(paras, offset)
    if index is not None and offset == paras[index].start:
        return grapheme_start(structure.text, paras[index - 1].end - 1) if index else offset
    return grapheme_start(structure.text, max(0, offset - 1))


def word_right(structure: TextStructure, offset: int) -> int:
    text = structure.text
    match = _WORD_START.search(text, offset)
    if match and match.start() <= offset:
        match = _WORD_START.search(text, match.end())
    return clamp(structure, match.start()) if match else offset


def word_end(structure: TextStructure, offset: int) -> int:
    """The last character of the word the cursor is in, or of the next one when it is on a
    word's last character already (vim's `e`)."""
    for match in _WORD_START.finditer(structure.text, offset):
        if match.end() - 1 > offset:
            return clamp(structure, match.end() - 1)
    return offset


def word_left(structure: TextStructure, offset: int) -> int:
    starts = [m.start() for m in _WORD_START.finditer(structure.text, max(0, offset - 400), offset)]
    return starts[-1] if starts else offset


def _next_start(spans: Sequence[Span], offset: int) -> int | None:
    starts = [s.start for s in spans]
    index = bisect_right(starts, offset)
    return starts[index] if index < len(starts) else None


def _previous_start(spans: Sequence[Span], offset: int) -> int | None:
    starts = [s.start for s in spans]
    index = bisect_left(starts, offset) - 1
    return starts[index] if index >= 0 else None


def sentence_next(structure: TextStructure, offset: int) -> int:
    found = _next_start(structure.sentences, offset)
    return offset if found is None else found


def sentence_previous(structure: TextStructure, offset: int) -> int:
    found = _previous_start(structure.sentences, offset)
    return offset if found is None else found


def paragraph_next(structure: TextStructure, offset: int) -> int:
    found = _next_start(structure.paragraphs, offset)
    return offset if found is None else found


def paragraph_previous(structure: TextStructure, offset: int) -> int:
    found = _previous_start(structure.paragraphs, offset)
    return offset if found is None else found


def next_of(starts: Sequence[int], offset: int) -> int | None:
    """The first of sorted `starts` after `offset`."""
    index = bisect_right(starts, offset)
    return starts[index] if index < len(starts) else None


def previous_of(starts: Sequence[int], offset: int) -> int | None:
    """The last of sorted `starts` before `offset`."""
    index = bisect_left(starts, offset) - 1
    return starts[index] if index >= 0 else None


def top(structure: TextStructure) -> int:
    return structure.paragraphs[0].start if structure.paragraphs else 0


def bottom(structure: TextStructure) -> int:
    paras = structure.paragraphs
    return grapheme_start(structure.text, paras[-1].end - 1) if paras else 0


def line_move(layout: Layout, offset: int, column: int, lines: int) -> int:
    """The offset `lines` screen lines down (or up, if negative), at `column` if possible."""
    if not len(layout):
        return offset
    line = layout.line_of(offset)
    target = min(max(line + lines, 0), len(layout) - 1)
    step = 1 if lines > 0 else -1
    while layout.is_blank(target) and 0 < target < len(layout) - 1:
        target += step
    if layout.is_blank(target):
        target -= step
    return layout.offset_at(target, column)


def span_containing(spans: Sequence[Span], offset: int) -> Span | None:
    """The span holding `offset`, else the next one in the same gap, else None."""
    index = _index_containing(spans, offset)
    return spans[index] if index is not None else None


def _index_containing(spans: Sequence[Span], offset: int) -> int | None:
    starts = [s.start for s in spans]
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < spans[index].end:
        return index
    return None


def _last_end(structure: TextStructure) -> int:
    return structure.paragraphs[-1].end if structure.paragraphs else 0


def trimmed(text: str, start: int, end: int) -> Span:
    """`[start, end)` without white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def selected(structure: TextStructure, anchor: int, cursor: int) -> Span:
    """The span a visual selection from `anchor` to `cursor` holds, trimmed of white space.

    Both ends count, as in vim, except a cursor that a motion left on the first character of
    the next sentence or paragraph (`v )`, `v }`): the selection ends before it, so a quote
    never carries the next sentence's first letter."""
    text = structure.text
    low, high = sorted((anchor, cursor))
    end = grapheme_end(text, high)
    if high > low and _starts_one(structure, high):
        end = high
    return trimmed(text, low, end)


def _starts_one(structure: TextStructure, offset: int) -> bool:
    for spans in (structure.sentences, structure.paragraphs):
        index = bisect_left(spans, offset, key=_start)  # (no list of starts: on each key)
        if index < len(spans) and spans[index].start == offset:
            return True
    return False


def _start(span: Span) -> int:
    return span.start
