"""Inter-coder agreement: two coders' coding of the same articles, compared character by
character, as NVivo's coding comparison does.

For each code (every source and every theme the compared annotations use) and each
article both coders coded, every character of the article's text falls in one cell of a
2x2 table: coded by A and B, by A only, by B only, by neither. The tables of all articles
are summed (pooled) before the figures are computed:

- agreement = (both + neither) / characters;
- Cohen's kappa = (po - pe) / (1 - pe), where po is the agreement and
  pe = pA * pB + (1 - pA) * (1 - pB), pA and pB the shares of characters each coder gave
  the code. Total agreement on a code that was used gives 1 (pe = 1 there too).
- a code neither coder used on the compared articles is not applicable: agreement and
  kappa are None, never 1.

Besides the codes: the passages both coders tagged (overlapping annotations, at least one
of them a quotation, paired one to one by the largest overlap) and the share of those
pairs that name the same source.

Plain Python; article lengths come from the caller (this layer reads no files).
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reader.core.codebook import name_key
from reader.core.coders import coder_key
from reader.core.records import QUOTATION, Annotation
from reader.core.wording import plural

SOURCE, THEME = "source", "theme"
Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Table:
    """The pooled 2x2 table of one code, in characters."""

    both: int = 0
    a_only: int = 0
    b_only: int = 0
    neither: int = 0

    @property
    def total(self) -> int:
        return self.both + self.a_only + self.b_only + self.neither

    @property
    def a_chars(self) -> int:
        return self.both + self.a_only

    @property
    def b_chars(self) -> int:
        return self.both + self.b_only

    def __add__(self, other: Table) -> Table:
        return Table(
            self.both + other.both,
            self.a_only + other.a_only,
            self.b_only + other.b_only,
            self.neither + other.neither,
        )

    @property
    def used(self) -> bool:
        return bool(self.a_chars or self.b_chars)

    @property
    def agreement(self) -> float | None:
        """The share of characters on which the coders agree; None when not applicable."""
        if not self.used or not self.total:
            return None
        return (self.both + self.neither) / self.total

    @property
    def kappa(self) -> float | None:
        """Cohen's kappa; None when the code was not used (not applicable)."""
        observed = self.agreement
        if observed is None:
            return None
        p_a, p_b = self.a_chars / self.total, self.b_chars / self.total
        expected = p_a * p_b + (1 - p_a) * (1 - p_b)
        if expected >= 1:
            return 1.0 if observed >= 1 else None
        return (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class CodeRow:
    """One code's comparison: `articles` is how many compared articles either coder gave
    it in."""

    code: str
    kind: str  # "source" or "theme"
    articles: int
    table: Table

    def as_json(self) -> dict[str, object]:
        """The stable shape of `reader agree --json`."""
        return {
            "code": self.code,
            "kind": self.kind,
            "articles": self.articles,
            "agreement": _rounded(self.table.agreement),
            "kappa": _rounded(self.table.kappa),
            "a_chars": self.table.a_chars,
            "b_chars": self.table.b_chars,
            "both_chars": self.table.both,
        }

    @property
    def both_used(self) -> bool:
        """Whether each coder applied the code somewhere on the articles compared."""
        return bool(self.table.a_chars and self.table.b_chars)

    def cells(self) -> list[str]:
        """The row as a person reads it, in the order of `COLUMNS` (`reader agree`, `M`)."""
        return [
            self.code,
            self.kind,
            figure(self.table.kappa),
            figure(self.table.agreement, percent=True),
            str(self.table.a_chars),
            str(self.table.b_chars),
            str(self.table.both),
            str(self.articles),
        ]


COLUMNS = ("code", "kind", "kappa", "agreement", "A chars", "B chars", "both", "articles")
# A table's columns for R and spreadsheets: numbers as numbers (agreement a share of 1, as
# `--json` has it; "97.5%" was read as text), empty where there is none, each row naming
# the two coders (the file did not say whom it compared)
DATA_COLUMNS = (
    "code",
    "kind",
    "kappa",
    "agreement",
    "a_chars",
    "b_chars",
    "both_chars",
    "articles",
    "coder_a",
    "coder_b",
)


def data_rows(comparison: Comparison) -> list[list[str]]:
    """`DATA_COLUMNS` and a row for each code of the comparison."""
    rows = [list(DATA_COLUMNS)]
    for row in comparison.rows:
        figures = row.as_json()
        rows.append(
            [
                row.code,
                row.kind,
                *("" if figures[key] is None else str(figures[key]) for key in DATA_COLUMNS[2:8]),
                comparison.coder_a,
                comparison.coder_b,
            ]
        )
    return rows


def summary_lines(comparison: Comparison) -> list[str]:
    """What a methods section quotes beside the table: the mean kappa (over the codes
    either coder used, and over those both used) and the quotations both tagged, with the
    share of them given the same source (`reader agree` prints them under its table, and
    the analysis screen's export writes them under its own)."""
    lines = []
    kappas = [row.table.kappa for row in comparison.rows if row.table.kappa is not None]
    both = [r.table.kappa for r in comparison.rows if r.both_used and r.table.kappa is not None]
    if kappas:
        also = (
            f"; over the {plural(len(both), 'code')} both used: {figure(sum(both) / len(both))}"
            if both and len(both) < len(kappas)
            else ""
        )
        lines.append(
            f"mean kappa over the {plural(len(kappas), 'code')} either coder used: "
            f"{figure(sum(kappas) / len(kappas))} (unweighted){also}"
        )
    # (the pairs are quotations: "passages both tagged: none" under a table of passages
    # both coded read as a contradiction, a research team's finding)
    if comparison.pairs:
        lines.append(
            f"quotations both tagged (overlapping, one a quotation at least): "
            f"{comparison.pairs}; same source: {comparison.same_source} "
            f"({figure(comparison.source_share, percent=True)})"
        )
    else:
        lines.append(
            "quotations both tagged: none (the source is compared where the coders' "
            "passages overlap and one at least is a quotation)"
        )
    return lines


def figure(value: float | None, percent: bool = False) -> str:
    """A kappa (0.000) or an agreement (0.0%); "n/a" for a code neither coder used."""
    if value is None:
        return "n/a"
    shown = f"{value * 100:.1f}%" if percent else f"{value:.3f}"
    return shown.removeprefix("-") if shown.strip("-0.%") == "" else shown  # never "-0.000"


@dataclass(frozen=True)
class Comparison:
    """Two coders compared: the codes (both coders' first, lowest kappa first; then one
    coder's; not applicable last), the
    articles compared, and the overlapping pairs with the same source."""

    coder_a: str
    coder_b: str
    articles: tuple[int, ...]
    rows: list[CodeRow] = field(default_factory=list)
    pairs: int = 0
    same_source: int = 0

    @property
    def source_share(self) -> float | None:
        return self.same_source / self.pairs if self.pairs else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4) + 0.0  # (+ 0.0: never -0.0)


