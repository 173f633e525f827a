"""The words of an article and who they name: `Token`, `Entity` and `Mention`.

`tokens` cuts a text into words, abbreviations ("U.S.", "Dr.") and marks, each with its
offset (`_Tokens` does a whole article in one pass, with numpy); an `Entity` is one person,
organisation or place of an article, with the forms it goes by; a `Mention` is one place
where the article names it. `reader.quotes.names.Entities` builds them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from sys import intern
from typing import overload

import numpy as np

from reader.quotes.lexicon import entries, words

ABBREVIATIONS = "|".join(entries("abbreviations"))
# A word, an abbreviation ("U.S.", "Dr.", an initial) or a mark. The abbreviations are tried
# only where a capital and letters end in a full stop, as all of them do (a lookahead that
# makes tokenising 1 MB a third quicker; a capital alone, a tenth more).
# (The possessive `++` and `*+` match what `+` and `*` would, since nothing after them
# could make the engine take characters back, and spare it the bookkeeping: 15% quicker.)
# (A colon inside a word is looked at before what stands behind it: no lookbehind at the
# end of every word.)
_KIN_AFTER_POSSESSIVE = "|".join(sorted(words("kin_nouns"), key=len, reverse=True))
TOKEN = re.compile(
    # (Most tokens are words in lower case that nothing joins to the next: matched first, they
    # skip the tries below, which give them the same match: a fifth of the pass for 1 MB.)
    r"[a-z]++(?![\w’'\-:])|"
    r"[a-z]++(?<=s)[’'](?=\s[a-z])|"  # a plural noun's possessive: "the employers' union"
    # a name's that ends in s, before kin: "Strauss’ mother" (not "the Riders' sack leader")
    rf"[A-Z][a-z]++(?<=s)[’'](?=\s(?:{_KIN_AFTER_POSSESSIVE})\b)|"
    rf"(?=[A-Z][A-Za-z]*\.)(?:(?:[A-Z]\.){{2,}}|(?:{ABBREVIATIONS})\.|[A-Z]\.(?=\s+[A-Z])"
    r"|(?:[A-Z]\.)++[A-Z](?=\s+[A-Z][a-z]))"  # initials, the last without its stop: "S.P Kalantri"
    r"|\d+(?:[.,]\d+)++(?!\w)"  # a number, "11.5", "100,000": no sentence end, no comma
    r"|\w++(?:[’'\-]\w+|:(?<=[^\W\d_]:)(?=[^\W\d_])\w+)*+|[^\w\s]"  # "Stó:lō", "Semá:th"
)
_APOSTROPHE_ENDINGS = ("'s", "’s", "'", "’")  # a possessive or plural ending
_PARTICLES = words("name_particles")
# Irish surnames after Ó, Ní, Mac an: "Ó hAodha", "Ní hÉalaí", "Mac an tSaoir".
_IRISH_VOWELS = frozenset("AEIOUÁÉÍÓÚ")


@dataclass(slots=True)
class Token:
    """A word or mark of the text, with its offsets."""

    text: str
    start: int
    _word: str | None = field(default=None, repr=False, compare=False)
    _folded: str | None = field(default=None, repr=False, compare=False)

    @property
    def end(self) -> int:
        return self.start + len(self.text)  # (not stored: 180,000 fewer ints for 1 MB)

    @property
    def word(self) -> str:
        """The token without its possessive ending ("Malaysia's" -> "Malaysia")."""
        if self._word is None:
            self._word = _word_of(self.text)
        return self._word

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = self.text.casefold()
        return self._folded

    @property
    def capitalised(self) -> bool:
        """Starts with a capital, or is a name with a particle: "al-Amr", "bin-Laden"."""
        return _capitalised(self.text)

    @property
    def possessive(self) -> bool:
        return _possessive(self.text)


def _word_of(text: str) -> str:
    if text[:1].isalnum() and text.endswith(_APOSTROPHE_ENDINGS):
        return text[:-2] if text.endswith(("'s", "’s")) else text[:-1]
    return text


def _capitalised(text: str) -> bool:
    return (
        text[:1].isupper()
        or (
            "-" in text
            and text.split("-", 1)[0] in _PARTICLES
            and text.split("-", 1)[1][:1].isupper()
        )
        or (  # (by hand, not by pattern: this runs at every word of the article)
            len(text) > 2
            and text[0] in "dl"
            and text[1] in "'’"
            and text[2].isupper()  # "d'Amours", "l’Heureux"
        )
        or (
            len(text) > 1
            and text[0] in "ht"
            and (text[1] in _IRISH_VOWELS or text[:2] == "tS")  # "Ó hAodha", "Mac an tSaoir"
        )
    )


def _possessive(text: str) -> bool:
    return len(text) > 2 and text.endswith(_APOSTROPHE_ENDINGS)


_POST_NOMINALS = words("post_nominals")
_NAME_SUFFIXES = words("name_suffixes") | _POST_NOMINALS


def surname_of(name: str) -> str:
    """A person's surname, folded: "James P. Kennedy Jr." -> "kennedy"."""
    words = name.casefold().split()
    while len(words) > 1 and words[-1].strip(",") in _NAME_SUFFIXES:
        words.pop()
    return words[-1].strip(",") if words else ""


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`; repeated words share one string (`sys.intern`), which
    halves the memory a long article's tokens take."""
    return [
        Token(intern(m.group()), m.start())
        for m in TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


# The characters `\s` matches (str.isspace's; none lies above U+3000): every other character
# is inside a token, so the tokens, put end to end, are the text without them.
_SPACES = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)
_SHORT_TEXT = 2000  # characters: a shorter text is tokenised without numpy
_IS_SPACE = np.zeros(0x3002, dtype=bool)  # by code point, every one above U+3000 as U+3001
_IS_SPACE[_SPACES] = True
# A token after the white space before it: the engine skips the white space instead of trying
# every token pattern at each of its characters (a fifth quicker for 1 MB). Its one group is
# the token: `findall` gives the same words as `TOKEN.findall`.
_SPACED_TOKEN = re.compile(rf"\s*+({TOKEN.pattern})")


class _Tokens(Sequence[Token]):
    """A whole article's tokens as `tokens` gives them, each made a `Token` only when read:
    the words and offsets come from one regular-expression pass and sums done in C, and the
    objects, which took most of the time for 1 MB, only where names are looked at."""

    def __init__(self, text: str) -> None:
        self.texts: list[str]
        self.starts: list[int]
        if len(text) < _SHORT_TEXT:  # (a headline: numpy's calls would cost more than the loop)
            found = [(intern(m.group(1)), m.start(1)) for m in _SPACED_TOKEN.finditer(text)]
            self.texts, self.starts = [t for t, _ in found], [s for _, s in found]
        else:
            self.texts = list(map(intern, _SPACED_TOKEN.findall(text)))
            # Tokens are separated by white space only: the running lengths of the tokens are
            # where each starts in the text without its white space, and the offsets of the
            # characters that are not white space take them back to the text (all in C: no
            # Python loop over 180,000 tokens, no pair of strings made for each).
            lengths = np.fromiter(map(len, self.texts), np.int64, count=len(self.texts))
            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
            solid = np.flatnonzero(~_IS_SPACE[np.minimum(codes, 0x3001)])
            self.starts = solid[np.cumsum(lengths) - lengths].tolist()
        self._made: list[Token | None] = [None] * len(self.texts)

    def __len__(self) -> int:
        return len(self.texts)

    def picked(self, base: int, indices: Iterable[int]) -> list[Token]:
        """The tokens at `base + i` for each of `indices` (what `Entities._replay` reads)."""
        made, found = self._made, []
        for i in indices:
            token = made[base + i]
            if token is None:
                token = made[base + i] = Token(self.texts[base + i], self.starts[base + i])
            found.append(token)
        return found

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> list[Token]: ...
    def __getitem__(self, index: int | slice) -> Token | list[Token]:
        if isinstance(index, slice):
            made_list = self._made
            found = made_list[index]
            if not any(found) and index.step is None:  # none made yet: all made in one map
                fresh = list(map(Token, self.texts[index], self.starts[index]))
                made_list[index] = fresh
                return fresh
            if not all(found):  # (a C loop: a `Token` is always true) some not made yet
                texts, starts = self.texts, self.starts
                for position, i in enumerate(range(*index.indices(len(texts)))):
                    if found[position] is None:
                        found[position] = made_list[i] = Token(texts[i], starts[i])
            return found  # type: ignore[return-value]  # (no None left)
        made = self._made[index]
        if made is None:
            made = self._made[index] = Token(self.texts[index], self.starts[index])
        return made


@dataclass(eq=False)
class Entity:
    """A person or an organisation named in the article."""

    name: str
    kind: str  # "person" or "org"
    first: int
    aliases: set[str] = field(default_factory=set)
    description: str = ""
    gender: str = ""  # "m", "f" or unknown
    described_at: int = -1  # where the mention the description came with starts
    # What is offered beside the name when the description is a title cut short ("Coun.
    # Raj Patel, a longtime critic of the deal,": "a longtime critic of the deal"); the
    # description itself, which later mentions are resolved by, stays.
    offered: str = ""

    def describe(self, words: str, at: int) -> None:
        """Give the entity its description, from the mention at `at`."""
        self.description, self.described_at = words, at

    @property
    def surname(self) -> str:
        return surname_of(self.name) if self.kind == "person" else ""


class _Aliases(set[str]):
    """An entity's aliases, each also filed in its `Entities`' index for quick lookup."""

    def __init__(
        self, index: dict[str, list[Entity]], entity: Entity, keys: set[str], unsorted: set[str]
    ) -> None:
        super().__init__()
        self._index = index
        self._entity = entity
        self._unsorted = unsorted  # the keys whose entities are to be put in order again
        self.update(keys)

    def add(self, key: str) -> None:
        if key not in self:
            super().add(key)
            found = self._index.setdefault(key, [])
            found.append(self._entity)
            if len(found) > 1:
                self._unsorted.add(key)  # put in order of first mention when looked up

    def update(self, *groups: Iterable[str]) -> None:
        for group in groups:
            for key in group:
                self.add(key)


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names an entity."""

    start: int
    end: int
    text: str
    entity: Entity
