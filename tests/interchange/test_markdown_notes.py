"""A note of several lines keeps its lines in the Markdown export."""

from __future__ import annotations

from reader.interchange.markdown import note_paragraphs


def test_a_note_keeps_its_line_breaks_and_paragraphs_and_its_text_literal() -> None:
    assert note_paragraphs("paraphrase of King\nsecond line [bold]x[/]\n\nnew thought") == [
        "paraphrase of King\\\nsecond line \\[bold\\]x\\[/\\]",
        "",
        "new thought",
        "",
    ]
    assert note_paragraphs("one line") == ["one line", ""]