def merged(spans: Iterable[tuple[int, int]]) -> Spans:
    """Spans sorted and joined where they overlap or touch."""
    out: Spans = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def covered(spans: Spans) -> int:
    """How many characters merged spans cover."""
    return sum(end - start for start, end in spans)


def overlap(one: Spans, other: Spans) -> int:
    """How many characters two lists of merged spans share."""
    shared, i, j = 0, 0, 0
    while i < len(one) and j < len(other):
        low, high = max(one[i][0], other[j][0]), min(one[i][1], other[j][1])
        shared += max(0, high - low)
        if one[i][1] <= other[j][1]:
            i += 1
        else:
            j += 1
    return shared


def table_of(a_spans: Spans, b_spans: Spans, length: int) -> Table:
    """The 2x2 table of one code in one article of `length` characters (spans merged and
    clipped to the text)."""
    a = merged((max(0, s), min(e, length)) for s, e in a_spans)
    b = merged((max(0, s), min(e, length)) for s, e in b_spans)
    both = overlap(a, b)
    a_only, b_only = covered(a) - both, covered(b) - both
    return Table(both, a_only, b_only, max(0, length - both - a_only - b_only))


def codes_of(annotation: Annotation) -> list[tuple[str, str]]:
    """The codes an annotation applies: (kind, name as compared) of its source and themes."""
    codes = [(SOURCE, name_key(annotation.source))] if annotation.source else []
    return codes + [(THEME, name_key(theme)) for theme in annotation.themes]


