"""Two coders side by side: the agreement table of a library, and one article's
disagreements, with the edits that settle them.

`compare_library` reads the texts of the articles both coders coded (their lengths are the
characters the agreement counts over) and hands the rest to `annotations.agreement`.

In one article, the annotations of coder A and coder B that overlap form a *group*; a group
is a disagreement when A's codings in it (span, source, themes) are not exactly B's,
including a passage only one of them tagged. Settling a disagreement makes the two codings
the same, as MAXQDA's "adopt coding" does:

- keep A's: B's annotations of the group are deleted and B gets a copy of each of A's;
- keep B's: the same the other way;
- keep both: each coder gets a copy of every coding of the other's they lack.

The copies carry the other coder's name (they stand for that coder's decision after
discussion), a new id and the time of settling. Each settling is one undo step.
Run `reader agree` before settling: settled disagreements count as agreement afterwards.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec

from reader.annotations.agreement import SOURCE, THEME, Comparison, codes_of, compare
from reader.annotations.history import Edit
from reader.annotations.query import SOURCE as SOURCE_FIELD
from reader.annotations.query import THEMES as THEMES_FIELD
from reader.annotations.query import (
    parse_query,
    query_parts,
    split_query,
    tokens,
    whole_name_key,
)
from reader.core.codebook import name_key
from reader.core.coders import coder_key
from reader.core.records import Annotation, now
from reader.library.article_files import ArticleError
from reader.library.folder import Library
from reader.storage.database import Store

if TYPE_CHECKING:
    from reader.annotations.search import SearchIndex

KEEP_A, KEEP_B, KEEP_BOTH = "a", "b", "both"
A_ONLY, B_ONLY, BOTH = "a", "b", "both"


def selected(store: Store, query: str = "", index: SearchIndex | None = None) -> list[Annotation]:
    """The annotations a search-syntax query selects (every one for an empty query); `index`:
    one built already (a comparison asks up to three queries of one store)."""
    if not query.strip():
        return store.annotations()
    if index is None:
        from reader.annotations.search import SearchIndex  # numpy: only for a filtered compare

        index = SearchIndex.build(store)
    return [hit.annotation for hit in index.search(query, limit=max(len(index), 1)).hits]


def compare_library(
    store: Store, library: Library, coder_a: str, coder_b: str, query: str = ""
) -> tuple[Comparison, list[str]]:
    """Compare two coders, the query read as NVivo's coding comparison chooses
    (`split_query`): its `article:` parts choose the articles (those both coders coded,
    any annotation of theirs), its `source:` and `theme:` parts the codes shown (each
    computed over all the annotations compared, so a code's row is the one an unfiltered
    comparison gives), and the rest the annotations compared (`kind:passage`: passages
    only). Also the articles left out because their file could not be read (one line each).

    (The filter had chosen the articles and the data alike: with `theme:budget`, an article
    where only one coder saw the budget dropped out with her coding, which raised kappa, and
    other codes' rows counted only the budget passages.)"""
    keys = {coder_key(coder_a), coder_key(coder_b)}
    articles_part, codes_part, rest = split_query(query)
    index = None
    if query.strip():
        from reader.annotations.search import SearchIndex  # numpy: only for a filtered compare

        index = SearchIndex.build(store)
    coded: dict[str, set[int]] = {}
    for annotation in selected(store, articles_part, index):
        if coder_key(annotation.coder) in keys:
            coded.setdefault(coder_key(annotation.coder), set()).add(annotation.article_id)
    both = coded.get(coder_key(coder_a), set()) & coded.get(coder_key(coder_b), set())
    data = selected(store, f"{articles_part} {rest}".strip(), index)
    ours = [a for a in data if coder_key(a.coder) in keys and a.article_id in both]
    lengths: dict[int, int] = {}
    problems: list[str] = []
    for article_id in sorted(both):
        record = store.article(article_id)
        if record is None:
            continue
        try:
            lengths[article_id] = len(library.load(record).text)
        except ArticleError as error:
            problems.append(f"{record.path}: left out ({error})")
    comparison = compare(ours, coder_a, coder_b, lengths, both_coded=True)
    if codes_part:
        # each code named is one row: its term looked for alone ("theme:trust theme:cost"
        # asked for annotations carrying both, and said none matched), those left out
        # (`-theme:x`) with each
        terms = [typed for _, typed in query_parts(codes_part)]
        leaving = " ".join(t for t in terms if t.startswith("-"))
        others = f"{articles_part} {rest} {leaving}".strip()
        chosen = [
            annotation
            for term in [t for t in terms if not t.startswith("-")] or [""]
            for annotation in selected(store, f"{others} {term}".strip(), index)
        ]
        wanted = {
            code
            for a in chosen
            if coder_key(a.coder) in keys and a.article_id in both
            for code in codes_of(a)
        }
        every = {(r.kind, name_key(r.code)) for r in comparison.rows}
        named = codes_named(codes_part, wanted, every)
        rows = [r for r in comparison.rows if (r.kind, name_key(r.code)) in named]
        comparison = dataclasses.replace(comparison, rows=rows)
    return comparison, problems


def codes_named(
    codes_part: str, found: set[tuple[str, str]], every: set[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Of the codes of the annotations a `source:`/`theme:` filter found, those its terms
    name: `theme:policing` shows policing/oversight and policing/funding, not the equity
    and the sources those passages also carry (every code of them was shown, and the mean
    kappa counted them all, where the README and NVivo choose the codes named). Each term
    names a code whose words begin with the term's words; where the search found its codes
    by a looser match (a typo) and no code's words begin so, those it found stay. A term
    left out (`-theme:policing`) takes its codes away from the rest (`every` code, when no
    term names any: it had left none)."""
    query = parse_query(codes_part)
    fields = {SOURCE: SOURCE_FIELD, THEME: THEMES_FIELD}
    chosen = any(f in fields.values() for f, _ in (*query.filters, *query.exact))
    named: set[tuple[str, str]] = set() if chosen else set(every)
    for kind, field in fields.items():
        phrases = [words for f, words in query.filters if f == field]
        wholes = [key for f, key in query.exact if f == field]
        of_kind = {(k, key) for k, key in found if k == kind}
        if phrases or wholes:
            strict = {  # (each term names its own codes: any of them)
                (k, key)
                for k, key in of_kind
                if any(_begin_words(words, tokens(key)) for words in phrases)
                or any(_whole(kind, key, whole) for whole in wholes)
            }
            named |= strict or of_kind
        left_out = [words for f, words in query.excluded_filters if f == field]
        not_wholes = [key for f, key in query.not_exact if f == field]
        named -= {
            (k, key)
            for k, key in named
            if k == kind
            if any(_begin_words(words, tokens(key)) for words in left_out)
            or any(_whole(kind, key, whole) for whole in not_wholes)
        }
    return named


def _begin_words(words: tuple[str, ...], code_words: list[str]) -> bool:
    return all(any(word.startswith(term) for word in code_words) for term in words)


def _whole(kind: str, key: str, whole: str) -> bool:
    """A `source:=`/`theme:=` name: the source itself, or the theme or one under it."""
    own = whole_name_key(key)
    return own == whole or (kind == THEME and own.startswith(whole + "/"))


def _signature(annotation: Annotation) -> tuple[int, int, str, tuple[str, ...]]:
    themes = tuple(sorted(name_key(t) for t in annotation.themes))
    return (annotation.start, annotation.end, name_key(annotation.source or ""), themes)


@dataclass(frozen=True)
class Disagreement:
    """Overlapping annotations of A and B whose codings differ; `start`, `end`: the text
    they cover together."""

    start: int
    end: int
    a: tuple[Annotation, ...]
    b: tuple[Annotation, ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(x.id for x in (*self.a, *self.b))


def disagreements(
    annotations: Iterable[Annotation], coder_a: str, coder_b: str
) -> list[Disagreement]:
    """The disagreements of one article's annotations, in text order."""
    key_a, key_b = coder_key(coder_a), coder_key(coder_b)
    if key_a == key_b:
        return []
    mine = sorted(
        (x for x in annotations if not x.orphaned and coder_key(x.coder) in (key_a, key_b)),
        key=lambda x: (x.start, x.end),
    )
    groups: list[list[Annotation]] = []
    reach = -1
    for annotation in mine:
        if groups and annotation.start < reach:
            groups[-1].append(annotation)
            reach = max(reach, annotation.end)
        else:
            groups.append([annotation])
            reach = annotation.end
    found = []
    for group in groups:
        side_a = tuple(x for x in group if coder_key(x.coder) == key_a)
        side_b = tuple(x for x in group if coder_key(x.coder) == key_b)
        if {_signature(x) for x in side_a} != {_signature(x) for x in side_b}:
            start = min(x.start for x in group)
            end = max(x.end for x in group)
            found.append(Disagreement(start, end, side_a, side_b))
    return found


def coverage(
    annotations: Iterable[Annotation], coder_a: str, coder_b: str
) -> list[tuple[int, int, str]]:
    """The text each coder tagged, cut where that changes: (start, end, `A_ONLY`, `B_ONLY`
    or `BOTH`), in text order."""
    key_a, key_b = coder_key(coder_a), coder_key(coder_b)
    events: list[tuple[int, int, int]] = []  # (offset, +1/-1, side)
    for x in annotations:
        if x.orphaned or x.end <= x.start:
            continue
        side = 0 if coder_key(x.coder) == key_a else 1 if coder_key(x.coder) == key_b else -1
        if side >= 0:
            events += [(x.start, 1, side), (x.end, -1, side)]
    events.sort()
    depth = [0, 0]
    out: list[tuple[int, int, str]] = []
    last = None
    for offset, step, side in events:
        if last is not None and offset > last and (depth[0] or depth[1]):
            who = BOTH if depth[0] and depth[1] else A_ONLY if depth[0] else B_ONLY
            if out and out[-1][1] == last and out[-1][2] == who:
                out[-1] = (out[-1][0], offset, who)
            else:
                out.append((last, offset, who))
        depth[side] += step
        last = offset
    return out


def _copy(annotation: Annotation, coder: str, stamp: str) -> Annotation:
    return msgspec.structs.replace(
        annotation, id=uuid.uuid4().hex, coder=coder, created=stamp, updated=stamp
    )


def settle(disagreement: Disagreement, keep: str, coder_a: str, coder_b: str) -> list[Edit]:
    """The edits that make A's and B's codings of a disagreement the same (see the module
    docstring); apply them with `History.apply_all`, one undo step."""
    stamp = now()
    label = {KEEP_A: f"keep {coder_a or 'no coder'}'s", KEEP_B: f"keep {coder_b or 'no coder'}'s"}
    edits: list[Edit] = []
    if keep in (KEEP_A, KEEP_B):
        kept, dropped = (
            (disagreement.a, disagreement.b) if keep == KEEP_A else (disagreement.b, disagreement.a)
        )
        other = coder_b if keep == KEEP_A else coder_a
        name = label[keep]
        copies = [_copy(x, other, stamp) for x in kept]
        # A dropped annotation becomes a copy (its id kept, `updated` now), not deleted and
        # replaced: importing the other coder's older file again then finds its id with a
        # newer version here, and the merge rule keeps the settled one, where a deleted id
        # would have come back as new.
        replaced = [
            Edit(old, msgspec.structs.replace(copy, id=old.id, created=old.created), name)
            for old, copy in zip(dropped, copies, strict=False)
        ]
        edits += replaced
        edits += [Edit(x, None, name) for x in dropped[len(replaced) :]]
        edits += [Edit(None, copy, name) for copy in copies[len(replaced) :]]
        return edits
    have_a = {_signature(x) for x in disagreement.a}
    have_b = {_signature(x) for x in disagreement.b}
    edits += [
        Edit(None, _copy(x, coder_b, stamp), "keep both")
        for x in disagreement.a
        if _signature(x) not in have_b
    ]
    edits += [
        Edit(None, _copy(x, coder_a, stamp), "keep both")
        for x in disagreement.b
        if _signature(x) not in have_a
    ]
    return edits


def ranked_coders(annotations: Sequence[Annotation]) -> list[str]:
    """Every coder of `annotations` (as first spelled), the one with the most first, ties
    by name."""
    counts: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for x in annotations:
        key = coder_key(x.coder)
        counts[key] = counts.get(key, 0) + 1
        spelled.setdefault(key, x.coder)
    return [spelled[k] for k in sorted(counts, key=lambda k: (-counts[k], k))]


def pick_coders(
    annotations: Sequence[Annotation], me: str, other: str | None = None
) -> tuple[str, str] | None:
    """The two coders to compare: `me` (or the coder with the most annotations when `me`
    has none) and `other` when it is another coder there, else the other coder with the
    most annotations; None with fewer than two coders."""
    ranked = ranked_coders(annotations)
    if len(ranked) < 2:
        return None
    mine = coder_key(me)
    first = next((c for c in ranked if coder_key(c) == mine), ranked[0])
    others = [c for c in ranked if coder_key(c) != coder_key(first)]
    wanted = coder_key(other) if other is not None else None
    return first, next((c for c in others if coder_key(c) == wanted), others[0])


def next_coder(annotations: Sequence[Annotation], coder_a: str, coder_b: str) -> str | None:
    """The coder to compare with A after B: the next of the others by how much they coded,
    round to the first again; None when B is the only other coder."""
    others = [c for c in ranked_coders(annotations) if coder_key(c) != coder_key(coder_a)]
    keys = [coder_key(c) for c in others]
    if len(others) < 2:
        return None
    at = keys.index(coder_key(coder_b)) if coder_key(coder_b) in keys else -1
    return others[(at + 1) % len(others)]
