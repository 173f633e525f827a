"""Redrawing some entries of a Textual OptionList without laying the whole list out again.

Textual's `replace_option_prompt` and `set_options` measure every entry again (wrapping
each prompt to count its lines): with hundreds of entries, tens of milliseconds of the UI
thread for a change of a few counts or names. When an entry surely keeps its number of
lines, drawing it again is enough; the widgets of this package use that.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from rich._wrap import divide_line  # what Textual's Content wraps a line with
from rich.cells import cell_len
from textual.content import Content
from textual.css.styles import RulesMap
from textual.widgets import OptionList
from textual.widgets.option_list import Option


def same_lines(
    old: Sequence[str], new: Sequence[str], width: int, option_list: OptionList | None = None
) -> bool:
    """Whether two prompts (as their lines of plain text) surely take as many lines at
    `width`: line for line the same text, or both short enough not to wrap, or (given the
    list, whose styles say how it wraps) both wrapped to as many lines as Textual would."""
    if len(old) != len(new):
        return False
    for a, b in zip(old, new, strict=True):
        if a == b or (cell_len(a) <= width and cell_len(b) <= width):
            continue
        if option_list is None:
            return False
        styles = cast(RulesMap, option_list.styles)  # wrapped as the list wraps a prompt
        if wrapped_height(a, width, styles) != wrapped_height(b, width, styles):
            return False
    return True


def wrapped_height(line: str, width: int, styles: RulesMap) -> int:
    """How many lines Textual wraps one line of plain text to at `width` (as
    `Content.get_height` says, 4 times faster where the styles wrap plainly: at a library's
    first counts, 400 entries measured twice took 30 ms of the UI thread). A list laid out
    with no room (a terminal 20 columns wide) is measured as one column wide: at width 0
    Textual's wrapping raised ValueError, and the app stopped."""
    width = max(1, width)
    plain = (
        styles.get("line_pad", 0) == 0
        and styles.get("text_overflow", "fold") == "fold"
        and styles.get("text_wrap", "wrap") == "wrap"
        and line.isprintable()  # (no tab, newline or control code: Content treats those)
    )
    if not plain:
        return Content(line).get_height(styles, width)
    return len(divide_line(line, width, fold=True)) + 1


def prompt_width(option_list: OptionList) -> int:
    """The width an entry's prompt is wrapped to."""
    padding = option_list.get_component_styles("option-list--option").padding
    region = option_list.scrollable_content_region.width
    return region - option_list._get_left_gutter_width() - padding.width


def redraw(option_list: OptionList, options: Iterable[Option]) -> None:
    """Draw these entries again (their prompts changed, not their number of lines)."""
    changed = set(options)
    cache = option_list._option_render_cache
    for key in [key for key in cache.keys() if key[0] in changed]:  # noqa: SIM118 - no __iter__
        cache.discard(key)
    option_list.refresh()


class MeasuredContent(Content):
    """A prompt measured with `wrapped_height`: an OptionList measures every entry when it
    is filled (3,000 articles: a third of a second of the UI thread at each start, most of it
    Content's own wrapping); the lines are drawn by Content as before."""

    @classmethod
    def of(cls, content: Content) -> MeasuredContent:
        return cls(content.plain, list(content.spans), content.cell_length, False)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return sum(wrapped_height(line, width, rules) for line in self.plain.split("\n"))
