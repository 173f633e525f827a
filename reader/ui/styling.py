"""Turning plain strings and offset ranges into styled terminal segments.

Article text never passes through a markup parser: a line is cut into `Segment`s at the
boundaries of the style runs that cover it (highlights, selection, cursor), each segment
taking the base style combined with every run over it, later runs on top.
"""

from __future__ import annotations

from itertools import pairwise

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.content import Content
from textual.widget import Widget

from reader.core.text import printable


def styled_segments(text: str, base: Style, runs: list[tuple[int, int, Style]]) -> list[Segment]:
    """Segments of `text` with `runs` (start, end, style) layered over `base`."""
    if not runs:
        return [Segment(text, base)]
    points = {0, len(text)}
    for start, end, _ in runs:
        points.add(max(0, min(start, len(text))))
        points.add(max(0, min(end, len(text))))
    cuts = sorted(points)
    segments = []
    for left, right in pairwise(cuts):
        if left == right:
            continue
        style = base
        for start, end, run_style in runs:
            if start <= left and right <= end:
                style = style + run_style
        segments.append(Segment(text[left:right], style))
    return segments


def tint(colour: str, background: Color, amount: float = 0.45) -> Color:
    """`colour` mixed into `background`: readable as a highlight behind text."""
    try:
        parsed = Color.parse(colour)
    except Exception:
        parsed = Color.parse("#8a8a8a")
    return background.blend(parsed, amount)


def literal(text: str, style: str = "") -> Content:
    """Content that shows `text` as it is: never parsed as markup (`[bold]` stays text),
    with escape sequences and control characters removed. Every string from an article, a
    file name or the user reaches the screen through here or a `Content` built like it."""
    clean = printable(text)
    return Content.styled(clean, style) if style else Content(clean)


def retitle(widget: Widget, text: str | Content, *, subtitle: bool = False) -> None:
    """Set a widget's border title (or subtitle) only when it changes: Textual draws the
    whole widget again at every assignment, the same text or not (a long article's pane
    was drawn again, 3-4 ms, each time its quotes were listed)."""
    new = widget.render_str(text).expand_tabs(4).split()[0]  # what Textual would keep
    old = widget._border_subtitle if subtitle else widget._border_title
    if old is not None and old.plain == new.plain and old.spans == new.spans:
        return
    if subtitle:
        widget.border_subtitle = text
    else:
        widget.border_title = text