def compare(
    annotations: Iterable[Annotation],
    coder_a: str,
    coder_b: str,
    lengths: Mapping[int, int],
    both_coded: bool = False,
) -> Comparison:
    """Compare two coders on the articles of `lengths` (article id -> characters of its
    text) that both coded; annotations of other coders or articles are left out.
    `both_coded`: the caller found every article of `lengths` coded by both (from more
    annotations than `annotations`, which a filter narrowed to some codes)."""
    key_a, key_b = coder_key(coder_a), coder_key(coder_b)
    by_coder: dict[str, dict[int, list[Annotation]]] = {key_a: {}, key_b: {}}
    names: dict[tuple[str, str], str] = {}
    for annotation in annotations:
        key = coder_key(annotation.coder)
        if key in by_coder and annotation.article_id in lengths and not annotation.orphaned:
            by_coder[key].setdefault(annotation.article_id, []).append(annotation)
            if annotation.source:
                names.setdefault((SOURCE, name_key(annotation.source)), annotation.source)
            for theme in annotation.themes:
                names.setdefault((THEME, name_key(theme)), theme)
    coded_a, coded_b = by_coder[key_a], by_coder[key_b]
    if key_a == key_b:
        articles: tuple[int, ...] = ()
    elif both_coded:
        articles = tuple(sorted(lengths))
    else:
        articles = tuple(sorted(set(coded_a) & set(coded_b)))
    tables: dict[tuple[str, str], Table] = dict.fromkeys(names, Table())
    seen_in: dict[tuple[str, str], int] = defaultdict(int)
    # Characters of the articles each code marks somewhere: in the others, all of an
    # article's characters are "neither" for it, added once at the end (each code of each
    # article had been tabled: 2,000 articles of their own codes, 94 s)
    marked_in: dict[tuple[str, str], int] = defaultdict(int)
    pairs = same = total = 0
    for article_id in articles:
        length = lengths[article_id]
        total += length
        spans: dict[tuple[str, str], tuple[Spans, Spans]] = defaultdict(lambda: ([], []))
        for side, annotated in ((0, coded_a.get(article_id, [])), (1, coded_b.get(article_id, []))):
            for annotation in annotated:
                for code in codes_of(annotation):
                    spans[code][side].append((annotation.start, annotation.end))
        for code, (a_spans, b_spans) in spans.items():
            if code not in tables:
                continue  # (every code named above is: none of another coder's or article's)
            tables[code] = tables[code] + table_of(a_spans, b_spans, length)
            marked_in[code] += length
            seen_in[code] += 1
        found, agreeing = source_pairs(coded_a.get(article_id, []), coded_b.get(article_id, []))
        pairs, same = pairs + found, same + agreeing
    for code, table in tables.items():
        tables[code] = table + Table(0, 0, 0, total - marked_in[code])
    rows = [CodeRow(names[code], code[0], seen_in[code], table) for code, table in tables.items()]
    rows.sort(key=_row_order)
    return Comparison(coder_a, coder_b, articles, rows, pairs, same)


def _row_order(row: CodeRow) -> tuple[bool, bool, float, str, str]:
    """Codes both coders used first, lowest kappa first; then those one coder alone used
    (kappa 0 at best: hundreds of them came first and buried the codes that tell how far
    two coders agree); then those neither used (n/a)."""
    kappa = row.table.kappa
    return (
        kappa is None,
        not row.both_used,
        kappa if kappa is not None else 0.0,
        row.kind,
        row.code.casefold(),
    )


