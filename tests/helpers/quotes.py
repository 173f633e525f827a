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
