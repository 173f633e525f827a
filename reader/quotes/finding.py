"""What the quote finder says of one quotation: `QuoteFinding`, light to import.

The app's screens name `QuoteFinding` and draw it long before a quotation is looked for;
the finder itself (`reader.quotes.attribution`: word lists, patterns, a ranker) is loaded
only when an article's quotes are first searched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.text import Quotation, Span

# Longer texts are not news articles (a book, a data dump, a 10 MB line): finding quotes in
# them would take minutes, so it is not tried. A 1 MB article takes about a second.
MAX_CHARACTERS = 2_000_000

CONFIDENT = 0.8  # suggestions at or above it are calibrated to be right (bench.quotes)


@dataclass(frozen=True)
class QuoteFinding:
    """A quotation with what the finder makes of it."""

    quotation: Quotation
    speech: bool
    speaker: str | None = None
    mention: str | None = None
    cue: str | None = None
    confidence: float = 0.0
    description: str = ""
    # The speaker is carried on from an earlier paragraph's attribution ("“…,” she said.
    # ¶ “…”"): `mention` and `cue` are that paragraph's, not this quotation's sentence's.
    carried: bool = False

    @property
    def span(self) -> Span:
        return self.quotation.inner

    @property
    def uncertain(self) -> bool:
        """A speaker is suggested, but below the confidence whose precision is measured
        high (`CONFIDENT`): the user should look before saving it."""
        return self.speaker is not None and self.confidence < CONFIDENT

    def as_json(self, text: str) -> dict[str, object]:
        inner = self.quotation.inner
        return {
            "quote": text[inner.start : inner.end],
            "start": inner.start,
            "end": inner.end,
            "speaker": self.speaker,
            "speaker_mention": self.mention,
            "cue": self.cue,
            "carried": self.carried,
            "confidence": round(self.confidence, 2),
        }


def speaker_unknown(finding: QuoteFinding) -> str:
    """What is said of a quotation with no speaker offered: with the words the article
    uses for them when it has some ("speaker unknown: the rookie"), not for "she" alone."""
    described = described_speaker(finding)
    return f"speaker unknown: {described}" if described else "speaker unknown"


def described_speaker(finding: QuoteFinding) -> str:
    """The words the article uses for a speaker it does not name ("the rookie", "one
    parent"), as a sentence inside would write them; "" for none, or "she" alone."""
    mention = " ".join((finding.mention or "").split())
    first = mention.split(" ", 1)[0]
    if first in {"A", "An", "The", "One", "Another", "Some"}:  # "A spokesperson said"
        mention = first.lower() + mention[len(first) :]
    return mention if len(mention.split()) >= 2 else ""
