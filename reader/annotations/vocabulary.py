"""Which words of the index a typed word stands for: itself, a word it begins, a typo of one.

The rules, for a word as typed (folded):
- the same word, when the index has it; and then nothing else: a word that is there is
  never read as a typo of another ("fascist" does not find "assist");
- a word it begins, when it is still being typed (the last word, before a space), or when
  it is not an English word (`immigra` is cut short, `belt` is a word of its own);
- a typo (for a long word being typed, once it begins no word): one edit (insert, delete, substitute, swap two letters) in a word of 3 to 5
  letters, two in a longer one; except that a real English word that no annotation holds
  is not taken for a typo of another word ("pants" does not find "parts"), unless it is a
  name with a slip of the fingers: a letter left out or doubled, two letters swapped, or a
  neighbouring key pressed, not the first letter ("dug" finds Doug King, "sing" does not
  find King, "pale" does not find Pate). Names are where typos happen, and a misspelt name
  is often a word. A name typed whole (two words or more) is matched as a whole, each word
  with its typo ("jade bassi" finds Wade Bassi).
Whether a word is English comes from a list of 128,000 words (data/english_words.txt.gz).
"""

from __future__ import annotations

import gzip
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from pathlib import Path

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, DamerauLevenshtein

from reader.annotations.postings import Piece, Postings

MAX_EXPANSIONS = 64
MIN_TYPO_LENGTH = 3
EXACT, TYPO_1, TYPO_2 = 100.0, 85.0, 72.0
INFLECTED = 92.0  # "shovel" for "shovels": the same word, after the exact one
_WORD_LIST = Path(__file__).parent / "data" / "english_words.txt.gz"


class WordList:
    """A sorted list of words held as one string and where each word starts and ends: 2 MB
    where a set of the 128,000 words held 12 MB; a look-up is a bisection (6 µs)."""

    def __init__(self, sorted_words: str) -> None:
        """`sorted_words`: the words in sorted order, each ended by a newline."""
        self._text = sorted_words
        points = np.frombuffer(sorted_words.encode("utf-32-le"), np.uint32)  # by character
        ends = np.flatnonzero(points == 10)
        starts = np.concatenate(([0], ends[:-1] + 1)) if len(ends) else ends
        self._starts = array("i", starts.astype(np.int32).tobytes())  # (1.2 M characters)
        self._ends = array("i", ends.astype(np.int32).tobytes())

    def __len__(self) -> int:
        return len(self._starts)

    def _word(self, index: int) -> str:
        return self._text[self._starts[index] : self._ends[index]]

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        index = bisect_left(range(len(self._starts)), word, key=self._word)
        return index < len(self._starts) and self._word(index) == word


@cache
def english_words() -> WordList:
    """The English word list (loaded once, on the first search that needs it). The file
    holds lower-case ASCII words in sorted order, one a line (`bench/make_word_list.py`)."""
    text = gzip.decompress(_WORD_LIST.read_bytes()).decode("utf-8")
    # Comment lines, then one word a line (tests/annotations/test_search_typos.py checks the
    # file): the comments are cut off without a regex over the 1.2 MB (44 ms of a start's
    # first search; this is 1 ms).
    body = text
    while body.startswith("#"):
        body = body.partition("\n")[2]
    body = body.strip("\n")
    return WordList(body + "\n" if body else "")


def allowed_edits(term: str) -> int:
    """How many edits a typed word may be from the word it means."""
    if len(term) < MIN_TYPO_LENGTH:
        return 0
    return 1 if len(term) <= 5 else 2


_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, set[str]] = {}
for _row, _keys in enumerate(_KEYBOARD):
    for _column, _key in enumerate(_keys):
        near = _NEIGHBOURS.setdefault(_key, set())
        for _other_row in (_row - 1, _row, _row + 1):
            if 0 <= _other_row < len(_KEYBOARD):
                for _offset in (-1, 0, 1):
                    if 0 <= _column + _offset < len(_KEYBOARD[_other_row]):
                        near.add(_KEYBOARD[_other_row][_column + _offset])
        near.discard(_key)


