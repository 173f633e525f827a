"""Which unit an exchange file's positions count in, on the way out and on the way back in.

Out: `DEFAULT_UNITS` is the unit each format is written in unless the user asks for the
other (`reader export --positions`): UTF-16 code units for REFI-QDA, because the QDA tools
draw codings with UTF-16 positions (QualCoder through Qt; see the README's export section
for the sources), and code points for W3C, because the Web Annotation model says MUST (the
W3C export always carries the quote too, which JavaScript clients fall back on).

In: a file does not say which unit it used, so `read_span` tries both and keeps the one
under which the file's own copy of the passage (REFI-QDA's selection `name`, W3C's
`exact`) is the text at the positions. When no astral character comes before or inside the
passage the two units give the same span (`EITHER`, nothing to report); when neither unit
gives the quote (`NEITHER`) the importer finds the passage by its quote, as it does for an
article that changed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.core.text_units import CODEPOINTS, UNIT_NAMES, UNITS, UTF16, offsets

DEFAULT_UNITS = {"qdpx": UTF16, "w3c": CODEPOINTS}
EITHER = "either"  # no astral character before the end of the passage: the units agree
NEITHER = "neither"  # the quote is at the positions in no unit: found by its quote instead


@dataclass(frozen=True)
class Reading:
    """An imported passage's span in code points and the unit its positions were read in
    (CODEPOINTS, UTF16, EITHER or NEITHER)."""

    start: int
    end: int
    unit: str


def same_text(found: str, quote: str, *, partial: bool = False) -> bool:
    """Whether `found` (the article's text at a span) is `quote`, counting the line
    separators a Qt tool writes (U+2029) and "\\r\\n" as "\\n"; with `partial`, a quote
    cut short (a REFI-QDA `name` some tools shorten) may be the start of `found`."""
    wanted = quote.replace("\r\n", "\n").replace("\u2029", "\n")
    if found == wanted:
        return True
    return partial and bool(wanted) and len(wanted) < len(found) and found.startswith(wanted)


def read_span(
    text: str, start: int, end: int, quote: str, *, prefer: str, partial: bool = False
) -> Reading:
    """Read `start`-`end` in whichever unit puts `quote` there in `text`: `prefer` when
    both do, or when there is no quote to check; when neither does, the `prefer` span (or
    the other, or the span cut to the text) is only a hint for re-anchoring."""
    table = offsets(text)
    spans: dict[str, tuple[int, int]] = {}
    for unit in sorted(UNITS, key=lambda u: u != prefer):
        try:
            spans[unit] = (
                table.convert(start, unit, CODEPOINTS),
                table.convert(end, unit, CODEPOINTS),
            )
        except ValueError:  # past the end, or inside a surrogate pair: not this unit
            continue
    agree = len(spans) == 2 and len(set(spans.values())) == 1
    if not quote and spans:  # nothing to check against: read in the preferred unit
        first, last = next(iter(spans.values()))
        return Reading(first, last, EITHER if agree else next(iter(spans)))
    for loose in (False, True) if partial else (False,):
        for unit, (first, last) in spans.items():
            if same_text(text[first:last], quote, partial=loose):
                return Reading(first, last, EITHER if agree else unit)
    if spans:
        first, last = next(iter(spans.values()))
    else:
        first, last = min(start, len(text)), min(end, len(text))
    return Reading(first, last, NEITHER)


def export_span(text: str | None, start: int, end: int, unit: str) -> tuple[int, int] | None:
    """A stored span (code points) counted in `unit` for an export; None when it cannot be
    counted so (UTF-16 needs the article's text, and its file cannot be read)."""
    if unit == CODEPOINTS:
        return start, end
    if text is None:
        return None
    table = offsets(text)
    limit = len(text)  # an orphan may keep a span past the end of a changed text
    return table.to_utf16(min(start, limit)), table.to_utf16(min(end, limit))


def describe(units: Counter[str]) -> str:
    """How an import read positions, for its one-line summary ("" when there is nothing
    to say: every passage was the same in both units)."""
    named = [unit for unit in UNITS if units[unit]]
    parts = []
    if len(named) == 1:
        parts.append(f"positions read as {UNIT_NAMES[named[0]]}")
    elif named:
        each = (f"{UNIT_NAMES[unit]} ({units[unit]})" for unit in named)
        parts.append("positions read as " + " and ".join(each))
    if units[NEITHER]:
        parts.append(
            f"{units[NEITHER]} placed by their quote, their positions matching neither unit"
        )
    return "; ".join(parts)
