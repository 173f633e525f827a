"""Re-anchoring: finding an annotation's passage again after its article's text changed.

The method of web annotation tools (the Hypothesis client's `match-quote`), in order:

1. the stored offsets, if the exact quote is still there;
2. else the exact quote elsewhere: the occurrence whose surroundings best match the stored
   prefix and suffix (32 characters each side), nearer the old position winning ties;
3. else a fuzzy match. Candidate passages come from aligning the quote against the text
   (rapidfuzz `partial_ratio_alignment`, window by window; a quote shorter than 12
   characters is aligned together with its prefix and suffix, which alone would match too
   much), and each candidate's edges are nudged a few characters to where the passage is
   most like the quote. Each candidate is scored out of 1:
       (50 * quote similarity + 20 * prefix similarity + 20 * suffix similarity
        + 2 * nearness to the old position) / 92
   where similarities are rapidfuzz's normalised Indel similarity. The best candidate is
   accepted when its quote similarity is at least 0.75 (about a quarter of the characters
   may have changed) and its score at least 0.6;
   A passage that filled a quotation (its prefix ending in an opening mark, its suffix
   beginning with the closing one) is stretched to the quotation's marks in the new text,
   within its paragraph: a quote whose last words changed stays the whole quotation;
4. else the annotation is *orphaned*: it keeps its quote, source, themes and note, is
   listed among the orphans, and is never deleted.

A placed annotation takes the new text's quote, prefix and suffix, so it anchors from its
new position the next time the article changes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import msgspec
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from reader.core.records import Annotation, placed

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
MIN_QUOTE_SIMILARITY = 0.75
MIN_SCORE = 0.6
SHORT_QUOTE = 12
MAX_OCCURRENCES = 1000
GOOD_ENOUGH = 0.97
# Aligned regions refined at most, nearest first: real edits give a few; an article made of
# near-copies of a long quote gave one a copy, each refined in time growing with the
# quote's square (100 copies of 3,000 characters: 29 s; of 10,000: minutes, the app frozen).
MAX_REGIONS = 24
# Above this length a quote is aligned by its head and its tail, not whole (`_candidate_regions`).
MAX_ALIGNED = 400
# A quote with no place of its own is compared with every passage alike while the text's
# length times the quote's stays under this (beyond, the nearest regions first, as any
# other quote): 40 quotes of 390 characters in 250 KB had taken 50 s.
THOROUGH_WORK = 20_000_000
# Above this length a quote's edges are nudged one after the other, not as every pair.
SEPARATE_EDGES = 200


@dataclass(frozen=True)
class Anchor:
    """Where a passage was found, how, and how well (1.0 is perfect)."""

    start: int
    end: int
    method: str  # "same", "exact" or "fuzzy"
    score: float


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return Indel.normalized_similarity(a, b)


def _context_score(annotation: Annotation, text: str, start: int, end: int) -> float:
    """Prefix, suffix and position parts of the score (without the quote part)."""
    before = text[max(0, start - len(annotation.prefix)) : start]
    after = text[end : end + len(annotation.suffix)]
    nearness = 1.0 - min(1.0, abs(start - annotation.start) / max(len(text), 1))
    return (
        PREFIX_WEIGHT * _similarity(annotation.prefix, before)
        + SUFFIX_WEIGHT * _similarity(annotation.suffix, after)
        + POSITION_WEIGHT * nearness
    )


def locate(annotation: Annotation, text: str) -> Anchor | None:
    """Where `annotation`'s passage is in `text`, or None if it cannot be found."""
    quote = annotation.quote
    if not quote:
        return None
    start, end = annotation.start, annotation.end
    if 0 <= start <= end <= len(text) and text[start:end] == quote:
        return Anchor(start, end, "same", 1.0)
    exact = _exact(annotation, text)
    if exact is not None:
        return exact
    return _fuzzy(annotation, text)


def _exact(annotation: Annotation, text: str) -> Anchor | None:
    quote = annotation.quote
    best: tuple[float, int] | None = None
    position = text.find(quote)
    count = 0
    while position >= 0 and count < MAX_OCCURRENCES:
        score = _context_score(annotation, text, position, position + len(quote))
        if best is None or score > best[0]:
            best = (score, position)
        position = text.find(quote, position + 1)
        count += 1
    if best is None:
        return None
    return Anchor(best[1], best[1] + len(quote), "exact", (QUOTE_WEIGHT + best[0]) / TOTAL_WEIGHT)