def is_slip(typed: str, meant: str) -> bool:
    """One slip of the fingers turns `meant` into `typed`: a letter left out or added, two
    neighbouring letters swapped, or one letter replaced by a neighbouring key's."""
    if abs(len(typed) - len(meant)) == 1:
        return True
    if len(typed) != len(meant):
        return False
    differ = [i for i, (a, b) in enumerate(zip(typed, meant, strict=True)) if a != b]
    if len(differ) == 2 and differ[1] == differ[0] + 1:
        i = differ[0]
        return typed[i] == meant[i + 1] and typed[i + 1] == meant[i]
    return len(differ) == 1 and typed[differ[0]] in _NEIGHBOURS.get(meant[differ[0]], set())


class Vocabulary:
    """Distinct words with their postings, the words of names, and the look-ups above."""

    def __init__(self) -> None:
        self.postings = Postings()
        self.names: set[str] = set()  # words that occur in a name (a source)
        self._sorted: list[str] | None = None
        self._by_length: dict[int, list[str]] | None = None
        self._windows: dict[tuple[int, int, bool], list[str]] = {}

    def add(self, word: str, entry: int) -> None:
        if self.postings.add(word, entry):
            self._sorted = self._by_length = None
            self._windows = {}

    def set_saved(
        self, words: list[str], bounds: np.ndarray, entries: np.ndarray | Iterable[Piece]
    ) -> None:
        """Take saved postings: word i's entries are entries[bounds[i]:bounds[i + 1]]
        (given whole, or a piece at a time: `Postings.set_saved`)."""
        self.postings.set_saved(words, bounds, entries)
        self._sorted = self._by_length = None
        self._windows = {}

    def preparation(self) -> Iterator[Callable[[], object]]:
        """What the first look-ups would do, a step at a time, to be done beforehand so that
        they are as fast as the rest: sorting the words, grouping them by length, then each
        window of lengths of the words of names (`SearchIndex.prepare` takes the steps)."""
        yield self._sort_words
        yield partial(self._candidates, 0, 0)
        for length in range(3, 16):
            yield partial(self._candidates, length, 1, names=True)

    def _sort_words(self) -> None:
        if self._sorted is None:
            self._sorted = self.postings.sorted_words()

    def expand(self, term: str, prefix: bool = False) -> list[tuple[str, float]]:
        """Words that `term` stands for, with a similarity from 0 to 100; `prefix`: the
        word is still being typed."""
        matches: dict[str, float] = {}
        exact = term in self.postings
        if exact:
            matches[term] = EXACT
        real = exact or term in english_words()
        for word in inflections(term):  # "shovel" finds "shovels", "couches" "couch"
            if word in self.postings:
                matches[word] = max(matches.get(word, 0.0), INFLECTED)
        begun = False
        if prefix or not real:
            for word in self._beginning_with(term):
                matches[word] = 70.0 + 25.0 * len(term) / len(word)
                begun = True
        # A long word still being typed that begins other words: its typos wait until it
        # is finished, or begins nothing (they cost the most, and add least, then); but a
        # word it begins but for one slip is found now ("ministr" is "minister" begun with
        # a letter left out, beside "ministry": the search found the one, the shell both).
        if not exact and not (prefix and begun and len(term) > 5):
            for word, similarity in self._typos_of(term, real):
                if similarity > matches.get(word, 0.0):
                    matches[word] = similarity
        elif prefix and begun and not exact:
            for word in self._begun_with_a_slip(term):  # (below a true beginning of its length)
                matches.setdefault(word, 60.0 + 25.0 * len(term) / len(word))
        return list(matches.items())

    def _begun_with_a_slip(self, term: str) -> list[str]:
        """Words `term` begins but for a letter left out or two letters swapped, not among
        its first two nor at its end ("ministr" begins "minister", "minsiter" too). Not a
        letter changed: "contra" then began "control", "electio" "electronic" (an attack's
        finding). The words of the same two first letters are looked at, a few hundred."""
        if self._sorted is None:
            self._sorted = self.postings.sorted_words()
        start = bisect_left(self._sorted, term[:2])
        end = bisect_left(self._sorted, term[:2] + "\U0010ffff", start)
        close = [
            word
            for word in self._sorted[start:end]
            if len(word) > len(term) and _begun_but_for_a_slip(term, word)
        ]
        if len(close) > MAX_EXPANSIONS:
            close.sort(key=lambda w: -self.postings.count(w))
            close = close[:MAX_EXPANSIONS]
        return close

    def _beginning_with(self, term: str) -> list[str]:
        if self._sorted is None:
            self._sorted = self.postings.sorted_words()
        start = bisect_left(self._sorted, term)
        found = []
        for word in self._sorted[start:]:
            if not word.startswith(term):
                break
            if word != term:
                found.append(word)
        if len(found) > MAX_EXPANSIONS:
            found.sort(key=lambda w: -self.postings.count(w))
            found = found[:MAX_EXPANSIONS]
        return found

    def _typos_of(self, term: str, real: bool) -> list[tuple[str, float]]:
        edits = allowed_edits(term)
        if not edits:
            return []
        if real:  # a real word: only a name, one slip of the fingers away, can be meant
            edits = 1
            candidates = [
                w
                for w in self._candidates(len(term), edits, names=True)
                if w[0] == term[0] and is_slip(term, w)
            ]
        else:
            candidates = self._candidates(len(term), edits)
        if not candidates:
            return []
        # OSA (bit-parallel) first; it overcounts only where an edit falls inside a swap,
        # so the few one edit further are measured again with true Damerau-Levenshtein.
        distances = process.cdist([term], candidates, scorer=OSA.distance, dtype=np.int8)[0]
        for i in np.flatnonzero(distances == edits + 1).tolist():
            distances[i] = DamerauLevenshtein.distance(term, candidates[i])
        close = np.flatnonzero(distances <= edits)
        if close.size > MAX_EXPANSIONS:
            close = close[np.argsort(distances[close], kind="stable")[:MAX_EXPANSIONS]]
        return [(candidates[i], TYPO_1 if distances[i] <= 1 else TYPO_2) for i in close.tolist()]

    def add_names(self, words: Iterable[str]) -> None:
        """Note words that occur in a name (a source)."""
        before = len(self.names)
        self.names.update(words)
        if len(self.names) != before:
            self._windows = {}

    def _candidates(self, length: int, edits: int, names: bool = False) -> list[str]:
        """The words (or the words of names) whose length is within `edits` of `length`.

        The words of names are kept by window (a few hundred words, and filtering them is
        what costs); the others are joined from the words of each length at each look-up
        (20-50 µs): kept by window, each word was held in up to five (2.2 MB at 100,000
        annotations)."""
        key = (length, edits, names)
        found = self._windows.get(key)
        if found is None:
            if self._by_length is None:
                by_length: dict[int, list[str]] = {}
                for word in self.postings:
                    by_length.setdefault(len(word), []).append(word)
                self._by_length = by_length
            found = []
            for size in range(max(1, length - edits), length + edits + 1):
                found.extend(self._by_length.get(size, ()))
            if names:
                found = [word for word in found if word in self.names]
                self._windows[key] = found
        return found


