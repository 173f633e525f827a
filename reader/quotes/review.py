"""What is left to tag: suggested quotations against the annotations an article already has.

A suggestion counts as tagged once an annotation covers most of it (the user may have
trimmed or widened the passage). Plain Python for the UI and the CLI alike.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate, pairwise

from reader.core.records import Annotation
from reader.quotes.finding import QuoteFinding

COVERED = 0.6  # share of a quotation an annotation must cover for it to count as tagged


@dataclass(frozen=True)
class SpeakerCount:
    """A speaker of an article and their quotations still to tag (and in all)."""

    name: str
    untagged: int
    total: int
    description: str = ""


def is_tagged(finding: QuoteFinding, annotations: Iterable[Annotation]) -> bool:
    """Whether an annotation already covers most of the quotation."""
    span = finding.span
    length = max(1, span.end - span.start)
    for annotation in annotations:
        overlap = min(span.end, annotation.end) - max(span.start, annotation.start)
        if not annotation.orphaned and overlap / length >= COVERED:
            return True
    return False


def speech(findings: Sequence[QuoteFinding]) -> list[QuoteFinding]:
    """The quotations offered as speech, in text order."""
    return [f for f in findings if f.speech]


def untagged(
    findings: Sequence[QuoteFinding], annotations: Sequence[Annotation]
) -> list[QuoteFinding]:
    """The speech quotations no annotation covers yet, in text order. Each is checked
    against the annotations that overlap it only, found by bisection (against every
    annotation, a 1 MB article's 2,000 quotations took milliseconds of the UI thread at
    each listing with no annotation at all, and grew with each one)."""
    live = sorted((a for a in annotations if not a.orphaned), key=lambda a: a.start)
    if not live:
        return speech(findings)
    starts = [a.start for a in live]
    reaches = list(accumulate((a.end for a in live), max))  # the furthest end so far
    left = []
    for finding in speech(findings):
        span = finding.span
        # Those starting before it ends, past those that all end before it starts.
        near = live[bisect_right(reaches, span.start) : bisect_left(starts, span.end)]
        if not is_tagged(finding, near):
            left.append(finding)
    return left


def nearest(findings: Sequence[QuoteFinding], offset: int, count: int) -> list[QuoteFinding]:
    """The `count` quotations starting nearest `offset` (of two as near, the earlier), in
    text order. Of findings in text order only those within `count` places either side of
    `offset` are measured (a 1 MB article's 2,000 sorted by distance at each listing:
    1 ms of the UI thread)."""
    starts = [finding.span.start for finding in findings]
    if any(b < a for a, b in pairwise(starts)):  # not in text order: measure them all
        window = list(findings)
    else:
        middle = bisect_left(starts, offset)
        low = max(0, middle - count)
        while low > 0 and starts[low - 1] == starts[low]:  # the earlier of two as near
            low -= 1
        window = list(findings[low : middle + count])
    near = sorted(window, key=lambda f: abs(f.span.start - offset))[:count]
    return sorted(near, key=lambda f: f.span.start)


def speakers(
    findings: Sequence[QuoteFinding], annotations: Sequence[Annotation]
) -> list[SpeakerCount]:
    """Every suggested speaker of the article, most quoted first (then by name)."""
    total: Counter[str] = Counter()
    described: dict[str, str] = {}
    for finding in speech(findings):
        if not finding.speaker:
            continue
        total[finding.speaker] += 1
        if finding.description and finding.speaker not in described:
            described[finding.speaker] = finding.description
    # (each checked against the annotations near it: against all of them, 10,000 tagged
    # quotations kept the app from answering a key for 12 s)
    left = Counter(f.speaker for f in untagged(findings, annotations) if f.speaker)
    return sorted(
        (
            SpeakerCount(name, left[name], count, described.get(name, ""))
            for name, count in total.items()
        ),
        key=lambda s: (-s.total, s.name.casefold()),
    )


def of_speaker(
    findings: Sequence[QuoteFinding], annotations: Sequence[Annotation], name: str
) -> list[QuoteFinding]:
    """The untagged quotations suggested for one speaker."""
    return [f for f in untagged(findings, annotations) if f.speaker == name]


# Who the user named for a speaker the finder could not name, by the words for them and
# the paragraph they are in: (mention folded, paragraph start) -> source.
NamedUnknowns = dict[tuple[str, int], str]


def unknown_key(finding: QuoteFinding, text: str) -> tuple[str, int] | None:
    """What ties the parts of one quotation whose speaker is unknown ("“…,” one resident
    said. “…”"): the words for the speaker and the paragraph; None for a named speaker."""
    if finding.speaker is not None or not (finding.mention or "").strip():
        return None
    paragraph = text.rfind("\n\n", 0, finding.span.start) + 1
    return (" ".join((finding.mention or "").split()).casefold(), paragraph)


def name_unknown(
    named: NamedUnknowns, findings: Sequence[QuoteFinding], annotation: Annotation, text: str
) -> tuple[str, int] | None:
    """Remember the source the user gave a quotation whose speaker was unknown, for the
    other parts of it; the key it is remembered by, or None when none was."""
    if not annotation.source:
        return None
    for finding in findings:
        span = finding.span
        overlap = min(span.end, annotation.end) - max(span.start, annotation.start)
        key = unknown_key(finding, text)
        if key is not None and overlap / max(1, span.end - span.start) >= COVERED:
            named[key] = annotation.source
            return key
    return None


def names_still_given(
    named: NamedUnknowns,
    given_by: dict[tuple[str, int], str],
    annotation: Callable[[str], Annotation | None],
) -> NamedUnknowns:
    """The names for unknown speakers that the annotations which gave them still give
    (`given_by`: key -> annotation id): an undone tag takes its name back with it, a tag
    changed to another source gives that one."""
    kept: NamedUnknowns = {}
    for key in named:
        given = annotation(given_by[key]) if key in given_by else None
        if given is not None and given.source:
            kept[key] = given.source
    return kept


def with_named_unknowns(
    findings: Sequence[QuoteFinding], named: NamedUnknowns, text: str
) -> list[QuoteFinding]:
    """The findings with the user's name for an unknown speaker on the other parts of the
    same quotation (a suggestion to look at: below the confidence that is accepted unread)."""
    if not named:
        return list(findings)
    out = []
    for finding in findings:
        key = unknown_key(finding, text)
        if key is not None and key in named:
            finding = replace(finding, speaker=named[key], confidence=min(finding.confidence, 0.5))
        out.append(finding)
    return out