def _fuzzy(annotation: Annotation, text: str) -> Anchor | None:
    quote = annotation.quote
    short = len(quote) < SHORT_QUOTE
    needle = annotation.prefix + quote + annotation.suffix if short else quote
    if short and needle == quote:
        return None  # a short quote with no context cannot be told from chance matches
    best: Anchor | None = None
    # (a quote imported with no place or surroundings: every passage alike is compared,
    # within bounds: a long quote in a long article aligned everywhere took seconds)
    placeless = (
        not annotation.prefix
        and not annotation.suffix
        and not annotation.start
        and len(text) * len(needle) <= THOROUGH_WORK
    )
    regions = _candidate_regions(needle, text, annotation.start, thorough=placeless)
    for region_start, region_end in itertools.islice(regions, MAX_REGIONS):
        span = _boundaries(annotation, needle, text, region_start, region_end, short)
        if span is None:
            continue
        start, end = span
        quote_similarity = _similarity(quote, text[start:end])
        if quote_similarity < MIN_QUOTE_SIMILARITY:
            continue
        score = (
            QUOTE_WEIGHT * quote_similarity + _context_score(annotation, text, start, end)
        ) / TOTAL_WEIGHT
        if score >= MIN_SCORE and (best is None or score > best.score):
            best = Anchor(start, end, "fuzzy", score)
            if score >= GOOD_ENOUGH:
                break  # regions come nearest first: a near, near-perfect match is the one
    return best


def _candidate_regions(
    needle: str, text: str, near: int, thorough: bool = False
) -> Iterable[tuple[int, int]]:
    """Regions of `text` that align well with `needle`, the one nearest `near` first. A
    needle longer than `MAX_ALIGNED` is aligned by its head and by its tail, each region
    then as long as the needle from where its head starts or to where its tail ends
    (aligning 10,000 characters in a window of 20,000 took 6 s a window)."""
    size = len(needle)
    if size <= MAX_ALIGNED:
        yield from _aligned(needle, text, near, thorough)
        return
    head, tail = needle[:MAX_ALIGNED], needle[-MAX_ALIGNED:]
    heads = ((s, min(len(text), s + size)) for s, _ in _aligned(head, text, near, thorough))
    tails = (
        (max(0, e - size), e) for _, e in _aligned(tail, text, near + size - MAX_ALIGNED, thorough)
    )
    seen: set[tuple[int, int]] = set()
    for pair in itertools.zip_longest(heads, tails):
        for region in pair:
            if region is not None and region not in seen:
                seen.add(region)
                yield region