def _begun_but_for_a_slip(term: str, word: str) -> bool:
    """Whether `word` begins with `term` with one of its letters put back (a letter left
    out) or two of them swapped back, past the first two letters and before the last."""
    head = word[: len(term) + 1]
    if any(head[:i] + head[i + 1 :] == term for i in range(2, len(term))):
        return True
    begun = word[: len(term)]
    return any(
        term[i] == begun[i + 1]
        and term[i + 1] == begun[i]
        and term[:i] == begun[:i]
        and term[i + 2 :] == begun[i + 2 :]
        for i in range(2, len(term) - 2)
    )


def inflections(term: str) -> list[str]:
    """The other number of an English noun (or person of a verb): "shovel" <-> "shovels",
    "couch" <-> "couches", "city" <-> "cities", "mayor" <-> "mayors". Only spellings: the
    vocabulary says which of them are words of the annotations."""
    if len(term) < 3 or not term.isalpha():
        return []
    forms = [f"{term}s", f"{term}es"]
    if term.endswith("y") and term[-2] not in "aeiou":
        forms.append(f"{term[:-1]}ies")  # city -> cities
    if term.endswith("ies") and len(term) > 4:
        forms.append(f"{term[:-3]}y")  # cities -> city
    if term.endswith("es") and term[:-2].endswith(("s", "x", "z", "ch", "sh")):
        forms.append(term[:-2])  # couches -> couch, taxes -> tax
    if term.endswith("s") and not term.endswith("ss") and len(term) > 3:
        forms.append(term[:-1])  # shovels -> shovel
    return forms
