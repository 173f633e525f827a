"""The graphemes of a line as a reader sees them: Rich's, with a flag kept whole.

Rich's `split_graphemes` keeps combining marks, joined emoji, skin tones and keycaps with
their base character, but splits a flag (two regional indicator letters, "🇨🇦") into two,
so the cursor stopped inside it and a selection could save half a flag. Here the letters
pair up, as Unicode's rule for them says (GB12/GB13): from the start of their run, two by
two.
"""

from __future__ import annotations

from rich.cells import split_graphemes

_FIRST_INDICATOR, _LAST_INDICATOR = 0x1F1E6, 0x1F1FF


def is_regional_indicator(character: str) -> bool:
    """Whether a character is one of the 26 letters flags are written with."""
    return _FIRST_INDICATOR <= ord(character) <= _LAST_INDICATOR


def graphemes(text: str) -> list[tuple[int, int, int]]:
    """`(start, end, width)` of each grapheme of `text`, flags whole (their run taken to
    start at `text`'s start: a caller cutting a window out of a longer text begins it
    at a pair's start, see `pair_start`)."""
    spans, _ = split_graphemes(text)
    if text.isascii() or not any(is_regional_indicator(c) for c in text):
        return spans
    paired: list[tuple[int, int, int]] = []
    open_flag = False  # the last span is a lone indicator that the next may complete
    for first, last, width in spans:
        single = last - first == 1 and is_regional_indicator(text[first])
        if single and open_flag:
            start, _end, before = paired[-1]
            paired[-1] = (start, last, before + width)
            open_flag = False
            continue
        paired.append((first, last, width))
        open_flag = single
    return paired


def run_start(text: str, offset: int) -> int:
    """Where the run of regional indicators just before `offset` begins (`offset` itself
    when none is there). Read back in pieces, each stripped in C: a run of a million
    letters (4 MB) took a second and a half a key when read one letter at a time."""
    start, piece = offset, 256
    while start > 0 and is_regional_indicator(text[start - 1]):
        low = max(0, start - piece)
        start = low + len(text[low:start].rstrip(_INDICATORS))
        if start > low:
            break  # (the run began inside this piece)
        piece *= 2
    return start


def pair_start(text: str, offset: int) -> int:
    """A place at or just before `offset` where a window of the text may begin and pair
    its flags' letters as the whole text does: `offset` itself, or one letter before it
    when it lies an odd number of letters into a run of regional indicators (a window cut
    from a fixed reach back, inside a run of 70 flags, had paired them wrong; one cut from
    the run's own start read the whole run: seconds a key in a run of a million)."""
    return offset - (offset - run_start(text, offset)) % 2


_INDICATORS = "".join(map(chr, range(_FIRST_INDICATOR, _LAST_INDICATOR + 1)))
