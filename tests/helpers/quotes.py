"""Articles and their findings as the quote finder's tests build and read them."""

from __future__ import annotations

from reader.quotes import find_quotes


def headlined(body: str, headline: str = "A headline about the news") -> str:
    """An article of `body` under a headline paragraph, as real ones start (a headline's
    quotations are never speech)."""
    return f"{headline}\n\n{body}"


def speech_of(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, str | None]]:
    """(quotation text, speaker) for each quotation offered as speech."""
    return [
        (text[f.span.start : f.span.end], f.speaker) for f in find_quotes(text, known) if f.speech
    ]


def marked_words(tag: str, words: int, marks: str) -> list[str]:
    """`words` made-up words ("{tag}w0", "{tag}w1", …), the first ones each holding one mark
    of `marks` in turn (opening a word, then closing the next): a story whose words and
    marks a converter's rules count, with no sentence in it."""
    out = []
    for index in range(words):
        word = f"{tag}w{index}"
        if index < len(marks):
            word = marks[index] + word if index % 2 == 0 else word + marks[index]
        out.append(word)
    return out