# Pairing looks at every A x B pair of an article while there are at most this many; past
# it (crafted or runaway data: 3,000 quotations a coder on one span made 9 million pairs,
# 1.8 GB and 25 s), each annotation of A weighs only the nearest of B (see `_candidates`).
EXACT_PAIRS = 250_000
NEAREST = 16  # B annotations weighed for each of A past EXACT_PAIRS
SCANNED = 64  # B annotations looked at for each of A to find them


def source_pairs(a: Iterable[Annotation], b: Iterable[Annotation]) -> tuple[int, int]:
    """Overlapping annotations of A and B (at least one a quotation), paired one to one by
    the largest overlap: how many pairs, and how many of them name the same source."""
    a, b = list(a), list(b)
    exact = len(a) * len(b) <= EXACT_PAIRS
    candidates = _all_overlaps(a, b) if exact else _candidates(a, b)
    candidates.sort(key=lambda c: c[:5])
    used_a: set[str] = set()
    used_b: set[str] = set()
    paired: list[tuple[Annotation, Annotation]] = []
    for *_, one, other in candidates:
        if one.id in used_a or other.id in used_b:
            continue
        used_a.add(one.id)
        used_b.add(other.id)
        paired.append((one, other))
    if not exact:  # those the nearest left unpaired, in order (none in real coding)
        paired += _rest_paired(
            [one for one in a if one.id not in used_a],
            [other for other in b if other.id not in used_b],
        )
    same = sum(name_key(one.source or "") == name_key(other.source or "") for one, other in paired)
    return len(paired), same


_Candidate = tuple[int, int, int, str, str, Annotation, Annotation]


def _pair(one: Annotation, other: Annotation) -> _Candidate | None:
    shared = min(one.end, other.end) - max(one.start, other.start)
    if shared > 0 and (one.kind == QUOTATION or other.kind == QUOTATION):
        return (-shared, one.start, other.start, one.id, other.id, one, other)
    return None


def _all_overlaps(a: list[Annotation], b: list[Annotation]) -> list[_Candidate]:
    return [pair for one in a for other in b if (pair := _pair(one, other)) is not None]


def _candidates(a: list[Annotation], b: list[Annotation]) -> list[_Candidate]:
    """For each annotation of A, its largest overlaps among the SCANNED annotations of B
    that start nearest before its end (B sorted by start): linear in the annotations. The
    same pairs as `_all_overlaps` wherever fewer than SCANNED of B start between the first
    one overlapping an annotation of A and that annotation's end (the coding of real
    articles; tested on random coding)."""
    ordered = sorted(b, key=lambda other: (other.start, other.end))
    starts = [other.start for other in ordered]
    found: list[_Candidate] = []
    for one in a:
        last = bisect_left(starts, one.end)  # B starting before A ends
        near = (_pair(one, other) for other in ordered[max(0, last - SCANNED) : last])
        found += heapq.nsmallest(NEAREST, (pair for pair in near if pair is not None))
    return found


def _rest_paired(a: list[Annotation], b: list[Annotation]) -> list[tuple[Annotation, Annotation]]:
    """Each annotation of A in turn (by start) paired with its largest overlap among the
    SCANNED of B still unpaired that start nearest before its end."""
    left = sorted(b, key=lambda other: (other.start, other.end, other.id))
    starts = [other.start for other in left]
    paired = []
    for one in sorted(a, key=lambda one: (one.start, one.end, one.id)):
        last = bisect_left(starts, one.end)
        first = max(0, last - SCANNED)
        near = [(pair, at) for at in range(first, last) if (pair := _pair(one, left[at]))]
        if near:
            at = min(near)[1]
            paired.append((one, left.pop(at)))
            del starts[at]
    return paired


def coders_of(annotations: Iterable[Annotation]) -> list[tuple[str, int]]:
    """Every coder with their number of annotations, most first (ties by name)."""
    counts: dict[str, int] = defaultdict(int)
    spelled: dict[str, str] = {}
    for annotation in annotations:
        key = coder_key(annotation.coder)
        counts[key] += 1
        spelled.setdefault(key, annotation.coder)
    return sorted(((spelled[k], n) for k, n in counts.items()), key=lambda c: (-c[1], c[0]))
