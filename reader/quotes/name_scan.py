"""Reading an article's runs of capitalised words as names of people and organisations.

`_NameScanner._scan` walks the tokens once; each run of capitalised words is cut where a
title, a dateline, a list or a possessive ends it, classified (a person, an organisation, a
place, a team, page furniture, nobody) and filed in the registry with the description given
at its first mention ("Mount Royal University criminologist Doug King"). A run classified
once is replayed where the same words come again, which keeps the scan linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress, islice, pairwise, takewhile
from operator import attrgetter
from typing import Any

from reader.quotes.cues import is_speech_verb
from reader.quotes.given_names import gender_of, is_given_name, person_gender
from reader.quotes.lexicon import folded, words
from reader.quotes.mentions import (
    _NAME_SUFFIXES,
    _PARTICLES,
    _POST_NOMINALS,
    Entity,
    Token,
    _capitalised,
    _Tokens,
    _word_of,
)
from reader.quotes.name_registry import (
    _AGE_AFTER,
    _FAMILY_NAME_FIRST,
    _GIVEN_INITIALS,
    CORPORATE_ENDINGS,
    ORG_WORDS,
    TITLES,
    _in_capitals,
    _is_acronym,
    _NameRegistry,
    _Step,
)
from reader.quotes.name_words import (
    _AGED_BEFORE,
    _BARE_LETTERS,
    _BODY_MEMBER_NOUNS,
    _CLUB_ENDINGS,
    _COMMON_VERBS,
    _COMPASS,
    _CONTINUES_BELOW,
    _COUNTRY_OWNER,
    _DASHES,
    _DATELINE,
    _DAYS,
    _DEPARTMENT_LIST,
    _DEPARTMENT_WORDS,
    _DESCRIPTION_STOPS,
    _DOUBLE_PARTICLES,
    _ELIDED_PARTICLE,
    _ENDS_RUN,
    _FIRST_BEFORE,
    _FRENCH_BODIES,
    _FRENCH_PARTICLES,
    _GROUP_POSSESSIVES,
    _HONORIFIC_WORDS,
    _HYPHENATED_GIVEN_FIRST,
    _INDEFINITE_BEFORE,
    _ING_LEADS,
    _INSTITUTIONS,
    _INTRODUCED_BEFORE,
    _JOINED_AFTER,
    _JOINED_BEFORE,
    _KIN_BEFORE_NAME,
    _LEGAL_FORMS,
    _LISTED_NAME,
    _LOWER_LEGAL_FORMS,
    _LOWER_WORD_BEFORE,
    _MEDIUM_NOUNS,
    _MONTHS,
    _NAME_WORD,
    _NEWSPAPER_WORDS,
    _NEXT_WORD,
    _NICKNAME,
    _NUMBER_NEXT,
    _OCCASION_LEADS,
    _OCCASION_WORDS,
    _OCCUPATION_ENDINGS,
    _ONE_NAME_ROLES,
    _ORDINAL,
    _OWNED_VERBS,
    _OWNERS,
    _PEERAGE,
    _PERSON_INITIALS,
    _PERSON_NOUN_WORDS,
    _PLACE_LEAD,
    _POSSESSIVE_NAME_WORD,
    _PREPOSITIONS,
    _PROVINCIAL_PARTIES,
    _RANK_AFTER_ORDINAL,
    _REGION_ADJECTIVES,
    _REGION_CODES,
    _REGNAL,
    _SEAT_TITLES,
    _SHORTENED_TRADES,
    _SHOW_WORDS,
    _SINGULAR_TEAMS,
    _SURNAME_PREFIXES,
    _TIMES_OF_DAY,
    _UNITED_PLACES,
    _UNPLANNED,
    BUILDING_WORDS,
    BUSINESS_NOUNS,
    CONNECTORS,
    DATELINE_LEAD,
    ENVOY_TITLES,
    ERAS,
    FEMALE,
    GIVEN_NAMES_AS_WORDS,
    GROUP_PEOPLE,
    HONORIFICS,
    MALE,
    MODIFIER_ENDINGS,
    NOT_NAME_LEADS,
    NOT_NAMES,
    NUMBER_WORDS,
    PLACE_WORDS,
    _advocacy_group,
    _blanked,
    _bracketed_acronym,
    _camel,
    _cause_group,
    _complement_words,
    _country_then_person,
    _field_and_region,
    _first_nation,
    _for_a_person,
    _given_name_cut,
    _hyphen_parts,
    _initialled_person,
    _initials,
    _introduced_before,
    _is_title,
    _joined_name,
    _leading_particle,
    _name_like,
    _named_before,
    _names_country,
    _personal,
    _portfolio_cut,
    _role_like,
    _run_word,
    _shared_with_a_word_acronym,
    _storm_words,
    _titled_person,
    _titled_place_length,
    _topic_cut,
    _trailing_connector,
    _two_bodies,
    _verb_form,
    _well_known_body,
    role_clause,
)
from reader.quotes.places import COUNTRIES, REGIONS, is_demonym, is_place

_BODY_NOUNS_AFTER = words("body_nouns_after")
_WORK_ROLES = words("work_roles")
# After a name: what only a person is followed by (", who", ", a teacher,", ", 78,", "said")
_PERSON_AFTER = re.compile(
    r",\s+(?:who\b|an?\s+[a-z]|\d{1,3},)|\s+(?:said|says|told|added|recalled|explained)\b"
)  # "the … Workers union": one body's name

_GENERAL_OFFICES = folded("general_offices")


def _abbreviated(description: str) -> bool:
    """Whether a description is only titles cut short: "Coun.", "Capt.", "Dr."."""
    return bool(description) and all(word.endswith(".") for word in description.split())


def _offered_after(appositive: str) -> str:
    """What the words after a name offer as its description: none when they go on to
    someone else ("Rev. Paul Kim, and his wife, Sue,")."""
    first = appositive.split(" ", 1)[0].casefold() if appositive else ""
    return "" if first in {"and", "or", "but", "nor", "with"} else appositive


# Small words inside the name of a body, between two capitals ("Chamber of Commerce")
_NAME_JOINERS = frozenset({"of", "for"})


# "Rajesh and Meena Patel": "and", a given name and a surname ending the name
_COUPLE_AFTER = re.compile(
    r"\s+and\s+(?P<given>[A-Z][a-z]+)\s+(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!\s+[A-Z])"
)
# The end of a sentence right after a word ("… her husband, Rajesh.")
_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)")
# The other sex (of a pair whose one is named)
_OTHER_SEX = {"m": "f", "f": "m"}
# A description that makes someone another's kin ("his wife", "her eldest son"); its group:
# A capitalised role, then a comma, right before a name: "YCV Director, " (`_role_set_off_before`).
_ROLE_SET_OFF = re.compile(
    r"(?P<the>[Tt]he\s+)?(?P<role>(?:[A-Z][\w&’'-]*\s+){0,4}(?P<title>[A-Z][\w’'-]*\.?)),\s+$"
)
# whose kin, "his", "her" or "their"
_KIN_IN_DESCRIPTION = re.compile(
    r"\b(his|her|their)\s+(?:[\w-]+\s+){0,2}(?:wife|husband|son|daughter|mother|father"
    r"|brother|sister|partner|fiancée?|widow|widower)\b",
    re.I,
)


# Verbs a firm's possessive name is the subject of besides speech and "-ed" words: "Moody’s
# is the last of the three agencies", "McDonald’s has raised prices".
_FIRM_VERBS = frozenset({"is", "has", "was", "will", "cut", "cuts", "raises", "lowers"})


class _NameScanner(_NameRegistry):
    """The finder's reading of names: the scan of runs of capitalised words."""

    def _words_written(self) -> set[str]:
        """Every token of the text as written, and each part of a hyphenated one ("higher"
        of "higher-order"): a word is in it in lower case when the text writes it so (one
        pass, in C, over the tokens already read)."""
        written = set(self._token_texts)
        for joined in [token for token in written if "-" in token]:
            written.update(joined.split("-"))
        return written

    def _scan(self) -> None:
        # (a nickname, blanked for reading names, is kept as what its person may be called:
        # Shabnam "Shabs" Rizvi-Mendez, then "Shabs said")
        nicknames = list(_NICKNAME.finditer(self.text))  # (one pass: the text blanked from it)
        self._nicknames = {found.start(): found.group(2)[1:-1].casefold() for found in nicknames}
        toks = self._tokens = _Tokens(_blanked(self.text, nicknames))
        self._token_starts, self._token_texts = toks.starts, toks.texts
        index = bisect_left(self._token_starts, self.start)
        # Most words have no capital and no particle, so no name starts there. (Each distinct
        # word is looked at once, and the tokens picked in C: 180,000 tokens, 15,000 words.)
        starters = {
            text
            for text in set(toks.texts)
            if text[:1].isupper()
            or "-" in text
            or (text[:1] in "dl" and text[1:2] in "'’" and text[2:3].isupper())  # "d'Entremont"
        }
        capitals = list(compress(range(len(toks.texts)), map(starters.__contains__, toks.texts)))
        self._capitals = capitals
        listed = self._listed_names()
        for at in capitals[bisect_left(capitals, index) :]:
            if at < index:
                continue
            index = at
            whole = listed.get(toks.starts[index])
            if whole is not None:  # "Immigration, Refugees and Citizenship Canada"
                run_end = bisect_left(toks.starts, whole)
                self._listed(toks, index, run_end)
                index = run_end
                continue
            run_end = self._run_end(toks, index)
            if run_end == index:
                index += 1
                continue
            half = (run_end - index) // 2
            if half >= 2 and toks.texts[index : index + half] == toks.texts[index + half : run_end]:
                run_end = index + half  # "Pete Kiehart Pete Kiehart": a photo's credit, twice
            if self._titles and self._in_title(toks, index, run_end):
                index = run_end  # "… All the Money You Will Ever Need": a title's words
                continue
            if toks.texts[run_end - 1].casefold() in _FRENCH_BODIES:
                french_end = self._french_name_end(run_end)
                if french_end > run_end:
                    opening = index
                    while toks.texts[opening].casefold() in NOT_NAME_LEADS:
                        opening += 1  # "The Fédération …"
                    french = list(toks[opening:french_end])
                    self._org(french, [t.word for t in french])
                    index = french_end
                    continue
            if (
                index > 0
                and toks.texts[index - 1].casefold() in _OWNERS
                and run_end < len(toks.texts)
                and toks.texts[run_end].isalpha()
                and toks.texts[run_end].islower()
                and toks.starts[index] == toks.starts[index - 1] + len(toks.texts[index - 1]) + 1
                and toks.texts[run_end] not in _OWNED_VERBS
            ):
                run = list(toks[index:run_end])
                words = [_word_of(t.text) for t in run]
                if self.find(" ".join(words)) is None:
                    # "her Santa Barbara home": what the home is (a place, or a brand's
                    # name), no one, on its first mention ("Santa" is a given name)
                    self._place(run, words)
                    index = run_end
                    continue
            if self._furniture(toks, index, run_end):
                if self._dateline(toks, index, run_end):  # "KAMLOOPS, B.C. — ": a place
                    self._dateline_places.add(" ".join(toks.texts[index:run_end]).casefold())
                    run_end = self._dateline_place_end(toks, index, run_end)
                index = run_end  # "WATCH: …", "VIEWPOINT", a "Security" heading: no one
                continue
            if run_end == index + 1:  # one capitalised word, the most common case
                word = _word_of(toks.texts[index])
                folded = word.casefold()
                if (
                    folded not in NOT_NAME_LEADS
                    or (_shared_with_a_word_acronym(word) and not self._opens_paragraph(index))
                ) and folded not in CONNECTORS:
                    self._planned(toks, index, run_end)
                index = run_end  # "The", "But": a sentence's first word alone names nobody
                continue
            if self._general_office(toks, index, run_end):
                index = run_end
                continue
            self._planned(toks, index, run_end)
            index = run_end

    def _general_office(self, toks: _Tokens, first: int, last: int) -> bool:
        """Whether the run is an office of a noun and "General" with no name after it ("the
        Auditor General warned", "said the Surgeon General"): kept as that office, a body
        (it had been read as a person called "Auditor", or not at all). "Attorney General
        Maria Lopez" is a title and her name, read as ever."""
        texts = toks.texts
        if last - first != 2 or _word_of(texts[last - 1]) != "General":
            return False
        if _word_of(texts[first]).casefold() not in _GENERAL_OFFICES:
            return False
        words = [_word_of(t.text) for t in toks[first:last]]
        office = " ".join(words).casefold()
        if any(
            e.kind == "person" and e.description.casefold().endswith(office) for e in self.entities
        ):
            return False  # "Attorney General Maria Lopez", then "the Attorney General": her
        self._org(list(toks[first:last]), words)
        return True

    def _opens_paragraph(self, index: int) -> bool:
        """Whether token `index` is the first of its paragraph (or of the text)."""
        start = self._token_starts[index]
        return start == 0 or self.text[max(0, start - 2) : start].endswith("\n")

    def _in_title(self, toks: Sequence[Token], first: int, last: int) -> bool:
        """Whether the run `toks[first:last]` stands inside a quoted title and opens with no
        given name, nor ends in a body's word (those may be named in a title)."""
        start = self._token_starts[first]
        at = bisect_right(self._title_starts, start) - 1
        if at < 0 or start >= self._titles[at][1]:
            return False
        texts = self._token_texts
        return not is_given_name(_word_of(texts[first])) and (
            _word_of(texts[last - 1]).casefold() not in ORG_WORDS
        )

    def _french_name_end(self, end: int) -> int:
        """Where a French body's name that goes on in lowercase ends: "Association des
        propriétaires du Grand Montréal", "Fédération des travailleurs et travailleuses du
        Québec" (its particles each bring one word, capitalised words go on); `end` itself
        when no particle follows the body's word."""
        texts, count = self._token_texts, len(self._token_texts)
        if end + 1 < count and texts[end + 1].casefold() in _FRENCH_PARTICLES:
            end_word = end + 1  # "Association hôtelière de la région de Québec"
        else:
            end_word = end
        if end_word >= count or texts[end_word].casefold() not in _FRENCH_PARTICLES:
            return end
        at = end_word
        while at < count and texts[at].casefold() in _FRENCH_PARTICLES:
            while at < count and texts[at].casefold() in _FRENCH_PARTICLES:
                at += 1
            if at >= count or not texts[at][:1].isalpha():
                return end
            at += 1  # the particle's word
            while at < count and (
                (texts[at][:1].isupper() and texts[at][:1].isalpha())
                or _ELIDED_PARTICLE.match(texts[at])  # "… de l'aluminium d'Arvida"
            ):
                at += 1
        if (  # "Bureau des enquêtes indépendantes (BEI)": an adjective its acronym ends on
            at + 3 < count
            and texts[at].isalpha()
            and texts[at].islower()
            and texts[at + 1] == "("
            and _is_acronym(texts[at + 2])
            and texts[at + 3] == ")"
            and texts[at + 2][-1:].casefold() == texts[at][:1].casefold()
        ):
            at += 1
        return at

    def _planned(self, toks: Sequence[Token], first: int, last: int) -> None:
        """Classify the run `toks[first:last]` (`_add_run`, `_classify_one`), or replay what
        classifying the same words in the same surroundings did before.

        What a run is (a person, an organisation, a place, two people ...) depends only on
        its words, the three characters before it, the word before it when that is in lower
        case ("forward Milan Baros") and the three tokens after it; what that
        does to the registry (which entity, a new one or a known one, its description) is
        done again each time. A long article names the same people hundreds of times (a
        quarter of the time its names took for 1 MB). Runs whose reading depends on the
        registry (a demonym that is also a known surname: "Cuban said") are never replayed."""
        texts, starts = self._token_texts, self._token_starts
        key = (
            self.text[max(0, starts[first] - 3) : starts[last - 1] + len(texts[last - 1])],
            tuple(texts[last : last + 3]),
            texts[first - 1] if first and texts[first - 1].islower() else "",
        )
        plan = self._plans.get(key, _UNPLANNED)
        if plan is _UNPLANNED:
            self._recording, self._record_base, self._plan_ok = [], first, True
            if last == first + 1:
                self._classify_one(toks, toks[first], last)
            else:
                self._add_run(toks, first, last)
            self._plans[key] = self._recording if self._plan_ok else None
            self._recording = None
        elif plan is None:
            if last == first + 1:
                self._classify_one(toks, toks[first], last)
            else:
                self._add_run(toks, first, last)
        else:
            self._replay(plan, first)

    # --- what classifying a run does, recorded for `_planned` ---
    def _record(self, action: str, *args: Any) -> None:
        if self._recording is not None:
            self._recording.append((action, args))

    def _rel(self, items: Sequence[Token]) -> tuple[int, ...]:
        base, starts = self._record_base, self._token_starts
        return tuple(bisect_left(starts, t.start) - base for t in items)

    def _replay(self, plan: list[_Step], base: int) -> None:
        toks = self._tokens

        def at(indices: tuple[int, ...]) -> list[Token]:
            return toks.picked(base, indices)

        for action, args in plan:
            if action == "place":
                self._place(at(args[0]), args[1])
            elif action == "org":
                self._org(at(args[0]), args[1])
            elif action == "single":
                self._single(at(args[0])[0], at(args[1]), args[2])
            elif action == "acronym":
                self._acronym_org(at(args[0]), at(args[1])[0], args[2], args[3])
            elif action == "partner":
                self._partner(at(args[0])[0], at(args[1]))
            else:
                self._named_person(
                    toks,
                    at(args[0]),
                    at(args[1]),
                    base + args[2],
                    base + args[3],
                    args[4],
                )

    def _known_body_before_name(self, run: list[Token]) -> int:
        """How many of the run's first words are a body the article named before, when a
        person's given name and surname follow: "(Marketing Manager at) Ocean Florida Abby
        Dunn" after "Ocean Florida" (0: none)."""
        if len(run) < 3 or is_given_name(run[0].word) or run[0].folded.rstrip(".") in TITLES:
            return 0  # (a person's name or a title first: most runs, kept replayable)
        for size in range(len(run) - 2, 0, -1):
            rest = run[size:]
            if len(rest) > 3 or not is_given_name(rest[0].word):
                continue
            if not all(_name_like(t) for t in rest) or rest[-1].folded in ORG_WORDS:
                continue
            self._plan_ok = False  # what it is depends on who is known so far
            known = self.find(" ".join(t.word for t in run[:size]))
            if known is not None and known.kind == "org" and known.first < run[0].start:
                return size
        return 0

    def _person_opening_sentence(self, run: Sequence[Token]) -> bool:
        """Whether a given name that is also a word ("June", "May", "Will") opens a sentence
        as a person's name: it and a surname, then a description of a person or a speech
        verb ("June Baker, who …", "May Chen, a teacher,", "Will Moy said")."""
        return (
            len(run) == 2
            and run[0].folded in GIVEN_NAMES_AS_WORDS
            and self._opens_sentence(run[0])
            and _name_like(run[1])
            and run[1].folded not in NOT_NAMES
            and run[1].folded not in ORG_WORDS
            and not is_place(run[1].folded)
            and _PERSON_AFTER.match(self.text, run[1].end) is not None
        )

    def _month_as_surname(self, run: Sequence[Token]) -> bool:
        """Whether a month ending a run after a given name is a surname: "Theresa May, shadow
        secretary", "Brian May said" (not "Biden Monday", nor "Jane May 5" or "until May 2015")."""
        return (
            len(run) >= 2
            and run[-1].word.casefold() in _MONTHS
            and is_given_name(run[-2].word)
            and not _NUMBER_NEXT.match(self.text, run[-1].end)
        )

    def _posting_before_name(self, toks: Sequence[Token], run: list[Token]) -> tuple[int, str]:
        """How many of the run's first words are the country or the body an envoy is posted
        to, before the envoy's name, and which it is ("place" or "org"): "ambassador to
        Britain Liu Xiaming", "envoy to the United States Kirsten Hillman", "Ambassador to the
        UN Nikki Haley" (0: none)."""
        at = bisect_left(self._token_starts, run[0].start)
        if at >= 1 and toks[at - 1].folded == "the":
            at -= 1  # "envoy to the United States …"
        if at < 2 or toks[at - 1].folded not in {"to", "in", "at"}:
            return 0, ""
        if toks[at - 2].folded.rstrip(".") not in TITLES | ENVOY_TITLES:
            return 0, ""
        for size in (3, 2, 1):
            if len(run) - size < 2:
                continue
            posted = run[:size]
            if " ".join(t.folded for t in posted) in COUNTRIES:
                kind = "place"
            elif _well_known_body(posted) is not None or (
                size == 1 and _in_capitals(posted[0].word) and is_given_name(run[1].word)
            ):
                kind = "org"  # "the United Nations", "the UN", "NATO"
            else:
                continue
            rest = run[size:]
            if rest[-1].folded in ORG_WORDS or not all(_name_like(t) for t in rest):
                return 0, ""
            return size, kind
        return 0, ""

    def _possessive_inside_name(self, index: int, end: int) -> int:
        """Where a body's name goes on after a possessive inside it ("Professional Women's
        Hockey League", "Ontario Children's Aid Society"): up to capitalised words ending in
        an organisation's word, when the words before the possessive open no person's name
        ("Hillary Clinton's State Department" stays a person's); else `end` itself."""
        texts, starts, text = self._token_texts, self._token_starts, self.text
        if (
            end - index < 2 and _word_of(texts[index]).casefold() not in _GROUP_POSSESSIVES
        ) or is_given_name(texts[index].casefold()):
            return end
        stop = end
        while stop < len(texts) and stop - end < 4:
            word = texts[stop]
            if not _capitalised(word):
                break
            if "\n" in text[starts[stop - 1] + len(texts[stop - 1]) : starts[stop]]:
                break
            stop += 1
            if word.endswith(("'s", "’s")):
                break  # "… Hockey League's largest crowd": the name ends owning
        if stop > end and _word_of(texts[stop - 1]).casefold() in ORG_WORDS:
            if texts[stop - 1].endswith(("'s", "’s")):
                return stop
            # "People's Bank of China": the body's word goes on as any run does
            return max(stop, self._run_end(self._tokens, stop - 1))
        return end

    def _run_end(self, toks: Sequence[Token], index: int) -> int:
        """End (exclusive) of the capitalised run starting at `index` (== index: no run).

        A run never crosses a line break or punctuation; "of", "and" and the like join
        capitalised words ("University of Arkansas"). (Read from the token strings, not
        `Token`s: this runs at every capital of the article.)
        """
        texts, starts, text = self._token_texts, self._token_starts, self.text
        kinds = self._run_words  # (each distinct word classified once, when first met)
        word = texts[index]
        kind = kinds.get(word)
        if kind is None:
            kind = kinds[word] = _run_word(word)
        if kind < _NAME_WORD:  # (not capitalised, or not a letter first)
            return index
        end = index + 1
        if kind == _POSSESSIVE_NAME_WORD:
            if _word_of(word).casefold() in _GROUP_POSSESSIVES:
                return self._possessive_inside_name(index, end)  # "People’s Liberation Army"
            return end
        count = len(texts)
        while end < count:
            word = texts[end]
            kind = kinds.get(word)
            if kind is None:
                kind = kinds[word] = _run_word(word)
            if kind == _ENDS_RUN:  # (most words: none of the cases below)
                break
            if "\n" in text[starts[end - 1] + len(texts[end - 1]) : starts[end]]:
                break
            if word in _LOWER_LEGAL_FORMS:
                end += 1  # "Shell plc", "Acme Widgets ltd": a company's legal form ends it
                break
            if word in _HONORIFIC_WORDS:
                break  # "in Harrogate Mr Kennedy said": a courtesy title opens a name
            if kind >= _NAME_WORD:
                end += 1
                if kind == _POSSESSIVE_NAME_WORD:
                    inside = self._possessive_inside_name(index, end)
                    if inside == end:
                        break
                    end = inside  # "Professional Women's Hockey League": one body
                continue
            if (
                word in {"'", "’"}
                and end + 1 < count
                and texts[end - 1].endswith("s")
                and starts[end] == starts[end - 1] + len(texts[end - 1])
                and texts[end + 1].casefold() in ORG_WORDS
                and _capitalised(texts[end + 1])
            ):
                end += 2  # "Ontario Nurses' Association", "Kingsmere United Supporters' Trust"
                continue
            listed = self._listed_department(index, end) if word == "," else None
            if listed is not None:
                # "Department of Communities, Culture, Tourism and Heritage": one name
                while end < count and starts[end] < listed.end():
                    end += 1
                continue
            if (
                word == "—"
                and end + 1 < count
                and starts[end] == starts[end - 1] + len(texts[end - 1])
                and starts[end + 1] == starts[end] + 1
                and _capitalised(texts[end + 1])
            ):
                end += 2  # a riding's name: "Kitchener South—Hespeler MP Yolanda Mwangi-Stroud"
                continue
            if (
                word.isdigit()
                and 2 <= len(word) <= 5
                and not (len(word) == 4 and word[:2] in {"19", "20"})  # (a year)
                and len(texts[end - 1]) >= 3
                and texts[end - 1].isalpha()
                and texts[end - 1].isupper()
            ):
                end += 1  # a union's local by its letters: "CUPE 7000", "UFCW 401"
                continue
            if word.isdigit() and texts[end - 1] == "Local" and end - 1 > index:
                end += 1  # "Unifor Local 1917", "IUOE Local 727"
                continue
            if (
                _ORDINAL.fullmatch(word)
                and end + 1 < count
                and _capitalised(texts[end + 1])
                and texts[end + 1].casefold().rstrip(".") in _RANK_AFTER_ORDINAL
            ):
                end += 2  # a rank with its ordinal: "Air Force 1st Lt.", "Sgt. 1st Class"
                continue
            pair = (word, texts[end + 1]) if end + 2 < count else None
            if (
                pair is not None
                and (
                    pair[1] in _DOUBLE_PARTICLES.get(word.casefold(), ())  # "Juan de la Cruz"
                    # "Office of the Correctional Investigator", "Department of the Interior"
                    or (
                        pair in {("of", "the"), ("for", "the")}  # "Ministry for the Environment"
                        and (
                            texts[end - 1].casefold() in GROUP_PEOPLE  # "Friends of the Earth"
                            # "Canadian Association of Physicians for the Environment"
                            or any(texts[k].casefold() in ORG_WORDS for k in range(index, end))
                        )
                    )
                )
                and _capitalised(texts[end + 2])
                and texts[end + 2][:1].isalpha()
                and "\n" not in text[starts[end] : starts[end + 2]]
            ):
                end += 3  # two joining words and a capital: "Lorna Van der Merwe"
                continue
            if (
                word.casefold() in CONNECTORS
                and end + 1 < count
                and texts[end - 1].casefold().rstrip(".") not in _LEGAL_FORMS  # "Inc. of Brampton"
                and _capitalised(texts[end + 1])
                and texts[end + 1][:1].isalpha()
                and (
                    _word_of(texts[end + 1]).casefold() not in NOT_NAMES  # "Joe Biden on Monday"
                    or _first_nation(texts, end + 1)  # "Assembly of First Nations"
                )
                and "\n" not in text[starts[end] + len(word) : starts[end + 1]]
            ):
                end += 1
                continue
            break
        return end

    def _listed_department(self, index: int, comma: int) -> re.Match[str] | None:
        """The rest of a department's name that starts at token `index`, when the comma at
        token `comma` goes on listing its fields ("Department of Environment, Energy and
        Climate Action") rather than ending the name; else None."""
        folded = [t.casefold() for t in self._token_texts[index : min(comma, index + 3)]]
        if "of" not in folded[1:3] or not _DEPARTMENT_WORDS.intersection(folded[:2]):
            return None
        return _DEPARTMENT_LIST.match(self.text, self._token_starts[comma])

    def _add_run(self, toks: Sequence[Token], first: int, last: int) -> None:
        run = list(toks[first:last])
        body = run[1:] if run[0].folded == "the" else run
        known = _well_known_body(body)
        if known is not None:
            self._org(body, [t.word for t in body])  # "Canadian Red Cross", "Salvation Army"
            entity = self.find(" ".join(t.word for t in body))
            if entity is not None:
                entity.aliases.add(known)  # "the Red Cross said" later
            return
        if (
            last < len(toks)
            and toks[last].folded in _BODY_NOUNS_AFTER
            and toks[last].text.islower()
            and any(t.folded in {"and", "&"} for t in body[1:-1])
            and not is_given_name(body[0].word)
        ):
            # "the United Food and Commercial Workers union said": one body's name, which
            # the noun after it says is a body (not "United Food" and "Commercial Workers")
            self._org(body, [t.word for t in body])
            return
        if _cause_group(body) or _advocacy_group([t.word.casefold() for t in body]):
            # "Canadian Parents for French", "Nurses United for Patient Protection", "(the)
            # Friends of the Earth": one group
            self._org(body, [t.word for t in body])
            return
        if len(run) >= 3 and run[0].folded in _DAYS and run[1].folded in _TIMES_OF_DAY:
            self._org(run, [t.word for t in run])  # "Saturday Night Live": a show, not "Night"
            return
        if self._members_of(run):
            head, run = run[0].folded, run[2:]  # "Members of Unifor voted"
            if head in _BODY_MEMBER_NOUNS and not is_given_name(run[0].word):
                body = run[1:] if run[0].folded == "the" else run
                self._org(body, [t.word for t in body])  # a body's, named or not by its words
                return
        # Leading words that start sentences ("The", "In") or are months are not names, but a
        # given name that is also a word ("Will Moy, chief executive") is one mid-sentence.
        while (
            run
            and (
                (
                    run[0].word.casefold() in NOT_NAME_LEADS
                    and not _first_nation([t.text for t in run], 0)  # "the First Nation said"
                    and not (run[0].folded in NUMBER_WORDS and run[-1].folded in ORG_WORDS)
                )
                or (run[0].folded in CONNECTORS and not _leading_particle(run))
                or (
                    self._participle_opening(run[0])
                    and not self._named_body(toks, run, last)
                    and not (len(run) == 2 and run[1].folded in PLACE_WORDS)  # "Downing Street"
                    # "Naheed Nenshi said": a given name ending as a participle does ("-ed"),
                    # before a surname and a speech verb (the name was lost, and its "he said")
                    and not (
                        len(run) == 2
                        and run[1].word[:1].isupper()
                        and run[1].folded not in ORG_WORDS
                        and last < len(toks)
                        and toks[last].text.islower()
                        and is_speech_verb(toks[last].text, run[-1].text)
                    )
                )
            )
        ):
            if (
                run[0].folded in GIVEN_NAMES_AS_WORDS
                and len(run) >= 2
                and not self._opens_sentence(run[0])
            ):
                break  # "owner Mark Cuban", "Will Moy, chief executive": a name mid-sentence
            if self._person_opening_sentence(run):
                break  # "June Baker, who has lived there for 41 years, said": not the month
            run = run[1:]
        while (
            run
            and (_trailing_connector(run) or run[-1].word.casefold() in NOT_NAMES)
            and not (len(run) >= 2 and run[-1].folded == "one" and run[-2].folded in ORG_WORDS)
            and not self._month_as_surname(run)
        ):  # ("Hydro One", "Capital One": a company's name ends so)
            run = run[:-1]  # "Biden Monday": a day or a month ends a name
        if not run:
            return
        posted, kind = self._posting_before_name(toks, run)
        if posted:  # "China’s ambassador to Britain Liu Xiaming": Britain, then a person
            words = [t.word for t in run[:posted]]
            if kind == "org":
                self._org(run[:posted], words)  # "Ambassador to the UN Nikki Haley"
            else:
                self._place(run[:posted], words)
            run = run[posted:]
        firm = self._known_body_before_name(run)
        if firm:  # "Marketing Manager at Ocean Florida Abby Dunn": the firm, then a person
            self._org(run[:firm], [t.word for t in run[:firm]])
            run = run[firm:]
        if (
            len(run) >= 3
            and len(run[0].word.strip(".")) > 3  # (not "Thi Lan Pham-Lewandowicz")
            and not is_given_name(run[0].word)
            and gender_of(run[1].word)
            and run[-1].folded not in ORG_WORDS  # "Quebec Forest Industry Council": its name
            and run[1].folded not in _SURNAME_PREFIXES  # "Pádraig Mac Craith-Lonergan"
            and self._after_lowercase_or_start(run[0])
            and run[0].folded.rstrip(".") not in TITLES  # "court Judge Harold …": a title
        ):
            run = run[
                1:
            ]  # "Singer George Michael has said", "former Olympian Steve Cram": a role, not a name
        role: list[Token] = []
        if (
            (
                (
                    (len(run) >= 3 or not is_given_name(run[0].word))
                    and (
                        run[0].folded in _PERSON_NOUN_WORDS
                        or run[0].folded.rsplit("-", 1)[-1] in _PERSON_NOUN_WORDS  # "Co-author"
                    )
                )
                or (  # "Saxophonist Dorian Hargreave-Hale", "Pianist Ana Ruiz"
                    len(run) >= 3
                    and run[0].folded.endswith(("ist", "ian"))  # (not "-er": "Holger …")
                    and run[0].word[1:].islower()
                    and not is_given_name(run[0].word)
                )
            )
            and len(run) >= 2
            and self._opens_sentence(run[0])
            and not is_place(run[-1].word)  # "Tenant Line Ireland": an organisation's name
            # ("Canadian National Railway": a body's name, whole; up to an affiliation)
            and [*takewhile(lambda t: t.folded not in {"of", "for"}, run)][-1].folded
            not in ORG_WORDS
            # (up to an affiliation: "Farmer Harbhajan Singh Bhangoo of Sangrur")
            and all(
                _name_like(t) for t in takewhile(lambda t: t.folded not in {"of", "for"}, run[1:])
            )
        ):
            # "Resident Jocelyne Cormier", "Hunter Joanasie …", "Rookie Deng hits" (a role
            # word that is no given name: "Hunter Biden" is a name).
            role, run = [run[0]], run[1:]
        folded = [t.word.casefold() for t in run]
        if (
            len(run) >= 2
            and run[0].folded in BUSINESS_NOUNS
            and run[0].word[1:].islower()
            and self._opens_sentence(run[0])
            and not (  # "Producer Anil Bhatt of Red River Pictures": a person's job
                len(run) >= 3
                and is_given_name(run[1].word)
                and _name_like(run[2])
                and run[2].folded not in ORG_WORDS
            )
            # "Company CEO Chris Cowper-Smith said": the firm's officer, named after the title
            and _given_name_cut(run, folded) < 2
        ):
            # "Promoter Live Nation said", "Automaker Stellantis": what the firm is, then it
            self._org(run[1:], [t.word for t in run[1:]])
            return
        if len(run) >= 3 and folded[0].rstrip(".") in _SEAT_TITLES and folded[1] == "for":
            # "The MLA for North Vancouver-Seymour, Jane Thornthwaite,": the seat she holds,
            # a place (it had been a person described as "MLA for")
            self._place(run[2:], [t.word for t in run[2:]])
            return
        # "Jamie Werner of Ngātiwai", "Matthew Ingram of The Globe and Mail": a person and
        # their affiliation, unless the first part is a title ("Governor of Washington").
        first_join = next((i for i, f in enumerate(folded) if f in {"and", "&"}), 0)
        for cut, token in enumerate(run):
            if (
                token.folded in {"of", "for"}
                and cut >= 2
                and not (first_join > cut and _two_bodies(folded, first_join))
                and (ORG_WORDS.isdisjoint(folded[:cut]) or _titled_person(run[:cut]))
                and not (  # "Minister of State for Manpower …": an office, then the name
                    folded[0].rstrip(".") in TITLES and folded[1] in {"of", "for"}
                )
                and _named_before(folded[:cut])
            ):
                self._add_split(toks, run, first, cut, role)
                return
        cut = _topic_cut(run, folded)
        if cut:
            # "— Foreign Affairs Minister Francois-Philippe Champagne on Freeland maintaining
            # her role": a person, then what their words were about (its own name)
            self._classify(toks, run[:cut], first, first + cut)
            self._classify(toks, run[cut + 1 :], first + cut + 1, last)
            return
        if (
            len(run) in {3, 4}
            and run[1].folded == "&"
            and not (is_given_name(folded[0]) and is_given_name(folded[2]))
            and TITLES.isdisjoint(folded)
            and all(_name_like(t) for t in run[2:])
        ):
            self._org(run, [t.word for t in run])  # "Procter & Gamble", "Marks & Spencer"
            return
        if (
            len(run) in {4, 5}
            and run[1].folded == "and"
            and (is_given_name(folded[0]) or is_given_name(folded[2]))  # "Pieter and Mark"
            and not (is_place(folded[0]) or is_demonym(folded[0]))
            and _name_like(run[0])
            and all(_name_like(t) for t in run[2:])
            and ORG_WORDS.isdisjoint(folded)
            and TITLES.isdisjoint(folded)
            and not any(is_given_name(f) for f in folded[3:])
        ):
            # "Thomas and Rachel Adeyemi", "brothers Isaiah and Elijah Mensah": two people
            # who share the surname named once, after the second
            self._classify(toks, run[2:], first + 2, last)
            self._partner(run[0], run[3:])
            return
        portfolio = _portfolio_cut(run, folded)
        if portfolio:
            # "Minister of Families and Youth Ahmed Hussen": a title over fields joined by
            # "and", then the person who holds it (not two names split at "and")
            self._affiliation(run[:portfolio], folded[:portfolio])
            self._classify(toks, run[portfolio:], first + portfolio, last, run[:portfolio])
            return
        # "Renee Good and Alex Pretti", "ICE and Border Patrol": two names, unless the whole
        # is one organisation's name ("Immigration and Customs Enforcement").
        joins = [i for i, t in enumerate(run) if t.folded in {"and", "&"}]
        if (
            joins
            and not self._national_body(run, folded, joins[0])
            and (
                _two_bodies(folded, joins[0])
                or ORG_WORDS.isdisjoint(folded)
                or _is_acronym(run[joins[0] - 1].word)
                or (  # "… Investor Education Foundation and NORC": a body, then another's letters
                    joins[0] == len(run) - 2
                    and _is_acronym(run[-1].word)
                    and folded[joins[0] - 1] in ORG_WORDS
                )
                or (
                    joins[0] >= 2
                    and is_given_name(folded[joins[0] - 2])
                    and ORG_WORDS.isdisjoint(folded[: joins[0]])
                    and folded[joins[0] - 1] not in _PERSON_NOUN_WORDS  # "… Tenants and …"
                )  # "Ambassador John Bolton and Breitbart News Editor Aaron Klein"
                or (  # "Senate Minority Leader Chuck Schumer and House Speaker Nancy Pelosi"
                    _given_name_cut(run[: joins[0]], folded[: joins[0]]) > 0
                    and _given_name_cut(run[joins[0] + 1 :], folded[joins[0] + 1 :]) > 0
                )
            )
        ):
            cut = joins[0]
            self._classify(toks, run[:cut], first, first + cut)
            self._classify(toks, run[cut + 1 :], first + cut + 1, last)
            return
        self._classify(toks, run, first + len(role), last, role)

    def _dateline(self, toks: Sequence[Token], first: int, last: int) -> bool:
        """Whether a run in capitals opening its line is a dateline's place ("SURREY, B.C. —")."""
        start = self._token_starts[first]
        texts = self._token_texts
        end = self._token_starts[last - 1] + len(texts[last - 1])
        return (
            (start == 0 or self.text[start - 1] == "\n")
            and all(t.isupper() for t in texts[first:last])
            and (
                _DATELINE.match(self.text, end) is not None
                or DATELINE_LEAD.match(self.text, start) is not None  # "ST. JOHN’S, N.L. —"
            )
        )

    def _dateline_place_end(self, toks: Sequence[Token], first: int, last: int) -> int:
        """Where the dateline whose place's first run is `toks[first:last]` ends: its place
        ("ST. JOHN’S, N.L." is one place, not "ST" and a "JOHN’S") and the agency that filed
        the story ("(CP)", "(Reuters)": its credit, not a speaker), up to the dash."""
        lead = DATELINE_LEAD.match(self.text, self._token_starts[first])
        if lead is None:
            return last
        return max(last, bisect_left(self._token_starts, lead.end()))

    def _furniture(self, toks: Sequence[Token], first: int, last: int) -> bool:
        """Page furniture, not a name: a run that opens its line and is a label ("WATCH:",
        "READ MORE:"), or the whole of a short line (a heading: "VIEWPOINT", "Governance")."""
        start = self._token_starts[first]
        if start > 0 and self.text[start - 1] != "\n":
            return False
        texts = self._token_texts
        end = self._token_starts[last - 1] + len(texts[last - 1])
        rest = self.text[end : end + 2]
        if rest[:1] == ":" and all(t.isupper() for t in texts[first:last]):
            return True
        if self._dateline(toks, first, last) or (
            all(t.isupper() for t in texts[first:last]) and last - first >= 4
        ):
            # "SURREY, B.C. — …": where, not who; "HIGHER THAN EXPECTED TURNOUT IN IOWA …":
            # a heading in capitals, not a name
            return True
        if _CONTINUES_BELOW.match(self.text, start):
            return True  # "Story continues below advertisement"
        if self._lede_in_capitals(first, last, end):
            return True

        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        return (
            not self.text[end:line_end].strip()
            and last - first <= 2
            and (last - first == 1 or all(t.isupper() for t in texts[first:last]))
        )

    def _lede_in_capitals(self, first: int, last: int, end: int) -> bool:
        """Whether a paragraph's opening words in capitals are a lede's house style ("MUTED
        REMITTANCE growth in the coming months will …"), not a name: two words or more, the
        sentence going on in lower case, and words the article writes in lower case or with
        one capital elsewhere (a name in capitals, "NASA", is written so throughout)."""
        texts = self._token_texts
        run = texts[first:last]
        if len(run) < 2 or not all(t.isupper() and t.isalpha() for t in run):
            return False
        after = _NEXT_WORD.match(self.text, end)
        if after is None or not after.group(1)[:1].islower():
            return False
        if self._lower_words is None:
            self._lower_words = self._words_written()
        written = self._lower_words
        lower = [t for t in run if t.casefold() in written]
        return bool(lower) and all(t in lower or t.capitalize() in written for t in run)

    def _participle_opening(self, token: Token) -> bool:
        """ "Assuming MPs agree", "Speaking to reporters": a sentence's participle, not a name."""
        folded = token.folded
        return (
            len(folded) > 5
            and folded.endswith(("ing", "ed"))
            and not is_given_name(folded)
            and self._opens_sentence(token)
        )

    def _listed_names(self) -> dict[int, int]:
        """Where a name made of a list ends, by where it starts: "Immigration, Refugees and
        Citizenship Canada", "Innovation, Science and Economic Development Canada" (a
        government body's name, ending in its country)."""
        found = {}
        for match in _LISTED_NAME.finditer(self.text, self.start):
            items = re.split(r",? and |, ", match.group()[: match.start("country") - match.start()])
            if match.group("country").casefold() in COUNTRIES and not any(
                is_place(item.strip().casefold()) for item in items
            ):
                found[match.start()] = match.end()
        return found

    def _describes_role(self, toks: Sequence[Token], run: list[Token], last: int) -> bool:
        """ "the Independent Vermont senator", "a Liberal Ontario MPP": capitalised words
        between an article and a lowercase title describe the role, and name no one."""
        lead = self.text[max(0, run[0].start - 4) : run[0].start].casefold()
        if len(run) >= 2 and run[-1].word.isupper() and run[-1].folded.rstrip(".") in TITLES:
            return lead.endswith(("the ", " a ", "an "))  # "the Tory MLA", "a Liberal MP"
        if last >= len(toks) or not toks[last].text.islower() or toks[last].folded not in TITLES:
            return False
        return lead.endswith(("the ", " a ", "an "))

    def _listed(self, toks: Sequence[Token], first: int, last: int) -> None:
        """The organisation a listed name names, with its acronym if brackets give one."""
        run = list(toks[first:last])
        name = self.text[run[0].start : run[-1].end]
        acronym = _bracketed_acronym(toks[last : last + 3])
        if acronym is not None:
            self._acronym_org(run, acronym, [name], [name.casefold()])
        else:
            self._org(run, [name])

    def _national_body(self, run: list[Token], folded: list[str], join: int) -> bool:
        """ "Fisheries and Oceans Canada", "United Food and Commercial Workers Canada": one
        body whose name ends in its country, not two names ("Britain and Canada"); "Alberta
        Agriculture and Irrigation": a ministry whose name starts with its province."""
        if (
            join >= 2
            and is_place(folded[0])
            and 1 <= len(run) - join - 1 <= 2
            and not any(is_place(w) or is_given_name(w) for w in folded[1:])
            and all(
                t.word[:1].isupper() and t.word[1:].islower() for t in run[1:] if t is not run[join]
            )
        ):
            return True
        return (
            len(run) - join >= 3
            and folded[-1] in COUNTRIES
            and join >= 1
            and not is_place(" ".join(folded[:join]))
            and not is_place(folded[join - 1])
            and not is_place(" ".join(folded[join + 1 :]))  # "Middle East and North Africa"
            and folded[-2] not in _COMPASS
            and all(t.word[:1].isupper() for t in run[join + 1 :])
        )

    def _named_body(self, toks: Sequence[Token], run: list[Token], last: int) -> bool:
        """ "Curling Canada said", "United Food and Commercial Workers Canada": a body's name,
        not a participle opening a sentence ("Leaving Canada, she said", "Assuming MPs")."""
        if len(run) >= 3 and run[1].folded in _PREPOSITIONS and run[1].folded != "of":
            return False  # "Speaking on Morning Ireland he said": the participle, then where
        if len(run) >= 3 and (run[-1].folded in ORG_WORDS or run[-1].folded in COUNTRIES):
            return True
        if len(run) >= 4 and run[-1].word.isdigit() and run[-3].folded in ORG_WORDS:
            return True  # "Amalgamated Transit Union Local 508": a union's local
        if len(run) >= 2 and self._which_follows(last, toks):
            return True  # "Shared Health, which oversees hospital staffing": what "which" is
        return (  # "Boxing Nova Scotia said": a place does not box; a body speaks
            len(run) >= 2
            and is_place(" ".join(t.folded for t in run[1:]))
            and last < len(toks)
            and is_speech_verb(toks[last].text, run[-1].text)
        )

    def _members_of(self, run: Sequence[Token]) -> bool:
        """ "Members of Unifor voted", "Supporters of Poilievre rallied": a sentence opened by
        people (or a body's shares), then "of" (or "for") and a name (not "Friends of the Earth", a
        body's own name, nor "Doctors of BC", a body named for a place)."""
        if len(run) < 3 or run[1].folded not in {"of", "for"} or not self._opens_sentence(run[0]):
            return False  # ("Lawyers for Gerald Pike argued": a cause's group is read before)
        head = run[0].folded
        if (
            not (head.endswith("s") and head in _PERSON_NOUN_WORDS)
            and head not in _BODY_MEMBER_NOUNS
        ):
            return False
        rest = [t.folded for t in run[2:]]
        if rest[0] == "the" and ORG_WORDS.isdisjoint(rest):
            return False
        return not is_place(" ".join(t.word for t in run[2:]))

    def _opens_sentence(self, token: Token) -> bool:
        """Whether `token` opens a sentence, a line, or what follows a page's label ("LISTEN |
        Artist …", "WATCH: …")."""
        lead = self.text[max(0, token.start - 3) : token.start]
        return (
            token.start == 0
            or lead.endswith("\n")
            or bool(re.search(r"(?:[.!?][\"”’]?|[|:])\s+$", lead))
            or self._after_dateline(token)
        )

    def _after_dateline(self, token: Token) -> bool:
        """Whether `token` opens the story after its dateline ("KAMLOOPS, B.C. — Skip …")."""
        if self.text[token.start - 2 : token.start - 1] not in _DASHES:
            return False
        newline = self.text.rfind("\n", max(0, token.start - 60), token.start)
        if newline < 0 and token.start > 60:
            return False  # no paragraph opens within a dateline's length
        return DATELINE_LEAD.fullmatch(self.text, newline + 1, token.start) is not None

    def _after_lowercase_or_start(self, token: Token) -> bool:
        """Whether `token` opens a sentence or follows a lowercase word ("former Olympian")."""
        lead = self.text[max(0, token.start - 3) : token.start]
        if token.start == 0 or lead.endswith("\n") or re.search(r"[.!?][\"”’]?\s+$", lead):
            return True
        if self._after_dateline(token):
            return True
        return bool(re.search(r"[a-z] $", lead))

    def _add_split(
        self,
        toks: Sequence[Token],
        run: list[Token],
        first: int,
        cut: int,
        role: Sequence[Token] = (),
    ) -> None:
        start = toks.index(run[0], first)
        self._classify(toks, run[:cut], start, start + cut, role)  # "Chief … of …": her title
        rest = run[cut + 1 :]
        if rest:
            self._add_run(toks, start + cut + 1, start + len(run))

    def _classify(
        self,
        toks: Sequence[Token],
        run: list[Token],
        first: int,
        last: int,
        role: Sequence[Token] = (),
    ) -> None:
        """Add the run's entity; `role`: the words before it that describe a person."""
        while run and run[0].folded in CONNECTORS and not _leading_particle(run):
            run = run[1:]
        while run and _trailing_connector(run):
            run = run[:-1]
        if not run:
            return
        # "Mercer Island-based Dana F. Besecker Company", "South Korean-born Monte Haines": a
        # "-based" or "-born" word ends a description ("White House-era documents": no one).
        based = [i for i, t in enumerate(run) if t.folded.endswith(MODIFIER_ENDINGS)]
        if based:
            run = run[based[-1] + 1 :]
            if not run:
                return
        # (a possessive inside a body's name keeps its "'s": "Professional Women's Hockey League")
        words = [t.text if t.possessive and t is not run[-1] else t.word for t in run]
        folded = [w.casefold() for w in words]
        if (
            len(run) >= 3
            and folded[-1] in _SHOW_WORDS
            and is_given_name(run[0].word)
            and all(_name_like(t) for t in run[:-1])
        ):
            # "The Dan Wootton Interview", "The Kelly Clarkson Show": a programme named after
            # its host; the host is the person ("Wootton asked" is Dan Wootton)
            run, words, folded = run[:-1], words[:-1], folded[:-1]
        if (
            folded[-1] in _OCCASION_WORDS
            and not run[-1].possessive
            and not is_given_name(run[0].word)  # (Doris Day, Chris Day: people)
            and (len(run) >= 3 or folded[0] in _OCCASION_LEADS or is_place(folded[0]))
        ):  # (not "Isadore Day", a surname after a given name no list holds)
            # "Holocaust Remembrance Day", "Canada Day", "Pride Week": an occasion, named
            # like a person and never one (a "he said" nearby is no one's here)
            self._place(run, words)
            return
        storm = _storm_words(folded)
        if storm and 1 <= len(run) - storm <= 2:
            # "Cyclone Debbie", "Hurricane Harvey": weather, named like a person and never
            # one ("Debbie’s slow-moving ferocity" later is the storm's, and says nothing)
            self._place(run, words)
            found = self.find(" ".join(words))
            if found is not None:
                found.aliases.add(" ".join(folded[storm:]))
            return
        if (
            len(run) >= 3
            and folded[0] in _FRENCH_BODIES
            and not _FRENCH_PARTICLES.isdisjoint(folded[1:-1])
        ):
            self._org(run, words)  # "Sûreté du Québec": a body, not a person "Sûreté"
            return
        if len(run) >= 3 and _is_acronym(words[0]) and folded[1] in _FRENCH_PARTICLES:
            self._org(run, words)  # "CISSS de Lanaudière", "CIUSSS du Centre-Sud": a body
            return
        if _advocacy_group(folded):
            self._org(run, words)  # "Canadians for Tax Fairness": a body, not "Tax Fairness"
            return
        if folded == ["first", "nations"]:
            return  # "First Nations leaders", "consult First Nations": peoples, not a body
        if folded == ["first", "nation"]:
            self._plan_ok = False  # what it is depends on the First Nations named so far
            if self.find("First Nation") is None:
                return  # "the First Nation said" of none named in full: a description
        if is_place(" ".join(folded)):
            if self._noun_after(toks, run, last) in _INSTITUTIONS:
                # "the Prince George detachment said": the place's body, by the noun after it
                self._org(run, [*words, toks[last].text])
                return
            self._place(run, words)  # "New Zealand", "Texas"
            return
        if (
            len(run) >= 2
            and folded[0] == "united"
            and folded[1] not in _UNITED_PLACES
            and not any(_is_title(f) for f in folded)  # "… Workers Secretary-Treasurer Gary"
        ):
            self._org(run, words)  # "United Nurses of Alberta", "United Steelworkers", "United Way"
            return
        if len(run) >= 2 and " ".join(folded) in self._company_starts:
            self._plan_ok = False  # what it is depends on who is known so far
            self._org(run, words)  # "Blackwater Ridge said", after "Blackwater Ridge Copper Ltd."
            return
        if all(is_demonym(w) for w in folded):
            return  # "Arab Israeli", "Canadian"
        if (
            len(run) >= 2
            and folded[-1].isdigit()
            and (folded[-2] == "local" or _is_acronym(words[-2]))
        ):
            self._org(run, words)  # "Unifor Local 1917", "CUPE 7000": a union's local
            return
        # An acronym defined in brackets right after: "Korean Central News Agency (KCNA)".
        acronym = _bracketed_acronym(toks[last : last + 3])
        if acronym is not None and len(run) > 1:
            self._acronym_org(run, acronym, words, folded)
            return
        given = _given_name_cut(run, folded)
        if given and given < _titled_place_length(folded):
            given = 0  # "Prince Albert Raiders", "Prince George": a place, not Prince Albert
        if (
            not given
            and len(run) >= 3
            and is_given_name(folded[1])
            and not is_given_name(folded[0])
            and folded[0].endswith(_OCCUPATION_ENDINGS)
            and _role_like(words[0])
            and self._opens_sentence(run[0])
        ):
            # "Steelworker Gurpreet Bains, 31, said": an occupation opening the sentence, then
            # the name (as "Developer Marcus Bell"); not "Hui Min Zhang"
            given = 1
        if given:
            # "Senate Majority Leader Mitch McConnell", "FBI Director James Comey": a person,
            # named from their given name on; an organisation before the title is its own.
            self._affiliation(run[:given], folded[:given])
            self._classify(toks, run[given:], first + given, last, run[:given])
            return
        if _field_and_region(folded):
            self._org(run, words)  # "Boxing Nova Scotia", "Health PEI"
            return
        if (
            len(run) >= 2
            and folded[-1] in _NEWSPAPER_WORDS
            and not is_given_name(folded[0])
            and (
                is_place(" ".join(folded[:-1]))
                or self.text[max(0, run[0].start - 4) : run[0].start].casefold() == "the "
            )
        ):
            self._org(run, words)  # "the Shediac Sun", "Toronto Star"; not "Jenny Sun"
            return
        if len(run) == 2 and _is_acronym(words[0]) and is_place(folded[1]):
            self._org(run, words)  # "CF Montréal", "AC Milan": a club's letters, then its city
            return
        if (
            _is_acronym(words[-1])
            and folded[-1] not in PLACE_WORDS
            and folded[-1] not in _NAME_SUFFIXES  # "Brent Bozell III"
        ):
            if len(run) >= 3 and folded[-2] in {"of", "for"} and not ORG_WORDS.isdisjoint(folded):
                self._org(run, words)  # "Art Gallery of NSW": the letters are its place
                return
            before = folded[:-1]
            if before and (
                len(words[-1].replace(".", "")) <= 2  # "Toronto FC", "Montreal CF": its name
                or not (
                    is_place(" ".join(before))
                    or all(is_demonym(w) for w in before)
                    or is_given_name(before[0])
                )
            ):
                self._org(run, words)  # "Toronto Harbour FC", "Calgary Foothills SC"
                return
            if folded[-1] in _PROVINCIAL_PARTIES and " ".join(folded[:-1]) in REGIONS:
                self._org(run, words)  # "the Alberta NDP", "the Ontario PCs": a party of its own
            else:
                # "U.S. ICE", "Red Deer RCMP", "HSI": an organisation known by its letters.
                self._org([run[-1]], [words[-1]])
            return
        # "Mayor Don Guardian": after a title, a given name and one more word are a person's
        # name even when that word also names an organisation.
        titled = (
            bool(role)
            and _is_title(role[-1].folded)
            and len(run) == 2
            and is_given_name(folded[0])
            and _name_like(run[1])
        )
        org_at = [] if titled else [i for i, w in enumerate(folded) if w in ORG_WORDS]
        if (
            org_at
            and len(run) - org_at[-1] - 1 >= 2
            and all(
                _name_like(t) and t.word.casefold() not in TITLES for t in run[org_at[-1] + 1 :]
            )
        ):
            # "Refugee Council Enver Solomon": an organisation, then the person of it.
            cut = org_at[-1] + 1
            self._org(run[:cut], words[:cut])
            self._classify(toks, run[cut:], last - (len(run) - cut), last)
            return
        if (
            len(run) >= 2
            and folded[-1] == "city"
            and is_place(" ".join(folded[:-1]))
            and not (last < len(toks) and is_speech_verb(toks[last].text, words[-1]))
            and not self._which_follows(last, toks)
        ):
            self._place(run, words)  # "New York City", "Quebec City": a city, not a body
            return
        followed = self._noun_after(toks, run, last)
        if not titled and (
            not ORG_WORDS.isdisjoint(folded)
            or (
                any(_camel(w) for w in words)
                and not _personal(words, folded)
                # "LLana James, a doctoral candidate": a name spelt with a capital inside
                and not (len(run) == 2 and self._only_a_person_after(run, last, toks))
            )
            or self._which_follows(last, toks)
            or followed in _INSTITUTIONS
        ):
            # "Royal Shrewsbury hospital", "Con Edison, which maintains …"
            joined = followed in _INSTITUTIONS and followed not in _MEDIUM_NOUNS
            self._org(run, [*words, toks[last].text] if joined else words)
            return
        if len(run) == 2 and folded[1] == "air" and not is_given_name(folded[0]):
            self._org(run, words)  # "Borealis Air", "Canadian North Air": an airline
            return
        country = _country_then_person(run, folded)
        if country:
            # "… for Afghanistan and Pakistan Richard Olson": the country a title's list ends
            # in, then the person (not a body "Pakistan Richard Olson")
            self._place(run[:country], words[:country])
            self._classify(toks, run[country:], first + country, last, role)
            return
        if len(run) >= 2 and _names_country(folded) and TITLES.isdisjoint(folded):
            if all(w in _REGION_ADJECTIVES or w in COUNTRIES for w in folded) or (
                folded[-1] in PLACE_WORDS and folded[-1] not in BUILDING_WORDS
            ):
                # "Western Canada", "Northern Ireland": a region; "Jamaica Bay": a place
                self._place(run, words)
            else:
                self._org(run, words)  # "Environment Canada", "Air Canada", "Canada Post"
            return
        if (
            not PLACE_WORDS.isdisjoint(folded)
            and not titled
            and not self._person_follows(run, folded, last, toks)
            and not (len(run) <= 3 and _FAMILY_NAME_FIRST.search(" ".join(words)))
            and not _HYPHENATED_GIVEN_FIRST.match(" ".join(words))  # "Sung-min Park"
            and not (  # "Kanye West", "Cornel West": a compass point after no place
                len(run) == 2
                and folded[1] in _COMPASS
                and not is_place(folded[0])
                and folded[0] not in PLACE_WORDS
                and folded[0] not in _REGION_ADJECTIVES
            )
        ) and (  # ("Col. Park Ji-yeon": a family name first, a given name in two parts)
            TITLES.isdisjoint(folded)
            or folded[-1] in BUILDING_WORDS  # "Imam Zaman Mosque", "King Fahd Stadium"
            or any(  # "the Queen Street Wash & Fold", "King Street West": a street's title
                word in TITLES and after in PLACE_WORDS for word, after in pairwise(folded)
            )
        ):
            if (last < len(toks) and is_speech_verb(toks[last].text, words[-1])) or (
                len(run) >= 3
                and folded[-1] not in PLACE_WORDS
                and folded[-1] not in _COMPASS
                and not is_place(folded[-1])
                and folded[-1].endswith("s")
                and folded[-2] not in PLACE_WORDS
            ):
                # "Valley Harvest said": a place does not speak; a firm. "Pacific Coast
                # Transit Operations": a place's words, then what a body does
                self._org(run, words)
            elif (
                len(run) >= 3 and folded[-1] in _SINGULAR_TEAMS and folded[-2] in PLACE_WORDS
            ) or (len(run) >= 2 and folded[-1] in _CLUB_ENDINGS):
                # "Tampa Bay Lightning", "Manchester United": a team, "the Lightning" and
                # "United" later
                self._org(run, words)
                entity = self.find(" ".join(words))
                if entity is not None:
                    entity.aliases.add(folded[-1])
            else:
                self._place(run, words)
            return
        if (
            len(run) >= 2
            and _PLACE_LEAD.search(self.text, max(0, run[0].start - 12), run[0].start)
            and not any(is_given_name(word) for word in folded)
            and not _initialled_person(run, folded)  # "a performance in J.C. Chandor’s film"
        ):
            self._place(run, words)  # "a cow-calf operation near Maple Creek": somewhere
            return
        if _INDEFINITE_BEFORE.search(
            self.text, max(0, run[0].start - 4), run[0].start
        ) and not is_given_name(folded[0]):
            return  # "a Grey Nun", "an Oilers fan": what someone is, not who
        if (
            len(run) >= 2
            and not is_given_name(folded[0])
            and self._noun_after(toks, run, last) in _WORK_ROLES
        ):
            return  # "the former Total Request Live cohost": the show's, no one's name
        # (never after a title: "Chief Superintendent Dallas Burnes" is a person)
        after_title = (bool(role) and role[-1].folded.rstrip(".") in TITLES) or (
            self._lower_word_before(run[0].start) in TITLES  # "Liverpool forward Milan Baros"
        )
        team = 0 if after_title else self._team(run, folded)
        if team:
            self._org(run, words)  # "Vancouver Canucks", "Prince George Spruce Kings"
            entity = self.find(" ".join(words))
            if entity is not None:
                entity.aliases.add(" ".join(folded[team:]))  # "the Canucks said"
            return
        post = len(run)
        while post > 2 and run[post - 1].word.isupper() and folded[post - 1] in _POST_NOMINALS:
            post -= 1
        if post < len(run) and is_given_name(folded[0]):
            # "Tom McCabe MSP,", "Ann Clwyd MP said": letters after a name, not a title
            # before one (the name is what comes before them)
            run, folded, words = run[:post], folded[:post], words[:post]
        # People: the name is the last few name-like words; titles and adjectives before it
        # ("Israeli Prime Minister", "President") describe them.
        name_start = 0 if titled else len(run)
        # Four words at most, not counting particles: "José Antonio Ruiz de Alarcón".
        while name_start > 0 and sum(f not in _PARTICLES for f in folded[name_start:]) < 4:
            word = folded[name_start - 1]
            surname_like = (
                name_start == len(run) and len(run) >= 2 and is_given_name(folded[-2])
            )  # "Mark Cuban", "Tom English": a demonym can be a surname
            if (
                (_is_title(word) and not surname_like)  # "Mary Major", "Stephen Bishop"
                or word in ORG_WORDS
                or (
                    is_demonym(word)
                    and not surname_like
                    # ("goalkeeper Christian Oxner": a given name the run opens with)
                    and not (
                        name_start == 1 < len(run)
                        and is_given_name(word)
                        and not is_demonym(folded[1].removesuffix("s"))  # "Christian Democrats"
                    )
                )
                or not (
                    _name_like(run[name_start - 1])
                    or (surname_like and word in _MONTHS)  # "Theresa May", "Brian May"
                    or (
                        word in GIVEN_NAMES_AS_WORDS
                        and len(run) >= 2
                        and (name_start == 1 or folded[name_start - 2].rstrip(".") in TITLES)
                    )  # "Will Moy", "Mayor Bill de Blasio"
                    or (
                        word in _PARTICLES and name_start >= 2 and name_start < len(run)
                    )  # "Bill de Blasio", "Vincent van Gogh", "Lorna Van der Merwe"
                    or (
                        name_start == 2
                        and name_start < len(run)
                        and run[1].word[:1].isupper()
                        and is_given_name(folded[0])
                    )  # "Jolene Two Feathers": a word inside a surname, after a given name
                )
            ):
                break
            if name_start - 1 < len(run) - 1 and run[name_start - 1].possessive:
                break
            name_start -= 1
        # "Governor of Washington Chris Gregoire", "Minister of Education Stefania Giannini":
        # the title's complement is not part of the name.
        titled_at = next((i for i, f in enumerate(folded) if f in TITLES), None)
        for position in range(len(run) - 2):
            if (
                titled_at is not None
                and titled_at < position + 1
                and run[position + 1].folded in {"of", "for"}  # "Minister for Manpower …"
                and len(run) - (position + 3) >= 2
            ):  # "Minister of State for Manpower Faizal Iskandar Rahmat"
                name_start = max(name_start, position + 3)
        if (
            len(run) - name_start >= 3
            and run[name_start].word.isalpha()
            and not run[name_start].word.isupper()
            and len(folded[name_start]) > 4
            and folded[name_start].endswith("s")
            and not is_given_name(folded[name_start])
            and folded[name_start] not in _PARTICLES
            and is_given_name(folded[name_start + 1])
        ):
            # "Government Affairs Phil Smith", "Democrats Hillary Clinton": a plural before a
            # given name describes the person (a name's first word seldom ends so: the given
            # names that do, "Carlos", "Thomas", are in the list).
            name_start += 1
        if self._describes_role(toks, run, last):
            return  # "The Independent Vermont senator": words describing a role, no name
        name_start += _complement_words(run[name_start:])
        if (
            name_start >= 2
            and folded[name_start - 1] in {"of", "for"}
            and len(run) - name_start < 2
        ):
            return  # "Minister of Innovation,": the title's complement, no one's name
        name_tokens = run[name_start:]
        titles = [*role, *run[:name_start]]
        if not name_tokens:
            return
        gender = (
            "m"
            if any(t.folded in MALE for t in titles)
            else "f"
            if any(t.folded in FEMALE for t in titles)
            else ""
        )
        if len(name_tokens) > 1 and name_tokens[0].text in _BARE_LETTERS:
            # "Y Combinator", "T Mobile": a bare capital letter opens the name of a thing; a
            # person's initial takes its full stop ("J. Smith"; "U Thant" is Burmese, "Ó
            # Riain" Irish)
            self._org(name_tokens, [t.word for t in name_tokens])
            return
        if (
            len(name_tokens) == 1
            and titles
            and titles[-1].folded in _REGNAL | _PEERAGE
            and not _FIRST_BEFORE.search(self.text, max(0, titles[-1].start - 8), titles[-1].start)
        ):
            # "Pope Francis", "Queen Elizabeth", "Prince Harry", "Lord Stevens": the title
            # is in the name.
            name_tokens, titles = [titles[-1], *name_tokens], titles[:-1]
        if len(name_tokens) == 1:
            self._single(name_tokens[0], titles, gender)
            return
        self._named_person(toks, name_tokens, titles, first - len(role), last, gender)

    def _lower_word_before(self, start: int) -> str:
        """The word in lower case just before `start` ("forward" in "forward Milan Baros"),
        else "" (the key of `_planned` holds that word)."""
        found = _LOWER_WORD_BEFORE.search(self.text, max(0, start - 30), start)
        return found.group(1) if found else ""

    def _team(self, run: list[Token], folded: list[str]) -> int:
        """Where the plural after a place begins, if a run is a place and then a plural
        ("Winnipeg Jets", "Toronto Maple Leafs"): a team, not a person (whose first word
        would be a given name: "Victoria Evans", "Regina Williams"); else 0."""
        if len(run) < 2 or (
            (len(folded[-1]) < 4 or not folded[-1].endswith("s"))
            and folded[-1] not in _SINGULAR_TEAMS
        ):
            return 0
        if is_given_name(folded[0]) or any(t.possessive for t in run):
            return 0
        places = [
            cut
            for cut in range(1, len(run))
            if is_place(" ".join(folded[:cut]))
            or " ".join(folded[:cut]) in self._dateline_places  # "KAMLOOPS, B.C. —" above
        ]
        return places[-1] if places else 0

    def _acronym_org(
        self, run: list[Token], acronym: Token, words: list[str], folded: list[str]
    ) -> None:
        """ "Korean Central News Agency (KCNA)": the organisation and its acronym."""
        if self._recording is not None:
            self._record("acronym", self._rel(run), self._rel([acronym]), words, folded)
        name = _joined_name(words)
        entity = self.find(acronym.text) or self._entity(name, "org", run[0].start)
        if entity.kind != "org" or len(entity.name.split()) == 1:
            entity.name, entity.kind = name, "org"
        entity.aliases.update({acronym.text.replace(".", "").casefold(), " ".join(folded)})
        self._mention(run[0].start, run[-1].end, entity)
        self._mention(acronym.start, acronym.end, entity)

    def _named_person(
        self,
        toks: Sequence[Token],
        name_tokens: list[Token],
        titles: list[Token],
        described_from: int,
        last: int,
        gender: str,
    ) -> None:
        """A person named in full: their entity, gender, first description and mention."""
        if self._recording is not None:
            base = self._record_base
            self._record(
                "person",
                self._rel(name_tokens),
                self._rel(titles),
                described_from - base,
                last - base,
                gender,
            )
        name = " ".join(t.word for t in name_tokens)
        place = None if titles else self._with_alias(name.casefold())
        if place and all(known.kind == "place" for known in place):
            # "Santa Barbara’s University of California campus" after "her Santa Barbara
            # home": the place named before, though its first word is a given name
            self._mention(name_tokens[0].start, name_tokens[-1].end, place[-1])
            return
        entity = self._named_in_full_before(name_tokens, gender) or self._person(
            name, name_tokens[0].start
        )
        nickname = self._nicknames.get(name_tokens[0].start)
        if nickname is not None:
            entity.aliases.add(nickname)
        if gender and not entity.gender:
            entity.gender = gender
        if not entity.description:
            lead = toks[described_from]
            if (
                not titles
                and lead.start < name_tokens[0].start
                and toks[described_from + 1].start == name_tokens[0].start
                and self._opens_sentence(lead)
                and _role_like(lead.text)
            ):
                entity.describe(lead.text, name_tokens[0].start)  # "Developer Marcus Bell"
            else:
                entity.describe(
                    self._description(toks, described_from, titles, last), name_tokens[0].start
                )
                if _abbreviated(entity.description) and last < len(toks) and toks[last].text == ",":
                    entity.offered = _offered_after(self._appositive(toks[last].end))
            if (
                not entity.description
                or _abbreviated(entity.description)
                or all(
                    word.casefold().rstrip(".") in HONORIFICS for word in entity.description.split()
                )
            ):
                role = self._role_set_off_before((titles or name_tokens)[0].start)
                if role:  # "YCV Director, Mr Steven Noel, said", then "the YCV Director"
                    entity.describe(role, name_tokens[0].start)
        self._mention(name_tokens[0].start, name_tokens[-1].end, entity)

    def _role_set_off_before(self, start: int) -> str:
        """The capitalised role a comma sets off before a name, opening its sentence or after
        "the" ("YCV Director, Mr Steven Noel, said", "The Digicel CEO, John Hart, said"): a
        body's words and a title, which the article may later call the person by."""
        found = _ROLE_SET_OFF.search(self.text, max(0, start - 80), start)
        if found is None or found.group("title").casefold().rstrip(".") not in TITLES:
            return ""
        lead = self.text[max(0, found.start() - 2) : found.start()]
        if found.start() and not lead.endswith(("\n", ". ")) and not found.group("the"):
            return ""
        return found.group("role")

    def _named_in_full_before(self, name_tokens: list[Token], gender: str) -> Entity | None:
        """The one person named before in full whom a title and one name stand for: a
        peer's title and the surname ("Baroness Boothroyd", "Lady Boothroyd" after "Betty
        Boothroyd"), a royal's and the given name ("Prince Saud" after "Prince Saud
        Al-Faisal"), a role opening the sentence and the surname ("Matchwinner Keane" after
        "Robbie Keane"); the title's gender, where it has one, must not disagree."""
        if len(name_tokens) != 2:
            return None
        title, name = name_tokens[0].folded, name_tokens[1].folded
        if title in _PEERAGE:
            place = -1  # the surname
        elif title in _REGNAL - {"pope"}:
            place = 0  # the given name
        elif (
            self._opens_sentence(name_tokens[0])
            and _role_like(name_tokens[0].word)
            and _for_a_person(name_tokens[0].word)
        ):
            place = -1  # "Matchwinner Keane was full of praise": Robbie Keane, so described
        else:
            return None
        gender = "m" if title in MALE else "f" if title in FEMALE else gender
        known = {
            id(e): e
            for e in (self._with_alias(name) if place else self._by_first.get(name, ()))
            if e.kind == "person"
            and len(words := e.name.casefold().split()) >= 2
            and words[place] == name
            and words[0] not in _PEERAGE | _REGNAL
            and (not gender or e.gender in {"", gender})
        }
        return next(iter(known.values())) if len(known) == 1 else None

    def _partner(self, given: Token, surname: list[Token]) -> None:
        """ "Thomas and Rachel Adeyemi": Thomas Adeyemi, named by his given name beside hers
        and the surname they share (his mention is his given name)."""
        if self._recording is not None:
            self._record("partner", self._rel([given]), self._rel(surname))
        name = " ".join([given.word, *(t.word for t in surname)])
        entity = self._person(name, given.start)
        gender = person_gender(given.word)
        if gender and not entity.gender:
            entity.gender = gender
        self._mention(given.start, given.end, entity)

    def _classify_one(self, toks: Sequence[Token], token: Token, last: int) -> None:
        """`_classify` for a run of one word, the most common case, step for step."""
        word = token.word
        folded = word.casefold()
        if folded.endswith(MODIFIER_ENDINGS):
            return
        if word.replace(".", "") in ERAS:
            self._plan_ok = False  # (the number before it, the plan does not see)
            at = bisect_left(self._token_starts, token.start)
            if at and toks[at - 1].text.isdigit():
                return  # "as early as 500 BC saying": a date, not British Columbia
        if is_place(folded):
            self._place([token], [word])
            return
        if is_demonym(folded):
            self._plan_ok = False  # what it is depends on who is known so far
            known = self._with_alias(folded)
            if any(e.kind == "person" for e in known):
                self._single(token, [], "")  # "Cuban said", after "Mark Cuban"
            return
        if word in _REGION_CODES:
            self._plan_ok = False  # (what the word before the comma is, the plan does not see)
            at = bisect_left(self._token_starts, token.start)
            if at >= 2 and toks[at - 1].text == "," and toks[at - 2].capitalised:
                self._place([token], [word])  # "West Palm Beach, FL"
                return
        if _GIVEN_INITIALS.fullmatch(word):
            self._plan_ok = False  # what it is depends on who is known so far
            # "R.T. states", after "R.T. Thorne": his given name, as initials
            people = [e for e in self._with_alias(folded) if e.kind == "person"]
            if len(people) == 1:
                self._mention(token.start, token.end, people[0])
                return
        if _PERSON_INITIALS.fullmatch(word):
            self._plan_ok = False  # what it is depends on who is known so far
            person = self._person_by_initials(word)
            at = bisect_left(self._token_starts, token.start)
            if person is not None and (
                len(word) >= 3
                or (last < len(toks) and is_speech_verb(toks[last].text, word))
                or (at and is_speech_verb(toks[at - 1].text))
            ):
                # "SBF said", after "Sam Bankman-Fried"; "says JK", after "Jason King" (two
                # letters only beside a speech verb: "TV" is not Tom Vance)
                self._mention(token.start, token.end, person)
                return
        if _is_acronym(word) and folded not in PLACE_WORDS:
            self._org([token], [word])
            return
        following = toks[last] if last < len(toks) else None
        followed = following.folded if following is not None and following.text.islower() else ""
        if folded in ORG_WORDS and self._a_person_or_an_opening(token, folded):
            # "Guardian said", after "Mayor Don Guardian"; "Company welcomes agreement",
            # "Council voted": the common noun
            return
        if (
            folded in ORG_WORDS
            or _camel(word)
            or self._which_follows(last, toks)
            or followed in _INSTITUTIONS
        ):
            # "Hamilton police said": the force by its words and the noun after ("Likud party",
            # "Trump foundation" stay by their names)
            named = [word, "police"] if followed == "police" else [word]
            self._org([token], named)
            return
        if folded in PLACE_WORDS and folded not in TITLES:
            # "Park said", after "Park Ji-yeon"; "New research has found", "City council
            # voted": the common word; else a place
            if not self._a_person_or_an_opening(token, folded):
                self._place([token], [word])
            return
        if folded in TITLES:
            self._plan_ok = False  # what it is depends on who is known so far
            at = bisect_left(self._token_starts, token.start)
            if (at == 0 or toks[at - 1].folded != "the") and any(
                e.kind == "person" for e in self._with_alias(folded)
            ):
                self._single(token, [], "")  # "says Doctor", after "Ken Doctor"
            return
        if is_demonym(folded) or not _name_like(token):
            return
        if (
            following is not None
            and followed
            and len(folded) >= 5
            and folded.endswith(("ing", "ed"))
            and not is_given_name(folded)
            and not is_speech_verb(following.text, word)  # ("Manning said")
            and self._opens_sentence(token)
        ):
            # "Issuing point by point rebuttal …", "Based on his findings": no one, unless a
            # person or body of that name is known ("Harding was …" after "Warren Harding",
            # "Boeing and …" after "Boeing Co.")
            self._plan_ok = False  # what it is depends on who is known so far
            if self._with_alias(folded):
                self._single(token, [], "")
            return
        self._single(token, [], "")

    def _a_person_or_an_opening(self, token: Token, folded: str) -> bool:
        """For a single capitalised word that is also a common noun (an organisation's or a
        place's word): whether it was dealt with, as a person known by that name (then
        added so) or as the word opening a sentence (then nothing)."""
        self._plan_ok = False  # what it is depends on who is known so far
        if any(e.kind == "person" for e in self._with_alias(folded)):
            self._single(token, [], "")
            return True
        return self._opens_sentence(token)

    @staticmethod
    def _noun_after(toks: Sequence[Token], run: list[Token], last: int) -> str:
        """The lowercase word right after the run ("Royal Shrewsbury hospital"), or "" (also
        when the run lost its last words: "Revera Inc. The company", not "Inc. company")."""
        if last >= len(toks) or toks[last - 1].start != run[-1].start:
            return ""
        return toks[last].folded if toks[last].text.islower() else ""

    def _affiliation(self, run: list[Token], folded: list[str]) -> None:
        """The words before a titled person's name: an organisation when they end in one
        ("Washington Restaurant Association CEO", "FBI Director"), else only a description."""
        end = len(run)
        while end > 0 and (folded[end - 1] in TITLES or folded[end - 1].rstrip(".") in TITLES):
            end -= 1
        if not end or (end == len(run) and folded[end - 1] not in ORG_WORDS):
            return
        words = [t.word for t in run[:end]]
        if is_place(" ".join(folded[:end])):
            self._place(run[:end], words)
        elif folded[end - 1] in ORG_WORDS or (end == 1 and _is_acronym(words[0])):
            self._org(run[:end], words)

    def _person_follows(
        self, run: list[Token], folded: list[str], last: int, toks: Sequence[Token]
    ) -> bool:
        """ "Simon Park, who represented the family", "Grace Hill, 54,", "Simon Park said",
        "Simon Park, a lawyer for …": a given name, then a surname that is also a place's
        word ("Park", "Hill"), and after them what only a person has: a "who" clause, an
        age, a speech verb, or an apposition whose noun is a person's."""
        if len(run) != 2 or not is_given_name(folded[0]) or folded[0] in PLACE_WORDS:
            return False
        return self._only_a_person_after(run, last, toks)

    def _only_a_person_after(self, run: list[Token], last: int, toks: Sequence[Token]) -> bool:
        """Whether what follows a run only follows a person: a speech verb, a "who" clause,
        an age, or an apposition whose noun is a person's ("LLana James, a doctoral
        candidate")."""
        if last < len(toks) and is_speech_verb(toks[last].text, run[-1].word):
            return True
        if last + 1 >= len(toks) or toks[last].text != ",":
            return False
        after = toks[last + 1]
        if after.folded in {"a", "an", "the"}:
            # "Simon Park, a lawyer for the family," (not "Stanley Park, a 400-hectare park")
            for token in toks[last + 2 : last + 6]:
                if token.text in {",", ".", ";", ":"}:
                    return False
                if token.folded in _PERSON_NOUN_WORDS or token.folded in TITLES:
                    return True
            return False
        return after.folded in {"who", "whose"} or bool(_AGE_AFTER.match(self.text, run[-1].end))

    def _which_follows(self, last: int, toks: Sequence[Token]) -> bool:
        """ "Con Edison, which maintains …": what "which" follows is not a person."""
        return last + 1 < len(toks) and toks[last].text == "," and toks[last + 1].folded == "which"

    def _place(self, run: list[Token], words: list[str]) -> None:
        if self._recording is not None:
            self._record("place", self._rel(run), words)
        name = " ".join(words)
        entity = self.find(name) or self._entity(name, "place", run[0].start)
        self._mention(run[0].start, run[-1].end, entity)

    def _org(self, run: list[Token], words: list[str]) -> None:
        if self._recording is not None:
            self._record("org", self._rel(run), words)
        # "Nurses' Association", "Department of Environment, Energy and Climate Action"
        name = _joined_name(words)
        bare = name
        owner = _COUNTRY_OWNER.search(self.text, max(0, run[0].start - 40), run[0].start)
        if (
            owner is not None
            and name.casefold().split()[-1] == "ministry"  # ("Ministry of Health" is whole)
            and is_place(owner.group("place"))
        ):
            name = owner.group(0).rstrip() + " " + name  # "Russia’s Defense Ministry"
        entity = self.find(name)
        if entity is None and len(run) == 1 and _is_acronym(words[0]):
            # "the CRA" after "the Canada Revenue Agency", "the BEI" after "Bureau des
            # enquêtes indépendantes": an acronym of a body named in full before
            entity = self._initialled.get(words[0].replace(".", ""))
            if entity is not None:
                entity.aliases.add(words[0].replace(".", "").casefold())
        if entity is None and len(run) == 1 and words[0].casefold() in ORG_WORDS:
            # "the Commission said" after "the European Commission": the body named last
            # whose name ends in that word
            key = words[0].casefold()
            entity = next(
                (
                    e
                    for e in reversed(self.entities)
                    if e.kind == "org"
                    and len(e.name.split()) > 1
                    and e.name.split()[-1].casefold() == key
                ),
                None,
            )
        if entity is None:
            entity = self._entity(name, "org", run[0].start)
            for initials in {
                _initials(words),
                _initials(_hyphen_parts(words)),
                _initials(words, whole_capitals=True),
            }:
                if len(initials) >= 2:  # (WADA: World Anti-Doping Agency; FA: Football Association)
                    self._initialled.setdefault(initials, entity)
        if len(run) == 1:
            entity.aliases.add(words[0].replace(".", "").casefold())
        if bare != name:
            entity.aliases.add(bare.casefold())  # "the Defense Ministry said" later
        short = len(words)
        while short > 2 and words[short - 1].casefold().rstrip(".,") in CORPORATE_ENDINGS:
            short -= 1  # "Valley Harvest Foods Inc." is "Valley Harvest" later in the story
        if short < len(words):
            entity.aliases.add(" ".join(words[:short]).casefold())
            key = " ".join(words[:short]).casefold()
            opening = words[0].casefold().rstrip(".")
            legal = words[-1].casefold().rstrip(".,") in _LEGAL_FORMS
            if (
                opening not in HONORIFICS
                and (opening not in TITLES or legal)
                and not any(e.kind == "person" for e in self._with_alias(key))
            ):  # ("the Mr. Clarke company": Mr. Clarke stays a man; "General Electric Co.":
                # a firm's legal form makes its first word its name's, "General Electric said")
                self._company_starts.add(key)  # "Meridian Crest said"
            if words[-1].casefold().rstrip(".,") in _LEGAL_FORMS - {"co", "ltée", "llp"}:
                # "Blackwater Ridge Copper Ltd." is "Blackwater Ridge" later: a company's
                # name shortens to its first words, its trade or its legal form dropped
                for cut in range(2, short + 1):
                    key = " ".join(words[:cut]).casefold()
                    entity.aliases.add(key)
                    self._company_starts.add(key)
        if (
            len(words) >= 2
            and all(w.casefold().rstrip(".,") in CORPORATE_ENDINGS for w in words[1:])
            and _name_like(run[0])
            and not is_given_name(words[0])
            and not is_place(words[0])
            and not any(e.kind == "person" for e in self._with_alias(words[0].casefold()))
        ):
            # "Revera Inc.", "Revera said" later (not "Dhaliwal Logistics Ltd." when Harjit
            # Dhaliwal, who founded it, is "Dhaliwal" in the story)
            entity.aliases.add(words[0].casefold())
        if (
            len(words) == 2
            and words[1].casefold() in _SHORTENED_TRADES
            and not is_given_name(words[0])
            and not is_place(words[0])
        ):
            entity.aliases.add(words[0].casefold())  # "SkyLink Air" is "SkyLink" later
        if len(words) > len(run):  # "Prince George detachment": its words and the noun after
            entity.aliases.add(" ".join(words[: len(run)]).casefold())
        if len(words) > 2 and [w.casefold() for w in words[-2:]] == ["first", "nation"]:
            entity.aliases.add("first nation")  # "the First Nation said" later: this one
        self._mention(run[0].start, run[-1].end, entity)

    def _single(self, token: Token, titles: list[Token], gender: str) -> None:
        """One capitalised word: a surname or acronym already known, else maybe a name later."""
        if self._recording is not None:
            self._record("single", self._rel([token]), self._rel(titles), gender)
        entity = self._firm_by_possessive(token) if not titles else None
        if entity is None:
            entity = self.find(token.word)
        if entity is None and not titles:
            entity = self._of_a_couple(token)
        if entity is not None and gender and entity.kind == "person" and entity.gender != gender:
            entity = self._of_the_honorific(token, entity, gender)
        if entity is None:
            if not any(t.word.casefold() in TITLES for t in titles):
                entity = self._introduced_by_given_name(token)
                if entity is None and (
                    _AGE_AFTER.match(self.text, token.end)
                    or self._speaks_by_one_name(token)
                    or self._lower_word_before(token.start).casefold() in _ONE_NAME_ROLES
                ):
                    # "Nurhayati, 38, said": one name and an age (many people have one name);
                    # "Mbumba said", "…,” Mbumba says": one name that speaks; "Madrid
                    # midfielder Guti told": one name after a role in lower case
                    entity = self._person(token.word, token.start)
                if entity is None:
                    return  # a place or a common word at the start of a sentence: not kept
            else:
                entity = self._person(token.word, token.start)  # "Mr Obama" before any full name
        if gender and entity.kind == "person" and not entity.gender:
            entity.gender = gender
        if entity.kind == "person" and not entity.description and titles:
            office = [t.word for t in titles if t.folded.rstrip(".") not in HONORIFICS]
            if office:  # "President Trump joked …" then "the president said": him
                entity.describe(" ".join(office), token.start)
                if _abbreviated(entity.description) and self.text.startswith(",", token.end):
                    entity.offered = _offered_after(self._appositive(token.end + 1))
        if (
            entity.kind == "person"
            and not entity.description
            and self.text.startswith(",", token.end)
        ):
            # "said Castonguay, a 20-year-old rookie from Rimouski": described at a later
            # mention when the first gave nothing ("the rookie said" is him)
            entity.describe(self._appositive(token.end + 1), token.start)
        self._mention(token.start, token.end, entity)

    def _firm_by_possessive(self, token: Token) -> Entity | None:
        """A firm whose name is a possessive ("Moody’s said", "McDonald’s lowered its
        prices"): a possessive right before a verb owns nothing, so the "’s" is its name's
        (a founder's); None for any other word."""
        if not token.text.endswith(("’s", "'s")) or len(token.word) < 3:
            return None
        verb = _NEXT_WORD.match(self.text, token.end)
        if verb is None:
            return None
        word = verb.group(1)
        if not (
            is_speech_verb(word, token.text)
            or word in _FIRM_VERBS
            or (word.endswith("ed") and word not in _COMMON_VERBS and len(word) > 4)
        ):
            return None
        return self.find(token.text) or self._entity(token.text, "org", token.start)

    def _of_the_honorific(self, token: Token, entity: Entity, gender: str) -> Entity:
        """The person "Mr Patel" or "Mrs. Clinton" names when the one the surname gives
        (`entity`) is not known to be of the honorific's sex."""
        people = [e for e in self._with_alias(token.word.casefold()) if e.kind == "person"]
        fitting = [e for e in people if e.gender == gender]
        if fitting:
            return fitting[0]  # "Mrs. Clinton" after Bill and Hillary Clinton
        kin = self._kin_by_given_name(token.word, gender, token.start)
        if kin is not None and not entity.gender:
            # "Olumide Adeyemi … with his son, Tunde" then "Mr Adeyemi": "his" tells the
            # father's sex; "Meena Patel and her husband, Rajesh": hers
            owner = _KIN_IN_DESCRIPTION.search(kin.description)
            whose = owner.group(1).casefold() if owner is not None else ""
            entity.gender = {"his": "m", "her": "f"}.get(whose, "")
            if entity.gender != _OTHER_SEX.get(gender):
                kin = None
        if kin is not None:
            # "Rajesh Patel and his wife, Meena" / "Meena Patel and her husband, Rajesh",
            # then "Mrs Patel" / "Mr Patel": the one introduced by a given name beside them,
            # whose surname the article now gives
            full = f"{kin.name} {token.word}"
            kin.name = full
            kin.aliases.update({full.casefold(), token.word.casefold()})
            self._file_name(kin)
            return kin
        if not entity.gender:
            return entity
        unknown = [e for e in people if not e.gender]
        if len(unknown) == 1:
            # "Mr Nguyen" after Lan Nguyen and her son, Minh Nguyen: not her
            unknown[0].gender = gender
            return unknown[0]
        if not any(e is not entity for e in people):
            # "Ms. Kaur" of the one Amrit Kaur: the article's honorific tells her sex
            # better than a list of names does ("Amrit" is listed as a man's)
            entity.gender = gender
        return entity

    def _kin_by_given_name(self, surname: str, gender: str, before: int) -> Entity | None:
        """The one person of `gender` introduced by a given name alone as someone's kin
        right after a mention of `surname` ("Rajesh Patel and his wife, Meena"), before
        `before`."""
        if not self._given_only:
            return None
        near = re.compile(rf"\b{re.escape(surname)}\b[^.!?\n]{{0,40}}$")
        # (the latest 100 such people looked at: an article of thousands is read in
        # linear time)
        latest = islice(reversed(self._given_only.values()), 100)
        found = [
            e
            for e in latest
            if e.kind == "person"
            and e.gender == gender
            and e.first < before
            and " " not in e.name
            and _KIN_IN_DESCRIPTION.search(e.description)
            and near.search(self.text, max(0, e.first - 80), e.first)
        ]
        return found[0] if len(found) == 1 else None

    def _of_a_couple(self, token: Token) -> Entity | None:
        """ "Rajesh and Meena Patel": a given name before "and" and another's full name is
        a person of that surname too (news writes couples and siblings so)."""
        folded = token.word.casefold()
        if not token.word[1:].islower() or not is_given_name(folded) or is_place(folded):
            return None
        couple = _COUPLE_AFTER.match(self.text, token.end)
        if couple is None or not is_given_name(couple.group("given").casefold()):
            return None
        surname = couple.group("surname")
        if is_given_name(surname.casefold()) and gender_of(surname.casefold()):
            return None  # "Rajesh and Meena Grace": not a surname to share
        entity = self._person(f"{token.word} {surname}", token.start)
        return entity

    def _speaks_by_one_name(self, token: Token) -> bool:
        """Whether one capitalised word is a speaker's name: a speech verb right after it
        ("Mbumba said", "Mbumba recalled"), and a word the article never writes in lower
        case nor as a plural ("Officials said", "Critics say", "Democrats said" are not)."""
        word = token.word
        if len(word) < 3 or not word.isalpha() or word.endswith("s") or word.isupper():
            return False
        verb = _NEXT_WORD.match(self.text, token.end)
        if verb is None or not is_speech_verb(verb.group(1), "he"):
            return False
        known = self._speaking_names.get(word)
        if known is None:  # (once a word: its every mention is read)
            known = self._speaking_names[word] = self._speaks_as_a_name(word)
        return known

    def _speaks_as_a_name(self, word: str) -> bool:
        """`_speaks_by_one_name` for a word, from the whole text."""
        if self._lower_words is None:
            self._lower_words = self._words_written()
        if word.casefold() in self._lower_words:
            return False
        # Twice a speaker, and never part of a longer name ("He Yanping", "Canadian
        # Heritage", "Agriculture and Irrigation", "Court of First Instance"): a name of its
        # own, not a word of another's.
        if self._capital_starts is None:  # (one pass over the capitalised tokens, for all)
            self._capital_starts = {}
            texts, starts = self._token_texts, self._token_starts
            for index in self._capitals:
                self._capital_starts.setdefault(texts[index], []).append(starts[index])
        speaking = 0
        for start in self._capital_starts.get(word, ()):
            end = start + len(word)
            if _JOINED_BEFORE.search(self.text, max(0, start - 6), start):
                return False
            if _JOINED_AFTER.match(self.text, end):
                return False
            verb = _NEXT_WORD.match(self.text, end)
            speaking += verb is not None and is_speech_verb(verb.group(1), "he")
        return speaking >= 2

    def _introduced_by_given_name(self, token: Token) -> Entity | None:
        """ "Her husband, Paul, had a stroke": a person known by a given name alone, set
        after a word for a person, with that description (and its gender)."""
        folded = token.word.casefold()
        if not token.word[1:].islower():
            return None
        closed = self.text.startswith(",", token.end)
        if not closed and not _SENTENCE_END.match(self.text, token.end):
            return self._named_kin(token, folded)
        start = token.start
        aged = _AGED_BEFORE.search(self.text, max(0, start - 20), start)
        if aged is not None:
            start = aged.start()  # "his older daughter, nine-year-old Chidera,"
        introduced = _INTRODUCED_BEFORE.search(self.text, max(0, start - 60), start)
        if introduced is None or not _for_a_person(introduced.group("words")):
            return None
        words = introduced.group("words")
        if not closed and not _KIN_IN_DESCRIPTION.search(words):
            # "… and her husband, Rajesh.": at a sentence's end only after kin (not "the
            # owner, Acme.")
            return self._named_kin(token, folded)
        described = set(words.casefold().split())
        if not is_given_name(folded) and not described & (MALE | FEMALE):
            return None  # a word after a role ("the owner, Acme,"); after kin, a name
        entity = self._person(token.word, token.start)
        if len(entity.name.split()) == 1:
            self._given_only[id(entity)] = entity
        if not entity.description:
            entity.describe(words, token.start)
        gender = "m" if described & MALE else "f" if described & FEMALE else person_gender(folded)
        if gender and not entity.gender:
            entity.gender = gender
        return entity

    def _named_kin(self, token: Token, folded: str) -> Entity | None:
        """ "his wife Fran was giving him a shower": a given name right after someone's kin,
        with no comma, is that person (described and gendered by the kin word)."""
        if not is_given_name(folded):
            return None
        kin = _KIN_BEFORE_NAME.search(self.text, max(0, token.start - 40), token.start)
        if kin is None:
            return None
        word = kin.group("kin").casefold()
        entity = self._person(token.word, token.start)
        if len(entity.name.split()) == 1:
            self._given_only[id(entity)] = entity
        if not entity.description:
            entity.describe(kin.group("words"), token.start)
        gender = "m" if word in MALE else "f" if word in FEMALE else person_gender(folded)
        if gender and not entity.gender:
            entity.gender = gender
        return entity

    def _description(
        self, toks: Sequence[Token], first: int, titles: list[Token], last: int
    ) -> str:
        """ "Mount Royal University criminologist Doug King" / "Paul Dewar, an Ottawa MP,"."""
        before: list[Token] = []
        index = first - 1
        if titles:  # "Housing Minister Daniel Kerr": the words between `first` and the title
            index = max(index, bisect_left(self._token_starts, titles[0].start) - 1)
        while index >= 0 and len(before) < 6:
            token = toks[index]
            if "\n" in self.text[token.end : toks[index + 1].start]:
                break  # a description never crosses a paragraph break
            if (
                token.text in ("'", "’")
                and before
                and index > 0
                and toks[index - 1].end == token.start
                and toks[index - 1].folded.endswith("s")
            ):
                # "Riders' union spokesperson": a plural's apostrophe, written straight, is
                # a token of its own (it cut the description to "union spokesperson")
                before.insert(0, token)
                index -= 1
                continue
            if (
                token.folded in _NAME_JOINERS
                and before
                and before[0].text[:1].isupper()
                and index > 0
                and toks[index - 1].text[:1].isupper()
                and toks[index - 1].text[:1].isalpha()
            ):
                # "Chamber of Commerce president", "Board of Trade chair": a body's name
                # goes on through its "of" (cut there, "Commerce president" was offered)
                before.insert(0, token)
                index -= 1
                continue
            if (
                not token.text[:1].isalnum()
                or token.folded in _DESCRIPTION_STOPS
                or token.folded in _PREPOSITIONS  # "as more Democrats learn about Sanders"
                or (_verb_form(token.folded) and not self._noun_in_ing(toks, index, before, titles))
                or token.folded in _COMMON_VERBS  # "King's Bench jury has found Tobias …"
                or self._person_at(token)  # "Forward Chloé Bergeron-Tsang now trails"
            ):
                break
            before.insert(0, token)
            index -= 1
        words: list[str] = []
        for token in (*before, *titles):
            if token.text in ("'", "’") and words:
                words[-1] += token.text  # (the apostrophe back on its word)
            else:
                words.append(token.text)
        if words and (any(w[:1].islower() for w in words) or titles):
            return " ".join(words).strip(" ,")
        if first < len(toks):  # "His mother, Lorraine Fenwick," / "an influential sociologist, …"
            start = toks[first].start
            introduced = _introduced_before(self.text, start, 80)
            if introduced is not None and _for_a_person(introduced.group("words")):
                return introduced.group("words")
        if last < len(toks) and toks[last].text == ",":
            return self._appositive(toks[last].end)
        return ""

    def _noun_in_ing(
        self, toks: Sequence[Token], index: int, after: list[Token], titles: list[Token]
    ) -> bool:
        """Whether the "-ing" word at `index` names a field before a role ("Opposition
        housing critic", "Housing Minister", "marketing director"), not a verb: right before
        the role's words, and not after a word that takes a verb ("is", "after", "by")."""
        token = toks[index]
        if not token.folded.endswith("ing") or not (after or titles):
            return False
        if index == 0 or "\n" in self.text[toks[index - 1].end : token.start]:
            return True
        previous = toks[index - 1]
        return not (
            previous.folded in _PREPOSITIONS
            or previous.folded in _COMMON_VERBS
            or previous.folded in _ING_LEADS
            or _verb_form(previous.folded)
        )

    def _appositive(self, start: int) -> str:
        """The description set after a name and its comma, from `start`: ", an Ottawa New
        Democrat MP," / ", director of the gallery," / ", who became chief executive …,"."""
        stop = self.text.find(",", start)
        period = self.text.find(".", start)
        ends = [e for e in (stop, period) if e > 0]
        if not ends:
            return ""
        phrase = self.text[start : min(ends)].strip()
        role = role_clause(phrase)
        if role:
            return role  # ", who became chief executive in April after …,"
        lead = phrase.split(" ", 1)[0].casefold() if phrase else ""
        if (
            phrase
            and not _verb_form(lead)  # ", reached by phone,", ", left the court"
            and lead not in _COMMON_VERBS
            and not is_speech_verb(lead.rstrip(":;"), ",")  # ", said: “These are …”"
            # ", for the bill's lack of support," / ", in a statement,": an adjunct of the
            # sentence, not what the person is (", of Halifax," is)
            and (lead == "of" or lead not in _PREPOSITIONS)
            and (
                lead in {"a", "an", "the"}
                or phrase[:1].islower()
                or lead.endswith(("'s", "’s"))  # ", Ava’s mother,"
            )
            and len(phrase.split()) <= 12
        ):
            return phrase
        return ""

    def _person_at(self, token: Token) -> bool:
        """Whether `token` is part of a person's name found already (a description of
        someone never holds another person's name)."""
        mentions = self.mentions
        index = bisect_right(mentions, token.start, key=attrgetter("start")) - 1
        return (
            index >= 0
            and token.start < mentions[index].end
            and mentions[index].entity.kind == "person"
        )
