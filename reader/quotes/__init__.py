"""Quotations and their speakers: finding who said what in news writing, without models.

`find_quotes(text, known_sources)` returns a `QuoteFinding` per quotation of an article:
whether it is speech, the suggested speaker (resolved to a full name or organisation), the
words that named them and the cue of speech. See `reader.quotes.attribution`.

`QuoteFinding` is imported at once; `find_quotes` and `describe` load the finder (its word
lists and ranker) on first use, so a screen that only names a finding starts quickly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.quotes.finding import QuoteFinding

if TYPE_CHECKING:
    from reader.quotes.attribution import describe, find_quotes

__all__ = ["QuoteFinding", "describe", "find_quotes"]


def __getattr__(name: str) -> Any:
    if name in ("describe", "find_quotes"):
        from reader.quotes import attribution

        return getattr(attribution, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
