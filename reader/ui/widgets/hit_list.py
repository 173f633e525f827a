"""The search results: a list that draws only the rows on screen (Textual's Line API).

Each result takes `ROW` lines: who and where (source, themes, article), the passage on one
line (in quote marks only when it is a quotation), the note's first line, and a rule. A
keystroke replaces the results; only the dozen rows on screen are turned into text, so the
cost of a new result list does not grow with the number of results. Matched words are
highlighted. The list asks for more results when the highlight nears the end of those it
has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.annotations.search import Hit, highlight_spans
from reader.core.coders import shown_coder
from reader.core.records import Annotation
from reader.core.text import clean_line, printable

ROW = 4  # lines per result
ELLIPSIS = "…"
# The looks of a result's parts, over the list's own style (or the highlight's).
LOOKS: dict[str, Style] = {
    "": Style(),
    "bold": Style(bold=True),
    "italic": Style(italic=True),
    "dim": Style(dim=True),
    "dim italic": Style(dim=True, italic=True),
}
MATCH = Style(bold=True, reverse=True)

Span = tuple[str, str, bool]  # text, look, a matched word
Line = list[Span]


def marked(text: str, words: frozenset[str], look: str = "") -> Line:
    """`text` (literal, printable) cut into spans, matched words marked."""
    text = printable(text)
    spans: Line = []
    at = 0
    for start, end in highlight_spans(text, words):
        if start > at:
            spans.append((text[at:start], look, False))
        spans.append((text[start:end], look, True))
        at = end
    if at < len(text) or not spans:
        spans.append((text[at:], look, False))
    return spans


def hit_lines(hit: Hit, words: frozenset[str], coders: bool = False) -> list[Line]:
    """The first three lines of one result (the fourth is a rule); `coders`: the results
    are several coders', and each says whose it is (two coders' copies of one quote read
    as the same row twice)."""
    annotation = hit.annotation
    head = (
        marked(annotation.source, words, "bold")
        if annotation.source
        else [("no source", "dim italic", False)]
    )
    if annotation.themes:
        head += [("  ·  ", "dim", False), *marked(", ".join(annotation.themes), words, "italic")]
    if coders:
        head += [("  ·  by ", "dim", False), (shown_coder(annotation.coder), "dim", False)]
    head += [("  ·  ", "dim", False), *marked(hit.title, words, "dim")]
    quote = clean_line(annotation.quote)
    passage = (
        marked(f"“{quote}”", words)
        if annotation.is_quotation
        else [("passage  ", "dim", False), *marked(quote, words)]
    )
    note = annotation.note.strip().splitlines()[0] if annotation.note.strip() else ""
    last = marked(f"✎ {note}", words, "dim") if note else []
    return [head, passage, last]


def draw(line: Line, width: int, base: Style) -> Strip:
    """`line` as a strip `width` cells wide over `base`, cut with an ellipsis if longer."""
    segments = [Segment(" ", base)]
    used = 1
    room = width - 1
    for text, look, matched in line:
        style = base + LOOKS[look] + MATCH if matched else base + LOOKS[look]
        cells = cell_len(text)
        if used + cells > room:
            fits = set_cell_size(text, max(0, room - used))
            segments.append(Segment(fits.rstrip() + ELLIPSIS, style))
            break
        segments.append(Segment(text, style))
        used += cells
    return Strip(segments).crop_extend(0, width, base)


class HitList(ScrollView, can_focus=True):
    """Ranked results, one `ROW`-line entry each; only visible lines are drawn."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"hit-list--highlight", "hit-list--rule"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Next result", show=False),
        Binding("up,k", "move(-1)", "Previous result", show=False),
    ]

    @dataclass
    class Highlighted(Message):
        """The highlight moved to result `index`."""

        index: int

    @dataclass
    class Chosen(Message):
        """Enter (or a click) on result `index`."""

        index: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: list[Hit] = []
        self.words: frozenset[str] = frozenset()
        self.highlighted: int | None = None
        self.coders = False  # the results are several coders': each says whose
        # Lines drawn, by what they show: a keystroke that keeps a result and the words
        # matched (typing on through "mcpher", "mcphers") draws it again from here.
        # Keyed by the annotation object itself (a new version is a new object).
        self._cache: dict[tuple[Annotation, str, int, bool, frozenset[str], bool], Strip] = {}
        self._lines: dict[int, list[Line]] = {}  # a hit's three lines, while shown
        self._styles: tuple[Style, Style, Style, Style] | None = None

    def show(self, hits: list[Hit], words: frozenset[str], keep: bool = False) -> None:
        """Show `hits` (highlight the first, or keep the highlight when `keep`)."""
        self.hits, self.words = hits, words
        self.coders = len({hit.annotation.coder for hit in hits}) > 1
        self._lines.clear()
        if not keep or self.highlighted is None or self.highlighted >= len(hits):
            self.highlighted = 0 if hits else None
            self.scroll_to(y=0, animate=False)
        self.virtual_size = Size(self.size.width, len(hits) * ROW)
        self.refresh()

    @property
    def current(self) -> Hit | None:
        if self.highlighted is None or self.highlighted >= len(self.hits):
            return None
        return self.hits[self.highlighted]

    def action_move(self, step: int) -> None:
        if not self.hits:
            return
        before = self.highlighted or 0
        self.highlighted = max(0, min(len(self.hits) - 1, before + step))
        self.scroll_to_region_of(self.highlighted)
        self.refresh()
        self.post_message(self.Highlighted(self.highlighted))

    def page(self, step: int) -> None:
        rows = max(1, self.scrollable_content_region.height // ROW)
        self.action_move(step * rows)

    def scroll_to_region_of(self, index: int) -> None:
        top = index * ROW
        height = self.scrollable_content_region.height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW > self.scroll_y + height:
            self.scroll_to(y=top + ROW - height, animate=False)

    def on_click(self, event: object) -> None:
        offset = getattr(event, "get_content_offset", lambda _: None)(self)
        if offset is None:
            return
        index = (round(self.scroll_y) + offset.y) // ROW
        if 0 <= index < len(self.hits):
            self.highlighted = index
            self.refresh()
            self.post_message(self.Chosen(index))

    def notify_style_update(self) -> None:
        self._styles = None
        self._cache.clear()
        super().notify_style_update()

    def _looks(self) -> tuple[Style, Style, Style, Style]:
        """The styles a line is drawn with: the list's, a result's, the highlighted
        result's, the rule's (worked out once, not for every line)."""
        if self._styles is None:
            base = self.rich_style
            rule = base + self.get_component_rich_style("hit-list--rule", partial=True)
            self._styles = (
                base,
                self.visual_style.rich_style,
                self.get_visual_style("hit-list--highlight").rich_style,
                rule,
            )
        return self._styles

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.hits) * ROW)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        index, part = divmod(line, ROW)
        base, plain, highlighted, rule = self._looks()
        if index >= len(self.hits):
            return Strip.blank(width, base)
        selected = index == self.highlighted
        hit = self.hits[index]
        key = (hit.annotation, hit.title, part, selected, self.words, self.coders)
        cached = self._cache.get(key)
        if cached is not None and cached.cell_length == width:
            return cached
        if part == ROW - 1:
            strip = Strip([Segment("─" * width, rule)], width)
        else:
            lines = self._lines.get(index)
            if lines is None:
                lines = self._lines[index] = hit_lines(hit, self.words, self.coders)
            strip = draw(lines[part], width, highlighted if selected else plain)
        if len(self._cache) > 2048:
            self._cache.clear()
        self._cache[key] = strip
        return strip
