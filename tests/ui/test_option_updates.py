"""The quick measure of a wrapped entry agrees with Textual's own, whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content, Span

from reader.ui.widgets.option_updates import MeasuredContent, wrapped_height

WORDS = st.sampled_from(
    ["a", "annotations", "·", "www.theglobeandmail.com", "東京は大きい", "🇨🇦", "é", "2026-11-30"]
)
LINES = st.one_of(
    st.lists(WORDS, max_size=12).map(" ".join),
    st.lists(
        st.sampled_from(["a", " ", "  ", "東", "👍🏽", "\t", "\x1b", "-", "ab"]), max_size=40
    ).map("".join),
)


@given(LINES, st.integers(1, 60))
def test_the_quick_height_is_textual_s_height(line: str, width: int) -> None:
    assert wrapped_height(line, width, {}) == Content(line).get_height({}, width)


def test_styles_that_wrap_otherwise_are_measured_by_textual() -> None:
    line = "250 annotations · www.theglobeandmail.com · 2026-11-30 · file missing"
    for styles in ({"text_wrap": "nowrap"}, {"line_pad": 1}, {"text_overflow": "ellipsis"}):
        assert wrapped_height(line, 20, styles) == Content(line).get_height(styles, 20)


@given(LINES, LINES, st.integers(1, 60))
def test_a_measured_prompt_is_as_high_as_textual_measures_it(
    title: str, details: str, width: int
) -> None:
    text = f"{title}\n{details}"
    spans = [Span(0, len(title), "bold"), Span(len(title) + 1, len(text), "dim")]
    measured = MeasuredContent(text, spans)
    assert measured.get_height({}, width) == Content(text, spans).get_height({}, width)
