"""What is left to tag, and which of it is listed: the quick ways give what checking
every quotation against every annotation, and sorting them all by distance, gave."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.records import Annotation, new_annotation
from reader.core.text import Quotation, Span
from reader.quotes import find_quotes
from reader.quotes.finding import QuoteFinding
from reader.quotes.review import is_tagged, nearest, speakers, untagged

TEXT = "x" * 400

spans = st.tuples(st.integers(0, 380), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1]))


def _finding(start: int, end: int, speech: bool = True) -> QuoteFinding:
    span = Span(start, end)
    outer = Span(max(0, start - 1), end + 1)
    return QuoteFinding(quotation=Quotation(span, outer, "double", True), speech=speech)


def _annotation(start: int, end: int, orphaned: bool) -> Annotation:
    annotation = new_annotation(1, TEXT, start, end)
    return msgspec.structs.replace(annotation, orphaned=orphaned)


@given(
    st.lists(st.tuples(spans, st.booleans()), max_size=40),
    st.lists(st.tuples(spans, st.booleans()), max_size=20),
)
def test_untagged_is_each_quotation_checked_against_every_annotation(
    quotes: list[tuple[tuple[int, int], bool]], tags: list[tuple[tuple[int, int], bool]]
) -> None:
    findings = sorted((_finding(s, e, speech) for (s, e), speech in quotes), key=_start)
    annotations = [_annotation(s, e, orphaned) for (s, e), orphaned in tags]
    expected = [f for f in findings if f.speech and not is_tagged(f, annotations)]
    assert untagged(findings, annotations) == expected


@given(
    st.lists(st.tuples(spans, st.sampled_from(["Ana Ruiz", "Bo Li", None])), max_size=40),
    st.lists(st.tuples(spans, st.booleans()), max_size=20),
)
def test_speakers_count_what_checking_every_annotation_counts(
    quotes: list[tuple[tuple[int, int], str | None]], tags: list[tuple[tuple[int, int], bool]]
) -> None:
    findings = sorted(
        (dataclasses.replace(_finding(s, e), speaker=name) for (s, e), name in quotes),
        key=_start,
    )
    annotations = [_annotation(s, e, orphaned) for (s, e), orphaned in tags]
    counted = {s.name: (s.untagged, s.total) for s in speakers(findings, annotations)}
    for name in {f.speaker for f in findings if f.speaker}:
        mine = [f for f in findings if f.speaker == name]
        left = sum(not is_tagged(f, annotations) for f in mine)
        assert counted[name] == (left, len(mine))


def test_speakers_check_each_quotation_against_the_annotations_near_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import reader.quotes.review as review

    read: list[int] = []
    real = review.is_tagged

    def counting(finding: QuoteFinding, annotations: Sequence[Annotation]) -> bool:
        annotations = list(annotations)
        read.append(len(annotations))
        return real(finding, annotations)

    monkeypatch.setattr(review, "is_tagged", counting)
    findings = [
        dataclasses.replace(_finding(10 * n, 10 * n + 5), speaker="Ana Ruiz") for n in range(300)
    ]
    tagged = [_annotation(10 * n, 10 * n + 5, False) for n in range(300)]
    assert review.speakers(findings, tagged)[0].untagged == 0
    assert max(read) <= 2  # (every annotation for every quotation: 300, and 10,000 froze the app)


@given(st.lists(st.integers(0, 300), max_size=80), st.integers(0, 300), st.integers(1, 40))
def test_nearest_are_the_first_of_all_sorted_by_distance(
    starts: list[int], offset: int, count: int
) -> None:
    for findings in (
        [_finding(s, s + 5) for s in sorted(starts)],  # text order, ties among them
        [_finding(s, s + 5) for s in starts],  # any order
    ):
        by_distance = sorted(findings, key=lambda f: abs(f.span.start - offset))[:count]
        expected = sorted(by_distance, key=_start)
        assert [id(f) for f in nearest(findings, offset, count)] == [id(f) for f in expected]


def _start(finding: QuoteFinding) -> int:
    return finding.span.start


def test_a_name_given_to_an_unknown_speaker_goes_to_the_rest_of_the_quotation() -> None:
    from reader.quotes.review import name_unknown, with_named_unknowns

    text = (
        "Flood\n\n“It has been hard,” one resident said. “We wait and we wait.”\n\n"
        "“Another thing,” one resident said.\n"
    )
    findings = find_quotes(text)
    first, second, _other = findings
    assert first.speaker is None and second.speaker is None
    named: dict[tuple[str, int], str] = {}
    tagged = new_annotation(1, text, first.span.start, first.span.end, source="Ana Ruiz")
    assert name_unknown(named, findings, tagged, text)
    carried = with_named_unknowns(findings, named, text)
    assert carried[1].speaker == "Ana Ruiz" and carried[1].uncertain
    assert carried[2].speaker is None  # "one resident" in another paragraph: someone else
