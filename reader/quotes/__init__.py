"""Quotations and their speakers: finding who said what in news writing, without models.

`find_quotes(text, known_sources)` returns a `QuoteFinding` per quotation of an article:
whether it is speech, the suggested speaker (resolved to a full name or organisation), the
words that named them and the cue of speech. See `reader.quotes.attribution`.
"""

from reader.quotes.attribution import QuoteFinding, describe, find_quotes

__all__ = ["QuoteFinding", "describe", "find_quotes"]