def _aligned(
    needle: str, text: str, near: int, thorough: bool = False
) -> Iterable[tuple[int, int]]:
    """Where `needle` aligns with `text`, window by window, the window nearest `near` first.

    `thorough`, for a quote with no place or surroundings of its own (imported from a tool
    that gave only its words): every window, half as long and overlapping, the regions
    ranked by how like the quote their words are. (Nearest first, such a quote with a typo
    in an article of 400 quotations alike but for a number was laid on the first one, its
    own never among the regions refined.)"""
    size = len(needle)
    window = size + size // 2 + 8 if thorough else 2 * size + 16
    step = max(1, size // 3) if thorough else size + 8
    cutoff = 100 * MIN_QUOTE_SIMILARITY * 0.9
    seen: dict[tuple[int, int], float] = {}
    offsets = range(0, max(1, len(text) - size + step), step)
    for offset in offsets if thorough else sorted(offsets, key=lambda s: abs(s - near)):
        piece = text[offset : offset + window]
        if not piece:
            continue
        found = fuzz.partial_ratio_alignment(needle, piece, score_cutoff=cutoff)
        if found is None:
            continue
        region = (offset + found.dest_start, offset + found.dest_end)
        if region in seen:
            continue
        if thorough:  # (its words whole: the alignment cuts a letter off either end)
            first, last = region
            while first > 0 and text[first - 1].isalnum():
                first -= 1
            while last < len(text) and text[last].isalnum():
                last += 1
            seen[region] = _similarity(needle, text[first:last])
        else:
            seen[region] = 0.0
            yield region
    if thorough:
        yield from sorted(seen, key=lambda r: (-seen[r], abs(r[0] - near)))


def _boundaries(
    annotation: Annotation, needle: str, text: str, region_start: int, region_end: int, short: bool
) -> tuple[int, int] | None:
    """The span of the quote in an aligned region: its place in the needle, edges refined."""
    start = region_start + (len(annotation.prefix) if short else 0)
    end = start + len(annotation.quote) if short else region_end
    start, end = _best_edges(annotation.quote, text, max(0, start), min(len(text), end))
    start, end = _word_edges(annotation, text, start, end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _word_edges(annotation: Annotation, text: str, start: int, end: int) -> tuple[int, int]:
    """Edges on word boundaries where the quote's were: a passage chosen from a word's first
    letter to a word's last never comes back cut inside a word ("ng smoke alarm" for "no
    smoke alarm" once "working" was added): of the word edges near each fuzzy edge, the one
    that leaves the passage most like the quote."""
    quote, prefix, suffix = annotation.quote, annotation.prefix, annotation.suffix
    reach = max(12, min(24, len(quote) // 4))  # (a few words each way: 64 pairs at most)
    starts, ends = [start], [end]
    if quote[:1].isalnum() and not prefix[-1:].isalnum():
        starts = [
            i
            for i in range(max(0, start - reach), min(end, start + reach) + 1)
            if text[i : i + 1].isalnum() and not text[i - 1 : i].isalnum()
        ] or starts
    if quote[-1:].isalnum() and not suffix[:1].isalnum():
        ends = [
            i
            for i in range(max(start + 1, end - reach), min(len(text), end + reach) + 1)
            if text[i - 1 : i].isalnum() and not text[i : i + 1].isalnum()
        ] or ends

    def fit(edges: tuple[int, int]) -> tuple[float, float, int]:
        # How much of the quote's letters it keeps ("no working smoke alarm" keeps the "no"
        # that "smoke alarm", more alike, drops) with how well the words around it match
        # the stored ones (an edge before "actions." keeps the "ation" of a "National" cut
        # to "Natiol", but the words before it are not the passage's); then likeness, then
        # the nearer start
        passage = text[edges[0] : edges[1]]
        kept = len(quote) + len(passage) - Indel.distance(quote, passage)  # twice the shared
        context = _context_score(annotation, text, edges[0], edges[1])
        return (
            round(QUOTE_WEIGHT * kept / (2 * len(quote)) + context, 1),
            _similarity(quote, passage),
            -abs(edges[0] - start),
        )

    pairs = [(first, last) for first in starts for last in ends if last > first]
    return max(pairs, key=fit) if pairs else (start, end)


def _best_edges(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Nudge both edges a few characters to where the passage is most like the quote: every
    pair of them for a short quote, one edge and then the other for a long one (625
    comparisons of the whole quote are 50)."""
    reach = max(4, min(12, len(quote) // 4))
    best = (_similarity(quote, text[start:end]), start, end)
    firsts = range(max(0, start - reach), min(len(text), start + reach) + 1)
    if len(quote) > SEPARATE_EDGES:
        for first in firsts:
            similarity = _similarity(quote, text[first:end])
            if similarity > best[0]:
                best = (similarity, first, end)
        firsts = range(best[1], best[1] + 1)
    for first in firsts:
        for last in range(max(first + 1, end - reach), min(len(text), end + reach) + 1):
            similarity = _similarity(quote, text[first:last])
            if similarity > best[0]:
                best = (similarity, first, last)
    return best[1], best[2]


# A passage that was the whole of a quotation stays the whole of it: its edges go to the
# marks of the quotation in the new text, within its paragraph and this far.
# (Curly marks only: a straight one says not which way it faces, and the next quotation's
# opening mark was taken for this one's close, stretching it over the narration between.)
OPENING_MARKS, CLOSING_MARKS = "“«„", "”»"
# No mark of any quotation, straight ones too, lies between a passage and the marks it is
# stretched to (one had run over another quotation opened with a straight mark).
_ANY_MARK = frozenset('“”«»„"')
MAX_QUOTATION_STRETCH = 400


def _quotation_edges(annotation: Annotation, text: str, start: int, end: int) -> tuple[int, int]:
    """The edges of a match of a passage that filled a quotation, from mark to mark
    ("…but it is the budget we need," once it reads "…the budget this city needs," came
    back as "…but it is the budget", still the speaker's words: a misquotation); other
    passages as matched."""
    opening, closing = annotation.prefix[-1:], annotation.suffix[:1]
    if opening and opening in OPENING_MARKS and text[start - 1 : start] != opening:
        floor = max(0, start - MAX_QUOTATION_STRETCH, text.rfind("\n\n", 0, start) + 1)
        at = text.rfind(opening, floor, start)
        if at >= 0 and not any(c in _ANY_MARK for c in text[at + 1 : start]):
            start = at + 1
    if closing and closing in CLOSING_MARKS and text[end : end + 1] != closing:
        ceiling = min(len(text), end + MAX_QUOTATION_STRETCH)
        paragraph = text.find("\n\n", end, ceiling)
        at = text.find(closing, end, paragraph if paragraph >= 0 else ceiling)
        if at >= 0 and not any(c in _ANY_MARK for c in text[end:at]):
            end = at
    return start, end


def reanchor(annotation: Annotation, text: str) -> Annotation:
    """`annotation` placed in the new `text`, or marked orphaned (never dropped)."""
    anchor = locate(annotation, text)
    if anchor is None:
        if annotation.orphaned:
            return annotation
        return msgspec.structs.replace(annotation, orphaned=True)
    start, end = _quotation_edges(annotation, text, anchor.start, anchor.end)
    unmoved = (start, end) == (anchor.start, anchor.end)
    if anchor.method == "same" and unmoved and not annotation.orphaned:
        return annotation
    return placed(annotation, text, start, end)


def reanchor_all(annotations: Iterable[Annotation], text: str) -> list[Annotation]:
    """The annotations whose placement changed against the new `text` (to be saved)."""
    changed = []
    for annotation in annotations:
        moved = reanchor(annotation, text)
        if moved != annotation:
            changed.append(moved)
    return changed
