"""What the quote finder knows of one article while it reads it, and the small questions
every rule asks.

`_ArticleContext` holds the article's visible text, its structure (paragraphs, sentences,
quotations), the people and organisations named in it (`reader.quotes.names.Entities`), the
ranker's candidates and what the reading has found so far (the last speaker, the quotations
given one); it says where a sentence or a paragraph starts and ends, and whether a mention is
its sentence's subject. `_Attribution` is what a rule concludes of a quotation's speaker.
The word patterns several rules share (roles, titles, a sentence's opening subject) live
here too.

The finder is one class built in layers, each a module with one job and each reading only
the layers below it: this one; `descriptions` ("the minister", "the company"); `pronouns`
("he said"); `resolution` (the words a cue names, to one person or body); `cue_reading` (the
words around a quotation); and `attribution`, which runs them over the article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.text import Quotation, TextStructure, curly_marks
from reader.quotes.cues import (
    INVERTIBLE,
)
from reader.quotes.finding import QuoteFinding
from reader.quotes.given_names import is_given_name
from reader.quotes.lexicon import words
from reader.quotes.mentions import Entity, Mention
from reader.quotes.name_registry import TITLES
from reader.quotes.name_words import DATELINE_LEAD, MODIFIER_ENDINGS
from reader.quotes.names import Entities
from reader.quotes.phrases import (
    ADVERBS,
    CLOCK_ZONES,
    COMMON_VERBS,
    DETERMINERS,
    PERSON_NOUNS,
    PREPOSITIONS,
)
from reader.quotes.ranking import Candidate, Candidates, Rule
from reader.quotes.ranking import model as ranking_model

_WORD = re.compile(r"\w+")
_FUNCTION_WORDS = PREPOSITIONS | {
    "and",
    "but",
    "or",
    "so",
    "then",
    "that",
    "which",
    "who",
    "it",
    "this",
    "there",
}
_SMALL_WORDS = words("title_small_words")
_GRAMMAR_WORDS = _FUNCTION_WORDS | DETERMINERS | ADVERBS | COMMON_VERBS | {"yet", "still", "nor"}


@dataclass(frozen=True)
class _Attribution:
    entity: Entity | None
    name: str | None
    mention: str
    cue: str
    confidence: float
    authorless: bool = False  # a document with no author named: "the report said"
    described: bool = False  # a pronoun for the subject of the sentence before: kept
    # People a pronoun cannot stand for: those its sentence named in what it reports
    others: frozenset[int] = frozenset()
    # The speaker of a paragraph before, carried on to a quotation no words here give
    carried: bool = False

    @property
    def speaker(self) -> str | None:
        return self.entity.name if self.entity is not None else self.name


# Capitalised words right before a name, as titles and organisations stand there.
# Titles and what they are of: "Senate Majority Leader ", "Assembly of First Nations
# National Chief ", "Minister of Foreign Affairs ".
_TITLES_BEFORE = re.compile(
    r"(?:\b[A-Z](?:[\w’'-]*|\w{0,3}\.)[ \u00a0]+(?:of[ \u00a0]+(?=[A-Z]))?){1,6}$"
)
# A description before a name: "Obama consultant ", "Mount Royal University criminologist "
# (a capitalised word, or a short one with a full stop: "Sen.", never "Comey." ending a sentence).
_DESCRIBED_BEFORE = re.compile(
    r"(?:\b[A-Z](?:[\w’'-]*|[\w’'-]{0,3}\.)[ \u00a0]+(?:(?:of|for|and)[ \u00a0]+(?=[A-Z]))?){0,5}"
    r"(?:\b[a-z][\w-]*[ \u00a0]+){0,3}(?P<role>\b[a-z][\w-]*)[ \u00a0]+$"
)  # ("Toronto Region Board of Trade spokesperson ", "chief public health officer ")
# Whose the person is, opening the sentence: "The NDP's ", "Canada's ", "The Greens' ".
_POSSESSOR_BEFORE = re.compile(
    r"(?:(?:\b[Tt]he[ \u00a0]+)?(?:\b[A-Z][\w&.-]*[ \u00a0]+){0,4}\b[A-Z][\w&.-]*"
    r"|\b[Tt]he[ \u00a0]+(?:[a-z][\w-]*[ \u00a0]+)?[a-z][\w-]*)(?:[’']s|(?<=s)[’'])[ \u00a0]+$"
)
_ROLE_WORDS = TITLES | PERSON_NOUNS
# An owner's possessive, up to two words, then a role in lower case, right before a name
# ("Wenger's Bayern counterpart ", "Clinton’s campaign manager "): the owner's person.
_POSSESSOR_ROLE_BEFORE = re.compile(
    r"\b[A-Z][\w&.-]*(?:[’']s|(?<=s)[’'])[ \u00a0]+(?:[\w&.-]+[ \u00a0]+){0,2}"
    r"(?P<role>[a-z][\w-]*)[ \u00a0]+$"
)
# A place's "-based" or "-born" word right before a name (or its title): part of the subject.
_MODIFIED_BY = tuple(ending for ending in MODIFIER_ENDINGS if ending != "-era")
_MODIFIER_BEFORE = re.compile(
    r"(?<![\w.’'-])[\w.’'-]+(?:" + "|".join(map(re.escape, _MODIFIED_BY)) + r")[ \u00a0]+$"
)
# Endings of words for what people do, for roles the lists lack: "technician",
# "hygienist", "chairperson", "auctioneer", "videographer".
_ROLE_ENDINGS = ("ician", "ist", "person", "eer", "grapher")


def _is_role(word: str) -> bool:
    """A word for a person's role: listed, or with a role's ending ("technician")."""
    return word in _ROLE_WORDS or (len(word) > 5 and word.endswith(_ROLE_ENDINGS))


_AGED_BEFORE_NAME = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z][\w-]*\s+){0,2}$")  # "67-year-old "


def _describes_a_person(word: str) -> bool:
    """Whether a capitalised word opening a sentence before a name may be a role
    ("Geologist", "Resident"), not a word of grammar ("But", "From", "Still") or a name."""
    folded = word.casefold()
    return word[1:].islower() and folded not in _GRAMMAR_WORDS and not is_given_name(folded)


_COUNT_WORDS = frozenset({"two", "three", "four", "five", "six", "seven", "eight", "nine"})
_WORD_NEXT = re.compile(r"[ ]+([a-z]+)")  # the lower-case word after a name or a phrase


def _role_words(words: list[str]) -> bool:
    """Whether the lower-case words after a sentence's capitalised first word and before a
    name end a role: none ("Geologist"), "of four" ("Mother of four"), "7 student"; not
    "has endorsed" ("Grayson has endorsed Sanders": the name is the object)."""
    if not words:
        return True
    last = words[-1]
    return (last in _ROLE_WORDS or last.isdigit() or last in _COUNT_WORDS) and not any(
        w in COMMON_VERBS or w.endswith("ed") for w in words
    )


# A capitalised word, and up to three lower-case ones or numbers, between a sentence's
# start and a name: "Geologist ", "Resident ", "Mother of four ", "Grade 7 student ".
# (Its capital comes first, what must stand before it looked behind after it: the engine skips
# to capitals instead of trying the lookbehinds at each character, 3x quicker.)
_OPENING_ROLE = re.compile(
    r"([A-Z](?:(?<=^[A-Z])|(?<=[.!?][\"”’)]\s[A-Z])|(?<=[.!?]\s[A-Z])|(?<=\n[A-Z]))"
    r"[a-z]+(?:-[a-z]+){0,3})((?: (?:[a-z][a-z-]*|\d+)){0,3}) $"
)  # ("Co-author Marisol Quintanilla-Webb", "Man-of-the-match Stephen Jones")
_KIN_OPENING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:His|Her|Their|Its|The|A|An)(?:\s+[a-z][\w’'-]*){1,4},\s+$"
)
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while|so)\s+$")
# "supporters cheered as Qazi-Lockwood, a former trustee, thanked her parents": the
# subject of an "as" clause (the verb after the name or its apposition)
_SUBORDINATE = re.compile(r"\b[a-z]+ as\s+$")
_WARD_BEFORE = re.compile(r"\b(?:Ward|District|Division|Zone) \d{1,3} $")
_AMONG = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:Among|In|At|On|Behind|Beside|Near|Next to) [^.;:!?\n,]{1,80} "
    r"(?:was|were) (?:\d+-year-old )?$"
)  # ("In the front row was Odessa Carvery", "Among the volunteers was 16-year-old …")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.? $")
# An office before a name: "Minister for Manpower ", "Secretary of State for Wales ".
_TITLE_MODIFIERS = frozenset({"assistant", "associate", "deputy", "acting", "vice", "senior"})
# A title's word right before (with "then-" or "ex-" glued to it): "then-Deputy "
_TITLE_WORD_BEFORE = re.compile(r"(?:\b[Tt]hen-|\b[Ee]x-)?\b(?P<word>[A-Z][a-z]+) $")
_OFFICE_BEFORE = re.compile(
    r"\b([A-Z][\w.’'-]*) (?:of|for) (?:the )?(?:[A-Z][\w’'-]* (?:(?:of|for|and) )?){1,4}$"
)
_WORD_CHARACTERS = re.compile(r"[\w’'.-]*")
# A comma, a preposition's phrase and the end of the sentence, with no comma between.
_ADJUNCT_TO_THE_END = re.compile(r",\s+(\w+)\b[^,;:.!?\"“”\n]*[.!?](?:\s|$)")
# An owner's sentence ("Mr Brown's Budget was not about …, but “…,” the Tory leader said.")
# that a trailing clause with a reporter of its own, not a pronoun, gives to someone: no stop
# before the quotation, its words, then "the Tory leader said" within six words.
_OWNER_REPORTED = re.compile(
    r"[^.!?“”\"\n]{0,300}[“\"][^“”\"\n]{1,600}[,.!?]?[”\"],?[ \u00a0]+"
    r"(?!(?:he|she|they|it|we|I)\b)(?:[\w’'-]+[ \u00a0]+){1,6}?"
    r"(?:said|says|added|adds|told|argued|insisted|claimed|warned|explained|wrote)\b"
)
# Marks that end a clause or a sentence right after a name.
_CLAUSE_MARKS = frozenset(".,;:!?")
# A speech verb after a comma, its subject after it: "…, said Councillor Joe Cressy".
_INVERTED_SPEECH_BEFORE = re.compile(r",\s+(said|says|[a-z]+ed|[a-z]+s)\s+$")
_CLAUSE_END_AFTER = re.compile(r"[,.;:!?]|\s+[-–—]|\s*$")
# A sentence that opens on a body's name and a role in lower-case words, up to a name:
# "WorkSafeBC director of government and media relations ".
_DESCRIBED_OPENING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:[A-Z][\w.&’'-]*\s+){1,4}"
    r"(?P<role>(?:[a-z][\w-]*\s+){1,8})$"
)
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?\n][\"”’')]*\s*|,\s|\s[-–—]\s)$"
)  # (also after a quotation that ends its sentence, and after a dash: "Despite … - they
# have lost eight of 13 - Ireland coach Eddie O'Sullivan says")


def _last_words(text: str, start: int) -> frozenset[str]:
    """The word before `start` and its endings after a hyphen, folded, without a full stop
    ("Ex-Sen." -> "ex-sen", "sen"): what `_TITLES_BEFORE` or `_DESCRIBED_BEFORE` would end in."""
    end = start
    while end > 0 and text[end - 1] in " \u00a0":
        end -= 1
    if end == start:
        return frozenset()
    word = text[max(0, end - 40) : end]
    # The last word: the characters of words that end the text, read backwards in one match
    # (a pattern ending in `$` is tried at each of the 40 characters), less the marks that
    # cannot open a word; before a final line break as `$` would match.
    word = word.removesuffix("\n")
    found = _WORD_CHARACTERS.match(word[::-1])
    word = found.group()[::-1].lstrip(".-") if found else ""
    if not word:
        return frozenset()
    word = word.casefold()
    if "-" not in word:
        return frozenset((word.rstrip("."),))  # (as below, for the one part most words have)
    parts = word.split("-")
    return frozenset(
        part.rstrip(".") for part in ("-".join(parts[i:]) for i in range(len(parts))) if part
    )


class _InsideQuote:
    """Whether an offset is inside a quotation (between its marks).

    The finder's candidates (`reader.quotes.ranking.Candidates`) ask it too. It holds only
    the quotations' spans, never the finder: a bound method of the finder there would make a
    cycle, and the finder, its 1 MB of tokens and mentions with it, would then wait for the
    cyclic collector (a full pass over them, a tenth of the search's time) instead of being
    freed when the search returns."""

    def __init__(self, quotes: Sequence[Quotation]) -> None:
        self._starts = [q.inner.start for q in quotes]
        self._ends = [q.inner.end for q in quotes]

    def __call__(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]


# Characters that print nothing and are no space to str.strip or \s: a zero-width space
# after a closing mark ("…everyone.” \u200b") had made the quotation no one's speech.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_AS_SPACES = str.maketrans(dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff", " "))


def _visible(text: str) -> str:
    """`text` with its zero-width characters read as spaces (the same offsets)."""
    return text.translate(_AS_SPACES) if _INVISIBLE.search(text) else text


class _Subjects:
    """`is_subject` of each mention, worked out once: the rules and the ranker's candidates
    ask it of the same mentions again and again (a third of the asks for a 1 MB article).
    What it says depends only on the text and where the mention is. Like `_InsideQuote`, it
    holds no reference to the finder (no cycle)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: dict[tuple[int, int], bool] = {}

    def __call__(self, mention: Mention) -> bool:
        key = (mention.start, mention.end)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = is_subject(self._text, mention)
        return found


# A finder's record of each speech quotation: the rules' finding, their choice, the candidates.
Trace = list[tuple[QuoteFinding, Rule, list[Candidate]]]
AntecedentTrace = list[tuple[int, int, list[tuple[Entity, tuple[float, ...]]]]]


def _same_line(one: str, other: str) -> bool:
    """Whether two lines are the same words, whatever their spacing and case."""
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def _quoted_title(inner: str) -> bool:
    """A quotation that reads as a title, of three words to twenty ("We’re Not Gonna Take
    It", "Financial Freedom: A Proven Path to All the Money You Will Ever Need")."""
    if len(inner) > 160 or not inner.lstrip()[:1].isupper():
        return False  # (most quotations: a sentence's words, not looked at further)
    words = _WORD.findall(inner)
    return 3 <= len(words) <= 20 and _closing_title(inner, words)


def _closing_title(inner: str, words: list[str]) -> bool:
    """`_title_case`, the quotation's own full stop or comma set aside: a title that closes
    its sentence holds the sentence's stop, US style ("to perform “Takin’ It to the
    Streets.”")."""
    return _title_case(inner.rstrip().rstrip(".,"), words)


def _title_case(inner: str, words: list[str]) -> bool:
    """“Anon Declares War on Scientology”: most words capitalised, no closing punctuation."""
    if len(words) < 2 or inner.rstrip().rstrip("’'”\")]")[-1:] in {".", "?", "!"}:
        return False
    significant = [w for w in words if w.casefold() not in _SMALL_WORDS]
    return bool(significant) and sum(w[:1].isupper() for w in significant) / len(significant) >= 0.6


# A live report's time stamp opening a paragraph: "13.08 ", "10:32 a.m. ET: ".
_CLOCK_OPENING = re.compile(
    rf"\d{{1,2}}[.:]\d{{2}}(?: ?(?:[ap]\.?m\.?|(?i:{'|'.join(CLOCK_ZONES)})))*(?: ?[:|\-–—])? $"
)


# A word that links a sentence to the one before, then its subject with no comma between:
# "But then Cruz offered", "Then Ruiz said", "And Obama replied".
_OPENING_CONNECTIVE = re.compile(
    r"\b(?:But|And|So|Yet|Then|Still|Later|Meanwhile|Instead|Now)(?: then)? $"
)


def _described_opening_subject(text: str, start: int, mention: Mention) -> bool:
    """Whether a name that a speech verb follows is its sentence's subject because all
    that opens the sentence before it is its description: "WorkSafeBC director of
    government and media relations Craig Fitzsimmons said …" (a body's name, then words for
    a role in lower case, one of them a title or a word for a person, and no verb)."""
    verb = _WORD_NEXT.match(text, mention.end)
    if verb is None or verb.group(1) not in INVERTIBLE:
        return False
    opening = _DESCRIBED_OPENING.search(text, max(0, start - 120), start)
    if opening is None:
        return False
    lower = [w.casefold() for w in _WORD.findall(opening.group("role"))]
    return any(w in TITLES or w in _ROLE_WORDS for w in lower) and not any(
        w in COMMON_VERBS or w.endswith("ed") for w in lower
    )


def is_subject(text: str, mention: Mention) -> bool:
    """A mention that opens its sentence or clause, as subjects do."""
    if mention.text.endswith(("'s", "’s")) and _OWNER_REPORTED.match(text, mention.end):
        return False  # "Mr Brown's Budget was …, “…,” the Tory leader said.": his sentence
    start = mention.start
    title = _HONORIFIC_BEFORE.search(text, max(0, start - 6), start)
    if title:
        start = title.start()  # "Realising his error, Mr Campbell then e-mailed"
    # (The patterns only tell when the word right before is a title or a role: looked at
    # first, that word spares the searches, 20 µs a mention, for most names.)
    last = _last_words(text, start)
    if not last.isdisjoint(TITLES):
        titled = _TITLES_BEFORE.search(text, max(0, start - 60), start)
        if titled and titled.group().split()[-1].casefold().rstrip(".") in TITLES:
            start = titled.start()  # "On Tuesday, Senate Majority Leader Mitch McConnell"
            last = _last_words(text, start)
    if text.endswith(_MODIFIED_BY, 0, max(0, start - 1)):
        modifier = _MODIFIER_BEFORE.search(text, max(0, start - 40), start)
        if modifier is not None:
            start = modifier.start()  # "Amid the controversy, Texas-based Dr. Cynthia Robbins"
    # (each pattern is searched only when the character it ends on is there: is_subject
    # runs at every mention near a quotation)
    ward = text[start - 2 : start - 1].isdigit() and _WARD_BEFORE.search(
        text, max(0, start - 16), start
    )
    if ward:
        start = ward.start()  # "Ward 3 Coun. Gianna Ferraro-Lang, whose ward …, said"
    window = text[max(0, start - 60) : start]
    if " of " in window or " for " in window:
        office = _OFFICE_BEFORE.search(text, max(0, start - 60), start)
        if office and office.group(1).casefold().rstrip(".") in TITLES:
            start = office.start()  # "Minister for Manpower Faizal Iskandar Rahmat said"
            while (before_title := _TITLE_WORD_BEFORE.search(text, max(0, start - 30), start)) and (
                before_title.group("word").casefold() in TITLES | _TITLE_MODIFIERS
            ):
                start = before_title.start()  # "then-Deputy Assistant Secretary for …"
            last = _last_words(text, start)
    if not last.isdisjoint(_ROLE_WORDS) or any(w.endswith(_ROLE_ENDINGS) for w in last):
        described = _DESCRIBED_BEFORE.search(text, max(0, start - 80), start)
        if described and _is_role(described.group("role").casefold()):
            start = described.start()  # "Obama consultant Cornell Belcher picked up"
            while start > 0 and (text[start - 1] == "-" or text[start - 1].isalnum()):
                start -= 1  # the whole of "Co-author", not its "author"
    if text.endswith(("'s ", "’s ", "s' ", "s’ "), 0, start):
        possessor = _POSSESSOR_BEFORE.search(text, max(0, start - 80), start)
        if possessor is not None:
            start = possessor.start()  # "The NDP's Rémi Tremblay-Ouellet said his party …"
    elif text[start - 1 : start] == " " and text[start - 2 : start - 1].islower():
        owned = _POSSESSOR_ROLE_BEFORE.search(text, max(0, start - 80), start)
        if owned is not None and owned.group("role").casefold() in _ROLE_WORDS:
            start = owned.start()  # "But Wenger's Bayern counterpart Felix Magath was …"
    if text.endswith(" ", 0, start) and "-year-old" in text[max(0, start - 40) : start]:
        aged = _AGED_BEFORE_NAME.search(text, max(0, start - 40), start)
        if aged is not None:
            start = aged.start()  # "Outside, 61-year-old Achieng Otieno held a sign"
    if text[max(0, start - 4) : start] in {"The ", "the "}:
        start -= 4  # "The Food Standards Agency warned"
    else:
        opener = _OPENING_ROLE.search(text, max(0, start - 50), start)
        if (
            opener is not None
            and _describes_a_person(opener.group(1))
            and _role_words(opener.group(2).split())
        ):
            start = opener.start()  # "Geologist Ewan MacFie said": a role opening the sentence
    if text[start - 2 : start - 1].isalpha():
        connective = _OPENING_CONNECTIVE.search(text, max(0, start - 16), start)
        if connective is not None:
            start = connective.start()  # "But then Cruz offered up …": the sentence's subject
    before = text[max(0, start - 3) : start]
    if text.endswith(", ", 0, start) and _KIN_OPENING.search(text, max(0, start - 60), start):
        return True  # "Her cousin, Gerhard Reimer, who lived …, stood beside her"
    if text.endswith(("was ", "were ", "-old "), 0, start) and _AMONG.search(
        text, max(0, start - 110), start
    ):
        return True  # "Among the evacuees was Aroha Pohatu": the sentence is about her
    if text.endswith("as ", 0, start) and _SUBORDINATE.search(text, max(0, start - 30), start):
        return True  # "supporters cheered as Qazi-Lockwood, a former trustee, thanked …"
    if text.endswith(("and ", "but ", "while ", "so "), 0, start) and _CLAUSE_JOIN.search(
        text, max(0, start - 10), start
    ):
        return True  # "…in December, and Downey-Carvery said members …": the clause's subject
    if start == 0 or before.endswith("\n"):
        return True
    if before[-2:] in {"d ", "s "}:
        inverted = _INVERTED_SPEECH_BEFORE.search(text, max(0, start - 24), start)
        if (
            inverted is not None
            and inverted.group(1).casefold() in INVERTIBLE
            and _CLAUSE_END_AFTER.match(text, mention.end)  # (not "…, said Melzer was …")
        ):
            return True  # "…, said Councillor Joe Cressy, who chairs …": who said it
    if before[-1:] == " " and (text[start - 2 : start - 1].isalnum() or before[-2:-1] in ":|-–—"):
        stamp = _CLOCK_OPENING.search(text, max(0, start - 30), start)
        if stamp is not None and (stamp.start() == 0 or text[stamp.start() - 1] == "\n"):
            return True  # "13.08 Tony Fernandes, the Air Asia chief, has been speaking"
    if not _SUBJECT_BEFORE.search(before):
        return _described_opening_subject(text, start, mention)
    if before[-2:-1] in "-–—" and text[mention.end : mention.end + 1] in _CLAUSE_MARKS:
        return False  # "one figure he would love to portray - Ian Paisley.": what he named
    # After a comma, a name set off by another and a phrase of a preposition that runs to
    # the sentence's end has no verb of its own: the object of the clause before ("blaming
    # … and even, it appeared, Ryan, for the bill's lack of support Friday.").
    after = _ADJUNCT_TO_THE_END.match(text, mention.end)
    return not (before.endswith(", ") and after and after.group(1).casefold() in PREPOSITIONS)


class _ArticleContext:
    """The article being read, what has been found in it so far, and where its sentences and
    paragraphs are."""

    def __init__(
        self,
        structure: TextStructure,
        known: Sequence[str],
        headline: int | None,
        trace: Trace | None = None,
    ) -> None:
        self.structure = structure
        self.text = _visible(curly_marks(structure.text, structure.quotations))
        self.known = list(known)
        body_start = (
            structure.paragraphs[headline].end
            if headline is not None and headline < len(structure.paragraphs)
            else 0
        )
        if headline is not None and headline + 1 < len(structure.paragraphs):
            title, first = structure.paragraphs[headline], structure.paragraphs[headline + 1]
            if _same_line(self.text[title.start : title.end], self.text[first.start : first.end]):
                # The headline again as the story's first line (a page that repeats it): a
                # headline still, whose Title Case names nobody ("Chris Christie Announces")
                body_start = first.end
        titles = [
            (q.inner.start, q.inner.end)
            for q in structure.quotations
            if _quoted_title(self.text[q.inner.start : q.inner.end])
        ]
        # (a headline's Title Case names nobody; a quoted title's words neither)
        self.entities = Entities(self.text, body_start, titles)
        self.body_start = body_start
        self.headline = headline
        self.last_speaker: _Attribution | None = None
        self._last_speech_end = 0  # where the last speaker's quotation ends
        # Each speech quotation given a speaker so far: (start, end, its attribution)
        self._speech_positions: list[tuple[int, int, _Attribution]] = []
        self._reported_mentions: dict[int, bool] = {}  # see `_reported_before_its_reporter`
        quotes = structure.quotations
        self._inside_quote = _InsideQuote(quotes)
        self._subjects = _Subjects(self.text)
        self._quote_names: set[Entity] = set()
        self._titles_named: set[str] = set()  # quoted titles found so far, `_comparable`
        self._quote_start = 0  # where the quotation being attributed starts
        self._unnamed: dict[str, str] = {}  # head noun -> first words for an unnamed speaker
        self._lower_words: dict[str, bool] = {}  # word -> written in lower case (`_common_word`)
        self._sentence_authors: dict[int, Entity | None] = {}  # see `_described_author`
        self._spoken: list[tuple[str, _Attribution]] = []  # each speech quotation so far
        self._paragraph_starts = [p.start for p in structure.paragraphs]
        self._sentence_starts = [s.start for s in structure.sentences]
        self._first_mentions: dict[int, Mention] = {}
        for mention in reversed(self.entities.mentions):
            self._first_mentions[id(mention.entity)] = mention
        # Whom a sentence's trailing "…, he said." stands for, by where its pronoun stands,
        # and how many such sentences back the one being worked out reads
        self._trailing_reporters: dict[int, Entity | None] = {}
        self._trailing_depth = 0
        self._content_named: dict[int, frozenset[int]] = {}  # see `_named_in_content_before`
        self.trace = trace
        # Each pronoun's candidates and their features, when asked for
        # (`reader.quotes.attribution.trace_antecedents`; `bench.train_antecedents` learns
        # from them): where the quotation starts, where the pronoun stands, the candidates.
        self.antecedent_trace: AntecedentTrace | None = None
        self.ranker = ranking_model()
        self.candidates = (
            Candidates(
                self.text,
                self.entities,
                structure.paragraphs,
                structure.sentences,
                self._inside_quote,
                self.text[:body_start],
                self._subjects,  # (not a method: no cycle holds the finder)
            )
            if self.ranker is not None or trace is not None
            else None
        )

    def _sentence_start(self, offset: int, floor: int) -> int:
        """Where the sentence holding `offset` starts (not before `floor`), after the
        dateline that opens its paragraph ("CAIRO, Egypt - Osama bin Laden warned …": the
        place is not the sentence's subject)."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return floor
        start = self.structure.sentences[index].start
        if start == 0 or self.text[start - 1] == "\n":
            dateline = DATELINE_LEAD.match(self.text, start, min(len(self.text), start + 120))
            if dateline is not None and dateline.end() <= offset:
                start = dateline.end()
        return max(start, floor)

    def _sentence_end(self, offset: int) -> int:
        """Where the sentence holding `offset` ends."""
        index = bisect_right(self._sentence_starts, offset) - 1
        return self.structure.sentences[index].end if index >= 0 else offset

    def _paragraph_start(self, offset: int) -> int:
        paragraphs = self.structure.paragraphs
        index = bisect_right(self._paragraph_starts, offset) - 1
        return paragraphs[index].start if index >= 0 else 0

    def _is_subject(self, mention: Mention) -> bool:
        """A mention that opens its sentence or clause, as subjects do."""
        return self._subjects(mention)

    def _paragraph_end(self, offset: int) -> int:
        paragraphs = self.structure.paragraphs
        index = bisect_right(self._paragraph_starts, offset) - 1
        return paragraphs[index].end if index >= 0 else len(self.text)
